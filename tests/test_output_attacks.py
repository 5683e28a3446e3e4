"""Issue 22's attacks on what the product writes out, replayed through the command line in process:
formulas hidden behind a semicolon in every CSV ``export`` and the audit CSV's writer, and terminal
escapes and forged lines in every CLI table and line. Each test fails on main 4c40270."""

from __future__ import annotations

import csv
import io
import json

import pytest

from mpp_data import service
from mpp_data.__main__ import main
from mpp_data.errors import SignInFailed
from mpp_data.present import console, exports
from mpp_data.present.text import MESSAGES
from tests.conftest import ADMIN, ANALYST
from tests.loaders import workbooks as wb

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: A mall, a province and a file name that split into formulas at a ";" or a ",".
SPLIT_MALL = "Mall X;=1+1"
SPLIT_PROVINCE = "Sumatera Utara,-2+3"
SPLIT_FILE = "laporan;@SUM(1+1).csv"
ESCAPES = "\x1b[2J\x1b]0;owned\x07\x9b31m\u202e\u2066"
FORGED = f"MPP Evil{ESCAPES}\n2026-01-01T00:00:00+00:00  admin@localhost (admin)  snapshot.withdrawn  1"


def formula_cells(text: str) -> list[tuple[str, str]]:
    """(separator, cell) for every cell that starts like a formula when ``text`` is read with ``,`` or
    ``;`` as the separator, as Excel does under English or Indonesian list settings. A plain number
    (``-3``) is a number, not a formula."""
    found = []
    for separator in (",", ";"):
        for row in csv.reader(io.StringIO(text), delimiter=separator):
            for cell in row:
                if cell.startswith(FORMULA_STARTS) and not _is_number(cell):
                    found.append((separator, cell))
    return found


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@pytest.fixture
def store(sqlite_url):
    store = service.open_store(sqlite_url)
    malls = wb.csv_file([
        ["No", "Provinsi", "Kabupaten/Kota", "Nama MPP", "Status", "Tanggal Peresmian"],
        [1, SPLIT_PROVINCE, "Kota Medan", SPLIT_MALL, "Beroperasi", "2024-02-10"],
        [2, "Sumatera Utara", "Kota Medan", SPLIT_MALL, "Beroperasi", "2024-02-10"],  # a warning naming it
        [3, "Kalimantan Barat", "Kabupaten Sanggau", FORGED, "Beroperasi", "2023-05-01"],
    ], name=SPLIT_FILE)  # fmt: skip
    result = service.ingest_files([malls], store, actor=ANALYST)
    assert result.snapshot_id == 2, result.issues
    yield store
    store.dispose()


#: The export tables that carry uploaded text (mall names, file and sheet names, written values); the
#: others hold official names and numbers only. Medan (province 12) is where the hostile malls are.
TEXT_TABLES = {"malls": ["--province", "12"], "report": []}


@pytest.mark.parametrize("table", sorted(TEXT_TABLES))
def test_no_csv_export_holds_a_formula_under_either_separator(tmp_path, sqlite_url, store, table):
    out = tmp_path / "out.csv"
    assert main(["export", table, "--format", "csv", *TEXT_TABLES[table], "--db", sqlite_url, "-o", str(out)]) == 0
    text = out.read_bytes().decode("utf-8-sig")
    assert SPLIT_MALL.split(";")[0] in text, "the hostile rows are in the file"
    assert formula_cells(text) == []
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) > 1 and all(len(row) == len(rows[0]) for row in rows)


def test_the_split_names_are_kept_readable_and_whole_in_the_malls_and_report_csv(tmp_path, sqlite_url, store):
    out = tmp_path / "out.csv"
    assert main(["export", "malls", "--format", "csv", "--province", "12", "--db", sqlite_url, "-o", str(out)]) == 0
    cells = {cell for row in csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))) for cell in row}
    assert "Mall X;'=1+1" in cells  # on main: Mall X;=1+1, unquoted, and "=1+1" ran under Indonesian settings
    assert main(["export", "report", "--format", "csv", "--db", sqlite_url, "-o", str(out)]) == 0
    text = out.read_bytes().decode("utf-8-sig")
    cells = {cell for row in csv.reader(io.StringIO(text)) for cell in row}
    assert "laporan;'@SUM(1+1).csv" in cells
    assert all(line.startswith('"') for line in text.splitlines() if line)  # every row leads with quoted text


