"""Malls keep the precision of their inauguration date: ``day``, or ``month`` for an export that
writes only a month and a year (``Maret 2023``). Rows written before have none, read as day.

Revision ID: 0002_mall_date_precision
Revises: 0001_baseline
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_mall_date_precision"
down_revision = "0001_baseline"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("malls") as batch:
        batch.add_column(sa.Column("inaugurated_precision", sa.String(8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("malls") as batch:
        batch.drop_column("inaugurated_precision")
