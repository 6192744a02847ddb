"""Participants: the article context an event reads, and the actor and recipient of each candidate."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...model import Analysis, Mention, Participant, Quote, TimeExpr
from .. import plover_lexicon as lex
from ..actor_lexicon import ORG_HEADS, ROLE_NOUNS
from ..docindex import OffsetIndex
from ..furniture import Furniture
from .candidates import Candidate
from .lexical import (
    AGENTIVE_OF,
    GROUP_NOUNS,
    LOCATION_PREPS,
    NON_PARTICIPANT_ENTS,
    PASS_SUBJ,
    PLACE_LABELS,
    PRONOUNS_TO_RESOLVE,
    QUANTIFIERS,
    RECIPIENT_PREPS,
    SUBJ,
    _lemma,
)
from .syntax import _container, _hyphen_prefix, _prep_objects


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
    by_offset: OffsetIndex[Mention]  # the article's mentions in text order
    quotes: list[tuple[int, int, Quote]]
    times: list[TimeExpr]
    text: str = ""  # doc.text joins every token on each read: read once (per sentence it was quadratic)
    furniture: Furniture | None = None  # the page's lines and datelines, which no participant starts in

    @classmethod
    def build(cls, doc: Doc, analysis: Analysis) -> Ctx:
        quotes = [(s.start, s.end, q) for q in analysis.quotes for s in q.content]
        times = [t for t in analysis.times if t.type in ("DATE", "TIME")]
        by_offset = OffsetIndex(analysis.mentions, start=lambda m: m.start, end=lambda m: m.end)
        return cls(doc, analysis, by_offset, quotes, times, doc.text, Furniture(doc.text))

    @property
    def mentions(self) -> list[Mention]:
        """The article's mentions in text order (the index's own sorted list, not a second copy)."""
        return self.by_offset.items

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The mentions inside the character range [start, end), in text order."""
        return self.by_offset.within(start, end)

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


def _coreferent(ctx: Ctx, pron: Token) -> Participant | None:
    """The named mention nearest ``pron`` of the entity the coref stage linked it to, if any."""
    linked = next((m for m in ctx.mentions_in(pron.idx, pron.idx + len(pron))
                   if m.entity and ctx.analysis.entity(m.entity) is not None), None)
    if linked is None:
        return None
    named = [m for m in ctx.mentions if m.entity == linked.entity and m.form != "pronoun"]
    best = min(named, key=lambda m: abs(m.start - pron.idx)) if named else linked
    return Participant(start=best.start, end=best.end, text=best.text, entity=best.entity)


def _participant(ctx: Ctx, head: Token | None, _seen: frozenset[int] = frozenset()) -> Participant | None:
    if head is None:
        return None
    if head.pos_ == "PRON" and not (head.lower_ in ("it", "they", "we") and head.dep_ in SUBJ
                                    and _resolve_pronoun(head).i != head.i):
        # the article's coreference first ("She will visit ..." -> the senator; "urging them" -> the
        # board the letter went to): the reporting-subject guess below would make the writer of a
        # letter its own addressee.  Only "X said it/they/we would ...", an organisation speaking
        # of itself, keeps the reporting subject, which is more reliable there than a coreference
        # chain for "it"
        coref = _coreferent(ctx, head)
        if coref is not None:
            return coref
    head = _resolve_pronoun(head)
    if head.i in _seen:
        # "One of them fired": "them" resolves back to the subject "One", whose "of" is "them" again
        return None
    if head.pos_ == "PRON":
        coref = _coreferent(ctx, head)
        if coref is not None:
            return coref
        if head.lower_ not in ("we", "they"):
            return None
    if (head.ent_type_ in NON_PARTICIPANT_ENTS and not _age_noun(head)) or head.like_num \
            or _lemma(head) in QUANTIFIERS:
        # "Thousands of Iraqi Kurds", "one third of the guerrillas": the people, not the number
        of = next((p for x in head.children if x.dep_ == "prep" and x.lower_ == "of"
                   for p in x.children if p.dep_ == "pobj"), None)
        if of is None:
            return None
        return _participant(ctx, of, _seen | {head.i})
    s, e = _np_tokens(head)
    doc = ctx.doc
    # "BRUSSELS - European leaders": a dateline the parse took into the subject's phrase
    while s < head.i and ctx.furniture and ctx.furniture.contains(doc[s].idx):
        s += 1
    cstart, cend = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
    mentions = ctx.mentions_in(cstart, cend)
    hchar = head.idx
    best = next((m for m in mentions if m.start <= hchar < m.end), None)
    if best is None and head.pos_ == "NOUN" and _is_person_noun(head):
        # "the Democratic nominee": a person, not the party an adjective or compound names; the
        # noun phrase stands for them unless a mention links it (a possessor still counts:
        # "Clinton's aide" is no one else's)
        mentions = [m for m in mentions if not _premodifier_mention(m, head)]
    if mentions:
        if best is None:
            ranked = sorted(mentions, key=lambda m: (m.type == "NORP", m.form == "description", m.start))
            best = ranked[0]
        return Participant(start=best.start, end=best.end, text=best.text, entity=best.entity)
    return Participant(start=cstart, end=cend, text=ctx.text[cstart:cend], entity=None)


