"""Phase 1: quotation marks paired into quotations, at the character level.

Straight and curly double marks, the typewriter conventions of wire copy, multi-paragraph
quotes that reopen on every paragraph, an unclosed mark closed at its paragraph's end —
never an exception.  Runs on the text alone, before and independently of the parse.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lexical import ALL_MARKS, DOUBLE_CLOSE, DOUBLE_OPEN, STRAIGHT, TRIM


@dataclass
class Quoted:
    """A quotation: its pieces (one per paragraph), without the marks."""

    pieces: list[tuple[int, int]]
    closed: bool = True

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def _is_opening_straight(text: str, i: int, width: int = 1) -> bool:
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + width] if i + width < len(text) else "\n"
    if prev.isspace() or prev in "([{—–-/" or prev in DOUBLE_OPEN or prev == "‘":
        return not nxt.isspace()
    return False


def _marks(text: str) -> list[tuple[int, int, str]]:
    """Double quotation marks as (position, width, 'open' | 'close' | 'either' | 'newline').

    Besides the Unicode marks, the typewriter conventions of wire copy are read:
    two backquotes open, two apostrophes are a double mark.
    """
    out: list[tuple[int, int, str]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in DOUBLE_OPEN:
            out.append((i, 1, "open"))
        elif ch in DOUBLE_CLOSE:
            # a closing mark that opens a paragraph is a typo for an opening one
            starts_para = i == 0 or text[i - 1] == "\n"
            out.append((i, 1, "open" if starts_para and i + 1 < n and not text[i + 1].isspace() else "close"))
        elif ch == STRAIGHT:
            out.append((i, 1, "either"))
        elif ch == "`" and text.startswith("``", i):
            out.append((i, 2, "open"))
            i += 2
            continue
        elif ch == "'" and text.startswith("''", i) and not text.startswith("'''", i):
            out.append((i, 2, "either"))
            i += 2
            continue
        elif ch == "\n":
            out.append((i, 1, "newline"))
        i += 1
    return out


def quoted_spans(text: str) -> list[Quoted]:
    """Pair double quotation marks into quotations.

    A paragraph that ends inside an open quotation continues it when the next
    paragraph opens with a mark (the convention for quotes running over several
    paragraphs); otherwise the quotation is closed at the paragraph's end and
    flagged ``closed=False``.  Single marks are nested quotes or apostrophes and
    never open a top-level quotation, so "the three mottos of ‘No to ..." cannot
    derail the pairing.
    """
    out: list[Quoted] = []
    open_at: int | None = None
    pieces: list[tuple[int, int]] = []
    marks = _marks(text)
    k = 0
    while k < len(marks):
        pos, width, kind = marks[k]
        k += 1
        if kind == "newline":
            if open_at is None:
                continue
            j = pos
            while j < len(text) and text[j].isspace():
                j += 1
            pieces.append((open_at, pos))
            while k < len(marks) and marks[k][0] < j:
                k += 1  # blank lines
            if k < len(marks) and marks[k][0] == j:
                _, w2, kind2 = marks[k]
                if kind2 == "open" or kind2 == "either" and _is_opening_straight(text, j, w2):
                    open_at = j + w2  # the next paragraph reopens: the quotation continues
                    k += 1
                    continue
            out.append(Quoted(pieces, closed=False))
            open_at, pieces = None, []
            continue
        if kind == "open" or (kind == "either" and open_at is None and _is_opening_straight(text, pos, width)):
            if open_at is not None:
                # a second opening mark inside the same paragraph: the first never closed
                pieces.append((open_at, pos))
                out.append(Quoted(pieces, closed=False))
                pieces = []
            open_at = pos + width
        elif open_at is not None:
            pieces.append((open_at, pos))
            out.append(Quoted(pieces, closed=True))
            open_at, pieces = None, []
    if open_at is not None:
        pieces.append((open_at, len(text)))
        out.append(Quoted(pieces, closed=False))
    cleaned = []
    for q in out:
        ps = [p for p in (_trim(text, a, b) for a, b in q.pieces) if p[1] > p[0]]
        if ps:
            cleaned.append(Quoted(ps, q.closed))
    return cleaned


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a] in TRIM or text[a] in ALL_MARKS and text[a] != "’"):
        a += 1
    while b > a and (text[b - 1] in TRIM or text[b - 1] in ALL_MARKS and not _is_apostrophe(text, b - 1)):
        b -= 1
    return a, b


def _is_apostrophe(text: str, i: int) -> bool:
    """A right single mark between letters ("it’s") or after an s ("voters’") is an apostrophe."""
    if text[i] not in "’'":
        return False
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return prev.isalpha() and (nxt.isalpha() or prev in "sS" and nxt.isspace())
