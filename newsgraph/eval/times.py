"""TempEval-3 style evaluation of time expressions on TimeML (TimeBank) files.

Why this shape: TempEval-3 is how HeidelTime and the other published taggers were
scored, so our figures are comparable with theirs.  Per document, gold TIMEX3
tags other than the document creation time (``functionInDocument=
"CREATION_TIME"``, which is the anchor, passed to the tagger as the publication
date) are compared with the predicted spans:

- ``strict``: detection with exactly equal character offsets;
- ``relaxed``: detection where the spans overlap (one-to-one matching);
- ``value``: a relaxed match whose normalized ``value`` equals the gold one —
  precision over all predictions, recall over all gold tags.

Each metric is ``{"precision", "recall", "f1", "tp"}`` over the whole set (micro
average); ``gold`` and ``predicted`` give the counts.  The baseline is
``dateparser.search.search_dates`` with ``RELATIVE_BASE`` = the creation time;
its values are formatted at the granularity dateparser reports for the matched
substring (day, month, year, week, time).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import f_score

TIMEX_RE = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.S)
ATTR_RE = re.compile(r'(\w+)="([^"]*)"')
TAG_RE = re.compile(r"<[^>]+>")


@dataclass
class Timex:
    start: int
    end: int
    text: str
    value: str | None
    type: str = "DATE"


@dataclass
class TimeMLDoc:
    """One TimeML document: its plain text, creation time and gold TIMEX3 tags."""

    name: str
    text: str
    dct: str | None
    gold: list[Timex] = field(default_factory=list)


def read_timeml(path: Path) -> TimeMLDoc:
    """Plain text of ``<TEXT>`` with character offsets of every TIMEX3 in it."""
    raw = path.read_text(encoding="utf-8")
    dct = None
    for m in TIMEX_RE.finditer(raw):
        attrs = dict(ATTR_RE.findall(m.group(1)))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct = attrs.get("value")
            break
    body_start = raw.find("<TEXT>")
    body_end = raw.find("</TEXT>")
    body = raw[body_start + len("<TEXT>"): body_end if body_end >= 0 else len(raw)] if body_start >= 0 else ""
    out: list[str] = []
    pos = 0
    length = 0
    gold: list[Timex] = []
    for m in re.finditer(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>|<[^>]+>", body, re.S):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        if m.group(0).startswith("<TIMEX3"):
            attrs = dict(ATTR_RE.findall(m.group(1)))
            inner = html.unescape(TAG_RE.sub("", m.group(2)))
            if attrs.get("functionInDocument") != "CREATION_TIME":
                gold.append(Timex(length, length + len(inner), inner, attrs.get("value"), attrs.get("type", "DATE")))
            out.append(inner)
            length += len(inner)
        pos = m.end()
    out.append(html.unescape(body[pos:]))
    return TimeMLDoc(path.stem, "".join(out), dct, gold)


def read_dir(directory: Path) -> list[TimeMLDoc]:
    return [read_timeml(p) for p in sorted(Path(directory).glob("*.tml"))]


# ---------------------------------------------------------------- scoring


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0

    def add(self, other: Counts) -> None:
        for name in ("gold", "predicted", "strict", "relaxed", "value"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _prf(tp: int, predicted: int, gold: int) -> dict[str, float | int]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = f_score(p, r)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp}


def score_doc(gold: Sequence[Timex], pred: Sequence[Timex]) -> Counts:
    """One-to-one matching: exact spans first, then the largest overlaps."""
    c = Counts(gold=len(gold), predicted=len(pred))
    exact = {(g.start, g.end) for g in gold} & {(p.start, p.end) for p in pred}
    c.strict = len(exact)
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = min(g.end, p.end) - max(g.start, p.start)
            if ov > 0:
                pairs.append((-(ov + (1000 if (g.start, g.end) == (p.start, p.end) else 0)), gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        c.relaxed += 1
        if gold[gi].value is not None and pred[pi].value == gold[gi].value:
            c.value += 1
    return c


def report(counts: Counts) -> dict:
    return {
        "documents": None,
        "gold": counts.gold,
        "predicted": counts.predicted,
        "strict": _prf(counts.strict, counts.predicted, counts.gold),
        "relaxed": _prf(counts.relaxed, counts.predicted, counts.gold),
        "value": _prf(counts.value, counts.predicted, counts.gold),
    }


Tagger = Callable[[TimeMLDoc], list[Timex]]


def newsgraph_tagger() -> Tagger:
    """Our extractor, run through the pipeline on the document text with DCT as publication date."""
    from .. import nlp
    from ..model import Article
    from ..pipeline import analyze_doc

    model = nlp.load()

    def tag(doc: TimeMLDoc) -> list[Timex]:
        article = Article(text=doc.text, published=doc.dct[:10] if doc.dct else None)
        analysis = analyze_doc(model(doc.text), article, extractors=["times"])
        return [Timex(t.start, t.end, t.text, t.value, t.type) for t in analysis.times]

    return tag


def _dp_value(dt: datetime, period: str | None) -> str:
    if period == "year":
        return f"{dt.year:04d}"
    if period == "month":
        return f"{dt.year:04d}-{dt.month:02d}"
    if period == "week":
        y, w, _ = dt.isocalendar()
        return f"{y}-W{w:02d}"
    if period == "time":
        return dt.strftime("%Y-%m-%dT%H:%M")
    return dt.strftime("%Y-%m-%d")


def dateparser_tagger() -> Tagger:
    """Baseline: ``dateparser.search.search_dates`` anchored on the creation time."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    def tag(doc: TimeMLDoc) -> list[Timex]:
        base = datetime.fromisoformat(doc.dct[:10]) if doc.dct else datetime.now()
        settings = {"RELATIVE_BASE": base}
        try:
            found = search_dates(doc.text, languages=["en"], settings=settings) or []
        except Exception:  # dateparser raises on some inputs; a baseline must not stop the run
            found = []
        parser = DateDataParser(languages=["en"], settings=settings)
        out: list[Timex] = []
        pos = 0
        for substring, dt in found:
            i = doc.text.find(substring, pos)
            if i < 0:
                i = doc.text.find(substring)
                if i < 0:
                    continue
            else:
                pos = i + len(substring)
            try:
                period = parser.get_date_data(substring).period
            except Exception:
                period = None
            out.append(Timex(i, i + len(substring), substring, _dp_value(dt, period)))
        return out

    return tag


