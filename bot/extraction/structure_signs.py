"""What a unit's words say about the answer's structure; `structure.annotate` walks the units with these.

The genre (the committee answers, or the auditors report), what a list intro
introduces (promises, recommendations, history, questions), "Rekommendation 2"
pointing back at a recommendation listed earlier, and a recommendation restated
in the answer over the paragraphs that answer it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.extraction import cues
from bot.extraction.classify import commitment_cue
from bot.extraction.layout import Unit
from bot.extraction.textfold import qfold

__all__ = [
    "END_HEADINGS",
    "REC_HEADING",
    "REC_INTRO",
    "SUBJECT_REC",
    "answers_itself",
    "genre_of",
    "intro_kind",
    "is_intro",
    "names_listed",
    "referred_rec",
    "restated_rec",
]

REC_HEADING = re.compile(r"rekommendation|iakttagelse|forslag\s+(?:pa|till)\s+atgard|atgardsforslag")
END_HEADINGS = re.compile(
    r"^(?:\d[\d.]*\s+)?(?:ekonomiska\s+konsekvenser|barnperspektiv|barnrattsperspektiv|beslutsunderlag|bilagor?"
    r"|sammanfattning|bakgrund|beskrivning\s+av\s+arendet|arendet|arendebeskrivning|metod|revisionskriterier"
    r"|syfte|inledning|forslag\s+till\s+beslut|beslut|konsekvenser|jamstalldhet\w*|miljo\w*|folkhalsa\w*"
    r"|ekonomi|juridik|samverkan\s+med\s+fackliga|mbl|facklig\s+samverkan|bedomning\w*|slutsats\w*|resultat)\b"
)
REC_INTRO = cues.sv(
    r"rekommend\w*|\bbör\s+vidtas|\bföljande\s+åtgärder\s+bör|förslag\s+på\s+åtgärd|åtgärdsförslag|\bbör\b"
)
# An actor that will do, among other things, what its list says: "Utredaren ska bl.a.".
_ACTOR_AMONG = (
    r"\b(?:utredaren|myndigheten|namnden|forvaltningen|styrelsen|kommunen|regionen|vi"
    r"|\w+(?:namnden|forvaltningen|styrelsen|verket|myndigheten|inspektionen))\s+"
    r"(?:ska|skall|kommer\s+att|avser\s+att)\s+(?:\w+\s+)?(?:bl\.\s?a\.?|bland\s+annat|t\.\s?ex\.?|exempelvis)"
)
_COMMIT_INTRO = cues.sv(
    r"\b(?:kommer|avser|planerar|ska|skall|ämnar|åtar\s+sig|beslutar|har\s+för\s+avsikt)(?:\s+att)?\s*:?\s*$"
    # "Utredaren ska bl.a.", "Nämnden kommer att bland annat:" (an actor's; "Programmet ska bl.a." tells what it holds)
    rf"|{_ACTOR_AMONG}\s*:?\s*$"
    # "I förhållande till Klimatklivet … ska Energimyndigheten:": the subject after an inverted "ska"
    r"|\b(?:ska|skall)\s+[\w-]+\s*:\s*$"
    r"|(?:planerade|följande)\s+åtgärder|följande\s+(?:kontrollmoment|kontrollområden|aktiviteter|insatser|uppdrag)\b|åtgärder\s+(?:som\s+)?(?:kommer|ska|planeras)|\bkommer\s+(?:\S+\s+){0,3}att\b"
    r"|\bavser\s+(?:\S+\s+){0,3}att\b|\bplanerar\b|\bplaneras\b"
    r"|\b(?:gör|genomför|planerar)\s+vi\s+(?:framåt|framöver|härnäst|nu)\b|\bnästa\s+steg\b"
    r"|\bsom\s+(?:mål|målsättning|ambition)\s+att\b"
    # "Under höstens tillsynsvecka fokuseras på följande tillsynsområden:": work set for a time, one per item
    r"|^\W*(?:under|i)\s[^.:;]{0,40}?\s(?:fokuseras|genomförs|görs|prioriteras|granskas|kontrolleras)\s+(?:på\s+)?följande\b"
    # "Myndigheten har även i uppdrag att:", "Nämnden får i uppdrag att:": tasks, one per item
    r"|\b(?:har|får|fick)\s+(?:\S+\s+){0,2}?i\s+uppdrag\s+att\s*:\s*$"
    # "Regionstyrelsen ger regiondirektören i uppdrag att:", "Nämnden uppdrar åt förvaltningen att:": given tasks
    r"|\b(?:ger|gav|uppdrar\s+(?:åt|till))\s+(?:\S+\s+){1,5}?(?:i\s+uppdrag\s+)?att\s*:\s*$"
)
# "Trafikanalys ska senast den 30 april varje år … redovisa:": the modal's own verb opens a list of what is due
# by the time the lead-in names ("Statskontoret ska beskriva, analysera och bedöma:" without one lists what a
# single task covers).
_MODAL_OPENS = cues.sv(
    r"\b(?:ska|skall|kommer\s+att)\s+(?:[^\s.:;!?]+\s+){0,14}?[\w-]+a(?:\s+(?:för|fram|in|upp|över|om|ut))?\s*:\s*$"
)
_TIMED = cues.sv(r"\d|\bsenast\b|\bvarje\b|\bårligen\b")
_PREDICTS = cues.sv(r"\bkommer\s+(?:att\s+)?(?:leda|bidra|innebära|medföra|resultera)\s+till\s+att\s*:?\s*$")
_FUTURE = cues.sv(r"\b(?:kommer|ska|skall|avser|planer\w*|ämnar)\b")
_PAST_INTRO = cues.sv(r"\w+ades\b|\w+des\b|\blämnades\b|\bgavs\b|\btidigare\s+granskning|\bförra\s+granskning")
_QUESTION_INTRO = cues.sv(r"\bsvar\s+på\s*:?\s*$|\bfrågor\b|\brevisionsfråg|\bfrågeställning")
# A recommendation restated in the answer, over the paragraphs that answer it: "1. Nämnden bör säkerställa …".
_RESTATED_REC = cues.sv(
    r"^\W*(?:\d{1,2}[.)]\s*)?(?:(?:revisorerna|revisionen|granskningen)\s+(?:rekommenderar|föreslår)\s+(?:att\s+)?)?"
    r"(?:\S+\s+){0,3}?(?:\w*nämnd\w*|\w*styrelse\w*|\w*förvaltning\w*|kommunen|regionen|verksamhet\w*)"
    r"\s+(?:bör|rekommenderas)\s+\w+"
)
_MAX_RESTATED_WORDS = 60
SUBJECT_REC = cues.sv(r"^\W*(?:att\s+)?(?:\S+\s+){0,5}?(?:\w+nämnd\w*|nämnd\w*|\w*styrelse\w*)\s+\w+|\bbör\b")


def genre_of(folded: str, units: list[Unit]) -> str:
    """ "answer" (the committee speaks) or "report" (the auditors speak)."""
    answer = 3 * sum(1 for u in units if u.kind == "label" and u.label == "answer")
    answer += len(
        re.findall(
            r"\bsvar\s+pa\s+(?:revision|gransk)|\byttrande\s+over\b|\btjansteskrivelse\b|\bforslag\s+till\s+beslut\b"
            r"|\bforvaltningens\s+(?:kommentar|svar|synpunkter)|\bnamndens\s+(?:svar|kommentar)|\bvi\s+kommer\s+att\b"
            # The answering side speaking for itself: "Regeringen avser att", "Nämnden instämmer i".
            r"|\b(?:regeringen|namnden|styrelsen)\s+(?:avser|instammer|kommer\s+att)\b",
            folded,
        )
    )
    report = len(
        re.findall(
            r"\brevisionsfrag\w*|\brevisionskriteri\w*|\bvi\s+har\s+granskat\b|\bgranskningen\s+har\s+genomforts\b"
            r"|\bvar\s+bed\w{0,3}mning\b|\bvi\s+bed\w{0,3}mer\b|\brevisionell\w*|\bvi\s+rekommenderar\b"
            r"|\bgranskningsrapport\b|\bsammanfattande\s+bed\w{0,3}mning\b",
            folded,
        )
    )
    return "report" if report > answer else "answer"


# A list of the parts something is divided into or consists of, not of what anyone will do.
_PARTS = cues.sv(
    r"\b(?:fördelas|delas\s+(?:in|upp)|indelas|består|omfattar|utgörs)\s+(?:[^\s.:;]+\s+){0,2}?(?:på|i|av)\s+"
    r"(?:följande|nedanstående)\b"
)


def intro_kind(folded: str) -> tuple[str, float]:
    """What a unit ending in ":" (or "Svar: Vi kommer") introduces, and the strength it gives items."""
    # The sentence that opens the list, not what the paragraph told before it ("… fattade nämnden beslut om en
    # handlingsplan. Om verksamheten får resurser har man som målsättning att under 2019 arbeta med:").
    if _PREDICTS.search(folded[-80:]):
        return "neutral", 0.0  # "Det kommer leda till att:": what will follow, not what will be done
    if _PARTS.search(folded[-120:]):
        return "neutral", 0.0  # "… kommer att fördelas på följande ansvarsområden:": parts of a thing, no acts
    last = re.split(r"(?<=[.!?])\s+(?=[^\W\d_])", folded.strip())[-1]
    if last != folded.strip() and _COMMIT_INTRO.search(last) and not cues.PAST.search(last):
        return "commit", 0.6
    if _MODAL_OPENS.search(last) and _TIMED.search(last) and not cues.PAST.search(last):
        return "commit", 0.6
    if _QUESTION_INTRO.search(folded):
        return "question", 0.0
    if cues.PAST.search(folded) and not _FUTURE.search(folded):
        return "historical", 0.0  # "Följande åtgärder har vidtagits:": done already
    if REC_INTRO.search(folded):
        return ("historical", 0.0) if _PAST_INTRO.search(folded) else ("rec", 0.0)
    if _COMMIT_INTRO.search(folded):
        return "commit", 0.6
    if cues.PAST.search(folded):
        return "historical", 0.0  # "Följande åtgärder har vidtagits:": done already
    return "neutral", 0.0


_OPEN_END = re.compile(
    r"\b(?:kommer|avser|planerar|ska|skall)(?:\s+att)?$"
    r"|\b(?:rekommenderar|rekommenderade|rekommenderas|foreslar|foreslas|kommer|avser|planerar|beslutar|uppdrar)\b(?:\s+\S+){0,4}\s+att$"
    # "Utredaren ska bl.a." over its tasks: the list says what
    rf"|{_ACTOR_AMONG}$"
)


def is_intro(unit: Unit, nxt: Unit | None = None) -> bool:
    """A unit that opens a list: it ends in ":" or stops at "… kommer", "rekommenderar nämnden att",
    or it stops mid-sentence right over a list ("Ni rekommenderade att skolan" / "1. ser till …")."""
    text = unit.text.rstrip()
    if text.endswith(":") or _OPEN_END.search(qfold(text[-80:])):
        return True
    return nxt is not None and nxt.kind == "item" and unit.kind == "para" and not text.endswith((".", "!", "?"))


_NUMBER = re.compile(r"\d+")


def referred_rec(unit: Unit, rec_units: list[int]) -> int | None:
    """The recommendation "Rekommendation 2" names, if that many were listed before."""
    label = unit.label_text if unit.kind == "label" and unit.label_text else unit.text
    m = _NUMBER.search(label or "")
    if m is None:
        return None
    n = int(m.group())
    return rec_units[n - 1] if 0 < n <= len(rec_units) else None


def answers_itself(unit: Unit, folded: str) -> bool:
    """A "Rekommendation N" label whose text promises rather than recommends."""
    if not unit.text or cues.SHOULD.search(folded) or cues.RECOMMEND.search(folded):
        return False
    return commitment_cue(folded) is not None


def restated_rec(i: int, units: list[Unit], folded: str) -> bool:
    """A short "Nämnden bör …" item or paragraph followed by a paragraph (its answer)."""
    u = units[i]
    if u.kind not in ("item", "para") or len(u.text.split()) > _MAX_RESTATED_WORDS or not _RESTATED_REC.match(folded):
        return False
    if u.text.rstrip().endswith(":"):
        return False  # "Nämnden bör därför:" opens a list
    nxt = units[i + 1] if i + 1 < len(units) else None
    return nxt is not None and nxt.kind == "para" and not _RESTATED_REC.match(qfold(nxt.text))


# A list that sets out what a body decides ("Kommunfullmäktige beslutar att:", "föreslår att regionfullmäktige
# beslutar att:").
_DECISION_INTRO = cues.sv(r"\bbeslut(?:ar|ade)\s+(?:\w+\s+)?att\s*:?\s*$")
# An item of it that only settles or permits: "godkänna förslag till …", "fastställa antalet ledamöter",
# "vid tillämpning av kalkylmässig ränta fastställs räntesatsen till 1,75 %", "kommunstyrelsen har under år
# 2021 rätt att nyupplåna", "kommunstyrelsen medges rätt att besluta om …".
_SETTLES = cues.sv(
    r"\b(?:har|ges|medges|får|äger)\s+(?:\S+\s+){0,4}?rätt(?:ighet)?\s+att\b|\b(?:fastställs|godkänns|antas|noteras)\b"
    r"|\b(?:bemyndigas|bemyndigar)\b"
)


def decides(intro_folded: str) -> bool:
    """Does this list intro set out what a body decides ("Kommunfullmäktige beslutar att:")?"""
    return _DECISION_INTRO.search(intro_folded[-60:]) is not None


def settles_only(folded: str) -> bool:
    """Is this item of a decision list a formal decision or a permission, with nothing to be done?"""
    first = next(iter(re.findall(r"[^\W\d_]+", folded)), "")
    return first in cues.FORMAL_DECISIONS or _SETTLES.search(folded) is not None


# A place's or a body's name, one to three capitalised words, perhaps with a remark in brackets after it.
_ONLY_A_NAME = re.compile(r"[A-ZÅÄÖ][\w-]*(?:\s+[A-ZÅÄÖ][\w-]*){0,2}(?:\s*\([^()]{0,120}\))?\s*[.,;]?")


_NAMES_LISTED = 2


def names_listed(units: Sequence[Unit], i: int) -> list[int]:
    """The items after unit `i` when there are at least two and each is only a name ("Löpdal", "Törunda
    (hållplatsen blir kvar)"), nothing done; else none."""
    items: list[int] = []
    for j in range(i + 1, len(units)):
        if units[j].kind != "item":
            break
        if _ONLY_A_NAME.fullmatch(units[j].text.strip()) is None:
            return []
        items.append(j)
    return items if len(items) >= _NAMES_LISTED else []
