"""Sessions in the store: a sign-in survives reloads and other processes (issue 21).

Revision ID: 0004_sessions
Revises: 0003_accounts
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_sessions"
down_revision = "0003_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("email", sa.Text, nullable=False),
        sa.Column("method", sa.String(16), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_sessions_email", "sessions", ["email"])


def downgrade() -> None:
    op.drop_index("ix_sessions_email", table_name="sessions")
    op.drop_table("sessions")
