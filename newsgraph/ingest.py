"""Sources -> analyses -> store, resumably.

An article already in the store is skipped before it is parsed (its id is the
hash of its normalized text), so re-running an interrupted ingest only does
the work that is left, and each article lands in its own transaction.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from tqdm import tqdm

from . import actors as _actors  # noqa: F401 - registers the actor index on the store's write path
from .model import Analysis, Article, LayerError
from .pipeline import Failure, analyze_many, pipeline_version, sanitize
from .report import safe
from .sources import ReadOptions, SourceError, read
from .store import Store, StoreLocked


@dataclass
class IngestReport:
    """What an ingest did: counts plus every failure with its origin and reason."""

    ingested: int = 0
    present: int = 0
    failed: list[SourceError | Failure] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    partial: list[tuple[str, LayerError]] = field(default_factory=list)  # (origin, failed layer) of stored articles

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        """One line of counts, then one line per failure and per failed layer (escaped: names come from strangers)."""
        lines = [f"ingested: {self.ingested}   already present: {self.present}   failed: {len(self.failed)}"
                 + (f"   stored with a failed layer: {len({o for o, _ in self.partial})}" if self.partial else "")]
        lines += [f"  failed  {safe(f.origin)}: {safe(f.reason)}" for f in self.failed]
        lines += [f"  partial {safe(origin)}: layer {err.field} ({err.extractor}) failed: {safe(err.error)}"
                  for origin, err in self.partial]
        return "\n".join(lines)


def _new_articles(
    items: Iterable[Article | SourceError], store: Store, report: IngestReport, on_item: Callable[[], None]
) -> Iterator[Article]:
    seen: set[str] = set()
    for item in items:
        on_item()
        if isinstance(item, SourceError):
            report.failed.append(item)
            continue
        item = sanitize(item)  # the id of the text that will be stored
        if item.id in seen or store.has(item.id):
            report.present += 1
            continue
        seen.add(item.id)
        yield item


def ingest(
    locations: Iterable[str] | None = None,
    store: Store | None = None,
    *,
    articles: Iterable[Article | SourceError] | None = None,
    options: ReadOptions | None = None,
    workers: int = 1,
    progress: bool = False,
    fail_fast: bool = False,
) -> IngestReport:
    """Read ``locations`` (or take ``articles``), analyse what is new, store each in one transaction."""
    store = store or Store()
    report = IngestReport()
    items = articles if articles is not None else read(list(locations or []), options)
    bar = tqdm(desc="ingest", unit="article", disable=not progress, file=sys.stderr, leave=False)
    try:
        for result in analyze_many(_new_articles(items, store, report, bar.update), workers=workers):
            if fail_fast and report.failed:
                break
            if isinstance(result, Failure):
                report.failed.append(result)
                continue
            try:
                added = store.add(result)
            except StoreLocked:
                raise  # every later article would wait and fail the same way
            except Exception as exc:  # this article cannot be stored; the others still can
                report.failed.append(Failure(result.article.origin or result.article.id,
                                             f"store failed: {exc.__class__.__name__}: {str(exc)[:300]}"))
                continue
            if added:
                report.ingested += 1
                report.ids.append(result.article.id)
                origin = result.article.origin or result.article.id
                report.partial += [(origin, err) for err in result.errors]
            else:
                report.present += 1
    finally:
        bar.close()
    return report


def reanalyze(store: Store, *, everything: bool = False, workers: int = 1) -> tuple[int, list[Failure]]:
    """Re-run the pipeline on articles analysed by an older version (or on all of them)."""
    current = pipeline_version()
    if everything:
        ids = [a.id for a in store.articles()]
    else:
        ids = store.stale(current)
    failures: list[Failure] = []
    done = 0

    def stored() -> Iterator[Article]:
        for aid in ids:
            analysis = store.analysis(aid)
            if analysis is not None:
                yield analysis.article

    for result in analyze_many(stored(), workers=workers):
        if isinstance(result, Analysis):
            store.replace(result)
            done += 1
        else:
            failures.append(result)
    return done, failures
