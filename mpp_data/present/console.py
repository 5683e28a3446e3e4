"""Tables for a terminal (pure): aligned columns, headers and numbers in the reader's language.

The command line prints these instead of Python's own forms (``None``, ``{'range': [...]}``); its
``--json`` output stays JSON.
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from mpp_data.present.text import MESSAGES, format_date, format_number, t


def cell_text(value: object, lang: str) -> str:
    """One value as a person reads it: ``1.234``, ``58,8``, ``24 Juni 2024``, ``ya``; ``–`` when missing.

    >>> cell_text(1234, "id"), cell_text(58.75, "en"), cell_text(None, "id"), cell_text(True, "en")
    ('1.234', '58.8', '–', 'yes')
    """
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, bool):
        return t("cli.yes" if value else "cli.no", lang)
    if isinstance(value, int):
        return format_number(value, lang)
    if isinstance(value, float):
        return format_number(value, lang, decimals=1)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if hasattr(value, "item"):  # a numpy scalar
        return cell_text(value.item(), lang)
    return str(value)


def header_text(column: str, lang: str) -> str:
    """A column identifier as the page's header (``column.*``); a header already in words stays."""
    return t(f"column.{column}", lang) if f"column.{column}" in MESSAGES else column


def render_table(frame: pd.DataFrame, lang: str) -> str:
    """``frame`` as aligned text: one header line, a rule, one line per row; numbers right-aligned."""
    headers = [header_text(str(c), lang) for c in frame.columns]
    columns = [[cell_text(v, lang) for v in frame[c].tolist()] for c in frame.columns]
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c]) for c in frame]
    widths = [max([len(h), *map(len, cells)]) for h, cells in zip(headers, columns, strict=True)]

    def line(cells: list[str]) -> str:
        parts = [c.rjust(w) if right else c.ljust(w) for c, w, right in zip(cells, widths, numeric, strict=True)]
        return "  ".join(parts).rstrip()

    rows = [line(list(row)) for row in zip(*columns, strict=True)] if columns else []
    return "\n".join([line(headers), "  ".join("-" * w for w in widths), *rows])
