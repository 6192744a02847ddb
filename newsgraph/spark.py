"""Spark runner: WARC files too many for one machine, one Spark task per file (cc-pyspark style).

    newsgraph spark --input warc-paths.txt --output out/        # Parquet: out/articles, out/files
    newsgraph spark --input warc-paths.txt --db postgresql://…  # straight into the store

The input lists one WARC per line: a local path, ``file://``, or ``http(s)://`` URL (downloaded to
a temporary file by the worker); ``--prefix`` is prepended to relative lines, e.g.
``https://data.commoncrawl.org/`` for Common Crawl path listings.  The list is parallelised with one
partition per file and processed with ``mapPartitionsWithIndex``: each task reads its WARC through
the ordinary WARC reader, analyses the articles, and emits plain rows.  The spaCy pipeline is loaded
once per Python worker process (``newsgraph.nlp.load`` is a process-wide singleton and Spark reuses
Python workers), not once per task or per record.  A broken record is counted against its file;
a file that cannot be read at all is one failure row, never a failed job.

Rows are the same as the single-machine path (:func:`local_rows`) produces for the same input:
one per article, keyed by ``record_id`` (the ``WARC-Record-ID``), with the full analysis as JSON.
pyspark is an optional extra (``pip install 'newsgraph[spark]'``) and needs Java 17+.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .model import Analysis, Article
from .sources import ReadOptions, SourceError

ARTICLE_COLUMNS: list[tuple[str, str]] = [
    ("record_id", "string"),
    ("article_id", "string"),
    ("warc_file", "string"),
    ("url", "string"),
    ("title", "string"),
    ("source", "string"),
    ("published", "string"),
    ("author", "string"),
    ("words", "int"),
    ("pipeline_version", "string"),
    ("analysis", "string"),
]
FILE_COLUMNS: list[tuple[str, str]] = [
    ("path", "string"),
    ("records", "int"),
    ("articles", "int"),
    ("skipped", "int"),
    ("errors", "int"),
    ("analysis_failures", "int"),
    ("stored", "int"),
    ("reasons", "string"),
]


@dataclass
class FileReport:
    """Per-file accounting: what a WARC held and what went wrong with it."""

    path: str
    records: int = 0
    articles: int = 0
    skipped: int = 0
    errors: int = 0
    analysis_failures: int = 0
    stored: int = 0
    reasons: str = "[]"


def article_row(analysis: Analysis, warc_file: str) -> dict[str, Any]:
    """One plain row per analysed article (the analysis itself as canonical JSON)."""
    art = analysis.article
    return {
        "record_id": art.origin or art.id,
        "article_id": art.id,
        "warc_file": os.path.basename(warc_file),
        "url": art.url,
        "title": art.title,
        "source": art.source,
        "published": art.published,
        "author": art.author,
        "words": len(art.text.split()),
        "pipeline_version": analysis.pipeline_version,
        "analysis": analysis.model_dump_json(),
    }


@contextmanager
def _local_copy(location: str) -> Iterator[str]:
    """A local path for ``location``, downloading http(s) URLs to a temporary file first."""
    if location.startswith("file://"):
        yield location[len("file://") :]
        return
    if not location.startswith(("http://", "https://")):
        yield location
        return
    import httpx

    from .sources.url import USER_AGENT

    fd, tmp = tempfile.mkstemp(suffix=".warc.gz" if location.endswith(".gz") else ".warc")
    try:
        with (
            os.fdopen(fd, "wb") as out,
            httpx.stream(
                "GET", location, headers={"User-Agent": USER_AGENT}, timeout=60, follow_redirects=True
            ) as resp,
        ):
            resp.raise_for_status()
            for chunk in resp.iter_bytes(1 << 20):
                out.write(chunk)
        yield tmp
    finally:
        os.unlink(tmp)


def process_file(
    location: str, options: ReadOptions | None = None, *, db: str | None = None
) -> tuple[list[dict[str, Any]], FileReport]:
    """Rows for one WARC file and its accounting; with ``db``, the analyses are stored instead."""
    from .pipeline import Failure, analyze_many
    from .sources.warc import WarcStats, iter_warc

    options = options or ReadOptions()
    report = FileReport(path=location)
    rows: list[dict[str, Any]] = []
    reasons: list[str] = []
    store = None
    try:
        with _local_copy(location) as path:
            stats = WarcStats(path=location)

            def articles() -> Iterator[Article]:
                for item in iter_warc(path, options, stats):
                    if isinstance(item, SourceError):
                        reasons.append(f"{item.origin}: {item.reason}")
                    else:
                        yield item

            if db is not None:
                from .store import Store

                store = Store(db)
            for result in analyze_many(articles()):
                if isinstance(result, Failure):
                    report.analysis_failures += 1
                    reasons.append(f"{result.origin}: {result.reason}")
                elif store is not None:
                    report.stored += int(store.add(result))
                else:
                    rows.append(article_row(result, location))
            report.records, report.articles = stats.records, stats.articles
            report.skipped, report.errors = stats.skipped, stats.errors
    except Exception as exc:  # an unreadable or undownloadable file is a failure of that file only
        report.errors += 1
        reasons.append(f"{location}: {exc.__class__.__name__}: {exc}")
    finally:
        if store is not None:
            store.close()
    report.reasons = json.dumps(reasons[:100])
    return rows, report


def local_rows(paths: Iterable[str], options: ReadOptions | None = None) -> tuple[list[dict], list[FileReport]]:
    """The single-machine path: the same rows, no Spark (for small inputs and for comparison)."""
    rows: list[dict] = []
    reports: list[FileReport] = []
    for p in paths:
        r, rep = process_file(p, options)
        rows.extend(r)
        reports.append(rep)
    return rows, reports


def read_paths(input_list: str | Path, prefix: str = "") -> list[str]:
    """Non-empty, non-comment lines of the path list; relative lines get ``prefix``."""
    out = []
    for line in Path(input_list).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if prefix and "://" not in line and not line.startswith("/"):
            line = prefix.rstrip("/") + "/" + line
        out.append(line)
    return out


def _partition(db: str | None, max_bytes: int):  # noqa: ANN202 - a closure shipped to workers
    def run(index: int, paths: Iterator[str]) -> Iterator[tuple[str, dict[str, Any]]]:
        options = ReadOptions(max_bytes=max_bytes)
        for path in paths:
            rows, report = process_file(path, options, db=db)
            for row in rows:
                yield ("article", row)
            yield ("file", asdict(report))

    return run


def _schema(columns: list[tuple[str, str]]):  # noqa: ANN202
    from pyspark.sql.types import IntegerType, StringType, StructField, StructType

    types = {"string": StringType(), "int": IntegerType()}
    return StructType([StructField(name, types[t], True) for name, t in columns])


def session(master: str | None = None, app_name: str = "newsgraph"):  # noqa: ANN201
    """A SparkSession whose Python workers run this interpreter (so they see newsgraph)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    if master or not os.environ.get("SPARK_HOME"):
        builder = builder.master(master or "local[*]")
    return (
        builder.config("spark.python.worker.reuse", "true")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )


