"""Framing, after :func:`find_cues`: whose words a cue is (the outlet's or a quoted speaker's).
"""

from __future__ import annotations

from ...model import Quote
from .cue import _Cue


def _quotation_ranges(text: str) -> list[tuple[int, int]]:
    """Inside of every quotation of four words or more (shorter ones are scare quotes: the outlet's)."""
    from ..quotes import quoted_spans  # the one place quotation marks are paired

    out = []
    for q in quoted_spans(text):
        for a, b in q.pieces:
            if len(text[a:b].split()) >= 4:
                out.append((a, b))
    return out


def _voice(c: _Cue, quotes: list[Quote], quotations: list[tuple[int, int]]) -> tuple[Quote | None, bool]:
    """(the quote that holds the cue, whether the words are a speaker's).

    A cue inside a quote's content is that speaker's; so is a cue inside quotation marks that
    the quote extractor could not attribute — the outlet is quoting someone, not speaking.
    """
    quote = _quote_at(quotes, c.start, c.end)
    if quote is None:
        mid = (c.start + c.end) // 2
        quote = next((q for q in quotes if any(p.start <= mid < p.end for p in q.content)), None)
    if quote is not None:
        return quote, True
    return None, any(a <= c.start and c.end <= b for a, b in quotations)


def _quote_at(quotes: list[Quote], start: int, end: int) -> Quote | None:
    for q in quotes:
        for c in q.content:
            if c.start <= start and end <= c.end:
                return q
    return None
