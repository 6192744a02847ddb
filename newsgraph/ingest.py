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

from .model import Analysis, Article
from .pipeline import Failure, analyze_many, pipeline_version
from .sources import ReadOptions, SourceError, read
from .store import Store


@dataclass
class IngestReport:
    """What an ingest did: counts plus every failure with its origin and reason."""

    ingested: int = 0
    present: int = 0
    failed: list[SourceError | Failure] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        lines = [f"ingested: {self.ingested}   already present: {self.present}   failed: {len(self.failed)}"]
        lines += [f"  failed  {f.origin}: {f.reason}" for f in self.failed]
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
            if isinstance(result, Failure):
                report.failed.append(result)
            elif store.add(result):
                report.ingested += 1
                report.ids.append(result.article.id)
            else:
                report.present += 1
            if fail_fast and report.failed:
                break
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
