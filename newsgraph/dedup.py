"""De-duplication: one story, many outlets.

Two levels, because news is republished in two ways:

* **Exact** copies — the same text, whitespace and Unicode form aside — share an
  ``Article.id`` (the hash of the normalized text), so the store never holds them twice.
* **Near** copies — a wire report under another dateline and sign-off, cut short, lightly
  edited, or retold around the same quotes — are found with MinHash over word shingles and
  a locality-sensitive-hashing index (datasketch), and linked to one *story*, which keeps
  every member article and every outlet.  They are still separate articles (each outlet's
  framing matters), but counts over stories no longer multiply one wire report by fifty.

Similarity is the Jaccard overlap of the sets of word 3-shingles (lower-cased ``\\w+``
tokens).  An article joins the story of its most similar earlier article when that
estimated Jaccard is at least :data:`DEFAULT_THRESHOLD` (0.25); otherwise it opens a new
story.  The threshold was chosen on fictional fixtures (``tests/_dedup_fixtures.py``: wire
copies, trimmed copies, light edits and hand-written rewrites of 8 stories, against 4 pairs of
same-topic different stories) — see ``docs/SCALING.md`` for the measured precision and recall
and ``python -m newsgraph.dedup`` to re-measure.

Persistence: the store keeps, per article, its story id, its MinHash signature (``num_perm``
little-endian uint64 = 1 KiB, datasketch scheme ``affine32``) and its LSH band keys
(:func:`band_keys`), and links a new article with :func:`best_match` over the stored articles
that share a band (:mod:`newsgraph.store.stories`); it holds no :class:`StoryIndex`.  The index
is for batches outside a store (:func:`group`); :meth:`StoryIndex.row` and
:meth:`StoryIndex.restore` save and reload it without re-reading any text.
"""

from __future__ import annotations

import hashlib
import inspect
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

DEFAULT_THRESHOLD = 0.25
SHINGLE = 3
NUM_PERM = 128
SEED = 1  # fixed: signatures must be comparable across processes and runs
# The LSH banding: BANDS bands of ROWS hash values each.  These are datasketch's optimum for
# DEFAULT_THRESHOLD and NUM_PERM (``MinHashLSH(0.25, 128)`` picks b=42, r=3; a test checks it),
# written down because the store keeps each article's band keys in a table (``story_bands``)
# and computing the optimum costs most of a second per process.
BANDS, ROWS = 42, 3

_WORD = re.compile(r"\w+", re.UNICODE)
# datasketch >= 2 has several permutation schemes and insists on knowing which one stored
# hash values came from; pin one so stored signatures stay comparable across upgrades.
SCHEME = "affine32"
_HAS_SCHEME = "scheme" in inspect.signature(MinHash.__init__).parameters


def _minhash(num_perm: int, hashvalues: np.ndarray | None = None) -> MinHash:
    kwargs: dict[str, object] = {"num_perm": num_perm, "seed": SEED}
    if _HAS_SCHEME:
        kwargs["scheme"] = SCHEME
    if hashvalues is not None:
        kwargs["hashvalues"] = hashvalues
    return MinHash(**kwargs)


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """The set of lower-cased word k-shingles (a text shorter than k words is one shingle)."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def signature(text: str, *, k: int = SHINGLE, num_perm: int = NUM_PERM) -> MinHash:
    """MinHash of the text's shingles (deterministic: fixed seed)."""
    m = _minhash(num_perm)
    m.update_batch(list(shingles(text, k)))
    return m


def signature_to_bytes(m: MinHash) -> bytes:
    return np.asarray(m.hashvalues, dtype="<u8").tobytes()


def signature_from_bytes(data: bytes, num_perm: int = NUM_PERM) -> MinHash:
    return _minhash(num_perm, signature_values(data, num_perm))


def band_keys(values: np.ndarray) -> list[int]:
    """A signature's (its hash values') LSH bucket keys, one per band, as signed 64-bit integers (a SQL BIGINT).

    Two signatures are candidates when any band agrees, exactly the rule of datasketch's
    ``MinHashLSH``; the band number is hashed in with its values, so one indexed column of keys
    answers "which articles share a band" (a 64-bit collision only adds a candidate, which the
    similarity check then rejects)."""
    values = np.asarray(values, dtype="<u8")
    if len(values) < BANDS * ROWS:
        raise ValueError(f"signature has {len(values)} values, banding needs {BANDS * ROWS}")
    return [int.from_bytes(hashlib.blake2b(i.to_bytes(2, "little") + values[i * ROWS:(i + 1) * ROWS].tobytes(),
                                           digest_size=8).digest(), "little", signed=True)
            for i in range(BANDS)]


