"""Loading: an upload checked and, when clean, kept as a new snapshot; the sample on first start."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable

import pandas as pd

from mpp_data.access import Action, Actor
from mpp_data.config import SAMPLE_DATA_DIR, Settings
from mpp_data.errors import NoDataError
from mpp_data.ingest.pipeline import IngestResult, UploadedFile, check_files, sha256
from mpp_data.reference.names import normalise_region_name
from mpp_data.service.access import SYSTEM, record, require
from mpp_data.store import PARTICIPATION_COLUMNS, NewSnapshot, SourceFile, Store

logger = logging.getLogger(__name__)

SAMPLE_FILES = ("mpp_malls_sample.xlsx", "mpp_participation_sample.xlsx")


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
    actor: Actor | None = None,
) -> IngestResult:
    """Read, validate and (unless there are errors or ``dry_run``) write one snapshot.

    ``column_overrides``: (file, sheet) -> {header as written: field}, an analyst's corrections.
    ``progress``: called with (step, steps, file name) as each file is read.
    ``actor``: who asks; writing a snapshot needs one whose role may load (else ``NotAllowed``).
    """
    writing = store is not None and not dry_run
    if writing:
        require(actor, Action.LOAD_SNAPSHOT)
    started = time.perf_counter()
    aliases = store.load_aliases() if store else {}
    result = check_files(
        files, aliases, today=today, settings=settings, column_overrides=column_overrides, progress=progress
    )
    if result.has_errors or dry_run or store is None or (result.malls.empty and result.participation.empty):
        _log_ingest(files, result, started)
        if dry_run and store is not None and actor is not None and actor.signed_in:
            record(store, actor, "upload.checked", ", ".join(f.name for f in files), _audit_counts(result))
        return result
    # the bundled sample re-uploaded is still invented data, whatever the file is called
    snapshot_id, carried = _write_snapshot(store, files, result, is_sample or contains_sample(files))
    result = IngestResult(result.malls, result.participation, result.issues, result.sheets, result.counts,
                          snapshot_id, carried, result.unreadable)  # fmt: skip
    _log_ingest(files, result, started)
    details: dict[str, object] = {"files": [f.name for f in files], **_audit_counts(result)}
    if column_overrides:  # an analyst's corrections of how columns were read
        details["column_overrides"] = {
            f"{file} / {sheet}": fields for (file, sheet), fields in column_overrides.items()
        }
    record(store, actor, "snapshot.loaded", snapshot_id, details)
    return result


def _audit_counts(result: IngestResult) -> dict[str, int]:
    return {k: int(v) for k, v in result.counts.items()}


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
        SourceFile(f.name, sha256(f.content), f.content, [i for i in report if i["file"] == f.name]) for f in files
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
            f.name, sha256(f.content)[:12], result.counts["rows_read"], result.counts["rows_loaded"],
            result.counts["rows_rejected"], result.counts["rows_skipped"], result.snapshot_id,
            time.perf_counter() - started,
        )  # fmt: skip


def contains_sample(files: list[UploadedFile]) -> bool:
    """Whether any of the files is one of the bundled sample workbooks, recognised by content (sha256)."""
    sample = {sha256(f.content) for f in sample_files()}
    return any(sha256(f.content) in sample for f in files)


def sample_files() -> list[UploadedFile]:
    return [UploadedFile.from_path(SAMPLE_DATA_DIR / name) for name in SAMPLE_FILES]


def open_store(url: str | None = None) -> Store:
    """The configured store with data in it: on first start the sample workbooks become snapshot 1."""
    settings = Settings.from_env()
    store = Store(url or settings.database_url)
    if store.latest_snapshot_id() is None:
        result = ingest_files(sample_files(), store, is_sample=True, settings=settings, actor=SYSTEM)
        if result.snapshot_id is None:
            raise NoDataError()
        logger.info("loaded the sample workbooks as snapshot %s", result.snapshot_id)
    return store


def remember_alias(store: Store, written: str, region_code: str, *, actor: Actor) -> None:
    """An analyst's choice for a written name, used by every later load."""
    require(actor, Action.CONFIRM_ALIAS)
    alias = normalise_region_name(written)
    store.save_alias(alias, region_code)
    record(store, actor, "alias.confirmed", alias, {"written": written, "region_code": region_code})
