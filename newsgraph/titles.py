"""A title for every article: its own, else its first line or sentence.

Many sources (pasted text, plain-text files, some feeds) deliver no title, and a list of
"Article 4376b5afe1f5764a" tells a reader nothing.  The stored title is never changed —
this is only what pages, exports and reports show — so a later source that does carry
the title still wins.
"""

from __future__ import annotations

import re

MAX_TITLE = 120
#: characters of the text a caller needs to fetch to derive a title
HEAD_CHARS = 400

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


def fallback_title(text: str | None, limit: int = MAX_TITLE) -> str:
    """The first non-empty line of ``text``; if that runs long, its first sentence; cut at a
    word boundary with an ellipsis when still longer than ``limit``.  Empty for empty text."""
    if not text:
        return ""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    line = re.sub(r"\s+", " ", line)
    if len(line) > limit:
        m = _SENTENCE_END.search(line)
        if m and m.start() <= limit:
            line = line[: m.start()].rstrip()
    if len(line) > limit:
        cut = line[:limit].rsplit(" ", 1)[0] if " " in line[:limit] else line[:limit]
        line = cut.rstrip(" ,;:-") + "…"
    return line


def display_title(title: str | None, text: str | None) -> str:
    """``title`` when it has any non-space character, else :func:`fallback_title` of ``text``."""
    if title and title.strip():
        return re.sub(r"\s+", " ", title).strip()
    return fallback_title(text) or "(untitled)"
