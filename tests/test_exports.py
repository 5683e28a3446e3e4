"""``python -m mpp_data export``: every table in both formats, the same bytes as the service (and the
pages, see tests/app/test_downloads.py), hostile cells neutralised end to end."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

from mpp_data import service
from mpp_data.__main__ import main
from mpp_data.errors import NotAllowed
from tests.cli import run_cli
from tests.conftest import ANALYST, ROOT, VIEWER
from tests.loaders import workbooks as wb

LATEST = dt.date(2025, 12, 31)  # the sample's data date ("Keadaan per 31 Desember 2025"): pages open on it
HOSTILE = '=HYPERLINK("http://x","klik")'

#: table -> (extra CLI arguments, the same as export_table's keywords, the first headers in id and en)
CASES = {
    "gaps": ([], {}, ("Kode", "Code")),
    "malls": (["--province", "61"], {"province": "61"}, ("Kode wilayah", "Region code")),
    "provinces": ([], {}, ("Peringkat", "Rank")),
    "agency-work-list": (["--agency", "atr_bpn"], {"agency": "atr_bpn"}, ("Provinsi", "Province")),
    "report": ([], {}, ("Berkas", "File")),
}


@pytest.fixture
def store(sqlite_url):
    return service.open_store(sqlite_url)


def export(store, table: str, fmt: str, *, lang: str = "id", as_of=None, province=None, **choice) -> service.Export:
    """``service.export_table`` for the scope and choice the CLI's options give."""
    scope = service.ViewScope(as_of=as_of, province=province, lang=lang)
    return service.export_table(
        store, scope=scope, table=table, fmt=fmt, choice=service.ExportChoice(**choice), actor=ANALYST
    )


@pytest.mark.parametrize("actor", [None, service.ANONYMOUS, VIEWER])
def test_the_check_report_is_refused_to_whoever_may_not_see_upload_details(store, actor):
    # it carries the rows' values (a signed report's NIP) and what was wrong with them, as History's originals
    scope = service.ViewScope(lang="id")
    with pytest.raises(NotAllowed):
        service.export_table(store, scope=scope, table="report", fmt="csv", actor=actor)
    opened = service.export_table(store, scope=scope, table="report", fmt="csv", actor=actor, history_open=True)
    assert opened.content == export(store, "report", "csv").content
    assert service.export_table(store, scope=scope, table="malls", fmt="csv", actor=actor).content


def export_with_cli(tmp_path, url: str, *args: str) -> bytes:
    out = tmp_path / "out.bin"
    assert main(["export", *args, "--db", url, "-o", str(out)]) == 0
    return out.read_bytes()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("table", list(CASES))
def test_export_writes_each_table_as_the_service_gives_it(tmp_path, sqlite_url, store, table, fmt):
    extra, params, headers = CASES[table]
    for lang, header in zip(("id", "en"), headers, strict=True):
        written = export_with_cli(tmp_path, sqlite_url, table, "--format", fmt, "--lang", lang, *extra)
        expected = export(store, table, fmt, lang=lang, **params)
        assert written == expected.content
        if fmt == "csv":
            frame = pd.read_csv(io.BytesIO(written), dtype=str, encoding="utf-8-sig")
        else:
            frame = pd.read_excel(io.BytesIO(written), dtype=str, engine="openpyxl")
        assert frame.columns[0] == header
        assert len(frame) > 0


def test_export_file_names_follow_the_interface_language(store):
    gaps_id = export(store, "gaps", "csv", lang="id", as_of=LATEST)
    gaps_en = export(store, "gaps", "xlsx", lang="en", as_of=LATEST)
    assert (gaps_id.file_name, gaps_en.file_name) == ("belum-ada-mpp-2025-12-31.csv", "no-mpp-yet-2025-12-31.xlsx")
    work = export(store, "agency-work-list", "csv", lang="en", agency="bnn", province="61")
    assert work.file_name == "malls-without-bnn-61-2025-12-31.csv"
    report = export(store, "report", "csv", lang="en", file="mpp_malls_sample.xlsx")
    assert report.file_name == "mpp_malls_sample.xlsx.report.csv"


