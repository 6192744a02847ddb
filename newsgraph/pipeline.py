"""Article -> Analysis: parse once with spaCy, then run the registered extractors.

Batches go through ``nlp.pipe``; ``workers > 1`` spreads batches over processes,
which share the parent's loaded model (fork) or each load it once (spawn); see ``_pool``.

No article can end a batch (see docs/INPUT.md):

* :func:`precheck` rejects, before any parsing, the shapes whose cost is out of
  proportion to their content (:class:`Limits`), with a reason a user can act on;
* a text longer than :attr:`Limits.chunk_chars` is parsed in paragraph-, line- or
  sentence-aligned chunks that are joined back into one ``Doc`` with the original
  offsets, so spaCy's ``max_length`` (E088) is never hit;
* a parse that raises fails that article only (a :class:`Failure` with the reason);
* each extractor runs in its own guard: an exception empties its layer and is
  recorded in ``Analysis.errors``; extractors that needed it still run and say so
  in ``Analysis.warnings``.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from spacy.tokens import Doc

from . import __version__, gazetteer, nlp
from .extract import fingerprint, ordered
from .model import Analysis, Article, LayerError


def pipeline_version() -> str:
    """newsgraph's version plus a digest of the extractor versions that ran."""
    return f"{__version__}+{fingerprint()}"


@dataclass
class Failure:
    """An article that could not be analysed, with the reason."""

    origin: str
    reason: str


class InputRejected(ValueError):
    """An article this pipeline will not parse (see :class:`Limits`); the message says why."""


@dataclass(frozen=True)
class Limits:
    """Per-article bounds that keep every input of ``--max-bytes`` or less within time and memory.

    Each limit is far above what a news article needs (a long feature is 5,000 words,
    ~35,000 tokens; its longest paragraph 3,000 characters; quotation marks under 2%
    of its characters) and below the sizes where parsing or the extractors were
    measured to take minutes or gigabytes (``bench/bench_worst_inputs.py``).
    """

    chunk_chars: int = 100_000  # parse longer texts in aligned chunks (spaCy's max_length is 1,000,000)
    # about 125 KB of English prose, 20,000 words (twice a long feature).  Analysis cost still grows
    # faster than linearly in places (claims), ~20 s of CPU at this size on the shared dev machine, so
    # this keeps an article under ~30 s.  NEWSGRAPH_MAX_TOKENS raises it: longer texts are then
    # chunk-parsed like any other, only slower.
    max_tokens: int = field(default_factory=lambda: int(os.environ.get("NEWSGRAPH_MAX_TOKENS") or 25_000))
    max_token_density: float = 0.45  # tokens per character, checked above 20,000 tokens (prose: ~0.2)
    max_run_chars: int = 20_000  # characters without a sentence end or line break
    max_quote_share: float = 0.05  # quotation marks per character, checked above 2,000 marks

    def check(self, text: str) -> str | None:
        """Why ``text`` is rejected, or None when it is within every limit."""
        tokens = sum(1 for _ in _TOKEN.finditer(text))
        if tokens > 20_000 and tokens / max(len(text), 1) > self.max_token_density:
            return (f"not prose: {tokens:,} tokens in {len(text):,} characters "
                    f"(token density {tokens / len(text):.2f} exceeds {self.max_token_density})")
        if tokens > self.max_tokens:
            return (f"too long to analyse: about {tokens:,} tokens exceeds the limit of {self.max_tokens:,} "
                    f"(split the input, or raise NEWSGRAPH_MAX_TOKENS)")
        longest = max((m.end() - m.start() for m in _RUN.finditer(text)), default=0)
        if longest > self.max_run_chars:
            return (f"not prose: a stretch of {longest:,} characters with no sentence end or line break "
                    f"(limit {self.max_run_chars:,})")
        marks = sum(text.count(q) for q in _QUOTE_MARKS)
        if marks > 2_000 and marks / len(text) > self.max_quote_share:
            return (f"not prose: {marks:,} quotation marks in {len(text):,} characters "
                    f"(more than {self.max_quote_share:.0%})")
        return None


