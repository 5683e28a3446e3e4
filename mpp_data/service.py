"""Orchestration: files -> validated rows -> one snapshot; the store -> figures for a page or the CLI."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from mpp_data import forecast, geo, history, metrics, participation, presentation
from mpp_data.config import SAMPLE_DATA_DIR, Settings
from mpp_data.errors import MppDataError, NoDataError, UnreadableFile
from mpp_data.i18n import issue_message, t
from mpp_data.read import RawSheet, iter_sheets
from mpp_data.regions import RegionMatcher, normalise_region_name, official_provinces, official_regions
from mpp_data.store import PARTICIPATION_COLUMNS, NewSnapshot, SourceFile, Store
from mpp_data.tables import apply_column_overrides, locate_table, table_rows
from mpp_data.validate import (
    ERROR,
    ISSUE_COLUMNS,
    MALL_OUTPUT_COLUMNS,
    PARTICIPATION_OUTPUT_COLUMNS,
    group_numbers,
    validate_malls,
    validate_participation,
)

logger = logging.getLogger(__name__)

SAMPLE_FILES = ("mpp_malls_sample.xlsx", "mpp_participation_sample.xlsx")


@dataclass(frozen=True)
class UploadedFile:
    name: str
    content: bytes

    @classmethod
    def from_path(cls, path: str | Path) -> UploadedFile:
        path = Path(path)
        return cls(path.name, path.read_bytes())


@dataclass(frozen=True)
class SheetSummary:
    """What one sheet was recognised as: kind, header rows, and header -> field."""

    file: str
    sheet: str
    kind: str
    header_rows: tuple[int, ...]
    columns: dict[str, str]
    rows_read: int
    rows_skipped: int


@dataclass(frozen=True)
class IngestResult:
    """Everything one load read, and what it wrote (``snapshot_id`` is None when nothing was)."""

    malls: pd.DataFrame  # every mall row read, rejected included (MALL_OUTPUT_COLUMNS)
    participation: pd.DataFrame  # one row per mall and agency (PARTICIPATION_OUTPUT_COLUMNS)
    issues: pd.DataFrame  # ISSUE_COLUMNS
    sheets: list[SheetSummary]
    counts: dict[str, int]
    snapshot_id: int | None = None
    carried_over: dict[str, int] = field(default_factory=dict)
    unreadable: bool = False

    @property
    def has_errors(self) -> bool:
        return bool((self.issues["severity"] == ERROR).any()) if not self.issues.empty else False

    @property
    def error_count(self) -> int:
        return int((self.issues["severity"] == ERROR).sum())

    @property
    def issue_kinds(self) -> list[str]:
        return sorted(set(self.issues["kind"]))

    @property
    def exit_code(self) -> int:
        return 2 if self.unreadable else (1 if self.has_errors else 0)

    def messages(self, lang: str) -> list[str]:
        return [issue_message(issue, lang) for issue in self.issues.to_dict("records")]


def _sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def ingest_files(
    files: list[UploadedFile],
    store: Store | None,
    *,
    dry_run: bool = False,
    is_sample: bool = False,
    today: dt.date | None = None,
    settings: Settings | None = None,
    column_overrides: dict[tuple[str, str], dict[str, str]] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> IngestResult:
    """Read, validate and (unless there are errors or ``dry_run``) write one snapshot.

    ``column_overrides``: (file, sheet) -> {header as written: field}, an analyst's corrections.
    ``progress``: called with (step, steps, file name) as each file is read.
    """
    started = time.perf_counter()
    settings = settings or Settings.from_env()
    today = today or dt.date.today()
    matcher = RegionMatcher(store.load_aliases() if store else {})
    mall_frames, participation_frames, issues, sheets = [], [], [], []
    skipped_total, unreadable = 0, False
    for step, upload in enumerate(files):
        if progress:
            progress(step, len(files), upload.name)
        check = _check_file(upload, matcher, today, settings.max_upload_bytes, column_overrides or {})
        mall_frames += check.malls
        participation_frames += check.participation
        issues += check.issues
        sheets += check.sheets
        skipped_total += check.skipped
        unreadable |= check.unreadable

    if progress:
        progress(len(files), len(files), "")
    malls = _concat(mall_frames, MALL_OUTPUT_COLUMNS)
    participation = _concat(participation_frames, PARTICIPATION_OUTPUT_COLUMNS)
    issue_frame = pd.DataFrame(issues, columns=ISSUE_COLUMNS)
    counts = _counts(malls, participation, skipped_total)
    result = IngestResult(malls, participation, issue_frame, sheets, counts, unreadable=unreadable)
    if result.has_errors or dry_run or store is None or (malls.empty and participation.empty):
        _log_ingest(files, result, started)
        return result
    snapshot_id, carried = _write_snapshot(store, files, result, is_sample)
    result = IngestResult(malls, participation, issue_frame, sheets, counts, snapshot_id, carried, unreadable)
    _log_ingest(files, result, started)
    return result


@dataclass
class _FileCheck:
    """What one file gave: frames of each kind, issues, sheet summaries and rows skipped."""

    malls: list[pd.DataFrame] = field(default_factory=list)
    participation: list[pd.DataFrame] = field(default_factory=list)
    issues: list[dict] = field(default_factory=list)
    sheets: list[SheetSummary] = field(default_factory=list)
    skipped: int = 0
    unreadable: bool = False  # nothing in it could be used


def _check_file(
    upload: UploadedFile, matcher: RegionMatcher, today: dt.date, max_bytes: int,
    column_overrides: dict[tuple[str, str], dict[str, str]],
) -> _FileCheck:  # fmt: skip
    """Read and validate every sheet of one file (each sheet checked while the next is read)."""
    check = _FileCheck()
    try:
        for raw in iter_sheets(upload.name, upload.content, max_bytes):
            _check_sheet(check, upload.name, raw, matcher, today, column_overrides.get((upload.name, raw.name), {}))
    except MppDataError as exc:  # nothing is taken from a file that could not be read to the end
        return _FileCheck(issues=[_file_issue(upload.name, exc)], unreadable=True)
    if not check.sheets:
        check.unreadable = True
        for issue in check.issues:
            if issue["kind"] == "no_table_found":
                issue["severity"] = ERROR
        if not check.issues:
            check.issues.append(_sheet_issue(upload.name, None, "no_table_found", severity=ERROR))
    return check


def _check_sheet(
    check: _FileCheck, file: str, raw: RawSheet, matcher: RegionMatcher, today: dt.date, overrides: dict[str, str]
) -> None:
    table = apply_column_overrides(locate_table(raw.name, raw.rows), overrides)
    if table.kind == "unknown":
        if any(any(c not in ("", None) for c in r) for r in raw.rows):
            check.issues.append(_sheet_issue(file, raw.name, "no_table_found"))
        return
    data = table_rows(table, raw.rows)
    skipped = sum(data.skipped.values())
    check.skipped += skipped
    columns = {table.headers[j]: f for j, f in table.columns.items()} | {
        h: "agency" for h in table.agency_columns.values()
    }
    check.sheets.append(
        SheetSummary(file, raw.name, table.kind, table.header_rows, columns, len(data.frame) + skipped, skipped)
    )
    if table.kind == "malls":
        frame, found = validate_malls(table, data, matcher, file, today)
        check.malls.append(frame)
    else:
        frame, found = validate_participation(table, data, matcher, file)
        check.participation.append(frame)
    check.issues.extend(found)


def _file_issue(file: str, exc: MppDataError) -> dict:
    return {"file": file, "sheet": exc.params.get("sheet"), "row": None, "column": None, "value": file,
            "kind": exc.code.removeprefix("error."), "severity": ERROR,
            "params": {"error_code": exc.code, **exc.params}, "candidates": []}  # fmt: skip


def _sheet_issue(file: str, sheet: str | None, kind: str, severity: str = "warning") -> dict:
    return {"file": file, "sheet": sheet or file, "row": None, "column": None, "value": "", "kind": kind,
            "severity": severity, "params": {}, "candidates": []}  # fmt: skip


def _concat(frames: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    frames = [f for f in frames if not f.empty]
    if not frames:
        return pd.DataFrame(columns=columns)
    return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)


def _counts(malls: pd.DataFrame, participation: pd.DataFrame, skipped: int) -> dict[str, int]:
    """Rows as the analyst sees them: read = loaded + rejected + skipped (exact repeats are skipped)."""
    duplicates = int(malls["duplicate"].fillna(False).sum()) if "duplicate" in malls else 0
    mall_rejected = int(malls["rejected"].sum()) if not malls.empty else 0
    mall_loaded = len(malls) - mall_rejected - duplicates
    # A wide sheet gives one entry per agency from each row: count the rows.
    rows = group_numbers(participation["file"], participation["sheet"], participation["row"])
    rejected_rows = np.unique(rows[participation["rejected"].to_numpy(dtype=bool)])
    part_rejected = len(rejected_rows)
    part_loaded = int(rows.max()) + 1 - part_rejected if len(rows) else 0
    rows_skipped = skipped + duplicates
    return {
        "rows_read": mall_loaded + mall_rejected + part_loaded + part_rejected + rows_skipped,
        "rows_loaded": mall_loaded + part_loaded,
        "rows_rejected": mall_rejected + part_rejected,
        "rows_skipped": rows_skipped,
    }


def _loadable_malls(malls: pd.DataFrame) -> pd.DataFrame:
    keep = malls[~malls["rejected"] & ~malls["duplicate"].fillna(False).astype(bool)]
    return keep[["mall_name", "region_code", "province_code", "region_written", "status", "inaugurated_on",
                 "agencies", "services", "sheet", "row"]].reset_index(drop=True)  # fmt: skip


def _loadable_participation(participation: pd.DataFrame, malls: pd.DataFrame) -> pd.DataFrame:
    rejected = participation["rejected"].to_numpy(dtype=bool)
    columns = PARTICIPATION_COLUMNS  # what the store keeps of each entry
    keep = participation.loc[~rejected, columns] if rejected.any() else participation[columns]
    missing = keep["mall_name"].isna()
    if missing.any():
        # Rows naming only a region belong to that region's mall when it has exactly one.
        single = malls.groupby("region_code")["mall_name"].agg(lambda s: s.iloc[0] if len(s) == 1 else None)
        keep = keep.copy()
        keep.loc[missing, "mall_name"] = keep.loc[missing, "region_code"].map(single)
    return keep.reset_index(drop=True)


def _write_snapshot(
    store: Store, files: list[UploadedFile], result: IngestResult, is_sample: bool
) -> tuple[int, dict[str, int]]:
    carried: dict[str, int] = {}
    previous = store.latest_snapshot_id()
    if previous is not None and store.snapshot(previous)["is_sample"] and not is_sample:
        previous = None  # real data never inherits rows from the sample
    malls = _loadable_malls(result.malls) if not result.malls.empty else None
    if malls is None and previous is not None:
        malls = store.load_malls(previous)
        carried["malls"] = previous
    if malls is None:
        malls = pd.DataFrame(columns=["mall_name", "region_code", "province_code", "status"])
    if not result.participation.empty:
        participation = _loadable_participation(result.participation, malls)
    elif previous is not None:
        participation = store.load_participation(previous)
        carried["participation"] = previous
    else:
        participation = pd.DataFrame(columns=["region_code", "agency", "present"])
    report = result.issues.to_dict("records")
    sources = [
        SourceFile(f.name, _sha256(f.content), f.content, [i for i in report if i["file"] == f.name]) for f in files
    ]
    snapshot_id = store.save_snapshot(
        NewSnapshot(
            malls=malls,
            participation=participation,
            files=sources,
            is_sample=is_sample,
            rows_read=result.counts["rows_read"],
            rows_loaded=result.counts["rows_loaded"],
            rows_rejected=result.counts["rows_rejected"],
            rows_skipped=result.counts["rows_skipped"],
            carried_over=carried,
        )
    )
    return snapshot_id, carried


def _log_ingest(files: list[UploadedFile], result: IngestResult, started: float) -> None:
    for f in files:
        logger.info(
            "ingest file=%s sha256=%s rows_read=%d loaded=%d rejected=%d skipped=%d snapshot=%s seconds=%.2f",
            f.name, _sha256(f.content)[:12], result.counts["rows_read"], result.counts["rows_loaded"],
            result.counts["rows_rejected"], result.counts["rows_skipped"], result.snapshot_id,
            time.perf_counter() - started,
        )  # fmt: skip


def sample_files() -> list[UploadedFile]:
    return [UploadedFile.from_path(SAMPLE_DATA_DIR / name) for name in SAMPLE_FILES]


def open_store(url: str | None = None) -> Store:
    """The configured store with data in it: on first start the sample workbooks become snapshot 1."""
    settings = Settings.from_env()
    store = Store(url or settings.database_url)
    if store.latest_snapshot_id() is None:
        result = ingest_files(sample_files(), store, is_sample=True, settings=settings)
        if result.snapshot_id is None:
            raise NoDataError()
        logger.info("loaded the sample workbooks as snapshot %s", result.snapshot_id)
    return store


def remember_alias(store: Store, written: str, region_code: str) -> None:
    """An analyst's choice for a written name, used by every later load."""
    store.save_alias(normalise_region_name(written), region_code)


