"""Cheap checks against drift in the shape of the project."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_mpp_data_never_imports_streamlit():
    for path in (ROOT / "mpp_data").rglob("*.py"):
        assert "streamlit" not in _imports(path), path


def test_every_page_file_is_registered_in_dashboard():
    dashboard = (ROOT / "dashboard.py").read_text()
    registered = set(re.findall(r'st\.Page\(\s*"(pages/[\w]+\.py)"', dashboard))
    on_disk = {f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py")}
    assert registered == on_disk


def test_pages_do_no_pandas_work():
    for path in (ROOT / "pages").glob("*.py"):
        text = path.read_text()
        assert "import pandas" not in text, path
        for method in (".groupby(", ".merge(", ".loc[", ".pivot"):
            assert method not in text, (path, method)


def _modules(path: Path) -> set[str]:
    """Every module a file imports, in full (``from mpp_data.present import charts`` gives both
    ``mpp_data.present`` and ``mpp_data.present.charts``)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{a.name}" for a in node.names}
    return names


FRONT = [ROOT / "dashboard.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "ui").glob("*.py")]
CORE_BEHIND_THE_DOOR = ("mpp_data.store", "mpp_data.ingest", "mpp_data.analysis", "mpp_data.reference")


def test_pages_and_ui_reach_the_core_only_through_the_service_and_the_presentation_builders():
    allowed = ("mpp_data.service", "mpp_data.present", "mpp_data.errors", "mpp_data.config")
    assert len(FRONT) > 10
    for path in FRONT:
        for module in _modules(path):
            assert not module.startswith(CORE_BEHIND_THE_DOOR), (path.name, module)
            assert not module.startswith("mpp_data.") or module.startswith(allowed), (path.name, module)


def test_ui_cache_only_wraps_service_calls():
    """Every call in ``ui/cache.py`` is a service call, a Streamlit cache decorator, or another wrapper of
    the same file: what a view holds is computed (and tested) in ``mpp_data.service``."""
    tree = ast.parse((ROOT / "ui" / "cache.py").read_text())
    own = {f.name for f in tree.body if isinstance(f, ast.FunctionDef)}
    calls = [n.func for n in ast.walk(tree) if isinstance(n, ast.Call)]
    service_calls = 0
    for func in calls:
        if isinstance(func, ast.Name):
            assert func.id in own, func.id
        else:
            assert isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name), ast.unparse(func)
            assert func.value.id in ("service", "st"), ast.unparse(func)
            if func.value.id == "st":
                assert func.attr in ("cache_data", "cache_resource"), ast.unparse(func)
            service_calls += 1
    assert service_calls > 10
    assert _modules(ROOT / "ui" / "cache.py") <= {"__future__", "__future__.annotations", "datetime", "pandas",
                                                  "streamlit", "mpp_data", "mpp_data.service"}  # fmt: skip


def test_no_module_of_ingest_passes_450_lines():
    for path in (ROOT / "mpp_data" / "ingest").rglob("*.py"):
        assert len(path.read_text().splitlines()) <= 450, path


def test_imports_within_ingest_point_one_way():
    ingest = ROOT / "mpp_data" / "ingest"
    # every module by its dotted name under ingest (a package by its own name: ``kinds``, ``kinds.base``)
    paths = {".".join(p.relative_to(ingest).with_suffix("").parts).removesuffix(".__init__"): p
             for p in ingest.rglob("*.py") if p != ingest / "__init__.py"}  # fmt: skip
    modules = set(paths)
    uses = {}
    for name in modules:
        tree = ast.parse(paths[name].read_text())
        uses[name] = {
            node.module.removeprefix("mpp_data.ingest.")
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("mpp_data.ingest.")
        }
    assert uses["cells"] == set() and uses["problems"] == set(), "the shared helpers import nothing of ingest"
    # Layout rows (totals, notes, signatures) are told from malls by whether a status or date cell reads.
    assert uses["tables"] <= {"cells", "layout"}, "finding the table knows nothing of validation"
    assert uses["layout"] <= {"cells", "values"}, "telling layout rows from malls knows nothing of validation"

    def reaches(start: str, seen: frozenset = frozenset()) -> None:
        for used in uses[start]:
            assert used not in seen | {start}, f"import cycle through {start} -> {used}"
            reaches(used, seen | {start})

    for name in modules:
        reaches(name)


def test_no_module_of_the_core_passes_450_lines():
    for path in (ROOT / "mpp_data").rglob("*.py"):
        assert len(path.read_text().splitlines()) <= 450, path


def _core_imports(layer: str) -> set[tuple[str, str]]:
    """(file, package) for each ``mpp_data.<package>`` a module of ``mpp_data/<layer>`` imports."""
    found = set()
    for path in (ROOT / "mpp_data" / layer).rglob("*.py"):
        for module in _modules(path):
            parts = module.split(".")
            if parts[0] == "mpp_data" and len(parts) > 1 and parts[1] != layer:
                found.add((path.name, parts[1]))
    return found


