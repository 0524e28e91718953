"""A routine's title and revision date as its file states them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.routines.importing import collect_files, find_revision_date, find_title


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rutin\nReviderad 2024-03-01\n", date(2024, 3, 1)),
        ("Senast reviderad: 1 mars 2024", date(2024, 3, 1)),
        ("Fastställd av socialnämnden 2023-05-10, § 45", date(2023, 5, 10)),
        ("Gäller från 1 januari 2025", date(2025, 1, 1)),
        ("Gäller fr.o.m. 2025-01-01", date(2025, 1, 1)),
        ("Datum: 3 nov 2022", date(2022, 11, 3)),
        ("Reviderad\n2024-03-01", date(2024, 3, 1)),  # a table cell: the date on the next line
        # Revised wins over the date the document was first written.
        ("Datum: 2020-01-01\nSenast reviderad 2024-02-02", date(2024, 2, 2)),
        ("Reviderad i mars", None),  # no year: no revision date
        ("Ansök senast 2024-03-01.", None),  # a date, but not a revision
        ("Ingenting här", None),
    ],
)
def test_revision_date(text: str, expected: date | None) -> None:
    assert find_revision_date(text) == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Intro\n\n# Rutin för *SIP* #\n\n## Syfte", "a.md", "Rutin för SIP"),
        ("Dnr 2024/12\nDatum: 2024-01-01\nRutin för orosanmälan\nText.", "b.txt", "Rutin för orosanmälan"),
        ("Det här är en mening som slutar med punkt.\n", "min rutin.txt", "min rutin"),
        ("", "tom.pdf", "tom"),
    ],
)
def test_title(text: str, name: str, expected: str) -> None:
    assert find_title(text, Path(name)) == expected


def test_folders_are_walked_sorted_without_hidden_files(tmp_path: Path) -> None:
    for name in ("b/2.txt", "b/1.txt", "a.txt", ".git/x.txt", "c/.hidden.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in collect_files([tmp_path])]
    assert found == ["a.txt", "b/1.txt", "b/2.txt"]
    assert list(collect_files(["finns-inte"])) == [Path("finns-inte")]
