"""Framing rules, phase 1 of :func:`find_cues`: lexicon phrases (multi-word entries and the
rarer techniques' phrase lists).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Doc, Token

from .. import framing_lexicon as lex
from .cue import _Cue


def _phrase_index(doc: Doc) -> list[str]:
    return [t.lower_ for t in doc]


def _find_phrases(doc: Doc, phrases: Iterable[str]) -> list[tuple[int, int, str]]:
    """Token matches (start, end_exclusive, phrase) of multi-word lower-case phrases."""
    lowers = _phrase_index(doc)
    by_first: dict[str, list[list[str]]] = defaultdict(list)
    for p in phrases:
        parts = _tokenize(doc, p)
        if parts:
            by_first[parts[0]].append(parts)
    hits: list[tuple[int, int, str]] = []
    for i, low in enumerate(lowers):
        for parts in by_first.get(low, ()):
            n = len(parts)
            if lowers[i : i + n] == parts:
                hits.append((i, i + n, " ".join(parts)))
    return hits


_TOKENIZED: dict[str, list[str]] = {}


@lru_cache(maxsize=1)
def _blank_tokenizer():  # noqa: ANN202 - spaCy's English tokenizer (same rules as the pipeline's)
    import spacy

    return spacy.blank("en").tokenizer


def _tokenize(doc: Doc, phrase: str) -> list[str]:
    """Lower-case tokens of a lexicon phrase, split exactly as the parser splits text ("pandora 's")."""
    toks = _TOKENIZED.get(phrase)
    if toks is None:
        toks = [t.lower_ for t in _blank_tokenizer()(phrase) if not t.is_space]
        _TOKENIZED[phrase] = toks
    return toks


def _multiword(*lists: frozenset[str]) -> frozenset[str]:
    return frozenset(w for words in lists for w in words if " " in w)


def _phrase_rules(doc: Doc) -> list[_Cue]:
    out: list[_Cue] = []
    tables = (
        (lex.LOADED_PHRASES, "Loaded_Language", "LOADED_PHRASES", False),
        (lex.LABEL_PHRASES, "Name_Calling,Labeling", "LABEL_PHRASES", False),
        # multi-word entries of the word lists ("train wreck", "snake oil salesman")
        (_multiword(lex.LOADED_NOUN, lex.LOADED_VERB, lex.LOADED_ADJ), "Loaded_Language", "LOADED_NOUN", False),
        (_multiword(lex.LABEL_NOUNS), "Name_Calling,Labeling", "LABEL_NOUNS", False),
        (lex.DOUBT_PHRASES, "Doubt", "DOUBT_PHRASES", False),
        (lex.FLAG_WORDS, "Flag-Waving", "FLAG_WORDS", False),
        (lex.EXAGGERATION_PHRASES, "Exaggeration,Minimisation", "EXAGGERATION_PHRASES", True),
        (lex.THOUGHT_TERMINATING, "Thought-terminating_Cliches", "THOUGHT_TERMINATING", False),
        (lex.FEAR_PHRASES, "Appeal_to_fear-prejudice", "FEAR_PHRASES", True),
        (lex.BLACK_WHITE_PHRASES, "Black-and-White_Fallacy", "BLACK_WHITE_PHRASES", True),
        (lex.CAUSAL_PHRASES, "Causal_Oversimplification", "CAUSAL_PHRASES", True),
        (lex.BANDWAGON_PHRASES, "Bandwagon,Reductio_ad_hitlerum", "BANDWAGON_PHRASES", False),
        (lex.HITLER_WORDS, "Bandwagon,Reductio_ad_hitlerum", "HITLER_WORDS", False),
    )
    for phrases, technique, name, extend in tables:
        multi = [p for p in phrases if " " in p or "-" in p or "'" in p]
        single = {p for p in phrases if p not in multi}
        hits = _find_phrases(doc, multi)
        hits += [(t.i, t.i + 1, t.lower_) for t in doc if t.lower_ in single
                 and (name != "THOUGHT_TERMINATING" or _stands_alone(doc, t))]
        for s, e, phrase in hits:
            end = e - 1
            if extend:
                # take the rest of the noun phrase / predicate the phrase opens
                last = doc[end]
                if last.head.i > end and last.head.i - end <= 4:
                    end = last.head.i
                for t in doc[end + 1 : min(len(doc), end + 4)]:
                    if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.head.i <= end + 3:
                        end = t.i
                    else:
                        break
            out.append(
                _Cue(
                    doc[s].idx,
                    doc[end].idx + len(doc[end]),
                    technique,
                    f"phrase '{phrase}' (framing_lexicon.{name})",
                    head=doc[end].i,
                    key=phrase,
                )
            )
    return out


def _stands_alone(doc: Doc, tok: Token) -> bool:
    """A one-word cliché ("Period.") is one only as its own sentence or tagged on after a comma or dash:
    "a period of growth" is a noun in a sentence."""
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    before = prev is None or prev.is_sent_end or prev.text in {".", "!", "?", ",", "—", "–", "-", ";", ":", "\n"} \
        or prev.is_space or tok.is_sent_start
    after = nxt is None or nxt.text in {".", "!", "?", "\n", ";"} or nxt.is_space
    return bool(before and after)
