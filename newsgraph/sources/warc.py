"""WARC and ARC files (Common Crawl, CC-NEWS, your own crawls): HTML responses become articles.

Only ``response`` records whose HTTP payload is HTML (2xx) are articles; requests,
metadata, redirects, images and PDFs are counted and passed over silently.  Each
article keeps where it came from: ``url`` = ``WARC-Target-URI``, ``origin`` =
``WARC-Record-ID`` (so rows keyed on it make a re-run idempotent), and ``meta``
has ``warc_record_id``, ``warc_date``, ``warc_file`` and ``warc_offset``.  The
page's own publication date (from the HTML) wins; the crawl date
(``WARC-Date``) is the fallback, marked ``meta["published_from"] = "warc-date"``.

Real crawls contain damage: a truncated gzip member, a mangled header, a file
cut short by a failed upload.  A broken record becomes a :class:`SourceError`
and reading resumes at the next record boundary found after it (the next gzip
member header for ``.gz`` files, the next ``WARC/1.x`` line otherwise), so one
bad record never costs the rest of a 1 GB file.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from ..model import Article
from . import ReadOptions, SourceError, source
from ._decode import decode_body, looks_like_html
from .url import HTML_TYPES

GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"WARC/1."
SCAN_BLOCK = 1 << 20


@dataclass
class WarcStats:
    """What a WARC file held: totals for the per-file accounting of big runs."""

    path: str = ""
    records: int = 0
    responses: int = 0
    articles: int = 0
    skipped: int = 0
    errors: int = 0
    reasons: list[str] = field(default_factory=list)


def _find_marker(fh: BinaryIO, start: int, marker: bytes, line_start: bool) -> int | None:
    """Offset of the first ``marker`` at or after ``start`` (at a line start if asked), or None."""
    fh.seek(start)
    carry = b""
    base = start
    while True:
        block = fh.read(SCAN_BLOCK)
        if not block:
            return None
        data = carry + block
        pos = 0
        while True:
            i = data.find(marker, pos)
            if i < 0:
                break
            if not line_start or (base + i == 0) or (i > 0 and data[i - 1 : i] == b"\n"):
                return base + i
            pos = i + 1
        keep = len(marker)
        carry = data[-keep:]
        base = base + len(data) - keep


def _next_boundary(fh: BinaryIO, start: int, gz: bool, is_arc: bool) -> int | None:
    """Offset of the next record that really starts after ``start`` (a gzip member holding a record
    header, or a ``WARC/1.x`` line), skipping look-alike bytes inside compressed data."""
    import zlib

    marker = GZIP_MAGIC if gz else WARC_MAGIC
    while True:
        at = _find_marker(fh, start, marker, line_start=not gz)
        if at is None or not gz:
            return at
        fh.seek(at)
        try:
            head = zlib.decompressobj(31).decompress(fh.read(4096), 64)
        except zlib.error:
            head = b""
        if head.startswith(WARC_MAGIC) or (is_arc and head[:1].isalpha()):
            return at
        start = at + 1


def _leftover(fh: BinaryIO, start: int) -> bool:
    """Whether anything but blank lines follows offset ``start`` (the end of the last whole record)."""
    fh.seek(start)
    while block := fh.read(SCAN_BLOCK):
        if block.strip(b"\r\n"):
            return True
    return False


def _is_gzip(fh: BinaryIO) -> bool:
    fh.seek(0)
    head = fh.read(3)
    fh.seek(0)
    return head == GZIP_MAGIC


def _starts_like_archive(fh: BinaryIO, gz: bool) -> bool:
    """A WARC starts with a ``WARC/1.x`` line, an ARC with its ``filedesc://`` record."""
    fh.seek(0)
    head = fh.read(4096)
    fh.seek(0)
    if gz:
        import zlib

        try:
            head = zlib.decompressobj(31).decompress(head, 64)
        except zlib.error:
            return False
    return head.lstrip(b"\r\n").startswith((WARC_MAGIC, b"filedesc://"))


def _html_payload(record: Any) -> tuple[str | None, str]:
    """(content type, status) when the record is an HTTP response, else (None, '')."""
    http = record.http_headers
    if http is None:
        return None, ""
    status = http.get_statuscode() or ""
    return http.get_header("Content-Type") or "", status


