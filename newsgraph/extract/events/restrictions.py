"""Selectional restrictions: literal or figurative force, protest or campaign rally."""

from __future__ import annotations

from spacy.tokens import Token

from .. import plover_lexicon as lex
from .candidates import Candidate
from .lexical import GROUP_NOUNS, PLACE_LABELS, _lemma
from .participants import _entityish, _nominal_participants, _resolve_pronoun, _subject_of, _verb_recipient


def _noun_class(tok: Token) -> str | None:
    """The class of an argument for selectional restrictions (see ``plover_lexicon``)."""
    lem = _lemma(tok)
    if lem in lex.WEAPONS or lem in lex.PHYSICAL_NOUNS:
        return "physical"
    if lem in lex.ARMED_NOUNS:
        return "armed"
    if lem in lex.PEOPLE_NOUNS:
        return "people"
    if lem in lex.SPEECH_NOUNS:
        return "speech"
    if lem in lex.POLICY_NOUNS:
        return "policy"
    if lem in lex.MEASURE_NOUNS or tok.ent_type_ in ("PERCENT", "MONEY", "ORDINAL"):
        return "measure"
    if tok.ent_type_ in PLACE_LABELS:
        return "place"
    if tok.ent_type_ in ("PERSON", "ORG", "NORP"):
        return "party"
    return None


def _force_args(c: Candidate, by_head: dict[int, Candidate]) -> tuple[list[Token], list[Token], Token | None,
                                                                       Token | None]:
    """Arguments of a force trigger: (core arguments and instruments, place phrases, actor, recipient)."""
    head = c.head
    if c.nominal:
        actor, recipient = _nominal_participants(c, by_head)
    else:
        actor, _ = _subject_of(head)
        recipient = _verb_recipient(head, c.type, by_head, trigger=frozenset(t.i for t in c.tokens))
    core: list[Token] = [_resolve_pronoun(x) for x in (actor, recipient) if x is not None]
    places: list[Token] = []
    for ch in head.children:
        if ch.dep_ in ("dobj", "obj", "nsubjpass", "poss", "compound", "nmod", "dative"):
            core.append(_resolve_pronoun(ch))  # "its operations": whose
        elif ch.dep_ in ("prep", "agent"):
            pobjs = [p for p in ch.children if p.dep_ == "pobj"]
            (places if ch.lower_ in ("in", "near", "inside", "outside", "across") else core).extend(pobjs)
    if not c.nominal and head.dep_ in ("relcl", "acl") and head.head.pos_ in ("NOUN", "PROPN"):
        core.append(head.head)  # "tweets attacking Clinton": what does the attacking
    return core, places, actor, recipient


