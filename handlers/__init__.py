"""Slack listeners: one module per surface, each with ``register(app)``.

Listener modules do not import each other. The ``/atagande`` subcommands that
other modules answer are put in handlers.support's table here, when the package
is imported (so also when a listener module alone is), not in ``register_all``.
"""

from __future__ import annotations

from slack_bolt import App

from handlers import (
    actions,
    commands,
    home,
    imports,
    meetings,
    options,
    reports,
    routines,
    settings,
    shortcuts,
    support,
    views,
    year_wheel,
)


def _import(r: support.CommandRequest) -> None:
    imports.open_import_modal(r.svc, r.client, r.trigger_id, r.user_id, r.channel_id)


def _report(r: support.CommandRequest) -> None:
    reports.send_report(r.svc, r.client, r.respond, r.user_id, r.rest, r.channel_id)


def _meetings(r: support.CommandRequest) -> None:
    meetings.open_meetings(r.svc, r.client, r.trigger_id, r.user_id, r.rest, r.channel_id)


def _year_wheel(r: support.CommandRequest) -> None:
    year_wheel.open_wheel(r.svc, r.client, r.trigger_id, r.user_id, r.rest, r.channel_id)


def _settings(r: support.CommandRequest) -> None:
    settings.open_settings(r.svc, r.client, r.trigger_id, r.user_id, r.rest, r.channel_id)


support.add_subcommand("importera", _import, opens_modal=True)
support.add_subcommand("rapport", _report, opens_modal=False)
support.add_subcommand(commands.SETTINGS, _settings, opens_modal=True)
support.add_subcommand(commands.MEETINGS, _meetings, opens_modal=True)
support.add_subcommand("arshjul", _year_wheel, opens_modal=True)


def register_all(app: App) -> None:
    for module in (
        commands,
        actions,
        views,
        shortcuts,
        home,
        imports,
        settings,
        meetings,
        year_wheel,
        routines,
        options,
    ):
        module.register(app)
