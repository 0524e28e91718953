"""Registering in the modal: ``/atagande ny``, the deadline preview, errors on their fields."""

from __future__ import annotations

import json

import pytest

from bot.services import committees as committee_service
from tests.scenario.conftest import World

ANSWER_BUTTONS = ["Markera som klart", "Pågår enligt plan", "Meddela försening", "Kommentera"]


def luhn_complete(nine: str) -> str:
    """Nine digits YYMMDDNNN and their Luhn check digit."""
    total = 0
    for i, ch in enumerate(reversed(nine)):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return nine + str((10 - total % 10) % 10)


def test_luhn_helper_builds_the_tax_agency_test_number() -> None:
    assert luhn_complete("121212121") == "1212121212"


def button_labels(blocks: list[dict[str, object]]) -> list[str]:
    labels = []
    for block in blocks:
        if block.get("type") == "actions":
            for element in block["elements"]:  # type: ignore[attr-defined]
                labels.append(element["text"]["text"])
    return labels


def open_modal(world: World, user: str = "sara", channel: str = "bun") -> None:
    world.run(user, channel, "/atagande ny")
    world.modal(user)


def test_new_opens_the_modal_with_the_channels_committee(world: World) -> None:
    world.setup_bun()
    open_modal(world)
    text = world.modal_text("sara")
    assert "Nytt åtagande" in text
    for label in ("Vad ska göras?", "Nämnd", "Ansvarig (person i Slack)", "Klart senast", "Återkommer", "Diarienummer"):
        assert label in text
    assert "[ BUN – Barn- och utbildningsnämnden ▾ ]" in text


@pytest.mark.transports("socket", "http")
def test_enter_in_the_deadline_field_shows_the_date_before_saving(world: World) -> None:
    world.quick_committee()
    open_modal(world)
    world.fill("sara", **{"Vad ska göras?": "Revidera rutinen för orosanmälan"})
    dispatched = world.act(lambda: world.slack.fill("sara", "Klart senast", "under hösten"))
    assert dispatched is not None and dispatched.type == "interactive"
    assert dispatched.payload["type"] == "block_actions"
    text = world.modal_text("sara")
    assert "”under hösten” → 31 december 2027" in text
    # What was typed before is still there, and nothing was saved yet.
    assert "[ Revidera rutinen för orosanmälan ]" in text
    assert world.count_commitments() == 0
    world.fill("sara", **{"Klart senast": "v. 12 2027"})
    # Good Friday is 26 March 2027, so the last working day is the Thursday.
    assert "”v. 12 2027” → 25 mars 2027" in world.modal_text("sara")
    world.fill("sara", **{"Klart senast": "senast i april 2025"})
    assert "har redan passerat" in world.modal_text("sara")
    world.fill("sara", **{"Klart senast": "när det passar"})
    assert "Jag förstår inte ”när det passar” som ett datum." in world.modal_text("sara")
    # Words the grammar reads but that give no date: the preview says why, as saving would.
    world.fill("sara", **{"Klart senast": "efter sommaren"})
    assert "säger när arbetet börjar" in world.modal_text("sara")
    world.fill("sara", **{"Klart senast": "inför budgetarbetet 2028"})
    assert "nämndens egen planering" in world.modal_text("sara")


@pytest.mark.transports("socket", "http")
def test_a_complete_modal_registers_announces_and_tells_everyone(world: World) -> None:
    world.setup_bun()
    open_modal(world)
    world.fill(
        "sara",
        **{
            "Vad ska göras?": "Revidera den lokala BUS-överenskommelsen",
            "Ansvarig (person i Slack)": "anna",
            "Den ansvarigas roll som den står i svaret": "förvaltningschef",
            "Klart senast": "senast i april 2027",
            "Diarienummer": "2023/BUN 0148",
            "Revisorernas rekommendation": "Säkerställ att överenskommelsen revideras.",
        },
    )
    submitted = world.submit("sara")
    assert submitted.acked and submitted.response is None
    assert world.slack.open_view("sara") is None
    # The card in the committee channel, with the four answer buttons.
    card = world.card("BUN-1")
    assert button_labels(card.blocks) == ANSWER_BUTTONS
    text = world.slack.render_message(card)
    assert "Revidera den lokala BUS-överenskommelsen" in text
    assert "Klart senast: 30 april 2027 (”senast i april 2027”)" in text
    assert "Ansvarig: @anna (förvaltningschef)" in text
    assert "Dnr: 2023/BUN 0148" in text
    assert "Rekommendation: Säkerställ att överenskommelsen revideras." in text
    # The owner hears of it, the registrar gets a receipt, the owner's Home shows it.
    assert "Du är ansvarig för BUN-1." in world.dm_text("anna")
    assert "✅ BUN-1 är registrerat." in world.dm_text("sara")
    assert "BUN-1 Revidera den lokala BUS-överenskommelsen" in world.home_text("anna")
    assert world.history_kinds("BUN-1") == ["created"]


def test_a_recurrence_alone_is_enough(world: World) -> None:
    world.quick_committee()
    open_modal(world)
    world.fill("sara", **{"Vad ska göras?": "Följ upp tillbudsrapporterna", "Återkommer": "två gånger per läsår"})
    submitted = world.submit("sara")
    assert submitted.response is None
    assert "Återkommer: två gånger per läsår" in world.card_text("BUN-1")


