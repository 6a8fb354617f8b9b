"""The shapes every questionnaire check is built from: a mapping with the keys it may have, a list,
a piece of text, an id; each problem recorded with its file, line and key. Used by loader.py."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, TypeVar

from coprod_check.domain.errors import Problem, QuestionnaireError
from coprod_check.i18n import _

if TYPE_CHECKING:
    from coprod_check.domain.yamlsource import Path

ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
MAX_TEXT = 5_000
_Found = TypeVar("_Found")


class Shapes:
    """Checks of a questionnaire's shapes, collecting every problem rather than stopping at the first."""

    def __init__(self, source: str, lines: dict[Path, int]):
        self.source = source
        self.lines = lines
        self.problems: list[Problem] = []

    def error(self, path: Path, message: str) -> None:
        from coprod_check.domain.yamlsource import dotted

        line = None
        for i in range(len(path), -1, -1):
            line = self.lines.get(path[:i])
            if line:
                break
        self.problems.append(Problem(self.source, line, f"{dotted(path)}: {message}"))

    def checked(self, found: _Found | None) -> _Found:
        """What a document's checks `found`, or QuestionnaireError listing every problem in reading
        order ("is empty" when the document held nothing)."""
        if self.problems or found is None:
            problems = sorted(self.problems, key=lambda p: p.line or 0)
            raise QuestionnaireError(problems or [Problem(self.source, 1, _("is empty"))])
        return found

    def mapping(
        self, value: Any, path: Path, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.error(path, _("should be a mapping of keys to values, not {kind}").format(kind=_kind(value)))
            return None
        allowed = required + optional
        for key in value:
            if key not in allowed:
                import difflib

                hint = difflib.get_close_matches(key, allowed, n=1)
                suggestion = _(" (did you mean {hint!r}?)").format(hint=hint[0]) if hint else ""
                self.error(
                    (*path, key),
                    _("unknown key {key!r}{suggestion}; allowed: {items}").format(
                        key=key, suggestion=suggestion, items=", ".join(allowed)
                    ),
                )
        for key in required:
            if key not in value:
                self.error(path, _("the key {key!r} is missing").format(key=key))
        return value

    def items(self, value: Any, path: Path, what: str, minimum: int = 1) -> list[Any]:
        if not isinstance(value, list):
            self.error(path, _("should be a list of {what}, not {kind}").format(what=what, kind=_kind(value)))
            return []
        if len(value) < minimum:
            self.error(path, _("needs at least {minimum} {what}").format(minimum=minimum, what=what))
        return value

    def text(self, m: dict[str, Any], key: str, path: Path, required: bool = True) -> str:
        if key not in m:
            return ""
        value = m[key]
        if not isinstance(value, str):
            self.error((*path, key), _("should be text, not {kind}").format(kind=_kind(value)))
            return ""
        if not value.strip():
            if required:
                self.error((*path, key), _("is empty"))
            return ""
        if len(value) > MAX_TEXT:
            self.error((*path, key), _("is longer than {MAX_TEXT:,} characters").format(MAX_TEXT=MAX_TEXT))
        return value.strip()

    def ident(self, m: dict[str, Any], key: str, path: Path) -> str:
        value = self.text(m, key, path)
        if value and not ID_PATTERN.match(value):
            self.error(
                (*path, key),
                _(
                    "{value!r} is not a valid id: use lower case letters, "
                    "digits and single hyphens, starting with a letter"
                ).format(value=value),
            )
            return ""
        return value

    def unique(self, seen: dict[str, Path], value: str, path: Path, what: str) -> None:
        if not value:
            return
        if value in seen:
            first = self.lines.get(seen[value])
            self.error(
                path,
                _("the {what} id {value!r} is used twice (first at line {first})").format(
                    what=what, value=value, first=first
                ),
            )
        else:
            seen[value] = path


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value


def _short(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return _("a number too long to show")
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )
