"""The stand-in's method table (generated from Slack's reference) is complete, and agrees with the
reference wherever a copy of it is at hand (``ATAGANDE_SLACK_API_REF``)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest

from bot.standin.access import ACCESS
from bot.standin.api_spec import METHODS, SLACK_METHODS, UNGENERATED
from bot.standin.methods import HANDLERS
from bot.standin.reference import TABLE_FILE, method_table, render_table
from tests.standin import conftest


def test_every_implemented_method_is_in_the_generated_table() -> None:
    assert UNGENERATED == (), "run python -m tools.slack_reference to add them"
    assert set(HANDLERS) == set(ACCESS) == set(METHODS)
    assert set(METHODS) <= SLACK_METHODS
    # The table knows Slack's other methods, so a call to one is told apart from a typo.
    assert {"reactions.add", "conversations.leave", "chat.scheduleMessage"} <= SLACK_METHODS - set(METHODS)


def test_the_stored_table_is_what_the_reference_gives() -> None:
    # Located here, not in a fixture, so a named but missing folder is a failure of this very test.
    reference = conftest.require_reference(conftest.reference_path())
    stored = files("bot.standin").joinpath(TABLE_FILE).read_text(encoding="utf-8")
    assert stored == render_table(method_table(reference, ACCESS)), "run python -m tools.slack_reference"


def test_a_named_but_missing_reference_fails_rather_than_skips(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(conftest.REFERENCE_VARIABLE, str(tmp_path / "nowhere"))
    with pytest.raises(pytest.fail.Exception):
        conftest.require_reference(conftest.reference_path())
    monkeypatch.delenv(conftest.REFERENCE_VARIABLE)
    with pytest.raises(pytest.skip.Exception):
        conftest.require_reference(conftest.reference_path())
    with pytest.raises(FileNotFoundError):
        method_table(tmp_path / "nowhere", ACCESS)


def test_the_table_is_generated_from_the_reference_format(tmp_path: Path) -> None:
    # A two-method reference in slack-api-ref's layout, with the folders that describe no method.
    methods = tmp_path / "methods"
    (methods / "chat").mkdir(parents=True)
    (methods / "_errors").mkdir()
    (methods / "_errors" / "common.json").write_text('{"errors": {}}', encoding="utf-8")
    (methods / "chat" / "chat.postMessage.json").write_text(
        '{"name": "chat.postMessage", "args": {"channel": {"required": true, "type": "channel"},'
        ' "as_user": {"type": ["boolean", "string"]}, "text": {}},'
        ' "arg_groups": [{"args": ["text", "blocks"], "mutually_exclusive": true, "required": false}]}',
        encoding="utf-8",
    )
    (methods / "chat" / "chat.delete.json").write_text('{"name": "chat.delete"}', encoding="utf-8")
    table = method_table(tmp_path, ["chat.postMessage"])
    assert table["methods"] == {
        "chat.postMessage": {
            "required": {"channel": "channel"},
            "optional": {"as_user": "boolean|string", "text": ""},
            "arg_groups": [{"args": ["text", "blocks"], "mutually_exclusive": True, "required": False}],
        }
    }
    assert table["other_methods"] == ["chat.delete"]
    with pytest.raises(KeyError, match=r"views\.open"):
        method_table(tmp_path, ["chat.postMessage", "views.open"])