def test_imports_in_the_core_point_down_towards_reference():
    """service -> ingest/store/analysis/present -> reference: nothing below the service reaches up to it,
    analysis draws nothing, and reference (and the store) know nothing of reading, analysis or drawing."""
    above_the_store = {"service", "ingest", "analysis", "present", "reference"}
    for layer in ("ingest", "store", "analysis", "present", "reference"):
        assert not {(f, p) for f, p in _core_imports(layer) if p == "service"}, layer
    assert not {(f, p) for f, p in _core_imports("analysis") if p in {"present", "store"}}
    assert not {(f, p) for f, p in _core_imports("store") if p in above_the_store}
    assert not {(f, p) for f, p in _core_imports("reference") if p in {"ingest", "analysis", "store"}}


PRODUCT_CODE = [
    *(ROOT / "mpp_data").rglob("*.py"),
    *(ROOT / "ui").rglob("*.py"),
    *(ROOT / "pages").glob("*.py"),
    ROOT / "dashboard.py",
    ROOT / "app.py",
    *(ROOT / "scripts").glob("*.py"),
]
ENVIRONMENT_NAMES = {"environ", "environb", "getenv", "getenvb", "putenv", "unsetenv"}


def _environment_uses(path: Path) -> list[str]:
    """Each use of the process environment in a file: ``os.environ``, ``os.getenv``, ``from os import environ``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Attribute) and node.attr in ENVIRONMENT_NAMES:
            if isinstance(node.value, ast.Name) and node.value.id == "os":
                found.append(f"{path.name}:{node.lineno} os.{node.attr}")
        elif isinstance(node, ast.ImportFrom) and node.module == "os":
            found += [f"{path.name}:{node.lineno} from os import {a.name}" for a in node.names
                      if a.name in ENVIRONMENT_NAMES]  # fmt: skip
    return found


def test_no_module_outside_config_reads_the_environment():
    """Settings are read once, by ``Settings.from_env`` in ``mpp_data/config.py``, and handed down."""
    assert len(PRODUCT_CODE) > 100
    config = ROOT / "mpp_data" / "config.py"
    assert _environment_uses(config), "the check finds what it looks for"
    for path in PRODUCT_CODE:
        if path != config:
            assert not _environment_uses(path), _environment_uses(path)


def _calls_of(path: Path, name: str) -> list[int]:
    """Lines where ``<anything>.name(...)`` or ``name(...)`` is called."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if called == name:
                lines.append(node.lineno)
    return lines


#: The entry points, which read the settings once and hand them down: the dashboard, the command line,
#: the launcher, and Alembic's own entry (``alembic upgrade`` run by hand, with no URL given).
ENTRY_POINTS = {
    ROOT / "dashboard.py",
    ROOT / "mpp_data" / "cli_args.py",
    ROOT / "scripts" / "run_dashboard.py",
    ROOT / "scripts" / "serve.py",
    ROOT / "app.py",
    ROOT / "mpp_data" / "store" / "migrations" / "env.py",
}


def test_only_the_entry_points_read_the_settings():
    readers = {path for path in PRODUCT_CODE if _calls_of(path, "from_env")}
    assert readers >= ENTRY_POINTS
    assert readers == ENTRY_POINTS, sorted(str(p) for p in readers - ENTRY_POINTS)


def test_ingest_renders_no_message():
    """A problem carries a code and parameters; ``present`` turns it into words."""
    assert not {(f, p) for f, p in _core_imports("ingest") if p == "present"}


SERVICE = ROOT / "mpp_data" / "service"
#: The service's modules that only read; what changes the store is in ``writing``, ``loading``, ``access``,
#: ``sessions`` and ``mail`` (subscriptions, alerts and their send log).
READING = ("queries", "views", "boundaries", "exports", "briefing")


def test_the_service_reads_and_writes_in_separate_modules():
    writes_in = set()
    for path in SERVICE.glob("*.py"):
        if _calls_of(path, "record"):  # every change is audited: a module that records is a writing one
            writes_in.add(path.stem)
    assert writes_in == {"writing", "loading", "access", "sessions", "mail"}, writes_in
    for name in READING:
        path = SERVICE / f"{name}.py"
        assert not _calls_of(path, "require") and not _calls_of(path, "record"), name
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "store":
                assert not node.attr.startswith(("save_", "remove_", "delete_", "insert_")), (name, node.attr)


def test_reference_knows_nothing_of_the_layers_above_it():
    assert not {(f, p) for f, p in _core_imports("reference") if p in {"present", "service"}}


def _positional_dates(function: ast.FunctionDef) -> list[str]:
    """The parameters annotated as a date (``dt.date``, ``dt.date | None``) that may be passed by position."""
    params = [*function.args.posonlyargs, *function.args.args]
    dates = [a for a in params if a.annotation is not None]
    return [a.arg for a in dates if re.search(r"\bdt\.date\b(?!time)", ast.unparse(a.annotation))]


def test_no_function_takes_more_than_one_bare_date_positionally():
    """Dates travel in a ``ViewScope`` or by keyword: two or three dates in a row are easy to swap."""
    assert _positional_dates(ast.parse("def f(a: dt.date, b: dt.date | None, *, c: dt.date): ...").body[0]) == [
        "a",
        "b",
    ]
    checked = 0
    for path in [*(ROOT / "mpp_data").rglob("*.py"), *(ROOT / "ui").glob("*.py"), *(ROOT / "pages").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef):
                checked += 1
                assert len(_positional_dates(node)) <= 1, (path.name, node.name, _positional_dates(node))
    assert checked > 500
