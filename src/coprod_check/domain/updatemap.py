"""An update map: how answers given to earlier versions of a questionnaire carry over to a new one.

A companion file (`kind: update`) beside the questionnaire, or in its `updates/` folder. Format in
docs/questionnaire-format.md, "Update maps". It is checked here on its own; `check_against` checks
it against the questionnaire it leads to (and, where a copy is kept, the version it leads from).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from coprod_check.domain.loader_shapes import ID_PATTERN, Shapes, _short
from coprod_check.domain.questionnaire import RESERVED_CHOICES, VERSION_PATTERN, Questionnaire
from coprod_check.i18n import _

if TYPE_CHECKING:
    from coprod_check.domain.yamlsource import Path

KEEP = "keep"


class Carry(NamedTuple):
    """How answers reach one question of the new version: from the question of the same id, or
    the one it was `renamed_from`, each level through `levels` where the scale changed."""

    question_id: str
    renamed_from: str = ""
    levels: dict[str, str] = {}  # an earlier level id -> a level id of the new version

    @property
    def source_id(self) -> str:
        """The id the answer is found under in an earlier version."""
        return self.renamed_from or self.question_id


class UpdateMap(NamedTuple):
    """A checked update map."""

    questionnaire_id: str
    from_versions: tuple[str, ...]
    to_version: str
    what: str
    carries: tuple[Carry, ...]
    removed: dict[str, str]  # an earlier question id -> a note on why it went, or where it went
    source: str = ""

    def carry(self, question_id: str) -> Carry:
        """How answers reach this question (a question the map does not name keeps its answers)."""
        return next((c for c in self.carries if c.question_id == question_id), Carry(question_id))

    def leads_from(self, version: str) -> bool:
        """True when answers given to `version` carry over by this map."""
        return version in self.from_versions


def parse_update_map(text: str, source: str = "<text>") -> UpdateMap:
    """Check update-map YAML text; raise QuestionnaireError listing every problem."""
    from coprod_check.domain.yamlsource import load_yaml

    data, lines = load_yaml(text, source)
    checks = _UpdateChecks(source, lines)
    return checks.checked(checks.document(data))


class _UpdateChecks(Shapes):
    def document(self, data: Any) -> UpdateMap | None:
        if data is None:
            return None
        top = self.mapping(data, (), ("kind", "questionnaire", "from", "to"), ("what", "questions", "removed"))
        if top is None:
            return None
        if top.get("kind") != "update":
            self.error(
                ("kind",), _("should be 'update' in an update map, not {found}").format(found=_short(top.get("kind")))
            )
        qid = self.ident(top, "questionnaire", ())
        from_value = top.get("from")
        from_list = [from_value] if isinstance(from_value, str) else self.items(from_value, ("from",), "versions")
        versions = tuple(
            self._version(v, ("from", i) if not isinstance(from_value, str) else ("from",))
            for i, v in enumerate(from_list)
        )
        to = self._version(top.get("to"), ("to",))
        if to and to in versions:
            self.error(("from",), _("a version cannot lead to itself ({to})").format(to=to))
        carries = self._carries(top.get("questions") or {})
        removed = self._removed(top.get("removed") or {})  # "removed:" with nothing under it is none
        for c in carries:
            if c.source_id in removed:
                self.error(
                    ("removed", c.source_id),
                    _("{source_id!r} is carried over to {question_id!r}, so it is not removed").format(
                        source_id=c.source_id, question_id=c.question_id
                    ),
                )
        return UpdateMap(qid, versions, to, self.text(top, "what", ()), carries, removed, self.source)

    def _version(self, value: Any, path: Path) -> str:
        if not isinstance(value, str) or not VERSION_PATTERN.fullmatch(value):
            self.error(
                path,
                _('should be a version MAJOR.MINOR in quotes, such as "1.1"; got {found}').format(found=_short(value)),
            )
            return ""
        return value

    def _carries(self, value: Any) -> tuple[Carry, ...]:
        if not isinstance(value, dict):
            self.error(
                ("questions",), _("should be a mapping of question ids (in the new version) to how answers carry over")
            )
            return ()
        out = []
        for qid, how in value.items():
            p: Path = ("questions", qid)
            if not isinstance(qid, str) or not ID_PATTERN.match(qid):
                self.error(p, _("{found} is not a valid question id").format(found=_short(qid)))
                continue
            if how == KEEP:
                out.append(Carry(qid))
                continue
            m = self.mapping(how, p, (), ("renamed-from", "levels"))
            if m is None:
                continue
            if not m:
                self.error(p, _("say 'keep', or give 'renamed-from' and/or 'levels'"))
            renamed = self.ident(m, "renamed-from", p) if "renamed-from" in m else ""
            levels: dict[str, str] = {}
            if "levels" in m:
                lm = m["levels"]
                if not isinstance(lm, dict) or not lm:
                    self.error((*p, "levels"), _("should map each earlier level id to a level id of this version"))
                    lm = {}
                for old, new in lm.items():
                    lp = (*p, "levels", old)
                    if old in RESERVED_CHOICES or new in RESERVED_CHOICES:
                        self.error(
                            lp,
                            _(
                                "don't know, not applicable and rather not "
                                "answer carry over as they are; map levels only"
                            ),
                        )
                    elif (
                        not isinstance(old, str)
                        or not ID_PATTERN.match(old)
                        or not isinstance(new, str)
                        or not ID_PATTERN.match(new)
                    ):
                        self.error(
                            lp,
                            _("should map a level id to a level id, not {found} to {found2}").format(
                                found=_short(old), found2=_short(new)
                            ),
                        )
                    else:
                        levels[old] = new
            out.append(Carry(qid, renamed, levels))
        return tuple(out)

    def _removed(self, value: Any) -> dict[str, str]:
        if not isinstance(value, dict):
            self.error(("removed",), _("should be a mapping of question ids no longer asked to a note on why"))
            return {}
        out = {}
        for qid, note in value.items():
            p: Path = ("removed", qid)
            if not isinstance(qid, str) or not ID_PATTERN.match(qid):
                self.error(p, _("{found} is not a valid question id").format(found=_short(qid)))
            elif note is not None and not isinstance(note, str):
                self.error(p, _("should be a note in words (or nothing)"))
            else:
                out[qid] = (note or "").strip()
        return out


def check_against(umap: UpdateMap, new: Questionnaire, old: Questionnaire | None = None) -> list[str]:
    """What does not fit between the map and the questionnaires it joins: a question or level the
    new version does not have, an earlier question it names that the earlier version lacks, and an
    earlier question whose answers would go nowhere without being reported as removed."""
    problems = []
    if umap.questionnaire_id != new.id:
        problems.append(
            _("is for the questionnaire {questionnaire_id!r}, not {id!r}").format(
                questionnaire_id=umap.questionnaire_id, id=new.id
            )
        )
    if umap.to_version != new.version:
        problems.append(
            _("leads to version {to_version}, but the questionnaire is version {version}").format(
                to_version=umap.to_version, version=new.version
            )
        )
    for c in umap.carries:
        q = new.question(c.question_id)
        if q is None:
            problems.append(
                _("questions.{question_id}: version {version} has no such question").format(
                    question_id=c.question_id, version=new.version
                )
            )
            continue
        for old_level, level in c.levels.items():
            if new.level_index(level, q) < 0:
                problems.append(
                    _("questions.{question_id}.levels.{old_level}: {level!r} is not a level of this question").format(
                        question_id=c.question_id, old_level=old_level, level=level
                    )
                )
        if old is not None:
            if old.question(c.source_id) is None:
                problems.append(
                    _("questions.{question_id}: version {version} has no question {source_id!r}").format(
                        question_id=c.question_id, version=old.version, source_id=c.source_id
                    )
                )
            else:  # every earlier level must land on a level
                for lv in old.levels_for(c.source_id):
                    if lv.id not in c.levels and new.level_index(lv.id, q) < 0:
                        problems.append(
                            _(
                                "questions.{question_id}: the earlier level {level!r} is not a level of this "
                                "question; map it under 'levels'"
                            ).format(question_id=c.question_id, level=lv.id)
                        )
            for old_level in c.levels:
                if old.level_index(old_level, c.source_id) < 0:
                    problems.append(
                        _("questions.{question_id}.levels: version {version} has no level {old_level!r} here").format(
                            question_id=c.question_id, version=old.version, old_level=old_level
                        )
                    )
    if old is not None:
        carried = {c.source_id for c in umap.carries} | {q.id for q in new.questions()}
        for q in old.questions():
            if q.id not in carried and q.id not in umap.removed:
                problems.append(
                    _("removed: {id!r} (version {version}) is neither carried over nor listed as removed").format(
                        id=q.id, version=old.version
                    )
                )
        for qid in umap.removed:
            if old.question(qid) is None:
                problems.append(
                    _("removed.{qid}: version {version} has no such question").format(qid=qid, version=old.version)
                )
    return problems
