"""Who is quoted: people quoted by outlet and month, with the share of women among them.

Why people and not quotes: the Gender Gap Tracker's figure — the share of women among
the sources of the news — counts each person quoted once per article, however often
they are quoted in it.  So does this report: a *source* is a distinct speaker entity of
type PERSON in one article, with at least one quote that is not negated ("did not say"
quotes nobody).  Gender comes from ``Entity.gender`` (filled by the coreference layer
from honorifics, pronouns and given names); a person whose gender the text does not
establish counts as ``unknown``.

``share_women`` is women / (women + men): the share among sources whose gender is known,
which is what the tracker publishes; ``unknown`` is reported beside it so a reader can
see how much the figure rests on.  Everything is read with one query over the quotes
and entities tables (no analysis is re-parsed), cheap enough to run on request.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any, Literal

from sqlalchemy import and_, select

from . import Store
from .schema import articles, entities, quotes

GroupBy = Literal["outlet", "month", "outlet-month", "all"]
GROUPINGS: tuple[str, ...] = ("outlet-month", "outlet", "month", "all")


@dataclass
class SourceRow:
    """One group of the report (an outlet, a month, or both)."""

    outlet: str | None
    month: str | None
    articles: int
    people: int
    women: int
    men: int
    unknown: int
    share_women: float | None


def _month(published: str | None) -> str | None:
    return published[:7] if published and len(published) >= 7 else None


def source_people(
    store: Store,
    *,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[dict[str, Any]]:
    """Every (article, person quoted) pair: outlet, date, name and gender, one per person per article."""
    conds = [quotes.c.speaker_entity.is_not(None)]
    if outlet:
        conds.append(articles.c.source == outlet)
    if since:
        conds.append(articles.c.published >= since)
    if until:
        conds.append(articles.c.published <= until + "\uffff")
    stmt = (
        select(
            quotes.c.article_id, quotes.c.speaker_entity, quotes.c.data.label("qdata"),
            entities.c.type, entities.c.name, entities.c.data.label("edata"),
            articles.c.source, articles.c.published,
        )
        .join(entities, and_(entities.c.article_id == quotes.c.article_id, entities.c.id == quotes.c.speaker_entity))
        .join(articles, articles.c.id == quotes.c.article_id)
        .where(*conds)
    )
    people: dict[tuple[str, str], dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for row in conn.execute(stmt):
            if row.type != "PERSON":
                continue
            key = (row.article_id, row.speaker_entity)
            if key in people:
                continue
            if json.loads(row.qdata).get("negated"):
                continue  # a negated attribution quotes nobody (another quote may still count)
            gender = json.loads(row.edata).get("gender")
            people[key] = {
                "article_id": row.article_id, "entity": row.speaker_entity, "name": row.name,
                "gender": gender if gender in ("female", "male") else None,
                "outlet": row.source, "published": row.published,
            }
    return sorted(people.values(), key=lambda p: (p["outlet"] or "", p["published"] or "", p["article_id"], p["entity"]))


def sources_report(
    store: Store,
    *,
    by: GroupBy = "outlet-month",
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[SourceRow]:
    """People quoted, grouped ``by`` outlet and/or month (``all``: one row), with the share of women."""
    if by not in GROUPINGS:
        raise ValueError(f"by must be one of {', '.join(GROUPINGS)}, not {by!r}")
    groups: dict[tuple[str | None, str | None], dict[str, Any]] = defaultdict(
        lambda: {"articles": set(), "female": 0, "male": 0, "unknown": 0}
    )
    for p in source_people(store, outlet=outlet, since=since, until=until):
        key = (
            p["outlet"] if by in ("outlet", "outlet-month") else None,
            _month(p["published"]) if by in ("month", "outlet-month") else None,
        )
        g = groups[key]
        g["articles"].add(p["article_id"])
        g[p["gender"] or "unknown"] += 1
    rows = []
    for (out, month), g in sorted(groups.items(), key=lambda kv: (kv[0][0] or "", kv[0][1] or "")):
        known = g["female"] + g["male"]
        rows.append(
            SourceRow(
                outlet=out, month=month, articles=len(g["articles"]),
                people=known + g["unknown"], women=g["female"], men=g["male"], unknown=g["unknown"],
                share_women=round(g["female"] / known, 4) if known else None,
            )
        )
    return rows


def rows_to_csv(rows: list[SourceRow]) -> str:
    """The report as CSV (header line first), for spreadsheets."""
    buf = io.StringIO()
    fields = list(SourceRow.__dataclass_fields__)
    w = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: ("" if v is None else v) for k, v in asdict(r).items()})
    return buf.getvalue()
