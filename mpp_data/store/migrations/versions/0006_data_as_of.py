"""Each snapshot records the date its figures describe (``data_as_of``), and each operating mall
without an inauguration date the date it counts as covered from (``counted_from``, issue 20).

Snapshots written before have no ``data_as_of`` (their newest inauguration date stands in); their
undated operating malls count from the day their snapshot was written, never before.

Revision ID: 0006_data_as_of
Revises: 0005_sign_in_failures
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0006_data_as_of"
down_revision = "0005_sign_in_failures"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("snapshots") as batch:
        batch.add_column(sa.Column("data_as_of", sa.Date, nullable=True))
    with op.batch_alter_table("malls") as batch:
        batch.add_column(sa.Column("counted_from", sa.Date, nullable=True))
    conn = op.get_bind()
    snapshots = sa.table("snapshots", sa.column("id", sa.Integer), sa.column("created_at", sa.DateTime))
    malls = sa.table(
        "malls",
        sa.column("snapshot_id", sa.Integer),
        sa.column("status", sa.String),
        sa.column("inaugurated_on", sa.Date),
        sa.column("counted_from", sa.Date),
    )
    for snapshot_id, created_at in conn.execute(sa.select(snapshots.c.id, snapshots.c.created_at)).all():
        written = (
            created_at.date() if isinstance(created_at, dt.datetime) else dt.date.fromisoformat(str(created_at)[:10])
        )
        conn.execute(
            malls.update()
            .where(malls.c.snapshot_id == snapshot_id, malls.c.status == "operating", malls.c.inaugurated_on.is_(None))
            .values(counted_from=written)
        )


def downgrade() -> None:
    with op.batch_alter_table("malls") as batch:
        batch.drop_column("counted_from")
    with op.batch_alter_table("snapshots") as batch:
        batch.drop_column("data_as_of")
