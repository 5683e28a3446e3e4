"""The store: snapshots of malls and participation, confirmed aliases, original files (SQLAlchemy).

Nothing is updated in place: each load writes a new snapshot in one transaction.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from mpp_data.errors import SnapshotNotFound
from mpp_data.store.migrate import upgrade_schema

logger = logging.getLogger(__name__)

metadata = sa.MetaData()

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
    sa.Column("agencies", sa.Integer),
    sa.Column("services", sa.Integer),
    sa.Column("sheet", sa.Text),
    sa.Column("row", sa.Integer),
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
    sa.Column("report", sa.Text, nullable=False),  # JSON list of issues
)

region_aliases = sa.Table(
    "region_aliases",
    metadata,
    sa.Column("alias", sa.Text, primary_key=True),  # normalised written name
    sa.Column("region_code", sa.String(8), nullable=False),
    sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=False),
)

boundary_files = sa.Table(
    "boundary_files",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("file_name", sa.Text, nullable=False),
    sa.Column("content", sa.Text, nullable=False),  # GeoJSON as uploaded
)

MALL_COLUMNS = [c.name for c in malls.columns if c.name != "snapshot_id"]
PARTICIPATION_COLUMNS = [c.name for c in participation.columns if c.name != "snapshot_id"]
PARTICIPATION_DTYPES = {"region_code": "str", "mall_name": "str", "agency": "str", "present": "bool",
                        "services": "Int64", "sheet": "str", "row": "Int64"}  # fmt: skip


@dataclass(frozen=True)
class SourceFile:
    file_name: str
    sha256: str
    content: bytes
    report: list[dict] = field(default_factory=list)


@dataclass(frozen=True)
class NewSnapshot:
    """Everything one load writes. ``malls`` and ``participation`` hold the complete current data."""

    malls: pd.DataFrame
    participation: pd.DataFrame
    files: list[SourceFile]
    is_sample: bool = False
    rows_read: int = 0
    rows_loaded: int = 0
    rows_rejected: int = 0
    rows_skipped: int = 0
    carried_over: dict[str, int] = field(default_factory=dict)


class Store:
    """One database, SQLite by default or PostgreSQL through a URL, its schema migrated on opening."""

    def __init__(self, url: str) -> None:
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.url = url
        self.engine: Engine = sa.create_engine(url, future=True)
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        upgrade_schema(self.engine)  # every entry point opens its store here

    def dispose(self) -> None:
        self.engine.dispose()

    # -- snapshots ---------------------------------------------------------------
    def save_snapshot(self, new: NewSnapshot) -> int:
        """Write one snapshot in one transaction and return its id."""
        mall_rows = _rows(new.malls, MALL_COLUMNS)
        packed = _pack_participation(new.participation)
        # Counts as Python ints: the SQLite driver would store a numpy integer as bytes.
        with self.engine.begin() as conn:
            snapshot_id = conn.execute(
                snapshots.insert().values(
                    created_at=dt.datetime.now(dt.UTC),
                    is_sample=new.is_sample,
                    source_files=json.dumps([f.file_name for f in new.files]),
                    malls_count=len(mall_rows),
                    participation_count=len(new.participation),
                    rows_read=int(new.rows_read),
                    rows_loaded=int(new.rows_loaded),
                    rows_rejected=int(new.rows_rejected),
                    rows_skipped=int(new.rows_skipped),
                    carried_over=json.dumps(new.carried_over) if new.carried_over else None,
                )
            ).inserted_primary_key[0]
            _bulk_insert(conn, malls, snapshot_id, mall_rows)
            conn.execute(
                participation_blocks.insert().values(
                    snapshot_id=snapshot_id, format="parquet", row_count=len(new.participation), content=packed
                )
            )
            for f in new.files:
                conn.execute(
                    source_files.insert().values(
                        snapshot_id=snapshot_id,
                        file_name=f.file_name,
                        sha256=f.sha256,
                        size_bytes=len(f.content),
                        content=f.content,
                        report=json.dumps(f.report, default=str),
                    )
                )
        return int(snapshot_id)

    def list_snapshots(self) -> pd.DataFrame:
        """One row per snapshot, newest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(snapshots).order_by(snapshots.c.id.desc())).mappings().all()
        frame = pd.DataFrame([dict(r) for r in rows], columns=[c.name for c in snapshots.columns])
        frame["source_files"] = frame["source_files"].map(json.loads)
        return frame

    def latest_snapshot_id(self) -> int | None:
        """The newest snapshot not withdrawn from view (``accounts.snapshot_withdrawals``)."""
        withdrawn = sa.table("snapshot_withdrawals", sa.column("snapshot_id"))
        query = sa.select(sa.func.max(snapshots.c.id)).where(snapshots.c.id.not_in(sa.select(withdrawn.c.snapshot_id)))
        with self.engine.connect() as conn:
            return conn.execute(query).scalar()

    def snapshot(self, snapshot_id: int) -> dict:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(snapshots).where(snapshots.c.id == snapshot_id)).mappings().first()
        if row is None:
            raise SnapshotNotFound(snapshot_id=snapshot_id)
        result = dict(row)
        result["source_files"] = json.loads(result["source_files"])
        result["carried_over"] = json.loads(result["carried_over"]) if result["carried_over"] else {}
        return result

    def load_malls(self, snapshot_id: int) -> pd.DataFrame:
        """One row per mall: mall_name, region_code, province_code, status, inaugurated_on (date)..."""
        frame = self._load(malls, MALL_COLUMNS, snapshot_id)
        frame["inaugurated_on"] = pd.to_datetime(frame["inaugurated_on"]).dt.date
        frame["inaugurated_on"] = frame["inaugurated_on"].where(frame["inaugurated_on"].notna(), None)
        return frame

    def load_participation(self, snapshot_id: int) -> pd.DataFrame:
        """One row per mall and agency: region_code, mall_name, agency, present, services, sheet, row."""
        query = sa.select(participation_blocks.c.content).where(participation_blocks.c.snapshot_id == snapshot_id)
        with self.engine.connect() as conn:
            packed = conn.execute(query).scalar()
        if packed is None:  # written before participation was packed, or no such snapshot
            return self._load(participation, PARTICIPATION_COLUMNS, snapshot_id).astype(PARTICIPATION_DTYPES)
        return pd.read_parquet(io.BytesIO(packed))

    def _load(self, table: sa.Table, columns: list[str], snapshot_id: int) -> pd.DataFrame:
        self.snapshot(snapshot_id)
        query = sa.select(*[table.c[c] for c in columns]).where(table.c.snapshot_id == snapshot_id)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        frame = pd.DataFrame(rows, columns=columns)
        for column in ("agencies", "services", "row"):
            if column in frame:
                frame[column] = frame[column].astype("Int64")
        return frame

    def load_source_files(self, snapshot_id: int) -> list[SourceFile]:
        query = sa.select(source_files).where(source_files.c.snapshot_id == snapshot_id)
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [SourceFile(r["file_name"], r["sha256"], r["content"], json.loads(r["report"])) for r in rows]

    # -- aliases -----------------------------------------------------------------
    def load_aliases(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            return dict(conn.execute(sa.select(region_aliases.c.alias, region_aliases.c.region_code)).all())

    def save_alias(self, alias: str, region_code: str) -> None:
        """Remember an analyst's choice. A later confirmation of the same alias replaces the earlier one."""
        with self.engine.begin() as conn:
            conn.execute(region_aliases.delete().where(region_aliases.c.alias == alias))
            conn.execute(
                region_aliases.insert().values(
                    alias=alias, region_code=region_code, confirmed_at=dt.datetime.now(dt.UTC)
                )
            )

    # -- boundaries ------------------------------------------------------------------
    def save_boundaries(self, file_name: str, content: str) -> int:
        """Keep an official boundary file; the newest one is used, earlier ones stay."""
        with self.engine.begin() as conn:
            return int(
                conn.execute(
                    boundary_files.insert().values(
                        uploaded_at=dt.datetime.now(dt.UTC), file_name=file_name, content=content
                    )
                ).inserted_primary_key[0]
            )

    def latest_boundaries(self) -> tuple[int, str, str] | None:
        """(id, file name, GeoJSON text) of the newest boundary file, or None."""
        query = sa.select(boundary_files.c.id, boundary_files.c.file_name, boundary_files.c.content)
        with self.engine.connect() as conn:
            row = conn.execute(query.order_by(boundary_files.c.id.desc()).limit(1)).first()
        return (int(row[0]), row[1], row[2]) if row else None

    def counts(self) -> dict[str, int]:
        """Row counts of every table: tests use them to show a failed load changed nothing."""
        with self.engine.connect() as conn:
            return {
                t.name: int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar() or 0)
                for t in metadata.sorted_tables
            }


