"""JSON Lines: one article per line, ``{"text": …, "title", "url", "source", "published"}``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from ..model import Article
from . import ReadOptions, SourceError, source
from ._decode import clean_text

FIELDS = ("title", "url", "source", "published", "author")
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def article_from_record(record: object, origin: str, options: ReadOptions) -> Article | SourceError:
    if not isinstance(record, dict):
        return SourceError(origin, "malformed record: expected a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        return SourceError(origin, "malformed record: 'text' is missing or not a string")
    if not text.strip():
        return SourceError(origin, "empty: 'text' has no content")
    if len(text.encode("utf-8")) > options.max_bytes:
        return SourceError(origin, f"too large: text exceeds the limit of {options.max_bytes:,} bytes (--max-bytes)")
    values: dict[str, str | None] = {}
    for name in FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return SourceError(origin, f"malformed record: '{name}' is not a string")
        values[name] = value
    published = values["published"] or options.published
    if published:
        m = _DATE.match(published)
        if not m:
            return SourceError(origin, f"malformed record: 'published' is not an ISO date: {published!r}")
        published = m.group(1)
    return Article(
        text=clean_text(text),
        title=values["title"],
        url=values["url"],
        source=values["source"] or options.source,
        published=published,
        author=values["author"],
        origin=origin,
    )


@source("jsonl", suffixes=(".jsonl", ".ndjson", ".jsonlines"))
def read_jsonl(location: str, options: ReadOptions) -> Iterator[Article | SourceError]:
    try:
        fh = open(location, "rb")
    except OSError as exc:
        yield SourceError(location, f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        for lineno, raw in enumerate(fh, start=1):
            origin = f"{location}:{lineno}"
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                yield SourceError(origin, "malformed line: not UTF-8")
                continue
            except json.JSONDecodeError as exc:
                yield SourceError(origin, f"malformed JSON: {exc.msg} at column {exc.colno}")
                continue
            yield article_from_record(record, origin, options)
