"""Reading: snapshots and the figures pages and the CLI ask for."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from mpp_data.access import Action, Actor
from mpp_data.analysis import history, metrics, participation
from mpp_data.config import Settings
from mpp_data.errors import NoDataError, UnreadableFile
from mpp_data.present import display as presentation
from mpp_data.reference import geo
from mpp_data.reference.regions import RegionMatcher, official_provinces, official_regions
from mpp_data.service import views
from mpp_data.service.access import record, require
from mpp_data.store import Store


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
    # the same view functions the Overview and the work list draw from
    summary["forecast"] = views.forecast_for(data, as_of, target_date, province).as_json()
    gaps = views.gap_list(data, as_of, province)
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


def save_boundaries(store: Store, file_name: str, content: bytes, *, actor: Actor) -> geo.Boundaries:
    """Check and keep an uploaded boundary file; nothing is stored when it cannot be read or matches
    no kabupaten/kota. Only an admin may (else ``NotAllowed``)."""
    require(actor, Action.SET_BOUNDARIES)
    text = content.decode("utf-8-sig", errors="replace")
    boundaries = parse_boundaries(text)
    if not boundaries.regions:
        raise UnreadableFile(file=file_name, reason="damaged")
    store.save_boundaries(file_name, text)
    record(store, actor, "boundaries.set", file_name, {"regions": len(boundaries.regions)})
    return boundaries
