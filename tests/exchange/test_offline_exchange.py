"""Nothing is fetched: making and reading workbooks, Forms exports and paper forms opens no socket."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.test_offline import NO_NETWORK

PREAMBLE = NO_NETWORK.split("from coprod_check.launch import bundle_main")[0]
SCRIPT = (
    PREAMBLE
    + """
from coprod_check.launch import bundle_main
import openpyxl
folder = sys.argv[1]
codes = [bundle_main(["example", "-o", folder + "/a.coprod"]),
         bundle_main(["blank", folder + "/a.coprod", "-o", folder + "/b.xlsx"]),
         bundle_main(["blank", folder + "/a.coprod", "-o", folder + "/p.pdf", "--large-print"]),
         bundle_main(["export-forms", folder + "/a.coprod", "-o", folder + "/q.docx"])]
book = openpyxl.load_workbook(folder + "/b.xlsx")
book["About you"]["B2"] = "Staff member"
book["Answers"]["F2"] = "Asking"
book["Answers"]["G3"] = "='[http://example.invalid/x.xlsx]Sheet1'!A1"  # an external link, never followed
book.save(folder + "/f.xlsx")
codes.append(bundle_main(["combine", folder + "/f.xlsx", "-o", folder + "/g.coprod"]))
book["Answers"]["G3"] = None
book.save(folder + "/f.xlsx")
codes.append(bundle_main(["combine", folder + "/f.xlsx", "-o", folder + "/g.coprod"]))
export = openpyxl.Workbook()
export.active.append(["Id", "Name", "What is your role in this assessment?"])
export.active.append([1, "Someone", "Staff member"])
export.save(folder + "/e.xlsx")
args = ["import-forms", folder + "/e.xlsx", "--assessment", folder + "/a.coprod", "-o", folder + "/r"]
codes.append(bundle_main(args))
print("RESULT", codes, tried, file=sys.stderr)
"""
)


def test_taking_part_without_installing_makes_no_network_connection(tmp_path):
    env = {**os.environ, "COPROD_CHECK_HOME": str(tmp_path / "home"), "COPROD_CHECK_CACHE": str(tmp_path / "cache")}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)], capture_output=True, text=True, env=env, timeout=300
    )
    # The external link is a formula: reported by its cell (exit 1), never fetched.
    assert "RESULT [0, 0, 0, 0, 1, 0, 0] []" in result.stderr, result.stderr[-3000:]
    assert "Answers!G3: the note is a formula" in result.stderr
    assert "No column holds lived experience, so everyone counts as preferring not to say" in result.stdout
