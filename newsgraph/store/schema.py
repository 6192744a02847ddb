"""The relational schema: one table per record type, keyed by (article_id, id).

Each record table keeps the columns people filter on (type, speaker, date …)
plus ``data``, the record's full JSON, so nothing is lost and the record types
stay the single contract.  Other modules (cross-article actors, stories, search)
add their tables to the same ``metadata``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

#: 2 (2026-12-03): quotes carry their outlet, the date they were said (their own, else the
#: article's) and their negation as columns; claims, frames and story members their article's
#: outlet and date; story sizes are kept; each with an index in its list's order (:func:`upgrade`).
#: 3 (2026-12-03): the actor network's edges are kept at write time (:mod:`newsgraph.store.edges`);
#: the articles' newest-first index covers the outlet
#: 4 (2026-12-04): each article's LSH band keys are kept (``story_bands``), so linking a new
#: article to its story is an indexed lookup, not an in-memory index rebuilt in every process
STORE_SCHEMA_VERSION = 4

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("title", Text),
    Column("url", Text),
    Column("source", String(256)),
    Column("published", String(32)),
    Column("author", Text),
    Column("origin", Text),
    Column("text", Text, nullable=False),
    Column("meta", JSON),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_articles_source", "source"),
    Index("ix_articles_published", "published"),
)
# newest first with undated articles last (the actor page's walk, the article lists), covering the
# outlet: the walk filters on it without reading the article rows, which carry the text (schema 3;
# on SQLite a 50-article page of a dense actor in one outlet read 130 ms of rows, 8 ms of index).
# PostgreSQL puts NULL first under DESC, so its index says NULLS LAST (SQLite rejects that in an
# index; its backward read of the ascending one is that order already)
Index("ix_articles_walk", articles.c.published, articles.c.source, articles.c.id).ddl_if(dialect="sqlite")
Index("ix_articles_walk_pg", articles.c.published.desc().nulls_last(), articles.c.id,
      articles.c.source).ddl_if(dialect="postgresql")


def article_key(*, primary_key: bool = True) -> Column:
    """The ``article_id`` column every per-article table carries.

    It references ``articles.id`` with ``ON DELETE CASCADE`` so that removing (or replacing) an
    article can never leave rows of it behind in a derived table; one definition, so no table
    forgets the cascade or uses another width.
    """
    return Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"),
                  primary_key=primary_key, nullable=False)


def per_article_table(name: str, *columns: Column | Index, **dialect_kw: Any) -> Table:
    """A table whose rows belong to one article: ``article_id`` (see :func:`article_key`) first."""
    return Table(name, metadata, article_key(), *columns, **dialect_kw)


analyses = per_article_table(
    "analyses",
    Column("schema_version", String(16), nullable=False),
    Column("pipeline_version", String(64), nullable=False),
    Column("model_name", String(128), nullable=False),
    Column("model_version", String(32), nullable=False),
    Column("data", Text, nullable=False),
    Column("analysed_at", DateTime(timezone=True), nullable=False),
    Index("ix_analyses_pipeline", "pipeline_version"),
)


def _record_table(name: str, *columns: Column) -> Table:
    return per_article_table(
        name,
        Column("id", String(32), primary_key=True),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("text", Text, nullable=False),
        *columns,
        Column("data", Text, nullable=False),
    )


entities = _record_table(
    "entities",
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("kind", String(32)),
    Column("country", String(8)),
    Index("ix_entities_name", "name"),
)
mentions = _record_table(
    "mentions",
    Column("entity_id", String(32)),
    Column("type", String(16)),
    Column("form", String(16)),
)
quotes = _record_table(
    "quotes",
    Column("kind", String(16)),
    Column("speaker_text", Text),
    Column("speaker_entity", String(32)),
    Column("cue_lemma", String(64)),
    Column("date", String(32)),
    # copies of the article's outlet and of the quote's effective date (its own, else the article's
    # publication date) and its negation flag, so the who-said-what list filters and sorts on the
    # quotes table's own indexes instead of walking articles (see docs/BENCHMARKS.md)
    Column("outlet", String(256)),
    Column("said", String(32)),
    Column("negated", Boolean),
    Index("ix_quotes_speaker", "article_id", "speaker_entity"),
)
# Newest first is said DESC (undated last), then each article's quotes in text order.  SQLite
# puts NULL last under DESC by itself but does not accept NULLS LAST in an index: read backwards,
# its indexes give exactly that order (forwards, its exact reverse, "oldest").  PostgreSQL puts
# NULL first under DESC: its indexes say DESC NULLS LAST, so a forward read is newest first.
_said_pg = (quotes.c.said.desc().nulls_last(), quotes.c.article_id, quotes.c.start)
Index("ix_quotes_said", quotes.c.said, quotes.c.article_id.desc(), quotes.c.start.desc()).ddl_if(dialect="sqlite")
Index("ix_quotes_outlet", quotes.c.outlet, quotes.c.said, quotes.c.article_id.desc(),
      quotes.c.start.desc()).ddl_if(dialect="sqlite")
Index("ix_quotes_said_pg", *_said_pg).ddl_if(dialect="postgresql")
Index("ix_quotes_outlet_pg", quotes.c.outlet, *_said_pg).ddl_if(dialect="postgresql")
Index("ix_quotes_negated", quotes.c.negated, quotes.c.said)
times = _record_table(
    "times",
    Column("type", String(16)),
    Column("value", String(64)),
    Index("ix_times_timeline", "type", "value", "article_id", "id"),  # the timeline reads DATE values newest first
)
events = _record_table(
    "events",
    Column("type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("status", String(16)),
    Column("date", String(32)),
    Column("actor_entity", String(32)),
    Column("recipient_entity", String(32)),
    Index("ix_events_type", "type"),
    Index("ix_events_date", "date"),
    Index("ix_events_timeline", "date", "article_id", "id"),  # the timeline's order: its newest page reads
    # only that page, even when thousands of events share a date
)
claims = _record_table(
    "claims",
    Column("checkworthiness", Float),
    Column("speaker", String(32)),
    # the article's outlet and date, copied (schema 2): the claims list by outlet is an index range
    # in score order, not a join with articles sorted afterwards
    Column("outlet", String(256)),
    Column("published", String(32)),
)
Index("ix_claims_score", claims.c.checkworthiness.desc(), claims.c.article_id, claims.c.start)
Index("ix_claims_outlet", claims.c.outlet, claims.c.checkworthiness.desc(), claims.c.article_id, claims.c.start)
frames = _record_table(
    "frames",
    Column("technique", String(64)),
    Column("target", String(32)),
    Column("voice", String(16)),
    # copied like the claims' (schema 2): the framing page's technique-by-outlet counts read one
    # covering index instead of joining every cue with its article
    Column("outlet", String(256)),
    Column("published", String(32)),
    Index("ix_frames_technique", "technique"),
    Index("ix_frames_summary", "technique", "outlet", "published"),
)

RECORD_TABLES = {
    "entities": entities,
    "mentions": mentions,
    "quotes": quotes,
    "times": times,
    "events": events,
    "claims": claims,
    "frames": frames,
}


#: upgrade steps of the tables other modules add (stories …): each is called as
#: ``step(conn, found_version)`` after :func:`upgrade`'s own, when a store older than
#: :data:`STORE_SCHEMA_VERSION` is opened
UPGRADES: list[Callable[[Any, int], None]] = []


def add_columns(conn: Any, table: Table, *names: str) -> None:
    """ALTER TABLE … ADD COLUMN for each of ``names`` the stored table lacks, typed as ``table``
    declares it (an upgrade step's first half; the caller fills the new columns)."""
    from sqlalchemy import inspect, text

    have = {c["name"] for c in inspect(conn).get_columns(table.name)}
    for name in names:
        if name not in have:
            ddl = table.c[name].type.compile(dialect=conn.dialect)
            conn.execute(text(f'ALTER TABLE {table.name} ADD COLUMN "{name}" {ddl}'))


def create_indexes(conn: Any, *tables: Table) -> None:
    """Create the indexes these tables declare that the store lacks (for this dialect)."""
    for table in tables:
        for index in table.indexes:
            index.create(conn, checkfirst=True)


def upgrade(conn: Any, found: int) -> None:
    """Bring a store written by schema version ``found`` to :data:`STORE_SCHEMA_VERSION`, in place.

    Why in place: a store holds analyses that took hours to compute; a new column must not
    ask for a re-ingest.  Version 1 → 2 adds the quotes' ``outlet``, ``said`` and ``negated``
    columns and the claims' and frames' ``outlet`` and ``published``, fills them from the
    articles and the record JSON (one UPDATE a table), and creates the
    indexes that version 1 stores lack (also the timeline's two of 2026-12-03).
    """
    from sqlalchemy import text

    if found < 2:
        add_columns(conn, quotes, "outlet", "said", "negated")
        for table in ("claims", "frames"):
            add_columns(conn, RECORD_TABLES[table], "outlet", "published")
            conn.execute(text(
                f"UPDATE {table} SET outlet = (SELECT source FROM articles WHERE articles.id = {table}.article_id), "
                f"published = (SELECT published FROM articles WHERE articles.id = {table}.article_id)"))
        conn.execute(text(
            "UPDATE quotes SET "
            "outlet = (SELECT source FROM articles WHERE articles.id = quotes.article_id), "
            "said = COALESCE(date, (SELECT published FROM articles WHERE articles.id = quotes.article_id)), "
            "negated = (data LIKE :flag)"
        ).bindparams(flag='%"negated":true%'))  # the store writes compact JSON
    if found < 3:  # the walk's index now covers the outlet (above): the narrower one it replaces
        conn.execute(text("DROP INDEX IF EXISTS ix_articles_newest_pg"))
    create_indexes(conn, articles, quotes, times, events, claims, frames)
    for step in UPGRADES:
        step(conn, found)
