"""An analyst's corrections of single cells, and rows left out on purpose (pure).

A correction replaces a raw cell before the rows are checked, so the corrected value meets the same
rules as any written one. A row left out is taken out before the check, with the analyst's reason.
Both are recorded as plain data, kept with the snapshot:

- a correction: file, sheet, row (Excel), column (header as written), written, corrected
- a row left out: file, sheet, row, reason, values ({header as written: cell as text})

>>> written_text(dt.date(2023, 3, 1)), written_text(12.0), written_text(None)
('2023-03-01', '12', '')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import numpy as np

from mpp_data.ingest.cells import DistinctCells, is_blank_cell
from mpp_data.ingest.tables import LocatedTable, TableRows

#: (file, sheet, Excel row, column header as written) -> the corrected text, or (the text the cell held
#: when the correction was made, the corrected text): a correction whose cell no longer holds that text
#: is dropped with a message. ``file`` is the file's sha256 (what the Upload page gives: a correction
#: belongs to a file's content, never its name), or a name that only one of the uploaded files has.
CellKey = tuple[str, str, int, str]
#: (file, sheet, Excel row) -> why the analyst left the row out; ``file`` as in ``CellKey``.
RowKey = tuple[str, str, int]

#: The reason recorded for rows ``ingest --exclude-rejected`` leaves out.
REJECTED_BY_CHECK = "rejected by the check"


def written_text(value: object) -> str:
    """A raw cell as the analyst reads it: dates as ISO dates, whole numbers without ``.0``."""
    if is_blank_cell(value):
        return ""
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def correct_cells(
    table: LocatedTable, rows: list[list[object]], corrections: Mapping[tuple[int, str], str]
) -> tuple[list[list[object]], list[dict]]:
    """``rows`` with the corrected cells replaced ((Excel row, header as written) -> text), and a record of
    each correction that changed a cell below the header (row, column, written, corrected). ``rows``
    itself is left unchanged; a correction naming no column of the table or a row above it is ignored."""
    if not corrections:
        return rows, []
    by_header = {h: j for j, h in table.headers.items()}
    first_data_row = (table.header_rows[-1] + 1) if table.header_rows else 1
    patched = list(rows)
    records = []
    for (row, header), corrected in sorted(corrections.items()):
        j = by_header.get(header)
        if j is None or row < first_data_row or row > len(rows):
            continue
        cells = list(patched[row - 1])
        cells += [""] * (j + 1 - len(cells))
        written = written_text(cells[j])
        if written == corrected.strip():
            continue
        cells[j] = corrected.strip()
        patched[row - 1] = cells
        records.append({"row": row, "column": header, "written": written, "corrected": corrected.strip()})
    return patched, records


def drop_stale(
    table: LocatedTable, rows: list[list[object]], corrections: Mapping[tuple[int, str], tuple[str | None, str]]
) -> tuple[dict[tuple[int, str], str], list[dict]]:
    """The corrections whose cell still holds the text they were made for ((row, header) -> corrected),
    and a record of each other one (row, column, written: what it was made for, value: what the cell
    holds now, corrected). A correction made without the text (``None``) always applies."""
    by_header = {h: j for j, h in table.headers.items()}
    fresh, stale = {}, []
    for (row, header), (expected, corrected) in corrections.items():
        j = by_header.get(header)
        cells = rows[row - 1] if 0 < row <= len(rows) else []
        now = written_text(cells[j]) if j is not None and j < len(cells) else ""
        if expected is None or now == expected.strip() or now == corrected.strip():
            fresh[(row, header)] = corrected
        else:
            stale.append({"row": row, "column": header, "written": expected, "value": now, "corrected": corrected})
    return fresh, stale


def leave_out_rows(table: LocatedTable, data: TableRows, reasons: Mapping[int, str]) -> tuple[TableRows, list[dict]]:
    """``data`` without the rows left out (Excel row -> reason), counted as skipped ``left_out``, and a
    record of each: row, reason and its cells as written ({header: text}, empty cells left out)."""
    if not reasons or data.frame.empty:
        return data, []
    rows = data.frame["row"].to_numpy()
    out = np.isin(rows, np.fromiter(reasons, dtype=int))
    if not out.any():
        return data, []
    records = []
    for _, row in data.frame[out].iterrows():
        values = {table.headers[j]: written_text(row[j]) for j in data.frame.columns[1:] if j in table.headers}
        records.append(
            {
                "row": int(row["row"]),
                "reason": reasons[int(row["row"])],
                "values": {h: v for h, v in values.items() if v},
            }
        )
    kept = data.frame[~out].reset_index(drop=True)
    distinct = DistinctCells(data.distinct.codes[~out], data.distinct.uniques)
    skipped = {**data.skipped, "left_out": data.skipped.get("left_out", 0) + int(out.sum())}
    return TableRows(kept, skipped, distinct), records
