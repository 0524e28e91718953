"""What users do, checked against a scripted app (no Bolt): payload shapes and Slack's reactions to acks."""

from __future__ import annotations

import urllib.request
from collections.abc import Callable
from typing import Any

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from bot.standin import Ack, Envelope, ManualClock, SlackStandIn
from bot.standin.view_state import user_value
from bot.standin.workspace import Workspace
from tests.standin.conftest import populate
from tests.standin.tiny_app import LIST_BLOCKS, NEW_COMMITMENT_VIEW


class Scripted:
    """A fake app: records envelopes and answers with ``answer(envelope)``."""

    def __init__(self, answer: Callable[[Envelope], Ack] | None = None) -> None:
        self.envelopes: list[Envelope] = []
        self.answer = answer or (lambda envelope: Ack(acked=True))

    def deliver(self, envelope: Envelope) -> Ack:
        self.envelopes.append(envelope)
        return self.answer(envelope)


def open_modal(slack: SlackStandIn, web: WebClient, view: dict[str, Any], user: str = "anna") -> None:
    web.views_open(trigger_id=slack.workspace.issue_trigger(slack.user(user).id), view=view)


def test_slash_command_payload_and_ack_bodies(standin: SlackStandIn) -> None:
    app = Scripted(lambda envelope: Ack(acked=True, payload={"text": "Tack!"}))
    standin.attach(app)

    standin.slash_command("anna", "bun", "/atagande", "lista")

    payload = app.envelopes[0].payload
    assert app.envelopes[0].type == "slash_commands" and app.envelopes[0].accepts_response_payload
    assert set(payload) == {
        "token",
        "team_id",
        "team_domain",
        "channel_id",
        "channel_name",
        "user_id",
        "user_name",
        "command",
        "text",
        "api_app_id",
        "is_enterprise_install",
        "response_url",
        "trigger_id",
    }
    assert (payload["command"], payload["text"], payload["user_name"], payload["channel_name"]) == (
        "/atagande",
        "lista",
        "anna",
        "bun",
    )
    assert [m.text for m in standin.visible_messages("anna", "bun")] == ["Tack!"]
    assert standin.visible_messages("bertil", "bun") == []

    app.answer = lambda envelope: Ack(acked=True, payload={"response_type": "in_channel", "text": "Alla ser"})
    standin.slash_command("anna", "bun", "/atagande")
    assert [m.text for m in standin.visible_messages("bertil", "bun")] == ["Alla ser"]

    with pytest.raises(LookupError):
        standin.slash_command("cecilia", "bun", "/atagande")


@pytest.mark.parametrize("reason", ["timeout", "http_timeout"])  # Socket Mode's and the request URL's
def test_an_unacked_command_shows_slackbots_note(standin: SlackStandIn, reason: str) -> None:
    standin.attach(Scripted(lambda envelope: Ack(acked=False, reason=reason)))
    interaction = standin.slash_command("anna", "bun", "/atagande")
    assert not interaction.acked
    note = standin.latest_visible("anna", "bun")
    assert note is not None and note.user == "USLACKBOT" and note.is_ephemeral
    assert note.text == '/atagande failed with the error "operation_timeout"'


def test_response_urls_replace_delete_and_run_out(standin: SlackStandIn, web: WebClient) -> None:
    clock = ManualClock()
    standin.now = clock
    app = Scripted()
    standin.attach(app)
    web.chat_postEphemeral(channel="bun", user=standin.user("anna").id, text="Välj", blocks=LIST_BLOCKS)
    ephemeral = standin.visible_messages("anna", "bun")[0]

    clicked = standin.click_button("anna", ephemeral, "Pågår")

    assert clicked.payload["container"]["is_ephemeral"] is True and "message" not in clicked.payload
    assert clicked.response_url is not None
    hook = WebhookClient(clicked.response_url)
    assert hook.send(text="Noterat", replace_original=True).status_code == 200
    assert [m.text for m in standin.visible_messages("anna", "bun")] == ["Noterat"]
    assert hook.send(text="Ny rad").status_code == 200
    assert hook.send(text="x", delete_original=True).status_code == 200
    assert [m.text for m in standin.visible_messages("anna", "bun")] == ["Ny rad"]
    assert hook.send(text="4").status_code == 200
    assert hook.send(text="5").status_code == 200
    used = hook.send(text="6")
    assert (used.status_code, "used_url" in used.body) == (404, True)

    web.chat_postEphemeral(channel="bun", user=standin.user("anna").id, text="Välj igen", blocks=LIST_BLOCKS)
    second = standin.click_button("anna", standin.visible_messages("anna", "bun")[-1], "Pågår")
    assert second.response_url is not None
    clock.advance(31 * 60)
    expired = WebhookClient(second.response_url).send(text="för sent")
    assert (expired.status_code, "expired_url" in expired.body) == (404, True)
    assert WebhookClient(f"{standin.base_url}commands/T0/1/nope").send(text="x").status_code == 404


