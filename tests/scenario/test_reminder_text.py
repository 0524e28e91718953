"""What a reminder DM says: the day count as of when it goes out, and the facts as they are after an answer."""

from __future__ import annotations

from sqlalchemy import select

from bot.standin.workspace import Message
from storage.models import OutboxMessage, OutboxState
from tests.scenario.conftest import World
from tests.scenario.test_reminders import reminders_to


def intro(message: Message) -> str:
    """The reminder's own first section (the card below it has the commitment's facts)."""
    return str(message.blocks[0]["text"]["text"])


def the_reminder(world: World) -> Message:
    dm = world.slack.dm("anna").id
    found = [m for m in world.slack.visible_messages("anna", dm) if "Påminnelse" in intro(m)]
    assert len(found) == 1, [intro(m) for m in found]
    return found[0]


def as_updated(world: World, message: Message) -> Message:
    updated = world.slack.workspace.find_message(message.channel, message.ts)
    assert updated is not None and updated.edited is not None, "the reminder was not brought up to date"
    return updated


def test_a_reminder_sent_after_downtime_counts_the_days_from_the_day_it_goes_out(world: World) -> None:
    world.quick_committee()
    world.add("Revidera BUS-överenskommelsen", deadline="senast i april 2027")  # Friday 30 April
    world.at("2027-01-11 09:05")
    # Down over 16 April, when the reminder 14 days before was due: it goes out on the 21st, 9 days before.
    world.at("2027-04-21 10:00")
    sent = reminders_to(world, "anna")
    assert len(sent) == 1, sent
    assert "om 9 dagar" in sent[0] and "30 april 2027" in sent[0]
    # Down over the deadline itself: on 3 May it is 3 days late, not "i dag".
    world.at("2027-05-03 10:00")
    sent = reminders_to(world, "anna")
    assert len(sent) == 2, sent
    assert "för 3 dagar sedan" in sent[-1] and "I dag" not in sent[-1]
    # The weekly overdue reminder of 7 May, sent on 12 May.
    world.at("2027-05-12 10:00")
    sent = reminders_to(world, "anna")
    assert len(sent) == 3, sent
    assert "för 12 dagar sedan" in sent[-1]


def test_a_reminder_held_up_by_slack_counts_the_days_when_it_finally_goes(world: World) -> None:
    world.quick_committee()
    world.add("Revidera BUS-överenskommelsen", deadline="senast i april 2027")
    world.at("2027-04-15 10:00")  # the week's digest is out of the way
    world.slack.inject("chat.postMessage", "server_error", status=503)
    world.at("2027-04-16 08:30")  # planned for today; Slack fails it
    assert reminders_to(world, "anna") == []
    with world.bot.svc.db.read() as session:
        row = session.scalars(select(OutboxMessage).where(OutboxMessage.key == "remind:1:2027-04-30:-14")).one()
        # Still due: waiting in the owner's message of the morning, which is pending a retry.
        assert row.state == OutboxState.SPLIT
        combined = session.scalars(select(OutboxMessage).where(OutboxMessage.key == row.payload["combined"])).one()
        assert combined.state == OutboxState.PENDING
    # The clock jumps past the weekend before the retry runs.
    world.at("2027-04-19 08:00")
    sent = reminders_to(world, "anna")
    assert len(sent) == 1, sent
    assert "om 11 dagar" in sent[0] and "30 april 2027" in sent[0]


def test_after_forsenad_the_reminder_shows_the_new_date_beside_the_new_phrase(world: World) -> None:
    world.quick_committee()
    world.add("Revidera BUS-överenskommelsen", deadline="senast i april 2027")
    world.at("2027-01-11 09:05")
    world.at("2027-04-16 08:30")
    reminder = the_reminder(world)
    assert "30 april 2027" in intro(reminder) and "senast i april 2027" in intro(reminder)
    world.click("anna", reminder, "Meddela försening")
    world.fill(
        "anna", **{"Nytt slutdatum": "senast i juni 2027", "Varför ändras slutdatumet?": "Personalbrist under våren"}
    )
    assert world.submit("anna").response is None
    text = intro(as_updated(world, reminder))
    assert "30 juni 2027" in text and "senast i juni 2027" in text
    assert "30 april 2027" not in text and "senast i april 2027" not in text
    assert "Senaste status: Försenad" in text and "16 april 2027" in text


def test_after_kommentera_the_reminder_shows_the_comment_as_the_latest_update(world: World) -> None:
    world.quick_committee()
    world.add("Revidera BUS-överenskommelsen", deadline="senast i april 2027")
    world.at("2027-01-11 09:05")
    world.at("2027-04-16 08:30")
    reminder = the_reminder(world)
    assert "Ingen statusuppdatering ännu" in intro(reminder)
    world.at("2027-04-20 11:00")
    world.click("anna", reminder, "Kommentera")
    world.fill("anna", Kommentar="Utkastet är skickat till förvaltningsledningen")
    assert world.submit("anna").response is None
    text = intro(as_updated(world, reminder))
    assert "Ingen statusuppdatering ännu" not in text
    assert "Senaste status: Ej påbörjad" in text
    assert "20 april 2027" in text and "Utkastet är skickat till förvaltningsledningen" in text
    # Still the reminder it was: 14 days before 30 April, as on the day it went out.
    assert "om 14 dagar" in text and "30 april 2027" in text


def test_the_reminder_for_a_sunday_deadline_does_not_say_it_is_today(world: World) -> None:
    world.quick_committee()
    world.add("Revidera BUS-överenskommelsen", deadline="2027-01-31")  # a Sunday
    # "On the day" goes out on Friday 29 January, the last working day before it.
    world.at("2027-01-29 08:30")
    [friday] = reminders_to(world, "anna")
    assert "31 januari 2027" in friday and "om 2 dagar" in friday and "sista arbetsdagen" in friday
    assert "I dag ska" not in friday


def test_the_escalation_waits_for_the_working_day_after_fourteen_days(world: World) -> None:
    world.quick_committee()
    world.add("Revidera BUS-överenskommelsen", deadline="2027-01-29")  # a Friday; 14 days after is a Friday too
    world.add("Utvärdera ledningsgruppen", deadline="2027-01-31")  # a Sunday; 14 days after is a Sunday
    world.at("2027-02-12 08:30")
    escalated = [text for text in reminders_to(world, "sara") if "Obesvarat" in text]
    assert len(escalated) == 1 and "29 januari 2027" in escalated[0] and "14 dagar" in escalated[0]
    # Sunday 14 February is not moved back to Friday the 12th, when only 12 days had passed.
    world.at("2027-02-15 08:30")
    escalated = [text for text in reminders_to(world, "sara") if "Obesvarat" in text]
    assert len(escalated) == 2 and "31 januari 2027" in escalated[1] and "15 dagar" in escalated[1]
