"""Standard input (``-``): text, or HTML when it looks like HTML."""

from __future__ import annotations

import sys
from collections.abc import Iterator

from ..model import Article
from . import ReadOptions, SourceError, source
from ._decode import looks_like_html
from .html import article_from_html
from .text import article_from_bytes


@source("stdin")
def read_stdin(location: str, options: ReadOptions) -> Iterator[Article | SourceError]:
    data = sys.stdin.buffer.read(options.max_bytes + 1)
    if looks_like_html(data[:2048]):
        yield article_from_html(data, "<stdin>", None, options)
    else:
        yield article_from_bytes(data, "<stdin>", options)
