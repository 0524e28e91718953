"""The services and the UI keep to the team's limit of about 400 lines a module.

A module past it holds two things, and gets split along the seam between them (as the import's review
was: the draft and its confirmation, the modal and its paging). The rest of the tree is tracked in
docs/architecture.md ("Module size").
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 400
CHECKED = ("bot/services", "bot/ui")


@pytest.mark.parametrize("folder", CHECKED)
def test_no_module_over_the_limit(folder: str) -> None:
    sizes = {
        path.relative_to(ROOT).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in sorted((ROOT / folder).glob("*.py"))
    }
    assert sizes, f"no modules found in {folder}"
    over = {name: lines for name, lines in sizes.items() if lines > LIMIT}
    assert over == {}, f"over {LIMIT} lines: {over}"
