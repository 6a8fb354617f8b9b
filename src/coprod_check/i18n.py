"""The one translation layer: every sentence a person reads goes through here.

The window, the command line, the printed plan and every export take their words from
this module, so that a language is added once, as a catalogue, and not by touching each
module that speaks. The source language is UK English (``en_GB``); the words in the code
are the English text, and gettext looks them up in a compiled catalogue for any other
language. Babel extracts the catalogue template and formats dates and numbers.

The rules (binding for every new sentence, in any module)
--------------------------------------------------------

* **Whole sentences, named placeholders.** ``_("{name} saved the file.").format(name=who)``,
  never ``"It " + _(message)`` or a sentence glued from fragments: word order differs
  between languages. Do not pass an f-string to ``_`` (extraction cannot see it); put the
  values in afterwards with ``.format(...)``.
* **Counts go through** ``ngettext``: ``ngettext("{count} question", "{count} questions",
  n).format(count=n)``. English has two forms; Welsh has six, Polish four. Never add an "s".
* **Dates and numbers go through Babel**, with the helpers below (``format_date``,
  ``format_number``, ...), never hand-written month names. They use the active language's
  locale, and ``en_GB`` for English, whatever the system's own locale is.
* **Words at module level** (a table of titles) may be ``_("...")``: they are translated as
  the module is imported, in the language the process was started in. Where the English
  is also an identifier (a key another module looks up), mark it with ``N_`` so extraction
  finds it, keep the English as the key, and translate where it is shown: ``_(LEVELS[i])``.
* **The same English for two meanings** takes a context: ``pgettext("menu", "Open")``.
* **Not through the layer:** text that comes from a file (a questionnaire's prompts,
  levels, actions and glossary, which carry their own translations beside the file),
  what people typed, file names, and identifiers a program reads (JSON keys, command names).
* Do not name a throwaway variable ``_`` in a module that imports ``_``.

The language is chosen by the environment variable ``COPROD_CHECK_LANGUAGE`` (for example
``cy`` for Welsh), read once, the first time a word is asked for. Unset, empty or an English
code means the source text: then neither ``gettext`` nor Babel is imported (the command
line's start-up stays within 1.5x of ``python -c "import yaml"``); a compiled catalogue is
loaded lazily, and only for a language other than English. A language without a catalogue
falls back to English. ``x-pseudo`` is the pseudo-locale: every letter accented and the text
lengthened by about a third inside ``[...]``, leaving ``{placeholders}``, ``%s``, markup and
entities alone, so that any English left on a screen or page stands out and tests can find it.

The catalogue template is ``src/coprod_check/locale/coprod_check.pot``; refresh it with
``python tools/extract_messages.py`` (a test fails when it is out of date).
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

ENV = "COPROD_CHECK_LANGUAGE"
SOURCE = "en_GB"
PSEUDO = "x-pseudo"
DOMAIN = "coprod_check"
LOCALE_DIR = os.path.join(os.path.dirname(__file__), "locale")

__all__ = [
    "N_",
    "_",
    "format_date",
    "format_datetime",
    "format_decimal",
    "format_list",
    "format_number",
    "format_percent",
    "format_time",
    "is_source",
    "language",
    "locale_name",
    "ngettext",
    "npgettext",
    "pgettext",
    "pseudo",
    "requested_language",
    "set_language",
]


class _Catalogue(Protocol):
    def gettext(self, message: str, /) -> str: ...
    def ngettext(self, singular: str, plural: str, n: int, /) -> str: ...
    def pgettext(self, context: str, message: str, /) -> str: ...
    def npgettext(self, context: str, singular: str, plural: str, n: int, /) -> str: ...


# The active language, worked out on first use: (code, catalogue or None for the source
# text or the pseudo-locale, Babel locale name).
_active: tuple[str, _Catalogue | None, str] | None = None
_requested: str | None = None  # what set_language() was given; None: the environment decides


def _is_english(code: str) -> bool:
    return code == "" or code.replace("-", "_").split("_")[0].lower() in ("en", "c", "posix")


def _resolve(code: str | None) -> tuple[str, _Catalogue | None, str]:
    code = (code or "").strip()
    if _is_english(code):
        return SOURCE, None, SOURCE
    if code == PSEUDO:
        return PSEUDO, None, SOURCE
    code = code.replace("-", "_")
    import gettext  # only for a language other than the source: never on an English start-up

    catalogue = gettext.translation(DOMAIN, LOCALE_DIR, languages=[code], fallback=True)
    if type(catalogue) is gettext.NullTranslations:  # no catalogue for it: English, not half a language
        return SOURCE, None, SOURCE
    return code, catalogue, code


def _state() -> tuple[str, _Catalogue | None, str]:
    global _active
    if _active is None:
        _active = _resolve(os.environ.get(ENV))
    return _active


def set_language(code: str | None) -> str:
    """Choose the language now (``None``: from ``COPROD_CHECK_LANGUAGE`` again); returns the code in force.

    Words already translated at module level keep their language, which is why tables are
    marked with ``N_`` and translated where they are shown."""
    global _active, _requested
    _requested = code
    _active = _resolve(os.environ.get(ENV) if code is None else code)
    return _active[0]


def language() -> str:
    """The language in force: ``en_GB`` (the source), ``x-pseudo``, or a catalogue's code such as ``cy``."""
    return _state()[0]


