"""Reported events: one happening told by several articles is one record with every report attached.

GDELT-style event data lists each mention as its own event, so one story becomes dozens of pins.
Here events of the same PLOVER type whose actor and recipient resolve to the same cross-article
actors and whose dates agree (their calendar spans overlap) are one :class:`ReportedEvent`; each
article contributes at most one :class:`Report` (outlet, article, event, sentence, status).

Who is "the same actor" across articles comes from the actor layer: :func:`store_actor_key`
reads the store's ``actor_members`` table ((article, entity) -> actor id).  It is passed in as a
function so the layer can be swapped; without a cross-article actor, a participant falls back to
its normalised entity name (``gazetteer.fold``), then to its normalised text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from .. import gazetteer
from ..gazetteer import fold
from ..model import Analysis, Event, Participant
from ..timeline import date_range

#: (article id, entity id or None, participant text) -> a key shared by the same actor across articles
ActorKey = Callable[[str, str | None, str], str | None]


@dataclass
class Report:
    """One article's telling of a reported event."""

    article_id: str
    event_id: str
    source: str | None
    published: str | None
    status: str
    date: str | None
    sentence: dict[str, Any]
    url: str | None = None


@dataclass
class ReportedEvent:
    """A happening: type, resolved actor and recipient, the most precise agreeing date, its reports."""

    id: str
    type: str
    mode: str | None
    actor_key: str | None
    recipient_key: str | None
    actor: str | None
    recipient: str | None
    date: str | None
    reports: list[Report] = field(default_factory=list)
    events: list[tuple[Analysis, Event]] = field(default_factory=list, repr=False)

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("events", None)
        return d


def name_key(analysis: Analysis, p: Participant | None) -> str | None:
    """Fallback actor key: the entity's canonical name, else the mention text, folded."""
    if p is None:
        return None
    ent = analysis.entity(p.entity)
    name = ent.name if ent is not None else p.text
    # a country by its name, its demonym or its capital ("France", "French", "Paris said") is one actor
    found = gazetteer.country(name) or gazetteer.country_for_demonym(name)
    if found is not None:
        return f"country:{found.iso3}"
    key = fold(name)
    return key or None


def store_actor_key(store: Any) -> ActorKey:
    """The actor layer's cross-article identity ((article, entity) -> actor id) as a key function.

    Reads the current ``actor_members`` table once; an (article, entity) pair it does not know
    returns None so the caller falls back to :func:`name_key`.
    """
    from .actor_index import all_members

    with store.engine.connect() as conn:  # the actor index is kept current when articles are stored
        members = all_members(conn)

    def key(article_id: str, entity_id: str | None, text: str) -> str | None:
        return members.get((article_id, entity_id)) if entity_id else None

    return key


def _participant_key(analysis: Analysis, p: Participant | None, actor_key: ActorKey | None) -> str | None:
    if p is None:
        return None
    if actor_key is not None:
        found = actor_key(analysis.article.id, p.entity, p.text)
        if found:
            return f"actor:{found}"
    return name_key(analysis, p)


def _precision_days(value: str | None) -> int:
    span = date_range(value)
    return (span[1] - span[0]).days if span else 10**6


def group_events(pairs: Iterable[tuple[Analysis, Event]], actor_key: ActorKey | None = None) -> list[ReportedEvent]:
    """Group events of many articles into reported events (see the module docstring).

    Only dated events with both an actor and a recipient are merged — an undated "police
    arrested a man" in two articles is not evidence of one happening; the rest stay one
    reported event each.  Within a (type, actor, recipient) group, an event joins the first
    reported event whose common date span it overlaps and that has no report from its article.
    """
    out: list[ReportedEvent] = []
    open_groups: dict[tuple[str, str, str], list[tuple[ReportedEvent, tuple[date, date]]]] = {}
    items = sorted(pairs, key=lambda ae: (_precision_days(ae[1].date), ae[0].article.id, ae[1].trigger.start))
    for analysis, ev in items:
        a_key = _participant_key(analysis, ev.actor, actor_key)
        r_key = _participant_key(analysis, ev.recipient, actor_key)
        span = date_range(ev.date)
        target: ReportedEvent | None = None
        gkey = (ev.type, a_key or "", r_key or "")
        if a_key and r_key and span is not None:
            for i, (rep, common) in enumerate(open_groups.get(gkey, [])):
                lo, hi = max(common[0], span[0]), min(common[1], span[1])
                if lo <= hi and all(r.article_id != analysis.article.id for r in rep.reports):
                    target = rep
                    open_groups[gkey][i] = (rep, (lo, hi))
                    break
        if target is None:
            target = ReportedEvent(
                id=f"R{len(out) + 1}", type=ev.type, mode=ev.mode, actor_key=a_key, recipient_key=r_key,
                actor=_name(analysis, ev.actor), recipient=_name(analysis, ev.recipient), date=ev.date,
            )
            out.append(target)
            if a_key and r_key and span is not None:
                open_groups.setdefault(gkey, []).append((target, span))
        elif target.actor is None or target.recipient is None:
            target.actor = target.actor or _name(analysis, ev.actor)
            target.recipient = target.recipient or _name(analysis, ev.recipient)
        art = analysis.article
        target.reports.append(Report(
            article_id=art.id, event_id=ev.id, source=art.source, published=art.published, status=ev.status,
            date=ev.date, sentence=ev.sentence.model_dump(), url=art.url,
        ))
        target.events.append((analysis, ev))
    return out


def _name(analysis: Analysis, p: Participant | None) -> str | None:
    if p is None:
        return None
    ent = analysis.entity(p.entity)
    return ent.name if ent is not None else p.text


def reported_events(store: Any, actor_key: ActorKey | None = None) -> list[ReportedEvent]:
    """Every event of the store grouped into reported events (actor identity from the actor layer)."""
    key = actor_key if actor_key is not None else store_actor_key(store)
    pairs = [(a, ev) for a in store.iter_analyses() for ev in a.events]
    return group_events(pairs, key)


def group_items(store: Any, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Timeline items (from ``queries.timeline``) folded into one item per reported event.

    The first item of each reported event stands for it, with ``reports`` (every article's
    telling) and ``reported_event`` (its id); time-expression items pass through unchanged.
    """
    wanted = {(i["article_id"], i["id"]) for i in items if i.get("kind") == "event"}
    by_article: dict[str, Analysis] = {}
    for article_id in {a for a, _ in wanted}:
        found = store.analysis(article_id)
        if found is not None:
            by_article[article_id] = found
    pairs = [(a, ev) for a in by_article.values() for ev in a.events if (a.article.id, ev.id) in wanted]
    groups = group_events(pairs, store_actor_key(store))
    lead: dict[tuple[str, str], ReportedEvent] = {}
    member: set[tuple[str, str]] = set()
    for g in groups:
        first = g.reports[0]
        lead[(first.article_id, first.event_id)] = g
        member.update((r.article_id, r.event_id) for r in g.reports[1:])
    out = []
    for item in items:
        k = (item["article_id"], item["id"])
        if item.get("kind") != "event":
            out.append(item)
        elif k in lead:
            g = lead[k]
            out.append({**item, "reported_event": g.id, "date": g.date or item["date"],
                        "reports": [asdict(r) for r in g.reports]})
        elif k not in member:
            out.append(item)
    return out
