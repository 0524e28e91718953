"""Text normalisation for forgiving search and for reading OCR'd Swedish.

Four tools, for four needs:

- `fold` / `tokens`: a search key. Lower case, no diacritics (å/ä → a, ö → o,
  é → e), OCR look-alike digits inside words read as letters, words broken
  by a hyphen at a line end joined again, whitespace collapsed. The length
  changes, so never use it to compute spans.
- `fold_aligned` / `MatchText`: the same idea, but character for character,
  so a regular expression run over the result gives spans that are valid in
  the original text. The date grammar reads this.
- `fold_dnr` / `find_dnr`: diarienummer in one comparable form.
- `repair_ocr`: a conservative, length-preserving repair for display.

Choices worth knowing:

- A digit "1" inside a word is read as "l", not "i": OCR confuses "1" with both,
  but its shape (no dot) is closer to "l", and "l" after a vowel at a word end
  ("apri1", "kontro1") is the common case in these documents.
- "6" inside or at the start of a word is "ö" (the OCR engines behind municipal
  PDFs read "ö" as "6": "6verenskommelsen", "h6sten"); "0" inside a word is "o".
- Letters inside numbers ("2O21") are read as digits only when the token is
  mostly digits already.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

__all__ = [
    "MatchText",
    "find_dnr",
    "fold",
    "fold_aligned",
    "fold_dnr",
    "match_text",
    "repair_ocr",
    "tokens",
]

# --------------------------------------------------------------------------- #
# Character-level folding (length-preserving)
# --------------------------------------------------------------------------- #

_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad\ufe58\ufe63\uff0d")
_SPECIAL = {
    "å": "a",
    "ä": "a",
    "æ": "a",
    "ö": "o",
    "ø": "o",
    "œ": "o",
    "ð": "d",
    "þ": "t",
    "ł": "l",
    "ı": "i",
    "\u2044": "/",
    "\uff0f": "/",
}


def _fold_char(ch: str) -> str:
    """One lower-case character to one matching character."""
    special = _SPECIAL.get(ch)
    if special is not None:
        return special
    if ch.isspace():
        # Keep line breaks (some callers care about lines); every other space is a space.
        return "\n" if ch == "\n" else " "
    if ch in _DASHES:
        return "-"
    if ch.isascii():
        return ch
    digit = unicodedata.decimal(ch, None)
    if digit is not None:
        return str(digit)
    if ch.isalpha():
        base = unicodedata.normalize("NFKD", ch)[:1]
        if base.isascii() and base.isalpha():
            return base.lower()
    return ch


class _FoldTable(dict[int, str]):
    """A `str.translate` table that fills itself: one character in, one out."""

    def __missing__(self, code: int) -> str:
        out = _fold_char(chr(code))
        self[code] = out
        return out


_TABLE = _FoldTable()


def _lower_aligned(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    # A few characters lower-case to two ("İ" → "i̇"); keep those as they are.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# --------------------------------------------------------------------------- #
# OCR look-alikes inside tokens (length-preserving)
# --------------------------------------------------------------------------- #

_WORDCHAR = re.compile(r"[^\W_]")
_TOKEN = re.compile(r"[^\W_]+")
# Where a letter meets a digit; only tokens with such a place need a look.
_TRANSITION = re.compile(r"[^\W\d_][0-9]|[0-9][^\W\d_]")
_ORDINAL = re.compile(r"[0-9]+(?:a|e|te|de|nde|st|ste)")
_CODE_NUMBER = re.compile(r"([^\W\d_]{1,3})([0-9][0-9o]*)")
_NUM_LOOKALIKE = str.maketrans({"o": "0", "i": "1", "l": "1"})
_WORD_LOOKALIKE = str.maketrans({"0": "o", "6": "o", "1": "l", "4": "a"})
_LETTER_AT = re.compile(r"(?<=[^\W\d_])[@&](?=[^\W\d_])|(?<![\w@&])[@&](?=[^\W\d_]{2})")


def _repair_token(tok: str, before: str, after: str) -> str | None:
    """A lower-case token with OCR look-alikes fixed, or None to keep it."""
    if _ORDINAL.fullmatch(tok):
        return None  # "1a", "3e", "2st": a number and a suffix, not damage
    n_digits = sum(c.isdigit() for c in tok)
    n_letters = len(tok) - n_digits
    if all(c.isdigit() or c in "oil" for c in tok):
        if n_digits >= 2 and n_digits >= n_letters:
            return tok.translate(_NUM_LOOKALIKE)  # "2o21" → "2021"
        if len(tok) == 2 and n_digits == 1 and "o" in tok and (before in "-./" or after in "-./"):
            return tok.replace("o", "0")  # the "O5" in "2023-O5-15"
    code = _CODE_NUMBER.fullmatch(tok)
    if code is not None:
        # "v12", "q3", "vt21", "bun0148": keep; only "vt2o21" needs its O read as 0.
        digits = code.group(2)
        return code.group(1) + digits.replace("o", "0") if "o" in digits else None
    if n_letters >= 2 and n_digits * 2 <= n_letters:
        return tok.translate(_WORD_LOOKALIKE)  # "h6sten" → "hosten", "apri1" → "april"
    return None


def _repair_tokens(folded: str) -> tuple[str, list[int]]:
    """Fix look-alikes token by token; return the text and the changed positions."""
    chars: list[str] | None = None
    changed: list[int] = []
    last_end = 0
    for m in _TRANSITION.finditer(folded):
        pos = m.start()
        if pos < last_end:
            continue
        start = pos
        while start > 0 and _WORDCHAR.match(folded, start - 1):
            start -= 1
        end_match = _TOKEN.match(folded, pos)
        end = end_match.end() if end_match else pos + 2
        last_end = end
        tok = folded[start:end]
        before = folded[start - 1] if start > 0 else ""
        after = folded[end] if end < len(folded) else ""
        fixed = _repair_token(tok, before, after)
        if fixed is None or fixed == tok or len(fixed) != len(tok):
            continue
        if chars is None:
            chars = list(folded)
        for i, (a, b) in enumerate(zip(tok, fixed, strict=True)):
            if a != b:
                chars[start + i] = b
                changed.append(start + i)
    out = "".join(chars) if chars is not None else folded
    if "@" in out or "&" in out:
        out = _LETTER_AT.sub("a", out)
    return out, changed


@dataclass(frozen=True)
class MatchText:
    """Text prepared for the grammar: same length as the original, positions align."""

    original: str
    folded: str
    repaired: tuple[int, ...]

    def damaged(self, start: int, end: int) -> bool:
        """True if an OCR look-alike was read differently anywhere in [start, end)."""
        i = bisect_left(self.repaired, start)
        return i < len(self.repaired) and self.repaired[i] < end


def match_text(text: str) -> MatchText:
    """Fold `text` character for character and note where OCR damage was read."""
    folded = _lower_aligned(text).translate(_TABLE)
    repaired, changed = _repair_tokens(folded)
    return MatchText(text, repaired, tuple(changed))


def fold_aligned(text: str) -> str:
    """Lower case, no diacritics, OCR look-alikes read; same length as `text`."""
    return match_text(text).folded


# --------------------------------------------------------------------------- #
# Search folding (length may change)
# --------------------------------------------------------------------------- #

# "samver-\nkan" is one word; "månads-\noch delårsrapportering" is not.
_HYPHEN_BREAK = re.compile(r"([^\W\d_])-[ \t]*\r?\n\s*(?=([^\W\d_]+))")
_KEEP_HYPHEN_BEFORE = frozenset({"och", "eller", "samt", "respektive", "resp", "som", "till", "men"})
_SPACES = re.compile(r"\s+")


def _join_broken_words(text: str) -> str:
    def join(m: re.Match[str]) -> str:
        nxt = m.group(2).lower()
        if nxt in _KEEP_HYPHEN_BEFORE:
            return m.group(1) + "- "
        start = m.start(1)
        # "BUS-\nsamverkan": an acronym keeps its hyphen.
        if m.group(1).isupper() and start > 0 and text[start - 1].isupper():
            return m.group(1) + "-"
        return m.group(1)

    return _HYPHEN_BREAK.sub(join, text)


def fold(text: str) -> str:
    """A search key: lower case, NFKC, no diacritics, OCR look-alikes read, one space."""
    text = unicodedata.normalize("NFKC", text)
    text = _join_broken_words(text)
    folded = _lower_aligned(text).translate(_TABLE)
    if not folded.isascii():
        # Only text left with non-ASCII letters can hold combining marks (search indexes fold a lot of ASCII).
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded, _ = _repair_tokens(folded)
    return _SPACES.sub(" ", folded).strip()


def tokens(text: str) -> list[str]:
    """Folded word tokens (letters and digits), then each diarienummer in canonical form.

    "Dnr 2023/BUN 0148" gives ["dnr", "2023", "bun", "0148", "2023/bun/0148"], so
    a search matches the parts and the whole number alike.
    """
    words = _TOKEN.findall(fold(text))
    seen: set[str] = set()
    for canonical, _span in find_dnr(text):
        if canonical not in seen:
            seen.add(canonical)
            words.append(canonical)
    return words


# --------------------------------------------------------------------------- #
# Diarienummer
# --------------------------------------------------------------------------- #

_YEAR = r"(?:19|20)\d\d"
# "2023/BUN 0148", "2023/bun148", "2023/KS/0148", "2023/BUN 0148-2"
_DNR_YEAR_FIRST = re.compile(
    rf"(?<![\w/.-])(?P<y>{_YEAR})\s?/\s?(?P<c>[^\W\d_]{{1,8}})[ \t]?[:./-]?[ \t]?(?P<n>\d{{1,6}})"
    r"(?:-\d{1,3})?(?![\w/]|[.,:-]\d)"
)
# "BUN 2023/148", "KS 2022:123", "SN/2021.45", "KS 2019-000123"
_DNR_CODE_FIRST = re.compile(
    rf"(?<![\w/.-])(?P<c>[^\W\d_]{{1,8}})[ \t]?[/-]?[ \t]?(?P<y>{_YEAR})"
    r"[ \t]?(?P<s>[/:.-])[ \t]?(?!\d\d?[-/.]\d\d?(?!\d))(?P<n>\d{1,6})(?:-\d{1,3})?(?![\w/]|[.,:-]\d)"
)
# "Dnr 2019-000123", "diarienummer: 2020/45" (no committee code)
_DNR_LABELLED = re.compile(
    rf"(?<![^\W_])(?:dnr|diarienummer|diarienr|d\.nr)\.?\s*:?\s*(?P<y>{_YEAR})\s?[/:.-]\s?"
    r"(?!\d\d?[-/.]\d\d?(?!\d))(?P<n>\d{1,6})"
    r"(?:-\d{1,3})?(?![\w/]|[.,:-]\d)"
)
_LABEL_BEFORE = re.compile(r"(?:dnr|diarienummer|diarienr|d\.nr)\.?\s*:?\s*$")
# Words that are never a committee code in front of a year ("under 2023/24").
_NOT_CODES = frozenset(
    {"under", "till", "och", "i", "per", "fran", "from", "tom", "ar", "vt", "ht", "lasaret", "lasar", "den"}
)


def _canonical(year: str, code: str | None, number: str) -> str:
    num = f"{int(number):04d}"
    return f"{year}/{code}/{num}" if code else f"{year}/{num}"


def find_dnr(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Diarienummer in `text`: (canonical form, span), in text order.

    The canonical form is "year/code/number" with the number zero-padded to four
    digits ("2023/bun/0148"), or "year/number" when no committee code is written.
    A trailing document number ("-2") is dropped: it names a paper in the same case.
    """
    mt = match_text(text)
    folded = mt.folded
    found: list[tuple[int, int, str]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= fs or s >= fe for fs, fe, _ in found)

    for m in _DNR_YEAR_FIRST.finditer(folded):
        found.append((m.start(), m.end(), _canonical(m["y"], m["c"], m["n"])))
    for m in _DNR_CODE_FIRST.finditer(folded):
        code = m["c"]
        if code in _NOT_CODES or not free(m.start(), m.end()):
            continue
        if m["s"] == "-" and len(m["n"]) < 3:
            continue  # "KS 2022-03-28" is a date after a code, not a case number
        written = text[m.start("c") : m.end("c")]
        labelled = _LABEL_BEFORE.search(folded, max(0, m.start() - 20), m.start()) is not None
        # Committee codes are written in capitals; lower case needs a "dnr" label.
        if not (written.isupper() or labelled):
            continue
        found.append((m.start(), m.end(), _canonical(m["y"], code, m["n"])))
    for m in _DNR_LABELLED.finditer(folded):
        if free(m.start("y"), m.end()):
            found.append((m.start("y"), m.end(), _canonical(m["y"], None, m["n"])))
    found.sort()
    return [(canonical, (s, e)) for s, e, canonical in found]


