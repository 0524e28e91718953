"""What the words around a commitment's verb say of its subject: a thing done, or a body by its own name.

"En ny förskola kommer att börja byggas": the passive after "kommer att" makes the subject what is done, not
who does it. "Mjölby avser att bygga …", "Delmos kommer att återkomma …": one word that is neither a
definite noun nor a pronoun, before the verb and its "att" or infinitive, names a body.
"""

from __future__ import annotations

import re

from bot.extraction.ska import infinitive

__all__ = ["is_passive", "proper_name"]

# The verb after "ska"/"kommer att" (folded), a few adverbs and "börja" skipped. Deponents end like a passive and
# are active ("Nämnden ska träffas").
_VERB_AFTER = re.compile(
    r"\s+(?:(?:ocksa|aven|nu|darfor|sedan|da|inte|forst|snart|att|borja|att\s+borja|vidare)\s+){0,3}(?P<verb>\w{3,})\b"
)


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


_DEPONENTS = _words("finnas hoppas lyckas traffas minnas trivas synas andas kannas markas vistas samsas kampas brottas")
# Pronouns, quantifiers and indefinite nouns that open a sentence as its subject and name no body.
_NOT_A_NAME = _words(
    "alla ingen inget inga man vi de den det detta dessa denna samtliga var varje personal barn elever medarbetare "
    "flera några fler många vårdnadshavare föräldrar medborgare hushåll företag beslut arbete"
)
# Adverbs open a sentence whose subject follows the verb ("Vidare ska planen …", "Härnäst ska tekniska kontoret …").
_ADVERBS = _words(
    "vidare dessutom härnäst därefter sedan nu då också även därför slutligen först snart idag samtidigt framöver "
    "fortsättningsvis parallellt härutöver därutöver därtill likaså sist senare efteråt således alltså dock annars "
    "här där"
)
_NO_NAME = _NOT_A_NAME | _ADVERBS
_DEFINITE_END = re.compile(r"(?:en|et|na|an|rna|ar|er|or|ing|het|tion)$")
_NEXT_WORD = re.compile(r"\s*(?P<word>[\w-]+)")


def is_passive(folded: str, at: int) -> bool:
    """Is the verb after the modal ending at `at` a passive ("byggas", "öppnas"), not a deponent?"""
    m = _VERB_AFTER.match(folded, at)
    return m is not None and m["verb"].endswith("as") and m["verb"] not in _DEPONENTS


def proper_name(phrase: str, after: str) -> bool:
    """Is `phrase` (as written) one word naming a body, with the verb's "att" or infinitive in `after` (folded)?"""
    word = phrase.strip()
    if " " in word or not word[:1].isupper() or len(word) < 3 or word.lower() in _NO_NAME:
        return False
    nxt = _NEXT_WORD.match(after)
    if nxt is None or not (nxt["word"] == "att" or infinitive(nxt["word"])):
        return False
    return word.isupper() or _DEFINITE_END.search(word.lower()) is None
