"""The actor network's edges, kept at write time: nothing on the network page is computed on read.

Three relations, one definition (:func:`article_edges`), directed and aggregated:

- ``member_of``: an entity is ``part_of`` an organisation, or holds a role in one;
- ``quotes_about``: the speaker of a quote -> each entity mentioned inside it;
- ``event``: PLOVER event actor -> recipient, one edge per event type.

Two tables:

- ``entity_edges``: one row per (article, source entity, target entity, relation, type) with
  its statement count, the article's outlet and date copied on it (the filtered network is an
  index range, like the record lists).  Written from the analysis when the article is stored;
  independent of how entities are resolved to actors.
- ``actor_edges``: the same edges between cross-article actors, summed over the articles of each
  outlet (``weight`` statements, ``n_articles`` articles; outlet ``""`` for none), so the whole
  network and one outlet's are both read from kept sums.  Kept in step with the actor index by :func:`add_article`
  / :func:`drop_article` (one article's rows mapped through its ``actor_members``: what storing or
  removing one article costs, whatever the size of the store) and :func:`rebuild_actor_edges`
  after a full re-resolution (one ``INSERT … SELECT``).

Why here and not in :mod:`newsgraph.actors`: the store must be able to upgrade an old store's
tables by itself (:func:`upgrade`), and never imports the layer above it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Column, Index, Integer, String, Table, and_, delete, func, insert, select
from sqlalchemy.engine import Connection

from ..model import Analysis, Entity, Event, Mention, Quote
from . import AFTER_ADD, add_counts, in_batches
from .schema import UPGRADES, articles, entities, events, mentions, metadata, per_article_table, quotes

#: the three relations, in the order exports list them
RELATIONS = ("member_of", "quotes_about", "event")

entity_edges = per_article_table(
    "entity_edges",
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("source", String(32), nullable=False),
    Column("target", String(32), nullable=False),
    Column("relation", String(16), nullable=False),
    Column("type", String(64), nullable=False),  # '' for none (a key column: never NULL)
    Column("weight", Integer, nullable=False),
    Column("outlet", String(256)),
    Column("published", String(32)),
    Index("ix_entity_edges_published", "published"),
    Index("ix_entity_edges_outlet", "outlet", "published"),
)

actor_edges = Table(
    "actor_edges",
    metadata,
    Column("outlet", String(256), primary_key=True),  # '' for an article with none (a key column)
    Column("source", String(64), primary_key=True),
    Column("target", String(64), primary_key=True),
    Column("relation", String(16), primary_key=True),
    Column("type", String(64), primary_key=True),
    Column("weight", Integer, nullable=False),
    Column("n_articles", Integer, nullable=False),
    Index("ix_actor_edges_target", "target"),
)


# -- the one edge definition --------------------------------------------------------------


def entities_in_quote(a: Analysis, q: Quote) -> set[str]:
    """Entity ids mentioned inside a quote's content spans.

    Uses the article's mentions when there are any; otherwise (hand-made
    analyses) falls back to finding entity names and aliases in the content text.
    """
    return _inside(q, a.mentions, a.entities)


def _inside(q: Quote, ments: Sequence[Mention], ents: Sequence[Entity]) -> set[str]:
    content = q.content
    if ments:
        return {m.entity for m in ments
                if m.entity and any(c.start <= m.start and m.end <= c.end for c in content)}
    found: set[str] = set()
    for e in ents:
        for nm in [e.name, *e.aliases]:
            if len(nm) > 2 and any(re.search(r"\b" + re.escape(nm) + r"\b", c.text) for c in content):
                found.add(e.id)
                break
    return found


def is_membership(a: Analysis, org_entity: str | None) -> bool:
    """A role ties its holder to an organisation or state, not to a people ("Shiite cleric")."""
    return _is_org({e.id: e for e in a.entities}, org_entity)


def _is_org(by_id: dict[str, Entity], org_entity: str | None) -> bool:
    org = by_id.get(org_entity) if org_entity else None
    return org is not None and org.type != "NORP" and org.kind != "group"


def record_edges(
    ents: Sequence[Entity], qs: Sequence[Quote], ments: Sequence[Mention], evs: Sequence[Event]
) -> dict[tuple[str, str, str, str], int]:
    """One article's edges between its entity ids: (source, target, relation, type) -> statements.
    Self-loops and edges with an unknown side are dropped."""
    acc: dict[tuple[str, str, str, str], int] = {}

    def bump(src: str | None, dst: str | None, rel: str, typ: str | None) -> None:
        if src and dst and src != dst:
            key = (src, dst, rel, typ or "")
            acc[key] = acc.get(key, 0) + 1

    by_id = {e.id: e for e in ents}
    for e in ents:
        for p in e.part_of:
            bump(e.id, p, "member_of", "part_of")
        for r in e.roles:
            if _is_org(by_id, r.org_entity):
                bump(e.id, r.org_entity, "member_of", "role")
    for q in qs:
        if q.speaker_entity:
            for eid in sorted(_inside(q, ments, ents)):
                bump(q.speaker_entity, eid, "quotes_about", None)
    for ev in evs:
        bump(ev.actor.entity if ev.actor else None, ev.recipient.entity if ev.recipient else None, "event", ev.type)
    return acc


def article_edges(a: Analysis) -> dict[tuple[str, str, str, str], int]:
    """:func:`record_edges` of an analysis."""
    return record_edges(a.entities, a.quotes, a.mentions, a.events)


# -- writing --------------------------------------------------------------------------------


def _rows(article_id: str, outlet: str | None, published: str | None,
          edges: dict[tuple[str, str, str, str], int]) -> list[dict[str, Any]]:
    return [{"article_id": article_id, "seq": i, "source": s, "target": d, "relation": r, "type": t[:64],
             "weight": w, "outlet": outlet, "published": published}
            for i, ((s, d, r, t), w) in enumerate(sorted(edges.items()))]


def write_entity_edges(conn: Connection, analysis: Analysis) -> None:
    """The store hook: an article's entity edges, written with its records."""
    art = analysis.article
    rows = _rows(art.id, (art.source or None) and art.source[:256], art.published, article_edges(analysis))
    if rows:
        conn.execute(insert(entity_edges), rows)


