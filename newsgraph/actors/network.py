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
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel, Field

from ..model import Analysis
from ..store.edges import (
    RELATIONS,
    article_edges,
    entities_in_quote,
    entity_edges,
    is_membership,
    kept_edges,
    mapped_edges,
)

__all__ = ["Edge", "actor_edges", "actor_graph", "entities_in_quote", "is_membership", "page_network",
           "store_edges"]


class Edge(BaseModel):
    """A directed, aggregated relation between two actors."""

    source: str
    target: str
    relation: str  # member_of | quotes_about | event
    type: str | None = None  # event type (PLOVER) or the roles behind a membership
    count: int = 0
    articles: list[str] = Field(default_factory=list)


def actor_edges(analyses: Iterable[Analysis], actor_of: dict[tuple[str, str], str]) -> list[Edge]:
    """Membership (part_of and roles' orgs), "quotes about" and event edges between actors,
    each aggregated over articles with a count and the article ids (the store's one edge
    definition, :func:`newsgraph.store.edges.article_edges`, mapped through ``actor_of``)."""
    acc: dict[tuple[str, str, str, str], Edge] = {}
    for a in analyses:
        aid = a.article.id
        for (s, d, rel, typ), n in sorted(article_edges(a).items()):
            src, dst = actor_of.get((aid, s)), actor_of.get((aid, d))
            if src and dst and src != dst:
                _bump(acc, src, dst, rel, typ, n, aid)
    return _sorted(acc)


def _bump(acc: dict[tuple[str, str, str, str], Edge], src: str, dst: str, rel: str, typ: str, n: int,
          aid: str) -> None:
    e = acc.get((src, dst, rel, typ)) or acc.setdefault(
        (src, dst, rel, typ), Edge(source=src, target=dst, relation=rel, type=typ or None))
    e.count += n
    if aid not in e.articles:
        e.articles.append(aid)


def _sorted(acc: dict[tuple[str, str, str, str], Edge]) -> list[Edge]:
    for e in acc.values():
        e.articles.sort()
    return sorted(acc.values(), key=lambda e: (e.relation, e.source, e.target, e.type or ""))


def store_edges(store: Any, relations: tuple[str, ...] = RELATIONS) -> list[Edge]:
    """:func:`actor_edges` over a whole store, read from the edges kept at write time
    (:mod:`newsgraph.store.edges`) and the actor index: no analysis is parsed."""
    acc: dict[tuple[str, str, str, str], Edge] = {}
    with store.engine.connect() as conn:
        for r in conn.execute(mapped_edges(relations)):
            _bump(acc, r.src, r.dst, r.relation, r.type, int(r.weight), r.article_id)
    return _sorted(acc)


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
    store: Any, *, max_nodes: int = 80, kinds: tuple[str, ...] | None = None, min_weight: int = 1,
    conds: tuple[Any, ...] = (), outlets: Sequence[str] | None = None,
) -> dict[str, Any]:
    """The network for ``/api/network`` and the page: the best-connected ``max_nodes`` actors and
    the edges among them, weighted by statement count (same edges as the exports); ``kinds`` keeps
    only those page edge types ("acts_on", "quoted_about"), ``min_weight`` drops lighter edges.

    Unfiltered or by ``outlets`` only, it reads the actor edges kept at write time (per outlet);
    with ``conds`` (conditions on ``entity_edges``: a date range) it sums the matching articles'
    edges, read once."""
    from urllib.parse import quote

    from sqlalchemy import func, select, union_all

    from ..store import actor_index as db

    rels = [r for r, k in _PAGE_KIND.items() if not kinds or k in kinds]
    if conds and outlets is not None:
        conds = (*conds, entity_edges.c.outlet.in_(list(outlets)))
    base = (mapped_edges(rels, conds) if conds else kept_edges(rels, outlets)).subquery()
    w = func.sum(base.c.weight).label("w")
    pairs = (select(base.c.src, base.c.dst, base.c.relation, w).group_by(base.c.src, base.c.dst, base.c.relation)
             .having(func.sum(base.c.weight) >= min_weight)).subquery()
    ends = union_all(select(pairs.c.src.label("node"), pairs.c.w), select(pairs.c.dst.label("node"), pairs.c.w)) \
        .subquery()
    deg = func.sum(ends.c.w).label("degree")
    with store.engine.connect() as conn:
        if conds:
            # a filtered network is the edges of some articles: their pairs are read once (the
            # filtered scan is the cost) and ranked here
            rows = conn.execute(select(pairs)).all()
            degree: dict[str, int] = {}
            for r in rows:
                degree[r.src] = degree.get(r.src, 0) + int(r.w)
                degree[r.dst] = degree.get(r.dst, 0) + int(r.w)
            degree = {n: degree[n] for n in sorted(degree, key=lambda n: (-degree[n], n))[:max_nodes]}
            links = sorted((r for r in rows if r.src in degree and r.dst in degree),
                           key=lambda r: (r.src, r.dst, r.relation))
            keep = sorted(degree)
        else:
            # the kept edges (of the whole store or of some outlets): ranked in SQL, only the top
            # actors' edges are read
            top = conn.execute(select(ends.c.node, deg).group_by(ends.c.node).order_by(deg.desc(), ends.c.node)
                               .limit(max_nodes)).all()
            degree = {r.node: int(r.degree) for r in top}
            keep = sorted(degree)
            links = conn.execute(select(pairs).where(pairs.c.src.in_(keep), pairs.c.dst.in_(keep))
                                 .order_by(pairs.c.src, pairs.c.dst, pairs.c.relation)).all() if keep else []
        names = db.actor_names(conn, set(keep))
    return {
        "nodes": [{"id": n, "name": names.get(n, n), "degree": degree[n], "href": f"/actors/{quote(n, safe='')}"}
                  for n in keep],
        "links": [{"source": r.src, "target": r.dst, "kind": _PAGE_KIND[r.relation], "weight": int(r.w)}
                  for r in links],
    }

