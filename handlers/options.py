"""Options that Slack asks for as a person types into a menu (``block_suggestion``).

A committee picker is an ``external_select``: Slack shows at most 100 options in a
menu, so the list comes from here, narrowed to what the person has typed.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.domain.errors import UserError
from bot.services.commitment_form import committee_choices
from bot.ui.modals import FIELDS, committee_options
from bot.ui.review_pages import CASE_FIELDS
from handlers.support import services_of

log = logging.getLogger(__name__)


def register(app: App) -> None:
    # The register/edit modal and the import review pick from the same committees.
    for action_id in (FIELDS["committee"], CASE_FIELDS["case_committee"]):
        app.options(action_id)(committees_typed)


def committees_typed(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
    """The committees the person may register in that match what they typed."""
    svc = services_of(context)
    user_id = str((body.get("user") or {}).get("id") or "")
    typed = str(body.get("value") or "")
    try:
        found = committee_choices(svc, user_id, typed)
    except UserError:
        found = ()  # no committee to offer: the menu says "No results" itself
    except Exception:
        # A menu has no place for a sentence; the person sees an empty list and the log says why.
        log.exception("the committee options for %r failed", typed)
        found = ()
    ack(options=committee_options(found))
