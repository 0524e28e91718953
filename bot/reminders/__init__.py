"""Reminders about commitments: when they go out (`schedule`).

Pure date arithmetic here; sending goes through the outbox elsewhere.
"""
