"""Benchmark: API list requests on a 10,000-article database.

Builds the database quickly: one template article is analysed once (by the real
pipeline, or the hand-built sample with ``--template sample``), then 10,000
variants are stored through ``Store.add`` — each with a unique tail appended to
the text (so a distinct id; earlier offsets stay valid), its own outlet and
publication date.  Then it times list requests through the ASGI app in process
(no network), and prints median / p95 / max per request.

    python bench/bench_api.py                      # build /tmp/newsgraph-bench-10k.db if needed, time
    python bench/bench_api.py --n 10000 --requests 50 --db /tmp/x.db --rebuild
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from pathlib import Path

import httpx

from newsgraph.app import create_app
from newsgraph.model import Analysis, Article
from newsgraph.store import Store

OUTLETS = ["Aldren Gazette", "Coastal Herald", "Velm Post", "Northern Ledger", "Harbour Times", "Daily Quay"]
WORDS = (
    "port council strike union wages talks harbour vote mayor ships cargo dockers pilots tide "
    "agreement dispute minister budget crane berth container freight"
).split()


def template(kind: str) -> Analysis:
    from newsgraph.web.sample import SAMPLE_TEXT, sample_analysis

    if kind == "sample":
        return sample_analysis()
    from newsgraph.pipeline import analyze

    return analyze(
        SAMPLE_TEXT,
        published="2024-03-12",
        source="Aldren Gazette",
        title="Dock workers strike as Port Aldren council delays pay vote",
    )


def variant(base: Analysis, i: int, rng: random.Random) -> Analysis:
    tail = " ".join(rng.choice(WORDS) for _ in range(12))
    text = f"{base.article.text}\nUpdate {i}: {tail}."
    year = 2015 + i % 10
    art = Article(
        text=text,
        title=f"{base.article.title} ({i})",
        source=OUTLETS[i % len(OUTLETS)],
        published=f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}",
    )
    return base.model_copy(update={"article": art})


def build(db: Path, n: int, kind: str) -> float:
    store = Store(str(db))
    have = store.count()
    if have >= n:
        return 0.0
    base = template(kind)
    rng = random.Random(42)
    t0 = time.perf_counter()
    for i in range(have, n):
        store.add(variant(base, i, rng))
        if (i + 1) % 1000 == 0:
            print(f"  stored {i + 1} articles ({time.perf_counter() - t0:.1f}s)", file=sys.stderr)
    store.close()
    return time.perf_counter() - t0


async def time_requests(db: Path, requests: int) -> list[tuple[str, list[float]]]:
    store = Store(str(db))
    n = store.count()
    app = create_app(store)
    cases = [
        ("/api/articles?limit=20", None),
        ("/api/articles?limit=100", None),
        (f"/api/articles?limit=20&offset={n // 2}", None),
        (f"/api/articles?limit=20&offset={max(0, n - 20)}", None),
        ("/api/articles?limit=20&source=Velm%20Post", None),
        ("/api/articles?limit=20&date_from=2019-01&date_to=2019-06", None),
        ("/api/articles?limit=20&q=dockers%20crane", None),
        ("/api/quotes?limit=20&speaker=quill", None),
        ("/api/events?limit=20&type=PROTEST", None),
    ]
    out = []
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        for url, _ in cases:
            r = await client.get(url)  # warm-up (and a sanity check)
            r.raise_for_status()
            times = []
            for _ in range(requests):
                t0 = time.perf_counter()
                r = await client.get(url)
                times.append(time.perf_counter() - t0)
                assert r.status_code == 200
            out.append((url, times))
    store.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, default=Path("/tmp/newsgraph-bench-10k.db"))
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=50)
    ap.add_argument("--template", choices=["pipeline", "sample"], default="pipeline")
    ap.add_argument("--rebuild", action="store_true")
    args = ap.parse_args()
    if args.rebuild:
        for suffix in ("", "-wal", "-shm"):
            Path(str(args.db) + suffix).unlink(missing_ok=True)
    took = build(args.db, args.n, args.template)
    if took:
        print(f"built {args.n} articles in {took:.1f}s ({args.n / took:.0f} articles/s) -> {args.db}")
    results = asyncio.run(time_requests(args.db, args.requests))
    n = Store(str(args.db)).count()
    print(
        f"\n{n} articles in {args.db}; {args.requests} requests each, in-process ASGI (httpx.ASGITransport)"
    )
    print(f"{'request':60} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}")
    for url, times in results:
        times.sort()
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
        print(f"{url:60} {statistics.median(times) * 1000:10.1f} {p95 * 1000:8.1f} {times[-1] * 1000:8.1f}")


if __name__ == "__main__":
    main()
