"""The store: analyses in a SQL database through SQLAlchemy (SQLite by default).

An article is keyed by the hash of its normalized text, so adding it twice is a
no-op; an article and all its records are written in one transaction, so a
killed ingest leaves either the whole article or nothing.  Uniqueness comes
from primary keys and ``ON CONFLICT DO NOTHING``, not from checking first, so
several processes may write to one PostgreSQL database at once.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import Engine, String, and_, create_engine, delete, event, func, insert, inspect, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError, OperationalError

from ..model import Analysis, Article
from . import schema
from .schema import STORE_SCHEMA_VERSION, analyses, articles, metadata

DEFAULT_DB = "newsgraph.db"
LOCK_WAIT_SECONDS = 30
#: values per ``IN (...)`` list: well under SQLite's historic limit of 999 bound parameters a statement
IN_BATCH = 500

_T = TypeVar("_T")


def in_batches(values: Sequence[_T], size: int = IN_BATCH) -> Iterator[Sequence[_T]]:
    """``values`` in consecutive slices of ``size``: one ``IN (...)`` query per slice, for every
    lookup by a list of ids whatever its length."""
    for i in range(0, len(values), size):
        yield values[i : i + size]


#: a filtered list counts its matches up to this many past the page (a count over every match of a
#: loose filter on 300,000 quotes takes seconds; "1,000 or more" tells the reader as much)
COUNT_CAP = 1_000


def count_rows(conn: Connection, stmt: Any, cap: int | None = None) -> int:
    """Rows of ``stmt``; with ``cap``, at most ``cap + 1`` are counted (more than ``cap`` means "or more")."""
    stmt = stmt.order_by(None)
    if cap is not None:
        stmt = stmt.limit(cap + 1)
    return int(conn.execute(select(func.count()).select_from(stmt.subquery())).scalar_one())


def upsert_insert(dialect: str) -> Any:
    """The dialect's ``insert`` construct that has ``on_conflict_do_*`` (SQLite, PostgreSQL),
    or None for another database: the one place the store picks it."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as up
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as up
    else:
        return None
    return up


def add_counts(conn: Connection, table: Any, keys: Sequence[str], rows: Sequence[dict[str, Any]],
               sign: int = 1) -> None:
    """Add (``sign`` 1) or take off (-1) each row's count columns to the counts ``table`` keeps,
    keyed by the columns ``keys``; a row taken down to zero or less (its first count) goes.

    Why: what a page lists by size (a statement's occurrences, an actor edge's weight) is kept
    as it is written, one article's rows at a time, instead of counted on every read."""
    if not rows:
        return
    counts = [c for c in rows[0] if c not in keys]
    up = upsert_insert(conn.dialect.name)
    if sign > 0 and up is not None:
        stmt = up(table)
        conn.execute(stmt.on_conflict_do_update(
            index_elements=list(keys), set_={c: table.c[c] + stmt.excluded[c] for c in counts}), list(rows))
        return
    for row in rows:
        cond = and_(*(table.c[k] == row[k] for k in keys))
        done = conn.execute(update(table).where(cond).values(
            {c: table.c[c] + sign * row[c] for c in counts})).rowcount
        if sign > 0 and not done:  # pragma: no cover - a database without upserts
            conn.execute(insert(table), dict(row))
        elif sign < 0:
            conn.execute(delete(table).where(cond, table.c[counts[0]] <= 0))


def after_prefix(day: str) -> str | None:
    """The first date after every date starting with ``day`` ("2019" -> "2020", "2019-12" ->
    "2020-01", "2019-12-31" -> "2020-01-01"), or None for another shape.  A bound of the same
    shape compares the same way under any collation (PostgreSQL's locale ones too), unlike a
    sentinel character after the prefix."""
    try:
        if re.fullmatch(r"\d{4}", day):
            return f"{int(day) + 1:04d}"
        if re.fullmatch(r"\d{4}-\d{2}", day):
            y, m = int(day[:4]), int(day[5:])
            return f"{y + m // 12:04d}-{m % 12 + 1:02d}" if 1 <= m <= 12 else None
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
            return (date.fromisoformat(day) + timedelta(days=1)).isoformat()
    except ValueError:
        return None
    return None


