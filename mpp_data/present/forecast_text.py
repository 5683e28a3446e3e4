"""The forecast in words: sentences an official can quote, in Bahasa Indonesia or English."""

from __future__ import annotations

from mpp_data.analysis.forecast import Forecast
from mpp_data.present.text import format_date, format_month, format_number, t


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
        required = format_number(result.required_pace_per_month, lang, 1)
        sentences.append(t("forecast.required_no_pace", lang, target=target, required=required))
    else:
        sentences.append(
            t(
                "forecast.required",
                lang,
                target=target,
                required=format_number(result.required_pace_per_month, lang, 1),
                ratio=format_number(result.pace_ratio, lang, 1),
            )  # fmt: skip
        )
    return sentences


def _pace_sentence(result: Forecast, lang: str) -> str:
    """The month at the current pace and the range from the fastest and slowest pace, each bound either
    a month within the horizon or "more than 20 years" in words."""
    words = {
        "pace": format_number(result.pace_per_month, lang, 1),
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
    return t("forecast.sentence", lang, month=month, earliest=format_month(earliest, lang),
             latest=format_month(latest, lang), **words)  # fmt: skip
