"""Article -> Analysis: parse once with spaCy, then run the registered extractors.

Batches go through ``nlp.pipe``; ``workers > 1`` spreads batches over processes,
which share the parent's loaded model (fork) or each load it once (spawn); see ``_pool``.
"""

from __future__ import annotations

import multiprocessing as mp
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice, tee
from typing import Any

from spacy.tokens import Doc

from . import __version__, gazetteer, nlp
from .extract import fingerprint, ordered
from .model import Analysis, Article


def pipeline_version() -> str:
    """newsgraph's version plus a digest of the extractor versions that ran."""
    return f"{__version__}+{fingerprint()}"


@dataclass
class Failure:
    """An article that could not be analysed, with the reason."""

    origin: str
    reason: str


def analyze_doc(doc: Doc, article: Article, extractors: Sequence[str] | None = None) -> Analysis:
    """Run the extractors over an already parsed ``doc`` of ``article.text``."""
    if doc.text != article.text:
        raise ValueError("doc.text differs from article.text: offsets would not line up")
    analysis = Analysis(pipeline_version=pipeline_version(), model=nlp.model_info(), article=article)
    for spec in ordered(extractors):
        records = spec.func(doc, analysis)
        setattr(analysis, spec.field, list(records))
    return analysis


def analyze_article(article: Article, extractors: Sequence[str] | None = None) -> Analysis:
    """Parse and analyse one article."""
    return analyze_doc(nlp.load()(article.text), article, extractors)


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


def _analyze_stream(articles: Iterable[Article], batch_size: int = 16) -> Iterator[Analysis | Failure]:
    """One ``nlp.pipe`` over the whole stream: spaCy batches internally, we pair docs with articles."""
    model = nlp.load()
    ours, texts = tee(articles)
    docs = model.pipe((a.text for a in texts), batch_size=batch_size)
    for article, doc in zip(ours, docs, strict=True):
        try:
            yield analyze_doc(doc, article)
        except Exception as exc:  # one bad article never stops a batch
            yield Failure(article.origin or article.id, f"analysis failed: {exc!r}")


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
