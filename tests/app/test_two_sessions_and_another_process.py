"""Two dashboard sessions on one PostgreSQL database, and a load by another process: both sessions show
it on their next rerun.

The two AppTest sessions share this process (and Streamlit's caches, as two sessions of one server do);
the load is a real ``python -m mpp_data ingest`` process, as a load from a second dashboard server would
be. Every run reads the newest snapshot id afresh and the caches are keyed on it, so nothing stale is
drawn. (Named for what it runs: two sessions of one server and one other process, not two servers.)
"""

from __future__ import annotations

import pytest

from tests.app.test_rollout_pages import covered_shown, open_page
from tests.cli import run_cli_process
from tests.test_ingest import MALLS


def source_shown(at) -> str:
    return next(c.value for c in at.caption if c.value.startswith("Sumber: unggahan #"))


@pytest.mark.slow  # a real process
def test_a_load_by_another_process_is_shown_by_both_sessions_on_their_next_rerun(postgres_url, monkeypatch, tmp_path):
    monkeypatch.setenv("MPP_DATABASE_URL", postgres_url)
    overview = open_page()
    history = open_page("pages/history.py")
    assert source_shown(overview).startswith("Sumber: unggahan #1 (mpp_malls_sample.xlsx")
    assert len(history.dataframe[0].value) == 1

    path = tmp_path / "mpp.xlsx"
    path.write_bytes(MALLS.content)
    loaded = run_cli_process("ingest", str(path), "--db", postgres_url)
    assert loaded.returncode == 0, loaded.stderr

    overview.run()
    history.run()
    assert not overview.exception and not history.exception
    assert source_shown(overview).startswith("Sumber: unggahan #2 (mpp.xlsx)")
    assert covered_shown(overview) == "1 / 514"  # Kota Depok, the file's one operating mall
    assert len(history.dataframe[0].value) == 2
