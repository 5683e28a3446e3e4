"""One number everywhere: how a figure is rounded, ordered and ranked (pure; imports nothing of the core).

The dashboard, the deck, the command line and the exports take shares, their rounding and the order of
provinces and agencies from here, so Papua Tengah's 1 of 8 reads the same on every one of them.

- A share is computed once from its two counts, to ``SHARE_DECIMALS`` decimals, **half away from
  zero** (12.5 of 1 of 8 stays 12.5; 1 of 16 is 6.3, never 6.2). Shown with fewer decimals, the share
  is rounded again by the same rule (12.5 -> 13), which is also what PowerPoint and Excel do with a
  number format, so a chart in the deck agrees with the same chart on a page.
- Ordered by share, highest first; equal shares (as shown) by code, lowest first. Ranks are
  competition ranks over the shown share: two provinces at 12.5 share rank 3, the next is 5.

>>> share_pct(1, 8), share_pct(1, 16), share_pct(0, 0)
(12.5, 6.3, 0.0)
>>> round_half_away(12.5), round_half_away(-0.25, 1), round_half_away(2.675, 2)
(13.0, -0.3, 2.68)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

SHARE_DECIMALS = 1


def round_half_away(value: float, decimals: int = 0) -> float:
    """``value`` to ``decimals`` decimals, a half away from zero, on the number as it is written
    (2.675 -> 2.68, where binary floating point would give 2.67). NaN stays NaN."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return value
    exact = Decimal(repr(float(value))) if not isinstance(value, (int, Decimal)) else Decimal(value)
    return float(exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def share_pct(part: float, whole: float) -> float:
    """``part`` of ``whole`` in percent, to ``SHARE_DECIMALS`` decimals; 0.0 of nothing."""
    if not whole:
        return 0.0
    exact = Decimal(repr(float(part))) * 100 / Decimal(repr(float(whole)))
    return float(exact.quantize(Decimal(1).scaleb(-SHARE_DECIMALS), rounding=ROUND_HALF_UP))


def shares_pct(parts: pd.Series, wholes: pd.Series) -> pd.Series:
    """``share_pct`` row by row; NaN where a part is missing."""
    values = [float("nan") if pd.isna(p) or pd.isna(w) else share_pct(p, w) for p, w in zip(parts, wholes, strict=True)]
    return pd.Series(values, index=parts.index, dtype=float)


def share_order(frame: pd.DataFrame, share: str, code: str) -> pd.DataFrame:
    """``frame`` ordered by ``share`` (highest first), equal shares by ``code``; the index kept."""
    return frame.sort_values([share, code], ascending=[False, True], kind="stable", na_position="last")


def share_order_key(share: float, code: str) -> tuple[float, str]:
    """The same order for plain rows: ``sorted(rows, key=lambda r: share_order_key(r["pct"], r["code"]))``."""
    return (-share if share == share else math.inf, code)


def share_ranks(shares: Sequence[float] | pd.Series) -> list[int]:
    """Competition ranks (1 = highest) of shares: equal shares share a rank.

    >>> share_ranks([50.0, 12.5, 12.5, 0.0])
    [1, 2, 2, 4]
    """
    values = list(shares)
    return [1 + sum(other > value for other in values) for value in values]
