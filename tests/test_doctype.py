"""The .coprod document type: offered for new files, known to the desktop, and *.json never claimed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from coprod_check.app import doctype

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def tool(name: str) -> str:
    """A desktop tool's path: CI installs them (.ci/run), elsewhere their checks are skipped."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI") and sys.platform == "linux":
            pytest.fail(f"{name} is missing: .ci/run installs it")
        pytest.skip(f"{name} is not installed")
    return path


def desktop_entry() -> dict[str, str]:
    lines = (LINUX / "coprod-check.desktop").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line and not line.startswith("#"))


def test_open_dialogs_offer_coprod_first_and_still_json():
    assert doctype.FILE_FILTER == "Assessments (*.coprod *.json);;All files (*)"


def test_a_name_typed_without_an_extension_is_saved_as_coprod(qapp, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from coprod_check.gui import dialogs

    offered = {}

    def fake(parent, title, suggested, filters):
        offered["filter"] = filters
        return str(tmp_path / "northfield"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    assert dialogs.SaveAsDialog.ask(None, tmp_path / "x.coprod") == tmp_path / "northfield.coprod"
    assert offered["filter"] == doctype.FILE_FILTER
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "old.json"), ""))
    assert dialogs.SaveAsDialog.ask(None, tmp_path / "x.coprod") == tmp_path / "old.json"  # kept as chosen


def test_the_mime_type_claims_coprod_only():
    root = ET.parse(LINUX / "coprod-check-mime.xml").getroot()
    (kind,) = root.findall(f"{MIME_NS}mime-type")
    assert kind.get("type") == doctype.MIME_TYPE
    assert [g.get("pattern") for g in kind.findall(f"{MIME_NS}glob")] == ["*.coprod"]
    assert kind.find(f"{MIME_NS}sub-class-of").get("type") == "application/json"
    assert kind.find(f"{MIME_NS}icon").get("name") == "coprod-check"


def test_the_desktop_entry_opens_coprod_files_with_the_window():
    entry = desktop_entry()
    assert entry["Type"] == "Application" and entry["Terminal"] == "false"
    assert entry["Exec"] == "coprod-check-window %f"  # the gui-script: no terminal
    assert entry["MimeType"] == f"{doctype.MIME_TYPE};"
    assert entry["Icon"] == "coprod-check" and (ROOT / "assets" / "icons" / "coprod-check.svg").is_file()


def test_the_desktop_entry_is_valid():
    result = subprocess.run(
        [tool("desktop-file-validate"), str(LINUX / "coprod-check.desktop")], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_no_packaging_file_ever_claims_json():
    for path in [
        *LINUX.iterdir(),
        ROOT / "packaging" / "windows" / "coprod-check.wxs",
        ROOT / "packaging" / "coprod-check.spec",
    ]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"""\*\.json|Extension Id="json"|"json"\]|application/json;""", text), path


def test_the_windows_installer_associates_coprod_with_the_app():
    wxs = ET.parse(ROOT / "packaging" / "windows" / "coprod-check.wxs").getroot()
    ns = {"w": "http://wixtoolset.org/schemas/v4/wxs"}
    package = wxs.find("w:Package", ns)
    assert package.get("Scope") == "perUser"
    assert package.get("UpgradeCode") == "{6FC9B7A3-3FF1-4484-AE80-7781DC3C02C3}"  # never change it
    (extension,) = wxs.findall(".//w:ProgId/w:Extension", ns)
    assert extension.get("Id") == "coprod" and extension.get("ContentType") == doctype.MIME_TYPE
    verb = extension.find("w:Verb", ns)
    assert verb.get("Id") == "open" and verb.get("Argument") == '"%1"'
    assert wxs.findall(".//w:Shortcut", ns), "a Start-menu entry"
    (path,) = wxs.findall(".//w:Environment", ns)
    assert (path.get("Name"), path.get("System"), path.get("Part")) == ("PATH", "no", "last")  # this user's only


def test_the_mac_app_declares_coprod_as_its_own_type():
    spec = (ROOT / "packaging" / "coprod-check.spec").read_text(encoding="utf-8")
    assert '"public.filename-extension": ["coprod"]' in spec and f'"{doctype.MIME_TYPE}"' in spec


@pytest.mark.skipif(sys.platform != "linux", reason="freedesktop.org desktops")
def test_installed_for_a_user_the_desktop_opens_coprod_with_us_and_json_as_before(tmp_path):
    data = tmp_path / "share"
    env = {**os.environ, "XDG_DATA_HOME": str(data)}
    app = tmp_path / "unzipped here" / "coprod-check"  # a space, as in "My Documents"
    app.parent.mkdir()
    app.write_text("#!/bin/sh\n", encoding="utf-8")
    app.chmod(0o755)  # the desktop hides an entry whose program is not there (TryExec)
    install = [sys.executable, str(LINUX / "install-desktop-files")]
    subprocess.run([*install, str(app)], env=env, check=True, capture_output=True, timeout=60)
    entry = (data / "applications" / "coprod-check.desktop").read_text(encoding="utf-8")
    assert f'Exec="{app}" %f' in entry
    installed = data / "applications" / "coprod-check.desktop"
    checked = subprocess.run(
        [tool("desktop-file-validate"), str(installed)], capture_output=True, text=True, timeout=60
    )
    assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / "coprod-check.png").is_file()

    tool("update-mime-database")
    gio = tool("gio")
    for name, expected in (("a.coprod", doctype.MIME_TYPE), ("b.json", "application/json")):
        (tmp_path / name).write_text("{}", encoding="utf-8")
        shown = subprocess.run(
            [gio, "info", "-a", "standard::content-type", str(tmp_path / name)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout
        assert f"standard::content-type: {expected}" in shown
    default = subprocess.run(
        [gio, "mime", doctype.MIME_TYPE], env=env, capture_output=True, text=True, timeout=60
    ).stdout
    assert "coprod-check.desktop" in default.splitlines()[0]

    subprocess.run([*install, "--uninstall"], env=env, check=True, capture_output=True, timeout=60)
    assert not (data / "applications" / "coprod-check.desktop").exists()
