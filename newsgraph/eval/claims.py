"""Check-worthiness on ClaimBuster-style data: reader, scorer and metrics.

Why here and not in the extractor: evaluation must score each labelled sentence
with exactly the function the extractor uses (:func:`newsgraph.extract.claims.score_span`),
but it parses thousands of one-sentence texts, so it batches them through
``nlp.pipe`` instead of building a full :class:`~newsgraph.model.Analysis` per sentence.

Metrics: precision, recall and F1 of the positive class (label 1 = check-worthy)
at the extractor's default threshold, and average precision of the score
(area under the precision-recall curve, step-wise as in scikit-learn).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import nlp
from ..extract import claims as claims_mod
from . import f_score


@dataclass
class Example:
    text: str
    label: int
    id: str = ""


def read_claimbuster(path: str | Path) -> list[Example]:
    """Read a ClaimBuster file: a JSON list (or JSON lines) of ``{sentence_id, label, text}``, or CSV/TSV
    with columns ``text`` and ``label`` (an optional ``verdict`` column of -1/0/1 is mapped to 1 = check-worthy
    factual claim, as in the ClaimBuster crowdsourced files)."""
    path = Path(path)
    raw = path.read_text(encoding="utf-8-sig")
    rows: list[dict]
    if path.suffix.lower() in {".csv", ".tsv"}:
        dialect = "excel-tab" if path.suffix.lower() == ".tsv" else "excel"
        rows = list(csv.DictReader(raw.splitlines(), dialect=dialect))
    else:
        stripped = raw.lstrip()
        if stripped.startswith("["):
            rows = json.loads(stripped)
        else:
            rows = [json.loads(line) for line in raw.splitlines() if line.strip()]
    out: list[Example] = []
    for row in rows:
        text = row.get("text") or row.get("Text") or row.get("sentence") or ""
        if "label" in row and row["label"] not in (None, ""):
            label = int(float(row["label"]))
        elif "verdict" in row:
            label = 1 if int(float(row["verdict"])) == 1 else 0
        else:
            raise ValueError(f"{path}: row without 'label' or 'verdict': {row!r}")
        out.append(Example(text=str(text), label=label, id=str(row.get("sentence_id", row.get("id", "")))))
    return out


def featurize(texts: Sequence[str], *, batch_size: int = 256, n_process: int = 1) -> list[list[str]]:
    """The rule features of each text, parsed as one span (the whole text) with the shared pipeline."""
    model = nlp.load()
    feats: list[list[str]] = []
    for doc in model.pipe(texts, batch_size=batch_size, n_process=n_process):
        feats.append(claims_mod.sentence_features(doc[:]))
    return feats


def score_texts(texts: Sequence[str], *, batch_size: int = 256, n_process: int = 1) -> tuple[
    list[float], list[list[str]]
]:
    """Scores with :func:`newsgraph.extract.claims.score_span` (the extractor's scoring), and features."""
    model = nlp.load()
    scores: list[float] = []
    feats: list[list[str]] = []
    for doc in model.pipe(texts, batch_size=batch_size, n_process=n_process):
        score, features = claims_mod.score_span(doc[:])
        scores.append(score)
        feats.append(features)
    return scores, feats


def average_precision(labels: Sequence[int], scores: Sequence[float]) -> float:
    """Σ (R_n − R_{n−1}) P_n over distinct score thresholds, highest first (scikit-learn's definition)."""
    pairs = sorted(zip(scores, labels, strict=True), key=lambda p: -p[0])
    total_pos = sum(1 for label in labels if label == 1)
    if total_pos == 0:
        return 0.0
    ap = 0.0
    tp = fp = 0
    prev_recall = 0.0
    i = 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            if pairs[j][1] == 1:
                tp += 1
            else:
                fp += 1
            j += 1
        recall = tp / total_pos
        precision = tp / (tp + fp)
        ap += (recall - prev_recall) * precision
        prev_recall = recall
        i = j
    return ap


def metrics(labels: Sequence[int], scores: Sequence[float], threshold: float = claims_mod.THRESHOLD) -> dict:
    """Positive-class precision/recall/F1 at ``threshold`` and average precision of the scores."""
    tp = sum(1 for y, s in zip(labels, scores, strict=True) if y == 1 and s >= threshold)
    fp = sum(1 for y, s in zip(labels, scores, strict=True) if y != 1 and s >= threshold)
    fn = sum(1 for y, s in zip(labels, scores, strict=True) if y == 1 and s < threshold)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = f_score(precision, recall)
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "average_precision": round(average_precision(labels, scores), 4),
    }


def evaluate(path: str | Path, *, n_process: int = 1, limit: int | None = None) -> dict:
    """Score every sentence of a ClaimBuster file with the shipped scorer (or the user's model)."""
    examples = read_claimbuster(path)
    if limit is not None:
        examples = examples[:limit]
    scores, _ = score_texts([e.text for e in examples], n_process=n_process)
    return metrics([e.label for e in examples], scores)


def train(path: str | Path, out: str | Path | None = None, *, n_process: int = 1) -> Path:
    """Fit the optional local model on the user's ClaimBuster-style file; returns where it was saved."""
    from ..extract import _claims_model

    examples = read_claimbuster(path)
    texts = [e.text for e in examples]
    feats = featurize(texts, n_process=n_process)
    return _claims_model.train(
        texts, feats, [e.label for e in examples], out=Path(out) if out else None, source=str(path)
    )
