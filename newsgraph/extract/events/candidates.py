"""Trigger detection: the event candidates of a sentence, before participants and status are read."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .. import plover_lexicon as lex
from .lexical import ASPECTUAL, NON_EVENT_OBJECTS, QUANTIFIERS, _lemma
from .syntax import _aux, _dobj, _prep_objects


@dataclass
class Candidate:
    """One trigger found in a sentence, before participants and status are read."""

    type: str
    mode: str | None
    tokens: list[Token]
    head: Token  # the token whose syntax carries the event (verb, or event noun)
    pred: Token  # the verb whose tense/modality/negation decide status (== head for verbs)
    nominal: bool
    intent: Token | None = None  # "vowed"/"prepared"/"will" that made it THREATEN/AGREE
    recipient: Token | None = None  # set by rules that know it ("X said Y must ...": Y)
    children: list[Candidate] = field(default_factory=list)  # merged instrument events


def _noun_trigger(tok: Token) -> lex.Trigger | None:
    lemma = _lemma(tok)
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.i < tok.i:
            pair = (_lemma(child), lemma)
            if pair in lex.MODIFIED_NOUNS:
                return lex.MODIFIED_NOUNS[pair]
            if f"{pair[0]} {pair[1]}" in lex.NOUNS:
                return lex.NOUNS[f"{pair[0]} {pair[1]}"]
    if lemma == "strike":  # ambiguous alone: a labour strike or a military one
        return None
    found = lex.NOUNS.get(lemma)
    if found is not None and tok.dep_ == "appos" and tok.head.ent_type_ in ("ORG", "PERSON", "GPE", "NORP"):
        return None  # "DD Corp., a partnership of A and B": what the name is, not an event
    if found is not None and lemma == "deal" and any(
            ch.dep_ == "amod" and ch.lower_ in lex.DEAL_IDIOM_MODIFIERS for ch in tok.children) and not any(
            ch.dep_ == "prep" and ch.lower_ in ("with", "between")
            for ch in [*tok.children, *(tok.head.children if tok.dep_ in ("dobj", "obj") else ())]):
        return None  # "made a big deal about", "a great deal of money": no agreement
    if found is not None and lemma in lex.WEAPONS and tok.dep_ in ("dobj", "obj") and tok.head.pos_ == "VERB" \
            and _lemma(tok.head) not in lex.LIGHT_VERBS and lex.VERBS.get(_lemma(tok.head), ("",))[0] != "ASSAULT":
        return None  # "police seized a car bomb": a thing found, not an attack
    if found is not None and lemma == "demand" and _market_demand(tok):
        return None  # "demand for workers has risen": what buyers want, not a request
    if found is not None and lemma in lex.NEEDS_COMPLEMENT_NOUNS and not _asks_for_something(tok):
        return None  # "a wake-up call", "taking calls": no one is asked for anything
    if found is not None and found[0] == "CONSULT" and any(
            child.dep_ in ("compound", "amod", "nmod") and child.lower_ in lex.STATEMENT_MODIFIERS
            for child in tok.children):
        return None  # "held a press conference": a statement to reporters, not talks between parties
    return found


def _market_demand(noun: Token) -> bool:
    """ "demand for workers", "strong demand for oil": the economic sense of a singular "demand"
    whose "for" names goods or labour (no event, no clause) and which has no one who demands it —
    no possessor, no "of/by/from" — unlike "the demand for the release of X" or "the union's demand
    for higher pay"."""
    if noun.tag_ != "NN" or any(ch.dep_ == "poss" or (ch.dep_ == "prep" and ch.lower_ in ("of", "by", "from"))
                                for ch in noun.children):
        return False
    objs = [p for ch in noun.children if ch.dep_ == "prep" and ch.lower_ == "for"
            for p in ch.children if p.dep_ == "pobj"]
    if not objs or any(ch.dep_ in ("acl", "relcl", "advcl") for ch in noun.children):
        return False
    return all(lex.NOUNS.get(_lemma(p)) is None and not any(ch.dep_ in ("acl", "relcl") for ch in p.children)
               for p in objs)


