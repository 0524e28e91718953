"""Slack user look-ups through ``users.info``, cached briefly.

Admin rights, guest flags and display names come from Slack; caching for a few minutes
keeps commands fast without letting a revoked admin act for long.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.services.people import SlackUser

CACHE_SECONDS = 300.0


class SlackUserDirectory:
    """:class:`~bot.services.people.UserDirectory` backed by the Web API."""

    def __init__(self, client: WebClient, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._client = client
        self._monotonic = monotonic
        self._cache: dict[str, tuple[float, SlackUser | None]] = {}
        self._lock = threading.Lock()

    def get(self, user_id: str) -> SlackUser | None:
        now = self._monotonic()
        with self._lock:
            hit = self._cache.get(user_id)
        if hit is not None and now - hit[0] < CACHE_SECONDS:
            return hit[1]
        try:
            data = self._client.users_info(user=user_id).get("user") or {}
        except SlackApiError as exc:
            if exc.response.get("error") == "user_not_found":
                user = None
            else:
                raise
        else:
            profile = data.get("profile") or {}
            user = SlackUser(
                id=str(data.get("id", user_id)),
                name=str(data.get("name", "")),
                real_name=str(profile.get("real_name") or data.get("real_name") or ""),
                is_admin=bool(data.get("is_admin")),
                is_owner=bool(data.get("is_owner")),
                is_restricted=bool(data.get("is_restricted")),
                is_ultra_restricted=bool(data.get("is_ultra_restricted")),
                deleted=bool(data.get("deleted")),
                is_bot=bool(data.get("is_bot")),
            )
        with self._lock:
            self._cache[user_id] = (now, user)
        return user

    def forget(self, user_id: str) -> None:
        with self._lock:
            self._cache.pop(user_id, None)
