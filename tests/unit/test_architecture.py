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
