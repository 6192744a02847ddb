"""Plain-text files: one article per file."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Article
from . import ReadOptions, SourceError, read_local, source
from ._decode import DecodeError, check_size, clean_text, decode


def article_from_bytes(data: bytes, origin: str, options: ReadOptions) -> Article | SourceError:
    """Validate and decode one text article; every failure is a reason, never an exception."""
    try:
        check_size(data, options.max_bytes)
        text, encoding = decode(data)
    except DecodeError as exc:
        return SourceError(origin, str(exc))
    text = clean_text(text)
    if not text.strip():
        return SourceError(origin, "empty: no text (only whitespace)")
    meta = {} if encoding in {"utf-8", "ascii"} else {"encoding": encoding}
    return Article(text=text, published=options.published, source=options.source, origin=origin, meta=meta)


@source("text", suffixes=(".txt", ".text", ".md"))
def read_text(location: str, options: ReadOptions) -> Iterator[Article | SourceError]:
    data = read_local(location, options)
    yield data if isinstance(data, SourceError) else article_from_bytes(data, location, options)
