"""Every text a person reads follows docs/ordlista.md: none of its "not" words in a template or a Python text table.

Templates are read through Jinja's own lexer, so what is checked is the literal text and the string literals
of expressions (both can reach a reader), never a variable's or a macro's name. A string literal that is a
bare identifier ("deadline", "owner") is a stored value compared against, not a word anyone reads.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.texts import TEMPLATE_DIR, Texts
from tests.conftest import REPO

# The "not" column of docs/ordlista.md, as word-boundary patterns (case-insensitive): "rutinägare",
# "granskning" (the auditors' audit), "revisorerna" and "säkerhetskopia" are other words and do not match.
NOT_WORDS: dict[str, str] = {
    "ägare (use ansvarig)": r"\bäg(are|aren|arens|arna|arnas|er)\b",
    "deadline (use Klart senast / slutdatum)": r"\bdeadline\w*",
    "passerat datum (use har passerat slutdatumet)": r"\bpasserat (sitt )?datum\b",
    "flyttat datum (use nytt slutdatum)": r"\bflytta\w* datum\w*",
    "granska an import (use gå igenom)": r"\bgranska(|r|s|t|de)\b",
    "fynd (use förslag)": r"\bfynd\w*",
    "granskare/revisor as the firm (use revisionsbyrå)": r"\b(granskare\w*|revisor|revisorn|revisorns)\b",
    "ärendets titel (use ärendemening)": r"\bärendets titel\b",
    "uppföljningspaket (use uppföljningsrapport)": r"\buppföljningspaket\w*",
    "nämndmöte (use sammanträde)": r"\bnämndmöte\w*",
    "eskalering (use a message headed Obesvarat)": r"\beskaler\w*",
    "posta/hamnar (use publicera)": r"\b(post(a|ar|as|ade|ades|at|ats)|hamna|hamnar|hamnade)\b",
    "Redigera (use Ändra)": r"\bredigera\w*",
    "säkerhet (use träffsäkerhet)": r"\bsäkerhet\b",
    "08:30 (use kl. 08.30)": r"\b\d{1,2}:\d{2}\b",
    "boten (I say jag)": r"\bbot(en|ens)\b",
    "mötesplan/möteskalender (use sammanträdesplan)": r"\bmötes(plan|kalender)\w*",
    "standardvärde/default (use förval)": r"\b(standardvärde\w*|default)\b",
}

# Legitimate uses, each with its reason: (file, the exact text matched, why).
ALLOWED: set[tuple[str, str]] = {
    # The console's :tid command reads the clock the way a keyboard types it; that is input, not prose.
    ("strings.j2", "08:30"),
    ("console_help.txt.j2", "08:30"),
}

_IDENTIFIER = re.compile(r"[a-z0-9_]+")


def _template_texts(path: Path) -> Iterator[str]:
    """The pieces of a template a reader may see: literal text and string literals, not names or comments."""
    env = Texts().plain_env
    for _, kind, value in env.lex(path.read_text(encoding="utf-8"), path.name):
        if kind == "data":
            yield value
        elif kind == "string":
            text = str(value)[1:-1]  # the lexer keeps the quotes
            if not _IDENTIFIER.fullmatch(text):
                yield text


# Modules that once held texts for people and now read them from templates/: their string literals are checked
# like the templates', and they must hold no Swedish prose of their own any more.
PYTHON_TEXT_MODULES = ("bot/domain/reminder_policy.py", "bot/language/rrule_text.py")


def _python_texts(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and not _IDENTIFIER.fullmatch(node.value)
        ):
            yield node.value


def _manifest_texts() -> Iterator[str]:
    manifest = json.loads((REPO / "manifest.json").read_text(encoding="utf-8"))
    yield from manifest["display_information"].values()
    for command in manifest["features"]["slash_commands"]:
        yield command["description"]
        yield command["usage_hint"]
    for shortcut in manifest["features"]["shortcuts"]:
        yield shortcut["name"]
        yield shortcut.get("description", "")


def _sources() -> Iterator[tuple[str, str]]:
    for path in sorted(TEMPLATE_DIR.glob("*.j2")):
        for text in _template_texts(path):
            yield path.name, text
    for module in PYTHON_TEXT_MODULES:
        for text in _python_texts(REPO / module):
            yield module, text
    for text in _manifest_texts():
        yield "manifest.json", text


def _offences() -> list[str]:
    found = []
    for name, text in _sources():
        for concept, pattern in NOT_WORDS.items():
            for match in re.finditer(pattern, text, re.IGNORECASE):
                if (name, match.group(0)) not in ALLOWED:
                    found.append(f"{name}: ”{match.group(0)}” – {concept}")
    return found


def test_no_text_uses_a_word_the_glossary_rules_out() -> None:
    offences = _offences()
    assert not offences, "\n".join(offences)


@pytest.mark.parametrize(
    "text",
    ["Byt ägare", "klart före deadline", "har passerat datum", "Granska importen", "08:30", "boten svarar"],
)
def test_the_check_catches_each_kind_of_slip(text: str) -> None:
    assert any(re.search(p, text, re.IGNORECASE) for p in NOT_WORDS.values())


@pytest.mark.parametrize(
    "text", ["rutinägare", "revisorernas granskning", "säkerhetskopian", "Åtagandeboten", "kl. 08.30"]
)
def test_the_check_leaves_the_right_words_alone(text: str) -> None:
    assert not any(re.search(p, text, re.IGNORECASE) for p in NOT_WORDS.values())


_SWEDISH_PROSE = re.compile(r"[a-zåäö]+\s+[a-zåäö]+", re.IGNORECASE)


@pytest.mark.parametrize("module", PYTHON_TEXT_MODULES)
def test_texts_that_moved_to_templates_stay_there(module: str) -> None:
    # Codes and keys are single words ("FREQ", "MO"); prose is words with spaces between them.
    prose = [text for text in _python_texts(REPO / module) if _SWEDISH_PROSE.search(text)]
    assert prose == [], prose
