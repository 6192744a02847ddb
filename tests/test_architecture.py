"""Structure checks: light imports, and no import cycle between newsgraph modules.

These read the code (``ast``) or run a fresh interpreter, so they fail when a change makes the
package heavier to import or lets a lower layer import a higher one.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "newsgraph"
HEAVY = ("spacy", "sqlalchemy", "fastapi", "sklearn", "torch")


def _loaded_after(code: str) -> list[str]:
    """The heavy modules a fresh interpreter holds after running ``code``."""
    probe = code + f"\nimport json, sys\nprint(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         cwd=PACKAGE.parent)
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("module", ["newsgraph", "newsgraph.model", "newsgraph.plugins", "newsgraph.lexicons"])
def test_importing_the_record_types_is_light(module):
    assert _loaded_after(f"import {module}") == []


def test_cli_help_is_light():
    code = ("from newsgraph.cli import build\n"
            "try:\n    build()(['--help'])\nexcept SystemExit:\n    pass\n")
    assert _loaded_after(code) == []


# --------------------------------------------------------------------------- import cycles


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _from_module(node: ast.ImportFrom, package: str) -> str:
    """The absolute module of ``from X import …`` written in ``package`` (relative levels resolved)."""
    if not node.level:
        return node.module or ""
    parts = package.split(".")
    base = ".".join(parts[: len(parts) - node.level + 1])
    return f"{base}.{node.module}" if node.module else base


def import_graph() -> dict[str, set[str]]:
    """Module -> newsgraph modules it imports at module level (not inside functions, not for typing)."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps: set[str] = set()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in _top_level(tree.body):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                mod = _from_module(node, package)
                targets = [f"{mod}.{a.name}" if f"{mod}.{a.name}" in modules else mod for a in node.names]
            for t in targets:
                while t and t not in modules:  # "newsgraph.store.schema.x" -> nearest module
                    t = t.rpartition(".")[0]
                if t and t != name:
                    deps.add(t)
        graph[name] = deps
    return graph


def _top_level(body: list[ast.stmt]):
    """Import statements that run when the module is imported (if/try blocks too, not TYPE_CHECKING)."""
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If):
            if "TYPE_CHECKING" not in ast.unparse(node.test):
                yield from _top_level(node.body)
            yield from _top_level(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody, *(h.body for h in node.handlers)):
                yield from _top_level(block)


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(out)


def test_cycle_finder_sees_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycle_between_newsgraph_modules():
    found = cycles(import_graph())
    assert found == [], "import cycles (module groups that import each other): " + "; ".join(
        " <-> ".join(group) for group in found)


def _all_imports(path: Path, name: str) -> set[str]:
    """Every newsgraph module ``path`` imports anywhere (inside functions too), as absolute names."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            mod = _from_module(node, package)
            out.update(f"{mod}.{a.name}" for a in node.names)
            out.add(mod)
    return {m for m in out if m.startswith("newsgraph")}


@pytest.mark.parametrize(("layer", "other"), [("web", "api"), ("api", "web")])
def test_the_pages_and_the_api_never_import_each_other(layer, other):
    """Both read through newsgraph.queries (and share newsgraph.security); neither calls the other,
    not even inside a function, so a change to one cannot break the other."""
    bad = []
    for path in (PACKAGE / layer).rglob("*.py"):
        name = _module_name(path)
        bad += [f"{name} imports {m}" for m in sorted(_all_imports(path, name))
                if m == f"newsgraph.{other}" or m.startswith(f"newsgraph.{other}.")]
    assert bad == []
