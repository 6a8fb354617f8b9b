"""The translation layer: English as written, the pseudo-locale, catalogues, dates and numbers."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

from coprod_check import i18n
from coprod_check.i18n import _, format_date, format_list, format_number, ngettext, npgettext, pgettext, pseudo


@pytest.fixture(autouse=True)
def source_language(monkeypatch):
    """Every test starts in English and leaves the layer in English."""
    monkeypatch.delenv(i18n.ENV, raising=False)
    i18n.set_language(None)
    yield
    i18n.set_language(None)


def test_english_is_the_text_as_written():
    assert i18n.language() == "en_GB" and i18n.is_source()
    assert _("Save the file.") == "Save the file."
    assert ngettext("{count} question", "{count} questions", 1).format(count=1) == "1 question"
    assert ngettext("{count} question", "{count} questions", 0).format(count=0) == "0 questions"
    assert pgettext("menu", "Open") == "Open"
    assert npgettext("people", "{count} person", "{count} people", 3).format(count=3) == "3 people"


@pytest.mark.parametrize("code", ["", "en", "en_GB", "en-US", "C", "POSIX"])
def test_every_english_code_is_the_source(code):
    assert i18n.set_language(code) == "en_GB"


def test_a_language_without_a_catalogue_falls_back_to_english():
    assert i18n.set_language("zz") == "en_GB"
    assert _("Save the file.") == "Save the file."


def test_the_environment_variable_chooses_the_language(monkeypatch):
    monkeypatch.setenv(i18n.ENV, "x-pseudo")
    assert i18n.set_language(None) == "x-pseudo"
    assert _("Save") != "Save"


def test_pseudo_changes_every_letter_and_lengthens_the_text():
    i18n.set_language("x-pseudo")
    text = _("Save the file before you close it.")
    assert text.startswith("[") and text.endswith("]")
    assert not re.search("[A-Za-z]", text), text
    assert len(text) > len("Save the file before you close it.") * 1.25


@pytest.mark.parametrize(
    "message, kept",
    [
        ("{count} of {total} answered", ["{count}", "{total}"]),
        ("{value:,} points, {{literal}}", ["{value:,}", "{{", "}}"]),
        ("%s saved %(name)s at %d%%", ["%s", "%(name)s", "%d", "%%"]),
        (
            '<b>Bold</b> and <a href="https://example.org/x">a link</a>',
            ["<b>", "</b>", '<a href="https://example.org/x">'],
        ),
        (
            "Fish &amp; chips&nbsp;&#8212; see https://example.org/page",
            ["&amp;", "&nbsp;", "&#8212;", "https://example.org/page"],
        ),
    ],
)
def test_pseudo_never_touches_placeholders_markup_or_addresses(message, kept):
    out = pseudo(message)
    for piece in kept:
        assert piece in out, (piece, out)
    # and the placeholders still format
    if "{count}" in message:
        assert pseudo(message).format(count=3, total=9).count("3") == 1


def test_pseudo_keeps_the_same_placeholders_for_str_format():
    message = "{name} answered {count} of {total}"
    fields = lambda s: sorted(m.group(0) for m in re.finditer(r"\{[^{}]*\}", s))  # noqa: E731
    assert fields(pseudo(message)) == fields(message)


def test_pseudo_plural_keeps_englishs_choice_of_form():
    i18n.set_language("x-pseudo")
    assert ngettext("{count} person", "{count} people", 1).format(count=1) == pseudo("{count} person").format(count=1)
    assert ngettext("{count} person", "{count} people", 2).format(count=2) == pseudo("{count} people").format(count=2)


def test_dates_are_uk_english_by_default():
    assert format_date("2026-11-24") == "24 November 2026"
    assert format_date(dt.date(2026, 3, 1), "medium") == "1 Mar 2026"
    assert format_number(1234.5) == "1,234.5"
    assert format_list(["a", "b", "c"]) == "a, b and c"


def test_dates_in_the_pseudo_locale_are_changed_too():
    i18n.set_language("x-pseudo")
    shown = format_date("2026-11-24")
    assert "November" not in shown and "24" in shown and "2026" in shown
    assert not shown.startswith("[")  # a date sits inside a sentence: no frame


def test_a_compiled_catalogue_is_used_with_its_own_plural_forms(tmp_path, monkeypatch):
    """A Welsh catalogue with six plural forms, compiled by Babel, read by the layer."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    catalog = Catalog(locale="cy", domain=i18n.DOMAIN)
    catalog.add("Save", "Cadw")
    forms = ("dim", "un", "dau", "tri", "chwe", "llawer")
    catalog.add(("{count} question", "{count} questions"), tuple(f"{{count}} {w}" for w in forms))
    folder = tmp_path / "cy" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with open(folder / f"{i18n.DOMAIN}.mo", "wb") as out:
        write_mo(out, catalog)
    monkeypatch.setattr(i18n, "LOCALE_DIR", str(tmp_path))
    assert i18n.set_language("cy") == "cy"
    assert _("Save") == "Cadw"
    assert _("Not translated yet") == "Not translated yet"
    picked = {n: ngettext("{count} question", "{count} questions", n).format(count=n) for n in (0, 1, 2, 3, 6, 7)}
    assert picked == {0: "0 dim", 1: "1 un", 2: "2 dau", 3: "3 tri", 6: "6 chwe", 7: "7 llawer"}
    assert format_date("2026-11-24") == "24 Tachwedd 2026"


def test_english_start_up_imports_neither_gettext_by_itself_nor_babel():
    """The layer adds nothing to an English start: no catalogue lookup, no Babel."""
    code = (
        "import sys\n"
        "sys.modules['gettext'] = None\n"  # importing it now raises ImportError
        "from coprod_check.i18n import _, ngettext\n"
        "assert _('Save') == 'Save' and ngettext('a', 'b', 2) == 'b'\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'babel'))\n"
    )
    env = {k: v for k, v in __import__("os").environ.items() if k != i18n.ENV}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0 and out.stdout.strip() == "[]", out.stdout + out.stderr


def test_the_layer_sits_at_the_bottom():
    """i18n imports nothing of the app (it is the bottom layer of the import-linter contract)."""
    source = Path(i18n.__file__).read_text(encoding="utf-8")
    assert "coprod_check." not in "".join(line for line in source.splitlines() if "import" in line)


def test_the_language_asked_for_is_known_even_without_a_catalogue(monkeypatch):
    """The app's sentences fall back to English, but a questionnaire's own Welsh is still used."""
    assert i18n.requested_language() == ""
    assert i18n.set_language("cy-GB") == "en_GB" and i18n.requested_language() == "cy_GB"
    i18n.set_language(None)
    monkeypatch.setenv(i18n.ENV, "pl")
    assert i18n.requested_language() == "pl"
    monkeypatch.setenv(i18n.ENV, "en_GB")
    assert i18n.requested_language() == ""
