"""Reading: snapshots and the figures pages and the CLI ask for."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from mpp_data.access import Action, Actor
from mpp_data.analysis import history, metrics, participation
from mpp_data.config import Settings
from mpp_data.errors import InvalidBoundaries, MppDataError, NoDataError
from mpp_data.ingest.boundaries import read_boundary_file
from mpp_data.ingest.read import megabytes
from mpp_data.present import display as presentation
from mpp_data.reference import bases, geo
from mpp_data.reference.regions import RegionMatcher, official_provinces, official_regions
from mpp_data.service import views
from mpp_data.service.access import record, require
from mpp_data.store import Store
from mpp_data.store.accounts import withdrawn_ids

logger = logging.getLogger(__name__)


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
    snapshot = store.snapshot(snapshot_id)
    snapshot["rows_left_out"] = len(store.load_amendments(snapshot_id)[1])  # every page's source line says so
    return SnapshotData(snapshot, store.load_malls(snapshot_id), store.load_participation(snapshot_id))


def national_summary(
    data: SnapshotData, as_of: dt.date | None = None, province: str | None = None, *, basis: str | None = None
) -> dict:
    """The headline figures: coverage, malls by status and coverage per province (the Overview's KPIs).
    Coverage counts the units of ``basis`` (default ``MPP_BASIS``): ``total_units``, ``covered_units``
    and ``coverage_pct``; ``total_regions`` and ``covered_regions`` are the same counts (their older
    names), and ``provinces`` counts units too (DKI Jakarta is one under ``panrb``)."""
    as_of = as_of or views.default_as_of(data)
    basis = bases.check_basis(basis or Settings.from_env().basis)
    malls, regions = metrics.restrict_to_province(data.malls, official_regions(), province)
    malls, units = bases.unit_malls(malls, basis), bases.counting_units(regions, basis)
    summary = metrics.compute_national_summary(malls, units, as_of)
    # a province-run mall stays one whatever the basis (under panrb DKI's counts for its unit)
    operating = metrics.status_as_of(data.malls, as_of).eq(metrics.OPERATING)
    in_scope = data.malls["province_code"].eq(province) if province else True
    summary["province_run_malls"] = int((operating & in_scope & ~data.malls["region_code"].isin(regions["code"])).sum())
    summary["basis"] = basis
    summary["total_units"], summary["covered_units"] = summary["total_regions"], summary["covered_regions"]
    provinces = metrics.compute_coverage_by_province(malls, units, as_of)
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
    *,
    basis: str | None = None,
) -> dict:
    """The CLI's ``metrics`` object: the headline figures with the forecast and the gap list, counted
    in the units of ``basis`` (default ``MPP_BASIS``)."""
    as_of = as_of or views.default_as_of(data)
    settings = Settings.from_env()
    target_date = target_date or settings.target_date
    basis = bases.check_basis(basis or settings.basis)
    summary = national_summary(data, as_of, province, basis=basis)
    # the same view functions the Overview and the work list draw from
    summary["forecast"] = views.forecast_for(data, as_of, target_date, province, basis=basis).as_json()
    gaps = views.gap_list(data, as_of, province, basis=basis)
    summary["gaps"] = gaps[["code", "name", "province_code", "pipeline_status"]].to_dict("records")
    return summary


def agency_presence(data: SnapshotData, as_of: dt.date | None = None, province: str | None = None) -> pd.DataFrame:
    """``participation.compute_agency_presence`` for a snapshot (default: its data date), of one
    province's operating malls when ``province`` is given (as the Agencies page's filter)."""
    as_of = as_of or views.default_as_of(data)
    malls, _ = metrics.restrict_to_province(data.malls, official_regions(), province)
    return participation.compute_agency_presence(malls, data.participation, as_of)


def presence_history(store: Store) -> list[tuple[dt.date, pd.DataFrame, pd.DataFrame]]:
    """(upload date, malls, participation) of every snapshot that is not sample data nor withdrawn,
    oldest first; the sample alone when there is nothing else."""
    snapshots = store.list_snapshots()
    snapshots = snapshots[~snapshots["id"].isin(withdrawn_ids(store))]
    real = snapshots[~snapshots["is_sample"].astype(bool)]
    chosen = real if len(real) else snapshots
    return [
        (created.date(), store.load_malls(int(i)), store.load_participation(int(i)))
        for i, created in zip(chosen["id"], chosen["created_at"], strict=True)
    ][::-1]


def presence_trend(store: Store) -> pd.DataFrame:
    """Each agency's presence at every upload that is not sample data (the sample alone otherwise)."""
    return participation.compute_presence_trend(presence_history(store))


