"""Modals: register or edit a commitment, report a delay, comment.

Block ids equal the field names that services use in their errors, so a
``ValidationFailed`` maps straight onto ``response_action: errors``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Protocol

from bot.services.commitments import CommitmentInput
from bot.slack_format import Mrkdwn, escaped_pieces
from bot.texts import Texts
from bot.ui import blocks as bk

NEW_CALLBACK = "commitment_new"
EDIT_CALLBACK = "commitment_edit"
DELAYED_CALLBACK = "status_delayed"
COMMENT_CALLBACK = "status_comment"
DEADLINE_ACTION = "deadline_input"
PREVIEW_BLOCK = "deadline_preview"

# Block id → action id of each input, for reading view.state.values.
FIELDS = {
    "text": "text_input",
    "committee": "committee_select",
    "owner": "owner_select",
    "owner_role": "owner_role_input",
    "deadline": DEADLINE_ACTION,
    "recurrence": "recurrence_input",
    "dnr": "dnr_input",
    "recommendation": "recommendation_input",
    "status": "status_select",
    "reason": "reason_input",
    "comment": "comment_input",
    "evidence_url": "evidence_input",
}

# What a text field of a form holds (Slack refuses a longer initial_value), and the fields of the
# edit form whose stored value can be longer: an imported text is kept whole, however long.
FIELD_HOLDS = bk.INPUT_MAX
LONG_FIELDS = ("text", "recommendation")
# How much of a text the form shows when it cannot offer it for editing.
KEPT_PREVIEW = 600


@dataclass
class ModalMeta:
    """What a modal remembers between opening and submitting (private_metadata)."""

    commitment_id: int | None = None
    source_permalink: str | None = None
    channel_id: str | None = None
    message_ts: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def dump(self) -> str:
        return json.dumps({k: v for k, v in asdict(self).items() if v not in (None, {})}, ensure_ascii=False)

    @classmethod
    def load(cls, raw: str | None) -> ModalMeta:
        data = bk.metadata(raw)
        known = {
            k: data[k] for k in ("commitment_id", "source_permalink", "channel_id", "message_ts", "extra") if k in data
        }
        return cls(**known)


def state_value(values: dict[str, Any], block_id: str, action_id: str | None = None) -> str:
    """The submitted value of one field, whatever its element type, as a string.

    `action_id` defaults to this module's FIELDS; other modals name their own.
    """
    element = (values.get(block_id) or {}).get(action_id or FIELDS.get(block_id, ""), {}) or {}
    kind = element.get("type")
    if kind in ("static_select", "external_select"):
        selected = element.get("selected_option") or {}
        return str(selected.get("value") or "")
    if kind == "users_select":
        return str(element.get("selected_user") or "")
    if kind == "datepicker":
        return str(element.get("selected_date") or "")
    return str(element.get("value") or "")


class CommitteeChoice(Protocol):
    """A committee the form offers: a service's plain choice (or a row, which has the same fields)."""

    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...


def committee_options(committees: Sequence[CommitteeChoice]) -> list[bk.Block]:
    return [bk.option(f"{c.code} – {c.name}", c.code) for c in committees]


def committee_select(
    action_id: str, committees: Sequence[CommitteeChoice], initial_code: str | None, placeholder: str
) -> bk.Block:
    """The committee picker: its options come as the person types (handlers.options), since a
    static select holds at most 100 and a municipality can have more; ``initial_code`` is
    preselected when it is among ``committees``, wherever it is in their order."""
    chosen = next((c for c in committees if initial_code and c.code == initial_code.upper()), None)
    initial = committee_options([chosen])[0] if chosen is not None else None
    return bk.external_select(action_id, initial, placeholder=placeholder)


def kept_fields(meta: ModalMeta) -> frozenset[str]:
    """The fields an edit form showed instead of offering, whose stored values a save keeps.

    The metadata is signed (bot.services.sealing), so this is what the bot itself wrote.
    """
    kept = meta.extra.get("kept")
    return frozenset(f for f in kept if f in LONG_FIELDS) if isinstance(kept, list) else frozenset()


