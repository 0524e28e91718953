"""Configuration from the environment only (12-factor).

A missing or malformed setting raises :class:`ConfigError`, which names the
variable and what is wrong with it; the CLI turns it into one Swedish sentence
(``templates/strings_cli.j2``) and exits, never a stack trace.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.clock import DEFAULT_TIMEZONE

DEFAULT_SLACK_API_URL = "https://slack.com/api/"
# Where Slack's response_urls point; the bot posts to no other host (the local stand-in names its own).
SLACK_RESPONSE_URL_ORIGINS = frozenset({"https://hooks.slack.com"})

_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")


class ConfigError(Exception):
    """A setting is missing or malformed: ``key`` names the sentence, ``params`` fill it (the variable in ``variable``).

    ``str(err)`` is a short English note for logs; people are shown the sentence.
    """

    def __init__(self, key: str, **params: str) -> None:
        super().__init__(f"{params.get('variable', '')}: {key}")
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Settings:
    """Everything the bot reads from its environment."""

    database_url: str
    timezone: ZoneInfo
    slack_api_url: str
    bot_token: str | None = None
    app_token: str | None = None
    signing_secret: str | None = None
    admins: frozenset[str] = field(default_factory=frozenset)
    response_url_origins: frozenset[str] = SLACK_RESPONSE_URL_ORIGINS
    document_memory_mb: int = 1024
    """Memory the worker that reads one document may take (ATAGANDE_DOCUMENT_MEMORY_MB)."""
    document_seconds: int = 120
    """Time the worker that reads one document may take (ATAGANDE_DOCUMENT_SECONDS)."""

    def require_bot_token(self) -> str:
        if not self.bot_token:
            raise ConfigError("config_missing_bot_token", variable="SLACK_BOT_TOKEN")
        return self.bot_token

    def require_app_token(self) -> str:
        if not self.app_token:
            raise ConfigError("config_missing_app_token", variable="SLACK_APP_TOKEN")
        return self.app_token

    def require_signing_secret(self) -> str:
        if not self.signing_secret:
            raise ConfigError("config_missing_signing_secret", variable="SLACK_SIGNING_SECRET")
        return self.signing_secret


def default_database_url(cwd: Path | None = None) -> str:
    """A SQLite file in the working directory's ``data/`` folder."""
    base = (cwd or Path.cwd()) / "data"
    return f"sqlite:///{base / 'atagande.sqlite3'}"


def timezone_setting(env: Mapping[str, str]) -> ZoneInfo:
    """The zone of ATAGANDE_TIMEZONE, or the default one when it is unset; ConfigError when it names none."""
    name = env.get("ATAGANDE_TIMEZONE", "").strip() or DEFAULT_TIMEZONE.key
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError("config_bad_timezone", variable="ATAGANDE_TIMEZONE", got=name[:60]) from exc


# What reading one document may take: below these no answer of a few hundred pages reads at all.
_DOCUMENT_LIMITS = (("ATAGANDE_DOCUMENT_MEMORY_MB", 1024, 256), ("ATAGANDE_DOCUMENT_SECONDS", 120, 10))


def document_limit_settings(env: Mapping[str, str]) -> tuple[int, int]:
    """Megabytes and seconds the worker reading one document may take; ConfigError for a value that is no
    whole number at or above the least that works."""
    values: list[int] = []
    for variable, default, least in _DOCUMENT_LIMITS:
        raw = env.get(variable, "").strip()
        if not raw:
            values.append(default)
            continue
        value = int(raw) if raw.isdigit() else -1
        if value < least:
            raise ConfigError("config_bad_document_limit", variable=variable, got=raw[:20], least=str(least))
        values.append(value)
    return values[0], values[1]


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read and check every setting; raise :class:`ConfigError` on the first bad one."""
    env = os.environ if environ is None else environ

    database_url = env.get("ATAGANDE_DATABASE_URL", "").strip() or default_database_url()
    if not re.match(r"^(sqlite|postgresql)(\+\w+)?://", database_url):
        raise ConfigError(
            "config_bad_database_url", variable="ATAGANDE_DATABASE_URL", got=database_url.split(":", 1)[0][:40]
        )

    timezone = timezone_setting(env)

    api_url = env.get("SLACK_API_URL", "").strip() or DEFAULT_SLACK_API_URL
    parsed = urlparse(api_url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ConfigError("config_bad_api_url", variable="SLACK_API_URL", example=DEFAULT_SLACK_API_URL)
    if not api_url.endswith("/"):
        api_url += "/"

    bot_token = env.get("SLACK_BOT_TOKEN", "").strip() or None
    if bot_token and not bot_token.startswith("xoxb-"):
        raise ConfigError("config_bad_token", variable="SLACK_BOT_TOKEN", prefix="xoxb-", kind="botens token")
    app_token = env.get("SLACK_APP_TOKEN", "").strip() or None
    if app_token and not app_token.startswith("xapp-"):
        raise ConfigError("config_bad_token", variable="SLACK_APP_TOKEN", prefix="xapp-", kind="appens token")
    signing_secret = env.get("SLACK_SIGNING_SECRET", "").strip() or None

    admins_raw = env.get("ATAGANDE_ADMINS", "")
    admins = frozenset(a.strip() for a in admins_raw.replace(";", ",").split(",") if a.strip())
    bad = sorted(a for a in admins if not _USER_ID.match(a))
    if bad:
        raise ConfigError("config_bad_admins", variable="ATAGANDE_ADMINS", got=bad[0][:40])

    document_memory_mb, document_seconds = document_limit_settings(env)

    return Settings(
        database_url=database_url,
        timezone=timezone,
        slack_api_url=api_url,
        bot_token=bot_token,
        app_token=app_token,
        signing_secret=signing_secret,
        admins=admins,
        document_memory_mb=document_memory_mb,
        document_seconds=document_seconds,
    )
