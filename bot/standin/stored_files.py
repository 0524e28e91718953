"""A file in the stand-in's workspace: uploaded by the app (files.getUploadURLExternal …) or shared by a user."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

from bot.standin.records import JsonDict

__all__ = ["StoredFile"]


@dataclass
class StoredFile:
    """A file the app uploaded (files.getUploadURLExternal …) or a user shared."""

    id: str
    name: str
    title: str
    declared_length: int
    user: str
    created: int
    upload_secret: str
    alt_txt: str = ""
    snippet_type: str = ""
    content: bytes | None = None
    completed: bool = False
    channels: list[str] = field(default_factory=list)

    def to_slack(self, *, team_id: str, base_url: str, team_domain: str) -> JsonDict:
        """The file object as ``files.info`` returns it."""
        extension = self.name.rsplit(".", 1)[-1].lower() if "." in self.name else "text"
        private = f"{base_url}files-pri/{team_id}-{self.id}/{quote(self.name)}"
        return {
            "id": self.id,
            "created": self.created,
            "timestamp": self.created,
            "name": self.name,
            "title": self.title,
            "mimetype": _MIMETYPES.get(extension, "application/octet-stream"),
            "filetype": extension,
            "pretty_type": extension.upper(),
            "user": self.user,
            "user_team": team_id,
            "editable": False,
            "size": len(self.content) if self.content is not None else self.declared_length,
            "mode": "hosted",
            "is_external": False,
            "external_type": "",
            "is_public": bool(self.channels),
            "public_url_shared": False,
            "display_as_bot": False,
            "username": "",
            "url_private": private,
            "url_private_download": f"{base_url}files-pri/{team_id}-{self.id}/download/{quote(self.name)}",
            "permalink": f"https://{team_domain}.slack.com/files/{self.user}/{self.id}/{quote(self.name)}",
            "channels": [c for c in self.channels if not c.startswith("D")],
            "groups": [],
            "ims": [c for c in self.channels if c.startswith("D")],
            "comments_count": 0,
            "alt_txt": self.alt_txt,
        }


_MIMETYPES = {
    "txt": "text/plain",
    "csv": "text/csv",
    "md": "text/markdown",
    "pdf": "application/pdf",
    "json": "application/json",
    "ics": "text/calendar",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "png": "image/png",
}
