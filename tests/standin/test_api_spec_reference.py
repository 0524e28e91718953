"""The embedded method table agrees with Slack's reference (../shared/slack-api-ref)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.standin.api_spec import METHODS
from bot.standin.reference import load_reference
from tests.standin import conftest


def test_every_implemented_method_matches_the_reference() -> None:
    # Located here, not in a fixture, so a missing folder is a failure of this very test.
    reference = load_reference(conftest.require_reference(conftest.reference_path()))
    for name, embedded in METHODS.items():
        assert name in reference, f"{name} is not in Slack's reference"
        official = reference[name]
        assert embedded.required == official.required, f"{name}: required arguments differ"
        assert embedded.optional == official.optional, f"{name}: optional arguments differ"
        assert embedded.arg_groups == official.arg_groups, f"{name}: argument groups differ"


def test_a_missing_reference_fails_rather_than_skips(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ATAGANDE_SLACK_API_REF", str(tmp_path / "nowhere"))
    with pytest.raises(pytest.fail.Exception):
        conftest.require_reference(conftest.reference_path())
    with pytest.raises(FileNotFoundError):
        load_reference(tmp_path / "nowhere")
