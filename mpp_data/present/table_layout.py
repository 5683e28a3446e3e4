"""How wide each column of a table on a page is drawn (pure: no Streamlit, no I/O).

Streamlit sizes a column to its longest text, and a table wider than its frame scrolls sideways: the
column a reader needs (Stage, Correction) sat beyond the right edge. Here every column gets a width in
proportion to what it holds, and when they do not fit together they shrink in proportion, so every
column is on screen; a long text ends in "…" and shows whole when its cell is opened.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

#: The width a table may take without scrolling sideways, in CSS pixels: a laptop's main column at
#: 1440 px (the screen less the sidebar and the page's margins), and a phone's 390 px less its margins.
TABLE_BUDGET = {"laptop": 960, "phone": 326}
_CHAR = 7.4  # px per character of the table's 14 px font, on average
_PAD = 26  # px of a cell's padding and its sort arrow
_MOST = 48  # characters: a longer text is not worth a wider column, it ends in "…"
NARROWEST = 28


def column_widths(
    frame: pd.DataFrame, labels: Mapping[str, str], budget: int, asked: Mapping[str, int] | None = None
) -> dict[str, int]:
    """Pixel width of each column of ``frame`` (``labels``: column -> header as shown), together at most
    ``budget`` while each keeps ``NARROWEST``. Each wants room for its header and for nine in ten of its
    values (the longest few end in "…"). ``asked``: columns a page wants at a width of its own (the check
    report's message); they keep it while the other columns fit beside them, else all shrink together."""
    asked = {c: w for c, w in (asked or {}).items() if c in frame.columns}
    wanted = {}
    sample = frame.head(500)
    for column in frame.columns:
        lengths = sample[column].astype(str).str.len()
        longest = lengths.quantile(0.9) if len(lengths) else 0
        header = len(str(labels.get(column, column)))
        wanted[column] = asked.get(column) or _PAD + _CHAR * min(max(header, float(longest)), _MOST)
    rest = {c: w for c, w in wanted.items() if c not in asked}
    room = budget - sum(asked.values())
    if asked and room >= NARROWEST * len(rest):
        return {**dict(asked), **_fit(rest, room)}
    return _fit(wanted, budget)


def _fit(wanted: Mapping[str, float], budget: int) -> dict[str, int]:
    """``wanted`` widths shrunk in proportion to fit ``budget``, each at least ``NARROWEST``."""
    total = sum(wanted.values())
    scale = min(1.0, budget / total) if total else 1.0
    widths = {column: max(NARROWEST, int(width * scale)) for column, width in wanted.items()}
    while sum(widths.values()) > budget and any(w > NARROWEST for w in widths.values()):
        widest = max(widths, key=widths.__getitem__)  # what NARROWEST added comes off the widest
        widths[widest] = max(NARROWEST, widths[widest] - (sum(widths.values()) - budget))
    return widths
