"""Start the console: the stand-in, the real bot over Socket Mode, and a prompt."""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path
from typing import TextIO

from bot.app.local_slack import LocalBot
from bot.clock import ManualClock, SystemClock
from bot.config import Settings
from bot.console.demo import ADMIN, COMMITTEES, OWNERS, SECRETARY, seed_demo
from bot.console.identities import channel_id_for, user_id_for
from bot.console.session import ConsoleSession
from bot.services import committee_admin
from bot.services.people import Actor
from bot.slack.delivery import Delivery
from bot.texts import Texts
from storage.db import location


def _seed(bot: LocalBot, session: ConsoleSession) -> str:
    people = (ADMIN, SECRETARY, *OWNERS)
    for person in people:
        session.ensure_user(person.handle, is_admin=person is ADMIN, real_name=person.real_name)
    for _code, _name, channel in COMMITTEES:
        session.ensure_channel(channel)
    created = seed_demo(bot.svc, {p.handle: user_id_for(p.handle) for p in people})
    admin = Actor(user_id_for(ADMIN.handle), ADMIN.real_name, is_admin=True)
    # Bound as /atagande kanal binds: the bot joins each channel, as it would in Slack.
    for code, _name, channel in COMMITTEES:
        committee_admin.bind_channel(bot.svc, admin, code, channel_id_for(channel), channel)
    # Post the cards and the owners' DMs as if each had just been registered.
    delivery = Delivery(bot.svc, bot.client)
    for commitment_id in created:
        delivery.announce(commitment_id, admin.user_id)
    bot.settle()
    return ", ".join(p.handle for p in people)


def run_console(
    settings: Settings, *, demo: bool, start_user: str, stdin: TextIO | None = None, out: TextIO | None = None
) -> int:
    """Run until end of input or ``:avsluta``; returns the exit status."""
    stdin = stdin or sys.stdin
    out = out or sys.stdout
    logging.getLogger().setLevel(logging.WARNING)
    texts = Texts(settings.timezone)
    clock = ManualClock(SystemClock(settings.timezone).now().replace(second=0, microsecond=0), settings.timezone)
    tmp: tempfile.TemporaryDirectory[str] | None = None
    database_url = settings.database_url
    if demo:
        # The demo never touches real data: it starts on a fresh database each time.
        tmp = tempfile.TemporaryDirectory(prefix="atagande-demo-")
        database_url = f"sqlite:///{Path(tmp.name) / 'demo.sqlite3'}"
        start_user = start_user if start_user != "sekreterare" else SECRETARY.handle
    bot = LocalBot(
        database_url=database_url, clock=clock, mode="socket", admins=settings.admins, trigger_ttl=None, send_soon=True
    )
    bot.slack.start()
    try:
        # The first user is the workspace owner, so they may create committees (in
        # the demo too, as the README says); others join as ordinary members.
        bot.slack.add_user(start_user, is_owner=True, user_id=user_id_for(start_user))
        bot.start()
        session = ConsoleSession(bot, clock, texts, out, user=start_user, channel="allmant")
        print(
            texts.get("console_welcome", user=start_user, channel="allmant", database=location(database_url)),
            file=out,
        )
        if demo:
            print(texts.get("console_demo", users=_seed(bot, session)), file=out)
        interactive = stdin.isatty() and out.isatty()
        while True:
            if interactive:
                try:
                    line = input(session.prompt())
                except EOFError:
                    break
            else:
                raw = stdin.readline()
                if not raw:
                    break
                line = raw.rstrip("\n")
                if line.strip():
                    print(session.prompt() + line, file=out)
            if not session.handle(line):
                break
    finally:
        bot.stop()
        if tmp is not None:
            tmp.cleanup()
    return 0
