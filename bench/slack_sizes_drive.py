"""The size bench's workspace built through the bot's services, then every kind of message driven.

The real bot (``LocalBot``) runs over Socket Mode against the stand-in; each step is named by the
kind of message it makes, and every call the stand-in records during a step (and every ack a person
got) is labelled with that kind, for `bench.slack_sizes_check` to measure.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bench.slack_sizes_check import Payload, ack_payload, payload_of
from bench.slack_sizes_data import Size, answer_document, committee_codes, long_text
from bot.app.local_slack import LocalBot
from bot.clock import ManualClock
from bot.services import commitments as cs
from bot.services import committee_admin
from bot.services import committees as committee_service
from bot.services import routines as routine_service
from bot.services.commitments import CommitmentInput
from bot.services.people import Actor
from bot.services.validation import resolve_deadline
from bot.slack.delivery import Delivery
from bot.standin.recording import ApiCall
from bot.standin.workspace import Message
from storage.db import Database
from storage.migrate import upgrade
from storage.models import Commitment, CommitmentStatus, Committee, Routine

STOCKHOLM = ZoneInfo("Europe/Stockholm")
START = datetime(2027, 1, 4, 9, 0, tzinfo=STOCKHOLM)  # a Monday
PEOPLE = (("admin", "Alex Admin"), ("sara", "Sara Sekreterare"), ("anna", "Anna Andersson"), ("olle", "Olle Olsson"))


@dataclass
class Recorded:
    """Everything the bot sent, labelled with the kind of message being driven."""

    calls: list[tuple[str, ApiCall]] = field(default_factory=list)
    payloads: list[Payload] = field(default_factory=list)


class Drive:
    """The bot on a temporary database and the stand-in, and the steps that make each kind of message."""

    def __init__(self, size: Size, folder: Path) -> None:
        self.size = size
        url = f"sqlite:///{folder / 'sizes.sqlite3'}"
        upgrade(Database.from_url(url).engine)
        self.clock = ManualClock(START, STOCKHOLM)
        # No trigger expiry: on a busy machine a modal must not be refused for the driver's slowness.
        self.bot = LocalBot(database_url=url, clock=self.clock, trigger_ttl=None)
        self.slack = self.bot.slack
        self.recorded = Recorded()
        self._kind = "start-up"
        self._seen_calls = 0
        self._seen_acks = 0

    # -- labelling ----------------------------------------------------------------------------

    @contextlib.contextmanager
    def kind(self, name: str) -> Iterator[None]:
        """Label what the bot sends inside the block as ``name``."""
        self._collect()
        self._kind = name
        try:
            yield
        finally:
            self.bot.settle(timeout=120)
            self._collect()
            self._kind = "between steps"

    def _collect(self) -> None:
        calls = self.slack.calls
        for call in calls[self._seen_calls :]:
            self.recorded.calls.append((self._kind, call))
            payload = payload_of(self._kind, call)
            if payload is not None:
                self.recorded.payloads.append(payload)
        self._seen_calls = len(calls)
        interactions = self.slack.interactions
        for interaction in interactions[self._seen_acks :]:
            response = interaction.response
            if response:
                payload = ack_payload(self._kind, response)
                if payload is not None:
                    self.recorded.payloads.append(payload)
        self._seen_acks = len(interactions)

    # -- the workspace ----------------------------------------------------------------------------

    def start(self) -> None:
        for handle, real in PEOPLE:
            self.slack.add_user(handle, real_name=real, is_admin=handle == "admin")
        everyone = [handle for handle, _ in PEOPLE]
        for code in committee_codes(self.size.committees):
            self.slack.add_channel(code.lower(), members=everyone)
        self.slack.add_channel("allmant", members=everyone)
        self.bot.start()

    def uid(self, handle: str) -> str:
        return self.slack.user(handle).id

    def actor(self, handle: str) -> Actor:
        return self.bot.svc.actor(self.uid(handle))

    def seed(self) -> None:
        """Committees with sara as secretary and a channel each, their commitments, the routines."""
        svc, size, now = self.bot.svc, self.size, self.clock.now()
        admin = self.actor("admin")
        codes = committee_codes(size.committees)
        with svc.db.write() as session:
            for code in codes:
                name = (
                    "Kommunstyrelsen"
                    if code == "KS"
                    else f"Nämnden för arbetsmarknad, vuxenutbildning & integration {code}"
                )
                committee_service.create_committee(session, admin, code, name, now)
                committee_service.add_secretaries(session, admin, code, [(self.uid("sara"), "Sara Sekreterare")], now)
        # Bound through the binding service, as `/atagande kanal` does: the bot joins each channel.
        for code in codes:
            channel = self.slack.channel(code.lower())
            committee_admin.bind_channel(svc, admin, code, channel.id, channel.name)
        # BUN's deadlines fall in three groups: reminded on the digest's Monday, reminded the week
        # after, and far off; everyone else's are far off.
        deadlines = ("2027-01-25", "2027-01-22", "2027-06-30")
        with svc.db.write() as session:
            for n in range(size.big_committee):
                self._add(session, "BUN", long_text(size.text, seed=n), "anna", deadlines[n % 3])
            for k, code in enumerate(codes[1:]):
                for n in range(size.per_other):
                    self._add(session, code, long_text(size.text, seed=k + n), "olle", "2027-01-29")
        with svc.db.write() as session:
            for n in range(size.routines):
                many = n < size.aliased_routines
                aliases = [f"annat namn {i} för rutin {n}" for i in range(routine_service.MAX_ALIASES if many else 2)]
                title = f"Rutin {n} för orosanmälan & samverkan: " + long_text(routine_service.MAX_TITLE, seed=n)
                routine_service.add_routine(
                    session,
                    title=title[: routine_service.MAX_TITLE],
                    body=long_text(size.text * 4, seed=n),
                    now=now,
                    source="Bänk",
                    owner="Barn- och utbildningsförvaltningen",
                    revision_date=date(2026, 1, 12),
                    aliases=aliases,
                )

    def _add(self, session: Session, code: str, text: str, owner: str, deadline: str) -> None:
        raw = CommitmentInput(
            text=text,
            committee=code,
            owner_user_id=self.uid(owner),
            owner_name=self.slack.user(owner).real_name,
            owner_role="förvaltningschef",
            deadline=deadline,
            dnr=f"2026/{code} 0042",
            recommendation=long_text(300, seed=len(code)),
        )
        draft = cs.validate(session, raw, self.clock.today())
        cs.create(session, self.actor("sara"), draft, self.clock.now())

    def history(self) -> None:
        """In the digest's week: a third of BUN's far-off commitments done, a third moved, comments on all."""
        svc, size = self.bot.svc, self.size
        self.at(datetime(2027, 1, 6, 10, 0, tzinfo=STOCKHOLM))
        anna, now = self.actor("anna"), self.clock.now()
        moved = resolve_deadline("2027-09-30", self.clock.today())
        assert moved is not None
        with svc.db.write() as session:
            bun = session.scalars(
                select(Commitment).join(Committee).where(Committee.code == "BUN").order_by(Commitment.number)
            ).all()
            for c in bun:
                cs.add_comment(session, anna, c, long_text(size.text, seed=c.number + 3), None, now)
                if c.number % 3 == 0 and c.number % 2 == 0:
                    cs.set_status(session, anna, c, CommitmentStatus.DONE, now)
                elif c.number % 3 == 0:
                    cs.move_deadline(session, anna, c, moved, long_text(size.text, seed=c.number + 5), now)

    # -- driving ---------------------------------------------------------------------------------

    def at(self, moment: datetime) -> None:
        """Move the clock and run what has come due, as the timer would."""
        self.clock.set(moment)
        self.bot.run_due()

    def command(self, user: str, channel: str, text: str) -> None:
        command, _, rest = text.partition(" ")
        self.slack.slash_command(user, channel, command, rest)
        self.bot.settle(timeout=120)

    def cards(self) -> list[int]:
        """The first BUN commitments posted as cards in #bun (their owner told in a DM)."""
        svc = self.bot.svc
        with svc.db.read() as session:
            ids = list(
                session.scalars(
                    select(Commitment.id)
                    .join(Committee)
                    .where(Committee.code == "BUN", Commitment.status != CommitmentStatus.DONE)
                    .order_by(Commitment.number)
                    .limit(self.size.cards)
                )
            )
        for commitment_id in ids:
            Delivery(svc, self.bot.client).announce(commitment_id, self.uid("sara"))
        return ids

    def card_message(self) -> Message:
        bun = self.slack.channel("bun").id
        return next(m for m in self.slack.visible_messages("anna", bun) if not m.is_ephemeral and m.blocks)

    def routine_numbers(self) -> tuple[int, int]:
        """A routine with the most other names, and one with few."""
        with self.bot.svc.db.read() as session:
            ids = list(session.scalars(select(Routine.id).order_by(Routine.id)))
        return ids[0], ids[-1]

    def import_answer(self) -> None:
        """sara shares the answer in her DM, opens the review, and confirms it."""
        document = answer_document(self.size.recommendations, self.size.imported).encode("utf-8")
        with self.kind("import: reading the answer"):
            self.slack.upload_file("sara", self.slack.dm("sara"), "Svar på revisionsrapport.txt", document)
        dm = self.slack.dm("sara").id
        found = [m for m in self.slack.visible_messages("sara", dm) if "Gå igenom och importera" in str(m.blocks)]
        if not found:
            return
        with self.kind("import: review modal"):
            self.slack.click_button("sara", found[-1], "Gå igenom och importera")
        if self.slack.open_view("sara") is None:
            return
        with self.kind("import: confirmation and cards"):
            self.slack.submit_view("sara")
            # The summary and the cards in its thread go out through the outbox, on the next tick.
            self.bot.settle()
            self.bot.run_due()


