"""The assessment file format: plain JSON-ready data to and from an Assessment.

`from_dict` accepts exactly what `to_dict` writes (and files from before the
group and round fields, and the plan edits' timescale, critical and suggested
wording, existed), and raises AssessmentError, naming the file
and the problem, for anything else.

Every text is checked once, here, where it enters: text that cannot be written as
UTF-8 (a lone surrogate such as "\\ud800", which JSON allows) is refused with the
field it is in, so nothing is ever held in memory that could not be saved again.
Lists and maps are bounded (MAX_PEOPLE, MAX_OWN_ACTIONS, MAX_ENTRIES), so a file cannot make the window or the PDF
take minutes.
"""

from __future__ import annotations

from typing import Any

from coprod_check.domain.assessment import (
    DEFAULT_MIN_GROUP,
    FORMAT,
    FORMAT_VERSION,
    MAX_OWN_ACTIONS,
    MAX_PEOPLE,
    REVIEW_OUTCOMES,
    ActionEdit,
    Agreement,
    Answer,
    Assessment,
    CustomAction,
    Previous,
    Response,
    Review,
)
from coprod_check.domain.errors import AssessmentError
from coprod_check.domain.fieldreader import (  # noqa: F401 (is_iso_date: part of the format)
    _TIMESCALE_IDS,
    FieldReader,
    _short,
    is_iso_date,
)
from coprod_check.domain.questionnaire import FACETS
from coprod_check.i18n import _


def to_dict(a: Assessment, *, responses_later: bool = False) -> dict[str, Any]:
    """The assessment as JSON-ready data; the inverse of from_dict.

    Group and round fields are written only when used, so a simple assessment
    stays a simple file. With `responses_later`, a group's "responses" key holds None, in its
    place, for `responses_out` to fill in afterwards (a save does that on its worker thread).
    """
    from coprod_check import __version__

    data: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "questionnaire": {
            "id": a.questionnaire_id,
            "version": a.questionnaire_version,
            "fingerprints": dict(a.fingerprints),
        },
        "organisation": a.organisation,
        "team": a.team,
        "date": a.date,
        "participants": [p.as_dict() for p in a.participants],
        "answers": _answers_out(a.answers),
        "plan": {
            "edits": {aid: _edit_out(e) for aid, e in a.plan.edits.items()},
            "custom": [_custom_out(c) for c in a.plan.custom],
            "order": list(a.plan.order),
        },
    }
    if a.responses:
        data["responses"] = None if responses_later else responses_out(a.responses)
    if a.agreed:
        data["agreed"] = {qid: g.as_dict() for qid, g in a.agreed.items()}
    if a.min_group_size != DEFAULT_MIN_GROUP:
        data["min_group_size"] = a.min_group_size
    if a.previous is not None:
        prev = a.previous.as_dict()  # every value copied: a save's snapshot shares nothing with the assessment
        prev["with"] = prev.pop("with_")
        prev["domains"] = dict(a.previous.domains)
        prev["caps"] = [list(c) for c in a.previous.caps]
        prev["actions"] = [x.as_dict() for x in a.previous.actions]
        data["previous"] = prev
    if a.reviews:
        data["reviews"] = {aid: rv.as_dict() for aid, rv in a.reviews.items()}
    if a.rounds or a.statement is not None or not a.board.is_empty():
        from coprod_check.domain.fileformat_paper import paper_out  # only for files that use it

        paper_out(a, data)
    return data


def responses_out(responses: list[Response]) -> list[dict[str, Any]]:
    """A group's responses as JSON-ready data (to_dict's "responses")."""
    return [
        {
            "id": r.id,
            "participant": r.participant.as_dict(),
            "source": r.source,
            "sha256": r.sha256,
            "date": r.date,
            "answers": _answers_out(r.answers),
            **({"statement": r.statement.as_dict()} if r.statement is not None else {}),
        }
        for r in responses
    ]


def _edit_out(edit: ActionEdit) -> dict[str, Any]:
    # The fields added after the first release are written only when used, so a file
    # that does not use them stays readable by earlier versions.
    data = edit.as_dict()
    for field in ("timescale", "critical", "suggested", "owner_agreed"):
        if data[field] is None:
            del data[field]
    if edit.suggested is not None:
        data["suggested"] = edit.suggested.as_dict()
    return data


