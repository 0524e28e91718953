"""The Web API methods the stand-in serves: their arguments, argument groups and scopes.

The argument facts (names, which are required, their types, ``arg_groups``) are
copied from Slack's reference as scraped by slack-ruby/slack-api-ref
(``../shared/slack-api-ref/methods/<group>/<method>.json``);
``tests/standin/test_api_spec_reference.py`` checks this table against that folder.
Types are the reference's ``type`` strings; a list of types is joined with ``|`` and
a missing type is ``""``. Scopes and token types are Slack's documented
requirements (the reference folder does not carry them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

TokenType = Literal["bot", "app"]

ALWAYS_ACCEPTED = ("token", "team_id")
"""Arguments every method takes (see ``MethodSpec``)."""


@dataclass(frozen=True)
class ArgGroup:
    """Arguments that go together: at least one is needed (``required``), at most one may be
    given (``mutually_exclusive``)."""

    args: tuple[str, ...]
    mutually_exclusive: bool
    required: bool = True


@dataclass(frozen=True)
class MethodSpec:
    """What a Web API method accepts.

    ``token`` (the token as a form field) and ``team_id`` are always accepted and are
    not listed: Bolt's per-request client adds ``team_id`` to every call, and Slack
    takes it on every method (org-wide apps need it).
    """

    name: str
    required: dict[str, str]
    optional: dict[str, str] = field(default_factory=dict)
    arg_groups: tuple[ArgGroup, ...] = ()
    scopes: tuple[str, ...] = ()
    token_type: TokenType = "bot"

    @property
    def arg_names(self) -> frozenset[str]:
        """Every argument the method accepts, ``token`` and ``team_id`` included."""
        return frozenset({*self.required, *self.optional, *ALWAYS_ACCEPTED})

    def arg_type(self, name: str) -> str:
        """The reference type of argument ``name`` (``""`` if untyped or unknown)."""
        return self.required.get(name, self.optional.get(name, ""))


# One of these describes the message; text and markdown_text exclude each other.
_MESSAGE_CONTENT = ArgGroup(("attachments", "blocks", "text", "markdown_text"), mutually_exclusive=False)
_TEXT_OR_MARKDOWN = ArgGroup(("text", "markdown_text"), mutually_exclusive=True, required=False)
_TRIGGER = ArgGroup(("trigger_id", "interactivity_pointer"), mutually_exclusive=True)

_SPECS = (
    MethodSpec(name="auth.test", required={}),
    MethodSpec(name="apps.connections.open", required={}, scopes=("connections:write",), token_type="app"),
    MethodSpec(
        name="chat.postMessage",
        required={"channel": "channel"},
        optional={
            "as_user": "boolean",
            "attachments": "string|boolean",
            "blocks": "string",
            "current_draft_last_updated_ts": "string",
            "icon_emoji": "string",
            "icon_url": "string",
            "link_names": "boolean",
            "markdown_text": "string",
            "metadata": "string",
            "mrkdwn": "boolean",
            "parse": "string",
            "reply_broadcast": "boolean",
            "text": "string",
            "thread_ts": "string",
            "unfurl_links": "boolean",
            "unfurl_media": "boolean",
            "username": "string",
        },
        arg_groups=(_MESSAGE_CONTENT, _TEXT_OR_MARKDOWN),
        scopes=("chat:write",),
    ),
    MethodSpec(
        name="chat.postEphemeral",
        required={"channel": "channel", "user": "user"},
        optional={
            "as_user": "boolean",
            "attachments": "string",
            "blocks": "string",
            "icon_emoji": "string",
            "icon_url": "string",
            "link_names": "boolean",
            "markdown_text": "string",
            "metadata": "string",
            "parse": "string",
            "text": "string",
            "thread_ts": "string",
            "username": "string",
        },
        arg_groups=(_MESSAGE_CONTENT, _TEXT_OR_MARKDOWN),
        scopes=("chat:write",),
    ),
    MethodSpec(
        name="chat.update",
        required={"channel": "channel", "ts": "timestamp"},
        optional={
            "as_user": "boolean|string",
            "attachments": "string",
            "unfurled_attachments": "string",
            "blocks": "string",
            "markdown_text": "string",
            "metadata": "string",
            "link_names": "boolean|string",
            "parse": "string",
            "text": "string",
            "reply_broadcast": "boolean",
            "file_ids": "array",
        },
        arg_groups=(_MESSAGE_CONTENT, _TEXT_OR_MARKDOWN),
        scopes=("chat:write",),
    ),
    MethodSpec(
        name="chat.delete",
        required={"channel": "channel", "ts": "timestamp"},
        optional={"as_user": "boolean"},
        scopes=("chat:write",),
    ),
    MethodSpec(name="chat.getPermalink", required={"channel": "channel", "message_ts": "string"}),
    MethodSpec(
        name="conversations.open",
        required={},
        optional={
            "channel": "channel",
            "return_im": "boolean",
            "users": "string",
            "prevent_creation": "boolean",
        },
        # im:write for a DM, mpim:write for a group DM: checked by the handler.
    ),
    MethodSpec(
        name="conversations.info",
        required={"channel": "channel"},
        optional={"include_locale": "boolean", "include_num_members": "boolean"},
        # channels:read / groups:read / im:read / mpim:read by conversation type: the handler.
    ),
    MethodSpec(
        name="conversations.history",
        required={"channel": "channel"},
        optional={
            "cursor": "string",
            "include_all_metadata": "boolean",
            "inclusive": "boolean",
            "latest": "timestamp",
            "limit": "number",
            "oldest": "timestamp",
        },
        # channels:history / groups:history / im:history / mpim:history by type: the handler.
    ),
    MethodSpec(
        name="conversations.members",
        required={"channel": "channel"},
        optional={"cursor": "string", "limit": "number"},
    ),
    MethodSpec(
        name="users.info",
        required={"user": "user"},
        optional={"include_locale": "boolean"},
        scopes=("users:read",),
    ),
    MethodSpec(
        name="users.list",
        required={},
        optional={"cursor": "string", "include_locale": "boolean", "limit": "number", "team_id": "string"},
        scopes=("users:read",),
    ),
    MethodSpec(
        name="views.open",
        required={"view": ""},
        optional={"trigger_id": "string", "interactivity_pointer": "string"},
        arg_groups=(_TRIGGER,),
    ),
    MethodSpec(
        name="views.push",
        required={"view": ""},
        optional={"trigger_id": "string", "interactivity_pointer": "string"},
        arg_groups=(_TRIGGER,),
    ),
    MethodSpec(
        name="views.update",
        required={"view": ""},
        optional={"view_id": "string", "external_id": "string", "hash": "string"},
        arg_groups=(ArgGroup(("external_id", "view_id"), mutually_exclusive=True),),
    ),
    MethodSpec(
        name="views.publish",
        required={"user_id": "string", "view": ""},
        optional={"hash": "string", "interactivity_pointer": "string"},
    ),
    MethodSpec(
        name="files.getUploadURLExternal",
        required={"length": "integer", "filename": "string"},
        optional={"snippet_type": "string", "alt_txt": "string"},
        scopes=("files:write",),
    ),
    MethodSpec(
        name="files.completeUploadExternal",
        required={"files": "array"},
        optional={
            "channel_id": "",
            "thread_ts": "string",
            "channels": "string",
            "initial_comment": "string",
            "blocks": "string",
            "username": "string",
            "icon_url": "string",
            "icon_emoji": "string",
        },
        scopes=("files:write",),
    ),
    MethodSpec(
        name="files.info",
        required={"file": "file"},
        optional={"cursor": "string", "limit": "integer"},
        scopes=("files:read",),
    ),
    MethodSpec(
        name="files.list",
        required={},
        optional={
            "channel": "channel",
            "user": "user",
            "ts_from": "string",
            "ts_to": "string",
            "types": "string",
            "show_files_hidden_by_limit": "boolean",
            "team_id": "string",
        },
        scopes=("files:read",),
    ),
)

METHODS: dict[str, MethodSpec] = {spec.name: spec for spec in _SPECS}
"""Every method the stand-in implements, by name."""

DEFAULT_SCOPES: tuple[str, ...] = (
    "commands",
    "chat:write",
    "chat:write.public",
    "users:read",
    "im:write",
    "files:read",
    "files:write",
)
"""The bot scopes Åtagandeboten requests; the stand-in's default grant."""
