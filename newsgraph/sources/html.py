"""HTML pages through trafilatura: the article body plus title, date, author and site name."""

from __future__ import annotations

import re
from collections.abc import Iterator

import trafilatura

from ..model import Article
from . import ReadOptions, SourceError, read_local, source
from ._decode import DecodeError, check_size, clean_text, decode, looks_like_html

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
MIN_BODY_WORDS = 8  # fewer words than this is navigation or a stub, not an article
# Bounds checked before trafilatura (its date search is quadratic in the attributes of one element:
# 200,000 attributes on an <article> took 297 s).  Real news pages stay far below them.
MAX_TAG_ATTRIBUTES = 1_000  # attributes in one start tag
MAX_ATTRIBUTES = 200_000  # attributes in the whole page
MAX_ELEMENTS = 300_000  # start tags in the whole page
_TAG = re.compile(r"<[A-Za-z][^>]*>")
_ATTR = re.compile(r"""\s[^\s=/>"']+\s*=""")


def html_precheck(html: str) -> str | None:
    """Why this markup is refused before extraction (see the MAX_* bounds), or None."""
    elements = attributes = 0
    for m in _TAG.finditer(html):
        elements += 1
        tag = m.group()
        if len(tag) > 64:
            n = len(_ATTR.findall(tag))
            attributes += n
            if n > MAX_TAG_ATTRIBUTES:
                return f"hostile HTML: one element has {n:,} attributes (limit {MAX_TAG_ATTRIBUTES:,})"
    if elements > MAX_ELEMENTS:
        return f"hostile HTML: {elements:,} elements (limit {MAX_ELEMENTS:,})"
    if attributes > MAX_ATTRIBUTES:
        return f"hostile HTML: {attributes:,} attributes (limit {MAX_ATTRIBUTES:,})"
    return None


def article_from_html(
    html: str | bytes, origin: str, url: str | None, options: ReadOptions
) -> Article | SourceError:
    """Extract one article from an HTML page; a reason instead of an exception when it cannot."""
    if isinstance(html, bytes):
        try:
            check_size(html, options.max_bytes)
            html, _ = decode(html)  # the <meta charset> is read by decode_body
        except DecodeError as exc:
            return SourceError(origin, str(exc))
    if not html.strip():
        return SourceError(origin, "empty: no content")
    if reason := html_precheck(html):
        return SourceError(origin, reason)
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # lxml/trafilatura on hostile markup
        return SourceError(origin, f"malformed HTML: {exc.__class__.__name__}: {exc}")
    if doc is None:
        return SourceError(origin, "no article body found in the HTML")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = clean_text(data.get("text") or "").strip()
    title = (data.get("title") or "").strip() or None
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1 :]  # the headline is metadata, not body
    if len(text.split()) < MIN_BODY_WORDS:
        return SourceError(origin, f"no article body found in the HTML (only {len(text.split())} words of text)")
    date = data.get("date")
    published = options.published or (date if isinstance(date, str) and _DATE.match(date) else None)
    return Article(
        text=text,
        title=title,
        url=url or data.get("url"),
        source=options.source or data.get("sitename") or data.get("hostname"),
        published=published[:10] if published else None,
        author=data.get("author"),
        origin=origin,
    )


@source("html", suffixes=(".html", ".htm", ".xhtml"), sniff=looks_like_html)
def read_html(location: str, options: ReadOptions) -> Iterator[Article | SourceError]:
    data = read_local(location, options)
    yield data if isinstance(data, SourceError) else article_from_html(data, location, None, options)
