"""The command line speaks Swedish throughout: argparse's own headings and errors too, and every flag has help."""

from __future__ import annotations

import argparse
import re

import pytest

from bot.cli.main import _parser, main

# What argparse says of its own in English; none of it may reach a person using `atagande`.
ENGLISH = re.compile(
    r"usage|options|positional arguments|show this help|error|the following arguments are required|"
    r"invalid choice|choose from|unrecognized arguments|expected one argument|invalid int value|"
    r"COMMAND|ACTION|FILE|PATH|QUERY",
)


def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command line that names a (sub)command, the bare `atagande` first."""
    found = [path]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += commands(sub, (*path, name))
    return found


def parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found += parsers(sub)
    return found


def test_there_are_commands_to_check() -> None:
    assert {("db", "backup"), ("routines", "abbreviations", "set"), ("report",)} <= set(commands(_parser()))


@pytest.mark.parametrize("path", commands(_parser()), ids=lambda p: " ".join(p) or "atagande")
def test_help_is_swedish(path: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([*path, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("användning: atagande")
    assert "flaggor:" in out
    assert ENGLISH.findall(out) == []


def test_every_argument_and_command_has_help() -> None:
    missing = [
        f"{parser.prog} {action.dest}"
        for parser in parsers(_parser())
        for action in parser._actions
        if not action.help and not isinstance(action, argparse._SubParsersAction)
    ]
    subcommands = [
        f"{parser.prog} {choice.dest}"
        for parser in parsers(_parser())
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for choice in action._choices_actions
        if not choice.help
    ]
    assert missing + subcommands == []


@pytest.mark.parametrize(
    ("argv", "meaning"),
    [
        ([], "KOMMANDO"),  # no command at all
        (["nope"], "nope"),  # a command there is none of
        (["db", "upgrade", "--bogus"], "--bogus"),  # a flag there is none of
        (["report"], "--committee"),  # a required flag left out
        (["db"], "ÅTGÄRD"),
        (["db", "backup"], "FIL"),
        (["outbox", "retry", "x"], "”x”"),  # not a number
        (["run", "--mode", "ftp"], "ftp"),
        (["extract", "a.pdf", "--date"], "--date"),  # a flag without its value
    ],
)
def test_a_bad_invocation_is_answered_in_swedish(
    argv: list[str], meaning: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("användning: atagande")
    last = err.strip().splitlines()[-1]
    assert re.match(r"atagande( \w+)*: fel: ", last), last
    assert meaning in last  # what was wrong is named
    assert ENGLISH.findall(err) == []
