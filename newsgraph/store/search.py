"""Full-text search over article text and quotes.

``search_docs`` holds one row per searchable thing (an article's title and text,
each quote's words) and is written by an ``AFTER_ADD`` hook inside the
article's transaction, so the index can never disagree with the store.  On
SQLite an FTS5 table mirrors it through triggers (external content, so the text
is not stored twice in the index); on PostgreSQL a GIN index over
``to_tsvector('simple', …)`` serves the same query (over the text with ``<`` and ``>``
blanked, because PostgreSQL's parser drops anything that looks like an HTML tag, and
``<script>`` in an article is text we want to find).  Where neither is
available (an SQLite built without FTS5, another database) :func:`search`
falls back to ``LIKE`` so the feature degrades instead of failing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape
from sqlalchemy import (
    Column,
    Index,
    Integer,
    String,
    Table,
    Text,
    and_,
    delete,
    event,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from ..model import Analysis
from ..titles import HEAD_CHARS, display_title
from . import AFTER_ADD, BEFORE_REMOVE
from .schema import article_key, articles, entities, metadata, quotes

search_docs = Table(
    "search_docs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    article_key(primary_key=False),
    Column("kind", String(16), nullable=False),  # "article" | "quote"
    Column("ref", String(32), nullable=False, default=""),  # quote id, "" for the article
    Column("text", Text, nullable=False),
    Index("ix_search_docs_article", "article_id"),
)

FTS_TABLE = "search_fts"

_SQLITE_DDL = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "text, content='search_docs', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER IF NOT EXISTS search_docs_ai AFTER INSERT ON search_docs BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text); END",
    f"CREATE TRIGGER IF NOT EXISTS search_docs_ad AFTER DELETE ON search_docs BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text); END",
]
_PG_DDL = [
    "CREATE INDEX IF NOT EXISTS ix_search_docs_fts ON search_docs "
    "USING GIN (to_tsvector('simple', translate(text, '<>', '  ')))",
]


def _docs_for(analysis: Analysis) -> list[dict[str, Any]]:
    art = analysis.article
    rows = [{"article_id": art.id, "kind": "article", "ref": "", "text": f"{art.title or ''}\n{art.text}"}]
    for q in analysis.quotes:
        words = " … ".join(s.text for s in q.content)
        if words.strip():
            rows.append({"article_id": art.id, "kind": "quote", "ref": q.id, "text": words})
    return rows


def _after_add(conn: Connection, analysis: Analysis) -> None:
    conn.execute(insert(search_docs), _docs_for(analysis))


def _before_remove(conn: Connection, article_id: str) -> None:
    conn.execute(delete(search_docs).where(search_docs.c.article_id == article_id))


AFTER_ADD.append(_after_add)
BEFORE_REMOVE.append(_before_remove)


def _has_fts(conn: Connection) -> bool:
    row = conn.execute(
        text("SELECT 1 FROM sqlite_master WHERE type='table' AND name=:n"), {"n": FTS_TABLE}
    ).first()
    return row is not None


@event.listens_for(metadata, "after_create")
def _create_index(_target: Any, conn: Connection, **_kw: Any) -> None:
    """Create the dialect's full-text index and backfill articles stored before it existed."""
    dialect = conn.dialect.name
    if dialect == "sqlite":
        existed = _has_fts(conn)
        try:
            for ddl in _SQLITE_DDL:
                conn.exec_driver_sql(ddl)
        except DBAPIError:  # SQLite built without FTS5: LIKE fallback
            return
        if not existed and conn.execute(select(func.count()).select_from(search_docs)).scalar_one():
            conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
    elif dialect == "postgresql":
        for ddl in _PG_DDL:
            conn.exec_driver_sql(ddl)
    _backfill(conn)


