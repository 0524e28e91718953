"""``atagande run`` as a real process, in both modes, against the stand-in."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.standin import SlackStandIn
from tests.conftest import REPO


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def slack() -> Iterator[SlackStandIn]:
    with SlackStandIn(trigger_ttl=None) as standin:
        standin.add_user("anna", is_admin=True)
        standin.add_channel("bun", members=["anna"])
        yield standin


def _start(slack: SlackStandIn, database_url: str, tmp_path: Path, *args: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "SLACK_API_URL": slack.api_url,
        "SLACK_BOT_TOKEN": slack.bot_token,
        "SLACK_APP_TOKEN": slack.app_token,
        "SLACK_SIGNING_SECRET": slack.signing_secret,
        "ATAGANDE_DATABASE_URL": database_url,
    }
    log = (tmp_path / "bot.log").open("wb")
    return subprocess.Popen([sys.executable, "-m", "bot", "run", *args], cwd=REPO, env=env, stdout=log, stderr=log)


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.mark.slow
def test_socket_mode_process_answers(slack: SlackStandIn, database_url: str, tmp_path: Path) -> None:
    process = _start(slack, database_url, tmp_path)
    try:
        slack.wait_for_call("apps.connections.open", timeout=30)
        slack.attach_socket_mode(wait=30)
        slack.slash_command("anna", "bun", "/atagande", "nämnd ny BUN Barn- och utbildningsnämnden")
        reply = slack.wait_for_message("anna", "bun", containing="BUN", timeout=10)
        assert "Barn- och utbildningsnämnden" in slack.render_message(reply)
    finally:
        _stop(process)
    assert "Traceback" not in (tmp_path / "bot.log").read_text(encoding="utf-8", errors="replace")


@pytest.mark.slow
def test_http_mode_process_health_and_signatures(slack: SlackStandIn, database_url: str, tmp_path: Path) -> None:
    port = _free_port()
    process = _start(slack, database_url, tmp_path, "--mode", "http", "--host", "127.0.0.1", "--port", str(port))
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2) as answer:
                    assert answer.status == 200
                    assert json.loads(answer.read())["ok"] is True
                    break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, (tmp_path / "bot.log").read_text()
                time.sleep(0.2)
        # A forged request: wrong signature → 401, nothing runs.
        forged = urllib.request.Request(
            f"{base}/slack/events",
            data=b"command=%2Fatagande&text=n%C3%A4mnd+ny+X+Y&user_id=U1&channel_id=C1&trigger_id=1.2",
            headers={"X-Slack-Signature": "v0=00", "X-Slack-Request-Timestamp": str(int(time.time()))},
        )
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(forged, timeout=5)
        assert info.value.code == 401
        # A real signed command works.
        slack.attach_http(f"{base}/slack/events")
        slack.slash_command("anna", "bun", "/atagande", "nämnd ny BUN Barn- och utbildningsnämnden")
        slack.wait_for_message("anna", "bun", containing="BUN", timeout=10)
    finally:
        _stop(process)
