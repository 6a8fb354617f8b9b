"""reportlab's C accelerator (the `accel` extra) and its pure-Python fallback print the same PDF."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys

import pytest

RENDER = """
import hashlib, json, sys
if sys.argv[1] == "pure":
    sys.modules["_rl_accel"] = None  # as where no rl_accel wheel exists
import datetime as dt
import reportlab.lib.rl_accel as accel
from coprod_check.app import catalogue
from coprod_check.domain.example import make_example
from coprod_check.report import render_pdf

q = catalogue.find("coproduction-readiness")
pdf = render_pdf(q, make_example(q, dt.date(2026, 11, 24)), today=dt.date(2026, 11, 24), assessment_sha256="0" * 64)
print(json.dumps({"sha256": hashlib.sha256(pdf).hexdigest(), "size": len(pdf), "c": sorted(accel._c_funcs)}))
"""


def render(mode: str, tmp_path) -> dict:
    env_home = {"COPROD_CHECK_HOME": str(tmp_path / "home"), "COPROD_CHECK_CACHE": str(tmp_path / "cache")}
    result = subprocess.run(
        [sys.executable, "-c", RENDER, mode],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env_home},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_the_pure_python_fallback_prints_the_plan(tmp_path):
    pure = render("pure", tmp_path)
    assert pure["c"] == []  # really the fallback: no C function was loaded
    assert pure["size"] > 50_000


@pytest.mark.skipif(importlib.util.find_spec("_rl_accel") is None, reason="no rl_accel wheel for this platform")
def test_the_accelerator_prints_the_same_bytes_as_the_fallback(tmp_path):
    fast, pure = render("c", tmp_path), render("pure", tmp_path)
    assert {"sameFrag", "instanceStringWidthTTF", "fp_str"} <= set(fast["c"])  # really the C functions
    assert fast["sha256"] == pure["sha256"]
