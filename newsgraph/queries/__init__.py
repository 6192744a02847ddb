"""The read queries: the one place the JSON API, the web pages, the CLI and the exports read
records from (none of them calls another for data).

They run SQL over the store's key columns (so a list request on a large
database touches an index and one page of rows, not every analysis) and return
plain dicts: each record's full JSON from the ``data`` column plus the article
fields a reader needs to find the evidence (id, title, outlet, date).
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any
from urllib.parse import quote

from sqlalchemy import and_, func, or_, select
from sqlalchemy.sql import ColumnElement
from sqlalchemy.sql.elements import literal, literal_column

from ..store import COUNT_CAP, Store, count_rows, in_batches, outlets, prefix_range
from ..store import search as fts
from ..store.schema import articles, claims, entities, events, frames, metadata, quotes, times
from ..titles import HEAD_CHARS, display_title
from . import actor_lookup as actor_api

HEAD = func.substr(articles.c.text, 1, HEAD_CHARS).label("head")
ART_COLS = [articles.c.title, articles.c.source, articles.c.published, HEAD]


def page(items: list[Any], total: int, limit: int, offset: int, *, capped: bool = False) -> dict[str, Any]:
    """A list page; ``total_capped``: the filtered count stopped at :data:`COUNT_CAP` ("1,000 or more")."""
    return {"total": total, "limit": limit, "offset": offset, "items": items, "total_capped": capped}



def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _ilike(col: Any, value: str) -> ColumnElement[bool]:
    return col.ilike(_like(value), escape="\\")


def date_range(col: Any, date_from: str | None, date_to: str | None) -> list[ColumnElement[bool]]:
    """Inclusive range on ISO dates of any precision: '2021' .. '2021-04' matches '2021-04-30'
    (:func:`newsgraph.store.prefix_range`: plain comparisons an index on ``col`` serves)."""
    return prefix_range(col, date_from, date_to)


def _art(row: Any) -> dict[str, Any]:
    return {
        "article_id": row.article_id,
        "title": display_title(row.title, row.head),
        "title_from_text": not (row.title or "").strip(),
        "source": row.source,
        "published": row.published,
    }


# -- articles -------------------------------------------------------------------


def list_articles(
    store: Store,
    *,
    q: str | None = None,
    source: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> dict[str, Any]:
    """Articles newest first (by publication date, then id: a stable order for paging)."""
    stmt = select(articles.c.id, articles.c.title, articles.c.source, articles.c.published, articles.c.url, HEAD)
    if source:
        stmt = stmt.where(articles.c.source == source)
    stmt = stmt.where(*date_range(articles.c.published, date_from, date_to))
    with store.engine.connect() as conn:
        if q:
            ids = fts.article_ids_matching(conn, q)
            if ids is None:
                return page([], 0, limit, offset)
            stmt = stmt.where(articles.c.id.in_(ids))
        total = count_rows(conn, stmt)
        rows = conn.execute(
            stmt.order_by(articles.c.published.desc().nulls_last(), articles.c.id).limit(limit).offset(offset)
        ).all()
        ids_ = [r.id for r in rows]
        counts: dict[str, dict[str, int]] = {i: {} for i in ids_}
        for name, table in (
            ("entities", entities),
            ("quotes", quotes),
            ("events", events),
            ("claims", claims),
            ("frames", frames),
        ):
            if not ids_:
                break
            for aid, n in conn.execute(
                select(table.c.article_id, func.count())
                .where(table.c.article_id.in_(ids_))
                .group_by(table.c.article_id)
            ):
                counts[aid][name] = n
    items = [
        {
            "id": r.id,
            "title": display_title(r.title, r.head),
            "title_from_text": not (r.title or "").strip(),
            "source": r.source,
            "published": r.published,
            "url": r.url,
            "counts": {
                k: counts[r.id].get(k, 0) for k in ("entities", "quotes", "events", "claims", "frames")
            },
        }
        for r in rows
    ]
    return page(items, total, limit, offset)


def sources(store: Store) -> list[str]:
    """The store's outlet names, sorted."""
    with store.engine.connect() as conn:
        return outlets(conn)


def titles(store: Store, ids: list[str]) -> dict[str, str]:
    """Display titles (own title, else first line or sentence) of the given articles."""
    out: dict[str, str] = {}
    with store.engine.connect() as conn:
        for part in in_batches(ids):
            for r in conn.execute(
                select(articles.c.id, articles.c.title, HEAD).where(articles.c.id.in_(part))
            ):
                out[r.id] = display_title(r.title, r.head)
    return out


# -- records ---------------------------------------------------------------------


def _entity_name(table: Any, col: Any, alias_name: str) -> Any:
    ent = entities.alias(alias_name)
    return ent, and_(ent.c.article_id == table.c.article_id, ent.c.id == col)


