"""The store: snapshots of malls and participation, confirmed aliases, original files (SQLAlchemy).

Nothing is updated in place: each load writes a new snapshot in one transaction. Snapshot writes are
serialised (SQLite ``BEGIN IMMEDIATE``, a PostgreSQL advisory lock), so a load that carries a half over
from the newest snapshot reads it under the same lock it writes under: two loads at the same moment
each see the other's snapshot, and neither half is lost.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from mpp_data.errors import MemoryDatabase, SnapshotNotFound
from mpp_data.store.migrate import upgrade_schema
from mpp_data.store.packing import PARTICIPATION_DTYPES, pack_participation, unpack_participation
from mpp_data.store.side_tables import SideTables
from mpp_data.store.sql import bulk_insert, metadata, plain_rows, private_sqlite_file, sqlite_pragmas, sqlite_writer

logger = logging.getLogger(__name__)


snapshots = sa.Table(
    "snapshots",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("is_sample", sa.Boolean, nullable=False),
    sa.Column("source_files", sa.Text, nullable=False),  # JSON list of file names
    sa.Column("malls_count", sa.Integer, nullable=False),
    sa.Column("participation_count", sa.Integer, nullable=False),
    sa.Column("rows_read", sa.Integer, nullable=False),
    sa.Column("rows_loaded", sa.Integer, nullable=False),
    sa.Column("rows_rejected", sa.Integer, nullable=False),
    sa.Column("rows_skipped", sa.Integer, nullable=False),
    sa.Column("carried_over", sa.Text, nullable=True),  # JSON: {"participation": snapshot id}
    sa.Column("data_as_of", sa.Date, nullable=True),  # the date the figures describe; None before issue 20
)

malls = sa.Table(
    "malls",
    metadata,
    sa.Column("snapshot_id", sa.Integer, sa.ForeignKey("snapshots.id"), nullable=False, index=True),
    sa.Column("mall_name", sa.Text, nullable=False),
    sa.Column("region_code", sa.String(8), nullable=False),
    sa.Column("province_code", sa.String(2), nullable=False),
    sa.Column("region_written", sa.Text),
    sa.Column("status", sa.String(24), nullable=False),
    sa.Column("inaugurated_on", sa.Date),
    sa.Column("inaugurated_precision", sa.String(8)),  # day or month ("Maret 2023"); None without a date
    sa.Column("agencies", sa.Integer),
    sa.Column("services", sa.Integer),
    sa.Column("sheet", sa.Text),
    sa.Column("row", sa.Integer),
    # An operating mall without a date counts as covered from the data_as_of of the first snapshot
    # listing it as operating; None for every other mall.
    sa.Column("counted_from", sa.Date),
)

#: Participation of snapshots written before participation_blocks; read, never written.
participation = sa.Table(
    "participation",
    metadata,
    sa.Column("snapshot_id", sa.Integer, sa.ForeignKey("snapshots.id"), nullable=False, index=True),
    sa.Column("region_code", sa.String(8), nullable=False),
    sa.Column("mall_name", sa.Text),
    sa.Column("agency", sa.Text, nullable=False),
    sa.Column("present", sa.Boolean, nullable=False),
    sa.Column("services", sa.Integer),
    sa.Column("sheet", sa.Text),
    sa.Column("row", sa.Integer),
)

#: Participation, one Parquet block per snapshot rather than a row per mall and agency: a national
#: grid is 120,000 entries, which SQLite inserts in about 0.3 s and Parquet packs in about 10 ms into
#: some 70 kB. Snapshots are never updated and always read whole, so nothing is lost by packing.
participation_blocks = sa.Table(
    "participation_blocks",
    metadata,
    sa.Column("snapshot_id", sa.Integer, sa.ForeignKey("snapshots.id"), primary_key=True),
    sa.Column("format", sa.String(16), nullable=False),
    sa.Column("row_count", sa.Integer, nullable=False),
    sa.Column("content", sa.LargeBinary, nullable=False),
)

source_files = sa.Table(
    "source_files",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("snapshot_id", sa.Integer, sa.ForeignKey("snapshots.id"), nullable=False, index=True),
    sa.Column("file_name", sa.Text, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("size_bytes", sa.Integer, nullable=False),
    sa.Column("content", sa.LargeBinary, nullable=False),
    # JSON list of issues; with corrections or rows left out, {"issues": [...], "corrections": [...],
    # "left_out": [...]} (see SourceFile)
    sa.Column("report", sa.Text, nullable=False),
)

MALL_COLUMNS = [c.name for c in malls.columns if c.name != "snapshot_id"]
PARTICIPATION_COLUMNS = [c.name for c in participation.columns if c.name != "snapshot_id"]
#: pg_advisory_xact_lock key every process writing snapshots to one PostgreSQL database takes ("MPPS").
_PG_SNAPSHOT_LOCK_KEY = 0x4D505053


@dataclass(frozen=True)
class SourceFile:
    """One uploaded file as it came in, its check report (one dict per issue), and what the analyst changed:
    ``corrections`` (sheet, row, column, written, corrected) and ``left_out`` (sheet, row, reason, values)."""

    file_name: str
    sha256: str
    content: bytes
    report: list[dict] = field(default_factory=list)
    corrections: list[dict] = field(default_factory=list)
    left_out: list[dict] = field(default_factory=list)

    def report_json(self) -> str:
        """The stored report: the issues alone, as before, unless the analyst changed something."""
        if not (self.corrections or self.left_out):
            return json.dumps(self.report, default=str)
        stored = {"issues": self.report, "corrections": self.corrections, "left_out": self.left_out}
        return json.dumps(stored, default=str)

    @classmethod
    def stored(cls, file_name: str, sha256: str, content: bytes, report: str) -> SourceFile:
        parsed = json.loads(report)
        if isinstance(parsed, list):
            return cls(file_name, sha256, content, parsed)
        return cls(file_name, sha256, content, parsed["issues"], parsed["corrections"], parsed["left_out"])


@dataclass(frozen=True)
class NewSnapshot:
    """Everything one load writes. ``malls`` and ``participation`` hold the complete current data; for
    :meth:`Store.save_snapshot_carrying` either may be None: that half is carried over."""

    malls: pd.DataFrame | None
    participation: pd.DataFrame | None
    files: list[SourceFile]
    is_sample: bool = False
    rows_read: int = 0
    rows_loaded: int = 0
    rows_rejected: int = 0
    rows_skipped: int = 0
    carried_over: dict[str, int] = field(default_factory=dict)
    data_as_of: dt.date | None = None


@dataclass(frozen=True)
class SavedSnapshot:
    """A snapshot written: its id, and which half came from which earlier snapshot."""

    snapshot_id: int
    carried_over: dict[str, int]


@dataclass(frozen=True)
class Register:
    """The snapshot a load builds on, read under the store's write lock: the newest one not withdrawn
    (``snapshot_id`` None and empty frames when there is none). ``is_sample`` marks the bundled sample."""

    snapshot_id: int | None
    is_sample: bool
    data_as_of: dt.date | None
    malls: pd.DataFrame
    participation: pd.DataFrame


class Store(SideTables):
    """One database, SQLite by default or PostgreSQL through a URL, its schema migrated on opening."""

    def __init__(self, url: str) -> None:
        self.engine: Engine = sa.create_engine(url)
        if self.engine.dialect.name == "sqlite" and self.engine.url.database in (None, "", ":memory:"):
            # Every connection would open its own empty database: the migrated schema and each
            # snapshot would vanish with the connection that wrote them.
            raise MemoryDatabase(url=url)
        if url.startswith("sqlite:///"):
            private_sqlite_file(Path(url.removeprefix("sqlite:///")))
        self.url = url
        self._writer: Engine | None = None  # SQLite only: connections whose transactions take the write lock
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", sqlite_pragmas)
            self._writer = sqlite_writer(url)
        upgrade_schema(self.engine)  # every entry point opens its store here

    def dispose(self) -> None:
        self.engine.dispose()
        if self._writer is not None:
            self._writer.dispose()

    @contextmanager
    def write_lock(self) -> Iterator[sa.Connection]:
        """A transaction under the snapshot write lock: what changes which snapshot is in view (a
        load, a withdrawal, a restore) takes it, so a load never builds on a snapshot being withdrawn."""
        with self._writing() as conn:
            yield conn

    @contextmanager
    def _writing(self) -> Iterator[sa.Connection]:
        """One transaction holding the store's snapshot write lock until it commits: a second writer waits."""
        if self._writer is not None:
            with self._writer.begin() as conn:
                yield conn
            return
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_SNAPSHOT_LOCK_KEY)))
            yield conn

    # -- snapshots ---------------------------------------------------------------
    def save_snapshot(self, new: NewSnapshot) -> int:
        """Write one complete snapshot (both halves given) in one transaction and return its id."""
        if new.malls is None or new.participation is None:
            raise ValueError("save_snapshot needs both halves; save_snapshot_carrying carries a missing one over")
        return self.save_snapshot_carrying(new).snapshot_id

    def save_snapshot_carrying(
        self,
        new: NewSnapshot,
        attach: Callable[[pd.DataFrame, pd.DataFrame], pd.DataFrame] | None = None,
    ) -> SavedSnapshot:
        """Write ``new`` as the newest snapshot; a half given as None is the newest snapshot's (none when
        there is no snapshot, or when it is sample data and ``new`` is not: real data never inherits the
        sample's rows). ``attach(participation, malls)``, when given, fits new participation to the malls
        the snapshot will hold (carried or new) before it is written.

        The newest snapshot is read inside the write transaction, under the lock: a load writing at the
        same moment is either wholly before (and its halves are the ones carried) or wholly after.
        """
        with self._writing() as conn:
            carried: dict[str, int] = {}
            previous = _newest_in_view(conn)
            if previous is not None and not new.is_sample and _read_snapshot(conn, previous)["is_sample"]:
                previous = None
            mall_frame = new.malls
            if mall_frame is None and previous is not None:
                mall_frame = _read_malls(conn, previous)
                carried["malls"] = int(previous)
            if mall_frame is None:
                mall_frame = pd.DataFrame(columns=MALL_COLUMNS)
            participation_frame = new.participation
            if participation_frame is not None and attach is not None:
                participation_frame = attach(participation_frame, mall_frame)
            if participation_frame is None and previous is not None:
                participation_frame = _read_participation(conn, previous)
                carried["participation"] = int(previous)
            if participation_frame is None:
                participation_frame = pd.DataFrame(columns=PARTICIPATION_COLUMNS)
            carried = {**new.carried_over, **carried}
            snapshot_id = _insert_snapshot(conn, new, mall_frame, participation_frame, carried)
        return SavedSnapshot(snapshot_id, carried)

    def save_snapshot_built(self, build: Callable[[Register], NewSnapshot | None]) -> SavedSnapshot | None:
        """Write the snapshot ``build`` makes of the register in view, both read and written under the
        write lock: a load, a withdrawal or a restore at the same moment is wholly before or after.
        ``build`` gets the newest snapshot not withdrawn and returns the complete snapshot (both
        halves), or None to write nothing (the sample when there is data already, a load equal to the
        register); an error it raises writes nothing."""
        with self._writing() as conn:
            previous = _newest_in_view(conn)
            if previous is None:
                empty = pd.DataFrame(columns=MALL_COLUMNS), pd.DataFrame(columns=PARTICIPATION_COLUMNS)
                register = Register(None, False, None, *empty)
            else:
                info = _read_snapshot(conn, previous)
                register = Register(
                    int(previous),
                    bool(info["is_sample"]),
                    _as_date(info.get("data_as_of")),
                    _read_malls(conn, previous),
                    _read_participation(conn, previous),
                )
            new = build(register)
            if new is None:
                return None
            if new.malls is None or new.participation is None:
                raise ValueError("build gives both halves of the snapshot")
            snapshot_id = _insert_snapshot(conn, new, new.malls, new.participation, new.carried_over)
        return SavedSnapshot(snapshot_id, new.carried_over)

    def list_snapshots(self) -> pd.DataFrame:
        """One row per snapshot, newest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(snapshots).order_by(snapshots.c.id.desc())).mappings().all()
        frame = pd.DataFrame([dict(r) for r in rows], columns=[c.name for c in snapshots.columns])
        frame["source_files"] = frame["source_files"].map(json.loads)
        return frame

    def latest_snapshot_id(self) -> int | None:
        """The newest snapshot not withdrawn from view (``accounts.snapshot_withdrawals``)."""
        with self.engine.connect() as conn:
            return _newest_in_view(conn)

    def snapshot(self, snapshot_id: int) -> dict:
        with self.engine.connect() as conn:
            return _read_snapshot(conn, snapshot_id)

    def load_malls(self, snapshot_id: int) -> pd.DataFrame:
        """One row per mall: mall_name, region_code, province_code, status, inaugurated_on (date)..."""
        with self.engine.connect() as conn:
            return _read_malls(conn, snapshot_id)

    def load_participation(self, snapshot_id: int) -> pd.DataFrame:
        """One row per mall and agency: region_code, mall_name, agency, present, services, sheet, row."""
        with self.engine.connect() as conn:
            return _read_participation(conn, snapshot_id)

    def load_source_files(self, snapshot_id: int) -> list[SourceFile]:
        query = sa.select(source_files).where(source_files.c.snapshot_id == snapshot_id)
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [SourceFile.stored(r["file_name"], r["sha256"], r["content"], r["report"]) for r in rows]

    def load_amendments(self, snapshot_id: int) -> tuple[list[dict], list[dict]]:
        """The corrections and rows left out of one snapshot's files (without reading the files)."""
        query = sa.select(source_files.c.report).where(source_files.c.snapshot_id == snapshot_id)
        with self.engine.connect() as conn:
            reports = conn.execute(query.order_by(source_files.c.id)).scalars().all()
        stored = [SourceFile.stored("", "", b"", r) for r in reports]
        return [c for f in stored for c in f.corrections], [r for f in stored for r in f.left_out]

    def counts(self) -> dict[str, int]:
        """Row counts of every table: tests use them to show a failed load changed nothing."""
        with self.engine.connect() as conn:
            return {
                t.name: int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar() or 0)
                for t in metadata.sorted_tables
            }