def _record_article(
    record: Any, path: str, offset: int, options: ReadOptions, stats: WarcStats
) -> Article | SourceError | None:
    """One record as an article, an error, or None when it is simply not an article."""
    from .html import article_from_html

    headers = record.rec_headers
    record_id = headers.get_header("WARC-Record-ID") or f"{path}@{offset}"
    content_type, status = _html_payload(record)
    if content_type is None:
        stats.skipped += 1
        return None
    stats.responses += 1
    mime = content_type.split(";", 1)[0].strip().lower()
    if not status.startswith("2"):
        stats.skipped += 1
        return None
    stream = record.content_stream()
    body = stream.read(options.max_bytes + 1)
    if mime not in HTML_TYPES and not (
        mime in ("", "text/plain", "application/octet-stream") and looks_like_html(body)
    ):
        stats.skipped += 1
        return None
    if len(body) > options.max_bytes:
        return SourceError(record_id, f"too large: payload exceeds the {options.max_bytes}-byte cap")
    text, charset, _how = decode_body(body, content_type)
    target = headers.get_header("WARC-Target-URI")
    warc_date = headers.get_header("WARC-Date") or ""
    result = article_from_html(text, record_id, target, options)
    if isinstance(result, SourceError):
        return result
    meta = dict(result.meta)
    meta.update(
        {
            "warc_record_id": record_id,
            "warc_date": warc_date,
            "warc_file": os.path.basename(path),
            "warc_offset": str(offset),
            "charset": charset,
        }
    )
    update: dict[str, Any] = {"meta": meta, "origin": record_id, "url": target or result.url}
    if not result.published and warc_date[:10]:
        update["published"] = warc_date[:10]
        meta["published_from"] = "warc-date"
    return result.model_copy(update=update)


def iter_warc(
    path: str, options: ReadOptions | None = None, stats: WarcStats | None = None
) -> Iterator[Article | SourceError]:
    """Articles of one WARC/ARC file (plain or gzip), skipping past broken records."""
    options = options or ReadOptions()
    stats = stats if stats is not None else WarcStats(path=path)
    stats.path = stats.path or path
    try:
        fh: BinaryIO = open(path, "rb")  # noqa: SIM115 - closed in finally
    except OSError as exc:
        stats.errors += 1
        stats.reasons.append(f"cannot open: {exc.strerror or exc}")
        yield SourceError(path, f"cannot open: {exc.strerror or exc}")
        return
    try:
        gz = _is_gzip(fh)
        if not _starts_like_archive(fh, gz):
            stats.errors += 1
            stats.reasons.append("not a WARC or ARC file")
            yield SourceError(path, "not a WARC or ARC file (no WARC/1.x or filedesc:// header at the start)")
            return
        is_arc = path.lower().endswith((".arc", ".arc.gz"))
        pos = 0
        while True:
            fh.seek(pos)
            it = ArchiveIterator(fh, arc2warc=is_arc)
            start = pos
            failed_at: int | None = None
            reason = ""
            while True:
                try:
                    record = next(it)
                except StopIteration:
                    if _leftover(fh, start):
                        # warcio stops quietly when the file ends inside a record's headers or
                        # gzip member: the bytes after the last whole record are a cut record
                        failed_at, reason = start, "truncated: the file ends inside this record"
                    break
                except Exception as exc:  # damaged header, gzip member or framing
                    failed_at, reason = start, f"{exc.__class__.__name__}: {exc}"
                    break
                stats.records += 1
                if not is_arc and not (record.rec_type and record.rec_headers.get_header("Content-Length")):
                    # the file ended (or garbage began) inside the record's WARC headers
                    failed_at, reason = start, "truncated: the record's WARC headers are incomplete"
                    break
                try:
                    item = _record_article(record, path, start, options, stats)
                    it.read_to_end()
                except Exception as exc:  # damaged payload inside a readable header
                    failed_at, reason = start, f"{exc.__class__.__name__}: {exc}"
                    break
                missing = getattr(record.raw_stream, "limit", 0) or 0
                if missing > 0:  # the file ended inside this record: its payload is incomplete
                    failed_at, reason = start, f"truncated: {missing} bytes of the record are missing"
                    break
                if item is not None:
                    if isinstance(item, Article):
                        stats.articles += 1
                    else:
                        stats.errors += 1
                        stats.reasons.append(item.reason)
                    yield item
                start = it.offset
            if failed_at is None:
                return
            stats.errors += 1
            msg = f"broken record at byte {failed_at}: {reason[:300]}"
            stats.reasons.append(msg)
            yield SourceError(f"{path}@{failed_at}", msg)
            nxt = _next_boundary(fh, failed_at + 1, gz, is_arc)
            if nxt is None:
                return
            pos = nxt
    finally:
        fh.close()


def _sniff_warc(head: bytes) -> bool:
    if head.startswith(WARC_MAGIC):
        return True
    if head.startswith(GZIP_MAGIC):
        import gzip

        try:
            return gzip.GzipFile(fileobj=io.BytesIO(head)).read(8).startswith(WARC_MAGIC)
        except (OSError, EOFError):
            return False
    return False


@source("warc", suffixes=(".warc", ".warc.gz", ".arc", ".arc.gz"), sniff=_sniff_warc, priority=1)
def read_warc(location: str, options: ReadOptions) -> Iterator[Article | SourceError]:
    """A WARC or ARC file: its HTML responses as articles, its broken records as errors."""
    yield from iter_warc(location, options)
