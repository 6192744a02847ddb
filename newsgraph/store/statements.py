"""One statement across outlets: the same words of the same speaker, reprinted, are one statement.

Why at write time: a wire quote reprinted by ten outlets is ten ``Quote`` records in ten
analyses; a reader (and Quotebank-style research) wants one statement with ten
occurrences.  Grouping on read would compare every quote with every other; here each new
quote is compared only with the stored occurrences *of the same speaker* (an indexed
lookup), inside the article's own transaction, and joins the statement it matches or
founds a new one.  A read is then a plain ``GROUP BY statement_id``.

The speaker key is the normalised speaker name — the quote's ``speaker_name`` (fullest
name in the article), else its entity's name, else the speaker phrase when it is a name
— reduced to its last word ("Donald Trump", "President Trump" and "Trump" share a key):
cross-article actors are resolved lazily, after ingest, so an actor id is not available
when the quote is written; the content test below is what keeps two namesakes apart.
Two contents are the same statement when their word sets overlap by Jaccard ≥ 0.8, or
when the shorter (≥ 8 words) lies ≥ 0.9 inside the longer (an outlet that trimmed the
quote).  Quotes of fewer than 5 words ("No comment") and negated attributions are not
grouped: they say too little to be told apart.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Column, Index, Integer, String, Table, Text, delete, func, insert, select
from sqlalchemy.engine import Connection

from ..model import Analysis, Quote
from . import AFTER_ADD, BEFORE_REMOVE, Store, add_counts, in_batches, upsert_insert
from .schema import UPGRADES, metadata, per_article_table

MIN_WORDS = 5
JACCARD = 0.8
CONTAINMENT = 0.9
CONTAINMENT_MIN_WORDS = 8
_PRONOUNS = frozenset("he she they it we i you him her them us".split())

statement_occurrences = per_article_table(
    "statement_occurrences",
    Column("quote_id", String(32), primary_key=True),
    Column("statement_id", String(40), nullable=False),
    Column("speaker_key", String(128), nullable=False),
    Column("speaker", Text, nullable=False),
    Column("outlet", String(256)),
    Column("published", String(32)),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("words", Text, nullable=False),
    Index("ix_statement_speaker", "speaker_key"),
    Index("ix_statement_id", "statement_id"),
)

#: occurrences per statement, kept as they are written (schema 3): the actor page and the
#: statements list read a statement's size, they never count its occurrences (a wire quote
#: reprinted 10,000 times would be 10,000 index entries to count on every page)
statement_sizes = Table(
    "statement_sizes",
    metadata,
    Column("statement_id", String(40), primary_key=True),
    Column("n", Integer, nullable=False),
    Index("ix_statement_sizes_n", "n"),
)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def content_words(text: str) -> list[str]:
    """The words of a quotation, case, accents and punctuation folded away."""
    return re.findall(r"\w+", _fold(text).replace("’", "'"))


def speaker_of(analysis: Analysis, quote: Quote) -> str | None:
    """The speaker's name as this article gives it, or None (no speaker, or only a pronoun)."""
    if quote.speaker_name:
        return quote.speaker_name
    ent = analysis.entity(quote.speaker_entity)
    if ent is not None:
        return ent.name
    if quote.speaker is not None:
        words = content_words(quote.speaker.text)
        if words and not (len(words) == 1 and words[0] in _PRONOUNS):
            return quote.speaker.text
    return None


def speaker_key(name: str) -> str:
    """The last word of the folded name: "Donald Trump", "President Trump", "Trump" → "trump"."""
    words = [w for w in content_words(name) if not w.isdigit()]
    words = [w for w in words if w not in ("jr", "sr", "ii", "iii")] or words
    return words[-1] if words else ""


