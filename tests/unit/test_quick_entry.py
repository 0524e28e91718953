"""One-line registration is split into its fields."""

from __future__ import annotations

from datetime import date

from bot.services.quick_entry import pack, parse_one_line, unpack

TODAY = date(2027, 1, 11)


def test_line_with_deadline_at_the_end_and_owner() -> None:
    raw = parse_one_line("BUN Revidera den lokala BUS-överenskommelsen senast i april 2027 <@U0ANNA|anna>", TODAY)
    assert raw.committee == "BUN"
    assert raw.text == "Revidera den lokala BUS-överenskommelsen"
    assert raw.deadline == "senast i april 2027"
    assert (raw.owner_user_id, raw.owner_name) == ("U0ANNA", "anna")


def test_deadline_inside_the_sentence_stays_in_the_text() -> None:
    raw = parse_one_line("SN Under hösten 2027 ska rutinen för SIP revideras", TODAY)
    assert raw.deadline.lower() == "under hösten 2027"
    assert "rutinen för SIP revideras" in raw.text
    assert raw.text.startswith("Under hösten 2027")


def test_rhythm_is_a_recurrence() -> None:
    raw = parse_one_line("BUN Gå igenom rutinen med rektorerna två gånger per läsår", TODAY)
    assert raw.recurrence == "två gånger per läsår"
    assert raw.deadline == ""
    assert raw.text == "Gå igenom rutinen med rektorerna"


def test_entities_are_undone() -> None:
    raw = parse_one_line("BUN Ta fram rutin för BUS &amp; SIP senast 2027-05-01", TODAY)
    assert raw.text == "Ta fram rutin för BUS & SIP"


def test_pack_round_trip_and_garbage() -> None:
    raw = parse_one_line("BUN Åtgärda brister i internkontrollen senast i maj 2027", TODAY)
    assert unpack(pack(raw)) == raw
    assert unpack("not-a-token") is None
    assert unpack("") is None
