"""The shape of the code: no import cycles between briefing's modules, no import up into a
subfolder from below it, small modules, and a core that imports no view."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "briefing"
#: Longest a module may grow before it should be split.
MODULE_LINES = 400
#: Longest an engine module may grow: each is one stage.
ENGINE_MODULE_LINES = 300


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Modules of briefing that ``path`` imports, at module level or inside functions (a deferred
    import is still a dependency), leaving out ``if TYPE_CHECKING:`` blocks (types only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()

    def visit(statements: list[ast.stmt]) -> None:
        for node in statements:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue
            visit([child for child in ast.iter_child_nodes(node) if isinstance(child, ast.stmt)])
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.startswith("briefing"))
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                    target = f"{base}.{node.module}" if node.module else base
                else:
                    target = node.module or ""
                if target.startswith("briefing"):
                    found.add(target)
                    found.update(f"{target}.{a.name}" for a in node.names)

    visit(tree.body)
    return found


def import_graph() -> dict[str, set[str]]:
    """Each module's imports of other briefing modules. A package's ``__init__`` re-exporting its
    own modules is how packages work, so those edges are left out."""
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        own = f"{name}." if path.name == "__init__.py" else None
        graph[name] = {m for m in imports_of(path) if m in modules and m != name and not (own and m.startswith(own))}
    return graph


def test_no_module_imports_itself_back():
    graph = import_graph()
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def walk(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                cycles.append(" -> ".join(path[path.index(target) :] + [node, target]))
            elif target not in state:
                walk(target, [*path, node])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            walk(node, [])
    assert cycles == []


@pytest.mark.parametrize("path", sorted((PACKAGE / "engine").glob("*.py")), ids=lambda p: p.name)
def test_engine_modules_stay_small(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= ENGINE_MODULE_LINES


def test_no_module_is_over_400_lines():
    long = {
        str(path.relative_to(PACKAGE)): lines
        for path in PACKAGE.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MODULE_LINES
    }
    assert long == {}


def test_no_import_reaches_up_into_a_subfolder():
    """A module that a subfolder's modules use (directly or not) is below that subfolder and may
    not import from it: ``config`` importing ``engine.settings`` while the engine imports
    ``config`` made settings a part of the engine that the layers below it reached into."""
    graph = import_graph()

    def below(package: str) -> set[str]:
        seen: set[str] = set()
        todo = [m for m in graph if m.startswith(package + ".")]
        while todo:
            for target in graph[todo.pop()]:
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
        return {m for m in seen if not m.startswith(package + ".")}

    packages = {m.rsplit(".", 1)[0] for m in graph if m.count(".") >= 2}
    upward = sorted(
        f"{module} -> {target}"
        for package in packages
        for module in below(package)
        for target in graph[module]
        if target.startswith(package + ".")
    )
    assert upward == []


def test_the_core_imports_no_view():
    graph = import_graph()
    core = [name for name in graph if not name.startswith(("briefing.tui", "briefing.cli", "briefing.__main__"))]
    leaks = {name: sorted(m for m in graph[name] if m.startswith(("briefing.tui", "briefing.cli"))) for name in core}
    assert {name: found for name, found in leaks.items() if found} == {}


def test_settings_import_nothing_of_the_engine():
    assert not {m for m in import_graph()["briefing.settings"] if m.startswith("briefing.engine")}
