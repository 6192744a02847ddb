"""Cross-article actors as the API and the pages see them: one seam, two backends.

The cross-article actors work (``newsgraph.graph`` / ``newsgraph.store.actors``)
owns how per-article entities become corpus-wide actors.  Until it is available
this module groups per-article entities by a normalized name, which is wrong
for homonyms and for "Biden" vs "Joe Biden" but keeps every page working.
Everything else in the API and the web UI goes through the functions below, so
switching backends changes no caller.

An actor is a plain dict: ``{"id", "name", "type", "kind", "country",
"aliases", "articles", "mentions"}``; a profile adds ``roles`` (over time),
``labels`` (by outlet), ``quotes``, ``events`` and ``article_list``.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import func, or_, select, tuple_

from ..store import Store
from ..store.schema import articles, entities, events, quotes

_lock = threading.Lock()
_cache: dict[str, tuple[Any, dict[str, dict[str, Any]]]] = {}


def normalize_name(name: str) -> str:
    """Case-, width- and spacing-insensitive form of a name; keeps non-Latin letters."""
    name = unicodedata.normalize("NFKC", name).casefold()
    name = re.sub(r"^the\s+", "", name.strip())
    name = re.sub(r"['’`]s$", "", name)
    return re.sub(r"[\s\-‐‑–—_.,'’`]+", " ", name).strip()


def actor_key(name: str) -> str:
    """The stable id of the fallback backend: the normalized name as a URL-safe slug."""
    return re.sub(r"[^\w]+", "-", normalize_name(name)).strip("-") or "unnamed"


def _index(store: Store) -> dict[str, dict[str, Any]]:
    """Actor id -> grouped entities; cached until the entities table changes."""
    with store.engine.connect() as conn:
        stamp = conn.execute(
            select(func.count(), func.max(entities.c.article_id)).select_from(entities)
        ).one()
        with _lock:
            hit = _cache.get(store.url)
            if hit and hit[0] == tuple(stamp):
                return hit[1]
        rows = conn.execute(
            select(
                entities.c.article_id,
                entities.c.id,
                entities.c.name,
                entities.c.type,
                entities.c.kind,
                entities.c.country,
                entities.c.data,
            )
        ).all()
    groups: dict[str, dict[str, Any]] = {}
    for r in rows:
        key = actor_key(r.name)
        g = groups.setdefault(
            key,
            {
                "id": key,
                "members": [],
                "names": Counter(),
                "types": Counter(),
                "kinds": Counter(),
                "countries": Counter(),
                "aliases": set(),
            },
        )
        g["members"].append((r.article_id, r.id))
        g["names"][r.name] += 1
        g["types"][r.type] += 1
        g["kinds"][r.kind or "other"] += 1
        if r.country:
            g["countries"][r.country] += 1
        try:
            g["aliases"].update(json.loads(r.data).get("aliases") or [])
        except ValueError:
            pass
    with _lock:
        _cache[store.url] = (tuple(stamp), groups)
    return groups


def _summary(g: dict[str, Any]) -> dict[str, Any]:
    name = g["names"].most_common(1)[0][0]
    aliases = sorted((set(g["names"]) | g["aliases"]) - {name})
    return {
        "id": g["id"],
        "name": name,
        "type": g["types"].most_common(1)[0][0],
        "kind": g["kinds"].most_common(1)[0][0],
        "country": g["countries"].most_common(1)[0][0] if g["countries"] else None,
        "aliases": aliases,
        "articles": len({a for a, _ in g["members"]}),
        "mentions": len(g["members"]),
    }


def _fb_list_actors(
    store: Store, *, kind: str | None = None, search: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """Actors, most widely reported first, optionally filtered by kind/type and a name fragment."""
    items = [_summary(g) for g in _index(store).values()]
    if kind:
        k = kind.casefold()
        items = [a for a in items if a["kind"].casefold() == k or a["type"].casefold() == k]
    if search:
        s = normalize_name(search)
        items = [
            a
            for a in items
            if s in normalize_name(a["name"]) or any(s in normalize_name(x) for x in a["aliases"])
        ]
    items.sort(key=lambda a: (-a["articles"], -a["mentions"], a["name"].casefold(), a["id"]))
    return items[offset : offset + limit], len(items)


def _fb_resolve(store: Store, name_or_id: str) -> str | None:
    index = _index(store)
    if name_or_id in index:
        return name_or_id
    key = actor_key(name_or_id)
    return key if key in index else None


def _article_refs(conn: Any, ids: list[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for chunk in range(0, len(ids), 500):
        for r in conn.execute(
            select(articles.c.id, articles.c.title, articles.c.source, articles.c.published).where(
                articles.c.id.in_(ids[chunk : chunk + 500])
            )
        ):
            out[r.id] = {"article_id": r.id, "title": r.title, "source": r.source, "published": r.published}
    return out


def _fb_actor_profile(store: Store, name_or_id: str, *, limit: int = 200) -> dict[str, Any]:
    key = _fb_resolve(store, name_or_id)
    if key is None:
        raise ActorLookupError(f"no actor matches {name_or_id!r}")
    g = _index(store)[key]
    prof = _summary(g)
    members = g["members"]
    ids = list(set(members))
    art_ids = sorted({a for a, _ in members})
    with store.engine.connect() as conn:
        arts = _article_refs(conn, art_ids)
        ent_rows = conn.execute(
            select(entities.c.article_id, entities.c.data).where(
                tuple_(entities.c.article_id, entities.c.id).in_(ids)
            )
        ).all()
        quote_rows = conn.execute(
            select(quotes.c.article_id, quotes.c.data)
            .where(tuple_(quotes.c.article_id, quotes.c.speaker_entity).in_(ids))
            .limit(limit)
        ).all()
        ev_rows = conn.execute(
            select(events.c.article_id, events.c.data)
            .where(
                or_(
                    tuple_(events.c.article_id, events.c.actor_entity).in_(ids),
                    tuple_(events.c.article_id, events.c.recipient_entity).in_(ids),
                )
            )
            .limit(limit)
        ).all()
        names = {
            (r.article_id, r.id): r.name
            for r in conn.execute(
                select(entities.c.article_id, entities.c.id, entities.c.name).where(
                    entities.c.article_id.in_(art_ids)
                )
            )
        }

    def art(aid: str) -> dict[str, Any]:
        return arts.get(aid) or {"article_id": aid, "title": None, "source": None, "published": None}

    roles: list[dict[str, Any]] = []
    labels: dict[str, Counter] = defaultdict(Counter)
    label_by: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in ent_rows:
        data = json.loads(r.data)
        a = art(r.article_id)
        for role in data.get("roles") or []:
            roles.append(
                {
                    **a,
                    "date": a["published"],
                    "role": role.get("role"),
                    "org": role.get("org"),
                    "evidence": (role.get("evidence") or {}).get("text"),
                    "href": f"/articles/{r.article_id}",
                }
            )
        for label in data.get("labels") or []:
            outlet = a["source"] or "(unknown outlet)"
            labels[outlet][label.get("text", "")] += 1
            if label.get("by") and (r.article_id, label["by"]) in names:
                label_by[(outlet, label.get("text", ""))].add(names[(r.article_id, label["by"])])
    roles.sort(key=lambda x: (x["date"] or "", x["role"] or ""))
    quotes_by = []
    for r in quote_rows:
        q = json.loads(r.data)
        a = art(r.article_id)
        quotes_by.append(
            {
                **a,
                "date": q.get("date") or a["published"],
                "kind": q["kind"],
                "text": " … ".join(c["text"] for c in q["content"]),
                "cue": (q.get("cue") or {}).get("text"),
                "href": f"/articles/{r.article_id}#quote-{q['id']}",
            }
        )
    evs = []
    for r in ev_rows:
        ev = json.loads(r.data)
        a = art(r.article_id)
        who = (ev.get("actor") or {}).get("entity")
        whom = (ev.get("recipient") or {}).get("entity")
        evs.append(
            {
                **a,
                "date": ev.get("date") or a["published"],
                "type": ev["type"],
                "status": ev["status"],
                "role": "actor" if (r.article_id, who) in g["members"] else "recipient",
                "trigger": ev["trigger"]["text"],
                "sentence": ev["sentence"]["text"],
                "actor": _ref(names.get((r.article_id, who))),
                "recipient": _ref(names.get((r.article_id, whom))),
                "href": f"/articles/{r.article_id}#event-{ev['id']}",
            }
        )
    return {
        **prof,
        "backend": "names",
        "roles": roles,
        "labels": {
            o: [{"label": k, "count": n, "by": sorted(label_by.get((o, k), ()))} for k, n in c.most_common()]
            for o, c in sorted(labels.items())
        },
        "quotes": sorted(quotes_by, key=lambda q: (q["date"] or "", q["article_id"])),
        "quotes_about": [],
        "events": sorted(evs, key=lambda e: (e["date"] or "", e["article_id"])),
        "article_list": sorted((art(a) for a in art_ids), key=lambda a: a["published"] or "", reverse=True),
    }


def _ref(name: str | None) -> dict[str, str] | None:
    return {"id": actor_key(name), "name": name} if name else None


# -- the cross-article actors backend (newsgraph.actors), when present -------------------------


def _real() -> Any:
    """``(newsgraph.actors, newsgraph.store.actors)`` or None when the actors work is absent."""
    try:
        from .. import actors as real
        from ..store import actors as real_db
    except ImportError:
        return None
    if not hasattr(real, "actor_profile") or not hasattr(real_db, "ensure_resolved"):
        return None
    return real, real_db


class ActorLookupError(LookupError):
    """No actor (or several) answer to a name; ``candidates`` lists the several."""

    def __init__(self, message: str, candidates: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.candidates = candidates or []


def backend() -> str:
    return "actors" if _real() else "names"


def list_actors(
    store: Store, *, kind: str | None = None, search: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """Actors, most widely reported first; ``kind`` is an actor kind (or an entity type)."""
    real = _real()
    if real is None:
        return _fb_list_actors(store, kind=kind, search=search, limit=limit, offset=offset)
    items = [a.model_dump() for a in real[0].actors(store, search=search)]
    if kind:
        k = kind.casefold()
        items = [a for a in items if a["kind"].casefold() == k or a["type"].casefold() == k]
    return items[offset : offset + limit], len(items)


def _entity_rows(store: Store, article_ids: list[str] | None) -> list[Any]:
    stmt = select(entities.c.article_id, entities.c.id, entities.c.name)
    with store.engine.connect() as conn:
        if article_ids is None:
            return conn.execute(stmt).all()
        return [
            r
            for i in range(0, len(article_ids), 500)
            for r in conn.execute(stmt.where(entities.c.article_id.in_(article_ids[i : i + 500])))
        ]


def actor_map(
    store: Store, article_ids: list[str] | None = None, *, fresh: bool = False
) -> dict[tuple[str, str], str]:
    """(article id, entity id) -> actor id, for these articles (None: all of them).

    Cross-article resolution is a whole-corpus step that can take minutes on a large store, so
    pages and lists do not wait for it (``fresh=False``): they use the last resolution and link
    entities it has not seen yet by name (``/actors/{name}`` resolves names too).
    """
    real = _real()
    if real is None:
        return {(r.article_id, r.id): actor_key(r.name) for r in _entity_rows(store, article_ids)}
    db = real[1]
    if fresh:
        db.ensure_resolved(store)
    with store.engine.connect() as conn:
        out = db.all_members(conn) if article_ids is None else db.members_of_articles(conn, article_ids)
    for r in _entity_rows(store, article_ids):
        out.setdefault((r.article_id, r.id), r.name)
    return out


def actor_names(store: Store, ids: set[str]) -> dict[str, str]:
    """Actor id -> display name."""
    real = _real()
    if real is None:
        index = _index(store)
        return {i: _summary(index[i])["name"] for i in ids if i in index}
    with store.engine.connect() as conn:
        return real[1].actor_names(conn, ids)


def actor_ids(store: Store, article_id: str) -> dict[str, str]:
    """Entity id -> actor id for one article (for the links of the article page)."""
    return {eid: act for (_aid, eid), act in actor_map(store, [article_id]).items()}


def actor_profile(store: Store, name_or_id: str) -> dict[str, Any]:
    """One actor: aliases, roles over time, labels by outlet, quotes by and about it, events.

    Raises :class:`ActorLookupError` when no actor (or more than one) answers to ``name_or_id``.
    """
    real = _real()
    if real is None:
        return _fb_actor_profile(store, name_or_id)
    mod = real[0]
    try:
        p = mod.actor_profile(store, name_or_id)
    except LookupError as exc:
        cands = [c.model_dump() for c in getattr(exc, "candidates", [])]
        raise ActorLookupError(str(exc), cands) from exc
    article_ids = sorted({m.article_id for m in p.members})
    with store.engine.connect() as conn:
        arts = _article_refs(conn, article_ids)

    def art(aid: str) -> dict[str, Any]:
        return arts.get(aid) or {"article_id": aid, "title": None, "source": None, "published": None}

    def quote(q: Any) -> dict[str, Any]:
        return {
            **art(q.article_id),
            "date": q.date,
            "kind": q.kind,
            "text": q.text,
            "cue": q.cue,
            "speaker": q.speaker,
            "speaker_actor": q.speaker_actor.model_dump() if q.speaker_actor else None,
            "href": f"/articles/{q.article_id}",
        }

    def event(e: Any, role: str) -> dict[str, Any]:
        return {
            **art(e.article_id),
            "date": e.date,
            "type": e.type,
            "status": e.status,
            "role": role,
            "trigger": e.trigger,
            "sentence": e.sentence,
            "actor": e.actor.model_dump() if e.actor else None,
            "recipient": e.recipient.model_dump() if e.recipient else None,
            "href": f"/articles/{e.article_id}",
        }

    d = p.model_dump(
        include={
            "id",
            "name",
            "type",
            "kind",
            "country",
            "code",
            "sector",
            "aliases",
            "articles",
            "confidence",
            "outlets",
            "counts",
        }
    )
    return {
        **d,
        "backend": "actors",
        "mentions": p.counts.get("mentions"),
        "roles": [
            {
                **art(r.article_id),
                "date": r.date,
                "role": r.role,
                "org": r.org,
                "org_actor": r.org_actor.model_dump() if r.org_actor else None,
                "evidence": r.evidence.text,
                "href": f"/articles/{r.article_id}",
            }
            for r in p.roles
        ],
        "labels": {
            o.outlet: [{"label": c.text, "count": c.count, "by": c.by} for c in o.labels] for o in p.labels_by_outlet
        },
        "part_of": [r.model_dump() for r in p.part_of],
        "parts": [r.model_dump() for r in p.parts],
        "quotes": [quote(q) for q in p.quotes_by],
        "quotes_about": [quote(q) for q in p.quotes_about],
        "events": sorted(
            [event(e, "actor") for e in p.events_as_actor]
            + [event(e, "recipient") for e in p.events_as_recipient],
            key=lambda e: (e["date"] or "", e["article_id"]),
        ),
        "article_list": sorted(
            (art(a) for a in article_ids), key=lambda a: a["published"] or "", reverse=True
        ),
    }
