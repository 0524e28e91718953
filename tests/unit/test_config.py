"""Configuration: environment only, one clear sentence per bad setting."""

from __future__ import annotations

import pytest

from bot.config import ConfigError, load_settings
from bot.texts import Texts


def sentence(error: ConfigError) -> str:
    """What a person is shown for ``error``."""
    return Texts().get(error.key, **error.params)


def test_defaults_need_nothing() -> None:
    settings = load_settings({})
    assert settings.database_url.startswith("sqlite:///") and settings.database_url.endswith("data/atagande.sqlite3")
    assert str(settings.timezone) == "Europe/Stockholm"
    assert settings.slack_api_url == "https://slack.com/api/"


@pytest.mark.parametrize(
    ("env", "names"),
    [
        ({"ATAGANDE_DATABASE_URL": "mysql://x"}, "ATAGANDE_DATABASE_URL"),
        ({"ATAGANDE_TIMEZONE": "Mars/Olympus"}, "ATAGANDE_TIMEZONE"),
        ({"SLACK_API_URL": "ftp://x"}, "SLACK_API_URL"),
        ({"SLACK_BOT_TOKEN": "xapp-1"}, "SLACK_BOT_TOKEN"),
        ({"SLACK_APP_TOKEN": "xoxb-1"}, "SLACK_APP_TOKEN"),
        ({"ATAGANDE_ADMINS": "U123ABC, anna"}, "ATAGANDE_ADMINS"),
    ],
)
def test_a_bad_setting_is_named(env: dict[str, str], names: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_settings(env)
    message = sentence(info.value)
    assert names in message
    assert "\n" not in message
    # Swedish, as every sentence a person reads.
    assert any(word in message for word in (" ska ", " är ")), message


def test_missing_tokens_point_to_the_readme() -> None:
    settings = load_settings({})
    for require in (settings.require_bot_token, settings.require_app_token, settings.require_signing_secret):
        with pytest.raises(ConfigError) as info:
            require()
        message = sentence(info.value)
        assert "README" in message and "saknas" in message


def test_admins_and_api_url_are_read() -> None:
    settings = load_settings({"ATAGANDE_ADMINS": "U0AAA1, W0BBB2", "SLACK_API_URL": "http://127.0.0.1:9/api"})
    assert settings.admins == frozenset({"U0AAA1", "W0BBB2"})
    assert settings.slack_api_url == "http://127.0.0.1:9/api/"


def test_what_reading_a_document_may_take_is_set_and_checked() -> None:
    defaults = load_settings({})
    assert (defaults.document_memory_mb, defaults.document_seconds) == (1024, 120)
    settings = load_settings({"ATAGANDE_DOCUMENT_MEMORY_MB": "512", "ATAGANDE_DOCUMENT_SECONDS": " 30 "})
    assert (settings.document_memory_mb, settings.document_seconds) == (512, 30)
    for variable, value in (
        ("ATAGANDE_DOCUMENT_MEMORY_MB", "1 GB"),
        ("ATAGANDE_DOCUMENT_MEMORY_MB", "16"),  # too little to read any answer at all
        ("ATAGANDE_DOCUMENT_SECONDS", "-5"),
    ):
        with pytest.raises(ConfigError) as info:
            load_settings({variable: value})
        assert variable in sentence(info.value) and value.strip() in sentence(info.value)
