"""Ack and answer times of the busiest commands, over signed HTTP on loopback.

    python -m bench.slack_latency [--commitments 100000] [--committees 50] [--rounds 100]

Seeds a SQLite database, runs the real bot in HTTP mode behind uvicorn, and
drives it through the local Slack stand-in like Slack would: a signed POST,
then the bot's answer (response_url) or card update. Prints p50/p95/p99 of the
ack and of the finished answer, beside Slack's limit and our targets, and the
process's peak memory. Figures, not assertions: this is not a test.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import update

from bench.seed import seed
from bot.app.local_slack import LocalBot
from bot.clock import ManualClock
from storage.db import Database
from storage.migrate import upgrade
from storage.models import Commitment, CommitmentStatus

STOCKHOLM = ZoneInfo("Europe/Stockholm")
SLACK_ACK_LIMIT_MS = 3000.0
ACK_TARGET_P99_MS = 100.0
ANSWER_TARGET_P95_MS = 300.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


class AckTimer:
    """Times each signed POST to the bot as Slack would: request sent → HTTP answer."""

    def __init__(self, delivery: Any) -> None:
        self.last_ms = 0.0
        original = delivery.post

        def timed_post(body: bytes, headers: Any) -> Any:
            start = time.perf_counter()
            try:
                return original(body, headers)
            finally:
                self.last_ms = (time.perf_counter() - start) * 1000

        delivery.post = timed_post


def measure(
    bot: LocalBot, timer: AckTimer, rounds: int, action: Callable[[], object], answered: Callable[[int], bool]
) -> tuple[list[float], list[float]]:
    """Run ``action`` ``rounds`` times: ack round trips, and times until ``answered(calls_before)``."""
    acks: list[float] = []
    answers: list[float] = []
    for _ in range(rounds):
        before = len(bot.slack.calls)
        start = time.perf_counter()
        action()
        acks.append(timer.last_ms)
        deadline = time.monotonic() + 10
        while not answered(before):
            if time.monotonic() > deadline:
                raise RuntimeError("the bot did not answer within 10 s")
            time.sleep(0.0005)
        answers.append((time.perf_counter() - start) * 1000)
    return acks, answers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commitments", type=int, default=100_000)
    parser.add_argument("--committees", type=int, default=50)
    parser.add_argument("--people", type=int, default=2_000)
    parser.add_argument("--rounds", type=int, default=100)
    args = parser.parse_args()

    now = datetime(2027, 1, 11, 9, 0, tzinfo=STOCKHOLM)
    clock = ManualClock(now, STOCKHOLM)
    with tempfile.TemporaryDirectory(prefix="atagande-bench-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        db = Database.from_url(url)
        upgrade(db.engine)
        started = time.perf_counter()
        seed(db, commitments=args.commitments, committees=args.committees, people=args.people, now=now)
        seeded_s = time.perf_counter() - started
        db.dispose()

        bot = LocalBot(database_url=url, clock=clock, mode="http")
        bot.slack.start()
        # Person 1 (U0000000) is secretary of every committee and owns ~1/people of the rows.
        bot.slack.add_user("sara", user_id="U0000000")
        bot.slack.add_channel("bun", members=["sara"], channel_id="C0000000")
        bot.start()
        try:
            slack = bot.slack
            timer = AckTimer(slack._transport)
            with bot.svc.db.read() as session:
                bot.svc.index.refresh(session)  # waits for the start-up warm-up

            def responded(before: int) -> bool:
                return any(c.method == "response_url" for c in slack.calls[before:])

            def command(text: str) -> Callable[[], object]:
                return lambda: slack.slash_command("sara", "bun", "/atagande", text)

            scenarios: dict[str, tuple[Callable[[], object], Callable[[int], bool]]] = {
                "/atagande lista BUN": (command("lista BUN"), responded),
                "/atagande mina": (command("mina"), responded),
                "/atagande sök orosanmalan": (command("sök orosanmalan"), responded),
            }
            # A status button on a commitment card shown with /atagande visa
            # (BUN-2 is made open first: seeded statuses are random).
            with bot.svc.db.write() as session:
                session.execute(
                    update(Commitment)
                    .where(Commitment.committee_id == 1, Commitment.number == 2)
                    .values(status=CommitmentStatus.IN_PROGRESS, owner_id=1)
                )
            shown = slack.slash_command("sara", "bun", "/atagande", "visa BUN-2")
            assert shown.acked, "the bot did not acknowledge /atagande visa"
            card = slack.wait_for_message("sara", "bun", containing="BUN-2", timeout=30)

            def click() -> object:
                # The card is replaced in place after each click; find its newest version.
                current = next(m for m in slack.visible_messages("sara", "bun") if m.ts == card.ts)
                return slack.click_button("sara", current, "Pågår enligt plan")

            def card_updated(before: int) -> bool:
                return any(c.method in ("response_url", "chat.update") for c in slack.calls[before:])

            scenarios["status button (Pågår enligt plan)"] = (click, card_updated)

            print(
                f"Åtagandeboten, HTTP mode on SQLite: {args.commitments:,} commitments in {args.committees} "
                f"committees, {args.people:,} people (seeded in {seeded_s:.1f} s); "
                f"{args.rounds} rounds each\n"
            )
            header = f"{'operation':36} {'ack p50':>8} {'p95':>8} {'p99':>8}   {'answer p50':>10} {'p95':>8} {'p99':>8}"
            print(header)
            print("-" * len(header))
            for name, (action, answered) in scenarios.items():
                measure(bot, timer, 3, action, answered)  # warm caches and the search index
                acks, answers = measure(bot, timer, args.rounds, action, answered)
                ack = (statistics.median(acks), percentile(acks, 95), percentile(acks, 99))
                done = (statistics.median(answers), percentile(answers, 95), percentile(answers, 99))
                print(
                    f"{name:36} {ack[0]:8.1f} {ack[1]:8.1f} {ack[2]:8.1f}   "
                    f"{done[0]:10.1f} {done[1]:8.1f} {done[2]:8.1f}"
                )
            print(
                "\nack: the signed POST's round trip, as Slack times it; answer: from the user's action "
                "until the bot's reply reaches Slack (response_url or chat.update).\n"
                f"all times in ms. Peers: Slack drops an ack after {SLACK_ACK_LIMIT_MS:.0f} ms; "
                f"our targets are ack p99 < {ACK_TARGET_P99_MS:.0f} ms "
                f"and answer p95 < {ANSWER_TARGET_P95_MS:.0f} ms."
            )
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"peak memory of this process (bot, stand-in and driver together): {peak_mb:.0f} MB")
        finally:
            bot.settle()
            bot.stop()


if __name__ == "__main__":
    main()
