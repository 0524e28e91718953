"""The routine library: routines, the library's abbreviations, routines linked to commitments.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "routines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=1000), nullable=True),
        sa.Column("source_sha256", sa.String(length=64), nullable=True),
        sa.Column("owner", sa.String(length=300), nullable=True),
        sa.Column("revision_date", sa.Date(), nullable=True),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["people.id"], name=op.f("fk_routines_created_by_id_people")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_routines")),
        sa.UniqueConstraint("source_sha256", name=op.f("uq_routines_source_sha256")),
    )
    op.create_table(
        "library_abbreviations",
        sa.Column("abbreviation", sa.String(length=32), nullable=False),
        sa.Column("expansions", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("abbreviation", name=op.f("pk_library_abbreviations")),
    )
    op.create_table(
        "commitment_routines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commitment_id", sa.Integer(), nullable=False),
        sa.Column("routine_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["commitment_id"],
            ["commitments.id"],
            name=op.f("fk_commitment_routines_commitment_id_commitments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["routine_id"], ["routines.id"], name=op.f("fk_commitment_routines_routine_id_routines"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commitment_routines")),
        sa.UniqueConstraint("commitment_id", "routine_id", name=op.f("uq_commitment_routines_commitment_id")),
    )
    with op.batch_alter_table("commitment_routines", schema=None) as batch_op:
        batch_op.create_index("ix_commitment_routines_commitment_id", ["commitment_id"], unique=False)
        batch_op.create_index("ix_commitment_routines_routine_id", ["routine_id"], unique=False)


def downgrade() -> None:
    op.drop_table("commitment_routines")
    op.drop_table("library_abbreviations")
    op.drop_table("routines")
