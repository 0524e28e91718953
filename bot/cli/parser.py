"""argparse in Swedish: the parser every ``atagande`` command and subcommand is built with.

argparse writes its headings ("usage:", "options:") and its errors ("the following arguments are
required: …") in English. :class:`SwedishParser` gives them Swedish words from ``templates/``: its
headings and help flag are set when it is made, its usage line through :class:`SwedishFormatter`, and
its errors by matching argparse's English sentence (which argparse offers no other way to change) in
:func:`swedish_error`. Subparsers are made with the parent's class, so one class covers every command.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from bot.texts import Texts


@cache
def _texts() -> Texts:
    from bot.texts import Texts

    return Texts()


def metavar(name: str) -> str:
    """The Swedish name of a value a flag takes, in capitals (``FIL``, ``KOD``)."""
    return _texts().get("cli_metavar", name=name)


def _unquoted(value: str) -> str:
    """A value as the person typed it: argparse shows it as Python's repr, quotes included."""
    return value[1:-1] if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"" else value


def _choices(listed: str) -> str:
    return ", ".join(_unquoted(choice.strip()) for choice in listed.split(","))


# argparse's English errors (Python 3.11's wording) and the template key of each one's Swedish.
_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), key)
    for pattern, key in (
        (r"the following arguments are required: (?P<names>.+)", "cli_args_required"),
        (r"unrecognized arguments: (?P<names>.+)", "cli_args_unknown"),
        (r"invalid choice: (?P<value>.+) \(choose from (?P<choices>.+)\)", "cli_args_bad_choice"),
        (r"expected one argument", "cli_args_one"),
        (r"expected at most one argument", "cli_args_at_most_one"),
        (r"expected at least one argument", "cli_args_at_least_one"),
        (r"expected (?P<count>\d+) arguments?", "cli_args_count"),
        (r"invalid (?P<type>\w+) value: (?P<value>.+)", "cli_args_bad_value"),
        (r"not allowed with argument (?P<other>.+)", "cli_args_not_with"),
        (r"ignored explicit argument (?P<value>.+)", "cli_args_ignored"),
        (r"one of the arguments (?P<names>.+) is required", "cli_args_one_of"),
        (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)", "cli_args_ambiguous"),
    )
)
_ARGUMENT = re.compile(r"argument (?P<name>[^:]+): (?P<message>.+)", re.DOTALL)


def swedish_error(message: str) -> str:
    """argparse's error ``message`` in Swedish; one it does not know is kept as it is."""
    texts = _texts()
    about = _ARGUMENT.fullmatch(message)
    if about is not None:
        return texts.get("cli_args_argument", name=about["name"], message=swedish_error(about["message"]))
    for pattern, key in _ERRORS:
        found = pattern.fullmatch(message)
        if found is not None:
            params = found.groupdict()
            if "value" in params:
                params["value"] = _unquoted(params["value"])
            if "choices" in params:
                params["choices"] = _choices(params["choices"])
            return texts.get(key, **params)
    return message


class SwedishFormatter(argparse.HelpFormatter):
    """Help whose usage line begins "användning:"."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, _texts().get("cli_usage") + " " if prefix is None else prefix)


class SwedishParser(argparse.ArgumentParser):
    """An ArgumentParser whose headings, help flag and errors are Swedish."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", SwedishFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        texts = _texts()
        self._positionals.title = texts.get("cli_positionals")
        self._optionals.title = texts.get("cli_optionals")
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=texts.get("cli_help_help"))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, _texts().get("cli_error", prog=self.prog, message=swedish_error(message)) + "\n")
