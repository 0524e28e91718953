"""One-line registration: ``BUN Revidera rutinen senast i april 2027 @anna``.

The first word is the committee's code when it is an existing committee's code;
in a channel bound to a committee it may be left out, as for ``lista`` and
``rapport``. Slack-escaped mentions name the owner; an ``@name`` Slack left as
typed is no one it knows, so the owner is chosen, or left out on purpose,
before anything is saved. The last deadline (or rhythm) phrase in the text is
the deadline.
"""

from __future__ import annotations

import base64
import json
import re
import zlib
from collections.abc import Collection
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from bot.domain.errors import PermissionDenied, UserError
from bot.language.committee_year import find_ties
from bot.language.impossible import impossible_date
from bot.language.periods import find_deadlines
from bot.services.commitment_drafts import CommitmentDraft, CommitmentInput, validate
from bot.services.committees import all_committees, can_manage, committee_for_channel, get_committee
from bot.services.people import Actor
from bot.services.validation import Errors
from bot.slack_format import parse_mentions, unescape
from storage.models import Committee

_TRAILING_PUNCT = re.compile(r"[\s,;:.–-]+$")
# "@okand" as typed: Slack turns a name it knows into <@U…>. Not inside an e-mail address, and a
# full stop after the name ends the sentence, not the name.
_TYPED_NAME = re.compile(r"(?<![\w@])@(\w(?:[\w.-]*\w)?)")


def split_committee(line: str, codes: Collection[str], channel_code: str = "") -> tuple[str, str]:
    """(committee code, the rest of the line): "" for the code when the line names none and the channel none.

    Only an existing committee's code counts. In a committee's channel the first word of the text
    may be any word, so another committee's code counts there only in capitals ("Om" is not OM's
    code, "SN" is SN's); the channel's own code counts however it is written.
    """
    word, _, rest = line.partition(" ")
    code = word.upper()
    # Typed in capitals (word == code), or the channel's own code however written.
    if code in {c.upper() for c in codes} and (not channel_code or code in (word, channel_code)):
        return code, rest
    return channel_code, line


def parse_one_line(text: str, today: date, codes: Collection[str], channel_code: str = "") -> CommitmentInput:
    """Split the line into fields; checking is left to ``commitments.validate``."""
    mentions = parse_mentions(text)
    owner = mentions[0][0] if mentions else None
    owner_name = None
    for _user, (start, end) in reversed(mentions):
        raw = text[start:end]
        if owner_name is None and "|" in raw:
            owner_name = raw[raw.index("|") + 1 : -1]
        text = text[:start] + " " + text[end:]
    # Mentions are gone; what is left is user text with Slack's entities.
    text = " ".join(unescape(text).split())
    # Names Slack did not know leave the text as mentions do: they are not what is to be done.
    unknown = list(dict.fromkeys(f"@{m.group(1)}" for m in _TYPED_NAME.finditer(text)))
    text = " ".join(_TYPED_NAME.sub(" ", text).split())
    code, rest = split_committee(text, codes, channel_code)
    deadline = recurrence = ""
    found = find_deadlines(rest, today)
    dated = [d for d in found if d.kind != "recurrence" and d.dates]
    # A day not in the calendar is the deadline as written, so checking it says what is wrong
    # (not "no deadline given", nor a nearby date the grammar made of the rest).
    no_such_day = impossible_date(rest)
    if no_such_day is not None:
        dated = []
    rhythm = [d for d in found if d.recurrence]
    if not dated and not rhythm:
        # "efter sommaren", "inför budgetarbetet 2028", "maj–november 2027": no date, but the deadline field
        # says why.
        dated = [d for d in found if d.undated or d.kind == "range"]
    body = rest
    # Cut phrases from the end backwards so earlier spans stay valid.
    cuts = []
    dated_phrase = (dated[-1].phrase, dated[-1].span) if dated else None
    rhythm_phrase = (rhythm[-1].phrase, rhythm[-1].span) if rhythm else None
    # A meeting or an årshjul event ("till nämndens sista sammanträde 2027") is the committee's plan's to
    # date: it wins over the year or month the grammar reads inside it, which would be a guess.
    ties = find_ties(rest)
    if ties and no_such_day is None:
        tie = ties[-1]
        if tie.recurring:
            rhythm_phrase = (tie.phrase, tie.span)
            if dated_phrase and _overlaps(dated_phrase[1], tie.span):
                dated_phrase = None
        else:
            dated_phrase = (tie.phrase, tie.span)
            if rhythm_phrase and _overlaps(rhythm_phrase[1], tie.span):
                rhythm_phrase = None
    if no_such_day is not None:
        deadline = no_such_day
    elif dated_phrase:
        deadline = dated_phrase[0]
        cuts.append(dated_phrase[1])
    if rhythm_phrase:
        recurrence = rhythm_phrase[0]
        if rhythm_phrase[1] not in cuts:
            cuts.append(rhythm_phrase[1])
    for start, end in sorted(cuts, reverse=True):
        # Only a phrase that ends the sentence is removed from the text;
        # inside a sentence it is part of what is said.
        if _TRAILING_PUNCT.sub("", body[end:]) == "":
            body = body[:start] + body[end:]
    body = _TRAILING_PUNCT.sub("", " ".join(body.split()))
    return CommitmentInput(
        text=body,
        committee=code,
        owner_user_id=owner,
        owner_name=owner_name,
        deadline=" ".join(deadline.split()),
        recurrence=" ".join(recurrence.split()),
        unknown_names=" ".join(unknown),
    )


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass(frozen=True)
class Preview:
    """What a one-line registration would store, and what stands in its way."""

    raw: CommitmentInput
    committee: Committee
    draft: CommitmentDraft | None  # what would be stored: also while only the owner is to be chosen
    errors: Errors
    # Only the owner stands in the way (a name no one has): choose one, or save without on purpose.
    choose_owner: bool
    # The channel's committee, when the line's first word named another committee instead.
    channel_code: str | None
    # People mentioned besides the owner (the first mentioned): a commitment has one, so they are said, not kept.
    other_mentions: tuple[str, ...] = ()


