"""The committee's year: meetings, the årshjul, and commitments tied to them (issue 18).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meetings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("committee_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("starts", sa.String(length=5), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("uid", sa.String(length=300), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["committee_id"], ["committees.id"], name=op.f("fk_meetings_committee_id_committees"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meetings")),
        sa.UniqueConstraint("committee_id", "day", name=op.f("uq_meetings_committee_id")),
    )
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meetings_committee_id"), ["committee_id"], unique=False)
    op.create_table(
        "year_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("meeting_month", sa.Integer(), nullable=True),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["updated_by_id"], ["people.id"], name=op.f("fk_year_events_updated_by_id_people")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_year_events")),
        sa.UniqueConstraint("kind", "year", name=op.f("uq_year_events_kind")),
    )
    with op.batch_alter_table("committees", schema=None) as batch_op:
        batch_op.add_column(sa.Column("agenda_days", sa.Integer(), server_default="15", nullable=False))
        batch_op.add_column(sa.Column("premeeting_days", sa.Integer(), server_default="5", nullable=False))
        batch_op.add_column(sa.Column("premeeting_report", sa.Boolean(), server_default="0", nullable=False))
    with op.batch_alter_table("commitments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("meeting_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("anchor", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_commitments_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_commitments_meeting_id_meetings"), "meetings", ["meeting_id"], ["id"], ondelete="SET NULL"
        )


def downgrade() -> None:
    with op.batch_alter_table("commitments", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_commitments_meeting_id_meetings"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_commitments_meeting_id"))
        batch_op.drop_column("anchor")
        batch_op.drop_column("meeting_id")
    with op.batch_alter_table("committees", schema=None) as batch_op:
        batch_op.drop_column("premeeting_report")
        batch_op.drop_column("premeeting_days")
        batch_op.drop_column("agenda_days")
    op.drop_table("year_events")
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meetings_committee_id"))
    op.drop_table("meetings")
