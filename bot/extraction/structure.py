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
from dataclasses import dataclass, field

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
    walk = _Walk(units, genre, in_tables, _recs_before_answer_labels(units, in_tables))
    for i, unit in enumerate(units):
        walk.step(i, unit)
    return walk.roles


def _recs_before_answer_labels(units: list[Unit], in_tables: set[int]) -> set[int]:
    """The units right before an answer label (past headings) that can be the recommendation it answers."""
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
    return pre_label


_COMMIT_INTRO_KIND = ("commit", 0.6)
_HISTORICAL = ("historical", 0.0)


@dataclass
class _Walk:
    """The walk over the units in order, and where it stands: the answer block, its recommendation, the list intro."""

    units: list[Unit]
    genre: str
    in_tables: set[int]
    pre_label: set[int]  # units right before an answer label (see `_recs_before_answer_labels`)
    roles: list[Role] = field(init=False)
    block: int | None = None  # the answer block the walk is in
    block_rec: int | None = None  # the recommendation that block answers
    current_rec: int | None = None  # the last recommendation seen
    rec_section: bool = False
    intro: tuple[str, float] | None = None  # what the last list intro introduces, and the strength it gives
    blocks: int = 0
    certain: bool = True
    done_section: bool = False  # under "Redan vidtagna åtgärder": what is told is done
    rec_units: list[int] = field(default_factory=list)  # recommendations so far, in order ("Rekommendation 2")
    answered: bool = False  # an answer label has been seen: later "Rekommendation N" headings refer back
    restated: bool = False  # the current block answers a recommendation quoted right before it (no label)

    def __post_init__(self) -> None:
        self.roles = [Role("body") for _ in self.units]

    def step(self, i: int, u: Unit) -> None:
        """Give unit `i` its role and move the walk on."""
        if i in self.in_tables:
            self.roles[i] = Role("skip")
            return
        if i > 0 and self.roles[i - 1].role == "rec" and (not self.rec_units or self.rec_units[-1] != i - 1):
            self.rec_units.append(i - 1)
        folded = qfold(u.text) if u.text else ""
        if self._rec_over_answer_label(i, u, folded):
            self.roles[i] = Role("rec", rec_section=self.rec_section)
            self.current_rec = i
            self.block = None
            self.intro = None
        elif u.kind == "heading":
            self._heading(i, u, folded)
        elif u.kind == "label":
            self._label(i, u, folded)
        elif self.genre == "answer" and (self.block is None or self.restated) and _restated_rec(i, self.units, folded):
            self._restated_rec(i)
        elif u.kind == "item":
            self._item(i)
        else:
            self._paragraph(i, u, folded)

    # ------------------------------------------------------------------ helpers

    def _rec_over_answer_label(self, i: int, u: Unit, folded: str) -> bool:
        """Is `i` the recommendation an answer label answers?

        An item of a promise list reads as a recommendation only if it names a committee or says "bör".
        """
        if i not in self.pre_label:
            return False
        promise_item = (
            self.intro is not None
            and self.intro[0] == "commit"
            and u.kind == "item"
            and not _SUBJECT_REC.search(folded)
        )
        return not promise_item

    def _answered_rec(self) -> int | None:
        """The recommendation a unit here answers: its block's, else the last one seen."""
        return self.block_rec if self.block is not None else self.current_rec

    def _answer_or_body(self) -> Role:
        if self.block is not None:
            return Role("answer", self.block, self.block_rec, certain=self.certain)
        return Role("body", None, self.current_rec)

    def _open_block(self, rec: int | None) -> None:
        """A new answer block, answering `rec`."""
        self.blocks += 1
        self.block, self.block_rec = self.blocks, rec

    # ------------------------------------------------------------------ headings

    def _heading(self, i: int, u: Unit, folded: str) -> None:
        self.roles[i] = Role("heading")
        if u.label in ("action", "done"):
            # A section of the answer: planned measures (their items promise) or measures taken (history).
            self.intro = _COMMIT_INTRO_KIND if u.label == "action" else _HISTORICAL
            self.done_section = u.label == "done"
            return
        self.restated = False
        self.done_section = False
        self.intro = None
        key = folded.strip(" .:")
        referred = _referred_rec(u, self.rec_units) if _REC_HEADING.search(key) else None
        if referred is not None and self.answered:
            # "Rekommendation 2" over its answer, after the recommendations were listed.
            self._open_block(referred)
            self.rec_section, self.certain = False, True
            return
        self.block = None
        if _REC_HEADING.search(key) and not _END_HEADINGS.match(key):
            self.rec_section = True
            return
        self.rec_section = False
        if _END_HEADINGS.match(key):
            self.current_rec = None

    # ------------------------------------------------------------------ labels

    def _label(self, i: int, u: Unit, folded: str) -> None:
        self.restated = False
        if u.label == "answer":
            self._answer_label(i, u)
        elif u.label == "rec":
            self._rec_label(i, u, folded)
        elif u.label == "done":
            self.roles[i] = Role("label")
            self.intro = _HISTORICAL
        elif u.label == "action" and not u.text:
            # "Planerade åtgärder:" over a list: its items are commitments.
            self.roles[i] = Role("intro", self.block, self._answered_rec(), certain=self.certain)
            self.intro = _COMMIT_INTRO_KIND
        else:
            self.roles[i] = Role("field", self.block, self._answered_rec(), certain=self.certain)

    def _answer_label(self, i: int, u: Unit) -> None:
        """ "Svar:", "Förvaltningens kommentar": an answer block opens, answering the recommendation before it."""
        self.answered = True
        self._open_block(self.current_rec)
        self.certain = (
            _rec_right_before(i, self.units, self.roles, self.pre_label)
            or len(self.rec_units) + (self.current_rec is not None) <= 1
        )
        self.rec_section = False
        if u.text and _is_intro(u):
            self.intro = _COMMIT_INTRO_KIND
            self.roles[i] = Role("intro", self.block, self.block_rec, certain=self.certain)
        else:
            self.intro = None
            self.roles[i] = Role("answer" if u.text else "label", self.block, self.block_rec, certain=self.certain)

    def _rec_label(self, i: int, u: Unit, folded: str) -> None:
        """ "Rekommendation 2": a recommendation, or the heading of the answer to one listed earlier."""
        referred = _referred_rec(u, self.rec_units)
        if referred is not None and (self.answered or _answers_itself(u, folded)):
            # "Rekommendation 2" over the answer to it: the recommendation was listed earlier.
            self._open_block(referred)
            self.rec_section, self.intro, self.certain = False, None, True
            self.roles[i] = Role("answer" if u.text else "label", self.block, self.block_rec, certain=self.certain)
            return
        self.rec_section = True
        self.block = None
        if u.text and not u.text.rstrip().endswith(":"):
            self.roles[i] = Role("rec", rec_section=True)
            self.current_rec = i
            self.intro = None
        else:
            self.roles[i] = Role("label")
            self.intro = ("rec", 0.0)

    # ------------------------------------------------------------------ items and paragraphs

    def _restated_rec(self, i: int) -> None:
        """The answer quotes each recommendation and answers it in the paragraphs after it."""
        self.roles[i] = Role("rec")
        self.current_rec = i
        self._open_block(i)
        self.certain, self.intro, self.rec_section, self.restated = True, None, False, True

    def _item(self, i: int) -> None:
        kind = self.intro[0] if self.intro else None
        if kind in ("historical", "question"):
            self.roles[i] = Role("skip")
        elif kind == "rec" or (self.rec_section and self.block is None and kind != "commit"):
            self.roles[i] = Role("rec", rec_section=True)
            self.current_rec = i
        elif kind == "commit" and self.intro is not None:
            self.roles[i] = Role("commit_item", self.block, self._answered_rec(), self.intro[1], certain=self.certain)
        else:
            self.roles[i] = self._answer_or_body()

    def _paragraph(self, i: int, u: Unit, folded: str) -> None:
        if _is_intro(u, self.units[i + 1] if i + 1 < len(self.units) else None):
            self._list_intro(i, folded)
            return
        self.intro = None
        if self.done_section:
            self.roles[i] = Role("skip")
            return
        if self.rec_section and self.block is None:
            if _REC_INTRO.search(folded) or (self.units[i - 1].kind == "heading" and commitment_cue(folded) is None):
                self.roles[i] = Role("rec", rec_section=True)
                self.current_rec = i
                return
            self.rec_section = False
        self.roles[i] = self._answer_or_body()

    def _list_intro(self, i: int, folded: str) -> None:
        """A paragraph that opens a list; the intro may itself hold findings before its last clause."""
        self.intro = _intro_kind(folded)
        self.done_section = self.done_section and self.intro[0] == "historical"
        self.roles[i] = Role("intro", self.block, self._answered_rec(), certain=self.certain)
        if self.intro[0] == "rec" and self.block is not None:
            self.block = None
