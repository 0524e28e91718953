"""Errors a user can cause; a handler turns each into a Swedish sentence.

Each carries a message key from ``templates/strings.j2`` and its parameters,
never a ready sentence, so wording stays in templates. ``field`` names the
modal field the message belongs on.
"""

from __future__ import annotations

from typing import Any


class UserError(Exception):
    """Something the user asked for cannot be done; nothing was changed."""

    def __init__(self, key: str, field: str | None = None, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.field = field
        self.params = params


class PermissionDenied(UserError):
    """The user may not do this."""


class NotFound(UserError):
    """An unknown committee, reference or case."""


class ValidationFailed(UserError):
    """One or more fields are wrong; ``errors`` maps field to (key, params)."""

    def __init__(self, errors: dict[str, tuple[str, dict[str, Any]]]) -> None:
        first_field, (first_key, first_params) = next(iter(errors.items()))
        super().__init__(first_key, first_field, **first_params)
        self.errors = errors
