"""The project's modules import one way, through layers (drawn in docs/architecture.md):

    portal (shell) <- partnerships records <- public pages and services <- home <- admin (translations too)

A module may import from its own layer or the layers below it, never above; no modules import each
other in a cycle; and an import inside a function carries a comment saying why it is there."""

import ast
import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
APPS = ("portal", "home", "partnerships", "search", "translations")

SHELL, RECORDS, PUBLIC, SITE, ADMIN = range(5)
LAYER_NAMES = ["portal (shell)", "records", "public pages and services", "home", "admin and tools"]
# The first pattern a module's name matches gives its layer.
LAYERS = [
    (r"portal\..*|portal", SHELL),
    (r".*\.apps|.*\.wagtail_hooks|.*\.admin(\..*)?|.*\.management\..*|.*\.demo(\..*)?", ADMIN),
    # The translation review (translations/) is admin wiring for pages and records alike.
    (r"translations(\..*)?", ADMIN),
    (r"partnerships\.applications\.partner_records", ADMIN),
    # Backups of the records: a tool the management commands call, which no page needs.
    (r"partnerships\.backups", ADMIN),
    (
        r"partnerships\.models\.(choices|records|querysets|reviews|taxonomy|applications|site_settings|rates|summary)"
        r"|partnerships\.(publishing|signals|currencies|formatting|localize|reporting)",
        RECORDS,
    ),
    (r"partnerships(\..*)?|search(\..*)?", PUBLIC),
    (r"home(\..*)?", SITE),
]
# Where an import inside a function says why: "# Imported here: <reason>" on the line above.
REASON = re.compile(r"#\s*(Imported here|Receivers connect once the app registry is ready)")


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules():
    modules = {}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts:
                modules[module_name(path)] = path
    return modules


MODULES = project_modules()


def resolve(name):
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(module, path):
    """(imported project module, line, inside a function?) for each import in `module`."""
    tree = ast.parse(path.read_text())
    in_functions = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        for inner in ast.walk(node)
    }
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
            # `from package import submodule` depends on the submodule; a name depends on its module.
            targets = [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in {resolve(target) for target in targets} - {None, module}:
            yield target, node.lineno, id(node) in in_functions


def layer(module):
    return next(number for pattern, number in LAYERS if re.fullmatch(pattern, module))


def edges():
    return {module: list(imports_of(module, path)) for module, path in MODULES.items()}


EDGES = edges()


def test_no_module_imports_from_a_layer_above_its_own():
    upward = [
        f"{module} ({LAYER_NAMES[layer(module)]}) imports {target} ({LAYER_NAMES[layer(target)]}), line {line}"
        for module, targets in EDGES.items()
        for target, line, _inside in targets
        if layer(target) > layer(module)
    ]
    assert upward == []


def cycles(graph):
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_no_modules_import_each_other_in_a_cycle():
    graph = {module: {target for target, _line, _inside in targets} for module, targets in EDGES.items()}
    assert cycles(graph) == []


def test_an_import_inside_a_function_says_why():
    unexplained = []
    for module, targets in EDGES.items():
        lines = MODULES[module].read_text().splitlines()
        for _target, line, inside in targets:
            context = " ".join(lines[max(line - 3, 0) : line])
            if inside and not REASON.search(context):
                unexplained.append(f"{module}, line {line}")
    assert unexplained == []


@pytest.mark.parametrize(
    ("module", "expected"),
    [
        ("portal.locales", SHELL),
        ("partnerships.models.records", RECORDS),
        ("partnerships.directory", PUBLIC),
        ("search.views", PUBLIC),
        ("home.models", SITE),
        ("partnerships.wagtail_hooks", ADMIN),
        ("partnerships.backups", ADMIN),
        ("translations.review", ADMIN),
        ("translations.status", ADMIN),
    ],
)
def test_modules_sit_in_the_layers_the_architecture_describes(module, expected):
    assert module in MODULES
    assert layer(module) == expected


def test_the_checks_find_an_upward_import_and_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert layer("partnerships.models.records") < layer("partnerships.register") < layer("home.blocks")
