"""A decision of several things in one sentence, one finding per thing.

"Kommunstyrelsen beslutar att omgående ge förvaltningen i uppdrag att genomföra besparingarna och att till
kommunstyrelsens sammanträde 5 november ha tagit fram underlag …", "Regeringen avser att utveckla analysen
samt att fortsätta utveckla rapporteringen …": each "att" after the first is a thing of its own to follow up,
with its own deadline. The parts are cut where ", att", "och att" or "samt att" begins one.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from bot.extraction.deadlines import Chosen, choose, usable
from bot.extraction.model import COMMITMENT, Finding
from bot.language.normalize import match_text
from bot.language.periods import find_deadlines

__all__ = ["split_decided", "split_steps"]

# The lead that decides or intends: what follows its "att" are the things decided.
_LEAD = re.compile(r"\b(?:beslut(?:ar|ade|ades|at)|beslot|avser|foreslar|uppdrar)\b[^.;:]{0,80}?\batt\s", re.I)
# Where the next thing begins: ", att", "och att", "samt att" (not "för att", "så att", "till att").
_NEXT = re.compile(r"(?:,\s*(?:och\s+|samt\s+)?|\s+(?:och|samt)\s+)att\s+(?=\w)")
_MIN_WORDS = 4
# A part that reports the part before it is no thing of its own.
_REPORTS = re.compile(r"(?:\w+\s+){0,2}?(?:ater)?(?:rapportera|redovisa|komma|koppla)\w*\b")


def split_decided(findings: list[Finding], text: str, reference: date, document_date: date | None) -> list[Finding]:
    out: list[Finding] = []
    for f in findings:
        out.extend(_parts(f, text, reference, document_date) if f.kind == COMMITMENT else [f])
    return out


def _parts(f: Finding, text: str, reference: date, document_date: date | None) -> list[Finding]:
    raw = text[f.span[0] : f.span[1]]
    if "…" in f.text or f.recurrence is not None:
        return [f]
    folded = match_text(raw).folded
    lead = _LEAD.search(folded)
    if lead is None:
        return [f]
    cuts = [
        m
        for m in _NEXT.finditer(folded, lead.end())
        # "… i uppdrag att undersöka …, och att rapportera tillbaka till nämnden kommande jul": the task's report
        if not _inside_brackets(folded, m.start()) and not _REPORTS.match(folded, m.end())
    ]
    if not cuts:
        return [f]
    bounds = [0, *(m.start() for m in cuts), len(raw)]
    pieces = [(bounds[k], bounds[k + 1]) for k in range(len(bounds) - 1)]
    if any(len(raw[a:b].split()) < _MIN_WORDS for a, b in pieces):
        return [f]  # "beslutar att godkänna och att överlämna": too short to be things of their own
    out: list[Finding] = []
    for k, (a, b) in enumerate(pieces):
        start = a if k == 0 else cuts[k - 1].end()
        part = raw[start:b].rstrip(" ,;")
        chosen = _chosen(part, reference, document_date)
        dated = chosen.deadlines or chosen.recurrence
        out.append(
            replace(
                f,
                text=" ".join(part.split()),
                span=(f.span[0] + start, f.span[0] + start + len(part)),
                deadlines=chosen.deadlines if dated else f.deadlines if len(pieces) == 1 else (),
                deadline_phrase=chosen.phrase if dated else None,
                recurrence=chosen.recurrence,
                deadline_note=chosen.note if dated else None,
            )
        )
    return out


def _chosen(part: str, reference: date, document_date: date | None) -> Chosen:
    """The deadline, rhythm or period a part of a sentence gives on its own."""
    return choose(usable(find_deadlines(part, reference), match_text(part).folded), document_date=document_date)


_THEN = re.compile(r"(?:darefter|sedan|senare)\s")


def _inside_brackets(folded: str, at: int) -> bool:
    return folded.rfind("(", 0, at) > folded.rfind(")", 0, at)


# Two steps of one subject, each with its own time: "Uppföljningen ska vara klar i maj och kommer att redovisas på
# kommunfullmäktiges sammanträde i juni", "Arbetet startar på måndag och beräknas vara klart till sommaren".
_STEP = re.compile(
    r"\s(?:och|samt)\s+(?=(?:(?:darefter|sedan|senare|da)\s+)?"
    # "… och slutredovisningen ska lämnas senast …": a report of its own, named before its verb
    r"(?:(?:del|slut)?(?:redovisning|rapport)(?:en)?\s+)?"
    # "… avvecklas under hösten 2020 och planen är att förskolan står klar under sommaren 2021"
    r"(?:(?:planen|tanken)\s+ar\s+att\s"
    r"|kommer|ska|skall|beraknas|planeras|vantas|bedoms"
    r"|(?:del|slut|ater)?redovisas|(?:del|slut)?rapporteras|lamnas|presenteras|aterrapporteras|tas|fattas|beslutas"
    r"|tar|fattar|beslutar|antar|faststaller|genomfors|startar|paborjas|vantar)\b"
    # a clause with its own subject and verb: "Byggstart sker i februari och den nya brandstationen är beräknad att
    # tas i bruk under hösten 2010", "… och projektet beräknas vara klart …"
    r"|(?:(?:den|det|de)\s+(?:[\w-]+\s+){1,2}?|[\w-]+(?:en|et|na)\s+)(?:ar\s+)?(?:berakna[dt]|planera[dt]|beraknas"
    r"|planeras|vantas|kommer|ska|skall)\b"
    # the verb left out, the second step's own agent or thing and its time: "behandlas av förbundsstyrelsen den
    # 7 maj och av förbundsfullmäktige den 16 juni", "gatan är klar i slutet av juni och den nya torgytan i
    # slutet av augusti"
    # "… lämna en delredovisning senast den 15 april 2021 och slutredovisning senast den 16 augusti 2021"
    r"|(?P<gapped>av\s+[\w-]+\s+|(?:den|det|de)\s+(?:[\w-]+\s+){1,3}?|(?:en\s+)?(?:del|slut)(?:redovisning|rapport)\s+)"
    r"(?:i|under|till|senast|vid|den|efter|fore)\s)"
)


# Milestones listed as nouns, each with its time: "Beräknad byggstart under sommaren 2022, färdigställande i sommaren
# 2025", "Planerad byggstart är satt till senare delen av april 2014 med en preliminär inflyttning september 2015".
_MILESTONES = re.compile(
    r"(?:,|\s+med)\s+(?P<gapped>(?!))?(?=(?:en\s+)?(?:preliminar\s+|beraknad\s+|planerad\s+)?(?:fardigstallande"
    r"|inflyttning|inflytt|invigning|oppning|driftstart|verksamhetsstart|byggstart|overlamning)\s+"
    r"(?:i|under|till|vecka|senast|(?:jan|feb|mars|apr|maj|jun|jul|aug|sep|okt|nov|dec)\w*|(?:19|20)\d\d)\b)"
)


# A second step of no subject of its own that says when the work of the first is done, or how long it goes on.
_ENDS = re.compile(
    r"(?:beraknas|planeras|vantas|ska|skall|kommer\s+att)\s+(?:\w+\s+){0,2}?(?:vara\s+)?"
    r"(?:klar|klart|klara|fardig|fardigt|fardiga|avslutad|avslutat|slutford|slutfort|paga\s+(?:fram\s+)?till)\b"
)


_SUBJECT = re.compile(
    r"^\W*(?P<subject>(?:\S+\s+){0,5}?\S+)\s+(?=(?:ska|skall|kommer|beräknas|planeras|väntas|bedöms|startar|påbörjas)\b)",
    re.IGNORECASE,
)


_NO_SUBJECT = re.compile(
    r"(?:kommer|ska|skall|beräknas|planeras|väntas|bedöms|(?:del|slut|åter)?redovisas|lämnas|presenteras)\b"
)


def split_steps(findings: list[Finding], text: str, reference: date, document_date: date | None) -> list[Finding]:
    """A commitment of two steps joined by "och", each with a time of its own, as two commitments."""
    out: list[Finding] = []
    for f in findings:
        if f.kind != COMMITMENT or "…" in f.text or f.recurrence is not None or len(f.deadlines) < 2:
            out.append(f)
            continue
        raw = text[f.span[0] : f.span[1]]
        folded = match_text(raw).folded
        # Each step: where its span starts, where its words start, the words, what they give as a deadline.
        # The second step's span starts at its conjunction ("och slutredovisas senast …"): the clause as written.
        pieces = []
        gapped = None
        for m in [*_STEP.finditer(folded), *_MILESTONES.finditer(folded)]:
            first, second = raw[: m.start()].rstrip(" ,"), raw[m.end() :]
            parts = [(0, 0, first), (m.start() + 1, m.end(), second)]
            dated = [_chosen(p, reference, document_date) for _, _, p in parts]
            earlier = dated[0].deadlines and dated[1].deadlines and dated[1].deadlines[0] < dated[0].deadlines[-1]
            if earlier and _THEN.match(folded, m.end()):
                # "… klar innan årets slut och därefter väntar inflyttning … någon gång i vår": the spring after it
                dated[1] = _chosen(second, dated[0].deadlines[-1], document_date)
            if all(c.deadlines for c in dated) and dated[0].deadlines != dated[1].deadlines:
                pieces = [(*part, c) for part, c in zip(parts, dated, strict=True)]
                gapped = m["gapped"]
                break
        if pieces and _ENDS.match(folded[pieces[1][1] :]):
            # "Tillsynen startar i januari och beräknas vara klar i april", "Arbetena utförs under våren/sommaren och
            # beräknas vara klart under hösten 2017": one piece of work, due when it ends
            out.append(replace(f, deadlines=pieces[1][3].deadlines, deadline_phrase=pieces[1][3].phrase))
            continue
        if not pieces:
            out.append(f)
            continue
        subject = _SUBJECT.match(pieces[0][2])
        for k, (span_at, at, part, chosen) in enumerate(pieces):
            # The second step has no subject of its own: "Uppföljningen … kommer att redovisas …" reads on a card.
            shown = f"{subject['subject']} … {part}" if k and subject and _NO_SUBJECT.match(part) else part
            owner = f.owner
            if k and gapped is not None:
                # Its verb is the first step's: "… kommer att behandlas av förbundsstyrelsen … av förbundsfullmäktige
                # den 16 juni" on a card; an agent of its own owns it.
                shown = f"{_before_time(pieces[0][2], pieces[0][3])} … {part}"
                interim = _INTERIM.search(pieces[0][2])
                if interim is not None and interim.start() > 0:
                    # "Socialstyrelsen ska lämna en delredovisning … och slutredovisning senast …": the verb, then
                    # the final report
                    shown = f"{pieces[0][2][: interim.start()].rstrip()} {part}"
                agent = _AGENT.match(part)
                owner = _agent_owner(agent.group(1)) if agent else owner
            out.append(
                replace(
                    f,
                    text=" ".join(shown.split()),
                    span=(f.span[0] + span_at, f.span[0] + at + len(part)),
                    deadlines=chosen.deadlines,
                    deadline_phrase=chosen.phrase,
                    deadline_note=chosen.note,
                    owner=owner,
                )
            )
    return out


_AGENT = re.compile(r"av\s+([\w-]+)\s")
_INTERIM = re.compile(r"\b(?:en\s+)?del(?:redovisning|rapport)", re.IGNORECASE)


def _agent_owner(word: str) -> str | None:
    return word if _BODY.search(match_text(word).folded) else None


_BODY = re.compile(r"(?:namnd|styrelse|fullmaktige|utskott|direktion|forvaltning|kommun|region)\w*$")


def _before_time(part: str, chosen: Chosen) -> str:
    """A step's words up to its time: "… kommer att behandlas av förbundsstyrelsen"."""
    at = part.find(chosen.phrase) if chosen.phrase else -1
    return part[:at].rstrip(" ,") if at > 0 else part
