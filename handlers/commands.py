"""``/atagande``: every subcommand of the slash command.

The listener acks at once (an empty ack) and does the work in a lazy
listener, answering with ``respond`` (ephemeral unless it concerns the channel).
"""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext, Respond
from slack_sdk import WebClient

from bot.domain.errors import UserError
from bot.language.normalize import fold
from bot.services import commitments as commitment_service
from bot.services import committees as committee_service
from bot.services import quick_entry
from bot.services.commitments import CommitmentInput
from bot.services.context import Services
from bot.services.validation import resolve_deadline, unresolved_reason
from bot.slack_format import parse_mentions, unescape
from bot.ui import blocks as bk
from bot.ui.commitment import card_blocks, view_of
from bot.ui.lists import PAGE_SIZE, list_blocks
from bot.ui.modals import ModalMeta, commitment_modal
from handlers.imports import open_import_modal
from handlers.reports import send_report
from handlers.settings import open_settings
from handlers.support import ack_now, guarded, services_of

COMMAND = "/atagande"
PREVIEW_SAVE = "preview_save"
PREVIEW_EDIT = "preview_edit"
PREVIEW_CHOOSE_OWNER = "preview_choose_owner"
PREVIEW_SAVE_WITHOUT_OWNER = "preview_save_without_owner"
MAX_QUERY = 200
SEARCH_LIMIT = 20
# "/atagande nämnd påminnelser BUN" (folded) opens the committee's reminder settings.
SETTINGS_WORDS = ("paminnelser", "installningar")


def register(app: App) -> None:
    app.command(COMMAND)(ack=ack_now, lazy=[run_command])


@guarded
def run_command(body: dict[str, Any], respond: Respond, client: WebClient, context: BoltContext) -> None:
    svc = services_of(context)
    text = " ".join(str(body.get("text", "")).split())
    word, _, rest = text.partition(" ")
    sub = fold(word)
    user_id = str(body["user_id"])
    channel_id = str(body.get("channel_id", ""))
    if sub in ("", "help", "hjalp", "hjälp", "?"):
        respond(text=svc.texts.md("help.md.j2"), response_type="ephemeral")
    elif sub == "ny":
        if rest:
            _preview_one_line(svc, respond, user_id, rest, channel_id)
        else:
            with svc.db.read() as session:
                bound = committee_service.committee_for_channel(session, channel_id)
            prefill = CommitmentInput(committee=bound.code if bound else "")
            open_new_modal(svc, client, str(body["trigger_id"]), user_id, prefill, ModalMeta())
    elif sub == "lista":
        show_list(svc, respond, unescape(rest), channel_id, 0)
    elif sub == "mina":
        show_mine(svc, respond, user_id)
    elif sub == "visa":
        _show(svc, respond, user_id, unescape(rest))
    elif sub in ("sok", "sök"):
        _search(svc, respond, unescape(rest))
    elif sub in ("namnd", "namnder") and fold(rest.partition(" ")[0]) in SETTINGS_WORDS:
        code = rest.partition(" ")[2].strip().upper()
        open_settings(svc, client, str(body["trigger_id"]), user_id, code, channel_id)
    elif sub in ("namnd", "namnder"):
        _committee(svc, respond, user_id, rest)
    elif sub == "importera":
        open_import_modal(svc, client, str(body["trigger_id"]), user_id, channel_id)
    elif sub == "kanal":
        _bind_channel(svc, respond, user_id, rest, channel_id, str(body.get("channel_name", "")))
    elif sub == "rapport":
        send_report(svc, client, respond, user_id, unescape(rest), channel_id)
    else:
        respond(text=svc.texts.md("help.md.j2", unknown=word), response_type="ephemeral")


def open_new_modal(
    svc: Services, client: WebClient, trigger_id: str, user_id: str, prefill: CommitmentInput, meta: ModalMeta
) -> None:
    """Open the register modal with the committees the user may register in."""
    actor = svc.actor(user_id)
    with svc.db.read() as session:
        committees = committee_service.committees_managed_by(session, actor)
        if not committees:
            if committee_service.all_committees(session):
                raise UserError("err_no_committees_to_register")
            raise UserError("err_no_committees")
        if prefill.committee and prefill.committee.upper() not in {c.code for c in committees}:
            prefill.committee = ""
        preview = deadline_preview(svc, prefill.deadline)
        view = commitment_modal(svc.texts, committees, prefill, meta, preview=preview)
    client.views_open(trigger_id=trigger_id, view=view)


