"""The Swedish date and period grammar: deadlines in audit answers.

`parse_deadline` reads a whole field ("senast i april 2023", "v. 12",
"2023-05-15"); `find_deadlines` finds every deadline, period, list, range and
rhythm in running text; `parse_recurrence` reads a rhythm ("två gånger per
läsår").

Conventions (the README's "How Swedish deadline words are read" shows them to users):

- A period used as a deadline resolves to its last day ("i april" → 30 April).
- "innan/före/inför X" resolves to the day before X starts ("innan april" →
  31 March), with the exceptions `atoms` lists ("innan sommaren" → the last
  working day before midsommarafton, "innan jul" → 23 December, "före jullovet" → the
  last working day before 22 December, when most schools begin their Christmas break).
- "till X" is "innan X" for moments and seasons ("till sommaren", "till jul",
  "till årsskiftet") and "till och med X" for calendar periods ("till april").
- Without a year, a phrase means the next occurrence: the first one whose
  deadline is on or after the reference date (the document's date), so "under
  hösten" inside the autumn is this autumn. Two exceptions depend on when the
  phrase is said (`seasons.py`, and the table below).
- "i början av X" is the end of X's first quarter, counted in whole months
  ("i början av 2022" → 31 March 2022, "i början av hösten" → 30 September);
  "i mitten av X" is the end of its first half (2022 → 30 June); "i slutet av
  X" is X's last day. For a single month the thirds are used: "i början av
  april" → 10 April, "i mitten av april" → 20 April.
- A weekday alone ("på fredag", "senast måndag") is the next one after the
  reference date, so on a Friday "på fredag" is next week's; "nästa fredag" is
  the Friday of the week after the reference date's. "i morgon" and "i
  övermorgon" count from the reference date; "i dag" only in a typed field,
  since in running text it tells what is done now ("görs redan i dag").
- "under hela X" is all of X, done by its end ("pågår under hela 2023" → 31 December
  2023); "på plats X" is a state reached by X, like "klart X".
- A year after "planeras", "beräknas", "väntas", "även" or "också" counts without a preposition ("planeras
  2020", "även 2022");
  "planeras/är tänkt till X" is set for X, done by its end, not before it starts.
- Two times in a row that overlap are one time said again more exactly ("vecka 14, 3–9 april
  2017" → 9 April), not a list of two.
- "efter X" and "från och med X" open a range: no deadline, note "after:"/"from:".
- "före X och senast Y" is two phrases, each with its own preposition; "senast X och senast Y" is one list.
- "i år" right after a date or a month gives it its year ("senast den 15 juni i år"): one phrase, this year's.
- "mellan X och Y", "X-Y", "från X till Y" are ranges: no deadline, note "range:".
- "X/Y" of two months or seasons ("i september/oktober 2020") is one or the other: the later one's end.
- "senast 1 april" (no year, no "den") is read as an OCR'd "senast i april":
  the end of April, confidence 0.6, note "ocr_1_as_i". "den 1 april" and
  "1 april 2023" stay dates.

Phrases people type that once were misread, decided; the reference date is
the day the phrase is typed:

| phrase (typed on) | reads as | why |
|---|---|---|
| efter sommaren | no deadline; the person is asked for an end date | (1) |
| till läsårsstarten 2027 | 2027-07-31, note "school_start" | (2) |
| inför budgetarbetet 2028 | no deadline (kind "event"); the person is asked for a date | (3) |
| till hösten (2026-07-31) | 2026-08-31 | (4) |
| under hösten (2026-12-10) | 2027-12-31, note "next_season" | (5) |

(1) "efter" says when work starts, or what it waits for, not by when it is
    done. Any end (31 August, 30 September) would be invented, and 31 August is
    still summer as the grammar counts it. It stays an open range (note
    "after:" 1 September), and the bot says why it is no deadline.
(2) The year belongs to the phrase; it was dropped, and the next school start
    taken. Each huvudman sets its own first school day; the law says only that
    the school year begins in August. Without the committee's calendar the
    earliest start (1 August) is taken, so the deadline is never after the real
    start, and the preview says that it is a convention. "terminsstarten 2027"
    (spring or autumn?) is not read; "terminsstarten hösten 2027" is.
(3) It gave a yearly rhythm (30 November), wrong for a named year. The budget
    work for 2028 runs in 2027, from planning directives in the spring to the
    committee's budget in the autumn, on days each municipality sets, so the
    rhythms' November would be a guess. Only the committee's own year plan
    could date it; without one the bot asks for the date.
(4) It gave the very day it was typed (the day before 1 August), and typed in
    August, 31 July of the next year. From midsommarafton to 31 August, "till
    hösten" (and "innan", "inför") means when the autumn's work begins after
    the summer: 31 August. Before midsommar the convention stands (31 July);
    "höstterminen" keeps it always, since the term may start in mid-August.
(5) What is left of the autumn is the Christmas weeks; a commitment for them
    says "före jul" or "i december". So any season or term typed in its last
    month ("under våren" in June) is the next one, and the preview names the
    year it took; a year written is taken as written. Only for what people type
    (`typed=True`): a document dated in December was written before its date.

Bare years, bare month names and bare season words count in running text only
after a preposition ("under 2021", "i april", "under hösten"), so "kapitel 3"
and "2023/BUN 0148" are not deadlines. The year something is for ("en strategi
för 2021", "revisionsplanen för år 2022") is reported with the note
"year_named": the extraction lets it date a promise found otherwise, never make
one, and prefers any other time in the sentence. A whole field
(`parse_deadline`) needs no preposition.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import replace
from datetime import date

from bot.language.atoms import scan_atoms, select_longest
from bot.language.chains import chains_of, resolve_chain
from bot.language.deadline import Deadline
from bot.language.events import find_events
from bot.language.normalize import MatchText, match_text
from bot.language.recurrence import find_recurrences, parse_recurrence

# Deadline and parse_recurrence are the grammar's too: callers import them from here.
__all__ = ["Deadline", "find_deadlines", "parse_deadline", "parse_recurrence"]

# Words a deadline field may hold besides the deadline ("Klart senast: april 2023").
_FILLER = frozenset(
    {
        *("klart", "klar", "klara", "fardigt", "fardig", "fardiga", "slutfort", "slutford", "slutforas"),
        *("genomfort", "genomford", "genomforas", "deadline", "datum", "tidsplan", "tidpunkt", "slutdatum"),
        *("ca", "cirka", "ungefar", "prel", "preliminart", "preliminar", "beraknat", "beraknas", "beraknad"),
        *("planerat", "planerad", "planeras", "vara", "ska", "skall", "bor", "kommer", "att", "sker", "ske"),
    }
)
_WORDS = re.compile(r"[^\W_]+")


def _candidates(mt: MatchText, reference: date, *, field: bool, typed: bool = False) -> list[Deadline]:
    atoms = scan_atoms(mt, reference, field=field)
    found: list[Deadline] = find_events(mt)
    for chain in chains_of(mt, atoms):
        try:
            result = resolve_chain(mt, chain, reference, field=field, typed=typed)
        except (ValueError, OverflowError):
            # A year at the edge of the calendar; the phrase is simply not a usable deadline.
            continue
        if isinstance(result, Deadline):
            found.append(result)
    with contextlib.suppress(ValueError, OverflowError):
        found.extend(find_recurrences(mt, atoms, reference))
    return found


def find_deadlines(text: str, reference: date) -> list[Deadline]:
    """All deadline/period/recurrence phrases in running text, in text order, non-overlapping.

    Where phrases overlap the longest wins. Bare years, month names and seasons
    count only after a preposition ("under 2021", "i april"); dates, "april 2023",
    "vecka 12", "Q3" and the like count anywhere.
    """
    mt = match_text(text)
    found = select_longest(_candidates(mt, reference, field=False), lambda d: d.span)
    return _this_year_said_after(text, mt, found, reference)


_THIS_YEAR_AFTER = re.compile(r"\s+i\s+ar$")


def _this_year_said_after(text: str, mt: MatchText, found: list[Deadline], reference: date) -> list[Deadline]:
    """ "senast den 15 juni i år": "i år" gives the date its year (the reference date's), it is no second time."""
    out: list[Deadline] = []
    for d in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind in ("date", "period")
            and prev.dates
            and d.recurrence is None
            and _THIS_YEAR_AFTER.fullmatch(mt.folded[prev.span[1] : d.span[1]])
        ):
            dates = tuple(_in_year(x, reference.year) for x in prev.dates)
            span = (prev.span[0], d.span[1])
            out[-1] = replace(prev, dates=dates, phrase=text[span[0] : span[1]], span=span)
            continue
        out.append(d)
    return out


def _in_year(day: date, year: int) -> date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return day


def parse_deadline(text: str, reference: date, *, typed: bool = False) -> Deadline | None:
    """Interpret a whole field value ("senast i april 2023", "v. 12", "2023-05-15") as one deadline.

    None if it is not one. Words such as "klart", "ca" or "beräknas" may surround the phrase; anything
    else makes the field something other than a deadline. A rhythm ("årligen")
    comes back as a Deadline of kind "recurrence" with no dates, an occasion the
    bot cannot date ("inför budgetarbetet 2028") as one of kind "event".

    `typed` says that `reference` is the moment a person typed the phrase, not a
    document's date: then a season typed in its last month is the next one.
    """
    mt = match_text(text)
    chosen = select_longest(_candidates(mt, reference, field=True, typed=typed), lambda d: d.span)
    if len(chosen) != 1:
        return None
    found = chosen[0]
    rest = mt.folded[: found.span[0]] + " " + mt.folded[found.span[1] :]
    if any(word not in _FILLER for word in _WORDS.findall(rest)):
        return None
    return found
