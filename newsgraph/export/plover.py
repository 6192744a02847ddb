"""PLOVER JSONL export: one event per line, in the field names PLOVER/POLECAT users expect."""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from ..model import Analysis, Event, Participant
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
        "articleId": art.id,
        "url": art.url,
        "publication": art.source,
        "published": art.published,
        "version": "2.0",
    }


@exporter("plover", "PLOVER 2.0 event records as JSON Lines, one event per line.")
def export_plover(store: Any, out: BinaryIO, **_: Any) -> int:
    n = 0
    for analysis in store.iter_analyses():
        for ev in analysis.events:
            out.write(json.dumps(plover_record(ev, analysis), ensure_ascii=False).encode("utf-8") + b"\n")
            n += 1
    return n
