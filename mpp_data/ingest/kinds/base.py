"""What an upload kind is (:class:`Kind`), the registry of them (:data:`KINDS`) and the default diff."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from mpp_data.ingest.cells import map_distinct
from mpp_data.ingest.findings import ProblemLog, column_of, stripped, without_long_text
from mpp_data.ingest.match_regions import RegionResolver, resolve_regions
from mpp_data.ingest.problems import IssueKind, Problem
from mpp_data.ingest.tables import LocatedTable, TableRows, fold_header

#: An upload without a table of the kind: the new snapshot keeps the newest snapshot's frame of it.
CARRY_NEWEST = "newest"
#: An upload without a table of the kind: the new snapshot holds none of it.
CARRY_NONE = "none"
#: Where a kind's frames are kept unless it says otherwise: one packed block per snapshot and kind.
KIND_BLOCKS = "kind_blocks"

#: (located table, its data rows, the run's region resolver, file name, today) -> (checked frame, problems)
Check = Callable[[LocatedTable, TableRows, RegionResolver, str, dt.date], tuple[pd.DataFrame, list[Problem]]]
#: (table, data rows, the sheet's log, Excel rows, region codes, mall names) -> the kind's rows, one or more a row
Build = Callable[[LocatedTable, TableRows, ProblemLog, pd.Series, pd.Series, pd.Series], pd.DataFrame]


@dataclass(frozen=True)
class Tally:
    """Rows of one kind's checked frame as the analyst counts them (a wide sheet's row is one row)."""

    loaded: int
    rejected: int
    repeated: int = 0  # exact repeats: read, loaded once, counted as skipped


@dataclass(frozen=True)
class KindChanges:
    """What changed in one kind's frame between two snapshots: rows by ``Kind.key``."""

    added: pd.DataFrame
    removed: pd.DataFrame
    changed: pd.DataFrame  # the key, then each compared column as <column>_before and <column>_after

    @property
    def summary(self) -> dict[str, int]:
        return {"added": len(self.added), "removed": len(self.removed), "changed": len(self.changed)}


@dataclass(frozen=True)
class MallColumns:
    """Which columns of a kind's checked rows name a mall and its region: a load warns (``issue``) of
    each mall its rows name that the snapshot's register will not hold (``analysis.register.orphan_rows``)."""

    mall: str
    region: str = "region_code"
    issue: IssueKind = IssueKind.MALL_NOT_IN_REGISTER


@dataclass(frozen=True)
class Kind:
    """One upload kind.

    ``columns``/``dtypes``: the stored frame (``SnapshotData.table(name)``); ``checked_columns``: the
    checked frame (``IngestResult.table(name)``), every row read, rejected ones flagged in ``rejected``.
    ``headers``: field -> header words (Indonesian and English, as exports write them).
    ``locate(sheet, rows)``: the table it finds in a raw sheet; the sheet is this kind's when the
    table's ``kind`` is in ``table_kinds`` and no other kind's table scores higher.
    ``check``: a located table's rows to the checked frame and its problems (codes and parameters).
    ``tally``: the checked frame counted; ``loadable``: the checked frame to the stored rows.
    ``key``: the columns naming one row across snapshots; ``diff(before, after)``: what changed.
    ``carry``: ``CARRY_NEWEST`` or ``CARRY_NONE`` (see the module's note).
    ``stored_in``: the store's table for it (``KIND_BLOCKS`` for any kind but the first two).
    ``report_columns``: the columns ``ingest --json`` lists under the kind's name.
    ``names_mall``: the columns naming each row's mall (None: its rows name no mall of the register);
    ``headers``' fields are labelled on the Upload page by the catalogue's ``field.<field>``, as is
    ``grid_field``, what each column of a grid holds (an agency; a month of visits).
    """

    name: str
    columns: tuple[str, ...]
    dtypes: Mapping[str, str]
    checked_columns: tuple[str, ...]
    headers: Mapping[str, tuple[str, ...]]
    locate: Callable[[str, list[list[object]]], LocatedTable]
    table_kinds: tuple[str, ...]
    check: Check
    tally: Callable[[pd.DataFrame], Tally]
    loadable: Callable[[pd.DataFrame], pd.DataFrame]
    key: tuple[str, ...]
    report_columns: tuple[str, ...]
    carry: str = CARRY_NEWEST
    stored_in: str = KIND_BLOCKS
    diff: Callable[[pd.DataFrame, pd.DataFrame], KindChanges] | None = None
    names_mall: MallColumns | None = None
    grid_field: str = "agency"
    extra: Mapping[str, Any] = field(default_factory=dict)

    def empty(self) -> pd.DataFrame:
        """The stored frame with no rows, in its columns and types."""
        return pd.DataFrame({c: pd.Series(dtype=self.dtypes.get(c, "object")) for c in self.columns})

    def changes(self, before: pd.DataFrame, after: pd.DataFrame) -> KindChanges:
        return (self.diff or keyed_changes(self.key))(before, after)


#: Every registered kind, in registration order (the order of reports, counts and the diff).
KINDS: list[Kind] = []


def register(kind: Kind) -> Kind:
    """Add a kind (a kind of the same name is replaced in its place)."""
    for i, known in enumerate(KINDS):
        if known.name == kind.name:
            KINDS[i] = kind
            return kind
    KINDS.append(kind)
    return kind


def unregister(name: str) -> None:
    KINDS[:] = [k for k in KINDS if k.name != name]