def _sqlite_pragmas(connection, _record) -> None:  # noqa: ANN001
    """Write-ahead logging: the dashboard keeps reading while an upload is written, and a load
    commits without rewriting the whole journal (synchronous=NORMAL is safe under WAL)."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _pack_participation(frame: pd.DataFrame) -> bytes:
    """Participation in its stored columns and types, as Parquet."""
    present = frame if list(frame.columns) == PARTICIPATION_COLUMNS else frame.reindex(columns=PARTICIPATION_COLUMNS)
    changes = {c: t for c, t in PARTICIPATION_DTYPES.items() if str(present[c].dtype) != t}
    typed = present.astype(changes) if changes else present
    buffer = io.BytesIO()
    # Column statistics serve predicate push-down, which whole-snapshot reads never use: a third faster.
    pq.write_table(pa.Table.from_pandas(typed, preserve_index=False), buffer, write_statistics=False)
    return buffer.getvalue()


def _rows(frame: pd.DataFrame, columns: list[str]) -> list[tuple]:
    """Plain Python values (None for missing) in the table's column order, converted column by column."""
    present = frame.reindex(columns=columns)
    converted = []
    for c in columns:
        column = present[c].astype(object)
        converted.append(column.where(present[c].notna(), None).tolist())
    return list(zip(*converted, strict=True)) if converted and len(present) else []


def _bulk_insert(conn: sa.Connection, table: sa.Table, snapshot_id: int, rows: list[tuple]) -> None:
    """One executemany through the driver: per-row SQLAlchemy overhead dominates at 100,000 rows."""
    if not rows:
        return
    names = ["snapshot_id", *[c for c in (c.name for c in table.columns) if c != "snapshot_id"]]
    quoted = ", ".join(conn.dialect.identifier_preparer.quote(n) for n in names)
    marker = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = f"INSERT INTO {table.name} ({quoted}) VALUES ({', '.join([marker] * len(names))})"
    conn.exec_driver_sql(sql, [(snapshot_id, *row) for row in rows])
