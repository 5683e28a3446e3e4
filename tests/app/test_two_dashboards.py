"""Two dashboards on one PostgreSQL database: what one loads, the other shows on its next rerun.

The two AppTest sessions share this process (and Streamlit's caches, as two sessions of one server do);
the load comes from another process, the command line, as it would from a second dashboard server.
Every run reads the newest snapshot id afresh and the caches are keyed on it, so nothing stale is drawn.
"""

from __future__ import annotations

from tests.app.test_rollout_pages import covered_shown, open_page
from tests.test_cli import run_cli
from tests.test_ingest import MALLS


def source_shown(at) -> str:  # noqa: ANN001
    return next(c.value for c in at.caption if c.value.startswith("Sumber: unggahan #"))


def test_a_load_by_another_process_is_shown_by_both_dashboards_on_their_next_rerun(postgres_url, monkeypatch, tmp_path):
    monkeypatch.setenv("MPP_DATABASE_URL", postgres_url)
    overview = open_page()
    history = open_page("pages/history.py")
    assert source_shown(overview).startswith("Sumber: unggahan #1 (mpp_malls_sample.xlsx")
    assert len(history.dataframe[0].value) == 1

    path = tmp_path / "mpp.xlsx"
    path.write_bytes(MALLS.content)
    loaded = run_cli("ingest", str(path), "--db", postgres_url)
    assert loaded.returncode == 0, loaded.stderr

    overview.run()
    history.run()
    assert not overview.exception and not history.exception
    assert source_shown(overview).startswith("Sumber: unggahan #2 (mpp.xlsx)")
    assert covered_shown(overview) == "1 / 514"  # Kota Depok, the file's one operating mall
    assert len(history.dataframe[0].value) == 2
