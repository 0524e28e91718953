"""Stable Slack-shaped ids for console users and channels.

The console's workspace lives in memory, but its database persists; deriving
ids from names keeps "anna" the same person (and #bun the same channel)
every time the console starts on the same database.
"""

from __future__ import annotations

import hashlib


def _digest(kind: str, name: str) -> str:
    raw = hashlib.sha256(f"{kind}:{name.casefold()}".encode()).hexdigest()
    return format(int(raw[:15], 16), "X")[:10]


def user_id_for(name: str) -> str:
    return f"U0{_digest('user', name)}"


def channel_id_for(name: str) -> str:
    return f"C0{_digest('channel', name)}"