def _warns_of_things(verb: Token) -> bool:
    """ "X warned that a Y victory would bring chaos": a warning about what a thing or an event
    will do is a caution, not a threat (PLOVER THREATEN needs an actor's action: "warned that
    police will no longer tolerate rallies" stays one)."""
    from .participants import _actor_like  # participants reads Candidate from this module

    for comp in verb.children:
        if comp.dep_ != "ccomp":
            continue
        subj = next((x for x in comp.children if x.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ == "NOUN" and not _actor_like(subj, strict=True):
            return True
    return False


def _thing_subject(verb: Token) -> bool:
    """Whether the verb's (active) subject is a thing: a common noun that is no one and does not
    speak for anyone (laws, statements and plans do: "the resolution demands", "a statement
    condemned"), and is not itself an event ("the talks concluded")."""
    from .participants import _actor_like  # participants reads Candidate from this module

    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and (_lemma(subj) in QUANTIFIERS or subj.like_num):
        # "Thousands of Kurds demonstrated": what is counted acts
        subj = next((p for x in subj.children if x.dep_ == "prep" and x.lower_ == "of"
                     for p in x.children if p.dep_ == "pobj"), None)
    if subj is None or subj.pos_ != "NOUN":
        return False
    lemma = _lemma(subj)
    if lemma in lex.LAW_NOUNS or lemma in lex.SPEECH_NOUNS or lemma in lex.POLICY_NOUNS:
        return False
    if _noun_trigger(subj) is not None:
        return False
    return not _actor_like(subj)


def _asks_for_something(noun: Token) -> bool:
    """ "a call for calm", "his call on X", "the call to withdraw", "a call for X to leave"."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "on", "upon"):
            return True
        if child.dep_ in ("acl", "relcl", "xcomp", "advcl") and any(a.dep_ in ("aux", "mark") and a.lower_ in ("to", "for")
                                                           for a in child.children):
            return True
    return False


def _for_clause(tok: Token) -> Token | None:
    """The "for" of "called for the country to accept ...": a clause's mark, not a preposition."""
    for child in tok.children:
        if child.dep_ in ("advcl", "xcomp", "ccomp") and child.i > tok.i:
            mark = next((m for m in child.children if m.dep_ == "mark" and m.lower_ == "for"), None)
            if mark is not None:
                return mark
    return None


def _object_is_someone(tok: Token) -> bool:
    """Whether the one received, hosted or released is someone: "received the delegation",
    "released two hostages", "the prisoners freed on Monday", or an event that brings people
    ("hosted talks") — not "received immunity", "released a study"."""
    from .participants import _actor_like  # participants reads Candidate from this module

    obj = _dobj(tok) or next((c for c in tok.children if c.dep_ == "nsubjpass"), None) or next(
        (x for c in tok.children if c.dep_ in ("ccomp", "xcomp") for x in c.children if x.dep_ == "nsubj"),
        None)  # "will allow 2,000 refugees to return": the one allowed is the clause's subject
    if obj is not None and (obj.like_num or _lemma(obj) in QUANTIFIERS):
        obj = next((p for x in obj.children if x.dep_ == "prep" and x.lower_ == "of"
                    for p in x.children if p.dep_ == "pobj"), obj)
    if obj is None and tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN"):
        obj = tok.head
    if obj is None:
        return False
    if obj.pos_ == "PRON" and obj.lower_ in ("it", "which", "that", "this"):
        return False  # "released it to the press": a thing
    trig = _noun_trigger(obj)
    if trig is not None:
        # "ready to host a meeting between A and B": the meeting brings them; "prevented the
        # demonstration": the demonstrators; but "received criticism" is no visit
        return trig[0] == "CONSULT" or _lemma(tok) not in ("receive", "host", "welcome")
    return _actor_like(obj, strict=True) or _lemma(obj) in lex.HELD_NOUNS


def _frame_ok(tok: Token, lemma: str) -> bool:
    """Verbs that are events only in some frames: "helped the refugees" but not "helped explain",
    "gave Chad aid" but not "given the delays", "required X to leave" but not "requires patience"."""
    deps = {c.dep_ for c in tok.children}
    if tok.dep_ in ("prep", "mark", "advmod", "amod", "compound"):
        return False  # a modifier ("gun violence" with "gun" tagged a verb), not a predicate
    if lemma in lex.NEEDS_RECIPIENT:
        has_to = any(c.dep_ in ("prep", "dative") and c.lower_ in ("to", "with", "for") for c in tok.children)
        if not (deps & {"dobj", "obj", "dative"} or has_to):
            return False
        if lemma == "help" and "xcomp" in deps and not deps & {"dobj", "dative"}:
            return False
    if lemma in lex.NEEDS_CLAUSE and not deps & {"xcomp", "ccomp"}:
        return False
    if lemma == "plead" and any(c.lower_ in lex.PLEA_WORDS for c in tok.children):
        return False  # "may plead guilty": a plea in court
    if lemma == "warn" and _warns_of_things(tok):
        return False  # "warning voters that her victory would bring ...": a caution, not a threat
    if lemma in lex.TRY_VERBS and "xcomp" in deps and not deps & {"dobj", "obj"}:
        return False  # "seeking to mediate": trying to; the mediation is the event
    if lemma in lex.QUESTION_VERBS and any(
            c.dep_ == "ccomp" and (any(m.lower_ in ("whether", "if") and m.dep_ == "mark" for m in c.children)
                                   or any(w.tag_ in ("WDT", "WP", "WRB") and w.i < c.i for w in c.subtree))
            for c in tok.children):
        return False  # "asked whether the ban would apply", "ask why he had issues": a question
    if lemma in lex.NOT_WITH_CLAUSE and deps & {"ccomp", "dobj", "obj"}:
        return False  # "demonstrated that ...", "demonstrating his backing": showed
    if lemma == "go" and any(c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to"
                                                                  for a in c.children) for c in tok.children):
        return False  # "going on to say": continued; "went on strike" has no clause
    if lemma in lex.QUESTION_VERBS and not deps & {"xcomp", "ccomp"} and any(
            c.dep_ == "prep" and c.lower_ == "about" for c in tok.children):
        return False  # "was asked about the message", "asked Clinton about her emails": a question
    from .participants import _actor_like  # participants reads Candidate from this module

    if lemma in lex.QUESTION_VERBS and not deps & {"xcomp"} and not any(
            c.dep_ == "prep" and c.lower_ in ("for", "to") for c in tok.children) and not any(
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for c in tok.children) and all(_actor_like(o) for o in tok.children if o.dep_ in ("dobj", "obj")):
        return False  # "I want to ask you, will she be there?": asking someone, not asking for anything
    if lex.VERBS.get(lemma) == ("ACCUSE", "investigate") and any(
            o.dep_ in ("dobj", "obj") and o.pos_ == "NOUN" and not _actor_like(o, strict=True)
            and _noun_trigger(o) is None and _lemma(o) not in lex.FATE_NOUNS
            and not any(p.dep_ == "prep" and p.lower_ in ("of", "into", "against", "by") for p in o.children)
            for o in tok.children):
        return False  # "will re-examine the question": a review of a matter, no inquiry into anyone
    if lex.VERBS.get(lemma) == ("ASSAULT", "occupy") and any(
            o.dep_ in ("dobj", "obj") and o.pos_ == "NOUN" and not _actor_like(o, "ASSAULT") for o in tok.children):
        return False  # "seemed to capture the ambiguity": to render, not to take by force
    if lemma == "offer" and any(c.dep_ in ("dobj", "obj") and c.ent_type_ == "MONEY" for c in tok.children):
        return False  # "offered $801 million for Connaught": a bid to buy, no agreement
    return True


def _verb_trigger(tok: Token) -> tuple[lex.Trigger, list[Token]] | None:
    lemma = _lemma(tok)
    if not _frame_ok(tok, lemma):
        return None
    if lemma in lex.NEEDS_ACTOR_OBJECT and not _object_is_someone(tok):
        return None
    if lemma in lex.NEEDS_ACTOR_OBJECT and any(_lemma(p) in lex.MEASURE_NOUNS for p in _prep_objects(tok, ("for",))):
        return None  # "set to host the Vikings for a football game": a fixture, not a meeting
    obj = _dobj(tok)
    if obj is not None:
        key = (lemma, _lemma(obj))
        if key in lex.VERB_OBJECT:
            return lex.VERB_OBJECT[key], [tok, obj]
        if lemma in lex.TRANSFER_VERBS:
            goods = {_lemma(obj)} | {_lemma(p) for p in _prep_objects(obj, ("of",))}
            if goods & lex.AID_GOODS:
                return ("AID", "humanitarian"), [tok]
            if goods & lex.WEAPONS:
                return ("AID", "military"), [tok]
        if _lemma(obj) in NON_EVENT_OBJECTS and lemma not in ("reject", "accept", "welcome"):
            return None
    for child in tok.children:
        if child.dep_ in ("prt", "prep") and child.i > tok.i:
            key2 = f"{lemma} {child.lower_}"
            if key2 in lex.IDIOMATIC_PHRASAL and obj is not None:
                continue  # "took to the streets" is a protest, "taking her to the hospital" is not
            if key2 in lex.NON_EVENT_PHRASAL:
                return None  # "the ad seizes on her remarks": makes use of, no seizure
            if key2 in lex.PHRASAL and child.dep_ == "prep" and any(
                    p.ent_type_ in ("DATE", "TIME") for p in child.children if p.dep_ == "pobj"):
                continue  # "called Machado on Friday": a date, not the phrasal "call on"
            if key2 in lex.PHRASAL_NEEDS_OBJECT and not any(
                    _lemma(p) in lex.PHRASAL_NEEDS_OBJECT[key2] for p in child.children if p.dep_ == "pobj"):
                continue  # "something was going on with X": only "went on strike" is a strike
            if key2 in lex.PHRASAL and lex.PHRASAL[key2][0] == "SANCTION" and obj is None \
                    and child.dep_ == "prt" and not any(c.dep_ == "nsubjpass" for c in tok.children):
                continue  # "negotiations broke off": the talks ended; nobody cut anything off
            if key2 in lex.PHRASAL:
                return lex.PHRASAL[key2], [tok, child]
    mark = _for_clause(tok)
    if mark is not None and f"{lemma} for" in lex.PHRASAL:
        return lex.PHRASAL[f"{lemma} for"], [tok, mark]
    if lemma in lex.VERBS:
        return lex.VERBS[lemma], [tok]
    return None


def _nominal_predicate(noun: Token) -> Token | None:
    """The verb that says when/whether an event noun happened: "held talks", "talks which began"."""
    head = noun.head
    if noun.dep_ in ("dobj", "obj") and _lemma(head) in lex.LIGHT_VERBS:
        return head
    if noun.dep_ in ("nsubj", "nsubjpass") and _lemma(head) in ASPECTUAL:
        return head
    for child in noun.children:
        if child.dep_ in ("relcl", "acl") and _lemma(child) in ASPECTUAL:
            return child
    if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "into") and noun.head.head.pos_ == "VERB" \
            and _lemma(noun.head.head) in lex.LIGHT_VERBS:
        return noun.head.head  # "engage in a dialogue", "take part in talks"
    return None


