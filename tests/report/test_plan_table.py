"""The printed action tables: every status and "No date yet" on one line, and the team's own grouping."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from coprod_check.domain.assessment import ActionEdit, Answer, Assessment, CustomAction
from coprod_check.report import fonts, render_pdf
from coprod_check.report.blocks import PAD_X
from coprod_check.report.content.appendix import ACTION_COLUMNS
from coprod_check.report.content.words import STATUS
from coprod_check.report.document import MARGIN_X, page_size
from coprod_check.report.styles import CELL_SIZE
from tests.report.pdf import TODAY, Pdf
from tests.tiny import tiny


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_status_and_date_fits_its_column_at_cell_size(paper):
    fonts.register()
    width = page_size(paper)[0] - 2 * MARGIN_X  # the body frame, as the document lays it out
    due, status = (share * width - 2 * PAD_X for share in ACTION_COLUMNS[3:])
    for label in STATUS.values():
        assert stringWidth(label, fonts.FAMILY, CELL_SIZE) <= status, (label, status)
    assert stringWidth("Status", fonts.BOLD, CELL_SIZE) <= status
    assert stringWidth("No date yet", fonts.FAMILY, CELL_SIZE) <= due
    assert stringWidth("28 Sep 2027", fonts.FAMILY, CELL_SIZE) <= due
    assert sum(ACTION_COLUMNS) == pytest.approx(1)


def test_the_printed_plan_groups_actions_as_the_team_moved_them():
    q = tiny()
    a = Assessment.new(q, TODAY)
    a.answers = {"q1": Answer("l1"), "q5": Answer("l1")}  # both next 3 months as suggested
    a.plan.edits["gap:q1"] = ActionEdit(timescale="later", status="in-progress")
    a.plan.custom.append(CustomAction("own:1", "Meet the network chair", critical=True))
    pdf = Pdf(render_pdf(q, a, today=TODAY))
    plan = pdf.between("The action plan", "The detail behind every answer")
    head = "Action Domain and kind Owner Due Status"
    assert f"Critical: do these first (1) {head} Meet the network chair" in plan
    assert f"Next 3 months (1) {head} Move q5 up from l1" in plan
    assert f"Later (1) {head} Move q1 up from l1" in plan
    assert "In progress" in plan
    assert "The team’s own action Not placed" in plan  # an own action not yet placed in a domain
