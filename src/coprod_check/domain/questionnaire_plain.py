"""A questionnaire as plain JSON-ready data and back, for the parse cache (app/qcache.py).

Lists rather than mappings keep the cache small; the order of each list is this module's alone,
and qcache's CACHE_FORMAT changes whenever it does.
"""

from __future__ import annotations

from typing import Any

from coprod_check.domain.questionnaire import (
    Action,
    Band,
    Change,
    Critical,
    Domain,
    GlossaryEntry,
    Level,
    Perspective,
    Place,
    Question,
    Questionnaire,
    Requirement,
    Stage,
    Theme,
)


def to_plain(q: Questionnaire) -> dict[str, Any]:
    """The questionnaire as JSON-ready data."""
    return {
        "id": q.id,
        "title": q.title,
        "version": q.version,
        "language": q.language,
        "description": q.description,
        "source": q.source,
        "scales": {k: [[x.id, x.label, x.meaning] for x in v] for k, v in q.scales.items()},
        "perspectives": [[x.id, x.label, x.description] for x in q.perspectives],
        "stages": [[x.id, x.title, x.start, x.description, [list(r) for r in x.requires]] for x in q.stages],
        "bands": {k: [list(b) for b in v] for k, v in q.bands.items()},
        "places": [list(x) for x in q.places],
        "changes": [[c.version, c.what, list(c.review)] for c in q.changes],
        "themes": [list(t) for t in q.themes],
        "glossary": [[g.term, g.meaning, list(g.also)] for g in q.glossary],
        "support": q.support,
        "fingerprints": q.fingerprints(),
        "domains": [[d.id, d.title, d.description, [_question(x) for x in d.questions]] for d in q.domains],
    }


def _question(q: Question) -> list[Any]:
    return [
        q.id,
        q.prompt,
        q.why,
        q.orientation,
        q.weight,
        q.not_applicable,
        [*q.critical[:3], q.critical.reasons] if q.critical else None,
        q.levels,
        {k: [a.title, a.why, a.how, a.owner, a.timescale] for k, a in q.actions.items()},
        q.find_out,
        q.scale,
        list(q.themes),
        q.evidence,
        list(q.sources),
        q.content_note,
    ]


def from_plain(data: dict[str, Any]) -> Questionnaire:
    """Rebuild from `to_plain` output. Trusts its input: only for data this code wrote."""
    scales = {k: tuple(Level(*x) for x in v) for k, v in data["scales"].items()}
    found = Questionnaire(
        id=data["id"],
        title=data["title"],
        version=data["version"],
        language=data["language"],
        description=data["description"],
        source=data["source"],
        levels=scales.pop(""),
        scales=scales,
        perspectives=tuple(Perspective(*x) for x in data["perspectives"]),
        stages=tuple(Stage(x[0], x[1], x[2], x[3], tuple(Requirement(*r) for r in x[4])) for x in data["stages"]),
        bands={k: tuple(Band(*b) for b in v) for k, v in data["bands"].items()},
        places=tuple(Place(*x) for x in data["places"]),
        changes=tuple(Change(v, w, tuple(r)) for v, w, r in data["changes"]),
        themes=tuple(Theme(*t) for t in data["themes"]),
        glossary=tuple(GlossaryEntry(t, m, tuple(a)) for t, m, a in data["glossary"]),
        support=data["support"],
        domains=tuple(
            Domain(did, title, description, tuple(_from_question(did, q) for q in questions))
            for did, title, description, questions in data["domains"]
        ),
    )
    found._fingerprints = data.get("fingerprints")
    return found


def _from_question(did: str, q: list[Any]) -> Question:
    return Question(
        id=q[0],
        domain_id=did,
        prompt=q[1],
        why=q[2],
        orientation=q[3],
        weight=q[4],
        not_applicable=q[5],
        critical=Critical(*q[6]) if q[6] else None,
        levels=q[7],
        actions={k: Action(*a) for k, a in q[8].items()},
        find_out=q[9],
        scale=q[10],
        themes=tuple(q[11]),
        evidence=q[12],
        sources=tuple(q[13]),
        content_note=q[14],
    )