def test_exported_tables_hold_the_pages_figures(store):
    data = service.load_snapshot(store)
    gaps = service.gap_list(data, scope=service.ViewScope(as_of=LATEST))
    csv = pd.read_csv(io.BytesIO(export(store, "gaps", "csv").content), dtype=str)
    assert csv["Kode"].tolist() == gaps["code"].tolist()  # codes as written: 12.10 stays 12.10
    assert csv["Kabupaten/Kota"].tolist() == gaps["name"].tolist()

    work = service.agency_work_list(data, scope=service.ViewScope(as_of=LATEST), agency="atr_bpn")
    content = export(store, "agency-work-list", "xlsx", agency="atr_bpn").content
    sheet = openpyxl.load_workbook(io.BytesIO(content))["ATR-BPN"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(work)
    first = work.iloc[0]
    assert rows[0][4] == first["region_code"] and isinstance(rows[0][4], str)
    assert sheet.cell(row=2, column=4).is_date
    assert rows[0][3].date() == first["inaugurated_on"]

    provinces = service.coverage_by_province(data, scope=service.ViewScope(as_of=LATEST))
    frame = pd.read_csv(io.BytesIO(export(store, "provinces", "csv", lang="en").content))
    assert len(frame) == 38
    assert frame["Covered"].sum() == provinces["covered_regions"].sum()
    assert set(frame["100%"]) <= {"Yes", "No"}


def test_gaps_export_narrowed_like_the_page(store):
    content = export(store, "gaps", "csv", lang="en", stages=("planned",), search="kota").content
    frame = pd.read_csv(io.BytesIO(content), dtype=str)
    assert len(frame) > 0
    assert set(frame["Stage"]) == {"Planned"}
    assert frame["Regency/City"].str.contains("kota", case=False).all()


def test_hostile_cells_are_neutralised_in_every_format_from_the_cli(tmp_path, sqlite_url, store):
    # a CSV: openpyxl would write the hostile name as a formula, which is the bug itself
    malls = wb.csv_file([
        ["No", "Provinsi", "Kabupaten/Kota", "Nama MPP", "Status", "Tanggal Peresmian"],
        [1, "Sumatera Utara", "Kota Medan", HOSTILE, "Beroperasi", "2024-02-10"],
        [2, "Sumatera Utara", "Kota Medan", HOSTILE, "Beroperasi", "2024-02-10"],  # a warning naming it
        [3, "@SUM(1+1)", "Kabupaten Sanggau", "-MPP Sanggau", "Beroperasi", "2023-05-01"],
    ], name="=cmd.csv")  # fmt: skip
    result = service.ingest_files([malls], store, actor=ANALYST)
    assert result.snapshot_id == 2, result.issues

    csv = export_with_cli(tmp_path, sqlite_url, "malls", "--format", "csv").decode("utf-8-sig")
    assert "'" + HOSTILE.replace('"', '""') in csv and "'-MPP Sanggau" in csv
    content = export_with_cli(tmp_path, sqlite_url, "malls", "--format", "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    names = [c.value for c in sheet["C"][1:]]
    assert "'" + HOSTILE in names and "'-MPP Sanggau" in names
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)

    report = export_with_cli(tmp_path, sqlite_url, "report", "--format", "csv").decode("utf-8-sig")
    assert '"\'=cmd.csv",' in report and "'@SUM(1+1)" in report and "'" + HOSTILE.replace('"', '""') in report
    sheet = openpyxl.load_workbook(
        io.BytesIO(export_with_cli(tmp_path, sqlite_url, "report", "--format", "xlsx"))
    ).active
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert {"'@SUM(1+1)", "'" + HOSTILE, "'=cmd.csv"} <= {c.value for c in cells}
    assert all(c.data_type != "f" for c in cells)


def test_export_runs_as_a_command_and_refuses_bad_arguments_with_exit_2(tmp_path, sqlite_url):
    out = tmp_path / "gaps.xlsx"
    result = run_cli("export", "gaps", "--format", "xlsx", "-o", str(out), "--db", sqlite_url, "--as-of", "2024-12-31")
    assert result.returncode == 0, result.stderr
    expected = export(service.open_store(sqlite_url), "gaps", "xlsx", as_of=dt.date(2024, 12, 31))
    assert out.read_bytes() == expected.content
    for bad in (["--as-of", "2023/01/01"], ["--province", "99"], ["--snapshot", "7"]):
        result = run_cli("export", "gaps", "--format", "csv", "-o", str(out), "--db", sqlite_url, *bad)
        assert result.returncode == 2, (bad, result.stderr)
        assert "Traceback" not in result.stderr
    result = run_cli("export", "agency-work-list", "--format", "csv", "-o", str(out), "--db", sqlite_url)
    assert result.returncode == 2 and "--agency" in result.stderr


def test_readme_names_every_export_table():
    readme = (ROOT / "README.md").read_text()
    assert "mpp_data export" in readme
    for table in service.TABLES:
        assert table in readme, table


@pytest.mark.parametrize("table", list(service.EXPORT_TABLES))
def test_each_registered_table_writes_the_columns_it_declares(store, table):
    from mpp_data.present.text import MESSAGES, t

    registered = service.EXPORT_TABLES[table]
    content = export(store, table, "csv", lang="en", **CASES.get(table, ([], {}, ()))[1]).content
    headers = pd.read_csv(io.BytesIO(content), dtype=str, encoding="utf-8-sig").columns.tolist()
    assert headers == [t(f"column.{c}", "en") if f"column.{c}" in MESSAGES else c for c in registered.columns]


def test_a_table_registered_in_a_test_is_exported_by_the_cli_without_other_edits(
    tmp_path, sqlite_url, store, monkeypatch
):
    """The registry is the one place a download is declared: the CLI's choices and ``export_table`` read it."""

    def operating(request: service.ExportRequest) -> service.ExportRows:
        malls = request.data.malls
        frame = malls.loc[malls["status"] == "operating", ["region_code", "mall_name"]].reset_index(drop=True)
        return service.ExportRows(frame, request.file_name("gaps", "toy"), "Toy", request.data.snapshot)

    toy = service.ExportTable(name="toy", columns=("region_code", "mall_name"), rows=operating, help="a test's table")
    monkeypatch.setitem(service.EXPORT_TABLES, "toy", toy)
    written = export_with_cli(tmp_path, sqlite_url, "toy", "--format", "csv", "--lang", "en")
    expected = export(store, "toy", "csv", lang="en")
    assert written == expected.content and expected.file_name == "no-mpp-yet-toy.csv"
    frame = pd.read_csv(io.BytesIO(written), dtype=str, encoding="utf-8-sig")
    assert list(frame.columns) == ["Region code", "Mall"] and len(frame) > 100

    monkeypatch.setitem(service.EXPORT_TABLES, "toy", service.ExportTable("toy", ("mall_name",), operating, ""))
    with pytest.raises(ValueError, match="toy gave columns"):  # a table writes what it declares, no more
        export(store, "toy", "csv")
