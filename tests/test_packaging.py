"""Packaging: the known-bad Qt can never install, and a built wheel works on its own."""

import os
import subprocess
import sys
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]


def allowed(requirements: list[str], package: str, version: str, python: str) -> bool:
    env = {**default_environment(), "python_version": python, "python_full_version": f"{python}.0"}
    applicable = [
        r
        for r in map(Requirement, requirements)
        if r.name.lower() == package.lower() and (r.marker is None or r.marker.evaluate(env))
    ]
    assert applicable, f"{package} is not required for Python {python}"
    return all(r.specifier.contains(Version(version)) for r in applicable)


def declared() -> list[str]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]


@pytest.mark.parametrize(
    "requirements", [declared(), metadata.requires("coprod-check") or []], ids=["pyproject", "installed-metadata"]
)
def test_pyside6_6_12_0_cannot_install_on_python_below_3_12(requirements):
    requirements = [r for r in requirements if "extra ==" not in r]
    # PySide6 6.12.0 on Python < 3.12 corrupts the reference count of None.
    assert not allowed(requirements, "PySide6-Essentials", "6.12.0", "3.11")
    assert allowed(requirements, "PySide6-Essentials", "6.11.3", "3.11")
    assert allowed(requirements, "PySide6-Essentials", "6.12.0", "3.12")  # measured clean there
    # The metapackage is three times the size and brings nothing we use.
    assert not any(Requirement(r).name == "PySide6" for r in requirements)


def test_the_installed_qt_is_not_the_known_bad_combination():
    version = metadata.version("PySide6-Essentials")
    assert not (sys.version_info < (3, 12) and version == "6.12.0")


@pytest.mark.slow
def test_wheel_installs_and_runs_outside_the_repository(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = dist.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "coprod_check/questionnaires/coproduction-readiness.yaml",
        "coprod_check/schema/assessment.schema.json",
        "coprod_check/cli/__init__.py",
        "coprod_check/assets/icons/coprod-check-256.png",
        "coprod_check/assets/licences/LGPL-3.0.txt",
    ):
        assert needed in names
    licence = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
    assert licence and zipfile.ZipFile(wheel).read(licence[0]) == (ROOT / "LICENSE").read_bytes()
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "[gui_scripts]\ncoprod-check-window = coprod_check.launch:window_main" in entry_points

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    pip = [str(bindir / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    # The heavy Qt and PDF wheels are not needed to prove the data ships: PyYAML is.
    subprocess.run([*pip, "--no-deps", str(wheel)], check=True, timeout=300)
    subprocess.run([*pip, "PyYAML"], check=True, timeout=300)

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "COPROD_CHECK_DATA_DIR")}
    env.update(COPROD_CHECK_HOME=str(tmp_path / "home"), COPROD_CHECK_CACHE=str(tmp_path / "cache"))
    work = tmp_path / "elsewhere"
    work.mkdir()

    def run(*args):
        return subprocess.run(
            [str(bindir / "coprod-check"), *args], cwd=work, env=env, capture_output=True, text=True, timeout=120
        )

    validate = run("validate")
    assert validate.returncode == 0, validate.stderr
    assert str(venv) in validate.stdout  # the packaged copy, not the checkout's
    assert run("example", "-o", "example.json").returncode == 0
    scored = run("score", "example.json", "--json")
    assert scored.returncode == 0, scored.stderr
    assert '"stage"' in scored.stdout


def test_metadata_names_the_project_as_author_with_known_classifiers():
    from trove_classifiers import classifiers

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["authors"] == [{"name": "The coprod-check project"}]
    assert project["license"] == "MIT" and (ROOT / "LICENSE").read_text().startswith("MIT License")
    assert project["classifiers"] and set(project["classifiers"]) <= classifiers
