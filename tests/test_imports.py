"""The import rules of the house (STYLE.md, DESIGN.md): data flows one way, no circles.

Every module of the package is read with ``ast`` (nothing is imported), and
every ``import`` in it counts, also those inside functions: a lazy import is
still a dependency, it only moves the cost. Imports under ``if TYPE_CHECKING:``
never run, so they count for the stage order but not for circles.
"""

from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "factfinder"

# The stage order: a module may import its own tier and the tiers before it.
# pipeline (and the modules that run it) may import every stage; the drivers
# (CLI, web, exports, evaluation) sit on top. A new top-level module or
# package must be placed here on purpose.
TIERS: dict[str, int] = {
    "model": 0, "errors": 0, "settings": 0, "values": 0, "registry": 0, "records": 0, "data": 0, "tempfiles": 0,
    "word_boxes": 0,
    "capture": 1,
    "text": 2,
    "extract": 3,
    "dates": 4,
    "geo": 5,
    "consolidate": 6, "confidence": 6,
    "store": 7,
    "pipeline": 8, "components": 8, "batch": 8, "reprocess": 8, "ingest": 8,
    "export": 9, "web": 9, "cli": 9, "evaluate": 9, "scale": 9, "follow": 9, "report": 9,
    "__main__": 10, "": 10,  # "": the package's own __init__, the public API
}
STAGES = ("capture", "text", "extract", "dates", "geo", "consolidate")

# The store is a plain sink and source (consolidation is a stage over it): it
# imports no stage and has no circle inside. Nothing is left to tolerate here.
STORE_PROBLEMS_BEFORE_ARCH_STORE: frozenset[str] = frozenset()

# Circles between packages that are known and owned elsewhere, each with what ends it.
# (None now: the report and the web app share the tallies of store/tallies.py.)
KNOWN_PACKAGE_CIRCLES: frozenset[frozenset[str]] = frozenset()

# Maintainers' training scripts, never run by the pipeline, may score with the evaluation's
# matching rules (one definition of a hit): module -> the evaluation module it may import.
TRAINING_SCRIPTS: dict[str, str] = {"factfinder.geo.train_ranking": "factfinder.evaluate.geo",
                                    "factfinder.confidence.train": "factfinder.evaluate.calibration"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@lru_cache(maxsize=1)
def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _targets(name: str, path: Path, node: ast.Import | ast.ImportFrom) -> list[str]:
    """The factfinder modules an import statement loads (``from x import sub`` loads x.sub)."""
    modules = _modules()
    if isinstance(node, ast.Import):
        found = [alias.name for alias in node.names]
    else:
        if node.level:
            package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
            base = ".".join(package[:len(package) - node.level + 1] + ([node.module] if node.module else []))
        else:
            base = node.module or ""
        subs = [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in modules]
        found = subs if len(subs) == len(node.names) else [base, *subs]
    out = []
    for target in found:
        if target.split(".")[0] != "factfinder":
            continue
        while target not in modules and "." in target:
            target = target.rsplit(".", 1)[0]
        if target != name:
            out.append(target)
    return out


@lru_cache(maxsize=2)
def _graph(*, runtime_only: bool) -> dict[str, frozenset[str]]:
    """Module -> the factfinder modules it imports."""
    graph: dict[str, frozenset[str]] = {}
    for name, path in _modules().items():
        deps: set[str] = set()

        def visit(node: ast.AST) -> None:
            if isinstance(node, ast.If) and runtime_only and _is_type_checking(node):
                for child in node.orelse:
                    visit(child)
                return
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                deps.update(_targets(name, path, node))
            for child in ast.iter_child_nodes(node):
                visit(child)

        visit(ast.parse(path.read_text(encoding="utf-8")))
        graph[name] = frozenset(deps)
    return graph


def _tier_name(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _circles(graph: dict[str, frozenset[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan), each as a closed path."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(_closed_path(graph, sorted(component)))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def _closed_path(graph: dict[str, frozenset[str]], component: list[str]) -> list[str]:
    """One circle through the component's first member, for a readable message."""
    members, start = set(component), component[0]
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for nxt in sorted(graph.get(node, ())):
            if nxt == start:
                return paths[node] + [start]
            if nxt in members and nxt not in paths:
                paths[nxt] = paths[node] + [nxt]
                queue.append(nxt)
    return component


def _package_graph() -> dict[str, frozenset[str]]:
    graph: dict[str, set[str]] = {}
    for module, deps in _graph(runtime_only=True).items():
        here = _tier_name(module)
        if here == "":  # the public API imports everything by design
            continue
        graph.setdefault(here, set()).update(_tier_name(d) for d in deps
                                             if _tier_name(d) != here and TRAINING_SCRIPTS.get(module) != d)
    return {k: frozenset(v) for k, v in graph.items()}


def _store_problems() -> set[str]:
    problems = set()
    for module, deps in _graph(runtime_only=False).items():
        if _tier_name(module) == "store":
            problems.update(f"{module} imports the stage package {_tier_name(d)}"
                            for d in deps if _tier_name(d) in STAGES)
    store = {m: frozenset(d for d in deps if _tier_name(d) == "store")
             for m, deps in _graph(runtime_only=True).items() if _tier_name(m) == "store"}
    problems.update("circle inside store: " + " -> ".join(c) for c in _circles(store))
    return problems


def test_every_module_has_a_place_in_the_stage_order() -> None:
    unplaced = sorted({_tier_name(m) for m in _modules()} - set(TIERS))
    assert not unplaced, f"add {unplaced} to TIERS in tests/test_imports.py, at its place in the stage order"


def test_the_walk_sees_lazy_and_relative_imports() -> None:
    graph = _graph(runtime_only=False)
    # a lazy import inside a function (the pipeline loads spaCy on first use)
    assert "factfinder.extract.nlp" in graph["factfinder.pipeline"]
    # "from factfinder import records" is the records module, not the public API
    assert "factfinder.records" in graph["factfinder.export.jsonl"]
    assert "factfinder" not in graph["factfinder.export.jsonl"]
    assert _circles({"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"}), "d": frozenset({"a"})}) \
        == [["a", "b", "c", "a"]]


def test_no_module_imports_a_later_stage() -> None:
    later = [f"{module} imports {dep}"
             for module, deps in sorted(_graph(runtime_only=False).items())
             for dep in sorted(deps)
             if TIERS.get(_tier_name(dep), 99) > TIERS.get(_tier_name(module), -1)
             and TRAINING_SCRIPTS.get(module) != dep]
    assert not later, "a stage reaches downstream (DESIGN.md: data flows one way):\n" + "\n".join(later)


def test_no_import_circle_between_packages() -> None:
    circles = [c for c in _circles(_package_graph()) if frozenset(c) not in KNOWN_PACKAGE_CIRCLES]
    assert not circles, "packages import each other: " + "; ".join(" -> ".join(c) for c in circles)


def test_no_import_circle_inside_a_package() -> None:
    graph = _graph(runtime_only=True)
    circles = [c for c in _circles(graph) if _tier_name(c[0]) != "store"]  # the store: see the next test
    assert not circles, "modules import each other: " + "; ".join(" -> ".join(c) for c in circles)


def test_store_imports_no_stage_package() -> None:
    """The store is a plain sink and source: it imports the model, never a stage."""
    new = sorted(_store_problems() - STORE_PROBLEMS_BEFORE_ARCH_STORE)
    assert not new, "the store reaches into the stages or circles inside itself:\n" + "\n".join(new)
