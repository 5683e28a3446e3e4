"""AppTest: the upload page checks files, takes a region fix as an alias, and loads a snapshot."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from mpp_data import service
from mpp_data.ingest import isolation
from mpp_data.store.snapshots import Store
from tests.app.signing import open_app
from tests.conftest import ADMIN, ANALYST
from tests.loaders import workbooks as wb

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORT = wb.xlsx(
    {"MPP": [["Kabupaten/Kota", "Nama MPP", "Status", "Tanggal Peresmian"],
             ["Kota Depok", "MPP Depok", "Beroperasi", dt.date(2021, 5, 1)],
             ["Bogor", "Mal Pelayanan Publik Bogor", "Beroperasi", dt.date(2022, 2, 1)]]},
    name="ekspor.xlsx",
)  # fmt: skip


def issues_shown(at: AppTest):
    """The report table: the one dataframe with a message column (None when there is no report)."""
    tables = [d.value for d in at.dataframe if "message" in d.value.columns]
    return tables[0] if tables else None


@pytest.fixture
def app(sqlite_url, monkeypatch) -> AppTest:
    monkeypatch.setenv("MPP_DATABASE_URL", sqlite_url)
    return open_app(sqlite_url, "analyst", "pages/upload.py")


def test_upload_page_reports_fixes_a_region_by_alias_and_loads(app, sqlite_url):
    store = Store(sqlite_url)
    before = store.latest_snapshot_id()
    app.file_uploader(key="upload_files").set_value((EXPORT.name, EXPORT.content, XLSX)).run()
    assert not app.exception, [e.message for e in app.exception]
    issues = issues_shown(app)
    assert issues["kind"].tolist() == ["ambiguous_region"]
    assert issues["row"].tolist() == ["3"]  # as text: a problem of a whole sheet reads "–"
    assert app.multiselect(key="filter_kind").options == ["Nama wilayah ganda"], "kinds are named, not coded"
    assert "Bogor" in issues["message"].iloc[0]
    assert app.button(key="load").disabled

    # The suggested candidates come first; choose Kota Bogor and save it as an alias.
    fix = app.selectbox(key="fix_region_0")
    assert fix.options[:3] == ["— pilih daerah —", "Kabupaten Bogor (Jawa Barat)", "Kota Bogor (Jawa Barat)"]
    fix.set_value("32.71")
    app.button(key="fix_save").click().run()
    assert not app.exception
    assert store.load_aliases() == {"bogor": "32.71"}
    assert store.latest_snapshot_id() == before, "checking and fixing must not load anything"
    assert not app.button(key="load").disabled

    app.button(key="load").click().run()
    assert not app.exception, [e.message for e in app.exception]
    latest = store.latest_snapshot_id()
    assert latest == before + 1
    malls = store.load_malls(latest)
    assert sorted(malls["region_code"]) == ["32.71", "32.76"]
    assert store.snapshot(latest)["carried_over"] == {}, "real data never inherits the sample's rows"
    assert store.snapshot(latest)["is_sample"] is False
    assert len(store.load_participation(latest)) == 0
    assert any("#2" in s.value for s in app.success)


def test_a_column_read_wrongly_can_be_corrected(app):
    odd = wb.xlsx({"MPP": [["Daerah MPP", "Nama MPP", "Status"], ["Kota Depok", "MPP Depok", "Beroperasi"]]})
    app.file_uploader(key="upload_files").set_value((odd.name, odd.content, XLSX)).run()
    assert not app.exception
    assert issues_shown(app) is None
    app.selectbox(key="map_header_0").set_value("Nama MPP")
    app.selectbox(key="map_field_0").set_value("ignore")
    app.button(key="map_apply_0").click().run()
    assert not app.exception
    assert app.session_state["column_overrides"] == {("mpp.xlsx", "MPP"): {"Nama MPP": "ignore"}}
    result = service.ingest_files([odd], None, column_overrides=app.session_state["column_overrides"], actor=ANALYST)
    assert result.malls["mall_name"].tolist() == ["MPP Kota Depok"]


def test_a_broken_file_is_explained_and_nothing_loads(app, sqlite_url):
    store = Store(sqlite_url)
    before = store.counts()
    app.file_uploader(key="upload_files").set_value(("rusak.xlsx", b"bukan excel", XLSX)).run()
    assert not app.exception
    issues = issues_shown(app)
    assert issues["kind"].tolist() == ["unreadable_file"]
    assert "tidak dapat dibaca" in issues["message"].iloc[0]
    assert app.button(key="load").disabled
    assert store.counts() == {**before, "audit_log": before["audit_log"] + 1}, "only the check is recorded"


def test_the_bundled_sample_uploaded_again_stays_sample_data(app, sqlite_url):
    # Recognised by content, not by name: renamed copies of the bundled workbooks are still invented figures.
    store = Store(sqlite_url)
    files = [(f"ekspor-{i}.xlsx", f.content, XLSX) for i, f in enumerate(service.sample_files())]
    app.file_uploader(key="upload_files").set_value(files).run()
    assert not app.exception, [e.message for e in app.exception]
    app.button(key="load").click().run()
    assert not app.exception, [e.message for e in app.exception]
    # the sample's content again equals the sample's snapshot: nothing is stored, and it stays sample data
    assert any(i.value == "Berkas ini sama dengan unggahan #1; tidak ada yang disimpan." for i in app.info)
    latest = store.latest_snapshot_id()
    assert latest == 1
    assert store.snapshot(latest)["is_sample"] is True
    app.switch_page("pages/overview.py").run()
    assert not app.exception, [e.message for e in app.exception]
    assert any("Data contoh" in w.value for w in app.warning), "the sample banner is gone"


def test_the_sample_is_recognised_by_content():
    assert service.contains_sample(service.sample_files())
    assert service.contains_sample([service.UploadedFile("other-name.xlsx", service.sample_files()[1].content)])
    assert not service.contains_sample([EXPORT])


def test_an_admin_removes_the_stored_boundaries_and_the_file_stays_on_record(sqlite_url, monkeypatch):
    from tests.test_boundaries import GEOJSON

    monkeypatch.delenv("MPP_BOUNDARIES_PATH", raising=False)
    monkeypatch.setenv("MPP_DATABASE_URL", sqlite_url)
    store = service.open_store(sqlite_url)
    service.save_boundaries(store, "batas.geojson", GEOJSON.encode(), actor=ADMIN, settings=service.Settings())
    at = open_app(sqlite_url, "admin", "pages/upload.py")
    assert any(c.value == "Batas wilayah yang dipakai peta: “batas.geojson”." for c in at.caption)
    at.button(key="boundaries_remove").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert any(s.value.startswith("Batas wilayah tidak dipakai lagi") for s in at.success)
    assert not any(c.value.startswith("Batas wilayah yang dipakai peta") for c in at.caption)
    assert store.boundaries_head() is None
    assert store.counts()["boundary_files"] == 2
    assert service.audit_events(store, actor=ADMIN)["action"].tolist().count("boundaries.removed") == 1


def test_loading_stores_what_the_check_found_without_reading_the_files_again(app, sqlite_url):
    clean = wb.xlsx({"MPP": [["Kabupaten/Kota", "Nama MPP", "Status"], ["Kota Depok", "MPP Kota Depok", "Beroperasi"]]},
                    name="bersih.xlsx")  # fmt: skip
    before = Store(sqlite_url).latest_snapshot_id()
    app.file_uploader(key="upload_files").set_value((clean.name, clean.content, XLSX)).run()
    checked = isolation.last_run()
    assert checked is not None and not app.button(key="load").disabled
    app.button(key="load").click().run()
    assert not app.exception, [e.message for e in app.exception]
    assert Store(sqlite_url).latest_snapshot_id() == before + 1
    assert isolation.last_run() is checked, "the load read no file: the parse worker did not run again"
    # the files are let go: the uploader is a new, empty one and there is nothing to load a second time
    assert [w.key for w in app.file_uploader][0] == "upload_files_1"
    assert not app.file_uploader(key="upload_files_1").value
    assert "load" not in [b.key for b in app.button]
    assert any("#" in s.value for s in app.success), "the load's summary is still shown"


def test_the_recognised_columns_of_agreements_and_visits_are_named_in_words(app):
    book = wb.xlsx(
        {"PKS": [["Kabupaten/Kota", "Nama MPP", "Instansi", "Nomor PKS", "Tanggal PKS", "Berlaku Sampai", "Status"],
                 ["Kota Depok", "MPP Kota Depok", "Samsat", "180/12/2024", dt.date(2024, 3, 12), None, "Loket buka"]],
         "Kunjungan 2025": [["Kabupaten/Kota", "Nama MPP", "Jan", "Feb"], ["Kota Depok", "MPP Kota Depok", 100, 120]]},
        name="pemanfaatan.xlsx",
    )  # fmt: skip
    app.file_uploader(key="upload_files").set_value((book.name, book.content, XLSX)).run()
    assert not app.exception, [e.message for e in app.exception]
    shown = [d.value for d in app.dataframe if "Dibaca sebagai" in d.value.columns]
    read_as = [dict(zip(t["Judul kolom"], t["Dibaca sebagai"], strict=True)) for t in shown]
    assert read_as == [
        {"Kabupaten/Kota": "kabupaten/kota", "Nama MPP": "nama MPP", "Instansi": "instansi", "Nomor PKS": "nomor PKS",
         "Tanggal PKS": "tanggal PKS", "Berlaku Sampai": "berlaku sampai", "Status": "tahap PKS"},
        {"Kabupaten/Kota": "kabupaten/kota", "Nama MPP": "nama MPP", "Jan": "bulan", "Feb": "bulan"},
    ]  # fmt: skip