def _backfill(conn: Connection) -> None:
    """Index articles stored before this module existed (cheap no-op once indexed)."""
    missing = select(articles.c.id, articles.c.title, articles.c.text).where(
        ~articles.c.id.in_(select(search_docs.c.article_id))
    )
    for row in conn.execute(missing).all():
        body = f"{row.title or ''}\n{row.text}"
        docs = [{"article_id": row.id, "kind": "article", "ref": "", "text": body}]
        for q in conn.execute(select(quotes.c.id, quotes.c.text).where(quotes.c.article_id == row.id)):
            if q.text.strip():
                docs.append({"article_id": row.id, "kind": "quote", "ref": q.id, "text": q.text})
        conn.execute(insert(search_docs), docs)


# -- querying -----------------------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)
_MARK_OPEN, _MARK_CLOSE = "\x02", "\x03"


def terms(q: str) -> list[str]:
    """The words of a user query; everything else (FTS operators, quotes) is dropped."""
    return _WORD.findall(q)[:20]


def fts5_query(q: str) -> str | None:
    """A safe FTS5 MATCH expression: every word quoted, all required."""
    words = terms(q)
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


@dataclass
class Hit:
    article_id: str
    kind: str
    ref: str
    snippet: Markup
    title: str | None
    source: str | None
    published: str | None
    speaker: str | None = None  # quote hits: the speaker's entity name, else the words naming it


def mode(conn: Connection) -> str:
    """Which engine answers searches here: 'fts5', 'postgresql' or 'like'."""
    if conn.dialect.name == "sqlite":
        return "fts5" if _has_fts(conn) else "like"
    if conn.dialect.name == "postgresql":
        return "postgresql"
    return "like"


def _pg_text() -> Any:
    """The text PostgreSQL indexes: must match the expression of ``ix_search_docs_fts``."""
    return func.translate(search_docs.c.text, "<>", "  ")


def _pg_vector() -> Any:
    return func.to_tsvector("simple", _pg_text())


def _like_clause(words: list[str]) -> Any:
    def pat(w: str) -> str:
        return "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"

    return [search_docs.c.text.ilike(pat(w), escape="\\") for w in words]


def matching_doc_ids(conn: Connection, q: str) -> Any:
    """A SELECT of ``search_docs.id`` matching ``q`` (None when ``q`` has no words)."""
    words = terms(q)
    if not words:
        return None
    engine = mode(conn)
    if engine == "fts5":
        return text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :m").bindparams(m=fts5_query(q))
    if engine == "postgresql":
        tsq = func.plainto_tsquery("simple", " ".join(words))
        return select(search_docs.c.id).where(_pg_vector().op("@@")(tsq))
    return select(search_docs.c.id).where(*_like_clause(words))


def article_ids_matching(conn: Connection, q: str) -> Any:
    """A SELECT of article ids whose text or quotes match ``q``."""
    ids = matching_doc_ids(conn, q)
    if ids is None:
        return None
    return select(search_docs.c.article_id).where(search_docs.c.id.in_(ids))


