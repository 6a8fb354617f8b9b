"""Realistic organisations, scored end to end, each with the headline an expert expects.

Each profile in tests/domain/profiles/ describes how an organisation (or a group of its
people) would answer the built-in questionnaire, and what its result must and must not say.
The expectations are about meaning (a consultation culture is not partnership, burn-out
shows), not about exact figures, so they hold whatever the exact wording of the levels.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coprod_check.domain import headline
from coprod_check.domain.assessment import Answer, Assessment, Participant, Response
from coprod_check.domain.group import evaluate
from coprod_check.domain.questionnaire import DONT_KNOW, Questionnaire
from coprod_check.domain.scoring import Result, is_burn_out
from tests.tiny import builtin

PROFILES = sorted((Path(__file__).parent / "profiles").glob("*.yaml"))


def answers_for(q: Questionnaire, spec: dict) -> dict[str, Answer]:
    """Answers from a profile's spec: a level per orientation, whole domains "don't know",
    and single questions set by id."""
    out = {}
    unknown = set(spec.get("dont_know_domains", []))
    for question in q.questions():
        choice = DONT_KNOW if question.domain_id in unknown else spec[question.orientation]
        out[question.id] = Answer(choice)
    for qid, choice in spec.get("set", {}).items():
        assert q.question(qid) is not None, f"no question {qid}"
        out[qid] = Answer(choice)
    return out


def build(q: Questionnaire, profile: dict) -> Assessment:
    a = Assessment(q.id, q.version, organisation=profile["name"])
    if "group" in profile:
        n = 0
        for part in profile["group"]:
            for _ in range(part.get("times", 1)):
                n += 1
                a.responses.append(
                    Response(
                        id=f"r{n}",
                        participant=Participant("staff", part["lived_experience"]),
                        answers=answers_for(q, part["answers"]),
                    )
                )
    else:
        a.answers = answers_for(q, profile["answers"])
    return a


def stage_index(q: Questionnaire, stage_id: str) -> int:
    return q.stage_index(stage_id)


@pytest.fixture(scope="module")
def q() -> Questionnaire:
    return builtin()


@pytest.mark.parametrize("path", PROFILES, ids=[p.stem for p in PROFILES])
def test_profile_headline(q: Questionnaire, path: Path) -> None:
    profile = yaml.safe_load(path.read_text(encoding="utf-8"))
    r = evaluate(q, build(q, profile))
    check(q, r, profile["expect"])


def check(q: Questionnaire, r: Result, expect: dict) -> None:  # noqa: C901 (one branch per expectation)
    place = r.quadrant.id if r.quadrant else None
    if "quadrant" in expect:
        assert place == expect["quadrant"], headline.place_title(r)
    if "quadrant_in" in expect:
        assert place in expect["quadrant_in"], headline.place_title(r)
    if "not_quadrant" in expect:
        assert place not in expect["not_quadrant"], headline.place_title(r)
    if "with_band" in expect:
        assert r.bands["with"] is not None and r.bands["with"].id == expect["with_band"]
    if "parity_band" in expect:  # parity is reported beside care and with, in its own bands
        assert r.bands["parity"] is not None and r.bands["parity"].id == expect["parity_band"]
    assert r.stage is not None
    if "stage_at_most" in expect:
        assert stage_index(q, r.stage.id) <= stage_index(q, expect["stage_at_most"]), r.stage.title
    if "stage_at_least" in expect:
        assert stage_index(q, r.stage.id) >= stage_index(q, expect["stage_at_least"]), (r.stage.title, r.holds)
    if "burn_out" in expect:
        assert is_burn_out(q, r) is expect["burn_out"]
        assert headline.burn_out_warning(q, r)
    if "holds_requirement" in expect:
        assert any(
            h.kind == "requirement"
            and h.requirement
            and h.requirement.axis == expect["holds_requirement"]
            and h.binding
            for h in r.holds
        ), r.holds
    if expect.get("no_caps"):
        assert not r.caps and not any(h.binding for h in r.holds), (r.caps, r.holds)
    for qid, words in expect.get("caps_include", {}).items():
        found = [c for c in r.caps if c.question_id == qid]
        assert found and words in found[0].reason, (qid, found)
    for qid in expect.get("caps_include_unknown", []):
        assert any(c.question_id == qid and c.unknown for c in r.caps), qid
    if expect.get("caps_from_lived_experience"):
        assert any(
            c.source == "lived-experience" and c.reason.startswith("Colleagues with lived experience") for c in r.caps
        )
    for did in expect.get("domains_not_known", []):
        d = next(x for x in r.domains if x.id == did)
        assert d.score is None and d.not_known_yet and headline.domain_score(d) == "not known yet"
    if expect.get("no_domain_zero"):
        assert all(d.score != 0 for d in r.domains)
    if expect.get("counts_add_up"):
        assert r.known + r.unknown + r.not_applicable + r.not_answered == r.total
        for d in r.domains:
            assert d.known + d.unknown + d.not_applicable + d.not_answered == d.total
    if "views_shown" in expect:
        assert r.views is not None
        assert r.views.lived_experience.shown is expect["views_shown"]["lived_experience"]
        assert r.views.others.shown is expect["views_shown"]["others"]
        if not r.views.lived_experience.shown:
            assert r.views.lived_experience.n is None
            assert "cannot be shown apart" in " ".join(headline.views_lines(r))
    for side, stage_id in expect.get("view_stage_at_most", {}).items():
        assert r.views is not None
        view = r.views.lived_experience if side == "lived_experience" else r.views.others
        assert view.result is not None and view.result.stage is not None
        assert stage_index(q, view.result.stage.id) <= stage_index(q, stage_id)
    # Whatever the profile, the headline never calls a place without sharing decisions a partnership.
    if r.bands["with"] is not None and r.bands["with"].id != "sharing-decisions":
        assert "partnership" not in headline.place_title(r).lower()


def profile_assessment(q: Questionnaire, name: str) -> Assessment:
    return build(q, yaml.safe_load((Path(__file__).parent / "profiles" / f"{name}.yaml").read_text(encoding="utf-8")))


def test_every_output_says_the_same_for_a_group_that_disagrees(q):
    """The window's words, `score` (text and JSON) and the printed board page name the same
    place, stage and views, with the same figures."""
    from coprod_check.cli.assessments import render_summary
    from coprod_check.domain.scoring import result_to_dict
    from coprod_check.domain.update import check_update
    from coprod_check.report import render_pdf
    from tests.report.pdf import Pdf, flat

    a = profile_assessment(q, "group-disagree")
    r = evaluate(q, a)
    text = render_summary(q, a, r, check_update(q, a))
    data = result_to_dict(r)
    pdf = Pdf(render_pdf(q, a))
    appendix = next(page for title, level, page in pdf.outline() if title == "Appendix" and level == 0)
    board = flat("\n".join(pdf.pages[:appendix]))
    lived = "With lived experience (3 people): Caring for, stage \u201cStarting out\u201d (care 75, with 25)."
    others = (
        "Without lived experience (4 people): Supported partnership, stage \u201cSharing power\u201d "
        "(care 75, with 75)."
    )
    for output in (text, board):
        assert lived in output and others in output
        assert f"Where this puts you: {headline.place_title(r)}" in output
    assert data["views"]["lived_experience"] == {
        "shown": True,
        "n": 3,
        "care": 75.0,
        "with": 25.0,
        "quadrant": {"id": "caring-for", "title": "Caring for"},
        "stage": {"id": "starting", "title": "Starting out"},
    }
    assert data["views"]["others"]["stage"]["id"] == "sharing-power"
    assert data["quadrant"]["id"] == "caring-for" and data["group_quadrant"]["id"] == "working-with"
    assert data["stage"]["id"] == "starting"
    # The group's own scores keep their own band words; only the place is held down.
    assert data["bands"]["with"]["id"] == "sharing-decisions"


def test_a_domain_nobody_knew_about_is_never_printed_as_a_measured_zero(q):
    from coprod_check.report import render_pdf
    from tests.report.pdf import Pdf

    pdf = Pdf(render_pdf(q, profile_assessment(q, "honest-dont-know")))
    results = pdf.between("Results by domain", "The action plan")
    assert results.count("Care: not known yet: mostly \u201cdon\u2019t know\u201d") == 3
    staff = results[results.index("Staff with lived experience") : results.index("Visibility and leadership")]
    assert " 0 " not in staff and "not yet answered" not in staff


def test_the_plan_works_on_what_holds_a_group_back_where_lived_experience_sees_it(q):
    """The majority rates every question "sharing"; colleagues with lived experience rate the
    with questions "doing for". The critical questions held on their view get critical actions
    that start from their level, not the majority's (which would call for less, or nothing)."""
    from coprod_check.domain.group import group_view
    from coprod_check.domain.plan import build_plan
    from coprod_check.domain.scoring import held_levels

    a = profile_assessment(q, "group-disagree")
    r = evaluate(q, a)
    held = held_levels(r)
    assert held["power-timing"] == "doing-for" and held["payment-paid"] == "doing-for"
    plan = {x.id: x for x in build_plan(q, group_view(q, a), held=held)}
    timing = plan["gap:power-timing"]
    assert timing.critical and timing.group == "critical"
    assert timing.title == q.question("power-timing").actions["doing-for"].title
    # without the lived-experience view, the majority's "sharing" asks only for the last step
    majority = {x.id: x for x in build_plan(q, group_view(q, a))}
    assert not majority["gap:power-timing"].critical
