"""The Web API methods the stand-in serves: their arguments, argument groups and scopes.

The argument facts (names, which are required, their types, ``arg_groups``) and the
names of every method Slack has are generated from Slack's reference as scraped by
slack-ruby/slack-api-ref (MIT; ``methods/<group>/<method>.json``) into
``slack_methods.json`` beside this module, by ``python -m tools.slack_reference``.
``tests/standin/test_api_spec_reference.py`` regenerates it and compares, where a copy of
the reference is at hand (``ATAGANDE_SLACK_API_REF``). Types are the reference's
``type`` strings; a list of types is joined with ``|`` and a missing type is ``""``.

Scopes and token types are written here by hand: they are Slack's documented
requirements, which the reference folder does not carry.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

from bot.standin.access import ACCESS, TokenType
from bot.standin.reference import TABLE_FILE

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


def arg_group(data: dict[str, Any]) -> ArgGroup:
    """An ``ArgGroup`` from its reference (and table) form."""
    return ArgGroup(
        args=tuple(data["args"]),
        mutually_exclusive=bool(data.get("mutually_exclusive", False)),
        required=bool(data.get("required", True)),
    )


def _load_table() -> tuple[dict[str, MethodSpec], frozenset[str]]:
    table = json.loads(files("bot.standin").joinpath(TABLE_FILE).read_text(encoding="utf-8"))
    methods: dict[str, MethodSpec] = {}
    for name, access in ACCESS.items():
        facts = table["methods"].get(name)
        if facts is None:
            continue  # implemented but not generated yet: UNGENERATED names it
        methods[name] = MethodSpec(
            name=name,
            required=dict(facts["required"]),
            optional=dict(facts["optional"]),
            arg_groups=tuple(arg_group(group) for group in facts["arg_groups"]),
            scopes=access.scopes,
            token_type=access.token_type,
        )
    return methods, frozenset(table["methods"]) | frozenset(table["other_methods"])


METHODS: dict[str, MethodSpec]
"""Every method the stand-in implements, by name."""
SLACK_METHODS: frozenset[str]
"""The name of every method in Slack's reference, implemented here or not."""
METHODS, SLACK_METHODS = _load_table()
UNGENERATED: tuple[str, ...] = tuple(sorted(set(ACCESS) - set(METHODS)))
"""Methods in ``ACCESS`` whose arguments are not in the table yet (run ``python -m tools.slack_reference``).
The stand-in refuses them; a test keeps this empty."""

DEFAULT_SCOPES: tuple[str, ...] = (
    "commands",
    "chat:write",
    "chat:write.public",
    "users:read",
    "files:read",
    "files:write",
    "im:write",
    "im:history",
    "channels:history",
    "channels:join",
    "groups:history",
)
"""The stand-in's default grant: what Åtagandeboten's manifest requests (``manifest.json``, which
``bot.app.wiring.BOT_SCOPES`` must match; ``tests/unit/test_manifest.py`` keeps the three equal), so a
test over the stand-in meets exactly the scopes the installed app has. The stand-in does not import the
bot's list: it models Slack, not the app."""