def fold_dnr(text: str) -> str:
    """The canonical form of the diarienummer in `text` ("2023/BUN 0148" → "2023/bun/0148").

    Text without a recognisable diarienummer is returned folded without spaces,
    so two spellings of an unusual number still compare equal more often than not.
    """
    found = find_dnr(text)
    if found:
        return found[0][0]
    whole = fold(text).replace(" ", "")
    # "2023/bun148" and similar compact forms without any separator to anchor on.
    m = re.fullmatch(rf"({_YEAR})/?([a-z]{{1,8}})/?(\d{{1,6}})", whole)
    if m:
        return _canonical(m[1], m[2], m[3])
    m = re.fullmatch(rf"([a-z]{{1,8}})/?({_YEAR})[/:.-](\d{{1,6}})", whole)
    if m:
        return _canonical(m[2], m[1], m[3])
    return whole


# --------------------------------------------------------------------------- #
# OCR repair for display (length-preserving, conservative)
# --------------------------------------------------------------------------- #

# Correct Swedish forms that OCR often strips of their diacritics or misreads
# ("nimnden", "dtgard", "forvaltningen"). "stem:suffix,suffix" adds inflected
# forms; a leading "*" lets the word also end a compound ("socialnimnden").
# Words whose stripped form is itself a word (för/for, år/ar, mål/mal, stöd/stod,
# så/sa, vår/var, här/har, väl/val, äter/åter) are deliberately absent.
_LEXICON = """
*nämnd:en,er,erna,ens,ernas,s,ledamot,ledamöter
*förvaltning:en,ar,arna,ens,s,schef,schefen,splan,splanen
*överenskommelse:n,r,rna,ns
*åtgärd:en,er,erna,a,as,at,ats,s,splan,splanen
*åtagande:t,n,na,ts,na
*uppföljning:en,ar,arna,ens,s
*bedömning:en,ar,arna,ens
*utvärdering:en,ar,arna,s
*verksamhetsberättelse:n,r,rna,ns
*årsredovisning:en
*delårsrapport:en,er,ering,eringen
*socialtjänst:en,ens
*tjänsteskrivelse:n
*tjänsteperson:er,erna
*möte:t,n,na,s,sformer
*sammanträde:t,n,na,s
*ärende:t,n,na,ts
*förbättring:ar,en,sförslag,sområden
*förskola:n,ns,or
*förslag:et,en
*återrapportering:en
*återkoppling:en
*läsår:et,ets,s
*höstterminen
*vårterminen
*elevhälsa:n,ns
*vårdnadshavare:n,s
*kommunfullmäktige:s
*skolsköterska:n
*arbetssätt:et
*ansvarsfördelning:en
*målformulering:ar,arna,en
*målsättning:ar,en
*personalomsättning:en
*utsträckning:en
*fullmäktige:s
särskilt,särskild,särskilda
gällande,gäller,gällde
på,från,utifrån,därifrån,när,där,därför,därigenom,därefter,därtill,även,också,både,någon,något,några
följa,följs,följer,följt,följande,följdes,följts
utvärdera,utvärderas,utvärderats,utvärderades
bedöms,bedömer,bedömdes,bedöma,bedömt
ändamålsenlig,ändamålsenligt,ändamålsenliga
lämnas,lämnade,lämna,lämnat,lämnats
föreslår,föreslås,föreslog
fortsätter,fortsätta,fortsätt
genomförs,genomförd,genomfört,genomförda,genomföra,genomfördes,genomförts,genomför
påbörjats,påbörjat,påbörja,påbörjad,påbörjades
pågår,pågående,pågått
beräknas,beräknat,beräknad
slutfört,slutförd,slutföra,slutförts
färdig,färdigt,färdiga,färdigställd,färdigställt
tillämpas,tillämpa,tillämplig,tillämpligt
året,årets,årligen,åren
hösten,höstens,våren,vårens
gånger,gången,två,första,fjärde,början,före,inför,nästa,närmare,nästan
månad,månaden,månader,månaderna,månads,månadsvis,månatligen
kvartalsvis,terminsvis
övergripande,övriga,övrigt,över,överlämnas,övervägas
öka,ökar,ökat,ökade
kräver,krävs,krävde
säkerställa,säkerställs,säkerställt,säkerställer
förbättra,förbättras,förbättrat
förebyggande,förebygga
frågor,frågan,fråga
ingår,ingått
behöver,behövs,behövde
tidpunkt,tidpunkten
hänvisningar,hänvisning
""".strip()

