"""The planner: the plan of a snapshot on a counting basis, and its stages over the upload history.

Every function takes the view's parameters by keyword (``basis=``, ``as_of=``, ``target_date=``,
``province=``), as the view scope carries them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from mpp_data.analysis import stages
from mpp_data.analysis.plan import Plan, compute_plan
from mpp_data.config import Settings
from mpp_data.present import plan as plan_text
from mpp_data.reference import bases
from mpp_data.reference.regions import official_regions
from mpp_data.service import views
from mpp_data.service.queries import SnapshotData, load_snapshot
from mpp_data.store import Store
from mpp_data.store.accounts import withdrawn_ids


@dataclass(frozen=True)
class StageView:
    """``stuck``: ``stages.compute_stuck`` rows; ``durations``: ``stages.compute_stage_durations`` rows;
    ``uploads``: how many uploads the history holds; ``threshold_months``: the stuck setting used."""

    stuck: pd.DataFrame
    durations: pd.DataFrame
    uploads: int
    threshold_months: int


def plan_for(
    data: SnapshotData, *, basis: str, as_of: dt.date | None = None, target_date: dt.date | None = None
) -> Plan:
    """The plan of every unit of ``basis`` on ``as_of`` (default: the snapshot's newest date) toward
    ``target_date`` (callers pass ``Settings.target_date``; the setting's default otherwise), national
    and per province."""
    as_of = as_of or views.default_as_of(data)
    target_date = target_date or Settings().target_date
    units = bases.counting_units(official_regions(), bases.check_basis(basis))
    return compute_plan(bases.unit_malls(data.malls, basis), units, as_of=as_of, target_date=target_date)


def stage_history(store: Store, snapshot_id: int | None = None) -> list[tuple[dt.date, pd.DataFrame]]:
    """(upload date, malls) of every upload up to ``snapshot_id`` (default: the newest) that is neither
    sample data nor withdrawn, oldest first; the snapshot alone when it is sample data."""
    snapshot_id = snapshot_id or store.latest_snapshot_id()
    if snapshot_id is None:
        return []
    listed = store.list_snapshots()
    withdrawn = withdrawn_ids(store)
    if bool(store.snapshot(snapshot_id)["is_sample"]):
        chosen = listed[listed["id"].eq(snapshot_id)]
    else:
        chosen = listed[
            listed["id"].le(snapshot_id) & ~listed["is_sample"].astype(bool) & ~listed["id"].isin(withdrawn)
        ]
    chosen = chosen.sort_values("id")
    return [
        (pd.Timestamp(created).date(), store.load_malls(int(i)))
        for i, created in zip(chosen["id"], chosen["created_at"], strict=True)
    ]


def plan_stages(
    store: Store, snapshot_id: int | None = None, *, basis: str, stuck_months: int | None = None
) -> StageView:
    """Units stuck in a stage for more than ``stuck_months`` (default ``MPP_STUCK_MONTHS``) and the
    observed stage durations, over the uploads up to ``snapshot_id``, in the units of ``basis``."""
    threshold = Settings().stuck_months if stuck_months is None else stuck_months  # callers pass the setting
    units = bases.counting_units(official_regions(), bases.check_basis(basis))
    history = [(day, bases.unit_malls(malls, basis)) for day, malls in stage_history(store, snapshot_id)]
    unit_stages = stages.compute_unit_stages(history, units)
    return StageView(
        stuck=stages.compute_stuck(unit_stages, units, threshold),
        durations=stages.compute_stage_durations(unit_stages, units),
        uploads=len(history),
        threshold_months=threshold,
    )


def plan_report(
    store: Store,
    snapshot_id: int | None = None,
    *,
    basis: str | None = None,
    as_of: dt.date | None = None,
    target_date: dt.date | None = None,
    province: str | None = None,
    pace: float | None = None,
    stuck_months: int | None = None,
) -> dict:
    """The ``plan --json`` object (``present.plan.plan_json``): the plan, the stuck units and, with
    ``pace``, the national what-if. With ``province`` the provinces and stuck lists hold only that
    province; the national figures stay national."""
    data = load_snapshot(store, snapshot_id)
    basis = bases.check_basis(basis or bases.DEFAULT_BASIS)  # the CLI passes MPP_BASIS's
    plan = plan_for(data, basis=basis, as_of=as_of, target_date=target_date)
    stuck = plan_stages(store, int(data.snapshot["id"]), basis=basis, stuck_months=stuck_months).stuck
    return plan_text.plan_json(plan, stuck, basis=basis, province=province, pace_per_year=pace)