def _is_person_noun(tok: Token) -> bool:
    """A common noun for one kind of person ("nominee", "senator", "opponent"), not a body.

    Bodies and armed forces take their modifier's identity ("the Sylvanian government", "Sylvanian
    troops" are Sylvania); people do not ("the Democratic nominee" is a candidate, not the party;
    "Freedonian refugees" are not the Freedonian state).
    """
    lemma = _lemma(tok)
    return (lemma in ROLE_NOUNS or lemma in lex.PEOPLE_NOUNS or lemma in lex.EMPLOYEE_NOUNS) \
        and lemma not in ORG_HEADS and lemma not in lex.ARMED_NOUNS


def _premodifier_mention(m: Mention, head: Token) -> bool:
    """Whether mention ``m`` lies in an adjective or compound before ``head`` (not a possessor)."""
    for t in head.lefts:
        if t.dep_ in ("amod", "compound", "nmod") and t.left_edge.idx <= m.start < t.right_edge.idx + len(t.right_edge):
            return True
    return False


#: spaCy labels of names that can act or be acted on.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Pronouns that stand for someone.
PERSONAL_PRONOUNS = frozenset("he she him her they them we us i me you it who whom his its their our my".split())
_ACTOR_NOUNS = lex.ACTOR_NOUNS | GROUP_NOUNS | ROLE_NOUNS | ORG_HEADS | lex.ARMED_NOUNS | lex.PEOPLE_NOUNS \
    | lex.EMPLOYEE_NOUNS | lex.HELD_NOUNS
#: Types whose target can be a thing or a place: one attacks a bridge, seizes a port.
PHYSICAL_TARGET_TYPES = frozenset({"ASSAULT", "COERCE"})


def _actor_like(tok: Token, ev_type: str | None = None, ctx: Ctx | None = None, strict: bool = False) -> bool:
    """Whether the phrase headed by ``tok`` can be a participant: someone, not something.

    A recipient is an actor (PLOVER codes what actors do to actors): a name of an actor kind
    (person, organisation, country, group), a name the tagger left unlabelled, a pronoun for
    someone, or a common noun for people or a body ("her opponent", "the board"). The issue
    ("the high level of unemployment"), the content of a demand ("more school investment") or a
    place visited is not.  Hostile physical acts may target things and places ("shelled the
    bridge", "seized the port").  A name the tagger calls a place but the article's actor layer
    (``ctx``, which reads the whole article) types as an actor counts as an actor.  ``strict``:
    the head noun itself must be someone ("the poll released by X" is still a poll).
    """
    if tok.pos_ == "PRON":
        return tok.lower_ in PERSONAL_PRONOUNS
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.i > tok.i:
        return _actor_like(tok.head, ev_type)  # "the Kifaya group": what the phrase names is a group
    if _age_noun(tok):
        return True
    if tok.ent_type_ in NON_PARTICIPANT_ENTS or tok.like_num:
        return False
    physical = ev_type in PHYSICAL_TARGET_TYPES
    if tok.ent_type_ in PLACE_LABELS - {"GPE"}:
        return physical or (ctx is not None and any(
            m.type in ACTOR_LABELS for m in ctx.mentions_in(tok.idx, tok.idx + len(tok))))
    if tok.ent_type_ in ACTOR_LABELS or tok.pos_ == "PROPN":
        return True
    # spaCy's own lemma, not the one repaired towards the event lexicon ("funding" -> "fund")
    lemma = tok.lemma_.lower()
    if tok.lower_.endswith("ing") and not lemma.endswith("ing"):
        lemma = tok.lower_  # "protests over policing": an activity, not the police
    if lemma in _ACTOR_NOUNS or tok.lower_ in _ACTOR_NOUNS:
        return True  # people or a body
    if not strict and _names_someone(tok):
        return True  # a phrase naming someone: "Turkey's bid", "the Clinton plan" (the doer's own)
    return physical and (lemma in lex.PHYSICAL_NOUNS or lemma in lex.WEAPONS)


