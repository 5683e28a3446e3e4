"""Cell values as exports write them: dates, counts, statuses, participation marks (pure)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

EXCEL_EPOCH = dt.date(1899, 12, 30)

_MONTHS = {
    # Indonesian
    "januari": 1,
    "februari": 2,
    "pebruari": 2,
    "maret": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "agustus": 8,
    "september": 9,
    "oktober": 10,
    "nopember": 11,
    "november": 11,
    "desember": 12,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "agust": 8,
    "okt": 10,
    "des": 12,
    "nop": 11,
    "peb": 2,
    "sept": 9,
    # English
    "january": 1,
    "february": 2,
    "march": 3,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "october": 10,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

_ISO = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T].*)?$")
_WEEKDAY = re.compile(
    r"^(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday|sen|sel|rab|kam|jum|sab|min|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?\s*,?\s+"
)
_TIME = r"(?:[ T]+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?"
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})" + _TIME + "$")
_DAY_MONTH_NAME = re.compile(r"^(\d{1,2})[\s\-.]+([a-z]+)\.?[\s\-.,]+(\d{2}|\d{4})$")
_MONTH_NAME_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")
# Month precision: "Maret 2023", "Agu 2024", "Mar-23", "2023-03", "03/2023".
_MONTH_NAME_YEAR = re.compile(r"^([a-z]+)\.?[\s\-.,/']+(\d{2}|\d{4})$")
_YEAR_MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[-/.](\d{4})$")
# A date cell saying there is no date yet. Words that also name a stage ("ditunda", "rencana 2025",
# "belum") carry that stage; see ``read_date``.
_PLACEHOLDER = re.compile(
    r"^(tba|tbc|tbd|n/?a|na|nil|none|null|-+|–|—|\?+|x|belum.*|menyusul|akan (ditentukan|diresmikan|menyusul).*"
    r"|ditunda.*|tertunda.*|postponed.*|rencana.*|direncanakan.*|dalam proses.*|proses.*|to be (announced|confirmed"
    r"|determined)|not yet.*|pending|tidak ada|kosong|segera)$"
)

_PLANNED_PLACEHOLDER = re.compile(r"^(ditunda|tertunda|postponed|rencana|direncanakan|belum|not yet|akan)")

DAY, MONTH = "day", "month"
DAY_FIRST, MONTH_FIRST = "day_first", "month_first"


class BadValue(ValueError):
    """A cell that cannot be read as the type its column asks for."""


@dataclass(frozen=True)
class DateReading:
    """A date as written: ``on`` (the first day of the month at month precision) and ``precision``."""

    on: dt.date
    precision: str = DAY


@dataclass(frozen=True)
class DatePlaceholder:
    """A date cell holding a word instead of a date (``Ditunda``, ``TBA``); ``status`` the stage it names."""

    written: str
    status: str | None


def month_number(word: str) -> int | None:
    """The month an Indonesian or English month name or abbreviation names (``agu`` -> 8), or None."""
    return _MONTHS.get(word.lower().rstrip("."))


def _is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and value != value:  # NaN
        return True
    return isinstance(value, str) and value.strip() in ("", "-", "–", "—")


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def parse_date(value: object) -> dt.date | None:
    """A date from an Excel date cell, a serial number or text; None for a blank cell or a placeholder.

    >>> parse_date("24 Juni 2024"), parse_date("03/12/2024"), parse_date(45467)
    (datetime.date(2024, 6, 24), datetime.date(2024, 12, 3), datetime.date(2024, 6, 24))
    """
    reading = None if _is_blank(value) else read_date(value)
    return reading.on if isinstance(reading, DateReading) else None


def read_date(value: object, order: str = DAY_FIRST) -> DateReading | DatePlaceholder | None:
    """A date cell read: the date and its precision, a placeholder word, or None for an empty cell.
    ``order`` says how ``03/12/2024`` reads (``date_order`` decides it per column).

    >>> read_date("Maret 2023"), read_date("09/26/2023", MONTH_FIRST).on, read_date("Ditunda")
    (DateReading(on=datetime.date(2023, 3, 1), precision='month'), datetime.date(2023, 9, 26), \
DatePlaceholder(written='Ditunda', status='planned'))
    """
    if value is None or (isinstance(value, float) and value != value) or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return DateReading(value.date())
    if isinstance(value, dt.date):
        return DateReading(value)
    if isinstance(value, bool):
        raise BadValue(value)
    if isinstance(value, int | float):
        # Serial numbers from about 1955 to 2119 only: anything else is not a date someone typed.
        if 20000 <= value <= 80000 and float(value).is_integer():
            return DateReading(EXCEL_EPOCH + dt.timedelta(days=int(value)))
        raise BadValue(value)
    written = str(value).strip()
    text = _WEEKDAY.sub("", re.sub(r"\s+", " ", written.lower()))  # "Senin, 24 Juni 2024"
    try:
        reading = _read_text_date(text, order)
    except ValueError as exc:  # 31/02/2024 and the like
        raise BadValue(value) from exc
    if reading:
        return reading
    if _PLACEHOLDER.match(text):
        # Postponed, planned, "not yet", "will be inaugurated": no date, and not operating yet.
        return DatePlaceholder(written, PLANNED if _PLANNED_PLACEHOLDER.match(text) else None)
    raise BadValue(value)


def _read_text_date(text: str, order: str) -> DateReading | None:
    """A date written as text (lower case, no weekday), or None when it is written in no known form."""
    if match := _ISO.match(text):
        return DateReading(dt.date(int(match[1]), int(match[2]), int(match[3])))
    if match := _DAY_FIRST.match(text):
        first, second = int(match[1]), int(match[2])
        day, month = (second, first) if order == MONTH_FIRST else (first, second)
        return DateReading(dt.date(_year(match[3]), month, day))
    if (match := _DAY_MONTH_NAME.match(text)) and match[2] in _MONTHS:
        return DateReading(dt.date(_year(match[3]), _MONTHS[match[2]], int(match[1])))
    if (match := _MONTH_NAME_DAY.match(text)) and match[1] in _MONTHS:
        return DateReading(dt.date(int(match[3]), _MONTHS[match[1]], int(match[2])))
    if (match := _MONTH_NAME_YEAR.match(text)) and match[1] in _MONTHS:
        return DateReading(dt.date(_year(match[2]), _MONTHS[match[1]], 1), MONTH)
    if (match := _YEAR_MONTH.match(text)) or (match := _MONTH_YEAR.match(text)):
        year_text, month_text = (match[1], match[2]) if len(match[1]) == 4 else (match[2], match[1])
        return DateReading(dt.date(int(year_text), int(month_text), 1), MONTH)
    if re.fullmatch(r"\d{5}(\.0+)?", text):
        reading = read_date(float(text))
        return reading if isinstance(reading, DateReading) else None
    return None


def date_order(values: Iterable[object]) -> str | None:
    """How a column writes ``dd/mm`` dates: ``day_first`` unless a value only reads month-first
    (``09/26/2023``) and none only reads day-first; None when no value decides it and some value
    reads both ways (the column is then read day-first, and the caller says so).

    >>> date_order(["09/26/2023", "03/12/2024"]), date_order(["26/09/2023"]), date_order(["03/12/2024"])
    ('month_first', 'day_first', None)
    """
    day_first = month_first = either = False
    for value in values:
        if not isinstance(value, str):
            continue
        match = _DAY_FIRST.match(_WEEKDAY.sub("", value.strip().lower()))
        if not match:
            continue
        first, second = int(match[1]), int(match[2])
        day_first |= first > 12 >= second
        month_first |= second > 12 >= first
        either |= first <= 12 and second <= 12 and first != second
    if month_first and not day_first:
        return MONTH_FIRST
    if day_first or not either:
        return DAY_FIRST
    return None


def parse_count(value: object) -> int | None:
    """A whole number, with Indonesian (``1.234``) or English (``1,234``) thousands; None when blank.

    >>> parse_count("1.234"), parse_count("1,234"), parse_count(12.0), parse_count(" 7 ")
    (1234, 1234, 12, 7)
    """
    if _is_blank(value):
        return None
    if isinstance(value, bool):
        raise BadValue(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise BadValue(value)
    text = str(value).strip().replace("\u00a0", " ")
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    if re.fullmatch(r"[+-]?\d{1,3}([., ]\d{3})+", text):
        return int(re.sub(r"[., ]", "", text))
    if re.fullmatch(r"[+-]?\d+[.,]0+", text):
        return int(re.split(r"[.,]", text)[0])
    # "1.234,00" and "1,234.00": thousands with zero decimals
    if match := re.fullmatch(r"([+-]?\d{1,3}(?:([.,])\d{3})+)[.,]0+", text):
        return int(re.sub(r"[.,]", "", match[1]))
    raise BadValue(value)


OPERATING, UNDER_CONSTRUCTION, PLANNED = "operating", "under_construction", "planned"

_STATUS_WORDS = {
    OPERATING: (
        "beroperasi",
        "operasional",
        "diresmikan",
        "sudah diresmikan",
        "telah diresmikan",
        "operating",
        "operational",
        "inaugurated",
        "opened",
        "open",
        "aktif",
        "active",
        "soft launch",
        "soft launching",
        "launching",
        "sudah beroperasi",
        "berjalan",
        "running",
    ),
    UNDER_CONSTRUCTION: (
        "dalam pembangunan",
        "pembangunan",
        "konstruksi",
        "sedang dibangun",
        "under construction",
        "construction",
        "being built",
        "persiapan",
        "dalam persiapan",
        "renovasi",
    ),
    PLANNED: (
        "direncanakan",
        "rencana",
        "perencanaan",
        "planned",
        "plan",
        "ditunda",
        "postponed",
        "belum",
        "usulan",
        "proposed",
    ),
}
_STATUS_INDEX = {word: status for status, words in _STATUS_WORDS.items() for word in words}


def normalise_status(value: object) -> str | None:
    """``operating``, ``under_construction`` or ``planned``; None when blank.

    >>> normalise_status("Soft Launch"), normalise_status("Dalam Pembangunan"), normalise_status("Ditunda")
    ('operating', 'under_construction', 'planned')
    """
    if _is_blank(value):
        return None
    text = re.sub(r"[^a-z ]+", " ", str(value).lower())
    text = re.sub(r"\s+", " ", text).strip()
    if text in _STATUS_INDEX:
        return _STATUS_INDEX[text]
    # "Belum beroperasi", "belum diresmikan", "not yet operating": not operating yet, and no word on
    # construction, so a plan (a region is never counted as covered on a negated status).
    if re.match(r"^(belum|tidak|not yet|not)\b", text):
        return UNDER_CONSTRUCTION if any(w in text for w in ("bangun", "konstruksi", "construction")) else PLANNED
    for word, status in sorted(_STATUS_INDEX.items(), key=lambda item: -len(item[0])):
        if len(word) > 4 and word in text:
            return status
    raise BadValue(value)


_PRESENT_MARKS = {
    "v",
    "x",
    "1",
    "ya",
    "y",
    "yes",
    "ada",
    "hadir",
    "true",
    "ok",
    "sudah",
    "aktif",
    "\u2713",
    "\u2714",
    "\u2611",
    "\u221a",
    "\u2705",
    "ada pks",
    "pks",
}
_ABSENT_MARKS = {
    "",
    "-",
    "0",
    "tidak",
    "tidak ada",
    "no",
    "n",
    "t",
    "belum",
    "false",
    "\u2717",
    "\u2718",
    "\u2610",
    "tdk",
    "belum ada",
}


def parse_presence(value: object) -> tuple[bool, int | None]:
    """A participation grid cell: (present, services). A number is a count of services.

    An ``x`` is read as a mark (present), as in ``beri tanda X`` forms.

    >>> parse_presence("✓"), parse_presence(""), parse_presence(12)
    ((True, None), (False, None), (True, 12))
    """
    if value is None or (isinstance(value, float) and value != value):
        return False, None
    if isinstance(value, bool):
        return value, None
    if isinstance(value, int | float):
        if float(value).is_integer() and value >= 0:
            return value > 0, int(value) if value > 1 else None
        raise BadValue(value)
    text = str(value).strip().lower()
    if text in _PRESENT_MARKS:
        return True, None
    if text in _ABSENT_MARKS:
        return False, None
    count = parse_count(text)
    if count is not None and count >= 0:
        return count > 0, count if count > 1 else None
    raise BadValue(value)
