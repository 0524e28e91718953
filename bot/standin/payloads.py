"""The payloads Slack sends an app, field for field: slash commands, interactivity, events."""

from __future__ import annotations

import re

from bot.standin.workspace import Channel, JsonDict, Message, User, View, Workspace


def _team(workspace: Workspace) -> JsonDict:
    return {"id": workspace.team.id, "domain": workspace.team.domain}


def _user(user: User) -> JsonDict:
    return {"id": user.id, "username": user.name, "name": user.name, "team_id": user.team_id}


def channel_name(channel: Channel) -> str:
    """The ``channel_name`` Slack puts in slash-command payloads."""
    if channel.is_im:
        return "directmessage"
    if channel.is_mpim:
        return channel.name
    if channel.is_private:
        return "privategroup"
    return channel.name


def channel_type(channel: Channel) -> str:
    """The ``channel_type`` of message events: ``channel``, ``group``, ``im`` or ``mpim``."""
    if channel.is_im:
        return "im"
    if channel.is_mpim:
        return "mpim"
    return "group" if channel.is_private else "channel"


_AT_NAME = re.compile(r"(?<![\w@])@([\w.-]+)")


def escape_command_text(workspace: Workspace, text: str) -> str:
    """Slack's escaping of a command's text: entities, then mentions of known users."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    def mention(match: re.Match[str]) -> str:
        user = workspace.find_user(match.group(1))
        return f"<@{user.id}|{user.name}>" if user is not None else match.group(0)

    return _AT_NAME.sub(mention, text)


def slash_command(
    workspace: Workspace,
    *,
    token: str,
    user: User,
    channel: Channel,
    command: str,
    text: str,
    trigger_id: str,
    response_url: str,
) -> JsonDict:
    """A slash command's form fields (all strings, as Slack form-encodes them).

    The text is escaped as Slack does for a command with ``should_escape``:
    ``&``, ``<`` and ``>`` become entities and ``@name`` of a known user
    becomes ``<@U…|name>``.
    """
    text = escape_command_text(workspace, text)
    return {
        "token": token,
        "team_id": workspace.team.id,
        "team_domain": workspace.team.domain,
        "channel_id": channel.id,
        "channel_name": channel_name(channel),
        "user_id": user.id,
        "user_name": user.name,
        "command": command,
        "text": text,
        "api_app_id": workspace.app_id,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": trigger_id,
    }


def _interactive_base(workspace: Workspace, kind: str, token: str, user: User) -> JsonDict:
    return {
        "type": kind,
        "user": _user(user),
        "api_app_id": workspace.app_id,
        "token": token,
        "team": _team(workspace),
        "enterprise": None,
        "is_enterprise_install": False,
    }


def message_for_payload(workspace: Workspace, message: Message) -> JsonDict:
    """A message as interactivity payloads carry it (with ``bot_profile`` for the bot's)."""
    profile = workspace.bot_profile if message.bot_id == workspace.bot_id else None
    return message.to_slack(profile)


def block_actions(
    workspace: Workspace,
    *,
    token: str,
    user: User,
    actions: list[JsonDict],
    trigger_id: str,
    message: Message | None = None,
    view: View | None = None,
    response_url: str | None = None,
) -> JsonDict:
    """A ``block_actions`` payload from a message (channel or ephemeral) or a view."""
    payload = _interactive_base(workspace, "block_actions", token, user)
    if message is not None:
        channel = workspace.channels[message.channel]
        payload["container"] = {
            "type": "message",
            "message_ts": message.ts,
            "channel_id": channel.id,
            "is_ephemeral": message.is_ephemeral,
        }
        payload["channel"] = {"id": channel.id, "name": channel_name(channel)}
        # Slack sends the message itself only for messages everyone sees.
        if not message.is_ephemeral:
            payload["message"] = message_for_payload(workspace, message)
        payload["state"] = {"values": dict(message.state)}
        if response_url is not None:
            payload["response_url"] = response_url
    elif view is not None:
        payload["container"] = {"type": "view", "view_id": view.id}
        payload["view"] = view.to_slack()
    payload["trigger_id"] = trigger_id
    payload["actions"] = actions
    return payload


def block_suggestion(
    workspace: Workspace,
    *,
    token: str,
    user: User,
    block_id: str,
    action_id: str,
    value: str,
    message: Message | None = None,
    view: View | None = None,
) -> JsonDict:
    """A ``block_suggestion`` payload: the app is asked for an external select's options."""
    payload = _interactive_base(workspace, "block_suggestion", token, user)
    payload.update({"block_id": block_id, "action_id": action_id, "value": value})
    if view is not None:
        payload["container"] = {"type": "view", "view_id": view.id}
        payload["view"] = view.to_slack()
    elif message is not None:
        payload["container"] = {
            "type": "message",
            "message_ts": message.ts,
            "channel_id": message.channel,
            "is_ephemeral": message.is_ephemeral,
        }
        payload["channel"] = {
            "id": message.channel,
            "name": channel_name(workspace.channels[message.channel]),
        }
    return payload


def view_submission(workspace: Workspace, *, token: str, user: User, view: View, trigger_id: str) -> JsonDict:
    """A ``view_submission`` payload for ``view`` with the user's ``state.values``."""
    payload = _interactive_base(workspace, "view_submission", token, user)
    payload.update({"trigger_id": trigger_id, "view": view.to_slack(), "response_urls": []})
    return payload


def view_closed(workspace: Workspace, *, token: str, user: User, view: View, is_cleared: bool) -> JsonDict:
    """A ``view_closed`` payload (sent only for views with ``notify_on_close``)."""
    payload = _interactive_base(workspace, "view_closed", token, user)
    payload.update({"view": view.to_slack(), "is_cleared": is_cleared})
    return payload


def global_shortcut(
    workspace: Workspace, *, token: str, user: User, callback_id: str, trigger_id: str, action_ts: str
) -> JsonDict:
    """A global shortcut (``type: shortcut``) payload."""
    payload = _interactive_base(workspace, "shortcut", token, user)
    payload["user"] = {"id": user.id, "username": user.name, "team_id": user.team_id}
    payload.update({"callback_id": callback_id, "trigger_id": trigger_id, "action_ts": action_ts})
    return payload


def message_shortcut(
    workspace: Workspace,
    *,
    token: str,
    user: User,
    message: Message,
    callback_id: str,
    trigger_id: str,
    response_url: str,
    action_ts: str,
) -> JsonDict:
    """A message shortcut (``type: message_action``) payload."""
    channel = workspace.channels[message.channel]
    payload = _interactive_base(workspace, "message_action", token, user)
    payload["user"] = {"id": user.id, "username": user.name, "team_id": user.team_id, "name": user.name}
    payload.update(
        {
            "callback_id": callback_id,
            "trigger_id": trigger_id,
            "action_ts": action_ts,
            "response_url": response_url,
            "channel": {"id": channel.id, "name": channel_name(channel)},
            "message_ts": message.ts,
            "message": message_for_payload(workspace, message),
        }
    )
    return payload


def event_callback(workspace: Workspace, *, token: str, event: JsonDict, event_id: str, event_time: int) -> JsonDict:
    """The Events API wrapper around ``event``."""
    return {
        "token": token,
        "team_id": workspace.team.id,
        "context_team_id": workspace.team.id,
        "context_enterprise_id": None,
        "api_app_id": workspace.app_id,
        "event": event,
        "type": "event_callback",
        "event_id": event_id,
        "event_time": event_time,
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": workspace.team.id,
                "user_id": workspace.bot_user.id,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
        "event_context": f"4-{event_id.lower()}",
    }


def message_event(message: Message, channel: Channel) -> JsonDict:
    """A ``message`` event for a user's message (``file_share`` subtype with files)."""
    event: JsonDict = {"type": "message"}
    if message.subtype is not None:
        event["subtype"] = message.subtype
    event.update(
        {
            "text": message.text,
            "user": message.user,
            "ts": message.ts,
            "team": message.team,
            "channel": channel.id,
            "event_ts": message.ts,
            "channel_type": channel_type(channel),
        }
    )
    if message.client_msg_id is not None:
        event["client_msg_id"] = message.client_msg_id
    if message.blocks:
        event["blocks"] = message.blocks
    if message.files:
        event["files"] = message.files
        event["upload"] = False
        event["display_as_bot"] = False
    if message.thread_ts is not None:
        event["thread_ts"] = message.thread_ts
    return event


_TOKEN = re.compile(r"<([^<>\n]+)>")


def _rich_elements(text: str) -> list[JsonDict]:
    elements: list[JsonDict] = []
    position = 0
    for match in _TOKEN.finditer(text):
        if match.start() > position:
            elements.append({"type": "text", "text": text[position : match.start()]})
        target, _, label = match.group(1).partition("|")
        if target.startswith("@"):
            elements.append({"type": "user", "user_id": target[1:]})
        elif target.startswith("#"):
            elements.append({"type": "channel", "channel_id": target[1:]})
        elif target.startswith("!"):
            elements.append({"type": "broadcast", "range": target[1:]})
        else:
            link: JsonDict = {"type": "link", "url": target}
            if label:
                link["text"] = label
            elements.append(link)
        position = match.end()
    if position < len(text):
        elements.append({"type": "text", "text": text[position:]})
    return elements


def rich_text_blocks(text: str, block_id: str) -> list[JsonDict]:
    """The ``rich_text`` block a Slack client attaches to a typed message (mentions and links as elements)."""
    return [
        {
            "type": "rich_text",
            "block_id": block_id,
            "elements": [{"type": "rich_text_section", "elements": _rich_elements(text)}],
        }
    ]
