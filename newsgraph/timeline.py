"""Timelines: dated events across analyses, in date order, each with its evidence.

A pure function over ``Analysis`` objects so it is testable without a database; the
``newsgraph timeline`` command wires it to the store.  Only events with a calendar date
(day, ISO week, month or year) are listed; an event dated "2020-06" covers the whole
month, so ``--from``/``--to`` keep it when the month overlaps the range.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, timedelta

from .model import Analysis, Entity, Event, Participant

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def date_range(value: str | None) -> tuple[date, date] | None:
    """First and last day a TIMEX3 calendar value covers, or None for anything else."""
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=6)
        if m := _MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        if m := _YEAR.match(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


@dataclass
class TimelineRow:
    """One dated event with what a reader needs to check it."""

    date: str
    date_precision: str | None
    type: str
    mode: str | None
    status: str
    actor: str | None
    actor_entity: str | None
    recipient: str | None
    recipient_entity: str | None
    location: str | None
    trigger: str
    evidence: str
    article_id: str
    url: str | None
    event_id: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _names(p: Participant | None, analysis: Analysis) -> tuple[str | None, Entity | None]:
    if p is None:
        return None, None
    ent = analysis.entity(p.entity)
    return (ent.name if ent else p.text), ent


def _matches(query: str, p: Participant | None, ent: Entity | None) -> bool:
    q = query.casefold()
    texts = [p.text] if p is not None else []
    if ent is not None:
        texts += [ent.name, *ent.aliases]
    return any(q in t.casefold() for t in texts)


def _row(ev: Event, analysis: Analysis) -> TimelineRow:
    actor, actor_ent = _names(ev.actor, analysis)
    recipient, rec_ent = _names(ev.recipient, analysis)
    return TimelineRow(
        date=ev.date or "",
        date_precision=ev.date_precision,
        type=ev.type,
        mode=ev.mode,
        status=ev.status,
        actor=actor,
        actor_entity=actor_ent.id if actor_ent else None,
        recipient=recipient,
        recipient_entity=rec_ent.id if rec_ent else None,
        location=ev.location.text if ev.location else None,
        trigger=ev.trigger.text,
        evidence=ev.sentence.text,
        article_id=analysis.article.id,
        url=analysis.article.url,
        event_id=ev.id,
    )


def timeline(
    analyses: Iterable[Analysis],
    actor: str | None = None,
    start: str | date | None = None,
    end: str | date | None = None,
) -> list[TimelineRow]:
    """Dated events of ``analyses`` in date order.

    ``actor`` keeps events whose actor *or* recipient matches (case-insensitive substring of the
    mention text, the entity name or an alias) — a timeline of an actor is what it did and what
    was done to it.  ``start``/``end`` (YYYY-MM-DD, inclusive) keep events whose date overlaps.
    """
    lo = date.fromisoformat(start) if isinstance(start, str) else start
    hi = date.fromisoformat(end) if isinstance(end, str) else end
    keyed: list[tuple[date, str, TimelineRow]] = []
    for analysis in analyses:
        for ev in analysis.events:
            span = date_range(ev.date)
            if span is None:
                continue
            if lo is not None and span[1] < lo or hi is not None and span[0] > hi:
                continue
            if actor:
                _, a_ent = _names(ev.actor, analysis)
                _, r_ent = _names(ev.recipient, analysis)
                if not (_matches(actor, ev.actor, a_ent) or _matches(actor, ev.recipient, r_ent)):
                    continue
            keyed.append((span[0], f"{analysis.article.id}:{ev.trigger.start:09d}", _row(ev, analysis)))
    keyed.sort(key=lambda k: (k[0], k[1]))
    return [row for _, _, row in keyed]


def format_rows(rows: Iterable[TimelineRow]) -> str:
    """Plain-text timeline: one event per block, date first, then the sentence as evidence."""
    blocks = []
    for r in rows:
        who = f"{r.actor or '?'} -> {r.recipient or '?'}"
        where = f" in {r.location}" if r.location else ""
        mode = f"/{r.mode}" if r.mode else ""
        blocks.append(
            f"{r.date:<10}  {r.type}{mode}  {who}{where}  [{r.status}]\n"
            f"            \"{r.evidence.strip()}\"  ({r.article_id}{' ' + r.url if r.url else ''})"
        )
    return "\n".join(blocks)
