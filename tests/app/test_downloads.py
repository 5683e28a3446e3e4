"""The pages' download buttons serve the same bytes as ``python -m mpp_data export`` with the view's
arguments. The bytes are those Streamlit stores for each button (its media file storage, recorded on
the way in), not a second computation."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from mpp_data.__main__ import main
from tests.app.signing import open_app
from tests.conftest import ROOT

LATEST = dt.date(2025, 12, 31)  # the sample's data date ("Keadaan per 31 Desember 2025"): pages open on it


@pytest.fixture
def served(sqlite_url, monkeypatch) -> dict[str, bytes]:
    """file name -> bytes of every file a page handed to a download button."""
    monkeypatch.setenv("MPP_DATABASE_URL", sqlite_url)
    files: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def recording(self, path_or_data, mimetype, kind, filename=None):
        if kind.name == "DOWNLOADABLE" and filename:
            files[filename] = bytes(path_or_data)
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", recording)
    return files


def open_page(page: str, **query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def cli_bytes(tmp_path, url: str, *args: str) -> bytes:
    out = tmp_path / "cli.out"
    assert main(["export", *args, "--db", url, "-o", str(out)]) == 0
    return out.read_bytes()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_gaps_downloads_are_the_clis_bytes(tmp_path, sqlite_url, served, lang):
    at = open_page("pages/gaps.py", lang=lang, province="61")
    stem = {"id": "belum-ada-mpp", "en": "no-mpp-yet"}[lang] + f"-61-{LATEST.isoformat()}"
    assert {f"{stem}.csv", f"{stem}.xlsx"} <= set(served)
    for fmt in ("csv", "xlsx"):
        cli = cli_bytes(tmp_path, sqlite_url, "gaps", "--format", fmt, "--lang", lang, "--province", "61")
        assert served[f"{stem}.{fmt}"] == cli, fmt
    header = served[f"{stem}.csv"].decode("utf-8-sig").splitlines()[0]
    assert (
        header
        == {
            "id": '"Kode","Kabupaten/Kota","Jenis","Provinsi","Tahap"',
            "en": '"Code","Regency/City","Kind","Province","Stage"',
        }[lang]
    )
    # the xlsx first: it opens in columns in Excel with Indonesian regional settings, where a CSV is one
    # column; the CSV says it is comma-separated
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == [
        {"id": "Unduh Excel (.xlsx)", "en": "Download Excel (.xlsx)"}[lang],
        {"id": "Unduh CSV (dipisah koma)", "en": "Download CSV (comma-separated)"}[lang],
    ]
    assert [b.proto.url.rsplit(".", 1)[1] for b in at.get("download_button")] == ["xlsx", "csv"]


def test_gaps_download_follows_the_pages_filters(tmp_path, sqlite_url, served):
    at = open_page("pages/gaps.py")
    at.multiselect(key="gap_stages").set_value(["planned"]).run()
    at.text_input(key="gap_search").set_value("kota").run()
    assert not at.exception
    shown = at.dataframe[0].value
    name = f"belum-ada-mpp-{LATEST.isoformat()}.csv"
    cli = cli_bytes(tmp_path, sqlite_url, "gaps", "--format", "csv", "--stage", "planned", "--search", "kota")
    assert served[name] == cli
    assert len(cli.decode("utf-8-sig").splitlines()) == len(shown) + 1


def test_agency_work_list_downloads_are_the_clis_bytes(tmp_path, sqlite_url, served):
    at = open_page("pages/agencies.py", lang="en")
    agency = at.selectbox(key="work_list_agency").value
    stem = f"malls-without-{agency}-{LATEST.isoformat()}"
    for fmt in ("csv", "xlsx"):
        cli = cli_bytes(tmp_path, sqlite_url, "agency-work-list", "--format", fmt, "--lang", "en", "--agency", agency)
        assert served[f"{stem}.{fmt}"] == cli, fmt
    sheet = openpyxl.load_workbook(io.BytesIO(served[f"{stem}.xlsx"])).active
    assert [c.value for c in sheet[1]] == ["Province", "Regency/City", "Mall", "Inauguration date", "Region code"]
    assert len(at.dataframe[0].value) == sheet.max_row - 1


def test_provinces_and_region_malls_are_downloadable_as_the_cli_writes_them(tmp_path, sqlite_url, served):
    open_page("pages/provinces.py")
    for fmt in ("csv", "xlsx"):
        assert served[f"cakupan-provinsi-{LATEST.isoformat()}.{fmt}"] == cli_bytes(
            tmp_path, sqlite_url, "provinces", "--format", fmt
        )
    at = open_page("pages/region.py", region="61.03")
    shown = at.dataframe[0].value
    name = f"daftar-mpp-61.03-{LATEST.isoformat()}.csv"
    assert served[name] == cli_bytes(tmp_path, sqlite_url, "malls", "--format", "csv", "--region", "61.03")
    assert len(served[name].decode("utf-8-sig").splitlines()) == len(shown) + 1


def test_history_check_report_is_the_clis_report_of_that_file(tmp_path, sqlite_url, served):
    open_app(sqlite_url, "analyst", "pages/history.py")  # reports sit with the originals
    name = "mpp_malls_sample.xlsx.laporan.csv"
    assert served[name] == cli_bytes(
        tmp_path, sqlite_url, "report", "--format", "csv", "--file", "mpp_malls_sample.xlsx"
    )


def test_plan_downloads_are_the_clis_bytes_on_the_chosen_basis_and_filter(tmp_path, sqlite_url, served):
    at = open_page("pages/planner.py", lang="en")
    at.radio(key="plan_basis").set_value("panrb").run()
    at.multiselect(key="plan_statuses").set_value(["off_track", "at_risk"]).run()
    assert not at.exception
    stem = f"plan-panrb-{LATEST.isoformat()}"
    for fmt in ("csv", "xlsx"):
        cli = cli_bytes(tmp_path, sqlite_url, "plan", "--format", fmt, "--lang", "en", "--basis", "panrb",
                        "--status", "off_track", "--status", "at_risk")  # fmt: skip
        assert served[f"{stem}.{fmt}"] == cli, fmt
    rows = list(csv.reader(io.StringIO(served[f"{stem}.csv"].decode("utf-8-sig"))))  # text cells are quoted
    assert rows[0][:7] == ["Code", "Province", "Plan status", "Units", "Covered", "Left", "Required/year"]
    assert {row[2] for row in rows[1:]} == {"Off track", "At risk"}