def test_invalid_blocks_through_a_response_url(standin: SlackStandIn) -> None:
    app = Scripted()
    standin.attach(app)
    interaction = standin.slash_command("anna", "bun", "/atagande")
    assert interaction.response_url is not None
    refused = WebhookClient(interaction.response_url).send(text="x", blocks=[{"type": "divider"}] * 51)
    assert refused.status_code == 400 and "invalid_blocks" in refused.body
    assert standin.calls_to("response_url")[0].error == "invalid_blocks"


def test_select_in_a_message_sends_its_state(standin: SlackStandIn, web: WebClient) -> None:
    app = Scripted()
    standin.attach(app)
    picker = {
        "type": "actions",
        "block_id": "row",
        "elements": [
            {
                "type": "static_select",
                "action_id": "status",
                "placeholder": {"type": "plain_text", "text": "Status"},
                "options": [
                    {"text": {"type": "plain_text", "text": "Pågår"}, "value": "ongoing"},
                    {"text": {"type": "plain_text", "text": "Klar"}, "value": "done"},
                ],
            },
            {
                "type": "overflow",
                "action_id": "more",
                "options": [{"text": {"type": "plain_text", "text": "Visa"}, "value": "show"}],
            },
        ],
    }
    web.chat_postMessage(channel="bun", text="status", blocks=[picker])
    message = standin.visible_messages("anna", "bun")[0]

    chosen = standin.select_option("anna", message, "Status", "Klar")
    assert chosen is not None
    action = chosen.payload["actions"][0]
    assert (action["type"], action["selected_option"]["value"]) == ("static_select", "done")
    assert chosen.payload["state"]["values"]["row"]["status"]["selected_option"]["value"] == "done"
    assert "[ Klar ▾ ]" in standin.render_message(standin.visible_messages("anna", "bun")[0])

    overflow = standin.select_option("anna", message, "more", "Visa")
    assert overflow is not None and overflow.payload["actions"][0]["selected_option"]["value"] == "show"
    with pytest.raises(ValueError, match="finns inte bland valen"):
        standin.select_option("anna", message, "Status", "Avbruten")


def test_required_fields_are_checked_by_the_client(standin: SlackStandIn, web: WebClient) -> None:
    app = Scripted()
    standin.attach(app)
    open_modal(standin, web, NEW_COMMITMENT_VIEW)

    refused = standin.submit_view("anna")

    assert refused.ack is None and app.envelopes == []
    assert set(refused.client_errors) == {"text", "deadline", "owner"}
    with pytest.raises(ValueError):
        standin.fill("anna", "Status", "Okänd")
    with pytest.raises(LookupError):
        standin.fill("anna", "Ingen sådan", "x")


def test_response_actions_update_push_and_clear(standin: SlackStandIn, web: WebClient) -> None:
    simple = {
        "type": "modal",
        "callback_id": "step",
        "title": {"type": "plain_text", "text": "Steg"},
        "submit": {"type": "plain_text", "text": "Nästa"},
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "steg"}}],
    }
    answers = iter(
        [
            {"response_action": "update", "view": {**simple, "callback_id": "updated"}},
            {"response_action": "push", "view": {**simple, "callback_id": "pushed"}},
            None,
            {"response_action": "clear"},
        ]
    )
    standin.attach(Scripted(lambda envelope: Ack(acked=True, payload=next(answers))))
    open_modal(standin, web, simple)
    first = standin.open_view("anna")
    assert first is not None

    standin.submit_view("anna")
    updated = standin.open_view("anna")
    assert updated is not None and (updated.id, updated.callback_id) == (first.id, "updated")
    standin.submit_view("anna")
    pushed = standin.open_view("anna")
    assert pushed is not None and pushed.callback_id == "pushed" and pushed.previous_view_id == first.id
    standin.submit_view("anna")  # a plain ack closes only the pushed view
    back = standin.open_view("anna")
    assert back is not None and back.id == first.id
    standin.submit_view("anna")
    assert standin.open_view("anna") is None
    assert standin.problems == []


def test_bad_errors_ack_is_a_problem(standin: SlackStandIn, web: WebClient) -> None:
    standin.attach(
        Scripted(lambda envelope: Ack(acked=True, payload={"response_action": "errors", "errors": {"x": "y"}}))
    )
    open_modal(standin, web, NEW_COMMITMENT_VIEW)
    for field, value in (("Åtagande", "SIP-rutin"), ("Senast", "2023-04-30"), ("Ägare", "anna")):
        standin.fill("anna", field, value)
    standin.submit_view("anna")
    assert standin.problems == ["response_action errors names 'x', which is not an input block"]


