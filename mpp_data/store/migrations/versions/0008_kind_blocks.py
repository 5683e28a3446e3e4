"""Kind blocks (issue 19): each snapshot's frame of a registered upload kind other than malls and
participation, packed as one Parquet block, so a new kind needs no table and no migration of its own.

Revision ID: 0008_kind_blocks
Revises: 0007_subscriptions
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_kind_blocks"
down_revision = "0007_subscriptions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kind_blocks",
        sa.Column("snapshot_id", sa.Integer, sa.ForeignKey("snapshots.id"), primary_key=True),
        sa.Column("kind", sa.String(64), primary_key=True),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("row_count", sa.Integer, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("kind_blocks")
