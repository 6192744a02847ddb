"""Within-article coreference quality on GUM-style gold (``DOC.txt`` + ``DOC.json`` per document).

Why B-cubed over *gold* mentions: the question a user asks is "are the mentions of one named
person or organisation in one cluster, and only theirs?", not whether newsgraph finds every
noun phrase.  Definition (the same as the project's held-out check):

- gold: mentions of entities of type person or organization whose cluster is *named* (some
  mention is linked to Wikipedia, or holds a proper noun of at most five words that is not a
  coordination "X and Y"); coordinated proper mentions without a link are dropped; of two nested
  mentions of one cluster only the inner is kept;
- each gold mention is aligned to the predicted mention (``Analysis.mentions`` with an entity)
  that overlaps it most, if the overlap is at least half the shorter of the two spans; an
  unaligned gold mention is a singleton of its own;
- B-cubed precision and recall are averaged over gold mentions (all of them, and separately the
  proper-name ones), F1 their harmonic mean.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Analysis, Article
from . import f_score

ETYPES = ("person", "organization")


@dataclass
class B3:
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    mentions: int = 0

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "mentions": self.mentions}


def b_cubed(pairs: list[tuple[Hashable, Hashable]]) -> B3:
    """B-cubed over items given as (gold cluster, predicted cluster) pairs."""
    gold: dict[Hashable, int] = defaultdict(int)
    pred: dict[Hashable, int] = defaultdict(int)
    both: dict[tuple[Hashable, Hashable], int] = defaultdict(int)
    for g, p in pairs:
        gold[g] += 1
        pred[p] += 1
        both[(g, p)] += 1
    if not pairs:
        return B3()
    precision = sum(both[(g, p)] / pred[p] for g, p in pairs) / len(pairs)
    recall = sum(both[(g, p)] / gold[g] for g, p in pairs) / len(pairs)
    f1 = f_score(precision, recall)
    return B3(precision, recall, f1, len(pairs))


def gold_mentions(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The scored gold mentions of one document (see the module docstring)."""
    clusters: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in doc.get("mentions", []):
        if m.get("etype") in ETYPES:
            clusters[str(m["cluster"])].append(m)
    kept: list[dict[str, Any]] = []
    for members in clusters.values():
        named = any(m.get("identity") for m in members) or any(
            m.get("proper") and " and " not in m["text"] and len(m["text"].split()) <= 5 for m in members)
        if not named:
            continue
        for m in members:
            if m.get("proper") and " and " in m["text"] and not m.get("identity"):
                continue
            inner = any(o is not m and o["start"] >= m["start"] and o["end"] <= m["end"]
                        and o["end"] - o["start"] < m["end"] - m["start"] for o in members)
            if not inner:
                kept.append(m)
    return kept


def align(gold: dict[str, Any], predicted: Iterable[tuple[int, int, str]]) -> str | None:
    """The entity of the predicted mention that overlaps ``gold`` most (at least half the shorter span)."""
    best, best_overlap = None, 0
    for start, end, ent in predicted:
        overlap = min(gold["end"], end) - max(gold["start"], start)
        if overlap > best_overlap and overlap >= 0.5 * min(gold["end"] - gold["start"], end - start):
            best, best_overlap = ent, overlap
    return best


@dataclass
class CorefResult:
    docs: int = 0
    failed: int = 0
    gold: int = 0
    aligned: int = 0
    all_mentions: B3 = field(default_factory=B3)
    names: B3 = field(default_factory=B3)
    per_doc: dict[str, dict[str, float | int]] = field(default_factory=dict)

    def to_dict(self, details: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "docs": self.docs, "failed": self.failed,
            "mention_recall": round(self.aligned / self.gold, 4) if self.gold else 0.0,
            "b3_all": self.all_mentions.to_dict(), "b3_names": self.names.to_dict(),
        }
        if details:
            out["per_doc"] = self.per_doc
        return out


def score(docs: list[tuple[dict[str, Any], Analysis | None]]) -> CorefResult:
    """B-cubed of analyses against their gold documents."""
    result = CorefResult(docs=len(docs))
    all_pairs: list[tuple[Hashable, Hashable]] = []
    name_pairs: list[tuple[Hashable, Hashable]] = []
    for gold_doc, analysis in docs:
        doc_id = gold_doc.get("id", "")
        result.failed += analysis is None
        predicted = [(m.start, m.end, m.entity) for m in (analysis.mentions if analysis else []) if m.entity]
        doc_pairs: list[tuple[Hashable, Hashable]] = []
        for k, g in enumerate(gold_mentions(gold_doc)):
            ent = align(g, predicted)
            result.gold += 1
            result.aligned += ent is not None
            pair: tuple[Hashable, Hashable] = ((doc_id, str(g["cluster"])), (doc_id, ent) if ent else (doc_id, "_", k))
            all_pairs.append(pair)
            doc_pairs.append(pair)
            if g.get("proper"):
                name_pairs.append(pair)
        result.per_doc[doc_id] = b_cubed(doc_pairs).to_dict()
    result.all_mentions = b_cubed(all_pairs)
    result.names = b_cubed(name_pairs)
    return result


def load(directory: Path, limit: int | None = None) -> list[tuple[dict[str, Any], Article]]:
    """Gold documents and their articles, in name order; a JSON without its text is an error."""
    out = []
    for path in sorted(directory.glob("*.json"))[:limit]:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text_path = path.with_suffix(".txt")
        if not text_path.exists():
            raise FileNotFoundError(f"{text_path} (the text of {path.name}) not found")
        gold.setdefault("id", path.stem)
        text = text_path.read_text(encoding="utf-8")
        out.append((gold, Article(text=text, published=gold.get("published"), title=gold.get("title"),
                                  origin=str(text_path))))
    return out


def evaluate(directory: Path, limit: int | None = None) -> CorefResult:
    """Analyse every document of ``directory`` and score its mentions."""
    from ..pipeline import analyze_many

    pairs = load(directory, limit)
    analyses = list(analyze_many(a for _, a in pairs))
    return score([(g, a if isinstance(a, Analysis) else None) for (g, _), a in zip(pairs, analyses, strict=True)])
