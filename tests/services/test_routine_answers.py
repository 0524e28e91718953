"""What ``/rutin`` shows and changes, through `routine_answers`: views, refusals, batched loading."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event

from bot.clock import ManualClock
from bot.domain.errors import NotFound, PermissionDenied
from bot.services import committees as committee_service
from bot.services import routine_answers as answers
from bot.services import routines as routine_service
from bot.services.context import Services
from bot.services.people import Actor
from storage.db import Database
from tests.services.offline import offline_services

ADMIN = Actor("UADMIN", "Admin", is_admin=True)
SECRETARY = "USEC"
STRANGER = "USTRANGER"


@pytest.fixture
def svc(db: Database, clock: ManualClock) -> Services:
    services = offline_services(db, clock, admins=frozenset({ADMIN.user_id}))
    with db.write() as s:
        committee_service.create_committee(s, ADMIN, "BUN", "Barn- och utbildningsnämnden", clock.now())
        committee_service.add_secretaries(s, ADMIN, "BUN", [(SECRETARY, "Sara Sekreterare")], clock.now())
    return services


def _add(svc: Services, title: str, body: str = "", **fields: Any) -> int:
    with svc.db.write() as s:
        routine, _ = routine_service.add_routine(s, title=title, body=body, now=svc.clock.now(), **fields)
        return routine.id


@pytest.fixture
def statements(db: Database) -> Iterator[list[str]]:
    """The SQL the database is sent while the test runs."""
    sent: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        sent.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    yield sent
    event.remove(db.engine, "before_cursor_execute", record)


def test_a_search_loads_its_hits_in_one_query(svc: Services, statements: list[str]) -> None:
    for what in ("läkemedel", "allergier", "utflykter", "brandlarm", "sjukdom"):
        _add(svc, f"Rutin för {what} i förskolan", f"Så hanteras {what} i förskolan.", owner="Rektor")
    answers.search(svc, "förskolan", 5)  # builds the index once
    statements.clear()
    one = answers.search(svc, "brandlarm", 5)
    for_one = len(statements)
    statements.clear()
    five = answers.search(svc, "förskolan", 5)
    assert [int(h.id) for h in one.result.hits] == [4]
    assert len(five.result.hits) == 5 and set(five.routines) == {int(h.id) for h in five.result.hits}
    assert five.routines[4].title == "Rutin för brandlarm i förskolan" and five.routines[4].owner == "Rektor"
    # Five hits cost what one does: no query per hit.
    assert len(statements) == for_one


def test_a_hit_whose_routine_is_gone_has_no_view(svc: Services) -> None:
    number = _add(svc, "Rutin för orosanmälan", "Gör en orosanmälan.")
    assert set(answers.search(svc, "orosanmälan", 5).routines) == {number}
    with svc.db.write() as s:
        routine_service.remove_routine(s, number)
    assert answers.search(svc, "orosanmälan", 5).routines == {}


def test_the_list_is_paged_by_title(svc: Services) -> None:
    for title in ("C-rutin", "A-rutin", "B-rutin"):
        _add(svc, title)
    first = answers.list_page(svc, 1, 2)
    assert [title for _, title in first.rows] == ["A-rutin", "B-rutin"]
    assert (first.total, first.page, first.first, first.last) == (3, 1, 1, 2)
    beyond = answers.list_page(svc, 9, 2)
    assert [title for _, title in beyond.rows] == ["C-rutin"] and (beyond.page, beyond.first) == (2, 3)


def test_the_card_says_who_may_change_it(svc: Services) -> None:
    number = _add(
        svc, "Samordnad individuell plan", "SIP", aliases=["SIP"], revision_date=date(2026, 6, 30), source="Slack"
    )
    card = answers.card(svc, SECRETARY, number)
    assert card.can_manage and card.routine.aliases == ("SIP",)
    assert card.routine.revision_date == date(2026, 6, 30) and card.routine.source == "Slack"
    assert not answers.card(svc, STRANGER, number).can_manage
    assert answers.card(svc, ADMIN.user_id, number).can_manage
    with pytest.raises(NotFound):
        answers.card(svc, SECRETARY, number + 1)
    assert answers.for_sharing(svc, number).title == "Samordnad individuell plan"


def test_only_managers_get_the_form_or_change_the_library(svc: Services) -> None:
    number = _add(svc, "Rutin för orosanmälan", "Gör en orosanmälan.")
    assert answers.for_form(svc, SECRETARY, None) is None
    form = answers.for_form(svc, SECRETARY, number)
    assert form is not None and form.body == "Gör en orosanmälan."
    refused: tuple[Callable[[], object], ...] = (
        lambda: answers.for_form(svc, STRANGER, None),
        lambda: answers.to_remove(svc, STRANGER, number),
        lambda: answers.remove(svc, STRANGER, number),
        lambda: answers.set_aliases(svc, STRANGER, number, ["Oros"]),
    )
    for attempt in refused:
        with pytest.raises(PermissionDenied):
            attempt()
    with pytest.raises(NotFound):
        answers.to_remove(svc, SECRETARY, number + 1)
    assert answers.set_aliases(svc, SECRETARY, number, [" Oros ", "oros"]).aliases == ("Oros",)
    assert answers.to_remove(svc, SECRETARY, number).id == number
    assert answers.remove(svc, SECRETARY, number).title == "Rutin för orosanmälan"
    with pytest.raises(NotFound):
        answers.card(svc, SECRETARY, number)


def _form(title: str, body: str | None, source: str | None = None) -> answers.RoutineForm:
    return answers.RoutineForm(
        title=title, body=body, source=source, owner=None, revision_date=date(2026, 1, 31), aliases=("Lex Sarah",)
    )


def test_saving_the_form_adds_or_changes(svc: Services) -> None:
    with pytest.raises(PermissionDenied):
        answers.save(svc, STRANGER, _form("Avvikelser", "Text"), None)
    added = answers.save(svc, SECRETARY, _form("Rutin för avvikelser", "Hur en avvikelse rapporteras."), None)
    assert added.created and added.title == "Rutin för avvikelser"
    card = answers.card(svc, SECRETARY, added.id).routine
    # A routine typed in Slack is named as such.
    assert card.source == svc.texts.get("routine_saved_source") and card.revision_date == date(2026, 1, 31)
    changed = answers.save(svc, SECRETARY, _form("Rutin för avvikelsehantering", None, "Intranätet"), added.id)
    assert not changed.created and changed.id == added.id
    card = answers.card(svc, SECRETARY, added.id).routine
    # The text the form did not offer is kept.
    assert card.body == "Hur en avvikelse rapporteras." and card.source == "Intranätet"
    with pytest.raises(NotFound):
        answers.save(svc, SECRETARY, _form("X", None), added.id + 1)