@dataclass(frozen=True)
class SnapshotData:
    snapshot: dict
    malls: pd.DataFrame
    participation: pd.DataFrame


def load_snapshot(store: Store, snapshot_id: int | None = None) -> SnapshotData:
    """The newest snapshot unless one is named."""
    snapshot_id = snapshot_id or store.latest_snapshot_id()
    if snapshot_id is None:
        raise NoDataError()
    return SnapshotData(
        store.snapshot(snapshot_id), store.load_malls(snapshot_id), store.load_participation(snapshot_id)
    )


def national_summary(data: SnapshotData, as_of: dt.date | None = None, province: str | None = None) -> dict:
    """The headline figures: coverage, malls by status and coverage per province (the Overview's KPIs)."""
    as_of = as_of or metrics.default_as_of(data.malls)
    malls, regions = metrics.restrict_to_province(data.malls, official_regions(), province)
    summary = metrics.compute_national_summary(malls, regions, as_of)
    provinces = metrics.compute_coverage_by_province(malls, regions, as_of)
    summary["as_of"] = as_of.isoformat()
    summary["province"] = province
    summary["snapshot_id"] = int(data.snapshot["id"])
    summary["is_sample"] = bool(data.snapshot["is_sample"])
    summary["provinces"] = [
        {
            "code": r.province_code,
            "name": r.province_name,
            "total_regions": int(r.total_regions),
            "covered_regions": int(r.covered_regions),
            "coverage_pct": float(r.coverage_pct),
        }  # fmt: skip
        for r in provinces.itertuples()
    ]
    return summary