def test_the_audit_csv_writer_keeps_sign_in_emails_from_running(sqlite_url):
    store = service.open_store(sqlite_url)
    for typed in ("mall;=1+1@x", "a,-2+3@x", "@SUM(1)@x", "x\n=cmd|' /C calc'!A0@x"):
        with pytest.raises(SignInFailed):
            service.sign_in(store, typed, "whatever", max_delay_s=0)
    events = service.audit_events(store, actor=ADMIN)
    text = exports.to_csv_bytes(events.astype({"at": str, "details": str}), "id").decode("utf-8-sig")
    assert formula_cells(text) == []
    assert "mall;'=1+1@x" in {cell for row in csv.reader(io.StringIO(text)) for cell in row}
    store.dispose()


# -- terminal output --------------------------------------------------------------------------
RAW = ("\x1b", "\x9b", "\u202e", "\u2066", "\x07")


def test_audit_lines_show_escapes_and_a_newline_never_forges_a_line(sqlite_url, capsys):
    store = service.open_store(sqlite_url)
    with pytest.raises(SignInFailed):
        service.sign_in(store, f"evil{ESCAPES}\nadmin@localhost (admin)  snapshot.withdrawn@x", "x", max_delay_s=0)
    store.dispose()
    capsys.readouterr()
    assert main(["audit", "--db", sqlite_url]) == 0
    out = capsys.readouterr().out
    assert not any(char in out for char in RAW)
    events = service.audit_events(service.open_store(sqlite_url), actor=ADMIN)
    lines = out.splitlines()
    assert len(lines) == len(events)  # on main the newline in the e-mail printed a line of its own
    assert not any(line.startswith("admin@localhost") for line in lines)
    # the e-mail is kept in lower case, escapes and all
    assert "evil\\x1b[2j\\x1b]0;owned\\x07\\x9b31m\\u202e\\u2066\\nadmin@localhost" in out

    assert main(["audit", "--json", "--db", sqlite_url]) == 0
    out = capsys.readouterr().out
    assert not any(char in out for char in RAW) and "\\u009b" in out and "\\u202e" in out
    assert any(e["actor"].startswith(f"evil{ESCAPES.lower()}\n") for e in json.loads(out))  # JSON gives the text back


def test_snapshots_ingest_and_users_tables_escape_names(sqlite_url, store, capsys, tmp_path):
    capsys.readouterr()
    assert main(["snapshots", "--db", sqlite_url]) == 0
    assert main(["users", "list", "--db", sqlite_url]) == 0
    hostile = tmp_path / f"evil{ESCAPES}.csv"
    hostile.write_text(
        f'Kabupaten/Kota,Nama MPP,Status,Tanggal Peresmian\nKabupaten Entahlah,"{FORGED}",Beroperasi,2024-01-01\n',
        encoding="utf-8",
    )
    main(["ingest", str(hostile), "--dry-run"])
    main(["snapshots", "--json", "--db", sqlite_url])
    captured = capsys.readouterr()
    for out in (captured.out, captured.err):
        assert not any(char in out for char in RAW), out
        assert not any(line.startswith("2026-01-01T00:00:00+00:00  admin@localhost") for line in out.splitlines())
    assert "\\x1b[2J" in captured.out


def test_every_catalogue_text_prints_as_it_is():
    """The catalogue's own texts hold no control character: escaping changes only what users typed."""
    assert [key for key, texts in MESSAGES.items() for text in texts.values() if console.UNSAFE.search(text)] == []


@pytest.mark.parametrize(
    "char",
    [chr(c) for c in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]],
)
def test_each_control_and_direction_character_is_shown_escaped(char):
    shown = console.printable(f"a{char}b")
    assert shown.startswith("a\\") and shown.endswith("b") and char not in shown
    dumped = console.json_text({"v": f"a{char}b"}, indent=None)
    assert char not in dumped and json.loads(dumped) == {"v": f"a{char}b"}
