"""AppTest: rows with errors are corrected (or left out) in the Upload page's table, checked again at once,
loaded, listed on History and counted on every page's source line."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from mpp_data.store.snapshots import Store
from tests.app.signing import open_app
from tests.loaders.test_corrections import EXPORT

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EDITOR = "corrections_editor"


@pytest.fixture
def app(sqlite_url, monkeypatch) -> AppTest:
    monkeypatch.setenv("MPP_DATABASE_URL", sqlite_url)
    at = open_app(sqlite_url, "analyst", "pages/upload.py")  # checking and loading is an analyst's work
    at.file_uploader(key="upload_files").set_value((EXPORT.name, EXPORT.content, XLSX)).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def editor(at: AppTest):
    return at.data_editor(key=EDITOR).value


def amendments_listed(at: AppTest):
    """History's list of corrections and rows left out: the table with a ``corrected`` column."""
    (table,) = [d.value for d in at.dataframe if "corrected" in d.value.columns]
    return table


def edit(at: AppTest, edits: dict[int, dict]) -> None:
    """What a person's edits in the table send: the edited cells by line."""
    at.session_state[EDITOR] = {"edited_rows": edits, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception, [e.message for e in at.exception]


def test_a_corrected_cell_is_checked_at_once_loaded_and_listed_on_history(app, sqlite_url):
    store = Store(sqlite_url)
    before = store.latest_snapshot_id()
    table = editor(app)
    assert table[["row", "column", "value", "state"]].values.tolist() == [
        [3, "Kabupaten/Kota", "Kab. Atlantis", "✗ masih salah"],
        [4, "Tanggal Peresmian", "32 Februari 2022", "✗ masih salah"],
    ]
    assert "Kab. Atlantis" in table["problem"].iloc[0]
    assert app.button(key="load").disabled

    edit(app, {1: {"correction": "25/02/2022"}})
    table = editor(app)
    assert table[["row", "value", "correction", "state"]].values.tolist() == [
        [3, "Kab. Atlantis", "", "✗ masih salah"],
        [4, "32 Februari 2022", "25/02/2022", "✓ benar"],
    ], "the corrected row is checked again and is now clean"
    assert app.button(key="load").disabled, "one error left still blocks the load"
    assert store.latest_snapshot_id() == before

    edit(app, {0: {"correction": "Kabupaten Sanggau"}})
    assert editor(app)["state"].tolist() == ["✓ benar", "✓ benar"]
    assert not app.button(key="load").disabled
    app.button(key="load").click().run()
    assert not app.exception, [e.message for e in app.exception]
    latest = store.latest_snapshot_id()
    assert latest == before + 1
    assert sorted(store.load_malls(latest)["region_code"]) == ["32.71", "32.76", "61.03"]

    app.switch_page("pages/history.py").run()
    assert not app.exception, [e.message for e in app.exception]
    listed = amendments_listed(app)
    assert listed[["row", "written", "corrected"]].values.tolist() == [
        [3, "Kab. Atlantis", "Kabupaten Sanggau"],
        [4, "32 Februari 2022", "25/02/2022"],
    ]


def test_a_row_left_out_with_a_reason_loads_without_it_and_every_page_says_so(app, sqlite_url):
    store = Store(sqlite_url)
    edit(app, {0: {"leave_out": True, "reason": "bukan MPP"}, 1: {"correction": "25/02/2022"}})
    table = editor(app)
    assert table[["row", "state", "leave_out", "reason"]].values.tolist() == [
        [3, "dikecualikan", True, "bukan MPP"],
        [4, "✓ benar", False, ""],
    ]
    assert not app.button(key="load").disabled
    app.button(key="load").click().run()
    assert not app.exception, [e.message for e in app.exception]
    latest = store.latest_snapshot_id()
    assert sorted(store.load_malls(latest)["region_code"]) == ["32.71", "32.76"]
    assert [(r["row"], r["reason"]) for r in store.load_amendments(latest)[1]] == [(3, "bukan MPP")]

    app.switch_page("pages/overview.py").run()
    assert not app.exception, [e.message for e in app.exception]
    assert any("1 baris dikecualikan" in c.value for c in app.caption), [c.value for c in app.caption]
    app.switch_page("pages/history.py").run()
    listed = amendments_listed(app)
    assert listed[["row", "corrected", "reason"]].values.tolist() == [
        [3, "(dikecualikan)", "bukan MPP"],
        [4, "25/02/2022", ""],
    ]


def test_unticking_leave_out_brings_the_rows_errors_back(app):
    edit(app, {0: {"leave_out": True, "reason": "bukan MPP"}})
    assert editor(app)["leave_out"].tolist() == [True, False]
    edit(app, {0: {"leave_out": False}})
    assert editor(app)[["row", "leave_out", "state"]].values.tolist() == [
        [3, False, "✗ masih salah"],
        [4, False, "✗ masih salah"],
    ]
