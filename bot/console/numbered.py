"""The fields of a modal by the names a person types, and numbered items, so the console can fill a
field of one item by its number.

A modal that repeats the same fields for many items (the import review: a tick
box, "Ansvarig i Slack" and a date for every commitment found) gives each item
a label that begins with a word and its number, "Åtagande 2: …". That label's
field starts item 2; the input fields after it belong to item 2 until the next
numbered field or a text between them. The number is the one the person reads
in the modal, on whichever page of it they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.standin.blockkit import plain_text_of
from bot.standin.view_state import all_options
from bot.standin.workspace import JsonDict, StateValues

_NUMBERED = re.compile(r"^\w+ (\d+):")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
YES = frozenset({"ja", "j", "x"})
NO = frozenset({"nej", "n", ""})


@dataclass(frozen=True)
class Field:
    """One field of a numbered item, by the name a person types for it."""

    name: str
    block: JsonDict
    element: JsonDict
    option: JsonDict | None = None  # the tick box option the name stands for

    @property
    def block_id(self) -> str:
        return str(self.block["block_id"])

    @property
    def kind(self) -> str:
        return str(self.element.get("type"))


def _label(block: JsonDict) -> str:
    return plain_text_of(block.get("label")).strip()


def _fields_of(block: JsonDict, *, starts_item: bool) -> list[Field]:
    element = block.get("element")
    if not isinstance(element, dict):
        return []
    if element.get("type") == "checkboxes":
        # The item's own label is its text; a person names the box by its option ("Importera").
        options = all_options(element)
        if starts_item or len(options) == 1:
            return [Field(plain_text_of(o.get("text")).strip(), block, element, o) for o in options]
    return [Field(_label(block), block, element)]


def items(blocks: list[JsonDict]) -> dict[int, list[Field]]:
    """The numbered items of a modal and their fields, in the order shown."""
    found: dict[int, list[Field]] = {}
    current: int | None = None
    for block in blocks:
        if block.get("type") != "input":
            current = None
            continue
        match = _NUMBERED.match(_label(block))
        if match:
            current = int(match.group(1))
            found[current] = _fields_of(block, starts_item=True)
        elif current is not None:
            found[current].extend(_fields_of(block, starts_item=False))
    return found


def find(blocks: list[JsonDict], number: int, name: str) -> Field | None:
    """The field called ``name`` of item ``number``, if it has one: by its label or its first words, as
    `named` reads them ("Slutdatumet" for "Slutdatumet 30 juni 2019 har redan passerat.")."""
    return _pick(items(blocks).get(number, []), name)


def named(blocks: list[JsonDict], name: str) -> tuple[Field | None, list[str]]:
    """The modal's field called ``name``, and the names of all its fields.

    A person types a label as they read it, often only its first words: "Ägare"
    for "Ägare (person i Slack)", though "Ägarens roll …" starts so too. So a
    label that is ``name`` (case does not matter) is taken, else the one whose
    first words are ``name``, else the one that starts with it at all; None
    when none or several do.
    """
    fields = [f for block in blocks if block.get("type") == "input" for f in _fields_of(block, starts_item=False)]
    return _pick(fields, name), [f.name for f in fields if f.name]


def _pick(fields: list[Field], name: str) -> Field | None:
    """The one field whose label is ``name`` (case does not matter), else whose first words are, else that starts
    with it; None when none or several do."""
    wanted = name.strip().casefold()

    def first_words(label: str) -> bool:
        return label.startswith(wanted) and not label[len(wanted) : len(wanted) + 1].isalnum()

    for matches in (
        lambda label: label == wanted,
        first_words,
        lambda label: label.startswith(wanted),
    ):
        chosen = [f for f in fields if wanted and matches(f.name.casefold())]
        if chosen:
            return chosen[0] if len(chosen) == 1 else None
    return None


def is_shared_label(blocks: list[JsonDict], name: str) -> bool:
    """True when ``name`` is a field of more than one item, so a number must say which."""
    wanted = name.strip().casefold()
    holders = [n for n, fields in items(blocks).items() if any(f.name.casefold() == wanted for f in fields)]
    return len(holders) > 1


def example_value(field: Field) -> str:
    """What a person would type for the field, shown in the console's tip."""
    if field.option is not None:
        return "ja/nej"
    if field.kind == "datepicker":
        return "ÅÅÅÅ-MM-DD"
    if field.kind in ("users_select", "multi_users_select"):
        return "NAMN"
    return "…"


@dataclass(frozen=True)
class Refusal:
    """Why the console will not fill in what was typed: a text key and its values."""

    key: str
    params: dict[str, str] = field(default_factory=dict)


def value_for(item: int | None, target: Field, typed: str, state: StateValues) -> Any:
    """What to enter in ``target`` for ``typed``, as ``SlackStandIn.fill`` takes it, or a :class:`Refusal`.

    A tick box takes ja or nej and keeps the item's other boxes as they are; a
    date picker takes ÅÅÅÅ-MM-DD, as Slack's date picker gives nothing else.
    ``item`` is the item's number, None for a field of the modal itself.
    """
    typed = typed.strip()
    where = f"{item} {target.name}" if item is not None else target.name
    if target.option is not None:
        answer = typed.casefold()
        if answer not in YES | NO:
            return Refusal("console_yes_no", {"example": f":fyll {where}=nej"})
        entry = state.get(target.block_id, {}).get(str(target.element.get("action_id")), {})
        chosen = [str(o.get("value")) for o in entry.get("selected_options") or [] if isinstance(o, dict)]
        mine = str(target.option.get("value"))
        chosen = [value for value in chosen if value != mine]
        return [*chosen, mine] if answer in YES else chosen
    if target.kind == "datepicker" and not _ISO_DATE.match(typed):
        return Refusal("console_date_format", {"example": f":fyll {where}=2027-05-31"})
    return option_refusal(target, typed) or typed


def option_refusal(target: Field, typed: str) -> Refusal | None:
    """Why ``typed`` is none of a select's or radio group's options, naming them; None when it is one."""
    if target.kind not in ("static_select", "radio_buttons"):
        return None
    options = all_options(target.element)
    texts = [plain_text_of(o.get("text")) for o in options]
    if typed in {str(o.get("value")) for o in options} or typed.casefold() in {t.casefold() for t in texts}:
        return None
    return Refusal("console_no_option", {"value": typed, "choices": ", ".join(f"”{t}”" for t in texts)})


def external_pick(typed: str, offer: Callable[[str], list[JsonDict]]) -> str | Refusal:
    """The option to pick in an external select for what was typed, asking the app as Slack does.

    ``offer`` gives the app's options for a typed text (``SlackStandIn.suggestions``).
    An option whose code or text is what was typed is taken, else the only one offered;
    none or several offered is a refusal that says so (several are named, so the person
    can type one of them).
    """
    try:
        offered = offer(typed)
    except ValueError:
        offered = []  # Slack would show the menu empty
    for option in offered:
        text = plain_text_of(option.get("text"))
        if typed == str(option.get("value")) or typed.casefold() == text.casefold():
            return str(option.get("value"))
    if len(offered) == 1:
        return str(offered[0].get("value"))
    if not offered:
        return Refusal("console_no_match", {"value": typed})
    names = [f"”{plain_text_of(o.get('text'))}”" for o in offered[:_SHOWN_CHOICES]]
    more = len(offered) - len(names)
    return Refusal("console_several", {"value": typed, "choices": ", ".join(names), "more": str(more)})


_SHOWN_CHOICES = 10