def _newest_in_view(conn: sa.Connection) -> int | None:
    """The newest snapshot not withdrawn: what every view shows and every load builds on."""
    withdrawn = sa.table("snapshot_withdrawals", sa.column("snapshot_id"))
    query = sa.select(sa.func.max(snapshots.c.id)).where(snapshots.c.id.not_in(sa.select(withdrawn.c.snapshot_id)))
    found = conn.execute(query).scalar()
    return int(found) if found is not None else None


def _as_date(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def _read_snapshot(conn: sa.Connection, snapshot_id: int) -> dict:
    row = conn.execute(sa.select(snapshots).where(snapshots.c.id == snapshot_id)).mappings().first()
    if row is None:
        raise SnapshotNotFound(snapshot_id=snapshot_id)
    result = dict(row)
    result["source_files"] = json.loads(result["source_files"])
    result["carried_over"] = json.loads(result["carried_over"]) if result["carried_over"] else {}
    result["data_as_of"] = _as_date(result.get("data_as_of"))
    return result


def _read_malls(conn: sa.Connection, snapshot_id: int) -> pd.DataFrame:
    frame = _read_rows(conn, malls, MALL_COLUMNS, snapshot_id)
    frame["inaugurated_on"] = pd.to_datetime(frame["inaugurated_on"]).dt.date
    frame["inaugurated_on"] = frame["inaugurated_on"].where(frame["inaugurated_on"].notna(), None)
    counted = pd.to_datetime(frame["counted_from"]).dt.date.astype(object)
    frame["counted_from"] = counted.where(counted.notna(), None)
    return frame


def _read_participation(conn: sa.Connection, snapshot_id: int) -> pd.DataFrame:
    query = sa.select(participation_blocks.c.content).where(participation_blocks.c.snapshot_id == snapshot_id)
    packed = conn.execute(query).scalar()
    if packed is None:  # written before participation was packed, or no such snapshot
        return _read_rows(conn, participation, PARTICIPATION_COLUMNS, snapshot_id).astype(PARTICIPATION_DTYPES)
    return unpack_participation(packed)


def _read_rows(conn: sa.Connection, table: sa.Table, columns: list[str], snapshot_id: int) -> pd.DataFrame:
    _read_snapshot(conn, snapshot_id)
    query = sa.select(*[table.c[c] for c in columns]).where(table.c.snapshot_id == snapshot_id)
    frame = pd.DataFrame(conn.execute(query).all(), columns=columns)
    for column in ("agencies", "services", "row"):
        if column in frame:
            frame[column] = frame[column].astype("Int64")
    return frame


def _insert_snapshot(
    conn: sa.Connection,
    new: NewSnapshot,
    mall_frame: pd.DataFrame,
    participation_frame: pd.DataFrame,
    carried: dict[str, int],
) -> int:
    # Arrow writes Parquet without the GIL: the participation is packed while the malls are inserted.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="mpp-pack") as packer:
        packing = packer.submit(pack_participation, participation_frame)
        snapshot_id = _insert_snapshot_rows(conn, new, mall_frame, len(participation_frame), carried)
        packed = packing.result()
    # Large values go as execute parameters, not ``.values()``: a compiled statement kept in SQLAlchemy's
    # cache would otherwise keep the last upload's bytes alive in the server.
    conn.execute(
        participation_blocks.insert(),
        {"snapshot_id": snapshot_id, "format": "parquet", "row_count": len(participation_frame), "content": packed},
    )
    for f in new.files:
        conn.execute(
            source_files.insert(),
            {
                "snapshot_id": snapshot_id,
                "file_name": f.file_name,
                "sha256": f.sha256,
                "size_bytes": len(f.content),
                "content": f.content,
                "report": f.report_json(),
            },
        )
    return int(snapshot_id)


def _insert_snapshot_rows(
    conn: sa.Connection,
    new: NewSnapshot,
    mall_frame: pd.DataFrame,
    participation_count: int,
    carried: dict[str, int],
) -> int:
    """The snapshot's own row and its malls; the new snapshot's id."""
    mall_rows = plain_rows(mall_frame, MALL_COLUMNS)
    # Counts as Python ints: the SQLite driver would store a numpy integer as bytes.
    snapshot_id = conn.execute(
        snapshots.insert().values(
            created_at=dt.datetime.now(dt.UTC),
            is_sample=new.is_sample,
            source_files=json.dumps([f.file_name for f in new.files]),
            malls_count=len(mall_rows),
            participation_count=participation_count,
            rows_read=int(new.rows_read),
            rows_loaded=int(new.rows_loaded),
            rows_rejected=int(new.rows_rejected),
            rows_skipped=int(new.rows_skipped),
            carried_over=json.dumps(carried) if carried else None,
            data_as_of=new.data_as_of,
        )
    ).inserted_primary_key[0]
    bulk_insert(conn, malls, snapshot_id, mall_rows)
    return int(snapshot_id)
