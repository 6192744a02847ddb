"""Benchmark (not a test): what quote extraction adds to the spaCy parse.

    python bench/bench_quotes.py                 # 300 composed fictional articles
    python bench/bench_quotes.py --polnear DIR   # PolNeAR texts, read at run time
    python bench/bench_quotes.py -n 500 --seed 3

Parses every article once with ``nlp.pipe`` (timed), then runs the quote extractor
alone on the parsed docs (timed), and prints both and their ratio.  The target is
under 25 % of the parse.  The speaker resolver runs without the actors output here
(it falls back to the parser's entities); ``--with-actors`` times actors + quotes too.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

NAMES = ["Maria Lind", "Tomas Berg", "Anna Kovac", "Piet Aalders", "Sofia Brandt", "Karl Weiss", "Lena Ortiz"]
ROLES = ["the interior minister", "a spokesman for the port authority", "the union leader", "the mayor"]
ORGS = ["the port authority", "the farmers' union", "the regional council", "the fire department"]
CUES = ["said", "added", "warned", "told reporters", "insisted", "noted", "argued"]
CLAUSES = [
    "the harbour walls would be repaired before the storms",
    "the budget for the coming year was balanced",
    "nobody had been told about the closure in advance",
    "the river had risen faster than any model predicted",
    "the talks with the shipping companies had stalled",
    "the new bridge would open to traffic in the spring",
    "the inquiry would publish its findings within a month",
]
FILLER = [
    "The council met in the old town hall on Tuesday evening.",
    "Several hundred residents attended the meeting, which lasted three hours.",
    "The harbour has been closed to large ships since the flood in March.",
    "Fishing crews have moved their boats to a smaller port further north.",
    "It is estimated that repairs will cost about 40 million euros.",
    "Prices at the fish market rose sharply over the winter.",
]


def compose(rng: random.Random, n_paragraphs: int = 14) -> str:
    """A fictional news article mixing direct, indirect and unattributed sentences."""
    paras = []
    for _ in range(n_paragraphs):
        name, role, org = rng.choice(NAMES), rng.choice(ROLES), rng.choice(ORGS)
        clause, cue = rng.choice(CLAUSES), rng.choice(CUES)
        form = rng.randrange(7)
        if form == 0:
            paras.append(f"“{clause[0].upper()}{clause[1:]},” {name}, {role}, {cue.split()[0]}.")
        elif form == 1:
            paras.append(f"{name} {cue} that {clause}.")
        elif form == 2:
            paras.append(f"According to {org}, {clause}.")
        elif form == 3:
            paras.append(f"{name.split()[1]} said: “{clause[0].upper()}{clause[1:]}. We will not wait.”")
        elif form == 4:
            paras.append(f"“{clause[0].upper()}{clause[1:]},” she said, “and we knew it.”")
        else:
            paras.append(" ".join(rng.sample(FILLER, 2)))
    return "\n".join(paras)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=300, help="number of composed articles")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--polnear", type=Path, help="use the texts of a PolNeAR folder instead")
    ap.add_argument("--with-actors", action="store_true", help="also time actors + quotes")
    args = ap.parse_args()

    from newsgraph import nlp
    from newsgraph.extract.quotes import find_quotes

    if args.polnear:
        texts = [p.read_text(encoding="utf-8") for p in sorted((args.polnear / "text").glob("*.txt"))]
        texts = (texts * (args.n // max(1, len(texts)) + 1))[: args.n]
    else:
        rng = random.Random(args.seed)
        texts = [compose(rng) for _ in range(args.n)]
    model = nlp.load()
    model("warm up")

    t0 = time.perf_counter()
    docs = list(model.pipe(texts, batch_size=32))
    parse_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_quotes = sum(len(find_quotes(doc)) for doc in docs)
    quote_s = time.perf_counter() - t0

    chars = sum(len(t) for t in texts)
    print(f"articles: {len(texts)}  characters: {chars}  quotes found: {n_quotes}")
    print(f"spaCy parse:      {parse_s:8.2f} s")
    print(f"quote extraction: {quote_s:8.2f} s   ({100 * quote_s / parse_s:.1f}% of the parse; target < 25%)")
    if args.with_actors:
        from newsgraph.model import Article
        from newsgraph.pipeline import analyze_doc

        t0 = time.perf_counter()
        for text, doc in zip(texts, docs, strict=True):
            analyze_doc(doc, Article(text=text), extractors=["quotes"])
        full_s = time.perf_counter() - t0
        print(f"quotes + dependencies (actors, times): {full_s:8.2f} s ({100 * full_s / parse_s:.1f}% of the parse)")


if __name__ == "__main__":
    main()