#: An action of the team's own: the file's keys are the record's fields.
_CUSTOM_REQUIRED = ("id", "title")
_CUSTOM_OPTIONAL = tuple(k for k in CustomAction.__slots__ if k not in _CUSTOM_REQUIRED)


def _custom_out(custom: CustomAction) -> dict[str, Any]:
    data = custom.as_dict()
    if not custom.critical:
        del data["critical"]
    for field in ("domain", "orientation", "owner_agreed"):
        if data[field] is None:
            del data[field]
    return data


def _answers_out(answers: dict[str, Answer]) -> dict[str, Any]:
    return {qid: _answer_out(ans) for qid, ans in answers.items() if not ans.is_empty()}


def _answer_out(ans: Answer) -> dict[str, Any]:
    data: dict[str, Any] = {
        "answer": ans.choice,
        "note": ans.note,
        "evidence": ans.evidence,
        "note_private": ans.note_private,
    }
    if ans.check is not None:  # written only while set, so other files stay readable by earlier builds
        data["check"] = ans.check.as_dict()
    return data


def from_dict(data: Any, source: str) -> Assessment:
    """Check and read assessment data; raise AssessmentError naming the problem."""
    r = FieldReader(source)
    top = r.obj(
        data,
        "the file",
        required=("format", "format_version", "questionnaire"),
        optional=(
            "app_version",
            "organisation",
            "team",
            "date",
            "participants",
            "answers",
            "plan",
            "responses",
            "agreed",
            "min_group_size",
            "previous",
            "reviews",
            "rounds",
            "board_paper",
            "statement",
        ),
    )
    if top.get("format") != FORMAT:
        raise AssessmentError(
            source,
            _('is not a coprod-check assessment (its "format" is {found}, not "{FORMAT}")').format(
                found=_short(top.get("format")), FORMAT=FORMAT
            ),
        )
    version = top.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise AssessmentError(source, _("has an invalid format_version {found}").format(found=_short(version)))
    if version > FORMAT_VERSION:
        raise AssessmentError(
            source,
            _(
                "was made by a newer coprod-check (file format {version}; "
                "this version reads up to {FORMAT_VERSION}). Please update coprod-check; "
                "the file has not been changed."
            ).format(version=version, FORMAT_VERSION=FORMAT_VERSION),
        )
    q = r.obj(top["questionnaire"], "questionnaire", required=("id", "version"), optional=("fingerprints",))
    fingerprints = r.obj(q.get("fingerprints", {}), "questionnaire.fingerprints")
    a = Assessment(
        questionnaire_id=r.text(q["id"], "questionnaire.id", empty=False),
        questionnaire_version=r.version(q["version"], "questionnaire.version", empty=False),
        organisation=r.text(top.get("organisation", ""), "organisation"),
        team=r.text(top.get("team", ""), "team"),
        date=r.date(top.get("date", ""), "date"),
        fingerprints={k: r.text(v, f"questionnaire.fingerprints.{k}") for k, v in fingerprints.items()},
        participants=[
            r.participant(p, f"participants[{i}]")
            for i, p in enumerate(r.array(top.get("participants", []), "participants", MAX_PEOPLE))
        ],
        answers=r.answers(top.get("answers", {}), "answers"),
    )
    _read_plan(r, top.get("plan", {}), a)
    _read_group(r, top, a)
    _read_rounds(r, top, a)
    _read_paper(r, top, a)
    return a


