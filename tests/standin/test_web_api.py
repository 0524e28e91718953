"""The Web API refuses what Slack refuses and answers like Slack otherwise."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.standin import ManualClock, SlackStandIn


def error_of(call: Any) -> dict[str, Any]:
    """The error body of a Web API call that must fail."""
    with pytest.raises(SlackApiError) as raised:
        call()
    body: dict[str, Any] = raised.value.response.data
    assert body["ok"] is False
    return body


def section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def modal(blocks: list[dict[str, Any]], title: str = "Nytt åtagande") -> dict[str, Any]:
    return {"type": "modal", "title": {"type": "plain_text", "text": title}, "blocks": blocks}


def test_auth_test_names_the_bot(standin: SlackStandIn, web: WebClient) -> None:
    answer = web.auth_test()
    assert answer["user_id"] == standin.bot_user_id
    assert answer["team_id"] == standin.team_id
    assert answer["bot_id"].startswith("B")


def test_unknown_method_is_refused(web: WebClient) -> None:
    body = error_of(lambda: web.api_call("chat.postMesage"))
    assert body["error"] == "unknown_method"


def test_unknown_argument_is_named(web: WebClient) -> None:
    body = error_of(lambda: web.chat_postMessage(channel="bun", text="hej", colour="red"))
    assert body["error"] == "invalid_arguments"
    assert body["response_metadata"]["messages"] == ["[ERROR] unsupported argument: colour"]


def test_missing_required_argument_is_named(web: WebClient) -> None:
    body = error_of(lambda: web.api_call("users.info", params={}))
    assert body["error"] == "invalid_arguments"
    assert "[ERROR] missing required field: user" in body["response_metadata"]["messages"]


def test_a_message_needs_content(web: WebClient) -> None:
    assert error_of(lambda: web.api_call("chat.postMessage", json={"channel": "bun"}))["error"] == "no_text"


def test_argument_groups_are_enforced(standin: SlackStandIn, web: WebClient) -> None:
    both = {"view": modal([section("x")]), "trigger_id": "1.2.a", "interactivity_pointer": "1.2.b"}
    assert error_of(lambda: web.api_call("views.open", json=both))["error"] == "invalid_arguments"
    neither = {"view": modal([section("x")])}
    assert error_of(lambda: web.api_call("views.open", json=neither))["error"] == "invalid_arguments"
    conflict = {"channel": "bun", "text": "a", "markdown_text": "b"}
    assert error_of(lambda: web.api_call("chat.postMessage", json=conflict))["error"] == "markdown_text_conflict"


def test_tokens_are_checked(standin: SlackStandIn) -> None:
    no_token = WebClient(base_url=standin.api_url)
    assert error_of(no_token.auth_test)["error"] == "not_authed"
    wrong = WebClient(token="xoxb-1-2-nope", base_url=standin.api_url)
    assert error_of(wrong.auth_test)["error"] == "invalid_auth"
    app_token = WebClient(token=standin.app_token, base_url=standin.api_url)
    assert error_of(lambda: app_token.chat_postMessage(channel="bun", text="x"))["error"] == "not_allowed_token_type"
    bot = WebClient(token=standin.bot_token, base_url=standin.api_url)
    error = error_of(lambda: bot.apps_connections_open(app_token=standin.bot_token))["error"]
    assert error == "not_allowed_token_type"


def test_token_in_a_form_field_works(standin: SlackStandIn) -> None:
    request = urllib.request.Request(
        f"{standin.api_url}auth.test", data=f"token={standin.bot_token}".encode(), method="POST"
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        assert json.load(response)["ok"] is True


def test_apps_connections_open_returns_the_socket_url(standin: SlackStandIn) -> None:
    answer = WebClient(base_url=standin.api_url).apps_connections_open(app_token=standin.app_token)
    assert answer["url"].startswith(f"ws://127.0.0.1:{standin.socket_mode.port}/link/?ticket=")


def test_channels_the_bot_cannot_post_to(standin: SlackStandIn, web: WebClient) -> None:
    assert error_of(lambda: web.chat_postMessage(channel="C999", text="x"))["error"] == "channel_not_found"
    # A private channel the bot is not in is invisible to it, so Slack says channel_not_found.
    private = standin.channel("ks-intern").id
    assert error_of(lambda: web.chat_postMessage(channel=private, text="x"))["error"] == "channel_not_found"


def test_public_channels_need_chat_write_public_unless_the_bot_is_in_them() -> None:
    with SlackStandIn(scopes=["chat:write"]) as slack:
        slack.add_channel("allmänt", bot_is_member=False)
        web = WebClient(token=slack.bot_token, base_url=slack.api_url)
        assert error_of(lambda: web.chat_postMessage(channel="allmänt", text="x"))["error"] == "not_in_channel"
        assert error_of(web.users_list)["error"] == "missing_scope"
    with SlackStandIn() as slack:
        slack.add_channel("allmänt", bot_is_member=False)
        web = WebClient(token=slack.bot_token, base_url=slack.api_url)
        assert web.chat_postMessage(channel="allmänt", text="x")["ok"]


def test_posting_to_a_user_id_goes_to_the_dm(standin: SlackStandIn, web: WebClient) -> None:
    anna = standin.user("anna")
    answer = web.chat_postMessage(channel=anna.id, text="Påminnelse: BUN-1")
    assert answer["channel"] == standin.dm("anna").id
    assert answer["channel"].startswith("D")
    assert standin.latest_visible("anna") is not None
    assert web.conversations_open(users=anna.id)["channel"]["id"] == answer["channel"]


def test_ephemeral_messages_go_to_members_only(standin: SlackStandIn, web: WebClient) -> None:
    cecilia = standin.user("cecilia").id
    body = error_of(lambda: web.chat_postEphemeral(channel="bun", user=cecilia, text="x"))
    assert body["error"] == "user_not_in_channel"
    assert error_of(lambda: web.chat_postEphemeral(channel="bun", user="U404", text="x"))["error"] == "user_not_found"
    ts = web.chat_postEphemeral(channel="bun", user=standin.user("anna").id, text="bara för dig")["message_ts"]
    assert [m.ts for m in standin.visible_messages("anna", "bun")] == [ts]
    assert standin.visible_messages("bertil", "bun") == []


def test_update_delete_and_permalink(standin: SlackStandIn, web: WebClient) -> None:
    channel = standin.channel("bun").id
    assert error_of(lambda: web.chat_update(channel=channel, ts="1.000001", text="x"))["error"] == "message_not_found"
    ts = web.chat_postMessage(channel=channel, text="före", blocks=[section("*före*")])["ts"]
    updated = web.chat_update(channel=channel, ts=ts, text="efter")
    assert updated["message"]["text"] == "efter"
    message = standin.visible_messages("anna", "bun")[0]
    assert message.edited is not None and message.blocks[0]["text"]["text"] == "*före*"
    link = web.chat_getPermalink(channel=channel, message_ts=ts)["permalink"]
    assert link == f"https://exempelkommun.slack.com/archives/{channel}/p{ts.replace('.', '')}"
    web.chat_delete(channel=channel, ts=ts)
    assert standin.visible_messages("anna", "bun") == []
    assert error_of(lambda: web.chat_delete(channel=channel, ts=ts))["error"] == "message_not_found"


def test_an_update_holds_at_most_4000_characters_of_text(standin: SlackStandIn, web: WebClient) -> None:
    # chat.update refuses what chat.postMessage would take (it truncates long text at 40,000 instead).
    channel = standin.channel("bun").id
    ts = web.chat_postMessage(channel=channel, text="x" * 5000)["ts"]
    assert error_of(lambda: web.chat_update(channel=channel, ts=ts, text="y" * 4001))["error"] == "msg_too_long"
    assert web.chat_update(channel=channel, ts=ts, text="y" * 4000)["ok"]


def test_the_bot_cannot_edit_other_peoples_messages(standin: SlackStandIn, web: WebClient) -> None:
    channel = standin.channel("bun").id
    ts = web.chat_postMessage(channel=channel, text="x")["ts"]
    message = standin.workspace.find_message(channel, ts)
    assert message is not None
    message.bot_id = None  # as if anna had written it
    assert error_of(lambda: web.chat_update(channel=channel, ts=ts, text="y"))["error"] == "cant_update_message"


def test_block_limits_for_messages(web: WebClient) -> None:
    fifty = [section(f"rad {n}") for n in range(50)]
    assert web.chat_postMessage(channel="bun", text="50", blocks=fifty)["ok"]
    body = error_of(lambda: web.chat_postMessage(channel="bun", text="51", blocks=[*fifty, section("en till")]))
    assert body["error"] == "invalid_blocks"
    assert body["response_metadata"]["messages"] == ["[ERROR] no more than 50 items allowed [json-pointer:/blocks]"]


def test_long_texts_are_refused(web: WebClient) -> None:
    assert web.chat_postMessage(channel="bun", text="x", blocks=[section("a" * 3000)])["ok"]
    body = error_of(lambda: web.chat_postMessage(channel="bun", text="x", blocks=[section("a" * 3001)]))
    assert body["response_metadata"]["messages"] == [
        "[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]"
    ]
    assert error_of(lambda: web.chat_postMessage(channel="bun", text="a" * 40_001))["error"] == "msg_too_long"
    header = {"type": "header", "text": {"type": "mrkdwn", "text": "Rubrik"}}
    body = error_of(lambda: web.chat_postMessage(channel="bun", text="x", blocks=[header]))
    assert "[ERROR] must be plain_text [json-pointer:/blocks/0/text/type]" in body["response_metadata"]["messages"]


def test_duplicate_ids_are_refused(web: WebClient) -> None:
    def button(action_id: str) -> dict[str, Any]:
        return {"type": "button", "action_id": action_id, "text": {"type": "plain_text", "text": "Klar"}}

    twice = [{"type": "actions", "elements": [button("done"), button("done")]}]
    body = error_of(lambda: web.chat_postMessage(channel="bun", text="x", blocks=twice))
    assert body["error"] == "invalid_blocks"
    assert "duplicate action_id: done" in body["response_metadata"]["messages"][0]
    # Slack asks for unique action_ids within a block; a list of rows may repeat them.
    rows = [{"type": "actions", "elements": [button("done")]} for _ in range(3)]
    assert web.chat_postMessage(channel="bun", text="x", blocks=rows)["ok"]
    same_block_id = [{**section("a"), "block_id": "b"}, {**section("b"), "block_id": "b"}]
    assert error_of(lambda: web.chat_postMessage(channel="bun", text="x", blocks=same_block_id))["error"] == (
        "invalid_blocks"
    )


def test_malformed_blocks_json(standin: SlackStandIn) -> None:
    request = urllib.request.Request(
        f"{standin.api_url}chat.postMessage",
        data=f"token={standin.bot_token}&channel=bun&blocks=%5B%7Bnope".encode(),
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        assert json.load(response)["error"] == "invalid_blocks_format"


def test_views_are_checked(standin: SlackStandIn, web: WebClient) -> None:
    trigger = standin.workspace.issue_trigger(standin.user("anna").id)
    too_many = modal([section(str(n)) for n in range(101)])
    body = error_of(lambda: web.views_open(trigger_id=trigger, view=too_many))
    assert body["error"] == "invalid_arguments"
    assert "[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]" in body["response_metadata"]["messages"]
    body = error_of(lambda: web.views_open(trigger_id=trigger, view=modal([section("x")], title="x" * 25)))
    assert (
        "[ERROR] must be less than 25 characters [json-pointer:/view/title/text]"
        in (body["response_metadata"]["messages"])
    )
    home_with_input = {
        "type": "home",
        "blocks": [
            {
                "type": "input",
                "label": {"type": "plain_text", "text": "Fråga"},
                "element": {"type": "plain_text_input"},
            }
        ],
    }
    anna = standin.user("anna").id
    body = error_of(lambda: web.views_publish(user_id=anna, view=home_with_input))
    assert body["error"] == "invalid_arguments"
    # The refused calls did not use up the trigger.
    opened = web.views_open(trigger_id=trigger, view=modal([section("x" * 10)]))
    assert opened["view"]["id"].startswith("V")
    assert standin.open_view("anna") is not None


def test_trigger_ids_are_single_use_and_expire() -> None:
    clock = ManualClock()
    with SlackStandIn(now=clock) as slack:
        slack.add_user("anna")
        web = WebClient(token=slack.bot_token, base_url=slack.api_url)
        view = modal([section("x")])
        assert error_of(lambda: web.views_open(trigger_id="1.2.abc", view=view))["error"] == "invalid_trigger_id"
        trigger = slack.workspace.issue_trigger(slack.user("anna").id)
        web.views_open(trigger_id=trigger, view=view)
        assert error_of(lambda: web.views_open(trigger_id=trigger, view=view))["error"] == "exchanged_trigger_id"
        late = slack.workspace.issue_trigger(slack.user("anna").id)
        clock.advance(3.5)
        assert error_of(lambda: web.views_open(trigger_id=late, view=view))["error"] == "expired_trigger_id"
        slack.trigger_ttl = None  # a human at the console takes their time
        patient = slack.workspace.issue_trigger(slack.user("anna").id)
        clock.advance(600)
        assert web.views_open(trigger_id=patient, view=view)["ok"]


def test_views_update_and_push(standin: SlackStandIn, web: WebClient) -> None:
    anna = standin.user("anna").id
    opened = web.views_open(trigger_id=standin.workspace.issue_trigger(anna), view=modal([section("ett")]))["view"]
    error = error_of(lambda: web.views_update(view_id=opened["id"], hash="nope", view=modal([section("två")])))
    assert error["error"] == "hash_conflict"
    assert error_of(lambda: web.views_update(view_id="V404", view=modal([section("två")])))["error"] == "not_found"
    updated = web.views_update(view_id=opened["id"], hash=opened["hash"], view=modal([section("två")]))["view"]
    assert updated["id"] == opened["id"] and updated["hash"] != opened["hash"]
    for depth in (2, 3):
        web.views_push(trigger_id=standin.workspace.issue_trigger(anna), view=modal([section(str(depth))]))
    fourth = standin.workspace.issue_trigger(anna)
    assert error_of(lambda: web.views_push(trigger_id=fourth, view=modal([section("4")])))["error"] == (
        "push_limit_reached"
    )
    assert len(standin.workspace.modal_stack(anna)) == 3


def test_conversations_and_users(standin: SlackStandIn) -> None:
    with SlackStandIn(scopes=["chat:write", "users:read", "channels:read", "groups:read", "im:write"]) as slack:
        slack.add_user("anna")
        slack.add_channel("bun", members=["anna"], bot_is_member=True)
        web = WebClient(token=slack.bot_token, base_url=slack.api_url)
        channel = slack.channel("bun").id
        info = web.conversations_info(channel=channel, include_num_members=True)["channel"]
        assert info["name"] == "bun" and info["is_member"] and info["num_members"] == 2
        assert web.conversations_members(channel=channel)["members"] == [
            slack.user("anna").id,
            slack.bot_user_id,
        ]
        first = web.users_list(limit=2)
        assert len(first["members"]) == 2 and first["response_metadata"]["next_cursor"]
        rest = web.users_list(limit=2, cursor=first["response_metadata"]["next_cursor"])
        names = [m["name"] for m in first["members"] + rest["members"]]
        assert names == ["slackbot", "atagandeboten", "anna"]
        anna = web.users_info(user=slack.user("anna").id)["user"]
        assert anna["tz"] == "Europe/Stockholm" and anna["real_name"] == "Anna"
    # The default scopes do not include channels:read.
    web = WebClient(token=standin.bot_token, base_url=standin.api_url)
    error = error_of(lambda: web.conversations_info(channel=standin.channel("bun").id))
    assert (error["error"], error["needed"]) == ("missing_scope", "channels:read")


def test_file_upload_round_trip(standin: SlackStandIn, web: WebClient) -> None:
    channel = standin.channel("bun").id
    uploaded = web.files_upload_v2(
        channel=channel, content="Dnr 2023/BUN 0148", filename="rapport.txt", initial_comment="Rapporten"
    )
    file_id = uploaded["file"]["id"]
    info = web.files_info(file=file_id)["file"]
    assert info["name"] == "rapport.txt" and channel in info["channels"]
    shared = standin.visible_messages("anna", "bun")[-1]
    assert shared.text == "Rapporten" and shared.files[0]["id"] == file_id
    download = urllib.request.Request(info["url_private"], headers={"Authorization": f"Bearer {standin.bot_token}"})
    with urllib.request.urlopen(download, timeout=5) as response:
        assert response.read() == b"Dnr 2023/BUN 0148"
    assert error_of(lambda: web.files_info(file="F404"))["error"] == "file_not_found"


def test_calls_are_recorded_with_decoded_arguments(standin: SlackStandIn, web: WebClient) -> None:
    web.chat_postMessage(channel="bun", text="hej", blocks=[section("hej")])
    error_of(lambda: web.chat_postMessage(channel="nowhere", text="x"))
    posted, refused = standin.calls_to("chat.postMessage")
    assert posted.ok and posted.args["blocks"][0]["type"] == "section"
    assert posted.token == standin.bot_token
    assert not refused.ok and refused.error == "channel_not_found"
    standin.clear_calls()
    assert standin.calls == []


def test_methods_are_told_apart_as_slack_has_them() -> None:
    with SlackStandIn() as slack:
        web = WebClient(token=slack.bot_token, base_url=slack.api_url)
        slack.add_channel("bun")
        assert web.chat_postMessage(channel="bun", text="hej")["ok"]
        assert error_of(lambda: web.chat_postMessage(channel="bun", text="x", colour="red"))["error"] == (
            "invalid_arguments"
        )
        body = error_of(lambda: web.reactions_add(channel="bun", name="tada", timestamp="1.2"))
        assert body["error"] == "unknown_method"
        assert "does not implement" in body["response_metadata"]["messages"][0]
        assert error_of(lambda: web.api_call("chat.noSuchThing"))["error"] == "unknown_method"
