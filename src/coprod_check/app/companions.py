"""Files that go with a questionnaire but are not one: update maps (`kind: update`), translations
(`kind: translation`), and copies of earlier versions kept for migration (`previous/`).

They live beside the questionnaire file or in a sub-folder of its folder (`updates/`,
`previous/`, `translations/`); the catalogue lists only top-level questionnaires, and a
companion at the top level is recognised by its `kind:` and left out (app/qcache.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from coprod_check.app.qcache import load_questionnaire
from coprod_check.domain.errors import CompanionFile, QuestionnaireError
from coprod_check.domain.questionnaire import Questionnaire
from coprod_check.domain.reading import read_questionnaire_bytes
from coprod_check.domain.updatemap import UpdateMap

UPDATES = "updates"
PREVIOUS = "previous"


class Document(NamedTuple):
    """A file read as what it says it is: a questionnaire, an update map, or another companion."""

    path: Path
    kind: str
    questionnaire: Questionnaire | None = None
    update: UpdateMap | None = None


def read_document(path: Path) -> Document:
    """Read and check any questionnaire file or companion; QuestionnaireError if it has problems."""
    try:
        return Document(path, "questionnaire", questionnaire=load_questionnaire(path))
    except CompanionFile as exc:
        kind = exc.kind
    if kind == "update":
        from coprod_check.domain.updatemap import parse_update_map

        raw = read_questionnaire_bytes(path)
        return Document(path, kind, update=parse_update_map(raw.decode("utf-8-sig", "replace"), str(path)))
    return Document(path, kind)  # a translation: the translation layer checks its contents


def shipped_companions(folder: Path) -> list[Path]:
    """Every YAML file in the sub-folders of a questionnaire folder (companions and earlier copies)."""
    return sorted(p for p in folder.glob("*/*.y*ml") if p.suffix in (".yaml", ".yml"))


def _candidates(questionnaire: Questionnaire) -> list[Path]:
    if not questionnaire.source or questionnaire.source.startswith("<"):
        return []
    folder = Path(questionnaire.source).parent
    top = [p for p in sorted(folder.glob("*.yaml")) if p != Path(questionnaire.source)]
    return sorted((folder / UPDATES).glob("*.yaml")) + top


def update_maps(questionnaire: Questionnaire) -> list[UpdateMap]:
    """The update maps found beside a questionnaire's file that lead to its version."""
    found = []
    for path in _candidates(questionnaire):
        try:
            doc = read_document(path)
        except QuestionnaireError:
            continue  # `validate` reports it; a broken map never stops an assessment opening
        u = doc.update
        if u is not None and u.questionnaire_id == questionnaire.id and u.to_version == questionnaire.version:
            found.append(u)
    return found


def update_map_for(questionnaire: Questionnaire, version: str) -> UpdateMap | None:
    """The update map that carries answers given to `version` over to this questionnaire, if any."""
    if version == questionnaire.version:
        return None
    return next((u for u in update_maps(questionnaire) if u.leads_from(version)), None)


def previous_version(questionnaire: Questionnaire, version: str) -> Questionnaire | None:
    """A copy of an earlier version kept beside the questionnaire (in `previous/`), if any."""
    if not questionnaire.source or questionnaire.source.startswith("<"):
        return None
    for path in sorted((Path(questionnaire.source).parent / PREVIOUS).glob("*.yaml")):
        try:
            found = load_questionnaire(path)
        except QuestionnaireError:
            continue
        if found.id == questionnaire.id and found.version == version:
            return found
    return None