def snapshot_diff(store: Store, before: int, after: int) -> history.SnapshotDiff:
    """What changed from snapshot ``before`` to snapshot ``after``."""
    return history.compute_snapshot_diff(
        store.load_malls(before), store.load_malls(after), store.load_participation(before),
        store.load_participation(after),
    )  # fmt: skip


def region_choices() -> dict[str, str]:
    """Every kabupaten/kota code with a label to choose it by: ``Kabupaten Sanggau (Kalimantan Barat)``."""
    return presentation.region_options(official_regions())


@dataclass(frozen=True)
class RegionSearch:
    """What a region search found. ``outcome``: ``found`` (``code`` is the region to open),
    ``which_one`` (several regions answer: ``suggestions`` lists them) or ``not_found`` (``suggestions``
    holds near names, perhaps none). Only a certain answer opens a region."""

    written: str
    outcome: str
    code: str | None = None
    suggestions: tuple[str, ...] = ()


def find_region(store: Store | None, written: str) -> RegionSearch:
    """The kabupaten/kota a typed name asks for, by the upload check's own matcher (official names in
    any form, reviewed and saved aliases, abbreviations, an official name without its last word where
    unique, a slip the check accepts); anything less certain is a question, never a guess.

    A province (``Jogja``, ``Pemprov Jawa Timur``) asks which of its regions."""
    text = written.strip()
    if not text:
        return RegionSearch(written=written, outcome="not_found")
    matcher = RegionMatcher(store.load_aliases() if store is not None else {})
    match = matcher.match_name(text)
    if match.code and matcher.is_region_code(match.code):
        return RegionSearch(written=text, outcome="found", code=match.code)
    if match.method == "province" and match.code:
        return RegionSearch(written=text, outcome="which_one", suggestions=matcher.regions_of(match.code))
    suggestions = tuple(c for c in match.candidates if matcher.is_region_code(c))
    outcome = "which_one" if match.method == "ambiguous" and suggestions else "not_found"
    return RegionSearch(written=text, outcome=outcome, suggestions=suggestions)


def find_province(written: str) -> str | None:
    """A province code for its code (``61``) or its official name in any case (``kalimantan barat``);
    None for anything else: a command-line argument or a link must name a province exactly.

    >>> find_province("61"), find_province(" Kalimantan  Barat "), find_province("99")
    ('61', '61', None)
    """
    names = views.province_names()
    if written in names:
        return written
    wanted = " ".join(written.split()).casefold()
    return next((code for code, name in names.items() if name.casefold() == wanted), None)


def boundary_source(store: Store) -> tuple[str, str] | None:
    """(name, GeoJSON text) of the official boundaries: ``MPP_BOUNDARIES_PATH`` when set, else the
    newest file an admin uploaded (unless removed); None when there are none."""
    path = Settings.from_env().boundaries_path
    if path:
        return Path(path).name, Path(path).read_text(encoding="utf-8")
    stored = store.latest_boundaries()
    return (stored[1], stored[2]) if stored else None


@dataclass(frozen=True)
class BoundarySource:
    """Which boundary file the map uses, without its content: ``key`` changes whenever the file does."""

    name: str
    key: str
    from_setting: bool


