"""Tables beside the snapshots: the analysts' confirmed region aliases and the official boundary files
(SQLAlchemy). ``Store`` takes these methods from ``SideTables``."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from mpp_data.store.sql import metadata

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

#: The content of a boundary_files row that marks the removal of the file before it.
_REMOVED = ""


class SideTables:
    """Aliases and boundary files of one store (``engine``)."""

    engine: Engine

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

    def delete_alias(self, alias: str) -> bool:
        """Forget an analyst's choice; whether there was one."""
        with self.engine.begin() as conn:
            return conn.execute(region_aliases.delete().where(region_aliases.c.alias == alias)).rowcount > 0

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

    def remove_boundaries(self) -> int | None:
        """Stop using the boundary file in use. Nothing is deleted: a row with empty content (never a
        GeoJSON) marks the removal, and the file stays on record. None when no file is in use."""
        head = self.boundaries_head()
        return self.save_boundaries(head[1], _REMOVED) if head else None

    def boundaries_head(self) -> tuple[int, str] | None:
        """(id, file name) of the boundary file in use, without its content; None when there is none."""
        query = sa.select(boundary_files.c.id, boundary_files.c.file_name, boundary_files.c.content == _REMOVED)
        with self.engine.connect() as conn:
            row = conn.execute(query.order_by(boundary_files.c.id.desc()).limit(1)).first()
        return (int(row[0]), row[1]) if row and not row[2] else None

    def latest_boundaries(self) -> tuple[int, str, str] | None:
        """(id, file name, GeoJSON text) of the boundary file in use, or None (none, or removed)."""
        query = sa.select(boundary_files.c.id, boundary_files.c.file_name, boundary_files.c.content)
        with self.engine.connect() as conn:
            row = conn.execute(query.order_by(boundary_files.c.id.desc()).limit(1)).first()
        return (int(row[0]), row[1], row[2]) if row and row[2] != _REMOVED else None
