"""Every text a person reads comes from ``templates/`` through this module.

Two Jinja environments: one for mrkdwn, where every ``{{ value }}`` is escaped
for Slack unless it is :class:`~bot.slack_format.Mrkdwn` (safe by default, so a
forgotten filter cannot let ``<!channel>`` through), and one for plain_text
fields (labels, titles, buttons), where Slack shows characters as they are.
Short strings are macros in ``templates/strings.j2`` and are called by name.
"""

from __future__ import annotations

import threading
from functools import cached_property
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template
from jinja2.bccache import Bucket, BytecodeCache

import templates as templates_pkg
from bot.clock import DEFAULT_TIMEZONE
from bot.language.rrule_text import rhythm_of
from bot.slack_format import Mrkdwn, channel_link, escape, link, mention, truncate
from bot.text_filters import filters

# The templates' folder: inside the installed package, so wording changes never touch code.
TEMPLATE_DIR = Path(templates_pkg.__file__).resolve().parent


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Mrkdwn):
        return value
    if isinstance(value, str):
        return escape(value)
    return value


def _trusted(value: Any) -> Mrkdwn:
    # For macro output inside a template: the macro already escaped its parts.
    return Mrkdwn(str(value))


def _short_url(url: str) -> str:
    rest = url.split("://", 1)[-1]
    return truncate(rest, 60)


class _CompiledTemplates(BytecodeCache):
    """Templates compiled once per process, for every Texts built with the same environment settings.

    The bot builds one Texts, but the console, the tests and the benches build one per bot, and compiling
    the string files costs a few hundred milliseconds each time. Jinja checks each entry against its
    template's source, so a changed template is compiled afresh.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def load_bytecode(self, bucket: Bucket) -> None:
        with self._lock:
            code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = bucket.bytecode_to_string()
        with self._lock:
            self._code[bucket.key] = code


# One per environment: the code Jinja compiles depends on the environment's settings (finalize).
_MRKDWN_CODE = _CompiledTemplates()
_PLAIN_CODE = _CompiledTemplates()


class Texts:
    """Renders templates; one instance is shared by the whole process.

    `tz` is the zone datetimes are shown in: the clock's, which the settings
    give (ATAGANDE_TIMEZONE). Texts that show no datetime may leave it.
    """

    def __init__(self, tz: ZoneInfo = DEFAULT_TIMEZONE) -> None:
        loader = FileSystemLoader(TEMPLATE_DIR)
        common: dict[str, Any] = {
            "loader": loader,
            "undefined": StrictUndefined,
            "trim_blocks": True,
            "lstrip_blocks": True,
            "keep_trailing_newline": False,
            "autoescape": False,
        }
        self.mrkdwn_env = Environment(finalize=_finalize, bytecode_cache=_MRKDWN_CODE, **common)
        self.plain_env = Environment(bytecode_cache=_PLAIN_CODE, **common)
        for env in (self.mrkdwn_env, self.plain_env):
            env.filters["trusted"] = _trusted
            env.filters["shorten"] = lambda text, limit: truncate(" ".join(str(text).split()), int(limit))
            env.filters["status_name"] = lambda status: self.get(f"status_{getattr(status, 'value', status)}")
            env.filters.update(filters(tz))
            env.filters["rytm"] = self.rhythm
        # Links only make sense in mrkdwn; the URL was validated when stored.
        self.mrkdwn_env.filters["url_link"] = lambda url: link(url, _short_url(url))
        self.mrkdwn_env.globals.update(channel=channel_link, user=mention)

    @cached_property
    def _strings(self) -> list[Any]:
        # strings.j2 holds the shared texts; a surface with many texts of its
        # own keeps them in strings_<surface>.j2 beside it.
        names = ["strings.j2", *sorted(p.name for p in TEMPLATE_DIR.glob("strings_*.j2"))]
        return [self.plain_env.get_template(name).make_module() for name in names]

    def get(self, key: str, **params: Any) -> str:
        """A short plain string by name: ``texts.get("btn_done")``."""
        for module in self._strings:
            macro = getattr(module, key, None)
            if macro is not None:
                return str(macro(**params)).strip()
        raise KeyError(f"no string {key!r} in templates/strings*.j2")

    def get_md(self, key: str, **params: Any) -> Mrkdwn:
        """A short string by name for a mrkdwn field, its parameters escaped."""
        return Mrkdwn(self.get(key, **{k: escape(v) if isinstance(v, str) else v for k, v in params.items()}))

    def rhythm(self, rule: str) -> str:
        """A rhythm's rule in Swedish words ("årligen i december"), from templates/rhythm.txt.j2."""
        return self._render(self.plain_env, "rhythm.txt.j2", {"r": rhythm_of(rule)})

    def md(self, template: str, **ctx: Any) -> Mrkdwn:
        """Render a mrkdwn template (user values escaped)."""
        return Mrkdwn(self._render(self.mrkdwn_env, template, ctx))

    def plain(self, template: str, **ctx: Any) -> str:
        """Render a plain-text template (for plain_text fields and the CLI)."""
        return self._render(self.plain_env, template, ctx)

    @staticmethod
    def _render(env: Environment, name: str, ctx: dict[str, Any]) -> str:
        tpl: Template = env.get_template(name)
        return tpl.render(**ctx).strip()
