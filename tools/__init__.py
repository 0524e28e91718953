"""Maintenance scripts: run from the repository root with ``python -m tools.<name>``."""
