"""The Overview's KPI changes as a tile shows them (pure).

Streamlit's ``st.metric`` reads a change's direction from its text: a leading ASCII "-" is down, the
literal "0" is no change, anything else is up. The typographic minus "−" reads as up, which once put
-126 on a green up arrow; so a change is written here with "-" and its sign kept beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from mpp_data.figures import round_half_away
from mpp_data.present.text import format_number


@dataclass(frozen=True)
class Change:
    """``text``: the change as shown (``+3``, ``-24,6 pp``, ``0``); ``sign``: -1, 0 or 1 as shown."""

    text: str
    sign: int


def compute_change(now: float, then: float, lang: str, decimals: int = 0, suffix: str = "") -> Change:
    """The change from ``then`` to ``now``, rounded as shown: a change that rounds to zero is no change.

    >>> compute_change(188, 314, "id")
    Change(text='-126', sign=-1)
    >>> compute_change(61.1, 36.5, "id", 1, " pp")
    Change(text='+24,6 pp', sign=1)
    >>> compute_change(36.51, 36.5, "en", 1, " pp")
    Change(text='0', sign=0)
    """
    delta = round_half_away(now - then, decimals)
    if delta == 0:
        return Change("0", 0)
    sign = 1 if delta > 0 else -1
    return Change(("+" if sign > 0 else "-") + format_number(abs(delta), lang, decimals) + suffix, sign)