def requested_language() -> str:
    """The language asked for, whether or not the app has a catalogue for it ("cy"; "" for
    English): a questionnaire's own translation is used for it even while the app's sentences
    fall back to English."""
    code = (_requested if _requested is not None else os.environ.get(ENV) or "").strip()
    return "" if _is_english(code) else code.replace("-", "_")


def locale_name() -> str:
    """The locale dates and numbers are formatted in, as Babel and Qt name it: "en_GB", or a
    catalogue's language such as "cy" (the pseudo-locale formats as en_GB, then accents)."""
    return _state()[2]


def is_source() -> bool:
    """True when the words shown are the English of the code itself."""
    return _state()[0] == SOURCE


def N_(message: str) -> str:
    """Mark a message for the catalogue without translating it yet (module-level tables)."""
    return message


def _(message: str) -> str:
    """A whole sentence (or label) in the language in force."""
    code, catalogue, _locale = _state()
    if catalogue is not None:
        return catalogue.gettext(message)
    return pseudo(message) if code == PSEUDO else message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counted sentence for ``n`` (English two forms, Welsh six); put ``n`` in with ``.format``."""
    code, catalogue, _locale = _state()
    if catalogue is not None:
        return catalogue.ngettext(singular, plural, n)
    chosen = singular if n == 1 else plural
    return pseudo(chosen) if code == PSEUDO else chosen


def pgettext(context: str, message: str) -> str:
    """``_`` for an English word that means two things: the context tells translators which."""
    code, catalogue, _locale = _state()
    if catalogue is not None:
        return catalogue.pgettext(context, message)
    return pseudo(message) if code == PSEUDO else message


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    """``ngettext`` with a context."""
    code, catalogue, _locale = _state()
    if catalogue is not None:
        return catalogue.npgettext(context, singular, plural, n)
    chosen = singular if n == 1 else plural
    return pseudo(chosen) if code == PSEUDO else chosen


# --- the pseudo-locale --------------------------------------------------------------------

# Every ASCII letter has a different-looking letter from Latin-1 or Latin Extended-A (the
# printed plan's fonts and the window's cover them: the same letters as Welsh, Polish and
# Turkish), so an ASCII word left on a screen is one that did not go through the layer.
_PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ACCENTS = "áƀçđéƒĝĥíĵķĺɱñóþǫŕşţúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓÞǪŔŞŢÚṼŴẊÝŽ"
# Left exactly as they are: str.format fields ({name}, {n:,}, {{ and }}), printf fields
# (%s, %(name)d, %%), markup tags (<b>, <a href="...">), entities (&amp;) and web addresses.
_PROTECTED = (
    r"\{\{|\}\}|\{[^{}]*\}"
    r"|%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgG%]"
    r"|<[^<>]*>"
    r"|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);"
    r"|(?:https?|mailto|file):[^\s<>\"']+"
)
_compiled: tuple[dict[int, int], re.Pattern[str], re.Pattern[str]] | None = None


def _patterns() -> tuple[dict[int, int], re.Pattern[str], re.Pattern[str]]:
    # Compiled on first use, so that an English start pays nothing for the pseudo-locale.
    global _compiled
    if _compiled is None:
        # Vowels are doubled: English grows by about a third in most languages, and the
        # layout must be seen to hold it.
        _compiled = (str.maketrans(_PLAIN, _ACCENTS), re.compile("([áéíóúýÁÉÍÓÚÝ])"), re.compile(_PROTECTED))
    return _compiled


def _pseudo_text(text: str) -> str:
    accented, longer, _protected = _patterns()
    return longer.sub(r"\1\1", text.translate(accented))


def pseudo(message: str, frame: bool = True) -> str:
    """The pseudo-locale's form of ``message``: letters accented, vowels doubled, and (with
    ``frame``) the whole inside ``[`` and ``]``, so that cut-off text shows; placeholders,
    markup, entities and addresses are kept exactly."""
    if not message:
        return message
    out: list[str] = []
    last = 0
    for match in _patterns()[2].finditer(message):
        out.append(_pseudo_text(message[last : match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(_pseudo_text(message[last:]))
    text = "".join(out)
    return f"[{text}]" if frame else text


# --- dates and numbers, through Babel ----------------------------------------------------


def _babel_locale() -> str:
    return _state()[2]


def _shown(text: str) -> str:
    # A month's name is English words too: the pseudo-locale changes it, without a frame,
    # because it sits inside a sentence.
    return pseudo(text, frame=False) if _state()[0] == PSEUDO else text


def _as_date(value: dt.date | str) -> dt.date:
    import datetime

    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def format_date(value: dt.date | str, format: str = "long") -> str:
    """A date in the language in force: ``long`` "24 November 2026", ``medium`` "24 Nov 2026"
    (en_GB), ``short``, ``full`` or a Babel pattern. Takes a date or an ISO "2026-11-24"."""
    from babel.dates import format_date as babel_format_date

    return _shown(babel_format_date(_as_date(value), format, locale=_babel_locale()))


def format_datetime(value: dt.datetime, format: str = "medium") -> str:
    """A date and time in the language in force (the time as given: pass local time)."""
    from babel.dates import format_datetime as babel_format_datetime

    return _shown(babel_format_datetime(value, format, locale=_babel_locale()))


def format_time(value: dt.time | dt.datetime, format: str = "short") -> str:
    """A time of day in the language in force ("14:05" in en_GB)."""
    from babel.dates import format_time as babel_format_time

    return _shown(babel_format_time(value, format, locale=_babel_locale()))


def format_number(value: int | float) -> str:
    """A number with the locale's grouping and decimal sign ("1,234.5" in en_GB)."""
    return format_decimal(value)


def format_decimal(value: Any, format: str | None = None) -> str:
    """A decimal number, optionally with a Babel pattern such as ``"#,##0.0"``."""
    from babel.numbers import format_decimal as babel_format_decimal

    return babel_format_decimal(value, format, locale=_babel_locale())


def format_percent(value: Any, format: str | None = None) -> str:
    """A fraction as a percentage: 0.25 as "25%" in en_GB."""
    from babel.numbers import format_percent as babel_format_percent

    return babel_format_percent(value, format, locale=_babel_locale())


def format_list(items: Iterable[str], style: str = "standard") -> str:
    """Items joined as the language joins them: "a, b and c" in en_GB (``style="or"``: "a, b or c")."""
    from babel.lists import format_list as babel_format_list

    return _shown(babel_format_list(list(items), style, locale=_babel_locale()))  # type: ignore[arg-type]
