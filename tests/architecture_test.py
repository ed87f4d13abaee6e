"""The layers the README's Development section draws: no import cycle anywhere in papi_cli, and a
core that imports nothing about languages (no catalogue, no renderer) and touches no file."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "papi_cli"
# The pure core: plan and submission models, the checks, periods, the evaluation.
CORE = ("papi_cli.model", "papi_cli.kinds", "papi_cli.yamlsafe", "papi_cli.planfile", "papi_cli.submission_check",
        "papi_cli.authority", "papi_cli.periods", "papi_cli.evaluate", "papi_cli.numbers", "papi_cli.outcome",
        "papi_cli.problems", "papi_cli.message")
LANGUAGE = ("papi_cli.words", "papi_cli.render", "papi_cli.report", "papi_cli.cli", "papi_cli.commands")
FILE_SYSTEM = {"open", "Path.read_bytes", "Path.read_text", "os.open", "os.scandir", "os.walk", "os.listdir"}


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports(name: str) -> set[str]:
    """Every papi_cli module ``name`` imports when it runs, at the top or inside a function
    (not those imported only for type checking)."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            node.body = []
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {m for m in found if m in MODULES and m not in (name, "papi_cli")}


GRAPH = {name: imports(name) for name in MODULES}


def reachable(start: str) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for target in GRAPH[todo.pop()]:
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def test_there_is_no_import_cycle():
    assert sorted(name for name in GRAPH if name in reachable(name)) == []


def test_the_core_imports_nothing_about_languages():
    for name in GRAPH:
        if name.startswith(CORE):
            bad = sorted(m for m in reachable(name) if m.startswith(LANGUAGE))
            assert bad == [], (name, bad)


def test_the_core_touches_no_file():
    for name, path in MODULES.items():
        if not name.startswith(CORE):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = {ast.unparse(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}
        assert not calls & FILE_SYSTEM, (name, calls & FILE_SYSTEM)
        assert "papi_cli.files" not in reachable(name) or name == "papi_cli.yamlsafe", name


def test_only_files_py_touches_the_file_system():
    """Reading, writing and listing go through papi_cli/files.py (the crash log aside)."""
    allowed = {"papi_cli.files", "papi_cli.cli", "papi_cli.parallel"}  # the crash log; the workers' pipes
    for name, path in MODULES.items():
        if name in allowed:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = {ast.unparse(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}
        touching = {c for c in calls if c in FILE_SYSTEM or (not c.startswith("files.") and c.endswith((
            ".read_bytes", ".read_text", ".write_text", ".write_bytes", ".iterdir", ".mkdir")))}
        assert touching == set(), (name, touching)
