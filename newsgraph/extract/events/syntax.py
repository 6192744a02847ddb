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


def _hyphen_prefix(tok: Token) -> Token | None:
    """The first piece of a prefixed verb the tokenizer split ("re" of "re-examine", "co" of
    "co-host"): the parser hangs the verb's auxiliaries and subject on that piece, so the rest of
    the word looks like a bare infinitive with no tense, no modal and no subject."""
    doc, i = tok.doc, tok.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
            and doc[i - 2].is_alpha and doc[i - 2].head.i != i:
        return doc[i - 2]
    return None


def _aux(tok: Token) -> set[str]:
    """The auxiliaries of a verb (with those the parser gave its split-off prefix: "will re-examine")."""
    pieces = [tok] + ([p] if (p := _hyphen_prefix(tok)) is not None else [])
    return {c.lower_ for t in pieces for c in t.children if c.dep_ in ("aux", "auxpass")}


def depth(tok: Token) -> int:
    """Ancestors that are not reporting verbs: how deeply embedded a trigger is."""
    n = 0
    node = tok
    while node.head.i != node.i:
        node = node.head
        if _lemma(node) not in lex.REPORTING:
            n += 1
    return n
