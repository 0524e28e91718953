"""A committee's digest schedule: the weekday and time its weekly digest goes out.

Read as a secretary writes it, in Swedish or English ("måndag 08:00", "tis kl.
9.30"), stored in its canonical form ("mon 08:00"), described in Swedish. The
services save it on the committee, the settings modal shows it and
`bot.digests.schedule` works out each week's sending moment from it. Weekends
are refused: the channel is read at work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from bot.domain.errors import UserError
from bot.language.normalize import fold

if TYPE_CHECKING:
    from bot.texts import Texts

__all__ = ["DEFAULT_SCHEDULE", "FIELD", "DigestSchedule", "DigestScheduleError"]

# The committee column the schedule is stored in; errors name it so a modal
# can show the message on the right input.
FIELD: Final = "digest_schedule"
DEFAULT_SCHEDULE: Final = "mon 08:00"

# Canonical weekday names, Monday first (datetime.weekday() order).
_CANONICAL_DAYS: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_LONGEST_INPUT = 60

# Folded words (no case, no diacritics) for each weekday: English and Swedish,
# abbreviated, full, definite ("måndagen") and plural ("måndagar", as
# `describe()` writes it, so its output reads back).
_DAY_WORDS: Final[dict[str, int]] = {}
for _index, (_english, _swedish, _short) in enumerate(
    (
        ("monday", "mandag", ("mon", "man", "ma", "mand")),
        ("tuesday", "tisdag", ("tue", "tues", "tis", "ti", "tisd")),
        ("wednesday", "onsdag", ("wed", "ons", "on", "onsd")),
        ("thursday", "torsdag", ("thu", "thur", "thurs", "tor", "tors", "to", "torsd")),
        ("friday", "fredag", ("fri", "fre", "fr", "fred")),
        ("saturday", "lordag", ("sat", "lor", "lo", "lord")),
        ("sunday", "sondag", ("sun", "son", "so", "sond")),
    )
):
    for _word in (_english, f"{_english}s", _swedish, f"{_swedish}en", f"{_swedish}ar", *_short):
        _DAY_WORDS[_word] = _index

# "måndag 08:00", "mån kl. 8", "varje tisdag klockan 9.30", "fre 07:30", "on mondays at 8".
_SCHEDULE = re.compile(
    r"^(?:(?:varje|pa|every|on)\s+)?(?P<day>[a-z]+)\.?"
    r"(?:\s*,?\s*(?:(?:kl\.|kl\b|klockan\b|at\b)\s*)?(?P<time>\S+))?$"
)
_TIME = re.compile(r"^(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?$")


class DigestScheduleError(UserError, ValueError):
    """A digest schedule is not acceptable; ``str(error)`` is a Swedish sentence.

    ``field`` is the committee column concerned (``digest_schedule``), so a
    modal can show the message on the right input; ``key`` and ``params`` name
    the message in ``templates/strings_digest.j2`` like every `UserError`.
    """

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key, FIELD, **params)

    def __str__(self) -> str:
        return _texts().get(self.key, **self.params)


@lru_cache(maxsize=1)
def _texts() -> Texts:
    # Imported late: the wording is only needed when an error is shown, and
    # date arithmetic should not pay for a Jinja environment.
    from bot.texts import Texts

    return Texts()


def _quoted(raw: str) -> str:
    text = " ".join(raw.split())
    return text if len(text) <= 40 else text[:39] + "…"


@dataclass(frozen=True)
class DigestSchedule:
    """The weekday (0 = Monday … 4 = Friday) and local time of a committee's digest."""

    weekday: int = 0
    at: time = time(8, 0)

    def __post_init__(self) -> None:
        if not isinstance(self.weekday, int) or not 0 <= self.weekday <= 6:
            raise DigestScheduleError("err_digest_schedule_unreadable", value=str(self.weekday))
        if self.weekday >= 5:
            raise DigestScheduleError("err_digest_schedule_weekend")
        if self.at.tzinfo is not None or self.at.second or self.at.microsecond:
            raise DigestScheduleError("err_digest_schedule_time", value=self.at.isoformat())

    @classmethod
    def parse(cls, raw: str) -> DigestSchedule:
        """Read a schedule as a person writes it, in Swedish or English, or as stored.

        Accepts "mon 08:00", "måndag 08:00", "mån 8:00", "tisdag 9", "fre 07:30",
        "torsdagar kl. 9.30"; a day without a time means 08:00. Raises
        DigestScheduleError with a Swedish message otherwise.
        """
        text = fold(raw or "")
        if not text:
            raise DigestScheduleError("err_digest_schedule_empty")
        if len(text) > _LONGEST_INPUT:
            raise DigestScheduleError("err_digest_schedule_unreadable", value=_quoted(raw))
        match = _SCHEDULE.match(text)
        if match is None:
            raise DigestScheduleError("err_digest_schedule_unreadable", value=_quoted(raw))
        weekday = _DAY_WORDS.get(match["day"])
        if weekday is None:
            first_word = raw.split(maxsplit=1)[0]
            raise DigestScheduleError("err_digest_schedule_day", value=_quoted(first_word))
        at = _parse_time(match["time"], raw) if match["time"] else time(8, 0)
        return cls(weekday, at)

    @classmethod
    def stored(cls, value: str | None) -> DigestSchedule:
        """The schedule in a committee row; an unreadable value gives the default.

        Values are checked when they are set, so this only matters for a row
        edited by hand. A committee whose digest silently stopped would look
        like a broken bot; the default keeps it coming.
        """
        try:
            return cls.parse(value or DEFAULT_SCHEDULE)
        except DigestScheduleError:
            return cls()

    def canonical(self) -> str:
        """The stored form, e.g. "mon 08:00"; parsing it gives the same schedule."""
        return f"{_CANONICAL_DAYS[self.weekday]} {self.at:%H:%M}"

    def describe(self) -> str:
        """Swedish, for people: "måndagar kl. 08.00" (the time with a full stop, as Swedish writes it)."""
        texts = _texts()
        days = texts.get(f"digest_days_{_CANONICAL_DAYS[self.weekday]}")
        return texts.get("digest_schedule_describe", days=days, time=f"{self.at:%H.%M}")


def _parse_time(value: str, raw: str) -> time:
    match = _TIME.match(value)
    hour, minute = (int(match["hour"]), int(match["minute"] or 0)) if match else (99, 99)
    if hour > 23 or minute > 59:
        # Quote what the person wrote ("åtta"), not its folded form.
        last = raw.rsplit(maxsplit=1)[-1]
        shown = last if fold(last).endswith(value) else value
        raise DigestScheduleError("err_digest_schedule_time", value=_quoted(shown))
    return time(hour, minute)
