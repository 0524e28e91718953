"""The services behind /atagande, its settings modal and the register modal: views, refusals, not found."""

from __future__ import annotations

from datetime import date

import pytest

from bot.clock import ManualClock
from bot.domain.digest_schedule import DigestSchedule
from bot.domain.errors import NotFound, PermissionDenied, UserError
from bot.domain.reminder_policy import ReminderPolicy
from bot.reports.requested import requested_report
from bot.services import command_queries, committee_admin
from bot.services import commitments as cs
from bot.services import committees as committee_service
from bot.services.commitment_form import new_commitment_form, one_line_preview
from bot.services.commitments import CommitmentInput
from bot.services.context import Services
from bot.services.people import Actor, SlackUser
from storage.db import Database
from tests.services.offline import offline_services

ADMIN = Actor("UADMIN", "Admin", is_admin=True)
SECRETARY = Actor("USEC", "Sara Sekreterare", is_admin=False)
STRANGER = Actor("USTRANGER", "Någon Annan", is_admin=False)
PEOPLE = {
    "UADMIN": SlackUser("UADMIN", "admin", "Alex Admin", is_admin=True),
    "USEC": SlackUser("USEC", "sara", "Sara Sekreterare"),
    "UOWNER": SlackUser("UOWNER", "olle", "Olle Ägare"),
    "USTRANGER": SlackUser("USTRANGER", "nagon", "Någon Annan"),
}


@pytest.fixture
def svc(db: Database, clock: ManualClock) -> Services:
    return offline_services(db, clock, people=PEOPLE)


@pytest.fixture
def bun(svc: Services) -> None:
    now = svc.clock.now()
    with svc.db.write() as s:
        committee_service.create_committee(s, ADMIN, "BUN", "Barn- och utbildningsnämnden", now)
        committee_service.create_committee(s, ADMIN, "KS", "Kommunstyrelsen", now)
        committee_service.add_secretaries(s, ADMIN, "BUN", [("USEC", "Sara Sekreterare")], now)
        committee_service.bind_channel(s, ADMIN, "BUN", "CBUN", "bun")


def _register(svc: Services, text: str, deadline: str = "senast i april 2027") -> str:
    raw = CommitmentInput(
        text=text, committee="BUN", owner_user_id="UOWNER", owner_name="Olle Ägare", deadline=deadline
    )
    with svc.db.write() as s:
        return cs.create(s, SECRETARY, cs.validate(s, raw, svc.clock.today()), svc.clock.now()).reference


# -- lists, cards, search ------------------------------------------------------------------


def test_committee_page_of_the_channels_committee_is_views_earliest_first(svc: Services, bun: None) -> None:
    _register(svc, "Följ upp rutinen för orosanmälan", "under hösten 2027")
    first = _register(svc, "Revidera den lokala BUS-överenskommelsen")
    page = command_queries.committee_page(svc, "", "CBUN", 0, 10, user_id="USEC")
    assert (page.committee.code, page.total) == ("BUN", 2)
    assert [v.ref for v in page.views] == [first, "BUN-1"]
    assert page.views[0].deadline == date(2027, 4, 30)


def test_committee_page_refuses_a_channel_without_committee_and_an_unknown_code(svc: Services, bun: None) -> None:
    with pytest.raises(UserError) as info:
        command_queries.committee_page(svc, "", "COTHER", 0, 10, user_id="USEC")
    assert info.value.key == "err_no_committee_here"
    with pytest.raises(NotFound):
        command_queries.committee_page(svc, "XYZ", "CBUN", 0, 10, user_id="USEC")


def test_owner_page_counts_and_shows_the_owners_commitments(svc: Services, bun: None) -> None:
    ref = _register(svc, "Revidera den lokala BUS-överenskommelsen")
    page = command_queries.owner_page(svc, "UOWNER", 0, 10)
    assert (page.total, [v.ref for v in page.views]) == (1, [ref])
    assert command_queries.owner_page(svc, "USEC", 0, 10).total == 0


def test_card_gives_rights_by_person_and_the_history(svc: Services, bun: None) -> None:
    ref = _register(svc, "Revidera den lokala BUS-överenskommelsen")
    secretary = command_queries.card(svc, "USEC", ref.lower(), channel_id="CBUN")
    assert secretary.view.ref == ref
    assert (secretary.can_update, secretary.can_edit) == (True, True)
    assert [(e.kind, e.who, e.new_deadline) for e in secretary.history] == [
        ("created", "Sara Sekreterare", date(2027, 4, 30))
    ]
    owner = command_queries.card(svc, "UOWNER", ref, channel_id="CBUN")
    assert (owner.can_update, owner.can_edit) == (True, False)
    stranger = command_queries.card(svc, "USTRANGER", ref, channel_id="CBUN")
    assert (stranger.can_update, stranger.can_edit) == (False, False)


def test_card_of_an_unknown_or_missing_reference_is_refused(svc: Services, bun: None) -> None:
    with pytest.raises(NotFound) as info:
        command_queries.card(svc, "USEC", "BUN-99", channel_id="CBUN")
    assert info.value.key == "err_unknown_reference"
    with pytest.raises(UserError) as missing:
        command_queries.card(svc, "USEC", "", channel_id="CBUN")
    assert missing.value.key == "err_need_reference"


def test_search_by_reference_finds_that_commitment_only(svc: Services, bun: None) -> None:
    _register(svc, "Revidera den lokala BUS-överenskommelsen")
    second = _register(svc, "Följ upp rutinen för orosanmälan")
    found = command_queries.search(svc, second, user_id="USEC", channel_id="CBUN")
    assert [v.ref for v in found.views] == [second]
    long = command_queries.search(svc, "orosanmälan " * 30, user_id="USEC", channel_id="CBUN")
    assert long.cut and len(long.query) == command_queries.MAX_QUERY