LIMITS = Limits()
_TOKEN = re.compile(r"\w+|[^\w\s]")
_RUN = re.compile(r"[^.!?\n\u2026\u3002]+")
_QUOTE_MARKS = ('"', "\u201c", "\u201d", "\u201e", "\u201f", "\u00ab", "\u00bb", "\u2033")
# chunk boundaries, best first: a blank line, a line break, a sentence end, any whitespace
_BREAKS = (re.compile(r"\n\s*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s+"),
           re.compile(r"\s+"))


def sanitize(article: Article) -> Article:
    """The article with NUL characters removed from every field (PostgreSQL refuses them, and no
    reader shows them); the count is kept in ``meta["nul_removed"]`` and becomes a warning.

    This runs before the id is used, so the id is that of the text actually analysed.
    """
    fields = article.model_dump()
    if not any(isinstance(v, str) and "\x00" in v for v in fields.values()) and not any(
            "\x00" in k or "\x00" in v for k, v in article.meta.items()):
        return article
    removed = article.text.count("\x00")
    meta = {k.replace("\x00", ""): v.replace("\x00", "") for k, v in article.meta.items()}
    if removed:
        meta["nul_removed"] = str(removed + int(meta.get("nul_removed", "0") or 0))
    clean = {k: v.replace("\x00", "") if isinstance(v, str) else v for k, v in fields.items()}
    clean.update(meta=meta, id="" if removed else article.id)
    return Article(**clean)


def precheck(text: str, limits: Limits | None = None) -> str | None:
    """Why the pipeline would reject ``text`` (cheap, no parsing), or None."""
    return (limits or LIMITS).check(text)


def chunks(text: str, size: int) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters that join back to it exactly.

    Each cut falls after the last blank line of the window, else the last line break,
    else the last sentence end, else the last whitespace, so no sentence (if possible,
    no paragraph) is split across two parses.
    """
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = 0
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window) if m.end() < len(window)]
            if ends and ends[-1] > size // 4:
                cut = ends[-1]
                break
        if cut <= 0:
            cut = size  # one unbroken run (the prechecks refuse longer ones): cut mid-run
        out.append(window[:cut])
        start += cut
    out.append(text[start:])
    return out


def parse(text: str, limits: Limits | None = None) -> Doc:
    """One ``Doc`` of ``text``: parsed whole, or in aligned chunks joined with offsets kept."""
    limits = limits or LIMITS
    model = nlp.load()
    size = min(limits.chunk_chars, max(model.max_length // 2, 1_000))
    if len(text) <= size:
        return model(text)
    docs = list(model.pipe(chunks(text, size)))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:  # never store offsets into a different text
        raise ValueError("chunked parse did not reproduce the text")
    return doc


def analyze_doc(doc: Doc, article: Article, extractors: Sequence[str] | None = None) -> Analysis:
    """Run the extractors over an already parsed ``doc`` of ``article.text``.

    Each extractor is guarded: one that raises leaves its layer empty and a
    :class:`LayerError` in ``analysis.errors``; the others keep their records.
    """
    if doc.text != article.text:
        raise ValueError("doc.text differs from article.text: offsets would not line up")
    analysis = Analysis(pipeline_version=pipeline_version(), model=nlp.model_info(), article=article)
    if article.meta.get("nul_removed"):
        analysis.warnings.append(f"{article.meta['nul_removed']} NUL characters were removed from the text")
    failed: dict[str, str] = {}
    for spec in ordered(extractors):
        missing = [dep for dep in spec.after if dep in failed]
        if missing:
            analysis.warnings.append(f"{spec.name}: ran without {', '.join(missing)} (that extractor failed)")
        try:
            records = list(spec.func(doc, analysis))
        except Exception as exc:  # one extractor's bug never costs the other layers
            failed[spec.name] = spec.field
            records = []
            analysis.errors.append(LayerError(extractor=spec.name, field=spec.field, error=_describe(exc)))
        setattr(analysis, spec.field, records)
    return analysis


def _describe(exc: BaseException) -> str:
    text = str(exc)
    if len(text) > 300:
        text = text[:299] + "…"
    return f"{exc.__class__.__name__}: {text}" if text else exc.__class__.__name__


def analyze_article(article: Article, extractors: Sequence[str] | None = None) -> Analysis:
    """Parse and analyse one article; :class:`InputRejected` when it exceeds :data:`LIMITS`."""
    article = sanitize(article)
    reason = precheck(article.text)
    if reason:
        raise InputRejected(reason)
    return analyze_doc(parse(article.text), article, extractors)


def analyze(
    text: str,
    *,
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> Analysis:
    """Analyse one article's text.  ``published`` (YYYY-MM-DD) anchors relative dates."""
    return analyze_article(Article(text=text, published=published, source=source, url=url, title=title))


