"""Rows of a printed layout that carry no mall: why each one is skipped (pure).

Ministry and regional exports are made to be printed: a row of column numbers under the header
(``(1) (2) (3)``), a row of units, totals and subtotals, notes and legends under the table (``Ket:``,
``Sumber:``, ``*)``) and a signature block (place and date, position title, ``ttd``, a name,
``NIP.``). The rule is general, not a list of layouts: a row whose first cell reads as one of these
and that carries no mall is skipped; a row carries a mall when its status or date cell reads as one,
or a region or mall cell names an official region. Notes and signatures run to several lines, so the
short rows after one are read as part of it while they carry no mall.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from mpp_data.ingest.cells import DistinctCells
from mpp_data.ingest.values import BadValue, DateReading, month_number, normalise_status, read_date
from mpp_data.reference.regions import RegionMatcher, region_from_mall_name

#: Why a row was skipped, in the order the report lists them.
REASONS = ("column_numbers", "units", "repeated_header", "total", "note", "signature", "blank")

_NUMBER = re.compile(r"^[(\[]?\s*(\d{1,2})\s*[)\].]?$")
_TOTAL = re.compile(r"^(sub\s*-?\s*total|grand total|total|jumlah|jml\.?)\b")
_NOTE = re.compile(
    r"^(ket|keterangan|catatan|cat|sumber|source|sources|note|notes|nb|n\.b|legenda|legend|info|informasi"
    r"|data per|keadaan per|status per|update|diperbarui)\s*[:.\-=]"
    r"|^\*+\s*\)?|^\(\*+\)|^\d{1,2}\)\s+\w|^(keterangan|catatan|legenda|legend|notes?)$"
)
_SIGNATURE = re.compile(
    r"^(kepala|plt|plh|pj|pjs|deputi|sekretaris|sekda|direktur|asisten|kabid|kasubag|kasubbag|kasi|camat|bupati"
    r"|wali ?kota|gubernur|menteri|ketua|koordinator|an\.|a\.n\.?|atas nama|u\.b\.?|mengetahui|menyetujui|disetujui"
    r"|dibuat oleh|disusun oleh|diperiksa|pejabat|penanggung ?jawab|pembina|penata|ttd|t\.t\.d|nip|nrp|nik)\b"
)
_PLACE_DATE = re.compile(r"^[a-z][a-z .'\-]{1,40},\s*(\d{1,2}\s+)?([a-z]+)\.?\s+\d{4}$")
_UNITS = re.compile(
    r"^\(.{1,25}\)$|^\[.{1,25}\]$|^(orang|unit|buah|bh|jenis|instansi|layanan|tenant|gerai|loket|%|persen|rp|"
    r"rupiah|hari|bulan|tahun|tgl|tanggal|dd[/\-.]mm[/\-.]yy(yy)?|hh[/\-.]bb[/\-.]tt(tt)?|tgl[/\-.]bln[/\-.]thn|"
    r"teks|text|angka|number|date|ya/tidak|yes/no)$"
)
_MALL_WORDS = re.compile(r"\b(mpp|mal|mall|pelayanan publik|layanan terpadu)\b", re.IGNORECASE)
#: Rows after a note or signature line taken as part of it: a legend or a name spans few cells.
_CONTINUATION_CELLS = 3


def lead_kind(value: object) -> str | None:
    """What a row's first cell says it is: ``number``, ``units``, ``total``, ``note``, ``signature``,
    or None (the row may hold a mall).

    >>> [lead_kind(v) for v in ("(1)", 2, "Ket: v = bergabung", "Jakarta, 12 Desember 2024", "Kota Medan")]
    ['number', 'number', 'note', 'signature', None]
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return "number" if float(value).is_integer() and 0 <= value < 100 else None
    if not isinstance(value, str):
        return None
    text = re.sub(r"\s+", " ", value.strip().lower())
    if not text:
        return None
    if _NUMBER.match(text):
        return "number"
    if _TOTAL.match(text):
        return "total"
    if _NOTE.match(text):
        return "note"
    if _SIGNATURE.match(text) or ((match := _PLACE_DATE.match(text)) and month_number(match[2])):
        return "signature"
    if _UNITS.match(text):
        return "units"
    return None


def _number(value: object) -> int | None:
    if lead_kind(value) != "number":
        return None
    return int(value) if isinstance(value, int | float) else int(_NUMBER.match(value.strip())[1])


def _column_numbers(cells: list[tuple[int, object]]) -> bool:
    """``(1) (2) (3) …`` or ``1 2 3 …``: every cell a small number, counting up by one, or counting the
    columns (merged columns leave gaps)."""
    numbers = [_number(v) for _, v in cells]
    if len(cells) < 3 or any(n is None for n in numbers):
        return False
    steps = {b - a for a, b in zip(numbers, numbers[1:], strict=False)}
    offsets = {n - j for n, (j, _) in zip(numbers, cells, strict=True)}
    return steps == {1} or len(offsets) == 1


