"""The tiny Bolt app driven through the stand-in over Socket Mode and over HTTP."""

from __future__ import annotations

from tests.standin.conftest import Driven


def test_slash_command_reply_is_ephemeral_to_the_caller(driven: Driven) -> None:
    slack = driven.slack

    interaction = slack.slash_command("anna", "bun", "/demo", "hej hej")

    assert interaction.acked
    reply = slack.wait_for_message("anna", "bun", containing="du skrev")
    assert reply.is_ephemeral
    assert slack.render_message(reply).endswith("Hej @anna, du skrev: hej hej")
    assert all(not m.is_ephemeral for m in slack.visible_messages("bertil", "bun"))
    assert slack.calls_to("response_url")[0].ok
    assert slack.problems == []


def test_button_click_updates_the_message(driven: Driven) -> None:
    slack = driven.slack
    slack.slash_command("anna", "bun", "/lista")
    listed = slack.wait_for_message("bertil", "bun", containing="BUN-1")
    assert "[ Klar ]  [ Pågår ]" in slack.render_message(listed)

    clicked = slack.click_button("bertil", listed, "Klar")

    assert clicked.acked
    assert clicked.payload["actions"][0]["value"] == "BUN-1"
    assert clicked.payload["message"]["ts"] == listed.ts
    update = slack.wait_for_call("chat.update")
    assert update.ok
    now = slack.visible_messages("anna", "bun")[-1]
    assert now.ts == listed.ts
    assert now.edited is not None
    assert "✅ BUN-1 är klar (@bertil)" in slack.render_message(now)


def test_modal_errors_are_shown_then_fixed_submission_closes_it(driven: Driven) -> None:
    slack = driven.slack
    slack.slash_command("anna", "bun", "/ny")
    view = slack.wait_for_view("anna", callback_id="new_commitment")
    assert view.title is not None and view.title["text"] == "Nytt åtagande"

    slack.fill("anna", "Åtagande", "SIP")
    slack.fill("anna", "deadline", "2023-04-30")
    slack.fill("anna", "Ägare", "bertil")
    slack.fill("anna", "Status", "Pågår")
    refused = slack.submit_view("anna")

    assert refused.acked
    assert refused.response == {"response_action": "errors", "errors": {"text": "Skriv minst fem tecken."}}
    shown = slack.open_view("anna")
    assert shown is not None and shown.errors == {"text": "Skriv minst fem tecken."}
    assert "  ! Skriv minst fem tecken." in slack.render_view(shown)

    slack.fill("anna", "Åtagande", "Upprätta rutin för SIP")
    accepted = slack.submit_view("anna")

    assert accepted.acked
    assert slack.open_view("anna") is None
    values = driven.seen.submissions[0]
    assert values["text"]["value"] == {"type": "plain_text_input", "value": "Upprätta rutin för SIP"}
    assert values["deadline"]["value"] == {"type": "datepicker", "selected_date": "2023-04-30"}
    assert values["owner"]["value"] == {"type": "users_select", "selected_user": slack.user("bertil").id}
    assert values["status"]["value"]["selected_option"]["value"] == "ongoing"
    assert slack.problems == []


def test_redelivered_event_keeps_its_event_id(driven: Driven) -> None:
    slack = driven.slack
    first = slack.post_user_message("anna", "bun", "Hur går det med BUN-1?")
    assert first is not None and first.acked
    slack.wait_for_call("chat.postMessage")

    again = slack.redeliver(first)

    assert again.acked
    assert again.event_id == first.event_id
    assert again.payload["event_id"] == first.payload["event_id"]
    slack.wait_for(lambda: len(driven.seen.deliveries) == 2, what="the redelivery")
    retries = [retry for _, retry in driven.seen.deliveries]
    assert retries[-1] == "1"
    assert retries[0] in (None, "0")  # Socket Mode says 0, HTTP sends no header
    assert len(slack.calls_to("chat.postMessage")) == 1
    assert slack.latest_visible("anna", "bun") is not None


def test_home_tab_and_a_global_shortcut(driven: Driven) -> None:
    slack = driven.slack
    opened = slack.open_home("anna")
    assert opened is not None and opened.acked
    slack.wait_for_call("views.publish")
    home = slack.home("anna")
    assert home is not None
    assert "Mina åtaganden" in slack.render_view(home)

    slack.click_button("anna", "home", "Nytt")
    slack.wait_for_view("anna")
    slack.close_view("anna")
    assert slack.open_view("anna") is None

    slack.global_shortcut("bertil", "new_commitment")
    assert slack.wait_for_view("bertil").callback_id == "new_commitment"
