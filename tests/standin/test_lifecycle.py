"""Starting and stopping leaves no threads or ports behind."""

from __future__ import annotations

import socket
import threading

import pytest

from bot.standin import SlackStandIn


def standin_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("standin-")]


def refuses(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) != 0


def test_stop_releases_threads_and_ports() -> None:
    before = set(threading.enumerate())
    slack = SlackStandIn()
    with pytest.raises(RuntimeError):
        _ = slack.api_url
    with slack:
        http_port = int(slack.api_url.split(":")[2].split("/")[0])
        socket_port = slack.socket_mode.port
        assert len(standin_threads()) == 2
    assert standin_threads() == []
    assert refuses(http_port) and refuses(socket_port)
    assert set(threading.enumerate()) <= before
    slack.stop()  # stopping twice is harmless