def national_figures(
    data: SnapshotData,
    as_of: dt.date | None = None,
    target_date: dt.date | None = None,
    province: str | None = None,
) -> dict:
    """The CLI's ``metrics`` object: the headline figures with the forecast and the gap list."""
    as_of = as_of or metrics.default_as_of(data.malls)
    target_date = target_date or Settings.from_env().target_date
    summary = national_summary(data, as_of, province)
    malls, regions = metrics.restrict_to_province(data.malls, official_regions(), province)
    summary["forecast"] = forecast.compute_forecast(malls, regions, as_of, target_date).as_json()
    gaps = metrics.compute_gap_list(malls, regions, as_of)
    summary["gaps"] = gaps[["code", "name", "province_code", "pipeline_status"]].to_dict("records")
    return summary


def agency_presence(data: SnapshotData, as_of: dt.date | None = None) -> pd.DataFrame:
    """``participation.compute_agency_presence`` for a snapshot (default: its latest date)."""
    as_of = as_of or metrics.default_as_of(data.malls)
    return participation.compute_agency_presence(data.malls, data.participation, as_of)


def presence_history(store: Store) -> list[tuple[dt.date, pd.DataFrame, pd.DataFrame]]:
    """(upload date, malls, participation) of every snapshot that is not sample data, oldest first;
    the sample alone when there is nothing else."""
    snapshots = store.list_snapshots()
    real = snapshots[~snapshots["is_sample"].astype(bool)]
    chosen = real if len(real) else snapshots
    return [
        (created.date(), store.load_malls(int(i)), store.load_participation(int(i)))
        for i, created in zip(chosen["id"], chosen["created_at"], strict=True)
    ][::-1]