def test_closing_notifies_only_when_asked(standin: SlackStandIn, web: WebClient) -> None:
    app = Scripted()
    standin.attach(app)
    open_modal(standin, web, NEW_COMMITMENT_VIEW)
    assert standin.close_view("anna") is None
    open_modal(standin, web, {**NEW_COMMITMENT_VIEW, "notify_on_close": True})
    closed = standin.close_view("anna")
    assert closed is not None and closed.payload["type"] == "view_closed"
    assert closed.payload["is_cleared"] is False and standin.open_view("anna") is None


def test_external_select_asks_the_app_for_options(standin: SlackStandIn, web: WebClient) -> None:
    routines = [{"text": {"type": "plain_text", "text": "SIP-rutinen"}, "value": "r1"}]

    def answer(envelope: Envelope) -> Ack:
        if envelope.payload["type"] == "block_suggestion":
            return Ack(acked=True, payload={"options": routines})
        return Ack(acked=True)

    app = Scripted(answer)
    standin.attach(app)
    view = {
        "type": "modal",
        "title": {"type": "plain_text", "text": "Rutin"},
        "submit": {"type": "plain_text", "text": "Välj"},
        "blocks": [
            {
                "type": "input",
                "block_id": "routine",
                "label": {"type": "plain_text", "text": "Rutin"},
                "element": {"type": "external_select", "action_id": "pick", "min_query_length": 2},
            }
        ],
    }
    open_modal(standin, web, view)

    standin.fill("anna", "Rutin", "SIP-rutinen")
    standin.submit_view("anna")

    suggestion, submission = (envelope.payload for envelope in app.envelopes)
    assert (suggestion["type"], suggestion["value"], suggestion["action_id"]) == (
        "block_suggestion",
        "SIP-rutinen",
        "pick",
    )
    assert submission["view"]["state"]["values"]["routine"]["pick"]["selected_option"]["value"] == "r1"


def test_external_select_asks_as_slack_does_and_checks_the_answer(standin: SlackStandIn, web: WebClient) -> None:
    def option(text: str, value: str) -> dict[str, Any]:
        return {"text": {"type": "plain_text", "text": text}, "value": value}

    committees = [option("BUN – Barn- och utbildningsnämnden", "BUN"), option("KFN – Kultur- och fritid", "KFN")]

    def answer(envelope: Envelope) -> Ack:
        if envelope.payload["type"] != "block_suggestion":
            return Ack(acked=True)
        typed = envelope.payload["value"].casefold()
        if typed == "alla":  # more than a menu holds
            return Ack(acked=True, payload={"options": [option(f"N{n}", f"N{n}") for n in range(101)]})
        return Ack(acked=True, payload={"options": [o for o in committees if typed in o["text"]["text"].casefold()]})

    app = Scripted(answer)
    standin.attach(app)
    field: dict[str, Any] = {"type": "external_select", "action_id": "pick"}
    block: dict[str, Any] = {"type": "input", "block_id": "c", "label": {"type": "plain_text", "text": "Nämnd"}}
    view: dict[str, Any] = {
        "type": "modal",
        "title": {"type": "plain_text", "text": "Nämnd"},
        "submit": {"type": "plain_text", "text": "Välj"},
        "blocks": [{**block, "element": field}],
    }
    open_modal(standin, web, view)
    # Without min_query_length Slack waits for three typed characters before it asks.
    with pytest.raises(ValueError, match="efter 3 skrivna tecken"):
        standin.suggestions("anna", "Nämnd", "ku")
    assert [o["value"] for o in standin.suggestions("anna", "Nämnd", "kul")] == ["KFN"]
    # A person types part of a name and picks from what the app offered; nothing else can be picked.
    standin.fill("anna", "Nämnd", "KFN", typed="fritid")
    with pytest.raises(ValueError, match="finns inte bland valen"):
        standin.fill("anna", "Nämnd", "BUN", typed="fritid")
    standin.submit_view("anna")
    submitted = app.envelopes[-1].payload["view"]["state"]["values"]["c"]["pick"]["selected_option"]
    assert submitted["value"] == "KFN"
    # An answer with more options than a menu holds is refused, and noted as the app's fault.
    open_modal(standin, web, {**view, "blocks": [{**block, "element": {**field, "min_query_length": 0}}]})
    assert len(standin.suggestions("anna", "Nämnd", "")) == 2  # opening the menu loads the list
    with pytest.raises(ValueError, match="no more than 100"):
        standin.suggestions("anna", "Nämnd", "alla")
    assert standin.problems and "no more than 100 items" in standin.problems[-1]


