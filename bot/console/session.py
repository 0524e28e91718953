"""One console session: read a line, act as a Slack user would, print what changed.

Lines (documented in ``templates/console_help.txt.j2``):
``/kommando text``, ``:som NAMN``, ``:kanal NAMN``, ``:klicka ETIKETT``,
``:fyll FÄLT=VÄRDE``, ``:fyll NR FÄLT=VÄRDE``, ``:skicka``, ``:stäng``, ``:hem``, ``:genväg``,
``:registrera``, ``:dela FIL``, ``:tid YYYY-MM-DD HH:MM``, ``:vem``, ``:hjälp``, ``:avsluta``;
any other text is a message posted in the current channel.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TextIO

from bot.app.local_slack import LocalBot
from bot.clock import ManualClock
from bot.console import numbered, pressing
from bot.console.identities import channel_id_for, user_id_for
from bot.console.waiting import settle_patiently
from bot.standin.render import render_blocks
from bot.standin.user_side import Where
from bot.standin.workspace import Channel, Message, View
from bot.texts import Texts
from handlers.commands import COMMAND
from handlers.routines import COMMAND as ROUTINE_COMMAND

# The app's slash commands, as manifest.json declares them.
SLASH_COMMANDS = (COMMAND, ROUTINE_COMMAND)
NEW_COMMITMENT_SHORTCUT = "new_commitment"
MESSAGE_SHORTCUT = "register_from_message"
# The years :tid accepts: the schedules look weeks and years ahead of the clock, and Python's dates end at 9999.
MIN_YEAR = 1970
MAX_YEAR = 9000
# ":fyll 2 Importera=nej": a field of the modal's item 2 (see bot/console/numbered.py).
_NUMBERED_FILL = re.compile(r"^(\d+)\s+([^=]+)=(.*)$")


class ConsoleSession:
    """Drives a :class:`LocalBot` as one person at a time."""

    def __init__(
        self, bot: LocalBot, clock: ManualClock, texts: Texts, out: TextIO, *, user: str, channel: str
    ) -> None:
        self.bot = bot
        self.slack = bot.slack
        self.clock = clock
        self.texts = texts
        self.out = out
        self.user = user
        self.channel = channel
        # What each user has already been shown: (channel id, ts) → rendered text.
        self._seen: dict[str, dict[tuple[str, str], str]] = {}
        self._seen_view: dict[str, str] = {}
        # The Home tab (id and hash) last printed to each user: a click on Home that publishes it anew prints it.
        self._seen_home: dict[str, str] = {}
        # What was printed to each user, oldest first (a message printed again moves to the end):
        # ``:klicka`` presses in the latest of these, as a person clicks in what they just read.
        self._printed: dict[str, dict[tuple[str, str], Where]] = {}
        self._commands: dict[str, Callable[[str], bool]] = {
            "som": self._as,
            "kanal": self._move,
            "klicka": self._click,
            "fyll": self._fill,
            "skicka": self._submit,
            "stang": self._close,
            "stäng": self._close,
            "hem": self._home,
            "genvag": self._global_shortcut,
            "genväg": self._global_shortcut,
            "registrera": self._message_shortcut,
            "dela": self._share_file,
            "tid": self._time,
            "vem": self._who,
            "hjalp": self._help,
            "hjälp": self._help,
            "avsluta": lambda _arg: False,
            "quit": lambda _arg: False,
        }
        self.ensure_user(user)
        self.ensure_channel(channel)

    # -- the workspace ---------------------------------------------------------------------

    def ensure_user(self, name: str, *, is_admin: bool = False, real_name: str | None = None) -> None:
        if self.slack.workspace.find_user(name) is None:
            self.slack.add_user(name, real_name=real_name, is_admin=is_admin, user_id=user_id_for(name))
        for channel in self.slack.workspace.channels.values():
            if not channel.is_im and not channel.is_private:
                self.slack.workspace.join(channel, name)

    def ensure_channel(self, name: str) -> Channel:
        name = name.removeprefix("#")
        channel = self.slack.workspace.find_channel(name)
        if channel is None:
            members = [u for u in self.slack.workspace.users.values() if not u.is_bot]
            channel = self.slack.add_channel(name, members=members, channel_id=channel_id_for(name))
        return channel

    # -- the loop --------------------------------------------------------------------------

    def prompt(self) -> str:
        return f"{self.user}@#{self.channel}> "

    def handle(self, line: str) -> bool:
        """Act on one line; False when the session should end."""
        line = line.strip()
        if not line or line.startswith("#"):
            return True
        try:
            if line.startswith(":"):
                word, _, arg = line[1:].partition(" ")
                command = self._commands.get(word.casefold())
                if command is None:
                    self._say("console_unknown", word=word)
                    return True
                keep_going = command(arg.strip())
            elif line.startswith("/"):
                command_name, _, text = line.partition(" ")
                if command_name.casefold() not in SLASH_COMMANDS:
                    # Slack itself answers a command no app has; nothing reaches the bot.
                    self._say("console_unknown_command", command=command_name, commands=" och ".join(SLASH_COMMANDS))
                    return True
                command_name = command_name.casefold()
                interaction = self.slack.slash_command(self.user, self.channel, command_name, text)
                self._after(interaction.acked)
                keep_going = True
            else:
                self.slack.post_user_message(self.user, self.channel, line)
                self._after(True)
                keep_going = True
        except (LookupError, ValueError) as exc:
            self._say("console_cannot", reason=str(exc).split(";")[0])
            return True
        return keep_going

    def _settle(self) -> None:
        settle_patiently(self.bot, self._say)

    def _after(self, acked: bool = True) -> None:
        self._settle()
        if not acked:
            self._say("console_no_ack")
        self.show_changes()

    # -- output ----------------------------------------------------------------------------

    def _say(self, key: str, **params: object) -> None:
        print(self.texts.get(key, **params), file=self.out)

    def _visible_channels(self) -> list[Channel]:
        channels = [self.slack.channel(self.channel)]
        dm = self.slack.dm(self.user)
        if dm.id != channels[0].id:
            channels.append(dm)
        return channels

    def show_changes(self, *, include_old: bool = False) -> None:
        """Print messages the current user has not seen (or that changed), and a new modal."""
        seen = self._seen.setdefault(self.user, {})
        me = self.slack.user(self.user).id
        for channel in self._visible_channels():
            for message in self.slack.visible_messages(self.user, channel.id):
                rendered = self.slack.render_message(message)
                key = (channel.id, message.ts)
                if seen.get(key) == rendered:
                    continue
                first_time = key not in seen
                seen[key] = rendered
                if message.user == me and first_time and not include_old:
                    continue  # the user's own message: they just typed it
                self._print_message(channel, message, rendered)
        view = self.slack.open_view(self.user)
        self._print_view(view)

    def _print_message(self, channel: Channel, message: Message, rendered: str) -> None:
        where = self.texts.get("console_in_dm") if channel.is_im else f"#{channel.name}"
        print(f"── {where} " + "─" * max(4, 60 - len(where)), file=self.out)
        print(rendered, file=self.out)
        self._remember_printed((message.channel, message.ts), message)

    def _remember_printed(self, key: tuple[str, str], where: Where) -> None:
        printed = self._printed.setdefault(self.user, {})
        printed.pop(key, None)
        printed[key] = where

    def _print_view(self, view: View | None) -> None:
        """Print the modal when the bot opened, changed or answered it (not for the user's own typing)."""
        key = f"{view.id}:{view.hash}:{sorted((view.errors or {}).items())}" if view is not None else ""
        if key == self._seen_view.get(self.user, ""):
            return
        self._seen_view[self.user] = key
        if view is not None:
            print(self.slack.render_view(view), file=self.out)
            self._numbered_tip(view)
        else:
            self._say("console_modal_closed")

    def _numbered_tip(self, view: View) -> None:
        """Under a modal with numbered items: how to fill a field of one, with the first item's fields."""
        items = numbered.items(view.blocks)
        if not items:
            return
        first = min(items)
        examples = " · ".join(f":fyll {first} {f.name}={numbered.example_value(f)}" for f in items[first])
        self._say("console_numbered_tip", examples=examples)

    # -- commands --------------------------------------------------------------------------

    def _as(self, name: str) -> bool:
        if not name:
            self._say("console_need_name")
            return True
        self.ensure_user(name)
        self.user = name
        self._say("console_now_as", user=name)
        self.show_changes(include_old=True)
        return True

    def _move(self, name: str) -> bool:
        if not name:
            self._say("console_need_name")
            return True
        channel = self.ensure_channel(name)
        self.slack.workspace.join(channel, self.user)
        self.channel = channel.name
        self._say("console_now_in", channel=channel.name)
        self.show_changes(include_old=True)
        return True

    def _click(self, label: str) -> bool:
        """Press the button with this label in the latest thing the user saw.

        That is the open modal, else what was printed to this user, newest first
        (messages in any channel or the DM, and App Home); a message printed again
        after a change counts from then. Unprinted messages are never pressed.
        """
        places: list[Where] = []
        if self.slack.open_view(self.user) is not None:
            places.append("modal")
        places.extend(reversed(self._printed.get(self.user, {}).values()))
        # "Markera som klart BUN-7": the button of BUN-7 where a message lists several commitments.
        button, block_ids = pressing.button_and_blocks(self.bot.svc, label)
        # "Nästa sida" for "Nästa sida ▶": the arrows are hard to type
        for where, block_id, text in itertools.product(places, block_ids, (button, f"{button} ▶", f"◀ {button}")):
            try:
                interaction = self.slack.click_button(self.user, where, text, block_id=block_id)
            except LookupError:
                continue
            self._after(interaction.acked)
            if where == "home":
                self._print_home(only_if_new=True)
            return True
        self._say("console_no_button", label=label)
        return True

    def _no_modal(self) -> bool:
        if self.slack.open_view(self.user) is None:
            self._say("console_no_modal")
            return True
        return False

    def _fill(self, arg: str) -> bool:
        view = self.slack.open_view(self.user)
        if view is None:
            self._say("console_no_modal")
            return True
        by_number = _NUMBERED_FILL.match(arg)
        if by_number:
            return self._fill_item(view, int(by_number.group(1)), by_number.group(2).strip(), by_number.group(3))
        field, sep, value = arg.partition("=")
        if not sep:
            self._say("console_fill_usage")
            return True
        if numbered.is_shared_label(view.blocks, field):
            first = min(n for n in numbered.items(view.blocks) if numbered.find(view.blocks, n, field))
            target = numbered.find(view.blocks, first, field)
            typed = numbered.example_value(target) if target else "…"
            self._say("console_fill_which", field=field.strip(), example=f":fyll {first} {field.strip()}={typed}")
            return True
        target, names = numbered.named(view.blocks, field)
        if target is None:
            self._say("console_no_such_field", field=field.strip(), fields=", ".join(f"”{n}”" for n in names))
            return True
        if self._enter(view, None, target, value):
            self._after(True)
        return True

    def _enter(self, view: View, number: int | None, target: numbered.Field, typed: str) -> bool:
        """Fill ``target`` (of item ``number``, if any) with what was typed; False, and why, when it cannot be."""
        typed = typed.strip()
        if target.kind in ("users_select", "multi_users_select") and self.slack.workspace.find_user(typed) is None:
            self._say("console_no_user", name=typed.removeprefix("@"))
            return False
        value = numbered.value_for(number, target, typed, view.state)
        external = target.kind == "external_select"
        if external:  # its options come from the app, for what was typed
            value = numbered.external_pick(typed, partial(self.slack.suggestions, self.user, target.block_id))
        if isinstance(value, numbered.Refusal):
            self._say(value.key, **value.params)
            return False
        self.slack.fill(self.user, target.block_id, value, typed=typed if external else None, block_id=target.block_id)
        return True

    def _fill_item(self, view: View, number: int, name: str, typed: str) -> bool:
        """``:fyll 2 Importera=nej``: a field of item 2 of the modal, then that item as it now stands."""
        items = numbered.items(view.blocks)
        if number not in items:
            self._say("console_no_number", number=str(number), numbers=", ".join(str(n) for n in items))
            return True
        target = numbered.find(view.blocks, number, name)
        if target is None:
            fields = ", ".join(f"”{f.name}”" for f in items[number])
            self._say("console_no_field", number=str(number), field=name, fields=fields)
            return True
        if not self._enter(view, number, target, typed):
            return True
        self._settle()
        now = self.slack.open_view(self.user)
        if now is not None:
            shown = {id(f.block): f.block for f in numbered.items(now.blocks).get(number, [])}
            lines = render_blocks(
                list(shown.values()), state=now.state, errors=now.errors, workspace=self.slack.workspace
            )
            print("\n".join(f"│ {line}".rstrip() for line in lines), file=self.out)
        self.show_changes()
        return True

    def _submit(self, _arg: str) -> bool:
        if self._no_modal():
            return True
        interaction = self.slack.submit_view(self.user)
        if interaction.ack is None and interaction.client_errors:
            self._say("console_required_missing")
        self._after(True)
        return True

    def _close(self, _arg: str) -> bool:
        if self._no_modal():
            return True
        self.slack.close_view(self.user)
        self._after(True)
        return True

    def _home(self, _arg: str) -> bool:
        self.slack.open_home(self.user)
        self._settle()
        self._print_home(only_if_new=False)
        return True

    def _print_home(self, *, only_if_new: bool) -> None:
        """Print the user's Home tab; ``only_if_new``: only when the bot published it since it was last printed."""
        home = self.slack.home(self.user)
        published = f"{home.id}:{home.hash}" if home is not None else ""
        if home is None or (only_if_new and self._seen_home.get(self.user) == published):
            return
        self._seen_home[self.user] = published
        print(self.slack.render_view(home), file=self.out)
        self._remember_printed(("home", ""), "home")

    def _global_shortcut(self, _arg: str) -> bool:
        self.slack.global_shortcut(self.user, NEW_COMMITMENT_SHORTCUT)
        self._after(True)
        return True

    def _message_shortcut(self, _arg: str) -> bool:
        """Run "Registrera som åtagande" on the latest message a person wrote in this channel."""
        channel = self.slack.channel(self.channel)
        people = [m for m in self.slack.visible_messages(self.user, channel.id) if not m.bot_id and not m.is_ephemeral]
        if not people:
            self._say("console_no_message")
            return True
        self.slack.message_shortcut(self.user, channel.id, people[-1].ts, MESSAGE_SHORTCUT)
        self._after(True)
        return True

    def _share_file(self, arg: str) -> bool:
        """Share a file from this computer in the DM with the bot, as a person drags it into Slack."""
        path = Path(arg.strip().strip('"')).expanduser()
        if not arg.strip() or not path.is_file():
            self._say("console_file_missing", path=arg.strip())
            return True
        try:
            content = path.read_bytes()
        except OSError as exc:
            self._say("console_cannot", reason=exc.strerror or str(exc))
            return True
        self.slack.upload_file(self.user, self.slack.dm(self.user), path.name, content)
        self._after(True)
        return True

    def _time(self, arg: str) -> bool:
        try:
            moment = datetime.strptime(arg.strip(), "%Y-%m-%d %H:%M")
        except ValueError:
            try:
                moment = datetime.strptime(arg.strip(), "%Y-%m-%d")
            except ValueError:
                self._say("console_time_usage")
                return True
        if not MIN_YEAR <= moment.year <= MAX_YEAR:
            self._say("console_time_out_of_range", first=str(MIN_YEAR), last=str(MAX_YEAR))
            return True
        self.clock.set(moment.replace(tzinfo=self.clock.tz))
        self._say("console_time_now", when=self.clock.now())
        self.bot.run_due()
        self.show_changes()
        return True

    def _who(self, _arg: str) -> bool:
        self._say(
            "console_who",
            user=self.user,
            channel=self.channel,
            when=self.clock.now().strftime("%Y-%m-%d %H:%M"),
        )
        return True

    def _help(self, _arg: str) -> bool:
        print(self.texts.plain("console_help.txt.j2"), file=self.out)
        return True
