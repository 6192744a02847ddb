"""Attribution evaluation on PolNeAR (brat standoff) — and the textacy baseline.

Why this exact metric: attribution content spans are long and annotators disagree
on their edges (a leading "that", the quotation marks, a trailing clause), so an
exact-span match would measure edge conventions, not whether the statement was
found.  A prediction matches a gold attribution when the characters they share
are at least ``t`` of *both* content lengths; pairs are matched one-to-one,
greedily by overlap.  ``t = 0.3`` asks "is this the same statement?",
``t = 0.8`` asks "are its words the right ones?".

The reader keeps, for each article, the first annotator's file alphabetically
(PolNeAR has several annotators for some articles).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from . import f_score

#: Marks that make a gold content (or a prediction) "direct".  The right single
#: mark is left out on purpose: in running text it is mostly an apostrophe.
QUOTE_MARKS = frozenset('"“”«»„‟‘')

THRESHOLDS = (0.3, 0.8)

Ranges = tuple[tuple[int, int], ...]


@dataclass
class GoldAttribution:
    """One PolNeAR attribution: content pieces, cue and (when annotated) source spans."""

    content: Ranges
    cue: Ranges = ()
    source: Ranges = ()


@dataclass
class PredictedQuote:
    """What a system predicts, reduced to the character ranges the metric needs."""

    content: Ranges
    speaker: Ranges = ()
    opened_by_mark: bool = False


@dataclass
class PolnearDoc:
    name: str
    text: str
    gold: list[GoldAttribution] = field(default_factory=list)
    published: str | None = None


_SUFFIX = re.compile(r"_[0-9a-f]{4}$")


def _parse_ranges(spec: str) -> Ranges:
    out = []
    for part in spec.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return tuple(out)


def read_ann(path: Path) -> list[GoldAttribution]:
    """Parse one brat ``.ann`` file into attributions (events with at least one Content)."""
    spans: dict[str, Ranges] = {}
    events: list[list[tuple[str, str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, _, ranges = parts[1].partition(" ")
            try:
                spans[parts[0]] = _parse_ranges(ranges)
            except ValueError:
                continue
            del label
        elif parts[0].startswith("E"):
            args = []
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                args.append((role, ref))
            events.append(args)
    result: list[GoldAttribution] = []
    for args in events:
        content: list[tuple[int, int]] = []
        cue: list[tuple[int, int]] = []
        source: list[tuple[int, int]] = []
        for role, ref in args:
            rng = spans.get(ref, ())
            if role.startswith("Content"):
                content.extend(rng)
            elif role.startswith("Cue"):
                cue.extend(rng)
            elif role.startswith("Source"):
                source.extend(rng)
        if content:
            result.append(GoldAttribution(tuple(sorted(content)), tuple(cue), tuple(source)))
    return result


def _metadata_dates(root: Path) -> dict[str, str]:
    meta = root / "metadata.tsv"
    dates: dict[str, str] = {}
    if not meta.exists():
        return dates
    lines = meta.read_text(encoding="utf-8").splitlines()
    if not lines:
        return dates
    header = lines[0].split("\t")
    if "filename" not in header or "publication_date" not in header:
        return dates
    i, j = header.index("filename"), header.index("publication_date")
    for line in lines[1:]:
        cols = line.split("\t")
        if len(cols) > max(i, j):
            dates[cols[i]] = cols[j]
    return dates


def read_polnear(root: str | Path) -> list[PolnearDoc]:
    """Read ``root/attributions/*.ann`` + ``root/text/*.txt``; first annotator per article."""
    root = Path(root)
    chosen: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        base = _SUFFIX.sub("", ann.stem)
        chosen.setdefault(base, ann)
    dates = _metadata_dates(root)
    docs = []
    for base, ann in sorted(chosen.items()):
        txt = root / "text" / f"{base}.txt"
        if not txt.exists():
            txt = root / "text" / f"{ann.stem}.txt"
        if not txt.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        docs.append(PolnearDoc(base, text, read_ann(ann), dates.get(base)))
    return docs


# --------------------------------------------------------------------------- metric


def _length(r: Ranges) -> int:
    return sum(b - a for a, b in _merge(r))


def _merge(r: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for a, b in sorted(r):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def shared_chars(x: Ranges, y: Ranges) -> int:
    """Characters covered by both range sets."""
    total = 0
    for a, b in _merge(x):
        for c, d in _merge(y):
            lo, hi = max(a, c), min(b, d)
            if hi > lo:
                total += hi - lo
    return total


def match(gold: Sequence[Ranges], pred: Sequence[Ranges], t: float) -> list[tuple[int, int]]:
    """One-to-one greedy matching by shared characters; pairs (gold index, pred index)."""
    cands = []
    for i, g in enumerate(gold):
        gl = _length(g)
        for j, p in enumerate(pred):
            pl = _length(p)
            if not gl or not pl:
                continue
            s = shared_chars(g, p)
            if s and s >= t * gl and s >= t * pl:
                cands.append((s, i, j))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in cands:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j))
    return pairs


def _has_mark(text: str, ranges: Ranges) -> bool:
    return any(ch in QUOTE_MARKS for a, b in ranges for ch in text[a:b])


def is_direct_prediction(text: str, p: PredictedQuote) -> bool:
    """Content contains a quotation mark, or is opened by one (marks left outside the span)."""
    if p.opened_by_mark or _has_mark(text, p.content):
        return True
    if not p.content:
        return False
    start = min(a for a, _ in p.content)
    before = text[max(0, start - 2) : start].strip()
    return bool(before) and before[-1] in QUOTE_MARKS


@dataclass
class Counts:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def add(self, tp: int, n_pred: int, n_gold: int) -> None:
        self.tp += tp
        self.n_pred += n_pred
        self.n_gold += n_gold

    def prf(self) -> dict[str, float]:
        p = self.tp / self.n_pred if self.n_pred else 0.0
        r = self.tp / self.n_gold if self.n_gold else 0.0
        f = f_score(p, r)
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


@dataclass
class Score:
    counts: dict[str, Counts] = field(
        default_factory=lambda: {k: Counts() for k in ("all@0.3", "all@0.8", "direct@0.3", "direct@0.8")}
    )
    speaker_hits: int = 0
    speaker_total: int = 0
    n_docs: int = 0

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {k: c.prf() for k, c in self.counts.items()}
        out["speaker_accuracy"] = (
            round(self.speaker_hits / self.speaker_total, 4) if self.speaker_total else 0.0
        )
        out["n_docs"] = self.n_docs
        out["n_gold"] = self.counts["all@0.3"].n_gold
        out["n_gold_direct"] = self.counts["direct@0.3"].n_gold
        return out


def score_doc(score: Score, text: str, gold: Sequence[GoldAttribution], pred: Sequence[PredictedQuote]) -> None:
    """Add one document's counts to ``score``."""
    score.n_docs += 1
    g_ranges = [g.content for g in gold]
    p_ranges = [p.content for p in pred]
    g_direct = [i for i, g in enumerate(gold) if _has_mark(text, g.content)]
    p_direct = [j for j, p in enumerate(pred) if is_direct_prediction(text, p)]
    for t in THRESHOLDS:
        pairs = match(g_ranges, p_ranges, t)
        score.counts[f"all@{t}"].add(len(pairs), len(pred), len(gold))
        dg = [g_ranges[i] for i in g_direct]
        dp = [p_ranges[j] for j in p_direct]
        dpairs = match(dg, dp, t)
        score.counts[f"direct@{t}"].add(len(dpairs), len(dp), len(dg))
        if t == 0.3:
            for i, j in pairs:
                if not gold[i].source:
                    continue
                score.speaker_total += 1
                if pred[j].speaker and shared_chars(gold[i].source, pred[j].speaker) > 0:
                    score.speaker_hits += 1


# --------------------------------------------------------------------------- systems

Predictor = Callable[[Doc, PolnearDoc], list[PredictedQuote]]


def newsgraph_predictor(doc: Doc, pdoc: PolnearDoc) -> list[PredictedQuote]:
    """Run newsgraph's quote extractor (and what it depends on) on a parsed doc."""
    from ..model import Article
    from ..pipeline import analyze_doc

    analysis = analyze_doc(doc, Article(text=pdoc.text, published=pdoc.published), extractors=["quotes"])
    out = []
    for q in analysis.quotes:
        content = tuple((s.start, s.end) for s in q.content)
        speaker = ((q.speaker.start, q.speaker.end),) if q.speaker else ()
        out.append(PredictedQuote(content, speaker))
    return out


def textacy_predictor(doc: Doc, pdoc: PolnearDoc) -> list[PredictedQuote]:
    """textacy's direct-quotation rules on the same parse."""
    from textacy.extract.triples import direct_quotations

    out = []
    try:
        triples = list(direct_quotations(doc))
    except Exception:  # textacy can trip over unusual quote layouts; count as no output
        return out
    for tr in triples:
        content = ((tr.content.start_char, tr.content.end_char),)
        speaker: Ranges = ()
        if tr.speaker:
            speaker = ((min(t.idx for t in tr.speaker), max(t.idx + len(t) for t in tr.speaker)),)
        out.append(PredictedQuote(content, speaker))
    return out


SYSTEMS: dict[str, Predictor] = {"newsgraph": newsgraph_predictor, "textacy": textacy_predictor}


def evaluate(
    root: str | Path, systems: Sequence[str] = ("newsgraph",), limit: int | None = None
) -> dict[str, dict[str, object]]:
    """Score each named system on a PolNeAR folder; each doc is parsed once, shared by all systems."""
    from .. import nlp

    docs = read_polnear(root)
    if limit:
        docs = docs[:limit]
    model = nlp.load()
    scores = {name: Score() for name in systems}
    for pdoc, doc in zip(docs, model.pipe((d.text for d in docs), batch_size=8), strict=True):
        for name in systems:
            pred = SYSTEMS[name](doc, pdoc)
            score_doc(scores[name], pdoc.text, pdoc.gold, pred)
    return {name: s.as_dict() for name, s in scores.items()}


def format_table(results: dict[str, dict[str, object]]) -> str:
    """Side-by-side plain-text table of the figures of each system."""
    names = list(results)
    keys = ["all@0.3", "all@0.8", "direct@0.3", "direct@0.8"]
    lines = ["figure".ljust(22) + "".join(n.rjust(12) for n in names)]
    for k in keys:
        for m in ("precision", "recall", "f1"):
            row = f"{k} {m}".ljust(22)
            for n in names:
                v = results[n][k]
                row += f"{v[m]:12.3f}" if isinstance(v, dict) else str(v).rjust(12)
            lines.append(row)
    row = "speaker_accuracy".ljust(22)
    for n in names:
        row += f"{float(results[n]['speaker_accuracy']):12.3f}"  # type: ignore[arg-type]
    lines.append(row)
    return "\n".join(lines)
