"""Extraction quality on annotated audit answers: recall, precision, deadlines, owners.

    python -m bench.extract_quality [--phrases] [--issues N] [--real dev|untouched|check] [--dir FOLDER]

Runs `bot.extraction.extract` on every annotated document: the real samples in
`tests/data/samples/` (read by path) and the held-out answers in
`tests/data/extraction/heldout/`, with the annotated reference date as both
document date and today. Matches its findings to the expected ones (see
`bench.quality`) and prints the figures per group and in total beside the
issue's targets, then what went wrong. Peer: dateparser's `search_dates` on the
deadline phrase of every dated commitment (optional extra `bench`).

With `--real PART`, the real government decisions (`ru`) and answers to Riksrevisionen (`skr`) in
`tests/data/extraction/real/` instead, per genre: `dev` is developed on, `untouched` is run once at the
end of the work (its README). Their targets: dated commitments with the right deadline ≥ 90 %,
precision ≥ 85 %, owners ≥ 85 %.

With `--dir FOLDER`, the annotated documents of any folder (`<stem>.txt` with its gold `<stem>.json` in
the format of `heldout/`), per genre, against the same targets: an office's own answers, or real texts
the team measures on but may not copy into the repository.

Exit status 0 when the targets are met (dated commitments with the right
deadline ≥ 95 %, reported commitments real ≥ 85 %, over all documents), else 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench import year_ties
from bench.quality import DATED_RECALL_TARGET, PRECISION_TARGET, Score, run_extractor, score, total
from bench.quality_annotations import REAL_PARTS, Annotated, load_documents, load_folder, load_real
from bench.quality_phrases import (
    PhraseCase,
    dateparser_dates,
    dateparser_right,
    grammar_dates,
    grammar_right,
    load_dateparser_search,
    phrase_cases,
)

GROUPS = ("samples", "heldout")


def fraction(part: int, whole: int) -> str:
    if not whole:
        return "–"
    return f"{part}/{whole} {100 * part / whole:.0f}%"


def rows(score: Score) -> list[tuple[str, int, int]]:
    return [
        ("commitments found (recall)", score.commitments_found, score.commitments_expected),
        ("dated, right deadline", score.dated_right, score.dated_expected),
        ("commitments real (precision)", score.commitments_real, score.commitments_reported),
        ("deadline accuracy (matched)", score.dated_right, score.dated_found),
        ("owner accuracy (matched)", score.owners_right, score.commitments_found),
        ("recurrence agrees (matched)", score.recurrence_right, score.recurrence_judged),
        ("answers the right rec.", score.links_right, score.links_judged),
        ("recommendations found", score.recommendations_found, score.recommendations_expected),
        ("recommendations real", score.recommendations_real, score.recommendations_reported),
    ]


TARGETS = {
    "dated, right deadline": f"≥ {DATED_RECALL_TARGET:.0%}",
    "commitments real (precision)": f"≥ {PRECISION_TARGET:.0%}",
}


def table(columns: Sequence[tuple[str, Score]], targets: dict[str, str] | None = None) -> str:
    width = 30
    header = f"{'':<{width}}" + "".join(f"{name:>14}" for name, _ in columns) + f"{'target':>10}"
    lines = [header]
    per_column = [rows(s) for _, s in columns]
    for r, (label, _, _) in enumerate(per_column[0]):
        cells = "".join(f"{fraction(col[r][1], col[r][2]):>14}" for col in per_column)
        lines.append(f"{label:<{width}}{cells}{(TARGETS if targets is None else targets).get(label, ''):>10}")
    return "\n".join(lines)


def phrase_report(cases: list[PhraseCase], search: Callable[..., Any] | None, verbose: bool) -> list[str]:
    lines = [f"Deadline phrases of the dated commitments ({len(cases)}), parsed alone with the same reference date:"]
    ours = sum(grammar_right(c) for c in cases)
    lines.append(f"  bot.language.periods.find_deadlines   {fraction(ours, len(cases)):>12}")
    if search is None:
        lines.append(
            "  dateparser search_dates(languages=['sv'])   not installed: pip install -e '.[bench]' to compare"
        )
    else:
        theirs = sum(dateparser_right(c, search) for c in cases)
        lines.append(f"  dateparser search_dates(sv)            {fraction(theirs, len(cases)):>12}")
    if verbose:
        lines.append("")
        for c in cases:
            expected = ", ".join(d.isoformat() for d in c.expected)
            got = "; ".join(", ".join(d.isoformat() for d in ds) for ds in grammar_dates(c)) or "none"
            peer = (
                ", ".join(d.isoformat() for d in dateparser_dates(c, search)) or "none" if search is not None else "–"
            )
            lines.append(f"  {c.document[:14]:<14} {c.id:<3} {c.phrase!r:<44} {expected:<23} ours {got:<23} dp {peer}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--phrases", action="store_true", help="list every deadline phrase with both parsers' dates")
    parser.add_argument("--issues", type=int, default=60, help="print at most this many issues (default 60)")
    parser.add_argument(
        "--real", choices=REAL_PARTS, help="the real documents of this part of the split instead, per genre"
    )
    parser.add_argument("--dir", type=Path, help="the annotated documents of this folder instead, per genre")
    args = parser.parse_args(argv)
    if args.real:
        return real_report(args.real, load_real(args.real), args.issues)
    if args.dir:
        if not args.dir.is_dir():
            parser.error(f"{args.dir} is not a folder")
        return real_report(str(args.dir), load_folder(args.dir), args.issues)

    docs, missing = load_documents()
    for name in missing:
        print(f"note: sample {name} is not on this machine; its annotation is skipped")
    predictions = {doc.name: run_extractor(doc) for doc in docs}
    scores = {doc.name: score(doc, predictions[doc.name]) for doc in docs}

    def group(name: str) -> list[Annotated]:
        return [d for d in docs if d.group == name]

    grand = total(scores.values())
    columns = [(g, total(scores[d.name] for d in group(g))) for g in GROUPS]
    print(
        f"Extraction quality: {len(group('samples'))} samples, {len(group('heldout'))} held-out documents, "
        f"{grand.commitments_expected} expected commitments ({grand.dated_expected} dated), "
        f"{grand.recommendations_expected} recommendations\n"
    )
    print(table([*columns, ("total", grand)]))
    print()
    print(table([(doc.name[:13], scores[doc.name]) for doc in docs]))
    print()

    cases = phrase_cases(docs)
    search = load_dateparser_search()
    print(
        f"Deadlines of dated commitments, this extractor end to end (in the documents): "
        f"{fraction(grand.dated_right, grand.dated_expected)}"
    )
    for line in phrase_report(cases, search, args.phrases):
        print(line)
    if search is not None:
        print("  (dateparser is given RELATIVE_BASE = the reference date, future dates, last day of a period)")
    print()
    # Deadlines at the committee's meetings: dated today (no plan) against with a plausible plan.
    for line in year_ties.report("samples and held-out", docs):
        print(line)
    real = [d for part in REAL_PARTS for d in load_real(part)]
    for line in year_ties.report("real documents, all parts", real):
        print(line)
    print()

    order = {"missed": 0, "deadline": 1, "false": 2, "duplicate": 3, "owner": 4}
    issues = sorted(grand.issues, key=lambda i: (order.get(i.what, 9), i.document))
    if issues:
        print(f"What went wrong ({len(issues)}):")
        for issue in issues[: args.issues]:
            print(f"  {issue.what:<9} {issue.document[:14]:<14} {issue.detail}")
        if len(issues) > args.issues:
            print(f"  … and {len(issues) - args.issues} more (--issues N)")
        print()

    met = grand.targets_met()
    print(
        f"Targets over all documents: dated commitments with the right deadline "
        f"{fraction(grand.dated_right, grand.dated_expected)} (≥ {DATED_RECALL_TARGET:.0%}), "
        f"commitments real {fraction(grand.commitments_real, grand.commitments_reported)} "
        f"(≥ {PRECISION_TARGET:.0%}): {'met' if met else 'NOT met'}"
    )
    return 0 if met else 1


REAL_DATED_TARGET = 0.90
REAL_OWNER_TARGET = 0.85
REAL_TARGETS = {
    "dated, right deadline": f"≥ {REAL_DATED_TARGET:.0%}",
    "commitments real (precision)": f"≥ {PRECISION_TARGET:.0%}",
    "owner accuracy (matched)": f"≥ {REAL_OWNER_TARGET:.0%}",
}


def real_report(part: str, docs: list[Annotated], max_issues: int) -> int:
    """The real documents `docs` (of `part`), per genre and in total, against the real corpus's targets."""
    scores = {doc.name: score(doc, run_extractor(doc)) for doc in docs}
    genres = sorted({d.group for d in docs})
    grand = total(scores.values())
    columns = [(g, total(scores[d.name] for d in docs if d.group == g)) for g in genres]
    print(
        f"Extraction quality on real documents ({part}): "
        + ", ".join(f"{sum(d.group == g for d in docs)} {g}" for g in genres)
        + f"; {grand.commitments_expected} expected commitments ({grand.dated_expected} dated)\n"
    )
    print(table([*columns, ("total", grand)], REAL_TARGETS))
    if not grand.recommendations_expected:
        print("(the gold names commitments only: recommendations are not judged)")
    print()
    # The peer: the same deadline phrases, read alone by our grammar and by dateparser.
    search = load_dateparser_search()
    for line in phrase_report(phrase_cases(docs), search, verbose=False):
        print(line)
    print()
    for line in year_ties.report(f"real documents, {part}", docs):
        print(line)
    print()
    issues = sorted(grand.issues, key=lambda i: (i.what, i.document))
    for issue in issues[:max_issues]:
        print(f"  {issue.what:<9} {issue.document[:14]:<14} {issue.detail}")
    if len(issues) > max_issues:
        print(f"  … and {len(issues) - max_issues} more (--issues N)")
    dated = grand.dated_right / grand.dated_expected if grand.dated_expected else 1.0
    precise = grand.commitments_real / grand.commitments_reported if grand.commitments_reported else 1.0
    owners = grand.owners_right / grand.commitments_found if grand.commitments_found else 1.0
    met = dated >= REAL_DATED_TARGET and precise >= PRECISION_TARGET and owners >= REAL_OWNER_TARGET
    print(
        "\nTargets on real documents: dated with the right deadline "
        f"{fraction(grand.dated_right, grand.dated_expected)}"
        f" (≥ {REAL_DATED_TARGET:.0%}), precision {fraction(grand.commitments_real, grand.commitments_reported)}"
        f" (≥ {PRECISION_TARGET:.0%}), owners {fraction(grand.owners_right, grand.commitments_found)}"
        f" (≥ {REAL_OWNER_TARGET:.0%}): {'met' if met else 'NOT met'}"
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
