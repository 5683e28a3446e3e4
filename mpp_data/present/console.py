"""Tables for a terminal (pure): aligned columns, headers and numbers in the reader's language.

The command line prints these instead of Python's own forms (``None``, ``{'range': [...]}``); its
``--json`` output stays JSON. Names, e-mails and audit text are anyone's text: everything printed goes
through :func:`printable` (or :func:`json_text`), so a control character shows as its escape and never
reaches the terminal (no ``ESC[2J``, no title change, no colour, no forged line of output).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re

import pandas as pd

from mpp_data.present.text import MESSAGES, format_date, format_number, t

#: What a terminal may act on or that reorders or breaks a line: C0 controls (newline and tab included),
#: DEL, C1 controls (U+0080..U+009F: U+009B is a one-character ESC [), the bidirectional embeddings,
#: overrides and isolates, the line and paragraph separators, and the invisible marks that steer them.
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
#: What :data:`UNSAFE` names that ``json.dumps`` leaves raw (it escapes every C0 control in a string).
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def printable(text: object) -> str:
    r"""``text`` as one harmless line: each control or direction character shown as its escape.

    >>> print(printable("Mall X\x1b[2J\nadmin  snapshot.withdrawn\u202e\x9b31m"))
    Mall X\x1b[2J\nadmin  snapshot.withdrawn\u202e\x9b31m
    """
    return UNSAFE.sub(_escape, str(text))


def printable_lines(text: str) -> str:
    """Text of several lines that the program joined (a table, a report): each line made
    :func:`printable`; the program's own line breaks stay."""
    return "\n".join(printable(line) for line in str(text).split("\n"))


def json_text(value: object, *, indent: int | None = 1) -> str:
    r"""``value`` as JSON for ``--json``: non-ASCII letters stay readable, but every character
    :data:`UNSAFE` names is a ``\u`` escape (``json`` itself leaves C1 and direction marks raw).

    >>> print(json_text({"name": "Mall\x9b\u202e“X”\n"}, indent=None))
    {"name": "Mall\u009b\u202e“X”\n"}
    """
    dumped = json.dumps(value, ensure_ascii=False, indent=indent, default=str)
    # outside strings JSON has only ASCII punctuation, spaces and line breaks, so every match is in a string
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


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
    return printable(value)


def header_text(column: str, lang: str) -> str:
    """A column identifier as the page's header (``column.*``); a header already in words stays."""
    return t(f"column.{column}", lang) if f"column.{column}" in MESSAGES else printable(column)


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
