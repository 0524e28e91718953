"""App Home: published whenever a user opens it."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext

from handlers.support import delivery_of


def register(app: App) -> None:
    app.event("app_home_opened")(home_opened)


def home_opened(event: dict[str, Any], context: BoltContext) -> None:
    # The Messages tab also sends app_home_opened; only the Home tab needs a view.
    if event.get("tab", "home") != "home":
        return
    delivery_of(context).publish_home(str(event["user"]))
