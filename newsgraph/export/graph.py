"""The actor network as GraphML or GEXF, for Gephi and networkx.

Nodes are cross-article actors (id, name, kind, country, CAMEO-style code,
aliases, ``n_articles``).  Edges are directed and aggregated over articles:

- ``member_of``: an entity is ``part_of`` an organisation, or holds a role in it;
- ``quotes_about``: the speaker of a quote -> each actor mentioned inside it;
- ``event``: PLOVER event actor -> recipient, one edge per event type.

Every edge has ``relation``, ``type``, ``count`` (statements) and ``article_ids``
(space-separated), so a reader can get back to the sources.  The
graph is a ``MultiDiGraph`` keyed by ``relation:type``.
"""

from __future__ import annotations

import json
from typing import Any, BinaryIO

import networkx as nx

from ..graph import actor_edges
from . import exporter


def build_graph(store: Any) -> nx.MultiDiGraph:
    """The actor network of a store (resolving first if the store changed)."""
    from ..store import actors as db

    db.ensure_resolved(store)
    g = nx.MultiDiGraph(name="newsgraph actors")
    with store.engine.connect() as conn:
        for row in conn.execute(db.actors_table.select().order_by(db.actors_table.c.id)):
            data = json.loads(row.data)
            g.add_node(
                row.id,
                label=row.name,
                name=row.name,
                kind=row.kind,
                type=row.type,
                country=row.country or "",
                code=row.code or "",
                aliases="|".join(data.get("aliases", [])),
                n_articles=int(row.n_articles),
                confidence=float(row.confidence),
            )
        actor_of = db.all_members(conn)
    for e in actor_edges(store.iter_analyses(), actor_of):
        g.add_edge(
            e.source,
            e.target,
            key=f"{e.relation}:{e.type or ''}",
            relation=e.relation,
            type=e.type or "",
            count=e.count,
            weight=float(e.count),
            article_ids=" ".join(e.articles),
        )
    return g


@exporter("graphml", "Actor network (GraphML): actors as nodes; membership, quotes-about and event edges.")
def export_graphml(store: Any, out: BinaryIO, **_options: Any) -> int:
    g = build_graph(store)
    nx.write_graphml(g, out)
    return g.number_of_nodes() + g.number_of_edges()


@exporter("gexf", "Actor network (GEXF, for Gephi): actors as nodes; membership, quotes-about and event edges.")
def export_gexf(store: Any, out: BinaryIO, **_options: Any) -> int:
    g = build_graph(store)
    nx.write_gexf(g, out)
    return g.number_of_nodes() + g.number_of_edges()
