"""Index routines by their latest change (the search's fingerprint reads max(updated_at) before every query).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("routines", schema=None) as batch_op:
        batch_op.create_index("ix_routines_updated_at", ["updated_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("routines", schema=None) as batch_op:
        batch_op.drop_index("ix_routines_updated_at")
