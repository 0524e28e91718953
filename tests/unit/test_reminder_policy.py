"""The reminder policy: its JSON, validation in Swedish, and its description."""

from __future__ import annotations

from typing import Any

import pytest

from bot.domain.reminder_policy import ReminderPolicy, ReminderPolicyError


def test_empty_json_means_the_defaults() -> None:
    policy = ReminderPolicy.from_json({})
    assert policy == ReminderPolicy(before_days=(14, 3), on_the_day=True, overdue_every_days=7, escalate_after_days=14)
    assert policy.to_json() == {
        "before_days": [14, 3],
        "on_the_day": True,
        "overdue_every_days": 7,
        "escalate_after_days": 14,
    }


@pytest.mark.parametrize(
    "policy",
    [
        ReminderPolicy(),
        ReminderPolicy(before_days=()),
        ReminderPolicy(before_days=(30, 14, 7, 1), on_the_day=False),
        ReminderPolicy(overdue_every_days=0, escalate_after_days=0),
        ReminderPolicy(before_days=(365,), overdue_every_days=365, escalate_after_days=365),
    ],
)
def test_policy_json_round_trip(policy: ReminderPolicy) -> None:
    assert ReminderPolicy.from_json(policy.to_json()) == policy


def test_partial_json_and_before_days_in_any_order() -> None:
    policy = ReminderPolicy.from_json({"before_days": [3, 14, 3, 30], "escalate_after_days": 21})
    assert policy == ReminderPolicy(before_days=(30, 14, 3), escalate_after_days=21)
    assert ReminderPolicy(before_days=(1, 7)).before_days == (7, 1)


BEFORE_MESSAGE = "Dagar före slutdatumet ska vara heltal mellan 1 och 365."
ON_DAY_MESSAGE = "Påminnelse på dagen ska vara ja eller nej."
OVERDUE_MESSAGE = "Antal dagar mellan påminnelserna efter slutdatumet ska vara ett heltal mellan 0 och 365 (0 = inga)."
ESCALATE_MESSAGE = "Antal dagar innan nämndsekreterarna får veta ska vara ett heltal mellan 0 och 365 (0 = aldrig)."

BAD_POLICIES: list[tuple[dict[str, Any], str, str]] = [
    ({"before_days": [0]}, "before_days", BEFORE_MESSAGE),
    ({"before_days": [366]}, "before_days", BEFORE_MESSAGE),
    ({"before_days": [-3]}, "before_days", BEFORE_MESSAGE),
    ({"before_days": ["3"]}, "before_days", BEFORE_MESSAGE),
    ({"before_days": [3.0]}, "before_days", BEFORE_MESSAGE),
    ({"before_days": [True]}, "before_days", BEFORE_MESSAGE),
    ({"before_days": 3}, "before_days", BEFORE_MESSAGE),
    ({"before_days": "14"}, "before_days", BEFORE_MESSAGE),
    ({"before_days": None}, "before_days", BEFORE_MESSAGE),
    ({"on_the_day": "ja"}, "on_the_day", ON_DAY_MESSAGE),
    ({"on_the_day": 1}, "on_the_day", ON_DAY_MESSAGE),
    ({"on_the_day": None}, "on_the_day", ON_DAY_MESSAGE),
    ({"overdue_every_days": -1}, "overdue_every_days", OVERDUE_MESSAGE),
    ({"overdue_every_days": 366}, "overdue_every_days", OVERDUE_MESSAGE),
    ({"overdue_every_days": 7.5}, "overdue_every_days", OVERDUE_MESSAGE),
    ({"overdue_every_days": False}, "overdue_every_days", OVERDUE_MESSAGE),
    ({"overdue_every_days": "7"}, "overdue_every_days", OVERDUE_MESSAGE),
    ({"escalate_after_days": -14}, "escalate_after_days", ESCALATE_MESSAGE),
    ({"escalate_after_days": 1000}, "escalate_after_days", ESCALATE_MESSAGE),
    ({"escalate_after_days": None}, "escalate_after_days", ESCALATE_MESSAGE),
    ({"remind_hour": 9}, "remind_hour", "Okänd inställning för påminnelser: remind_hour."),
]


@pytest.mark.parametrize(("data", "field", "message"), BAD_POLICIES)
def test_bad_policy_values_name_the_field_in_swedish(data: dict[str, Any], field: str, message: str) -> None:
    with pytest.raises(ReminderPolicyError) as caught:
        ReminderPolicy.from_json(data)
    assert str(caught.value) == message
    assert caught.value.field == field
    assert isinstance(caught.value, ValueError)


def test_a_policy_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(ValueError, match="JSON-objekt"):
        ReminderPolicy.from_json([14, 3])  # type: ignore[arg-type]


def test_the_constructor_validates_too() -> None:
    with pytest.raises(ValueError, match=r"^Dagar före slutdatumet"):
        ReminderPolicy(before_days=(0,))
    with pytest.raises(ValueError, match=r"^Antal dagar innan nämndsekreterarna"):
        ReminderPolicy(escalate_after_days=-1)


@pytest.mark.parametrize(
    ("policy", "text"),
    [
        (
            ReminderPolicy(),
            "14 och 3 dagar före, på dagen, sedan varje vecka; nämndsekreterarna får veta efter 14 dagar utan svar",
        ),
        (
            ReminderPolicy(before_days=(30, 14, 3), overdue_every_days=14, escalate_after_days=1),
            "30, 14 och 3 dagar före, på dagen, sedan varannan vecka; nämndsekreterarna får veta efter 1 dag utan svar",
        ),
        (
            ReminderPolicy(before_days=(1,), on_the_day=False),
            "1 dag före, sedan varje vecka; nämndsekreterarna får veta efter 14 dagar utan svar",
        ),
        (
            ReminderPolicy(before_days=(7,), overdue_every_days=1),
            "7 dagar före, på dagen, sedan varje dag; nämndsekreterarna får veta efter 14 dagar utan svar",
        ),
        (
            ReminderPolicy(overdue_every_days=2),
            "14 och 3 dagar före, på dagen, sedan varannan dag; nämndsekreterarna får veta efter 14 dagar utan svar",
        ),
        (
            ReminderPolicy(overdue_every_days=3),
            "14 och 3 dagar före, på dagen, sedan var 3:e dag; nämndsekreterarna får veta efter 14 dagar utan svar",
        ),
        (
            ReminderPolicy(overdue_every_days=21),
            "14 och 3 dagar före, på dagen, sedan var 3:e vecka; nämndsekreterarna får veta efter 14 dagar utan svar",
        ),
        (
            ReminderPolicy(overdue_every_days=22),
            "14 och 3 dagar före, på dagen, sedan var 22:a dag; nämndsekreterarna får veta efter 14 dagar utan svar",
        ),
        (
            ReminderPolicy(overdue_every_days=11),
            "14 och 3 dagar före, på dagen, sedan var 11:e dag; nämndsekreterarna får veta efter 14 dagar utan svar",
        ),
        (
            ReminderPolicy(before_days=(), on_the_day=False),
            "varje vecka efter slutdatumet; nämndsekreterarna får veta efter 14 dagar utan svar",
        ),
        (
            ReminderPolicy(overdue_every_days=0, escalate_after_days=0),
            "14 och 3 dagar före, på dagen; nämndsekreterarna får inget meddelande",
        ),
        (
            ReminderPolicy(before_days=(), on_the_day=False, overdue_every_days=0, escalate_after_days=0),
            "inga påminnelser; nämndsekreterarna får inget meddelande",
        ),
    ],
)
def test_describe_in_swedish(policy: ReminderPolicy, text: str) -> None:
    assert policy.describe() == text
