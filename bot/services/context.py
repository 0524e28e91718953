"""Everything a request needs, built once per process and shared by handlers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bot.clock import Clock
from bot.config import Settings
from bot.services.people import Actor, UserDirectory, actor_for
from bot.services.routine_library import RoutineLibrary
from bot.services.sealing import MetadataSeal
from bot.services.search import CommitmentIndex
from bot.texts import Texts
from storage.db import Database


@dataclass
class Services:
    """The application's shared objects (database, clock, texts, Slack users)."""

    settings: Settings
    db: Database
    clock: Clock
    texts: Texts
    users: UserDirectory
    index: CommitmentIndex = field(default_factory=CommitmentIndex)
    routines: RoutineLibrary = field(default_factory=RoutineLibrary)
    # Set by the wiring: asks for a user's App Home to be republished soon.
    request_home: Callable[[str], None] = field(default=lambda _user_id: None)
    # Set by the wiring: True when no App Home is waiting to be republished (the stand-in's settle asks).
    home_idle: Callable[[], bool] = field(default=lambda: True)
    # Signs what modals carry in private_metadata (keyed from the settings' secret).
    seal: MetadataSeal = field(init=False)

    def __post_init__(self) -> None:
        self.seal = MetadataSeal.for_settings(self.settings)

    def __deepcopy__(self, memo: dict[int, object]) -> Services:
        # Bolt deep-copies the request context for lazy listeners; the shared
        # services (engine, caches, locks) must stay one object per process.
        return self

    def actor(self, user_id: str) -> Actor:
        return actor_for(user_id, self.users, self.settings.admins)
