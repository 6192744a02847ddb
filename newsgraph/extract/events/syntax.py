"""Small readings of the dependency parse that several event phases share."""

from __future__ import annotations

from spacy.tokens import Token

from .. import plover_lexicon as lex
from .lexical import CONTAINERS, _lemma


def _dobj(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)


def _prep_objects(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects of ``tok``'s prepositions, in the order of ``preps`` (a "to" parsed as dative counts)."""
    out = []
    for prep in preps:
        for c in tok.children:
            if c.dep_ in ("prep", "dative") and c.lower_ == prep:
                out.extend(p for p in c.children if p.dep_ == "pobj")
    return out


def _container(noun: Token) -> Token | None:
    """ "round" in "a new round of talks": the noun that carries the event noun's modifiers."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _lemma(noun.head.head) in CONTAINERS:
        return noun.head.head
    return None


def _aux(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def depth(tok: Token) -> int:
    """Ancestors that are not reporting verbs: how deeply embedded a trigger is."""
    n = 0
    node = tok
    while node.head.i != node.i:
        node = node.head
        if _lemma(node) not in lex.REPORTING:
            n += 1
    return n
