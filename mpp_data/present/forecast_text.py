"""The forecast in words: sentences an official can quote, in Bahasa Indonesia or English."""

from __future__ import annotations

from mpp_data.analysis.forecast import Forecast
from mpp_data.figures import round_half_away
from mpp_data.present.text import format_date, format_month, format_number, t

PACE_DECIMALS = 1


def pace_phrase(per_month: float, lang: str) -> str:
    """A pace in the unit that shows it without rounding it to 0: per month from 1 a month, per year
    from 1 a year, otherwise ``1 every N months``. Never "0,0 per month" for a pace that is not 0.

    >>> pace_phrase(2.54, "id"), pace_phrase(0.04, "id"), pace_phrase(0.3, "en"), pace_phrase(0, "en")
    ('2,5 kabupaten/kota per bulan', '1 kabupaten/kota setiap 25 bulan', '3.6 regencies/cities a year', '0 regencies/cities a month')
    """
    if per_month <= 0:
        return t("pace.per_month", lang, count=format_number(0, lang))
    if round_half_away(per_month, PACE_DECIMALS) >= 1:
        return t("pace.per_month", lang, count=format_number(per_month, lang, PACE_DECIMALS))
    if round_half_away(12 * per_month, PACE_DECIMALS) >= 1:
        return t("pace.per_year", lang, count=format_number(12 * per_month, lang, PACE_DECIMALS))
    return t("pace.one_every", lang, months=format_number(1 / per_month, lang))


def describe_forecast(result: Forecast, lang: str) -> list[str]:
    """The forecast as sentences an official can quote, in ``lang``."""
    target = format_date(result.target_date, lang)
    if result.remaining <= 0:
        return [t("forecast.complete", lang, total=format_number(result.total, lang))]
    if not result.enough_data:
        return [t("forecast.not_enough", lang)]
    sentences = []
    if result.pace_per_month <= 0:
        sentences.append(t("forecast.stalled", lang, years=result.horizon_years))
    else:
        sentences.append(_pace_sentence(result, lang))
    if result.required_pace_per_month is None:
        sentences.append(t("forecast.target_passed", lang, target=target))
    elif result.pace_ratio is None:
        required = pace_phrase(result.required_pace_per_month, lang)
        sentences.append(t("forecast.required_no_pace", lang, target=target, required=required))
    else:
        sentences.append(
            t(
                "forecast.required",
                lang,
                target=target,
                required=pace_phrase(result.required_pace_per_month, lang),
                ratio=format_number(result.pace_ratio, lang, 1 if round_half_away(result.pace_ratio, 1) else 2),
            )
        )
    return sentences


def _pace_sentence(result: Forecast, lang: str) -> str:
    """The month at the current pace and the range from the fastest and slowest pace, each bound either
    a month within the horizon or "more than 20 years" in words."""
    words = {
        "pace": pace_phrase(result.pace_per_month, lang),
        "total": format_number(result.total, lang),
        "years": result.horizon_years,
        "horizon": format_month(result.horizon_month, lang),
    }
    earliest, latest = (result.bounded(m) for m in result.range)
    if result.bounded(result.full_coverage_month) is None:
        if earliest is None:
            return t("forecast.beyond_horizon", lang, **words)
        return t("forecast.beyond_horizon_fastest", lang, earliest=format_month(earliest, lang), **words)
    month = format_month(result.full_coverage_month, lang)
    if latest is None:
        return t("forecast.sentence_slowest_beyond", lang, month=month, earliest=format_month(earliest, lang), **words)
    return t(
        "forecast.sentence",
        lang,
        month=month,
        earliest=format_month(earliest, lang),
        latest=format_month(latest, lang),
        **words,
    )
