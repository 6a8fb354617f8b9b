"""The questionnaire's content aids: what a file holds (`kind:`), its themes, its glossary, and each
question's themes and sources. A part of the questionnaire loader (loader.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coprod_check.domain.errors import Problem, QuestionnaireError
from coprod_check.domain.loader_shapes import MAX_TEXT, Shapes, _kind, _short
from coprod_check.domain.questionnaire import KINDS, GlossaryEntry, Theme
from coprod_check.i18n import _

if TYPE_CHECKING:
    from coprod_check.domain.yamlsource import Path


def document_kind(data: Any, source: str, lines: dict[Path, int]) -> str:
    """What a file holds, from its top-level `kind:`; absent means a questionnaire. An unknown
    kind is an error, so that a mistyped one is never read as a questionnaire."""
    if not isinstance(data, dict) or "kind" not in data:
        return "questionnaire"
    kind = data["kind"]
    if kind not in KINDS:
        raise QuestionnaireError(
            [
                Problem(
                    source,
                    lines.get(("kind",)),
                    _("kind: should be one of {items}, not {found}").format(items=", ".join(KINDS), found=_short(kind)),
                )
            ]
        )
    return str(kind)


class ContentChecks(Shapes):
    """Checks of the themes, the glossary, and what each question says about them."""

    def themes(self, value: Any) -> tuple[Theme, ...]:
        out: list[Theme] = []
        seen: dict[str, Path] = {}
        for i, item in enumerate(self.items(value, ("themes",), "themes")):
            p: Path = ("themes", i)
            m = self.mapping(item, p, ("id", "title"), ("description",))
            if m is None:
                continue
            tid = self.ident(m, "id", p)
            self.unique(seen, tid, (*p, "id"), "theme")
            out.append(Theme(tid, self.text(m, "title", p), self.text(m, "description", p)))
        return tuple(out)

    def glossary(self, value: Any) -> tuple[GlossaryEntry, ...]:
        out: list[GlossaryEntry] = []
        seen: dict[str, Path] = {}
        for i, item in enumerate(self.items(value, ("glossary",), "terms")):
            p: Path = ("glossary", i)
            m = self.mapping(item, p, ("term", "meaning"), ("also",))
            if m is None:
                continue
            term = self.text(m, "term", p)
            also: list[str] = []
            for j, form in enumerate(self.items(m.get("also", []), (*p, "also"), _("other forms"), minimum=0)):
                if not isinstance(form, str) or not form.strip():
                    self.error((*p, "also", j), _("should be a word or phrase, not {kind}").format(kind=_kind(form)))
                else:
                    also.append(form.strip())
            for j, form in enumerate([term, *also]):
                where: Path = (*p, "term") if j == 0 else (*p, "also", j - 1)
                key = form.casefold()
                if key and key in seen:
                    first = self.lines.get(seen[key])
                    self.error(
                        where,
                        _("the term {form!r} is explained twice (first at line {first})").format(
                            form=form, first=first
                        ),
                    )
                elif key:
                    seen[key] = where
            out.append(GlossaryEntry(term, self.text(m, "meaning", p), tuple(also)))
        return tuple(out)

    def question_themes(self, m: dict[str, Any], path: Path, themes: tuple[Theme, ...] | None) -> tuple[str, ...]:
        """The themes a question reaches: required, and declared, once the file declares themes."""
        if themes is None:
            if "themes" in m:
                self.error((*path, "themes"), _("declare the themes first, in a top-level 'themes:' list"))
            return ()
        if "themes" not in m:
            self.error(path, _("the key 'themes' is missing: list the themes this question reaches"))
            return ()
        known = {t.id for t in themes}
        out: list[str] = []
        for j, tid in enumerate(self.items(m["themes"], (*path, "themes"), _("theme ids"))):
            if tid not in known:
                hint = ", ".join(sorted(known)) or "none"
                self.error(
                    (*path, "themes", j),
                    _("there is no theme {found} (themes: {hint})").format(found=_short(tid), hint=hint),
                )
            elif tid in out:
                self.error((*path, "themes", j), _("the theme {tid!r} is listed twice").format(tid=tid))
            else:
                out.append(tid)
        return tuple(out)

    def sources(self, m: dict[str, Any], path: Path) -> tuple[str, ...]:
        """`source:` is one text or a list of texts: the frameworks a question draws on."""
        if "source" not in m:
            return ()
        value = m["source"]
        if isinstance(value, str):
            return (self.text(m, "source", path),)
        out = []
        for j, item in enumerate(self.items(value, (*path, "source"), "sources")):
            if not isinstance(item, str) or not item.strip():
                self.error(
                    (*path, "source", j),
                    _("should be the name of a framework or reference, not {kind}").format(kind=_kind(item)),
                )
            elif len(item) > MAX_TEXT:
                self.error((*path, "source", j), _("is longer than {MAX_TEXT:,} characters").format(MAX_TEXT=MAX_TEXT))
            else:
                out.append(item.strip())
        return tuple(out)
