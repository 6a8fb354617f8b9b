"""No two modules import each other at module level (imports inside functions, or under
TYPE_CHECKING, are fine: they keep start-up fast). lint-imports checks the layers; this checks what
it cannot tell apart, an import at the top of a module from one inside a function."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def module_level_imports() -> dict[str, set[str]]:
    modules = {}
    for file in SRC.rglob("*.py"):
        parts = file.relative_to(SRC).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = file
    graph: dict[str, set[str]] = {}
    for name, file in modules.items():
        found: set[str] = set()
        for node in ast.parse(file.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue
            for statement in node.body if isinstance(node, ast.Try) else [node]:
                if isinstance(statement, ast.ImportFrom) and statement.module:
                    for alias in statement.names:
                        submodule = f"{statement.module}.{alias.name}"
                        found.add(submodule if submodule in modules else statement.module)
                elif isinstance(statement, ast.Import):
                    found.update(alias.name for alias in statement.names)
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def test_no_import_cycles_at_module_level():
    graph = module_level_imports()
    assert "coprod_check.gui.main_window" in graph
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for imported in sorted(graph[module]):
            if state.get(imported) == 1:
                cycles.append([*path[path.index(imported) :], imported])
            elif imported not in state:
                visit(imported)
        path.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)
    assert cycles == []
