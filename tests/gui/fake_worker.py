"""A stand-in export worker (app/export_job.py's protocol), run as a process by tests/gui/test_export.py.

It records each job it is given (one JSON line in the file COPROD_FAKE_RECORD names), then writes a
tiny fake PDF and says it is done, or, when COPROD_FAKE_FAIL is set, says that instead as its error.
"""

import json
import os
import sys
from pathlib import Path

job = json.loads(sys.stdin.buffer.read().decode("utf-8"))
with open(os.environ["COPROD_FAKE_RECORD"], "a", encoding="utf-8") as record:
    record.write(json.dumps(job) + "\n")
print(json.dumps({"progress": 0.5}), flush=True)
failure = os.environ.get("COPROD_FAKE_FAIL")
if failure:
    print(json.dumps({"error": failure}), flush=True)
    raise SystemExit(1)
Path(job["output"]).write_bytes(b"%PDF-1.4 fake")
print(json.dumps({"done": job["output"]}), flush=True)
