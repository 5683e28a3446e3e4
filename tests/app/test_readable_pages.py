"""AppTest: the Provinces page applies the province it announces; the Upload page puts the main work
first and the admins' boundary file last, and explains the uploader's English in the reader's language."""

from __future__ import annotations

import datetime as dt
import json

from streamlit.testing.v1 import AppTest

from mpp_data import service
from mpp_data.analysis import metrics
from mpp_data.present.text import t
from mpp_data.reference.regions import official_regions
from tests.app.signing import open_app, sign_in
from tests.app.test_rollout_pages import LATEST, open_page, sample  # noqa: F401 - the fixture
from tests.app.test_upload import EXPORT, XLSX
from tests.conftest import ADMIN, ROOT, sample_as_real_files
from tests.loaders import workbooks as wb


def test_provinces_page_applies_the_announced_province(sample):  # noqa: F811
    at = open_page("pages/provinces.py", province="61")
    table = at.dataframe[0].value
    expected = metrics.compute_coverage_by_province(sample.malls, official_regions(), LATEST)
    west = expected[expected["province_code"] == "61"].iloc[0]
    assert table["province_name"].tolist() == [west["province_name"]]
    assert int(table["covered_regions"].iloc[0]) == int(west["covered_regions"])
    ranks = expected["coverage_pct"].rank(method="min", ascending=False)
    assert int(table["rank"].iloc[0]) == int(ranks[west.name])  # its national rank, not 1 of 1
    assert len(at.get("plotly_chart")) == 0  # no national chart under a one-province heading
    whole = open_page("pages/provinces.py")
    national = whole.dataframe[0].value
    assert len(national) == 38 and len(whole.get("plotly_chart")) == 1
    assert national.columns[:3].tolist() == ["rank", "province_name", "coverage_pct"]


def test_upload_page_puts_the_boundary_file_last_for_admins(sample, sqlite_url):  # noqa: F811
    for lang in ("id", "en"):
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
        at.query_params["lang"] = lang
        at = sign_in(at, sqlite_url, "admin").switch_page("pages/upload.py").run()  # the session route's cookie
        assert not at.exception, [e.message for e in at.exception]
        assert [w.key for w in at.file_uploader] == ["upload_files", "boundaries_file"]
        assert at.expander[-1].label == t("upload.admin", lang)
        assert any(c.value.startswith(t("upload.files_help", lang, limit="")[:20]) for c in at.caption)


def test_history_report_buttons_each_name_their_file_in_label_and_help(sample, sqlite_url):  # noqa: F811
    at = open_app(sqlite_url, "analyst", "pages/history.py")  # original files: an analyst's
    reports = [b.proto for b in at.get("download_button") if b.proto.label.startswith("Unduh laporan")]
    assert sorted(b.label for b in reports) == [
        "Unduh laporan mpp_malls_sample.xlsx",
        "Unduh laporan mpp_participation_sample.xlsx",
    ]
    (table,) = [d.value for d in at.dataframe if "loaded_by" in d.value.columns]
    assert table["loaded_by"].tolist() == ["Sistem (data contoh saat mulai pertama)"], "not system:first-start"
    assert sorted(b.help for b in reports) == [
        "Laporan pemeriksaan berkas mpp_malls_sample.xlsx (CSV)",
        "Laporan pemeriksaan berkas mpp_participation_sample.xlsx (CSV)",
    ]


def test_upload_report_shows_the_message_wide_and_wrapped_without_the_kind_code(sqlite_url, monkeypatch):
    monkeypatch.setenv("MPP_DATABASE_URL", sqlite_url)
    at = open_app(sqlite_url, "analyst", "pages/upload.py")
    at.file_uploader(key="upload_files").set_value((EXPORT.name, EXPORT.content, XLSX)).run()
    (report,) = [d for d in at.dataframe if "message" in d.value.columns]
    proto = report.proto
    assert list(proto.column_order)[:2] == ["severity", "message"] and "kind" not in proto.column_order
    config = json.loads(proto.columns)
    assert config["message"]["width"] >= 500 and config["message"]["label"] == "Pesan"
    assert proto.row_height > 64  # Streamlit wraps cell text only in rows taller than 4rem