def _mapped(article_ids: Sequence[str] | None) -> Any:
    """entity_edges rows mapped to actors through ``actor_members`` (both sides known, no loops)."""
    from .actor_index import actor_members as am

    ms, md = am.alias("ms"), am.alias("md")
    ee = entity_edges
    stmt = (select(ee.c.article_id, ms.c.actor_id.label("src"), md.c.actor_id.label("dst"), ee.c.relation,
                   ee.c.type, ee.c.weight, func.coalesce(ee.c.outlet, "").label("outlet"))
            .join(ms, and_(ms.c.article_id == ee.c.article_id, ms.c.entity_id == ee.c.source))
            .join(md, and_(md.c.article_id == ee.c.article_id, md.c.entity_id == ee.c.target))
            .where(ms.c.actor_id != md.c.actor_id))
    if article_ids is not None:
        stmt = stmt.where(ee.c.article_id.in_(list(article_ids)))
    return stmt


def _article_delta(conn: Connection, article_id: str) -> dict[tuple[str, str, str, str, str], int]:
    out: dict[tuple[str, str, str, str, str], int] = {}
    for r in conn.execute(_mapped([article_id])):
        key = (r.outlet, r.src, r.dst, r.relation, r.type)
        out[key] = out.get(key, 0) + int(r.weight)
    return out


_KEY = ("outlet", "source", "target", "relation", "type")


def _delta_rows(conn: Connection, article_id: str) -> list[dict[str, Any]]:
    return [{"outlet": o, "source": s, "target": d, "relation": r, "type": t, "weight": w, "n_articles": 1}
            for (o, s, d, r, t), w in sorted(_article_delta(conn, article_id).items())]


def add_article(conn: Connection, article_id: str) -> None:
    """After the actor index linked an article's entities: add its edges to ``actor_edges``."""
    add_counts(conn, actor_edges, _KEY, _delta_rows(conn, article_id))


def drop_article(conn: Connection, article_id: str) -> None:
    """Before an article's actor members go: take its edges out of ``actor_edges`` (rows left at
    no statement are deleted), then drop its entity edges."""
    add_counts(conn, actor_edges, _KEY, _delta_rows(conn, article_id), sign=-1)
    conn.execute(delete(entity_edges).where(entity_edges.c.article_id == article_id))


