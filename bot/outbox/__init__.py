"""Scheduled messages: planned into an outbox with unique keys, claimed and sent by any process."""