def run(size: Size) -> Recorded:
    """Build the workspace at ``size``, drive every kind of message, and return what the bot sent."""
    with tempfile.TemporaryDirectory(prefix="atagande-sizes-") as folder:
        drive = Drive(size, Path(folder))
        drive.start()
        try:
            _drive_all(drive)
        finally:
            drive.bot.settle(timeout=120)
            drive._collect()
            drive.bot.stop()
        return drive.recorded


def _drive_all(d: Drive) -> None:
    d.seed()
    d.at(START)  # the timer's first tick
    d.history()
    with d.kind("card (new commitment)"):
        d.cards()
    with d.kind("card update (status button)"):
        d.slack.click_button("anna", d.card_message(), "Pågår enligt plan")
    with d.kind("weekly digest"):
        d.at(datetime(2027, 1, 11, 8, 5, tzinfo=STOCKHOLM))
    with d.kind("reminders (14 days before)"):
        d.at(datetime(2027, 1, 11, 8, 35, tzinfo=STOCKHOLM))
    with d.kind("reminders (3 days before)"):
        d.at(datetime(2027, 1, 22, 8, 35, tzinfo=STOCKHOLM))
    with d.kind("reminders (overdue)"):
        d.at(datetime(2027, 1, 29, 8, 35, tzinfo=STOCKHOLM))
    with d.kind("monthly overview"):
        d.at(datetime(2027, 2, 1, 8, 5, tzinfo=STOCKHOLM))
    with d.kind("escalations"):
        d.at(datetime(2027, 2, 8, 8, 35, tzinfo=STOCKHOLM))
    for user in ("admin", "sara", "anna"):
        with d.kind(f"App Home ({user})"):
            d.slack.open_home(user)
    commands = (
        ("help texts", "olle", "allmant", "/atagande hjälp"),
        ("help texts", "olle", "allmant", "/rutin hjälp"),
        ("/atagande nämnd", "admin", "allmant", "/atagande nämnd"),
        ("/atagande lista", "sara", "bun", "/atagande lista BUN"),
        ("/atagande mina", "anna", "bun", "/atagande mina"),
        ("/atagande visa", "anna", "bun", "/atagande visa BUN-3"),
        ("/atagande sök", "anna", "bun", "/atagande sök orosanmälan"),
        ("modal: new commitment", "sara", "allmant", "/atagande ny"),
        ("/rutin search", "olle", "bun", "/rutin orosanmälan"),
        ("/rutin lista", "olle", "bun", "/rutin lista"),
    )
    for kind, user, channel, text in commands:
        with d.kind(kind):
            d.command(user, channel, text)
    many, few = d.routine_numbers()
    for number in (many, few):
        with d.kind("/rutin visa"):
            d.command("olle", "bun", f"/rutin visa {number}")
        with d.kind("modal: routine form"):
            d.command("sara", "bun", f"/rutin ändra {number}")
        d.slack.close_view("sara")
    with d.kind("follow-up pack"):
        d.command("olle", "bun", "/atagande rapport BUN")
        bun = d.slack.channel("bun").id

        def answered() -> bool:
            # The pack is built after a first "working on it"; its last answer replaces that.
            mine = [d.slack.render_message(m) for m in d.slack.visible_messages("olle", bun) if m.is_ephemeral]
            return bool(mine) and "Jag tar fram" not in mine[-1]

        d.slack.wait_for(answered, timeout=120, what="the follow-up pack's answer")
    d.import_answer()