def _plain_snippet(body: str, words: list[str], width: int = 90) -> str:
    low = body.lower()
    pos = min((i for i in (low.find(w.lower()) for w in words) if i >= 0), default=0)
    start = max(0, pos - width // 2)
    end = min(len(body), start + 2 * width)
    out = body[start:end]
    for w in sorted(set(words), key=len, reverse=True):
        out = re.sub(re.escape(w), lambda m: _MARK_OPEN + m.group(0) + _MARK_CLOSE, out, flags=re.IGNORECASE)
    return ("…" if start else "") + out + ("…" if end < len(body) else "")


def render_snippet(raw: str) -> Markup:
    """Escape a snippet, then turn the match markers into ``<mark>``: text never becomes markup."""
    raw = re.sub(f"{_MARK_OPEN}{_MARK_CLOSE}", "", raw)
    html = str(escape(raw.replace("\n", " ")))
    return Markup(html.replace(_MARK_OPEN, "<mark>").replace(_MARK_CLOSE, "</mark>"))


def search(
    conn: Connection, q: str, *, kind: str | None = None, limit: int = 20, offset: int = 0
) -> tuple[list[Hit], int]:
    """Ranked hits for ``q`` (article text and quotes) and the total number of hits."""
    words = terms(q)
    if not words:
        return [], 0
    engine = mode(conn)
    try:
        return _search(conn, engine, q, words, kind, limit, offset)
    except DBAPIError:
        if engine == "like":
            raise
        return _search(conn, "like", q, words, kind, limit, offset)


def _search(
    conn: Connection, engine: str, q: str, words: list[str], kind: str | None, limit: int, offset: int
) -> tuple[list[Hit], int]:
    cols = [
        search_docs.c.article_id,
        search_docs.c.kind,
        search_docs.c.ref,
        articles.c.title,
        articles.c.source,
        articles.c.published,
        func.substr(articles.c.text, 1, HEAD_CHARS).label("head"),
    ]
    base = select(*cols).join(articles, articles.c.id == search_docs.c.article_id)
    if kind:
        base = base.where(search_docs.c.kind == kind)
    if engine == "fts5":
        fts = (
            text(
                f"SELECT rowid AS rid, rank AS rnk, snippet({FTS_TABLE}, 0, char(2), char(3), '…', 24) AS snip "
                f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :m"
            )
            .bindparams(m=fts5_query(q))
            .columns(rid=Integer, rnk=Integer, snip=Text)
            .subquery("f")
        )
        stmt = base.add_columns(fts.c.snip).join(fts, fts.c.rid == search_docs.c.id)
        total = conn.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
        rows = conn.execute(stmt.order_by(fts.c.rnk, search_docs.c.id).limit(limit).offset(offset)).all()
        snippets = [r.snip for r in rows]
    elif engine == "postgresql":
        tsq = func.plainto_tsquery("simple", " ".join(words))
        vec = _pg_vector()
        snip = func.ts_headline(
            "simple", _pg_text(), tsq, f"StartSel={_MARK_OPEN}, StopSel={_MARK_CLOSE}, MaxFragments=1"
        )
        stmt = base.add_columns(snip.label("snip")).where(vec.op("@@")(tsq))
        total = conn.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
        rows = conn.execute(
            stmt.order_by(func.ts_rank(vec, tsq).desc(), search_docs.c.id).limit(limit).offset(offset)
        ).all()
        snippets = [r.snip for r in rows]
    else:
        stmt = base.add_columns(search_docs.c.text).where(*_like_clause(words))
        total = conn.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
        rows = conn.execute(stmt.order_by(search_docs.c.id).limit(limit).offset(offset)).all()
        snippets = [_plain_snippet(r.text, words) for r in rows]
    spk = _speakers(conn, [(r.article_id, r.ref) for r in rows if r.kind == "quote"])
    hits = [
        Hit(
            r.article_id,
            r.kind,
            r.ref,
            render_snippet(s or ""),
            display_title(r.title, r.head),
            r.source,
            r.published,
            spk.get((r.article_id, r.ref)),
        )
        for r, s in zip(rows, snippets, strict=True)
    ]
    return hits, int(total)


def _speakers(conn: Connection, keys: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Speaker of each (article, quote id): its entity's name, else the words naming it."""
    if not keys:
        return {}
    ent = entities.alias("spk")
    rows = conn.execute(
        select(quotes.c.article_id, quotes.c.id, quotes.c.speaker_text, ent.c.name)
        .outerjoin(ent, and_(ent.c.article_id == quotes.c.article_id, ent.c.id == quotes.c.speaker_entity))
        .where(quotes.c.article_id.in_({a for a, _ in keys}), quotes.c.id.in_({i for _, i in keys}))
    )
    wanted = set(keys)
    return {
        (r.article_id, r.id): (r.name or r.speaker_text)
        for r in rows
        if (r.article_id, r.id) in wanted and (r.name or r.speaker_text)
    }


__all__ = ["search_docs", "search", "article_ids_matching", "matching_doc_ids", "mode", "Hit"]
