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
from typing import Literal

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


#: The news window of an article: from a week before publication to a month after (what is planned).
NEWS_BEFORE = timedelta(days=7)
NEWS_AFTER = timedelta(days=31)
#: A date coarser than this ("2016", "the 1990s") cannot say that an event is the news.
NEWS_MAX_SPAN = timedelta(days=31)
WINDOWS = ("news", "background", "all")


def _day(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def relation(value: str | None, published: str | date | None) -> Literal["reported", "background"] | None:
    """How a dated event relates to its article: ``reported`` (the news) or ``background``.

    ``reported`` when the event's date lies within the news window around publication
    (``NEWS_BEFORE`` .. ``NEWS_AFTER``) and is no coarser than a month; ``background`` for
    anything else that is dated (history recalled, a year named); None when the event or the
    article has no date — the timeline then cannot place it and says nothing.
    """
    span = date_range(value)
    pub = _day(published)
    if span is None or pub is None:
        return None
    if span[1] - span[0] <= NEWS_MAX_SPAN and span[1] >= pub - NEWS_BEFORE and span[0] <= pub + NEWS_AFTER:
        return "reported"
    return "background"


def overlaps(value: str | None, start: str | date | None, end: str | date | None) -> bool:
    """THE date-range semantics of every timeline: the event's calendar span overlaps [start, end].

    "2020-06" covers the whole month, so it is kept for ``start=2020-06-15``; both bounds inclusive,
    and a bound may itself be a year or a month (``end="2019"`` is the end of 2019).
    """
    span = date_range(value)
    if span is None:
        return False
    lo, hi = _bound(start, upper=False), _bound(end, upper=True)
    return not (lo is not None and span[1] < lo or hi is not None and span[0] > hi)


def _bound(value: str | date | None, *, upper: bool) -> date | None:
    """A range bound as a day: "2019" starts on 1 January and ends on 31 December, "2019-06" on
    the 1st and the 30th (the pages and the API accept YYYY, YYYY-MM and YYYY-MM-DD)."""
    if value is None or isinstance(value, date):
        return value
    span = date_range(value)
    return None if span is None else span[1 if upper else 0]


def year_bounds(start: str | date | None, end: str | date | None) -> tuple[str | None, str | None]:
    """Plain string bounds a stored date value must fall in to possibly :func:`overlaps` the range:
    a year on each side more than the range's own years (an ISO week or a season can straddle
    New Year), so a query can skip the rest with an index instead of reading every row.  Values
    shorter than a year ("199" for the 1990s) are not bounded by them and must be kept apart."""
    lo = hi = None
    if start is not None and re.match(r"\d{4}", str(start)):
        lo = f"{int(str(start)[:4]) - 1:04d}"
    if end is not None and re.match(r"\d{4}", str(end)):
        hi = f"{int(str(end)[:4]) + 2:04d}"
    return lo, hi


def in_window(window: str, rel: str | None) -> bool:
    """``news`` keeps reported events, ``background`` the rest, ``all`` everything dated."""
    if window == "all":
        return True
    if window == "news":
        return rel == "reported"
    return rel != "reported"


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
    window: str = "all",
) -> list[TimelineRow]:
    """Dated events of ``analyses`` in date order (the store's version is ``queries.timeline``).

    ``actor`` keeps events whose actor *or* recipient matches (case-insensitive substring of the
    mention text, the entity name or an alias) — a timeline of an actor is what it did and what
    was done to it.  ``start``/``end`` (YYYY-MM-DD, inclusive) keep events whose date overlaps
    (:func:`overlaps`); ``window`` is ``news``, ``background`` or ``all`` (:func:`in_window`).
    """
    keyed: list[tuple[date, str, TimelineRow]] = []
    for analysis in analyses:
        for ev in analysis.events:
            span = date_range(ev.date)
            if span is None or not overlaps(ev.date, start, end):
                continue
            if not in_window(window, ev.relation or relation(ev.date, analysis.article.published)):
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


def format_items(items: Iterable[dict[str, object]]) -> str:
    """Plain-text timeline of :func:`newsgraph.queries.timeline` items, date first, sentence as evidence."""
    blocks = []
    for r in items:
        who = f"{r.get('actor_name') or '?'} -> {r.get('recipient_name') or '?'}"
        where = f" in {r['location']}" if r.get("location") else ""
        mode = f"/{r['mode']}" if r.get("mode") else ""
        evidence = r.get("evidence") or {}
        text = evidence.get("text", "") if isinstance(evidence, dict) else str(evidence)
        reports = r.get("reports")
        n = f"  ({len(reports)} reports)" if isinstance(reports, list) and len(reports) > 1 else ""
        blocks.append(
            f"{r.get('date', ''):<10}  {r.get('type')}{mode}  {who}{where}  [{r.get('status')}]{n}\n"
            f"            \"{text.strip()}\"  ({r.get('article_id')})"
        )
    return "\n".join(blocks)
