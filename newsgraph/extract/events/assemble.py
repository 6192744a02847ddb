"""Assembly: one sentence's candidates turned into Event records, numbered in candidate order."""

from __future__ import annotations

from datetime import date as Date

from spacy.tokens import Span, Token

from ...model import Event, Participant, Quote
from ...model import Span as TextSpan
from ..times import value_precision
from .candidates import Candidate, _candidates
from .participants import Ctx, _conjuncts, _participant, _participant_tokens
from .restrictions import _apply_restrictions
from .setting import _assign_times, _context, _location, place_location
from .status import _apply_intents, _drop_requested, _status_and_speaker
from .syntax import depth


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


def sentence_events(sent: Span, ctx: Ctx, next_id: int) -> list[Event]:
    """The events of one sentence, numbered from ``V{next_id}`` in candidate order.

    The phases run in this order because each reads what the one before settled: candidates are
    found, then restricted (:func:`_apply_restrictions` judges force and rally triggers against
    every candidate found), then stated intentions retype the acts they govern and their own
    candidate is dropped ("threatened to strike" is one THREATEN event, not two); only then are
    dates assigned, so that only the surviving candidates compete for a sentence's time
    expressions (and the acts a request asks for are dropped: they are its content). Each candidate then gets its participants, its status (which may retype a
    negated promise into a refusal, so the event record is built after it) and its record,
    followed at once by the copies for its coordinated actors and recipients, so their ids come
    right after it.
    """
    cands = _candidates(sent)
    by_head = {c.head.i: c for c in cands}
    cands = _apply_restrictions(cands, by_head)
    by_head = {c.head.i: c for c in cands}
    cands = _drop_requested(_apply_intents(cands, by_head))
    times = _assign_times(sent, cands, ctx)
    context = _context(sent)
    anchors = {_anchor(c).i: c for c in cands}
    for c in cands:
        anchors.setdefault(c.head.i, c)
    events: list[Event] = []
    for c in cands:
        a_tok, r_tok, visited = _participant_tokens(c, by_head, ctx)
        tstart, tend = _trigger_bounds(c)
        quote = ctx.quote_at(c.head.idx)
        direct = quote is not None and quote.kind in ("direct", "mixed")
        status, speaker = _status_and_speaker(c, ctx, quote, direct)
        actor = _event_actor(c, ctx, a_tok, quote, direct)
        recipient = _participant(ctx, r_tok)
        if recipient is not None and actor is not None and _same_party(actor, recipient):
            recipient = None  # "parents sent a letter urging them": no one is their own counterpart
        texpr = times.get(id(c))
        if status == "hypothetical" and texpr is not None and not _in_own_clause(c, texpr):
            texpr = None  # "strikes that could do harm, X warned Thursday": a possible act has no date
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
            recipient=recipient,
            date=ev_date,
            date_precision=value_precision(ev_date) if ev_date else None,  # type: ignore[arg-type]
            time=texpr.id if texpr is not None else None,
            location=_location(c, sent, ctx, {o.head.i for o in cands if o is not c})
            or (place_location(visited, ctx) if visited is not None else None),
            status=status,  # type: ignore[arg-type]
            quote=quote.id if quote is not None else None,
            confidence=_prominence(c, anchors),
            speaker=speaker if status == "asserted" else None,
        )
        events.append(event)
        _add_coordinated(events, event, a_tok, r_tok, ctx, next_id)
    return events


def _in_own_clause(c: Candidate, texpr) -> bool:
    """Whether a time expression lies in the trigger's own phrase (its head's subtree, or the predicate's)."""
    for node in (c.head, c.pred):
        sub = list(node.subtree)
        if node.dep_ != "ROOT" and sub[0].idx <= texpr.start and texpr.end <= sub[-1].idx + len(sub[-1]):
            return True
        if node.dep_ == "ROOT" and node is c.pred and not c.nominal:
            return True  # the main verb's clause is the sentence
    return False


def _trigger_bounds(c: Candidate) -> tuple[int, int]:
    """Character range of the trigger, widened to a stated intention just before it."""
    toks = sorted(c.tokens, key=lambda t: t.i)
    first, last = toks[0], toks[-1]
    if c.intent is not None and 0 < first.i - c.intent.i <= 4:
        first = c.intent
    return first.idx, last.idx + len(last)


def _same_party(a: Participant, b: Participant) -> bool:
    """Whether two participants are one party: the same entity, or the same words when unlinked."""
    if a.entity and b.entity:
        return a.entity == b.entity
    return (a.start, a.end) == (b.start, b.end) or a.text.lower() == b.text.lower()


def _in_quote_marks(text: str, char: int) -> bool:
    """Whether ``char`` lies between quotation marks of its paragraph (an open quote before it)."""
    seg = text[text.rfind("\n", 0, char) + 1: char]
    return seg.count("\u201c") > seg.count("\u201d") or seg.count('"') % 2 == 1


def _event_actor(c: Candidate, ctx: Ctx, a_tok: Token | None, quote: Quote | None, direct: bool) -> Participant | None:
    """The actor participant; in direct speech an unnamed or missing actor is the speaker's side."""
    actor = _participant(ctx, a_tok)
    # only in the speaker's own words: the paraphrase of a mixed quote ("X says Y's tweets
    # targeting Z were 'unhinged'") reports someone else's deed
    quoted = direct and quote is not None and (quote.kind == "direct" or _in_quote_marks(ctx.text, c.head.idx))
    if quoted and quote is not None and not (c.nominal and c.pred.i == c.head.i) and (
        actor is None or (actor.entity is None and not any(w[:1].isupper() for w in actor.text.split()))
    ):
        # "we"/"the resistance" in a spokesperson's words: the speaker's side acts
        actor = ctx.speaker_participant(quote) or actor
    return actor


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
