"""Pronoun pass of the coreference sieve: third-person pronouns to the entity they refer to.

Why rules and not the parser's guesses: a pronoun goes to the nearest *compatible* antecedent,
and compatibility is what a plain nearest-name rule gets wrong ("she" -> Trump).  Constraints,
in order:

1. number and animacy: he/she family -> a person; its/it -> an organisation or place; they
   family -> an organisation, party or group (people in the plural are not clustered here);
2. gender: a pronoun never joins a person of the other stated gender; a person with no stated
   gender takes the pronoun's, so "Jordan ... he ... she" does not give one person both;
3. syntax: a non-reflexive object is not its own clause's subject ("Smith praised him");
4. salience: the current sentence before the pronoun, then up to three sentences back; within
   that, subjects before other mentions (the speaker of "X said. He added" is the subject), then
   the nearest.  Pronouns already resolved count as mentions of their entity, so chains of
   "he ... he" follow the person they started from.

Cataphora ("When he arrived, Smith said") and first/second person are not resolved: a wrong
link is worse than none.  Cost: one pass over the pronouns, each looking at the mentions of at
most four sentences (bisect), so linear in the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..docindex import SentenceIndex
from .gender import PRONOUN_GENDER, Gender

PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
NEUTER = frozenset({"it", "its", "itself"})
REFLEXIVE = frozenset({"himself", "herself", "itself", "themselves"})
_PRONOUN_RE = re.compile(
    r"(?i)\b(he|him|his|himself|she|her|hers|herself|it|its|itself|they|them|their|theirs|themselves)\b"
)
_WINDOW = {"person": 3, "neuter": 2, "plural": 1}
_SUBJECT = frozenset({"nsubj", "nsubjpass"})
_OBJECT = frozenset({"dobj", "iobj", "dative", "pobj"})


@dataclass
class Antecedent:
    """A mention that a pronoun may refer back to (token offsets, its entity and the entity's class)."""

    start: int
    end: int
    entity: int
    category: str  # "person", "org" (organisations, parties, groups), "place", "other"


@dataclass
class PronounLink:
    token: int
    entity: int
    sieve: str = "pronoun"
    gender_evidence: str | None = None


@dataclass
class _State:
    genders: dict[int, Gender | None] = field(default_factory=dict)


def _class_of(low: str) -> str:
    if low in PLURAL:
        return "plural"
    if low in NEUTER:
        return "neuter"
    return "person"


def _expletive(tok: Token) -> bool:
    """ "it is clear that", "it was raining": no referent; an object "it" is left alone too."""
    if tok.lower_ != "it":
        return False
    if tok.dep_ not in _SUBJECT:
        return True  # an object "it" is far more often a thing or a fact than an organisation
    head = tok.head
    return head.lemma_ in {"be", "seem", "appear", "take", "rain", "happen", "remain", "matter"}


def resolve_pronouns(doc: Doc, antecedents: list[Antecedent], genders: dict[int, Gender | None],
                     taken: set[int] | None = None) -> list[PronounLink]:
    """Resolve the third-person pronouns of ``doc`` against ``antecedents`` (in text order).

    ``genders`` maps entity -> known gender and is updated as pronouns attach to people of no
    stated gender.  ``taken`` holds token indices already part of a mention (skipped).
    """
    taken = taken or set()
    sents = SentenceIndex(doc)
    ants = sorted(antecedents, key=lambda a: a.start)
    starts = [a.start for a in ants]
    resolved: list[Antecedent] = []  # pronouns linked so far, as antecedents of later ones
    links: list[PronounLink] = []
    for m in _PRONOUN_RE.finditer(doc.text):
        span = doc.char_span(m.start(1), m.end(1))
        if span is None or len(span) != 1:
            continue
        tok = span[0]
        if tok.i in taken or tok.tag_ not in ("PRP", "PRP$") or _expletive(tok):
            continue
        low = tok.lower_
        cls = _class_of(low)
        k = sents.index_of_token(tok.i)
        window_start = sents.token_starts[max(0, k - _WINDOW[cls])]
        pool = ants[bisect_left(starts, window_start) : bisect_left(starts, tok.i)]
        pool = [a for a in pool if a.end <= tok.i] + [r for r in resolved if r.start >= window_start]
        want = PRONOUN_GENDER.get(low)
        best: tuple[tuple[int, int, int], Antecedent] | None = None
        # "Smith praised him": him is not Smith — nor anyone Smith's entity is, wherever named
        blocked = set()
        if low not in REFLEXIVE and tok.dep_ in _OBJECT:
            for a in pool:
                root = _root_of(doc, a.start, a.end)
                if root is not None and root.dep_ in _SUBJECT and _clause(root) == _clause(tok):
                    blocked.add(a.entity)
        for a in pool:
            if a.entity in blocked:
                continue
            if cls == "person" and a.category != "person":
                continue
            if cls == "neuter" and a.category not in ("org", "place"):
                continue
            if cls == "plural" and a.category != "org":
                continue
            if want is not None and genders.get(a.entity) not in (None, want):
                continue
            ant_tok = doc[a.end - 1] if doc[a.end - 1].dep_ not in ("compound",) else doc[a.start]
            root = _root_of(doc, a.start, a.end) or ant_tok
            sdist = k - sents.index_of_token(a.start)
            score = (sdist, 0 if root.dep_ in _SUBJECT else 1, -a.start)
            if sdist == 0:
                score = (0, 0, -a.start)  # in the pronoun's own sentence the nearest wins
            if best is None or score < best[0]:
                best = (score, a)
        if best is None:
            continue
        ent = best[1].entity
        evidence = None
        if want is not None:
            evidence = f"pronoun:{low}"
            if genders.get(ent) is None:
                genders[ent] = want
        links.append(PronounLink(tok.i, ent, "pronoun", evidence))
        resolved.append(Antecedent(tok.i, tok.i + 1, ent, best[1].category))
    return links


def _root_of(doc: Doc, start: int, end: int) -> Token | None:
    span = doc[start:end]
    return span.root if len(span) else None


def _clause(tok: Token) -> Token:
    """The verb heading the clause ``tok`` belongs to (the token itself for a root noun)."""
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.head != head:
        head = head.head
    if tok.dep_ == "pobj" and tok.head.head is not None:
        head = tok.head.head if tok.head.head.pos_ in ("VERB", "AUX") else head
    return head
