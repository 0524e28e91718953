"""The routine library service: storing, changing and finding routines."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain.errors import UserError
from bot.routines.search import MAX_QUERY
from bot.services import routines as svc
from storage.db import Database

NOW = datetime(2027, 1, 11, 8, 0, tzinfo=UTC)


def test_added_routines_are_found_and_the_index_follows_changes(db: Database) -> None:
    library = svc.RoutineLibrary()
    with db.write() as s:
        svc.add_routine(s, title="Rutin för orosanmälan", body="Så gör du en orosanmälan till socialtjänsten.", now=NOW)
        svc.add_routine(s, title="Riktlinje för samordnad individuell plan", body="SIP", now=NOW)
    with db.read() as s:
        result = library.search(s, "orosanmalan")
        assert [h.id for h in result.hits][:1] == [1]
        assert library.search(s, "sip").hits[0].id == 2
    with db.write() as s:
        svc.add_routine(s, title="Samverkansrutin skola och socialtjänst", body="", now=NOW, aliases=["SSPF-rutin"])
    with db.read() as s:
        assert library.search(s, "samverkans rutin").hits[0].id == 3
    with db.write() as s:
        svc.remove_routine(s, 3)
    with db.read() as s:
        assert all(h.id != 3 for h in library.search(s, "samverkansrutin").hits)


def test_the_same_document_again_updates_it(db: Database) -> None:
    with db.write() as s:
        _, created = svc.add_routine(s, title="Rutin A", body="x", now=NOW, sha256="a" * 64)
        routine, again = svc.add_routine(s, title="Rutin A, reviderad", body="y", now=NOW, sha256="a" * 64)
        assert created and not again and routine.title == "Rutin A, reviderad"
        assert len(svc.list_routines(s)) == 1


def test_what_a_query_gets_told(db: Database) -> None:
    library = svc.RoutineLibrary()
    with db.read() as s:
        assert library.search(s, "orosanmälan").empty_library
        assert library.search(s, "x").too_short
    with db.write() as s:
        svc.add_routine(s, title="Rutin för orosanmälan", body="", now=NOW)
    with db.read() as s:
        assert library.search(s, "och att för").only_stop_words
        long = library.search(s, "orosanmälan " * 40)
        assert long.cut and len(long.query) == MAX_QUERY and long.hits
        for nasty in ('"', "*", ":", "(", "NEAR", "%", "_", 'oros*"'):
            library.search(s, nasty)
        # One word of four matches: not an answer, but worth offering.
        near = library.search(s, "orosanmälan qwxzy plorkt blankett")
        assert near.hits == [] and near.suggestions == ["Rutin för orosanmälan"]
        # Nothing alike: no unrelated title is offered.
        nothing = library.search(s, "parkeringstillstånd")
        assert nothing.hits == [] and nothing.suggestions == []


def test_titles_and_aliases_are_checked(db: Database) -> None:
    with db.write() as s, pytest.raises(UserError) as err:
        svc.add_routine(s, title="   ", body="", now=NOW)
    assert err.value.field == "title"
    assert svc.clean_aliases(["SIP", " sip ", "Samordnad  individuell plan"]) == ["SIP", "Samordnad individuell plan"]


def test_a_large_library_answers_from_its_changes_while_the_index_is_rebuilt(db: Database) -> None:
    # sync_rebuild=0: every change takes the path a library of 100,000 routines takes.
    library = svc.RoutineLibrary(sync_rebuild=0)
    with db.write() as s:
        svc.add_routine(s, title="Rutin för orosanmälan", body="Så gör du en orosanmälan.", now=NOW)
        svc.add_routine(s, title="Riktlinje för samordnad individuell plan", body="SIP", now=NOW)
    with db.read() as s:
        assert library.search(s, "orosanmälan").hits[0].id == 1
    with db.write() as s:
        # The same clock tick as the build: found as new by its id.
        svc.add_routine(s, title="Samverkansrutin skola och socialtjänst", body="", now=NOW)
        svc.remove_routine(s, 1)
    with db.read() as s:
        assert library.search(s, "samverkansrutin").hits[0].id == 3
        assert all(h.id != 1 for h in library.search(s, "orosanmälan").hits)
        assert library.search(s, "sip").hits[0].id == 2
    library.join(timeout=30)
    with db.write() as s:
        svc.set_aliases(s, 2, ["SIP-rutinen"], NOW.replace(hour=9))
    with db.read() as s:
        assert library.search(s, "samverkansrutin").hits[0].id == 3
        assert library.search(s, "sip rutinen").hits[0].id == 2
    library.join(timeout=30)
    with db.read() as s:
        # Rebuilt: the removed routine is not even a "Menade du" suggestion.
        gone = library.search(s, "orosanmälan")
        assert all(h.id != 1 for h in gone.hits) and "Rutin för orosanmälan" not in gone.suggestions


@pytest.mark.parametrize("sync_rebuild", [svc.SYNC_REBUILD, 0], ids=["small", "large"])
def test_changes_in_the_clock_tick_of_the_build_are_found(db: Database, sync_rebuild: int) -> None:
    # A clock that stands still (the console's, a command line's behind the bot's) must not hide a change.
    library = svc.RoutineLibrary(sync_rebuild=sync_rebuild)
    with db.write() as s:
        svc.add_routine(s, title="Rutin för orosanmälan", body="Så gör du en orosanmälan.", now=NOW)
        svc.add_routine(s, title="Riktlinje för samordnad individuell plan", body="SIP", now=NOW)
    with db.read() as s:
        assert library.search(s, "orosanmälan").hits[0].id == 1
    with db.write() as s:
        svc.set_aliases(s, 1, ["Blåljuspärmen"], NOW)
    with db.read() as s:
        assert [h.id for h in library.search(s, "blåljuspärmen").hits] == [1]
    library.join(timeout=30)
    with db.write() as s:
        svc.set_aliases(s, 1, [], NOW)
    with db.read() as s:
        assert library.search(s, "blåljuspärmen").hits == []
    library.join(timeout=30)
    with db.write() as s:
        svc.set_abbreviation(s, "OSA", ["orosanmälan"], NOW)
    library.join(timeout=30)
    with db.read() as s:
        library.search(s, "OSA")  # a large library rebuilds in the background for an abbreviation
    library.join(timeout=30)
    with db.read() as s:
        assert [h.id for h in library.search(s, "OSA").hits] == [1]