def _paged(
    store: Store,
    table: Any,
    *,
    conds: list[Any],
    names: dict[str, Any],
    order: list[Any] | None,
    limit: int,
    offset: int,
) -> tuple[list[Any], int, bool]:
    """Two-phase paging: order and count over keys only (joining entity names only when a
    filter needs them), then fetch the full records of one page.  Returns (rows, total, whether
    the total stopped at its cap: see :data:`COUNT_CAP`).  Sorting rows that carry the
    JSON ``data`` column is what made these lists slow on large stores."""
    order = order or [articles.c.published.desc().nulls_last(), articles.c.id, table.c.start]
    joins = {k: v for k, v in names.items() if any(_uses(c, v[0]) for c in [*conds, *order])}
    keys = select(table.c.article_id, table.c.id).select_from(table)
    if any(_uses(c, articles) for c in [*conds, *order]):
        # On SQLite, "+articles.id" stops the planner from scanning the record table first and then
        # sorting all of it: it walks articles in publication order instead and stops after a page.
        art_id = literal_column("+articles.id") if store.dialect == "sqlite" else articles.c.id
        keys = keys.join(articles, art_id == table.c.article_id)
    for ent, on in joins.values():
        keys = keys.outerjoin(ent, on)
    keys = keys.where(*conds)
    with store.engine.connect() as conn:
        capped = False
        if conds:
            cap = max(COUNT_CAP, offset + limit + 1)  # capped, the pager still sees a next page
            total = count_rows(conn, keys, cap)
            capped, total = total > cap, min(total, cap)
        else:  # every record has its article (foreign key): no join needed to count
            total = int(conn.execute(select(func.count()).select_from(table)).scalar_one())
        page_keys = [tuple(r) for r in conn.execute(keys.order_by(*order).limit(limit).offset(offset))]
        if not page_keys:
            return [], total, capped
        detail = select(table.c.article_id, table.c.id, table.c.data, *ART_COLS).join(
            articles, articles.c.id == table.c.article_id
        )
        for label, (ent, on) in names.items():
            detail = detail.add_columns(ent.c.name.label(label)).outerjoin(ent, on)
        # two plain INs use the primary key; a row-value IN would scan the table on SQLite
        wanted = set(page_keys)
        detail = detail.where(
            table.c.article_id.in_({a for a, _ in page_keys}), table.c.id.in_({i for _, i in page_keys})
        )
        rows = {(r.article_id, r.id): r for r in conn.execute(detail) if (r.article_id, r.id) in wanted}
    return [rows[k] for k in page_keys if k in rows], total, capped


def _page_of(
    store: Store, table: Any, *, conds: list[Any], names: dict[str, Any], order: list[Any] | None, limit: int, offset: int
) -> dict[str, Any]:
    """One page of a record list as the API returns it: each record's JSON with its article's
    fields and the entity names of ``names`` (label -> aliased entities and join condition)."""
    rows, total, capped = _paged(store, table, conds=conds, names=names, order=order, limit=limit, offset=offset)
    items = [{**_art(r), **json.loads(r.data), **{label: getattr(r, label) for label in names}} for r in rows]
    return page(items, total, limit, offset, capped=capped)


def _uses(cond: Any, ent: Any) -> bool:
    """Whether a WHERE condition refers to the aliased entities table ``ent``."""
    from sqlalchemy.sql import visitors

    return any(getattr(c, "table", None) is ent for c in visitors.iterate(cond) if hasattr(c, "table"))


def outlet_names(store: Store, outlet: str) -> list[str]:
    """The store's outlets (:func:`sources`) whose name contains ``outlet`` (case folded): the
    one meaning of an outlet filter."""
    folded = outlet.casefold()
    return [o for o in sources(store) if folded in o.casefold()]


def outlet_cond(store: Store, col: Any, outlet: str) -> ColumnElement[bool]:
    """:func:`outlet_names` given to SQL as an ``IN`` list on ``col``, which an index serves (a
    ``LIKE '%…%'`` on the column reads every row)."""
    named = outlet_names(store, outlet)
    return col.in_(named) if named else literal(False)


def _common_filters(
    store: Store,
    table: Any,
    *,
    article: str | None,
    outlet: str | None,
    date_col: Any,
    date_from: str | None,
    date_to: str | None,
    source: str | None = None,
    q: str | None = None,
    text_col: Any = None,
    outlet_col: Any = None,
) -> list[Any]:
    """The filters every record list shares, with one meaning each: ``article`` exact,
    ``outlet`` part of the outlet's name (:func:`outlet_cond`), ``source`` the exact outlet, the
    date range of :func:`date_range` on ``date_col``, and ``q``'s words all inside ``text_col``.
    ``outlet_col`` is the column holding the outlet: the article's, unless the record table
    keeps a copy (store schema 2)."""
    col = articles.c.source if outlet_col is None else outlet_col
    conds: list[Any] = []
    if source:
        conds.append(col == source)
    if article:
        conds.append(table.c.article_id == article)
    if outlet:
        conds.append(outlet_cond(store, col, outlet))
    conds += date_range(date_col, date_from, date_to)
    if q:
        words = fts.terms(q)
        conds += [_ilike(text_col, w) for w in words] if words else [literal(False)]
    return conds


def _link_fields(item: dict[str, Any], kind: str, start: Any, end: Any) -> dict[str, Any]:
    """The columns every list row ends with: the article it is in and a link to its characters."""
    return {
        "title": item.get("title"),
        "article_id": item.get("article_id"),
        f"{kind}_id": item.get("id"),
        "start": start,
        "end": end,
        "href": f"/articles/{item.get('article_id')}#{kind}-{item.get('id')}",
    }


QUOTE_SORTS = ("newest", "oldest", "speaker", "outlet")


def _negated_cond(negated: bool) -> ColumnElement[bool]:
    """Quote.negated, from the quotes table's copy of the flag (store schema 2)."""
    return quotes.c.negated.is_(True) if negated else quotes.c.negated.is_not(True)


