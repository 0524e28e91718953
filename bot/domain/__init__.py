"""The domain's shared types: what several packages of the bot mean by the same thing.

A user error (`errors`), a committee's reminder policy (`reminder_policy`) and
its digest schedule (`digest_schedule`) are read and written by the services,
planned from by `bot.reminders` and `bot.digests`, shown by `bot.ui` and raised
by `bot.documents`. They live here, below all of them, so that none of those
packages has to import another that imports it back. This package imports
only the language core and the texts; an import-linter contract in
pyproject.toml keeps it that way.
"""
