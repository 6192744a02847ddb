"""Cross-article actors as the API and the pages see them: thin views over :mod:`newsgraph.actors`.

Nothing here resolves or writes: the actor index is kept current when articles are stored,
so every function is a read (``GET`` requests never write to the store).

An actor in a list is ``ActorSummary.model_dump()``; a profile is the
:class:`~newsgraph.actors.ActorProfile` fields the page needs plus page conveniences
(``labels`` by outlet, ``quotes``, ``events``, ``article_list``, article titles and links).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from .. import actors as actor_layer
from ..store import Store, in_batches
from ..store import actor_index as db
from ..store.schema import articles, entities
from ..textnorm import name_key


def normalize_name(name: str) -> str:
    """The project's one name key (:func:`newsgraph.textnorm.name_key`)."""
    return name_key(name)


def _article_refs(conn: Any, ids: list[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for part in in_batches(ids):
        for r in conn.execute(
            select(articles.c.id, articles.c.title, articles.c.source, articles.c.published).where(
                articles.c.id.in_(part)
            )
        ):
            out[r.id] = {"article_id": r.id, "title": r.title, "source": r.source, "published": r.published}
    return out


class ActorLookupError(LookupError):
    """No actor (or several) answer to a name; ``candidates`` lists the several."""

    def __init__(self, message: str, candidates: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.candidates = candidates or []


def backend() -> str:
    """Which backend answers (always the cross-article index now; kept for callers)."""
    return "actors"


def list_actors(
    store: Store, *, kind: str | None = None, search: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """Actors, most widely reported first; ``kind`` is an actor kind (or an entity type)."""
    items = [a.model_dump() for a in actor_layer.actors(store, search=search)]
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
            for part in in_batches(article_ids)
            for r in conn.execute(stmt.where(entities.c.article_id.in_(part)))
        ]


def actor_map(
    store: Store, article_ids: list[str] | None = None, *, fresh: bool = False
) -> dict[tuple[str, str], str]:
    """(article id, entity id) -> actor id, for these articles (None: all of them).

    Read from the index (kept current on write; ``fresh`` is accepted for old callers and
    changes nothing).  An entity the index has not seen (stored without the hook) links by
    its name, which ``/actors/{name}`` resolves too.
    """
    with store.engine.connect() as conn:
        out = db.all_members(conn) if article_ids is None else db.members_of_articles(conn, article_ids)
    for r in _entity_rows(store, article_ids):
        out.setdefault((r.article_id, r.id), r.name)
    return out


def actor_names(store: Store, ids: set[str]) -> dict[str, str]:
    """Actor id -> display name."""
    with store.engine.connect() as conn:
        return db.actor_names(conn, ids)


def actor_ids(store: Store, article_id: str) -> dict[str, str]:
    """Entity id -> actor id for one article (for the links of the article page)."""
    return {eid: act for (_aid, eid), act in actor_map(store, [article_id]).items()}


def actor_profile(store: Store, name_or_id: str, **window: Any) -> dict[str, Any]:
    """One actor: aliases, roles over time, labels by outlet, quotes by and about it, events.

    ``window`` (``outlet``, ``date_from``, ``date_to``, ``limit``, ``offset``) pages the profile
    by article, as :func:`newsgraph.actors.actor_profile` describes; ``window`` in the result
    says which articles it covers.  Raises :class:`ActorLookupError` when no actor (or more
    than one) answers to ``name_or_id``.
    """
    try:
        p = actor_layer.actor_profile(store, name_or_id, **window)
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
            "occurrences": q.occurrences,
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
            "window",
        }
    )
    return {
        **d,
        "backend": "actors",
        # the one profile shape, exactly what `newsgraph actor X --format json` prints
        "profile": p.model_dump(mode="json"),
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