# -- committees, channels, settings ------------------------------------------------------------


def test_only_admins_create_committees_and_name_secretaries(svc: Services, bun: None) -> None:
    with pytest.raises(PermissionDenied):
        committee_admin.create_committee(svc, SECRETARY, "MN", "Miljönämnden")
    with pytest.raises(PermissionDenied):
        committee_admin.change_secretaries(svc, SECRETARY, "BUN", ["UOWNER"], remove=False)
    created = committee_admin.create_committee(svc, ADMIN, "mn", "Miljönämnden")
    assert (created.code, created.name, created.channel_id) == ("MN", "Miljönämnden", None)


def test_secretaries_added_and_removed_and_listed(svc: Services, bun: None) -> None:
    added = committee_admin.change_secretaries(svc, ADMIN, "BUN", ["UOWNER", "USEC"], remove=False)
    assert added.changed == ("UOWNER",)  # Sara already was one
    assert set(added.secretaries) == {"USEC", "UOWNER"}
    removed = committee_admin.change_secretaries(svc, ADMIN, "BUN", ["USEC"], remove=True)
    assert (removed.changed, removed.removed, removed.secretaries) == (("USEC",), True, ("UOWNER",))
    rows = committee_admin.committees_with_secretaries(svc)
    assert [(c.code, c.channel_id, secs) for c, secs in rows] == [("BUN", "CBUN", ("UOWNER",)), ("KS", None, ())]


def test_binding_a_channel_names_the_committee_it_had(svc: Services, bun: None) -> None:
    with pytest.raises(PermissionDenied):
        committee_admin.bind_channel(svc, STRANGER, "BUN", "CNEW", "ny")
    moved = committee_admin.bind_channel(svc, ADMIN, "KS", "CBUN", "bun")
    assert moved.committee.code == "KS"
    assert moved.previous is not None and moved.previous.code == "BUN"


def test_settings_form_for_secretaries_only(svc: Services, bun: None) -> None:
    form = committee_admin.settings_form(svc, SECRETARY, "bun")
    assert (form.code, form.name, form.policy) == ("BUN", "Barn- och utbildningsnämnden", ReminderPolicy())
    with pytest.raises(PermissionDenied):
        committee_admin.settings_form(svc, SECRETARY, "KS")
    with pytest.raises(NotFound):
        committee_admin.settings_form(svc, SECRETARY, "XYZ")
    with pytest.raises(UserError) as missing:
        committee_admin.settings_form(svc, SECRETARY, "")
    assert missing.value.key == "err_settings_code_missing"


def test_saved_settings_are_what_the_form_shows_next(svc: Services, bun: None) -> None:
    policy = ReminderPolicy(before_days=(10,), on_the_day=False, overdue_every_days=5, escalate_after_days=20)
    digest = DigestSchedule.parse("torsdag 9:30")
    with pytest.raises(PermissionDenied):
        committee_admin.save_settings(svc, STRANGER, "BUN", policy, digest)
    committee_admin.save_settings(svc, SECRETARY, "BUN", policy, digest)
    shown = committee_admin.settings_form(svc, SECRETARY, "BUN")
    assert (shown.policy, shown.digest) == (policy, digest)


# -- the register modal and the one-line preview ---------------------------------------------------


def test_register_form_offers_the_committees_one_may_register_in(svc: Services, bun: None) -> None:
    form = new_commitment_form(svc, "USEC", CommitmentInput(), "CBUN")
    assert [c.code for c in form.committees] == ["BUN"]
    assert form.prefill.committee == "BUN"  # the channel's committee
    elsewhere = new_commitment_form(svc, "USEC", CommitmentInput(committee="KS"))
    assert elsewhere.prefill.committee == ""  # not one of hers
    assert [c.code for c in new_commitment_form(svc, "UADMIN", CommitmentInput()).committees] == ["BUN", "KS"]
    with pytest.raises(UserError) as info:
        new_commitment_form(svc, "USTRANGER", CommitmentInput())
    assert info.value.key == "err_no_committees_to_register"


def test_register_form_without_committees_says_so(svc: Services) -> None:
    with pytest.raises(UserError) as info:
        new_commitment_form(svc, "UADMIN", CommitmentInput())
    assert info.value.key == "err_no_committees"


def test_one_line_preview_names_committee_owner_and_date(svc: Services, bun: None) -> None:
    shown = one_line_preview(svc, "USEC", "Revidera rutinen senast i april 2027 <@UOWNER>", "CBUN")
    assert (shown.committee.code, shown.committee.name) == ("BUN", "Barn- och utbildningsnämnden")
    assert (shown.raw.owner_user_id, shown.raw.owner_name) == ("UOWNER", "Olle Ägare")
    assert shown.draft is not None and shown.draft.deadline is not None
    assert shown.draft.deadline.date == date(2027, 4, 30)
    with pytest.raises(PermissionDenied):
        one_line_preview(svc, "USTRANGER", "BUN Revidera rutinen senast i april 2027", "COTHER")


# -- the report pack -----------------------------------------------------------------------------


def test_requested_report_of_the_channels_committee_and_where_it_goes(svc: Services, bun: None) -> None:
    ref = _register(svc, "Revidera den lokala BUS-överenskommelsen")
    asked = requested_report(svc, None, None, "CBUN", user_id="USEC")
    assert (asked.report.committee_code, asked.channel_id) == ("BUN", "CBUN")
    assert [row.reference for row in asked.report.commitments()] == [ref]
    assert requested_report(svc, "KS", None, "CBUN", user_id="USEC").channel_id is None
    with pytest.raises(UserError) as info:
        requested_report(svc, None, None, "COTHER", user_id="USEC")
    assert info.value.key == "report_usage"
