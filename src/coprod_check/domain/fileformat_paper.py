"""The assessment file's keys for the board paper and every round: the board paper's
fields ("board_paper"), the lived-experience statement ("statement") and earlier rounds'
answers in full ("rounds"). All optional and written only when used, so a file that does not
use them stays as it was; an older build refuses a file that does (it names the unknown
field), it never misreads one. Used by fileformat.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from coprod_check.domain.assessment import PURPOSES, Assessment, BoardFields
from coprod_check.domain.fieldreader import FieldReader

#: The most earlier rounds a file keeps (one a year for longer than anyone will use it).
MAX_ROUNDS = 100
BOARD_KEYS = ("meeting", "meeting_date", "purpose", "executive_lead", "author")


def paper_out(a: Assessment, data: dict[str, Any]) -> None:
    """Add the board paper's keys to `data` (the file as JSON-ready data), where used."""
    from coprod_check.domain.fileformat import to_dict

    if a.rounds:
        data["rounds"] = [_round_out(to_dict(x)) for x in a.rounds]
    if not a.board.is_empty():
        board = a.board.as_dict()
        data["board_paper"] = {k: v for k, v in board.items() if v}
    if a.statement is not None:
        data["statement"] = a.statement.as_dict()


def _round_out(full: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "date": full["date"],
        "questionnaire_version": full["questionnaire"]["version"],
        "fingerprints": full["questionnaire"]["fingerprints"],
        "participants": full["participants"],
        "answers": full["answers"],
    }
    for key in ("responses", "agreed", "min_group_size"):
        if key in full:
            out[key] = full[key]
    return out


def read_paper(
    r: FieldReader,
    top: dict[str, Any],
    a: Assessment,
    read_round: Callable[[FieldReader, Any, str, Assessment], Assessment],
) -> None:
    """Read the board paper's keys from the file's top level into `a`."""
    if "board_paper" in top:
        b = r.obj(top["board_paper"], "board_paper", optional=BOARD_KEYS)
        purpose = b.get("purpose")
        a.board = BoardFields(
            meeting=r.text(b.get("meeting", ""), "board_paper.meeting"),
            meeting_date=r.date(b.get("meeting_date", ""), "board_paper.meeting_date"),
            purpose=None if purpose is None else r.choice(purpose, PURPOSES, "board_paper.purpose"),
            executive_lead=r.text(b.get("executive_lead", ""), "board_paper.executive_lead"),
            author=r.text(b.get("author", ""), "board_paper.author"),
        )
    if "statement" in top:
        a.statement = r.statement(top["statement"], "statement")
    rounds = r.array(top.get("rounds", []), "rounds", MAX_ROUNDS)
    a.rounds = [read_round(r, item, f"rounds[{i}]", a) for i, item in enumerate(rounds)]
