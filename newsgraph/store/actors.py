"""Cross-article actors in the store: the resolution result, and manual decisions.

Tables (they join the store's ``metadata`` because the store imports every
module of this package):

- ``actors``: one row per resolved actor (name, kind, country, CAMEO-style code, aliases).
- ``actor_members``: (article_id, entity_id) -> actor_id, with the evidence and
  confidence of the link.
- ``actor_decisions``: manual merges and splits, in order.  They are stored as
  member keys (article id + normalized entity name), never as actor ids or
  entity ids, because both change when articles are re-analysed; so
  ``reanalyze`` (which calls ``Store.replace``) cannot lose them.

Resolution is a whole-corpus step (``resolve``).  It is run lazily: every read
through :mod:`newsgraph.actors` first calls :func:`ensure_resolved`, which
compares a cheap stamp of the record tables (entity and analysis counts, the
latest analysis time, the latest decision) with the stamp of the last
resolution.  Adding an article therefore costs nothing extra, and a read after
a batch ingest resolves once.  The ``BEFORE_REMOVE`` hook drops an article's
member rows inside the article's own transaction.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    delete,
    func,
    insert,
    select,
)
from sqlalchemy.engine import Connection

from ..graph import ActorCluster, Decision, MemberLink, Node, name_tokens, nodes_from_entities, resolve
from ..model import Entity
from . import BEFORE_REMOVE, Store
from .schema import analyses, articles, entities, meta, metadata

RESOLVER_VERSION = "3"

actors_table = Table(
    "actors",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("country", String(8)),
    Column("sector", String(8)),
    Column("code", String(16)),
    Column("confidence", Float, nullable=False),
    Column("n_articles", Integer, nullable=False),
    Column("search", Text, nullable=False),
    Column("data", Text, nullable=False),
    Index("ix_actors_kind", "kind"),
)

actor_members = Table(
    "actor_members",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("entity_id", String(32), primary_key=True),
    Column("actor_id", String(64), nullable=False),
    Column("name", Text, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("confidence", Float, nullable=False),
    Index("ix_actor_members_actor", "actor_id"),
)

actor_decisions = Table(
    "actor_decisions",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("op", String(16), nullable=False),
    Column("data", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

_STAMP_KEY = "actors_stamp"


def _drop_article(conn: Connection, article_id: str) -> None:
    conn.execute(delete(actor_members).where(actor_members.c.article_id == article_id))


BEFORE_REMOVE.append(_drop_article)


# -- reading the resolution input -------------------------------------------


def load_nodes(conn: Connection) -> list[Node]:
    """Every stored entity as a resolution node, with its article's outlet and date."""
    rows = conn.execute(
        select(entities.c.article_id, entities.c.data, articles.c.source, articles.c.published)
        .join(articles, articles.c.id == entities.c.article_id)
        .order_by(entities.c.article_id, entities.c.id)
    ).all()
    per_article: dict[str, list[Entity]] = defaultdict(list)
    info: dict[str, tuple[str | None, str | None]] = {}
    for r in rows:
        per_article[r.article_id].append(Entity.model_validate_json(r.data))
        info[r.article_id] = (r.source, r.published)
    nodes: list[Node] = []
    for aid, ents in per_article.items():
        src, pub = info[aid]
        nodes += nodes_from_entities(aid, ents, source=src, published=pub)
    return nodes


def load_decisions(conn: Connection) -> list[Decision]:
    rows = conn.execute(select(actor_decisions.c.data).order_by(actor_decisions.c.seq)).scalars()
    return [Decision.model_validate_json(d) for d in rows]


def _stamp(conn: Connection) -> str:
    n_ent = conn.execute(select(func.count()).select_from(entities)).scalar_one()
    n_an = conn.execute(select(func.count()).select_from(analyses)).scalar_one()
    last = conn.execute(select(func.max(analyses.c.analysed_at))).scalar_one()
    dec = conn.execute(select(func.max(actor_decisions.c.seq))).scalar_one()
    return f"{RESOLVER_VERSION}|{n_ent}|{n_an}|{last}|{dec}"


# -- writing the resolution -------------------------------------------------


def _search_text(a: ActorCluster) -> str:
    """Every name form, normalized (with and without person titles), between bars for exact lookups."""
    forms = {a.name, *a.aliases, a.id}
    norm = {" ".join(name_tokens(f)) for f in forms}
    if a.kind == "person":
        norm |= {" ".join(name_tokens(f, person=True)) for f in forms}
    return "|" + "|".join(sorted(norm | {f.casefold() for f in forms})) + "|"


