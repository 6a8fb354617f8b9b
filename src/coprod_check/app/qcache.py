"""A cache of checked questionnaires, so start-up does not re-parse YAML.

The built-in questionnaire is about 180 KB of YAML: parsing and checking it
takes longer than starting Python. Like Python's own .pyc files, the result
of a successful check is kept, keyed by the SHA-256 of the file's bytes and
the app version, so any edit to the file, or a new release, checks it afresh.
The cache is JSON (never pickle), lives in the user's cache folder, and is
only ever an optimisation: any problem reading or writing it falls back to a
full check.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from coprod_check import __version__
from coprod_check.app.paths import user_cache_dir
from coprod_check.domain.digest import sha256
from coprod_check.domain.errors import CompanionFile
from coprod_check.domain.questionnaire import Questionnaire
from coprod_check.domain.reading import QUESTIONNAIRE_LIMIT, ReadRefused, read_limited, read_questionnaire_bytes
from coprod_check.i18n import _

# 4: themes, glossary, support, evidence, sources, content notes; 3: question fingerprints kept;
# 2: scales, bands, places, stage requirements, per-level cap reasons
CACHE_FORMAT = 4
DISABLE_ENV = "COPROD_CHECK_NO_CACHE"


def cache_dir() -> Path:
    """The folder for the questionnaire cache."""
    return user_cache_dir() / "questionnaires"


def load_questionnaire(path: Path) -> Questionnaire:
    """Read and check a questionnaire file, using the cache when the file is unchanged."""
    raw = read_questionnaire_bytes(path)
    use_cache = not os.environ.get(DISABLE_ENV)
    key = f"{sha256(raw).hexdigest()}-{__version__}-{CACHE_FORMAT}"
    entry = cache_dir() / f"{key}.json"
    kind = ""
    if use_cache:
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError, ReadRefused):
            data = json.loads(read_limited(entry, 4 * QUESTIONNAIRE_LIMIT, _("a cache entry")))
            if data.get("key") == key and "kind" in data:
                kind = str(data["kind"])
            elif data.get("key") == key:
                questionnaire = Questionnaire.from_plain(data["questionnaire"])
                return _with_source(questionnaire, str(path))
    if kind:  # a companion (an update map, a translation) is remembered as one, never parsed again here
        raise CompanionFile(str(path), kind)
    from coprod_check.domain.loader import parse_questionnaire_bytes  # only on a miss: the checks are large

    try:
        questionnaire = parse_questionnaire_bytes(raw, str(path))
    except CompanionFile as exc:
        if use_cache:
            _write(entry, {"key": key, "kind": exc.kind})
        raise
    if use_cache:
        _write(entry, {"key": key, "questionnaire": questionnaire.to_plain()})
    return questionnaire


def _with_source(questionnaire: Questionnaire, source: str) -> Questionnaire:
    return questionnaire if questionnaire.source == source else questionnaire.with_source(source)


def _write(entry: Path, data: dict[str, Any]) -> None:
    from coprod_check.app.store import write_atomic

    with contextlib.suppress(Exception):  # a cache that cannot be written is no cache, not an error
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(entry, json.dumps(data, ensure_ascii=False).encode("utf-8"), backup=False)


def load_update_map(path: Path) -> Any:
    """Read and check an update map (domain/updatemap.py), using the cache as questionnaires do."""
    from coprod_check.domain.updatemap import Carry, UpdateMap, parse_update_map

    raw = read_questionnaire_bytes(path)
    use_cache = not os.environ.get(DISABLE_ENV)
    key = f"{sha256(raw).hexdigest()}-{__version__}-{CACHE_FORMAT}-update"
    entry = cache_dir() / f"{key}.json"
    if use_cache:
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError, ReadRefused):
            data = json.loads(read_limited(entry, 4 * QUESTIONNAIRE_LIMIT, "a cache entry"))
            if data.get("key") == key:
                u = data["update"]
                carries = tuple(Carry(c[0], c[1], c[2]) for c in u["carries"])
                return UpdateMap(u["id"], tuple(u["from"]), u["to"], u["what"], carries, u["removed"], str(path))
    found = parse_update_map(raw.decode("utf-8-sig", "replace"), str(path))
    if use_cache:
        plain = {
            "id": found.questionnaire_id,
            "from": list(found.from_versions),
            "to": found.to_version,
            "what": found.what,
            "carries": [[c.question_id, c.renamed_from, c.levels] for c in found.carries],
            "removed": found.removed,
        }
        _write(entry, {"key": key, "update": plain})
    return found
