"""Each registered upload kind's frame of a snapshot, read where the kind says it is kept, and what
changed in it between two snapshots (reading only)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd

from mpp_data.ingest.kinds import CARRY_NEWEST, KIND_BLOCKS, KINDS, Kind, KindChanges
from mpp_data.store import Register, Store

#: The store's own tables (``Kind.stored_in``) and how one snapshot's frame is read from each.
_OWN_TABLES: dict[str, Callable[[Store, int], pd.DataFrame]] = {
    "malls": Store.load_malls,
    "participation_blocks": Store.load_participation,
}


def typed(kind: Kind, frame: pd.DataFrame | None) -> pd.DataFrame:
    """A frame of ``kind`` in its stored columns and types (the kind's empty frame for None)."""
    if frame is None:
        return kind.empty()
    present = frame.reindex(columns=list(kind.columns))
    changes = {c: t for c, t in kind.dtypes.items() if str(present[c].dtype) != t}
    return present.astype(changes) if changes else present


def load_table(store: Store, snapshot_id: int, kind: Kind) -> pd.DataFrame:
    """The snapshot's frame of one kind; the kind's empty frame when it holds none."""
    if kind.stored_in == KIND_BLOCKS:
        return typed(kind, store.load_block(snapshot_id, kind.name))
    return _OWN_TABLES[kind.stored_in](store, snapshot_id)


def load_tables(store: Store, snapshot_id: int) -> dict[str, pd.DataFrame]:
    """Every registered kind's frame of a snapshot, by kind name, in registration order."""
    return {kind.name: load_table(store, snapshot_id, kind) for kind in KINDS}


def kind_changes(store: Store, before: int, after: int) -> dict[str, KindChanges]:
    """What changed in each kind kept in ``kind_blocks`` (malls and participation: ``history.SnapshotDiff``)."""
    return {
        kind.name: kind.changes(load_table(store, before, kind), load_table(store, after, kind))
        for kind in KINDS
        if kind.stored_in == KIND_BLOCKS
    }


def other_tables(
    others: Mapping[str, Kind], incoming: Mapping[str, pd.DataFrame], base: Register
) -> tuple[dict[str, pd.DataFrame | None], list[str]]:
    """Each other kind's frame of the new snapshot (the upload's; else, by the kind's rule, the snapshot
    built on's, or none) and the kinds carried over."""
    tables: dict[str, pd.DataFrame | None] = {}
    carried = []
    for name, kind in others.items():
        if name in incoming:
            tables[name] = incoming[name]
        elif kind.carry == CARRY_NEWEST and name in base.tables:
            tables[name] = typed(kind, base.tables[name])
            carried.append(name)
    return tables, carried


def same_frame(a: pd.DataFrame | None, b: pd.DataFrame | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.reset_index(drop=True).astype(object).equals(b.reset_index(drop=True).astype(object))