def resolve_store(store: Store) -> tuple[list[ActorCluster], list[str]]:
    """Re-run cross-article resolution over the whole store and rewrite the actor tables."""
    with store.engine.begin() as conn:
        nodes = load_nodes(conn)
        decisions = load_decisions(conn)
        clusters, notes = resolve(nodes, decisions)
        stamp = _stamp(conn)
        conn.execute(delete(actor_members))
        conn.execute(delete(actors_table))
        if clusters:
            conn.execute(
                insert(actors_table),
                [
                    {
                        "id": a.id,
                        "name": a.name,
                        "type": a.type,
                        "kind": a.kind,
                        "country": a.country,
                        "sector": a.sector,
                        "code": a.code,
                        "confidence": a.confidence,
                        "n_articles": len({m.article_id for m in a.members}),
                        "search": _search_text(a),
                        "data": a.model_dump_json(exclude={"members"}),
                    }
                    for a in clusters
                ],
            )
            conn.execute(
                insert(actor_members),
                [
                    {
                        "article_id": m.article_id,
                        "entity_id": m.entity_id,
                        "actor_id": a.id,
                        "name": m.name,
                        "evidence": m.evidence,
                        "confidence": m.confidence,
                    }
                    for a in clusters
                    for m in a.members
                ],
            )
        conn.execute(delete(meta).where(meta.c.key.in_([_STAMP_KEY, "actors_notes"])))
        conn.execute(
            insert(meta),
            [{"key": _STAMP_KEY, "value": stamp}, {"key": "actors_notes", "value": json.dumps(notes[:1000])}],
        )
    return clusters, notes


def ensure_resolved(store: Store) -> bool:
    """Resolve if anything changed since the last resolution.  True when it ran."""
    with store.engine.connect() as conn:
        current = _stamp(conn)
        stored = conn.execute(select(meta.c.value).where(meta.c.key == _STAMP_KEY)).scalar_one_or_none()
    if stored == current:
        return False
    resolve_store(store)
    return True


def add_decision(store: Store, decision: Decision) -> None:
    with store.engine.begin() as conn:
        conn.execute(
            insert(actor_decisions),
            {"op": decision.op, "data": decision.model_dump_json(), "created_at": datetime.now(UTC)},
        )


def actor_rows(conn: Connection, *, kind: str | None = None, search: str | None = None) -> list[Any]:
    stmt = select(actors_table).order_by(actors_table.c.n_articles.desc(), actors_table.c.name)
    if kind:
        stmt = stmt.where(actors_table.c.kind == kind)
    if search:
        needle = " ".join(name_tokens(search)) or search.casefold()
        stmt = stmt.where(actors_table.c.search.contains(needle, autoescape=True))
    return list(conn.execute(stmt))


def cluster_from_row(conn: Connection, row: Any) -> ActorCluster:
    a = ActorCluster.model_validate_json(row.data)
    a.members = [
        MemberLink(article_id=m.article_id, entity_id=m.entity_id, name=m.name, evidence=m.evidence,
                   confidence=m.confidence)
        for m in conn.execute(
            select(actor_members).where(actor_members.c.actor_id == a.id).order_by(actor_members.c.article_id)
        )
    ]
    return a


def members_of_articles(conn: Connection, article_ids: list[str]) -> dict[tuple[str, str], str]:
    """(article_id, entity_id) -> actor_id for every entity of these articles."""
    out: dict[tuple[str, str], str] = {}
    for chunk in range(0, len(article_ids), 500):
        part = article_ids[chunk : chunk + 500]
        for r in conn.execute(select(actor_members).where(actor_members.c.article_id.in_(part))):
            out[(r.article_id, r.entity_id)] = r.actor_id
    return out


def all_members(conn: Connection) -> dict[tuple[str, str], str]:
    return {(r.article_id, r.entity_id): r.actor_id for r in conn.execute(select(actor_members))}


def actor_names(conn: Connection, ids: set[str] | None = None) -> dict[str, str]:
    stmt = select(actors_table.c.id, actors_table.c.name)
    if ids is not None:
        stmt = stmt.where(actors_table.c.id.in_(sorted(ids)))
    return {r.id: r.name for r in conn.execute(stmt)}
