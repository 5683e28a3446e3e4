"""The store's schema, brought to the newest Alembic revision whenever a store is opened.

Every ``Store(...)`` comes through :func:`upgrade_schema`, so the dashboard, the command line and
the tests open a store the same way. A store at the newest revision costs two small queries and no
Alembic import (about 0.2 s, which the dashboard's cold start would pay on every run). Otherwise,
under a lock that a second process starting at the same moment waits on, the revisions in
``migrations/versions`` are run in one transaction: on a new store they create the tables; a store
written before migrations existed (tables, no ``alembic_version``) gets the baseline recorded and
only the tables it lacks are created.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from mpp_data.store.sql import sqlite_writer

logger = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().with_name("migrations")
BASELINE = "0001_baseline"
#: The newest revision in ``migrations/versions``; a test holds the two together.
HEAD = "0008_kind_blocks"
#: pg_advisory_xact_lock key shared by every process migrating one PostgreSQL database ("MPP" in ASCII).
_PG_LOCK_KEY = 0x4D5050


def schema_revision(engine: Engine) -> str | None:
    """The revision the store is at; None for a new store or one written before migrations."""
    with engine.connect() as conn:
        return _revision(conn)


def upgrade_schema(engine: Engine) -> str:
    """Bring the store to :data:`HEAD` and return the revision; nothing is written when it is there."""
    if schema_revision(engine) == HEAD:
        return HEAD
    from alembic import command  # imported here: opening a current store needs none of it
    from alembic.config import Config

    with _locked(engine) as conn:
        # Checked again under the lock: another process may have just done the work.
        before = _revision(conn)
        if before is None and sa.inspect(conn).has_table("snapshots"):
            logger.info("store written before migrations: recording the baseline revision %s", BASELINE)
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        after = _revision(conn)
    if after != before:
        logger.info("store schema upgraded from %s to %s", before, after)
    return after or ""


def _revision(conn: sa.Connection) -> str | None:
    if not sa.inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


@contextmanager
def _locked(engine: Engine) -> Iterator[sa.Connection]:
    """A connection in a transaction that holds the database's write lock until it commits."""
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_LOCK_KEY)))
            yield conn
        return
    if engine.dialect.name != "sqlite":
        with engine.begin() as conn:
            yield conn
        return
    locking = sqlite_writer(engine.url, poolclass=sa.pool.NullPool)
    try:
        with locking.begin() as conn:
            yield conn
    finally:
        locking.dispose()
