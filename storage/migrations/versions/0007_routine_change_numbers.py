"""The routine library's change counter, and each routine's change number.

The search's index noticed a change by the latest ``updated_at``, a clock's
reading: a change in the same second as the last one (a clock that stands
still, as the console's) or from a process whose clock is behind went unseen
until a restart. A counter raised by every change replaces it, and the index
on ``updated_at`` that only the fingerprint read goes.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("routines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("change_seq", sa.Integer(), server_default="0", nullable=False))
        batch_op.create_index("ix_routines_change_seq", ["change_seq"], unique=False)
        batch_op.drop_index("ix_routines_updated_at")
    state = op.create_table(
        "routine_library_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_routine_library_state")),
    )
    op.bulk_insert(state, [{"id": 1, "change_seq": 0}])


def downgrade() -> None:
    op.drop_table("routine_library_state")
    with op.batch_alter_table("routines", schema=None) as batch_op:
        batch_op.create_index("ix_routines_updated_at", ["updated_at"], unique=False)
        batch_op.drop_index("ix_routines_change_seq")
        batch_op.drop_column("change_seq")
