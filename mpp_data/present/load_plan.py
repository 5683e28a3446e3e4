"""What a load will do, in words and numbers, for the Upload page and ``ingest``."""

from __future__ import annotations

from typing import Any

import pandas as pd

from mpp_data.present.text import format_number, t
from mpp_data.reference.regions import province_names

PLAN_TABLE_COLUMNS = ["province", "malls_added", "malls_removed", "malls_changed", "regions_gained", "regions_lost"]


def plan_sentences(plan: Any, lang: str) -> list[str]:
    """The plan (``analysis.register.LoadPlan``) in sentences: what the files cover, the mode, the change."""
    names = province_names()
    n = len(plan.provinces)
    listed = ", ".join(names.get(p, p) for p in plan.provinces[:6]) + (", …" if n > 6 else "")
    scope = t(
        f"plan.scope.{plan.scope}",
        lang,
        provinces=format_number(n, lang),
        names=listed,
        malls=format_number(plan.malls_in_files, lang),
    )
    sentences = [scope, t(f"plan.mode.{plan.mode}", lang)]
    numbers = {
        k: format_number(getattr(plan, k), lang)
        for k in ("malls_added", "malls_removed", "malls_changed", "regions_gained", "regions_lost", "malls_after")
    }
    sentences.append(t("plan.summary", lang, **numbers))
    return sentences


def plan_table(plan: Any, lang: str) -> pd.DataFrame:
    """One row per province the load touches, with localised headers."""
    names = province_names()
    table = plan.by_province.assign(province=plan.by_province["province_code"].map(lambda c: names.get(c, c)))
    table = table[PLAN_TABLE_COLUMNS]
    return table.rename(columns={c: t(f"plan.column.{c}", lang) for c in PLAN_TABLE_COLUMNS})


def equal_message(snapshot_id: int, lang: str) -> str:
    return t("plan.equal", lang, snapshot=snapshot_id)
