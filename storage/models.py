"""SQLAlchemy 2 typed models: the data described in docs/architecture.md ("The data model").

Dates are calendar dates (deadlines) and timestamps are stored in UTC; the
application converts to its configured zone (ATAGANDE_TIMEZONE) at its edges.
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

if TYPE_CHECKING:
    from storage.meeting_models import Meeting

# A fixed naming convention keeps Alembic's batch mode on SQLite and the
# migrations on PostgreSQL producing the same constraint names.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Timestamps stored in UTC and always read back timezone-aware.

    SQLite has no time zone type and would hand back naive values; this keeps
    both backends returning the same thing.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use the injected clock")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, datetime: UtcDateTime}


class CommitmentStatus(enum.StrEnum):
    """Lifecycle of a commitment; Swedish names live in templates."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DELAYED = "delayed"
    CANCELLED = "cancelled"


class UpdateKind(enum.StrEnum):
    """What a history row records."""

    CREATED = "created"
    STATUS = "status"
    COMMENT = "comment"
    DEADLINE = "deadline"
    EDIT = "edit"
    OWNER = "owner"
    # The committee's plan moved the deadline (a meeting moved, was removed, or the årshjul changed);
    # `reason` says which: "moved", "removed", "event" or "dated" (a plan that dates a waiting phrase).
    PLAN = "plan"


class MemberRole(enum.StrEnum):
    SECRETARY = "secretary"


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    # Stored as plain strings (no native ENUM type) so adding a value is not a
    # migration on PostgreSQL and behaves the same on SQLite.
    return Enum(cls, name=name, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e])


