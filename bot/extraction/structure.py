"""The answer's structure: which units are recommendations, answer blocks, list items of a promise.

Audit answers are laid out in a few ways, and the roles come from the layout:

- a recommendation, then a label ("Förvaltningens kommentar:", "Svar:",
  "Nämndens svar") and the answer: the unit just before an answer label is the
  recommendation it answers; the answer block runs to the next recommendation
  or heading;
- a recommendations section ("Revisorernas rekommendationer", "… rekommenderas:",
  "Följande åtgärder bör vidtas:") whose list items are recommendations;
- a list intro that promises ("Svar: Vi kommer", "Nämnden avser att:") whose
  "att …" items are commitments;
- a list intro in the past ("Följande förslag på åtgärd avlämnades:") whose
  items are history, and questions ("Vi har begärt svar på:"), which are neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extraction import cues
from bot.extraction.classify import commitment_cue
from bot.extraction.layout import Unit
from bot.extraction.textfold import qfold

__all__ = ["Role", "annotate", "genre_of"]


@dataclass
class Role:
    role: str  # "rec" | "commit_item" | "answer" | "body" | "skip" | "heading" | "intro" | "field" | "label"
    block: int | None = None  # answer block id
    answers: int | None = None  # unit index of the recommendation the block answers
    strength: float = 0.0  # for "commit_item": the strength the list intro gives
    rec_section: bool = False
    certain: bool = True  # the answer block's recommendation stands right before its label


_REC_HEADING = re.compile(r"rekommendation|iakttagelse|forslag\s+(?:pa|till)\s+atgard|atgardsforslag")
_END_HEADINGS = re.compile(
    r"^(?:\d[\d.]*\s+)?(?:ekonomiska\s+konsekvenser|barnperspektiv|barnrattsperspektiv|beslutsunderlag|bilagor?"
    r"|sammanfattning|bakgrund|beskrivning\s+av\s+arendet|arendet|arendebeskrivning|metod|revisionskriterier"
    r"|syfte|inledning|forslag\s+till\s+beslut|beslut|konsekvenser|jamstalldhet\w*|miljo\w*|folkhalsa\w*"
    r"|ekonomi|juridik|samverkan\s+med\s+fackliga|mbl|facklig\s+samverkan|bedomning\w*|slutsats\w*|resultat)\b"
)
_REC_INTRO = cues.sv(
    r"rekommend\w*|\bbör\s+vidtas|\bföljande\s+åtgärder\s+bör|förslag\s+på\s+åtgärd|åtgärdsförslag|\bbör\b"
)
_COMMIT_INTRO = cues.sv(
    r"\b(?:kommer|avser|planerar|ska|skall|ämnar|åtar\s+sig|beslutar|har\s+för\s+avsikt)(?:\s+att)?\s*:?\s*$"
    r"|(?:planerade|följande)\s+åtgärder|åtgärder\s+(?:som\s+)?(?:kommer|ska|planeras)|\bkommer\s+(?:\S+\s+){0,3}att\b"
    r"|\bavser\s+(?:\S+\s+){0,3}att\b|\bplanerar\b|\bplaneras\b"
    r"|\b(?:gör|genomför|planerar)\s+vi\s+(?:framåt|framöver|härnäst|nu)\b|\bnästa\s+steg\b"
)
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
_SUBJECT_REC = cues.sv(r"^\W*(?:att\s+)?(?:\S+\s+){0,5}?(?:\w+nämnd\w*|nämnd\w*|\w*styrelse\w*)\s+\w+|\bbör\b")


def genre_of(folded: str, units: list[Unit]) -> str:
    """ "answer" (the committee speaks) or "report" (the auditors speak)."""
    answer = 3 * sum(1 for u in units if u.kind == "label" and u.label == "answer")
    answer += len(
        re.findall(
            r"\bsvar\s+pa\s+(?:revision|gransk)|\byttrande\s+over\b|\btjansteskrivelse\b|\bforslag\s+till\s+beslut\b"
            r"|\bforvaltningens\s+(?:kommentar|svar|synpunkter)|\bnamndens\s+(?:svar|kommentar)|\bvi\s+kommer\s+att\b",
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


def _intro_kind(folded: str) -> tuple[str, float]:
    """What a unit ending in ":" (or "Svar: Vi kommer") introduces, and the strength it gives items."""
    if _QUESTION_INTRO.search(folded):
        return "question", 0.0
    if cues.PAST.search(folded) and not _FUTURE.search(folded):
        return "historical", 0.0  # "Följande åtgärder har vidtagits:": done already
    if _REC_INTRO.search(folded):
        return ("historical", 0.0) if _PAST_INTRO.search(folded) else ("rec", 0.0)
    if _COMMIT_INTRO.search(folded):
        return "commit", 0.6
    if cues.PAST.search(folded):
        return "historical", 0.0  # "Följande åtgärder har vidtagits:": done already
    return "neutral", 0.0


_OPEN_END = re.compile(
    r"\b(?:kommer|avser|planerar|ska|skall)(?:\s+att)?$"
    r"|\b(?:rekommenderar|rekommenderade|rekommenderas|foreslar|foreslas|kommer|avser|planerar|beslutar|uppdrar)\b(?:\s+\S+){0,4}\s+att$"
)


def _is_intro(unit: Unit, nxt: Unit | None = None) -> bool:
    """A unit that opens a list: it ends in ":" or stops at "… kommer", "rekommenderar nämnden att",
    or it stops mid-sentence right over a list ("Ni rekommenderade att skolan" / "1. ser till …")."""
    text = unit.text.rstrip()
    if text.endswith(":") or _OPEN_END.search(qfold(text[-80:])):
        return True
    return nxt is not None and nxt.kind == "item" and unit.kind == "para" and not text.endswith((".", "!", "?"))


_MIN_REC_WORDS = 5
_NUMBER = re.compile(r"\d+")


def _referred_rec(unit: Unit, rec_units: list[int]) -> int | None:
    """The recommendation "Rekommendation 2" names, if that many were listed before."""
    label = unit.label_text if unit.kind == "label" and unit.label_text else unit.text
    m = _NUMBER.search(label or "")
    if m is None:
        return None
    n = int(m.group())
    return rec_units[n - 1] if 0 < n <= len(rec_units) else None


def _rec_right_before(i: int, units: list[Unit], roles: list[Role], pre_label: set[int]) -> bool:
    """Is the answer label at `i` right after the one recommendation it answers?

    Not when that recommendation ends a list of several: the answer then speaks to all of them.
    """
    j = i - 1
    while j >= 0 and units[j].kind == "heading":
        j -= 1
    if j not in pre_label:
        return False
    return not (j > 0 and roles[j - 1].role == "rec" and units[j - 1].kind == "item" and units[j].kind == "item")


def _answers_itself(unit: Unit, folded: str) -> bool:
    """A "Rekommendation N" label whose text promises rather than recommends."""
    if not unit.text or cues.SHOULD.search(folded) or cues.RECOMMEND.search(folded):
        return False
    return commitment_cue(folded) is not None


def _restated_rec(i: int, units: list[Unit], folded: str) -> bool:
    """A short "Nämnden bör …" item or paragraph followed by a paragraph (its answer)."""
    u = units[i]
    if u.kind not in ("item", "para") or len(u.text.split()) > _MAX_RESTATED_WORDS or not _RESTATED_REC.match(folded):
        return False
    if u.text.rstrip().endswith(":"):
        return False  # "Nämnden bör därför:" opens a list
    nxt = units[i + 1] if i + 1 < len(units) else None
    return nxt is not None and nxt.kind == "para" and not _RESTATED_REC.match(qfold(nxt.text))


def _over_table(i: int, units: list[Unit], in_tables: set[int]) -> bool:
    """Is the label at `i` (with no text of its own) right over a table?"""
    if units[i].text:
        return False
    j = i + 1
    while j < len(units) and units[j].kind in ("label", "heading") and not units[j].text and j not in in_tables:
        j += 1
    return j in in_tables


def annotate(units: list[Unit], genre: str, in_tables: set[int] | None = None) -> list[Role]:
    """A role for every unit (see the module docstring).

    Units in `in_tables` were read as a table: they are skipped, and an answer label
    over a table ("Åtgärdsplan") does not make the paragraph before it a recommendation.
    """
    in_tables = in_tables or set()
    roles = [Role("body") for _ in units]
    answer_labels = [
        i
        for i, u in enumerate(units)
        if u.kind == "label" and u.label == "answer" and i not in in_tables and not _over_table(i, units, in_tables)
    ]
    pre_label: set[int] = set()
    for k in answer_labels:
        j = k - 1
        while j >= 0 and units[j].kind == "heading" and not _REC_HEADING.search(qfold(units[j].text)):
            j -= 1
        if j < 0:
            continue
        u = units[j]
        # A recommendation says something: a list item, or a paragraph of a few words at least
        # (not a name line such as "Miljö- och byggnämnden" over "Yttrande").
        sayable = u.kind == "item" or len(u.text.split()) >= _MIN_REC_WORDS
        if (u.kind in ("item", "para") and sayable and not u.text.rstrip().endswith(":")) or (
            u.kind == "label" and u.label == "rec" and u.text
        ):
            pre_label.add(j)

    block: int | None = None
    block_rec: int | None = None
    current_rec: int | None = None
    rec_section = False
    intro: tuple[str, float] | None = None
    blocks = 0
    certain = True
    done_section = False  # under "Redan vidtagna åtgärder": what is told is done
    rec_units: list[int] = []  # recommendations so far, in order ("Rekommendation 2" refers to the second)
    answered = False  # an answer label has been seen: later "Rekommendation N" headings refer back
    restated = False  # the current block answers a recommendation quoted right before it (no label)
    for i, u in enumerate(units):
        if i in in_tables:
            roles[i] = Role("skip")
            continue
        if i > 0 and roles[i - 1].role == "rec" and (not rec_units or rec_units[-1] != i - 1):
            rec_units.append(i - 1)
        folded = qfold(u.text) if u.text else ""
        # An item of a promise list reads as a recommendation only if it names a committee or says "bör".
        if i in pre_label and not (
            intro and intro[0] == "commit" and u.kind == "item" and not _SUBJECT_REC.search(folded)
        ):
            roles[i] = Role("rec", rec_section=rec_section)
            current_rec = i
            block = None
            intro = None
            continue
        if u.kind == "heading" and u.label in ("action", "done"):
            # A section of the answer: planned measures (their items promise) or measures taken (history).
            roles[i] = Role("heading")
            intro = ("commit", 0.6) if u.label == "action" else ("historical", 0.0)
            done_section = u.label == "done"
            continue
        if u.kind == "heading":
            restated = False
            done_section = False
            roles[i] = Role("heading")
            intro = None
            key = folded.strip(" .:")
            referred = _referred_rec(u, rec_units) if _REC_HEADING.search(key) else None
            if referred is not None and answered:
                blocks += 1
                block, block_rec, rec_section, certain = blocks, referred, False, True
                continue
            if _REC_HEADING.search(key) and not _END_HEADINGS.match(key):
                rec_section = True
                block = None
            else:
                block = None
                rec_section = False
                if _END_HEADINGS.match(key):
                    current_rec = None
            continue
        if u.kind == "label":
            restated = False
            if u.label == "answer":
                answered = True
                blocks += 1
                block = blocks
                block_rec = current_rec
                certain = (
                    _rec_right_before(i, units, roles, pre_label) or len(rec_units) + (current_rec is not None) <= 1
                )
                rec_section = False
                if u.text and _is_intro(u):
                    intro = ("commit", 0.6)
                    roles[i] = Role("intro", block, block_rec, certain=certain)
                else:
                    intro = None
                    roles[i] = Role("answer" if u.text else "label", block, block_rec, certain=certain)
            elif u.label == "rec":
                referred = _referred_rec(u, rec_units)
                if referred is not None and (answered or _answers_itself(u, folded)):
                    # "Rekommendation 2" over the answer to it: the recommendation was listed earlier.
                    blocks += 1
                    block, block_rec, rec_section, intro, certain = blocks, referred, False, None, True
                    roles[i] = Role("answer" if u.text else "label", block, block_rec, certain=certain)
                    continue
                rec_section = True
                block = None
                if u.text and not u.text.rstrip().endswith(":"):
                    roles[i] = Role("rec", rec_section=True)
                    current_rec = i
                    intro = None
                else:
                    roles[i] = Role("label")
                    intro = ("rec", 0.0)
            elif u.label == "done":
                roles[i] = Role("label")
                intro = ("historical", 0.0)
            elif u.label == "action" and not u.text:
                # "Planerade åtgärder:" over a list: its items are commitments.
                roles[i] = Role("intro", block, block_rec if block is not None else current_rec, certain=certain)
                intro = ("commit", 0.6)
            else:
                roles[i] = Role("field", block, block_rec if block is not None else current_rec, certain=certain)
            continue
        if genre == "answer" and (block is None or restated) and _restated_rec(i, units, folded):
            # The answer quotes each recommendation and answers it in the paragraphs after it.
            roles[i] = Role("rec")
            current_rec = i
            blocks += 1
            block, block_rec, certain, intro, rec_section, restated = blocks, i, True, None, False, True
            continue
        if u.kind == "item":
            kind = intro[0] if intro else None
            if kind in ("historical", "question"):
                roles[i] = Role("skip")
            elif kind == "rec" or (rec_section and block is None and kind != "commit"):
                roles[i] = Role("rec", rec_section=True)
                current_rec = i
            elif kind == "commit" and intro is not None:
                roles[i] = Role(
                    "commit_item", block, block_rec if block is not None else current_rec, intro[1], certain=certain
                )
            elif block is not None:
                roles[i] = Role("answer", block, block_rec, certain=certain)
            else:
                roles[i] = Role("body", None, current_rec)
            continue
        # A paragraph.
        if _is_intro(u, units[i + 1] if i + 1 < len(units) else None):
            intro = _intro_kind(folded)
            done_section = done_section and intro[0] == "historical"
            roles[i] = Role("intro", block, block_rec if block is not None else current_rec, certain=certain)
            if intro[0] == "rec" and block is not None:
                block = None
            # The intro may itself hold findings before its last clause; read it as running text too.
            continue
        intro = None
        if done_section:
            roles[i] = Role("skip")
            continue
        if rec_section and block is None:
            if _REC_INTRO.search(folded) or (units[i - 1].kind == "heading" and commitment_cue(folded) is None):
                roles[i] = Role("rec", rec_section=True)
                current_rec = i
                continue
            rec_section = False
        if block is not None:
            roles[i] = Role("answer", block, block_rec, certain=certain)
        else:
            roles[i] = Role("body", None, current_rec)
    return roles
