"""Cross-article actor tables: the actor index, its members, its name keys, manual decisions.

Plain tables and SQL only: the store never imports the actor layer above it.  The work
(matching a new article's entities against the index when it is stored, full rebuilds,
profiles) is in :mod:`newsgraph.actors`, which registers itself on the store's
``AFTER_ADD`` hook when imported.

- ``actors``: one row per actor (name, kind, country, code, ``n_articles``, a search text,
  and ``data``: the actor JSON plus its resolution state);
- ``actor_members``: (article_id, entity_id) -> actor_id, with the evidence of the link;
- ``actor_keys``: name keys (normalized name, surname, skeleton, acronym, country) ->
  actor_id: what a new article's entities are looked up by, so storing one article reads only
  the actors it can join;
- ``actor_decisions``: manual merges and splits, in order, as member keys (article id +
  normalized name), never actor or entity ids, so re-analysis cannot lose them.

The ``BEFORE_REMOVE`` hook drops an article's member rows inside the article's own
transaction and keeps the actors' article counts right.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Column,
    DateTime,
    Float,
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

from . import BEFORE_REMOVE, COUNT_CAP, Store, count_rows, edges, in_batches, outlets, prefix_range
from .schema import articles, metadata, per_article_table

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

actor_members = per_article_table(
    "actor_members",
    Column("entity_id", String(32), primary_key=True),
    Column("actor_id", String(64), nullable=False),
    Column("name", Text, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("confidence", Float, nullable=False),
    Index("ix_actor_members_actor", "actor_id"),
)

actor_keys = Table(
    "actor_keys",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("actor_id", String(64), primary_key=True),
    Index("ix_actor_keys_actor", "actor_id"),
)

actor_decisions = Table(
    "actor_decisions",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("op", String(16), nullable=False),
    Column("data", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

def _drop_article(conn: Connection, article_id: str) -> None:
    """Before an article goes (remove, or replace by reanalyze): its members go, the article
    counts of the actors it was in drop by one (the article counted once for each, as when it was
    added), and actors left without members disappear; its edges leave the actor network first
    (they are mapped through the members).  Not a recount: counting the distinct articles of an
    actor in 100,000 took half a second a removal, and ``reanalyze`` removes every article."""
    edges.drop_article(conn, article_id)
    touched = list(conn.execute(select(actor_members.c.actor_id).distinct()
                                .where(actor_members.c.article_id == article_id)).scalars())
    conn.execute(delete(actor_members).where(actor_members.c.article_id == article_id))
    for actor_id in touched:
        left = conn.execute(select(actor_members.c.article_id).where(actor_members.c.actor_id == actor_id)
                            .limit(1)).first()
        if left is not None:
            conn.execute(actors_table.update().where(actors_table.c.id == actor_id)
                         .values(n_articles=actors_table.c.n_articles - 1))
        else:
            conn.execute(delete(actor_keys).where(actor_keys.c.actor_id == actor_id))
            conn.execute(delete(actors_table).where(actors_table.c.id == actor_id))


BEFORE_REMOVE.append(_drop_article)


def load_decisions_json(conn: Connection) -> list[str]:
    """Manual decisions as stored (JSON), in replay order."""
    return list(conn.execute(select(actor_decisions.c.data).order_by(actor_decisions.c.seq)).scalars())


def add_decision(store: Store, op: str, data_json: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(insert(actor_decisions), {"op": op, "data": data_json, "created_at": datetime.now(UTC)})


def actor_rows(conn: Connection, *, kind: str | None = None, search: str | None = None) -> list[Any]:
    """Actor rows, most-covered first; ``search`` is a normalized name fragment matched in the search text."""
    stmt = select(actors_table).order_by(actors_table.c.n_articles.desc(), actors_table.c.name)
    if kind:
        stmt = stmt.where(actors_table.c.kind == kind)
    if search:
        stmt = stmt.where(actors_table.c.search.contains(search, autoescape=True))
    return list(conn.execute(stmt))


def member_rows(conn: Connection, actor_id: str, article_ids: list[str] | None = None) -> list[Any]:
    """An actor's member rows, by article (only in ``article_ids`` when given)."""
    if article_ids is None:
        return list(conn.execute(select(actor_members).where(actor_members.c.actor_id == actor_id)
                                 .order_by(actor_members.c.article_id)))
    # by the (article_id, entity_id) key: the actor_id index would read every member of a big actor
    stmt = select(actor_members).where(actor_members.c.actor_id + "" == actor_id)
    return sorted((r for part in in_batches(sorted(set(article_ids)))
                   for r in conn.execute(stmt.where(actor_members.c.article_id.in_(part)))),
                  key=lambda r: r.article_id)


