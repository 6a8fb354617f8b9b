"""The result as JSON-ready data, for `score --json` (imported only when it is asked for)."""

from __future__ import annotations

from typing import Any

from coprod_check.domain.questionnaire import Stage
from coprod_check.domain.result import Result, View


def result_to_dict(result: Result) -> dict[str, Any]:
    """The result as JSON-ready data, scores rounded to one decimal place."""
    data = _core(result)
    data["domains"] = [
        {
            "id": d.id,
            "title": d.title,
            "score": _r(d.score),
            "care": _r(d.care),
            "with": _r(d.with_),
            "not_known_yet": d.not_known_yet,
            "unknown_share": round(d.unknown_share, 3),
            "counts": {
                "questions": d.total,
                "known": d.known,
                "dont_know": d.unknown,
                "not_applicable": d.not_applicable,
                "rather_not_answer": d.rather_not,
                "not_answered": d.not_answered,
            },
        }
        for d in result.domains
    ]
    data["completeness"] = round(result.completeness, 3)
    data["unknown"] = round(result.unknown_share, 3)
    data["counts"] = {
        "questions": result.total,
        "known": result.known,
        "dont_know": result.unknown,
        "not_applicable": result.not_applicable,
        "rather_not_answer": result.rather_not,
        "not_answered": result.not_answered,
    }
    data["unknown_questions"] = list(result.unknown_questions)
    data["rather_not_answer_questions"] = list(result.rather_not_questions)
    if result.views is not None:
        data["views"] = {
            "min_group_size": result.views.min_group_size,
            "lived_experience": _view(result.views.lived_experience),
            "others": _view(result.views.others),
        }
    else:
        data["views"] = None
    return data


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _stage(s: Stage | None) -> dict[str, Any] | None:
    return None if s is None else {"id": s.id, "title": s.title}


def _core(result: Result) -> dict[str, Any]:
    return {
        "overall": _r(result.overall),
        "stage": _stage(result.stage),
        "stage_before_caps": _stage(result.stage_before_caps),
        "care": _r(result.care),
        "with": _r(result.with_),
        # Parity is reported beside care and with where the questionnaire asks about it.
        **({"parity": _r(result.parity)} if "parity" in result.axes else {}),
        "axes": {
            axis: {
                "score": _r(a.score),
                "known": a.known,
                "dont_know": a.unknown,
                "rather_not_answer": a.rather_not,
                "unknown_share": round(a.unknown_share, 3),
                "not_known_yet": a.score is None and a.unknown > 0,
            }
            for axis, a in result.axes.items()
        },
        "bands": {axis: None if b is None else {"id": b.id, "title": b.title} for axis, b in result.bands.items()},
        "quadrant": None if result.quadrant is None else {"id": result.quadrant.id, "title": result.quadrant.title},
        "group_quadrant": None
        if result.unheld_place is None
        else {"id": result.unheld_place.id, "title": result.unheld_place.title},
        "caps": [
            {
                "question": c.question_id,
                "prompt": c.prompt,
                "answer": c.answer or None,
                "below": c.below,
                "cap": c.stage.id,
                "cap_title": c.stage.title,
                "reason": c.reason,
                "binding": c.binding,
                "unknown": c.unknown,
                "unanswered": c.unanswered,
                "rather_not_answer": c.rather_not,
                "source": c.source or "answer",
            }
            for c in result.caps
        ],
        "holds": [
            {
                "kind": h.kind,
                "stage": h.stage.id,
                "stage_title": h.stage.title,
                "above": h.above.id,
                "above_title": h.above.title,
                "what": h.what,
                "score": _r(h.value),
                "needs": None if h.requirement is None else h.requirement.start,
                "reason": h.reason,
                "binding": h.binding,
                "unknown": h.unknown,
            }
            for h in result.holds
        ],
    }


def _view(view: View) -> dict[str, Any]:
    if view.result is None:
        return {"shown": False, "n": None, "care": None, "with": None, "quadrant": None, "stage": None}
    r = view.result
    return {
        "shown": True,
        "n": view.n,
        "care": _r(r.care),
        "with": _r(r.with_),
        "quadrant": None if r.quadrant is None else {"id": r.quadrant.id, "title": r.quadrant.title},
        "stage": _stage(r.stage),
    }
