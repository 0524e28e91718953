"""The byte endpoints around files: the upload URL and ``url_private`` downloads."""

from __future__ import annotations

import email.parser
import email.policy
import re
from urllib.parse import unquote

from bot.standin.replies import HttpReply, text_reply
from bot.standin.workspace import Workspace

_DOWNLOAD = re.compile(r"^/files-pri/(?P<team>T[0-9A-Z]+)-(?P<file>F[0-9A-Z]+)/(?:download/)?(?P<name>[^/]+)$")
# Slack answers an unauthenticated url_private request with its sign-in page, not an error.
_SIGN_IN_PAGE = "<!DOCTYPE html><html><head><title>Slack</title></head><body>Sign in to Slack</body></html>"


def _first_part(body: bytes, content_type: str) -> bytes:
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body
    )
    for part in message.iter_parts():
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes):
            return payload
    return b""


def receive_upload(workspace: Workspace, secret: str, body: bytes, content_type: str) -> HttpReply:
    """Store the bytes POSTed to an upload URL (raw, or the first part of a multipart form)."""
    with workspace.lock:
        stored = next((f for f in workspace.files.values() if f.upload_secret == secret), None)
        if stored is None or stored.completed:
            return text_reply("invalid_upload_url", status=404)
        content = _first_part(body, content_type) if content_type.startswith("multipart/") else body
        stored.content = content
        workspace.notify()
        return text_reply(f"OK - {len(content)}")


def serve_download(workspace: Workspace, path: str, authorization: str | None, bot_token: str) -> HttpReply | None:
    """The bytes of a file at its ``url_private``; None if ``path`` is not a file URL."""
    match = _DOWNLOAD.match(path)
    if match is None:
        return None
    if authorization != f"Bearer {bot_token}":
        return text_reply(_SIGN_IN_PAGE, content_type="text/html; charset=utf-8")
    with workspace.lock:
        stored = workspace.files.get(match["file"])
        if stored is None or stored.content is None or not stored.completed or stored.name != unquote(match["name"]):
            return text_reply("file_not_found", status=404)
        return HttpReply(status=200, body=stored.content, content_type="application/octet-stream")
