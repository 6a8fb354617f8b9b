"""The translation layer is used as its rules say (src/coprod_check/i18n.py's docstring): a message
is a literal the catalogue can extract, never an f-string or pieces added together, and both
forms of a counted message have the same placeholders."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "coprod_check"
CALLS = {"_": 1, "N_": 1, "ngettext": 2, "pgettext": 2, "npgettext": 3}
FIELD = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)[^{}]*\}")


def calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in CALLS:
            yield node


def problems_in(source: str, name: str) -> list[str]:
    found = []
    for call in calls(ast.parse(source)):
        func = call.func.id  # type: ignore[attr-defined]
        texts = call.args[: CALLS[func]]
        for arg in texts:
            if isinstance(arg, ast.JoinedStr):
                found.append(f"{name}:{call.lineno}: an f-string in {func}(): put the values in with .format()")
            elif isinstance(arg, ast.BinOp):
                found.append(f"{name}:{call.lineno}: pieces added together in {func}(): one whole message")
            elif not isinstance(arg, ast.Constant) and func != "_":
                found.append(f"{name}:{call.lineno}: {func}() needs literal messages the catalogue can extract")
        if func in ("ngettext", "npgettext"):
            one, many = call.args[CALLS[func] - 2 : CALLS[func]]
            literal = isinstance(one, ast.Constant) and isinstance(many, ast.Constant)
            if literal and set(FIELD.findall(one.value)) != set(FIELD.findall(many.value)):  # type: ignore[union-attr]
                found.append(f"{name}:{call.lineno}: the two forms of a counted message differ in placeholders")
    return found


def test_every_message_is_one_literal_the_catalogue_can_extract():
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "i18n.py":
            continue
        found += problems_in(path.read_text(encoding="utf-8"), str(path.relative_to(SRC)))
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    "code, problem",
    [
        ('_(f"{n} files")', "an f-string"),
        ('_("It " + reason)', "pieces added together"),
        ("ngettext(one, many, n)", "literal messages"),
        ('ngettext("{count} file", "{n} files", n)', "differ in placeholders"),
    ],
)
def test_the_check_finds_each_misuse(code, problem):
    assert any(problem in p for p in problems_in(code, "x.py"))
    assert not problems_in('ngettext("{count} file", "{count} files", n).format(count=n)', "x.py")
