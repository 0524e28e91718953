"""A committee's reminder policy: how many days before a deadline owners are reminded, and the rest.

The services read it from and write it to the committee row (`to_json`,
`from_json`), the settings modal shows it, and `bot.reminders.schedule` plans
reminders from it. Pure values and checks: no database, no Slack.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from bot.texts import Texts

__all__ = ["RECURRING_LOOKBACK", "ReminderPolicy", "ReminderPolicyError", "field_error"]

# Past occurrences of a recurring commitment still looked at for overdue reminders (the planner), and so
# kept in a rhythm that follows the committee's meetings when the plan changes (services/meeting_plan.py).
RECURRING_LOOKBACK: Final = timedelta(days=400)

_MAX_DAYS = 365

# Each field's error, by its name in templates/strings_reminders.j2.
_FIELD_ERRORS: Final[dict[str, str]] = {
    "before_days": "err_policy_before_days",
    "on_the_day": "err_policy_on_the_day",
    "overdue_every_days": "err_policy_overdue_every_days",
    "escalate_after_days": "err_policy_escalate_after_days",
}


@lru_cache(maxsize=1)
def _texts() -> Texts:
    # Imported late, as in digest_schedule: checking a policy should not pay for a Jinja environment.
    from bot.texts import Texts

    return Texts()


class ReminderPolicyError(ValueError):
    """A reminder policy value is not acceptable; the message is Swedish.

    `field` is the JSON key concerned, so a modal can show the message on the
    right input.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def field_error(field: str) -> ReminderPolicyError:
    return ReminderPolicyError(field, _texts().get(_FIELD_ERRORS[field]))


def _is_int_between(value: object, low: int, high: int) -> bool:
    # bool is an int subclass; `true` in JSON is not a number of days.
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


@dataclass(frozen=True)
class ReminderPolicy:
    """How a committee wants its owners reminded.

    `before_days` are days before the deadline (kept furthest first, each
    once); `overdue_every_days` and `escalate_after_days` count days after it,
    0 turning the reminder off.
    """

    before_days: tuple[int, ...] = (14, 3)
    on_the_day: bool = True
    overdue_every_days: int = 7
    escalate_after_days: int = 14

    def __post_init__(self) -> None:
        if not isinstance(self.before_days, tuple) or not all(
            _is_int_between(days, 1, _MAX_DAYS) for days in self.before_days
        ):
            raise field_error("before_days")
        if not isinstance(self.on_the_day, bool):
            raise field_error("on_the_day")
        if not _is_int_between(self.overdue_every_days, 0, _MAX_DAYS):
            raise field_error("overdue_every_days")
        if not _is_int_between(self.escalate_after_days, 0, _MAX_DAYS):
            raise field_error("escalate_after_days")
        # One canonical form, so that equal policies compare and serialise equal.
        object.__setattr__(self, "before_days", tuple(sorted(set(self.before_days), reverse=True)))

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ReminderPolicy:
        """The policy stored on a committee; missing keys (or `{}`) take the defaults."""
        if not isinstance(data, Mapping):
            raise ReminderPolicyError("", _texts().get("err_policy_not_an_object"))
        unknown = sorted(str(key) for key in data if key not in _FIELD_ERRORS)
        if unknown:
            raise ReminderPolicyError(unknown[0], _texts().get("err_policy_unknown", name=unknown[0]))
        values = dict(data)
        if "before_days" in values:
            before = values["before_days"]
            # JSON gives a list; a string or a number is iterable or not, but never right.
            if not isinstance(before, list | tuple):
                raise field_error("before_days")
            values["before_days"] = tuple(before)
        return cls(**values)

    def to_json(self) -> dict[str, Any]:
        """Every field spelled out, so a later change of defaults does not change a stored policy."""
        return {
            "before_days": list(self.before_days),
            "on_the_day": self.on_the_day,
            "overdue_every_days": self.overdue_every_days,
            "escalate_after_days": self.escalate_after_days,
        }

    def describe(self) -> str:
        """In Swedish words (templates/strings_reminders.j2): "14 och 3 dagar före, på dagen, sedan varje vecka; …"."""
        return _texts().get(
            "policy_describe",
            before_days=list(self.before_days),
            on_the_day=self.on_the_day,
            overdue_every_days=self.overdue_every_days,
            escalate_after_days=self.escalate_after_days,
        )