def list_quotes(
    store: Store,
    *,
    speaker: str | None = None,
    actor: str | None = None,
    outlet: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    q: str | None = None,
    article: str | None = None,
    kind: str | None = None,
    negated: bool | None = None,
    sort: str = "newest",
    limit: int = 20,
    offset: int = 0,
) -> dict[str, Any]:
    """Quotes filtered by speaker (its name or the words naming it), cross-article ``actor`` id,
    outlet, date (the quote's, else the article's publication date), words of the quote, kind,
    negation and article; ``sort`` is one of :data:`QUOTE_SORTS` (default: newest first)."""
    ent, on = _entity_name(quotes, quotes.c.speaker_entity, "spk")
    qdate = quotes.c.said  # the quote's date, else its article's publication date
    conds: list[Any] = []
    if speaker:
        conds.append(or_(_ilike(quotes.c.speaker_text, speaker), _ilike(ent.c.name, speaker)))
    if actor:
        # the same mapping as actor_api.actor_map: the last resolution's member rows, and the
        # entity's name for entities it has not seen yet
        members = metadata.tables.get("actor_members")
        by_name = ent.c.name == actor
        if members is None:
            conds.append(by_name)
        else:
            member = members.c.article_id == quotes.c.article_id, members.c.entity_id == quotes.c.speaker_entity
            conds.append(
                or_(
                    select(members.c.entity_id).where(members.c.actor_id == actor, *member).exists(),
                    and_(by_name, ~select(members.c.entity_id).where(*member).exists()),
                )
            )
    if kind:
        conds.append(quotes.c.kind == kind)
    if negated is not None:
        conds.append(_negated_cond(negated))
    conds += _common_filters(store, quotes, article=article, outlet=outlet, date_col=qdate, date_from=date_from,
                             date_to=date_to, q=q, text_col=quotes.c.text, outlet_col=quotes.c.outlet)
    # every order reads the quotes table's own columns, in the order of its indexes
    # (ix_quotes_said, ix_quotes_outlet): a filtered page walks one index range, not the articles
    if sort == "newest":  # undated quotes last (SQLite's DESC puts NULL last by itself)
        order = [qdate.desc() if store.dialect == "sqlite" else qdate.desc().nulls_last(),
                 quotes.c.article_id, quotes.c.start]
    elif sort == "oldest":  # the exact reverse of newest
        order = [qdate.asc() if store.dialect == "sqlite" else qdate.asc().nulls_first(),
                 quotes.c.article_id.desc(), quotes.c.start.desc()]
    elif sort == "speaker":
        order = [func.coalesce(ent.c.name, quotes.c.speaker_text).asc().nulls_last(), qdate.desc(), quotes.c.article_id, quotes.c.start]
    elif sort == "outlet":
        order = [quotes.c.outlet.asc(), qdate.desc(), quotes.c.article_id, quotes.c.start]
    else:
        raise ValueError(f"sort must be one of {', '.join(QUOTE_SORTS)}")
    rows, total, capped = _paged(
        store, quotes, conds=conds, names={"speaker_name": (ent, on)}, order=order, limit=limit, offset=offset
    )
    amap = actor_api.actor_map(store, sorted({r.article_id for r in rows})) if rows else {}
    items = []
    for r in rows:
        rec = json.loads(r.data)
        items.append(
            {
                **_art(r),
                **rec,
                "speaker_name": r.speaker_name or rec.get("speaker_name"),
                "speaker_actor": amap.get((r.article_id, rec.get("speaker_entity") or "")),
            }
        )
    return page(items, total, limit, offset, capped=capped)


STATEMENT_FIELDS = (
    "date",
    "outlet",
    "speaker",
    "speaker_actor",
    "role",
    "org",
    "kind",
    "cue",
    "quote",
    "negated",
    "hedged",
    "title",
    "article_id",
    "quote_id",
    "start",
    "end",
    "href",
)


def statement_row(item: dict[str, Any]) -> dict[str, Any]:
    """One quote of :func:`list_quotes` as the flat row the who-said-what page, its CSV/JSONL
    exports and ``newsgraph said`` all show (columns :data:`STATEMENT_FIELDS`)."""
    spans = item.get("content") or []
    spk = item.get("speaker") or {}
    cue = item.get("cue") or {}
    return {
        "date": item.get("date") or item.get("published"),
        "outlet": item.get("source"),
        "speaker": item.get("speaker_name") or spk.get("text"),
        "speaker_actor": item.get("speaker_actor"),
        "role": item.get("speaker_role"),
        "org": item.get("speaker_org"),
        "kind": item.get("kind"),
        "cue": cue.get("text") or item.get("cue_lemma"),
        "quote": " … ".join(s.get("text", "") for s in spans),
        "negated": bool(item.get("negated")),
        "hedged": bool(item.get("hedged")),
        **_link_fields(item, "quote", min((s["start"] for s in spans), default=None),
                       max((s["end"] for s in spans), default=None)),
    }