def _candidates(sent: Span) -> list[Candidate]:
    cands: list[Candidate] = []
    used: set[int] = set()
    light_taken: set[int] = set()
    for tok in sent:
        if tok.i in used:
            continue
        if tok.pos_ in ("NOUN", "PROPN") and tok.tag_ not in ("NNP", "NNPS"):
            trig = _noun_trigger(tok)
            toks = [tok]
            if trig is not None and tok.dep_ == "compound":
                if _lemma(tok.head) not in lex.GENERIC_HEADS:
                    continue  # "occupation forces": a modifier, not an event
                tok = tok.head  # "a mediation effort": the generic head carries the syntax
                toks = [toks[0], tok]
            if trig is None:
                continue
            pred = _nominal_predicate(tok)
            if pred is not None and pred.i < tok.i and _lemma(pred) in lex.LIGHT_VERBS:
                toks = [pred, *toks]
                light_taken.add(pred.i)
            cands.append(Candidate(trig[0], trig[1], toks, tok, pred or tok, True))
            used.update(t.i for t in toks)
        elif tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.tag_ == "VBN"):
            found = _verb_trigger(tok) if tok.dep_ != "amod" else None
            if found is None:
                continue
            trig, toks = found
            lemma = _lemma(tok)
            obj = _dobj(tok)
            if lemma in lex.REPORTING and trig[0] not in ("THREATEN",) and len(toks) == 1:
                continue
            if trig[0] in lex.ANIMATE_SUBJECT_TYPES and _thing_subject(tok):
                continue  # "the spot concludes with", "the rights will terminate": another sense
            if lemma in lex.LIGHT_VERBS and obj is not None and _noun_trigger(obj) is not None \
                    and len(toks) == 1:
                continue  # "held talks": the noun carries the event
            if trig[0] == "PROTEST" and any(ch.dep_ == "ccomp" for ch in tok.children) or (
                trig[0] == "PROTEST" and tok.dep_ in ("ccomp", "parataxis") and tok.head.i != tok.i
                and tok.i > tok.head.i
            ):
                trig = ("ACCUSE", "disapprove")  # "..., the group protested": a complaint, not a march
            cands.append(Candidate(trig[0], trig[1], toks, tok, tok, False))
            used.update(t.i for t in toks)
    # drop a light verb candidate whose noun took it over (order of discovery may differ)
    cands = [c for c in cands if not (not c.nominal and c.head.i in light_taken)]
    cands.extend(_modal_demands(sent, {t.i for c in cands for t in c.tokens}))
    return _merge_laws(_merge_instruments(cands))