@lru_cache(maxsize=1)
def _official() -> RegionMatcher:
    return RegionMatcher({})


def _names_region(value: object) -> bool:
    """A cell that names an official region exactly (code, name or curated alias), or a mall named after one."""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        return False
    text = str(value).strip()
    if not text:
        return False
    matcher = _official()
    match = matcher.match_name(text)
    if match.matched and match.method != "fuzzy":
        return True
    if _MALL_WORDS.search(text):
        after = region_from_mall_name(_MALL_WORDS.split(text, maxsplit=1)[-1].strip()) or re.sub(
            r"^.*?\b(mpp|mal|mall|pelayanan publik|layanan terpadu)\b[\s()]*", "", text, flags=re.IGNORECASE
        )
        found = matcher.match_name(after.strip(" ()-:"))
        return found.matched and found.method != "fuzzy"
    return False


def _carries_mall(cells: dict[int, object], columns: dict[int, str]) -> bool:
    """Whether a row holds a mall: a status or date that reads as one, or a region named in its region
    or mall cells."""
    for j, value in cells.items():
        field = columns.get(j)
        try:
            if field == "status" and normalise_status(value) is not None:
                return True
            if field == "inaugurated_on" and isinstance(read_date(value), DateReading):
                return True
        except BadValue:
            pass
        if field in ("region_code", "region_name", "mall_name") and _names_region(value):
            return True
    return False


def layout_reasons(
    block: np.ndarray, cells: DistinctCells, empty: np.ndarray, columns: dict[int, str], total: np.ndarray
) -> np.ndarray:
    """Per row of ``block`` (the cells below the header): the reason it is a layout row (one of
    ``REASONS`` but ``repeated_header`` and ``blank``), or "" for a row that may hold a mall.

    ``empty``: cell by cell, whether it is blank; ``total``: rows with a total word in their first cells.
    Only rows that can be layout rows are looked at one by one: a national list of 2,000 malls has few.
    """
    n = len(block)
    reasons = np.full(n, "", dtype=object)
    if not n:
        return reasons
    filled = ~empty
    counts = filled.sum(axis=1)
    first = filled.argmax(axis=1)
    rest = filled.copy()
    rest[np.arange(n), first] = False
    second = rest.argmax(axis=1)
    codes = cells.codes
    first_codes = codes[np.arange(n), first]
    second_codes = codes[np.arange(n), second]
    kinds = cells.answers(lead_kind, object, at=np.concatenate([first_codes, second_codes]))
    lead = np.where(counts > 0, kinds[first_codes], None)
    numbers = (lead == "number") & (counts >= 3) & (kinds[second_codes] == "number")
    candidates = numbers | np.isin(lead, ["units", "total", "note", "signature"]) | total
    # Short rows are looked at only below the first note or signature line, which they may continue.
    starts = np.flatnonzero(np.isin(lead, ["note", "signature"]))
    short = (counts <= _CONTINUATION_CELLS) & (np.arange(n) > starts[0]) if len(starts) else False
    trailer: str | None = None  # the note or signature the rows below may continue
    for i in np.flatnonzero(candidates | short):
        if counts[i] == 0:
            continue
        row = {int(j): block[i, j] for j in np.flatnonzero(filled[i])}
        reason = _reason(row, lead[i], bool(total[i]), columns)
        if reason is None and trailer and counts[i] <= _CONTINUATION_CELLS and not _carries_mall(row, columns):
            reason = trailer
        if reason in ("note", "signature"):
            trailer = reason
        elif reason is None and candidates[i]:
            trailer = None
        reasons[i] = reason or ""
    return reasons


def _reason(row: dict[int, object], lead: str | None, total: bool, columns: dict[int, str]) -> str | None:
    cells = sorted(row.items())
    if lead == "number" and _column_numbers(cells):
        return "column_numbers"
    if lead == "units" and all(lead_kind(v) in ("units", None) and not _names_region(v) for _, v in cells):
        if all(lead_kind(v) == "units" for _, v in cells) and not _carries_mall(row, columns):
            return "units"
        return None
    if lead in ("note", "signature"):
        # The first cell is the note; a mall beside it (a remark in front of a row) keeps the row.
        rest = dict(cells[1:])
        return None if _carries_mall(rest, columns) else lead
    if lead == "total" or total:
        # "Jumlah", "Sub Total", "Total Provinsi Jawa Timur": a mall named "Jumlah Layanan Terpadu MPP Kota
        # Malang" or a row with its own region is a mall.
        return None if _carries_mall(row, columns) else "total"
    return None
