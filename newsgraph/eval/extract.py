"""Article-body extraction quality on the Scrapinghub article-extraction-benchmark layout.

The directory holds ``ground-truth.json`` (``{id: {"articleBody": ..., "url": ...}}``) and
``html/<id>.html.gz``.  Each page goes through exactly the HTML→Article path the ``html``,
``url`` and ``warc`` sources use (:func:`newsgraph.sources.html.article_from_html`), so the score
is the score of what newsgraph ingests.

Metric — the benchmark's own definition (its ``evaluate.py``): text is split into ``\\w+``
tokens; each text becomes the multiset of its 4-token shingles (a text shorter than four tokens
is one shorter shingle); per page, true positives are the shared shingles counted with
multiplicity, false positives the extra predicted ones, false negatives the missed true ones, and
the three are normalised to sum to 1 so long pages do not dominate.  Precision is the mean of the
per-page precisions (pages with tp+fp > 0), recall the mean of per-page recalls (pages with
tp+fn > 0), and F1 = 2PR/(P+R) of those means.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import f_score

SHINGLE = 4
_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Multiset of n-token shingles of ``text``."""
    tokens = _TOKEN.findall(text or "")
    grams = [tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))]
    return Counter(g for g in grams if g)


def page_counts(true: str, pred: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingles, normalised to sum to 1 (all zero when both texts are empty)."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def aggregate(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Macro precision, recall and the F1 of the two means, as the benchmark reports them."""
    ps = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    f1 = f_score(p, r)
    return {"precision": p, "recall": r, "f1": f1}


@dataclass
class ExtractResult:
    precision: float
    recall: float
    f1: float
    pages: int
    failed: int
    per_page: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_dict(self, *, details: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "pages": self.pages,
            "failed": self.failed,
            "metric": f"{SHINGLE}-token shingles (scrapinghub article-extraction-benchmark)",
        }
        if details:
            out["per_page"] = self.per_page
        return out


def evaluate(directory: str | Path, *, limit: int | None = None) -> ExtractResult:
    """Score newsgraph's HTML→Article body text against ``ground-truth.json`` in ``directory``."""
    from ..sources import ReadOptions, SourceError
    from ..sources.html import article_from_html

    root = Path(directory)
    truth: dict[str, dict[str, Any]] = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    options = ReadOptions(max_bytes=50_000_000)
    counts: list[tuple[float, float, float]] = []
    per_page: dict[str, dict[str, Any]] = {}
    failed = 0
    for key in sorted(truth)[:limit]:
        item = truth[key]
        path = root / "html" / f"{key}.html.gz"
        with gzip.open(path, "rb") as fh:
            html = fh.read()
        # the bytes, as the html source passes them: one decoding path (declared charset, UTF-8,
        # detection), so the score is the score of what newsgraph ingests
        result = article_from_html(html, str(path), item.get("url"), options)
        if isinstance(result, SourceError):
            failed += 1
            pred = ""
        else:
            pred = result.text  # the body without the headline, like the ground truth
        c = page_counts(item.get("articleBody") or "", pred)
        counts.append(c)
        per_page[key] = {"precision": round(_precision(*c), 4), "recall": round(_recall(*c), 4)}
    agg = aggregate(counts)
    return ExtractResult(agg["precision"], agg["recall"], agg["f1"], len(counts), failed, per_page)
