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
import pandas as pd

from mpp_data.ingest.cells import DistinctCells
from mpp_data.ingest.values import BadValue, DateReading, month_number, normalise_status, read_date
from mpp_data.reference.names import region_from_mall_name
from mpp_data.reference.regions import RegionMatcher

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
#: Everything ``lead_kind`` recognises starts like this: most cells (names, marks) are passed over at once.
_MAYBE = re.compile(
    r"[(\[*\d]|sub|grand|total|jumlah|jml|ket|catatan|cat|sumber|source|note|nb|n\.b|legend|info|data|keadaan|"
    r"status|update|diperbarui|kepala|pl[th]|pj|deputi|sekr|sekda|direktur|asisten|kabid|kasub|kasi|camat|bupati|"
    r"wali|gubernur|menteri|ketua|koordinator|an\b|a\.n|atas|u\.b|mengetahui|menyetujui|disetujui|dibuat|disusun|"
    r"diperiksa|pejabat|penanggung|pembina|penata|ttd|t\.t\.d|nip|nrp|nik|orang|unit|buah|bh|jenis|instansi|layanan|"
    r"tenant|gerai|loket|%|persen|rp|rupiah|hari|bulan|tahun|tgl|tanggal|dd|hh|teks|text|angka|number|date|ya|yes|"
    r"[a-z][a-z .'\-]{1,40},"
)
_MALL_WORDS = re.compile(r"\b(mpp|mal|mall|pelayanan publik|layanan terpadu)\b", re.IGNORECASE)


def reason_code(reason: str) -> int:
    """``REASONS`` as small numbers: 0 keeps a row."""
    return REASONS.index(reason) + 1


_KINDS = (None, "number", "units", "total", "note", "signature")
_KIND_NUMBERS = {kind: number for number, kind in enumerate(_KINDS)}
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
    text = value.strip().lower()
    if not text or not _MAYBE.match(text):
        return None
    text = re.sub(r"\s+", " ", text)
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
    return int(value) if isinstance(value, int | float) else int(_NUMBER.match(str(value).strip())[1])


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
    if _MALL_WORDS.search(text):  # "Jumlah Layanan Terpadu MPP Kota Malang": the region after the mall words
        after = _MALL_WORDS.split(text, maxsplit=1)[-1].strip(" ()-:")
        found = matcher.match_name(region_from_mall_name(after) or after)
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
    """Per row of ``block`` (the cells below the header): the reason it is a layout row, as its position
    in ``REASONS`` plus one (``reason_code``), or 0 for a row that may hold a mall. Repeated headers and
    blank rows are the caller's to find.

    ``empty``: cell by cell, whether it is blank; ``total``: rows with a total word in their first cells.
    Only rows that can be layout rows are looked at one by one: a national list of 2,000 malls has few.
    """
    n = len(block)
    reasons = np.zeros(n, dtype=np.int8)
    if not n:
        return reasons
    filled = ~empty
    counts = filled.sum(axis=1)
    rows = np.arange(n)
    first = filled.argmax(axis=1)
    filled[rows, first] = False  # for the second filled cell; put back below
    second = filled.argmax(axis=1)
    filled[rows, first] = counts > 0
    first_codes, second_codes = cells.codes[rows, first], cells.codes[rows, second]
    # What each distinct first or second cell says, as a small number (compared fast over many rows).
    asked = cells.answers(lambda v: _KIND_NUMBERS[lead_kind(v)], at=np.concatenate([first_codes, second_codes]))
    kinds = pd.Series(asked).fillna(0).to_numpy(dtype=np.int8)
    lead = np.where(counts > 0, kinds[first_codes], 0)
    numbers = (lead == _KIND_NUMBERS["number"]) & (counts >= 3) & (kinds[second_codes] == _KIND_NUMBERS["number"])
    layout_lead = lead >= _KIND_NUMBERS["units"]
    candidates = numbers | layout_lead | total
    # Short rows are looked at only below the first note or signature line, which they may continue.
    starts = np.flatnonzero(lead >= _KIND_NUMBERS["note"])
    short = (counts <= _CONTINUATION_CELLS) & (rows > starts[0]) if len(starts) else False
    trailer: str | None = None  # the note or signature the rows below may continue
    for i in np.flatnonzero(candidates | short):
        if counts[i] == 0:
            continue
        row = {int(j): block[i, j] for j in np.flatnonzero(filled[i])}
        reason = _reason(row, _KINDS[lead[i]], bool(total[i]), columns)
        if reason is None and trailer and counts[i] <= _CONTINUATION_CELLS and not _carries_mall(row, columns):
            reason = trailer
        if reason in ("note", "signature"):
            trailer = reason
        elif reason is None and candidates[i]:
            trailer = None
        reasons[i] = reason_code(reason) if reason else 0
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