def with_kept(typed: CommitmentInput, meta: ModalMeta, stored: Mapping[str, str]) -> CommitmentInput:
    """What was typed, with the stored value of each field the form did not offer (the form sent none)."""
    return replace(typed, **{f: stored[f] for f in kept_fields(meta) if f in stored})


def _kept_blocks(texts: Texts, field_name: str, value: str, reference: str | None) -> list[bk.Block]:
    """A stored text too long for a form's field, shown instead of offered: offered, it would be cut, and an
    unchanged save would then cut it in the database too (or be refused as too long)."""
    pieces = escaped_pieces(value, KEPT_PREVIEW)  # the beginning ends on a word, never inside an entity
    # Already escaped: kept Mrkdwn, so the template does not escape it twice.
    beginning = Mrkdwn(pieces[0] + ("…" if len(pieces) > 1 else ""))
    return [
        bk.section(
            texts.md("commitment_field_shown.md.j2", label=texts.get(f"field_{field_name}"), beginning=beginning),
            block_id=f"{field_name}_kept",
        ),
        bk.context(
            texts.md(
                "commitment_field_kept.md.j2", field=field_name, length=len(value), limit=FIELD_HOLDS, ref=reference
            )
        ),
    ]


def commitment_modal(
    texts: Texts,
    committees: Sequence[CommitteeChoice],
    prefill: CommitmentInput,
    meta: ModalMeta,
    *,
    editing: bool = False,
    preview: str | None = None,
    status_options: list[tuple[str, str]] | None = None,
    current_status: str | None = None,
    reference: str | None = None,
) -> bk.Block:
    """The register/edit modal, prefilled from ``prefill``.

    Editing (commitment ``reference``), a text or recommendation longer than a field holds is shown,
    not offered, as a routine's long body is; the metadata names it so that a save keeps it.
    """
    initial_committee = prefill.committee or (committees[0].code if len(committees) == 1 else None)
    kept = [f for f in LONG_FIELDS if editing and len(getattr(prefill, f)) > FIELD_HOLDS]
    extra = {k: v for k, v in meta.extra.items() if k != "kept"} | ({"kept": kept} if kept else {})
    meta = replace(meta, extra=extra)
    text_blocks = (
        _kept_blocks(texts, "text", prefill.text, reference)
        if "text" in kept
        else [
            bk.input_block(
                "text",
                texts.get("field_text"),
                bk.text_input(
                    FIELDS["text"],
                    multiline=True,
                    initial=prefill.text,
                    placeholder=texts.get("field_text_placeholder"),
                    max_length=FIELD_HOLDS,
                ),
            )
        ]
    )
    blocks: list[bk.Block] = [
        *text_blocks,
        bk.input_block(
            "committee",
            texts.get("field_committee"),
            committee_select(
                FIELDS["committee"], committees, initial_committee, texts.get("field_committee_placeholder")
            ),
        ),
        bk.input_block(
            "owner",
            texts.get("field_owner"),
            bk.users_select(FIELDS["owner"], prefill.owner_user_id, placeholder=texts.get("placeholder_person")),
            optional=True,
            # From a one-line registration whose @name no one has: left empty here, on purpose, is no owner.
            hint=texts.get("field_owner_not_found_hint", names=prefill.unknown_names)
            if prefill.unknown_names and not prefill.owner_user_id
            else None,
        ),
        bk.input_block(
            "owner_role",
            texts.get("field_owner_role"),
            bk.text_input(
                FIELDS["owner_role"],
                initial=prefill.owner_role,
                placeholder=texts.get("field_owner_role_placeholder"),
            ),
            optional=True,
        ),
        bk.input_block(
            "deadline",
            texts.get("field_deadline"),
            bk.text_input(
                FIELDS["deadline"],
                initial=prefill.deadline,
                placeholder=texts.get("field_deadline_placeholder"),
                dispatch_on_enter=True,
            ),
            optional=True,
            hint=texts.get("field_deadline_hint"),
            dispatch_action=True,
        ),
    ]
    if preview:
        blocks.append(bk.context(preview, block_id=PREVIEW_BLOCK))
    blocks += [
        bk.input_block(
            "recurrence",
            texts.get("field_recurrence"),
            bk.text_input(
                FIELDS["recurrence"],
                initial=prefill.recurrence,
                placeholder=texts.get("field_recurrence_placeholder"),
            ),
            optional=True,
        ),
        bk.input_block(
            "dnr",
            texts.get("field_dnr"),
            bk.text_input(FIELDS["dnr"], initial=prefill.dnr, placeholder=texts.get("field_dnr_placeholder")),
            optional=True,
        ),
    ]
    if "recommendation" in kept:
        blocks += _kept_blocks(texts, "recommendation", prefill.recommendation, reference)
    else:
        blocks.append(
            bk.input_block(
                "recommendation",
                texts.get("field_recommendation"),
                bk.text_input(
                    FIELDS["recommendation"],
                    multiline=True,
                    initial=prefill.recommendation,
                    max_length=FIELD_HOLDS,
                    placeholder=texts.get("placeholder_recommendation"),
                ),
                optional=True,
            )
        )
    if editing:
        if status_options:
            options = [bk.option(label, value) for value, label in status_options]
            blocks.append(
                bk.input_block(
                    "status",
                    texts.get("field_status"),
                    bk.static_select(
                        FIELDS["status"], options, current_status, placeholder=texts.get("placeholder_status")
                    ),
                )
            )
        blocks.append(
            bk.input_block(
                "reason",
                texts.get("field_edit_reason"),
                bk.text_input(FIELDS["reason"], multiline=True, placeholder=texts.get("placeholder_edit_reason")),
                optional=True,
                hint=texts.get("field_edit_reason_hint"),
            )
        )
    if prefill.source_permalink:
        blocks.append(bk.context(texts.md("modal_source.md.j2", url=prefill.source_permalink)))
    return bk.modal(
        EDIT_CALLBACK if editing else NEW_CALLBACK,
        texts.get("modal_edit" if editing else "modal_new"),
        blocks,
        submit=texts.get("btn_save"),
        close=texts.get("btn_cancel"),
        private_metadata=meta.dump(),
    )


