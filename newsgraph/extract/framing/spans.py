"""Framing, phrase extents: how far a cue's span reaches left and right of the word that fired.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .. import framing_lexicon as lex
from .switches import CLOSE_QUOTES, COORD_NO_NAMES, LABEL_DET, OPEN_QUOTES


def _extend_left(doc: Doc, i: int, words: frozenset[str]) -> int:
    """Take preceding intensifiers/loaded adverbs into the span."""
    while i > 0 and doc[i - 1].pos_ in ("ADV", "ADJ") and (
        doc[i - 1].lower_ in words or doc[i - 1].lower_ in lex.LOADED_ADV
    ):
        i -= 1
    return i


def _np_right(doc: Doc, i: int) -> int:
    """For a prenominal modifier at ``i``, the index of the noun it modifies, if contiguous; else i."""
    tok = doc[i]
    head = tok.head
    if tok.dep_ in ("amod", "compound", "nmod", "advmod") and head.i > i and head.pos_ in ("NOUN", "PROPN"):
        between = doc[i + 1 : head.i]
        if len(between) <= 4 and all(
            t.head.i == head.i or t.head.i in range(i, head.i) or t.pos_ == "PUNCT" for t in between
        ):
            return head.i
    return i


def _with_det(doc: Doc, i: int) -> int:
    """Take a directly preceding determiner into a label span ("the despicable senators")."""
    if LABEL_DET and i > 0 and doc[i - 1].dep_ == "det" and doc[i - 1].head.i > i:
        return i - 1
    return i


def _coordination(doc: Doc, tok: Token) -> tuple[Token, int, int]:
    """The first conjunct of the coordination ``tok`` belongs to (same POS), and the token range it spans."""
    first = tok
    while first.dep_ == "conj" and first.head.pos_ == tok.pos_ and first.head.i < first.i:
        if COORD_NO_NAMES and (first.head.ent_type_ or (first.head.text[:1].isupper() and not first.head.is_sent_start)):
            break
        first = first.head
    members = [first]
    stack = [first]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj" and c.pos_ == tok.pos_ and c.i > t.i and not (COORD_NO_NAMES and (c.ent_type_ or c.text[:1].isupper())):
                members.append(c)
                stack.append(c)
    if len(members) < 2 or max(m.i for m in members) - first.i > 8:
        return tok, tok.i, tok.i
    lo, hi = first.i, max(m.i for m in members)
    if COORD_NO_NAMES and any(t.text in OPEN_QUOTES + CLOSE_QUOTES or "\n" in t.text for t in doc[lo:hi]):
        return tok, tok.i, tok.i
    return first, lo, hi


def _referential(tok: Token) -> bool:
    """A premodifier that says which thing is meant rather than judging it (a name, possessor, number)."""
    return tok.dep_ in ("poss", "nummod", "case") or tok.pos_ == "PROPN" or bool(tok.ent_type_)


def _np_left(doc: Doc, i: int, det: bool = False, evaluative: bool = False) -> int:
    """Leftmost contiguous premodifier of the noun at ``i`` (amod/compound/nmod; determiners if ``det``).

    With ``evaluative`` the span stops at a referential premodifier (name, possessor, number).
    """
    deps = {"amod", "compound", "nmod", "nummod", "advmod", "punct", "poss", "case"}
    if det:
        deps |= {"det"}
    start = i
    for child in sorted((c for c in doc[i].lefts), key=lambda c: -c.i):
        if evaluative and any(_referential(t) for t in child.subtree):
            break
        if child.dep_ in deps and child.i == start - 1 or (child.dep_ in deps and child.right_edge.i == start - 1):
            start = child.left_edge.i
        else:
            break
    return start
