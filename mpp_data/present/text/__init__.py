"""Every text the user reads, in Bahasa Indonesia (default) and English; numbers and dates by babel."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal

from mpp_data.figures import round_half_away
from mpp_data.present.text import (
    access,
    admin,
    briefing,
    cli,
    common,
    loading,
    mail,
    pages,
    plan,
    problems,
    upload,
    use,
)

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"

# The catalogue, split by area; a key lives in exactly one area (a test checks it).
MESSAGES: dict[str, dict[str, str]] = {
    **access.MESSAGES,
    **admin.MESSAGES,
    **common.MESSAGES,
    **pages.MESSAGES,
    **upload.MESSAGES,
    **problems.MESSAGES,
    **loading.MESSAGES,
    **briefing.MESSAGES,
    **cli.MESSAGES,
    **plan.MESSAGES,
    **mail.MESSAGES,
    **use.MESSAGES,
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """The text for ``key`` in ``lang``, with ``params`` filled in."""
    entry = MESSAGES[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**params) if params else text


def babel_locale(lang: str) -> str:
    return "id_ID" if lang == "id" else "en_GB"


def format_number(value: float | int | None, lang: str = DEFAULT_LANGUAGE, decimals: int = 0) -> str:
    """``1.234`` in Indonesian, ``1,234`` in English, a half rounded away from zero; a dash for a missing value.

    >>> format_number(1234), format_number(53.25, decimals=1), format_number(1234, "en")
    ('1.234', '53,3', '1,234')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    # half away from zero (figures.round_half_away), as every view rounds: babel alone rounds half to even
    return format_decimal(round_half_away(value, decimals), format=pattern, locale=babel_locale(lang))


def format_percent(value: float | None, lang: str = DEFAULT_LANGUAGE, decimals: int = 1) -> str:
    """``53,3%`` from 53.3."""
    if value is None:
        return "–"
    return f"{format_number(value, lang, decimals)}%"


def format_month(value: str | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """``2028-11`` -> ``November 2028``; ``tidak pernah``/``never`` for None."""
    if value is None:
        return t("forecast.never", lang)
    year, month = (int(part) for part in value.split("-"))
    return _babel_date(dt.date(year, month, 1), format="MMMM y", locale=babel_locale(lang))


def format_period(value: dt.date, lang: str = DEFAULT_LANGUAGE, precision: str = "month") -> str:
    """The month or the year a date falls in, as a short label.

    >>> format_period(dt.date(2024, 12, 31)), format_period(dt.date(2024, 12, 31), "en")
    ('Des 2024', 'Dec 2024')
    >>> format_period(dt.date(2022, 6, 30), "en", "year")
    '2022'
    """
    if precision == "year":
        return str(value.year)
    return _babel_date(value, format="MMM y", locale=babel_locale(lang))


def format_date(value: dt.date | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """``24 Juni 2024`` in Indonesian, ``24 June 2024`` in English."""
    if value is None:
        return "–"
    return _babel_date(value, format="d MMMM y", locale=babel_locale(lang))


def escaped(params: dict, escape: Callable[[str], str] | None) -> dict:
    """The text values from a file made safe for where the sentence is shown (``present.safe``)."""
    return {k: escape(v) if escape and isinstance(v, str) else v for k, v in params.items()}


def error_message(code: str, params: dict, lang: str, escape: Callable[[str], str] | None = None) -> str:
    """A stopping error's text; ``reason`` codes are translated too. ``escape`` as in ``messages.issue_message``."""
    filled = dict(params)
    variant = filled.pop("variant", None)
    if variant and f"{code}.{variant}" in MESSAGES:
        code = f"{code}.{variant}"
    reason = filled.pop("reason", None)
    filled = escaped(filled, escape)
    # shares (``*_pct``) in the reader's number form: 33,3 in Indonesian, 33.3 in English
    filled |= {k: format_number(v, lang, 1) for k, v in filled.items() if k.endswith("_pct") and isinstance(v, float)}
    if reason is not None and f"reason.{reason}" in MESSAGES:
        filled["reason"] = t(f"reason.{reason}", lang, **filled)
    elif reason is not None:
        filled["reason"] = escaped({"reason": reason}, escape)["reason"]
    return t(code, lang, **filled)
