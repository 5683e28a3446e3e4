"""Issue 20 on the Upload page: what a load will do is said before it; a large replace is confirmed."""

from __future__ import annotations

import datetime as dt

from mpp_data import service
from mpp_data.store.snapshots import Store
from tests.app.signing import open_app
from tests.conftest import ANALYST
from tests.loaders import workbooks as wb

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER = ["Kabupaten/Kota", "Nama MPP", "Status", "Tanggal Peresmian"]
REGISTER = [["Kota Depok", "MPP Kota Depok", "Beroperasi", dt.date(2021, 5, 1)],
            ["Kabupaten Bogor", "MPP Kabupaten Bogor", "Beroperasi", dt.date(2022, 3, 1)],
            ["Kota Medan", "MPP Kota Medan", "Beroperasi", dt.date(2023, 7, 1)]]  # fmt: skip


def test_the_page_says_what_a_load_does_and_asks_before_a_large_replace(sqlite_url, monkeypatch):
    monkeypatch.setenv("MPP_DATABASE_URL", sqlite_url)
    store = service.open_store(sqlite_url)
    service.ingest_files([wb.xlsx({"MPP": [HEADER, *REGISTER]}, name="awal.xlsx")], store, actor=ANALYST)
    before = store.latest_snapshot_id()
    at = open_app(sqlite_url, "analyst", "pages/upload.py")
    batch = wb.xlsx({"MPP": [["Keadaan per 31 Desember 2024"], [], HEADER,
                             ["Kota Bekasi", "MPP Kota Bekasi", "Beroperasi", dt.date(2024, 12, 20)]]}, name="batch.xlsx")  # fmt: skip
    at.file_uploader(key="upload_files").set_value((batch.name, batch.content, XLSX)).run()
    assert not at.exception, [e.message for e in at.exception]
    said = [m.value for m in at.markdown]
    assert any(s.startswith("Mode pembaruan") for s in said)
    assert any(s.startswith("1 MPP ditambah, 0 dihapus, 0 berubah; 1") for s in said)
    assert any("31 Desember 2024" in c.value for c in at.caption)
    plans = [d.value for d in at.dataframe if "Provinsi" in d.value.columns and "MPP ditambah" in d.value.columns]
    assert [p.iloc[0].tolist() for p in plans] == [["Jawa Barat", 1, 0, 0, 1, 0]]
    # the same file as the whole register: a replace removing 3 of 3 operating malls waits for a tick
    at.radio(key="load_mode").set_value("replace").run()
    assert at.button(key="load").disabled
    at.checkbox(key="confirm_replace").check().run()
    assert not at.button(key="load").disabled
    at.button(key="load").click().run()
    assert not at.exception, [e.message for e in at.exception]
    latest = Store(sqlite_url).latest_snapshot_id()
    assert latest == before + 1
    assert Store(sqlite_url).snapshot(latest)["data_as_of"] == dt.date(2024, 12, 31)
    assert sorted(Store(sqlite_url).load_malls(latest)["mall_name"]) == ["MPP Kota Bekasi"]


def test_after_a_load_the_view_moves_to_the_new_data_unless_a_date_was_chosen(sqlite_url, monkeypatch):
    monkeypatch.setenv("MPP_DATABASE_URL", sqlite_url)
    store = service.open_store(sqlite_url)
    service.ingest_files([wb.xlsx({"MPP": [HEADER, *REGISTER]}, name="awal.xlsx")], store, actor=ANALYST,
                         data_as_of=dt.date(2024, 6, 30))  # fmt: skip
    following = open_app(sqlite_url, "analyst", "pages/overview.py")
    chosen = open_app(sqlite_url, "analyst", "pages/overview.py")
    assert following.date_input(key="as_of").value == dt.date(2024, 6, 30)
    chosen.date_input(key="as_of").set_value(dt.date(2023, 1, 1)).run()
    batch = [["Kota Bekasi", "MPP Kota Bekasi", "Beroperasi", dt.date(2024, 12, 20)]]
    service.ingest_files([wb.xlsx({"MPP": [HEADER, *batch]}, name="batch.xlsx")], store, actor=ANALYST,
                         data_as_of=dt.date(2024, 12, 31))  # fmt: skip
    following.run()
    chosen.run()
    assert not following.exception and not chosen.exception
    assert following.date_input(key="as_of").value == dt.date(2024, 12, 31)
    assert chosen.date_input(key="as_of").value == dt.date(2023, 1, 1)