def snapshot_diff(store: Store, before: int, after: int) -> history.SnapshotDiff:
    """What changed from snapshot ``before`` to snapshot ``after``."""
    return history.compute_snapshot_diff(
        store.load_malls(before), store.load_malls(after), store.load_participation(before),
        store.load_participation(after),
    )  # fmt: skip


def issues_table(result: IngestResult, lang: str) -> pd.DataFrame:
    """One row per issue for the upload page: sheet, row, column, value, severity (in ``lang``), message,
    kind, file."""
    frame = result.issues[["sheet", "row", "column", "value", "severity"]].copy()
    frame["row"] = frame["row"].astype("Int64")
    frame["severity"] = [t(f"severity.{s}", lang) for s in frame["severity"]]
    frame["message"] = result.messages(lang)
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


def region_choices() -> dict[str, str]:
    """Every kabupaten/kota code with a label to choose it by: ``Kabupaten Sanggau (Kalimantan Barat)``."""
    return presentation.region_options(official_regions())


def find_region(written: str) -> str | None:
    """A kabupaten/kota code for a name typed in any of its forms (``Kab. Sanggau``, ``Sanggau Regency``);
    the best suggestion when no exact match applies."""
    if not written.strip():
        return None
    matcher = RegionMatcher()
    match = matcher.match_name(written)
    if match.code and matcher.is_region_code(match.code):  # a province-run name is no region
        return match.code
    return match.candidates[0] if match.candidates else None


def boundary_source(store: Store) -> tuple[str, str] | None:
    """(name, GeoJSON text) of the official boundaries: ``MPP_BOUNDARIES_PATH`` when set, else the
    newest file an admin uploaded; None when there are none."""
    path = Settings.from_env().boundaries_path
    if path:
        return Path(path).name, Path(path).read_text(encoding="utf-8")
    stored = store.latest_boundaries()
    return (stored[1], stored[2]) if stored else None


def parse_boundaries(text: str) -> geo.Boundaries:
    """Raises ``UnreadableFile`` when the text is not GeoJSON."""
    try:
        return geo.read_boundaries(text, set(official_regions()["code"]), set(official_provinces()["code"]))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise UnreadableFile(file="GeoJSON", reason="damaged") from exc


def save_boundaries(store: Store, file_name: str, content: bytes) -> geo.Boundaries:
    """Check and keep an uploaded boundary file; nothing is stored when it cannot be read or matches
    no kabupaten/kota."""
    text = content.decode("utf-8-sig", errors="replace")
    boundaries = parse_boundaries(text)
    if not boundaries.regions:
        raise UnreadableFile(file=file_name, reason="damaged")
    store.save_boundaries(file_name, text)
    return boundaries