#: Arguments a phrase fills as a noun phrase (an adjective there is used as a noun).
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "pobj", "appos", "conj", "attr"})


def _age_noun(tok: Token) -> bool:
    """ "killed a 13-year-old", "a 40-year-old was arrested": an age used as a noun is a person
    (the tagger calls the phrase a DATE and its head an adjective)."""
    return tok.lower_ == "old" and tok.dep_ in NOMINAL_DEPS and any(
        _lemma(ch) in ("year", "month", "week") for ch in tok.children)


def _subject_of(verb: Token) -> tuple[Token | None, bool]:
    """The actor token of a verb, climbing control chains; second value: it came from a passive."""
    prefix = _hyphen_prefix(verb)
    if prefix is not None and not any(c.dep_ in SUBJ for c in verb.children):
        verb = prefix  # "the board will re-examine": the subject hangs on "re"
    node = verb
    came_by = ""  # the dependency of the clause we climbed out of
    for _ in range(6):
        if came_by == "xcomp" and any(c.dep_ in PASS_SUBJ for c in node.children):
            # "He is expected to meet X", "she was asked to lead the talks": the passive subject of
            # the verb above is the one who meets/leads (raising and object control), not its agent
            return next(c for c in node.children if c.dep_ in PASS_SUBJ), False
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
        if node.dep_ in ("acl", "relcl") and node.head.pos_ in ("NOUN", "PROPN"):
            if _entityish(node.head):
                return node.head, False  # "refugees fleeing the war", "the group, which attacked"
            owner = _owner(node.head)
            if owner is not None:
                return owner, False  # "X's flurry of tweets targeting Y": X's tweets, X's deed
        if node.head.i == node.i or node.dep_ not in ("xcomp", "conj", "advcl", "acomp", "ccomp", "pcomp",
                                                 "pobj", "prep", "acl", "dobj", "attr"):
            return None, False
        came_by = node.dep_
        node = node.head
    return None, False


def _owner(noun: Token) -> Token | None:
    """Whose a thing is: the possessor of ``noun`` or of the noun it is "of" ("X's flurry of tweets")."""
    for _ in range(2):
        poss = next((c for c in noun.children if c.dep_ == "poss"), None)
        if poss is not None:
            return poss
        if noun.dep_ != "pobj" or noun.head.lower_ != "of" or noun.head.head.pos_ not in ("NOUN", "PROPN"):
            return None
        noun = noun.head.head
    return None


def _names_someone(tok: Token) -> bool:
    """Whether a common-noun phrase names the party it belongs to: a possessor, a proper-noun
    compound or a nationality ("Turkey's bid", "the Clinton plan", "the support of Russia",
    "Palestinian lorries" — PLOVER codes the party so named), but not a date ("Friday's test")."""
    s, e = _np_tokens(tok)
    for t in tok.doc[s:e]:
        if t.i == tok.i or t.ent_type_ in NON_PARTICIPANT_ENTS:
            continue
        named = t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "ORG", "PERSON", "NORP")
        if named:
            return True
    return False


