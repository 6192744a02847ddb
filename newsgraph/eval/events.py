"""Event coding accuracy on PLOVER gold records (``newsgraph eval events --plover FILE``).

Each gold record is one sentence with one coded event.  We analyse the sentence as an
article, take our *top* event (:func:`newsgraph.extract.events.top_event`) and score:

* ``type_accuracy`` — its type equals the gold type (v0.5 labels mapped to PLOVER 2.0);
* ``actor_accuracy`` — over records with a gold source actor: our actor span overlaps (by at
  least one character) the text of one of the gold ``actorText`` values;
* ``recipient_accuracy`` — the same for the gold target, over records that have one.

A sentence where we find no event counts as wrong on every measure it is scored on.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: PLOVER v0.5 labels that PLOVER 2.0 renamed or folded into another type.
V05_TO_V2: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}


def map_label(label: str) -> str:
    """A v0.5 (or 2.0) event label as its PLOVER 2.0 type."""
    label = label.strip().upper()
    return V05_TO_V2.get(label, label)


@dataclass
class GoldRecord:
    id: str
    text: str
    type: str
    actors: list[str]
    recipients: list[str]


def _actor_texts(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return [a["actorText"].strip() for a in value if isinstance(a, dict) and a.get("actorText", "").strip()]


def read_plover(path: str | Path) -> list[GoldRecord]:
    """Read a PLOVER gold-record JSON list (``text``, ``event``, ``source``/``target`` actors)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return [
        GoldRecord(
            id=str(rec.get("id", i)),
            text=rec["text"],
            type=map_label(rec["event"]),
            actors=_actor_texts(rec.get("source")),
            recipients=_actor_texts(rec.get("target")),
        )
        for i, rec in enumerate(data)
        if rec.get("text") and rec.get("event")
    ]


def _gold_ranges(text: str, phrases: Iterable[str]) -> list[tuple[int, int]]:
    out = []
    for phrase in phrases:
        found = [m.span() for m in re.finditer(re.escape(phrase), text)]
        if not found:
            found = [m.span() for m in re.finditer(re.escape(phrase), text, re.IGNORECASE)]
        out.extend(found)
    return out


def overlaps(span: tuple[int, int] | None, text: str, phrases: Sequence[str]) -> bool:
    """Whether the predicted char span shares a character with a gold phrase's occurrence.

    A gold phrase that does not occur verbatim in the sentence (rare: coder paraphrase) is
    matched by shared words instead.
    """
    if span is None:
        return False
    ranges = _gold_ranges(text, phrases)
    if any(s < span[1] and span[0] < e for s, e in ranges):
        return True
    missing = [p for p in phrases if not _gold_ranges(text, [p])]
    pred_words = set(re.findall(r"\w+", text[span[0]:span[1]].lower()))
    return any(pred_words & set(re.findall(r"\w+", p.lower())) for p in missing)


def evaluate(path: str | Path, limit: int | None = None, half: str | None = None) -> dict[str, Any]:
    """Score the event extractor on a PLOVER gold file; ``half`` = 'even'/'odd' scores one half."""
    from ..extract.events import top_event
    from ..model import Article
    from ..nlp import load
    from ..pipeline import analyze_doc

    records = read_plover(path)
    if half in ("even", "odd"):
        records = records[0 if half == "even" else 1::2]
    if limit:
        records = records[:limit]
    nlp = load()
    n = type_ok = 0
    actor_n = actor_ok = rec_n = rec_ok = 0
    confusion: Counter[tuple[str, str]] = Counter()
    per_type: Counter[str] = Counter()
    per_type_ok: Counter[str] = Counter()
    for rec, doc in zip(records, nlp.pipe(r.text for r in records), strict=True):
        analysis = analyze_doc(doc, Article(text=rec.text), extractors=["events"])
        top = top_event(analysis.events)
        n += 1
        per_type[rec.type] += 1
        predicted = top.type if top else "NONE"
        if predicted == rec.type:
            type_ok += 1
            per_type_ok[rec.type] += 1
        else:
            confusion[(rec.type, predicted)] += 1
        if rec.actors:
            actor_n += 1
            span = (top.actor.start, top.actor.end) if top and top.actor else None
            actor_ok += overlaps(span, rec.text, rec.actors)
        if rec.recipients:
            rec_n += 1
            span = (top.recipient.start, top.recipient.end) if top and top.recipient else None
            rec_ok += overlaps(span, rec.text, rec.recipients)

    def ratio(a: int, b: int) -> float:
        return round(a / b, 4) if b else 0.0

    return {
        "type_accuracy": ratio(type_ok, n),
        "actor_accuracy": ratio(actor_ok, actor_n),
        "recipient_accuracy": ratio(rec_ok, rec_n),
        "n": n,
        "type_correct": type_ok,
        "actor_n": actor_n,
        "actor_correct": actor_ok,
        "recipient_n": rec_n,
        "recipient_correct": rec_ok,
        "per_type": {t: f"{per_type_ok[t]}/{per_type[t]}" for t in sorted(per_type)},
        "top_confusions": [f"{g}->{p}: {k}" for (g, p), k in confusion.most_common(10)],
    }


def format_table(result: dict[str, Any]) -> str:
    """Human-readable summary of :func:`evaluate`."""
    lines = [
        f"type_accuracy       {result['type_accuracy']:.4f}  ({result['type_correct']}/{result['n']})",
        f"actor_accuracy      {result['actor_accuracy']:.4f}  ({result['actor_correct']}/{result['actor_n']})",
        f"recipient_accuracy  {result['recipient_accuracy']:.4f}  "
        f"({result['recipient_correct']}/{result['recipient_n']})",
        "per type: " + ", ".join(f"{k} {v}" for k, v in result["per_type"].items()),
        "top confusions (gold->predicted): " + "; ".join(result["top_confusions"]),
    ]
    return "\n".join(lines)
