"""The house's doors (../shared/STYLE.md): app -> worker -> {ingest, graph}, graph -> the Extraction model
only, ingest -> nothing of the others; and no two modules import each other, even for types only."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ROOMS = ("app", "graph", "ingest", "worker")
# What each room may import of the other rooms (exact modules, or whole rooms).
ALLOWED = {
    "app": {"graph", "ingest", "worker"},
    "worker": {"graph", "ingest"},
    "graph": {"ingest.model"},
    "ingest": set(),
}


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every project module the file imports, wherever the import statement is (functions and
    TYPE_CHECKING blocks included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name.split(".")[0] in ROOMS}


def _graph() -> dict[str, set[str]]:
    modules = {_module(path): path for room in ROOMS for path in (ROOT / room).rglob("*.py")}
    return {name: {m for m in _imports(path) if m in modules and m != name} for name, path in modules.items()}


def _allowed(importer: str, imported: str) -> bool:
    room, target = importer.split(".")[0], imported.split(".")[0]
    if room == target:
        return True
    return any(imported == rule or imported.startswith(f"{rule}.") for rule in ALLOWED[room])


@pytest.mark.parametrize("room", ROOMS)
def test_a_room_imports_only_what_its_doors_allow(room: str) -> None:
    graph = _graph()
    wrong = sorted(
        f"{importer} imports {imported}"
        for importer, imported_modules in graph.items()
        if importer.split(".")[0] == room
        for imported in imported_modules
        if not _allowed(importer, imported)
    )
    assert wrong == []


def test_no_two_modules_import_each_other() -> None:
    graph = _graph()
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: finished

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for imported in sorted(graph[name]):
            if state.get(imported) == 1:
                cycles.append(" -> ".join([*path[path.index(imported) :], imported]))
            elif imported not in state:
                visit(imported, [*path, imported])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []
