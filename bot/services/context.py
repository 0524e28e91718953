"""Everything a request needs, built once per process and shared by handlers."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field

from bot.clock import Clock
from bot.config import Settings
from bot.services.channels import ChannelAccess
from bot.services.import_runs import LiveImports
from bot.services.people import Actor, UserDirectory, actor_for
from bot.services.routine_library import RoutineLibrary
from bot.services.sealing import MetadataSeal
from bot.services.search import CommitmentIndex
from bot.texts import Texts
from storage.db import Database, DatabaseBusy, lock_wait

# DatabaseBusy is exported for the listeners, which do not import storage.
__all__ = ["PERSON_LOCK_WAIT_S", "DatabaseBusy", "Services"]

# How long work a person waits for (a listener) waits for another connection's write lock. A
# submission is checked and saved before its ack, which Slack wants within 3 s; 2 s of waiting
# still leaves the ack time to show the busy sentence, and writes here take milliseconds, so a
# wait that long means the lock is held by something slow (an import, a tool), not by traffic.
PERSON_LOCK_WAIT_S = 2.0


@dataclass
class Services:
    """The application's shared objects (database, clock, texts, Slack users)."""

    settings: Settings
    db: Database
    clock: Clock
    texts: Texts
    users: UserDirectory
    # Makes the bot a member of a channel bound to a committee (bot/slack/channels.py).
    channels: ChannelAccess
    index: CommitmentIndex = field(default_factory=CommitmentIndex)
    routines: RoutineLibrary = field(default_factory=RoutineLibrary)
    # The imports this process is reading now (their leases are renewed by the timer).
    live_imports: LiveImports = field(default_factory=LiveImports)
    # Set by the wiring: asks for a user's App Home to be republished soon.
    request_home: Callable[[str], None] = field(default=lambda _user_id: None)
    # Set by the wiring: asks the timer to send what the outbox holds now rather than at its next
    # minute (an import's summary and cards, which a person who just confirmed is waiting to see).
    send_soon: Callable[[], None] = field(default=lambda: None)
    # Set by the wiring: True when no App Home is waiting to be republished (the stand-in's settle asks).
    home_idle: Callable[[], bool] = field(default=lambda: True)
    # Set by the wiring: ends the Home refresher's worker (a bot stopped inside a running process).
    stop_home: Callable[[], None] = field(default=lambda: None)
    # Signs what modals carry in private_metadata (keyed from the settings' secret).
    seal: MetadataSeal = field(init=False)

    def __post_init__(self) -> None:
        self.seal = MetadataSeal.for_settings(self.settings)

    def __deepcopy__(self, memo: dict[int, object]) -> Services:
        # Bolt deep-copies the request context for lazy listeners; the shared
        # services (engine, caches, locks) must stay one object per process.
        return self

    def person_waiting(self) -> AbstractContextManager[None]:
        """Writes inside wait at most PERSON_LOCK_WAIT_S for the write lock, then raise DatabaseBusy."""
        return lock_wait(PERSON_LOCK_WAIT_S)

    def actor(self, user_id: str) -> Actor:
        return actor_for(user_id, self.users, self.settings.admins)
