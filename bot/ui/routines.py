"""Block Kit for ``/rutin``: search answers, a routine's card, the shared message and the modal.

Routine text is user text: titles, snippets, sources and owners are escaped for
mrkdwn. A search snippet arrives with the matched words between ``*`` marks;
escaping touches only ``&``, ``<`` and ``>``, so the marks survive as bold.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from bot.routines.search import Hit
from bot.services.routine_answers import RoutineHits, RoutineView
from bot.services.routines import MAX_ALIAS, MAX_ALIASES, MAX_TITLE
from bot.slack_format import Mrkdwn, escape, link, truncate
from bot.texts import Texts
from bot.ui import blocks as bk
from bot.ui.modals import state_value

SHARE_ACTION = "routine_share"
REMOVE_ACTION = "routine_remove"
EDIT_ACTION = "routine_edit"
NEW_CALLBACK = "routine_new"
MAX_QUERY_SHOWN = 200
EXCERPT = 300  # characters of the body in a shared routine or a card without a search
CARD_EXCERPT = 1500
MAX_BODY = bk.INPUT_MAX
MAX_SOURCE = 1000
MAX_OWNER = 300

# Modal block ids are the field names the services use in their errors ("title", "aliases").
FIELD_TITLE = "title"
FIELD_BODY = "body"
FIELD_SOURCE = "source"
FIELD_OWNER = "owner"
FIELD_REVISION = "revision_date"
FIELD_ALIASES = "aliases"

_URL = re.compile(r"https?://[^\s<>|]+")


def source_md(source: str | None) -> Mrkdwn | None:
    """A source as mrkdwn: a web address becomes a link, anything else is escaped text."""
    text = " ".join((source or "").split())
    if not text:
        return None
    if _URL.fullmatch(text):
        return link(text, truncate(text.split("://", 1)[-1], 60))
    return Mrkdwn(escape(truncate(text, 300)))


def snippet_md(snippet: str) -> Mrkdwn:
    """A search snippet, safe for mrkdwn, its ``*`` marks (the matched words) kept as bold."""
    return Mrkdwn(escape(snippet))


def excerpt_md(body: str, limit: int = EXCERPT) -> Mrkdwn:
    """The first lines of a routine's text, escaped."""
    lines = [" ".join(line.split()) for line in (body or "").splitlines()]
    text = "\n".join(line for line in lines if line)
    return Mrkdwn(escape(truncate(text, limit)))


def facts_md(texts: Texts, routine: RoutineView) -> Mrkdwn:
    return texts.md("routine_facts.md.j2", source=source_md(routine.source), revision_date=routine.revision_date)


def share_button(texts: Texts, routine_id: int) -> bk.Block:
    return bk.button(texts.get("btn_share_routine"), SHARE_ACTION, str(routine_id))


def remove_button(texts: Texts, routine: RoutineView) -> bk.Block:
    element = bk.button(texts.get("btn_remove_routine"), REMOVE_ACTION, str(routine.id), style="danger")
    element["confirm"] = {
        "title": bk.plain(texts.get("confirm_remove_title"), 100),
        "text": bk.plain(texts.get("confirm_remove_text", title=truncate(routine.title, 200)), 300),
        "confirm": bk.plain(texts.get("confirm_remove_yes"), 30),
        "deny": bk.plain(texts.get("confirm_remove_no"), 30),
        "style": "danger",
    }
    return element


def search_blocks(texts: Texts, found: RoutineHits) -> tuple[Mrkdwn, list[bk.Block]]:
    """The answer to a search: the best hits with a share button each, or what to tell the person."""
    result, routines = found.result, found.routines
    hits: Sequence[Hit] = [h for h in result.hits if int(h.id) in routines]
    if not hits:
        answer = texts.md(
            "routine_no_hit.md.j2",
            query=result.query,
            cut=result.cut,
            limit=MAX_QUERY_SHOWN,
            empty_library=result.empty_library,
            only_stop_words=result.only_stop_words,
            suggestions=result.suggestions,
        )
        return answer, [bk.section(answer)]
    title = texts.md(
        "routine_search_title.md.j2", query=result.query, count=len(hits), cut=result.cut, limit=MAX_QUERY_SHOWN
    )
    out: list[bk.Block] = [bk.section(title)]
    for hit in hits:
        routine = routines[int(hit.id)]
        text = texts.md(
            "routine_hit.md.j2",
            title=routine.title,
            snippet=snippet_md(hit.snippet),
            facts=facts_md(texts, routine),
        )
        out.append(bk.section(text, accessory=share_button(texts, routine.id)))
    return title, out