def evaluate(docs: Iterable[TimeMLDoc], tagger: Tagger) -> dict:
    total = Counts()
    n = 0
    for doc in docs:
        total.add(score_doc(doc.gold, tagger(doc)))
        n += 1
    out = report(total)
    out["documents"] = n
    return out


def run(directory: Path, baseline: str | None = "dateparser", limit: int | None = None) -> dict:
    """Score newsgraph (and the baseline, if named) on a directory of ``.tml`` files."""
    if baseline not in (None, "", "dateparser"):
        raise ValueError(f"unknown baseline {baseline!r} (known: dateparser)")
    docs = read_dir(directory)
    if limit:
        docs = docs[:limit]
    if not docs:
        raise FileNotFoundError(f"no .tml files in {directory}")
    result = evaluate(docs, newsgraph_tagger())
    if baseline == "dateparser":
        result["baseline"] = {"name": "dateparser", **evaluate(docs, dateparser_tagger())}
    return result


def errors(directory: Path, limit: int | None = None) -> list[tuple[str, str, str | None, str, str | None]]:
    """(doc, gold text, gold value, predicted text, predicted value) for every mismatch: a dev aid."""
    tag = newsgraph_tagger()
    rows = []
    for doc in read_dir(directory)[:limit]:
        pred = tag(doc)
        for g in doc.gold:
            hit = [p for p in pred if min(g.end, p.end) > max(g.start, p.start)]
            if not hit:
                rows.append((doc.name, g.text, g.value, "", None))
            elif hit[0].value != g.value or (hit[0].start, hit[0].end) != (g.start, g.end):
                rows.append((doc.name, g.text, g.value, hit[0].text, hit[0].value))
        for p in pred:
            if not any(min(g.end, p.end) > max(g.start, p.start) for g in doc.gold):
                rows.append((doc.name, "", None, p.text, p.value))
    return rows
