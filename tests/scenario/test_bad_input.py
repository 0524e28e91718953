"""Bad input of every kind gets a Swedish answer where it was typed, and changes nothing."""

from __future__ import annotations

from tests.scenario.conftest import World


def test_help_and_unknown_subcommands(world: World) -> None:
    world.run("olle", "allmant", "/atagande")
    text = world.last_text("olle", "allmant")
    assert "Åtagandeboten håller reda på nämndernas åtaganden" in text
    assert "/atagande ny BUN Revidera rutinen senast i april 2027 @anna" in text
    world.run("olle", "allmant", "/atagande hjälp")
    assert "Åtagandeboten håller reda på" in world.last_text("olle", "allmant")
    world.run("olle", "allmant", "/atagande rapportera <!here> nu")
    answer = world.last("olle", "allmant")
    assert answer.is_ephemeral
    text = world.slack.render_message(answer)
    assert "Jag känner inte igen ”rapportera”." in text
    assert "Åtagandeboten håller reda på" in text


def test_commands_are_forgiving_about_case_and_letters(world: World) -> None:
    world.quick_committee()
    world.add("Åtgärd")
    world.run("olle", "allmant", "/atagande LISTA bun")
    assert "BUN-1" in world.last_text("olle", "allmant")
    world.run("olle", "allmant", "/atagande Visa bun-1")
    assert "BUN-1" in world.last_text("olle", "allmant")
    world.run("admin", "allmant", "/atagande namnd lista")
    assert "BUN – Barn- och utbildningsnämnden" in world.last_text("admin", "allmant")


def test_long_fields_in_the_modal_are_refused(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", "/atagande ny")
    world.fill(
        "sara",
        **{
            "Vad ska göras?": "Åtgärda",
            "Den ansvarigas roll som den står i svaret": "r" * 301,
            "Återkommer": "årligen " * 40,
            "Diarienummer": "2023/BUN " + "1" * 60,
        },
    )
    refused = world.submit("sara")
    assert refused.response is not None
    errors = refused.response["errors"]
    assert errors["owner_role"] == "Texten är för lång: 301 tecken, högst 300 får plats."
    assert errors["recurrence"].startswith("Texten är för lång")
    assert errors["dnr"].startswith("Texten är för lång")
    assert world.count_commitments() == 0


def test_an_over_long_one_line_is_refused(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", "/atagande ny BUN " + "Revidera rutinen. " * 130 + "senast i april 2027")
    text = world.last_text("sara", "bun")
    assert "Texten är för lång" in text
    assert "Spara" not in text
    assert world.count_commitments() == 0


def test_a_delay_reason_that_is_too_long(world: World) -> None:
    world.quick_committee()
    ref = world.add("Åtgärd", announce=True)
    world.click("anna", world.card(ref), "Meddela försening")
    world.fill("anna", **{"Nytt slutdatum": "2027-08-31", "Varför ändras slutdatumet?": "x" * 2001})
    refused = world.submit("anna")
    assert refused.response is not None
    assert refused.response["errors"] == {"reason": "Texten är för lång: 2001 tecken, högst 2000 får plats."}


def test_two_deadlines_are_not_one(world: World) -> None:
    world.quick_committee()
    world.run("sara", "bun", "/atagande ny")
    world.fill("sara", **{"Vad ska göras?": "Återrapportera", "Klart senast": "i mars och september 2027"})
    refused = world.submit("sara")
    assert refused.response is not None
    assert refused.response["errors"] == {
        "deadline": "”i mars och september 2027” är flera datum. Registrera ett åtagande per datum, "
        "eller skriv i fältet Återkommer hur ofta det återkommer."
    }
    assert world.count_commitments() == 0
