"""AppTest: the upload page lists the saved aliases, removes one, and refuses an alias for an official name."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from mpp_data.store.snapshots import Store
from tests.app.signing import open_app
from tests.loaders import workbooks as wb

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def aliases_shown(at: AppTest):
    """The saved aliases: the one dataframe with a written column."""
    return next(d.value for d in at.dataframe if "written" in d.value.columns)


@pytest.fixture
def app(sqlite_url, monkeypatch) -> AppTest:
    monkeypatch.setenv("MPP_DATABASE_URL", sqlite_url)
    Store(sqlite_url).save_alias("bogor", "32.71")
    Store(sqlite_url).save_alias("kabupaten sangau", "61.03")
    at = open_app(sqlite_url, "analyst", "pages/upload.py")  # checking and loading is an analyst's work
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_saved_aliases_are_listed_and_one_can_be_removed(app, sqlite_url):
    listed = aliases_shown(app)
    assert listed.to_dict("records") == [
        {"written": "bogor", "region": "Kota Bogor"},
        {"written": "kabupaten sangau", "region": "Kabupaten Sanggau"},
    ]
    assert "Alias tersimpan (2)" in [e.label for e in app.expander]
    app.selectbox(key="alias_choose").set_value("bogor")
    app.button(key="alias_remove").click().run()
    assert not app.exception, [e.message for e in app.exception]
    assert Store(sqlite_url).load_aliases() == {"kabupaten sangau": "61.03"}
    assert aliases_shown(app)["written"].tolist() == ["kabupaten sangau"]

    # Without the alias, "Bogor" is a question again when a file names it.
    export = wb.xlsx(
        {"MPP": [["Kabupaten/Kota", "Nama MPP", "Status"], ["Bogor", "Mal Pelayanan Publik", "Beroperasi"]]}
    )
    app.file_uploader(key="upload_files").set_value((export.name, export.content, XLSX)).run()
    assert not app.exception
    assert [d.value for d in app.dataframe if "message" in d.value.columns][0]["kind"].tolist() == ["ambiguous_region"]
