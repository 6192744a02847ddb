"""The actor network as GraphML or GEXF, for Gephi and networkx.

Nodes are cross-article actors (id, name, kind, country, CAMEO-style code, aliases,
``n_articles``); edges are :func:`newsgraph.actors.network.actor_edges` (the one edge
definition the page and the API use too), each with ``relation``, ``type``, ``count`` and
``article_ids`` (space-separated), so a reader can get back to the sources.  The graph is a
``MultiDiGraph`` keyed by ``relation:type``.
"""

from __future__ import annotations

from typing import Any, BinaryIO

import networkx as nx

from ..actors.network import actor_graph
from . import exporter


def build_graph(store: Any) -> nx.MultiDiGraph:
    """The actor network of a store, as the index holds it (nothing is resolved here)."""
    nodes, edges = actor_graph(store)
    g = nx.MultiDiGraph(name="newsgraph actors")
    for n in nodes:
        g.add_node(n["id"], label=n["name"], name=n["name"], kind=n["kind"], type=n["type"],
                   country=n["country"] or "", code=n["code"] or "", aliases="|".join(n["aliases"]),
                   n_articles=int(n["n_articles"]), confidence=float(n["confidence"]))
    for e in edges:
        g.add_edge(e.source, e.target, key=f"{e.relation}:{e.type or ''}", relation=e.relation, type=e.type or "",
                   count=e.count, weight=float(e.count), article_ids=" ".join(e.articles))
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
