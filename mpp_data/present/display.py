"""Metric frames as people read them: translated statuses and kinds, dates in words, ranks (pure)."""

from __future__ import annotations

import pandas as pd

from mpp_data.figures import share_ranks
from mpp_data.present.admin import actor_label
from mpp_data.present.charts import province_order
from mpp_data.present.messages import issue_message
from mpp_data.present.safe import md_text
from mpp_data.present.text import format_date, format_month, format_number, t
from mpp_data.present.use import stage_label
from mpp_data.reference.agencies import MOU_AGENCIES, agency_by_key


def status_label(status: str, lang: str) -> str:
    return t(f"status.{status}", lang)


def _dates(values: pd.Series, lang: str, precision: pd.Series | None = None) -> pd.Series:
    """Dates in words; a date known only to its month (``precision`` ``month``) as ``Maret 2023``."""
    months = precision.eq("month") if precision is not None else pd.Series(False, index=values.index)
    return pd.Series(
        [
            "" if d is None or pd.isna(d) else format_month(f"{d:%Y-%m}", lang) if month else format_date(d, lang)
            for d, month in zip(values, months, strict=True)
        ],
        index=values.index,
        dtype=object,
    )


def display_provinces(provinces: pd.DataFrame, province: str | None = None) -> pd.DataFrame:
    """``metrics.compute_coverage_by_province`` with a rank (1 = highest coverage) and a 100% flag, in the
    chart's order (coverage high to low, ties by name) with coverage next to the name, where a phone
    still shows it. With ``province`` (a code) only that province's row, keeping its national rank."""
    table = province_order(provinces).reset_index(drop=True)
    table.insert(0, "rank", share_ranks(table["coverage_pct"]))
    table["full"] = table["coverage_pct"] >= 100
    if province:
        table = table[table["province_code"] == province].reset_index(drop=True)
    return table[
        [
            "rank",
            "province_name",
            "coverage_pct",
            "covered_regions",
            "total_regions",
            "operating_malls",
            "pipeline_malls",
            "full",
        ]
    ]


def full_marks(table: pd.DataFrame) -> pd.DataFrame:
    """``display_provinces`` with the 100% flag as a tick mark to read, not a checkbox to click."""
    return table.assign(full=table["full"].map(lambda full: "✓" if full else ""))


def full_provinces_sentence(table: pd.DataFrame, lang: str) -> str:
    """``3 provinces are at 100%.`` (``1 province is …``) from ``display_provinces``."""
    count = int(table["full"].sum())
    return t("provinces.full.one" if count == 1 else "provinces.full", lang, count=format_number(count, lang))


