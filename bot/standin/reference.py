"""Reading Slack's full Web API reference (slack-ruby/slack-api-ref's ``methods/`` folder).

The stand-in does not read the reference when it runs: ``method_table`` condenses
what it needs (the arguments of the methods it implements, and the names of all
others) into ``slack_methods.json``, which ``python -m tools.slack_reference``
writes and the reference-agreement test compares with a fresh condensation.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

TABLE_FILE = "slack_methods.json"
"""The generated table, a resource of the ``bot.standin`` package."""

SOURCE = (
    "Generated from Slack's Web API reference as scraped by slack-ruby/slack-api-ref "
    "(https://github.com/slack-ruby/slack-api-ref, MIT licence), methods/<group>/<method>.json. "
    "Regenerate with: python -m tools.slack_reference PATH_TO_SLACK_API_REF"
)


def reference_type(raw: Any) -> str:
    """The reference's ``type`` as the table writes it: lists joined by ``|``, none as ``""``."""
    if raw is None:
        return ""
    if isinstance(raw, list):
        return "|".join(str(item) for item in raw)
    return str(raw)


def method_facts(data: dict[str, Any]) -> dict[str, Any]:
    """The argument facts of one ``methods/<group>/<method>.json`` document, as the table keeps them."""
    args: dict[str, Any] = data.get("args") or {}
    return {
        "required": {arg: reference_type(info.get("type")) for arg, info in args.items() if info.get("required")},
        "optional": {arg: reference_type(info.get("type")) for arg, info in args.items() if not info.get("required")},
        "arg_groups": [
            {
                "args": list(group["args"]),
                "mutually_exclusive": bool(group.get("mutually_exclusive", False)),
                "required": bool(group.get("required", True)),
            }
            for group in data.get("arg_groups") or ()
        ],
    }


def load_reference(directory: Path) -> dict[str, dict[str, Any]]:
    """Every method in the reference folder ``directory`` (the one holding ``methods/``), by name.

    Raises:
        FileNotFoundError: ``directory/methods`` does not exist.
    """
    methods_dir = directory / "methods"
    if not methods_dir.is_dir():
        raise FileNotFoundError(f"no Slack API reference at {methods_dir}")
    documents: dict[str, dict[str, Any]] = {}
    for path in sorted(methods_dir.rglob("*.json")):
        # _errors/ holds shared error texts and _patches/ fragments already merged
        # into the method files; neither describes a method.
        if {"_errors", "_patches"} & set(path.relative_to(methods_dir).parts):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "name" in data:
            documents[str(data["name"])] = data
    return documents


def method_table(directory: Path, implemented: Iterable[str]) -> dict[str, Any]:
    """The stand-in's table: the facts of the ``implemented`` methods, and every other method's name.

    Raises:
        FileNotFoundError: there is no reference at ``directory``.
        KeyError: an implemented method is not in the reference.
    """
    documents = load_reference(directory)
    wanted = sorted(set(implemented))
    missing = [name for name in wanted if name not in documents]
    if missing:
        raise KeyError(f"not in Slack's reference: {', '.join(missing)}")
    return {
        "source": SOURCE,
        "methods": {name: method_facts(documents[name]) for name in wanted},
        "other_methods": sorted(set(documents) - set(wanted)),
    }


def render_table(table: dict[str, Any]) -> str:
    """The table as it is stored: stable key order, one argument per line, a final newline."""
    return json.dumps(table, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
