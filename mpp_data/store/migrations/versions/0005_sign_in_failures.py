"""Sign-in failures counted per e-mail and per client in time windows (issue 22): no lock-out, a
growing delay instead, and one audit row per window rather than one per attempt; and a link's
purpose, so the first-start link can be voided once an admin has signed in.

Revision ID: 0005_sign_in_failures
Revises: 0004_sessions
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_sign_in_failures"
down_revision = "0004_sessions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sign_in_failures",
        sa.Column("key", sa.String(300), primary_key=True),
        sa.Column("window_start", sa.DateTime(timezone=True), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
    )
    op.add_column("sign_in_links", sa.Column("purpose", sa.String(16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sign_in_links") as batch:
        batch.drop_column("purpose")
    op.drop_table("sign_in_failures")
