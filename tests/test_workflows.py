"""The Windows and macOS workflow (unverified: it cannot run here) at least agrees with the repository."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "desktop.yml"


def steps(job: str) -> list[dict]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"][job]["steps"]


def test_every_file_the_workflow_names_is_in_the_repository():
    text = WORKFLOW.read_text(encoding="utf-8")
    named = set(re.findall(r"\b((?:packaging|assets)/[\w./-]+)", text))
    assert {"packaging/build", "packaging/windows/coprod-check.wxs", "assets/icons"} <= named
    for path in named:
        assert (ROOT / path).exists(), path


def test_signing_is_written_but_switched_off():
    signing = [s for job in ("windows", "macos") for s in steps(job) if "sign" in s.get("name", "").lower()]
    assert len(signing) == 3  # the Windows executables, the MSI, the macOS app
    assert all(s["if"] == "vars.SIGN == 'true'" for s in signing)


def test_windows_builds_a_zip_and_a_per_user_msi_and_macos_a_dmg():
    windows = " ".join(s.get("run", "") for s in steps("windows"))
    assert "Compress-Archive" in windows and "wix build packaging/windows/coprod-check.wxs" in windows
    assert "/qn" in windows and r"HKCU:\Software\Classes\.coprod" in windows
    macos = " ".join(s.get("run", "") for s in steps("macos"))
    assert "hdiutil create" in macos and "coprod-check.app" in macos
    for job in ("windows", "macos"):
        assert any("pytest" in s.get("run", "") for s in steps(job))  # the tests run first
