"""What a questionnaire update does to an assessment, before anything changes.

Answers are kept by question id. Nothing is ever dropped: answers to
questions that no longer exist, and answers whose level no longer exists, are
kept in the file and reported here, so a person can decide what to do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from coprod_check.domain.assessment import Answer, Assessment, is_answer_choice
from coprod_check.domain.questionnaire import Questionnaire
from coprod_check.i18n import _, ngettext

if TYPE_CHECKING:  # carrying answers over is imported only where a version changed
    from coprod_check.domain.carry import Carried


class UpdateReport(NamedTuple):
    """How an assessment relates to the questionnaire version it is opened with."""

    answered_version: str
    current_version: str
    added: tuple[str, ...]  # questions new since the assessment was made
    removed: tuple[str, ...]  # questions the assessment knew that are gone
    reworded: tuple[str, ...]  # answered questions whose wording changed
    orphaned_answers: tuple[str, ...]  # answers kept in the file but not scored
    invalid_answers: tuple[str, ...]  # answers whose level is not on this scale
    # What each later version changed in meaning, and the answered questions to look at again.
    changes: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    names: dict[str, str] = {}  # question id to its text, for every question the questionnaire has
    # By the update map: the assessment's own answers carried to a new question or a new scale (each
    # marked "please check"), how many of a group's people's answers were, and why questions went.
    carried: tuple[Carried, ...] = ()
    people_carried: int = 0
    removed_notes: dict[str, str] = {}
    labels: dict[tuple[str, str], str] = {}  # (question id, level id) -> label, earlier and new

    @property
    def version_changed(self) -> bool:
        """True when the assessment was made with another version."""
        return self.answered_version != self.current_version

    @property
    def incompatible(self) -> bool:
        """True when the MAJOR version differs: answers may mean something else now."""
        return self.answered_version.split(".")[0] != self.current_version.split(".")[0]

    @property
    def anything(self) -> bool:
        """True when there is something a person should be told."""
        return bool(
            self.version_changed
            or self.added
            or self.removed
            or self.reworded
            or self.orphaned_answers
            or self.invalid_answers
            or self.changes
            or self.carried
            or self.people_carried
        )

    def _named(self, ids: tuple[str, ...]) -> str:
        """Questions by their text (a question no longer asked has only its id left)."""
        return "; ".join(
            f"\u201c{self.names[x]}\u201d" if x in self.names else _("{id} (no longer asked)").format(id=x) for x in ids
        )

    def _label(self, question_id: str, level: str | None) -> str:
        if level is None:
            return _("no answer")
        return self.labels.get((question_id, level), level)

    def _carried(self, c: Carried) -> str:
        """One carried answer in words: "“Prompt”: “Asking” becomes “Patchy”."."""
        name = self.names.get(c.question_id, c.question_id)
        before = self._label(f"earlier:{c.from_question}", c.before)
        after = self._label(c.question_id, c.after)
        if c.rescaled and c.renamed:
            text = _(
                "\u201c{question}\u201d (asked before as {old}): \u201c{before}\u201d becomes \u201c{after}\u201d."
            )
        elif c.rescaled:
            text = _("\u201c{question}\u201d: \u201c{before}\u201d becomes \u201c{after}\u201d.")
        elif c.renamed:
            text = _(
                "\u201c{question}\u201d (asked before as {old}): \u201c{after}\u201d, kept; please check it still fits."
            )
        else:
            text = _("\u201c{question}\u201d: \u201c{after}\u201d, kept; the question was reworded.")
        return text.format(question=name, old=c.from_question, before=before, after=after)

    def lines(self) -> list[str]:
        """The report in plain words, one finding a line."""
        out = []
        if self.version_changed:
            out.append(
                _(
                    "This assessment was made with version {answered_version} of the "
                    "questionnaire; this is version {current_version}."
                ).format(answered_version=self.answered_version, current_version=self.current_version)
            )
        if self.incompatible:
            out.append(
                _("The questionnaire has changed a lot since then: check the answers before you compare scores.")
            )
        for version, what, review in self.changes:
            out.append(_("What changed in version {version}: {what}").format(version=version, what=what))
            if review:
                out.append(
                    ngettext(
                        "Please look again at your {count} answer to: {named}.",
                        "Please look again at your {count} answers to: {named}.",
                        len(review),
                    ).format(count=len(review), named=self._named(review))
                )
        checked = [c for c in self.carried if c.to_check]
        if checked:
            out.append(
                ngettext(
                    "{count} answer carried over to a reworded question or a new scale is marked "
                    "\u201cplease check\u201d until you confirm it:",
                    "{count} answers carried over to a reworded question or a new scale are marked "
                    "\u201cplease check\u201d until you confirm them:",
                    len(checked),
                ).format(count=len(checked))
            )
            out.extend(f"  {self._carried(c)}" for c in checked)
        if self.people_carried:
            out.append(
                ngettext(
                    "{count} answer given by the people in this group is carried over the same way, and "
                    "marked \u201cplease check\u201d.",
                    "{count} answers given by the people in this group are carried over the same way, and "
                    "marked \u201cplease check\u201d.",
                    self.people_carried,
                ).format(count=self.people_carried)
            )
        if self.added:
            out.append(
                ngettext(
                    "{count} new question to answer: {named}.",
                    "{count} new questions to answer: {named}.",
                    len(self.added),
                ).format(count=len(self.added), named=self._named(self.added))
            )
        if self.removed:
            out.append(
                ngettext(
                    "{count} question no longer asked: {ids}.",
                    "{count} questions no longer asked: {ids}.",
                    len(self.removed),
                ).format(count=len(self.removed), ids=", ".join(self.removed))
            )
        out.extend(
            f"  {qid}: {note}" for qid, note in self.removed_notes.items() if note and qid in self.orphaned_answers
        )
        if self.reworded:
            out.append(
                ngettext(
                    "{count} answered question was reworded; please check your answers still fit: {named}.",
                    "{count} answered questions were reworded; please check your answers still fit: {named}.",
                    len(self.reworded),
                ).format(count=len(self.reworded), named=self._named(self.reworded))
            )
        if self.orphaned_answers:
            out.append(
                ngettext(
                    "{count} answer to questions no longer asked is kept in the file but not scored: {ids}.",
                    "{count} answers to questions no longer asked are kept in the file but not scored: {ids}.",
                    len(self.orphaned_answers),
                ).format(count=len(self.orphaned_answers), ids=", ".join(self.orphaned_answers))
            )
        if self.invalid_answers:
            out.append(
                ngettext(
                    "{count} answer uses a level this version does not have; kept but not scored: {named}.",
                    "{count} answers use a level this version does not have; kept but not scored: {named}.",
                    len(self.invalid_answers),
                ).format(count=len(self.invalid_answers), named=self._named(self.invalid_answers))
            )
        return out


def check_update(questionnaire: Questionnaire, assessment: Assessment) -> UpdateReport:
    """Compare an assessment with the questionnaire it is about to be used with. Where an update
    map leads from the assessment's version, the answers are compared as they would be carried
    over (domain/carry.py): nothing changes until `adopt`."""
    current = questionnaire.fingerprints()
    known = assessment.fingerprints
    umap = None
    if questionnaire.updates and assessment.questionnaire_version != questionnaire.version:
        from coprod_check.domain.carry import carry_answers, find_map

        umap = find_map(questionnaire, assessment.questionnaire_version)
    answers: dict[str, Answer] = assessment.answers
    carried: list[Carried] = []
    people = 0
    if umap is not None:
        version = assessment.questionnaire_version
        answers, carried = carry_answers(questionnaire, assessment.answers, umap, version, known)
        people = sum(
            sum(1 for c in carry_answers(questionnaire, r.answers, umap, version, known)[1] if c.to_check)
            for r in assessment.responses
        )
    answered = {qid for qid, a in answers.items() if not a.is_empty()}
    orphaned = sorted(qid for qid in answered if qid not in current)
    invalid = sorted(
        qid for qid in answered if qid in current and not is_answer_choice(answers[qid].choice, questionnaire, qid)
    )
    taken = {c.question_id for c in carried}
    return UpdateReport(
        answered_version=assessment.questionnaire_version,
        current_version=questionnaire.version,
        added=tuple(q for q in current if known and q not in known and q not in taken),
        removed=tuple(sorted(q for q in known if q not in current)),
        reworded=tuple(
            q for q in current if q in known and q in answered and known[q] != current[q] and q not in taken
        ),
        orphaned_answers=tuple(orphaned),
        invalid_answers=tuple(invalid),
        changes=tuple(
            (c.version, c.what, tuple(x for x in c.review if x in answered))
            for c in questionnaire.changes
            if _later(c.version, assessment.questionnaire_version) and not _later(c.version, questionnaire.version)
        ),
        names={q.id: q.prompt for q in questionnaire.questions()},
        carried=tuple(carried),
        people_carried=people,
        removed_notes=dict(umap.removed) if umap else {},
        labels=_labels(questionnaire, assessment.questionnaire_version) if carried else {},
    )


def _labels(q: Questionnaire, version: str) -> dict[tuple[str, str], str]:
    """Every level's label by question: the new version's, and the earlier one's where a copy is
    kept (under "earlier:" and its question id)."""
    out = {(x.id, lv.id): lv.label for x in q.questions() for lv in q.levels_for(x)}
    from coprod_check.domain.carry import earlier_version

    old = earlier_version(q, version)
    if old is not None:
        out.update({(f"earlier:{x.id}", lv.id): lv.label for x in old.questions() for lv in old.levels_for(x)})
    return out


def _later(version: str, than: str) -> bool:
    """True when `version` is later than `than` (MAJOR.MINOR; an unreadable one counts as older)."""

    def key(v: str) -> tuple[int, int]:
        try:
            major, minor = v.split(".")
            return int(major), int(minor)
        except ValueError:
            return (-1, -1)

    return key(version) > key(than)


def adopt(questionnaire: Questionnaire, assessment: Assessment) -> None:
    """Move the assessment onto this questionnaire version, keeping every answer: where an update
    map leads from its version, answers are carried over by it and marked "please check"."""
    if questionnaire.updates:
        from coprod_check.domain.carry import carry_over, find_map

        umap = find_map(questionnaire, assessment.questionnaire_version)
        if umap is not None:
            carry_over(questionnaire, assessment, umap)
    assessment.questionnaire_version = questionnaire.version
    assessment.fingerprints = questionnaire.fingerprints()