def _read_plan(r: FieldReader, value: Any, a: Assessment) -> None:
    plan = r.obj(value, "plan", optional=("edits", "custom", "order"))
    for aid, item in r.obj(plan.get("edits", {}), "plan.edits").items():
        where = f"plan.edits.{aid}"
        e = r.obj(item, where, optional=ActionEdit.__slots__)  # the file's keys are the record's fields
        timescale, critical = e.get("timescale"), e.get("critical")
        a.plan.edits[aid] = ActionEdit(
            accepted=r.boolean(e.get("accepted", True), f"{where}.accepted"),
            title=r.optional_text(e.get("title"), f"{where}.title"),
            why=r.optional_text(e.get("why"), f"{where}.why"),
            how=r.optional_text(e.get("how"), f"{where}.how"),
            owner=r.optional_text(e.get("owner"), f"{where}.owner"),
            due=r.optional_date(e.get("due"), f"{where}.due"),
            status=r.action_status(e.get("status", "not-started"), f"{where}.status"),
            timescale=None if timescale is None else r.choice(timescale, _TIMESCALE_IDS, f"{where}.timescale"),
            critical=None if critical is None else r.boolean(critical, f"{where}.critical"),
            suggested=r.suggestion(e["suggested"], f"{where}.suggested") if "suggested" in e else None,
            owner_agreed=r.optional_boolean(e.get("owner_agreed"), f"{where}.owner_agreed"),
        )
    custom_ids: set[str] = set()
    for i, item in enumerate(r.array(plan.get("custom", []), "plan.custom", MAX_OWN_ACTIONS)):
        where = f"plan.custom[{i}]"
        c = r.obj(item, where, required=_CUSTOM_REQUIRED, optional=_CUSTOM_OPTIONAL)
        cid = r.text(c["id"], f"{where}.id", empty=False)
        if cid in custom_ids:
            raise r.fail(
                f"{where}.id",
                _("repeats the action id {found}, which another action already has").format(found=_short(cid)),
            )
        custom_ids.add(cid)
        a.plan.custom.append(
            CustomAction(
                id=cid,
                title=r.text(c["title"], f"{where}.title"),
                why=r.text(c.get("why", ""), f"{where}.why"),
                how=r.text(c.get("how", ""), f"{where}.how"),
                owner=r.text(c.get("owner", ""), f"{where}.owner"),
                due=r.optional_date(c.get("due"), f"{where}.due"),
                status=r.action_status(c.get("status", "not-started"), f"{where}.status"),
                timescale=r.choice(c.get("timescale", "now"), _TIMESCALE_IDS, f"{where}.timescale"),
                accepted=r.boolean(c.get("accepted", True), f"{where}.accepted"),
                critical=r.boolean(c.get("critical", False), f"{where}.critical"),
                domain=r.optional_text(c.get("domain"), f"{where}.domain"),
                orientation=None
                if c.get("orientation") is None
                else r.choice(c["orientation"], FACETS, f"{where}.orientation"),
                owner_agreed=r.optional_boolean(c.get("owner_agreed"), f"{where}.owner_agreed"),
            )
        )
    a.plan.order = [r.text(x, "plan.order[]", empty=False) for x in r.array(plan.get("order", []), "plan.order")]


def _read_group(r: FieldReader, top: dict[str, Any], a: Assessment, at: str = "") -> None:
    """The group's responses, agreed levels and smallest group; `at` prefixes every field's
    name in a message (an earlier round's group is read by the same rules)."""
    ids: set[str] = set()
    for i, item in enumerate(r.array(top.get("responses", []), f"{at}responses", MAX_PEOPLE)):
        where = f"{at}responses[{i}]"
        x = r.obj(
            item,
            where,
            required=("id", "participant"),
            optional=("answers", "source", "sha256", "date", "statement"),
        )
        rid = r.text(x["id"], f"{where}.id", empty=False)
        if rid in ids:
            raise r.fail(
                f"{where}.id",
                _("repeats the response id {found}, which another response already has").format(found=_short(rid)),
            )
        ids.add(rid)
        a.responses.append(
            Response(
                id=rid,
                participant=r.participant(x["participant"], f"{where}.participant"),
                answers=r.answers(x.get("answers", {}), f"{where}.answers"),
                source=r.text(x.get("source", ""), f"{where}.source"),
                sha256=r.text(x.get("sha256", ""), f"{where}.sha256"),
                date=r.date(x.get("date", ""), f"{where}.date"),
                statement=r.statement(x["statement"], f"{where}.statement") if "statement" in x else None,
            )
        )
    for qid, item in r.obj(top.get("agreed", {}), f"{at}agreed").items():
        g = r.obj(item, f"{at}agreed.{qid}", required=("level",), optional=("reason",))
        a.agreed[qid] = Agreement(
            level=r.text(g["level"], f"{at}agreed.{qid}.level", empty=False),
            reason=r.text(g.get("reason", ""), f"{at}agreed.{qid}.reason"),
        )
    size = top.get("min_group_size", DEFAULT_MIN_GROUP)
    if not isinstance(size, int) or isinstance(size, bool) or not 2 <= size <= 50:
        raise r.fail(
            f"{at}min_group_size",
            _("should be a whole number from 2 to 50, not {found}").format(found=_short(size)),
        )
    a.min_group_size = size


