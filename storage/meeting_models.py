"""The committee's year: its meetings (sammanträdesplan) and the municipality's årshjul.

A commitment "till nämndens sista sammanträde 2027" is due on a meeting's day and moves with it
(`Commitment.meeting_id`); one "i samband med delårsrapporten 2027" is due at the meeting that
handles that year's delårsrapport, which the årshjul says.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models import Base, Committee


class Meeting(Base):
    """One sammanträde of a committee, on a day; `uid` is the calendar's id when it came from an .ics file."""

    __tablename__ = "meetings"
    __table_args__ = (UniqueConstraint("committee_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id", ondelete="CASCADE"), index=True)
    day: Mapped[date] = mapped_column(Date)
    # "13.00" as the calendar gave it; only shown.
    starts: Mapped[str | None] = mapped_column(String(5))
    title: Mapped[str] = mapped_column(String(200), default="")
    # The calendar event's UID: importing the same .ics again with a moved meeting moves it, not adds one.
    uid: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column()

    committee: Mapped[Committee] = relationship()


class YearEvent(Base):
    """An occasion of the municipality's årshjul for one year: the delårsrapport 2027 and its day.

    `year` is the year the event is about (the budget 2028 is made in 2027, the bokslut 2027 in
    February 2028). `meeting_month` names the month of the committee meeting that handles it; without
    one, each committee's first meeting on or after `day` does. `confirmed` is False for a default the
    bot proposed and nobody has confirmed yet, which is shown as such.
    """

    __tablename__ = "year_events"
    __table_args__ = (UniqueConstraint("kind", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    year: Mapped[int] = mapped_column(Integer)
    day: Mapped[date] = mapped_column(Date)
    meeting_month: Mapped[int | None] = mapped_column(Integer)
    confirmed: Mapped[bool] = mapped_column(default=False)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    updated_at: Mapped[datetime] = mapped_column()
