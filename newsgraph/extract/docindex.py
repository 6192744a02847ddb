"""The shared per-document index the extractors read instead of rebuilding their own.

Why: ``Token.sent`` and ``Doc.ents`` walk the whole document on every call, so each extractor
used to build its own sorted sentence-start list, its own mentions-by-offset list and its own
lemma repair, each slightly different. This module is the one place for those lookups. It is
pure bookkeeping over a parsed ``Doc`` (and the ``Analysis`` so far): no rules live here.

- :class:`SentenceIndex`: sentence of a token or a character in O(log n).
- :class:`OffsetIndex`: the records (mentions, entities, quotes …) that lie inside a character
  or token range, in O(log n + k).
- :func:`repair_lemma`: spaCy's lemma, corrected towards a vocabulary when the small model slips
  ("staged" → "stag", "hopes" → "hop"); inflections only, so "supporters" never becomes "support".
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, TypeVar

from spacy.tokens import Doc, Span, Token

T = TypeVar("T")


class SentenceIndex:
    """Sentences of a doc with their token and character starts, for O(log n) lookups."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.sents: list[Span] = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        self.token_starts: list[int] = [s.start for s in self.sents]
        self.char_starts: list[int] = [s.start_char for s in self.sents]

    def index_of_token(self, i: int) -> int:
        """Index of the sentence holding token ``i``."""
        return max(0, bisect_right(self.token_starts, i) - 1)

    def index_of_char(self, char: int) -> int:
        """Index of the sentence holding character ``char``."""
        return max(0, bisect_right(self.char_starts, char) - 1)

    def of_token(self, tok: Token) -> Span:
        """The sentence of ``tok`` (what ``tok.sent`` gives, without the whole-doc walk)."""
        return self.sents[self.index_of_token(tok.i)]

    def of_char(self, char: int) -> Span:
        """The sentence that holds character ``char``."""
        return self.sents[self.index_of_char(char)]


class OffsetIndex(Generic[T]):
    """Records sorted by their start offset, to find those inside a range without a full scan.

    ``start`` and ``end`` say how to read a record's offsets (characters for model records,
    token indices for spaCy spans); the index does not care which, as long as queries use the same.
    """

    def __init__(self, items: Iterable[T], start: Callable[[T], int], end: Callable[[T], int]) -> None:
        self._start, self._end = start, end
        self.items: list[T] = sorted(items, key=start)
        self.starts: list[int] = [start(x) for x in self.items]

    def within(self, lo: int, hi: int) -> list[T]:
        """The records that start at or after ``lo`` and end at or before ``hi``."""
        i = bisect_left(self.starts, lo)
        out: list[T] = []
        while i < len(self.items) and self.starts[i] < hi:
            if self._end(self.items[i]) <= hi:
                out.append(self.items[i])
            i += 1
        return out

    def covering(self, pos: int) -> list[T]:
        """The records whose range holds ``pos`` (start <= pos < end)."""
        i = bisect_right(self.starts, pos)
        return [x for x in self.items[:i] if self._end(x) > pos]


def repair_lemma(lower: str, lemma: str, vocabulary: frozenset[str] | set[str]) -> str:
    """``lemma`` when the vocabulary knows it, else the first inflection-stripped form of ``lower`` it knows.

    Only regular inflections are undone (-ing, -ed, -ies, -es, -s, with a doubled consonant),
    so a derived noun ("supporters", "refugees", "aides") never maps onto its verb or a shorter
    word; when nothing matches, spaCy's lemma stands.
    """
    if lemma in vocabulary:
        return lemma
    guesses: Sequence[str] = _inflection_guesses(lower)
    for guess in guesses:
        if len(guess) > 2 and guess in vocabulary:
            return guess
    return lemma


def _inflection_guesses(lower: str) -> list[str]:
    guesses = [lower]
    doubled = len(lower) > 5 and lower[-4] == lower[-5]
    if lower.endswith("ing"):  # meeting, staging, stopping ("warming" is not "war")
        guesses += [lower[:-3], lower[:-3] + "e"] + ([lower[:-4]] if doubled else [])
    elif lower.endswith("ed"):  # staged, attacked, banned
        guesses += [lower[:-1], lower[:-2]] + ([lower[:-3]] if len(lower) > 4 and lower[-3] == lower[-4] else [])
    elif lower.endswith("ies"):
        guesses += [lower[:-3] + "y"]
    elif lower.endswith(("ses", "xes", "zes", "ches", "shes")):
        guesses += [lower[:-2]]  # clashes, taxes ("aides" is not "aid", nor "refugees" "refuge")
    elif lower.endswith("s"):
        guesses += [lower[:-1]]  # talks
    return guesses