def test_message_shortcut_and_user_messages(standin: SlackStandIn, web: WebClient) -> None:
    app = Scripted()
    standin.attach(app)
    ts = web.chat_postMessage(channel="bun", text="Vi ska upprätta en rutin senast i april 2023.")["ts"]
    shortcut = standin.message_shortcut("bertil", "bun", ts, "register_commitment")
    assert shortcut.payload["type"] == "message_action"
    assert shortcut.payload["message"]["text"].startswith("Vi ska")
    assert shortcut.response_url is not None

    assert standin.post_user_message("bertil", "ks-intern", "hemligt") is None  # the bot is not there
    event = standin.post_user_message("anna", "bun", f"<@{standin.bot_user_id}> hjälp")
    assert event is not None
    kinds = [envelope.payload["event"]["type"] for envelope in app.envelopes[1:]]
    assert kinds == ["message", "app_mention"]
    sent = event.payload
    assert sent["type"] == "event_callback" and sent["event_id"] == event.event_id
    assert sent["event"]["channel_type"] == "channel" and sent["event"]["user"] == standin.user("anna").id


def test_event_subscriptions_filter_events() -> None:
    with SlackStandIn(subscribed_events=["app_home_opened"]) as slack:
        populate(slack)
        app = Scripted()
        slack.attach(app)
        assert slack.post_user_message("anna", "bun", "hej") is None
        opened = slack.open_home("anna")
        assert opened is not None and opened.payload["event"]["tab"] == "home"
        assert [e.payload["event"]["type"] for e in app.envelopes] == ["app_home_opened"]


def test_shared_files_reach_the_app(standin: SlackStandIn) -> None:
    app = Scripted()
    standin.attach(app)
    standin.upload_file("anna", "bun", "svar.txt", "Nämnden åtar sig …".encode(), text="Här är svaret")
    message_event, file_event = (envelope.payload["event"] for envelope in app.envelopes)
    assert message_event["subtype"] == "file_share"
    assert file_event["type"] == "file_shared"
    url = message_event["files"][0]["url_private"]
    with urllib.request.urlopen(urllib.request.Request(url), timeout=5) as response:
        assert b"Sign in" in response.read()  # without the token Slack serves its sign-in page
    authorized = urllib.request.Request(url, headers={"Authorization": f"Bearer {standin.bot_token}"})
    with urllib.request.urlopen(authorized, timeout=5) as response:
        assert response.read().decode() == "Nämnden åtar sig …"
    info = WebClient(token=standin.bot_token, base_url=standin.api_url).files_info(file=file_event["file_id"])
    assert info["file"]["name"] == "svar.txt"


def test_no_transport_is_a_clear_error(standin: SlackStandIn) -> None:
    with pytest.raises(RuntimeError, match="attach_socket_mode"):
        standin.slash_command("anna", "bun", "/atagande")


def test_files_list_shows_what_the_bot_can_see(standin: SlackStandIn) -> None:
    standin.attach(Scripted())
    standin.upload_file("anna", "bun", "svar.pdf", b"%PDF-1.7")
    standin.upload_file("anna", standin.dm("anna"), "utkast.docx", b"PK\x03\x04")
    standin.upload_file("bertil", "bun", "bild.png", b"\x89PNG")
    standin.upload_file("bertil", "ks-intern", "hemligt.txt", b"inte for boten")
    web = WebClient(token=standin.bot_token, base_url=standin.api_url)
    names = [f["name"] for f in web.files_list()["files"]]
    assert sorted(names) == ["bild.png", "svar.pdf", "utkast.docx"]  # not the file in a channel without the bot
    assert [f["name"] for f in web.files_list(user=standin.user("anna").id)["files"]] == ["utkast.docx", "svar.pdf"]
    assert [f["name"] for f in web.files_list(types="pdfs")["files"]] == ["svar.pdf"]
    assert web.files_list(channel=standin.channel("bun").id)["paging"]["total"] == 2
    with pytest.raises(SlackApiError) as refused:
        web.files_list(types="movies")
    assert refused.value.response["error"] == "unknown_type"


@pytest.mark.parametrize(
    ("element", "value", "said"),
    [
        ({"type": "datepicker", "action_id": "d"}, "2027-02-30", "”2027-02-30” är inget datum"),
        ({"type": "timepicker", "action_id": "t"}, "25:00", "”25:00” är ingen tid"),
        ({"type": "plain_text_input", "action_id": "p", "max_length": 5}, "sex tecken", "högst 5 tecken"),
    ],
)
def test_what_a_person_cannot_type_is_refused_in_swedish(element: dict[str, Any], value: str, said: str) -> None:
    # The console shows these refusals to the person at the keyboard (found by a new user: "day is out of range").
    with pytest.raises(ValueError, match=said):
        user_value(element, value, Workspace())
