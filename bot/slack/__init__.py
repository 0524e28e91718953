"""Slack delivery: what the bot posts on its own (cards, DMs, App Home), reading an answer in a DM thread,
and Slack's user look-ups."""