def best_match(m: MinHash, candidates: Iterable[tuple[str, np.ndarray]], threshold: float) -> tuple[str | None, float]:
    """The candidate (id, hash values) most similar to ``m`` at or above the threshold (ties: the
    smaller id), and its estimated Jaccard — the share of agreeing hash values, as
    ``MinHash.jaccard`` computes it (0.0 when none qualifies).  The one rule for the in-memory
    index and the store's table of bands, so both group articles the same way; one array
    comparison for all candidates, no ``MinHash`` object built for each."""
    pairs = list(candidates)
    if not pairs:
        return None, 0.0
    sims = (np.vstack([v for _, v in pairs]) == np.asarray(m.hashvalues)).mean(axis=1)
    best, best_sim = None, 0.0
    for (cand, _), sim in zip(pairs, sims.tolist(), strict=True):
        if sim >= threshold and (best is None or sim > best_sim or (sim == best_sim and cand < best)):
            best, best_sim = cand, sim
    return best, best_sim


def signature_values(data: bytes, num_perm: int = NUM_PERM) -> np.ndarray:
    """A stored signature's hash values, without building a ``MinHash`` (what comparing needs)."""
    values = np.frombuffer(data, dtype="<u8").astype(np.uint64)
    if len(values) != num_perm:
        raise ValueError(f"signature has {len(values)} values, expected {num_perm}")
    return values


def jaccard(a: str, b: str, k: int = SHINGLE) -> float:
    """Exact Jaccard overlap of two texts' shingle sets (for measurement, not for indexing)."""
    sa, sb = shingles(a, k), shingles(b, k)
    return len(sa & sb) / len(sa | sb) if sa or sb else 1.0


@dataclass
class Story:
    id: str
    members: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)


class StoryIndex:
    """Articles grouped into stories as they arrive.

    ``add`` is order-dependent by design: the first article of a story names it
    (``"S" + article_id``), and later near-copies join it — story ids never change once given.
    """

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, *, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._sig: dict[str, MinHash] = {}
        self._story_of: dict[str, str] = {}
        self._outlet: dict[str, str | None] = {}
        self._stories: dict[str, Story] = {}

    def __len__(self) -> int:
        return len(self._sig)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._story_of

    def match(self, m: MinHash) -> tuple[str | None, float]:
        """The story of the most similar indexed article at or above the threshold, and the similarity."""
        best, best_sim = best_match(m, ((c, self._sig[c].hashvalues) for c in self._lsh.query(m)), self.threshold)
        return (self._story_of[best], best_sim) if best is not None else (None, best_sim)

    def add(
        self, article_id: str, text: str, outlet: str | None = None, *, otherwise: Any = None
    ) -> str:
        """Index one article; its story id (an existing story's, or a new one named after it).

        ``otherwise()``, when given, is asked for a story id when no near-copy matches (the
        store's same-event linker); None from it opens a new story."""
        if article_id in self._story_of:  # exact duplicate: same normalized text, same id
            return self._story_of[article_id]
        m = signature(text, num_perm=self.num_perm)
        story_id, _ = self.match(m)
        if story_id is None and otherwise is not None:
            story_id = otherwise()
        return self._insert(article_id, m, story_id or f"S{article_id}", outlet)

    def _insert(self, article_id: str, m: MinHash, story_id: str, outlet: str | None) -> str:
        self._sig[article_id] = m
        self._lsh.insert(article_id, m)
        self._story_of[article_id] = story_id
        self._outlet[article_id] = outlet
        story = self._stories.setdefault(story_id, Story(story_id))
        story.members.append(article_id)
        if outlet and outlet not in story.outlets:
            story.outlets.append(outlet)
        return story_id

    # -- reading -----------------------------------------------------------
    def story_of(self, article_id: str) -> str | None:
        return self._story_of.get(article_id)

    def story(self, story_id: str) -> Story | None:
        return self._stories.get(story_id)

    def stories(self) -> Iterator[Story]:
        return iter(self._stories.values())

    # -- persistence hooks (the store's ``stories`` table) ---------------------
    def row(self, article_id: str) -> dict[str, object]:
        """What the store keeps for one article: enough to restore the index without the text."""
        return {
            "article_id": article_id,
            "story_id": self._story_of[article_id],
            "outlet": self._outlet.get(article_id),
            "signature": signature_to_bytes(self._sig[article_id]),
        }

    def restore(self, rows: Iterable[dict[str, object]]) -> int:
        """Re-load stored rows (in their original insertion order); returns how many were added."""
        n = 0
        for r in rows:
            aid = str(r["article_id"])
            if aid in self._story_of:
                continue
            m = signature_from_bytes(bytes(r["signature"]), self.num_perm)  # type: ignore[arg-type]
            self._insert(aid, m, str(r["story_id"]), r.get("outlet"))  # type: ignore[arg-type]
            n += 1
        return n


def group(docs: Iterable[tuple[str, str]], threshold: float = DEFAULT_THRESHOLD) -> dict[str, str]:
    """Story id per document id for a batch of ``(doc_id, text)`` (a fresh index, input order)."""
    index = StoryIndex(threshold)
    return {doc_id: index.add(doc_id, text) for doc_id, text in docs}


def pair_scores(predicted: dict[str, str], truth: dict[str, str]) -> dict[str, float]:
    """Pairwise precision/recall/F1 of a grouping: a pair counts when both docs share a story."""
    ids = sorted(truth)
    tp = fp = fn = 0
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            same_true = truth[a] == truth[b]
            same_pred = predicted[a] == predicted[b]
            tp += same_true and same_pred
            fp += same_pred and not same_true
            fn += same_true and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "pairs": tp + fn}


