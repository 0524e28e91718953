"""Guests read their own commitments and the committee of the channel they act in; members read everything."""

from __future__ import annotations

import pytest

from bot.clock import ManualClock
from bot.domain.errors import PermissionDenied
from bot.reports.requested import requested_report
from bot.services import command_queries
from bot.services import commitments as cs
from bot.services import committees as committee_service
from bot.services.commitments import CommitmentInput
from bot.services.context import Services
from bot.services.people import Actor, SlackUser, actor_for
from bot.services.reading import GUEST_REFUSAL, readable_committees
from storage.db import Database
from tests.services.offline import KnownPeople, offline_services

ADMIN = Actor("UADMIN", "Admin", is_admin=True)
SECRETARY = Actor("USEC", "Sara Sekreterare", is_admin=False)
PEOPLE = {
    "UADMIN": SlackUser("UADMIN", "admin", "Alex Admin", is_admin=True),
    "USEC": SlackUser("USEC", "sara", "Sara Sekreterare"),
    "UMEMBER": SlackUser("UMEMBER", "olle", "Olle Olsson"),
    "UGUEST": SlackUser("UGUEST", "gun", "Gun Gäst", is_restricted=True),
    "USINGLE": SlackUser("USINGLE", "sam", "Sam Singel", is_restricted=True, is_ultra_restricted=True),
    "UTRUSTED": SlackUser("UTRUSTED", "tove", "Tove Betrodd", is_restricted=True),
}


@pytest.fixture
def svc(db: Database, clock: ManualClock) -> Services:
    return offline_services(db, clock, people=PEOPLE)


@pytest.fixture
def refs(svc: Services) -> dict[str, str]:
    """BUN (bound to CBUN) and KS (bound to CKS), each with a commitment; the guest owns one of BUN's."""
    now = svc.clock.now()
    with svc.db.write() as s:
        for code, name, channel in (("BUN", "Barn- och utbildningsnämnden", "CBUN"), ("KS", "Kommunstyrelsen", "CKS")):
            committee_service.create_committee(s, ADMIN, code, name, now)
            committee_service.bind_channel(s, ADMIN, code, channel, code.lower())
    made = {}
    for key, committee, owner, text in (
        ("bun_member", "BUN", "UMEMBER", "Revidera rutinen för orosanmälan"),
        ("bun_guest", "BUN", "UGUEST", "Följ upp rutinen för elevhälsan"),
        ("ks", "KS", "UMEMBER", "Inför rutinen för styrdokument"),
    ):
        raw = CommitmentInput(
            text=text, committee=committee, owner_user_id=owner, owner_name=owner, deadline="senast i april 2027"
        )
        with svc.db.write() as s:
            made[key] = cs.create(s, ADMIN, cs.validate(s, raw, svc.clock.today()), svc.clock.now()).reference
    return made


def test_restricted_and_ultra_restricted_users_are_guests_unless_named_admins() -> None:
    admins = frozenset({"UTRUSTED"})
    assert actor_for("UGUEST", KnownPeople(PEOPLE), admins).is_guest
    assert actor_for("USINGLE", KnownPeople(PEOPLE), admins).is_guest
    assert not actor_for("UMEMBER", KnownPeople(PEOPLE), admins).is_guest
    trusted = actor_for("UTRUSTED", KnownPeople(PEOPLE), admins)
    assert trusted.is_admin and not trusted.is_guest


def test_a_guest_reads_the_channels_committee_and_their_own(svc: Services, refs: dict[str, str]) -> None:
    guest = svc.actor("UGUEST")
    with svc.db.read() as s:
        bun, ks = committee_service.get_committee(s, "BUN"), committee_service.get_committee(s, "KS")
        in_bun = readable_committees(s, guest, "CBUN")
        elsewhere = readable_committees(s, guest, "COTHER")
        member = readable_committees(s, svc.actor("UMEMBER"), "COTHER")
        assert in_bun.committee(bun) and not in_bun.committee(ks)
        assert not elsewhere.committee(bun) and not elsewhere.committee(ks)
        assert elsewhere.commitment(cs.get_by_reference(s, refs["bun_guest"]))
        assert not elsewhere.commitment(cs.get_by_reference(s, refs["bun_member"]))
        assert member.committee(bun) and member.committee(ks)


def test_read_services_refuse_a_guest_outside_the_committee_channel(svc: Services, refs: dict[str, str]) -> None:
    for ask in (
        lambda: command_queries.committee_page(svc, "BUN", "CKS", 0, 10, user_id="UGUEST"),
        lambda: command_queries.card(svc, "UGUEST", refs["bun_member"], channel_id="CKS"),
        lambda: requested_report(svc, "BUN", None, "CKS", user_id="UGUEST"),
    ):
        with pytest.raises(PermissionDenied) as info:
            ask()
        assert info.value.key == GUEST_REFUSAL
    found = command_queries.search(svc, "rutinen", user_id="UGUEST", channel_id="CKS")
    assert sorted(v.ref for v in found.views) == sorted([refs["bun_guest"], refs["ks"]])
    assert command_queries.card(svc, "UGUEST", refs["bun_guest"], channel_id="CKS").view.ref == refs["bun_guest"]
    page = command_queries.committee_page(svc, "", "CBUN", 0, 10, user_id="UGUEST")
    assert page.total == 2
