"""Loading: an upload checked and, when clean, kept as a new snapshot; the sample on first start."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

import pandas as pd

from mpp_data.access import Action, Actor
from mpp_data.analysis import register as plans
from mpp_data.config import SAMPLE_DATA_DIR, Settings
from mpp_data.errors import NoDataError, RegisterTooLarge, ReplaceNeedsConfirmation
from mpp_data.ingest.corrections import REJECTED_BY_CHECK, CellKey, RowKey
from mpp_data.ingest.isolation import check_files_isolated
from mpp_data.ingest.kinds import KIND_BLOCKS, KINDS, kind_named
from mpp_data.ingest.options import IngestOptions
from mpp_data.ingest.pipeline import IngestResult, UploadedFile, sha256
from mpp_data.ingest.problems import Severity, problems_frame
from mpp_data.reference.regions import official_regions
from mpp_data.service.access import SYSTEM, check_typed, record, require
from mpp_data.service.kinds import other_tables, same_frame, typed
from mpp_data.service.orphans import orphan_problems
from mpp_data.store import MALL_COLUMNS, PARTICIPATION_COLUMNS, NewSnapshot, Register, SourceFile, Store

logger = logging.getLogger(__name__)

SAMPLE_FILES = tuple(f"mpp_{kind}_sample.xlsx" for kind in ("malls", "participation"))  # EXAMPLE_FILES: README


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
    corrections: Mapping[CellKey, str] | None = None,
    left_out: Mapping[RowKey, str] | None = None,
    exclude_rejected: bool = False,
    actor: Actor | None = None,
    mode: str = plans.AUTO,
    data_as_of: dt.date | None = None,
    confirm_replace: bool = False,
    only_if_empty: bool = False,
) -> IngestResult:
    """Read, validate and (unless there are errors or ``dry_run``) write one snapshot.

    ``column_overrides``: (file, sheet) -> {header as written: field}, an analyst's corrections.
    ``progress``: called with (step, steps, file name) as each file is read.
    ``corrections``: (file, sheet, Excel row, header as written) -> corrected text; ``left_out``: (file,
    sheet, Excel row) -> reason. Both are checked with the rest and kept with the snapshot.
    ``exclude_rejected``: every row with an error is left out (reason ``REJECTED_BY_CHECK``) and the
    valid rows load; otherwise one error keeps the whole upload out.
    ``actor``: who asks; writing a snapshot needs one whose role may load, a check (``dry_run`` or no store)
    one whose role may check uploads (else ``NotAllowed``): the service asks, not only the page.
    ``mode``: ``auto``, ``update`` or ``replace`` (``analysis.register``); the result's ``plan`` says
    what the load does to the register in view. A replace removing more than a tenth of the operating
    malls needs ``confirm_replace`` or ``mode="replace"`` (else ``ReplaceNeedsConfirmation``).
    ``data_as_of``: the date the figures describe when the files do not say it (default: today).
    ``only_if_empty``: write only when the store has no snapshot yet, decided under its write lock.
    """
    check_typed(corrections, left_out, [f.name for f in files])
    writing = store is not None and not dry_run
    require(actor, Action.LOAD_SNAPSHOT if writing else Action.CHECK_UPLOAD)
    started = time.perf_counter()
    aliases = store.load_aliases() if store else {}
    options = IngestOptions(
        today=today,
        settings=settings or Settings(),
        column_overrides=column_overrides or {},
        progress=progress,
        corrections=corrections or {},
        left_out=left_out or {},
    )
    result = check_files_isolated(files, aliases, options)
    if exclude_rejected and result.has_errors:
        # The same check again without the rejected rows: a conflict between two rows goes with them.
        rejected, problems = rejected_rows(result), result.issues.to_dict("records")
        again = replace(options, progress=None, left_out={**rejected, **options.left_out})
        result = check_files_isolated(files, aliases, again)
        result = replace(result, left_out=[_with_problems(r, problems) for r in result.left_out])
    if dry_run and store is not None:
        record(store, actor, "upload.checked", ", ".join(f.name for f in files), _audit_counts(result))
    if not result.unreadable:
        result = with_plan(result, store, mode=mode, is_sample=is_sample)
    if writing:
        result = store_checked(
            result,
            files,
            store,
            is_sample=is_sample,
            actor=actor,
            column_overrides=column_overrides,
            mode=mode,
            data_as_of=data_as_of,
            confirm_replace=confirm_replace,
            only_if_empty=only_if_empty,
            today=today,
            settings=settings,
        )
    _log_ingest(files, result, started)
    return result


def _province_of_region() -> dict[str, str]:
    return dict(zip(*(official_regions()[c] for c in ("code", "province_code")), strict=True))


def register_in_view(store: Store, *, is_sample: bool = False) -> Register:
    """The register a load builds on, read now (a write reads it again under the store's lock): the
    newest snapshot not withdrawn; an empty one for real data over the sample."""
    snapshot_id = store.latest_snapshot_id()
    if snapshot_id is None:
        return _empty_register()
    info = store.snapshot(snapshot_id)
    found = Register(
        snapshot_id,
        bool(info["is_sample"]),
        info.get("data_as_of"),
        store.load_malls(snapshot_id),
        store.load_participation(snapshot_id),
    )
    return _base(found, is_sample)


def _empty_register() -> Register:
    return Register(None, False, None, pd.DataFrame(columns=MALL_COLUMNS), pd.DataFrame(columns=PARTICIPATION_COLUMNS))


def _base(register: Register, is_sample: bool) -> Register:
    """Real data never builds on the sample's rows."""
    return _empty_register() if register.is_sample and not is_sample else register


def with_plan(
    result: IngestResult, store: Store | None, *, mode: str = plans.AUTO, is_sample: bool = False
) -> IngestResult:
    """The check with its ``plan`` against the register in view (an empty one without a store), and a
    warning for each mall named by the upload's rows (participation, agreements, visits: every kind that
    names a mall) that the register the snapshot will have does not hold (the rows are kept)."""
    if result.has_errors:
        return result
    register = register_in_view(store, is_sample=is_sample) if store is not None else _empty_register()
    incoming = _loadable_malls(result.malls) if not result.malls.empty else register.malls.iloc[:0]
    plan = plans.plan_load(register.malls, incoming, mode, _province_of_region())
    after = plans.merge_malls(register.malls, incoming, plan.mode) if not result.malls.empty else register.malls
    # a file checked on its own (no store, no malls in the files) has no register to compare with
    compared = store is not None or not result.malls.empty
    problems = orphan_problems(after, result) if compared else []
    issues = result.issues if not problems else pd.concat([result.issues, problems_frame(problems)], ignore_index=True)
    return replace(result, plan=plan, issues=issues)


def load_plan(result: IngestResult, store: Store, mode: str, *, is_sample: bool = False) -> plans.LoadPlan | None:
    """What loading a checked upload in ``mode`` would do to the register in view (the Upload page's
    choice of mode); None when the check found errors."""
    if result.has_errors:
        return None
    register = register_in_view(store, is_sample=is_sample)
    incoming = _loadable_malls(result.malls) if not result.malls.empty else register.malls.iloc[:0]
    return plans.plan_load(register.malls, incoming, mode, _province_of_region())


def store_checked(
    result: IngestResult,
    files: list[UploadedFile],
    store: Store,
    *,
    actor: Actor | None,
    is_sample: bool = False,
    column_overrides: dict[tuple[str, str], dict[str, str]] | None = None,
    mode: str = plans.AUTO,
    data_as_of: dt.date | None = None,
    confirm_replace: bool = False,
    only_if_empty: bool = False,
    today: dt.date | None = None,
    settings: Settings | None = None,
) -> IngestResult:
    """Keep an upload already checked (``ingest_files(..., dry_run=True)``) as a new snapshot, without
    reading its files again; nothing is written when the check found errors or no rows, or when the
    result equals the register in view (``equal_to``). ``actor`` must be allowed to load (else
    ``NotAllowed``); the load, and each row corrected or left out, is audited. The data date is the
    files' own (``result.data_as_of``), else ``data_as_of``, else ``today``. The register may hold at most
    ``settings.max_register_malls`` malls (the default setting when not given)."""
    require(actor, Action.LOAD_SNAPSHOT)
    if result.snapshot_id is not None or result.has_errors or all(t.empty for t in result.tables.values()):
        return result
    load = _Load(
        mode=mode,
        data_as_of=result.data_as_of or data_as_of or today or dt.date.today(),
        confirm_replace=confirm_replace,
        only_if_empty=only_if_empty,
        # the bundled sample re-uploaded is still invented data, whatever the file is called
        is_sample=is_sample or contains_sample(files),
        limit=(settings or Settings()).max_register_malls,
    )
    outcome = _write_snapshot(store, files, result, load)
    result = replace(result, plan=outcome.get("plan", result.plan), data_as_of=load.data_as_of)
    if outcome.get("equal_to") is not None:
        record(store, actor, "upload.equal", outcome["equal_to"], {"files": [f.name for f in files]})
        return replace(result, equal_to=outcome["equal_to"])
    if outcome.get("snapshot_id") is None:  # the sample, when another process loaded data first
        return result
    snapshot_id, carried = outcome["snapshot_id"], outcome["carried"]
    result = replace(result, snapshot_id=snapshot_id, carried_over=carried)
    details: dict[str, object] = {
        "files": [f.name for f in files],
        **_audit_counts(result),
        "data_as_of": load.data_as_of.isoformat(),
    }
    if result.plan is not None:
        details["plan"] = result.plan.as_json()
    if column_overrides:  # an analyst's corrections of how columns were read
        details["column_overrides"] = {
            f"{file} / {sheet}": fields for (file, sheet), fields in column_overrides.items()
        }
    record(store, actor, "snapshot.loaded", snapshot_id, details)
    if result.corrections:
        record(store, actor, "rows.corrected", snapshot_id, {"corrections": result.corrections})
    if result.left_out:
        record(
            store,
            actor,
            "rows.left_out",
            snapshot_id,
            {"rows": [{k: r.get(k) for k in ("file", "sheet", "row", "reason")} for r in result.left_out]},
        )
    return result


def _audit_counts(result: IngestResult) -> dict[str, int]:
    return {k: int(v) for k, v in result.counts.items()}


def rejected_rows(result: IngestResult) -> dict[RowKey, str]:
    """(file, sheet, Excel row) -> ``REJECTED_BY_CHECK`` for every row with an error."""
    errors = result.issues[(result.issues["severity"] == Severity.ERROR) & result.issues["row"].notna()]
    return {(i["file"], i["sheet"], int(i["row"])): REJECTED_BY_CHECK for i in errors.to_dict("records")}


def _with_problems(row: dict, problems: list[dict]) -> dict:
    """A row the check rejected, with the problems that rejected it (one ``issues`` record each)."""
    if row["reason"] != REJECTED_BY_CHECK:
        return row
    place = (row["file"], row["sheet"], row["row"])
    return row | {"problems": [p for p in problems if (p["file"], p["sheet"], p["row"]) == place]}


def _loadable_malls(malls: pd.DataFrame) -> pd.DataFrame:
    return kind_named("malls").loadable(malls)


def _loadable_participation(participation: pd.DataFrame) -> pd.DataFrame:
    return kind_named("participation").loadable(participation)


def _attach_to_malls(participation: pd.DataFrame, malls: pd.DataFrame) -> pd.DataFrame:
    """Rows naming only a region belong to that region's mall when it has exactly one (of the malls the
    snapshot holds: new, or carried over from the newest snapshot inside the store's write)."""
    missing = participation["mall_name"].isna()
    if not missing.any():
        return participation
    single = malls.groupby("region_code")["mall_name"].agg(lambda s: s.iloc[0] if len(s) == 1 else None)
    attached = participation.copy()
    # as objects: with no malls the map gives float NaN, which a str column refuses
    attached.loc[missing, "mall_name"] = attached.loc[missing, "region_code"].map(single).astype(object)
    return attached


@dataclass(frozen=True)
class _Load:
    """How one checked upload is written (see ``store_checked``)."""

    mode: str
    data_as_of: dt.date
    confirm_replace: bool
    only_if_empty: bool
    is_sample: bool
    limit: int


def build_register(
    register: Register, incoming_malls: pd.DataFrame | None, incoming_participation: pd.DataFrame | None, load: _Load
) -> tuple[pd.DataFrame, pd.DataFrame, plans.LoadPlan]:
    """The register after the load, built on ``register`` (the one in view, read under the lock):
    malls merged by the plan's mode, ``counted_from`` given to undated operating malls, participation
    fitted to the malls and merged. Raises ``ReplaceNeedsConfirmation`` and ``RegisterTooLarge``."""
    current = _base(register, load.is_sample)
    incoming = incoming_malls if incoming_malls is not None else current.malls.iloc[:0]
    plan = plans.plan_load(current.malls, incoming, load.mode, _province_of_region())
    if plan.needs_confirmation and not (load.confirm_replace or load.mode == plans.REPLACE):
        raise ReplaceNeedsConfirmation(
            removed=plan.operating_removed, operating=plan.operating_before, share_pct=plan.removed_share_pct
        )
    malls = plans.merge_malls(current.malls, incoming, plan.mode) if incoming_malls is not None else current.malls
    if len(malls) > load.limit:
        raise RegisterTooLarge(malls=len(malls), limit=load.limit)
    malls = plans.assign_counted_from(malls.reindex(columns=MALL_COLUMNS), current.malls, load.data_as_of)
    fitted = _attach_to_malls(incoming_participation, malls) if incoming_participation is not None else None
    participation = plans.merge_participation(current.participation, fitted, plan.mode)
    return malls.reset_index(drop=True), participation.reindex(columns=PARTICIPATION_COLUMNS), plan


def _write_snapshot(store: Store, files: list[UploadedFile], result: IngestResult, load: _Load) -> dict:
    """The new snapshot built on the register in view, read and written under the store's lock, so two
    uploads at the same moment cannot both build on the snapshot before them, and a withdrawn snapshot
    is never built on. What happened: ``snapshot_id``, ``carried``, ``plan``, or ``equal_to``."""
    report = result.issues.to_dict("records")
    sources = [
        SourceFile(
            f.name,
            sha256(f.content),
            f.content,
            [i for i in report if i["file"] == f.name],
            corrections=[c for c in result.corrections if c["file"] == f.name],
            left_out=[r for r in result.left_out if r["file"] == f.name],
        )
        for f in files
    ]
    incoming_malls = _loadable_malls(result.malls) if not result.malls.empty else None
    incoming_participation = _loadable_participation(result.participation) if not result.participation.empty else None
    # every other registered kind: the upload's rows, else its carry-over rule (``Kind.carry``)
    others = {k.name: k for k in KINDS if k.stored_in == KIND_BLOCKS}
    incoming = {n: typed(k, k.loadable(result.table(n))) for n, k in others.items() if not result.table(n).empty}
    outcome: dict = {}

    def build(register: Register) -> NewSnapshot | None:
        if load.only_if_empty and register.snapshot_id is not None:
            return None
        malls, participation, plan = build_register(register, incoming_malls, incoming_participation, load)
        outcome["plan"] = plan
        base = _base(register, load.is_sample)
        tables, carried_others = other_tables(others, incoming, base)
        same_others = all(same_frame(tables.get(n), base.tables.get(n)) for n in others)
        if (
            base.snapshot_id is not None
            and same_others
            and plans.same_register(malls, participation, base.malls, base.participation)
        ):
            outcome["equal_to"] = base.snapshot_id
            return None
        carried = {}
        if base.snapshot_id is not None:
            carried = {
                half: base.snapshot_id
                for half, new in (("malls", incoming_malls), ("participation", incoming_participation))
                if new is None
            }
            carried |= dict.fromkeys(carried_others, base.snapshot_id)
        return NewSnapshot(
            malls=malls,
            participation=participation,
            files=sources,
            tables=tables,
            is_sample=load.is_sample,
            rows_read=result.counts["rows_read"],
            rows_loaded=result.counts["rows_loaded"],
            rows_rejected=result.counts["rows_rejected"],
            rows_skipped=result.counts["rows_skipped"],
            carried_over=carried,
            data_as_of=load.data_as_of,
        )

    saved = store.save_snapshot_built(build)
    if saved is not None:
        outcome["snapshot_id"], outcome["carried"] = saved.snapshot_id, saved.carried_over
    return outcome


def _log_ingest(files: list[UploadedFile], result: IngestResult, started: float) -> None:
    for f in files:
        logger.info(
            "ingest file=%s sha256=%s rows_read=%d loaded=%d rejected=%d skipped=%d snapshot=%s seconds=%.2f",
            f.name,
            sha256(f.content)[:12],
            result.counts["rows_read"],
            result.counts["rows_loaded"],
            result.counts["rows_rejected"],
            result.counts["rows_skipped"],
            result.snapshot_id,
            time.perf_counter() - started,
        )


def contains_sample(files: list[UploadedFile]) -> bool:
    """Whether any of the files is one of the bundled sample workbooks, recognised by content (sha256)."""
    sample = {sha256(f.content) for f in sample_files()}
    return any(sha256(f.content) in sample for f in files)


def sample_files() -> list[UploadedFile]:
    return [UploadedFile.from_path(SAMPLE_DATA_DIR / name) for name in SAMPLE_FILES]


def open_store(url: str, *, settings: Settings | None = None) -> Store:
    """The store at ``url`` with data in it: on first start the sample workbooks become snapshot 1, read
    within ``settings``' limits (the defaults when not given)."""
    settings = settings or Settings(database_url=url)
    store = Store(url)
    if store.latest_snapshot_id() is None:
        # Several processes may start on a new shared store at once: the sample is written only when the
        # store is still empty under its write lock, so it is loaded once.
        result = ingest_files(
            sample_files(),
            store,
            is_sample=True,
            settings=settings,
            actor=SYSTEM,
            only_if_empty=True,
            mode=plans.REPLACE,
        )
        if result.snapshot_id is None and store.latest_snapshot_id() is None:
            raise NoDataError()
        if result.snapshot_id is not None:
            logger.info("loaded the sample workbooks as snapshot %s", result.snapshot_id)
    return store
