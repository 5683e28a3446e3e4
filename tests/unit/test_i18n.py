from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

from mpp_data import errors
from mpp_data.present.messages import issue_message
from mpp_data.present.text import MESSAGES, format_date, format_number, format_percent, t


def test_every_message_has_indonesian_and_english():
    for key, entry in MESSAGES.items():
        assert entry.get("id") and entry.get("en"), key
        assert set(re.findall(r"{(\w+)}", entry["id"])) == set(re.findall(r"{(\w+)}", entry["en"])), key


def test_every_error_code_has_a_message():
    for error in errors.ALL_ERRORS:
        assert error.code in MESSAGES, error


def test_numbers_and_dates_in_indonesian_form():
    assert format_number(1234) == "1.234"
    assert format_number(1234567) == "1.234.567"
    assert format_percent(52.9) == "52,9%"
    assert format_date(dt.date(2024, 6, 24)) == "24 Juni 2024"
    assert format_date(dt.date(2024, 6, 24), "en") == "24 June 2024"


def test_issue_message_names_sheet_row_and_column_and_suggests():
    issue = {"sheet": "MPP", "row": 14, "column": "Kabupaten/Kota", "value": "Kab. Sangau",
             "kind": "unknown_region", "params": {"suggestions": "Kabupaten Sanggau"}}  # fmt: skip
    assert issue_message(issue, "id") == (
        "Nama wilayah “Kab. Sangau” (sheet MPP, baris 14, kolom Kabupaten/Kota) tidak ada di daftar resmi. "
        "Mungkin maksudnya: Kabupaten Sanggau."
    )
    assert issue_message(issue, "en") == (
        "Region “Kab. Sangau” (sheet MPP, row 14, column Kabupaten/Kota) is not in the official list. "
        "Did you mean: Kabupaten Sanggau?"
    )


def test_t_fills_parameters():
    assert t("chart.target_line", "id", total="514") == "Target: 514 kabupaten/kota"


def _code_strings() -> tuple[set[str], set[str]]:
    """String literals in the code that shows text, and the prefixes of keys it builds (``f"status.{s}"``)."""
    root = Path(__file__).resolve().parents[2]
    catalogue = {root / "mpp_data" / "present" / "text" / f"{area}.py" for area in ("common", "pages", "upload", "cli")}
    paths = [*(root / "mpp_data").rglob("*.py"), *(root / "ui").rglob("*.py"), *(root / "pages").glob("*.py")]
    literals: set[str] = set()
    prefixes: set[str] = set()
    for path in [*paths, root / "dashboard.py"]:
        if path in catalogue:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                head = str(node.values[0].value)
                if head.endswith(".") and " " not in head:
                    prefixes.add(head)
    return literals, prefixes


def test_every_catalogue_key_is_used_somewhere():
    literals, prefixes = _code_strings()

    def used(key: str) -> bool:
        if key in literals:
            return True
        # a built key: its family is built somewhere and its last part is a value the code names
        # (``status.operating``, ``issue.duplicate_mall.conflict``, ``error.file_too_large`` + variant ``cells``)
        head, _, last = key.rpartition(".")
        return last in literals and (head in literals or any(key.startswith(p) for p in prefixes))

    assert [key for key in MESSAGES if not used(key)] == []


def test_every_table_and_field_a_registered_kind_reads_has_words_in_both_languages():
    from mpp_data.ingest.kinds import KINDS
    from mpp_data.present.labels import field_label

    for table_kind in (k for kind in KINDS for k in kind.table_kinds):  # the Upload page names each sheet's
        assert f"upload.kind.{table_kind}" in MESSAGES, table_kind
    fields = {f for kind in KINDS for f in (*kind.headers, kind.grid_field)}
    assert {"pks_number", "stage", "month", "counters_active"} <= fields
    for name in fields:
        assert f"field.{name}" in MESSAGES, name
    assert field_label("valid_until", "en") == "valid until" and field_label("month", "id") == "bulan"


def test_every_key_lives_in_exactly_one_area_of_the_catalogue():
    """Two areas defining one key: the later silently won (the Upload report's load plan was headed with the
    Plan page's title)."""
    import importlib
    import pkgutil

    import mpp_data.present.text as text

    areas: dict[str, list[str]] = {}
    for module in pkgutil.iter_modules(text.__path__):
        for key in getattr(importlib.import_module(f"{text.__name__}.{module.name}"), "MESSAGES", {}):
            areas.setdefault(key, []).append(module.name)
    assert {key: where for key, where in areas.items() if len(where) > 1} == {}
    assert set(areas) == set(MESSAGES), "every area's keys are in the catalogue"
