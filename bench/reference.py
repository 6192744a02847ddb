"""Reference outputs of the bundled examples: save them, or diff the current code against them.

Structural changes (moving code, lexicons to data files, a new plugin contract) must not change
what ``newsgraph analyze --format json`` says about the bundled examples.  This script runs exactly
what that command runs (``sources.read`` then ``pipeline.analyze_article``, one model load for all
files) and compares the JSON with the saved copy in ``bench/reference/``, ignoring
``pipeline_version`` (it moves whenever any extractor's code or data does).

It is deliberately not a pytest test: the extractors are being improved, so differences are
expected and must be read and explained, not failed on.

    python bench/reference.py            # diff against the saved outputs; exit 1 if anything differs
    python bench/reference.py --save     # overwrite the saved outputs with the current ones
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAVED = Path(__file__).resolve().parent / "reference"
IGNORED = ("pipeline_version",)


def examples() -> list[Path]:
    """Every bundled example input, in a stable order."""
    return sorted([*(ROOT / "examples" / "articles").iterdir(), *(ROOT / "examples" / "seed-story").iterdir()])


def current(path: Path) -> list[dict]:
    """What ``newsgraph analyze --format json PATH`` prints, as a list of analyses (minus ignored keys)."""
    from newsgraph.pipeline import analyze_article
    from newsgraph.sources import ReadOptions, SourceError, read

    out: list[dict] = []
    for item in read([str(path)], ReadOptions()):
        if isinstance(item, SourceError):
            out.append({"error": str(item)})
            continue
        data = json.loads(analyze_article(item).to_json())
        for key in IGNORED:
            data.pop(key, None)
        origin = data.get("article", {}).get("origin") or ""
        if origin.startswith(str(ROOT)):  # the checkout's path is not part of the output's meaning
            data["article"]["origin"] = origin[len(str(ROOT)) + 1:]
        out.append(data)
    return out


def _dump(data: list[dict]) -> str:
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--save", action="store_true", help="overwrite the saved reference outputs")
    parser.add_argument("--context", type=int, default=2, help="lines of context in the diff")
    args = parser.parse_args(argv)
    SAVED.mkdir(exist_ok=True)
    differs = 0
    for path in examples():
        ref = SAVED / f"{path.parent.name}--{path.name}.json"
        now = _dump(current(path))
        if args.save:
            ref.write_text(now, encoding="utf-8")
            print(f"saved  {ref.relative_to(ROOT)}")
            continue
        before = ref.read_text(encoding="utf-8") if ref.exists() else ""
        if before == now:
            print(f"same   {path.relative_to(ROOT)}")
            continue
        differs += 1
        print(f"DIFF   {path.relative_to(ROOT)}")
        sys.stdout.writelines(difflib.unified_diff(
            before.splitlines(keepends=True), now.splitlines(keepends=True),
            fromfile=f"saved/{ref.name}", tofile=f"now/{ref.name}", n=args.context))
    if not args.save:
        print(f"{differs} of {len(examples())} examples differ from the saved reference")
    return 1 if differs else 0


if __name__ == "__main__":
    raise SystemExit(main())