def same_statement(a: list[str], b: list[str]) -> bool:
    """Near-identical contents: word-set Jaccard ≥ 0.8, or the shorter ≥ 0.9 inside the longer."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return False
    inter = len(sa & sb)
    if inter / len(sa | sb) >= JACCARD:
        return True
    short = sa if len(sa) <= len(sb) else sb
    return len(short) >= CONTAINMENT_MIN_WORDS and inter / len(short) >= CONTAINMENT


def _statement_id(article_id: str, quote_id: str) -> str:
    return "ST" + hashlib.sha1(f"{article_id}/{quote_id}".encode()).hexdigest()[:16]


#: words of every occurrence of a statement, by speaker: the candidates a new quote is compared
#: with are the statements of its speaker that share one of its rarer words (see :func:`_probe`)
statement_words = Table(
    "statement_words",
    metadata,
    Column("speaker_key", String(128), primary_key=True),
    Column("word", String(64), primary_key=True),
    Column("statement_id", String(40), primary_key=True),
)


def min_overlap(n_words: int) -> int:
    """The fewest words a quote of ``n_words`` distinct words shares with any content
    :func:`same_statement` accepts for it: Jaccard ≥ 0.8 needs 0.8 of its own words; containment
    needs 0.9 of the shorter, which has at least ``CONTAINMENT_MIN_WORDS`` (so at least 8 words)."""
    return min(math.ceil(JACCARD * n_words - 1e-9), math.ceil(CONTAINMENT * CONTAINMENT_MIN_WORDS - 1e-9))


def _probe(words: set[str]) -> list[str]:
    """Words of a quote at least one of which every matching content contains: any
    ``len - min_overlap + 1`` of them (the prefix filter of set-similarity joins); the longest,
    which are the rarest, so the lookup reads few postings."""
    k = len(words) - min_overlap(len(words)) + 1
    return sorted(words, key=lambda w: (-len(w), w))[:k]


def _candidates(conn: Connection, key: str, words: set[str], article_id: str) -> list[tuple[str, list[str]]]:
    """(statement id, words) of the stored occurrences (other articles) a quote may repeat."""
    sw, occ = statement_words, statement_occurrences
    sids = sorted(conn.execute(select(sw.c.statement_id).distinct().where(
        sw.c.speaker_key == key[:128], sw.c.word.in_([w[:64] for w in _probe(words)]))).scalars())
    out: list[tuple[str, list[str]]] = []
    for part in in_batches(sids):
        out += [(r.statement_id, r.words.split()) for r in conn.execute(
            select(occ.c.statement_id, occ.c.words).distinct()
            .where(occ.c.statement_id.in_(part), occ.c.article_id != article_id)
            .order_by(occ.c.statement_id))]
    return out


def _postings(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"speaker_key": k, "word": w, "statement_id": sid}
            for k, w, sid in sorted({(r["speaker_key"][:128], w[:64], r["statement_id"])
                                     for r in rows for w in r["words"].split()})]


def _add_postings(conn: Connection, rows: list[dict[str, Any]]) -> None:
    up = upsert_insert(conn.dialect.name)
    posts = _postings(rows)
    if posts and up is not None:
        conn.execute(up(statement_words).on_conflict_do_nothing(), posts)
    elif posts:  # pragma: no cover - a database without upserts
        for p in posts:
            if not conn.execute(select(statement_words).filter_by(**p)).first():
                conn.execute(insert(statement_words), p)


def link_statements(conn: Connection, analysis: Analysis) -> None:
    """Write one occurrence row per groupable quote, joining the statement it repeats (AFTER_ADD hook).

    A quote is compared only with the statements of its speaker that share one of its probe words
    (an index lookup), not with every occurrence the speaker has: the same answer as comparing
    with all of them, at a cost that does not grow with the speaker's coverage."""
    art = analysis.article
    rows: list[dict[str, Any]] = []
    for q in analysis.quotes:
        if q.negated or not q.content:
            continue
        name = speaker_of(analysis, q)
        if name is None:
            continue
        key = speaker_key(name)
        text = " … ".join(s.text for s in q.content)
        words = content_words(text)
        if not key or len(words) < MIN_WORDS:
            continue
        known = _candidates(conn, key, set(words), art.id)
        sid = next((s for s, w in known if same_statement(words, w)), None) or _statement_id(art.id, q.id)
        rows.append({
            "article_id": art.id, "quote_id": q.id, "statement_id": sid, "speaker_key": key[:128],
            "speaker": name, "outlet": art.source, "published": art.published,
            "start": q.content[0].start, "end": q.content[-1].end, "text": text, "words": " ".join(words),
        })
    if rows:
        conn.execute(insert(statement_occurrences), rows)
        add_counts(conn, statement_sizes, ("statement_id",), _sizes(r["statement_id"] for r in rows))
        _add_postings(conn, rows)


def _sizes(sids: Iterable[str]) -> list[dict[str, Any]]:
    return [{"statement_id": sid, "n": n} for sid, n in sorted(Counter(sids).items())]


