"""PLOVER JSONL export: one reported event per line (with its list of sources), in the field names PLOVER/POLECAT users expect."""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from ..model import Analysis, Event, Participant
from ..store.reported import ReportedEvent, reported_events
from ..timeline import date_range
from . import exporter


def _actor(p: Participant | None, analysis: Analysis) -> dict[str, Any] | None:
    if p is None:
        return None
    ent = analysis.entity(p.entity)
    return {
        "actorText": p.text,
        "entity": p.entity,
        "name": ent.name if ent else None,
        "country": ent.country if ent else None,
        "start": p.start,
        "end": p.end,
    }


def plover_record(ev: Event, analysis: Analysis) -> dict[str, Any]:
    """One event as a PLOVER-style record (v2.0 type names)."""
    art = analysis.article
    loc = ev.location
    return {
        "id": f"{art.id}-{ev.id}",
        "date": ev.date,
        "datePrecision": ev.date_precision,
        "event": ev.type,
        "mode": ev.mode,
        "context": ev.context,
        "source": _actor(ev.actor, analysis),
        "target": _actor(ev.recipient, analysis),
        "eventText": ev.trigger.text,
        "eventLoc": None if loc is None else {
            "text": loc.text, "country": loc.country, "lat": loc.lat, "lon": loc.lon,
        },
        "text": ev.sentence.text,
        "status": ev.status,
        "quote": ev.quote,
        "speaker": ev.speaker,
        "relation": ev.relation,
        "articleId": art.id,
        "url": art.url,
        "publication": art.source,
        "published": art.published,
        "version": "2.0",
    }


def reported_record(rep: ReportedEvent) -> dict[str, Any]:
    """One reported event: the most precisely dated report's record plus every source."""
    analysis, ev = min(rep.events, key=lambda ae: (_span_days(ae[1].date), ae[0].article.id))
    rec = plover_record(ev, analysis)
    rec["id"] = f"{analysis.article.id}-{ev.id}"
    rec["reportedEvent"] = rep.id
    rec["sources"] = [
        {"articleId": r.article_id, "eventId": r.event_id, "publication": r.source, "published": r.published,
         "url": r.url, "status": r.status, "date": r.date, "text": r.sentence.get("text")}
        for r in rep.reports
    ]
    return rec


def _span_days(value: str | None) -> int:
    span = date_range(value)
    return (span[1] - span[0]).days if span else 10**6


@exporter("plover", "PLOVER 2.0 event records as JSON Lines, one reported event per line with its sources.")
def export_plover(store: Any, out: BinaryIO, **_: Any) -> int:
    """One record per reported event (the same happening from several outlets is one line)."""
    n = 0
    for rep in reported_events(store):
        out.write(json.dumps(reported_record(rep), ensure_ascii=False).encode("utf-8") + b"\n")
        n += 1
    return n
