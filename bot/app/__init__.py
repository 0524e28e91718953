"""The app and its wiring: the Bolt app, the processes that run it (Socket Mode, HTTP), the timer and
the scheduled sending, and the same bot wired to the local Slack stand-in."""