def _read_rounds(r: FieldReader, top: dict[str, Any], a: Assessment) -> None:
    if "previous" in top:
        p = r.obj(
            top["previous"],
            "previous",
            required=("date", "questionnaire_version"),
            optional=("overall", "care", "with", "stage_id", "stage_title", "domains", "caps", "actions", "source"),
        )
        a.previous = Previous(
            date=r.date(p["date"], "previous.date"),
            questionnaire_version=r.version(p["questionnaire_version"], "previous.questionnaire_version"),
            overall=r.score(p.get("overall"), "previous.overall"),
            care=r.score(p.get("care"), "previous.care"),
            with_=r.score(p.get("with"), "previous.with"),
            stage_id=r.optional_text(p.get("stage_id"), "previous.stage_id"),
            stage_title=r.optional_text(p.get("stage_title"), "previous.stage_title"),
            domains={
                k: r.score(v, f"previous.domains.{k}")
                for k, v in r.obj(p.get("domains", {}), "previous.domains").items()
            },
            caps=[r.pair(c, f"previous.caps[{i}]") for i, c in enumerate(r.array(p.get("caps", []), "previous.caps"))],
            actions=[
                r.previous_action(x, f"previous.actions[{i}]")
                for i, x in enumerate(r.array(p.get("actions", []), "previous.actions"))
            ],
            source=r.text(p.get("source", ""), "previous.source"),
        )
    for aid, item in r.obj(top.get("reviews", {}), "reviews").items():
        v = r.obj(item, f"reviews.{aid}", optional=("outcome", "note"))
        outcome = v.get("outcome")
        a.reviews[aid] = Review(
            outcome=None if outcome is None else r.choice(outcome, REVIEW_OUTCOMES, f"reviews.{aid}.outcome"),
            note=r.text(v.get("note", ""), f"reviews.{aid}.note"),
        )


def _read_paper(r: FieldReader, top: dict[str, Any], a: Assessment) -> None:
    if "rounds" in top or "board_paper" in top or "statement" in top:
        from coprod_check.domain.fileformat_paper import read_paper  # only for files that use it

        read_paper(r, top, a, _read_round)


def _read_round(r: FieldReader, value: Any, where: str, a: Assessment) -> Assessment:
    """An earlier round's answers in full, read by the same rules as the file's own."""
    x = r.obj(
        value,
        where,
        required=("date", "questionnaire_version"),
        optional=("fingerprints", "participants", "answers", "responses", "agreed", "min_group_size"),
    )
    fingerprints = r.obj(x.get("fingerprints", {}), f"{where}.fingerprints")
    earlier = Assessment(
        questionnaire_id=a.questionnaire_id,
        questionnaire_version=r.version(x["questionnaire_version"], f"{where}.questionnaire_version", empty=False),
        organisation=a.organisation,
        team=a.team,
        date=r.date(x["date"], f"{where}.date"),
        fingerprints={k: r.text(v, f"{where}.fingerprints.{k}") for k, v in fingerprints.items()},
        participants=[
            r.participant(p, f"{where}.participants[{i}]")
            for i, p in enumerate(r.array(x.get("participants", []), f"{where}.participants", MAX_PEOPLE))
        ],
        # An empty answer (no choice, note or evidence) is never written, so it is not kept either:
        # otherwise a round read and saved again would differ from itself.
        answers={
            qid: ans for qid, ans in r.answers(x.get("answers", {}), f"{where}.answers").items() if not ans.is_empty()
        },
    )
    _read_group(r, x, earlier, f"{where}.")
    return earlier
