"""Block Kit limits, checked without a server."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from bot.standin.blockkit import validate_blocks, validate_suggestions, validate_view


def messages(blocks: Any, surface: Any = "message") -> list[str]:
    return [str(problem) for problem in validate_blocks(blocks, surface)]


def plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text}


def button(text: str = "Klar", **extra: Any) -> dict[str, Any]:
    return {"type": "button", "action_id": "a", "text": plain(text), **extra}


@given(st.integers(min_value=1, max_value=3100))
def test_section_text_limit_is_3000(length: int) -> None:
    problems = messages([{"type": "section", "text": {"type": "mrkdwn", "text": "x" * length}}])
    assert (problems == []) == (length <= 3000)


def test_block_counts_per_surface() -> None:
    divider = {"type": "divider"}
    assert messages([divider] * 50) == []
    assert messages([divider] * 51) == ["[ERROR] no more than 50 items allowed [json-pointer:/blocks]"]
    assert messages([divider] * 100, "home") == []
    assert messages([divider] * 101, "modal") == ["[ERROR] no more than 100 items allowed [json-pointer:/blocks]"]


def test_element_and_text_limits() -> None:
    assert messages([{"type": "actions", "elements": [button("x" * 76)]}]) == [
        "[ERROR] must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]"
    ]
    assert messages([{"type": "actions", "elements": [button(value="v" * 2001)]}])[0].startswith(
        "[ERROR] must be less than 2001 characters"
    )
    assert messages([{"type": "actions", "elements": [button(url="https://" + "x" * 3000)]}]) != []
    too_many = [{"type": "button", "action_id": f"a{n}", "text": plain("k")} for n in range(26)]
    assert messages([{"type": "actions", "elements": too_many}]) == [
        "[ERROR] no more than 25 items allowed [json-pointer:/blocks/0/elements]"
    ]
    fields = [{"type": "mrkdwn", "text": "f"} for _ in range(11)]
    assert messages([{"type": "section", "fields": fields}]) == [
        "[ERROR] no more than 10 items allowed [json-pointer:/blocks/0/fields]"
    ]
    context = [{"type": "mrkdwn", "text": "c"} for _ in range(11)]
    assert messages([{"type": "context", "elements": context}]) != []
    assert messages([{"type": "header", "text": plain("h" * 151)}]) != []
    assert messages([{"type": "section", "text": {"type": "mrkdwn", "text": ""}}]) == [
        "[ERROR] must be more than 0 characters [json-pointer:/blocks/0/text/text]"
    ]


def test_button_text_must_be_plain_text() -> None:
    bold = {"type": "button", "action_id": "a", "text": {"type": "mrkdwn", "text": "*Klar*"}}
    assert messages([{"type": "actions", "elements": [bold]}]) == [
        "[ERROR] must be plain_text [json-pointer:/blocks/0/elements/0/text/type]"
    ]


def test_unknown_types_and_fields_are_refused() -> None:
    assert messages([{"type": "carousel"}]) == [
        "[ERROR] unsupported block type: carousel [json-pointer:/blocks/0/type]"
    ]
    assert messages([{"type": "divider", "colour": "red"}]) == [
        "[ERROR] invalid additional property: colour [json-pointer:/blocks/0/colour]"
    ]
    assert messages([{"type": "actions", "elements": [{"type": "slider", "action_id": "s"}]}]) != []


def test_selects_options_and_initial_values() -> None:
    def option(n: int) -> dict[str, Any]:
        return {"text": plain(f"val {n}"), "value": f"v{n}"}

    select = {"type": "static_select", "action_id": "s", "placeholder": plain("Välj"), "options": [option(1)]}
    assert messages([{"type": "actions", "elements": [select]}]) == []
    assert messages([{"type": "actions", "elements": [{**select, "options": [option(n) for n in range(101)]}]}]) != []
    assert messages([{"type": "actions", "elements": [{**select, "initial_option": option(2)}]}]) == [
        "[ERROR] must match one of the provided options [json-pointer:/blocks/0/elements/0/initial_option]"
    ]
    long_value = {**select, "options": [{"text": plain("x"), "value": "v" * 151}]}
    assert messages([{"type": "actions", "elements": [long_value]}]) != []
    bold_option = {**select, "options": [{"text": {"type": "mrkdwn", "text": "*x*"}, "value": "x"}]}
    assert messages([{"type": "actions", "elements": [bold_option]}]) != []
    assert messages([{"type": "actions", "elements": [{**select, "placeholder": plain("p" * 151)}]}]) != []


def test_external_selects_start_with_a_whole_option_and_load_at_most_a_hundred() -> None:
    def option(n: int, text: str = "") -> dict[str, Any]:
        return {"text": plain(text or f"val {n}"), "value": f"v{n}"}

    select = {"type": "external_select", "action_id": "s", "min_query_length": 0, "initial_option": option(1)}
    assert messages([{"type": "actions", "elements": [select]}]) == []
    assert messages([{"type": "actions", "elements": [{**select, "initial_option": option(1, "x" * 76)}]}]) == [
        "[ERROR] must be less than 76 characters [json-pointer:/blocks/0/elements/0/initial_option/text/text]"
    ]
    assert messages([{"type": "actions", "elements": [{**select, "initial_option": {"value": "v1"}}]}]) != []
    assert messages([{"type": "actions", "elements": [{**select, "min_query_length": -1}]}]) != []

    def answer(options: Any) -> list[str]:
        return [str(problem) for problem in validate_suggestions(options)]

    assert answer({"options": [option(n) for n in range(100)]}) == []
    assert answer({"options": []}) == []
    assert answer({"options": [option(n) for n in range(101)]}) == [
        "[ERROR] no more than 100 items allowed [json-pointer:/options]"
    ]
    assert answer({"options": [{"text": plain("x"), "value": "v" * 151}]}) != []
    assert answer({"option_groups": [{"label": plain("Nämnder"), "options": [option(1)]}]}) == []
    assert answer({"choices": [option(1)]}) != []


def test_input_blocks_only_in_modals() -> None:
    field = {
        "type": "input",
        "label": plain("Åtagande"),
        "element": {"type": "plain_text_input", "action_id": "v", "max_length": 3000},
    }
    assert messages([field], "modal") == []
    assert messages([field], "message") == [
        "[ERROR] input blocks are only allowed in modals [json-pointer:/blocks/0/type]"
    ]
    assert messages([{**field, "element": {"type": "plain_text_input", "max_length": 3001}}], "modal") != []
    assert messages([{**field, "label": plain("l" * 2001)}], "modal") != []


def test_views() -> None:
    base: dict[str, Any] = {"type": "modal", "title": plain("Nytt åtagande"), "blocks": []}
    assert validate_view(base) == []
    assert [str(p) for p in validate_view({**base, "title": plain("t" * 25)})] == [
        "[ERROR] must be less than 25 characters [json-pointer:/view/title/text]"
    ]
    assert validate_view({**base, "submit": plain("s" * 25)}) != []
    assert validate_view({**base, "private_metadata": "m" * 3001}) != []
    assert validate_view({**base, "callback_id": "c" * 256}) != []
    needs_submit = {
        **base,
        "blocks": [{"type": "input", "label": plain("l"), "element": {"type": "plain_text_input"}}],
    }
    assert [str(p) for p in validate_view(needs_submit)] == [
        "[ERROR] submit is required when the view has input blocks [json-pointer:/view/submit]"
    ]
    assert validate_view({"type": "home", "blocks": [], "title": plain("x")}) != []
    assert validate_view({"type": "workflow_step", "blocks": []}) != []
