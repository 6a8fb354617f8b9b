"""Every word and number of the result, for every output.

The window, `score` (text and --json) and the printed plan all word the
result through this module, so they say the same thing with the same figures:
the same band and place words, the same counts, the same rounding, the same
reasons for what holds the stage back. It imports neither Qt nor reportlab;
it returns plain text, which each output escapes for itself.
"""

from __future__ import annotations

from typing import NamedTuple

from coprod_check.domain.assessment import Assessment
from coprod_check.domain.group import DomainGap
from coprod_check.domain.questionnaire import DONT_KNOW, Band, Questionnaire
from coprod_check.domain.scoring import AxisScore, Cap, DomainScore, Hold, Result, View, is_burn_out
from coprod_check.domain.wording import whole
from coprod_check.i18n import _, ngettext, pgettext

AXIS_NAMES = {
    "care": _("Care (support given to people)"),
    "with": _("With (work done with people, sharing power)"),
    "parity": _("Parity (stigma and parity of esteem)"),
}
BRIEF_NAMES = {"care": pgettext("axis", "Care"), "with": pgettext("axis", "With"), "parity": pgettext("axis", "Parity")}
NOT_KNOWN = _("not known yet")


def axis_word(axis: str) -> str:
    """The axis's short name inside a sentence: "care", "with" or "parity"."""
    words = {"care": pgettext("axis", "care"), "with": pgettext("axis", "with"), "parity": pgettext("axis", "parity")}
    return words.get(axis, axis)


def figure(value: float | None) -> str:
    """A score as a whole number, or "not known yet"."""
    n = whole(value)
    return NOT_KNOWN if n is None else str(n)


def out_of_100(value: float | None) -> str:
    """ "62 of 100", or "not known yet"."""
    n = whole(value)
    return NOT_KNOWN if n is None else _("{score} of 100").format(score=n)


def facets(r: Result) -> tuple[str, ...]:
    """The score lines a result has: care and with, and parity where the questionnaire asks about it."""
    return ("care", "with", "parity") if "parity" in r.axes else ("care", "with")


def counts_sentence(r: Result) -> str:
    """The counts, which always add up to the number of questions: four, and a fifth for
    "I'd rather not answer" where anyone chose it."""
    if r.rather_not:
        return ngettext(
            "Of {total} question: {known} answered with a level, "
            "{unknown} \u201cdon\u2019t know\u201d, {not_applicable} not applicable, "
            "{rather_not} \u201cI\u2019d rather not answer\u201d and {not_answered} not answered yet.",
            "Of {total} questions: {known} answered with a level, "
            "{unknown} \u201cdon\u2019t know\u201d, {not_applicable} not applicable, "
            "{rather_not} \u201cI\u2019d rather not answer\u201d and {not_answered} not answered yet.",
            r.total,
        ).format(
            total=r.total,
            known=r.known,
            unknown=r.unknown,
            not_applicable=r.not_applicable,
            rather_not=r.rather_not,
            not_answered=r.not_answered,
        )
    return ngettext(
        "Of {total} question: {known} answered with a level, "
        "{unknown} \u201cdon\u2019t know\u201d, {not_applicable} not applicable and "
        "{not_answered} not answered yet.",
        "Of {total} questions: {known} answered with a level, "
        "{unknown} \u201cdon\u2019t know\u201d, {not_applicable} not applicable and "
        "{not_answered} not answered yet.",
        r.total,
    ).format(
        total=r.total,
        known=r.known,
        unknown=r.unknown,
        not_applicable=r.not_applicable,
        not_answered=r.not_answered,
    )


def axis_sentence(r: Result, axis: str) -> str:
    """One axis with its score and its unknown share: "Care (...): 45 of 100; 2 of 17 don't know"."""
    a = r.axes.get(axis)
    score = a.score if a is not None else None
    name = AXIS_NAMES[axis]
    band = r.bands.get(axis)
    if axis == "parity":
        return _("{axis_words} It is reported on its own, beside care and with.").format(
            axis_words=_axis_words(a, score, name, band)
        )
    return _axis_words(a, score, name, band)