def deadline_preview(svc: Services, phrase: str) -> str | None:
    if not phrase.strip():
        return None
    today = svc.clock.today()
    resolved = resolve_deadline(phrase, today)
    # What is said when it gives no date is what saving would say: why, when the grammar knows.
    why = None if resolved else svc.texts.get_md(unresolved_reason(phrase, today), value=phrase)
    return svc.texts.md("deadline_preview.md.j2", phrase=phrase, resolved=resolved, today=today, why=why)


def _preview_one_line(svc: Services, respond: Respond, user_id: str, rest: str, channel_id: str) -> None:
    actor = svc.actor(user_id)
    with svc.db.read() as session:
        shown = quick_entry.preview(session, actor, rest, svc.clock.today(), channel_id)
    raw = shown.raw
    if raw.owner_user_id:
        user = svc.users.get(raw.owner_user_id)
        raw.owner_name = user.display if user else raw.owner_name
    problems = {f: svc.texts.get_md(k, **p) for f, (k, p) in shown.errors.items()}
    token = quick_entry.pack(raw)
    fits = len(token) <= 2000
    buttons = []
    if fits and shown.draft is not None and not shown.errors:
        buttons.append(bk.button(svc.texts.get("btn_save"), PREVIEW_SAVE, token, style="primary"))
        buttons.append(bk.button(svc.texts.get("btn_change"), PREVIEW_EDIT, token))
    elif fits and shown.choose_owner:
        # The form opens with the owner's field; saving without one is a button of its own.
        buttons.append(bk.button(svc.texts.get("btn_choose_owner"), PREVIEW_CHOOSE_OWNER, token, style="primary"))
        buttons.append(bk.button(svc.texts.get("btn_save_without_owner"), PREVIEW_SAVE_WITHOUT_OWNER, token))
    elif fits:
        buttons.append(bk.button(svc.texts.get("btn_change"), PREVIEW_EDIT, token))
    summary = svc.texts.md(
        "one_line_preview.md.j2",
        raw=raw,
        committee=shown.committee,
        draft=shown.draft,
        problems=problems,
        choose_owner=shown.choose_owner,
        # Names no one has beside an owner who was found: said, since they left the text.
        names_note=svc.texts.get_md("owner_names_not_found", names=raw.unknown_names)
        if raw.owner_user_id and raw.unknown_names
        else None,
        channel_code=shown.channel_code,
        other_mentions=shown.other_mentions,
        too_long=not fits,
    )
    blocks = [bk.section(summary)]
    if buttons:
        blocks.append(bk.actions(*buttons, block_id="preview"))
    respond(text=summary, blocks=blocks, response_type="ephemeral")


def show_list(svc: Services, respond: Respond, arg: str, channel_id: str, offset: int, replace: bool = False) -> None:
    today, now = svc.clock.today(), svc.clock.now()
    with svc.db.read() as session:
        code = arg.split(" ", maxsplit=1)[0] if arg else ""
        if code:
            committee = committee_service.get_committee(session, code)
        else:
            bound = committee_service.committee_for_channel(session, channel_id)
            if bound is None:
                raise UserError("err_no_committee_here")
            committee = bound
        rows, total = commitment_service.list_for_committee(session, committee, limit=PAGE_SIZE, offset=offset)
        views = [view_of(c, svc.texts, today, now) for c in rows]
        title = svc.texts.md("list_title.md.j2", committee=committee, total=total)
        blocks = list_blocks(
            svc.texts,
            title,
            views,
            total=total,
            offset=offset,
            more_value=f"lista:{committee.code}:{offset + PAGE_SIZE}",
            empty_text=svc.texts.md("list_empty.md.j2", committee=committee),
        )
    respond(text=title, blocks=blocks, response_type="ephemeral", replace_original=replace)


def show_mine(svc: Services, respond: Respond, user_id: str, offset: int = 0, replace: bool = False) -> None:
    today, now = svc.clock.today(), svc.clock.now()
    with svc.db.read() as session:
        total = commitment_service.count_for_owner(session, user_id)
        rows = commitment_service.list_for_owner(session, user_id, limit=PAGE_SIZE, offset=offset)
        views = [view_of(c, svc.texts, today, now) for c in rows]
    title = svc.texts.md("mine_title.md.j2", total=total)
    blocks = list_blocks(
        svc.texts,
        title,
        views,
        total=total,
        offset=offset,
        more_value=f"mina::{offset + PAGE_SIZE}",
        empty_text=svc.texts.md("mine_empty.md.j2"),
    )
    respond(text=title, blocks=blocks, response_type="ephemeral", replace_original=replace)


