"""OCR repair for display: typical damage in Swedish words undone, length-preserving and conservative."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from bot.language.folding import CODE_NUMBER, ORDINAL

__all__ = ["repair_for_reading", "repair_ocr"]

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
# An "e" read as "c", looked for only in a word's ending ("Nämndcn", "förvaltningcns"), where it is common and
# the forms stay few.
_ENDING_DAMAGE = {"e": "c"}
_ENDING = 4


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
        damage = {i: _DAMAGE[c] for i, c in enumerate(form) if c in _DAMAGE}
        damage |= {i: _ENDING_DAMAGE[c] for i, c in enumerate(form) if c in _ENDING_DAMAGE and i >= len(form) - _ENDING}
        positions = sorted(damage)
        if not positions or len(positions) > 4:
            continue
        options = [damage[i] + form[i] for i in positions]
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
    if ORDINAL.fullmatch(low):
        return tok
    code = CODE_NUMBER.fullmatch(low)
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


# An ö read as two characters, the o and its dots ("fo6r", "foér" for "för"), and the most frequent
# Swedish word with its ö read as é ("fér"). Shortens the text: for reading only, never for spans.
_SPLIT_O = re.compile(r"(?<=[^\W\d_])([oO])[6é](?=[^\W\d_])|\b([fF])é(r)\b")


def repair_for_reading(text: str) -> str:
    """`repair_ocr`, and the damage that takes an extra character undone ("fo6r" → "för").

    The result may be shorter than `text`: use it to show a text, not to find places in it.
    """
    repaired = repair_ocr(text)

    def one(m: re.Match[str]) -> str:
        if m.group(1) is not None:
            return "Ö" if m.group(1) == "O" else "ö"
        return f"{m.group(2)}ö{m.group(3)}"

    return _SPLIT_O.sub(one, repaired)
