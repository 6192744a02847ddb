"""Phase 3: quotations and cue frames joined into statements.

Quotations extend the content of the frames they overlap or stand next to (several
sentences, several pieces), a quotation that goes on after "she said" stays one
statement, and orphan quotations take the speaker of a neighbouring sentence or of a
"― Name" byline.  Page furniture is removed before anything is joined.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span

from ..docindex import SentenceIndex
from ..furniture import Furniture
from .frames import Frame, _frames, _label_frames, _same_paragraph
from .lexical import ALL_MARKS
from .marks import Quoted, quoted_spans


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _alnum_outside(text: str, ranges: list[tuple[int, int]], quotes: list[Quoted]) -> int:
    inside = [p for q in quotes for p in q.pieces]
    count = 0
    for a, b in ranges:
        for i in range(a, b):
            if text[i].isalnum() and not any(x <= i < y for x, y in inside):
                count += 1
    return count


_GAP = frozenset(" \t\r,.;:?!—–-") | ALL_MARKS


def _adjacent(text: str, q: Quoted, f: Frame) -> bool:
    """Only punctuation between the quotation and the "X said" next to it, whatever the
    sentence splitter decided ("“You winning?” she said" split after the question mark)."""
    first = min([f.cue[0].idx] + ([f.speaker.start_char] if f.speaker is not None else []))
    last_tok = max(f.cue, key=lambda t: t.i)
    last = last_tok.idx + len(last_tok)
    if f.speaker is not None:
        last = max(last, f.speaker.end_char)
    if 0 <= first - q.end <= 6 and all(ch in _GAP for ch in text[q.end : first]):
        return True
    return 0 <= q.start - last <= 6 and all(ch in _GAP for ch in text[last : q.start])


def _drop_embedded(frames: list[Frame]) -> list[Frame]:
    """An attribution reported inside someone's statement ("she said she hopes …", "he said
    aides had told him …") is part of what was said: one statement, not two."""
    out = []
    for f in frames:
        at = f.cue[0].idx
        if any(g is not f and any(a <= at < b for a, b in g.content) for g in frames):
            continue
        out.append(f)
    return out


def _distance(q: Quoted, at: int) -> int:
    """Characters between a quotation's nearer edge and a position."""
    if q.end <= at:
        return at - q.end
    return max(0, q.start - at)


def _opens_sentence(text: str, start: int) -> bool:
    """The quotation (content start) begins a sentence: only marks and space back to . ? ! or a line start."""
    i = start - 1
    while i >= 0 and (text[i] in ALL_MARKS or text[i] in " \t"):
        i -= 1
    return i < 0 or text[i] in ".?!\n"


_DASHES = "―—–-"


def _dash_speaker(doc: Doc, text: str, q: Quoted) -> Span | None:
    """"“…” ― Sonya Herridge": a dash and a short name closing the paragraph attribute the quotation."""
    end = text.find("\n", q.end)
    end = len(text) if end < 0 else end
    tail = text[q.end : end]
    i = 0
    while i < len(tail) and (tail[i] in ALL_MARKS or tail[i] in " \t,.?!"):
        i += 1
    if i >= len(tail) or tail[i] not in _DASHES:
        return None
    name = tail[i + 1 :].strip().rstrip(".")
    if not name or len(name.split()) > 6 or not name[0].isupper():
        return None
    a = q.end + i + 1 + tail[i + 1 :].index(name)
    span = doc.char_span(a, a + len(name), alignment_mode="expand")
    if span is None or not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in span):
        return None
    return span


def _cut_unclosed(f: Frame) -> list[tuple[int, int]]:
    """Quotation pieces; an unclosed quotation that swallowed its own "X said" stops before it."""
    pieces = [p for q in f.quotes for p in q.pieces]
    cue = f.cue[0].idx
    stop = min(cue, f.speaker.start_char) if f.speaker is not None else cue
    out = []
    for q in f.quotes:
        for a, b in q.pieces:
            if not q.closed and a <= cue < b:
                b = stop
            if b > a:
                out.append((a, b))
    return out or pieces


