"""A questionnaire's own words in another language: a translation file (`kind: translation`).

The app's own sentences are translated by the catalogue (coprod_check.i18n); a questionnaire's
words (its title, prompts, levels, actions, glossary...) come from its file, so they carry their
own translations, one file per language, in the `translations/` folder beside the questionnaire:

    kind: translation
    questionnaire: coproduction-readiness    # the questionnaire's id
    version: "1.1"                           # the version it translates, in quotes
    language: cy                             # a language tag
    texts:                                   # every text of the questionnaire, by its key
      title: Parodrwydd i gydgynhyrchu
      domains.power.questions.power-agenda.prompt: Pwy sy'n penderfynu ...?

A text's key is its place in the questionnaire file, with each listed item named by its `id`
(a glossary entry by its `term`, in lower case with hyphens; other list items by their place,
from 0): `levels.doing-to.label`, `glossary.peer-support.meaning`,
`domains.power.questions.power-agenda.levels.asking`,
`domains.power.questions.power-agenda.actions.asking.why`. Every text must be there and no
other: a missing prompt, level, action or glossary entry is an error, and so is a stray key.
Identifiers (ids, versions, orientations, timescales, the thresholds of critical questions)
are not texts and stay as they are. `text_keys` lists the keys a questionnaire needs; `translate`
gives the questionnaire's data with the translated texts put in.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, NamedTuple

from coprod_check.domain.loader_shapes import Shapes, _kind, _short
from coprod_check.domain.questionnaire import VERSION_PATTERN
from coprod_check.i18n import _

if TYPE_CHECKING:
    from coprod_check.domain.yamlsource import Path

#: Keys whose value is text a person reads (or, for `reason`, `also` and `source`, texts).
TEXT_KEYS = frozenset(
    {
        "title",
        "description",
        "label",
        "meaning",
        "prompt",
        "why",
        "how",
        "owner",
        "find_out",
        "evidence",
        "source",
        "content_note",
        "reason",
        "what",
        "term",
        "also",
        "support",
        "text",
        "note",
        "name",
        "help",
    }
)
#: Keys whose mapping holds one text for each level id (a question's sentence for each level).
LEVEL_TEXTS = frozenset({"levels"})
#: Inside a text key's mapping, what is still not text: addresses and identifiers.
NOT_TEXT = frozenset({"id", "url", "href", "link", "phone", "email", "kind"})
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


class Translation(NamedTuple):
    """A translation file, checked for its shape (`check_against` checks it fits its questionnaire)."""

    questionnaire_id: str
    version: str
    language: str
    texts: dict[str, str]
    source: str = ""


def _name(item: Any, index: int) -> str:
    """A listed item's name in a key: its id, a glossary entry's term in lower case with
    hyphens ("peer-support"), or else its place in the list from 0."""
    if isinstance(item, dict):
        if isinstance(item.get("id"), str):
            return str(item["id"])
        if isinstance(item.get("term"), str):
            return "-".join(re.findall(r"\w+", item["term"].casefold())) or str(index)
    return str(index)


def text_keys(data: Any) -> dict[str, str]:
    """Every text of a questionnaire's data (as read from its YAML), by key, with its words."""
    found: dict[str, str] = {}

    def walk(node: Any, path: tuple[str, ...], texts: bool) -> None:
        if isinstance(node, str):
            if texts and path:
                found[".".join(path)] = node
        elif isinstance(node, dict):
            for key, value in node.items():
                key = str(key)
                if texts:  # inside a text key's mapping (a reason for each level): all texts but links
                    inner = key not in NOT_TEXT
                else:
                    inner = key in TEXT_KEYS or (key in LEVEL_TEXTS and isinstance(value, dict))
                walk(value, (*path, key), inner)
        elif isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, (*path, _name(item, i)), texts)

    walk(data, (), False)
    return found


def parse_translation(text: str, source: str = "<text>") -> Translation:
    """Check a translation file's YAML text for its shape; QuestionnaireError listing every problem."""
    from coprod_check.domain.yamlsource import load_yaml

    data, lines = load_yaml(text, source)
    checks = _TranslationChecks(source, lines)
    return checks.checked(checks.document(data))


class _TranslationChecks(Shapes):
    def document(self, data: Any) -> Translation | None:
        if data is None:
            return None
        top = self.mapping(data, (), ("kind", "questionnaire", "version", "language", "texts"))
        if top is None:
            return None
        if top.get("kind") != "translation":
            self.error(
                ("kind",),
                _("should be 'translation' in a translation, not {value}").format(value=_short(top.get("kind"))),
            )
        qid = self.ident(top, "questionnaire", ())
        version = top.get("version")
        if not isinstance(version, str) or not VERSION_PATTERN.fullmatch(version):
            self.error(
                ("version",),
                _('should be a version MAJOR.MINOR in quotes, such as "1.1"; got {value}').format(
                    value=_short(version)
                ),
            )
            version = ""
        language = top.get("language")
        if not isinstance(language, str) or not LANGUAGE_TAG.fullmatch(language):
            self.error(
                ("language",),
                _("should be a language tag such as cy or pl, not {value}").format(value=_short(language)),
            )
            language = ""
        texts: dict[str, str] = {}
        raw = top.get("texts", {})
        if not isinstance(raw, dict):
            self.error(("texts",), _("should be a mapping of text keys to texts, not {kind}").format(kind=_kind(raw)))
        else:
            for key, value in raw.items():
                where: Path = ("texts", key)
                if not isinstance(value, str):
                    self.error(where, _("should be text, not {kind}").format(kind=_kind(value)))
                elif not value.strip():
                    self.error(where, _("is empty"))
                else:
                    texts[str(key)] = value
        return Translation(qid, str(version), str(language), texts, self.source)


def check_against(translation: Translation, data: Any, questionnaire_id: str, version: str) -> list[str]:
    """What does not fit between a translation and its questionnaire's data: a text missing,
    a stray key, another questionnaire or version. Empty when it fits."""
    problems = []
    if translation.questionnaire_id != questionnaire_id:
        problems.append(
            _("is a translation of {wanted!r}, not of {found!r}").format(
                wanted=translation.questionnaire_id, found=questionnaire_id
            )
        )
        return problems
    if translation.version != version:
        problems.append(
            _("translates version {version} of the questionnaire, which is now version {current}").format(
                version=translation.version, current=version
            )
        )
    wanted = text_keys(data)
    for key, words in wanted.items():
        if key not in translation.texts:
            problems.append(_("texts.{key} is missing (in English: {words})").format(key=key, words=_short(words)))
    for key in translation.texts:
        if key not in wanted:
            problems.append(_("texts.{key}: the questionnaire has no such text").format(key=key))
    return problems


def translate(data: Any, translation: Translation) -> Any:
    """The questionnaire's data with every text the translation gives put in its place."""

    def walk(node: Any, path: tuple[str, ...]) -> Any:
        if isinstance(node, str):
            return translation.texts.get(".".join(path), node)
        if isinstance(node, dict):
            return {key: walk(value, (*path, str(key))) for key, value in node.items()}
        if isinstance(node, list):
            return [walk(item, (*path, _name(item, i))) for i, item in enumerate(node)]
        return node

    translated = walk(data, ())
    if isinstance(translated, dict) and "language" in translated:
        translated["language"] = translation.language
    return translated
