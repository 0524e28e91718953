"""Every payload the bot sends to Slack in a large workspace, measured against Slack's limits.

    python -m bench.slack_sizes [--tiny]

Builds the workspace of the size audit (`bench.slack_sizes_data.FULL`: 122 committees, one with 300
commitments, texts of 2,000 characters with emoji, "&", "<" and å/ä/ö, 500 routines, some with 30
other names, an answer with 66 recommendations and 122 commitments) in a temporary SQLite database,
runs the real bot against the local Slack stand-in and drives every kind of message it sends:
cards and their updates, the weekly digest, reminders and escalations, the monthly overview, App
Home, the slash commands' answers, the modals, the follow-up pack and the import
(`bench.slack_sizes_drive`). Every call is then measured (`bench.slack_sizes_check`): blocks per
message and view, the total text of a message's blocks, text fields, section texts, options, all
in UTF-16 code units as Slack counts them; and every call the stand-in refused is listed.

Prints, per kind of message, how many were sent, the largest against its limit and how many were
over a limit or exactly at one (where the bot cut content to fit: a picker's first 100 options, a list
ending at 3,000 characters); exits 1 if any payload was over a limit or at one, or was refused.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time

from bench.slack_sizes_check import check, over_lines, refusals, table, waits
from bench.slack_sizes_data import FULL, TINY, Size
from bench.slack_sizes_drive import Recorded, run


def report(recorded: Recorded, limits: dict[str, int] | None = None) -> tuple[list[str], bool]:
    """The printed lines for what was recorded, and whether everything was within Slack's limits."""
    reports = check(recorded.payloads, limits)
    refused = refusals(recorded.calls)
    over = over_lines(reports)
    at_limit = over_lines(reports, at_limit=True)
    lines = table(reports)
    lines.append("")
    lines.append(f"over a limit: {sum(len(r.over) for r in reports.values())} payloads")
    lines += over
    lines.append(f"exactly at a limit (content cut to fit): {sum(len(r.at_limit) for r in reports.values())} payloads")
    lines += at_limit
    lines.append(f"refused by the stand-in: {len(refused)} calls")
    lines += [f"  {line}" for line in refused[:40]]
    if len(refused) > 40:
        lines.append(f"  … and {len(refused) - 40} more")
    waited = waits(recorded.calls)
    lines.append(f"asked to wait (429, a burst into one channel): {sum(waited.values())} calls")
    lines += [f"  {kind}: {count}" for kind, count in waited.items()]
    return lines, not over and not at_limit and not refused


def describe(size: Size) -> str:
    return (
        f"{size.committees} committees, {size.big_committee} commitments in BUN and {size.per_other} in each other, "
        f"texts of {size.text:,} characters, {size.routines} routines ({size.aliased_routines} with 30 other names), "
        f"an answer with {size.recommendations} recommendations and {size.imported} commitments"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--tiny", action="store_true", help="a few committees: a quick look that it still runs")
    args = parser.parse_args(argv)
    size = TINY if args.tiny else FULL
    started = time.perf_counter()
    recorded = run(size)
    lines, fine = report(recorded)
    print(f"Åtagandeboten against Slack's limits: {describe(size)}\n")
    print("\n".join(lines))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"\n{len(recorded.calls):,} calls in {time.perf_counter() - started:.0f} s; peak memory {peak_mb:.0f} MB. "
        "Limits in UTF-16 code units; block text is the undocumented total of msg_blocks_too_long."
    )
    return 0 if fine else 1


if __name__ == "__main__":
    sys.exit(main())
