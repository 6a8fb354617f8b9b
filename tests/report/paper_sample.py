"""A hand-made board paper with every kind of block, for the Word renderer's tests.

Built from content.model directly, so the renderer is tested on its own; the tests that render
real assessments use content.paper_for.
"""

from __future__ import annotations

import datetime as dt

from coprod_check.report.content.model import (
    Break,
    Chart,
    Fields,
    Heading,
    Items,
    Keep,
    Meta,
    Paper,
    Para,
    Part,
    Quote,
    Section,
    Series,
    Table,
    bold,
    runs,
)

SHA = "5" * 64
DAY = dt.date(2026, 11, 24)
HOSTILE = "<b>not bold</b> {{ meeting }} =SUM(A1) שלום עולם 👩🏽‍⚕️ nul\x00 esc\x1b c1\x92"


def sample(hostile: str = "", language: str = "en-GB") -> Paper:
    meta = Meta(
        title="Co-production readiness: Northfield",
        author="Northfield",
        subject="Board paper",
        keywords="co-production",
        language=language,
        organisation="Northfield",
        assessment_date="2026-11-20",
        printed=DAY,
        sha256=SHA,
        creator="coprod-check",
        hash_line=f"Made from the assessment file whose SHA-256 is {SHA}.",
    )
    cover = Section(
        "cover",
        "Cover sheet",
        (
            Heading("Co-production readiness: board paper", 1),
            Para(runs(bold("Northfield Trust"), " \u2013 adult services"), "lead"),
            Fields((("Meeting", runs("not yet named")), ("Purpose", runs("For decision"))), frozenset({"Meeting"})),
            Heading("Decisions asked of the board", 2),
            Items((runs("Agree the plan by 1 March 2027"), runs("Name an executive lead")), numbered=True),
            Heading("Summary", 2),
            Para(runs("The organisation consults; it does not yet share decisions. " + hostile)),
        ),
    )
    assurance = Section(
        "assurance",
        "Assurance",
        (
            Heading("Assurance, risks and trend", 1),
            Para(runs("Limited assurance."), "warning"),
            Heading("Deep heading jumps a level", 3),
            Chart(
                "trend",
                "Scores by round",
                "Scores by round. With: 20, 35, 41. Care: 50, 55, 60.",
                categories=("Round 1", "Round 2", "Round 3"),
                series=(
                    Series("With", (20.0, 35.0, 41.0), "circle", False, "with"),
                    Series("Care", (50.0, None, 60.0), "square", True, "care"),
                ),
                breaks=(1,),
            ),
            Keep(
                (
                    Para(runs("The trend as a table."), "note"),
                    Table(
                        ("Round", "With", "Care"),
                        tuple((runs(f"Round {i}"), runs(str(20 + i)), runs(str(50 + i))) for i in range(1, 4)),
                        (0.5, 0.25, 0.25),
                        caption="Scores by round",
                        numeric=(False, True, True),
                    ),
                )
            ),
        ),
        new_page=True,
    )
    words = Section(
        "in-our-words",
        "In our words",
        (
            Heading("In our words", 1),
            Quote("We want to be in the room when it is decided. " + hostile, "Peer workers' network", "cy"),
            Chart(
                "quadrant",
                "Where the organisation stands",
                "Care 62, with 41: consulting.",
                points=(("all", 62.0, 41.0), ("lived-experience", 50.0, 25.0)),
                place="Consulting",
            ),
        ),
        new_page=True,
    )
    rows = tuple(
        (runs(f"gap:q{i}"), runs(f"Action {i} " + (hostile if i == 3 else "")), runs("Suggested: Lead (to agree)"))
        for i in range(1, 60)
    )
    appendix = Section(
        "actions",
        "The action plan",
        (
            Heading("Appendix", 1),
            Heading("The action plan", 2),
            Table(("ID", "Action", "Owner"), rows, (0.2, 0.5, 0.3), caption="Every action", key="actions"),
            Break("page"),
            Chart(
                "domains",
                "Domains",
                "Power and decisions: care 50, with 41, 2 don't know.",
                categories=("Power and decisions", "Lived experience as expertise"),
                series=(Series("Care", (50.0, 62.0), role="care"), Series("With", (41.0, None), role="with")),
                unknown=(2, 0),
            ),
        ),
    )
    return Paper(
        meta,
        (
            Part("board-paper", "Board paper", (cover, assurance, words), max_pages=4),
            Part("appendix", "Appendix", (appendix,)),
        ),
    )
