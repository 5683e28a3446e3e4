"""Cell values as exports write them: dates, counts, statuses, participation marks (pure)."""

from __future__ import annotations

import datetime as dt
import re

EXCEL_EPOCH = dt.date(1899, 12, 30)

_MONTHS = {
    # Indonesian
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "nopember": 11, "november": 11,
    "desember": 12, "agu": 8, "agt": 8, "ags": 8, "agust": 8, "okt": 10, "des": 12, "nop": 11,
    "peb": 2, "sept": 9,
    # English
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8,
    "october": 10, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip

_ISO = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T].*)?$")
_WEEKDAY = re.compile(
    r"^(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)\s*,?\s*"
)
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_DAY_MONTH_NAME = re.compile(r"^(\d{1,2})[\s\-.]+([a-z]+)\.?[\s\-.,]+(\d{2}|\d{4})$")
_MONTH_NAME_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")


class BadValue(ValueError):
    """A cell that cannot be read as the type its column asks for."""


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
    """A date from an Excel date cell, a serial number or text; None for a blank cell.

    >>> parse_date("24 Juni 2024"), parse_date("03/12/2024"), parse_date(45467)
    (datetime.date(2024, 6, 24), datetime.date(2024, 12, 3), datetime.date(2024, 6, 24))
    """
    if _is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise BadValue(value)
    if isinstance(value, int | float):
        # Serial numbers from about 1955 to 2119 only: anything else is not a date someone typed.
        if 20000 <= value <= 80000 and float(value).is_integer():
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise BadValue(value)
    text = _WEEKDAY.sub("", str(value).strip().lower())  # "Senin, 24 Juni 2024"
    try:
        if match := _ISO.match(text):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        if match := _DAY_FIRST.match(text):
            return dt.date(_year(match[3]), int(match[2]), int(match[1]))
        if (match := _DAY_MONTH_NAME.match(text)) and match[2] in _MONTHS:
            return dt.date(_year(match[3]), _MONTHS[match[2]], int(match[1]))
        if (match := _MONTH_NAME_DAY.match(text)) and match[1] in _MONTHS:
            return dt.date(int(match[3]), _MONTHS[match[1]], int(match[2]))
        if re.fullmatch(r"\d{5}(\.0+)?", text):
            return parse_date(float(text))
    except ValueError as exc:  # 31/02/2024 and the like
        raise BadValue(value) from exc
    raise BadValue(value)


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
    OPERATING: ("beroperasi", "operasional", "diresmikan", "sudah diresmikan", "telah diresmikan",
                "operating", "operational", "inaugurated", "opened", "open", "aktif", "active",
                "soft launch", "soft launching", "launching", "sudah beroperasi", "berjalan", "running"),
    UNDER_CONSTRUCTION: ("dalam pembangunan", "pembangunan", "konstruksi", "sedang dibangun",
                         "under construction", "construction", "being built", "persiapan",
                         "dalam persiapan", "renovasi"),
    PLANNED: ("direncanakan", "rencana", "perencanaan", "planned", "plan", "ditunda", "postponed",
              "belum", "usulan", "proposed"),
}  # fmt: skip
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
_ABSENT_MARKS = {"", "-", "0", "tidak", "tidak ada", "no", "n", "t", "belum", "false", "\u2717", "\u2718",
                 "\u2610", "tdk", "belum ada"}  # fmt: skip


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
