#!/usr/bin/env python
"""Throughput and memory of the analysis pipeline (a script, not a test: it prints figures).

    python bench/bench_throughput.py [--articles 300] [--stream 10000] [--workers 2]

1. For the same N articles in one process: words/second of the raw spaCy parse (``nlp.pipe``)
   and of the full newsgraph analysis (``analyze_many``: parse + every registered extractor),
   and their ratio (the cost of extraction on top of parsing).
2. The same with ``--workers`` processes (spaCy's ``n_process`` vs ``analyze_many(workers=)``)
   and the speed-up over one process.
3. Memory while streaming ``--stream`` articles through ``analyze_many``: resident set size
   after 1,000 and after all articles, and the peak — flat means nothing accumulates.

Articles are generated from fictional sentence templates (invented places, people and events),
deterministically (seeded), so runs are comparable.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsgraph import nlp  # noqa: E402
from newsgraph.model import Article  # noqa: E402
from newsgraph.pipeline import analyze_many  # noqa: E402

PLACES = ["Velmora", "Riverside", "Tarsen", "Kessel", "Marlow", "Bellhaven", "Ostrava Nova", "Quarry Hill"]
COUNTRIES = ["Norland", "the Republic of Estavia", "Caldoria", "Vintmark"]
PEOPLE = [
    ("Orsolya Brandt", "the union leader"),
    ("Dami Okafor", "a city councillor"),
    ("Priya Lindqvist", "the election officer"),
    ("Tomas Arvelo", "the interior minister"),
    ("Hana Sato", "a spokeswoman for the port authority"),
    ("Luis Ferrand", "the mayor"),
]
ORGS = ["the Velmora Port Authority", "the Growers' Cooperative", "the National Rail Company", "Harlan Bank"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "last week", "on Saturday morning"]
TEMPLATES = [
    "{p1}, {r1}, said on {day} that {org} would review the plan before the end of the month.",
    '"We will not accept these terms," {p1} told reporters in {place} on {day}.',
    "Police in {place} arrested {n} people after protesters blocked the main road to the harbour.",
    "{org} announced {day} that it would cut {n} jobs as demand fell for the second year running.",
    "The government of {country} agreed to send {n} million euros in aid to farmers hit by the drought.",
    "According to {p2}, {r2}, the talks with {country} broke down over the question of fishing rights.",
    "Prices in {place} rose by {n} per cent in the year to March, the statistics office said.",
    "{p2} accused {org} of hiding the true cost of the project from the public.",
    "Officials expect the bridge in {place} to reopen in {n} weeks, once repairs to the piers are finished.",
    "Critics called the decision a reckless gamble that would leave taxpayers to pay the bill.",
    "The two countries signed a trade agreement in {place} on {day}, ending years of dispute.",
    "{p1} denied the claims and said the company had always followed the law.",
]


def make_article(rng: random.Random, sentences: int) -> Article:
    parts = []
    for _ in range(sentences):
        (p1, r1), (p2, r2) = rng.sample(PEOPLE, 2)
        parts.append(
            rng.choice(TEMPLATES).format(
                p1=p1,
                r1=r1,
                p2=p2,
                r2=r2,
                org=rng.choice(ORGS),
                place=rng.choice(PLACES),
                country=rng.choice(COUNTRIES),
                day=rng.choice(DAYS),
                n=rng.randint(2, 900),
            )
        )
    text = " ".join(parts)
    return Article(text=text, published=f"2025-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}")


def articles(n: int, sentences: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    return [make_article(rng, sentences) for _ in range(n)]


def stream(n: int, sentences: int, seed: int = 11) -> Iterator[Article]:
    rng = random.Random(seed)
    for _ in range(n):
        yield make_article(rng, sentences)


def words(arts: list[Article]) -> int:
    return sum(len(a.text.split()) for a in arts)


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def time_raw(arts: list[Article], n_process: int) -> float:
    model = nlp.load()
    t0 = time.perf_counter()
    for _ in model.pipe((a.text for a in arts), batch_size=16, n_process=n_process):
        pass
    return time.perf_counter() - t0


def time_full(arts: list[Article], workers: int) -> float:
    t0 = time.perf_counter()
    failures = 0
    for result in analyze_many(arts, workers=workers):
        if not hasattr(result, "article"):
            failures += 1
    if failures:
        print(f"  ({failures} analysis failures)")
    return time.perf_counter() - t0


def machine() -> str:
    cpu = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    import spacy

    info = nlp.model_info()
    return (
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}, {cpu}, "
        f"{os.cpu_count()} CPUs, spaCy {spacy.__version__}, model {info.package} {info.version}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--sentences", type=int, default=12, help="sentences per article (~15 words each)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--stream", type=int, default=10_000, help="articles for the memory run (0 to skip)")
    ap.add_argument("--stream-sentences", type=int, default=5)
    args = ap.parse_args()

    print("machine:", machine())
    arts = articles(args.articles, args.sentences)
    n_words = words(arts)
    print(f"corpus: {len(arts)} articles, {n_words} words")
    # warm up: model load, first-call costs of every extractor
    list(analyze_many(arts[:8]))
    time_raw(arts[:8], 1)

    raw1 = n_words / time_raw(arts, 1)
    full1 = n_words / time_full(arts, 1)
    print(f"1 process : raw spaCy {raw1:8.0f} words/s   full analysis {full1:8.0f} words/s   ratio {full1 / raw1:.2f}")
    if args.workers > 1:
        w = args.workers
        rawn = n_words / time_raw(arts, w)
        fulln = n_words / time_full(arts, w)
        print(
            f"{w} workers : raw spaCy {rawn:8.0f} words/s   full analysis {fulln:8.0f} words/s   "
            f"ratio {fulln / rawn:.2f}   speed-up raw {rawn / raw1:.2f}x  full {fulln / full1:.2f}x"
        )

    if args.stream:
        base = rss_mb()
        marks: dict[int, float] = {}
        t0 = time.perf_counter()
        seen = 0
        for _ in analyze_many(stream(args.stream, args.stream_sentences)):
            seen += 1
            if seen in (1000, 2000, 5000) or seen == args.stream:
                marks[seen] = rss_mb()
        dt = time.perf_counter() - t0
        print(
            f"stream    : {seen} articles in {dt:.0f}s; RSS before {base:.0f} MB, "
            + ", ".join(f"after {k}: {v:.0f} MB" for k, v in marks.items())
            + f"; peak RSS {peak_mb():.0f} MB"
        )
        if 1000 in marks and seen in marks:
            print(f"            growth from 1k to {seen}: {marks[seen] - marks[1000]:+.1f} MB")


if __name__ == "__main__":
    main()