class Person(Base):
    """A Slack user the bot has met: owner, secretary, or someone who acted."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    slack_user_id: Mapped[str] = mapped_column(String(32), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    deleted: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column()


class Committee(Base):
    """A nämnd: short code (BUN), name and its Slack channel."""

    __tablename__ = "committees"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    channel_id: Mapped[str | None] = mapped_column(String(32), unique=True)
    channel_name: Mapped[str | None] = mapped_column(String(200))
    # Cron-like "mon 08:00"; the digest issue reads it.
    digest_schedule: Mapped[str] = mapped_column(String(32), default="mon 08:00")
    # Days before the deadline, etc.; the reminder issue defines its shape.
    reminder_policy: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # Next number for the spoken reference (BUN-14); bumped in the same
    # transaction that creates a commitment.
    next_number: Mapped[int] = mapped_column(Integer, default=1)
    # The committee's year (storage/meeting_models.py): working days before a meeting that its agenda
    # closes (ärendeberedning), working days before a meeting that its channel gets "Inför
    # sammanträdet", and whether the follow-up report goes with it as a Word file.
    agenda_days: Mapped[int] = mapped_column(Integer, default=15, server_default="15")
    premeeting_days: Mapped[int] = mapped_column(Integer, default=5, server_default="5")
    premeeting_report: Mapped[bool] = mapped_column(default=False, server_default="0")
    created_at: Mapped[datetime] = mapped_column()

    members: Mapped[list[CommitteeMember]] = relationship(back_populates="committee", cascade="all, delete-orphan")


class CommitteeMember(Base):
    """A person's role in a committee (today: secretary)."""

    __tablename__ = "committee_members"
    __table_args__ = (UniqueConstraint("committee_id", "person_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    role: Mapped[MemberRole] = mapped_column(_enum(MemberRole, "member_role"), default=MemberRole.SECRETARY)
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[datetime] = mapped_column()

    committee: Mapped[Committee] = relationship(back_populates="members")
    person: Mapped[Person] = relationship(foreign_keys=[person_id])


class Case(Base):
    """An ärende: one audit and the committee's answer to it."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id"), index=True)
    dnr: Mapped[str | None] = mapped_column(String(64))
    # Normalised diarienummer ("2023/bun/0148") so "2023/BUN 148" finds it.
    dnr_key: Mapped[str | None] = mapped_column(String(64), index=True)
    title: Mapped[str] = mapped_column(String(500), default="")
    auditor: Mapped[str | None] = mapped_column(String(200))
    report_date: Mapped[date | None] = mapped_column(Date)
    answer_date: Mapped[date | None] = mapped_column(Date)
    source_filename: Mapped[str | None] = mapped_column(String(300))
    source_sha256: Mapped[str | None] = mapped_column(String(64), unique=True)
    source_text: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column()

    committee: Mapped[Committee] = relationship()
    recommendations: Mapped[list[Recommendation]] = relationship(
        back_populates="case", order_by="Recommendation.position"
    )


class Recommendation(Base):
    """What the auditors recommend; several per case."""

    __tablename__ = "recommendations"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)

    case: Mapped[Case] = relationship(back_populates="recommendations")


class Commitment(Base):
    """An åtagande: an action, an owner, a deadline or a rhythm."""

    __tablename__ = "commitments"
    __table_args__ = (
        UniqueConstraint("committee_id", "number"),
        Index("ix_commitments_owner_status", "owner_id", "status"),
        Index("ix_commitments_committee_deadline", "committee_id", "deadline"),
        # Counting open commitments per committee (App Home) reads only this index.
        Index("ix_commitments_committee_status", "committee_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id"))
    number: Mapped[int] = mapped_column(Integer)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    recommendation_id: Mapped[int | None] = mapped_column(ForeignKey("recommendations.id"))
    text: Mapped[str] = mapped_column(Text)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    owner_role: Mapped[str | None] = mapped_column(String(300))
    deadline: Mapped[date | None] = mapped_column(Date)
    deadline_phrase: Mapped[str | None] = mapped_column(String(300))
    original_deadline: Mapped[date | None] = mapped_column(Date)
    original_deadline_phrase: Mapped[str | None] = mapped_column(String(300))
    recurrence: Mapped[str | None] = mapped_column(String(300))
    recurrence_phrase: Mapped[str | None] = mapped_column(String(300))
    status: Mapped[CommitmentStatus] = mapped_column(
        _enum(CommitmentStatus, "commitment_status"), default=CommitmentStatus.NOT_STARTED
    )
    source_span_start: Mapped[int | None] = mapped_column(Integer)
    source_span_end: Mapped[int | None] = mapped_column(Integer)
    # Link back to the Slack message it was registered from (message shortcut).
    source_permalink: Mapped[str | None] = mapped_column(String(1000))
    # The commitment's own message in the committee channel, updated in place.
    message_channel: Mapped[str | None] = mapped_column(String(32))
    message_ts: Mapped[str | None] = mapped_column(String(32))
    # Folded text (no case, no diacritics) of text, role, dnr and reference,
    # so the forgiving search needs no per-query normalisation of rows.
    search_text: Mapped[str] = mapped_column(Text, default="")
    # Tied to the committee's year: the meeting the deadline is (its date is the deadline, and moves
    # with it), and what the deadline phrase named ("last:2027", "event:delarsrapport:2027", "each"),
    # so that a changed plan or årshjul can be read again (bot/language/committee_year.py).
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"), index=True)
    anchor: Mapped[str | None] = mapped_column(String(64))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[datetime] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column()
    last_update_at: Mapped[datetime | None] = mapped_column()

    committee: Mapped[Committee] = relationship()
    case: Mapped[Case | None] = relationship()
    recommendation: Mapped[Recommendation | None] = relationship()
    owner: Mapped[Person | None] = relationship(foreign_keys=[owner_id])
    created_by: Mapped[Person | None] = relationship(foreign_keys=[created_by_id])
    meeting: Mapped[Meeting | None] = relationship()
    updates: Mapped[list[StatusUpdate]] = relationship(
        back_populates="commitment", order_by="StatusUpdate.id", passive_deletes=True
    )
    # Routines linked to it (commitment_routines); read-only here, links are rows of their own.
    linked_routines: Mapped[list[Routine]] = relationship(
        secondary="commitment_routines", order_by="Routine.title", viewonly=True
    )

    @property
    def reference(self) -> str:
        """The name people say aloud: committee code and number, e.g. BUN-14."""
        return f"{self.committee.code}-{self.number}"


class StatusUpdate(Base):
    """Append-only history of a commitment: rows are inserted, never changed."""

    __tablename__ = "status_updates"

    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(ForeignKey("commitments.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[datetime] = mapped_column()
    kind: Mapped[UpdateKind] = mapped_column(_enum(UpdateKind, "update_kind"))
    status: Mapped[CommitmentStatus | None] = mapped_column(_enum(CommitmentStatus, "commitment_status"))
    comment: Mapped[str | None] = mapped_column(Text)
    evidence_url: Mapped[str | None] = mapped_column(String(3000))
    old_deadline: Mapped[date | None] = mapped_column(Date)
    new_deadline: Mapped[date | None] = mapped_column(Date)
    new_deadline_phrase: Mapped[str | None] = mapped_column(String(300))
    reason: Mapped[str | None] = mapped_column(Text)
    # For a recurring commitment: the occurrence (its deadline) this answer is
    # about; each occurrence has its own status. None for the commitment as a whole.
    occurrence: Mapped[date | None] = mapped_column(Date)

    commitment: Mapped[Commitment] = relationship(back_populates="updates")
    person: Mapped[Person | None] = relationship()


class ProcessedEvent(Base):
    """Ids of Slack deliveries already handled, so a retry never acts twice."""

    __tablename__ = "processed_events"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(index=True)


class ImportDraft(Base):
    """A document read and extracted, waiting for a person to review and confirm it.

    It keeps what the review modal needs across its pages (the findings, the
    reviewer's choices so far, the case fields) so that any process can take
    the next click. Confirming turns it into a Case; drafts nobody confirms
    are removed after a while.
    """

    __tablename__ = "import_drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32), index=True)
    created_at: Mapped[datetime] = mapped_column(index=True)
    updated_at: Mapped[datetime] = mapped_column()
    filename: Mapped[str | None] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(8))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    source_text: Mapped[str] = mapped_column(Text)
    # Extraction.to_json(): findings in document order and the document's facts.
    extraction: Mapped[dict[str, Any]] = mapped_column()
    # Per finding index: {"selected": bool, "owner": user id, "deadline": "YYYY-MM-DD"}.
    choices: Mapped[dict[str, Any]] = mapped_column(default=dict)
    case_fields: Mapped[dict[str, Any]] = mapped_column(default=dict)
    channel_id: Mapped[str | None] = mapped_column(String(32))
    thread_ts: Mapped[str | None] = mapped_column(String(32))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"))


class ImportRunState(enum.StrEnum):
    """Where the reading of one shared document stands."""

    RUNNING = "running"
    # Read and answered in its thread (a review button, or the sentence that says why not).
    FINISHED = "finished"
    # Its process died before it finished; the user was told in the thread to share it again.
    CUT_OFF = "cut_off"


class ImportRun(Base):
    """One document being read for an import, recorded when the reading starts.

    A process that dies mid-import (kill -9) leaves its row running with a lease
    that nobody renews; when the lease has run out another process (or the next
    start) tells the user in the import's thread, once, to share the file again.
    """

    __tablename__ = "import_runs"
    __table_args__ = (Index("ix_import_runs_state_lease_until", "state", "lease_until"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32))
    channel_id: Mapped[str] = mapped_column(String(32))
    thread_ts: Mapped[str] = mapped_column(String(32))
    # None for pasted text, which is not kept anywhere to be read again.
    file_id: Mapped[str | None] = mapped_column(String(32))
    filename: Mapped[str | None] = mapped_column(String(300))
    state: Mapped[ImportRunState] = mapped_column(
        _enum(ImportRunState, "import_run_state"), default=ImportRunState.RUNNING
    )
    # The process reading it (or telling about it), and until when it counts as alive.
    worker: Mapped[str] = mapped_column(String(64))
    lease_until: Mapped[datetime] = mapped_column()
    started_at: Mapped[datetime] = mapped_column(index=True)
    finished_at: Mapped[datetime | None] = mapped_column()


class OutboxState(enum.StrEnum):
    """Where a scheduled message stands; a pending row may be claimed by a sender."""

    PENDING = "pending"
    SENT = "sent"
    # Not sent on purpose (done, answered, superseded); the reason is in `error`.
    SKIPPED = "skipped"
    # A permanent Slack error (channel_not_found …); shown to admins, not retried.
    FAILED = "failed"
    # Turned into one row per recipient (an escalation to several secretaries).
    SPLIT = "split"


class OutboxMessage(Base):
    """A message the bot sends on its own: reminder, escalation, digest, overview.

    The unique `key` makes planning idempotent: every replica may plan the same
    message, only one row exists. A sender claims a row (`claimed_by`,
    `claim_until`), sends it, and records Slack's `ts`; a claim that expires is
    taken over. `sending_since` is set just before the Web API call, so whoever
    takes the row over knows the message may already be in Slack and looks
    for it (by its metadata) before sending again.
    """

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_state_next_attempt", "state", "next_attempt_at"),
        Index("ix_outbox_commitment_kind", "commitment_id", "kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    commitment_id: Mapped[int | None] = mapped_column(ForeignKey("commitments.id", ondelete="CASCADE"))
    committee_id: Mapped[int | None] = mapped_column(ForeignKey("committees.id", ondelete="CASCADE"))
    occurrence: Mapped[date | None] = mapped_column(Date)
    # A Slack user or channel id; None: decided when sending (the owner, or the secretaries).
    recipient: Mapped[str | None] = mapped_column(String(32))
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    due_at: Mapped[datetime] = mapped_column()
    next_attempt_at: Mapped[datetime] = mapped_column()
    state: Mapped[OutboxState] = mapped_column(_enum(OutboxState, "outbox_state"), default=OutboxState.PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claim_until: Mapped[datetime | None] = mapped_column()
    sending_since: Mapped[datetime | None] = mapped_column()
    channel: Mapped[str | None] = mapped_column(String(32))
    ts: Mapped[str | None] = mapped_column(String(32))
    sent_at: Mapped[datetime | None] = mapped_column()
    error: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column()


class SchedulerMark(Base):
    """How far a planner has planned (e.g. reminders up to this moment), shared by all replicas."""

    __tablename__ = "scheduler_marks"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    at: Mapped[datetime] = mapped_column()


class Routine(Base):
    """A rutin, riktlinje or överenskommelse officials look up; searchable by title, aliases and body."""

    __tablename__ = "routines"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    body: Mapped[str] = mapped_column(Text, default="")
    # Where it came from: a file name, a URL, or "Slack" for one typed in /rutin ny.
    source: Mapped[str | None] = mapped_column(String(1000))
    # The same document imported again (same sha256) is updated, not duplicated.
    source_sha256: Mapped[str | None] = mapped_column(String(64), unique=True)
    owner: Mapped[str | None] = mapped_column(String(300))
    revision_date: Mapped[date | None] = mapped_column(Date)
    # Other names and abbreviations people use for it ("SIP", "samordnad individuell plan").
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[datetime] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column()
    # The library's change number (`RoutineLibraryState`) at this routine's latest change: how the
    # search's index finds what changed since it was built. Not a clock: a change in the same second,
    # or from a process whose clock is behind, still comes after.
    change_seq: Mapped[int] = mapped_column(Integer, default=0, server_default="0", index=True)


class RoutineLibraryState(Base):
    """One row: the routine library's change counter, raised by every change to routines or abbreviations.

    Read before every search to know whether the in-memory index is current. Raising it locks the
    row until the change commits (on PostgreSQL), so changes commit in the order of their numbers.
    """

    __tablename__ = "routine_library_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    change_seq: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class LibraryAbbreviation(Base):
    """The library's own abbreviation table, laid over the built-in one (an empty expansion removes one)."""

    __tablename__ = "library_abbreviations"

    abbreviation: Mapped[str] = mapped_column(String(32), primary_key=True)
    expansions: Mapped[list[str]] = mapped_column(JSON, default=list)
    updated_at: Mapped[datetime] = mapped_column()


class CommitmentRoutine(Base):
    """A routine linked to a commitment (suggested at registration, confirmed by a person)."""

    __tablename__ = "commitment_routines"
    __table_args__ = (UniqueConstraint("commitment_id", "routine_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(ForeignKey("commitments.id", ondelete="CASCADE"), index=True)
    routine_id: Mapped[int] = mapped_column(ForeignKey("routines.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column()


# The committee's year lives in its own module; imported last, as it builds on Base.
import storage.meeting_models  # noqa: E402, F401
