"""AppTest: files that used to end or hang the dashboard (issue #11) are reported on the Upload page."""

from __future__ import annotations

import pytest

from mpp_data.store.snapshots import Store
from tests.app.signing import open_app
from tests.loaders import hostile


@pytest.mark.parametrize("file", [hostile.truncated_xls(), hostile.far_cell_xlsx(), hostile.one_line_csv()],
                         ids=["truncated_xls", "far_cell_xlsx", "one_line_csv"])  # fmt: skip
def test_the_upload_page_names_a_hostile_file_and_loads_nothing(sqlite_url, monkeypatch, file):
    monkeypatch.setenv("MPP_DATABASE_URL", sqlite_url)
    at = open_app(sqlite_url, "analyst", "pages/upload.py")  # checking and loading is an analyst's work
    before = Store(sqlite_url).latest_snapshot_id()
    at.file_uploader(key="upload_files").set_value((file.name, file.content, "application/octet-stream")).run()
    assert not at.exception, [e.message for e in at.exception]
    (issues,) = [d.value for d in at.dataframe if "message" in d.value.columns]
    assert issues["kind"].tolist() == ["file_too_complex"]
    assert f"“{file.name}”" in issues["message"].iloc[0]
    assert at.button(key="load").disabled
    assert Store(sqlite_url).latest_snapshot_id() == before
