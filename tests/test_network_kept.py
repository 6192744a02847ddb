"""The actor network kept at write time (store schema 3): the same network as computing it from the
analyses, kept right by adds, removals, re-analysis and manual merges, filtered by outlet and
date, and filled in place when an older store is opened."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select, text
from test_api import backend_store

from newsgraph import actors as api
from newsgraph import queries
from newsgraph.actors.network import actor_edges
from newsgraph.eval.resolution import build_analysis, load_fixture
from newsgraph.store import Store
from newsgraph.store import actor_index as db
from newsgraph.store import edges as kept


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The fixture articles on SQLite and (when NEWSGRAPH_TEST_PG is set) on PostgreSQL: the kept
    edges are written with each dialect's upsert."""
    with backend_store(request.param, tmp_path / "net.db") as s:
        for spec in load_fixture():
            s.add(build_analysis(spec)[0])
        yield s
        s.close()


def _table(store: Store) -> list[tuple[Any, ...]]:
    with store.engine.connect() as conn:
        return sorted(tuple(r) for r in conn.execute(select(kept.actor_edges)))


def _rebuilt(store: Store) -> list[tuple[Any, ...]]:
    with store.engine.begin() as conn:
        kept.rebuild_actor_edges(conn)
    return _table(store)


_KIND = {"event": "acts_on", "quotes_about": "quoted_about"}


def _reference(store: Store, *, max_nodes: int = 80, kinds: tuple[str, ...] = ("acts_on", "quoted_about"),
               min_weight: int = 1, outlet: str | None = None, after: str | None = None) -> dict[str, Any]:
    """The page network computed the slow way: every analysis, in Python."""
    with store.engine.connect() as conn:
        actor_of = db.all_members(conn)
    chosen = [a for a in store.iter_analyses()
              if (outlet is None or outlet.casefold() in (a.article.source or "").casefold())
              and (after is None or (a.article.published or "") >= after)]
    weights: dict[tuple[str, str, str], int] = {}
    for e in actor_edges(chosen, actor_of):
        if e.relation in _KIND and _KIND[e.relation] in kinds:
            k = (e.source, e.target, _KIND[e.relation])
            weights[k] = weights.get(k, 0) + e.count
    weights = {k: w for k, w in weights.items() if w >= min_weight}
    degree: dict[str, int] = {}
    for (s, d, _k), w in weights.items():
        degree[s] = degree.get(s, 0) + w
        degree[d] = degree.get(d, 0) + w
    keep = set(sorted(degree, key=lambda n: (-degree[n], n))[:max_nodes])
    return {"nodes": sorted((n, degree[n]) for n in keep),
            "links": sorted((s, d, k, w) for (s, d, k), w in weights.items() if s in keep and d in keep)}


def _shape(graph: dict[str, Any]) -> dict[str, Any]:
    return {"nodes": sorted((n["id"], n["degree"]) for n in graph["nodes"]),
            "links": sorted((ln["source"], ln["target"], ln["kind"], ln["weight"]) for ln in graph["links"])}


def test_kept_network_is_the_network_of_the_analyses(store: Store) -> None:
    ref = _reference(store)
    assert ref["links"], "the fixture articles have events and quotes about actors"
    assert _shape(queries.network(store)) == ref
    assert _shape(queries.network(store, max_nodes=3)) == _reference(store, max_nodes=3)
    assert _shape(queries.network(store, kinds=("acts_on",))) == _reference(store, kinds=("acts_on",))
    heavy = max(w for *_, w in ref["links"])
    assert _shape(queries.network(store, min_weight=heavy)) == _reference(store, min_weight=heavy)


def test_network_filtered_by_outlet_and_date(store: Store) -> None:
    by_outlet = queries.network(store, outlet="gulf")
    assert _shape(by_outlet) == _reference(store, outlet="gulf")
    assert _shape(by_outlet) != _shape(queries.network(store))
    assert _shape(queries.network(store, date_from="2024-03")) == _reference(store, after="2024-03")
    both = queries.network(store, outlet="gulf", date_from="2024-03")  # entity edges, both filters
    assert _shape(both) == _reference(store, outlet="gulf", after="2024-03")
    assert queries.network(store, outlet="no such outlet") == {"nodes": [], "links": []}


def test_incremental_edges_equal_a_rebuild_after_adds_removals_and_reanalysis(store: Store) -> None:
    after_adds = _table(store)
    assert after_adds and after_adds == _rebuilt(store)
    ids = [a.article.id for a in store.iter_analyses()]
    with store.engine.connect() as conn:
        busiest = conn.execute(select(kept.entity_edges.c.article_id).group_by(kept.entity_edges.c.article_id)
                               .order_by(text("count(*) DESC"))).scalars().first()
    assert busiest in ids
    store.remove(busiest)
    after_remove = _table(store)
    assert after_remove != after_adds and after_remove == _rebuilt(store)
    with store.engine.connect() as conn:
        assert not conn.execute(select(kept.entity_edges).where(kept.entity_edges.c.article_id == busiest)).first()
    again = store.analysis(next(i for i in ids if i != busiest))
    assert again is not None
    store.replace(again)
    assert _table(store) == after_remove == _rebuilt(store)


def test_manual_merge_moves_the_edges(store: Store) -> None:
    graph = queries.network(store)
    a, b = graph["nodes"][0]["id"], graph["nodes"][1]["id"]
    api.merge(store, a, b)
    ids = {n["id"] for n in queries.network(store)["nodes"]}
    assert (a in ids) != (b in ids)
    assert _shape(queries.network(store)) == _reference(store)


def test_older_store_gets_its_edges_in_place(tmp_path: Path, store: Store) -> None:
    before = _table(store)
    with store.engine.connect() as conn:
        entity_rows = sorted(tuple(r) for r in conn.execute(select(kept.entity_edges)))
    with store.engine.begin() as conn:  # what a schema-2 store looks like
        conn.execute(delete(kept.actor_edges))
        conn.execute(text("DROP TABLE entity_edges"))
        conn.execute(text("UPDATE meta SET value = '2' WHERE key = 'schema_version'"))
    store.close()
    reopened = Store(store.url)
    try:
        with reopened.engine.connect() as conn:
            assert sorted(tuple(r) for r in conn.execute(select(kept.entity_edges))) == entity_rows
            version = conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).scalar_one()
        assert _table(reopened) == before
        assert int(version) >= 3
    finally:
        reopened.close()


def test_a_schema_3_store_keeps_its_actor_edges_per_outlet_after_opening(store: Store) -> None:
    """Schema 3 summed the actor edges over all outlets; opening it makes the table again with
    the outlet in its key, and one outlet's network is read from it."""
    before = _table(store)
    with store.engine.begin() as conn:  # what a schema-3 store's table looks like
        conn.execute(text("DROP TABLE actor_edges"))
        conn.execute(text("CREATE TABLE actor_edges (source VARCHAR(64), target VARCHAR(64), relation VARCHAR(16), "
                          "type VARCHAR(64), weight INTEGER, n_articles INTEGER, "
                          "PRIMARY KEY (source, target, relation, type))"))
        conn.execute(text("UPDATE meta SET value = '3' WHERE key = 'schema_version'"))
    store.close()
    reopened = Store(store.url)
    try:
        assert _table(reopened) == before
        assert _shape(queries.network(reopened, outlet="gulf")) == _reference(reopened, outlet="gulf")
    finally:
        reopened.close()