def card_blocks(texts: Texts, routine: RoutineView, *, can_manage: bool) -> tuple[Mrkdwn, list[bk.Block]]:
    """One routine (``/rutin visa N``), with its share button and, for managers, edit and remove."""
    text = texts.md(
        "routine_card.md.j2",
        number=routine.id,
        title=routine.title,
        aliases=list(routine.aliases or []),
        source=source_md(routine.source),
        owner=routine.owner,
        revision_date=routine.revision_date,
        excerpt=excerpt_md(routine.body, CARD_EXCERPT),
    )
    buttons = [share_button(texts, routine.id)]
    if can_manage:
        buttons.append(bk.button(texts.get("btn_edit_routine"), EDIT_ACTION, str(routine.id)))
        buttons.append(remove_button(texts, routine))
    return text, [bk.section(text), bk.actions(*buttons, block_id=f"routine_{routine.id}")]


def shared_blocks(texts: Texts, routine: RoutineView, sharer: str) -> tuple[Mrkdwn, list[bk.Block]]:
    """The routine as posted in the channel for everyone, naming who shared it."""
    text = texts.md(
        "routine_shared.md.j2",
        sharer=sharer,
        title=routine.title,
        excerpt=excerpt_md(routine.body),
        facts=facts_md(texts, routine),
    )
    return text, [bk.section(text)]


def remove_ask_blocks(texts: Texts, routine: RoutineView) -> tuple[Mrkdwn, list[bk.Block]]:
    text = texts.md("routine_remove_ask.md.j2", number=routine.id, title=routine.title)
    return text, [bk.section(text), bk.actions(remove_button(texts, routine), block_id=f"remove_{routine.id}")]


def body_fits(routine: RoutineView) -> bool:
    """Whether a routine's text fits Slack's text field, so that it can be edited there."""
    return len(routine.body or "") <= MAX_BODY


ALIASES_FIELD = min(bk.INPUT_MAX, MAX_ALIAS * MAX_ALIASES)  # what the form's field for other names holds


def aliases_fit(routine: RoutineView) -> bool:
    """Whether a routine's other names, one per line, fit the form's field, so that they can be edited there."""
    return len("\n".join(routine.aliases)) <= ALIASES_FIELD


def _text_field(
    texts: Texts,
    field: str,
    initial: str | None,
    max_length: int,
    *,
    multiline: bool = False,
    optional: bool = True,
    hint: bool = False,
) -> bk.Block:
    """One of the form's text fields; its label, placeholder and hint are the texts named after it."""
    return bk.input_block(
        field,
        texts.get(f"field_routine_{field}"),
        bk.text_input(
            field,
            multiline=multiline,
            placeholder=texts.get(f"field_routine_{field}_placeholder"),
            max_length=max_length,
            initial=initial,
        ),
        optional=optional,
        hint=texts.get(f"field_routine_{field}_hint") if hint else None,
    )


def routine_modal(texts: Texts, private_metadata: str = "", routine: RoutineView | None = None) -> bk.Block:
    """``/rutin ny`` and ``/rutin ändra N``: title (required), text, source, owner, revision date, other names.

    Editing, the fields hold the routine as it is. A text longer than Slack's field (an imported
    document, often) is not offered, so that saving cannot cut it; re-importing the file changes it.
    """
    revised = routine.revision_date if routine is not None else None
    date_picker = bk.datepicker(
        FIELD_REVISION,
        revised.isoformat() if revised is not None else None,
        placeholder=texts.get("field_routine_revision_placeholder"),
    )
    if routine is None or body_fits(routine):
        body_block = _text_field(
            texts, FIELD_BODY, routine.body if routine else None, MAX_BODY, multiline=True, hint=True
        )
    else:
        body_block = bk.context(texts.md("routine_body_too_long.md.j2", length=len(routine.body), limit=MAX_BODY))
    if routine is None or aliases_fit(routine):
        aliases_block = _text_field(
            texts,
            FIELD_ALIASES,
            "\n".join(routine.aliases) if routine else None,
            ALIASES_FIELD,
            multiline=True,
            hint=True,
        )
    else:
        # Offered cut, an unchanged save would drop the last names; `/rutin alias` sets them whole.
        aliases_block = bk.context(
            texts.md("routine_aliases_too_long.md.j2", count=len(routine.aliases), number=routine.id)
        )
    blocks = [
        _text_field(texts, FIELD_TITLE, routine.title if routine else None, MAX_TITLE, optional=False),
        body_block,
        _text_field(texts, FIELD_SOURCE, routine.source if routine else None, MAX_SOURCE),
        _text_field(texts, FIELD_OWNER, routine.owner if routine else None, MAX_OWNER),
        bk.input_block(FIELD_REVISION, texts.get("field_routine_revision"), date_picker, optional=True),
        aliases_block,
    ]
    return bk.modal(
        NEW_CALLBACK,
        texts.get("modal_new_routine" if routine is None else "modal_edit_routine"),
        blocks,
        submit=texts.get("btn_save"),
        close=texts.get("btn_cancel"),
        private_metadata=private_metadata,
    )


def submitted(values: dict[str, Any], field: str) -> str:
    """The submitted value of one of the modal's fields (block id and action id are the field name)."""
    return state_value(values, field, field)
