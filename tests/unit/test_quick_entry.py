"""One-line registration is split into its fields."""

from __future__ import annotations

from datetime import date

from bot.services.quick_entry import pack, parse_one_line, split_committee, unpack

TODAY = date(2027, 1, 11)
CODES = ("BUN", "SN", "OM")


def test_line_with_deadline_at_the_end_and_owner() -> None:
    raw = parse_one_line(
        "BUN Revidera den lokala BUS-överenskommelsen senast i april 2027 <@U0ANNA|anna>", TODAY, CODES
    )
    assert raw.committee == "BUN"
    assert raw.text == "Revidera den lokala BUS-överenskommelsen"
    assert raw.deadline == "senast i april 2027"
    assert (raw.owner_user_id, raw.owner_name) == ("U0ANNA", "anna")


def test_deadline_inside_the_sentence_stays_in_the_text() -> None:
    raw = parse_one_line("SN Under hösten 2027 ska rutinen för SIP revideras", TODAY, CODES)
    assert raw.deadline.lower() == "under hösten 2027"
    assert "rutinen för SIP revideras" in raw.text
    assert raw.text.startswith("Under hösten 2027")


def test_rhythm_is_a_recurrence() -> None:
    raw = parse_one_line("BUN Gå igenom rutinen med rektorerna två gånger per läsår", TODAY, CODES)
    assert raw.recurrence == "två gånger per läsår"
    assert raw.deadline == ""
    assert raw.text == "Gå igenom rutinen med rektorerna"


def test_entities_are_undone() -> None:
    raw = parse_one_line("BUN Ta fram rutin för BUS &amp; SIP senast 2027-05-01", TODAY, CODES)
    assert raw.text == "Ta fram rutin för BUS & SIP"


def test_pack_round_trip_and_garbage() -> None:
    raw = parse_one_line("BUN Åtgärda brister i internkontrollen senast i maj 2027", TODAY, CODES)
    assert unpack(pack(raw)) == raw
    assert unpack("not-a-token") is None
    assert unpack("") is None


def test_a_name_slack_did_not_know_leaves_the_text_and_is_kept_apart() -> None:
    raw = parse_one_line("BUN Revidera överenskommelsen senast i april 2027 @okand.", TODAY, CODES)
    assert raw.text == "Revidera överenskommelsen"
    assert raw.deadline == "senast i april 2027"
    assert (raw.owner_user_id, raw.unknown_names) == (None, "@okand")
    # An e-mail address is no name; a known mention is the owner, other names are still kept apart.
    raw = parse_one_line("BUN Mejla registrator@kommun.se senast i maj 2027 <@U0ANNA|anna> @okand", TODAY, CODES)
    assert raw.text == "Mejla registrator@kommun.se"
    assert (raw.owner_user_id, raw.unknown_names) == ("U0ANNA", "@okand")


def test_the_committee_code_only_when_a_committee_has_it() -> None:
    assert split_committee("BUN Revidera rutinen", CODES) == ("BUN", "Revidera rutinen")
    assert split_committee("bun Revidera rutinen", CODES) == ("BUN", "Revidera rutinen")
    assert split_committee("SIP ska upprättas", CODES) == ("", "SIP ska upprättas")
    # In a committee's channel the code may be left out; a first word is another committee's code in capitals.
    assert split_committee("SIP ska upprättas", CODES, "BUN") == ("BUN", "SIP ska upprättas")
    assert split_committee("Om möjligt revidera", CODES, "BUN") == ("BUN", "Om möjligt revidera")
    assert split_committee("SN ska yttra sig", CODES, "BUN") == ("SN", "ska yttra sig")
    assert split_committee("bun Revidera rutinen", CODES, "BUN") == ("BUN", "Revidera rutinen")
    raw = parse_one_line("Revidera rutinen senast i april 2027", TODAY, CODES, "BUN")
    assert (raw.committee, raw.text) == ("BUN", "Revidera rutinen")
