"""Nothing leaves the machine: no command and no window start tries to open a network connection.

docs/information-governance.md promises this and tells a reader how to check it; this is the
project's own check. Every socket the process tries to make is refused and recorded.
"""

from __future__ import annotations

import os
import subprocess
import sys

NO_NETWORK = """
import socket, sys
tried = []
class Refused(socket.socket):
    def __init__(self, *args, **kwargs):
        tried.append(args)
        raise OSError("no network in this test")
socket.socket = Refused
socket.create_connection = lambda *a, **k: tried.append(a) or (_ for _ in ()).throw(OSError("no network"))

from coprod_check.launch import bundle_main
folder = sys.argv[1]
codes = [bundle_main(["example", "-o", folder + "/a.coprod"]),
         bundle_main(["score", folder + "/a.coprod", "--json"]),
         bundle_main(["report", folder + "/a.coprod", "-o", folder + "/a.pdf"]),
         bundle_main(["blank", folder + "/a.coprod", "-o", folder + "/b.coprod"]),
         bundle_main(["licences"]),
         bundle_main([folder + "/a.coprod"])]
# reportlab imports Python's URL library (it can fetch an image by address, which the plan never
# asks it to); Qt's network module is never loaded, and the bundle leaves it out.
network = sorted(m for m in sys.modules if "QtNetwork" in m)
print("RESULT", codes, tried, network, file=sys.stderr)
"""


def test_commands_and_the_window_make_no_network_connection(tmp_path):
    env = {
        **os.environ,
        "COPROD_CHECK_HOME": str(tmp_path / "home"),
        "COPROD_CHECK_CACHE": str(tmp_path / "cache"),
        "QT_QPA_PLATFORM": "offscreen",
        "COPROD_CHECK_CLOSE_AFTER_START": "1",
    }
    result = subprocess.run(
        [sys.executable, "-c", NO_NETWORK, str(tmp_path)], capture_output=True, text=True, env=env, timeout=180
    )
    assert "RESULT [0, 0, 0, 0, 0, 0] [] []" in result.stderr, result.stderr[-3000:]
    assert "the window opened: a.coprod" in result.stderr