def _axis_words(a: AxisScore | None, score: float | None, name: str, band: Band | None) -> str:
    if a is None or score is None:
        if a is not None and a.unknown:
            return _(
                "{name}: not known yet ({unknown} of {value} answers are \u201cdon\u2019t know\u201d, more than half)."
            ).format(name=name, unknown=a.unknown, value=a.known + a.unknown)
        return _("{name}: not known yet (no answer with a level).").format(name=name)
    if band is not None and a.unknown:
        sentence = _("{axis}: {score}, {band}; {unknown} of {total} answers \u201cdon\u2019t know\u201d.")
    elif band is not None:
        sentence = _("{axis}: {score}, {band}.")
    elif a.unknown:
        sentence = _("{axis}: {score}; {unknown} of {total} answers \u201cdon\u2019t know\u201d.")
    else:
        sentence = _("{axis}: {score}.")
    return sentence.format(
        axis=name,
        score=out_of_100(score),
        band=band.title if band else "",
        unknown=a.unknown,
        total=a.known + a.unknown,
    )


def axis_brief(r: Result, axis: str) -> str:
    """One axis in brief, for the board page: "Care 47 of 100, support in place (2 don't know)"."""
    a = r.axes.get(axis)
    score = a.score if a is not None else None
    band = r.bands.get(axis)
    name = BRIEF_NAMES[axis]
    unknown = a.unknown if a is not None else 0
    if score is None:
        sentence = (
            _("{axis}: not known yet ({unknown} \u201cdon\u2019t know\u201d)")
            if unknown
            else _("{axis}: not known yet")
        )
    elif unknown:
        sentence = _("{axis}: {score}, {band} ({unknown} \u201cdon\u2019t know\u201d)")
    else:
        sentence = _("{axis}: {score}, {band}")
    return sentence.format(
        axis=name,
        score=out_of_100(score) if score is not None else "",
        band=band.title.lower() if band else "",
        unknown=unknown,
    )


def domain_counts(d: DomainScore) -> str:
    """A domain's counts: "4 of 5 with a level, 1 don't know"."""
    parts = [_("{known} of {total} with a level").format(known=d.known, total=d.total)]
    if d.unknown:
        parts.append(_("{unknown} \u201cdon\u2019t know\u201d").format(unknown=d.unknown))
    if d.not_applicable:
        parts.append(_("{not_applicable} not applicable").format(not_applicable=d.not_applicable))
    if d.rather_not:
        parts.append(_("{rather_not} \u201crather not answer\u201d").format(rather_not=d.rather_not))
    if d.not_answered:
        parts.append(_("{not_answered} not answered").format(not_answered=d.not_answered))
    return ", ".join(parts)


def domain_axis_missing(d: DomainScore, axis: str, asked: bool) -> str:
    """Why a domain has no care (or with) score: none asked, none answered, or mostly "don't know"."""
    if not asked:
        return _("no {axis} questions here").format(axis=axis_word(axis))
    a = d.axes.get(axis)
    if a is not None and a.unknown:
        return _("not known yet: mostly \u201cdon\u2019t know\u201d")
    return _("not yet answered")


def domain_score(d: DomainScore) -> str:
    """A domain's score, or why it has none."""
    if d.score is not None:
        return str(whole(d.score))
    return NOT_KNOWN


def stage_title(r: Result) -> str:
    """The stage's title, or that it is not known yet."""
    return r.stage.title if r.stage else _("Not known yet")


def stage_missing(r: Result) -> str:
    """Why there is no stage (only when there is none)."""
    a = r.axes.get("with")
    if a is not None and a.unknown and r.with_ is None:
        return _(
            "The stage comes from the \u201cwith\u201d questions, and more than half of their answers are "
            "\u201cdon\u2019t know\u201d: find out first."
        )
    return _("The stage comes from the \u201cwith\u201d questions, and none has an answer with a level yet.")


def place_title(r: Result) -> str:
    """Where the two axes put the organisation, or "Not known yet"."""
    return r.quadrant.title if r.quadrant else _("Not known yet")