def test_the_committee_is_chosen_when_the_channel_has_none(world: World) -> None:
    world.quick_committee()
    world.quick_committee("SN", "Socialnämnden", channel="")
    open_modal(world, channel="allmant")
    committee_select = next(b for b in world.modal("sara").blocks if b.get("block_id") == "committee")
    assert "initial_option" not in committee_select["element"]
    world.fill("sara", **{"Vad ska göras?": "Inför en rutin för SIP", "Nämnd": "SN", "Klart senast": "2027-06-30"})
    submitted = world.submit("sara")
    assert submitted.response is None
    assert "SN-1 är registrerat." in world.dm_text("sara")
    # SN has no channel yet: the registrar is told so.
    assert "Nämnden har ingen kanal ännu" in world.dm_text("sara")


@pytest.mark.transports("socket", "http")
def test_every_bad_field_gets_its_own_swedish_error(world: World) -> None:
    world.quick_committee()
    open_modal(world)
    world.fill(
        "sara",
        **{"Vad ska göras?": "   ", "Klart senast": "någon gång snart", "Återkommer": "lite då och då"},
    )
    refused = world.submit("sara")
    assert refused.response is not None
    assert refused.response["response_action"] == "errors"
    errors = refused.response["errors"]
    assert errors["text"] == "Fyll i det här fältet."
    assert errors["deadline"].startswith("Jag förstår inte ”någon gång snart” som ett datum.")
    assert errors["recurrence"].startswith("Jag förstår inte ”lite då och då” som en återkommande tidpunkt.")
    # The modal stays open with the errors under the fields; nothing is stored.
    text = world.modal_text("sara")
    assert "! Fyll i det här fältet." in text
    assert world.count_commitments() == 0


def test_a_deadline_in_the_past_is_refused(world: World) -> None:
    world.quick_committee()
    open_modal(world)
    world.fill("sara", **{"Vad ska göras?": "Åtgärda bristerna", "Klart senast": "2026-12-31"})
    refused = world.submit("sara")
    assert refused.response == {
        "response_action": "errors",
        "errors": {"deadline": "Datumet (31 december 2026) har redan passerat. Ange ett datum framåt i tiden."},
    }
    assert world.count_commitments() == 0


def test_neither_deadline_nor_recurrence_is_refused(world: World) -> None:
    world.quick_committee()
    open_modal(world)
    world.fill("sara", **{"Vad ska göras?": "Åtgärda bristerna"})
    refused = world.submit("sara")
    assert refused.response == {
        "response_action": "errors",
        "errors": {"deadline": "Ange när det ska vara klart, eller hur ofta det återkommer."},
    }


def test_personal_identity_numbers_are_refused_in_any_free_text(world: World) -> None:
    world.quick_committee()
    samordning = luhn_complete("121272123")  # day 12 + 60
    open_modal(world)
    world.fill(
        "sara",
        **{
            "Vad ska göras?": "Utred ärendet för 19121212-1212 skyndsamt",
            "Klart senast": "2027-06-30",
            "Den ansvarigas roll som den står i svaret": f"handläggare för {samordning}",
            "Revisorernas rekommendation": "Gäller 1212121212",
        },
    )
    refused = world.submit("sara")
    assert refused.response is not None
    errors = refused.response["errors"]
    assert set(errors) == {"text", "owner_role", "recommendation"}
    assert all("personnummer eller samordningsnummer" in e for e in errors.values())
    assert "hör inte hemma i Slack" in errors["text"]
    assert world.count_commitments() == 0
    # A date and a case number look like numbers too, but are not personal ones.
    world.fill(
        "sara",
        **{
            "Vad ska göras?": "Åtgärda enligt beslut 2023-05-15",
            "Den ansvarigas roll som den står i svaret": "rektor",
            "Revisorernas rekommendation": "Se 2023/BUN 0148",
        },
    )
    assert world.submit("sara").response is None
    assert world.count_commitments() == 1


def test_over_long_text_is_refused_with_the_numbers(world: World) -> None:
    world.quick_committee()
    open_modal(world)
    world.fill("sara", **{"Vad ska göras?": "Å" * 2500, "Klart senast": "2027-06-30"})
    refused = world.submit("sara")
    assert refused.response is not None
    assert refused.response["errors"] == {"text": "Texten är för lång: 2500 tecken, högst 2000 får plats."}


def test_a_person_who_is_no_secretary_gets_no_modal(world: World) -> None:
    world.run("olle", "bun", "/atagande ny")
    assert "Det finns inga nämnder ännu." in world.last_text("olle", "bun")
    world.quick_committee()
    world.run("olle", "bun", "/atagande ny")
    answer = world.last("olle", "bun")
    assert answer.is_ephemeral
    assert "Du är inte sekreterare i någon nämnd" in world.slack.render_message(answer)
    assert world.slack.open_view("olle") is None
    assert world.slack.calls_to("views.open") == []


def test_a_secretary_registers_only_in_their_committees(world: World) -> None:
    world.quick_committee()
    world.quick_committee("SN", "Socialnämnden", channel="allmant")
    with world.bot.svc.db.write() as session:
        committee_service.remove_secretaries(session, world.actor("admin"), "SN", [world.uid("sara")])
    open_modal(world, channel="allmant")
    options = json.dumps(world.modal("sara").blocks, ensure_ascii=False)
    assert "BUN – Barn- och utbildningsnämnden" in options
    assert "Socialnämnden" not in options