@dataclass
class SparkSummary:
    files: int
    articles: int
    stored: int
    errors: int
    analysis_failures: int
    output: str | None


def run(
    paths: list[str],
    *,
    output: str | None = None,
    db: str | None = None,
    master: str | None = None,
    max_bytes: int = 5_000_000,
    spark: Any = None,
) -> SparkSummary:
    """Analyse every WARC in ``paths`` on Spark; Parquet under ``output`` or rows into ``db``."""
    if (output is None) == (db is None):
        raise ValueError("give exactly one of output or db")
    own = spark is None
    spark = spark or session(master)
    try:
        sc = spark.sparkContext
        rdd = sc.parallelize(paths, numSlices=max(1, len(paths))).mapPartitionsWithIndex(_partition(db, max_bytes))
        rdd = rdd.cache()
        files = rdd.filter(lambda kv: kv[0] == "file").map(lambda kv: tuple(kv[1][c] for c, _ in FILE_COLUMNS))
        files_df = spark.createDataFrame(files, _schema(FILE_COLUMNS))
        if output is not None:
            arts = rdd.filter(lambda kv: kv[0] == "article").map(lambda kv: tuple(kv[1][c] for c, _ in ARTICLE_COLUMNS))
            spark.createDataFrame(arts, _schema(ARTICLE_COLUMNS)).write.mode("overwrite").parquet(
                str(Path(output) / "articles")
            )
            files_df.write.mode("overwrite").parquet(str(Path(output) / "files"))
        totals = files_df.groupBy().sum("articles", "stored", "errors", "analysis_failures").collect()[0]
        rdd.unpersist()
        return SparkSummary(
            files=len(paths),
            articles=int(totals[0] or 0),
            stored=int(totals[1] or 0),
            errors=int(totals[2] or 0),
            analysis_failures=int(totals[3] or 0),
            output=output,
        )
    finally:
        if own:
            spark.stop()
