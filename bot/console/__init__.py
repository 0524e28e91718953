"""``atagande console``: the bot in a terminal, against the local Slack stand-in."""
