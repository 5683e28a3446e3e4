"""Baseline: the schema as it stood when migrations began (snapshots, malls, participation rows and
blocks, source files, region aliases, boundary files).

A store written before migrations was created by ``metadata.create_all`` and already has these
tables: each one present is kept as it is, so such a store is adopted at this revision without DDL.

Revision ID: 0001_baseline
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_baseline"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    present = set(sa.inspect(op.get_bind()).get_table_names())

    if "snapshots" not in present:
        op.create_table(
            "snapshots",
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("is_sample", sa.Boolean, nullable=False),
            sa.Column("source_files", sa.Text, nullable=False),
            sa.Column("malls_count", sa.Integer, nullable=False),
            sa.Column("participation_count", sa.Integer, nullable=False),
            sa.Column("rows_read", sa.Integer, nullable=False),
            sa.Column("rows_loaded", sa.Integer, nullable=False),
            sa.Column("rows_rejected", sa.Integer, nullable=False),
            sa.Column("rows_skipped", sa.Integer, nullable=False),
            sa.Column("carried_over", sa.Text, nullable=True),
        )

    if "malls" not in present:
        op.create_table(
            "malls",
            sa.Column("snapshot_id", sa.Integer, sa.ForeignKey("snapshots.id"), nullable=False),
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
        op.create_index("ix_malls_snapshot_id", "malls", ["snapshot_id"])

    if "participation" not in present:
        op.create_table(
            "participation",
            sa.Column("snapshot_id", sa.Integer, sa.ForeignKey("snapshots.id"), nullable=False),
            sa.Column("region_code", sa.String(8), nullable=False),
            sa.Column("mall_name", sa.Text),
            sa.Column("agency", sa.Text, nullable=False),
            sa.Column("present", sa.Boolean, nullable=False),
            sa.Column("services", sa.Integer),
            sa.Column("sheet", sa.Text),
            sa.Column("row", sa.Integer),
        )
        op.create_index("ix_participation_snapshot_id", "participation", ["snapshot_id"])

    if "participation_blocks" not in present:
        op.create_table(
            "participation_blocks",
            sa.Column("snapshot_id", sa.Integer, sa.ForeignKey("snapshots.id"), primary_key=True),
            sa.Column("format", sa.String(16), nullable=False),
            sa.Column("row_count", sa.Integer, nullable=False),
            sa.Column("content", sa.LargeBinary, nullable=False),
        )

    if "source_files" not in present:
        op.create_table(
            "source_files",
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("snapshot_id", sa.Integer, sa.ForeignKey("snapshots.id"), nullable=False),
            sa.Column("file_name", sa.Text, nullable=False),
            sa.Column("sha256", sa.String(64), nullable=False),
            sa.Column("size_bytes", sa.Integer, nullable=False),
            sa.Column("content", sa.LargeBinary, nullable=False),
            sa.Column("report", sa.Text, nullable=False),
        )
        op.create_index("ix_source_files_snapshot_id", "source_files", ["snapshot_id"])

    if "region_aliases" not in present:
        op.create_table(
            "region_aliases",
            sa.Column("alias", sa.Text, primary_key=True),
            sa.Column("region_code", sa.String(8), nullable=False),
            sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=False),
        )

    if "boundary_files" not in present:
        op.create_table(
            "boundary_files",
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("file_name", sa.Text, nullable=False),
            sa.Column("content", sa.Text, nullable=False),
        )


def downgrade() -> None:
    for table in (
        "boundary_files",
        "region_aliases",
        "source_files",
        "participation_blocks",
        "participation",
        "malls",
        "snapshots",
    ):
        op.drop_table(table)
