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


#: Verbs of compulsion: only someone who acts can compel ("rebels forced villagers to leave").
COMPEL_VERBS = frozenset("force compel oblige coerce pressure pressurize".split())
#: Destinations that are no one: a projectile fired into them hits no target (a weapons test).
EMPTY_DESTINATIONS = frozenset("sea ocean water waters air sky space gulf".split())


def _agentless_compulsion(c: Candidate) -> bool:
    """A compelling verb whose causer is a thing or condition, not an actor (selectional restriction).

    "Pneumonia forced Clinton to leave", "the storm forced the mayor to cancel": the subject is a
    common noun that is neither a person, a group, an armed body nor a named party, so there is no
    coercion between actors. Pronouns and entities keep the event (they may stand for actors).
    """
    if c.nominal or c.type != "COERCE" or _lemma(c.head) not in COMPEL_VERBS:
        return False
    subj = next((ch for ch in c.head.children if ch.dep_ in ("nsubj", "csubj")), None)
    if subj is None:
        agent = next((ch for ch in c.head.children if ch.dep_ == "agent"), None)
        subj = next((p for p in agent.children if p.dep_ == "pobj"), None) if agent is not None else None
    if subj is None or subj.pos_ != "NOUN" or _entityish(subj) or subj.ent_type_:
        return False
    return _lemma(subj) not in GROUP_NOUNS and _noun_class(subj) not in ("people", "armed", "party") \
        and _lemma(subj) not in ("man", "woman", "person", "official", "leader", "government", "police")


def _resultative_reduce(c: Candidate) -> bool:
    """"Reduced to rubble / to tears / to a footnote": a change of state, not a cut of something.

    "reduce" is a SANCTION (cut aid, forces) only when what is cut is an amount; without an object,
    a "to" phrase whose object is not a quantity says what something became ("was reduced to").
    """
    if c.nominal or _lemma(c.head) != "reduce":
        return False
    doc, i = c.head.doc, c.head.i
    if i + 2 < len(doc) and doc[i + 1].lower_ == "to":
        # right after the passive or object-less verb ("was reduced to rubble"; the parser may read
        # "to rubble" as an infinitive): the next word is the new state unless it is a quantity
        nxt = doc[i + 2]
        if not (nxt.like_num or nxt.ent_type_ in ("PERCENT", "MONEY", "CARDINAL", "QUANTITY")
                or nxt.pos_ in ("DET", "NUM", "SYM") or _noun_class(nxt) == "measure"):
            return True
    if any(ch.dep_ in ("dobj", "obj") for ch in c.head.children):
        return False  # "reduced food supplies to the camp": a cut, and where it falls
    for ch in c.head.children:
        if ch.dep_ == "prep" and ch.lower_ == "to":
            for p in ch.children:
                if p.dep_ == "pobj" and _noun_class(p) != "measure" and not p.like_num \
                        and not any(t.like_num for t in p.subtree):
                    return True
    return False


def _untargeted_launch(c: Candidate, by_head: dict[int, Candidate]) -> bool:
    """A projectile fired or launched with no target, into the sea or the air: a test, not an attack.

    "fired two missiles into the sea" has a weapon as object (a literal cue) but no one attacked; with
    a target ("at the village", "on the city", a recipient) it stays ASSAULT.
    """
    if c.nominal or c.type != "ASSAULT" or _lemma(c.head) not in ("fire", "launch", "test"):
        return False
    kids = list(c.head.children)
    if not any(ch.dep_ in ("dobj", "obj") and _lemma(ch) in lex.WEAPONS for ch in kids):
        return False
    _, _, _, recipient = _force_args(c, by_head)
    if recipient is not None and _lemma(recipient) not in EMPTY_DESTINATIONS:
        return False
    for ch in kids:
        if ch.dep_ == "prep" and ch.lower_ in ("at", "on", "against", "toward", "towards", "onto") and any(
                p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME") for p in ch.children):
            return False  # "at the village", but not "on Monday"
    return any(ch.dep_ == "prep" and ch.lower_ in ("into", "over", "off") and any(
        p.dep_ == "pobj" and _lemma(p) in EMPTY_DESTINATIONS for p in ch.children) for ch in kids)


#: Verbs that say a promise was carried out ("kept their promise to kill"): the promised act happened.
KEEP_VERBS = frozenset("keep fulfil fulfill honor honour".split())
PROMISE_NOUNS = frozenset("promise pledge vow word commitment threat".split())


def _kept_promise(c: Candidate, by_head: dict[int, Candidate]) -> bool:
    """A promise or threat that was kept, with the promised act as its own event: the act is the event.

    "The gang kept its promise to burn the depot": what happened is the burning (its own candidate),
    not an agreement; the kept promise is dropped so the act stands alone.
    """
    if c.type not in ("AGREE", "THREATEN"):
        return False
    for tok in c.tokens:
        if _lemma(tok) not in PROMISE_NOUNS or tok.dep_ not in ("dobj", "obj") or _lemma(tok.head) not in KEEP_VERBS:
            continue
        if any(ch.dep_ in ("acl", "relcl", "xcomp") and ch.i in by_head and by_head[ch.i] is not c
               for ch in tok.children):
            return True
    return False


def _apply_restrictions(cands: list[Candidate], by_head: dict[int, Candidate]) -> list[Candidate]:
    """Recode or drop force and rally triggers whose arguments cannot take the literal sense."""
    out = []
    for c in cands:
        lemma = _lemma(c.head)
        if _kept_promise(c, by_head) or _agentless_compulsion(c) or _resultative_reduce(c) or _untargeted_launch(c, by_head):
            continue
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