def unlink_statements(conn: Connection, article_id: str) -> None:
    """Drop an article's occurrences (BEFORE_REMOVE hook); statements it founded keep their other
    occurrences.  The words of a statement left with none go too (a surviving statement keeps
    the removed occurrence's words: a spare candidate, compared and passed over)."""
    occ = statement_occurrences
    sids = conn.execute(select(occ.c.statement_id).where(occ.c.article_id == article_id)).scalars().all()
    add_counts(conn, statement_sizes, ("statement_id",), _sizes(sids), sign=-1)
    conn.execute(delete(occ).where(occ.c.article_id == article_id))
    if sids:
        alive = set(conn.execute(select(statement_sizes.c.statement_id)
                                 .where(statement_sizes.c.statement_id.in_(sorted(set(sids))))).scalars())
        dead = sorted(set(sids) - alive)
        if dead:
            conn.execute(delete(statement_words).where(statement_words.c.statement_id.in_(dead)))


def recount(conn: Connection, found: int = 0) -> None:
    """The schema-3 upgrade: the kept statement sizes and the statements' words, from the occurrences."""
    if found >= 3:
        return
    occ = statement_occurrences
    conn.execute(delete(statement_sizes))
    conn.execute(insert(statement_sizes).from_select(
        ["statement_id", "n"], select(occ.c.statement_id, func.count()).group_by(occ.c.statement_id)))
    conn.execute(delete(statement_words))
    batch: list[dict[str, Any]] = []
    for r in conn.execute(select(occ.c.speaker_key, occ.c.statement_id, occ.c.words).distinct()):
        batch.append({"speaker_key": r.speaker_key, "statement_id": r.statement_id, "words": r.words})
        if len(batch) >= 5000:
            _add_postings(conn, batch)
            batch = []
    _add_postings(conn, batch)


def statements(
    store: Store,
    *,
    speaker: str | None = None,
    min_occurrences: int = 2,
    outlet: str | None = None,
    limit: int | None = 100,
) -> list[dict[str, Any]]:
    """Statements with their occurrences (outlet, article, date, span), most reprinted first.

    ``speaker`` filters by name (its last word, as stored); ``outlet`` keeps statements with
    at least one occurrence in that outlet; ``min_occurrences`` 1 lists every grouped quote.
    """
    occ, sz = statement_occurrences, statement_sizes
    counts = select(sz.c.statement_id, sz.c.n).where(sz.c.n >= min_occurrences)
    if speaker:
        counts = counts.where(sz.c.statement_id.in_(
            select(occ.c.statement_id).where(occ.c.speaker_key == speaker_key(speaker))))
    with store.engine.connect() as conn:
        found = {r.statement_id: r.n for r in conn.execute(counts)}
        if not found:
            return []
        rows = conn.execute(
            select(occ).where(occ.c.statement_id.in_(list(found))).order_by(occ.c.published, occ.c.article_id)
        ).mappings().all()
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(r["statement_id"], []).append(dict(r))
    out = []
    for sid, occs in groups.items():
        if outlet and not any(o["outlet"] == outlet for o in occs):
            continue
        longest = max(occs, key=lambda o: len(o["text"]))
        out.append({
            "id": sid,
            "speaker": longest["speaker"],
            "text": longest["text"],
            "occurrences": [
                {"outlet": o["outlet"], "article_id": o["article_id"], "quote_id": o["quote_id"],
                 "published": o["published"], "start": o["start"], "end": o["end"]}
                for o in occs
            ],
            "outlets": len({o["outlet"] for o in occs}),
        })
    out.sort(key=lambda s: (-len(s["occurrences"]), s["speaker"], s["id"]))
    return out[:limit] if limit else out


def occurrence_counts(store: Store, article_id: str) -> dict[str, int]:
    """Quote id -> how many articles carry the same statement, for one article's quotes."""
    return {qid: n for (_aid, qid), n in occurrences_of(store, [article_id]).items()}


def occurrences_of(store: Store, article_ids: list[str]) -> dict[tuple[str, str], int]:
    """(article id, quote id) -> how many occurrences its statement has, for these articles' quotes
    (quotes not grouped — negated, too short, no speaker — are absent)."""
    occ = statement_occurrences
    mine: dict[tuple[str, str], str] = {}
    n: dict[str, int] = {}
    with store.engine.connect() as conn:
        for part in in_batches(article_ids):
            for r in conn.execute(select(occ.c.article_id, occ.c.quote_id, occ.c.statement_id)
                                  .where(occ.c.article_id.in_(part))):
                mine[(r.article_id, r.quote_id)] = r.statement_id
        sids = sorted(set(mine.values()))
        for part in in_batches(sids):
            n.update(conn.execute(select(statement_sizes.c.statement_id, statement_sizes.c.n)
                                  .where(statement_sizes.c.statement_id.in_(part))).all())
    return {k: n.get(sid, 1) for k, sid in mine.items()}


AFTER_ADD.append(link_statements)
BEFORE_REMOVE.append(unlink_statements)
UPGRADES.append(recount)
