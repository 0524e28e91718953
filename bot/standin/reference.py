"""Reading Slack's full Web API reference (slack-ruby/slack-api-ref's ``methods/`` folder).

``SlackStandIn(reference_dir=...)`` checks every call's arguments against this
instead of the compact table in ``api_spec``; the reference-agreement test uses
it to prove the table right.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bot.standin.api_spec import METHODS, ArgGroup, MethodSpec


def reference_type(raw: Any) -> str:
    """The reference's ``type`` as the table writes it: lists joined by ``|``, none as ``""``."""
    if raw is None:
        return ""
    if isinstance(raw, list):
        return "|".join(str(item) for item in raw)
    return str(raw)


def spec_from_reference(data: dict[str, Any]) -> MethodSpec:
    """A ``MethodSpec`` from one ``methods/<group>/<method>.json`` document.

    Scopes and token type are not in the reference; they come from the embedded
    table when the stand-in implements the method.
    """
    name = str(data["name"])
    args: dict[str, Any] = data.get("args") or {}
    required = {arg: reference_type(info.get("type")) for arg, info in args.items() if info.get("required")}
    optional = {arg: reference_type(info.get("type")) for arg, info in args.items() if not info.get("required")}
    groups = tuple(
        ArgGroup(
            args=tuple(group["args"]),
            mutually_exclusive=bool(group.get("mutually_exclusive", False)),
            required=bool(group.get("required", True)),
        )
        for group in data.get("arg_groups") or ()
    )
    known = METHODS.get(name)
    return MethodSpec(
        name=name,
        required=required,
        optional=optional,
        arg_groups=groups,
        scopes=known.scopes if known else (),
        token_type=known.token_type if known else "bot",
    )


def load_reference(directory: Path) -> dict[str, MethodSpec]:
    """Every method in the reference folder ``directory`` (the one holding ``methods/``).

    Raises:
        FileNotFoundError: ``directory/methods`` does not exist.
    """
    methods_dir = directory / "methods"
    if not methods_dir.is_dir():
        raise FileNotFoundError(f"no Slack API reference at {methods_dir}")
    specs: dict[str, MethodSpec] = {}
    for path in sorted(methods_dir.rglob("*.json")):
        # _errors/ holds shared error texts and _patches/ fragments already merged
        # into the method files; neither describes a method.
        if {"_errors", "_patches"} & set(path.relative_to(methods_dir).parts):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "name" in data:
            spec = spec_from_reference(data)
            specs[spec.name] = spec
    return specs
