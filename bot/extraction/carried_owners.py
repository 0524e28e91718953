"""Owners carried to a commitment that names none: the agency its task was given to.

In a government decision, "Uppdraget ska redovisas …" and "myndigheten ska …" after "Regeringen ger X i
uppdrag" are X's. On an agency's own page the agency that "har fått i uppdrag att …" owns them the same way,
and an agency named as a task's subject ("Jämställdhetsmyndigheten ska följa upp …") owns the report that
points back to that task ("Uppdraget ska redovisas senast …"), though no sentence gave it the task.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping, Sequence

from bot.extraction.agencies import assigned_agency, is_agency_name, receiving_agency
from bot.extraction.drafts import Draft, UnitText
from bot.extraction.model import COMMITMENT
from bot.language.normalize import match_text

__all__ = ["carry_assignee", "carry_to_they", "self_named"]

# A report or task that points back to the task named before: "Uppdraget ska redovisas …", "En slutrapport …".
_TASK_ANAPHOR = re.compile(
    r"^\W*(?:uppdraget|myndigheten|(?:en\s+)?(?:del|slut)?(?:redovisning|rapport)(?:en)?|studien|utredningen"
    r"|analysen|kartlaggningen|rapporten|redovisningen)\b"
)


# A committee of inquiry's own: "En särskild utredare ska …", "Utredaren ska …" (a directive's only actor).
_INQUIRER = re.compile(r"^(?:en\s+)?(?:särskild\s+)?utredar(?:e|en)$", re.IGNORECASE)
# A report owed, its subject a thing: "En plan för det fortsatta arbetet och finansiering ska redovisas senast …".
_REPORT_PASSIVE = re.compile(
    r"^[^.;:]{0,120}?\b(?:ska|skall)\s+(?:\w+\s+){0,2}?(?:del|slut|ater)?(?:redovisas|rapporteras|lamnas|overlamnas)\b"
)


def carry_assignee(drafts: Sequence[Draft], infos: Mapping[int, UnitText], folded_of: Callable[[Draft], str]) -> None:
    """Give each commitment without an owner the agency last given a task before it (in place)."""
    assignments: list[tuple[int, int, str]] = []
    for i, info in sorted(infos.items()):
        for s, e in info.sentences:
            text, folded = info.unit.text[s:e], info.folded[s:e]
            agency = assigned_agency(text, folded) or receiving_agency(text, folded)
            if agency is not None:
                assignments.append((i, s, agency))
    named = [
        (*d.first, d.owner)
        for d in drafts
        if d.kind == COMMITMENT and d.owner and (is_agency_name(d.owner) or _INQUIRER.match(d.owner))
    ]
    only = {a[2] for a in named}
    for d in drafts:
        if d.kind != COMMITMENT or d.owner is not None:
            continue
        before = [a for a in assignments if a[:2] <= d.first]
        folded = folded_of(d)
        if not before and (_TASK_ANAPHOR.match(folded) or _REPORT_PASSIVE.search(folded)):
            before = [a for a in named if a[:2] < d.first]
            if not before and len(only) == 1:
                # "Uppdraget ska delredovisas … senast den 31 maj 2020" in a decision whose one agency is named as
                # an owner only further on ("Livsmedelsverket kommer att genomföra insatser …"): that agency's
                before = named[:1]
        if before:
            d.owner, d.carried_owner = before[-1][2], True


# "Myndigheten ska senast den 1 mars 2019 lämna …", "Därefter kommer myndigheten att fastställa …": in an agency's
# regleringsbrev or its own page the agency is "myndigheten" throughout, named nowhere as given a task.
_SELF_NAMED = re.compile(
    r"^\W*(?P<a>myndigheten|verket)\s+(?:ska|skall|kommer|avser|planerar)\b"
    r"|\b(?:ska|skall|kommer)\s+(?P<b>myndigheten|verket)\s+(?:(?:också|även|dessutom|därför)\s+)?(?:att\s+)?\w"
)


def self_named(folded: str) -> str | None:
    """ "Myndigheten" when a commitment's subject is the agency as it names itself, for one nothing else owns."""
    m = _SELF_NAMED.search(folded[:400])
    return (m["a"] or m["b"]).capitalize() if m is not None else None


# "… fick kommunens nämnder i uppdrag att presentera förslag … De fick också i uppdrag att …": a plural pronoun as
# the subject points back to the plural owner of the promise just before.
_THEY = re.compile(r"^\W*(?:de|dessa|dom)\s+(?:fick|far|ska|skall|kommer|har|ges|maste|behover)\b")
_PLURAL = re.compile(r"(?:na|er|erna|ar|arna|or|orna)$|\s(?:och|samt)\s")


def carry_to_they(drafts: Sequence[Draft], folded_of: Callable[[Draft], str]) -> None:
    """Give a commitment whose subject is "De"/"Dessa" the plural owner of the commitment just before it (in
    place), when that one is in the same or the previous unit."""
    ordered = sorted((d for d in drafts if d.kind == COMMITMENT and d.parts), key=lambda d: d.first)
    for before, d in itertools.pairwise(ordered):
        if d.owner is not None or not before.owner or not _THEY.match(folded_of(d)):
            continue
        if d.first[0] - before.first[0] <= 1 and _PLURAL.search(match_text(before.owner).folded):
            d.owner, d.carried_owner = before.owner, True