def display_region_status(regions: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``metrics.compute_region_status`` rows: code, name, kind, status and operating since, in words."""
    return pd.DataFrame(
        {
            "code": regions["code"],
            "name": regions["name"],
            "kind": regions["kind"].map(lambda k: t(f"kind.{k}", lang)),
            "status": regions["status"].map(lambda s: status_label(s, lang)),
            "operating_since": _dates(regions["operating_since"], lang),
        }
    )


def display_gaps(gaps: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``metrics.compute_gap_list`` in words, for the page and the downloads."""
    return pd.DataFrame(
        {
            "code": gaps["code"],
            "name": gaps["name"],
            "kind": gaps["kind"].map(lambda k: t(f"kind.{k}", lang)),
            "province": gaps["province_name"],
            "pipeline_status": gaps["pipeline_status"].map(lambda s: status_label(s, lang)),
        }
    )


def filter_gaps(gaps: pd.DataFrame, stages: list[str], search: str) -> pd.DataFrame:
    """Gap rows in one of ``stages`` (all when empty) whose name contains ``search`` (any case)."""
    keep = pd.Series(True, index=gaps.index)
    if stages:
        keep &= gaps["pipeline_status"].isin(stages)
    if search.strip():
        keep &= gaps["name"].str.contains(search.strip(), case=False, regex=False)
    return gaps[keep].reset_index(drop=True)


def gap_counts(gaps: pd.DataFrame) -> dict[str, int]:
    counts = gaps["pipeline_status"].value_counts()
    return {s: int(counts.get(s, 0)) for s in ("under_construction", "planned", "none")}


def display_malls(malls: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``metrics.compute_region_malls`` in words."""
    return pd.DataFrame(
        {
            "mall_name": malls["mall_name"],
            "status": malls["status"].map(lambda s: status_label(s, lang)),
            "inaugurated_on": _dates(malls["inaugurated_on"], lang, malls.get("inaugurated_precision")),
            "agencies": malls.get("agencies"),
            "services": malls.get("services"),
        }
    )


def agency_label(agency: str) -> str:
    found = agency_by_key(agency)
    return found.short_name if found else agency


def region_agencies(participation: pd.DataFrame, code: str) -> tuple[list[str], list[str], bool]:
    """Agencies present in the malls of region ``code``, the MoU agencies missing there, and whether
    the region has any participation rows at all (no rows means no data, not absence)."""
    rows = participation[participation["region_code"] == code]
    if rows.empty:
        return [], [], False
    present_keys = set(rows.loc[rows["present"].astype(bool), "agency"])
    present = sorted(agency_label(a) for a in present_keys)
    missing = [a.short_name for a in MOU_AGENCIES if a.key not in present_keys]
    return present, missing, True


def display_snapshots(snapshots: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``Store.list_snapshots`` for the History page."""
    return pd.DataFrame(
        {
            "id": snapshots["id"],
            "created_at": snapshots["created_at"].map(
                lambda c: f"{format_date(c.date(), lang)} {c:%H:%M}" if c is not None else ""
            ),
            "source_files": snapshots["source_files"].map(", ".join),
            "is_sample": snapshots["is_sample"].astype(bool),
            # who loaded it in words: "system:first-start" reads as the system loading the sample
            **(
                {"loaded_by": snapshots["loaded_by"].map(lambda a: actor_label(a, lang))}
                if "loaded_by" in snapshots
                else {}
            ),
            **({"withdrawn": snapshots["withdrawn"].astype(bool)} if "withdrawn" in snapshots else {}),
            # Counts as text in the reader's number form (118.000): the table is read, not sorted.
            **{
                c: snapshots[c].map(lambda n: format_number(n, lang))
                for c in ("malls_count", "participation_count", "rows_read", "rows_rejected")
            },
        }
    )


_STATUS_COLUMNS = ("status", "status_before", "status_after")
_DATE_COLUMNS = ("inaugurated_on", "inaugurated_before", "inaugurated_after")
_STAGE_COLUMNS = ("stage", "stage_before", "stage_after")


def display_changes(changes: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One table of ``history.SnapshotDiff`` in words: statuses and agreement stages translated, dates
    written out, agencies by short name, and "–" where a value is missing (never the text "None")."""
    table = changes.copy()
    for column in table.columns:
        if column in _STATUS_COLUMNS:
            table[column] = table[column].map(lambda s: "–" if s is None or pd.isna(s) else status_label(s, lang))
        elif column in _STAGE_COLUMNS:  # an agreement's stage in words (signed -> Ditandatangani)
            table[column] = table[column].map(lambda s: "–" if s is None or pd.isna(s) else stage_label(s, lang))
        elif column in _DATE_COLUMNS:
            table[column] = _dates(table[column], lang).replace("", "–")
        elif column == "agency":
            table[column] = table[column].map(agency_label)
        else:
            table[column] = table[column].map(lambda v: "–" if v is None or pd.isna(v) else str(v))
    return table


def region_options(regions: pd.DataFrame) -> dict[str, str]:
    """Code -> ``Kabupaten Sanggau (Kalimantan Barat)`` for a searchable choice."""
    return {c: f"{n} ({p})" for c, n, p in regions[["code", "name", "province_name"]].itertuples(index=False)}


def region_search_message(outcome: str, written: str, suggestions: list[str], lang: str) -> str | None:
    """What the Region page says when a search opens nothing (``outcome`` of ``service.find_region``);
    None when it found its region. The written text is shown as text, never as markup."""
    if outcome == "found":
        return None
    named = [md_text(s) for s in suggestions]
    listed = t("list.or", lang, first=", ".join(named[:-1]), last=named[-1]) if len(named) > 1 else "".join(named)
    key = (
        "region.search_which_one"
        if outcome == "which_one"
        else ("region.search_did_you_mean" if named else "region.search_not_found")
    )
    return t(key, lang, written=md_text(written), suggestions=listed)


def snapshot_labels(snapshots: pd.DataFrame, lang: str) -> dict[int, str]:
    """Snapshot id -> ``3 · 24 Juni 2024 10:15 · mpp.xlsx`` for choosing one."""
    table = display_snapshots(snapshots, lang)
    return {
        int(i): f"{i} · {created} · {files}"
        for i, created, files in zip(table["id"], table["created_at"], table["source_files"], strict=True)
    }


def status_of(region_status: pd.DataFrame, code: str) -> str:
    """One region's status from ``metrics.compute_region_status`` (``none`` when it is not there)."""
    found = region_status.loc[region_status["code"] == code, "status"]
    return str(found.iloc[0]) if len(found) else "none"


def first_region_with_mall(region_status: pd.DataFrame, codes: list[str]) -> str | None:
    """The first of ``codes`` with an operating mall in ``metrics.compute_region_status``, else the first
    with any mall, else the first: what the Region page opens on when nothing is chosen."""
    by_code = region_status.set_index("code")
    chosen = by_code.reindex([c for c in codes if c in by_code.index])
    for found in (chosen[chosen["status"] == "operating"], chosen[chosen["malls"] > 0]):
        if len(found):
            return str(found.index[0])
    return codes[0] if codes else None


def reported_agencies(region_malls: pd.DataFrame) -> int | None:
    """The malls sheet's "Jumlah Instansi" summed over one region's malls; None when no mall reports it."""
    if "agencies" not in region_malls or region_malls["agencies"].isna().all():
        return None
    return int(pd.to_numeric(region_malls["agencies"], errors="coerce").sum())


def display_work_list(work: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``participation.compute_agency_work_list`` with dates in words, ready to send to the agency."""
    return pd.DataFrame(
        {
            "province_name": work["province_name"],
            "region_name": work["region_name"],
            "mall_name": work["mall_name"],
            "inaugurated_on": _dates(work["inaugurated_on"], lang),
            "region_code": work["region_code"],
        }
    )


def display_services(per_agency: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Services per agency with the MoU agencies' short names, counts in the reader's number form."""
    return pd.DataFrame(
        {
            "agency": per_agency["agency"].map(agency_label),
            "services": per_agency["services"].map(lambda n: format_number(n, lang)),
        }
    )


def report_table(report: list[dict], lang: str) -> pd.DataFrame:
    """A stored check report (the issues of one file) as the table the upload page showed."""
    return pd.DataFrame(
        {
            "sheet": [i.get("sheet") for i in report],
            "row": [i.get("row") for i in report],
            "column": [i.get("column") for i in report],
            "value": [i.get("value") for i in report],
            "severity": [t(f"severity.{i['severity']}", lang) for i in report],
            "message": [issue_message(i, lang) for i in report],
        }
    )