def preview(session: Session, actor: Actor, line: str, today: date, channel_id: str) -> Preview:
    """Read a one-line registration as typed in ``channel_id``; nothing is stored."""
    bound = committee_for_channel(session, channel_id) if channel_id else None
    codes = [c.code for c in all_committees(session)]
    raw = parse_one_line(line, today, codes, bound.code if bound else "")
    if not raw.committee:
        raise UserError("err_one_line_no_committee", word=raw.text.partition(" ")[0][:20])
    committee = get_committee(session, raw.committee)
    if not can_manage(committee, actor):
        raise PermissionDenied("err_secretary_only", code=committee.code)
    draft: CommitmentDraft | None = None
    errors: Errors = {}
    try:
        draft = validate(session, raw, today)
    except UserError as err:
        errors = getattr(err, "errors", {err.field or "text": (err.key, err.params)})
        if set(errors) == {"owner"} and raw.unknown_names:
            draft = validate(session, leave_owner_out(raw), today)
    return Preview(
        raw=raw,
        committee=committee,
        draft=draft,
        errors=errors,
        choose_owner=draft is not None and "owner" in errors,
        channel_code=bound.code if bound is not None and bound.code != committee.code else None,
        other_mentions=tuple(dict.fromkeys(u for u, _ in parse_mentions(line) if u != raw.owner_user_id)),
    )


def leave_owner_out(raw: CommitmentInput) -> CommitmentInput:
    """The draft saved without an owner, on purpose: names no one has are let go with the owner."""
    return replace(raw, owner_user_id=None, owner_name=None, unknown_names="")


def pack(raw: CommitmentInput) -> str:
    """A compact, URL-safe token of a draft for a button value (max 2,000 characters)."""
    data = json.dumps({k: v for k, v in asdict(raw).items() if v}, ensure_ascii=False, separators=(",", ":"))
    return base64.urlsafe_b64encode(zlib.compress(data.encode("utf-8"), 9)).decode("ascii")


def unpack(token: str) -> CommitmentInput | None:
    try:
        data = json.loads(zlib.decompress(base64.urlsafe_b64decode(token.encode("ascii"))).decode("utf-8"))
    except (ValueError, zlib.error):
        return None
    if not isinstance(data, dict):
        return None
    fields: dict[str, Any] = {
        k: v for k, v in data.items() if k in CommitmentInput.__dataclass_fields__ and isinstance(v, str)
    }
    return CommitmentInput(**fields)
