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

from dataclasses import dataclass, field

from bot.extraction.classify import commitment_cue, is_recommendation
from bot.extraction.cues import AUDITOR_VOICE, sv
from bot.extraction.layout import Unit
from bot.extraction.structure_signs import (
    END_HEADINGS,
    REC_HEADING,
    REC_INTRO,
    SUBJECT_REC,
    answers_itself,
    decides,
    intro_kind,
    is_intro,
    names_listed,
    referred_rec,
    restated_rec,
    settles_only,
)
from bot.extraction.textfold import qfold

__all__ = ["Role", "annotate"]


@dataclass
class Role:
    role: str  # "rec" | "commit_item" | "answer" | "body" | "skip" | "heading" | "intro" | "field" | "label"
    block: int | None = None  # answer block id
    answers: int | None = None  # unit index of the recommendation the block answers
    strength: float = 0.0  # for "commit_item": the strength the list intro gives
    rec_section: bool = False
    certain: bool = True  # the answer block's recommendation stands right before its label
    intro: int | None = None  # for "commit_item": the unit of the list's intro, whose deadline undated items share


_MIN_REC_WORDS = 5


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
        while j >= 0 and units[j].kind == "heading" and not REC_HEADING.search(qfold(units[j].text)):
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
_TASK_GIVEN = sv(r"\b(?:får|ges)\s+(?:\w+\s+)?i\s+uppdrag\s+att\b|\buppdras\s+(?:\w+\s+)?att\b")


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
    intro_unit: int | None = None  # the paragraph that opened the current list, if a paragraph did
    # The last item of a numbered promise list, with the intro that opened the list: its next number goes on with it.
    numbered: tuple[int, tuple[str, float], int | None, bool] | None = None
    intro_decides: bool = False  # that paragraph sets out a decision ("Kommunfullmäktige beslutar att:")
    blocks: int = 0
    certain: bool = True
    done_section: bool = False  # under "Redan vidtagna åtgärder": what is told is done
    rec_units: list[int] = field(default_factory=list)  # recommendations so far, in order ("Rekommendation 2")
    answered: bool = False  # an answer label has been seen: later "Rekommendation N" headings refer back
    restated: bool = False  # the current block answers a recommendation quoted right before it (no label)
    nested_in: int | None = None  # the number of the numbered item whose own list of tasks is being read
    named_items: set[int] = field(default_factory=set)  # items that only name what their intro's sentence acts on

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
        if u.kind != "item":
            # Items share the deadline and owner of the paragraph that opens their list (set by _list_intro), never
            # of one before a heading or label that opened the list instead ("Planerade åtgärder").
            self.intro_unit = None
        if self._rec_over_answer_label(i, u, folded):
            self.roles[i] = Role("rec", rec_section=self.rec_section)
            self.current_rec = i
            self.block = None
            self.intro = None
        elif u.kind == "heading":
            self._heading(i, u, folded)
        elif u.kind == "label":
            self._label(i, u, folded)
        elif self.genre == "answer" and (self.block is None or self.restated) and restated_rec(i, self.units, folded):
            self._restated_rec(i)
        elif u.kind == "item":
            self._item(i, folded)
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
            self.intro is not None and self.intro[0] == "commit" and u.kind == "item" and not SUBJECT_REC.search(folded)
        )
        # "… kommer att skickas ut på remiss i mars" over "Kommentar": a measure's status page, not a
        # recommendation (one says "bör", "rekommenderar" or names the auditors).
        own_promise = (
            commitment_cue(folded) is not None
            and not is_recommendation(folded, auditors_speak=True)
            and not AUDITOR_VOICE.search(folded)
        )
        return not promise_item and not own_promise

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
        referred = referred_rec(u, self.rec_units) if REC_HEADING.search(key) else None
        if referred is not None and self.answered:
            # "Rekommendation 2" over its answer, after the recommendations were listed.
            self._open_block(referred)
            self.rec_section, self.certain = False, True
            return
        self.block = None
        if REC_HEADING.search(key) and not END_HEADINGS.match(key):
            self.rec_section = True
            return
        self.rec_section = False
        if END_HEADINGS.match(key):
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
        if u.text and is_intro(u):
            self.intro = _COMMIT_INTRO_KIND
            self.roles[i] = Role("intro", self.block, self.block_rec, certain=self.certain)
        else:
            self.intro = None
            self.roles[i] = Role("answer" if u.text else "label", self.block, self.block_rec, certain=self.certain)

    def _rec_label(self, i: int, u: Unit, folded: str) -> None:
        """ "Rekommendation 2": a recommendation, or the heading of the answer to one listed earlier."""
        referred = referred_rec(u, self.rec_units)
        if referred is not None and (self.answered or answers_itself(u, folded)):
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

    def _item(self, i: int, folded: str) -> None:
        if i in self.named_items:
            self.roles[i] = Role("skip")
            return
        nxt = self.units[i + 1] if i + 1 < len(self.units) else None
        opens = nxt is not None and nxt.kind == "item" and self.units[i].text.rstrip().endswith(":")
        number = _item_number(self.units[i].bullet)
        if opens and intro_kind(folded)[0] == "commit":
            # "2. Regionstyrelsen ger regiondirektören i uppdrag att:" over "• Införa …": an item of a decision's
            # numbered list that opens a list of tasks of its own
            self._list_intro(i, folded)
            self.nested_in = number
            return
        if self.nested_in is not None and number == self.nested_in + 1:
            self.intro, self.nested_in = None, None  # "3. En uppföljning …": the outer list goes on, not the tasks
        self._resume_numbered_list(i)
        kind = self.intro[0] if self.intro else None
        if kind == "historical" and _TASK_GIVEN.search(folded):
            # "Vid sammanträdet behandlades följande ärenden: • Samhällsbyggnadsförvaltningen får i uppdrag att …":
            # a meeting told in the past still gives a task to do; the item is read as any sentence.
            self.roles[i] = self._answer_or_body()
        elif kind in ("historical", "question"):
            self.roles[i] = Role("skip")
        elif kind == "rec" or (self.rec_section and self.block is None and kind != "commit"):
            self.roles[i] = Role("rec", rec_section=True)
            self.current_rec = i
        elif kind == "commit" and self.intro_unit is not None and self.intro_decides and settles_only(folded):
            self.roles[i] = Role("skip")  # "beslutar att: • godkänna förslaget": settled by the decision itself
        elif kind == "commit" and self.intro is not None:
            self.roles[i] = Role(
                "commit_item",
                self.block,
                self._answered_rec(),
                self.intro[1],
                certain=self.certain,
                intro=self.intro_unit,
            )
            number = _item_number(self.units[i].bullet)
            if number is not None:
                self.numbered = (number, self.intro, self.intro_unit, self.intro_decides)
        else:
            self.roles[i] = self._answer_or_body()

    def _resume_numbered_list(self, i: int) -> None:
        """ "Sametinget ska: 1. … Uppdragstid: 2023 / Redovisning: 2024-03-31 2. utveckla …": lines between the
        items of a numbered list (a task's fields, its source, even read as a heading) do not end it; the next
        number goes on with it."""
        number = _item_number(self.units[i].bullet)
        if self.numbered is None or number is None or number != self.numbered[0] + 1:
            return
        if self.intro is not None and self.intro[0] == "commit":
            return
        _, self.intro, self.intro_unit, self.intro_decides = self.numbered

    def _paragraph(self, i: int, u: Unit, folded: str) -> None:
        if is_intro(u, self.units[i + 1] if i + 1 < len(self.units) else None):
            names = names_listed(self.units, i)
            if not names:
                self._list_intro(i, folded)
                return
            # "… ett antal hållplatser kommer att tas bort: • Matsäcksvilan • Löpdal": the sentence is the promise,
            # its items only name what it acts on.
            self.named_items.update(names)
        self.intro = None
        if self.done_section:
            self.roles[i] = Role("skip")
            return
        if self.rec_section and self.block is None:
            if REC_INTRO.search(folded) or (self.units[i - 1].kind == "heading" and commitment_cue(folded) is None):
                self.roles[i] = Role("rec", rec_section=True)
                self.current_rec = i
                return
            self.rec_section = False
        self.roles[i] = self._answer_or_body()

    def _list_intro(self, i: int, folded: str) -> None:
        """A paragraph that opens a list; the intro may itself hold findings before its last clause."""
        self.intro = intro_kind(folded)
        self.intro_unit = i
        self.intro_decides = decides(folded)
        self.done_section = self.done_section and self.intro[0] == "historical"
        self.roles[i] = Role("intro", self.block, self._answered_rec(), certain=self.certain)
        if self.intro[0] == "rec" and self.block is not None:
            self.block = None


def _item_number(bullet: str | None) -> int | None:
    """The number of a numbered item's bullet ("2.", "3)"), or None."""
    if bullet is None:
        return None
    digits = bullet.rstrip(".)")
    return int(digits) if digits.isdigit() and len(digits) <= 2 else None
