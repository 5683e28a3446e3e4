"""A plotly figure as a PNG, drawn offline by kaleido 1.x in a local Chromium (no network).

kaleido drives a headless Chromium over a loopback connection; ``BROWSER_PATH`` names the browser.
Debian's ``/usr/bin/chromium`` is used when the variable is unset.
"""

from __future__ import annotations

from pathlib import Path

import plotly.graph_objects as go

from mpp_data.config import default_environment

DEBIAN_CHROMIUM = Path("/usr/bin/chromium")


def figure_png(fig: go.Figure, width: int, height: int, scale: float = 1.0) -> bytes:
    if DEBIAN_CHROMIUM.exists():  # kaleido reads the variable itself
        default_environment("BROWSER_PATH", str(DEBIAN_CHROMIUM))
    return fig.to_image(format="png", width=width, height=height, scale=scale)
