"""The Upload page's report: one row per problem, the questions an analyst can settle, filters."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from mpp_data.ingest.pipeline import IngestResult
from mpp_data.ingest.problems import IssueKind
from mpp_data.present.messages import result_messages
from mpp_data.present.text import format_number, t


def issues_table(result: IngestResult, lang: str) -> pd.DataFrame:
    """One row per issue for the upload page: sheet, row, column, value, severity (in ``lang``), message,
    kind, file. Every cell is text as the reader wrote or reads it: a problem of a whole sheet has "–"
    for its row and column, never an empty value the table would draw as "None"."""
    frame = result.issues[["sheet", "row", "column", "value", "severity"]].copy()
    frame["row"] = [_or_dash(None if pd.isna(r) else str(int(r))) for r in frame["row"]]
    frame["column"] = [_or_dash(c) for c in frame["column"]]
    frame["sheet"] = [_or_dash(c) for c in frame["sheet"]]
    frame["severity"] = [t(f"severity.{s}", lang) for s in frame["severity"]]
    frame["message"] = result_messages(result, lang)
    frame["kind"] = result.issues["kind"]
    frame["file"] = result.issues["file"]
    return frame


def _or_dash(value: object) -> str:
    return "–" if value is None or (isinstance(value, float) and pd.isna(value)) or value == "" else str(value)


#: The reasons a row is skipped (``ROWS_SKIPPED``'s variants), in the order the count names them.
SKIP_REASONS = ("blank", "total", "repeated_header", "column_numbers", "units", "note", "signature")


def counts_sentence(result: IngestResult, lang: str) -> str:
    """``5 baris dibaca = 1 siap dimuat + 2 ditolak + 2 dilewati (1 baris kosong, 1 baris jumlah).``: the
    rows left out named for what they were (blank, totals, repeated headers …, exact repeats), not a
    list of what they might have been."""
    counts = result.counts
    skipped = result.issues[result.issues["kind"] == IssueKind.ROWS_SKIPPED.value]
    by_reason: dict[str, int] = {}
    for params in skipped["params"]:
        by_reason[params["variant"]] = by_reason.get(params["variant"], 0) + int(params["count"])
    repeats = counts["rows_skipped"] - sum(by_reason.values())  # exact repeats of a row (kinds' tallies)
    parts = [
        t(f"upload.skipped.{reason}", lang, count=format_number(by_reason[reason], lang))
        for reason in (*SKIP_REASONS, *sorted(set(by_reason) - set(SKIP_REASONS)))
        if by_reason.get(reason)
    ]
    if repeats > 0:
        parts.append(t("upload.skipped.repeat", lang, count=format_number(repeats, lang)))
    return t(
        "upload.counts",
        lang,
        read=format_number(counts["rows_read"], lang),
        loaded=format_number(counts["rows_loaded"], lang),
        rejected=format_number(counts["rows_rejected"], lang),
        skipped=format_number(counts["rows_skipped"], lang),
        what=f" ({', '.join(parts)})" if parts else "",
    )


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
