"""Benchmark: the workbench pages on a large store (SQLite or PostgreSQL).

Builds a store of N synthetic analyses written through ``Store.add`` (not parsed): the
hand-built sample analysis of ``newsgraph/web/sample.py`` with a random tail of pseudo-words
appended (so each text is distinct and not a near-copy of the others), a rotating outlet and a
publication date spread over ten years.  Every article therefore has the same actors — the
worst case for the actor page of the most-covered actor (it is in every article).  Then it
times the pages through the ASGI app in process and prints median / p95 / max.

    python bench/bench_workbench.py --n 100000 --db /tmp/ng-bench-100k.db
    python bench/bench_workbench.py --n 100000 --db postgresql+psycopg://…/ng_workbench
"""

from __future__ import annotations

import argparse
import asyncio
import math
import random
import statistics
import sys
import time

import httpx

from newsgraph.app import create_app
from newsgraph.model import Analysis, Article
from newsgraph.store import Store

OUTLETS = ["Aldren Gazette", "Coastal Herald", "Velm Post", "Northern Ledger", "Harbour Times", "Daily Quay"]
SYL = ["ka", "lo", "mir", "ten", "va", "sul", "dro", "pe", "nak", "ri", "tho", "ber", "gan", "ul", "fes", "zo"]


def pseudo_words(rng: random.Random, n: int) -> str:
    return " ".join("".join(rng.choice(SYL) for _ in range(rng.randint(2, 4))) for _ in range(n))


def variant(base: Analysis, i: int, rng: random.Random) -> Analysis:
    text = f"{base.article.text}\n{pseudo_words(rng, 220)}."
    art = Article(
        text=text,
        title=None if i % 10 == 0 else f"{base.article.title} ({i})",
        source=OUTLETS[i % len(OUTLETS)],
        published=f"{2015 + i % 10}-{1 + i % 12:02d}-{1 + (i // 12) % 28:02d}",
    )
    quotes = [q.model_copy(update={"date": art.published, "negated": (i + k) % 17 == 0})
              for k, q in enumerate(base.quotes)]
    return base.model_copy(update={"article": art, "quotes": quotes})


def build(url: str, n: int) -> float:
    from newsgraph.web.sample import sample_analysis

    store = Store(url)
    have = store.count()
    if have >= n:
        return 0.0
    base = sample_analysis()
    rng = random.Random(42 + have)
    t0 = time.perf_counter()
    for i in range(have, n):
        store.add(variant(base, i, rng))
        if (i + 1) % 5000 == 0:
            print(f"  stored {i + 1} articles ({time.perf_counter() - t0:.0f}s)", file=sys.stderr, flush=True)
    store.close()
    return time.perf_counter() - t0


async def time_pages(url: str, requests: int, skip: tuple[str, ...] = (),
                     after_ingest: bool = False) -> list[tuple[str, list[float]]]:
    """Time each page; with ``after_ingest``, then store one new article through ``Store.add``
    (timed) and time each page's first request and 5 more again, so any work a read would redo
    after a write shows, then remove the article (the store is left as it was)."""
    from newsgraph import queries

    store = Store(url)
    top = queries.stories(store, limit=1)["items"]
    story = top[0]["id"] if top else None
    app = create_app(store)
    cases = [
        "/actors/Mara%20Quill",
        "/actors/Mara%20Quill?outlet=Velm%20Post&date_from=2019&date_to=2020",
        "/said",
        "/said?speaker=quill&outlet=Velm%20Post&date_from=2019-01&date_to=2019-12&kind=direct",
        "/said?negated=yes&q=goalposts&sort=oldest",
        "/api/said?speaker=brenn&format=csv&limit=200",
        "/timeline",
        "/timeline?outlet=Velm%20Post&date_from=2019&date_to=2019",
        "/network",
        "/network?outlet=Velm%20Post",
        "/network?outlet=Velm%20Post&date_from=2019&date_to=2019",
        "/claims?outlet=Velm%20Post",
        "/framing",
        "/stories",
    ] + ([f"/stories/{story}"] if story else [])
    cases = [c for c in cases if c.split("?")[0] not in skip]
    out = []
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench", timeout=600) as client:
        for path in cases:
            t0 = time.perf_counter()
            r = await client.get(path)  # warm-up (and a sanity check)
            first = time.perf_counter() - t0
            r.raise_for_status()
            times = []
            for _ in range(requests):
                t0 = time.perf_counter()
                r = await client.get(path)
                times.append(time.perf_counter() - t0)
                assert r.status_code == 200, (path, r.status_code)
            out.append((f"{path}  (first {first * 1000:.0f} ms)", times))
            times = sorted(times)
            p95 = times[max(0, math.ceil(0.95 * len(times)) - 1)]  # nearest rank (of 20: the 19th)
            print(f"| `{path}` | {statistics.median(times) * 1000:.1f} | {p95 * 1000:.1f} | {times[-1] * 1000:.1f} "
                  f"| {first * 1000:.0f} |", flush=True)
        if after_ingest:
            from newsgraph.web.sample import sample_analysis

            new = variant(sample_analysis(), 10**9 + 7, random.Random(7))
            t0 = time.perf_counter()
            store.add(new)
            print(f"\nstored one new article in {(time.perf_counter() - t0) * 1000:.0f} ms; then, per page:")
            print("| page | first request after it ms | median of 5 more ms |\n|---|---:|---:|", flush=True)
            try:
                for path in cases:
                    t0 = time.perf_counter()
                    (await client.get(path)).raise_for_status()
                    first = time.perf_counter() - t0
                    times = []
                    for _ in range(5):
                        t0 = time.perf_counter()
                        await client.get(path)
                        times.append(time.perf_counter() - t0)
                    print(f"| `{path}` | {first * 1000:.1f} | {statistics.median(times) * 1000:.1f} |", flush=True)
            finally:
                store.remove(new.article.id)
    store.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="/tmp/newsgraph-bench-workbench.db")
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=20)
    ap.add_argument("--build-only", action="store_true")
    ap.add_argument("--skip", action="append", default=[], metavar="PATH",
                    help="leave a page out (e.g. --skip /stories)")
    ap.add_argument("--after-ingest", action="store_true",
                    help="then store one new article and time every page's first request after it")
    args = ap.parse_args()
    took = build(args.db, args.n)
    if took:
        print(f"built {args.n} articles in {took:.0f}s -> {args.db}", flush=True)
    if args.build_only:
        return
    n = Store(args.db).count()
    print(f"{n} articles in {args.db.split('@')[-1]}; {args.requests} requests each after one warm-up, in-process ASGI")
    print("| page | median ms | p95 ms | max ms | first (warm-up) ms |\n|---|---:|---:|---:|---:|", flush=True)
    asyncio.run(time_pages(args.db, args.requests, tuple(args.skip), args.after_ingest))

if __name__ == "__main__":
    main()
