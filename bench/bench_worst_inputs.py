#!/usr/bin/env python
"""Time and peak memory of the worst input shapes of issue 17, each ingested in its own process.

    python bench/bench_worst_inputs.py [--only NAME ...] [--prose-kb 1200]

Every case is a file of at most 5 MB (the default ``--max-bytes``) given to ``ingest`` on a
fresh SQLite store, in a child process so that its peak resident set is its own.  Printed per
case: the outcome (stored / the reason it was refused), wall and CPU seconds, peak RSS, and the
CPU time as a ratio to a normal 4 KB article measured in the same run — on a shared machine
compare CPU seconds and ratios, not wall time.
The budget the limits in ``newsgraph.pipeline.Limits`` and ``newsgraph.sources.html`` aim at:
no case above 30 s or 2 GB.

Texts are generated from invented sentences (no real article text).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = [
    "Mayor Ana Ruiz said on Monday that the bridge in Porto Vela would reopen in May.",
    "\u201cWe will not accept this,\u201d union leader Peter Odhiambo told reporters in Caldera.",
    "The port authority said 12 ships had been moved to the northern quay last week.",
    "Finance Minister Lena Ortiz announced a 4 percent rise in fuel taxes, which critics called a disaster.",
    "Police in Marlow arrested three men after protesters blocked the main road on Friday.",
    "According to the ministry, the flood damaged 1,200 homes and two schools in the valley.",
]


def prose(n_chars: int, seed: int = 7) -> str:
    rnd = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < n_chars:
        para = " ".join(rnd.choice(SENTENCES) for _ in range(rnd.randint(2, 5)))
        out.append(para)
        size += len(para) + 2
    return "\n\n".join(out)[:n_chars]


def cases(prose_kb: int) -> dict[str, tuple[str, bytes]]:
    """name -> (file name, bytes)."""
    attrs = " ".join(f'data-k{i}="v"' for i in range(200_000))
    return {
        "normal-4KB": ("normal.txt", prose(4_000).encode()),
        "attributes-200k": ("attrs.html", f"<html><body><article {attrs}><p>{prose(2_000)}</p></article></body></html>"
                            .encode()),
        "no-punctuation-990KB": ("line.txt", ("word " * 198_000).encode()),
        "quote-marks-54KB": ("quotes.txt", ("\u201c" * 18_000).encode()),
        "quoted-words-1MB": ("qwords.txt", ("\u201cYes.\u201d " * 125_000).encode()),
        "bangs-1MB": ("bangs.txt", ("! " * 500_000).encode()),
        f"prose-{prose_kb}KB": ("prose.txt", prose(prose_kb * 1_000).encode()),
        "jsonl-text-2.2MB": ("big.jsonl", json.dumps({"text": prose(2_200_000)}).encode()),
        "prose-4.9MB": ("huge.txt", prose(4_900_000).encode()),
        "html-elements-4.9MB": ("elems.html", ("<html><body>" + "<div><span>a</span></div>" * 190_000
                                               + "</body></html>").encode()),
    }


CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from newsgraph import nlp, gazetteer
from newsgraph.extract import ordered
from newsgraph.ingest import ingest
from newsgraph.store import Store
nlp.load(); ordered(); gazetteer.warm()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
store = Store({db!r})
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
t, c = time.perf_counter(), cpu()
report = ingest([{path!r}], store)
dt, dc = time.perf_counter() - t, cpu() - c
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
reasons = [f.reason for f in report.failed] + [e.error for _, e in report.partial]
print(json.dumps({{"seconds": dt, "cpu": dc, "peak_mb": peak / 1024, "base_mb": base / 1024,
                  "stored": report.ingested, "reasons": reasons}}))
"""


def run_case(path: Path, db: Path, timeout: float) -> dict:
    code = CHILD.format(root=str(ROOT), db=str(db), path=str(path))
    try:
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"seconds": timeout, "cpu": float("nan"), "peak_mb": float("nan"), "stored": 0,
                "reasons": [f"TIMEOUT after {timeout} s"]}
    if out.returncode != 0:
        return {"seconds": float("nan"), "cpu": float("nan"), "peak_mb": float("nan"), "stored": 0,
                "reasons": [f"CRASH rc={out.returncode}: {out.stderr.strip().splitlines()[-1:]}"]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="*", help="run only these cases (and the normal baseline)")
    ap.add_argument("--prose-kb", type=int, default=1200, help="size of the accepted, chunk-parsed prose case")
    ap.add_argument("--timeout", type=float, default=900.0)
    args = ap.parse_args()
    todo = cases(args.prose_kb)
    if args.only:
        todo = {k: v for k, v in todo.items() if k == "normal-4KB" or any(o in k for o in args.only)}
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for name, (fname, data) in todo.items():
            path = Path(tmp) / fname
            path.write_bytes(data)
            t = time.perf_counter()
            results[name] = r = run_case(path, Path(tmp) / f"{name}.db", args.timeout)
            r["bytes"] = len(data)
            r["wall"] = time.perf_counter() - t
            print(f"... {name}: {r['seconds']:.1f} s", file=sys.stderr, flush=True)
    base = results["normal-4KB"]
    print(f"{'case':<24} {'bytes':>10} {'wall s':>8} {'cpu s':>7} {'cpu x normal':>12} {'peak MB':>8} {'+MB':>7}  outcome")
    for name, r in results.items():
        ratio = r["cpu"] / base["cpu"] if base["cpu"] else float("nan")
        extra = r["peak_mb"] - r.get("base_mb", r["peak_mb"])
        outcome = "stored" if r["stored"] else ""
        if r["reasons"]:
            outcome = (outcome + "; " if outcome else "") + r["reasons"][0][:90]
        print(f"{name:<24} {r['bytes']:>10,} {r['seconds']:>8.2f} {r['cpu']:>7.2f} {ratio:>12.1f} {r['peak_mb']:>8.0f} "
              f"{extra:>7.0f}  "
              f"{outcome}")


if __name__ == "__main__":
    main()
