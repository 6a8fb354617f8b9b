"""Loading an assessment with its questionnaire, and the plain-text summary `score` prints."""

from __future__ import annotations

from pathlib import Path

from coprod_check.domain import store
from coprod_check.domain.assessment import Assessment
from coprod_check.domain.errors import AssessmentError
from coprod_check.domain.group import who_took_part
from coprod_check.domain.questionnaire import Questionnaire
from coprod_check.domain.scoring import Result
from coprod_check.domain.update import UpdateReport
from coprod_check.qcache import load_questionnaire
from coprod_check.wording import plural, unknown_cap_words


def load_with_questionnaire(path: Path, questionnaire_path: Path | None = None) -> tuple[Assessment, Questionnaire]:
    """Read an assessment and find the questionnaire it answers."""
    from coprod_check import catalogue

    assessment = store.load(path)
    if questionnaire_path is not None:
        q = load_questionnaire(questionnaire_path)
    else:
        found = catalogue.find(assessment.questionnaire_id, assessment.questionnaire_version)
        if found is None:
            raise AssessmentError(str(path), f"answers the questionnaire {assessment.questionnaire_id!r}, "
                                  "which is not installed; add its file to your questionnaires folder "
                                  "or pass --questionnaire")
        q = found
    if q.id != assessment.questionnaire_id:
        raise AssessmentError(str(path), f"answers {assessment.questionnaire_id!r}, not {q.id!r}")
    return assessment, q


def _num(value: float | None) -> str:
    return "not yet scored" if value is None else f"{value:.0f} / 100"


def _bar(value: float | None, width: int = 20) -> str:
    if value is None:
        return "." * width
    filled = round(value / 100 * width)
    return "#" * filled + "." * (width - filled)


def taking_part(q: Questionnaire, a: Assessment) -> list[str]:
    """Who took part, in a line or two: in a group, counts too small to show are "not shown",
    as in the printed plan's "Who took part", so nobody can be identified."""
    counts = who_took_part(q, a)
    total = counts["total"]["people"] or 0
    everyone = plural(total, "person", "people")
    lived = counts["lived_experience"].get("yes", 0)
    if not a.is_group:
        return [f"Taking part: {everyone}, {lived} with lived experience."]
    out = [f"Taking part: {everyone}, answering on their own; with lived experience: "
           f"{'not shown' if lived is None else lived}."]
    if any(n is None for part in ("roles", "lived_experience") for n in counts[part].values()):
        out.append(f"  Where fewer than {a.min_group_size} people are in a group, the number is not shown, "
                   "and neither is the next smallest, so nobody can be identified.")
    return out


def render_summary(q: Questionnaire, a: Assessment, r: Result, update: UpdateReport) -> str:
    """A readable summary for the terminal, in plain words.

    `a` is the assessment as saved: for a group, with its responses (not the group's view),
    so that who took part is counted with the group's small-number rule."""
    who = ", ".join(x for x in (a.organisation, a.team, a.date) if x) or "(no organisation recorded)"
    out = [f"{q.title} {q.version}: {who}", ""]
    out.append(f"Answered {r.answered} of {r.total} questions ({r.completeness:.0%}); "
               f"{r.unknown} don\u2019t know ({r.unknown_share:.0%}); {r.not_applicable} not applicable.")
    out.extend(taking_part(q, a))
    if a.people and not any(p.lived_experience == "yes" for p in a.people):
        out.append("Nobody with lived experience took part. That is itself a finding.")
    out.append("")
    if r.stage is None:
        out.append("Readiness stage: not enough answers yet (answer some 'with' questions).")
    else:
        out.append(f"Readiness stage: {r.stage.title}")
        if r.stage_before_caps and r.stage_before_caps != r.stage:
            out.append(f"  The with score alone would give {r.stage_before_caps.title}; it is held back by:")
    for cap in r.caps:
        if cap.unknown:
            # Not a fact to hold against anyone, and the reason would describe the level as if it
            # were known: something to find out, as the printed plan says it.
            out.append("  - " + unknown_cap_words(cap.prompt, cap.stage.title, cap.binding, a.is_group))
        else:
            out.append(f"  - {cap.question_id} ({cap.answer}) caps the stage at {cap.stage.title}: {cap.reason}")
    out.append(f"Care (support given to people):   {_num(r.care)}")
    out.append(f"With (work done with people):     {_num(r.with_)}")
    if r.quadrant:
        out.append(f"Where this puts you: {r.quadrant.title}. {r.quadrant.description}")
    out.append(f"Overall: {_num(r.overall)}")
    out.append("")
    out.append("By domain")
    width = max(len(d.title) for d in r.domains) if r.domains else 0
    for d in r.domains:
        score = "  --" if d.score is None else f"{d.score:4.0f}"
        out.append(f"  {d.title:<{width}}  {score}  {_bar(d.score)}  {d.answered} of {d.total} answered")
    if r.unknown_questions:
        out.append("")
        out.append("Still unknown (each becomes a 'find out' action):")
        for qid in r.unknown_questions:
            question = q.question(qid)
            out.append(f"  - {question.prompt if question else qid}")
    if update.anything:
        out.append("")
        out.extend(update.lines())
    return "\n".join(out)