# Real words a damaged form must never be turned away from.
_REAL_WORDS = frozenset(
    {
        "for",
        "ar",
        "mal",
        "stod",
        "sa",
        "var",
        "har",
        "las",
        "fora",
        "vara",
        "basta",
        "bast",
        "sat",
        "satt",
        "mota",
        "hora",
        "ga",
        "val",
        "ater",
        "alla",
        "halla",
        "fick",
        "dar",
        "mote",
        "fore",
        "over",
        "ora",
        "gar",
        "ode",
        "tid",
        "dom",
        "din",
        "dig",
    }
)
# What OCR leaves of å, ä and ö; "é" for "ö" is common in scanned municipal PDFs ("férvaltningen").
_DAMAGE = {"å": "ad", "ä": "aid", "ö": "oé"}


@lru_cache(maxsize=1)
def _repair_maps() -> tuple[dict[str, str], dict[str, str]]:
    """Damaged form → correct form: for whole words, and for compound endings."""
    whole: dict[str, str | None] = {}
    tails: dict[str, str | None] = {}
    correct_forms: set[str] = set()
    entries: list[tuple[str, bool]] = []
    for line in _LEXICON.splitlines():
        compound = line.startswith("*")
        item = line.lstrip("*")
        if ":" in item:
            # "*stem:suffix,suffix": every suffix makes a form of the same stem.
            stem, suffixes = item.split(":", 1)
            entries.extend((f, compound) for f in [stem, *(stem + s for s in suffixes.split(","))])
            continue
        for raw in line.split(","):
            word = raw.lstrip("*")
            if word:
                entries.append((word, raw.startswith("*")))
    for form, _ in entries:
        correct_forms.add(form)
    for form, compound in entries:
        positions = [i for i, c in enumerate(form) if c in _DAMAGE]
        if not positions or len(positions) > 4:
            continue
        options = [_DAMAGE[form[i]] + form[i] for i in positions]
        for choice in product(*options):
            variant = list(form)
            for i, c in zip(positions, choice, strict=True):
                variant[i] = c
            damaged = "".join(variant)
            if damaged == form or damaged in correct_forms or damaged in _REAL_WORDS:
                continue
            for table, wanted in ((whole, True), (tails, compound and len(form) >= 5)):
                if not wanted:
                    continue
                previous = table.get(damaged, form)
                # A damaged form that two words could come from is left alone.
                table[damaged] = form if previous == form else None
    return (
        {k: v for k, v in whole.items() if v is not None},
        {k: v for k, v in tails.items() if v is not None},
    )


