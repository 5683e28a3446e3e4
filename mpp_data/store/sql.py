"""SQL plumbing of the store: the SQLite writer engine and its pragmas, rows as plain values, bulk inserts."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

_SQLITE_WRITE_TIMEOUT = 60
#: Every table of the store (snapshots, side tables, accounts) in one metadata, as the migrations see it.
metadata = sa.MetaData()


def sqlite_writer(url: str | sa.URL, **engine_options: object) -> Engine:
    """An engine for SQLite writes: pysqlite takes the write lock only at the first write (after the
    reads of a carry-over) and never before DDL; these connections begin their own transactions with
    BEGIN IMMEDIATE, so a second writer waits (up to ``_SQLITE_WRITE_TIMEOUT``) before it reads anything."""
    writer = sa.create_engine(url, connect_args={"timeout": _SQLITE_WRITE_TIMEOUT}, **engine_options)
    sa.event.listen(writer, "connect", sqlite_pragmas)
    sa.event.listen(writer, "connect", _manual_transactions)
    sa.event.listen(writer, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    return writer


def private_sqlite_file(path: Path) -> None:
    """Make the SQLite store readable by its owner only before SQLite opens it: it holds password
    hashes, original files and the audit log. A folder made here is 0700 and a new file 0600 (SQLite
    gives its -wal and -shm files the database file's mode); an existing store of this user's with
    wider modes is narrowed."""
    # processes starting together may each get here first: neither step fails on what another just made
    path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
    # Only a missing file is opened here: closing any descriptor of a database this process has open
    # drops SQLite's POSIX locks on it (and corrupts it under a concurrent write).
    if not path.exists():
        with contextlib.suppress(FileExistsError):  # another process made it between the check and here
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))  # SQLite takes an empty file
    for member in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if member.exists() and member.stat().st_uid == os.getuid() and member.stat().st_mode & 0o077:
            member.chmod(0o600)


def _manual_transactions(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None


def sqlite_pragmas(connection, _record) -> None:
    """Write-ahead logging: the dashboard keeps reading while an upload is written, and a load
    commits without rewriting the whole journal (synchronous=NORMAL is safe under WAL)."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def plain_rows(frame: pd.DataFrame, columns: list[str]) -> list[tuple]:
    """Plain Python values (None for missing) in the table's column order, converted column by column."""
    present = frame.reindex(columns=columns)
    converted = []
    for c in columns:
        column = present[c].astype(object)
        converted.append(column.where(present[c].notna(), None).tolist())
    return list(zip(*converted, strict=True)) if converted and len(present) else []


def bulk_insert(conn: sa.Connection, table: sa.Table, snapshot_id: int, rows: list[tuple]) -> None:
    """One executemany through the driver: per-row SQLAlchemy overhead dominates at 100,000 rows."""
    if not rows:
        return
    names = ["snapshot_id", *[c for c in (c.name for c in table.columns) if c != "snapshot_id"]]
    quoted = ", ".join(conn.dialect.identifier_preparer.quote(n) for n in names)
    marker = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = f"INSERT INTO {table.name} ({quoted}) VALUES ({', '.join([marker] * len(names))})"
    conn.exec_driver_sql(sql, [(snapshot_id, *row) for row in rows])
