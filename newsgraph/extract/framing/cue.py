"""Framing: the cue record the rules produce (before targets and voice are attached), and its constructor.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc


@dataclass
class _Cue:
    start: int
    end: int
    technique: str
    explanation: str
    head: int | None = None  # token index the cue is about (for target resolution)
    key: str | None = None  # normalized lexicon entry (for repetition and target propagation)
    target: str | None = None
    target_text: str | None = None
    word: int | None = None  # token index of the lexicon word that fired (the part a trimmed span keeps)


def _cue_over(doc: Doc, first: int, last: int, technique: str, why: str, *, head: int | None = None,
              key: str | None = None, word: int | None = None, target_text: str | None = None) -> _Cue:
    """A cue over tokens ``first`` to ``last`` (inclusive): from the first's start to the last's end.

    One constructor for the token-range cues, so every rule measures a span's end the same way.
    """
    end = doc[last]
    return _Cue(doc[first].idx, end.idx + len(end), technique, why,
                head=head, key=key, target_text=target_text, word=word)