def _origin(article: Article) -> str:
    return article.origin or article.id


def _analyze_stream(articles: Iterable[Article], batch_size: int = 16) -> Iterator[Analysis | Failure]:
    """Batches of short texts through ``nlp.pipe``; long ones chunked; rejected and failing ones reported.

    A batch whose ``nlp.pipe`` raises is parsed again one article at a time, so only
    the article that broke the parser fails.
    """
    model = nlp.load()
    for batch in _batches(articles, batch_size):
        ready: list[Article] = []
        for article in map(sanitize, batch):
            reason = precheck(article.text)
            if reason:
                yield Failure(_origin(article), reason)
            else:
                ready.append(article)
        size = min(LIMITS.chunk_chars, max(model.max_length // 2, 1_000))
        short = [a for a in ready if len(a.text) <= size]
        docs: dict[int, Doc] = {}
        try:
            docs = {id(a): d for a, d in zip(short, model.pipe((a.text for a in short), batch_size=batch_size),
                                             strict=True)}
        except Exception:  # find the culprit below, one article at a time
            docs = {}
        for article in ready:
            doc = docs.pop(id(article), None)
            if doc is None:
                try:
                    doc = parse(article.text)
                except Exception as exc:
                    yield Failure(_origin(article), f"parse failed: {_describe(exc)}")
                    continue
            try:
                yield analyze_doc(doc, article)
            except Exception as exc:  # one bad article never stops a batch
                yield Failure(_origin(article), f"analysis failed: {_describe(exc)}")


def _analyze_batch(articles: list[Article]) -> list[str | Failure]:
    """A worker's batch; analyses travel back as JSON, which is several times cheaper for the
    parent to load than unpickling the models (on two cores the parent competes with the workers)."""
    return [r.model_dump_json() if isinstance(r, Analysis) else r for r in _analyze_stream(articles)]


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _pool(workers: int) -> Any:
    """Worker processes that already hold the model.

    A single-threaded parent forks: the children share its loaded model and start at once.
    When other threads run (a progress bar's monitor, a database driver), a forked child could
    inherit a lock one of them holds and hang, so the workers are spawned instead and each loads
    the model once.
    """
    if "fork" in mp.get_all_start_methods() and threading.active_count() == 1:
        nlp.load()
        ordered()
        gazetteer.warm()
        return mp.get_context("fork").Pool(workers)
    return mp.get_context("spawn").Pool(workers)


def analyze_many(
    articles: Iterable[Article], *, workers: int = 1, batch_size: int = 16
) -> Iterator[Analysis | Failure]:
    """Analyse a stream of articles, in order, with ``workers`` processes."""
    if workers <= 1:
        yield from _analyze_stream(articles, batch_size)
        return
    with _pool(workers) as pool:
        for results in pool.imap(_analyze_batch, _batches(articles, batch_size)):
            for r in results:
                yield Analysis.model_validate_json(r) if isinstance(r, str) else r
