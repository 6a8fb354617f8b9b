"""Turn questionnaire YAML into a Questionnaire, or report every problem.

Strict on purpose: questionnaires are written by people, and a typo in a key
must never silently hide a question. Each problem names the file, the line
and the offending key.
"""

from __future__ import annotations

import re
from pathlib import Path as FilePath
from typing import TYPE_CHECKING, Any

from coprod_check.domain.errors import CompanionFile, Problem, QuestionnaireError
from coprod_check.domain.loader_content import ContentChecks, document_kind
from coprod_check.domain.loader_shapes import ID_PATTERN, MAX_TEXT, _is_number, _kind, _short
from coprod_check.domain.loader_stages import StageChecks
from coprod_check.domain.questionnaire import (
    FACETS,
    RESERVED_CHOICES,
    TIMESCALES,
    VERSION_PATTERN,
    Action,
    Change,
    Critical,
    Domain,
    Level,
    Perspective,
    Question,
    Questionnaire,
    Stage,
    Theme,
)
from coprod_check.domain.reading import read_questionnaire_bytes
from coprod_check.i18n import _

if TYPE_CHECKING:
    from coprod_check.domain.yamlsource import Path

LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
ACTION_KEYS = ("title", "why", "how", "owner", "timescale")
QUESTION_OPTIONAL = (
    *("weight", "not_applicable", "critical", "find_out", "scale"),
    *("themes", "evidence", "source", "content_note"),
)


def load_questionnaire_file(path: FilePath) -> Questionnaire:
    """Read and check one questionnaire file."""
    return parse_questionnaire_bytes(read_questionnaire_bytes(path), str(path))


