"""What changed between two snapshots (pure).

A mall is the same mall in both when its region code and its name (case and spaces folded) agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from mpp_data.analysis.register import name_keys


def _mall_key(malls: pd.DataFrame) -> pd.Series:
    return malls["region_code"].astype(str) + "|" + malls["mall_name"].astype(str).str.lower().str.split().str.join(" ")


@dataclass(frozen=True)
class SnapshotDiff:
    """Each table has one row per change; ``summary`` counts them."""

    added: pd.DataFrame  # region_code, mall_name, status, inaugurated_on
    removed: pd.DataFrame  # region_code, mall_name, status, inaugurated_on
    status_changed: pd.DataFrame  # region_code, mall_name, status_before, status_after
    date_changed: pd.DataFrame  # region_code, mall_name, inaugurated_before, inaugurated_after
    agencies_joined: pd.DataFrame  # region_code, mall_name, agency
    agencies_left: pd.DataFrame  # region_code, mall_name, agency
    #: region_code, mall, agency, stage_before, stage_after (issue 24: agreements that changed stage)
    agreements_changed: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=["region_code", "mall", "agency", "stage_before", "stage_after"])
    )
    #: every other registered kind's changes by kind name (``ingest.kinds.KindChanges``), when it has any
    kinds: Mapping[str, Any] = field(default_factory=dict)

    @property
    def summary(self) -> dict[str, int]:
        return {
            name: len(getattr(self, name))
            for name in (
                "added",
                "removed",
                "status_changed",
                "date_changed",
                "agencies_joined",
                "agencies_left",
                "agreements_changed",
            )
        }

    def as_json(self) -> dict:
        def rows(frame: pd.DataFrame) -> list[dict]:
            return [
                {k: (v.isoformat() if hasattr(v, "isoformat") else (None if pd.isna(v) else v)) for k, v in r.items()}
                for r in frame.astype(object).to_dict("records")
            ]

        found = {"summary": self.summary, **{name: rows(getattr(self, name)) for name in self.summary}}
        for name, changes in self.kinds.items():  # no key at all without another kind: the output stays
            found[name] = {
                "summary": changes.summary,
                "added": rows(changes.added),
                "removed": rows(changes.removed),
                "changed": rows(changes.changed),
            }
        return found


_MALL_COLUMNS = ["region_code", "mall_name", "status", "inaugurated_on"]


def compute_snapshot_diff(
    malls_before: pd.DataFrame, malls_after: pd.DataFrame, part_before: pd.DataFrame, part_after: pd.DataFrame
) -> SnapshotDiff:
    before = malls_before.assign(key=_mall_key(malls_before)).drop_duplicates("key").set_index("key")
    after = malls_after.assign(key=_mall_key(malls_after)).drop_duplicates("key").set_index("key")
    added = after.loc[after.index.difference(before.index, sort=False), _MALL_COLUMNS]
    removed = before.loc[before.index.difference(after.index, sort=False), _MALL_COLUMNS]
    both = before.index.intersection(after.index, sort=False)
    later = after.loc[both, ["status", "inaugurated_on"]].add_suffix("_after")
    joined = before.loc[both, _MALL_COLUMNS].join(later)
    status_changed = joined[joined["status"] != joined["status_after"]].rename(columns={"status": "status_before"})[
        ["region_code", "mall_name", "status_before", "status_after"]
    ]
    dates_differ = _dates_differ(joined["inaugurated_on"], joined["inaugurated_on_after"])
    date_changed = joined[dates_differ].rename(
        columns={"inaugurated_on": "inaugurated_before", "inaugurated_on_after": "inaugurated_after"}
    )[["region_code", "mall_name", "inaugurated_before", "inaugurated_after"]]
    joined_agencies, left_agencies = _agency_changes(part_before, part_after)
    return SnapshotDiff(
        added.reset_index(drop=True),
        removed.reset_index(drop=True),
        status_changed.reset_index(drop=True),
        date_changed.reset_index(drop=True),
        joined_agencies,
        left_agencies,
    )


def _dates_differ(before: pd.Series, after: pd.Series) -> pd.Series:
    """True where a date was set, cleared or moved. No date in both is no change: pandas compares
    None with None as unequal, which once counted every undated mall as a correction."""
    missing_before, missing_after = before.isna(), after.isna()
    moved = ~missing_before & ~missing_after & (before.astype(object) != after.astype(object))
    return moved | (missing_before != missing_after)


def _present(participation: pd.DataFrame) -> set[tuple[str, str, str]]:
    present = participation[participation["present"].astype(bool)]
    names = present["mall_name"].fillna("").astype(str).str.lower().str.split().str.join(" ")
    return set(zip(present["region_code"].astype(str), names, present["agency"].astype(str), strict=True))


def _agency_changes(before: pd.DataFrame, after: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    was, now = _present(before), _present(after)
    columns = ["region_code", "mall_name", "agency"]
    return (
        pd.DataFrame(sorted(now - was), columns=columns),
        pd.DataFrame(sorted(was - now), columns=columns),
    )


def compute_stage_changes(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """Agreements whose stage differs between two snapshots' agreements frames (a mall and agency in
    only one of them counts as ``none`` in the other): region_code, mall, agency, stage_before,
    stage_after; by region, mall and agency. A mall is the same by the register's identity rule (region
    code and ``register.name_keys``: ``Mal Pelayanan Publik`` = ``MPP``, case and spaces aside)."""
    columns = ["region_code", "mall", "agency", "stage_before", "stage_after"]

    def staged(frame: pd.DataFrame) -> pd.DataFrame:
        keyed = frame.assign(mall_key=frame["region_code"].astype(str) + "|" + name_keys(frame["mall"]))
        return keyed.drop_duplicates(["mall_key", "agency"], keep="last").set_index(["mall_key", "agency"])

    was, now = staged(before), staged(after)
    both = was[["region_code", "mall", "stage"]].merge(
        now[["region_code", "mall", "stage"]], left_index=True, right_index=True, how="outer", suffixes=("_b", "")
    )
    both["region_code"] = both["region_code"].fillna(both["region_code_b"])
    both["mall"] = both["mall"].fillna(both["mall_b"])
    both["stage_before"], both["stage_after"] = both["stage_b"].fillna("none"), both["stage"].fillna("none")
    changed = both[both["stage_before"] != both["stage_after"]].reset_index()
    return changed[columns].sort_values(["region_code", "mall", "agency"]).reset_index(drop=True)