@lru_cache(maxsize=1)
def _longest_tail() -> int:
    return max((len(k) for k in _repair_maps()[1]), default=0)


def _with_case(template: str, replacement: str) -> str:
    """`replacement` with the upper/lower case pattern of `template` (same length)."""
    return "".join(r.upper() if t.isupper() else r for t, r in zip(template, replacement, strict=True))


_REPAIR_DIGITS = re.compile(r"[^\W_]+")
_LETTER = re.compile(r"[^\W\d_]")


def _repair_word_digits(tok: str) -> str:
    """Digits that stand for letters inside a word; "2O21" letters inside a number."""
    if not any(c.isdigit() for c in tok) or not any(c.isalpha() for c in tok):
        return tok
    low = tok.lower()
    if _ORDINAL.fullmatch(low):
        return tok
    code = _CODE_NUMBER.fullmatch(low)
    if code is not None:
        head = len(code.group(1))
        return tok[:head] + "".join("0" if c in "oO" else c for c in tok[head:])
    n_digits = sum(c.isdigit() for c in tok)
    n_letters = len(tok) - n_digits
    if all(c.isdigit() or c in "oO" for c in tok) and n_digits >= 2 and n_digits >= n_letters:
        return "".join("0" if c in "oO" else c for c in tok)
    if n_letters < 2 or n_digits * 2 > n_letters:
        return tok
    out = list(tok)
    upper = tok.isupper() or (n_letters > 1 and all(c.isupper() for c in tok if c.isalpha()))
    for i, c in enumerate(tok):
        if c not in "016":
            continue
        prev_letter = i > 0 and tok[i - 1].isalpha()
        next_letter = i + 1 < len(tok) and tok[i + 1].isalpha()
        if c == "6":
            # "6verenskommelsen", "h6sten"; not "fo6r" (the o is already the ö).
            neighbours = (tok[i - 1] if i > 0 else "") + (tok[i + 1] if i + 1 < len(tok) else "")
            if "o" in neighbours.lower() or "ö" in neighbours.lower():
                continue
            leading_ok = i == 0 and len(tok) >= 4 and tok[1:4].isalpha()
            if (prev_letter and next_letter) or leading_ok or (prev_letter and i == len(tok) - 1 and i >= 2):
                out[i] = "Ö" if upper else "ö"
        elif c == "0" and prev_letter and next_letter:
            out[i] = "O" if upper else "o"
        elif c == "1" and prev_letter and (next_letter or (i == len(tok) - 1 and i >= 3)):
            out[i] = "L" if upper else "l"
    return "".join(out)


