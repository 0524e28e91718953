"""Import runs: a document being read, recorded when the reading starts (issue 14).

A process killed mid-import left the user waiting in the import's thread for
ever; with a row per reading and a lease its process renews, the next start
(or another replica) can tell the user to share the file again.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("channel_id", sa.String(length=32), nullable=False),
        sa.Column("thread_ts", sa.String(length=32), nullable=False),
        sa.Column("file_id", sa.String(length=32), nullable=True),
        sa.Column("filename", sa.String(length=300), nullable=True),
        sa.Column(
            "state",
            sa.Enum("running", "finished", "cut_off", name="import_run_state", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("worker", sa.String(length=64), nullable=False),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_runs")),
    )
    with op.batch_alter_table("import_runs", schema=None) as batch_op:
        batch_op.create_index("ix_import_runs_state_lease_until", ["state", "lease_until"], unique=False)
        batch_op.create_index(batch_op.f("ix_import_runs_started_at"), ["started_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("import_runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_runs_started_at"))
        batch_op.drop_index("ix_import_runs_state_lease_until")
    op.drop_table("import_runs")