def _entityish(tok: Token) -> bool:
    if _age_noun(tok):
        return True
    s, e = _np_tokens(tok)
    span = tok.doc[s:e]
    if tok.ent_type_ in NON_PARTICIPANT_ENTS:
        return False
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "ORG", "PERSON", "NORP") for t in span) or (
        tok.pos_ == "PRON" and tok.lower_ in PRONOUNS_TO_RESOLVE
    )


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
            fate = _lemma(node) in lex.FATE_NOUNS  # "over X's death": X is the victim, only "by" acts
            for ch in node.children:
                if ch.dep_ == "poss" and ch.pos_ != "PRON" and not fate:
                    return ch
            for ch in node.children:
                if ch.dep_ == "prep" and ch.lower_ in (("by",) if fate else INNER_PREPS):
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
    if not options and depth == 0:
        # "shot and killed a boy": the object of the second verb is shared by the first
        options.extend(o for cj in verb.children if cj.dep_ == "conj" and cj.pos_ == "VERB"
                       and not any(x.dep_ in SUBJ for x in cj.children)
                       for o in cj.children if o.dep_ in ("dobj", "obj"))
    for c in verb.children:  # "demanded that Israel ease", "urged X to", "refused to meet X"
        if c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "for" for m in c.children)):  # "called for X to ..."
            options.extend(x for x in c.children if x.dep_ in ("nsubj", "dobj", "obj"))
    options = [o for o in options if not (
        o.head.i in trigger and f"{_lemma(verb)} {o.head.lower_}" in lex.IDIOMATIC_PHRASAL)]
    # the trigger's own object is searched inside ("lifted the blockade on X") but is no target itself,
    # and neither is what is fired or thrown ("fired rockets at X")
    inside = options
    options = [o for o in options if o.i not in trigger and _lemma(o) not in lex.WEAPONS]
    for o in options:
        if _lemma(o) in lex.FATE_NOUNS:
            # "protested over X's death": the victim named inside a fate noun is no target, its doer is
            doer = _nominal_participants(cands_by_head[o.i], cands_by_head)[0] if o.i in cands_by_head else None
            if doer is not None:
                return doer
            continue
        if o.i in cands_by_head and o.pos_ in ("NOUN", "PROPN"):
            inner_actor, inner_rec = _nominal_participants(cands_by_head[o.i], cands_by_head)
            if inner_rec is not None or inner_actor is not None:
                return inner_rec or inner_actor  # "pushed for the withdrawal of X" -> X
            continue
        if _entityish(o):
            return o
    # a single person acted on, named by a common noun ("wounded a guard in Lakeport"), before the
    # place in its phrase: a counted crowd ("killed 23 people in Tel Aviv") leaves the place as the target
    for o in options if ev_type in lex.HOSTILE else ():
        if o.dep_ in ("dobj", "obj", "nsubjpass") and o.pos_ == "NOUN" and _actor_like(o, strict=True) \
                and not any(ch.dep_ == "nummod" for ch in o.children) and any(
                    ch.dep_ == "prep" and ch.lower_ in PLACE_PREPS for ch in o.children):
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
            if c.dep_ in ("xcomp", "advcl", "ccomp") and c.pos_ in ("VERB", "AUX") and not any(
                    m.dep_ in ("mark", "advmod") and m.lower_ in lex.TEMPORAL_MARKS for m in c.children):
                # a purpose or complement, not a separate event ("fired missiles while leaders met")
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
                 and o.ent_type_ not in NON_PARTICIPANT_ENTS and _lemma(o) not in lex.FATE_NOUNS), None)