def place_sentence(q: Questionnaire, r: Result) -> str:
    """What the place means for this result. Never says all is well while something holds the
    stage back: then it says what does, and to start there."""
    if r.quadrant is None and r.place_held_by == "lived-experience" and r.unheld_place is not None:
        return _(
            "Where this puts you is not known yet: colleagues with lived experience could not say (most "
            "of their answers are \u201cdon\u2019t know\u201d, or not given). The group as a whole puts it "
            "at \u201c{title}\u201d, but a group\u2019s place is never set where they "
            "cannot see it."
        ).format(title=r.unheld_place.title)
    if r.quadrant is None:
        return _(
            "Where this puts you is not known yet: it needs a score on both the care and the with "
            "questions, each from at least half of their questions answered with a level."
        )
    if r.unheld_place is not None and r.place_held_by == "lived-experience":
        return _(
            "{description} This is where colleagues with lived experience put the "
            "organisation. The group as a whole puts it at \u201c{title}\u201d, but a "
            "group\u2019s place is never set above the place they see."
        ).format(description=r.quadrant.description, title=r.unheld_place.title)
    if r.unheld_place is not None and r.place_held_by == "anyone":
        return _(
            "{description} The group as a whole puts it at \u201c{title}\u201d, "
            "but where the view of colleagues with lived experience cannot be shown apart, a group\u2019s "
            "place is never set above the one any one person\u2019s own answers give."
        ).format(description=r.quadrant.description, title=r.unheld_place.title)
    if r.unheld_place is not None and r.place_held_by == "coverage":
        return _(
            "{description} The answers given so far would say \u201c{title}\u201d, "
            "but too few of the questions about working with people are answered for that: this result "
            "is provisional until most of them are."
        ).format(description=r.quadrant.description, title=r.unheld_place.title)
    if r.unheld_place is not None and r.stage is not None:
        return _(
            "{description} The scores alone would say \u201c{title}\u201d, "
            "but critical answers keep the stage at \u201c{title2}\u201d, and the place no higher "
            "than that stage: start with what holds it back."
        ).format(description=r.quadrant.description, title=r.unheld_place.title, title2=r.stage.title)
    held = r.binding_count
    if not held or r.stage is None:
        return r.quadrant.description
    return ngettext(
        "{split} But {count} thing holds the readiness stage at \u201c{title}\u201d: start with what holds it back.",
        "{split} But {count} things hold the readiness stage at \u201c{title}\u201d: start with what holds it back.",
        held,
    ).format(split=r.quadrant.description.split(" Keep it going")[0], count=held, title=r.stage.title)


def burn_out_warning(q: Questionnaire, r: Result) -> str:
    """A warning when people share the work without support; empty otherwise."""
    if not is_burn_out(q, r):
        return ""
    return _(
        "People with lived experience are sharing much of the work without enough support. That wears "
        "people out: the stage cannot rise to where support is needed until care improves."
    )


def held_back_sentence(r: Result) -> str:
    """ "The with answers alone would reach X, but N things hold it at Y:" or empty."""
    if r.stage is None or r.stage_before_caps is None or r.stage_before_caps.id == r.stage.id:
        return ""
    held = r.binding_count
    return ngettext(
        "The \u201cwith\u201d answers alone would reach \u201c{title}\u201d, but "
        "{count} thing holds the stage at \u201c{title2}\u201d:",
        "The \u201cwith\u201d answers alone would reach \u201c{title}\u201d, but "
        "{count} things hold the stage at \u201c{title2}\u201d:",
        held,
    ).format(title=r.stage_before_caps.title, count=held, title2=r.stage.title)


def _limit(stage: str, binding: bool) -> str:
    """How a cap or hold limits the stage: the same words for every kind."""
    if binding:
        return _("This keeps the stage no higher than \u201c{stage}\u201d.").format(stage=stage)
    return _("This would keep the stage no higher than \u201c{stage}\u201d, even if the rest improved.").format(
        stage=stage
    )


def unknown_cap_words(cap: Cap, group: bool = False, prompt: str = "") -> str:
    """A critical question answered "don't know", or not answered yet: something to find out or to
    answer, never a fact to hold against anyone."""
    prompt = prompt or cap.prompt
    if cap.rather_not:
        return _(
            "\u201c{prompt}\u201d was left as \u201cI\u2019d rather not answer\u201d, which is always "
            "fine. A critical question with no answer still holds the stage: it can rise no higher "
            "than \u201c{title}\u201d until it has one."
        ).format(prompt=prompt, title=cap.stage.title)
    if cap.unanswered:
        return _(
            "\u201c{prompt}\u201d is not answered yet; until it is, the stage can rise no higher "
            "than \u201c{title}\u201d."
        ).format(prompt=prompt, title=cap.stage.title)
    who = _("Not enough people knew") if group else _("Nobody knew")
    return _(
        "{who} the answer to \u201c{prompt}\u201d; until someone finds out, the stage can rise no "
        "higher than \u201c{title}\u201d."
    ).format(who=who, prompt=prompt, title=cap.stage.title)


