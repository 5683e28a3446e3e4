"""Finding the table in a raw sheet: header row(s), column meanings, data rows (pure).

Exports put titles, merged cells and blank rows above the header, repeat the header on each printed
page and end with a TOTAL row; this module sees past all of that and counts what it skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd

from mpp_data.ingest.cells import DistinctCells, is_blank_cell
from mpp_data.ingest.layout import REASONS, layout_reasons, lead_kind, reason_code
from mpp_data.reference.agencies import match_agency
from mpp_data.reference.names import fold_text

#: Canonical field -> header wordings seen in exports (folded: lower case, single spaces).
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "row_number": ("no", "no.", "nomor", "no urut", "number", "#"),
    "region_code": (
        "kode wilayah",
        "kode",
        "kode kab kota",
        "kode kabupaten kota",
        "kode daerah",
        "kode kemendagri",
        "region code",
        "code",
        "kode bps",
    ),
    "region_name": (
        "kabupaten kota",
        "kab kota",
        "kabupaten",
        "kota",
        "daerah",
        "wilayah",
        "pemerintah daerah",
        "pemda",
        "nama daerah",
        "nama wilayah",
        "lokasi",
        "regency city",
        "regency",
        "city",
        "region",
        "district",
        "nama kabupaten kota",
    ),
    "province_name": ("provinsi", "propinsi", "prov", "province", "nama provinsi"),
    "mall_name": (
        "nama mpp",
        "mpp",
        "nama mal pelayanan publik",
        "mal pelayanan publik",
        "nama mal",
        "mall name",
        "mall",
        "name of mall",
        "nama",
        "name",
        "public service mall",
    ),
    "status": ("status", "status mpp", "keterangan status", "tahap", "progress", "progres", "kondisi"),
    "inaugurated_on": (
        "tanggal peresmian",
        "tgl peresmian",
        "peresmian",
        "tanggal diresmikan",
        "diresmikan",
        "tanggal launching",
        "tanggal operasional",
        "tanggal beroperasi",
        "inauguration date",
        "date of inauguration",
        "inaugurated",
        "opening date",
        "date opened",
        "tanggal",
        "date",
    ),
    "agencies": (
        "jumlah instansi",
        "instansi",
        "jml instansi",
        "jumlah tenant",
        "tenant",
        "number of agencies",
        "agencies",
        "agency count",
        "jumlah instansi tergabung",
    ),
    "services": (
        "jumlah layanan",
        "layanan",
        "jml layanan",
        "number of services",
        "services",
        "service count",
        "jenis layanan",
    ),
    "agency": (
        "nama instansi",
        "instansi pusat",
        "agency",
        "agency name",
        "tenant name",
        "nama tenant",
        "kementerian lembaga",
    ),
    "present": ("hadir", "tergabung", "ada", "present", "keberadaan", "status kehadiran", "participating", "bergabung"),
    "note": ("keterangan", "catatan", "ket", "notes", "note", "remarks"),
}

_SKIP_WORDS = ("total", "jumlah", "grand total", "sub total", "subtotal", "jumlah total")
_MAX_HEADER_SEARCH = 40


@lru_cache(maxsize=65536)
def fold_header(value: object) -> str:
    return fold_text(str(value), keep="#")  # "#" is a header: the row number column


_SYNONYM_INDEX = {fold_header(w): f for f, words in HEADER_SYNONYMS.items() for w in words}


@lru_cache(maxsize=65536)  # the header search reads the first rows of a sheet, marks and names repeat
def field_for_header(header: object) -> str | None:
    """The canonical field a header names, or None.

    >>> field_for_header("Tanggal Peresmian"), field_for_header("KAB/KOTA"), field_for_header("Foo")
    ('inaugurated_on', 'region_name', None)
    """
    folded = fold_header(header)
    if not folded:
        return None
    if folded in _SYNONYM_INDEX:
        return _SYNONYM_INDEX[folded]
    # "Tanggal Peresmian (dd/mm/yyyy)", "Jumlah Layanan*": the first words decide.
    for length in range(len(folded.split()) - 1, 0, -1):
        head = " ".join(folded.split()[:length])
        if head in _SYNONYM_INDEX and len(head) > 3:
            return _SYNONYM_INDEX[head]
    return None


@dataclass(frozen=True)
class LocatedTable:
    """Where the table sits in a sheet and what each column means.

    ``kind`` is ``malls``, ``participation_long``, ``participation_wide`` or ``unknown``.
    ``columns`` maps column index to a canonical field; ``agency_columns`` maps column index to the
    agency header as written (wide participation only).
    """

    sheet: str
    kind: str
    header_rows: tuple[int, ...]  # Excel row numbers of the header
    headers: dict[int, str]
    columns: dict[int, str]
    agency_columns: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class TableRows:
    """Data rows of a located table, and what was skipped and why.

    ``frame``: one row per data row kept: ``row`` (the Excel row number) and one column per used
    column index of the sheet, holding the raw cell values (object dtype).
    """

    frame: pd.DataFrame
    skipped: dict[str, int]
    #: The kept cells factorised, columns in the order of ``frame``'s after ``row``.
    distinct: DistinctCells
    #: reason -> the Excel row numbers skipped for it (reasons with none left out).
    skipped_rows: dict[str, list[int]] = field(default_factory=dict)

    def distinct_of(self, columns: list[int]) -> DistinctCells:
        """The distinct values of some columns, from the factorisation done when the table was read."""
        positions = [list(self.frame.columns[1:]).index(j) for j in columns]
        return DistinctCells(self.distinct.codes[:, positions], self.distinct.uniques)


def _cell_text(value: object) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, dt.date):
        return ""
    return str(value).strip()


def _header_candidates(rows: list[list[object]], index: int) -> list[tuple[tuple[int, ...], list[str]]]:
    """Row ``index`` alone, and joined with the row below (two-row headers with merged cells above)."""
    top = [_cell_text(v) for v in rows[index]]
    candidates: list[tuple[tuple[int, ...], list[str]]] = [((index,), top)]
    if index + 1 < len(rows):
        below = [_cell_text(v) for v in rows[index + 1]]
        width = max(len(top), len(below))
        top_filled, last = [], ""
        for j in range(width):
            value = top[j] if j < len(top) else ""
            # A merged header cell keeps its text in the first column only: carry it right
            # while the row below has sub-headers.
            last = value or (last if j < len(below) and below[j] else "")
            top_filled.append(last)
        # Per column: the sub-header alone when it names a field ("Provinsi" under "Lokasi"),
        # else both rows joined ("Tanggal" over "Peresmian"), else the top row.
        joined = []
        for j in range(width):
            sub = below[j] if j < len(below) else ""
            both = " ".join(p for p in (top_filled[j], sub) if p)
            if sub and (field_for_header(sub) or match_agency(sub)):
                joined.append(sub)
            elif both and (field_for_header(both) or match_agency(both)):
                joined.append(both)
            else:
                joined.append(top_filled[j] if j < len(top) and top[j] else both)
        candidates.append(((index, index + 1), joined))
    return candidates


def _interpret(headers: list[str]) -> tuple[dict[int, str], dict[int, str]]:
    columns: dict[int, str] = {}
    agencies: dict[int, str] = {}
    taken: set[str] = set()
    for j, header in enumerate(headers):
        if not header:
            continue
        field_name = field_for_header(header)
        if field_name and field_name not in taken:
            columns[j] = field_name
            taken.add(field_name)
        elif field_name is None and match_agency(header):
            agencies[j] = header
    return columns, agencies


def _score(columns: dict[int, str], agencies: dict[int, str]) -> float:
    fields = set(columns.values()) - {"row_number", "note"}
    return len(fields) + (min(len(agencies), 10) * 0.8 if len(agencies) >= 3 else 0)


def _kind(columns: dict[int, str], agencies: dict[int, str]) -> str:
    fields = set(columns.values())
    identifies_mall = bool(fields & {"region_code", "region_name", "mall_name"})
    if not identifies_mall:
        return "unknown"
    if len(agencies) >= 3:
        return "participation_wide"
    if "agency" in fields:
        return "participation_long"
    if fields & {"status", "inaugurated_on", "agencies", "services"}:
        return "malls"
    return "unknown"


def _settle_agency_column(
    columns: dict[int, str], headers: list[str], rows: list[list[object]], start: int
) -> dict[int, str]:
    """ "Instansi" heads a count of agencies in a mall list but agency names in a long list: look."""
    counts = [j for j, f in columns.items() if f == "agencies"]
    if not counts or "agency" in columns.values():
        return columns
    header = fold_header(headers[counts[0]])
    # Column numbers, units and a repeated header say nothing about what the column holds.
    sample = [
        r[counts[0]]
        for r in rows[start : start + 20]
        if counts[0] < len(r)
        and r[counts[0]] != ""
        and lead_kind(r[counts[0]]) is None
        and fold_header(r[counts[0]]) != header
    ]
    texts = [v for v in sample if isinstance(v, str) and not re.fullmatch(r"[\d.,\s-]*", v)]
    if sample and len(texts) > len(sample) / 2:
        return {**columns, counts[0]: "agency"}
    return columns


def locate_table(sheet: str, rows: list[list[object]]) -> LocatedTable:
    """The most convincing header among the first rows of a sheet, and what kind of table it heads."""
    best: tuple[float, tuple[int, ...], list[str], dict[int, str], dict[int, str]] | None = None
    single_scores: dict[int, float] = {}
    for index in range(min(len(rows), _MAX_HEADER_SEARCH)):
        for header_rows, headers in _header_candidates(rows, index):
            columns, agencies = _interpret(headers)
            score = _score(columns, agencies)
            if len(header_rows) == 1:
                single_scores[index] = score
            else:
                # A two-row header must do better than either of its rows alone.
                below = _score(*_interpret([_cell_text(v) for v in rows[index + 1]]))
                if score <= max(single_scores.get(index, 0), below):
                    continue
            if best is None or score > best[0]:
                best = (score, header_rows, headers, columns, agencies)
    if best is None or best[0] < 2:
        return LocatedTable(sheet=sheet, kind="unknown", header_rows=(), headers={}, columns={})
    _, header_rows, headers, columns, agencies = best
    columns = _settle_agency_column(columns, headers, rows, header_rows[-1] + 1)
    kind = _kind(columns, agencies)
    if kind == "participation_wide":
        # Other tenants sit among the agency columns with headers the MoU list does not know; a "Jumlah"
        # or "Ket." column beside the grid is not a tenant.
        for j, header in enumerate(headers):
            if header and j not in columns and j not in agencies and lead_kind(header) is None:
                agencies[j] = header
    return LocatedTable(
        sheet=sheet,
        kind=kind,
        header_rows=tuple(i + 1 for i in header_rows),
        headers={j: h for j, h in enumerate(headers) if h},
        columns=columns,
        agency_columns=agencies if kind == "participation_wide" else {},
    )


def _is_total_cell(value: object) -> bool:
    text = fold_header(_cell_text(value))
    return text in _SKIP_WORDS or text.startswith(("total ", "jumlah "))


def cell_block(rows: list[list[object]], width: int) -> np.ndarray:
    """Rows as a 2-D object array exactly ``width`` columns wide; short rows padded with None."""
    if rows and len({len(r) for r in rows}) == 1 and len(rows[0]) >= width:
        block = np.empty((len(rows), len(rows[0])), dtype=object)
        block[:] = rows  # element-wise, so cells that are sequences stay single cells
        return block[:, :width]
    block = np.full((len(rows), width), None, dtype=object)
    for i, row in enumerate(rows):
        cut = row[:width]
        block[i, : len(cut)] = cut
    return block


def _may_be_total_cell(value: object) -> bool:
    """``_is_total_cell``, asked only of text that can be one: every total word holds these."""
    if not isinstance(value, str):
        return False  # numbers and dates fold to digits or nothing
    if value.isascii() and not any(w in value.lower() for w in ("total", "jumlah")):
        return False
    return _is_total_cell(value)


def _repeated_header_rows(
    table: LocatedTable, meaningful: list[int], codes: np.ndarray, empty: np.ndarray, cells: DistinctCells
) -> np.ndarray:
    """Rows that repeat the header (on each printed page): every cell empty or its column's header,
    at least two of them the header. Column by column over the rows still in question, so the cells
    of a 2,000-row table are folded only while some row can still be a header."""
    candidates = np.arange(len(codes))
    matches = np.zeros(len(codes), dtype=int)
    for position, j in enumerate(meaningful):
        header = fold_header(table.headers.get(j, ""))
        values = codes[candidates, position]
        if header:
            same = cells.answers_for(values, lambda v, h=header: fold_header(_cell_text(v)) == h)  # type: ignore[misc]
        else:
            same = np.zeros(len(values), dtype=bool)
        keep = same | empty[candidates, position]
        matches[candidates[same]] += 1
        candidates = candidates[keep]
        if not len(candidates):
            break
    repeated = np.zeros(len(codes), dtype=bool)
    repeated[candidates] = matches[candidates] >= 2
    return repeated


def table_rows(table: LocatedTable, rows: list[list[object]]) -> TableRows:
    """Data rows below the header; rows of the layout that carry no mall (blank, column numbers, units,
    repeated header, totals, notes, signatures) are skipped and counted by reason (``layout.REASONS``)."""
    used = sorted(set(table.columns) | set(table.agency_columns))
    skipped = dict.fromkeys(REASONS, 0)
    if not table.header_rows:
        none = DistinctCells.of(np.empty((0, len(used)), dtype=object))
        return TableRows(pd.DataFrame(columns=["row", *used]), skipped, none)
    start = table.header_rows[-1]
    width = max([*used, 3]) + 1
    block = cell_block(rows[start:], width)
    cells = DistinctCells.of(block)
    block[cells.codes == -1] = None  # NaN and None alike
    meaningful = [j for j in used if table.columns.get(j) not in ("row_number", "note")]
    every_empty = cells.answers(is_blank_cell, bool)[cells.codes]
    empty = every_empty[:, meaningful]
    codes = cells.codes[:, meaningful]
    blank = empty.all(axis=1)
    total = cells.answers_for(cells.codes[:, : min(width, 4)], _may_be_total_cell).any(axis=1)
    repeated = _repeated_header_rows(table, meaningful, codes, empty, cells) & ~blank
    reasons = layout_reasons(block, cells, every_empty, table.columns, total & ~blank)
    reasons[repeated] = reason_code("repeated_header")
    reasons[blank & (reasons == 0)] = reason_code("blank")
    tally = np.bincount(reasons, minlength=len(REASONS) + 1)
    skipped_rows = {}
    for reason in REASONS:
        skipped[reason] = int(tally[reason_code(reason)])
        if skipped[reason]:
            skipped_rows[reason] = (np.flatnonzero(reasons == reason_code(reason)) + start + 1).tolist()
    keep = reasons == 0
    frame = pd.DataFrame(block[keep][:, used], columns=used, dtype=object)
    frame.insert(0, "row", np.flatnonzero(keep) + start + 1)
    return TableRows(frame, skipped, DistinctCells(cells.codes[keep][:, used], cells.uniques), skipped_rows)


IGNORED = "ignore"


def apply_column_overrides(table: LocatedTable, overrides: dict[str, str]) -> LocatedTable:
    """The table with an analyst's corrections: header as written -> field, ``agency`` or ``ignore``."""
    if not overrides:
        return table
    columns = dict(table.columns)
    agencies = dict(table.agency_columns)
    for j, header in table.headers.items():
        wanted = overrides.get(header)
        if wanted is None:
            continue
        columns.pop(j, None)
        agencies.pop(j, None)
        if wanted == "agency" and table.kind == "participation_wide":
            agencies[j] = header
        elif wanted != IGNORED:
            for other, name in list(columns.items()):
                if name == wanted:  # one column per field: the correction wins
                    columns.pop(other)
            columns[j] = wanted
    kind = _kind(columns, agencies)
    if kind != "participation_wide":
        agencies = {}
    return LocatedTable(table.sheet, kind, table.header_rows, table.headers, columns, agencies)
