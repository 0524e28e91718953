"""``views.open``, ``views.push``, ``views.update``, ``views.publish``."""

from __future__ import annotations

from bot.standin.errors import SlackError
from bot.standin.methods.context import CallContext
from bot.standin.views import build_view, check_view, update_view
from bot.standin.workspace import JsonDict, Trigger


def _redeem(ctx: CallContext) -> Trigger:
    trigger_id = ctx.text("trigger_id") or ctx.text("interactivity_pointer") or ""
    outcome = ctx.workspace.redeem_trigger(trigger_id)
    if isinstance(outcome, str):
        raise SlackError(outcome)
    return outcome


def open_view(ctx: CallContext) -> JsonDict:
    """Open a modal for the user who caused the trigger; it replaces any modals they had open."""
    view = check_view(ctx.args.get("view"), ("modal",))
    trigger = _redeem(ctx)
    built = build_view(ctx.workspace, view, user_id=trigger.user_id)
    ctx.workspace.push_modal(built, replace_stack=True)
    return {"view": built.to_slack()}


def push_view(ctx: CallContext) -> JsonDict:
    """Push a modal onto the user's open stack (at most three deep)."""
    workspace = ctx.workspace
    view = check_view(ctx.args.get("view"), ("modal",))
    trigger = _redeem(ctx)
    stack = workspace.modal_stack(trigger.user_id)
    if not stack:
        raise SlackError("not_found")
    if len(stack) >= workspace.modal_stack_limit:
        raise SlackError("push_limit_reached")
    built = build_view(workspace, view, user_id=trigger.user_id)
    workspace.push_modal(built, replace_stack=False)
    return {"view": built.to_slack()}


def update(ctx: CallContext) -> JsonDict:
    """Replace an open view (by ``view_id`` or ``external_id``); ``hash`` guards against races."""
    workspace = ctx.workspace
    view_id, external_id = ctx.text("view_id"), ctx.text("external_id")
    existing = workspace.views.get(view_id or "") if view_id else None
    if external_id is not None:
        existing = next((v for v in workspace.views.values() if v.external_id == external_id), None)
    if existing is None:
        raise SlackError("not_found")
    view = check_view(ctx.args.get("view"), (existing.type,))
    expected_hash = ctx.text("hash")
    if expected_hash is not None and expected_hash != existing.hash:
        raise SlackError("hash_conflict")
    return {"view": update_view(workspace, existing, view).to_slack()}


def publish(ctx: CallContext) -> JsonDict:
    """Publish a user's Home tab (the same view id on every publish)."""
    workspace = ctx.workspace
    user = workspace.users.get(ctx.text("user_id") or "")
    if user is None or user.is_bot or user.deleted:
        raise SlackError("user_not_found")
    view = check_view(ctx.args.get("view"), ("home",))
    existing = workspace.home_view(user.id)
    expected_hash = ctx.text("hash")
    if existing is not None:
        if expected_hash is not None and expected_hash != existing.hash:
            raise SlackError("hash_conflict")
        return {"view": update_view(workspace, existing, view).to_slack()}
    built = build_view(workspace, view, user_id=user.id)
    workspace.publish_home(built)
    return {"view": built.to_slack()}


HANDLERS = {
    "views.open": open_view,
    "views.push": push_view,
    "views.update": update,
    "views.publish": publish,
}
