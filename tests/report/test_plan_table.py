"""The printed action table: every status on one line, and the team's own grouping."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from coprod_check.domain.assessment import ActionEdit, Answer, Assessment, CustomAction
from coprod_check.domain.plan import PlannedAction
from coprod_check.report import fonts, render_pdf
from coprod_check.report.actions import STATUS, _table
from coprod_check.report.blocks import PAD_X
from coprod_check.report.document import MARGIN_X, page_size
from coprod_check.report.styles import BODY_SIZE, make_styles
from tests.report.pdf import TODAY, Pdf
from tests.tiny import tiny


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_status_fits_its_column_at_body_size(paper):
    fonts.register()
    width = page_size(paper)[0] - 2 * MARGIN_X  # the body frame, as the document lays it out
    action = PlannedAction("gap:q", "gap", "q", "d", "Title", "Why", "How", "Owner", "now", False)
    table = _table([action], make_styles(), width)
    inner = table._colWidths[-1] - 2 * PAD_X
    # A4: 493.2 points wide; at 10% the inner width was 41.3, and "In progress" needs 58.9.
    for label in STATUS.values():
        assert stringWidth(label, fonts.FAMILY, BODY_SIZE) <= inner, (label, inner)
    assert stringWidth("Status", fonts.BOLD, BODY_SIZE) <= inner
    assert sum(table._colWidths) == pytest.approx(width)


def test_the_printed_plan_groups_actions_as_the_team_moved_them():
    q = tiny()
    a = Assessment.new(q, TODAY)
    a.answers = {"q1": Answer("l1"), "q5": Answer("l1")}  # both next 3 months as suggested
    a.plan.edits["gap:q1"] = ActionEdit(timescale="later", status="in-progress")
    a.plan.custom.append(CustomAction("own:1", "Meet the network chair", critical=True))
    pdf = Pdf(render_pdf(q, a, today=TODAY))
    plan = pdf.between("The action plan")
    assert "Critical: do these first (1) Action Why Owner Due Status Meet the network chair" in plan
    assert "Next 3 months (1) Action Why Owner Due Status Move q5 up from l1" in plan
    assert "Later (1) Action Why Owner Due Status Move q1 up from l1" in plan
    assert "In progress" in plan