#: the store's outlets, one index probe each ("loose index scan"): SELECT DISTINCT reads every
#: article's entry of the outlet index (20 ms at 100,000 articles on PostgreSQL, which has no
#: skip scan), and the outlet filters of the lists and pages ask for them on every request
_OUTLETS = text(
    "WITH RECURSIVE s(v) AS (SELECT min(source) FROM articles UNION ALL "
    "SELECT (SELECT min(source) FROM articles WHERE source > s.v) FROM s WHERE s.v IS NOT NULL) "
    "SELECT v FROM s WHERE v IS NOT NULL"
)


def outlets(conn: Connection) -> list[str]:
    """The store's outlet names, sorted (empty names left out)."""
    return [s for s in conn.execute(_OUTLETS).scalars() if s]


def prefix_range(col: Any, date_from: str | None, date_to: str | None) -> list[Any]:
    """Conditions keeping ISO dates of any precision in an inclusive range of prefixes: '2021' ..
    '2021-04' keeps '2021-04-30'.  The one date-range filter of the store's lists and pages.

    Both bounds are plain comparisons on the column (``>= date_from``, ``< after_prefix(date_to)``),
    so an index on it serves them; only a ``date_to`` of another shape falls back to comparing
    the column's prefix, which reads every row."""
    conds: list[Any] = []
    if date_from:
        conds.append(col >= date_from)
    if date_to:
        after = after_prefix(date_to)
        conds.append(col < after if after else func.substr(col, 1, len(date_to)) <= date_to)
    return conds


class StoreError(RuntimeError):
    """The store cannot be opened or written; the message says what to do."""


class StoreLocked(StoreError):
    """Another process held the database lock for longer than we waited."""


def resolve_url(db: str | None = None) -> str:
    """``--db`` value, else ``NEWSGRAPH_DB``, else ``newsgraph.db`` in the working directory.

    A bare path means a SQLite file; ``postgresql://`` is given the psycopg 3 driver.
    """
    db = db or os.environ.get("NEWSGRAPH_DB") or DEFAULT_DB
    if "://" not in db:
        return f"sqlite:///{db}"
    if db.startswith("postgresql://") or db.startswith("postgres://"):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    return db


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _span_row(article_id: str, rec: Any) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "id": rec.id,
        "start": rec.start,
        "end": rec.end,
        "text": rec.text,
        "data": rec.model_dump_json(),
    }


def _entity_row(a: Analysis, e: Any) -> dict[str, Any]:
    first = next((m for m in a.mentions if m.entity == e.id), None)
    return {
        "article_id": a.article.id,
        "id": e.id,
        "start": first.start if first else 0,
        "end": first.end if first else 0,
        "text": first.text if first else e.name,
        "name": e.name,
        "type": e.type,
        "kind": e.kind,
        "country": e.country,
        "data": e.model_dump_json(),
    }


def _version(value: str) -> int:
    """A stored schema version as a number (a store older than versioning counts as 1)."""
    try:
        return int(value)
    except ValueError:
        return 1


def _quote_row(a: Analysis, q: Any) -> dict[str, Any]:
    start = q.content[0].start if q.content else (q.cue.start if q.cue else 0)
    end = q.content[-1].end if q.content else (q.cue.end if q.cue else 0)
    return {
        "article_id": a.article.id,
        "id": q.id,
        "start": start,
        "end": end,
        "text": " … ".join(s.text for s in q.content),
        "kind": q.kind,
        "speaker_text": q.speaker.text if q.speaker else None,
        "speaker_entity": q.speaker_entity,
        "cue_lemma": q.cue_lemma,
        "date": q.date,
        "outlet": a.article.source,
        "said": q.date or a.article.published,
        "negated": bool(q.negated),
        "data": q.model_dump_json(),
    }


def _event_row(a: Analysis, ev: Any) -> dict[str, Any]:
    return {
        "article_id": a.article.id,
        "id": ev.id,
        "start": ev.trigger.start,
        "end": ev.trigger.end,
        "text": ev.trigger.text,
        "type": ev.type,
        "mode": ev.mode,
        "status": ev.status,
        "date": ev.date,
        "actor_entity": ev.actor.entity if ev.actor else None,
        "recipient_entity": ev.recipient.entity if ev.recipient else None,
        "data": ev.model_dump_json(),
    }


ROW_BUILDERS: dict[str, Callable[[Analysis, Any], dict[str, Any]]] = {
    "entities": _entity_row,
    "mentions": lambda a, m: {**_span_row(a.article.id, m), "entity_id": m.entity, "type": m.type, "form": m.form},
    "quotes": _quote_row,
    "times": lambda a, t: {**_span_row(a.article.id, t), "type": t.type, "value": t.value},
    "events": _event_row,
    "claims": lambda a, c: {
        **_span_row(a.article.id, c),
        "checkworthiness": c.checkworthiness,
        "speaker": c.speaker,
        "outlet": a.article.source,
        "published": a.article.published,
    },
    "frames": lambda a, f: {
        **_span_row(a.article.id, f),
        "technique": f.technique,
        "target": f.target,
        "voice": f.voice,
        "outlet": a.article.source,
        "published": a.article.published,
    },
}