def _force_reading(c: Candidate, by_head: dict[int, Candidate]) -> str:
    """``literal``, ``speech`` or ``none`` for a force word that also has a figurative sense.

    Rules, in order (the first that applies decides):

    1. a weapon, vehicle or building, an armed doer, harmed people as target, a word of harm in the
       clause, or a literal modifier ("suicide attack") -> literal;
    2. a statement, policy, plan as object/instrument, or a figurative modifier ("political attacks")
       -> speech (for words that can mean "criticise") else none; polls, markets, records, sport -> none;
    3. a named person as target, or a named person/organisation acting on another, with no physical
       cue -> speech ("X attacked Y", "his attacks on Y"); a doer that is a thing ("the effect hit
       home") -> none; "fire" with a person as object -> none (a dismissal);
    4. a place as target or setting ("attacked the town", "the war in Iraq") -> literal;
    5. nothing known: a verb stays literal; a noun that needs a cue ("battle", "operation") is none.
    """
    lemma = _lemma(c.head)
    own = {t.i for t in c.tokens}
    core, places, actor, recipient = _force_args(c, by_head)
    if c.head.i > 0 and c.head.doc[c.head.i - 1].text == "-":
        return "none"  # "gas-fired plants", "hard-hit towns": part of a compound modifier
    # what is said or written can be the setting too: "attacked X in tweets", "in a speech"
    classes = {_noun_class(t) for t in core} | ({_noun_class(t) for t in places} & {"speech"})
    # harmed people count as targets only: "people who attack my wife" is no cue
    targets = {_noun_class(t) for t in core if actor is None or t.i != actor.i}
    mods = {_lemma(ch) for ch in c.head.children if ch.dep_ in ("amod", "compound", "nmod")}
    clause = c.head.head if c.nominal and c.head.dep_ not in ("ROOT",) else c.head
    harm = any(_lemma(t) in lex.HARM_WORDS and t.i not in own for t in clause.subtree)
    if lemma == "fire" and not classes & {"physical"} and not harm and any(
            _lemma(t) in lex.EMPLOYEE_NOUNS or t.ent_type_ == "PERSON" for t in core if t is not actor):
        return "none"  # "fired the employees": a dismissal
    if mods & lex.LITERAL_MODIFIERS or classes & {"physical", "armed"} or "people" in targets or harm:
        return "literal"
    if actor is not None and actor.pos_ in ("NOUN", "PRON") and not _entityish(actor) \
            and _lemma(actor) not in GROUP_NOUNS and _noun_class(actor) not in ("people", "armed") \
            and _lemma(actor) not in ("man", "woman", "boy", "girl", "person", "youth", "teenager") \
            and actor.lower_ not in ("they", "we", "he", "she"):
        return "none"  # "the effect hit home", "it hits": force needs someone who acts
    r_cls = _noun_class(recipient) if recipient is not None else None
    # speech needs someone it is aimed at: "fired off tweets" alone is no event
    criticise = lemma in lex.CRITICISE_CAPABLE and recipient is not None and r_cls not in ("speech", "measure")
    if classes & {"speech", "policy"} or mods & lex.FIGURATIVE_MODIFIERS:
        return "speech" if criticise else "none"
    if "measure" in classes:
        return "none"
    a_cls = _noun_class(actor) if actor is not None else None
    if r_cls == "party" and recipient is not None and recipient.ent_type_ == "PERSON":
        return "speech" if criticise else "none"  # "his attacks on Machado": no cue of violence
    if a_cls == "party" and r_cls in ("party",) or (a_cls == "party" and recipient is None and actor is not None
                                                    and actor.ent_type_ != "NORP"  # "Albanians swore to fight"
                                                    and lemma in lex.NEEDS_LITERAL_CUE):
        return "speech" if criticise else "none"
    if "place" in classes or any(_noun_class(t) == "place" for t in places):
        return "literal"
    if c.nominal and lemma in lex.NEEDS_LITERAL_CUE:
        return "none"
    return "literal"


def _is_protest(c: Candidate, by_head: dict[int, Candidate]) -> bool:
    """A rally or march is a protest only with a protest cue; a campaign rally is no event."""
    sent_lemmas = {_lemma(t) for t in c.head.sent} | {t.lower_ for t in c.head.sent}
    core, _, actor, _ = _force_args(c, by_head)
    if any(_noun_class(t) in ("people",) for t in core):
        return True
    return bool(sent_lemmas & lex.PROTEST_CUES - {_lemma(t) for t in c.tokens})


def _apply_restrictions(cands: list[Candidate], by_head: dict[int, Candidate]) -> list[Candidate]:
    """Recode or drop force and rally triggers whose arguments cannot take the literal sense."""
    out = []
    for c in cands:
        lemma = _lemma(c.head)
        if c.type in ("ASSAULT", "COERCE") and lemma in lex.FIGURATIVE_CAPABLE and not (
            c.mode in ("suicide-attack", "drone", "aerial") and c.nominal
        ):
            reading = _force_reading(c, by_head)
            if reading == "none":
                continue
            if reading == "speech":
                c.type, c.mode = "ACCUSE", "disapprove"
        elif c.type == "PROTEST" and lemma in lex.RALLY_NOUNS and not _is_protest(c, by_head):
            continue
        out.append(c)
    return out
