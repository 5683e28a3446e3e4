"""Every text the user reads, in Bahasa Indonesia (default) and English; numbers and dates by babel."""

from __future__ import annotations

import datetime as dt
import math

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal

from mpp_data.present.text import common, pages, upload

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"

# The catalogue, split by area; a key lives in exactly one area (a test checks it).
MESSAGES: dict[str, dict[str, str]] = {**common.MESSAGES, **pages.MESSAGES, **upload.MESSAGES}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """The text for ``key`` in ``lang``, with ``params`` filled in."""
    entry = MESSAGES[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**params) if params else text


def babel_locale(lang: str) -> str:
    return "id_ID" if lang == "id" else "en_GB"


def format_number(value: float | int | None, lang: str = DEFAULT_LANGUAGE, decimals: int = 0) -> str:
    """``1.234`` in Indonesian, ``1,234`` in English; an empty dash for a missing value.

    >>> format_number(1234), format_number(53.25, decimals=1), format_number(1234, "en")
    ('1.234', '53,2', '1,234')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=babel_locale(lang))


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


def format_date(value: dt.date | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """``24 Juni 2024`` in Indonesian, ``24 June 2024`` in English."""
    if value is None:
        return "–"
    return _babel_date(value, format="d MMMM y", locale=babel_locale(lang))


def issue_message(issue: dict, lang: str) -> str:
    """One issue (see ``validate``) as a sentence naming sheet, row and column."""
    params = dict(issue.get("params") or {})
    where_params = {
        "sheet": issue.get("sheet") or "–",
        "row": issue.get("row") if issue.get("row") is not None else "–",
        "column": issue.get("column") or "–",
    }
    where_key = "where" if issue.get("row") is not None else "where.sheet"
    where = t(where_key, lang, **where_params)
    if "error_code" in params:  # the whole file could not be read
        return error_message(params.pop("error_code"), params, lang)
    suggestions = params.pop("suggestions", "")
    hint = t("issue.hint.did_you_mean", lang, suggestions=suggestions) if suggestions else ""
    key = f"issue.{issue['kind']}" + (".conflict" if params.pop("conflict", False) else "")
    return t(key, lang, value=issue.get("value", ""), where=where, hint=hint, suggestions=suggestions, **params)


def error_message(code: str, params: dict, lang: str) -> str:
    """A stopping error's text; ``reason`` codes are translated too."""
    filled = dict(params)
    variant = filled.pop("variant", None)
    if variant and f"{code}.{variant}" in MESSAGES:
        code = f"{code}.{variant}"
    if "reason" in filled and f"reason.{filled['reason']}" in MESSAGES:
        filled["reason"] = t(f"reason.{filled['reason']}", lang, **filled)
    return t(code, lang, **filled)
