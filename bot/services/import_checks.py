"""What the reviewer chose for each commitment of an import, and the checks of those choices.

An old answer imported late holds deadlines that have already passed. Such a commitment needs one
decision before it is created: it is done already, it gets a new date, or it stays overdue. A date
after today in the review's date picker is a new date by itself, so a busy official only answers the
radio for what is really old. An answer with many old commitments is decided once, in the case
section (all done, or all kept overdue); a commitment's own radio, when set, wins over that. A missing
decision, or one the date contradicts, is an error on that
commitment's own field; nothing is ever created silently red.

"Passed" is before today in the bot's time zone (the clock's) when the review is confirmed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from bot.services.text_guard import guard_into, visible
from bot.services.validation import Errors

PAST_DONE = "done"
PAST_NEW = "new"
PAST_OVERDUE = "overdue"
PAST_CHOICES = (PAST_DONE, PAST_NEW, PAST_OVERDUE)
# The case-level choice for every passed deadline: each on its own radio (the default), or all alike.
PAST_EACH = "each"
CASE_PAST_CHOICES = (PAST_EACH, PAST_DONE, PAST_OVERDUE)


# A deadline or an answer's date further ahead than this is a mistyped year ("9999-12-31", "2207-03-31"), and
# so is an answer older than FIRST_ANSWER_YEAR ("0001-01-01").
MAX_YEARS_AHEAD = 100
FIRST_ANSWER_YEAR = 1950


def too_far_ahead(day: date, today: date) -> bool:
    return day.year > today.year + MAX_YEARS_AHEAD


def plausible_answer_date(day: date, today: date) -> bool:
    return day.year >= FIRST_ANSWER_YEAR and not too_far_ahead(day, today)


def iso_date(value: Any) -> date | None:
    """A date stored as ISO text in a draft's JSON; None for nothing or for what is no date."""
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Choice:
    """What the reviewer decided for one commitment finding.

    `past`: for a deadline that has passed, one of PAST_CHOICES (None: not decided).
    `text`: the commitment's text as the reviewer left it in the review (None: not offered, as found).
    """

    selected: bool
    owner: str | None
    deadline: date | None
    past: str | None = None
    text: str | None = None

    def dump(self) -> dict[str, Any]:
        return {
            "selected": self.selected,
            "owner": self.owner,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "past": self.past,
            "text": self.text,
        }

    @classmethod
    def load(cls, raw: Any) -> Choice:
        # Drafts stored before `past` and `text` existed load without them.
        raw = raw if isinstance(raw, dict) else {}
        past, text = raw.get("past"), raw.get("text")
        return cls(
            bool(raw.get("selected")),
            raw.get("owner") or None,
            iso_date(raw.get("deadline")),
            past if past in PAST_CHOICES else None,
            text if isinstance(text, str) else None,
        )


def deadline_passed(choice: Choice, today: date) -> bool:
    return choice.deadline is not None and choice.deadline < today


def with_case_choice(choice: Choice, case_past: Any, today: date) -> Choice:
    """The commitment's choice, its passed deadline decided by the case-level choice where its own radio is not.

    A date after today is a new date and needs no decision; a radio that is set is the reviewer's word
    for that one commitment.
    """
    if choice.past is None and case_past in (PAST_DONE, PAST_OVERDUE) and deadline_passed(choice, today):
        return replace(choice, past=str(case_past))
    return choice


def check_chosen(
    errors: Errors, finding: dict[str, Any], choice: Choice, number: int, today: date, *, waits: bool = False
) -> None:
    """Record on the commitment's fields what keeps a ticked finding from being created.

    `waits`: its phrase names a meeting the committee's plan does not have yet; it may come in undated.
    """
    index = int(finding["index"])
    if choice.deadline is None and not finding.get("recurrence") and not waits:
        errors[f"f{index}_deadline"] = ("err_import_needs_deadline", {"number": number})
    elif choice.deadline is not None:
        passed = deadline_passed(choice, today)
        params = {"number": number, "deadline": choice.deadline, "today": today}
        if too_far_ahead(choice.deadline, today):
            # "9999-12-31", "2207-03-31": a year mistyped, not a plan
            errors[f"f{index}_deadline"] = ("err_import_deadline_far", {**params, "years": MAX_YEARS_AHEAD})
        elif passed and choice.past is None:
            errors[f"f{index}_past"] = ("err_import_passed_choose", params)
        elif passed and choice.past == PAST_NEW:
            errors[f"f{index}_deadline"] = ("err_import_new_date_passed", params)
        elif not passed and choice.past == PAST_OVERDUE:
            errors[f"f{index}_past"] = ("err_import_overdue_not_passed", params)
    if choice.text is not None:
        if not visible(choice.text):
            errors[f"f{index}_text"] = ("err_import_text_empty", {"number": number})
        else:
            guard_into(errors, f"f{index}_text", choice.text, one_line=True)