def actor_density(conn: Connection, actor_id: str) -> tuple[int, bool]:
    """(the actor's stored article count, whether it is in a twentieth of the store or more): what
    decides how :func:`article_window` pages it and :func:`actor_outlets` lists its outlets."""
    n_actor = conn.execute(select(actors_table.c.n_articles).where(actors_table.c.id == actor_id)).scalar() or 0
    n_store = conn.execute(select(func.count()).select_from(articles)).scalar_one()
    return int(n_actor), n_actor * 20 >= n_store


def article_window(
    conn: Connection,
    actor_id: str,
    *,
    source: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 50,
    offset: int = 0,
    count_cap: int = COUNT_CAP,
    plan: str = "auto",
    density: tuple[int, bool] | None = None,
) -> tuple[int, bool, list[str]]:
    """(how many of the actor's articles match, whether that count stopped at ``count_cap``, one
    page of their ids): newest first, undated last.

    Why: an actor in 100,000 articles cannot be profiled by reading every analysis; the page reads
    ``limit`` of them and says how many there are.  Two plans, the cheaper for the actor: one in at
    least a twentieth of the store walks the articles newest first (the publication-date index) and
    keeps those the actor is in (a primary-key probe each), stopping after the page — a few hundred
    probes however large the store; a rarer actor is read from its member rows and sorted, which
    costs its own few articles.  Without filters the count is the actor's stored article count;
    with them it counts at most ``count_cap`` (the page says "1,000 or more").  Dates compare by
    prefix, so ``date_to="2019"`` keeps all of 2019 ("2019-12-31" starts with it); both bounds
    are plain comparisons on the column, so the walk is a range scan of its index.  ``plan``
    (``walk`` or ``members``) forces one plan, for tests; both give the same answer.  ``density``
    is :func:`actor_density`, when the caller has it already."""
    cond = []
    if source:
        cond.append(articles.c.source == source)
    cond += prefix_range(articles.c.published, date_from, date_to)
    n_actor, dense = density or actor_density(conn, actor_id)
    if plan == "walk" or (plan == "auto" and dense):
        # "|| ''" keeps SQLite off the actor_id index, so the probe uses the (article_id, entity_id) key
        probe = (select(actor_members.c.article_id)
                 .where(actor_members.c.article_id == articles.c.id, actor_members.c.actor_id + "" == actor_id)
                 .exists())
        if source:  # walk the date index even with an outlet filter ("|| ''" again): the outlet's
            # articles read through the outlet index would all be sorted before the first page
            cond[0] = articles.c.source + "" == source
        base = select(articles.c.id).where(probe, *cond)
        order = (articles.c.published.desc(), articles.c.id)  # NULLs sort last in a DESC scan on SQLite
        if conn.dialect.name == "postgresql":
            order = (articles.c.published.desc().nulls_last(), articles.c.id)
    else:
        mine = select(actor_members.c.article_id).where(actor_members.c.actor_id == actor_id).distinct().subquery()
        base = select(articles.c.id).select_from(mine).join(articles, articles.c.id == mine.c.article_id).where(*cond)
        order = (articles.c.published.is_(None), articles.c.published.desc(), articles.c.id)
    page = conn.execute(base.order_by(*order).limit(limit).offset(offset)).scalars().all()
    if not cond:
        return n_actor, False, list(page)
    counted = count_rows(conn, base, count_cap)
    return min(counted, count_cap), counted > count_cap, list(page)


def actor_outlets(conn: Connection, actor_id: str, density: tuple[int, bool] | None = None) -> list[str]:
    """The outlets to offer in the actor page's outlet filter: those with an article naming the
    actor; for an actor in a twentieth of the store or more (:func:`actor_density`), every outlet
    of the store (reading all its member rows would cost what the paged profile saves)."""
    if (density or actor_density(conn, actor_id))[1]:
        return outlets(conn)
    stmt = (select(articles.c.source).distinct().where(articles.c.source.is_not(None))
            .join(actor_members, actor_members.c.article_id == articles.c.id).where(actor_members.c.actor_id == actor_id))
    return sorted(conn.execute(stmt).scalars())


def members_of_articles(conn: Connection, article_ids: list[str]) -> dict[tuple[str, str], str]:
    """(article_id, entity_id) -> actor_id for every entity of these articles."""
    out: dict[tuple[str, str], str] = {}
    for part in in_batches(article_ids):
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