def rebuild_actor_edges(conn: Connection) -> None:
    """``actor_edges`` from scratch (after the actor index was rewritten): one grouped insert."""
    m = _mapped(None).subquery()
    conn.execute(delete(actor_edges))
    grouped = (select(m.c.outlet, m.c.src, m.c.dst, m.c.relation, m.c.type, func.sum(m.c.weight),
                      func.count(func.distinct(m.c.article_id)))
               .group_by(m.c.outlet, m.c.src, m.c.dst, m.c.relation, m.c.type))
    conn.execute(insert(actor_edges).from_select(
        ["outlet", "source", "target", "relation", "type", "weight", "n_articles"], grouped))


# -- reading --------------------------------------------------------------------------------


def mapped_edges(relations: Iterable[str] = RELATIONS, conds: Sequence[Any] = ()) -> Any:
    """A selectable of (article_id, src, dst, relation, type, weight) actor edges of single
    articles: the filtered network and the exports read it (``conds`` on ``entity_edges``)."""
    stmt = _mapped(None).where(entity_edges.c.relation.in_(list(relations)))
    for c in conds:
        stmt = stmt.where(c)
    return stmt


def kept_edges(relations: Iterable[str] = RELATIONS, outlets: Sequence[str] | None = None) -> Any:
    """A selectable of the kept actor edges (source, target, relation, type, weight, n_articles),
    one row per outlet that has the edge; ``outlets`` keeps only those outlets' rows."""
    t = actor_edges.c
    stmt = select(t.source.label("src"), t.target.label("dst"), t.relation, t.type, t.weight, t.n_articles) \
        .where(t.relation.in_(list(relations)))
    return stmt if outlets is None else stmt.where(t.outlet.in_(list(outlets)))


# -- upgrade ---------------------------------------------------------------------------------


def upgrade(conn: Connection, found: int) -> None:
    """Schema 2 → 3: entity edges for every stored article, from its record rows (batches of
    articles; the analyses are not re-run).  Schema 3 → 4: the actor edges are kept per outlet
    (the table is made again with the outlet in its key).  Then the actor edges from the actor
    index."""
    if found >= 4:
        return
    if found < 3:
        _fill_entity_edges(conn)
    actor_edges.drop(conn, checkfirst=True)
    actor_edges.create(conn)
    rebuild_actor_edges(conn)


def _fill_entity_edges(conn: Connection) -> None:
    conn.execute(delete(entity_edges))  # rewritten whole: the step can run again on any store
    ids = list(conn.execute(select(articles.c.id).order_by(articles.c.id)).scalars())
    for part in in_batches(ids, 500):
        meta = {r.id: (r.source, r.published) for r in conn.execute(
            select(articles.c.id, articles.c.source, articles.c.published).where(articles.c.id.in_(part)))}
        ents: dict[str, list[Entity]] = {}
        for r in conn.execute(select(entities.c.article_id, entities.c.data).where(entities.c.article_id.in_(part))
                              .order_by(entities.c.article_id, entities.c.id)):
            ents.setdefault(r.article_id, []).append(Entity.model_validate_json(r.data))
        qs: dict[str, list[Quote]] = {}
        for r in conn.execute(select(quotes.c.article_id, quotes.c.data)
                              .where(quotes.c.article_id.in_(part), quotes.c.speaker_entity.is_not(None))
                              .order_by(quotes.c.article_id, quotes.c.id)):
            qs.setdefault(r.article_id, []).append(Quote.model_validate_json(r.data))
        ms: dict[str, list[Mention]] = {}
        for r in conn.execute(select(mentions.c.article_id, mentions.c.id, mentions.c.start, mentions.c.end,
                                     mentions.c.text, mentions.c.entity_id)
                              .where(mentions.c.article_id.in_(part), mentions.c.entity_id.is_not(None))):
            ms.setdefault(r.article_id, []).append(
                Mention(id=r.id, start=r.start, end=r.end, text=r.text, entity=r.entity_id))
        evs: dict[str, list[Event]] = {}
        for r in conn.execute(select(events.c.article_id, events.c.data).where(events.c.article_id.in_(part))
                              .order_by(events.c.article_id, events.c.id)):
            evs.setdefault(r.article_id, []).append(Event.model_validate_json(r.data))
        rows: list[dict[str, Any]] = []
        for aid in part:
            src, pub = meta.get(aid, (None, None))
            rows += _rows(aid, src, pub, record_edges(ents.get(aid, []), qs.get(aid, []), ms.get(aid, []),
                                                      evs.get(aid, [])))
        if rows:
            conn.execute(insert(entity_edges), rows)


AFTER_ADD.append(write_entity_edges)
UPGRADES.append(upgrade)
