"""Benchmark: what incremental cross-article resolution adds to storing one article.

    python bench/bench_actors.py --articles 100000 --db /tmp/bench-actors.db

Builds (once; reused when the database exists) a store whose actor index holds ``--articles``
synthetic articles, each naming ~10 actors drawn with a Zipf-like skew from a pool of
invented people, organisations and real countries (so some actors are in tens of thousands
of articles, as a much-covered person is).  The index rows are bulk-inserted directly —
building them through ``Store.add`` would take hours and measure nothing more.  Then it
stores ``--probe`` new synthetic articles twice: with the actor index hook on the write
path and without it, and reports the median extra milliseconds per article (a ratio in one
run, on the same machine state), plus the same figure at a small store for comparison.
Names are generated from syllables: no real person is named.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert

from newsgraph.actors import index
from newsgraph.actors.resolve import Node, Resolver, group_state
from newsgraph.model import Analysis, Article, Entity, ModelInfo
from newsgraph.store import AFTER_ADD, Store
from newsgraph.store import actor_index as db
from newsgraph.store.schema import articles

MODEL = ModelInfo(name="bench", version="0", package="bench", spacy_version="none")
SYL = ["ka", "lo", "mi", "ra", "ten", "vo", "sul", "dra", "mer", "qui", "bal", "zen", "tor", "ash", "vel", "ny"]
COUNTRIES = ["France", "Canada", "Japan", "Brazil", "Kenya", "India", "Mexico", "Norway", "Egypt", "Peru"]


def _word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYL) for _ in range(n)).capitalize()


def pool(rng: random.Random, people: int, orgs: int) -> list[tuple[str, str, str]]:
    """(name, type, kind) of the actors articles draw from; most covered first."""
    out: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    while len(out) < people:
        name = f"{_word(rng, 2)} {_word(rng, 3)}"
        if name not in seen:
            seen.add(name)
            out.append((name, "PERSON", "person"))
    while len(out) < people + orgs:
        name = f"{_word(rng, 2)} {_word(rng, 2)} {rng.choice(['Party', 'Union', 'Council', 'Front', 'Bank'])}"
        if name not in seen:
            seen.add(name)
            out.append((name, "ORG", "organisation"))
    out += [(c, "GPE", "country") for c in COUNTRIES]
    rng.shuffle(out)
    return out


def pick(rng: random.Random, n: int) -> int:
    """Zipf-like index into a pool of n (rank 0 is in a large share of articles)."""
    return min(int(rng.paretovariate(1.05)) - 1, n - 1)


def build(store: Store, n_articles: int, rng: random.Random) -> list[tuple[str, str, str]]:
    actors = pool(rng, people=max(200, n_articles // 5), orgs=max(50, n_articles // 20))
    members: dict[int, int] = {}
    now = datetime.now(UTC)
    t = time.time()
    with store.engine.begin() as conn:
        batch_a, batch_m = [], []
        for i in range(n_articles):
            aid = f"bench{i:010d}"
            batch_a.append({"id": aid, "title": None, "url": None, "source": f"outlet{i % 40}",
                            "published": "2024-01-01", "author": None, "origin": "bench", "text": "x",
                            "meta": {}, "ingested_at": now})
            chosen = {pick(rng, len(actors)) for _ in range(10)}
            for k, a in enumerate(sorted(chosen)):
                members[a] = members.get(a, 0) + 1
                batch_m.append({"article_id": aid, "entity_id": f"E{k + 1}", "actor_id": f"a{a}",
                                "name": actors[a][0], "evidence": "bench", "confidence": 1.0})
            if len(batch_a) >= 5000:
                conn.execute(insert(articles), batch_a)
                conn.execute(insert(db.actor_members), batch_m)
                batch_a, batch_m = [], []
        if batch_a:
            conn.execute(insert(articles), batch_a)
            conn.execute(insert(db.actor_members), batch_m)
        rows, keys = [], []
        for a, count in members.items():
            name, typ, kind = actors[a]
            node = Node(article_id="x", entity_id="E1", name=name, type=typ, kind=kind, country=None, aliases=[])
            r = Resolver([node])
            st = group_state(r, [0])
            st["n_articles"] = count
            data = {"id": f"a{a}", "name": name, "type": typ, "kind": kind, "country": None, "sector": None,
                    "code": "---", "aliases": [], "confidence": 1.0, "state": st}
            rows.append({"id": f"a{a}", "name": name, "type": typ, "kind": kind, "country": None, "sector": None,
                         "code": "---", "confidence": 1.0, "n_articles": count, "search": f"|{name.lower()}|",
                         "data": json.dumps(data)})
            keys += [{"key": k, "actor_id": f"a{a}"} for k in sorted(index.node_keys(node))]
        conn.execute(insert(db.actors_table), rows)
        conn.execute(insert(db.actor_keys), keys)
    print(f"built {n_articles} articles, {len(members)} actors, {sum(members.values())} members "
          f"in {time.time() - t:.0f}s; most covered actor in {max(members.values())} articles")
    return actors


def probe_analyses(rng: random.Random, actors: list[tuple[str, str, str]], n: int, tag: str) -> list[Analysis]:
    out = []
    for i in range(n):
        chosen = sorted({pick(rng, len(actors)) for _ in range(8)})
        ents = [Entity(id=f"E{k + 1}", name=actors[a][0], type=actors[a][1], kind=actors[a][2])  # type: ignore[arg-type]
                for k, a in enumerate(chosen)]
        ents += [Entity(id=f"E{len(ents) + 1}", name=f"{_word(rng, 2)} {_word(rng, 4)}", type="PERSON", kind="person"),
                 Entity(id=f"E{len(ents) + 2}", name=actors[chosen[0]][0].split()[-1], type="PERSON", kind="person")]
        art = Article(text=f"Probe {tag} {i}: " + "; ".join(e.name for e in ents), source="probe",
                      published="2024-02-01")
        out.append(Analysis(pipeline_version="bench", model=MODEL, article=art, entities=ents))
    return out


def measure(store: Store, actors: list[tuple[str, str, str]], n: int, rng: random.Random) -> tuple[float, float]:
    """Median ms to store one article with and without the index hook (alternating)."""
    with_hook, without = [], []
    items = probe_analyses(rng, actors, 2 * n, str(rng.random()))
    for i, a in enumerate(items):
        hooked = i % 2 == 0
        if not hooked:
            AFTER_ADD.remove(index._on_add)
        t = time.perf_counter()
        store.add(a)
        (with_hook if hooked else without).append((time.perf_counter() - t) * 1000)
        if not hooked:
            AFTER_ADD.append(index._on_add)
    return statistics.median(with_hook), statistics.median(without)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--probe", type=int, default=30)
    ap.add_argument("--db", default="/tmp/bench-actors.db")
    args = ap.parse_args()
    from newsgraph import gazetteer
    from newsgraph.actors.resolve import is_given_name

    gazetteer.warm()
    is_given_name("Anna")  # load the given-name registry before timing
    for n, path in ((1_000, args.db + ".small"), (args.articles, args.db)):
        rng = random.Random(12)
        fresh = not Path(path).exists()
        store = Store(path)
        actors = build(store, n, rng) if fresh else pool(rng, people=max(200, n // 5), orgs=max(50, n // 20))
        w, wo = measure(store, actors, args.probe, random.Random(99))
        print(f"store of {n:>7} articles: storing one article {wo:7.1f} ms without the actor index, "
              f"{w:7.1f} ms with it: resolution adds {w - wo:6.1f} ms (median of {args.probe})")
        store.close()


if __name__ == "__main__":
    main()
