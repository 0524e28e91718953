"""Slack listeners: one module per surface, each with ``register(app)``."""

from __future__ import annotations

from slack_bolt import App

from handlers import actions, commands, home, imports, routines, settings, shortcuts, views


def register_all(app: App) -> None:
    for module in (commands, actions, views, shortcuts, home, imports, settings, routines):
        module.register(app)
