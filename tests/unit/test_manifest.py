"""manifest.json asks for exactly what the bot uses, and names what the handlers listen for."""

from __future__ import annotations

import json

from bot.app.wiring import BOT_SCOPES, SUBSCRIBED_EVENTS
from bot.standin import DEFAULT_SCOPES
from handlers.commands import COMMAND
from handlers.routines import COMMAND as ROUTINE_COMMAND
from handlers.shortcuts import FROM_MESSAGE, GLOBAL_NEW
from tests.conftest import REPO


def test_manifest_matches_the_code() -> None:
    manifest = json.loads((REPO / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(manifest["oauth_config"]["scopes"]["bot"]) == sorted(BOT_SCOPES)
    assert manifest["settings"]["event_subscriptions"]["bot_events"] == list(SUBSCRIBED_EVENTS)
    assert [c["command"] for c in manifest["features"]["slash_commands"]] == [COMMAND, ROUTINE_COMMAND]
    assert all(c["should_escape"] for c in manifest["features"]["slash_commands"])
    # Slack's limits: a description of at most 100 characters, a usage hint of at most 1000.
    assert all(len(c["description"]) <= 100 for c in manifest["features"]["slash_commands"])
    shortcuts = {s["callback_id"]: s for s in manifest["features"]["shortcuts"]}
    assert shortcuts[GLOBAL_NEW]["type"] == "global"
    assert shortcuts[FROM_MESSAGE]["type"] == "message"
    assert all(len(s["name"]) <= 24 for s in shortcuts.values())
    assert manifest["settings"]["socket_mode_enabled"] is True
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True


def test_the_stand_in_grants_what_the_manifest_requests() -> None:
    """The stand-in's default grant is the real one: a test over it meets the scopes the app has."""
    manifest = json.loads((REPO / "manifest.json").read_text(encoding="utf-8"))
    requested = sorted(manifest["oauth_config"]["scopes"]["bot"])
    assert sorted(DEFAULT_SCOPES) == requested == sorted(BOT_SCOPES)
    # The bot joins a committee's public channel when it is bound to one.
    assert "channels:join" in requested


def test_the_apps_description_says_in_swedish_what_it_does() -> None:
    from bot.texts import Texts

    manifest = json.loads((REPO / "manifest.json").read_text(encoding="utf-8"))
    info = manifest["display_information"]
    short, long = info["description"], info["long_description"]
    # Slack's limits: a description of at most 140 characters, a long one of 175 to 4,000.
    assert len(short) <= 140 and 175 <= len(long) <= 4000
    assert "åtaganden" in short and "påmin" in short  # what it keeps, and how
    # The buttons it names are the ones people see.
    texts = Texts()
    for key in ("btn_done", "btn_on_track", "btn_delayed", "btn_comment"):
        assert texts.get(key) in long
    for word in ("deadline", "vid liv", "granskar", "ägarna"):  # English, a calque, the glossary's "not" words
        assert word not in (short + " " + long).lower()
