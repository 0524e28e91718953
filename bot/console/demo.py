"""Sample committees and commitments for ``atagande console --demo``.

Invented for the demo (no text from real documents): a school committee, a
social services committee and the municipal board, with commitments in every
state so that lists, App Home and the traffic lights have something to show,
and a few routines (``bot/console/demo_routines.py``) for ``/rutin``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from bot.console.demo_routines import ROUTINES
from bot.services import commitments as cs
from bot.services import committees as committee_service
from bot.services import routine_links
from bot.services import routines as routine_service
from bot.services.commitments import CommitmentInput
from bot.services.context import Services
from bot.services.people import Actor
from bot.services.validation import resolve_deadline
from storage.models import CommitmentStatus


@dataclass(frozen=True)
class DemoPerson:
    handle: str
    real_name: str
    title: str


ADMIN = DemoPerson("admin", "Alex Admin", "IT-samordnare")
SECRETARY = DemoPerson("sekreterare", "Sara Sekreterare", "nämndsekreterare")
OWNERS = (
    DemoPerson("anna", "Anna Andersson", "förvaltningschef"),
    DemoPerson("bo", "Bo Berg", "rektor"),
    DemoPerson("cecilia", "Cecilia Ceder", "enhetschef"),
)
COMMITTEES = (
    ("BUN", "Barn- och utbildningsnämnden", "bun"),
    ("SN", "Socialnämnden", "sn"),
    ("KS", "Kommunstyrelsen", "ks"),
)

# (committee, text, owner handle, role, deadline words, recurrence, dnr)
COMMITMENTS = (
    (
        "BUN",
        "Uppdatera rutinen för skolans samarbete med socialtjänsten kring elever som far illa",
        "anna",
        "förvaltningschef",
        "senast i april 2027",
        "",
        "2026/BUN 0042",
    ),
    (
        "BUN",
        "Gå igenom rutinen för orosanmälan med alla rektorer",
        "bo",
        "rektor",
        "",
        "två gånger per läsår",
        "2026/BUN 0042",
    ),
    (
        "BUN",
        "Ta fram en plan för elevhälsans medicinska insatser på fritidshemmen",
        "cecilia",
        "enhetschef",
        "under hösten 2027",
        "",
        "2026/BUN 0042",
    ),
    (
        "SN",
        "Samordna arbetet med samordnad individuell plan (SIP) mellan förvaltningarna",
        "anna",
        "förvaltningschef",
        "vid halvårsskiftet 2027",
        "",
        "2026/SN 0117",
    ),
    (
        "SN",
        "Återrapportera genomförda insatser till nämnden",
        "cecilia",
        "enhetschef",
        "senast december 2027",
        "",
        "2026/SN 0117",
    ),
    (
        "KS",
        "Inför ett årshjul för uppföljning av revisionens rekommendationer",
        "anna",
        "kommundirektör",
        "Q2 2027",
        "",
        "2026/KS 0009",
    ),
)


def seed_demo(svc: Services, user_ids: dict[str, str]) -> list[int]:
    """Create the demo data; ``user_ids`` maps each handle to its Slack user id.

    Returns the ids of the commitments created.
    """
    now = svc.clock.now()
    admin = Actor(user_ids[ADMIN.handle], ADMIN.real_name, is_admin=True)
    with svc.db.write() as session:
        for code, name, _channel in COMMITTEES:
            committee_service.create_committee(session, admin, code, name, now)
            committee_service.add_secretaries(
                session, admin, code, [(user_ids[SECRETARY.handle], SECRETARY.real_name)], now
            )
    names = {p.handle: p.real_name for p in OWNERS}
    created = []
    references: dict[tuple[str, int], int] = {}
    with svc.db.write() as session:
        for code, text, owner, role, deadline, recurrence, dnr in COMMITMENTS:
            raw = CommitmentInput(
                text=text,
                committee=code,
                owner_user_id=user_ids[owner],
                owner_name=names[owner],
                owner_role=role,
                deadline=deadline,
                recurrence=recurrence,
                dnr=dnr,
            )
            draft = cs.validate(session, raw, svc.clock.today())
            commitment = cs.create(session, admin, draft, now)
            created.append(commitment)
            references[(code, commitment.number)] = commitment.id
    _seed_routines(svc, references)
    # Some history, so the lights show every colour.
    owner_actor = Actor(user_ids["anna"], names["anna"], is_admin=False)
    later = now + timedelta(minutes=5)
    with svc.db.write() as session:
        first = cs.get_by_id(session, created[0].id)
        cs.set_status(session, owner_actor, first, CommitmentStatus.IN_PROGRESS, later)
        cs.add_comment(session, owner_actor, first, "Utkastet är på remiss hos socialtjänsten.", None, later)
        sip = cs.get_by_id(session, created[3].id)
        moved = resolve_deadline("under hösten 2027", svc.clock.today())
        if moved is not None:
            cs.move_deadline(session, owner_actor, sip, moved, "Regionen har bytt kontaktperson.", later)
        ks = cs.get_by_id(session, created[5].id)
        cs.set_status(session, owner_actor, ks, CommitmentStatus.DONE, later)
    return [c.id for c in created]


def _seed_routines(svc: Services, commitments: dict[tuple[str, int], int]) -> None:
    """The demo's routines, each linked to the commitments about it (``commitments``: reference to id)."""
    now = svc.clock.now()
    with svc.db.write() as session:
        for sample in ROUTINES:
            routine, _created = routine_service.add_routine(
                session,
                title=sample.title,
                body=sample.body,
                now=now,
                source="Demo",
                owner=sample.owner,
                revision_date=sample.revised,
                aliases=sample.aliases,
            )
            for reference in sample.linked:
                routine_links.link(session, commitments[reference], routine.id, now)
