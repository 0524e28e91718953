"""Reminders and escalations, driven by the clock, through the real bot and the stand-in."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import OutboxMessage, OutboxState
from tests.scenario.conftest import World


def reminders_to(world: World, user: str) -> list[str]:
    return [
        world.slack.render_message(m)
        for m in world.slack.visible_messages(user, world.slack.dm(user).id)
        if any(word in str(m.blocks) for word in ("Påminnelse", "skulle ha varit klart", "Obesvarat", "I dag"))
    ]


def outbox(world: World) -> list[tuple[str, str, str | None]]:
    with world.bot.svc.db.read() as session:
        return [
            (r.key, r.state.value, r.error) for r in session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))
        ]


def test_the_owner_is_reminded_before_and_answers_in_the_reminder(world: World) -> None:
    world.quick_committee()
    world.add("Revidera BUS-överenskommelsen", deadline="senast i april 2027")  # Friday 30 April
    world.at("2027-01-11 09:05")
    assert reminders_to(world, "anna") == []

    world.at("2027-04-16 08:29")
    assert reminders_to(world, "anna") == []
    world.at("2027-04-16 08:30")  # 14 days before, a Friday
    sent = reminders_to(world, "anna")
    assert len(sent) == 1
    assert "om 14 dagar" in sent[0] and "30 april 2027" in sent[0] and "senast i april 2027" in sent[0]
    assert "Ingen statusuppdatering ännu" in sent[0]
    for button in ("[ Markera som klart ]", "[ Pågår enligt plan ]", "[ Meddela försening ]"):
        assert button in sent[0]

    # The same moment again, as another replica or a restart would: nothing new.
    world.at("2027-04-16 08:31")
    assert len(reminders_to(world, "anna")) == 1

    reminder = [
        m for m in world.slack.visible_messages("anna", world.slack.dm("anna").id) if "om 14 dagar" in str(m.blocks)
    ]
    world.click("anna", reminder[0], "Pågår enligt plan")
    updated = world.slack.workspace.find_message(world.slack.dm("anna").id, reminder[0].ts)
    assert updated is not None and updated.edited is not None
    assert "Pågår" in world.slack.render_message(updated)
    # Still the reminder it was, with the answer just given as its last status.
    assert "om 14 dagar" in world.slack.render_message(updated)
    assert "Senaste status: Pågår" in world.slack.render_message(updated)

    world.at("2027-04-27 08:30")  # 3 days before: the on-track answer was 11 days ago
    sent = reminders_to(world, "anna")
    assert len(sent) == 2 and "om 3 dagar" in sent[-1] and "Senaste status: Pågår" in sent[-1]

    last = [m for m in world.slack.visible_messages("anna", world.slack.dm("anna").id) if "om 3 dagar" in str(m.blocks)]
    world.click("anna", last[0], "Markera som klart")
    world.at("2027-04-30 08:30")
    world.at("2027-05-20 08:30")
    assert len(reminders_to(world, "anna")) == 2
    # Done: nothing more is even planned.
    reminders = [key for key, _, _ in outbox(world) if key.startswith(("remind:", "escalate:"))]
    assert reminders == ["remind:1:2027-04-30:-14", "remind:1:2027-04-30:-3"]


def test_no_reminder_the_day_after_pagar_enligt_plan(world: World) -> None:
    world.quick_committee()
    world.add("Ta fram en rutin", deadline="2027-04-28")  # Wednesday; 14 days before is Wed 14 April
    world.at("2027-04-13 10:00")
    card_less = world.bot.svc
    with card_less.db.write() as session:
        from bot.services import commitments as commitment_service
        from storage.models import CommitmentStatus

        c = commitment_service.get_by_reference(session, "BUN-1")
        commitment_service.set_status(
            session, world.actor("anna"), c, CommitmentStatus.IN_PROGRESS, card_less.clock.now()
        )
    world.at("2027-04-14 08:30")
    assert reminders_to(world, "anna") == []
    assert ("remind:1:2027-04-28:-14", "skipped", "answered_on_track") in outbox(world)


def test_a_late_start_sends_one_reminder_and_the_escalation(world: World) -> None:
    world.quick_committee()
    world.add("Utvärdera samverkan", deadline="senast i april 2027")
    world.at("2027-01-11 09:05")
    # The bot was down from January until 14 May, 14 days after the deadline.
    world.at("2027-05-14 10:00")
    to_anna = reminders_to(world, "anna")
    assert len(to_anna) == 1, to_anna
    assert "för 14 dagar sedan" in to_anna[0]
    to_sara = reminders_to(world, "sara")
    assert len(to_sara) == 1 and "Obesvarat" in to_sara[0] and "[ Byt ansvarig ]" in to_sara[0]
    states = {key: state for key, state, _ in outbox(world)}
    assert states["remind:1:2027-04-30:14"] == "sent"
    assert states["remind:1:2027-04-30:7"] == "skipped"
    assert states[f"escalate:1:2027-04-30:to:{world.uid('sara')}"] == "sent"


def test_a_reminder_for_a_departed_owner_goes_to_the_secretaries(world: World) -> None:
    world.quick_committee()
    world.add("Revidera rutinen", deadline="senast i april 2027")
    world.at("2027-01-11 09:05")
    world.slack.user("anna").deleted = True
    world.at("2027-04-16 08:30")
    assert reminders_to(world, "anna") == []
    to_sara = reminders_to(world, "sara")
    assert len(to_sara) == 1 and "finns inte längre i Slack" in to_sara[0] and "[ Byt ansvarig ]" in to_sara[0]
    message = [
        m for m in world.slack.visible_messages("sara", world.slack.dm("sara").id) if "Byt ansvarig" in str(m.blocks)
    ]
    world.click("sara", message[0], "Byt ansvarig")
    assert "Ansvarig" in world.modal_text("sara")


def test_a_commitment_with_no_owner_and_no_secretary_is_shown_as_a_failure(world: World) -> None:
    svc = world.bot.svc
    from bot.services import committees as committee_service

    with svc.db.write() as session:
        committee_service.create_committee(session, world.actor("admin"), "SN", "Socialnämnden", svc.clock.now())
        committee_service.add_secretaries(
            session, world.actor("admin"), "SN", [(world.uid("sara"), "Sara")], svc.clock.now()
        )
    world.add("Följ upp rutinen", deadline="senast i april 2027", owner=None, committee="SN")
    with svc.db.write() as session:
        committee_service.remove_secretaries(session, world.actor("admin"), "SN", [world.uid("sara")])
    world.at("2027-01-11 09:05")
    world.at("2027-04-16 08:30")
    assert ("remind:1:2027-04-30:-14", OutboxState.FAILED.value, "no_recipient") in outbox(world)

    # Admins see it on App Home; the CLI lists it and can try again.
    from bot.slack.delivery import Delivery

    Delivery(svc, world.bot.client).publish_home(world.uid("admin"))
    world.bot.settle()
    home = world.home_text("admin")
    assert "1 meddelande från mig gick inte fram" in home and "SN-1" in home
    assert "ingen ansvarig och nämnden ingen nämndsekreterare" in home
    Delivery(svc, world.bot.client).publish_home(world.uid("anna"))
    world.bot.settle()
    assert "gick inte fram" not in world.home_text("anna")


def test_a_secretary_changes_the_reminder_policy(world: World) -> None:
    world.quick_committee()
    world.run("olle", "bun", "/atagande nämnd påminnelser BUN")
    assert "bara sekreterarna för BUN" in " ".join(world.ephemeral_of("olle", "bun"))
    world.run("sara", "bun", "/atagande nämnd påminnelser BUN")
    assert (
        "14 och 3 dagar före, på dagen, sedan varje vecka; nämndsekreterarna får veta efter 14 dagar utan svar"
        in world.modal_text("sara")
    )
    world.fill("sara", **{"Påminn den ansvariga så här många dagar före slutdatumet": "30, x"})
    interaction = world.submit("sara")
    assert interaction.response is not None and "before_days" in str(interaction.response)
    assert "heltal mellan 1 och 365" in world.modal_text("sara")
    world.fill(
        "sara",
        **{
            "Påminn den ansvariga så här många dagar före slutdatumet": "30 och 7",
            "Antal dagar efter slutdatumet innan nämndsekreterarna får veta": "21",
            "Veckosammanfattning i kanalen": "lördag 9",
        },
    )
    world.submit("sara")
    assert "går ut på en vardag" in world.modal_text("sara")
    world.fill("sara", **{"Veckosammanfattning i kanalen": "tisdag 9.30"})
    world.submit("sara")
    world.bot.settle()
    saved = " ".join(world.ephemeral_of("sara", "bun"))
    assert (
        "30 och 7 dagar före, på dagen, sedan varje vecka; nämndsekreterarna får veta efter 21 dagar utan svar" in saved
    )
    assert "tisdagar kl. 09.30" in saved
    # The new policy decides: 30 days before a deadline of 30 April is 31 March.
    world.add("Revidera rutinen", deadline="senast i april 2027")
    world.at("2027-01-11 09:05")
    world.at("2027-03-31 08:30")
    assert len(reminders_to(world, "anna")) == 1 and "om 30 dagar" in reminders_to(world, "anna")[0]
    # And the digest follows the new day: Tuesday 09:30, not Monday 08:00.
    world.at("2027-04-05 08:00")
    world.at("2027-04-06 09:29")
    week_14 = [m for m in world.slack.visible_messages("olle", "bun") if "2027-W14" in str(m.metadata)]
    assert week_14 == []
    world.at("2027-04-06 09:30")
    assert len([m for m in world.slack.visible_messages("olle", "bun") if "2027-W14" in str(m.metadata)]) == 1


def test_a_reminder_quotes_the_documents_words_only_when_they_say_more_than_the_date(world: World) -> None:
    world.quick_committee()
    world.add("Revidera rutinen för orosanmälan", deadline="senast den 30 april 2027")
    world.add("Revidera BUS-överenskommelsen", deadline="senast i april 2027")
    world.at("2027-04-16 08:30")  # 14 days before both
    sent = " ".join(reminders_to(world, "anna"))
    assert "30 april 2027" in sent
    assert "”senast den 30 april 2027”" not in sent  # only the date again: not quoted
    assert "”senast i april 2027”" in sent  # the words the answer used: quoted beside the date


def test_a_commitment_nobody_is_responsible_for_asks_the_secretary_to_appoint_one(world: World) -> None:
    world.quick_committee()
    world.add("Utvärdera samverkan", deadline="senast i april 2027", owner=None)
    world.at("2027-01-11 09:05")
    world.at("2027-05-14 10:00")  # 14 days past the deadline
    to_sara = reminders_to(world, "sara")
    assert to_sara, "the secretary hears of it"
    assert all("utse en ansvarig" in m.lower() and "[ Byt ansvarig ]" in m for m in to_sara), to_sara
    assert not any("hör av dig till den ansvariga" in m for m in to_sara)