def cap_sentence(cap: Cap, group: bool = False, answer: str = "") -> str:
    """A critical answer, worded for what was answered. `answer` words a group's level when the
    level itself must not be named (fewer than the minimum gave it)."""
    if cap.unknown and not cap.source:
        return unknown_cap_words(cap, group)
    if cap.source:
        given = ""
    elif answer:
        given = _(" The group\u2019s level ({answer}).").format(answer=answer)
    else:
        given = _(" Answered \u201c{answer}\u201d, below \u201c{below}\u201d.").format(
            answer=cap.answer, below=cap.below
        )
    return _("\u201c{prompt}\u201d{given} {reason} {limit}").format(
        prompt=cap.prompt, given=given, reason=cap.reason, limit=_limit(cap.stage.title, cap.binding)
    )


def hold_sentence(h: Hold) -> str:
    """A requirement of a stage that is not met, or the stage colleagues with lived experience
    see, worded like a critical cap."""
    if h.kind in ("view", "coverage"):
        return _("{reason} {limit}").format(reason=h.reason, limit=_limit(h.stage.title, h.binding))
    assert h.requirement is not None
    need = f"{h.requirement.start:g}"
    req = h.requirement
    if req.axis and req.domain:
        domain = h.what.split(" in ", 1)[-1]
        what = _("{axis} in \u201c{domain}\u201d").format(axis=axis_word(req.axis), domain=domain)
    elif req.axis:
        what = axis_word(req.axis)
    else:
        what = f"\u201c{h.what}\u201d"
    found = (
        _("{what} is not known yet").format(what=what)
        if h.value is None
        else _("{what} is {value}").format(what=what, value=whole(h.value))
    )
    return _("\u201c{title}\u201d needs a score of at least {need} for {what}, and {found}. {reason} {limit}").format(
        title=h.above.title, need=need, what=what, found=found, reason=h.reason, limit=_limit(h.stage.title, h.binding)
    )


class HeldItem(NamedTuple):
    """One thing that holds the stage back (or would), in words: in full, and in a short form
    for the board page (the reason first, the question left to the detail by domain)."""

    text: str
    binding: bool
    cap: Cap | None
    short: str = ""


def held_items(q: Questionnaire, a: Assessment, r: Result) -> list[HeldItem]:
    """Everything that holds the stage back, those that do first, then those that would.
    `a` is the assessment as saved: a group's answers are worded so that they never name a
    level fewer than the minimum gave."""
    group = a.is_group
    items = []
    for c in r.caps:  # the questions first: each is something to act on
        words = group_level_words(q, a, c.question_id) if group and not c.source and not c.unknown else ""
        items.append(HeldItem(cap_sentence(c, group, words), c.binding, c, short_cap_sentence(c, group, words)))
    items += [HeldItem(hold_sentence(h), h.binding, None, hold_sentence(h)) for h in r.holds]
    return sorted(items, key=lambda x: not x.binding)


def short_cap_sentence(cap: Cap, group: bool = False, answer: str = "", prompt: str = "") -> str:
    """A critical answer in brief: its reason, then what was answered and how it limits the stage.
    `prompt` is the question shortened to fit, where it is quoted."""
    prompt = prompt or cap.prompt
    if cap.unknown and not cap.source:
        return unknown_cap_words(cap, group, prompt)
    limit = _("no higher than \u201c{title}\u201d").format(title=cap.stage.title) + (
        "" if cap.binding else _(" even if the rest improved")
    )
    if cap.source:  # the question first: the reason does not name it, or the answer
        return _("\u201c{prompt}\u201d {reason} (This keeps the stage {limit}.)").format(
            prompt=prompt, reason=cap.reason, limit=limit
        )
    given = (
        _("The group\u2019s level, {answer}").format(answer=answer)
        if answer
        else _("Answered \u201c{answer}\u201d").format(answer=cap.answer)
    )
    return _("{reason} ({given}: the stage can rise {limit}.)").format(reason=cap.reason, given=given, limit=limit)


def view_sentence(label: str, view: View) -> str:
    """One side of a group: "Colleagues with lived experience (3 people): care 45, with 19 ..."."""
    r = view.result
    assert r is not None
    who = (
        ngettext("{label} ({count} person)", "{label} ({count} people)", view.n).format(label=label, count=view.n)
        if view.n is not None
        else label
    )
    return _("{who}: {place_title}, stage \u201c{stage_title}\u201d (care {figure}, with {figure2}).").format(
        who=who, place_title=place_title(r), stage_title=stage_title(r), figure=figure(r.care), figure2=figure(r.with_)
    )


