"""The first import modal: pick a file shared with the bot, or paste the text."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from bot.texts import Texts
from bot.ui import blocks as bk

IMPORT_CALLBACK = "import_start"
FILE_BLOCK = "import_file"
FILE_ACTION = "import_file_select"
TEXT_BLOCK = "import_text"
TEXT_ACTION = "import_text_input"
# Slack's limit for a plain_text_input; longer answers are shared as files.
PASTE_LIMIT = 3000
READABLE = (".pdf", ".docx", ".txt", ".text", ".md")


@dataclass(frozen=True)
class SharedFile:
    id: str
    name: str
    created: int


def readable_files(files: list[dict[str, Any]]) -> list[SharedFile]:
    """Files from ``files.list`` that could be audit answers, newest first."""
    found = [
        SharedFile(str(f["id"]), str(f.get("name") or f.get("title") or f["id"]), int(f.get("created") or 0))
        for f in files
        if f.get("id") and str(f.get("name") or "").lower().endswith(READABLE)
    ]
    return sorted(found, key=lambda f: -f.created)


def import_modal(texts: Texts, files: list[SharedFile], committee: str | None) -> bk.Block:
    blocks: list[bk.Block] = [bk.section(texts.md("import_modal_intro.md.j2", any_files=bool(files)))]
    if files:
        options = [bk.option(f.name, f.id) for f in files[:100]]
        blocks.append(
            bk.input_block(
                FILE_BLOCK,
                texts.get("import_file_label"),
                bk.static_select(FILE_ACTION, options, placeholder=texts.get("placeholder_file")),
                optional=True,
            )
        )
    blocks.append(
        bk.input_block(
            TEXT_BLOCK,
            texts.get("import_text_label"),
            bk.text_input(
                TEXT_ACTION, multiline=True, max_length=PASTE_LIMIT, placeholder=texts.get("placeholder_pasted_answer")
            ),
            optional=True,
            hint=texts.get("import_text_hint", limit=PASTE_LIMIT),
        )
    )
    return bk.modal(
        IMPORT_CALLBACK,
        texts.get("modal_import"),
        blocks,
        submit=texts.get("btn_read"),
        close=texts.get("btn_cancel"),
        private_metadata=json.dumps({"committee": committee} if committee else {}),
    )


def read_import_modal(values: dict[str, Any]) -> tuple[str | None, str]:
    """(file id or None, pasted text)."""
    selected = ((values.get(FILE_BLOCK) or {}).get(FILE_ACTION) or {}).get("selected_option") or {}
    text = ((values.get(TEXT_BLOCK) or {}).get(TEXT_ACTION) or {}).get("value") or ""
    return (str(selected["value"]) if selected.get("value") else None), str(text)