def delayed_modal(texts: Texts, ref: str, meta: ModalMeta) -> bk.Block:
    return bk.modal(
        DELAYED_CALLBACK,
        texts.get("modal_delayed"),
        [
            bk.section(texts.md("modal_delayed_intro.md.j2", ref=ref)),
            bk.input_block(
                "deadline",
                texts.get("field_new_deadline"),
                bk.text_input(FIELDS["deadline"], placeholder=texts.get("field_deadline_placeholder")),
                hint=texts.get("field_deadline_hint"),
            ),
            bk.input_block(
                "reason",
                texts.get("field_reason"),
                bk.text_input(FIELDS["reason"], multiline=True, placeholder=texts.get("placeholder_delay_reason")),
            ),
        ],
        submit=texts.get("btn_save"),
        close=texts.get("btn_cancel"),
        private_metadata=meta.dump(),
    )


def comment_modal(texts: Texts, ref: str, meta: ModalMeta) -> bk.Block:
    return bk.modal(
        COMMENT_CALLBACK,
        texts.get("modal_comment"),
        [
            bk.section(texts.md("modal_comment_intro.md.j2", ref=ref)),
            bk.input_block(
                "comment",
                texts.get("field_comment"),
                bk.text_input(
                    FIELDS["comment"], multiline=True, max_length=2000, placeholder=texts.get("placeholder_comment")
                ),
            ),
            bk.input_block(
                "evidence_url",
                texts.get("field_evidence"),
                bk.text_input(FIELDS["evidence_url"], placeholder=texts.get("field_evidence_placeholder")),
                optional=True,
            ),
        ],
        submit=texts.get("btn_send"),
        close=texts.get("btn_cancel"),
        private_metadata=meta.dump(),
    )
