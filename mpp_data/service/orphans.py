"""Rows of an upload naming a mall the register will not hold: one warning per mall, for every kind
whose rows name a mall (``Kind.names_mall``: participation, agreements, visits)."""

from __future__ import annotations

import pandas as pd

from mpp_data.analysis import register as plans
from mpp_data.ingest.kinds import KINDS
from mpp_data.ingest.pipeline import IngestResult
from mpp_data.ingest.problems import Problem, Severity
from mpp_data.reference.regions import RegionMatcher

#: The fields whose column a warning names: the mall's, else the region's (a row naming only its region).
_PLACE_FIELDS = ("mall_name", "region_name", "region_code")


def orphan_problems(malls: pd.DataFrame, result: IngestResult) -> list[Problem]:
    """One warning per file, sheet and mall of the upload's rows (any kind that names a mall, rejected
    rows aside) whose mall is not among ``malls``, the register the snapshot will have: at the mall's
    first row and in its column, with the number of rows."""
    problems: list[Problem] = []
    matcher = RegionMatcher()
    for kind in KINDS:
        place, checked = kind.names_mall, result.table(kind.name)
        if place is None or checked.empty:
            continue
        kept = checked[~checked["rejected"].to_numpy(dtype=bool)]
        orphans = plans.orphan_rows(malls, kept, mall=place.mall, region=place.region)
        if orphans.empty:
            continue
        named = orphans[place.mall].astype(object).where(orphans[place.mall].notna(), "")
        for (file, sheet, region, mall), group in orphans.groupby(["file", "sheet", place.region, named], sort=True):
            params = {
                "region": matcher.region_label(region),
                "region_code": region,
                "rows": int(group["row"].nunique()),
            }
            column = _column(result, file, sheet, "mall_name" if mall else "region_name")
            problems.append(
                Problem(
                    file,
                    sheet,
                    int(group["row"].min()),
                    column,
                    mall or params["region"],
                    place.issue,
                    Severity.WARNING,
                    params,
                )
            )
    return problems


def _column(result: IngestResult, file: str, sheet: str, first: str) -> str | None:
    """The header, as written in the sheet, of ``first``'s column, else of the next place field found."""
    for summary in result.sheets:
        if (summary.file, summary.sheet) == (file, sheet):
            fields = {field: header for header, field in summary.columns.items()}
            order = _PLACE_FIELDS[_PLACE_FIELDS.index(first) :] + _PLACE_FIELDS
            return next((fields[f] for f in order if f in fields), None)
    return None
