"""Subscriptions, alerts, the send log and the fired alerts (issue 25): briefings that arrive by
themselves, sent once per slot whoever runs the scheduler.

Revision ID: 0007_subscriptions
Revises: 0006_data_as_of
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_subscriptions"
down_revision = "0006_data_as_of"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "subscriptions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("recipients", sa.Text, nullable=False),
        sa.Column("province", sa.String(2), nullable=True),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("basis", sa.String(16), nullable=False),
        sa.Column("frequency", sa.String(8), nullable=False),
        sa.Column("day", sa.Integer, nullable=False),
        sa.Column("time_of_day", sa.String(5), nullable=False),
        sa.Column("zone", sa.String(64), nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
    )
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("recipients", sa.Text, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("province", sa.String(2), nullable=True),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
    )
    op.create_table(
        "send_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("target", sa.String(32), nullable=False),
        sa.Column("slot", sa.String(200), nullable=False),
        sa.Column("attempt", sa.Integer, nullable=False),
        sa.Column("recipients", sa.Text, nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("error", sa.Text, nullable=True),
        sa.Column("figures", sa.Text, nullable=True),
        sa.UniqueConstraint("target", "slot", "attempt", name="uq_send_log_target_slot_attempt"),
    )
    op.create_index("ix_send_log_at", "send_log", ["at"])
    op.create_table(
        "fired_alerts",
        sa.Column("alert_id", sa.Integer, primary_key=True),
        sa.Column("event_key", sa.String(200), primary_key=True),
        sa.Column("fired_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("snapshot_id", sa.Integer, nullable=True),
        sa.Column("details", sa.Text, nullable=True),
    )


def downgrade() -> None:
    op.drop_table("fired_alerts")
    op.drop_index("ix_send_log_at", "send_log")
    op.drop_table("send_log")
    op.drop_table("alerts")
    op.drop_table("subscriptions")
