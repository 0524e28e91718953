"""Every template, rendered with one of everything and with two, agrees with its counts and speaks no English.

Each template's variables are found by Jinja (`meta.find_undeclared_variables`) and given a `Sample`: a
stand-in that is the number 1 or 2 wherever the template counts, compares or does sums, one or two items
wherever it loops, and shows as "1" or "2", so that a count of one beside a plural form is there to see.
So every template is rendered as a reader would get it with a singular and a plural count, without a
hand-written context per template that would go stale when a template gains a variable.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from jinja2 import meta

from bot.texts import TEMPLATE_DIR, Texts

# English words that a reader must never meet in a Swedish interface (issue 17).
ENGLISH_UI_WORDS = ("deadline", "select", "optional", "edit", "submit", "cancel")
# A count of one followed by a plural form: "1 öppna åtaganden", "1 valda", "1 dagar".
ONE_WITH_PLURAL = re.compile(
    r"(?<![\d,.\-/])\b1 (öppna|valda|nya|klara|åtaganden|dagar|nämnder|rekommendationer|träffar|rutiner|"
    r"meddelanden|sidor|filer|händelser|röda|gula|gröna)\b"
)
_WHEN = datetime(2027, 4, 30, 6, 30, tzinfo=UTC)


class Sample(str):
    """Whatever a template needs: the count `n`, `n` items, or the text "n" (a str, where a Slack id is checked)."""

    n: int

    def __new__(cls, n: int) -> Sample:
        sample = super().__new__(cls, str(n))
        sample.n = n
        return sample

    def __getattr__(self, name: str) -> Sample:
        if name.startswith("__"):
            raise AttributeError(name)
        return self

    def __getitem__(self, key: object) -> Sample:
        return self

    def __call__(self, *args: object, **kwargs: object) -> Sample:
        return self

    def items(self) -> list[tuple[Sample, Sample]]:
        return [(self, self)] * self.n

    def __iter__(self) -> Iterator[Sample]:
        return iter([self] * self.n)

    def __len__(self) -> int:
        return self.n

    def __bool__(self) -> bool:
        return True

    def __str__(self) -> str:
        return str(self.n)

    def __format__(self, spec: str) -> str:
        return format(self.n, spec)

    def __int__(self) -> int:
        return self.n

    __index__ = __int__

    def __float__(self) -> float:
        return float(self.n)

    def __round__(self, digits: int | None = None) -> int:
        return self.n

    def __eq__(self, other: object) -> bool:
        return isinstance(other, int) and other == self.n

    def __hash__(self) -> int:
        return self.n

    def __lt__(self, other: object) -> bool:
        return isinstance(other, int) and self.n < other

    def __le__(self, other: object) -> bool:
        return isinstance(other, int) and self.n <= other

    def __gt__(self, other: object) -> bool:
        return isinstance(other, int) and self.n > other

    def __ge__(self, other: object) -> bool:
        return isinstance(other, int) and self.n >= other

    def __contains__(self, item: object) -> bool:
        return False

    def __add__(self, other: object) -> Any:
        return self.n + other if isinstance(other, int) else f"{self.n}{other}"

    __radd__ = __add__

    def __sub__(self, other: object) -> Any:
        return self.n - other if isinstance(other, int) else self.n

    def __mul__(self, other: object) -> Any:
        return self.n * other if isinstance(other, int | float) else self.n

    def __mod__(self, other: object) -> Any:
        return self.n % other if isinstance(other, int) else self.n

    def __floordiv__(self, other: object) -> Any:
        return self.n // other if isinstance(other, int) else self.n


def _tuples(name: str, n: int) -> dict[str, Any]:
    """The lists a template unpacks into tuples: a Sample cannot know how many names it is unpacked into."""
    s = Sample(n)
    by_template: dict[str, dict[str, Any]] = {
        "report.md.j2": {
            "cases": [(s, s, s, [(s, s, [(s, s, [s] * n)] * n)] * n)] * n,
            "statuses": [(s, s)] * n,
            "lights": [(s, s, s)] * n,
        },
        "routine_list.md.j2": {"rows": [(s, s)] * n},
        "extract_table.txt.j2": {"recs": [(s, [s] * n)] * n, "width": 100, "n_commitments": s},
    }
    return by_template.get(name, {})


def _context(texts: Texts, name: str, source: str, n: int) -> dict[str, Any]:
    names = meta.find_undeclared_variables(texts.mrkdwn_env.parse(source))
    context: dict[str, Any] = {name: Sample(n) for name in names}
    context.update(_tuples(name, n))
    for when in ("today", "as_of", "done_at", "old", "new"):
        if when in context:
            context[when] = _WHEN
    if "t" in context:
        context["t"] = texts.get
    return context


def _filters_for_samples(texts: Texts) -> None:
    # The date filters need a date and status_name a status; a Sample stands for one of each.
    for env in (texts.mrkdwn_env, texts.plain_env):
        for name, stand_in in (("datum", _WHEN), ("tidpunkt", _WHEN), ("manad", _WHEN), ("status_name", "delayed")):
            real = env.filters[name]
            env.filters[name] = lambda value, _real=real, _in=stand_in: _real(
                _in if isinstance(value, Sample) else value
            )


def _renders() -> Iterator[tuple[str, int, str]]:
    texts = Texts()
    _filters_for_samples(texts)
    for n in (1, 2):
        for path in sorted(TEMPLATE_DIR.glob("*.j2")):
            source = path.read_text(encoding="utf-8")
            if path.name.startswith("strings"):
                module = texts.plain_env.get_template(path.name).make_module()
                for key in dir(module):
                    macro = getattr(module, key)
                    if key.startswith("_") or not hasattr(macro, "arguments"):
                        continue
                    yield f"{path.name}:{key}", n, str(macro(*[Sample(n) for _ in macro.arguments]))
            else:
                env = texts.plain_env if ".txt." in path.name else texts.mrkdwn_env
                yield path.name, n, env.get_template(path.name).render(**_context(texts, path.name, source, n))


RENDERS = list(_renders())


def test_every_template_renders_with_one_and_with_two() -> None:
    names = {name.split(":")[0] for name, _, _ in RENDERS}
    assert names == {p.name for p in TEMPLATE_DIR.glob("*.j2")}


@pytest.mark.parametrize("word", ENGLISH_UI_WORDS)
def test_no_english_interface_word_reaches_a_reader(word: str) -> None:
    found = [f"{name} (n={n})" for name, n, text in RENDERS if re.search(rf"\b{word}\b", text, re.IGNORECASE)]
    assert not found, f"”{word}” in: " + ", ".join(found)


def test_a_count_of_one_never_takes_a_plural() -> None:
    found = [f"{name}: {m.group(0)!r}" for name, n, text in RENDERS if n == 1 for m in ONE_WITH_PLURAL.finditer(text)]
    assert not found, "\n".join(found)
