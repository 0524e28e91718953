"""Shared fixtures: a migrated database per test, on SQLite or PostgreSQL.

By default every test gets its own SQLite file, copied from one migrated
template. With ``ATAGANDE_TEST_DATABASE_URL`` set (``.ci/run`` does), the same
tests run on that PostgreSQL database, emptied between tests.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from bot.clock import ManualClock
from storage.db import Database
from storage.migrate import upgrade
from storage.models import Base

REPO = Path(__file__).resolve().parents[1]
# Real audit documents, copied into the repository (see its README for their source).
SAMPLES = REPO / "tests" / "data" / "samples"
STOCKHOLM = ZoneInfo("Europe/Stockholm")
PG_URL = os.environ.get("ATAGANDE_TEST_DATABASE_URL", "").strip()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark ``db`` every test that gets a database (``database_url``, directly or through ``db`` or a
    scenario's ``world``): the PostgreSQL run in ``.ci/run`` takes only these (``-m db``)."""
    for item in items:
        if "database_url" in getattr(item, "fixturenames", ()) or item.get_closest_marker("postgres"):
            item.add_marker(pytest.mark.db)


def pytest_report_header() -> str:
    return f"database: {'PostgreSQL (' + PG_URL.split('@')[-1] + ')' if PG_URL else 'SQLite'}"


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    if PG_URL:
        database = Database.from_url(PG_URL)
        with database.engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        upgrade(database.engine)
        database.dispose()
        return PG_URL
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    database = Database.from_url(f"sqlite:///{path}")
    upgrade(database.engine)
    database.dispose()
    return str(path)


@pytest.fixture
def database_url(_template_db: str, tmp_path: Path) -> str:
    """A migrated, empty database of its own for this test."""
    if PG_URL:
        database = Database.from_url(PG_URL)
        tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
        with database.engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        database.dispose()
        return PG_URL
    target = tmp_path / "test.sqlite3"
    shutil.copyfile(_template_db, target)
    return f"sqlite:///{target}"


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database.from_url(database_url)
    yield database
    database.dispose()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2027, 1, 11, 9, 0, tzinfo=STOCKHOLM), STOCKHOLM)
