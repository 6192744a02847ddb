"""Start-up cost of ``import newsgraph.model`` and ``newsgraph --help``: this tree against another.

    python bench/bench_imports.py [OTHER_TREE] [--runs N]

Each case runs in a fresh interpreter, alternating between the trees so machine load hits both
alike; the report is the median wall time per tree and their ratio, plus whether spaCy or
SQLAlchemy got imported.  Ratios within one run are what to compare, not absolute seconds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = {
    "import newsgraph.model": "import newsgraph.model",
    "newsgraph --help": "from newsgraph.cli import build\ntry:\n    build()(['--help'])\nexcept SystemExit:\n    pass",
}
PROBE = "\nimport json, sys\nprint(json.dumps([m for m in ('spacy', 'sqlalchemy') if m in sys.modules]))"


def run(tree: Path, code: str) -> tuple[float, list[str]]:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code + PROBE], capture_output=True, text=True, check=True,
                         cwd=tree, env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"})
    return time.perf_counter() - start, json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("other", nargs="?", type=Path, help="another checkout (its folder holding newsgraph/)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    trees = {"this": ROOT} | ({"other": args.other.resolve()} if args.other else {})
    for case, code in CASES.items():
        times: dict[str, list[float]] = {k: [] for k in trees}
        heavy: dict[str, list[str]] = {}
        for _ in range(args.runs):
            for k, tree in trees.items():
                t, mods = run(tree, code)
                times[k].append(t)
                heavy[k] = mods
        med = {k: statistics.median(v) for k, v in times.items()}
        line = "  ".join(f"{k}: {med[k]:.3f}s loads {heavy[k] or 'neither'}" for k in trees)
        ratio = f"  ratio other/this = {med['other'] / med['this']:.1f}x" if "other" in med else ""
        print(f"{case:<24} {line}{ratio}")


if __name__ == "__main__":
    main()
