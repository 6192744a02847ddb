"""Stories: near-duplicate articles (wire copies, light rewrites) linked as one story.

Each stored article gets a row with its story id and its MinHash signature, written in the
article's own transaction.  The LSH index lives in memory per process and is rebuilt from
the signatures, so a new article is compared with every stored one without re-reading texts.
Concurrent writers in other processes are picked up by a row-count check before each add.
"""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import Column, ForeignKey, Index, LargeBinary, String, Table, delete, func, insert, select
from sqlalchemy.engine import Connection

from .. import dedup
from ..model import Analysis
from . import AFTER_ADD, BEFORE_REMOVE
from .schema import metadata

stories = Table(
    "stories",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("story_id", String(40), nullable=False),
    Column("outlet", String(256)),
    Column("signature", LargeBinary, nullable=False),
    Index("ix_stories_story", "story_id"),
)

_indexes: dict[str, dedup.StoryIndex] = {}
_lock = threading.Lock()


def _index(conn: Connection) -> dedup.StoryIndex:
    """This process's index for the database, caught up with rows other processes added."""
    key = str(conn.engine.url)
    index = _indexes.get(key)
    if index is None:
        index = _indexes[key] = dedup.StoryIndex()
    stored = conn.execute(select(func.count()).select_from(stories)).scalar_one()
    if stored != len(index):
        known = set(index._story_of)  # noqa: SLF001 - the index's own membership
        ids = [r for r in conn.execute(select(stories.c.article_id)).scalars() if r not in known]
        if ids:
            rows = conn.execute(select(stories).where(stories.c.article_id.in_(ids))).mappings().all()
            # the first article of a story names it, so restore story founders first
            rows = sorted(rows, key=lambda r: (r["story_id"] != "S" + r["article_id"], r["article_id"]))
            index.restore(dict(r) for r in rows)
    return index


def link_story(conn: Connection, analysis: Analysis) -> None:
    art = analysis.article
    with _lock:
        index = _index(conn)
        index.add(art.id, art.text, art.source)
        row = index.row(art.id)
    conn.execute(insert(stories), row)


def unlink_story(conn: Connection, article_id: str) -> None:
    conn.execute(delete(stories).where(stories.c.article_id == article_id))
    with _lock:
        _indexes.pop(str(conn.engine.url), None)  # rebuilt from the table on next use


def story_members(store: Any, story_id: str) -> list[tuple[str, str | None]]:
    """(article id, outlet) of every article in one story."""
    with store.engine.connect() as conn:
        return [(r.article_id, r.outlet) for r in conn.execute(
            select(stories.c.article_id, stories.c.outlet).where(stories.c.story_id == story_id)
            .order_by(stories.c.article_id))]


AFTER_ADD.append(link_story)
BEFORE_REMOVE.append(unlink_story)
