"""Signposting: where to get support if a question brings up something hard.

The questionnaire gives a default (`support:`); an organisation can replace it with its own on
this computer. The replacement is a small text file in the user's local data folder
(docs/information-governance.md), never in an assessment, and never sent anywhere.
"""

from __future__ import annotations

from pathlib import Path

from coprod_check.app.paths import user_local_dir
from coprod_check.domain.questionnaire import Questionnaire

#: The longest replacement kept: a page of signposting, not a document.
LIMIT = 20_000


def support_file() -> Path:
    """Where an organisation's own signposting is kept on this computer."""
    return user_local_dir() / "support.txt"


def own_support() -> str:
    """The organisation's own signposting, or "" when it has none (or it cannot be read)."""
    from coprod_check.domain.reading import ReadRefused, read_limited

    try:
        return read_limited(support_file(), LIMIT * 4, "signposting text").decode("utf-8", "replace").strip()
    except ReadRefused:
        return ""


def support_text(questionnaire: Questionnaire) -> str:
    """The signposting to show: the organisation's own where it has set one, else the questionnaire's."""
    return own_support() or questionnaire.support


def set_own_support(text: str) -> None:
    """Keep `text` as this computer's signposting; empty text goes back to the questionnaire's."""
    from coprod_check.app import store
    from coprod_check.app.restore import make_private_folder
    from coprod_check.domain.textcheck import savable_text

    text = savable_text(text).strip()[:LIMIT]
    path = support_file()
    if not text:
        path.unlink(missing_ok=True)
        return
    make_private_folder(path.parent)
    store.write_atomic(path, text.encode("utf-8"), backup=False)
