"""The committed catalogue template is the one the source gives now."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _tool():
    spec = importlib.util.spec_from_file_location("extract_messages", ROOT / "tools" / "extract_messages.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["extract_messages"] = module
    spec.loader.exec_module(module)
    return module


def test_the_committed_template_is_up_to_date():
    tool = _tool()
    committed = tool.TEMPLATE.read_text(encoding="utf-8")
    assert committed == tool.template_text(), "run: python tools/extract_messages.py"


def test_a_new_message_makes_the_template_out_of_date(tmp_path, monkeypatch):
    """The check can fail: a module with one more message gives another template."""
    tool = _tool()
    package = tmp_path / "src" / "coprod_check"
    package.mkdir(parents=True)
    (package / "speaks.py").write_text(
        "from coprod_check.i18n import _, ngettext, pgettext\n"
        "A = _('A sentence nobody has translated yet.')\n"
        "B = ngettext('{count} apple', '{count} apples', 2)\n"
        "C = pgettext('menu', 'Open')\n"
    )
    monkeypatch.setattr(tool, "PACKAGE", package)
    text = tool.template_text()
    assert 'msgid "A sentence nobody has translated yet."' in text
    assert 'msgid_plural "{count} apples"' in text and 'msgctxt "menu"' in text
    assert "#: src/coprod_check/speaks.py\n" in text  # the file, without a line number
    assert text != tool.TEMPLATE.read_text(encoding="utf-8")
