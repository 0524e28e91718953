"""Bulk data for benchmarks: many committees, people and commitments, inserted fast."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sqlalchemy import insert

from bot.language.normalize import fold
from storage.db import Database
from storage.models import Commitment, CommitmentStatus, Committee, CommitteeMember, MemberRole, Person

VERBS = (
    "Revidera",
    "Ta fram",
    "Följ upp",
    "Utvärdera",
    "Samordna",
    "Dokumentera",
    "Förtydliga",
    "Implementera",
)
THINGS = (
    "rutinen för orosanmälan",
    "samverkansrutinen med socialtjänsten",
    "den lokala BUS-överenskommelsen",
    "arbetet med samordnad individuell plan",
    "elevhälsans medicinska insatser",
    "internkontrollplanen",
    "riktlinjen för hot och våld",
    "uppföljningen av placerade barn",
    "årshjulet för systematiskt kvalitetsarbete",
    "informationssäkerhetsrutinen",
    "avtalsuppföljningen för hemtjänsten",
    "rutinen för synpunkter och klagomål",
)
WHO = ("med rektorerna", "med förvaltningsledningen", "tillsammans med regionen", "i alla enheter", "")
ROLES = ("förvaltningschef", "rektor", "enhetschef", "verksamhetschef", "kvalitetsstrateg", "avdelningschef")
STATUSES = list(CommitmentStatus)


def seed(db: Database, *, commitments: int, committees: int, people: int, now: datetime, rng_seed: int = 7) -> None:
    """Insert committees BUN, K2, K3 …, people U0000000 …, and commitments spread over them."""
    rng = random.Random(rng_seed)
    codes = ["BUN", *[f"K{i}" for i in range(2, committees + 1)]]
    per_committee = [0] * committees
    with db.write() as s:
        s.execute(
            insert(Person),
            [
                {
                    "slack_user_id": f"U{i:07d}",
                    "display_name": f"Person {i}",
                    "deleted": False,
                    "created_at": now,
                }
                for i in range(people)
            ],
        )
        s.execute(
            insert(Committee),
            [
                {
                    "code": code,
                    "name": f"Nämnd {code}",
                    "channel_id": f"C{i:07d}",
                    "channel_name": code.lower(),
                    "digest_schedule": "mon 08:00",
                    "reminder_policy": {},
                    "next_number": 1,
                    "created_at": now,
                }
                for i, code in enumerate(codes)
            ],
        )
        s.execute(
            insert(CommitteeMember),
            [
                {"committee_id": i + 1, "person_id": 1, "role": MemberRole.SECRETARY, "created_at": now}
                for i in range(committees)
            ],
        )
    batch: list[dict[str, object]] = []
    today = now.date()
    for n in range(commitments):
        k = n % committees
        per_committee[k] += 1
        text = f"{rng.choice(VERBS)} {rng.choice(THINGS)} {rng.choice(WHO)}".strip()
        role = rng.choice(ROLES)
        deadline: date = today + timedelta(days=rng.randint(-200, 700))
        number = per_committee[k]
        # Rows were written over the past year, as in a real register.
        stamp = now - timedelta(seconds=rng.randint(3600, 365 * 86400))
        batch.append(
            {
                "committee_id": k + 1,
                "number": number,
                "text": text,
                "owner_id": rng.randint(1, people),
                "owner_role": role,
                "deadline": deadline,
                "deadline_phrase": deadline.isoformat(),
                "original_deadline": deadline,
                "original_deadline_phrase": deadline.isoformat(),
                "status": rng.choice(STATUSES),
                "search_text": fold(f"{codes[k]}-{number} {text} {role}"),
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
        if len(batch) == 5000:
            with db.write() as s:
                s.execute(insert(Commitment), batch)
            batch = []
    if batch:
        with db.write() as s:
            s.execute(insert(Commitment), batch)
    with db.write() as s:
        for k, count in enumerate(per_committee):
            s.get_one(Committee, k + 1).next_number = count + 1
