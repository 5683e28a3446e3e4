"""A plotly figure as a PNG, drawn offline by kaleido 1.x in a local Chromium (no network).

kaleido drives a headless Chromium over a loopback connection; ``BROWSER_PATH`` names the browser.
Debian's ``/usr/bin/chromium`` is used when the variable is unset.

Starting Chromium is most of a map's cost (about 6 s of a 6.5 s map on a shared 2-core machine; the
drawing itself takes about 0.3 s). So the first picture starts kaleido's one shared browser, which
later pictures in the same process reuse (the dashboard, the mail scheduler, a test run), and which
stops at exit. A picture that fails stops it, so the next one starts afresh.
"""

from __future__ import annotations

import atexit
import logging
import threading
import warnings
from pathlib import Path

import kaleido
import plotly.graph_objects as go

from mpp_data.config import default_environment

logger = logging.getLogger(__name__)

DEBIAN_CHROMIUM = Path("/usr/bin/chromium")

_lock = threading.Lock()
_started = False


def _stop() -> None:
    global _started
    if _started:
        _started = False
        kaleido.stop_sync_server(silence_warnings=True)


def _start() -> None:
    global _started
    if not _started:
        kaleido.start_sync_server(silence_warnings=True)
        _started = True
        atexit.register(_stop)


def figure_png(fig: go.Figure, width: int, height: int, scale: float = 1.0) -> bytes:
    if DEBIAN_CHROMIUM.exists():  # kaleido reads the variable itself
        default_environment("BROWSER_PATH", str(DEBIAN_CHROMIUM))
    with _lock:  # one picture at a time through the one browser
        _start()
        try:
            with warnings.catch_warnings():  # plotly warns that its options go unused with a shared browser
                warnings.filterwarnings("ignore", message="The kopts argument is ignored", category=UserWarning)
                return fig.to_image(format="png", width=width, height=height, scale=scale)
        except Exception:
            _stop()
            raise
