"""The date an export's figures describe, read from its title or notes rows (pure).

Exports say it above the table or in a note under it: ``Keadaan s.d. 31 Desember 2024``, ``Posisi per
30 Nov 2025``, ``Data per 1 Desember 2025``, ``As of 30 November 2025``, ``Keadaan per Desember 2025``
(a month alone: its last day). Only a date that follows one of these words counts: a title naming a
year ("Rekap 2024") or a signature's place and date ("Jakarta, 5 Januari 2025") says nothing about it.

>>> read_data_date(["REKAPITULASI MPP", "Keadaan s.d. 31 Desember 2024"])
datetime.date(2024, 12, 31)
>>> read_data_date(["Posisi per 30 Nov 2025"]), read_data_date(["As of Nov 2025"])
(datetime.date(2025, 11, 30), datetime.date(2025, 11, 30))
>>> read_data_date(["Jakarta, 5 Januari 2025"]) is None
True
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable

from mpp_data.ingest.values import MONTH, BadValue, DateReading, read_date

_MARKER = r"(?:keadaan|posisi|kondisi|data|status|update|updated|pembaruan|as of|as at|situation as of|position as of)"
_LINK = r"\s*(?:(?:per|s\s*/?\s*d|sampai(?:\s+dengan)?|hingga|tanggal|tgl|on|at|of|:|-|–)\s*)*"
_DATE = (
    r"(\d{1,2}\s+[a-z]+\s+\d{4}|[a-z]+\s+\d{1,2}\s*,?\s*\d{4}|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}"
    r"|\d{4}-\d{1,2}-\d{1,2}|[a-z]+\s+\d{4})"
)
_PATTERN = re.compile(rf"\b{_MARKER}\b{_LINK}{_DATE}\b")


def _clean(text: str) -> str:
    text = text.lower().replace("s.d.", "s/d").replace("s.d", "s/d")
    return re.sub(r"\s+", " ", re.sub(r"(?<=[a-z])\.(?=\s)", "", text))


def data_date_in(text: str) -> dt.date | None:
    """The date one title or note line gives the data, or None."""
    for match in _PATTERN.finditer(_clean(text)):
        try:
            reading = read_date(match.group(1).replace(",", ""))
        except BadValue:  # "Data tahun 2024": a word and a year, no date
            continue
        if not isinstance(reading, DateReading):
            continue
        if reading.precision == MONTH:
            last = calendar.monthrange(reading.on.year, reading.on.month)[1]
            return reading.on.replace(day=last)
        return reading.on
    return None


def read_data_date(lines: Iterable[object]) -> dt.date | None:
    """The first data date the lines (title and notes cells) give; None when none does."""
    for line in lines:
        if isinstance(line, str) and line.strip():
            found = data_date_in(line)
            if found is not None:
                return found
    return None