def views_lines(r: Result) -> list[str]:
    """Both sides of a group, side by side, or why the lived-experience side cannot be shown.
    Empty for an assessment that is not a group's."""
    v = r.views
    if v is None:
        return []
    out = []
    if v.lived_experience.shown:
        out.append(view_sentence(_("With lived experience"), v.lived_experience))
    else:
        out.append(
            _(
                "The view of colleagues with lived experience cannot be shown apart without identifying "
                "someone (they, or the people outside their group, are fewer than {min_group_size}). "
                "It may differ from the group\u2019s: so any one person\u2019s answer below the threshold "
                "of a critical question holds the stage back."
            ).format(min_group_size=v.min_group_size)
        )
    if v.others.shown:
        out.append(view_sentence(_("Without lived experience"), v.others))
    elif v.lived_experience.shown:
        out.append(
            _("The view of colleagues without lived experience is not shown apart, so that nobody can be identified.")
        )
    lived, others = v.lived_experience.result, v.others.result
    if lived and others and lived.stage and others.stage and lived.stage.id != others.stage.id:
        out.append(_("The two views differ, and that difference is a finding, not noise."))
    return out


def scoring_words(q: Questionnaire) -> list[str]:
    """How the bands and places are cut, in plain words, for the method page and the README."""
    care = q.bands["care"]
    with_ = q.bands["with"]
    return [
        _("Care bands: {bands}.").format(bands="; ".join(_band_from(b.title, b.start) for b in care)),
        _("With bands: {bands}.").format(bands="; ".join(_band_from(b.title, b.start) for b in with_)),
    ]


def _band_from(title: str, start: float) -> str:
    return _("{title} from {start:g}").format(title=title, start=start)


def grid(q: Questionnaire) -> list[tuple[float, float, float, float, str, str]]:
    """The places as rectangles on the care (across) and with (up) axes, 0 to 100:
    (care from, care to, with from, with to, place id, place title). Every chart draws this."""
    care, with_ = q.bands["care"], q.bands["with"]
    cells = []
    for i, cb in enumerate(care):
        c1 = care[i + 1].start if i + 1 < len(care) else 100.0
        for j, wb in enumerate(with_):
            w1 = with_[j + 1].start if j + 1 < len(with_) else 100.0
            place = q.place(cb.id, wb.id)
            cells.append((cb.start, c1, wb.start, w1, place.id if place else "", place.title if place else ""))
    return cells


def group_level_words(q: Questionnaire, group: Assessment, question_id: str) -> str:
    """Where a group's level for a question comes from, and what it is, in a phrase that never
    names a level fewer than min_group_size people gave: "agreed by the group: Asking"."""
    from coprod_check.domain.group import spread

    found = spread(q, group, question_id)
    level = q.level(found.group_choice, question_id) if found.group_choice else None
    if found.agreed and level is not None:
        return _("agreed by the group: {label}").format(label=level.label)
    if found.suppressed and not found.responses:
        return _("nobody has answered it yet")
    if found.suppressed and found.group_choice == DONT_KNOW:
        return _(
            "fewer than {min_group_size} people gave a level, so until the group agrees one "
            "the answer is \u201cdon\u2019t know\u201d"
        ).format(min_group_size=group.min_group_size)
    if found.suppressed:
        return _(
            "fewer than {min_group_size} people gave a level, so it is not shown or scored "
            "until the group agrees a level"
        ).format(min_group_size=group.min_group_size)
    if level is not None:
        return _("the median of everyone's answers: {label}").format(label=level.label)
    if found.group_choice == DONT_KNOW:
        return _("the median of everyone's answers: don\u2019t know")
    return _("not answered yet")


def gap_words(gap: DomainGap) -> str:
    """How the two sides' scores in a domain differ: "40 points lower", "the same", or a dash.
    Worked out from the unrounded scores and rounded once, as every difference is."""
    diff = whole(gap.gap)
    if diff is None:
        return "\u2013"
    if diff == 0:
        return _("the same")
    n = abs(diff)
    if diff < 0:
        return ngettext("{count} point lower", "{count} points lower", n).format(count=n)
    return ngettext("{count} point higher", "{count} points higher", n).format(count=n)
