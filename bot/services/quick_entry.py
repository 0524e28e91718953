"""One-line registration: ``BUN Revidera rutinen senast i april 2027 @anna``.

The first word is the committee code, Slack-escaped mentions name the owner,
and the last deadline (or rhythm) phrase in the text is the deadline.
"""

from __future__ import annotations

import base64
import json
import re
import zlib
from dataclasses import asdict
from datetime import date
from typing import Any

from bot.language.periods import find_deadlines
from bot.services.commitments import CommitmentInput
from bot.slack_format import parse_mentions, unescape

_TRAILING_PUNCT = re.compile(r"[\s,;:.–-]+$")


def parse_one_line(text: str, today: date) -> CommitmentInput:
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
    code, _, rest = text.partition(" ")
    deadline = recurrence = ""
    found = find_deadlines(rest, today)
    dated = [d for d in found if d.kind != "recurrence" and d.dates]
    rhythm = [d for d in found if d.recurrence]
    if not dated and not rhythm:
        # "efter sommaren", "inför budgetarbetet 2028": no date, but the deadline field says why.
        dated = [d for d in found if d.undated]
    body = rest
    # Cut phrases from the end backwards so earlier spans stay valid.
    cuts = []
    if dated:
        deadline = dated[-1].phrase
        cuts.append(dated[-1].span)
    if rhythm:
        recurrence = rhythm[-1].phrase
        if rhythm[-1].span not in cuts:
            cuts.append(rhythm[-1].span)
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
    )


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
