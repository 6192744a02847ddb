"""Draw a fixed-seed random sample of timeline entries for judging by hand.

    python bench/draw_timeline_sample.py --db /tmp/news.db --seed 57 --n 20 > docs/judgements/timeline-after-seed57.jsonl

Why: the event coder's figures on PLOVER gold sentences say little about the timeline a user
reads on real news, so the project judges random entries of the default timeline (the news
window, one entry per event mention) by hand.  This script draws them reproducibly: the same
store and seed give the same rows.  Each row has the shape of ``docs/judgements/*.jsonl`` —
the article and event ids, the publication date, the event's date, type, mode, status, actor,
recipient and trigger — with ``judged`` left empty for the human (who reads the sentence in the
store: ``newsgraph show`` / the article page).  No article text beyond the trigger and the
participant names is written, so a fixture can be committed without copying the articles.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from typing import Any

from newsgraph.queries import timeline
from newsgraph.store import Store

#: The judgement fields a human fills in; ``None`` until judged.
JUDGED_FIELDS = ("type", "actor", "recipient", "date", "status", "note", "fully_right")


def draw(items: list[dict[str, Any]], n: int, seed: int) -> list[dict[str, Any]]:
    """``n`` entries drawn without replacement with ``random.Random(seed)``, in drawing order."""
    rng = random.Random(seed)
    picked = rng.sample(items, min(n, len(items)))
    return [row(item, seed) for item in picked]


def row(item: dict[str, Any], seed: int) -> dict[str, Any]:
    """One fixture row for a timeline item (no evidence text: only trigger and participant names)."""
    return {
        "article_id": item["article_id"],
        "event_id": item["id"],
        "published": item.get("published"),
        "date": item.get("date"),
        "type": item.get("type"),
        "mode": item.get("mode"),
        "status": item.get("status"),
        "actor": item.get("actor_name"),
        "recipient": item.get("recipient_name"),
        "trigger": item.get("label"),
        "seed": seed,
        "judged": dict.fromkeys(JUDGED_FIELDS),
    }


def main(argv: list[str] | None = None) -> int:
    """Read the default timeline (news window, one entry per mention) and print the sample as JSONL."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="store URL or SQLite path")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--n", type=int, default=20)
    args = ap.parse_args(argv)
    with Store(args.db) as store:
        data = timeline(store, window="news", group="mentions", limit=1_000_000)
    items = [i for i in data["items"] if i.get("kind", "event") == "event"]
    print(f"{len(items)} timeline entries in the news window; drawing {args.n} with seed {args.seed}",
          file=sys.stderr)
    for r in draw(items, args.n, args.seed):
        print(json.dumps(r, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
