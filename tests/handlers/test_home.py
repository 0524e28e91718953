"""``handlers.home.home_opened``: App Home is published when its tab is opened."""

from __future__ import annotations

from collections.abc import Callable

from slack_bolt import BoltContext

from handlers import home
from tests.handlers import payloads
from tests.handlers.conftest import ANNA, SARA, Bun
from tests.handlers.fakes import FakeSlack


def test_opening_home_publishes_the_owners_commitments(
    slack: FakeSlack, as_user: Callable[..., BoltContext], bun: Bun
) -> None:
    home.home_opened(event=payloads.home_opened(ANNA), context=as_user(ANNA, None))
    [published] = slack.called("views.publish")
    assert published["user_id"] == ANNA
    assert published["view"]["type"] == "home"
    assert "BUN-1" in str(published["view"]["blocks"])


def test_the_messages_tab_publishes_nothing(slack: FakeSlack, as_user: Callable[..., BoltContext], bun: Bun) -> None:
    home.home_opened(event=payloads.home_opened(SARA, tab="messages"), context=as_user(SARA, None))
    assert not slack.calls


def test_slack_refusing_the_home_is_logged_not_raised(
    slack: FakeSlack, as_user: Callable[..., BoltContext], bun: Bun
) -> None:
    slack.fail("views.publish", "ratelimited")
    home.home_opened(event=payloads.home_opened(ANNA), context=as_user(ANNA, None))
    assert [c.method for c in slack.calls if c.method == "views.publish"] == ["views.publish"]
