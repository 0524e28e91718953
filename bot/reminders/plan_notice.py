"""What a notice of a changed meeting plan says, decided when it is sent (planned by bot/services/plan_notices.py).

One direct message per person and change: the commitments that followed the plan, grouped by what
moved them ("Sammanträdet flyttades från 12 till 19 mars 2027."), each with its new deadline. A
commitment closed since the change is left out; a message with nothing left is not sent. A person
who has left Slack is replaced by the committee's nämndsekreterare, as a reminder is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.outbox.outcome import Fail, Outcome, Send, Skip, Split
from bot.outbox.store import Claimed, Planned
from bot.services import commitments as commitment_service
from bot.services.committees import secretaries
from bot.services.context import Services
from bot.slack_format import truncate
from bot.texts import Texts
from bot.ui import blocks as bk
from storage.models import Commitment, CommitmentStatus, Committee

__all__ = ["Fail", "Send", "Skip", "Split", "render"]

CLOSED = (CommitmentStatus.DONE, CommitmentStatus.CANCELLED)
# A commitment's text as one line of the list: enough to recognise it, the card has the rest.
LINE_TEXT = 120
# Lines per section, well inside a section's 3,000 characters.
LINES_PER_SECTION = 12


@dataclass(frozen=True)
class Line:
    ref: str
    text: str
    old: date | None
    new: date
    why: str
    owned: bool


def render(svc: Services, row: Claimed) -> Outcome:
    """The outbox renderer for kind "plan_notice"."""
    if row.recipient is None:
        return Fail("no_recipient")
    items: list[dict[str, Any]] = list(row.payload.get("items") or [])
    with svc.db.read() as session:
        committee = session.get(Committee, row.committee_id or 0)
        if committee is None:
            return Skip("committee_gone")
        found = {c.id: c for c in commitment_service.get_many(session, [int(i["id"]) for i in items])}
        lines = [_line(found[int(i["id"])], i) for i in items if _still_open(found.get(int(i["id"])))]
        if not lines:
            return Skip("nothing_open")
        if _is_gone(svc, row.recipient):
            if row.payload.get("forwarded"):
                return Skip("recipient_gone")
            told = [p.slack_user_id for p in secretaries(committee) if p.slack_user_id != row.recipient]
            if not told:
                return Fail("no_recipient")
            forwarded = [{**i, "owned": False} for i in items]
            return Split([_child(row, s, forwarded) for s in told])
        text, blocks = _message(svc.texts, committee.code, lines)
        return Send(channel=row.recipient, text=text, blocks=blocks)


def _still_open(c: Commitment | None) -> bool:
    return c is not None and c.status not in CLOSED


def _line(c: Commitment, item: dict[str, Any]) -> Line:
    old = item.get("old")
    return Line(
        ref=c.reference,
        text=truncate(" ".join(c.text.split()), LINE_TEXT),
        old=date.fromisoformat(str(old)) if old else None,
        # The commitment's deadline now: a later change of the plan has its own notice, this one
        # must not name a date that no longer holds.
        new=c.deadline or date.fromisoformat(str(item["new"])),
        why=str(item.get("why") or ""),
        owned=bool(item.get("owned")),
    )


def _message(texts: Texts, code: str, lines: list[Line]) -> tuple[str, list[bk.Block]]:
    owned = sum(1 for line in lines if line.owned)
    unowned = [line for line in lines if not line.owned]
    out = [bk.section(texts.get_md("plan_notice_intro", code=code, owned=owned, unowned=len(unowned)))]
    groups: dict[tuple[str, date | None, date], list[Line]] = {}
    for line in lines:
        groups.setdefault((line.why, line.old, line.new), []).append(line)
    for (why, old, new), members in sorted(groups.items(), key=lambda g: (g[0][2], g[0][1] or g[0][2])):
        said = [texts.get_md("plan_notice_line", ref=m.ref, text=m.text, new=m.new, owned=m.owned) for m in members]
        heading = texts.get_md("plan_notice_heading", why=why, old=old, new=new)
        for start in range(0, len(said), LINES_PER_SECTION):
            chunk = said[start : start + LINES_PER_SECTION]
            out.append(bk.section("\n".join([heading, *chunk] if start == 0 else chunk)))
    out.append(bk.context(texts.get_md("plan_notice_footer", unowned_ref=unowned[0].ref if unowned else "")))
    return texts.get("plan_notice_fallback", code=code, count=len(lines)), out


def _child(row: Claimed, recipient: str, items: list[dict[str, Any]]) -> Planned:
    return Planned(
        key=f"{row.key}:to:{recipient}",
        kind=row.kind,
        due_at=row.due_at,
        committee_id=row.committee_id,
        recipient=recipient,
        payload={"items": items, "forwarded": True},
    )


def _is_gone(svc: Services, user_id: str) -> bool:
    user = svc.users.get(user_id)
    return user is None or user.deleted