# Hooks other modules register to keep derived tables (actors, stories, search
# index) in step; each runs inside the article's transaction.
AFTER_ADD: list[Callable[[Connection, Analysis], None]] = []
BEFORE_REMOVE: list[Callable[[Connection, str], None]] = []


class Store:
    """A newsgraph database.  ``Store()`` opens ``newsgraph.db`` (or ``NEWSGRAPH_DB``)."""

    def __init__(self, db: str | None = None, *, create: bool = True) -> None:
        self.url = resolve_url(db)
        self.engine: Engine = create_engine(self.url, future=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        _import_extensions()  # their hooks must be registered even when the tables already exist
        if create:
            self.create()

    def _ready(self) -> bool:
        """Every table exists and the schema version is recorded: opening needs no write."""
        try:
            with self.engine.connect() as conn:
                present = set(inspect(conn).get_table_names())
                if not set(metadata.tables) <= present:
                    return False
                row = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")).first()
                return row is not None and _version(row.value) >= STORE_SCHEMA_VERSION
        except OperationalError as exc:
            if _is_lock(exc):
                raise StoreLocked(_lock_message(self.url)) from None
            raise

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def create(self) -> None:
        """Create missing tables (idempotent) and record the schema version.

        A store that already has them is only read, so ``list``/``show`` never take the
        write lock (and never wait for a running ingest to release it).
        """
        if self._ready():
            return
        with self.engine.begin() as conn:
            if self.dialect == "postgresql":
                # several processes opening an empty database at once would race on CREATE TABLE
                conn.execute(text("SELECT pg_advisory_xact_lock(4242424242)"))
            found = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")).first() \
                if inspect(conn).has_table("meta") else None
            metadata.create_all(conn)
            if found is not None and _version(found.value) < STORE_SCHEMA_VERSION:
                logging.getLogger("newsgraph").warning(
                    "upgrading the store's schema from version %s to %s (once; a large store takes a minute)",
                    found.value, STORE_SCHEMA_VERSION)
                schema.upgrade(conn, _version(found.value))
                conn.execute(schema.meta.update().where(schema.meta.c.key == "schema_version")
                             .values(value=str(STORE_SCHEMA_VERSION)))
            self._insert_ignore(conn, schema.meta, [{"key": "schema_version", "value": str(STORE_SCHEMA_VERSION)}])

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------
    def _insert_ignore(self, conn: Connection, table: Any, rows: list[dict[str, Any]]) -> int:
        """INSERT … ON CONFLICT DO NOTHING; returns the rows inserted."""
        if not rows:
            return 0
        up = upsert_insert(self.dialect)
        if up is None:  # pragma: no cover - other databases: plain insert, conflicts raise
            return conn.execute(insert(table), rows).rowcount
        stmt = up(table).on_conflict_do_nothing()
        if len(rows) == 1:
            return conn.execute(stmt, rows[0]).rowcount
        return sum(conn.execute(stmt, row).rowcount for row in rows)

    def _serialize_writes(self, conn: Connection) -> None:
        """On PostgreSQL, one article transaction writes at a time (a transaction-scoped advisory lock).

        The derived tables the write hooks keep (actor index, story term counts, statements) are
        shared across articles: two writers creating the same actor, or bumping the same counter,
        would otherwise collide (a unique violation, or a deadlock between hooks).  Analysis, the
        expensive part, still runs in parallel; SQLite serializes writers by itself."""
        if self.engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(4242424243)"))

    def add(self, analysis: Analysis) -> bool:
        """Store one analysis with all its records.  False when the article was already there.

        The same input is accepted or refused identically on SQLite and PostgreSQL: a
        NUL in the article text is refused (the pipeline removes them up front), NULs
        elsewhere are dropped and over-long values fitted to their column (see :func:`_fit`).
        """
        analysis = _fit_outlet(analysis)
        art = analysis.article
        if "\x00" in art.text:
            raise ValueError("article text contains NUL characters (remove them before analysis: offsets depend on it)")
        now = datetime.now(UTC)
        try:
            with self.engine.begin() as conn:
                self._serialize_writes(conn)
                inserted = self._insert_ignore(conn, articles, [_fit(articles, _article_row(art, now))])
                if not inserted:
                    return False
                self._write_analysis(conn, analysis, now)
        except IntegrityError:
            # a concurrent writer committed the same article between our statements
            if self.has(art.id):
                return False
            raise
        except OperationalError as exc:
            if _is_lock(exc):
                raise StoreLocked(_lock_message(self.url)) from None
            raise
        return True

    def replace(self, analysis: Analysis) -> None:
        """Re-write the analysis of an article already stored (used by reanalyze)."""
        now = datetime.now(UTC)
        with self.engine.begin() as conn:
            self._serialize_writes(conn)
            aid = analysis.article.id
            for hook in BEFORE_REMOVE:
                hook(conn, aid)
            for table in schema.RECORD_TABLES.values():
                conn.execute(delete(table).where(table.c.article_id == aid))
            conn.execute(delete(analyses).where(analyses.c.article_id == aid))
            self._write_analysis(conn, analysis, now)

    def _write_analysis(self, conn: Connection, analysis: Analysis, now: datetime) -> None:
        art = analysis.article
        conn.execute(
            insert(analyses),
            {
                "article_id": art.id,
                "schema_version": analysis.schema_version,
                "pipeline_version": analysis.pipeline_version,
                "model_name": analysis.model.name,
                "model_version": analysis.model.version,
                "data": _no_nul(analysis.model_dump_json(exclude={"article": {"text"}})),
                "analysed_at": now,
            },
        )
        for name, table in schema.RECORD_TABLES.items():
            rows = [_fit(table, ROW_BUILDERS[name](analysis, rec)) for rec in getattr(analysis, name)]
            if rows:
                conn.execute(insert(table), rows)
        for hook in AFTER_ADD:
            hook(conn, analysis)

    def remove(self, article_id: str) -> bool:
        with self.engine.begin() as conn:
            for hook in BEFORE_REMOVE:
                hook(conn, article_id)
            for table in schema.RECORD_TABLES.values():
                conn.execute(delete(table).where(table.c.article_id == article_id))
            conn.execute(delete(analyses).where(analyses.c.article_id == article_id))
            return conn.execute(delete(articles).where(articles.c.id == article_id)).rowcount > 0

    # -- reading -----------------------------------------------------------
    def has(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(articles.c.id).where(articles.c.id == article_id)).first() is not None

    def count(self, table: str = "articles") -> int:
        tbl = metadata.tables[table]
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(tbl)).scalar_one())

    def articles(self, *, limit: int | None = None, offset: int = 0, source: str | None = None) -> list[Article]:
        """Stored articles (without re-running anything), newest ingest first."""
        stmt = select(articles).order_by(articles.c.ingested_at.desc(), articles.c.id).offset(offset)
        if source:
            stmt = stmt.where(articles.c.source == source)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.engine.connect() as conn:
            return [_article_from_row(r._mapping) for r in conn.execute(stmt)]

    def analysis(self, article_id: str) -> Analysis | None:
        """The stored analysis of one article (an id or a unique id prefix)."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(articles, analyses.c.data)
                .join(analyses, analyses.c.article_id == articles.c.id)
                .where(articles.c.id.startswith(article_id, autoescape=True))
                .limit(2)
            ).all()
        if len(rows) != 1:
            return None
        return _analysis_from_row(rows[0]._mapping)

    def analyses(self, article_ids: list[str], *, batch: int = IN_BATCH,
                 records: Sequence[str] | None = None) -> list[Analysis]:
        """The stored analyses of these articles (exact ids), in the order given; absent ids are
        skipped.  One query per ``batch`` ids, not one per article.

        ``records`` names the record lists a reader needs ("entities", "quotes" …); the others
        come back empty.  Why: validation is most of reading an analysis, and the actor page's 50
        analyses are read in a third of the time without the times, claims and frames it never shows."""
        found: dict[str, Analysis] = {}
        with self.engine.connect() as conn:
            for part in in_batches(article_ids, batch):
                for row in conn.execute(select(articles, analyses.c.data)
                                        .join(analyses, analyses.c.article_id == articles.c.id)
                                        .where(articles.c.id.in_(part))):
                    found[row._mapping["id"]] = _analysis_from_row(row._mapping, records)
        return [found[a] for a in article_ids if a in found]

    def iter_analyses(self, *, batch: int = 200, where: Any = None) -> Iterator[Analysis]:
        """Every stored analysis, streamed in id order."""
        last = ""
        while True:
            stmt = (
                select(articles, analyses.c.data)
                .join(analyses, analyses.c.article_id == articles.c.id)
                .where(articles.c.id > last)
                .order_by(articles.c.id)
                .limit(batch)
            )
            if where is not None:
                stmt = stmt.where(where)
            with self.engine.connect() as conn:
                rows = conn.execute(stmt).all()
            if not rows:
                return
            for row in rows:
                yield _analysis_from_row(row._mapping)
            last = rows[-1]._mapping["id"]

    def stale(self, pipeline_version: str) -> list[str]:
        """Ids of articles analysed by a pipeline version other than ``pipeline_version``."""
        with self.engine.connect() as conn:
            return list(
                conn.execute(
                    select(analyses.c.article_id).where(analyses.c.pipeline_version != pipeline_version)
                ).scalars()
            )

    def orphans(self) -> int:
        """Record rows whose article is missing (should always be 0)."""
        total = 0
        with self.engine.connect() as conn:
            for table in [analyses, *schema.RECORD_TABLES.values()]:
                total += int(
                    conn.execute(
                        select(func.count())
                        .select_from(table)
                        .where(~table.c.article_id.in_(select(articles.c.id)))
                    ).scalar_one()
                )
        return total


def _is_lock(exc: OperationalError) -> bool:
    return "database is locked" in str(exc) or "database is busy" in str(exc)


def _lock_message(url: str) -> str:
    return (f"the store {url} is locked by another process (an ingest?); waited {LOCK_WAIT_SECONDS} s. "
            "Try again when it has finished.")


def _no_nul(value: str) -> str:
    r"""JSON text with NULs dropped: PostgreSQL refuses ``\x00`` in text and ``\u0000`` in JSON."""
    return _JSON_NUL.sub(r"\1", value).replace("\x00", "")


_JSON_NUL = re.compile(r"(?<!\\)((?:\\\\)*)\\u0000")


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _fit(table: Any, row: dict[str, Any]) -> dict[str, Any]:
    """``row`` made storable the same way on every backend: NULs dropped, strings cut to their column.

    SQLite ignores ``VARCHAR(n)`` and PostgreSQL raises on it; cutting here means both
    keep the same value.  The full value stays in the record's ``data`` JSON.
    """
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key == "text" and table is articles:
            out[key] = value  # checked in Store.add: never silently changed (offsets point into it)
            continue
        value = _clean(value)
        col = table.c.get(key)
        if isinstance(value, str) and col is not None and isinstance(col.type, String):
            limit = col.type.length
            if limit and len(value) > limit:
                value = value[: limit - 1] + "…"
        out[key] = value
    return out


def _fit_outlet(analysis: Analysis) -> Analysis:
    """An outlet name longer than the column keeps its first characters, with a note in ``meta``,
    before any table (articles, stories, actors) sees it."""
    art = analysis.article
    limit = articles.c.source.type.length
    if not (art.source and limit and len(art.source) > limit):
        return analysis
    meta = dict(art.meta)
    meta["source_truncated"] = f"the outlet name had {len(art.source):,} characters; the first {limit - 1} are kept"
    art = art.model_copy(update={"source": art.source[: limit - 1] + "…", "meta": meta})
    return analysis.model_copy(update={"article": art})


def _article_row(art: Article, now: datetime) -> dict[str, Any]:
    meta = dict(art.meta)
    return {
        "id": art.id,
        "title": art.title,
        "url": art.url,
        "source": art.source,
        "published": art.published,
        "author": art.author,
        "origin": art.origin,
        "text": art.text,
        "meta": meta,
        "ingested_at": now,
    }


def _article_from_row(row: Any) -> Article:
    return Article(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        url=row["url"],
        source=row["source"],
        published=row["published"],
        author=row["author"],
        origin=row["origin"],
        meta=row["meta"] or {},
    )


def _analysis_from_row(row: Any, records: Sequence[str] | None = None) -> Analysis:
    data = json.loads(row["data"])
    data["article"]["text"] = row["text"]
    if records is not None:
        for name in schema.RECORD_TABLES:
            if name not in records:
                data[name] = []
    return Analysis.model_validate(data)


_extensions_loaded = False


def _import_extensions() -> None:
    """Import store modules that add tables and hooks (actors, stories, search)."""
    global _extensions_loaded
    if _extensions_loaded:
        return
    import importlib
    import pkgutil

    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name not in {"schema"} and not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")
    _extensions_loaded = True
