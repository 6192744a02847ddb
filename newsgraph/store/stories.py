"""Stories: near-duplicate articles (wire copies, light rewrites) and same-event coverage
across outlets, linked as one story.

This table is the one definition of story membership: every page, export and API reads it,
nothing recomputes it on read.  An article joins the story of its most similar near-copy
(MinHash, :mod:`newsgraph.dedup`); failing that, the story of the most similar article
published within ``dedup.EVENT_DAYS`` days by tf-idf cosine of their top terms
(``story_terms``; document frequencies in ``story_df``); failing that, it opens a story.

Each stored article gets a row with its story id and its MinHash signature, and its LSH band
keys (``story_bands``: :func:`dedup.band_keys`, 42 an article), all written in the article's
own transaction.  A new article's candidates are the stored articles that share a band key —
an indexed lookup, the same candidates datasketch's in-memory ``MinHashLSH`` would give — and
their stored signatures decide.  Nothing is held in memory between articles: every process
and every writer sees the same index, and the first article stored by a process no longer
waits for an index of the whole store to be rebuilt (27 s at 100,000 articles).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Table,
    delete,
    func,
    insert,
    select,
)
from sqlalchemy.engine import Connection

from .. import dedup
from ..model import Analysis
from . import AFTER_ADD, BEFORE_REMOVE, in_batches, upsert_insert
from .schema import UPGRADES, add_columns, articles, create_indexes, metadata, per_article_table

stories = per_article_table(
    "stories",
    Column("story_id", String(40), nullable=False),
    Column("outlet", String(256)),
    Column("signature", LargeBinary, nullable=False),
    # the article's publication date, copied: a story's first articles are an index range
    Column("published", String(32)),
    Index("ix_stories_story", "story_id"),
    Index("ix_stories_order", "story_id", "published", "article_id", "outlet"),
)

# An article's LSH bucket keys, one row a band: "who shares a band with this signature" is one
# indexed IN lookup (``ix_story_bands_key``); the primary key serves the article's removal.
# On SQLite the rows live in the primary key's b-tree (WITHOUT ROWID): 3.3 KB an article with
# its key index at 100,000 articles, instead of 3.8 KB with a rowid table beside them.
story_bands = per_article_table(
    "story_bands",
    Column("band", SmallInteger, primary_key=True),
    Column("band_key", BigInteger, nullable=False),
    Index("ix_story_bands_key", "band_key"),
    sqlite_with_rowid=False,
)

story_terms = per_article_table(
    "story_terms",
    Column("term", String(128), primary_key=True),
    Column("weight", Float, nullable=False),
    Index("ix_story_terms_term", "term"),
)
story_df = Table(
    "story_df",
    metadata,
    Column("term", String(128), primary_key=True),
    Column("df", Integer, nullable=False),
)

# Story sizes kept as articles come and go, so the stories index reads one small table in its
# own order instead of grouping every story row on each request (1 s at 100,000 articles).
# ``story_outlets`` counts a story's articles per outlet ("" for none); ``story_sizes`` holds each
# story's article count and its number of named outlets.  Both change by increments inside the
# article's transaction (concurrent writers on one story serialise on the upserted row).
story_outlets = Table(
    "story_outlets",
    metadata,
    Column("story_id", String(40), primary_key=True),
    Column("outlet", String(256), primary_key=True),
    Column("n", Integer, nullable=False),
)
story_sizes = Table(
    "story_sizes",
    metadata,
    Column("story_id", String(40), primary_key=True),
    Column("n", Integer, nullable=False),
    Column("outlets", Integer, nullable=False),
)
Index("ix_story_sizes_order", story_sizes.c.n.desc(), story_sizes.c.outlets.desc(), story_sizes.c.story_id)

#: at most this many stored articles sharing a band with a new one are compared with it, those
#: sharing the most bands first (the number of shared bands rises with the similarity); only a
#: store with thousands of mutual near-copies reaches it, and then the nearest are among them.
MAX_CANDIDATES = 500


def _band_rows(article_id: str, keys: list[int]) -> list[dict[str, Any]]:
    return [{"article_id": article_id, "band": i, "band_key": k} for i, k in enumerate(keys)]


def near_copy_story(conn: Connection, article_id: str, m: Any, keys: list[int]) -> str | None:
    """The story of the stored article most like the signature ``m`` (estimated Jaccard at least
    ``dedup.DEFAULT_THRESHOLD``), among those that share one of its band ``keys``; None if none."""
    shared = func.count().label("shared")
    cands = [r.article_id for r in conn.execute(
        select(story_bands.c.article_id, shared).where(story_bands.c.band_key.in_(keys),
                                                       story_bands.c.article_id != article_id)
        .group_by(story_bands.c.article_id).order_by(shared.desc(), story_bands.c.article_id)
        .limit(MAX_CANDIDATES))]
    if not cands:
        return None
    rows = {r.article_id: r for r in conn.execute(
        select(stories.c.article_id, stories.c.story_id, stories.c.signature).where(stories.c.article_id.in_(cands)))}
    best, _ = dedup.best_match(
        m, ((a, dedup.signature_values(bytes(r.signature))) for a, r in rows.items()), dedup.DEFAULT_THRESHOLD)
    return rows[best].story_id if best is not None else None


def fill_bands(conn: Connection, found: int = 0) -> None:
    """The schema-4 upgrade: band keys for every stored signature (a store that kept only the
    signatures and rebuilt an in-memory index from them in each process)."""
    if found >= 4:
        return
    conn.execute(delete(story_bands))
    last = ""
    while True:
        batch = conn.execute(select(stories.c.article_id, stories.c.signature).where(stories.c.article_id > last)
                             .order_by(stories.c.article_id).limit(2000)).all()
        if not batch:
            return
        conn.execute(insert(story_bands), [row for r in batch for row in _band_rows(
            r.article_id, dedup.band_keys(dedup.signature_values(bytes(r.signature))))])
        last = batch[-1].article_id


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def _bump_df(conn: Connection, terms: list[str]) -> None:
    """Add one to the document frequency of each term (sorted: concurrent writers lock rows
    in the same order and cannot deadlock)."""
    if not terms:
        return
    terms = sorted(terms)
    up = upsert_insert(conn.dialect.name)
    if up is not None:
        # one cached statement run as executemany (a multi-row VALUES would be compiled anew each time)
        stmt = up(story_df).on_conflict_do_update(index_elements=["term"], set_={"df": story_df.c.df + 1})
        conn.execute(stmt, [{"term": t, "df": 1} for t in terms])
        return
    known = set(conn.execute(select(story_df.c.term).where(story_df.c.term.in_(terms))).scalars())
    for t in terms:
        if t in known:
            conn.execute(story_df.update().where(story_df.c.term == t).values(df=story_df.c.df + 1))
        else:
            conn.execute(insert(story_df), {"term": t, "df": 1})


def _event_terms(conn: Connection, analysis: Analysis) -> tuple[dict[str, float], set[str]]:
    """The article's top terms (tf-idf over the stored articles, unit length) and the rare names
    among them (:func:`dedup.rare_names`); counts its terms into the document frequencies."""
    counts = {t: c for t, c in dedup.term_counts(analysis.article.text).items() if len(t) <= 128}
    terms = sorted(counts)
    df: dict[str, int] = {}
    for part in in_batches(terms):
        df.update(conn.execute(select(story_df.c.term, story_df.c.df).where(story_df.c.term.in_(part))).all())
    n_docs = int(conn.execute(select(func.count()).select_from(stories)).scalar_one())
    _bump_df(conn, terms)
    top = dedup.top_terms(counts, df, n_docs)
    return top, dedup.rare_names(top, df, n_docs)


def same_event_story(conn: Connection, article_id: str, published: str | None, top: dict[str, float],
                     names: set[str], outlet: str | None = None) -> str | None:
    """The story of the most similar article published within ``dedup.EVENT_DAYS`` days that
    shares one of the rare ``names`` (two when both articles are the same ``outlet``'s), if
    their cosine reaches ``dedup.EVENT_THRESHOLD``."""
    day = _day(published)
    if day is None or not top or not names:
        return None
    lo = (day - timedelta(days=dedup.EVENT_DAYS)).isoformat()
    hi = (day + timedelta(days=dedup.EVENT_DAYS + 1)).isoformat()
    rows = conn.execute(
        select(story_terms.c.article_id, story_terms.c.term, story_terms.c.weight, stories.c.story_id,
               stories.c.outlet)
        .join(articles, articles.c.id == story_terms.c.article_id)
        .join(stories, stories.c.article_id == story_terms.c.article_id)
        .where(story_terms.c.term.in_(sorted(top)), articles.c.published >= lo, articles.c.published < hi,
               story_terms.c.article_id != article_id)
    )
    score: dict[str, float] = {}
    shared: dict[str, int] = {}
    named: dict[str, int] = {}
    need: dict[str, int] = {}
    story_of: dict[str, str] = {}
    for r in rows:
        score[r.article_id] = score.get(r.article_id, 0.0) + r.weight * top[r.term]
        shared[r.article_id] = shared.get(r.article_id, 0) + 1
        if r.term in names:
            named[r.article_id] = named.get(r.article_id, 0) + 1
        story_of[r.article_id] = r.story_id
        need[r.article_id] = dedup.EVENT_SAME_OUTLET_NAMES if outlet and r.outlet == outlet else 1
    # a two-line item shares a word or two with anything: ask for several shared terms, and
    # names few articles have
    score = {a: v for a, v in score.items()
             if shared[a] >= dedup.EVENT_MIN_SHARED and named.get(a, 0) >= need[a]}
    if not score:
        return None
    best = max(score, key=lambda a: (score[a], a))
    return story_of[best] if score[best] >= dedup.EVENT_THRESHOLD else None


def _count(conn: Connection, story_id: str, outlet: str | None, delta: int) -> None:
    """Add ``delta`` (+1 or -1) articles of ``outlet`` to a story's kept sizes."""
    key = outlet or ""
    up = upsert_insert(conn.dialect.name)
    if delta > 0:
        n = conn.execute(
            up(story_outlets).values(story_id=story_id, outlet=key, n=delta)
            .on_conflict_do_update(index_elements=["story_id", "outlet"], set_={"n": story_outlets.c.n + delta})
            .returning(story_outlets.c.n)
        ).scalar_one()
        new_outlet = int(n == delta and key != "")
    else:
        n = conn.execute(
            story_outlets.update().where(story_outlets.c.story_id == story_id, story_outlets.c.outlet == key)
            .values(n=story_outlets.c.n + delta).returning(story_outlets.c.n)
        ).scalar_one_or_none()
        if n is None:  # a row written before sizes were kept and not yet counted: nothing to take off
            return
        new_outlet = 0
        if n <= 0:
            conn.execute(delete(story_outlets).where(story_outlets.c.story_id == story_id,
                                                     story_outlets.c.outlet == key))
            new_outlet = -int(key != "")
    conn.execute(
        up(story_sizes).values(story_id=story_id, n=max(delta, 0), outlets=max(new_outlet, 0))
        .on_conflict_do_update(index_elements=["story_id"], set_={
            "n": story_sizes.c.n + delta, "outlets": story_sizes.c.outlets + new_outlet})
    )
    conn.execute(delete(story_sizes).where(story_sizes.c.story_id == story_id, story_sizes.c.n <= 0))


def recount(conn: Connection, found: int = 0) -> None:
    """The schema-2 upgrade of the story tables: copy each member's publication date and write
    the kept story sizes from the membership rows (a store that had stories but neither)."""
    if found >= 2:
        return
    add_columns(conn, stories, "published")
    conn.execute(stories.update().values(
        published=select(articles.c.published).where(articles.c.id == stories.c.article_id).scalar_subquery()))
    create_indexes(conn, stories)
    conn.execute(delete(story_outlets))
    conn.execute(delete(story_sizes))
    key = func.coalesce(stories.c.outlet, "")
    conn.execute(insert(story_outlets).from_select(
        ["story_id", "outlet", "n"],
        select(stories.c.story_id, key, func.count()).group_by(stories.c.story_id, key)))
    conn.execute(insert(story_sizes).from_select(
        ["story_id", "n", "outlets"],
        select(story_outlets.c.story_id, func.sum(story_outlets.c.n),
               func.count(func.nullif(story_outlets.c.outlet, "")))
        .group_by(story_outlets.c.story_id)))


def link_story(conn: Connection, analysis: Analysis) -> None:
    """After an article is stored: its story (a near-copy's, else a same-event article's, else
    a new one named after it), its signature and band keys, the kept sizes and its top terms."""
    art = analysis.article
    top, names = _event_terms(conn, analysis)
    m = dedup.signature(art.text)
    keys = dedup.band_keys(m.hashvalues)
    story_id = (near_copy_story(conn, art.id, m, keys)
                or same_event_story(conn, art.id, art.published, top, names, art.source) or f"S{art.id}")
    conn.execute(insert(stories), {"article_id": art.id, "story_id": story_id, "outlet": art.source,
                                   "signature": dedup.signature_to_bytes(m), "published": art.published})
    conn.execute(insert(story_bands), _band_rows(art.id, keys))
    _count(conn, story_id, art.source, +1)
    if top:
        conn.execute(insert(story_terms), [{"article_id": art.id, "term": t, "weight": w} for t, w in top.items()])


def _drop_df(conn: Connection, terms: list[str]) -> None:
    """Take one off the document frequency of each term (the inverse of :func:`_bump_df`);
    a term no stored article has any more goes."""
    for part in in_batches(sorted(terms)):
        conn.execute(story_df.update().where(story_df.c.term.in_(part)).values(df=story_df.c.df - 1))
        conn.execute(delete(story_df).where(story_df.c.term.in_(part), story_df.c.df <= 0))


def unlink_story(conn: Connection, article_id: str) -> None:
    """Before an article goes (remove, or replace by reanalyze): its story rows go and the terms
    it counted come off ``story_df``.  Without the second step every ``reanalyze`` counted the
    article's terms once more and the document frequencies drifted up with each run."""
    member = conn.execute(select(stories.c.story_id, stories.c.outlet).where(stories.c.article_id == article_id)).first()
    text = conn.execute(select(articles.c.text).where(articles.c.id == article_id)).scalar_one_or_none()
    if member is not None and text is not None:
        _drop_df(conn, [t for t in dedup.term_counts(text) if len(t) <= 128])
    conn.execute(delete(story_terms).where(story_terms.c.article_id == article_id))
    if member is not None:
        _count(conn, member.story_id, member.outlet, -1)
    conn.execute(delete(story_bands).where(story_bands.c.article_id == article_id))
    conn.execute(delete(stories).where(stories.c.article_id == article_id))


def story_members(store: Any, story_id: str) -> list[tuple[str, str | None]]:
    """(article id, outlet) of every article in one story."""
    with store.engine.connect() as conn:
        return [(r.article_id, r.outlet) for r in conn.execute(
            select(stories.c.article_id, stories.c.outlet).where(stories.c.story_id == story_id)
            .order_by(stories.c.article_id))]


AFTER_ADD.append(link_story)
BEFORE_REMOVE.append(unlink_story)
UPGRADES.append(recount)
UPGRADES.append(fill_bands)


def rebuild(store: Any) -> int:
    """Recompute every article's story in ingest order (after a change of the story rules, or for a
    store written before same-event linking existed); returns the number of articles linked."""
    from ..model import Article

    with store.engine.begin() as conn:
        conn.execute(delete(story_terms))
        conn.execute(delete(story_bands))
        conn.execute(delete(stories))
        conn.execute(delete(story_df))
        conn.execute(delete(story_outlets))
        conn.execute(delete(story_sizes))
        n = 0
        rows = conn.execute(
            select(articles.c.id, articles.c.text, articles.c.source, articles.c.published).order_by(
                articles.c.ingested_at, articles.c.id
            )
        ).all()
        for r in rows:
            art = Article(id=r.id, text=r.text, source=r.source, published=r.published)
            link_story(conn, _Shell(art))  # type: ignore[arg-type]
            n += 1
    return n


class _Shell:
    """What :func:`link_story` reads of an analysis: its article."""

    def __init__(self, article: Any) -> None:
        self.article = article
