"""Forgiving search over commitments: typos, missing å/ä/ö, dnr, owner role.

Rows carry a folded ``search_text``. Each process keeps an inverted index of
its tokens, refreshed from rows changed since the last query, so replicas see
each other's writes without any shared cache. A query token matches index
tokens exactly, as a prefix, inside a compound ("overenskommelse" in
"bus-overenskommelsen") or within a small edit distance (rapidfuzz).
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.language.normalize import tokens
from storage.models import Commitment

# A writer stamps updated_at inside its transaction and commits a moment later,
# so another writer's row may appear with a stamp just below our watermark.
# Transactions here last well under a second; re-reading a minute is ample.
WATERMARK_MARGIN = timedelta(minutes=1)
STOP_WORDS = frozenset(
    [
        "och",
        "att",
        "i",
        "pa",
        "for",
        "med",
        "den",
        "det",
        "en",
        "ett",
        "som",
        "av",
        "till",
        "om",
        "ar",
        "ska",
        "vi",
        "de",
        "har",
        "inte",
        "kan",
        "sa",
    ]
)


@dataclass(frozen=True)
class Hit:
    commitment_id: int
    score: float  # 0..100


def _weight_for(query_token: str, candidate: str) -> float:
    if candidate == query_token:
        return 1.0
    if len(query_token) >= 3 and candidate.startswith(query_token):
        return 0.9
    if len(query_token) >= 4 and query_token in candidate:
        return 0.85
    return 0.0


class CommitmentIndex:
    """An in-process inverted index of commitment tokens; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        # One refresh at a time: a search arriving during the start-up warm-up
        # waits for it instead of loading every row a second time.
        self._refresh_lock = threading.Lock()
        self._postings: dict[str, set[int]] = defaultdict(set)
        self._doc_tokens: dict[int, frozenset[str]] = {}
        self._versions: dict[int, datetime] = {}
        self._watermark: datetime | None = None
        self._vocab: list[str] = []
        self._vocab_dirty = True

    def _index(self, doc_id: int, text: str) -> None:
        new = frozenset(t for t in tokens(text) if t)
        old = self._doc_tokens.get(doc_id, frozenset())
        if new == old:
            return
        for token in old - new:
            docs = self._postings.get(token)
            if docs is not None:
                docs.discard(doc_id)
                if not docs:
                    del self._postings[token]
        for token in new - old:
            self._postings[token].add(doc_id)
        self._doc_tokens[doc_id] = new
        self._vocab_dirty = True

    def refresh(self, session: Session) -> None:
        """Pull rows changed since the last refresh.

        Only ids and timestamps are read for the overlap window; text is read
        just for rows whose version this process has not indexed yet.
        """
        with self._refresh_lock:
            self._refresh(session)

    def _refresh(self, session: Session) -> None:
        with self._lock:
            since = self._watermark
        if since is None:
            rows = session.execute(select(Commitment.id, Commitment.search_text, Commitment.updated_at)).all()
        else:
            versions = session.execute(
                select(Commitment.id, Commitment.updated_at).where(Commitment.updated_at >= since - WATERMARK_MARGIN)
            ).all()
            with self._lock:
                stale = [doc_id for doc_id, stamp in versions if self._versions.get(doc_id) != stamp]
            rows = []
            for start in range(0, len(stale), 500):
                chunk = stale[start : start + 500]
                rows += session.execute(
                    select(Commitment.id, Commitment.search_text, Commitment.updated_at).where(Commitment.id.in_(chunk))
                ).all()
        with self._lock:
            for doc_id, text, updated_at in rows:
                self._index(doc_id, text or "")
                self._versions[doc_id] = updated_at
                if self._watermark is None or updated_at > self._watermark:
                    self._watermark = updated_at

    def _vocabulary(self) -> list[str]:
        if self._vocab_dirty:
            self._vocab = list(self._postings)
            self._vocab_dirty = False
        return self._vocab

    def _matches(self, query_token: str) -> dict[str, float]:
        """Index tokens that answer one query token, with a weight 0..1."""
        vocab = self._vocabulary()
        found: dict[str, float] = {}
        if query_token in self._postings:
            found[query_token] = 1.0
        if len(query_token) >= 3:
            for candidate in vocab:
                w = _weight_for(query_token, candidate)
                if w:
                    found[candidate] = max(found.get(candidate, 0.0), w)
        if len(query_token) >= 4:
            cutoff = 80 if len(query_token) >= 6 else 85
            for candidate, score, _ in process.extract(
                query_token, vocab, scorer=fuzz.ratio, score_cutoff=cutoff, limit=50
            ):
                found[candidate] = max(found.get(candidate, 0.0), 0.8 * score / 100)
        return found

    def search(self, session: Session, query: str, limit: int = 20) -> list[Hit]:
        """Best matches first; each query word must be met by some word of the row."""
        self.refresh(session)
        query_tokens = [t for t in dict.fromkeys(tokens(query)) if t not in STOP_WORDS]
        if not query_tokens:
            query_tokens = list(dict.fromkeys(tokens(query)))
        if not query_tokens:
            return []
        with self._lock:
            scores: dict[int, float] = defaultdict(float)
            matched: dict[int, int] = defaultdict(int)
            for q in query_tokens:
                best: dict[int, float] = {}
                for candidate, weight in self._matches(q).items():
                    for doc_id in self._postings.get(candidate, ()):
                        if weight > best.get(doc_id, 0.0):
                            best[doc_id] = weight
                for doc_id, weight in best.items():
                    scores[doc_id] += weight
                    matched[doc_id] += 1
        # Most query words first, then how well they matched.
        need = max(1, (len(query_tokens) + 1) // 2)
        ranked = sorted(
            (doc_id for doc_id in scores if matched[doc_id] >= need),
            key=lambda d: (-matched[d], -scores[d], d),
        )
        n = len(query_tokens)
        return [Hit(d, round(100 * scores[d] / n, 1)) for d in ranked[:limit]]
