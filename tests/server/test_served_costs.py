"""What sessions cost a running server (issue 21.4): fifty idle sessions, and uploaded files released."""

from __future__ import annotations

import pytest

from benchmarks.streamlit_client import Viewer
from tests.server.conftest import Served, run_async

pytestmark = pytest.mark.serial


def test_fifty_idle_sessions_cost_under_100_mb(served: Served):
    async def go() -> tuple[float, float]:
        first = await Viewer.open(served.url)
        await first.run(texts=False)  # what every session shares is built
        before = served.rss_mb
        viewers = [await Viewer.open(served.url) for _ in range(50)]
        for viewer in viewers:
            run = await viewer.run(texts=False)
            assert run.finished == "FINISHED_SUCCESSFULLY"
        after = served.rss_mb
        for viewer in [first, *viewers]:
            await viewer.close()
        return before, after

    before, after = run_async(go())
    print(f"50 idle sessions: server RSS {before:.0f} MB before, {after:.0f} MB after")
    assert after - before < 100, (before, after)
