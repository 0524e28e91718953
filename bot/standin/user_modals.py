"""A stand-in user with a modal: submitting it (and Slack acting on the ack's ``response_action``), closing it."""

from __future__ import annotations

from typing import Any

from bot.standin import payloads
from bot.standin.blockkit import iter_elements
from bot.standin.delivery import Envelope
from bot.standin.errors import SlackError
from bot.standin.user_plumbing import Interaction, UserPlumbing
from bot.standin.view_state import client_side_problem
from bot.standin.views import build_view, check_view, update_view
from bot.standin.workspace import User, View

__all__ = ["ModalActions"]


class ModalActions(UserPlumbing):
    """A person submits or closes their top modal; a part of `UserSide`."""

    def submit_view(self, user: str | User) -> Interaction:
        """``user`` presses the submit button of their top modal and Slack acts on the ack.

        The ack's ``response_action`` is honoured: ``errors`` (shown under the fields,
        the modal stays), ``update``, ``push``, ``clear``; a plain ack closes the modal.
        A required field left empty stops Slack's client from sending anything: the
        result then has ``ack`` None and ``client_errors``.
        """
        workspace = self.workspace
        with workspace.lock:
            person = workspace.user(user)
            view = workspace.top_modal(person.id)
            if view is None:
                raise LookupError(f"{person.name} har inget formulär öppet")
            if view.submit is None:
                raise LookupError(f"Formuläret ”{view.callback_id}” har ingen skicka-knapp")
            refused: dict[str, str] = {}
            for block, element in iter_elements(view.blocks):
                if block.get("type") != "input":
                    continue
                current = view.state.get(str(block["block_id"]), {}).get(str(element["action_id"]))
                problem = client_side_problem(block, element, current)
                if problem is not None:
                    refused[str(block["block_id"])] = problem
            view.errors = refused
            workspace.notify()
            if refused:
                return Interaction(type="interactive", payload={}, ack=None, client_errors=refused)
            trigger_id = workspace.issue_trigger(person.id)
            payload = payloads.view_submission(
                workspace, token=self.verification_token, user=person, view=view, trigger_id=trigger_id
            )
        interaction = self._send(Envelope("interactive", payload, accepts_response_payload=True), trigger_id=trigger_id)
        self._apply_submission_ack(person, view, interaction)
        return interaction

    def _apply_submission_ack(self, person: User, view: View, interaction: Interaction) -> None:
        workspace = self.workspace
        if not interaction.acked:
            # Slack keeps the modal open and says it had trouble connecting.
            self._problem(f"view_submission of {view.callback_id!r} was not acked ({interaction.ack})")
            return
        response = interaction.response or {}
        action = response.get("response_action")
        with workspace.lock:
            if workspace.top_modal(person.id) is not view:
                self._problem(f"the modal {view.callback_id!r} changed while it was being submitted")
                return
            if action is None:
                workspace.pop_modal(person.id)
            elif action == "errors":
                self._show_errors(view, response.get("errors"))
            elif action in ("update", "push"):
                try:
                    checked = check_view(response.get("view"), ("modal",))
                except SlackError as error:
                    self._problem(f"response_action {action} with a view Slack refuses: {error}")
                    return
                if action == "update":
                    update_view(workspace, view, checked)
                elif len(workspace.modal_stack(person.id)) >= workspace.modal_stack_limit:
                    self._problem("response_action push beyond Slack's three stacked modals")
                else:
                    workspace.push_modal(build_view(workspace, checked, user_id=person.id), replace_stack=False)
            elif action == "clear":
                workspace.clear_modals(person.id)
            else:
                self._problem(f"unknown response_action {action!r}")
            workspace.notify()

    def _show_errors(self, view: View, errors: Any) -> None:
        if not isinstance(errors, dict) or not errors:
            self._problem(f"response_action errors without an errors object: {errors!r}")
            return
        inputs = {str(block.get("block_id")) for block in view.blocks if block.get("type") == "input"}
        shown: dict[str, str] = {}
        for block_id, text in errors.items():
            if block_id not in inputs:
                # Slack shows a generic error when an error names no input block.
                self._problem(f"response_action errors names {block_id!r}, which is not an input block")
            elif not isinstance(text, str) or not text:
                self._problem(f"response_action errors for {block_id!r} is not a text")
            else:
                shown[block_id] = text
        view.errors = shown

    def close_view(self, user: str | User) -> Interaction | None:
        """``user`` closes their top modal (all of them with ``clear_on_close``).

        Slack tells the app (``view_closed``) only if the view has ``notify_on_close``.
        """
        workspace = self.workspace
        with workspace.lock:
            person = workspace.user(user)
            view = workspace.top_modal(person.id)
            if view is None:
                raise LookupError(f"{person.name} har inget formulär öppet")
            if view.clear_on_close:
                workspace.clear_modals(person.id)
            else:
                workspace.pop_modal(person.id)
            if not view.notify_on_close:
                return None
            payload = payloads.view_closed(
                workspace,
                token=self.verification_token,
                user=person,
                view=view,
                is_cleared=view.clear_on_close,
            )
        return self._send(Envelope("interactive", payload))