@contextmanager
def registered(kind: Kind) -> Iterator[Kind]:
    """``kind`` registered for the length of a block (a test's extra kind)."""
    register(kind)
    try:
        yield kind
    finally:
        unregister(kind.name)


def kind_named(name: str) -> Kind:
    for kind in KINDS:
        if kind.name == name:
            return kind
    raise KeyError(name)


def keyed_changes(key: tuple[str, ...]) -> Callable[[pd.DataFrame, pd.DataFrame], KindChanges]:
    """The default diff: rows whose key is new, gone, or whose other values differ (every column but
    the key and where the row was read: ``sheet``, ``row``, ``file``)."""

    def changes(before: pd.DataFrame, after: pd.DataFrame) -> KindChanges:
        columns = list(key)
        compared = [c for c in after.columns if c not in (*columns, "sheet", "row", "file") and c in before.columns]
        old = before.drop_duplicates(columns).set_index(columns)
        new = after.drop_duplicates(columns).set_index(columns)
        added = new.loc[new.index.difference(old.index)].reset_index()
        removed = old.loc[old.index.difference(new.index)].reset_index()
        both = new.index.intersection(old.index)
        left = old.loc[both, compared].astype(object)
        right = new.loc[both, compared].astype(object)
        differs = ~((left == right) | (left.isna() & right.isna())).all(axis=1)
        changed = pd.concat([left[differs].add_suffix("_before"), right[differs].add_suffix("_after")], axis=1)
        return KindChanges(added, removed, changed.reset_index())

    return changes


@dataclass(frozen=True)
class HeaderLocator:
    """A ``locate`` for a kind with its own header words: the first of a sheet's first 40 rows naming
    every ``required`` field; its score is the number of fields it names. A value, not a closure, so a
    kind using it travels to the parse worker."""

    name: str
    headers: Mapping[str, tuple[str, ...]]
    required: tuple[str, ...]

    def __call__(self, sheet: str, rows: list[list[object]]) -> LocatedTable:
        index = {fold_header(w): f for f, words in self.headers.items() for w in words}
        for i, row in enumerate(rows[:40]):
            written = {j: str(v).strip() for j, v in enumerate(row) if v not in (None, "") and str(v).strip()}
            columns: dict[int, str] = {}
            for j, header in written.items():
                found = index.get(fold_header(header))
                if found and found not in columns.values():
                    columns[j] = found
            if set(self.required) <= set(columns.values()):
                return LocatedTable(sheet, self.name, (i + 1,), written, columns, score=float(len(columns)))
        return LocatedTable(sheet=sheet, kind="unknown", header_rows=(), headers={}, columns={})


def header_locator(name: str, headers: Mapping[str, tuple[str, ...]], required: tuple[str, ...]) -> HeaderLocator:
    return HeaderLocator(name, headers, required)


@contextmanager
def kinds_as(kinds: tuple[Kind, ...]) -> Iterator[None]:
    """The registry set to ``kinds`` for a block: the parse worker checks with the kinds its caller had."""
    before = list(KINDS)
    KINDS[:] = kinds
    try:
        yield
    finally:
        KINDS[:] = before


def checked_rows(
    table: LocatedTable, data: TableRows, resolver: RegionResolver, file: str, *, build: Build, columns: tuple[str, ...]
) -> tuple[pd.DataFrame, list[Problem]]:
    """The check of a kind whose rows each name a mall (agreements, visits): text cells over
    ``MAX_CELL_TEXT`` reported and emptied, regions resolved and mall names trimmed once for the sheet, ``build`` gives the kind's rows (``row``: the Excel row each came
    from), each placed by file and sheet and ``rejected`` when a problem of its row is an error."""
    log = ProblemLog(file, table.sheet)
    data = without_long_text(data, table, log)
    rows = data.frame["row"]
    codes = resolve_regions(data, table, resolver, log)
    mall_raw, _ = column_of(data, table, "mall_name")
    malls = map_distinct(mall_raw, lambda v: stripped(v) or None)
    frame = build(table, data, log, rows, codes, malls).reset_index(drop=True)
    frame.insert(0, "file", file)
    frame.insert(1, "sheet", table.sheet)
    frame["row"] = frame["row"].astype("Int64")
    frame["rejected"] = log.rejected(frame["row"]).astype(bool)
    return frame[list(columns)], log.sorted_problems()


def tally_rows(frame: pd.DataFrame) -> Tally:
    """Rows of the sheet: a row giving several entries (a grid's agency columns, months as columns) is
    counted once."""
    if frame.empty:
        return Tally(0, 0)
    rows = frame[["file", "sheet", "row"]].astype(str).agg("|".join, axis=1)
    rejected = rows[frame["rejected"].to_numpy(dtype=bool)].nunique()
    return Tally(rows.nunique() - rejected, rejected)


def loadable_rows(
    frame: pd.DataFrame, columns: tuple[str, ...], dtypes: Mapping[str, str], *, required: tuple[str, ...] = ()
) -> pd.DataFrame:
    """The stored rows of a checked frame: neither rejected nor without a ``required`` value, in the
    stored ``columns`` and (but for plain objects) ``dtypes``."""
    keep = ~frame["rejected"].to_numpy(dtype=bool)
    for name in required:
        keep &= frame[name].notna().to_numpy(dtype=bool)
    out = frame[keep][list(columns)].reset_index(drop=True)
    return out.astype({c: t for c, t in dtypes.items() if t != "object"})
