"""The actor network: one edge definition for exports, the API and the page.

Edges are directed and aggregated over articles:

- ``member_of``: an entity is ``part_of`` an organisation, or holds a role in it;
- ``quotes_about``: the speaker of a quote -> each actor mentioned inside it;
- ``event``: PLOVER event actor -> recipient, one edge per event type.

Every edge carries a ``count`` (statements) and the article ids, so a reader can get back
to the sources.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import select

from ..model import Analysis


class Edge(BaseModel):
    """A directed, aggregated relation between two actors."""

    source: str
    target: str
    relation: str  # member_of | quotes_about | event
    type: str | None = None  # event type (PLOVER) or the roles behind a membership
    count: int = 0
    articles: list[str] = Field(default_factory=list)


def entities_in_quote(a: Analysis, q: object) -> set[str]:
    """Entity ids mentioned inside a quote's content spans.

    Uses the article's mentions when there are any; otherwise (hand-made
    analyses) falls back to finding entity names and aliases in the content text.
    """
    content = getattr(q, "content", [])
    found: set[str] = set()
    if a.mentions:
        for m in a.mentions:
            if m.entity and any(c.start <= m.start and m.end <= c.end for c in content):
                found.add(m.entity)
        return found
    for e in a.entities:
        for nm in [e.name, *e.aliases]:
            if len(nm) > 2 and any(re.search(r"\b" + re.escape(nm) + r"\b", c.text) for c in content):
                found.add(e.id)
                break
    return found


def is_membership(a: Analysis, org_entity: str | None) -> bool:
    """A role ties its holder to an organisation or state, not to a people ("Shiite cleric")."""
    org = a.entity(org_entity) if org_entity else None
    return org is not None and org.type != "NORP" and org.kind != "group"


def actor_edges(analyses: Iterable[Analysis], actor_of: dict[tuple[str, str], str]) -> list[Edge]:
    """Membership (part_of and roles' orgs), "quotes about" and event edges between actors,
    each aggregated over articles with a count and the article ids."""
    acc: dict[tuple[str, str, str, str | None], Edge] = {}

    def bump(src: str | None, dst: str | None, rel: str, typ: str | None, aid: str) -> None:
        if not src or not dst or src == dst:
            return
        key = (src, dst, rel, typ)
        e = acc.get(key) or acc.setdefault(key, Edge(source=src, target=dst, relation=rel, type=typ))
        e.count += 1
        if aid not in e.articles:
            e.articles.append(aid)

    for a in analyses:
        aid = a.article.id

        def act(eid: str | None, aid: str = aid) -> str | None:
            return actor_of.get((aid, eid)) if eid else None

        for e in a.entities:
            for p in e.part_of:
                bump(act(e.id), act(p), "member_of", "part_of", aid)
            for r in e.roles:
                if is_membership(a, r.org_entity):
                    bump(act(e.id), act(r.org_entity), "member_of", "role", aid)
        for q in a.quotes:
            spk = act(q.speaker_entity)
            for eid in sorted(entities_in_quote(a, q)):
                bump(spk, act(eid), "quotes_about", None, aid)
        for ev in a.events:
            bump(act(ev.actor.entity if ev.actor else None), act(ev.recipient.entity if ev.recipient else None),
                 "event", ev.type, aid)
    return sorted(acc.values(), key=lambda e: (e.relation, e.source, e.target, e.type or ""))


def store_edges(store: Any, relations: tuple[str, ...] = ("member_of", "quotes_about", "event")) -> list[Edge]:
    """:func:`actor_edges` over a whole store, read from the record tables instead of the
    analyses (a page of the network need not parse every article): the same three relations
    with the same rules.  Articles whose quotes have no mention rows (hand-made analyses) fall
    back to :func:`actor_edges` on their stored analysis, as :func:`entities_in_quote` does."""
    from ..model import Entity, Quote
    from ..store import actor_index as db
    from ..store import in_batches
    from ..store.schema import entities, events, mentions, quotes

    acc: dict[tuple[str, str, str, str | None], Edge] = {}
    with store.engine.connect() as conn:
        actor_of = db.all_members(conn)

        def bump(src: str | None, dst: str | None, rel: str, typ: str | None, aid: str) -> None:
            if not src or not dst or src == dst:
                return
            e = acc.setdefault((src, dst, rel, typ), Edge(source=src, target=dst, relation=rel, type=typ))
            e.count += 1
            if aid not in e.articles:
                e.articles.append(aid)

        def act(aid: str, eid: str | None) -> str | None:
            return actor_of.get((aid, eid)) if eid else None

        if "event" in relations:
            for r in conn.execute(select(events.c.article_id, events.c.actor_entity, events.c.recipient_entity,
                                         events.c.type).order_by(events.c.article_id, events.c.id)):
                bump(act(r.article_id, r.actor_entity), act(r.article_id, r.recipient_entity), "event", r.type,
                     r.article_id)
        if "member_of" in relations:
            ents: dict[str, list[Entity]] = {}
            for r in conn.execute(select(entities.c.article_id, entities.c.data)
                                  .order_by(entities.c.article_id, entities.c.id)):
                ents.setdefault(r.article_id, []).append(Entity.model_validate_json(r.data))
            for aid, es in ents.items():
                by_id = {e.id: e for e in es}
                for e in es:
                    for p in e.part_of:
                        bump(act(aid, e.id), act(aid, p), "member_of", "part_of", aid)
                    for ro in e.roles:
                        org = by_id.get(ro.org_entity) if ro.org_entity else None
                        if org is not None and org.type != "NORP" and org.kind != "group":
                            bump(act(aid, e.id), act(aid, ro.org_entity), "member_of", "role", aid)
        if "quotes_about" in relations:
            qs: dict[str, list[Quote]] = {}
            for r in conn.execute(select(quotes.c.article_id, quotes.c.data).where(quotes.c.speaker_entity.is_not(None))
                                  .order_by(quotes.c.article_id, quotes.c.id)):
                qs.setdefault(r.article_id, []).append(Quote.model_validate_json(r.data))
            ments: dict[str, list[tuple[int, int, str]]] = {}
            for ids in in_batches(sorted(qs)):  # sorted once, not again for every slice
                for r in conn.execute(select(mentions.c.article_id, mentions.c.start, mentions.c.end,
                                             mentions.c.entity_id)
                                      .where(mentions.c.article_id.in_(ids), mentions.c.entity_id.is_not(None))):
                    ments.setdefault(r.article_id, []).append((r.start, r.end, r.entity_id))
    for aid in sorted(qs) if "quotes_about" in relations else []:
        if aid not in ments:
            a = store.analysis(aid)
            for e in actor_edges([a], actor_of) if a is not None else []:
                if e.relation == "quotes_about":
                    for _ in range(e.count):
                        bump(e.source, e.target, "quotes_about", None, aid)
            continue
        for q in qs[aid]:
            inside = {eid for (st, en, eid) in ments[aid] if any(c.start <= st and en <= c.end for c in q.content)}
            for eid in sorted(inside):
                bump(act(aid, q.speaker_entity), act(aid, eid), "quotes_about", None, aid)
    return sorted(acc.values(), key=lambda e: (e.relation, e.source, e.target, e.type or ""))


def actor_graph(store: Any) -> tuple[list[dict[str, Any]], list[Edge]]:
    """(actor nodes, edges) of a whole store, from the index as it stands (nothing resolved here)."""
    from ..store import actor_index as db

    nodes = []
    with store.engine.connect() as conn:
        for row in conn.execute(db.actors_table.select().order_by(db.actors_table.c.id)):
            data = json.loads(row.data)
            nodes.append({"id": row.id, "name": row.name, "kind": row.kind, "type": row.type,
                          "country": row.country, "code": row.code, "aliases": data.get("aliases", []),
                          "n_articles": row.n_articles, "confidence": row.confidence})
    return nodes, store_edges(store)


# the two relations the page draws, under the names it has always used
_PAGE_KIND = {"event": "acts_on", "quotes_about": "quoted_about"}


def page_network(
    store: Any, *, max_nodes: int = 80, kinds: tuple[str, ...] | None = None, min_weight: int = 1
) -> dict[str, Any]:
    """The network for ``/api/network`` and the page: the best-connected ``max_nodes`` actors and
    the edges among them, weighted by statement count (same edges as the exports); ``kinds`` keeps
    only those page edge types ("acts_on", "quoted_about"), ``min_weight`` drops lighter edges."""
    from urllib.parse import quote

    from ..store import actor_index as db

    edges = store_edges(store, relations=tuple(_PAGE_KIND))
    with store.engine.connect() as conn:
        names = db.actor_names(conn, {x for e in edges for x in (e.source, e.target)})
    weights: dict[tuple[str, str, str], int] = {}
    for e in edges:
        if e.relation not in _PAGE_KIND or (kinds and _PAGE_KIND[e.relation] not in kinds):
            continue
        k = (e.source, e.target, _PAGE_KIND[e.relation])
        weights[k] = weights.get(k, 0) + e.count
    weights = {k: w for k, w in weights.items() if w >= min_weight}
    degree: dict[str, int] = {}
    for (s, d, _k), w in weights.items():
        degree[s] = degree.get(s, 0) + w
        degree[d] = degree.get(d, 0) + w
    keep = set(sorted(degree, key=lambda n: (-degree[n], n))[:max_nodes])
    return {
        "nodes": [{"id": n, "name": names.get(n, n), "degree": degree[n], "href": f"/actors/{quote(n, safe='')}"}
                  for n in sorted(keep)],
        "links": [{"source": s, "target": d, "kind": k, "weight": w}
                  for (s, d, k), w in sorted(weights.items()) if s in keep and d in keep],
    }
