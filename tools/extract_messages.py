"""Extract every translatable message into the catalogue template, with Babel.

    python tools/extract_messages.py            # writes src/coprod_check/locale/coprod_check.pot
    python tools/extract_messages.py --check    # exits 1 if the committed template is out of date

It reads every module under src/coprod_check for the layer's calls (``_``, ``N_``,
``ngettext``, ``pgettext``, ``npgettext``; see src/coprod_check/i18n.py) and writes one
template, sorted by message, with the file each message comes from but no line numbers and
no creation date, so that the template changes only when a message does (and merges stay
easy). A translator starts a language from it with Babel's own commands:

    pybabel init -D coprod_check -i src/coprod_check/locale/coprod_check.pot -d src/coprod_check/locale -l cy
    pybabel update -D coprod_check -i src/coprod_check/locale/coprod_check.pot -d src/coprod_check/locale
    pybabel compile -D coprod_check -d src/coprod_check/locale

tests/test_catalogue_template.py fails when the committed template is out of date.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "coprod_check"
TEMPLATE = PACKAGE / "locale" / "coprod_check.pot"
KEYWORDS = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
}
# Comments written "# Translators: ..." just above a message reach the translator.
COMMENT_TAGS = ["Translators:"]


def template_text() -> str:
    """The template as it should be committed, worked out from the source now."""
    catalog = Catalog(
        project="coprod-check",
        domain="coprod_check",
        msgid_bugs_address="",
        copyright_holder="The coprod-check project",
        charset="utf-8",
        fuzzy=False,
        header_comment=(
            "# The catalogue template of coprod-check: every sentence the app shows, in UK English.\n"
            "# Made by `python tools/extract_messages.py`; do not edit by hand."
        ),
    )
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
    ):
        where = f"src/coprod_check/{filename}".replace("\\", "/")
        catalog.add(message, None, [(where, lineno)], auto_comments=comments, context=context)
    out = io.BytesIO()
    write_po(out, catalog, width=100, sort_output=True, include_lineno=False)
    return "\n".join(line for line in out.getvalue().decode("utf-8").splitlines() if not _dated(line)) + "\n"


def _dated(line: str) -> bool:
    # The creation date and Babel's version would change the file on every run.
    return line.startswith(('"POT-Creation-Date:', '"Generated-By:', '"PO-Revision-Date:'))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether the committed template is current")
    args = parser.parse_args(argv)
    text = template_text()
    current = TEMPLATE.read_text(encoding="utf-8") if TEMPLATE.exists() else None
    if args.check:
        if current != text:
            print(f"{TEMPLATE.relative_to(ROOT)} is out of date: run python tools/extract_messages.py", file=sys.stderr)
            return 1
        return 0
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATE.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {TEMPLATE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
