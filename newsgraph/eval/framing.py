"""Framing evaluation on the Propaganda Techniques Corpus (PTC, SemEval-2020 task 11).

Reads the PTC layout (``<split>-articles/article<ID>.txt`` and the TSV
``<split>-task-flc-tc.labels``: id, technique, start, end) and scores predicted
spans exactly as the task's span-identification (SI) scorer does: partial credit
for character overlap,

    P = sum over predicted spans s, gold spans t of |s & t| / |s|   / #predicted
    R = sum over predicted spans s, gold spans t of |s & t| / |t|   / #gold

after overlapping spans are merged.  ``si`` ignores the technique (all spans of an
article are merged together); ``techniques.NAME`` only pairs spans that carry the
technique NAME (spans merged within that technique).  The scorer is a plain
function over ``{article_id: [(technique, start, end), ...]}`` so it can be tested
on hand-made spans without the corpus.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import f_score

SpanT = tuple[str, int, int]  # (technique, start, end)

TECHNIQUES = (
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Exaggeration,Minimisation",
    "Doubt",
    "Appeal_to_fear-prejudice",
    "Flag-Waving",
    "Causal_Oversimplification",
    "Slogans",
    "Appeal_to_Authority",
    "Black-and-White_Fallacy",
    "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring",
    "Bandwagon,Reductio_ad_hitlerum",
)


@dataclass
class PtcArticle:
    """One PTC article: its text (read byte-exact, no newline translation) and gold spans."""

    id: str
    text: str
    spans: list[SpanT] = field(default_factory=list)


def read_ptc(ptc_dir: str | Path, split: str = "dev") -> list[PtcArticle]:
    """Articles of ``split`` with their gold spans; articles without labels get an empty list."""
    root = Path(ptc_dir)
    art_dir = root / f"{split}-articles"
    if not art_dir.is_dir():
        raise FileNotFoundError(f"no PTC articles folder {art_dir}")
    articles: dict[str, PtcArticle] = {}
    for path in sorted(art_dir.glob("article*.txt")):
        art_id = path.stem.removeprefix("article")
        with path.open(encoding="utf-8", newline="") as fh:
            articles[art_id] = PtcArticle(art_id, fh.read())
    labels = root / f"{split}-task-flc-tc.labels"
    if labels.is_file():
        for line in labels.read_text(encoding="utf-8").splitlines():
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4:
                continue
            art_id, technique, start, end = parts
            if art_id in articles:
                articles[art_id].spans.append((technique, int(start), int(end)))
    else:
        label_dir = root / f"{split}-labels-task-flc-tc"
        for path in sorted(label_dir.glob("*.labels")) if label_dir.is_dir() else []:
            for line in path.read_text(encoding="utf-8").splitlines():
                parts = line.split("\t")
                if len(parts) == 4 and parts[0] in articles:
                    articles[parts[0]].spans.append((parts[1], int(parts[2]), int(parts[3])))
    return list(articles.values())


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of overlapping character ranges (touching ranges are not merged, as in the task scorer)."""
    merged: list[list[int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def _overlap_sums(pred: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]) -> tuple[float, float]:
    p_sum = r_sum = 0.0
    for ps, pe in pred:
        for gs, ge in gold:
            inter = min(pe, ge) - max(ps, gs)
            if inter > 0:
                p_sum += inter / (pe - ps)
                r_sum += inter / (ge - gs)
    return p_sum, r_sum


def _prf(p_sum: float, n_pred: int, r_sum: float, n_gold: int) -> dict[str, float | int]:
    precision = p_sum / n_pred if n_pred else 0.0
    recall = r_sum / n_gold if n_gold else 0.0
    f1 = f_score(precision, recall)
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "predicted": n_pred,
        "gold": n_gold,
    }


def score_spans(
    predicted: Mapping[str, Sequence[SpanT]], gold: Mapping[str, Sequence[SpanT]]
) -> dict[str, object]:
    """SemEval-2020 task 11 SI score (``si``) and technique-aware scores per technique (``techniques``).

    Articles absent from ``predicted`` count as articles with no predictions.
    """
    ids = set(gold) | set(predicted)
    si_p = si_r = 0.0
    si_np = si_ng = 0
    tech_acc: dict[str, list[float]] = defaultdict(lambda: [0.0, 0, 0.0, 0])
    for art in ids:
        pred_spans = list(predicted.get(art, ()))
        gold_spans = list(gold.get(art, ()))
        p_all = merge_spans((s, e) for _, s, e in pred_spans)
        g_all = merge_spans((s, e) for _, s, e in gold_spans)
        ps, rs = _overlap_sums(p_all, g_all)
        si_p += ps
        si_r += rs
        si_np += len(p_all)
        si_ng += len(g_all)
        techs = {t for t, _, _ in pred_spans} | {t for t, _, _ in gold_spans}
        for tech in techs:
            p_t = merge_spans((s, e) for t, s, e in pred_spans if t == tech)
            g_t = merge_spans((s, e) for t, s, e in gold_spans if t == tech)
            ps, rs = _overlap_sums(p_t, g_t)
            acc = tech_acc[tech]
            acc[0] += ps
            acc[1] += len(p_t)
            acc[2] += rs
            acc[3] += len(g_t)
    techniques = {
        tech: _prf(acc[0], int(acc[1]), acc[2], int(acc[3])) for tech, acc in sorted(tech_acc.items())
    }
    return {"si": _prf(si_p, si_np, si_r, si_ng), "techniques": techniques}


def predict_article_spans(texts: Sequence[str], *, batch_size: int = 8) -> list[list[SpanT]]:
    """Run the shipped framing extractor (and only what it needs) over ``texts``."""
    from .. import nlp
    from ..model import Article
    from ..pipeline import analyze_doc

    model = nlp.load()
    out: list[list[SpanT]] = []
    for text, doc in zip(texts, model.pipe(texts, batch_size=batch_size), strict=True):
        analysis = analyze_doc(doc, Article(text=text), extractors=["frames"])
        out.append([(f.technique, f.start, f.end) for f in analysis.frames])
    return out


def evaluate_framing(
    ptc_dir: str | Path, split: str = "dev", *, limit: int | None = None
) -> dict[str, object]:
    """Score the framing extractor on a PTC split; returns ``si``, ``techniques`` and run facts."""
    articles = read_ptc(ptc_dir, split)
    if limit is not None:
        articles = articles[:limit]
    started = time.perf_counter()
    preds = predict_article_spans([a.text for a in articles])
    elapsed = time.perf_counter() - started
    result = score_spans(
        {a.id: p for a, p in zip(articles, preds, strict=True)}, {a.id: a.spans for a in articles}
    )
    result["articles"] = len(articles)
    result["split"] = split
    result["seconds"] = round(elapsed, 1)
    return result


def train_framing(ptc_dir: str | Path, out: str | Path | None = None, *, split: str = "train") -> Path:
    """Fit the optional local framing model on the user's PTC-format ``split`` and save it."""
    from .. import nlp
    from ..extract._framing_model import default_model_path, train

    articles = read_ptc(ptc_dir, split)
    if not articles:
        raise ValueError(f"no articles in {ptc_dir} split {split}")
    docs = list(nlp.load().pipe([a.text for a in articles], batch_size=8))
    return train(docs, [a.spans for a in articles], Path(out) if out else default_model_path())