@dataclass(frozen=True)
class BoundaryFile:
    """A boundary file read for drawing: its boundaries, or the error that keeps it from the map."""

    name: str
    boundaries: geo.Boundaries | None
    error: MppDataError | None = None


def boundary_version(store: Store) -> BoundarySource | None:
    """The boundary file in use, cheaply (no content is read): the map's cache key."""
    path = Settings.from_env().boundaries_path
    if path:
        try:
            stat = Path(path).stat()
            key = f"path:{path}:{stat.st_mtime_ns}:{stat.st_size}"
        except OSError:
            key = f"path:{path}:missing"
        return BoundarySource(Path(path).name, key, from_setting=True)
    head = store.boundaries_head()
    return BoundarySource(head[1], f"stored:{head[0]}", from_setting=False) if head else None


def map_boundaries(store: Store) -> BoundaryFile | None:
    """The boundaries the map draws, checked and simplified; a file that fails a check comes back with
    its error instead, so the map can fall back to points. None when there is no file."""
    settings = Settings.from_env()
    version = boundary_version(store)
    if version is None:
        return None
    try:
        if version.from_setting:
            content: bytes | str = _read_setting_file(
                settings.boundaries_path or "", version.name, settings.max_upload_bytes
            )
        else:
            stored = store.latest_boundaries()
            if stored is None:  # removed since the version was read
                return None
            content = stored[2]
        return BoundaryFile(version.name, parse_boundaries(content, version.name))
    except MppDataError as exc:
        logger.warning("boundary file %s is not drawn: %s %s", version.key, exc.code, exc.params.get("reason"))
        return BoundaryFile(version.name, None, exc)


def _read_setting_file(path: str, name: str, max_bytes: int) -> bytes:
    try:
        with open(path, "rb") as handle:
            content = handle.read(max_bytes + 1)  # never the whole of a huge file
        size = Path(path).stat().st_size
    except OSError as exc:
        raise InvalidBoundaries(file=name, reason="boundary_unreadable") from exc
    if len(content) > max_bytes:
        raise InvalidBoundaries(file=name, reason="boundary_too_large", size_mb=megabytes(size),
                                limit_mb=megabytes(max_bytes))  # fmt: skip
    return content


def parse_boundaries(content: bytes | str, file_name: str = "GeoJSON") -> geo.Boundaries:
    """Check a boundary file and simplify it for drawing. Raises ``InvalidBoundaries`` (an
    ``UnreadableFile``) naming the first check it fails: see ``mpp_data.ingest.boundaries``."""
    settings = Settings.from_env()
    return read_boundary_file(
        content, file_name, set(official_regions()["code"]), set(official_provinces()["code"]),
        max_bytes=settings.max_upload_bytes, max_points=settings.max_boundary_points,
    )  # fmt: skip


def save_boundaries(store: Store, file_name: str, content: bytes, *, actor: Actor) -> geo.Boundaries:
    """Check and keep an uploaded boundary file, exactly as uploaded; nothing is stored when it fails a
    check (``InvalidBoundaries``), such as matching no kabupaten/kota. Only an admin may (else
    ``NotAllowed``)."""
    require(actor, Action.SET_BOUNDARIES)
    boundaries = parse_boundaries(content, file_name)
    store.save_boundaries(file_name, content.decode("utf-8-sig"))
    record(store, actor, "boundaries.set", file_name, {"regions": len(boundaries.regions)})
    return boundaries


def remove_boundaries(store: Store, *, actor: Actor) -> bool:
    """Stop using the uploaded boundary file (it stays on record); False when none was in use. Only an
    admin may (else ``NotAllowed``)."""
    require(actor, Action.SET_BOUNDARIES)
    removed = store.remove_boundaries()
    if removed is not None:
        record(store, actor, "boundaries.removed", str(removed), {})
    return removed is not None
