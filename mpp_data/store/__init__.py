"""The store: snapshots kept in SQLAlchemy tables (SQLite by default, PostgreSQL by URL); users, links,
the audit log and withdrawals in ``accounts``."""

from mpp_data.store import accounts, mail, sessions
from mpp_data.store.snapshots import (
    MALL_COLUMNS,
    PARTICIPATION_COLUMNS,
    NewSnapshot,
    Register,
    SavedSnapshot,
    SourceFile,
    Store,
)

__all__ = [
    "MALL_COLUMNS",
    "PARTICIPATION_COLUMNS",
    "Register",
    "NewSnapshot",
    "SavedSnapshot",
    "SourceFile",
    "Store",
    "accounts",
    "mail",
    "sessions",
]
