"""The one place that finds packaged data: questionnaires, fonts, icons.

In a wheel, `questionnaires/` and `assets/` are copied into the package. In a
source checkout (an editable install, or the tests) they sit at the top of the
repository. Nothing here reads relative to the current directory.
"""

from __future__ import annotations

import os
from pathlib import Path

from coprod_check.i18n import _

# importlib.resources would cost ~20 ms of start-up on every command for no gain:
# coprod-check is always installed as real files (reportlab needs real font paths).
_PACKAGE_ROOT = Path(__file__).resolve().parent.parent  # this file is in coprod_check/app
_CHECKOUT_ROOT = _PACKAGE_ROOT.parent.parent

#: Set to a folder to make `data_dir` look there first (tests use it).
OVERRIDE_ENV = "COPROD_CHECK_DATA_DIR"


def data_dir(name: str) -> Path:
    """The folder holding packaged data `name` ("questionnaires" or "assets")."""
    override = os.environ.get(OVERRIDE_ENV)
    candidates = [Path(override) / name] if override else []
    candidates += [_PACKAGE_ROOT / name, _CHECKOUT_ROOT / name]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(_("coprod-check's {name} folder is missing from this installation").format(name=name))


def builtin_questionnaires() -> list[Path]:
    """Every questionnaire file that ships with the app, sorted by name."""
    return sorted(data_dir("questionnaires").glob("*.yaml"))


def asset(name: str) -> Path:
    """The path of one packaged asset file, e.g. a font."""
    path = data_dir("assets") / name
    if not path.is_file():
        raise FileNotFoundError(_("coprod-check's asset {name} is missing from this installation").format(name=name))
    return path


def assessment_schema() -> Path:
    """The JSON Schema of the assessment file format."""
    return _PACKAGE_ROOT / "schema" / "assessment.schema.json"
