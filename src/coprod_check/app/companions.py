"""Files that go with a questionnaire but are not one: update maps (`kind: update`), translations
(`kind: translation`), and copies of earlier versions kept for migration (`previous/`).

They live beside the questionnaire file or in a sub-folder of its folder (`updates/`,
`previous/`, `translations/`); the catalogue lists only top-level questionnaires, and a
companion at the top level is recognised by its `kind:` and left out (app/qcache.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from coprod_check.app.qcache import load_questionnaire
from coprod_check.domain.errors import CompanionFile, QuestionnaireError
from coprod_check.domain.questionnaire import Questionnaire
from coprod_check.domain.reading import read_questionnaire_bytes

if TYPE_CHECKING:  # the map's checks are imported only where there is a map to read
    from coprod_check.domain.updatemap import UpdateMap

if TYPE_CHECKING:
    from coprod_check.domain.translation import Translation

UPDATES = "updates"
PREVIOUS = "previous"
TRANSLATIONS = "translations"


class Document(NamedTuple):
    """A file read as what it says it is: a questionnaire, an update map, or another companion."""

    path: Path
    kind: str
    questionnaire: Questionnaire | None = None
    update: UpdateMap | None = None
    translation: Translation | None = None


def read_document(path: Path) -> Document:
    """Read and check any questionnaire file or companion; QuestionnaireError if it has problems."""
    try:
        return Document(path, "questionnaire", questionnaire=load_questionnaire(path))
    except CompanionFile as exc:
        kind = exc.kind
    if kind == "update":  # checked once, then kept in the parse cache as questionnaires are
        from coprod_check.app.qcache import load_update_map

        return Document(path, kind, update=load_update_map(path))
    if kind == "translation":
        from coprod_check.domain.translation import parse_translation

        raw = read_questionnaire_bytes(path)
        return Document(path, kind, translation=parse_translation(raw.decode("utf-8-sig", "replace"), str(path)))
    return Document(path, kind)


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


def with_companions(questionnaire: Questionnaire) -> Questionnaire:
    """The questionnaire with the update maps found beside it that lead to its version, and the
    copies of the versions they lead from (kept in `previous/`), for carrying answers over."""
    maps = tuple(update_maps(questionnaire))
    if not maps:
        return questionnaire
    versions = dict.fromkeys(v for u in maps for v in u.from_versions)
    earlier = tuple(e for v in versions if (e := previous_version(questionnaire, v)) is not None)
    return questionnaire.with_companions(maps, earlier)


def questionnaire_data(questionnaire: Questionnaire) -> Any:
    """A questionnaire's data as its file holds it (what a translation's keys name)."""
    from coprod_check.domain.yamlsource import load_yaml

    raw = read_questionnaire_bytes(Path(questionnaire.source))
    return load_yaml(raw.decode("utf-8-sig", "replace"), questionnaire.source)[0]


def translated_questionnaire(path: Path) -> Questionnaire | None:
    """The questionnaire a translation file translates: beside it, in the folder above its
    `translations/` folder, or else among those installed; None if none has its id."""
    from coprod_check.app import catalogue

    doc = read_document(path)
    t = doc.translation
    if t is None:
        return None
    folder = path.parent.parent if path.parent.name == TRANSLATIONS else path.parent
    for candidate in sorted(folder.glob("*.y*ml")):
        try:
            found = load_questionnaire(candidate)
        except QuestionnaireError:
            continue
        if found.id == t.questionnaire_id:
            return found
    return catalogue.find(t.questionnaire_id, t.version)


def translations(questionnaire: Questionnaire) -> list[Translation]:
    """The translation files beside a questionnaire (in its folder's `translations/`) that
    translate it; each is checked for its shape, and `check_translation` says whether it fits."""
    if not questionnaire.source or questionnaire.source.startswith("<"):
        return []
    found = []
    for path in sorted((Path(questionnaire.source).parent / TRANSLATIONS).glob("*.y*ml")):
        try:
            t = read_document(path).translation
        except QuestionnaireError:
            continue  # `validate` reports it
        if t is not None and t.questionnaire_id == questionnaire.id:
            found.append(t)
    return found


def check_translation(translation: Translation, questionnaire: Questionnaire) -> list[str]:
    """What does not fit between a translation and its questionnaire (empty when it fits)."""
    from coprod_check.domain.translation import check_against

    data = questionnaire_data(questionnaire)
    return check_against(translation, data, questionnaire.id, questionnaire.version)


def in_language(questionnaire: Questionnaire, language: str) -> Questionnaire:
    """The questionnaire in its own translation into `language`, where a translation that fits
    is beside it; otherwise the questionnaire as it is."""
    from coprod_check.domain.loader import parse_questionnaire
    from coprod_check.domain.translation import translate

    code = language.replace("_", "-").casefold()
    for t in translations(questionnaire):
        if t.language.replace("_", "-").casefold() in (code, code.split("-")[0]) and not check_translation(
            t, questionnaire
        ):
            import yaml

            data = translate(questionnaire_data(questionnaire), t)
            text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
            try:
                translated = parse_questionnaire(text, questionnaire.source)
            except QuestionnaireError:
                return questionnaire  # a translation that breaks a rule is reported by validate
            # An assessment answered in one language is the same assessment in another: its
            # questions keep the fingerprints of the words they were written in.
            translated._fingerprints = questionnaire.fingerprints()
            return translated
    return questionnaire
