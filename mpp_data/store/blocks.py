"""Each snapshot's frame of every registered upload kind but malls and participation: one packed block
per snapshot and kind (``kind_blocks``, revision 0008), so a new kind needs no table of its own."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa

from mpp_data.store.packing import pack_frame, unpack_frame
from mpp_data.store.sql import metadata

#: Every other registered upload kind (``mpp_data.ingest.kinds``): its frame of one snapshot as one
#: Parquet block, in the columns and types the kind declares; a kind a snapshot does not hold has no row.
kind_blocks = sa.Table(
    "kind_blocks",
    metadata,
    sa.Column("snapshot_id", sa.Integer, sa.ForeignKey("snapshots.id"), primary_key=True),
    sa.Column("kind", sa.String(64), primary_key=True),
    sa.Column("format", sa.String(16), nullable=False),
    sa.Column("row_count", sa.Integer, nullable=False),
    sa.Column("content", sa.LargeBinary, nullable=False),
)


def read_block(conn: sa.Connection, snapshot_id: int, kind: str) -> pd.DataFrame | None:
    query = sa.select(kind_blocks.c.content).where(kind_blocks.c.snapshot_id == snapshot_id, kind_blocks.c.kind == kind)
    packed = conn.execute(query).scalar()
    return unpack_frame(packed) if packed is not None else None


def read_blocks(conn: sa.Connection, snapshot_id: int) -> dict[str, pd.DataFrame]:
    query = sa.select(kind_blocks.c.kind, kind_blocks.c.content).where(kind_blocks.c.snapshot_id == snapshot_id)
    return {kind: unpack_frame(packed) for kind, packed in conn.execute(query).all()}


def insert_blocks(conn: sa.Connection, snapshot_id: int, tables: dict[str, pd.DataFrame | None]) -> None:
    for kind, frame in tables.items():
        if frame is not None:
            conn.execute(
                kind_blocks.insert(),
                {
                    "snapshot_id": snapshot_id,
                    "kind": kind,
                    "format": "parquet",
                    "row_count": len(frame),
                    "content": pack_frame(frame),
                },
            )