def _tokens_in(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _is_statement(doc: Doc, q: Quoted) -> bool:
    """A quotation long and clausal enough to be a statement, not a scare quote or a title."""
    span = _tokens_in(doc, q.start, q.end)
    if span is None:
        return False
    words = [t for t in span if t.is_alpha]
    return len(words) >= 6 and any(t.pos_ in ("VERB", "AUX") for t in span)


def _merge_ranges(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


#: One statement on its way to a :class:`Quote`: (frame, orphan quotation, kind, content
#: char ranges, speaker) — the frame is None for an orphan quotation, the quotation None
#: for a frame's statement.
_Statement = tuple[Frame | None, Quoted | None, str, list[tuple[int, int]], Span | None]


def _candidates(
    doc: Doc, text: str, furniture: Furniture, index: SentenceIndex
) -> tuple[list[Quoted], list[Frame]]:
    """The quotations and cue frames of the doc, before they are joined.

    The parse's frames come first (in token order), the transcript labels' after them;
    page furniture is removed last, from both.
    """
    quoted = quoted_spans(text)
    inside = [p for q in quoted if q.closed for p in q.pieces]
    # a cue inside a quotation is part of what the speaker said ("I think …"), not a new attribution
    frames = [f for f in _frames(doc, index) if not any(a <= f.cue[0].idx < b for a, b in inside)]
    frames = _drop_embedded(frames)
    frames += _label_frames(doc, quoted)
    if furniture:
        # page furniture ("READ MORE: …", "WATCH BELOW", bylines) holds no quote, cue or speaker
        quoted = [q for q in quoted if not furniture.contains(q.start)]
        frames = [f for f in frames if not furniture.contains(f.cue[0].idx)]
        for f in frames:
            f.content = [c for c in f.content if not furniture.contains(c[0])]
            if f.speaker is not None and furniture.overlaps(f.speaker.start_char, f.speaker.end_char):
                f.speaker = None
    return quoted, frames


def _attach_overlapping(frames: list[Frame], quoted: list[Quoted], used: set[int]) -> None:
    """Rule 1: quotations that overlap a frame's content extend it (a transcript label's
    paragraph is its content already: the marks around it add nothing)."""
    for f in frames:
        for qi, q in enumerate(quoted):
            if qi in used:
                continue
            if any(_overlap(c, p) for c in f.content for p in q.pieces):
                if not f.label:
                    f.quotes.append(q)
                used.add(qi)


def _attach_nearby(
    doc: Doc,
    text: str,
    frames: list[Frame],
    quoted: list[Quoted],
    used: set[int],
    index: SentenceIndex,
) -> None:
    """Rule 2: a frame with a speaker but no content takes the quotation of its sentence,
    or the one right after a colon in the next sentence — the nearest to the cue."""
    for f in frames:
        if f.content or f.quotes or f.speaker is None or f.sent is None:
            continue
        si = index.index_of_char(f.cue[0].idx)
        cands = []
        for qi, q in enumerate(quoted):
            if qi in used:
                continue
            qs = index.index_of_char(q.start)
            qe = index.index_of_char(max(q.start, q.end - 1))
            if qs <= si <= qe or qe == si or qs == si or _adjacent(text, q, f):
                cands.append(qi)
            elif qs == si + 1 and index.sents[si].text.rstrip().endswith(":"):
                cands.append(qi)
        if f.mixed_as:
            cands = [qi for qi in cands if quoted[qi].start > f.cue[0].idx]
        elif cands:
            cands = [qi for qi in cands if _is_statement(doc, quoted[qi]) or _adjacent(text, quoted[qi], f)]
        if cands:
            # nearest to the cue
            cue_at = f.cue[0].idx
            qi = min(cands, key=lambda k: _distance(quoted[k], cue_at))
            f.quotes.append(quoted[qi])
            used.add(qi)


def _frame_statement(text: str, f: Frame) -> tuple[str, list[tuple[int, int]]] | None:
    """A frame's (kind, content ranges), or None when it has nothing to say.

    Its quotations decide first (mixed "as" description, a paraphrase with quoted words,
    or a direct quote); then its parsed content; then the "Y as …" fallback.
    """
    if f.quotes:
        outside = _alnum_outside(text, f.content, f.quotes)
        if f.mixed_as:
            kind, content = "mixed", [p for q in f.quotes for p in q.pieces]
        elif outside > 3 and f.content:
            # a quoted term of one or two words inside a paraphrase ("a “strategic
            # dialogue”") is a scare quote: the statement stays indirect
            words = sum(len(text[a:b].split()) for q in f.quotes for a, b in q.pieces)
            kind = "mixed" if words >= 3 else "indirect"
            content = _merge_ranges([*f.content, *(p for q in f.quotes for p in q.pieces)])
        else:
            kind, content = "direct", _cut_unclosed(f)
    elif f.content:
        verbatim = f.label and all(t.is_upper or not t.is_alpha for t in f.speaker or ())
        kind, content = ("direct" if verbatim else "indirect"), f.content
    elif f.as_fallback:
        kind, content = "indirect", _same_paragraph(text, f.cue[0].idx, f.as_fallback)
    else:
        return None
    if f.belief and kind == "indirect":
        kind = "belief"
    return kind, content


def _continues_previous(
    text: str, prev: _Statement | None, last_speaker: Span | None, last_sent: int, qs: int, q: Quoted
) -> bool:
    """"“A,” she said. “B.”": the quotation goes on after the cue — one statement with the previous."""
    return (
        prev is not None
        and prev[4] is not None
        and prev[4] is last_speaker
        and prev[2] in ("direct", "mixed")
        and 0 <= qs - last_sent <= 2
        and "\n" not in text[prev[3][-1][1] : q.start]
        and _opens_sentence(text, q.start)
    )


def _byline(doc: Doc, text: str, furniture: Furniture, q: Quoted) -> Span | None:
    """The "― Name" after the quotation (:func:`_dash_speaker`), unless it is page furniture."""
    byline = _dash_speaker(doc, text, q)
    if byline is not None and furniture.overlaps(byline.start_char, byline.end_char):
        byline = None
    return byline


def _orphan_speaker(
    doc: Doc,
    q: Quoted,
    qs: int,
    qe: int,
    last_speaker: Span | None,
    last_sent: int,
    frame_by_sent: dict[int, Frame],
) -> Span | None:
    """The speaker of a statement-like quotation no frame took: the last speaker when they
    spoke up to two sentences before, else the empty "X said" of the sentence after it."""
    if not _is_statement(doc, q):
        return None
    speaker = None
    if last_speaker is not None and 0 <= qs - last_sent <= 2:
        speaker = last_speaker
    else:
        nxt = frame_by_sent.get(qe + 1)
        if nxt is not None and not nxt.content and not nxt.quotes:
            speaker = nxt.speaker
    return speaker


def _statements(
    doc: Doc,
    text: str,
    furniture: Furniture,
    frames: list[Frame],
    quoted: list[Quoted],
    used: set[int],
    index: SentenceIndex,
) -> list[_Statement]:
    """Frames and the quotations no frame took, walked in text order, as statements.

    Text order because an orphan quotation reads what came before it: for each one, in
    this order, it continues the previous direct statement of the last speaker; else it
    is attributed by a "― Name" byline; else, if it is a statement, it takes the last
    speaker or the empty "X said" right after it; else it is dropped.
    """
    results: list[_Statement] = []
    last_speaker: Span | None = None
    last_sent = -10
    frame_by_sent: dict[int, Frame] = {}
    for f in frames:
        if f.speaker is not None:
            frame_by_sent.setdefault(index.index_of_char(f.cue[0].idx), f)

    items: list[tuple[int, object]] = [(f.cue[0].idx, f) for f in frames]
    items += [(q.start, q) for qi, q in enumerate(quoted) if qi not in used]
    items.sort(key=lambda x: x[0])
    for _, item in items:
        if isinstance(item, Frame):
            f = item
            found = _frame_statement(text, f)
            if found is None:
                continue
            kind, content = found
            results.append((f, None, kind, content, f.speaker))
            if f.speaker is not None:
                last_speaker = f.speaker
                last_sent = index.index_of_char(f.cue[0].idx)
            continue
        q = item
        assert isinstance(q, Quoted)
        qs = index.index_of_char(q.start)
        qe = index.index_of_char(max(q.start, q.end - 1))
        prev = results[-1] if results else None
        if _continues_previous(text, prev, last_speaker, last_sent, qs, q):
            results[-1][3].extend(q.pieces)
            last_sent = qe
            continue
        byline = _byline(doc, text, furniture, q)
        if byline is not None:
            results.append((None, q, "direct", list(q.pieces), byline))
            continue
        speaker = _orphan_speaker(doc, q, qs, qe, last_speaker, last_sent, frame_by_sent)
        if speaker is None:
            continue
        results.append((None, q, "direct", list(q.pieces), speaker))
        last_sent = qe
    return results