def list_events(
    store: Store,
    *,
    type: str | None = None,
    actor: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    status: str | None = None,
    article: str | None = None,
    outlet: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> dict[str, Any]:
    """Events filtered by PLOVER type, actor (either side, by name), status, outlet (part of its
    name) and date range (the event's date, else the article's publication date)."""
    a_ent, a_on = _entity_name(events, events.c.actor_entity, "act")
    r_ent, r_on = _entity_name(events, events.c.recipient_entity, "rcp")
    edate = func.coalesce(events.c.date, articles.c.published)
    conds: list[Any] = []
    if type:
        conds.append(events.c.type == type.upper())
    if status:
        conds.append(events.c.status == status)
    if actor:
        conds.append(or_(_ilike(a_ent.c.name, actor), _ilike(r_ent.c.name, actor)))
    conds += _common_filters(store, events, article=article, outlet=outlet, date_col=edate, date_from=date_from, date_to=date_to)
    names = {"actor_name": (a_ent, a_on), "recipient_name": (r_ent, r_on)}
    return _page_of(store, events, conds=conds, names=names, order=None, limit=limit, offset=offset)


def list_claims(
    store: Store,
    *,
    min_score: float | None = None,
    q: str | None = None,
    article: str | None = None,
    outlet: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 20,
    offset: int = 0,
    source: str | None = None,
    actor: str | None = None,
) -> dict[str, Any]:
    """Check-worthy claims, most check-worthy first, with the claimant's name (null: the outlet).

    ``outlet`` matches part of the outlet name, ``source`` the exact outlet; ``actor`` the claimant's name."""
    ent, on = _entity_name(claims, claims.c.speaker, "clm")
    conds: list[Any] = []
    if actor:
        conds.append(_ilike(ent.c.name, actor))
    if min_score is not None:
        conds.append(claims.c.checkworthiness >= min_score)
    conds += _common_filters(store, claims, article=article, outlet=outlet, source=source,
                             date_col=claims.c.published, date_from=date_from, date_to=date_to, q=q,
                             text_col=claims.c.text, outlet_col=claims.c.outlet)
    order = [claims.c.checkworthiness.desc(), claims.c.article_id, claims.c.start]
    return _page_of(store, claims, conds=conds, names={"claimant_name": (ent, on)}, order=order, limit=limit,
                    offset=offset)


CLAIM_FIELDS = ("score", "claimant", "claim", "quantities", "hedge", "outlet", "date", "title", "article_id",
                "claim_id", "start", "end", "href")


def claim_row(item: dict[str, Any]) -> dict[str, Any]:
    """A claim as the row the claims page and its downloads show."""
    qty = []
    for x in item.get("quantities") or []:
        counted = f" ({x['counted']})" if x.get("counted") else ""
        qty.append(f"{x.get('text')}{counted}")
    return {
        "score": round(float(item.get("checkworthiness") or 0.0), 3),
        "claimant": item.get("claimant_name") or ("the outlet" if item.get("speaker") in (None, "the outlet") else item.get("speaker")),
        "claim": item.get("text"),
        "quantities": qty,
        "hedge": (item.get("hedge") or {}).get("text"),
        "outlet": item.get("source"),
        "date": item.get("published"),
        **_link_fields(item, "claim", item.get("start"), item.get("end")),
    }


def list_frames(
    store: Store,
    *,
    technique: str | None = None,
    target: str | None = None,
    voice: str | None = None,
    article: str | None = None,
    outlet: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 20,
    offset: int = 0,
    source: str | None = None,
) -> dict[str, Any]:
    """Framing cues (loaded language, persuasion techniques) with their target actor."""
    ent, on = _entity_name(frames, frames.c.target, "tgt")
    conds: list[Any] = []
    if technique:
        conds.append(func.lower(frames.c.technique) == technique.lower())
    if voice:
        conds.append(frames.c.voice == voice)
    if target:
        conds.append(_ilike(ent.c.name, target))
    conds += _common_filters(store, frames, article=article, outlet=outlet, source=source, date_col=articles.c.published,
                             date_from=date_from, date_to=date_to)
    return _page_of(store, frames, conds=conds, names={"target_name": (ent, on)}, order=None, limit=limit,
                    offset=offset)


FRAME_FIELDS = ("technique", "cue", "target", "voice", "explanation", "outlet", "date", "title", "article_id",
                "frame_id", "start", "end", "href")


def frame_row(item: dict[str, Any]) -> dict[str, Any]:
    """A framing cue as the row the framing page and its downloads show."""
    return {
        "technique": item.get("technique"),
        "cue": item.get("text"),
        "target": item.get("target_name") or item.get("target_text"),
        "voice": item.get("voice"),
        "explanation": item.get("explanation"),
        "outlet": item.get("source"),
        "date": item.get("published"),
        **_link_fields(item, "frame", item.get("start"), item.get("end")),
    }


def frame_summary(
    store: Store, *, outlet: str | None = None, date_from: str | None = None, date_to: str | None = None
) -> dict[str, Any]:
    """Counts of framing cues by technique and outlet (the framing page's cross-table)."""
    stmt = (  # the frames' own copies of outlet and date: one covering index (ix_frames_summary)
        select(frames.c.technique, frames.c.outlet, func.count())
        .where(*date_range(frames.c.published, date_from, date_to))
        .group_by(frames.c.technique, frames.c.outlet)
    )
    if outlet:
        stmt = stmt.where(outlet_cond(store, frames.c.outlet, outlet))
    cells: dict[str, dict[str, int]] = {}
    outlets: set[str] = set()
    with store.engine.connect() as conn:
        for tech, src, n in conn.execute(stmt):
            cells.setdefault(tech or "?", {})[src or "(no outlet)"] = int(n)
            outlets.add(src or "(no outlet)")
    techniques = sorted(cells, key=lambda t: (-sum(cells[t].values()), t))
    return {"outlets": sorted(outlets), "techniques": techniques, "cells": cells}


# -- timeline ---------------------------------------------------------------------

_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def parse_date(value: str | None) -> date | None:
    """First day of an ISO date of year/month/day (or ISO week) precision; None for anything else."""
    if not value:
        return None
    w = _WEEK.match(value)
    if w:
        try:
            return date.fromisocalendar(int(w.group(1)), int(w.group(2)), 1)
        except ValueError:
            return None
    m = _ISO.match(value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def _year_prefilter(col: Any, date_from: str | None, date_to: str | None) -> list[Any]:
    """SQL conditions that drop only rows :func:`newsgraph.timeline.overlaps` would drop anyway
    (:func:`newsgraph.timeline.year_bounds`), so a date-filtered timeline reads its years, not
    the whole store."""
    from ..timeline import year_bounds

    lo, hi = year_bounds(date_from, date_to)
    if lo is not None and hi is not None and 0 < int(hi) - int(lo) <= 200:
        # both bounds: one range plus the few shorter values (decades "201", centuries "20", "2")
        # that can overlap its years, an IN list; both parts are index ranges, unlike length()
        short = sorted({str(y)[:n] for y in range(int(lo), int(hi)) for n in (1, 2, 3)})
        return [or_(and_(col >= lo, col < hi), col.in_(short))]
    out = []
    if lo is not None:
        out.append(or_(col >= lo, func.length(col) < 4))
    if hi is not None:
        out.append(or_(col < hi, func.length(col) < 4))
    return out


def timeline(
    store: Store,
    *,
    kind: str = "events",
    type: str | None = None,
    actor: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    window: str = "news",
    group: str = "mentions",
    limit: int = 500,
    outlet: str | None = None,
    latest: bool = False,
) -> dict[str, Any]:
    """THE timeline query (CLI, API and web page all call it): dated items in date order with evidence.

    ``kind`` is ``events`` (events whose own date is known), ``times`` (time expressions with
    a calendar value) or ``all``.  ``date_from``/``date_to`` keep items whose calendar span
    *overlaps* the range (:func:`newsgraph.timeline.overlaps`: "2020-06" is kept for
    ``date_from=2020-06-15``).  ``window`` is ``news`` (events reported within days of
    publication, the default), ``background`` (history the articles recall) or ``all``; what the
    window leaves out is counted in ``folded``.  ``group="reports"`` shows one item per reported
    event across articles (:mod:`newsgraph.store.reported`) with its ``reports``.  ``outlet``
    keeps one outlet's articles.

    ``latest=True`` returns the newest ``limit`` items (still in date order) and reads only as
    many rows as that takes, newest first through the date indexes, in batches: the page of a
    100,000-article store must not decode every dated event.  ``total`` then counts what was
    read and ``complete`` says whether that was everything; ``folded`` counts the rows read.
    Without it every dated row is read and the oldest ``limit`` are returned.
    """
    from ..timeline import in_window, overlaps, relation

    def rows(conn: Any, stmt: Any, order: tuple[Any, ...]) -> Any:
        """All rows in date order, or (``latest``) newest-first batches until the caller stops."""
        if not latest:
            yield from conn.execute(stmt.order_by(*order))
            return
        desc = tuple(c.desc() for c in order)
        batch, offset = max(200, 2 * limit), 0
        while True:
            got = conn.execute(stmt.order_by(*desc).limit(batch).offset(offset)).all()
            yield from got
            if len(got) < batch:
                return
            offset += batch

    complete = True

    items: list[dict[str, Any]] = []
    folded = {"background": 0, "news": 0}
    with store.engine.connect() as conn:
        if kind in ("events", "all"):
            a_ent, a_on = _entity_name(events, events.c.actor_entity, "act")
            r_ent, r_on = _entity_name(events, events.c.recipient_entity, "rcp")
            stmt = (
                select(
                    events.c.article_id,
                    events.c.id,
                    events.c.date,
                    events.c.type,
                    events.c.data,
                    a_ent.c.name.label("actor_name"),
                    r_ent.c.name.label("recipient_name"),
                    *ART_COLS,
                )
                .join(articles, articles.c.id == events.c.article_id)
                .outerjoin(a_ent, a_on)
                .outerjoin(r_ent, r_on)
                .where(events.c.date.is_not(None))
            )
            stmt = stmt.where(*_year_prefilter(events.c.date, date_from, date_to))
            if outlet:
                stmt = stmt.where(articles.c.source == outlet)
            if type:
                stmt = stmt.where(func.upper(events.c.type) == type.upper())
            if actor:
                stmt = stmt.where(or_(_ilike(a_ent.c.name, actor), _ilike(r_ent.c.name, actor)))
            n_events = 0
            for r in rows(conn, stmt, (events.c.date, events.c.article_id, events.c.id)):
                if latest and n_events >= limit:
                    complete = False
                    break
                if not overlaps(r.date, date_from, date_to):
                    continue
                ev = json.loads(r.data)
                rel = ev.get("relation") or relation(r.date, r.published)
                if not in_window(window, rel):
                    folded["news" if rel == "reported" else "background"] += 1
                    continue
                items.append(
                    {
                        **_art(r),
                        "kind": "event",
                        "id": r.id,
                        "date": r.date,
                        "type": r.type,
                        "mode": ev.get("mode"),
                        "status": ev.get("status"),
                        "relation": rel,
                        "label": ev["trigger"]["text"],
                        "actor_name": r.actor_name or (ev.get("actor") or {}).get("text"),
                        "recipient_name": r.recipient_name or (ev.get("recipient") or {}).get("text"),
                        "actor_entity": (ev.get("actor") or {}).get("entity"),
                        "recipient_entity": (ev.get("recipient") or {}).get("entity"),
                        "location": (ev.get("location") or {}).get("text"),
                        "evidence": ev["sentence"],
                        "href": f"/articles/{r.article_id}#event-{r.id}",
                    }
                )
                n_events += 1
        if kind in ("times", "all") and not type and not actor:
            stmt = (
                select(
                    times.c.article_id,
                    times.c.id,
                    times.c.value,
                    times.c.text,
                    times.c.start,
                    times.c.end,
                    *ART_COLS,
                )
                .join(articles, articles.c.id == times.c.article_id)
                .where(times.c.value.is_not(None), times.c.type == "DATE",
                       *_year_prefilter(times.c.value, date_from, date_to))
            )
            if outlet:
                stmt = stmt.where(articles.c.source == outlet)
            n_times = 0
            for r in rows(conn, stmt, (times.c.value, times.c.article_id, times.c.id)):
                if latest and n_times >= limit:
                    complete = False
                    break
                if parse_date(r.value) is None or not overlaps(r.value, date_from, date_to):
                    continue
                rel = relation(r.value, r.published)
                if not in_window(window, rel):
                    folded["news" if rel == "reported" else "background"] += 1
                    continue
                items.append(
                    {
                        **_art(r),
                        "kind": "time",
                        "id": r.id,
                        "date": r.value,
                        "type": "TIME",
                        "relation": rel,
                        "label": r.text,
                        "actor_name": None,
                        "recipient_name": None,
                        "evidence": {"start": r.start, "end": r.end, "text": r.text},
                        "href": f"/articles/{r.article_id}#time-{r.id}",
                    }
                )
                n_times += 1
    items.sort(key=lambda i: (i["date"], i["article_id"], i["id"]))
    if group == "reports":
        from ..store.reported import group_items

        items = group_items(store, items)
    complete = complete and len(items) <= limit  # every matching item is in the answer
    shown = items[-limit:] if latest else items[:limit]
    return {"total": len(items), "items": shown, "window": window, "complete": complete,
            "folded": {k: v for k, v in folded.items() if v}}


# -- network ----------------------------------------------------------------------


NETWORK_KINDS = ("acts_on", "quoted_about")


def network(
    store: Store, *, max_nodes: int = 80, kinds: tuple[str, ...] | None = None, min_weight: int = 1,
    outlet: str | None = None, date_from: str | None = None, date_to: str | None = None,
) -> dict[str, Any]:
    """Actor graph: who acts on whom (events) and who is quoted about whom (mentions inside quotes).

    The one edge definition is :func:`newsgraph.store.edges.article_edges`, kept at write time;
    ``kinds`` keeps only those edge types, ``outlet`` and the date range only the edges of the
    matching articles, edges lighter than ``min_weight`` are dropped, then the ``max_nodes``
    actors of highest degree are kept (the rest would be an unreadable hairball)."""
    from ..actors.network import page_network
    from ..store.edges import entity_edges

    conds = [*date_range(entity_edges.c.published, date_from, date_to)]
    return page_network(store, max_nodes=max_nodes, kinds=tuple(kinds or NETWORK_KINDS), min_weight=min_weight,
                        conds=tuple(conds), outlets=outlet_names(store, outlet) if outlet else None)


# -- stories ----------------------------------------------------------------------

#: the stories index lists each story by its first this many articles (``more`` counts the rest)
STORY_LIST_ARTICLES = 10


def stories(store: Store, *, limit: int = 50, offset: int = 0, min_size: int = 2) -> dict[str, Any]:
    """Stories with at least ``min_size`` articles, biggest first (then most outlets, newest).
    Each lists its first :data:`STORY_LIST_ARTICLES` articles by date, ``size`` all of them.

    Membership is the store's ``stories`` table, written when each article is stored
    (:mod:`newsgraph.store.stories`: near-copies, then same-event coverage); nothing is
    recomputed here."""
    from ..store.stories import stories as st
    from ..store.stories import story_outlets as so
    from ..store.stories import story_sizes as sz

    with store.engine.connect() as conn:
        # the sizes kept at write time (store.stories.story_sizes), read in their index's order
        total = int(conn.execute(select(func.count()).select_from(sz).where(sz.c.n >= min_size)).scalar_one())
        size = {r.story_id: (r.n, r.outlets) for r in conn.execute(
            select(sz.c.story_id, sz.c.n, sz.c.outlets).where(sz.c.n >= min_size)
            .order_by(sz.c.n.desc(), sz.c.outlets.desc(), sz.c.story_id).limit(limit).offset(offset))}
        chosen = list(size)
        members: dict[str, list[str]] = {sid: [] for sid in chosen}
        outlets: dict[str, set[str]] = {sid: set() for sid in chosen}
        for sid in chosen:
            # the first STORY_LIST_ARTICLES articles of the story by date, an index range
            # (ix_stories_order): a story of a thousand near-copies is listed by its first few
            # here, and in full on its own page; undated articles after the dated ones
            members[sid] = list(conn.execute(
                select(st.c.article_id).where(st.c.story_id == sid, st.c.published.is_not(None))
                .order_by(st.c.published, st.c.article_id).limit(STORY_LIST_ARTICLES)).scalars())
            if len(members[sid]) < STORY_LIST_ARTICLES:
                members[sid] += conn.execute(
                    select(st.c.article_id).where(st.c.story_id == sid, st.c.published.is_(None))
                    .order_by(st.c.article_id).limit(STORY_LIST_ARTICLES - len(members[sid]))).scalars()
        if chosen:
            for r in conn.execute(select(so.c.story_id, so.c.outlet)
                                  .where(so.c.story_id.in_(chosen), so.c.outlet != "")):
                outlets[r.story_id].add(r.outlet)
    refs = _article_refs(store, [a for sid in chosen for a in members[sid]])
    items = []
    for sid in chosen:
        arts = sorted((refs[a] for a in members[sid] if a in refs), key=lambda a: (a["published"] or "", a["id"]))
        n = size.get(sid, (len(arts), 0))[0]
        items.append({"id": sid, "size": int(n), "outlets": sorted(outlets[sid]), "articles": arts,
                      "more": max(0, int(n) - len(arts)),
                      "title": arts[0]["title"] if arts else sid, "href": f"/stories/{sid}"})
    return page(items, total, limit, offset)


def story_of(store: Store, article_id: str) -> str | None:
    """The story id of one article (None when it has no row yet)."""
    from ..store.stories import stories as st

    with store.engine.connect() as conn:
        return conn.execute(select(st.c.story_id).where(st.c.article_id == article_id)).scalar_one_or_none()


def _article_refs(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for part in in_batches(ids):
            for r in conn.execute(
                select(articles.c.id, articles.c.url, *ART_COLS).where(articles.c.id.in_(part))
            ):
                out[r.id] = {
                    "url": r.url,
                    "id": r.id,
                    "title": display_title(r.title, r.head),
                    "source": r.source,
                    "published": r.published,
                }
    return out


#: the story brief reads the first this many articles of each outlet (by date): a story of
#: thousands of near-copies is briefed from its first coverage in every outlet, and says so
STORY_BRIEF_PER_OUTLET = 20


def story_brief(
    store: Store, story_id: str, *, max_claims: int = 15, per_outlet: int = STORY_BRIEF_PER_OUTLET
) -> dict[str, Any] | None:
    """One story as a brief: its articles by outlet, who is quoted in each outlet, the labels each
    outlet uses for the story's main actors, the claims to check and the reported events.

    Size, outlets and dates count every article of the story; the rest is read from the first
    ``per_outlet`` articles of each outlet (``read`` says how many, ``more`` per outlet how many
    are not listed), so the page costs the same for a story of ten articles or ten thousand.
    None when no article belongs to ``story_id``."""
    from ..store.stories import stories as st

    with store.engine.connect() as conn:
        # one range of ix_stories_order, in its order (date, then id): no article row is read
        members = [tuple(r) for r in conn.execute(
            select(st.c.article_id, st.c.outlet, st.c.published).where(st.c.story_id == story_id)
            .order_by(st.c.published, st.c.article_id))]
        if not members:
            return None
        dates = [m[2] for m in members if m[2]]
        members_of: dict[str, list[str]] = {}  # outlet -> its articles, dated first
        for aid, outlet, _published in [m for m in members if m[2]] + [m for m in members if not m[2]]:
            members_of.setdefault(outlet or "(no outlet)", []).append(aid)
        ids = [a for arts in members_of.values() for a in arts[:per_outlet]]
        more = {o: len(arts) - min(len(arts), per_outlet) for o, arts in members_of.items()}
        refs = _article_refs(store, ids)
        outlet_of = {a: (refs[a]["source"] or "(no outlet)") for a in ids if a in refs}
        ent_rows = conn.execute(
            select(entities.c.article_id, entities.c.id, entities.c.name, entities.c.type, entities.c.data).where(
                entities.c.article_id.in_(ids)
            )
        ).all()
        q_rows = conn.execute(
            select(quotes.c.article_id, quotes.c.id, quotes.c.kind, quotes.c.speaker_text, quotes.c.speaker_entity,
                   quotes.c.text, quotes.c.start, quotes.c.end).where(quotes.c.article_id.in_(ids))
        ).all()
        c_rows = conn.execute(
            select(claims.c.article_id, claims.c.data, claims.c.speaker)
            .where(claims.c.article_id.in_(ids))
            .order_by(claims.c.checkworthiness.desc(), claims.c.article_id, claims.c.start)
            .limit(max_claims)
        ).all()
        e_rows = conn.execute(
            select(events.c.article_id, events.c.id, events.c.data, events.c.date, events.c.type,
                   events.c.actor_entity, events.c.recipient_entity).where(events.c.article_id.in_(ids))
        ).all()
    amap = actor_api.actor_map(store, ids)
    ent_name = {(r.article_id, r.id): r.name for r in ent_rows}
    # main actors: in most articles of the story, then most mentions
    score: dict[str, list[int]] = {}
    display: dict[str, str] = {}
    labels: dict[str, dict[str, dict[str, int]]] = {}
    for r in ent_rows:
        if r.type not in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        actor = amap.get((r.article_id, r.id)) or r.name
        data = json.loads(r.data)
        s = score.setdefault(actor, [0, 0])
        s[0] += 1
        s[1] += len(data.get("mentions") or [])
        display.setdefault(actor, r.name)
        for lab in data.get("labels") or []:
            text = " ".join(str(lab.get("text", "")).split())
            if text:
                per = labels.setdefault(actor, {}).setdefault(outlet_of.get(r.article_id, "?"), {})
                per[text] = per.get(text, 0) + 1
    main = sorted(score, key=lambda a: (-score[a][0], -score[a][1], display[a]))[:8]
    main_actors = [
        {"id": a, "name": display[a], "articles": score[a][0], "mentions": score[a][1],
         "labels": {o: sorted(v.items(), key=lambda kv: (-kv[1], kv[0])) for o, v in sorted(labels.get(a, {}).items())},
         "href": f"/actors/{quote(a, safe='')}"}
        for a in main
    ]
    quoted: dict[str, dict[str, dict[str, Any]]] = {}
    for r in q_rows:
        name = ent_name.get((r.article_id, r.speaker_entity or "")) or r.speaker_text
        if not name:
            continue
        o = outlet_of.get(r.article_id, "?")
        who = quoted.setdefault(o, {}).setdefault(name, {"name": name, "count": 0, "actor": amap.get(
            (r.article_id, r.speaker_entity or "")), "first": f"/articles/{r.article_id}#quote-{r.id}"})
        who["count"] += 1
    claims_out = []
    for r in c_rows:
        rec = json.loads(r.data)
        item = {**rec, **{k: refs[r.article_id][k] for k in ("title", "source", "published")}, "article_id": r.article_id,
                "claimant_name": ent_name.get((r.article_id, r.speaker or ""))}
        claims_out.append(claim_row(item))
    timeline_items = []
    for r in e_rows:
        ev = json.loads(r.data)
        ref = refs.get(r.article_id, {})
        timeline_items.append({
            "article_id": r.article_id, "id": r.id, "kind": "event", "date": r.date or ref.get("published"),
            "dated": bool(r.date), "type": r.type, "label": ev["trigger"]["text"],
            "actor_name": ent_name.get((r.article_id, r.actor_entity or "")),
            "recipient_name": ent_name.get((r.article_id, r.recipient_entity or "")),
            "evidence": ev["sentence"], "source": ref.get("source"), "title": ref.get("title"),
            "published": ref.get("published"), "href": f"/articles/{r.article_id}#event-{r.id}",
        })
    timeline_items.sort(key=lambda i: (i["date"] or "", i["article_id"], i["id"]))
    arts = sorted((refs[a] for a in ids if a in refs), key=lambda a: (a["published"] or "", a["id"]))
    by_outlet: dict[str, list[dict[str, Any]]] = {}
    for a in arts:
        by_outlet.setdefault(a["source"] or "(no outlet)", []).append(a)
    return {
        "id": story_id,
        "title": arts[0]["title"] if arts else story_id,
        "size": len(members),
        "read": len(ids),
        "per_outlet": per_outlet,
        "outlets": sorted(members_of),
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
        "articles": arts,
        "by_outlet": by_outlet,
        "more": {o: n for o, n in sorted(more.items()) if n},
        "quoted": {o: sorted(v.values(), key=lambda x: (-x["count"], x["name"])) for o, v in sorted(quoted.items())},
        "main_actors": main_actors,
        "claims": claims_out,
        "events": timeline_items,
    }


def story_markdown(brief: dict[str, Any], base_url: str = "") -> str:
    """The story brief as Markdown (for a newsroom wiki or a report); links are relative to ``base_url``."""

    def esc(text: Any) -> str:
        return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", " ".join(str(text or "").split()))

    out = [f"# {esc(brief['title'])}", "",
           f"{brief['size']} articles from {len(brief['outlets'])} outlets, {brief['first'] or '?'} to {brief['last'] or '?'}.", ""]
    if brief["read"] < brief["size"]:
        out += [f"Quotes, labels, claims and events are from the first {brief['read']} articles "
                f"(the first {brief['per_outlet']} of each outlet).", ""]
    out += ["## Coverage", ""]
    for o, arts in brief["by_outlet"].items():
        more = brief["more"].get(o)
        out.append(f"- **{esc(o)}**: " + "; ".join(
            f"[{esc(a['title'])}]({base_url}/articles/{a['id']}) ({a['published'] or 'undated'})" for a in arts)
            + (f"; and {more} more" if more else ""))
    out += ["", "## Who is quoted, by outlet", ""]
    for o, people in brief["quoted"].items():
        out.append(f"- **{esc(o)}**: " + ", ".join(f"{esc(p['name'])} ({p['count']})" for p in people))
    if not brief["quoted"]:
        out.append("- nobody is quoted")
    out += ["", "## Labels for the main actors, by outlet", ""]
    for a in brief["main_actors"]:
        if a["labels"]:
            per = "; ".join(f"{esc(o)}: " + ", ".join(f"“{esc(t)}”" for t, _ in v) for o, v in a["labels"].items())
            out.append(f"- **{esc(a['name'])}** — {per}")
        else:
            out.append(f"- **{esc(a['name'])}** — no labels ({a['articles']} articles)")
    out += ["", "## Claims to check", ""]
    for c in brief["claims"]:
        extra = f" — quantities: {esc(', '.join(c['quantities']))}" if c["quantities"] else ""
        hedge = f" — hedged: “{esc(c['hedge'])}”" if c["hedge"] else ""
        out.append(f"- {c['score']:.2f} “{esc(c['claim'])}” ({esc(c['claimant'])}, {esc(c['outlet'])}){extra}{hedge}")
    if not brief["claims"]:
        out.append("- none")
    out += ["", "## Reported events", ""]
    for e in brief["events"]:
        who = f"{esc(e['actor_name'] or '?')} → {esc(e['recipient_name'] or '?')}"
        out.append(f"- {e['date'] or '?'}{'' if e['dated'] else ' (published)'} **{e['type']}** {who}: "
                   f"“{esc(e['evidence']['text'])}” ({esc(e['source'])})")
    if not brief["events"]:
        out.append("- none")
    return "\n".join(out) + "\n"
