"""What the command line prints (pure): the ``--json`` objects of ``metrics`` and ``ingest``, and the
text of ``metrics`` for a terminal. ``python -m mpp_data`` runs the commands and prints these."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from mpp_data.ingest.pipeline import IngestResult
from mpp_data.present import console
from mpp_data.present.messages import issue_message
from mpp_data.present.text import format_date, format_number, format_percent, t


def json_value(value: object) -> object:
    """A value as JSON writes it: None for missing, ISO dates, Python numbers."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


def json_rows(frame: pd.DataFrame, columns: list[str]) -> list[dict]:
    """The rows of ``columns`` as JSON objects."""
    return [
        {c: json_value(v) for c, v in zip(columns, row, strict=True)} for row in frame[columns].itertuples(index=False)
    ]


def metrics_report(figures: dict) -> dict:
    """The ``metrics --json`` object: ``national_figures`` with the gap list counted by stage
    (``gaps_by_stage``); the gap rows themselves are ``export gaps``."""
    report = {k: v for k, v in figures.items() if k != "gaps"}
    stages = ("under_construction", "planned", "none")
    report["gaps_by_stage"] = {s: sum(g["pipeline_status"] == s for g in figures["gaps"]) for s in stages}
    return report


def metrics_text(figures: dict, lang: str, province_name: str | None) -> str:
    """``metrics`` for a terminal: the headline figures, the forecast's sentences, coverage by province."""
    total = format_number(figures["total_regions"], lang)
    snapshot = t(
        "cli.snapshot_sample" if figures["is_sample"] else "cli.snapshot_number", lang, snapshot=figures["snapshot_id"]
    )
    headline = pd.DataFrame(
        [
            (t("cli.as_of", lang), format_date(dt.date.fromisoformat(figures["as_of"]), lang)),
            (t("cli.scope", lang), province_name or t("sidebar.all_provinces", lang)),
            (t("cli.snapshot", lang), snapshot),
            (
                t("cli.basis", lang),
                f"{t('basis.' + figures['basis'], lang)}: "
                + t(f"basis.{figures['basis']}.units", lang, total=format_number(figures["total_units"], lang)),
            ),
            (t("briefing.headline.covered", lang), f"{format_number(figures['covered_regions'], lang)} / {total}"),
            (t("briefing.headline.coverage_pct", lang), format_percent(figures["coverage_pct"], lang)),
            (t("briefing.headline.operating", lang), format_number(figures["operating_malls"], lang)),
            (t("briefing.headline.under_construction", lang), format_number(figures["under_construction_malls"], lang)),
            (t("briefing.headline.planned", lang), format_number(figures["planned_malls"], lang)),
            (t("cli.province_run", lang), format_number(figures["province_run_malls"], lang)),
        ],
        columns=[t("briefing.headline.figure", lang), t("cli.value", lang)],
    )
    provinces = pd.DataFrame(
        figures["provinces"], columns=["code", "name", "total_regions", "covered_regions", "coverage_pct"]
    ).rename(columns={"name": "province"})
    return "\n\n".join(
        [
            console.render_table(headline, lang),
            "\n".join(figures["forecast_sentences"]),
            console.render_table(provinces, lang),
        ]
    )


def ingest_report(result: IngestResult, files: list[str]) -> dict:
    """The ``ingest --json`` object: every mall row read, participation, issues and counts."""
    malls = result.malls.copy()
    # An exact repeat is loaded once: its second row is not a loaded mall.
    malls["rejected"] = malls["rejected"].astype(bool) | malls["duplicate"].fillna(False).astype(bool)
    if "inaugurated_precision" in malls:  # "Maret 2023" is written 2023-03, not as its first day
        month = malls["inaugurated_precision"].eq("month") & malls["inaugurated_on"].notna()
        malls["inaugurated_on"] = malls["inaugurated_on"].astype(object)
        malls.loc[month, "inaugurated_on"] = [d.strftime("%Y-%m") for d in malls.loc[month, "inaugurated_on"]]
    participation = result.participation
    issues = [
        {
            "file": i["file"],
            "sheet": i["sheet"],
            "row": json_value(i["row"]),
            "column": json_value(i["column"]),
            "value": i["value"],
            "kind": i["kind"],
            "severity": i["severity"],
            "message_id": issue_message(i, "id"),
            "message_en": issue_message(i, "en"),
            "candidates": list(i["candidates"]),
        }
        for i in result.issues.to_dict("records")
    ]
    report = {
        "files": files,
        "snapshot_id": result.snapshot_id,
        "carried_over": result.carried_over,
        "malls": json_rows(
            malls,
            [
                "region_code",
                "region_name",
                "mall_name",
                "status",
                "inaugurated_on",
                "agencies",
                "services",
                "sheet",
                "row",
                "rejected",
            ],
        ),
        "participation": json_rows(
            participation, ["region_code", "mall_name", "agency", "present", "services", "sheet", "row"]
        ),
        "issues": issues,
        "counts": result.counts,
        # what the load does (or, for a dry run, would do) to the register in view
        "plan": result.plan.as_json() if result.plan is not None else None,
        "data_as_of": result.data_as_of.isoformat() if result.data_as_of else None,
        "equal_to": result.equal_to,
    }
    if result.left_out:  # only when rows were left out on purpose (--exclude-rejected): the contract stays
        report["left_out"] = [
            {**row, "problems": [_left_out_problem(p) for p in row.get("problems", [])]} for row in result.left_out
        ]  # file, sheet, row, reason, values, problems
    return report


def _left_out_problem(problem: dict) -> dict:
    """Why the check rejected a row that ``--exclude-rejected`` left out."""
    return {
        "column": problem["column"],
        "value": problem["value"],
        "kind": problem["kind"],
        "message_id": issue_message(problem, "id"),
        "message_en": issue_message(problem, "en"),
    }