def parse_questionnaire_bytes(raw: bytes, source: str) -> Questionnaire:
    """Check a questionnaire file's bytes, which must be UTF-8 text."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise QuestionnaireError(
            [Problem(source, None, _("is not UTF-8 text (byte {start})").format(start=exc.start))]
        ) from None
    return parse_questionnaire(text, source)


def parse_questionnaire(text: str, source: str = "<text>") -> Questionnaire:
    """Check questionnaire YAML text; raise QuestionnaireError listing every problem."""
    from coprod_check.domain.yamlsource import load_yaml  # PyYAML only when there is YAML to read

    data, lines = load_yaml(text, source)
    kind = document_kind(data, source, lines)
    if kind != "questionnaire":
        raise CompanionFile(source, kind)
    checker = _Checker(source, lines)
    return checker.checked(checker.questionnaire(data))


class _Checker(StageChecks, ContentChecks):
    """Every check of a questionnaire document, its domains and its questions."""

    # -- reporting ---------------------------------------------------------

    # -- shapes --------------------------------------------------------------

    # -- the document ------------------------------------------------------

    def questionnaire(self, data: Any) -> Questionnaire | None:
        if data is None:
            return None
        top = self.mapping(
            data,
            (),
            ("id", "title", "version", "language", "description", "perspectives", "stages", "domains"),
            ("levels", "scales", "bands", "places", "changes", "kind", "themes", "glossary", "support"),
        )
        if top is None:
            return None
        qid = self.ident(top, "id", ())
        title = self.text(top, "title", ())
        version = top.get("version")
        if "version" in top:
            if isinstance(version, float):
                self.error(
                    ("version",),
                    _('write the version in quotes, as "{version}", so that 1.10 stays 1.10').format(version=version),
                )
            elif not isinstance(version, str) or not VERSION_PATTERN.fullmatch(version):
                self.error(
                    ("version",),
                    _('should be MAJOR.MINOR in quotes, such as "1.0", each part at most 6 digits; got {found}').format(
                        found=_short(version)
                    ),
                )
        language = self.text(top, "language", ())
        if language and not LANGUAGE_PATTERN.match(language):
            self.error(
                ("language",), _("{language!r} is not a language tag such as en-GB or cy").format(language=language)
            )
        description = self.text(top, "description", ())
        if "levels" not in top and "scales" not in top:
            self.error((), _("the key 'levels' is missing (or give 'scales')"))
        levels = self.levels(top.get("levels"), ("levels",)) if "levels" in top else ()
        scales = self.scales(top.get("scales"), ("scales",)) if "scales" in top else {}
        perspectives = self.perspectives(top.get("perspectives"), ("perspectives",)) if "perspectives" in top else ()
        stages = self.stages(top.get("stages"), ("stages",)) if "stages" in top else ()
        all_scales = {"": levels, **scales} if levels else dict(scales)
        themes = self.themes(top["themes"]) if "themes" in top else None
        glossary = self.glossary(top["glossary"]) if "glossary" in top else ()
        support = self.text(top, "support", ())
        domains = self.domains(top.get("domains"), ("domains",), all_scales, stages, themes) if "domains" in top else ()
        stages = self.requirements(top.get("stages"), stages, domains)
        bands, places = self.bands_and_places(top)
        changes = self.changes(top["changes"], domains) if "changes" in top else ()
        if self.problems:
            return None
        return Questionnaire(
            id=qid,
            title=title,
            version=str(version),
            language=language,
            description=description,
            levels=levels,
            perspectives=perspectives,
            stages=stages,
            domains=domains,
            source=self.source,
            scales=scales,
            bands=bands,
            places=places,
            changes=changes,
            themes=themes or (),
            glossary=glossary,
            support=support,
        )

    def changes(self, value: Any, domains: tuple[Domain, ...]) -> tuple[Change, ...]:
        ids = {q.id for d in domains for q in d.questions}
        out = []
        for i, item in enumerate(self.items(value, ("changes",), "changes")):
            p: Path = ("changes", i)
            m = self.mapping(item, p, ("version", "what"), ("review",))
            if m is None:
                continue
            version = m.get("version")
            if not isinstance(version, str) or not VERSION_PATTERN.match(version):
                self.error(
                    (*p, "version"),
                    _('should be MAJOR.MINOR in quotes, such as "1.1"; got {version!r}').format(version=version),
                )
                version = ""
            review: list[str] = []
            for j, qid in enumerate(self.items(m.get("review", []), (*p, "review"), _("question ids"), minimum=0)):
                if qid not in ids:
                    self.error((*p, "review", j), _("there is no question {qid!r}").format(qid=qid))
                else:
                    review.append(qid)
            out.append(Change(str(version), self.text(m, "what", p), tuple(review)))
        return tuple(out)

    def scales(self, value: Any, path: Path) -> dict[str, tuple[Level, ...]]:
        if not isinstance(value, dict):
            self.error(path, _("should be a mapping of scale ids to scales, not {kind}").format(kind=_kind(value)))
            return {}
        m = value
        out: dict[str, tuple[Level, ...]] = {}
        if not m:
            self.error(path, _("needs at least one scale"))
        for sid, item in m.items():
            p = (*path, sid)
            if not isinstance(sid, str) or not ID_PATTERN.match(sid):
                self.error(
                    p,
                    _(
                        "{sid!r} is not a valid scale id: use lower case letters, digits and "
                        "single hyphens, starting with a letter"
                    ).format(sid=sid),
                )
                continue
            sm = self.mapping(item, p, ("levels",))
            if sm is not None and "levels" in sm:
                out[sid] = self.levels(sm["levels"], (*p, "levels"))
        return out

    def levels(self, value: Any, path: Path) -> tuple[Level, ...]:
        out: list[Level] = []
        seen: dict[str, Path] = {}
        for i, item in enumerate(self.items(value, path, "levels", minimum=3)):
            p = (*path, i)
            m = self.mapping(item, p, ("id", "label", "meaning"))
            if m is None:
                continue
            lid = self.ident(m, "id", p)
            if lid in RESERVED_CHOICES:
                self.error((*p, "id"), _("{lid!r} is reserved for the answer of that name").format(lid=lid))
            self.unique(seen, lid, (*p, "id"), "level")
            out.append(Level(lid, self.text(m, "label", p), self.text(m, "meaning", p)))
        return tuple(out)

    def perspectives(self, value: Any, path: Path) -> tuple[Perspective, ...]:
        out: list[Perspective] = []
        seen: dict[str, Path] = {}
        for i, item in enumerate(self.items(value, path, "perspectives")):
            p = (*path, i)
            m = self.mapping(item, p, ("id", "label", "description"))
            if m is None:
                continue
            pid = self.ident(m, "id", p)
            self.unique(seen, pid, (*p, "id"), "perspective")
            out.append(Perspective(pid, self.text(m, "label", p), self.text(m, "description", p)))
        return tuple(out)

    def domains(
        self,
        value: Any,
        path: Path,
        scales: dict[str, tuple[Level, ...]],
        stages: tuple[Stage, ...],
        themes: tuple[Theme, ...] | None = None,
    ) -> tuple[Domain, ...]:
        out: list[Domain] = []
        domain_ids: dict[str, Path] = {}
        question_ids: dict[str, Path] = {}
        for i, item in enumerate(self.items(value, path, "domains")):
            p = (*path, i)
            m = self.mapping(item, p, ("id", "title", "description", "questions"))
            if m is None:
                continue
            did = self.ident(m, "id", p)
            self.unique(domain_ids, did, (*p, "id"), "domain")
            questions = []
            if "questions" in m:
                for j, q in enumerate(self.items(m["questions"], (*p, "questions"), "questions")):
                    question = self.question(q, (*p, "questions", j), did, scales, stages, question_ids, themes)
                    if question:
                        questions.append(question)
            out.append(Domain(did, self.text(m, "title", p), self.text(m, "description", p), tuple(questions)))
        return tuple(out)

    def question(
        self,
        value: Any,
        path: Path,
        domain_id: str,
        scales: dict[str, tuple[Level, ...]],
        stages: tuple[Stage, ...],
        seen: dict[str, Path],
        themes: tuple[Theme, ...] | None = None,
    ) -> Question | None:
        m = self.mapping(
            value,
            path,
            ("id", "prompt", "why", "orientation", "levels", "actions"),
            (
                "weight",
                "not_applicable",
                "critical",
                "find_out",
                "scale",
                "themes",
                "evidence",
                "source",
                "content_note",
            ),
        )
        if m is None:
            return None
        qid = self.ident(m, "id", path)
        self.unique(seen, qid, (*path, "id"), "question")
        orientation = m.get("orientation")
        if "orientation" in m and orientation not in FACETS:
            self.error(
                (*path, "orientation"),
                _("should be 'care', 'with' or 'parity', not {found}").format(found=_short(orientation)),
            )
        weight = m.get("weight", 1)
        if not _is_number(weight) or not 0.5 <= weight <= 5:
            self.error((*path, "weight"), _("should be a number from 0.5 to 5, not {weight!r}").format(weight=weight))
            weight = 1
        not_applicable = m.get("not_applicable", False)
        if not isinstance(not_applicable, bool):
            self.error(
                (*path, "not_applicable"),
                _("should be true or false, not {not_applicable!r}").format(not_applicable=not_applicable),
            )
            not_applicable = False
        scale = self.text(m, "scale", path) if "scale" in m else ""
        if scale and scale not in scales:
            named = ", ".join(k for k in scales if k) or "none"
            self.error(
                (*path, "scale"), _("there is no scale {scale!r} (scales: {named})").format(scale=scale, named=named)
            )
        elif not scale and "" not in scales:
            if len(scales) == 1:
                scale = next(iter(scales))
            elif scales:
                self.error(
                    path,
                    _(
                        "say which scale this question is answered on ('scale:'), "
                        "because the questionnaire has no top-level 'levels'"
                    ),
                )
        levels = scales.get(scale, ())
        level_ids = [lv.id for lv in levels]
        sentences = self.per_level(m, "levels", path, level_ids, self._sentence)
        actions = self.per_level(m, "actions", path, level_ids[:-1], self.action)
        critical = self.critical(m["critical"], (*path, "critical"), level_ids, stages) if "critical" in m else None
        return Question(
            id=qid,
            domain_id=domain_id,
            prompt=self.text(m, "prompt", path),
            why=self.text(m, "why", path),
            orientation=str(orientation),
            weight=float(weight),
            not_applicable=not_applicable,
            critical=critical,
            levels=sentences,
            actions=actions,
            find_out=self.text(m, "find_out", path, required=False) or None,
            scale=scale,
            themes=self.question_themes(m, path, themes),
            evidence=self.text(m, "evidence", path),
            sources=self.sources(m, path),
            content_note=self.text(m, "content_note", path),
        )

    def per_level(self, m: dict[str, Any], key: str, path: Path, expected: list[str], read: Any) -> dict[str, Any]:
        if key not in m:
            return {}
        p = (*path, key)
        given = self.mapping(m[key], p, tuple(expected))
        if given is None:
            return {}
        return {lid: read(given[lid], (*p, lid)) for lid in expected if lid in given}

    def _sentence(self, value: Any, path: Path) -> str:
        if not isinstance(value, str) or not value.strip():
            self.error(path, _("should be a sentence describing this level"))
            return ""
        if len(value) > MAX_TEXT:
            self.error(path, _("is longer than {MAX_TEXT:,} characters").format(MAX_TEXT=MAX_TEXT))
        return value.strip()

    def action(self, value: Any, path: Path) -> Action:
        m = self.mapping(value, path, ACTION_KEYS) or {}
        timescale = self.text(m, "timescale", path)
        if timescale and timescale not in TIMESCALES:
            self.error(
                (*path, "timescale"),
                _("should be one of {items}, not {timescale!r}").format(
                    items=", ".join(TIMESCALES), timescale=timescale
                ),
            )
        title, why, how, owner = (self.text(m, k, path) for k in ACTION_KEYS[:4])
        return Action(title=title, why=why, how=how, owner=owner, timescale=timescale)

    def critical(self, value: Any, path: Path, level_ids: list[str], stages: tuple[Stage, ...]) -> Critical | None:
        m = self.mapping(value, path, ("below", "cap", "reason"))
        if m is None:
            return None
        below = self.text(m, "below", path)
        if below and below not in level_ids[1:]:
            self.error(
                (*path, "below"),
                _("should be one of the levels above the lowest ({items}), not {below!r}").format(
                    items=", ".join(level_ids[1:]), below=below
                ),
            )
        cap = self.text(m, "cap", path)
        stage_ids = [s.id for s in stages]
        if cap and cap not in stage_ids[:-1]:
            self.error(
                (*path, "cap"),
                _("should be a stage below the top one ({items}), not {cap!r}").format(
                    items=", ".join(stage_ids[:-1]), cap=cap
                ),
            )
        if isinstance(m.get("reason"), dict):
            # One reason for each level below the threshold, so the reason printed fits the answer.
            under = level_ids[: level_ids.index(below)] if below in level_ids else []
            given = self.mapping(m["reason"], (*path, "reason"), tuple(under))
            reasons = {
                lid: self._sentence(given[lid], (*path, "reason", lid)) for lid in under if given and lid in given
            }
            return Critical(below, cap, "", reasons)
        return Critical(below, cap, self.text(m, "reason", path))
