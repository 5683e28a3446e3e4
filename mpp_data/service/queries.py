"""Reading: snapshots, their history and the names one looks regions up by. The figures of one view are
in ``views``; boundary files in ``boundaries``; what changes the store is in ``writing`` and ``loading``."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import TypeVar

import pandas as pd

from mpp_data.analysis import history, participation
from mpp_data.errors import NoDataError
from mpp_data.ingest.kinds import kind_named
from mpp_data.present import display as presentation
from mpp_data.reference.regions import RegionMatcher, official_regions
from mpp_data.service import kinds, views
from mpp_data.store import Store
from mpp_data.store.accounts import withdrawn_ids

T = TypeVar("T")
DERIVED_KEPT = 32
_DERIVING = threading.RLock()  # a build may ask for another derived value


@dataclass(frozen=True)
class SnapshotData:
    """One snapshot: its row, and each registered kind's frame (``table(name)``; ``malls`` and
    ``participation`` are the first two kinds')."""

    snapshot: dict
    tables: Mapping[str, pd.DataFrame]
    #: What views derive from the snapshot alone or for one date (``derived``), kept with it: the UI keeps
    #: one ``SnapshotData`` per snapshot for every session, so a new date costs the date's work only.
    _derived: dict = field(default_factory=dict, compare=False, repr=False)

    def derived(self, key: tuple, build: Callable[[], T]) -> T:
        """``build()``, made once per ``key`` for this snapshot (the newest :data:`DERIVED_KEPT` kept).
        Its frames are shared: callers copy before changing them."""
        with _DERIVING:  # sessions asking for the same date at once: one builds, the others wait and share it
            if key in self._derived:
                found = self._derived.pop(key)
            else:
                found = build()
                while len(self._derived) >= DERIVED_KEPT:
                    self._derived.pop(next(iter(self._derived)))
            self._derived[key] = found  # the newest last
            return found

    def table(self, name: str) -> pd.DataFrame:
        """The snapshot's frame of one kind (an empty frame in the kind's columns when it has none)."""
        found = self.tables.get(name)
        if found is not None:
            return found
        return kind_named(name).empty()

    def table_on(self, name: str) -> dt.date | None:
        """The date the upload that gave kind ``name``'s rows describes: the snapshot's data date (a kind
        carried over from an older upload keeps that upload's date once the kinds' registry records it)."""
        dates = self.snapshot.get("kind_dates") or {}
        return dates.get(name) or self.snapshot.get("data_as_of")

    @property
    def malls(self) -> pd.DataFrame:
        return self.table("malls")

    @property
    def participation(self) -> pd.DataFrame:
        return self.table("participation")


def load_snapshot(store: Store, snapshot_id: int | None = None) -> SnapshotData:
    """The newest snapshot unless one is named."""
    snapshot_id = snapshot_id or store.latest_snapshot_id()
    if snapshot_id is None:
        raise NoDataError()
    snapshot = store.snapshot(snapshot_id)
    snapshot["rows_left_out"] = len(store.load_amendments(snapshot_id)[1])  # every page's source line says so
    snapshot["carried_sources"] = carried_sources(store, snapshot)  # ... and where each carried kind came from
    return SnapshotData(snapshot, kinds.load_tables(store, snapshot_id))


def carried_sources(store: Store, snapshot: dict) -> dict[str, tuple[int, list[str]]]:
    """Kind -> (the upload its rows were loaded from, that upload's files) for each kind ``snapshot``
    carries over from an earlier upload (participation kept when only malls were uploaded): followed back
    through uploads that carried it too, to the one whose files held it."""
    found = {}
    for kind, carried_from in (snapshot.get("carried_over") or {}).items():
        origin, seen = store.snapshot(int(carried_from)), {int(snapshot["id"])}
        while kind in origin.get("carried_over", {}) and int(origin["id"]) not in seen:
            seen.add(int(origin["id"]))
            origin = store.snapshot(int(origin["carried_over"][kind]))
        found[kind] = (int(origin["id"]), list(origin["source_files"]))
    return found


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
    """What changed from snapshot ``before`` to snapshot ``after``: the register's malls and agencies,
    agreements that changed stage, and (``kinds``) each other registered kind's rows by its key."""
    diff = history.compute_snapshot_diff(
        store.load_malls(before),
        store.load_malls(after),
        store.load_participation(before),
        store.load_participation(after),
    )
    stages = history.compute_stage_changes(
        load_snapshot(store, before).table("agreements"), load_snapshot(store, after).table("agreements")
    )
    others = kinds.kind_changes(store, before, after)
    return replace(diff, agreements_changed=stages, **({"kinds": others} if others else {}))


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