#: A register with a blank row, a totals row and a date written as the number -5.
ROUGH = wb.xlsx(
    {"MPP": [["Kabupaten/Kota", "Nama MPP", "Status", "Tanggal Peresmian"],
             ["Kota Depok", "MPP Depok", "Beroperasi", dt.date(2021, 5, 1)],
             ["Kota Medan", "MPP Medan", "Beroperasi", -5],
             [None, None, None, None],
             ["Jumlah", None, None, None]]},
    name="ekspor_kasar.xlsx",
)  # fmt: skip


def test_upload_report_says_what_was_skipped_and_shows_cells_as_written(sqlite_url, monkeypatch):
    monkeypatch.setenv("MPP_DATABASE_URL", sqlite_url)
    at = open_app(sqlite_url, "analyst", "pages/upload.py")
    at.file_uploader(key="upload_files").set_value((ROUGH.name, ROUGH.content, XLSX)).run()
    assert not at.exception, [e.message for e in at.exception]
    # the rows left out named for what they were, not "(kosong, total, judul berulang, duplikat)"
    (counts,) = [i.value for i in at.info if i.value.startswith("4 baris dibaca")]
    assert counts.endswith("2 dilewati (1 baris kosong, 1 baris jumlah/subtotal)."), counts
    report = next(d.value for d in at.dataframe if "message" in d.value.columns)
    assert "-5" in set(report["value"]) and "-5.0" not in set(report["value"]), "the cell as it was typed"
    assert not any("-5.0" in m for m in report["message"])
    # a problem of a whole sheet (rows skipped) has a dash for its row and column, never None
    assert report["row"].map(type).eq(str).all() and report["column"].map(type).eq(str).all()
    skipped = report[report["message"].str.contains("dilewati")]
    assert set(skipped["row"]) == {"–"} and set(skipped["column"]) == {"–"}


def test_the_uploader_writes_its_own_words_in_the_readers_language(sqlite_url, monkeypatch):
    """Streamlit draws its button and limit in English: the page's style puts ours in their place."""
    monkeypatch.setenv("MPP_DATABASE_URL", sqlite_url)
    at = open_app(sqlite_url, "analyst", "pages/upload.py")
    styles = "".join(h.proto.body for h in at.get("html"))
    assert '.st-key-upload_files [data-testid="stFileUploaderDropzone"]' in styles
    assert 'content: "Pilih berkas"' in styles and 'content: "Batas 50 MB per berkas • XLSX' in styles


def test_the_provinces_lower_section_and_deck_follow_the_sidebars_province(sample):  # noqa: F811
    at = open_page("pages/provinces.py")
    assert at.selectbox(key="province_detail").value == "11", "no province chosen: the first (Aceh)"
    at.selectbox(key="province").set_value("61").run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.selectbox(key="province_detail").value == "61"
    assert any("Kalimantan Barat" in h.value for h in at.subheader), [h.value for h in at.subheader]
    # the deck button below is drawn from the same choice (the province's deck file name and scope)
    at.selectbox(key="province_detail").set_value("32").run()  # a choice on the page stays ...
    assert at.selectbox(key="province_detail").value == "32"
    at.selectbox(key="province").set_value("51").run()  # ... until the sidebar's province changes
    assert at.selectbox(key="province_detail").value == "51"


def test_the_source_line_names_the_upload_and_files_each_kind_came_from(sqlite_url, monkeypatch):
    """Malls uploaded alone keep the participation of the upload before: the source line names both
    uploads and their files, not only the newest file."""
    monkeypatch.setenv("MPP_DATABASE_URL", sqlite_url)
    store = service.open_store(sqlite_url)
    malls, participation = sample_as_real_files()[:2]
    both = service.ingest_files([malls, participation], store, actor=ADMIN).snapshot_id
    register = wb.xlsx(
        {"MPP": [["Kabupaten/Kota", "Nama MPP", "Status", "Tanggal Peresmian"],
                 ["Kota Depok", "MPP Depok", "Beroperasi", dt.date(2021, 5, 1)]]},
        name="register_baru.xlsx",
    )  # fmt: skip
    only_malls = service.ingest_files([service.UploadedFile(register.name, register.content)], store, actor=ADMIN)
    assert only_malls.carried_over == {"participation": both}
    store.dispose()
    at = open_page("pages/provinces.py")
    (line,) = [c.value for c in at.caption if c.value.startswith("Sumber:")]
    assert f"unggahan #{only_malls.snapshot_id} (register_baru.xlsx)" in line, line
    # the store keeps an upload's files, not which of them held which kind: the earlier upload's files
    assert f"keikutsertaan instansi dari unggahan #{both} ({malls.name}, {participation.name})" in line, line
