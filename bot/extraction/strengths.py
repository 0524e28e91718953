"""How strongly a cue promises: the base of a commitment's confidence (see scoring.py)."""

from __future__ import annotations

__all__ = ["MEDIUM", "STRONG", "WEAK"]

STRONG = 0.6
MEDIUM = 0.5
WEAK = 0.35
