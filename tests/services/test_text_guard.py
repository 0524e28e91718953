"""Every service that stores a text refuses a personnummer in it, on the field it was typed in.

One row per way in: a new storing function belongs in the table. Each row stores
a personnummer (written with Word's non-breaking hyphen, as pasted text brings
it) in one field and expects the refusal on that field with nothing stored.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.clock import ManualClock
from bot.domain.errors import UserError, ValidationFailed
from bot.services import commitments as cs
from bot.services import committees as committee_service
from bot.services import routines as routine_service
from bot.services.commitments import CommitmentInput
from bot.services.people import Actor
from bot.services.text_guard import mask_personal_numbers
from storage.db import Database
from storage.models import Commitment, Committee, LibraryAbbreviation, Routine, StatusUpdate

ADMIN = Actor("UADMIN", "Admin", is_admin=True)
SECRETARY = Actor("USEC", "Sara Sekreterare", is_admin=False)
NOW = datetime(2027, 1, 11, 8, 0, tzinfo=UTC)
PNR = "850101\u20111234"  # a mistyped check digit, and Word's non-breaking hyphen


@pytest.fixture
def bun(db: Database, clock: ManualClock) -> None:
    with db.write() as s:
        committee_service.create_committee(s, ADMIN, "BUN", "Barn- och utbildningsnämnden", clock.now())
        committee_service.add_secretaries(s, ADMIN, "BUN", [("USEC", "Sara Sekreterare")], clock.now())
        routine_service.add_routine(s, title="Rutin för avvikelser", body="Så rapporteras en avvikelse.", now=NOW)
        raw = CommitmentInput(
            text="Revidera rutinen", committee="BUN", owner_user_id="UOWNER", deadline="senast i april 2027"
        )
        cs.create(s, SECRETARY, cs.validate(s, raw, clock.today()), clock.now())


def _commitment(**fields: str) -> Callable[[Session, ManualClock], object]:
    def register(s: Session, clock: ManualClock) -> object:
        raw = CommitmentInput(**{"text": "Utred saken", "committee": "BUN", "owner_user_id": "UOWNER", **fields})
        if not raw.deadline and not raw.recurrence:
            raw.deadline = "senast i april 2027"
        return cs.create(s, SECRETARY, cs.validate(s, raw, clock.today()), clock.now())

    return register


def _routine(**fields: object) -> Callable[[Session, ManualClock], object]:
    def add(s: Session, clock: ManualClock) -> object:
        args: dict[str, object] = {"title": "Ny rutin", "body": "Text", "now": NOW, **fields}
        return routine_service.add_routine(s, **args)  # type: ignore[arg-type]

    return add


def _routine_change(**fields: object) -> Callable[[Session, ManualClock], object]:
    def update(s: Session, clock: ManualClock) -> object:
        args: dict[str, object] = {
            "title": "Rutin för avvikelser",
            "body": "Text",
            "now": NOW,
            "source": None,
            "owner": None,
            "revision_date": None,
            "aliases": [],
            **fields,
        }
        return routine_service.update_routine(s, 1, **args)  # type: ignore[arg-type]

    return update


def _comment(s: Session, clock: ManualClock) -> object:
    c = cs.get_by_reference(s, "BUN-1")
    return cs.add_comment(s, SECRETARY, c, f"Eleven {PNR} har flyttat", None, clock.now())


# (what is done, the field the refusal is on)
DOORS: list[tuple[str, Callable[[Session, ManualClock], object], str]] = [
    (
        "committee name",
        lambda s, c: committee_service.create_committee(s, ADMIN, "SN", f"Nämnd {PNR}", c.now()),
        "name",
    ),
    ("commitment text", _commitment(text=f"Utred {PNR}"), "text"),
    ("commitment owner role", _commitment(owner_role=f"rektor {PNR}"), "owner_role"),
    ("commitment dnr", _commitment(dnr=PNR), "dnr"),
    ("commitment recommendation", _commitment(recommendation=f"Se {PNR}"), "recommendation"),
    ("commitment recurrence", _commitment(recurrence=f"varje år {PNR}"), "recurrence"),
    ("commitment deadline phrase", _commitment(deadline=f"senast i april 2027 {PNR}"), "deadline"),
    ("comment", _comment, "comment"),
    ("routine title", _routine(title=f"Rutin {PNR}"), "title"),
    ("routine text", _routine(body=f"Eleven {PNR} har flyttat."), "body"),
    ("routine owner", _routine(owner=f"Rektor {PNR}"), "owner"),
    ("routine source file name", _routine(source=f"Elevakt {PNR}.docx"), "source"),
    ("routine alias", _routine(aliases=["avvikelse", PNR]), "aliases"),
    ("routine changed: title", _routine_change(title=f"Rutin {PNR}"), "title"),
    ("routine changed: text", _routine_change(body=f"Eleven {PNR}"), "body"),
    ("routine changed: owner", _routine_change(owner=PNR), "owner"),
    ("routine aliases", lambda s, c: routine_service.set_aliases(s, 1, [f"pnr {PNR}"], NOW), "aliases"),
    ("library abbreviation", lambda s, c: routine_service.set_abbreviation(s, "EHT", [PNR], NOW), "expansions"),
]


def _stored(db: Database) -> tuple[int, ...]:
    with db.read() as s:
        return tuple(
            int(s.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Committee, Commitment, StatusUpdate, Routine, LibraryAbbreviation)
        )


def _everything_stored(db: Database) -> str:
    with db.read() as s:
        rows: list[object] = [
            *s.scalars(select(Committee)),
            *s.scalars(select(Commitment)),
            *s.scalars(select(StatusUpdate)),
            *s.scalars(select(Routine)),
        ]
        return " ".join(str(vars(r)) for r in rows)


@pytest.mark.parametrize(("door", "store", "field"), DOORS, ids=[d[0] for d in DOORS])
def test_every_door_refuses_a_personal_number_on_its_field(
    db: Database, clock: ManualClock, bun: None, door: str, store: Callable[[Session, ManualClock], object], field: str
) -> None:
    before = _stored(db)
    with pytest.raises(UserError) as raised, db.write() as s:
        store(s, clock)
    err = raised.value
    fields = err.errors if isinstance(err, ValidationFailed) else {err.field: (err.key, err.params)}
    assert fields.get(field, ("",))[0] == "err_personal_number", (door, fields)
    assert _stored(db) == before
    assert "1234" not in _everything_stored(db)


def test_titles_are_one_line_and_hidden_characters_are_removed(db: Database, clock: ManualClock, bun: None) -> None:
    faked = "Revidera rutinen\n:red_circle: *BUN-9* · Kommunstyrelsen\u202e\u200b"
    with db.write() as s:
        created = _commitment(text=faked)(s, clock)
        assert isinstance(created, Commitment)
        routine, _ = routine_service.add_routine(
            s, title=faked, body="Rad ett\nrad\u2066 två", now=NOW, aliases=[faked]
        )
        committee = committee_service.create_committee(s, ADMIN, "SN", "Social\u200dnämnden\n", clock.now())
    with db.read() as s:
        commitment = cs.get_by_reference(s, f"BUN-{created.number}")
        stored = s.get(Routine, routine.id)
        assert stored is not None
        for title in (commitment.text, stored.title, *stored.aliases):
            assert title == "Revidera rutinen :red_circle: *BUN-9* · Kommunstyrelsen"
        assert stored.body == "Rad ett\nrad två"  # a text keeps its lines, not what hides in them
        assert s.get(Committee, committee.id).name == "Socialnämnden"  # type: ignore[union-attr]


def test_a_mask_is_as_long_as_the_number_and_keeps_its_separators() -> None:
    text = f"Eleven {PNR} och 19850202-2345, tel 0701234569."
    masked = mask_personal_numbers(text)
    assert masked == "Eleven ÅÅMMDD\u2011XXXX och ÅÅÅÅMMDD-XXXX, tel 0701234569."
    assert len(masked) == len(text)