def _show(svc: Services, respond: Respond, user_id: str, arg: str) -> None:
    if not arg:
        raise UserError("err_need_reference")
    actor = svc.actor(user_id)
    with svc.db.read() as session:
        c = commitment_service.get_by_reference(session, arg)
        view = view_of(c, svc.texts, svc.clock.today(), svc.clock.now())
        blocks = card_blocks(
            svc.texts,
            view,
            with_buttons=commitment_service.can_update(c, actor),
            can_edit=committee_service.can_manage(c.committee, actor),
            history=commitment_service.history(session, c),
        )
    respond(text=f"{view.ref}", blocks=blocks, response_type="ephemeral")


def _search(svc: Services, respond: Respond, query: str) -> None:
    if not query.strip():
        raise UserError("err_need_query")
    cut = len(query) > MAX_QUERY
    query = query[:MAX_QUERY]
    today, now = svc.clock.today(), svc.clock.now()
    with svc.db.read() as session:
        direct = None
        if commitment_service.parse_reference(query):
            try:
                direct = commitment_service.get_by_reference(session, query)
            except UserError:
                direct = None
        if direct is not None:
            # A reference names one commitment; its committee code alone would
            # otherwise match every other commitment of the committee.
            ids = [direct.id]
        else:
            ids = [h.commitment_id for h in svc.index.search(session, query, limit=SEARCH_LIMIT)]
        found = commitment_service.get_many(session, ids[:SEARCH_LIMIT])
        views = [view_of(c, svc.texts, today, now) for c in found]
    title = svc.texts.md("search_title.md.j2", query=query, count=len(views), cut=cut, limit=MAX_QUERY)
    blocks = list_blocks(
        svc.texts,
        title,
        views,
        total=len(views),
        offset=0,
        more_value=None,
        empty_text=svc.texts.md("search_empty.md.j2", query=query),
    )
    respond(text=title, blocks=blocks, response_type="ephemeral")


def _committee(svc: Services, respond: Respond, user_id: str, rest: str) -> None:
    word, _, args = rest.partition(" ")
    sub = fold(word)
    actor = svc.actor(user_id)
    now = svc.clock.now()
    if sub == "ny":
        code, _, name = args.partition(" ")
        if not code:
            raise UserError("err_committee_name_missing")
        with svc.db.write() as session:
            committee = committee_service.create_committee(session, actor, code, unescape(name), now)
            answer = svc.texts.md("committee_created.md.j2", committee=committee)
        respond(text=answer, response_type="ephemeral")
    elif sub in ("sekreterare", "sekreterarna"):
        code, _, who = args.partition(" ")
        remove = fold(who).startswith("ta bort")
        users = parse_mentions(who)
        if not code or not users:
            raise UserError("err_need_users")
        with svc.db.write() as session:
            if remove:
                people = committee_service.remove_secretaries(session, actor, code, [u for u, _ in users])
                committee = committee_service.get_committee(session, code)
            else:
                named = [(u, (svc.users.get(u) or _Unknown()).display) for u, _ in users]
                committee, people = committee_service.add_secretaries(session, actor, code, named, now)
            answer = svc.texts.md(
                "secretaries_changed.md.j2",
                committee=committee,
                changed=[p.slack_user_id for p in people],
                removed=remove,
                secretaries=[p.slack_user_id for p in committee_service.secretaries(committee)],
            )
        respond(text=answer, response_type="ephemeral")
    else:
        with svc.db.read() as session:
            committees = committee_service.all_committees(session)
            rows = [(c, [p.slack_user_id for p in committee_service.secretaries(c)]) for c in committees]
            answer = svc.texts.md("committee_list.md.j2", rows=rows, is_admin=actor.is_admin)
        respond(text=answer, response_type="ephemeral")


class _Unknown:
    display = ""


def _bind_channel(svc: Services, respond: Respond, user_id: str, code: str, channel_id: str, channel_name: str) -> None:
    if not code:
        raise UserError("err_one_line_committee", code="")
    with svc.db.write() as session:
        committee, previous = committee_service.bind_channel(
            session, svc.actor(user_id), code.split(" ", maxsplit=1)[0], channel_id, channel_name
        )
        answer = svc.texts.md("channel_bound.md.j2", committee=committee, previous=previous)
    respond(text=answer, response_type="in_channel")
