"""The store: snapshots kept in SQLAlchemy tables (SQLite by default, PostgreSQL by URL)."""

from mpp_data.store.snapshots import PARTICIPATION_COLUMNS, NewSnapshot, SavedSnapshot, SourceFile, Store

__all__ = ["PARTICIPATION_COLUMNS", "NewSnapshot", "SavedSnapshot", "SourceFile", "Store"]