def repair_ocr(text: str) -> str:
    """Typical OCR damage in Swedish words repaired, for display; same length as `text`.

    Only single characters are replaced, so spans computed on `text` stay valid.
    Correct text is left untouched: a word changes only if it is a known damaged
    form ("nimnden" → "nämnden", "forvaltningen" → "förvaltningen") or holds a
    digit where a letter belongs ("6verenskommelsen", "apri1", "2O21").
    """
    whole, tails = _repair_maps()
    out: list[str] = []
    last = 0
    for m in _REPAIR_DIGITS.finditer(text):
        tok = m.group()
        fixed = _repair_word_digits(tok)
        low = fixed.lower()
        if _LETTER.search(low) and not any(c.isdigit() for c in low):
            if low in whole:
                fixed = _with_case(fixed, whole[low])
            elif len(low) > 6:
                # A compound ending in a known word: "socialnimnden", "BUS-6verenskommelsen".
                # Only as far back as the longest known ending, so long tokens stay cheap.
                for cut in range(max(2, len(low) - _longest_tail()), len(low) - 4):
                    tail = tails.get(low[cut:])
                    if tail is not None:
                        fixed = fixed[:cut] + _with_case(fixed[cut:], tail)
                        break
        if fixed != tok and len(fixed) == len(tok):
            out.append(text[last : m.start()])
            out.append(fixed)
            last = m.end()
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)