def measure(docs: list[tuple[str, str, str]], thresholds: Iterable[float]) -> list[dict[str, float]]:
    """Pairwise P/R of :func:`group` at each threshold on ``(doc_id, story_key, text)`` fixtures."""
    truth = {d: s for d, s, _ in docs}
    rows = []
    for t in thresholds:
        pred = group([(d, text) for d, _, text in docs], t)
        rows.append({"threshold": t, **pair_scores(pred, truth)})
    return rows


def _main() -> None:  # pragma: no cover - measurement printout
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from _dedup_fixtures import corpus  # type: ignore[import-not-found]

    docs = corpus()
    same = [jaccard(a[2], b[2]) for i, a in enumerate(docs) for b in docs[i + 1 :] if a[1] == b[1]]
    diff = [jaccard(a[2], b[2]) for i, a in enumerate(docs) for b in docs[i + 1 :] if a[1] != b[1]]
    print(f"{len(docs)} documents, {len(same)} same-story pairs, {len(diff)} different-story pairs")
    print(
        f"exact 3-shingle Jaccard: same-story min {min(same):.3f} median {sorted(same)[len(same) // 2]:.3f}; "
        f"different-story max {max(diff):.3f}"
    )
    for row in measure(docs, [0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]):
        print("threshold {threshold:.2f}  precision {precision:.3f}  recall {recall:.3f}  f1 {f1:.3f}".format(**row))


if __name__ == "__main__":  # pragma: no cover
    _main()


# -- same-event coverage ------------------------------------------------------------
#
# Near-copies share wording; different outlets covering the same event do not — they share
# the event's *names and topic words* within a few days.  Each article keeps its top terms
# (tf-idf over the store so far, unit length); an article that is no near-copy joins the story
# of the most similar article published within EVENT_DAYS when their cosine is at least
# EVENT_THRESHOLD.  Ubiquitous names ("Trump" in an election) get a low idf and count little.
#
# Two reports of one event also name a participant or place of it, and one that few stored
# articles name: a multi-word name found in at most EVENT_NAME_SHARE of the stored articles (and
# never less than EVENT_NAME_MIN_DF of them, so a small store can link at all).  Without that
# requirement the topic words of a genre chain unrelated items: on real news, 23 Wall Street
# Journal earnings reports about different companies, published within a few days, formed one
# "story" through "quarter", "earnings", "million" and "New York Stock Exchange" (in 9% of the
# store's articles).  Rarity is counted over the articles stored so far, so early in a store
# a routine name (the exchange, the regulator) is still rare; within one outlet, whose items
# of a genre all name it, two reports of one event are follow-ups that share several of its
# names: EVENT_SAME_OUTLET_NAMES.  Across outlets one rare name suffices.

EVENT_DAYS = 3
EVENT_THRESHOLD = 0.10
TOP_TERMS = 100
EVENT_MIN_SHARED = 5
EVENT_NAME_SHARE = 0.05
EVENT_NAME_MIN_DF = 3
EVENT_SAME_OUTLET_NAMES = 2
_NAME = re.compile(r"\b([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)+)")


def _stop_words() -> frozenset[str]:
    """spaCy's English stop-word list: maintained data, and spaCy is a dependency."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


_STOP = _stop_words()


def term_counts(text: str) -> dict[str, int]:
    """Topic words (lower-cased, 4+ letters, not stop words) and multi-word capitalised names
    (``n:hillary clinton``) with their counts: what same-event coverage shares."""
    counts: dict[str, int] = {}
    for w in _WORD.findall(text.lower()):
        if len(w) >= 4 and w.isalpha() and w not in _STOP:
            counts[w] = counts.get(w, 0) + 1
    for m in _NAME.finditer(text):
        words = [w for w in m.group(1).split() if w.lower() not in _STOP]
        if len(words) >= 2:
            key = "n:" + " ".join(w.lower().strip(".'’") for w in words[:4])
            counts[key] = counts.get(key, 0) + 2  # a full name says more than a word
    return counts


def top_terms(counts: dict[str, int], df: dict[str, int], n_docs: int, k: int = TOP_TERMS) -> dict[str, float]:
    """The ``k`` heaviest terms by tf-idf (idf from ``df`` over ``n_docs`` earlier articles), unit length."""
    import math

    weights = {t: (1 + math.log(c)) * math.log((n_docs + 1) / (df.get(t, 0) + 1) + 1) for t, c in counts.items()}
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {t: w / norm for t, w in top}


def rare_names(terms: Iterable[str], df: dict[str, int], n_docs: int) -> set[str]:
    """The name terms (``n:…``) that few stored articles have (``df`` over ``n_docs``, counting
    the article itself): what can tie two reports to one event (see EVENT_NAME_SHARE)."""
    limit = max(EVENT_NAME_MIN_DF, EVENT_NAME_SHARE * (n_docs + 1))
    return {t for t in terms if t.startswith("n:") and df.get(t, 0) + 1 <= limit}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(w * b[t] for t, w in a.items() if t in b)
