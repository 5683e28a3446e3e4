"""The Upload page's report: one row per problem, the questions an analyst can settle, filters."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from mpp_data.ingest.pipeline import IngestResult
from mpp_data.present.messages import result_messages
from mpp_data.present.text import t


def issues_table(result: IngestResult, lang: str) -> pd.DataFrame:
    """One row per issue for the upload page: sheet, row, column, value, severity (in ``lang``), message,
    kind, file."""
    frame = result.issues[["sheet", "row", "column", "value", "severity"]].copy()
    frame["row"] = frame["row"].astype("Int64")
    frame["severity"] = [t(f"severity.{s}", lang) for s in frame["severity"]]
    frame["message"] = result_messages(result, lang)
    frame["kind"] = result.issues["kind"]
    frame["file"] = result.issues["file"]
    return frame


@dataclass(frozen=True)
class RegionQuestion:
    """A written region name the analyst can settle by choosing a region, with suggested codes first."""

    written: str
    kind: str
    candidates: tuple[str, ...]
    rows: int


def region_questions(result: IngestResult) -> list[RegionQuestion]:
    """Distinct unmatched or ambiguous region names, most frequent first."""
    wanted = result.issues[result.issues["kind"].isin(["unknown_region", "ambiguous_region"])]
    questions: dict[str, RegionQuestion] = {}
    for issue in wanted.to_dict("records"):
        written = issue["value"]
        seen = questions.get(written)
        questions[written] = RegionQuestion(
            written, issue["kind"], tuple(issue["candidates"]), (seen.rows if seen else 0) + 1
        )
    return sorted(questions.values(), key=lambda q: (-q.rows, q.written))


def filter_issues(issues: pd.DataFrame, severities: list[str], kinds: list[str]) -> pd.DataFrame:
    """The rows of ``issues_table`` with one of the severities and kinds (all when a list is empty)."""
    keep = pd.Series(True, index=issues.index)
    if severities:
        keep &= issues["severity"].isin(severities)
    if kinds:
        keep &= issues["kind"].isin(kinds)
    return issues[keep]