def _merge_laws(cands: list[Candidate]) -> list[Candidate]:
    """ "approved a bill which requires X to leave": the approval is coded as what the law does."""
    by_head = {c.head.i: c for c in cands}
    drop: set[int] = set()
    for c in cands:
        if c.nominal or _lemma(c.head) not in lex.APPROVAL_VERBS:
            continue
        law = _dobj(c.head)
        if law is None or _lemma(law) not in lex.LAW_NOUNS:
            continue
        # the clause describing the law; parsers often hang it on a date in between
        # ("a bill on January 5, which requires ..."), so take the first one after the noun
        for clause in c.head.subtree:
            inner = by_head.get(clause.i)
            if clause.dep_ in ("relcl", "acl") and clause.i > law.i and inner is not None \
                    and not inner.nominal:
                c.type, c.mode = inner.type, inner.mode
                c.recipient = c.recipient or _dobj(inner.head)
                drop.add(inner.head.i)
                break
    return [c for c in cands if c.head.i not in drop]


def _modal_demands(sent: Span, taken: set[int]) -> list[Candidate]:
    """ "X declared that China must drop barriers": a demand by X on China (REQUEST)."""
    out = []
    for tok in sent:
        if tok.i in taken or _lemma(tok) not in lex.DEMAND_FRAMES:
            continue
        for comp in tok.children:
            if comp.dep_ != "ccomp":
                continue
            aux = _aux(comp)
            obliged = bool(aux & {"must", "should"}) or (
                _lemma(comp) == "have" and any(x.dep_ == "xcomp" for x in comp.children)
            )
            subj = next((x for x in comp.children if x.dep_ in ("nsubj", "nsubjpass")), None)
            if obliged and subj is not None and subj.pos_ != "PRON":
                out.append(Candidate("REQUEST", "change", [tok], tok, tok, False, recipient=subj))
                break
    return out


def _merge_instruments(cands: list[Candidate]) -> list[Candidate]:
    """ "the assassination of X in a drone strike": one event, the instrument gives the mode."""
    by_head = {c.head.i: c for c in cands}
    drop: set[int] = set()
    for c in cands:
        if not c.nominal:
            continue
        prep = c.head.head
        if c.head.dep_ == "pobj" and prep.lower_ in ("in", "by", "with", "through", "during"):
            parent = by_head.get(prep.head.i)
            if parent is not None and parent is not c and parent.type == c.type:
                if c.mode:
                    parent.mode = c.mode
                parent.children.append(c)
                drop.add(c.head.i)
    return [c for c in cands if c.head.i not in drop]
