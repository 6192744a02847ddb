"""Status and intention: threats and promises, refusals, negation, reported speech, planned acts."""

from __future__ import annotations

from spacy.tokens import Token

from ...model import Quote
from .. import plover_lexicon as lex
from .candidates import Candidate
from .lexical import SUBJ, _lemma
from .participants import Ctx, _participant, _subject_of
from .syntax import _aux, _container, _hyphen_prefix


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
        if node.dep_ == "conj" and node.tag_ in ("VBD", "VBZ", "VBP"):
            break  # "didn't offer enough and gave X until May": a finite conjunct has its own tense and polarity
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
        pieces = [verb] + ([p] if (p := _hyphen_prefix(verb)) is not None else [])
        return next(ch for t in pieces for ch in t.children if ch.lower_ in ("will", "would", "'ll", "shall"))
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
    prep = c.head.head
    if c.nominal and c.head.dep_ == "pobj" and prep.lower_ in ("on", "upon") and (
            _lemma(prep.head) in lex.CONDITION_WORDS
            or any(x.dep_ == "acomp" and _lemma(x) in lex.CONDITION_WORDS for x in prep.head.children)):
        return "hypothetical"  # "the offer is conditional on the withdrawal of the pill": a condition
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
    if not c.nominal and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in pred.children) and (
            pred.dep_ in ("acl", "relcl") and _lemma(pred.head) in lex.PLAN_NOUNS
            or pred.dep_ in ("xcomp", "advcl") and any(o.dep_ in ("dobj", "obj") and _lemma(o) in lex.PLAN_NOUNS
                                                       and o.i < pred.i for o in pred.head.children)):
        # "announced plans to give $15 million" (the parser may hang the clause on the verb): intended
        return "planned"
    for t in chain:
        if t.i != c.head.i and _lemma(t) in lex.PLAN_VERBS:
            return "planned"
        if _lemma(t) == "go" and "going" in t.lower_ and any(ch.dep_ == "xcomp" for ch in t.children):
            return "planned"
    nouns = [c.head] + ([box] if box is not None else [])
    if c.nominal and (_lemma(c.head) in lex.PLAN_NOUNS and c.head.tag_ == "NNS"
                      or c.head.dep_ == "compound" and _lemma(c.head.head) in lex.PLAN_NOUNS):
        return "planned"  # "evacuation plans were hampered": the evacuation is planned
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


#: The refusal a negated promise of each cooperative act amounts to (REJECT modes).
REFUSAL_MODE = {"CONSULT": "meet", "AID": "assist", "CONCEDE": "yield", "RETREAT": "yield",
                "AGREE": "settle", "COOPERATE": "assist", "SUPPORT": None}


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


def _asked_for(c: Candidate, request: Candidate) -> bool:
    """Whether ``c`` is what ``request`` asks for: its complement clause ("urged X *to allow* ..."),
    a "for"-clause ("called for X *to accept* ..."), or its object ("demanded *the release* of X",
    "called for *the withdrawal*").  A modal demand ("X said Y must withdraw") asks only for the
    clause whose subject it is aimed at, not for everything else X said."""
    if c is request:
        return False
    own = {t.i for t in request.tokens}
    content: int | None = None
    if request.recipient is not None and request.recipient.dep_ in ("nsubj", "nsubjpass") \
            and request.recipient.head.head.i == request.head.i and request.head.i in own \
            and _lemma(request.head) in lex.DEMAND_FRAMES:
        content = request.recipient.head.i
    node = c.head
    for _ in range(4):
        if node.head.i == node.i:
            return False
        if node.dep_ == "conj" and any(x.dep_ in SUBJ for x in node.children):
            return False  # "... must withdraw and that rebels had shelled the port": a second statement
        if node.head.i == request.head.i:
            if content is not None:
                return node.i == content
            if request.nominal:  # "a call for X to accept ...", "the demand for the release of X"
                return node.dep_ in ("acl", "advcl", "relcl") and any(
                    m.dep_ in ("mark", "aux") and m.lower_ in ("for", "to") for m in node.children) or (
                    node.dep_ == "prep" and node.lower_ in ("for", "on"))
            return node.dep_ in ("xcomp", "ccomp", "dobj", "obj") or (node.dep_ == "prep" and node.i in own) or (
                node.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in node.children))
        node = node.head
    return False


def _drop_requested(cands: list[Candidate]) -> list[Candidate]:
    """Drop the acts a request asks for: they are its content, not events that took place.

    "Sylvania urged Freedonia to allow inspectors in" is one REQUEST by Sylvania of Freedonia; the
    allowing has not happened (coding it would make a CONCEDE that occurred, by the wrong actor).
    The candidates stay in the caller's head index, so the request can still read its recipient
    through them ("called for the withdrawal of X" -> X).
    """
    requests = [r for r in cands if r.type == "REQUEST"]
    if not requests:
        return cands
    return [c for c in cands if c.type == "REQUEST" or not any(_asked_for(c, r) for r in requests)]
