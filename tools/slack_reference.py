"""Regenerate the stand-in's method table from a copy of Slack's Web API reference.

    python -m tools.slack_reference PATH [--check]

PATH is a checkout of slack-ruby/slack-api-ref (the folder holding ``methods/``).
The table (``bot/standin/slack_methods.json``) keeps the arguments of every method
the stand-in implements and the names of all other methods; the stand-in reads
nothing else of the reference. ``--check`` writes nothing and exits 1 when the
stored table differs from the reference.
"""

from __future__ import annotations

import argparse
import sys
from importlib.resources import files
from pathlib import Path

from bot.standin.access import ACCESS
from bot.standin.reference import TABLE_FILE, method_table, render_table


def table_path() -> Path:
    """Where the stored table lives in this checkout."""
    return Path(str(files("bot.standin").joinpath(TABLE_FILE)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.slack_reference", description=__doc__.split("\n\n")[0])
    parser.add_argument("reference", type=Path, help="a copy of slack-ruby/slack-api-ref (the folder with methods/)")
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 if the stored table differs")
    args = parser.parse_args(argv)
    try:
        fresh = render_table(method_table(args.reference, ACCESS))
    except (FileNotFoundError, KeyError) as error:
        print(f"tools.slack_reference: {error}", file=sys.stderr)
        return 2
    target = table_path()
    stored = target.read_text(encoding="utf-8") if target.is_file() else ""
    if args.check:
        if stored != fresh:
            print(f"{target.name} differs from the reference; run without --check to regenerate", file=sys.stderr)
            return 1
        print(f"{target.name} agrees with the reference")
        return 0
    target.write_text(fresh, encoding="utf-8")
    print(f"wrote {target} ({len(fresh):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
