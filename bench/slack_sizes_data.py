"""The large workspace of the size bench: long texts, many committees, commitments, routines, an answer.

Texts are built, not random: the same workspace every run. They carry what makes Slack's measures
differ from a plain character count: emoji outside the Basic Multilingual Plane (two UTF-16 code
units each), and "&" and "<", which Slack's formatting escapes into several characters.
"""

from __future__ import annotations

from dataclasses import dataclass

FRAGMENTS = (
    "Förvaltningen ska revidera rutinen för orosanmälan & samverkan med socialtjänsten",
    "så att varje rektor vet vad som gäller när ett barn far illa 🧒🏽",
    "och arbetet följs upp i nämndens årshjul <se bilaga> med ansvarig chef",
    "genom att kartlägga elevhälsans insatser på förskolor, skolor & fritidshem 📋",
    "samt dokumentera hur personalen får introduktion i kommunens rutiner för hot och våld",
    "där även vårdnadshavare och elever får information på sitt eget språk 🗣️",
    "och resultatet återrapporteras till nämnden vid ett sammanträde under året <utan dröjsmål>",
)
VERBS = ("revidera", "utvärdera", "kartlägga", "förankra", "dokumentera", "kommunicera", "följa upp", "införa")
THINGS = (
    "rutinen för orosanmälan hos rektorerna",
    "samverkansplattformen med socialtjänsten",
    "SIP-processen inom elevhälsan",
    "introduktionen av nyanställda lärare",
    "informationen på intranätet om placerade barn",
    "uppföljningen av avtalen för hemtjänsten",
    "riktlinjen för hot och våld",
    "internkontrollplanen för nämnden",
)
MONTHS = ("mars", "april", "maj", "juni", "september", "oktober", "november", "december")


@dataclass(frozen=True)
class Size:
    """How large the workspace is; ``FULL`` is the audit's, ``TINY`` the unit test's."""

    committees: int
    big_committee: int  # commitments in BUN
    per_other: int  # commitments in every other committee
    routines: int
    aliased_routines: int  # routines with the most other names (30)
    recommendations: int
    imported: int  # commitments in the imported answer
    text: int  # characters in a commitment's text, a comment or a reason (the bot's most)
    cards: int  # BUN commitments posted as cards


FULL = Size(
    committees=122,
    big_committee=300,
    per_other=2,
    routines=500,
    aliased_routines=25,
    recommendations=66,
    imported=122,
    text=2000,
    cards=40,
)
TINY = Size(
    committees=4,
    big_committee=12,
    per_other=1,
    routines=6,
    aliased_routines=2,
    recommendations=3,
    imported=5,
    text=400,
    cards=3,
)


def long_text(length: int, seed: int = 0) -> str:
    """A Swedish text of exactly ``length`` characters (code points) with emoji, "&" and "<"."""
    parts: list[str] = []
    total = 0
    index = seed
    while total < length:
        fragment = FRAGMENTS[index % len(FRAGMENTS)]
        parts.append(fragment)
        total += len(fragment) + 2
        index += 1
    # Cut to the length asked for, with a full stop (a cut may fall inside a word: this is test data).
    return ", ".join(parts)[: length - 1] + "."


def committee_codes(count: int) -> list[str]:
    """BUN (the big one), KS (which gets the monthly overview), then K003 … K<count>."""
    return ["BUN", "KS", *[f"K{i:03d}" for i in range(3, count + 1)]]


def answer_document(recommendations: int, commitments: int, long_every: int = 10) -> str:
    """An audit answer with ``recommendations`` recommendations answered by ``commitments`` dated commitments.

    Commitments are spread evenly over the recommendations; every ``long_every``-th is longer than a
    commitment may be (2,000 characters), as a long answer's run-on sentences are.
    """
    lines = [
        "Barn- och utbildningsnämnden",
        "Datum 2026-12-14",
        "Dnr 2026/BUN 0123",
        "",
        "Svar på revisionsrapport om elevhälsans arbete & samverkan",
        "",
        "Revisorernas rekommendationer",
        "",
    ]
    per = [
        commitments // recommendations + (1 if r < commitments % recommendations else 0) for r in range(recommendations)
    ]
    number = 0
    for r, count in enumerate(per):
        thing = THINGS[r % len(THINGS)]
        lines += [f"- Nämnden bör säkerställa att {thing} är känd i alla verksamheter (rekommendation {r + 1}).", ""]
        lines += ["Förvaltningens kommentar:"]
        for _ in range(count):
            verb = VERBS[number % len(VERBS)]
            month = MONTHS[number % len(MONTHS)]
            what = f"{THINGS[(number + r) % len(THINGS)]} i område {number + 1}"
            if long_every and number % long_every == long_every - 1:
                what += ", " + long_text(2100, seed=number).rstrip(".")
            lines.append(f"Förvaltningen kommer att {verb} {what} senast i {month} 2027.")
            number += 1
        lines += ["Rektorerna ansvarar för att arbetet genomförs.", ""]
    return "\n".join(lines)
