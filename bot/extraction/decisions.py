"""Decisions that give a task: one task, its parts and its report, read as the people who follow it up do.

A decision ("Regeringen ger Trafikverket i uppdrag att …", "Nämnden ger förvaltningen i uppdrag att …")
states one task, then how it is to be done and when it is reported. Read sentence by sentence it gives
many "ska" sentences, most of them about the task's content ("Analysen ska fastställa …", "Rapporterna
ska ges in på svenska och engelska"), and a report sentence ("Uppdraget ska redovisas senast den 30 juni
2015") that is the task's deadline. Those who follow such a decision up register the task once with the
report date as its deadline, an interim report (delredovisning) with its own date as a commitment of its
own, what a named actor is told to do as its own commitment, and a list under a dated lead-in
("Trafikverket ska senast den 15 november 2018" over bullets) as one commitment with the list.

An answer to an audit is not read this way: there, each item of a list is an action followed up on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from bot.extraction import cues
from bot.extraction.agencies import AGENCY, assigned_agency
from bot.extraction.classify import MEDIUM
from bot.extraction.cues import sv
from bot.extraction.deadlines import choose
from bot.extraction.decision_reports import GIVES_TASK, SAME_TIME, WITH_THE_REPORT, join_reports
from bot.extraction.finish import make_finding
from bot.extraction.measure_headings import under_measure_headings, with_its_items_task
from bot.extraction.model import COMMITMENT, Finding
from bot.extraction.owners import subject_owner
from bot.extraction.scoring import commitment_confidence
from bot.language.normalize import match_text
from bot.language.periods import find_deadlines

__all__ = ["is_decision", "read_as_decision"]

_HEAD_CHARS = 4_000
# "Uppdrag att …", and a task changed or added to: "Ändring av uppdrag att …", "Tilläggsuppdrag till …".
_TITLE = sv(
    r"^\W*(?:(?:ändring|förlängning|utvidgning)\s+av\s+(?:regeringens\s+)?|tilläggs)?uppdrag(?:et)?"
    r"\s+(?:att|om|till|åt|inom|för)\b"
)


def is_decision(text: str, *, answers_recommendations: bool) -> bool:
    """Does the document give a task (a decision), rather than answer an audit?

    A government decision ("Regeringen uppdrar åt …", a title "Uppdrag att …") is one even where its
    wording reads like recommendations; a committee's task ("Nämnden ger förvaltningen i uppdrag att …")
    only where the document answers no recommendations.
    """
    head = match_text(text[:_HEAD_CHARS]).folded
    first = next((line for line in head.splitlines() if line.strip()), "")
    if _GOVERNMENT_TASK.search(head) or _TITLE.search(first):
        return True
    # A committee's task document opens with the task; a page of several decisions ("Beslut i korthet") that
    # mentions one further down is read sentence by sentence, each decision on its own.
    return not answers_recommendations and GIVES_TASK.search(head[:_TASK_OPENS]) is not None


_TASK_OPENS = 250
_GOVERNMENT_TASK = sv(r"\bregeringen\s+(?:uppdrar|ger|gav)\b|\b(?:ger|gav)\s+regeringen\b[^.]{0,40}\buppdrag\b")


@dataclass(frozen=True)
class _Doc:
    text: str
    reference: date
    document_date: date | None


def read_as_decision(
    findings: Sequence[Finding], text: str, reference: date, document_date: date | None
) -> list[Finding]:
    """The findings of a decision: lists under a lead-in made one, the task's content and background
    left out, and the report of the task joined to the task."""
    doc = _Doc(text, reference, document_date)
    # The government gives tasks and quotes no auditors: what reads like a recommendation in its decision is a
    # part of the task ("föreslå en lämplig process …" under "Myndigheten ska …:").
    government = _GOVERNMENT_TASK.search(match_text(text[:_HEAD_CHARS]).folded) is not None
    out = [f for f in findings if f.kind != COMMITMENT and not government]
    commitments = [f for f in findings if f.kind == COMMITMENT]
    lists = _lead_in_lists(doc)
    background = _background_spans(doc.text)
    kept: list[Finding] = []
    for f in commitments:
        under = next((made for start, end, made in lists if start <= f.span[0] < end), False)
        if under is not False and (under is not None or not _own_item(f)):
            continue  # an item of a list: a dated list is read whole below, an undated one is the task's content
        if any(start <= f.span[0] < end for start, end in background) or _is_content(doc, f):
            continue
        kept.append(f)
    kept.extend(made for _s, _e, made in lists if made is not None)
    kept.sort(key=lambda f: f.span)
    joined = join_reports(_without_elaborations(kept, doc.text), doc.text, doc.reference)
    return out + with_its_items_task(under_measure_headings(_owned_by_the_task(joined), doc.text), doc.text)


def _owned_by_the_task(found: list[Finding]) -> list[Finding]:
    """What the decision says in the passive ("Det utökade uppdraget ska redovisas …") is for the agency it
    gives the task to, the owner of its first commitment, not for another agency the page names in passing."""
    first = min((f for f in found if f.owner), key=lambda f: f.span, default=None)
    if first is None:
        return found
    return [f if f.owner else replace(f, owner=first.owner) for f in found]


# What stands on its own after a measure: another task, a duty towards the government ("Formas ska löpande
# informera Regeringskansliet …"), a report due with the one before ("Vid samma tidpunkt ska …").
_OWN_DUTY = sv(r"\b(?:regeringen|regeringskansliet)\b")


def _without_elaborations(kept: list[Finding], text: str) -> list[Finding]:
    """Leave out what only spells out the dated measure before it in the same paragraph.

    "Tillväxtverket ska under perioden 2026–2030 utlysa medel för regionala tematiska kraftsamlingar …
    Tillväxtverket ska identifiera tematiska områden i dialog med regioner och länsstyrelser." is one measure,
    due when the first sentence says; the second is how it is done, not a second promise due with the task.
    """
    out: list[Finding] = []
    for f in kept:
        before = out[-1] if out else None
        if (
            before is not None
            and before.deadlines
            and not f.deadlines
            and f.recurrence is None
            and f.owner in (None, before.owner)
            and "\n\n" not in text[before.span[1] : f.span[0]]
            and not any(p.search(match_text(f.text).folded) for p in (GIVES_TASK, _OWN_DUTY, SAME_TIME))
        ):
            continue
        out.append(f)
    return out


# ---------------------------------------------------------------- lists under a lead-in

_BULLET = re.compile(r"^[ \t]*(?:[*•\-–−]|\d{1,2}[.)])[ \t]+\S")
_LEAD_IN = sv(r"\b(?:ska|skall|ingår\s+(?:det\s+)?att|ska\s+bland\s+annat)\b[^.]*:?\s*$")


def _lines(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for line in text.splitlines(keepends=True):
        out.append((start, start + len(line.rstrip("\r\n"))))
        start += len(line)
    return out


def _lead_in_lists(doc: _Doc) -> list[tuple[int, int, Finding | None]]:
    """Each list under a lead-in ("X ska:", "Trafikverket ska senast den 15 november 2018"): the items' span,
    and the one commitment the list makes when its lead-in is dated (None: the list is the task's content)."""
    lines = _lines(doc.text)
    out: list[tuple[int, int, Finding | None]] = []
    k = 0
    while k < len(lines):
        s, e = lines[k]
        lead = doc.text[s:e].strip().lstrip("#").strip()
        if not lead or _BULLET.match(doc.text[s:e]) or lead.endswith((".", "?", "!")) or len(lead) > 300:
            k += 1
            continue
        items = _items_after(doc.text, lines, k)
        folded = match_text(lead).folded
        if not items or not _LEAD_IN.search(folded):
            k += 1
            continue
        first, last = lines[items[0]][0], lines[items[-1]][1]
        texts = [_item_text(doc.text, lines, j, items) for j in items]
        out.append((first, last, _list_commitment(doc, lead, texts, s, last)))
        k = items[-1] + 1
    return out


# An item under "Statskontoret ska:" that is more than the task's content: a report or a duty of its own.
# A report the item is, not one its work is to include ("… samt innefatta redovisning av vilka avvägningar …").
_OWN_ITEM = sv(
    r"\blöpande\b|\bkontinuerlig\w*|\b(?:del|slut)?redovisa[rs]?\b|\b(?:lämna|ge\s+in)\s+(?:en\s+)?\w*redovisning"
    r"|\b(?:del|slut)?redovisning(?:en)?\s+(?:ska|skall)\b|\brapport\w*|\binformera\b"
)


def _own_item(f: Finding) -> bool:
    """ "senast den 1 november 2024 delredovisning …", "löpande informera Regeringskansliet om arbetet"."""
    return bool(f.deadlines or f.recurrence or _OWN_ITEM.search(match_text(f.text).folded))


def _items_after(text: str, lines: list[tuple[int, int]], k: int) -> list[int]:
    """The bullet lines right after line `k` (blank lines and wrapped item lines between them allowed)."""
    j = k + 1
    while j < len(lines) and not text[lines[j][0] : lines[j][1]].strip():
        j += 1
    items: list[int] = []
    while j < len(lines):
        line = text[lines[j][0] : lines[j][1]]
        if _BULLET.match(line):
            items.append(j)
        elif line.strip() and (not items or not (line.startswith((" ", "\t")) or _continues(text, lines, j, items))):
            break
        j += 1
    return items


def _continues(text: str, lines: list[tuple[int, int]], j: int, items: list[int]) -> bool:
    """A wrapped item: the line goes on from an item without a full stop before it."""
    previous = text[lines[j - 1][0] : lines[j - 1][1]].rstrip()
    return bool(items) and bool(previous) and not previous.endswith((".", ":", ";"))


def _item_text(text: str, lines: list[tuple[int, int]], j: int, items: list[int]) -> str:
    """An item's words without its bullet, its wrapped lines joined."""
    following = [i for i in items if i > j]
    stop = lines[following[0]][0] if following else lines[items[-1]][1]
    if not following:
        stop = lines[j][1]
        k = j + 1
        while k < len(lines) and _continues(text, lines, k, items) and text[lines[k][0] : lines[k][1]].strip():
            stop, k = lines[k][1], k + 1
    words = " ".join(text[lines[j][0] : stop].split())
    return _BULLET_MARK.sub("", words).rstrip(" ,;")


_BULLET_MARK = re.compile(r"^(?:[*•\-–−]|\d{1,2}[.)])\s+")


def _list_commitment(doc: _Doc, lead: str, items: list[str], start: int, end: int) -> Finding | None:
    chosen = choose(find_deadlines(lead, doc.reference), document_date=doc.document_date)
    if not chosen.deadlines and chosen.recurrence is None:
        return None
    folded = match_text(lead).folded
    owner = assigned_agency(lead, folded) or subject_owner(lead, folded) or _named_subject(lead, folded)
    confidence = commitment_confidence(
        MEDIUM,
        date_confidence=chosen.confidence,
        has_recurrence=chosen.recurrence is not None,
        has_owner=owner is not None,
        answers=False,
        hedged=False,
        report=False,
    )
    text = f"{' '.join(lead.split()).rstrip(':')}: {'; '.join(items)}"
    return make_finding(COMMITMENT, text, (start, end), chosen, owner, None, confidence, None)


_SUBJECT_BEFORE_SKA = re.compile(r"^\W*(?P<name>.+?)\s+(?:ska|skall)\b")


def _named_subject(text: str, folded: str) -> str | None:
    m = _SUBJECT_BEFORE_SKA.match(folded)
    if m is None or not AGENCY.search(m["name"]) or not text[:1].isupper():
        return None
    return text[: m.end("name")].strip()


# ---------------------------------------------------------------- content and background

# Sections of a decision that give its reasons or history, not its tasks.
_BACKGROUND_HEADING = re.compile(
    r"^#*\s*(?:skälen\s+för\s+(?:regeringens|nämndens|styrelsens)\s+beslut|bakgrund|ärendet)\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_ANY_HEADING = re.compile(r"^#+\s", re.MULTILINE)


def _background_spans(text: str) -> list[tuple[int, int]]:
    """Where the decision gives its reasons or history: from such a heading to the next heading."""
    spans = []
    for m in _BACKGROUND_HEADING.finditer(text):
        nxt = _ANY_HEADING.search(text, m.end())
        spans.append((m.start(), nxt.start() if nxt else len(text)))
    return spans


_MODAL = sv(r"\b(?:ska|skall|bör|kommer|får|lämnas|presenteras|redovisas|ges)\b")
# Who can be given something to do: the agencies, the government, the administration, a named role.
_ACTOR = sv(
    r"^(?:regeringen|regeringskansliet|myndighet(?:en|erna)?|samordnaren|utredaren|nämnden|förvaltningen|kommunen"
    r"|regionen|styrelsen|länsstyrelse\w*|universitet\w*|skolverket|formas|vinnova|sverige)$"
)
# What the report shall contain, how the task is done or paid for, and the steps inside it: the task's
# content. "Skolverket ska också redovisa vilka konsekvenser …", "Trafikanalys ska genomföra uppdraget i
# samråd med …", "Vid behov ska Trafikanalys även samråda med …", "får Formas under 2022 använda 1 000 000
# kronor", "… ska redovisas i enlighet med …", "Skolverket ska därigenom bl.a. säkerställa …".
_CONTENT = sv(
    r"\b(?:ska|skall)\s+(?:också|även|vidare|dessutom|därtill)\s+(?:redovisa|beskriva|analysera)\s+(?:hur|vilka|vilken|vilket|vad|om)\b"
    r"|\b(?:genomföra|utföra)\s+uppdraget\s+(?:i\s+samråd|i\s+samverkan|i\s+dialog|tillsammans)\b"
    r"|\bsamråda\s+med\b|\bsyftar\s+till\b|\b(?:redovisas|utformas|genomföras)\s+(?:i\s+enlighet\s+med|enligt)\b"
    r"|\b(?:därigenom|därefter|som\s+en\s+del\s+i|i\s+samband\s+med\s+detta)\b|^\W*vid\s+behov\b"
    # How the work is done: "I arbetet med kursplanerna ska Skolverket överväga …", "ska föra en nära dialog
    # med …", "ska utifrån erfarenheter … analysera", "författningsändringar som följer av uppdraget".
    r"|^\W*i\s+arbetet\s+med\b|\bi\s+arbetet\s+med\s+(?:detta|det)\b|\bföra\s+(?:en\s+)?(?:\w+\s+)?dialog\b"
    r"|\böverväga\b|\b(?:ska|skall)\s+utifrån\b|\bsom\s+följer\s+av\s+uppdraget\b|\bta\s+hänsyn\s+till\b"
)
# "För uppdraget får Formas under 2022 använda 1 000 000 kronor som ska redovisas mot …": the money.
_FUNDING = sv(
    r"\bfår\b[^.;]{0,80}?\banvända\b[^.;]{0,80}?\bkronor\b|\bredovisas\s+mot\b|^\W*medlen\s+(?:ska|skall|får)\s+användas\b"
)
# A lead-in to what follows: "Inom ramen för uppdraget ska följande åtgärder genomföras under perioden …".
_LEAD_IN_ONLY = sv(r"\b(?:ska|skall)\s+följande\b|\bföljande\s+\w+\s+(?:ska|skall)\b")
# The part of the work a step belongs to, opening the sentence: "I förhandsbedömningen", "Vid utformningen av
# statsbidragsbestämmelserna", "Till grund för den samlade bedömningen", "Inom ramen för uppdraget".
_WITHIN_THE_WORK = sv(r"^\W*(?:i|vid|inom\s+ramen\s+för|till\s+grund\s+för|som\s+(?:underlag|grund)\s+för)\s")
# What the agency shall be able to do, said in its main clause: a power within the task, not a task.
_ABLE = sv(r"\b(?:ska|skall)\s+(?:[^\s.;]+\s+){0,5}?kunna\b")
_HANDED_IN = sv(r"\b(?:lämnas|redovisas|lämna|redovisa|ges\s+in)\b")
# A passive verb after the subject says what shall become of something, not who does it ("ska de utformas").
_PASSIVE_AFTER = re.compile(r"^(?:\w+\s+){0,2}?\w{3,}as\b")
# A sentence opened by an adverbial puts its subject after the verb ("Vid genomförandet ska Formas …").
_ADVERBIAL_START = sv(
    r"^\W*(?:vid|i|om|när|efter|inom|för|under|även|vidare|dessutom|därutöver|därtill|därefter|inför|tillsammans"
    r"|utöver|som|med|genom|av)\b"
)


def _is_content(doc: _Doc, f: Finding) -> bool:
    """Is this sentence about the task's content or manner, not something someone is given to do?

    "Analysen ska fastställa …", "Geografisk spridning ska säkerställas", "Rapporterna ska ges in på
    svenska och engelska": no actor does it. A dated sentence or a report of the task stays.
    """
    folded = match_text(f.text).folded
    if GIVES_TASK.search(folded) or assigned_agency(f.text, folded):
        return False
    if SAME_TIME.search(folded) and _HANDED_IN.search(folded):
        return False  # "Vid samma tidpunkt ska en ekonomisk redovisning … lämnas": a report, due with the one before
    if WITH_THE_REPORT.search(folded):
        return False  # "I samband med att Trafikverket redovisar uppdraget ska verket dessutom remittera …"
    if _FUNDING.search(folded) or _LEAD_IN_ONLY.search(folded) or cues.SAYS_WHAT.search(folded):
        # What the task may cost, a lead-in to the measures below, or what a report is to say: whatever its dates.
        return True
    if f.deadlines or f.recurrence:
        return False
    able, first = _ABLE.search(folded), cues.SKA.search(folded)
    if able is not None and first is not None and able.start() == first.start():
        return True  # "Havs- och vattenmyndigheten ska inom respektive försöksområde kunna möjliggöra …": may, not must
    if _CONTENT.search(folded):
        return True
    if re.search(r"\bbor\b", folded) and not re.search(r"\b(?:ska|skall|kommer|avser)\b", folded):
        return True  # "Trafikanalys bör därför ges i uppdrag": the reasons for the decision
    m = _MODAL.search(folded)
    if m is None:
        return False
    after = folded[m.end() :].split()[:1]
    raw_after = f.text[m.end() :].split()[:1]  # the fold is aligned with the text
    if _PASSIVE_AFTER.match(folded[m.end() :].strip()):
        return True  # "ska de utformas med den struktur …", "Geografisk spridning ska säkerställas"
    if after and (_ACTOR.match(after[0]) or AGENCY.search(after[0]) or (raw_after and _named(raw_after[0]))):
        # "I förhandsbedömningen ska Tillväxtverket analysera …", "Vid utformningen av … ska Skolverket ta
        # ställning …": a step inside the work, where the sentence opens with the part of the work it belongs to;
        # "Tillväxtverket ska därutöver föreslå …": more of the task.
        return _more_of_it(folded) or _WITHIN_THE_WORK.match(folded) is not None
    before = folded[: m.start()].strip()
    if _ADVERBIAL_START.match(before) or not before:
        return True
    words = before.split()
    if any(_ACTOR.match(w) or AGENCY.search(w) for w in words):
        return _more_of_it(folded)
    # A name inside the subject ("Post- och telestyrelsen", "Uppsala universitet") is an actor.
    return not any(_named(w) for w in f.text[: m.start()].split()[1:])


# What the agency is to do as well, within the task: "Tillväxtverket ska därutöver föreslå …", "Skolverket ska
# också ta fram förslag …", "I förhandsbedömningen ska Tillväxtverket vidare beskriva …".
_MORE_OF_IT = sv(r"\b(?:också|även|därutöver|vidare|dessutom|härutöver)\b")


def _more_of_it(folded: str) -> bool:
    """More of the task for its agency, with no time of its own (a time makes it a commitment of its own)."""
    return _MORE_OF_IT.search(folded) is not None and not cues.DATED.search(folded)


def _named(word: str) -> bool:
    """A word of a name ("Trafikverket", "Post- och telestyrelsen"); an acronym ("EU-nivå") names no actor."""
    return word[:1].isupper() and not word[:2].isupper()
