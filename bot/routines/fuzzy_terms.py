"""Fuzzy lookup of a word in the index's vocabulary, through a trigram index.

Comparing a misspelt word with every term costs ~30 ms at 100,000 routines
(rapidfuzz converts each of the Python strings on every call). A term that is
within reach of `fuzz.ratio`'s cutoff shares letters in runs with the word, so
the trigrams of the word ("^sa", "sam", …, "an$") find the few hundred terms
worth comparing; those sharing the most trigrams are compared first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process

__all__ = ["TermGrams"]

# Candidates compared with rapidfuzz per word, at most: the most trigrams in common first.
_COMPARE = 3000


def _grams(word: str) -> set[str]:
    padded = f"^{word}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class TermGrams:
    """Terms by their trigrams; `similar` finds the terms most like a word."""

    def __init__(self, terms: Sequence[str]) -> None:
        self._terms = list(terms)
        building: defaultdict[str, list[int]] = defaultdict(list)
        for i, term in enumerate(self._terms):
            for gram in _grams(term):
                building[gram].append(i)
        self._postings: dict[str, NDArray[np.int32]] = {
            gram: np.asarray(ids, dtype=np.int32) for gram, ids in building.items()
        }

    def _candidates(self, word: str) -> list[str]:
        found = [self._postings[g] for g in _grams(word) if g in self._postings]
        if not found:
            return []
        ids, counts = np.unique(np.concatenate(found), return_counts=True)
        if ids.size > _COMPARE:
            ids = ids[np.argpartition(-counts, _COMPARE - 1)[:_COMPARE]]
        return [self._terms[int(i)] for i in ids]

    def similar(self, word: str, cutoff: float, limit: int) -> list[tuple[str, float]]:
        """Up to `limit` terms with `fuzz.ratio` ≥ `cutoff` against `word`, best first."""
        candidates = self._candidates(word)
        found = process.extract(word, candidates, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)
        return [(term, float(score)) for term, score, _ in found]