def _modifier_chain(x: Token, h: Token) -> bool:
    """Whether ``x`` reaches ``h`` through pre-modifiers only ("Iraq" in "Iraq-US talks")."""
    node = x
    while node.i != h.i:
        if node.dep_ not in ("compound", "amod", "nmod") or node.head.i == node.i:
            return False
        node = node.head
    return True


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
    if noun.dep_ in ("dobj", "obj") and _lemma(noun.head) in lex.RECEIVING_VERBS:
        # "Trump is drawing criticism", "the minister faced sanctions": the subject undergoes it
        recipient, _ = _subject_of(noun.head)
    elif noun.dep_ == "pobj" and noun.head.dep_ == "agent" and noun.head.head.tag_ == "VBN":
        # "I am honored by the endorsement of X", "the mayor was stung by the rebuke": the one the
        # passive is about receives the act; the act's own "of"/possessor is its doer
        recipient = next((x for x in noun.head.head.children if x.dep_ == "nsubjpass"), None)
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
        for child in h.children:  # "its demand that Israel ease ...", "a call for X to accept ..."
            if (child.dep_ in ("acl", "ccomp") or child.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ == "for" for m in child.children)) and recipient is None:
                subj = next((x for x in child.children if x.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and subj.pos_ != "PRON":
                    recipient = subj
        for child in h.children:  # "a drone strike authorized by X"
            if child.dep_ == "acl" and actor is None:
                a, _ = _subject_of(child)
                if a is not None and a.i != h.i:
                    actor = a
        of = [o for o in _prep_objects(h, ("of",)) if _lemma(o) not in lex.FATE_NOUNS]
        # ("a protest of X's death": what the protest is about, neither its doer nor its target)
        if of:
            if c.type in AGENTIVE_OF:
                if _entityish(of[0]) or _lemma(of[0]) in GROUP_NOUNS:
                    actor = actor or of[0]
            else:
                recipient = recipient or of[0]
        if c.type == "REQUEST" and recipient is None:
            for asked in _prep_objects(h, ("for",)):  # "its call for the release of X": X
                if asked.i in cands_by_head and asked.i != h.i:
                    inner_a, inner_r = _nominal_participants(cands_by_head[asked.i], cands_by_head)
                    recipient = inner_r or inner_a
        rec = [o for o in _prep_objects(h, ("with", "against", "on", "into", "to", "toward", "towards", "for", "over"))
               if _lemma(o) not in lex.FATE_NOUNS]
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


def _can_act(tok: Token, ev_type: str, ctx: Ctx | None, hops: int = 0) -> bool:
    """Whether an actor token stands for someone: through a relative pronoun to its noun, through a
    quantity to what it counts ("thousands of Kurds"); a weapon may be the doer of force.

    ``hops`` bounds the walk: "One of them fired" leads from "One" to "them" and back to "One".
    """
    tok = _resolve_pronoun(tok)
    if hops > 2:
        return True
    if tok.like_num or _lemma(tok) in QUANTIFIERS:
        of = next((p for x in tok.children if x.dep_ == "prep" and x.lower_ == "of"
                   for p in x.children if p.dep_ == "pobj"), None)
        return of is None or _can_act(of, ev_type, ctx, hops + 1)
    return _actor_like(tok, ev_type, ctx)


def _participant_tokens(c: Candidate, by_head: dict[int, Candidate], ctx: Ctx | None = None
                        ) -> tuple[Token | None, Token | None, Token | None]:
    """The actor and recipient tokens of a candidate, before they are resolved to participants,
    and the place a visit's object names when it is where, not whom (third value).

    In order: read them off the parse (nominal or verbal); drop a recipient that is the actor or
    a date/number; move a visited place to the location; drop a recipient that is no one
    (:func:`_actor_like`); then, for a symmetric act, let a coordinated actor be the counterpart.
    """
    from .setting import visited_place  # setting imports this module
    if c.nominal:
        a_tok, r_tok = _nominal_participants(c, by_head)
    else:
        a_tok, _ = _subject_of(c.head)
        r_tok = c.recipient or _verb_recipient(c.head, c.type, by_head,
                                               trigger=frozenset(t.i for t in c.tokens))
    if a_tok is not None and not _can_act(a_tok, c.type, ctx):
        a_tok = None  # "the explosion killed ...", "the purpose isn't to invade": no one acts
    if a_tok is not None and r_tok is not None and a_tok.i == r_tok.i:
        r_tok = None
    if r_tok is not None and ((r_tok.ent_type_ in NON_PARTICIPANT_ENTS and not _age_noun(r_tok))
                              or r_tok.like_num):
        r_tok = None  # "on Friday", "in 2020"
    place: Token | None = None
    trig = {t.i for t in c.tokens}
    if r_tok is not None and c.type == "CONSULT" and visited_place(r_tok) and (
            r_tok.dep_ in ("dobj", "obj") and r_tok.head.i in trig
            or r_tok.dep_ == "pobj" and r_tok.head.lower_ in ("to", "in", "at") and r_tok.head.head.i in trig):
        place, r_tok = r_tok, None  # "will visit Capitol Hill": where the visit is, not whom
    if r_tok is not None and not _actor_like(r_tok, c.type, ctx):
        # the issue, the content of a demand or a place visited is no recipient: a phrase that is
        # no one is left out rather than coded as the party acted on ("demonstrated against the
        # high level of taxation", "called for more investment")
        r_tok = None
    at_place = r_tok is not None and r_tok.dep_ == "pobj" and r_tok.head.lower_ in LOCATION_PREPS
    if a_tok is not None and (c.type in lex.SYMMETRIC or c.mode in lex.RECIPROCAL_MODES) and (r_tok is None or not _entityish(r_tok) or at_place):
        # "Freedonia and Sylvania signed an agreement (on fishing rights)": each is the other's
        # counterpart; so in "representatives of Freedonia and Sylvania began talks"
        conj = next((x for x in a_tok.children if x.dep_ == "conj"), None)
        if conj is None:
            of = next((p for x in a_tok.children if x.dep_ == "prep" and x.lower_ == "of"
                       for p in x.children if p.dep_ == "pobj"), None)
            conj = next((x for x in of.children if x.dep_ == "conj"), None) if of is not None else None
        r_tok = conj or r_tok
    return a_tok, r_tok, place


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
