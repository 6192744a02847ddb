"""Time expressions: find them and normalize them to TIMEX3 values.

Why rules and not a parser of dates: a news reader needs the *value* a phrase
stands for on the day the article was written ("last June" in an April 2021
article is ``2020-06``, "next week" is ``2021-W14``), and sometimes on the day of
another event the text names ("two days after" the assassination, the bill of
January 5, 2020 → ``2020-01-03``).  That takes three things a date parser does
not do: granularity (a month is not its first day), the tense of the clause
(a bare "Saturday" in a past-tense sentence is the previous Saturday), and a
reference time that moves through the text.

How it works:

1. Candidates come from our own regular expressions over the text (every kind
   in :data:`RULES`), plus spaCy's DATE/TIME entities that our rules can read;
   overlapping candidates are resolved longest-first.
2. Each candidate is normalized in text order by its rule's handler with a
   :class:`Context`: the publication date (the document creation time), the
   tense of the clause from the dependency parse, and the last resolved date
   expression (the reference time for anaphoric "the following week").
3. Without a publication date, absolute expressions ("January 5, 2020", "1998",
   "three years") are still normalized; expressions relative to the publication
   date get ``resolved=False`` and ``value=None`` — never a silent guess.

Values follow TIMEX3 (TimeML 1.2): ``2021-04-03``, ``2021-04``, ``2021-W14``,
``2021-W13-WE``, ``2021-Q2``, ``2021-H1``, ``2021-SU``, ``2021``, ``202`` (a
decade), ``20`` (a century), ``2021-04-03T15:00`` and ``2021-04-03TMO``,
durations ``P3Y``/``PT2H``/``PXD``, sets ``P1W``/``XXXX-WXX-1``, and
``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``.


The package's files are its phases, in the order a candidate goes through them:

1. :mod:`.lexical` and :mod:`.patterns` — the words (month, weekday, number, unit names and
   what they are worth) and the regular-expression pieces made of them;
2. :mod:`.rules` — :data:`RULES`, the (name, pattern, handler) table, compiled once in order;
3. :mod:`.candidates` — detection: rule matches and readable spaCy entities, overlaps resolved,
   and the filters that drop a candidate (title case, "a day", years that are numbers);
4. :mod:`.tense` — the tense of the clause, from the dependency parse;
5. :mod:`.anchor` — the :class:`Context` (publication date, tense, moving reference time) and
   the choice of year for year-less periods;
6. :mod:`.handlers` — the ``h_*`` value builders, one per kind of rule, on top of
   :mod:`.arithmetic` (calendar arithmetic and TIMEX3 value formatting);
7. this module — :func:`find_times` runs the phases in text order, :func:`value_precision`
   tells consumers how precise a value is, :func:`extract_times` is the registered extractor.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from ...model import Analysis, TimeExpr
from .. import extractor
from ..docindex import SentenceIndex
from .anchor import Context, NeedDCT, NoValue, Ref, Result, nearest_year
from .arithmetic import add_months, fmt, shift
from .candidates import (
    _NAME_RULES,
    _NOT_YEAR_ENTS,
    _STOP_FULL,
    UNRESOLVED,
    Candidate,
    _looks_like_title,
    _spacy_candidates,
    _type_guess,
    find_candidates,
)
from .handlers import Handler
from .lexical import DEICTIC_DAYS, MONTHS, ORDINALS, PARTS_OF_DAY, SEASONS, SMALL, UNITS, VAGUE, WEEKDAYS
from .rules import _BY_NAME, RULES
from .tense import clause_tense

__all__ = [
    "DEICTIC_DAYS", "MONTHS", "ORDINALS", "PARTS_OF_DAY", "RULES", "SEASONS", "SMALL", "UNITS", "UNRESOLVED", "VAGUE",
    "WEEKDAYS", "Candidate", "Context", "Handler", "NeedDCT", "NoValue", "Ref", "Result", "add_months", "clause_tense",
    "extract_times", "find_candidates", "find_times", "fmt", "nearest_year", "parse_published", "shift",
    "value_precision",
]


def parse_published(published: str | None) -> date | None:
    """'2021-04-04' (or a longer ISO timestamp) -> date; anything else -> None."""
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _dep_at(doc: Doc, start: int, end: int) -> str:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root.dep_ if span is not None and len(span) else ""


def _ent_type_at(doc: Doc, start: int, end: int) -> str:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span[0].ent_type_ if span is not None and len(span) else ""


def find_times(doc: Doc, published: str | None) -> list[TimeExpr]:
    """Detect and normalize the time expressions of ``doc`` (see the module docstring).

    Candidates are normalized in text order, each by its rule's handler, because the reference time
    moves through the text: "the following week" counts from the last date resolved before it.
    """
    text = doc.text
    dct = parse_published(published)
    taken = find_candidates(text)
    taken = sorted(taken + _spacy_candidates(doc, taken), key=lambda c: c.start)
    ctx = Context(dct)
    sents = SentenceIndex(doc)
    out: list[TimeExpr] = []
    for cand in taken:
        i = sents.index_of_char(cand.start)
        ctx.window_start = sents.char_starts[max(0, i - 1)]
        surface = text[cand.start:cand.end]
        if surface.lower() in _STOP_FULL:
            continue
        if cand.rule == "year" and _ent_type_at(doc, cand.start, cand.end) in _NOT_YEAR_ENTS:
            prev = text[max(0, cand.start - 8):cand.start].lower()
            if not re.search(r"\b(in|since|of|by|until|from|to|before|after|during)\s+$", prev):
                continue
        if cand.rule not in _NAME_RULES and _looks_like_title(doc, cand.start, cand.end):
            continue
        if cand.rule == "set" and _dep_at(doc, cand.start, cand.end) == "amod":
            continue  # "quarterly dividend", "daily newspaper": a property of the noun, not a time
        if cand.rule == UNRESOLVED:
            out.append(TimeExpr(id=f"T{len(out) + 1}", start=cand.start, end=cand.end, text=surface,
                                type="DATE", value=None, anchor=None, resolved=False))
            continue
        _, handler = _BY_NAME[cand.rule]
        ctx.tense = clause_tense(doc, cand.start, cand.end)
        ctx.adverbial = bool(re.search(r"(?:^|[.!?;:,\"“]\s*|\b(?:will|would|could|might|may|can|shall)\s+)$",
                                       text[max(0, cand.start - 8):cand.start]))
        if re.search(r"\b(?:since|Since)\s+$", text[max(0, cand.start - 7):cand.start]):
            ctx.tense = "past"  # "since March": a time before now, whatever the verb
        ctx.following = text[cand.end:cand.end + 40]
        tid = f"T{len(out) + 1}"
        try:
            res = handler(cand.match, ctx)
        except NoValue:
            continue
        except NeedDCT:
            # relative to a publication date we do not have: keep the span, claim no value
            out.append(TimeExpr(id=tid, start=cand.start, end=cand.end, text=surface,
                                type=_type_guess(cand.rule), value=None, anchor=None, resolved=False))
            continue
        if res.end is not None and cand.start < res.end < cand.end:
            cand.end = res.end
            surface = text[cand.start:cand.end]
        if res.anchor == "publication" and dct is None:  # defensive: never a silent guess
            out.append(TimeExpr(id=tid, start=cand.start, end=cand.end, text=surface, type=res.type,
                                value=None, anchor=None, resolved=False))
            continue
        out.append(TimeExpr(id=tid, start=cand.start, end=cand.end, text=surface, type=res.type,
                            value=res.value, anchor=res.anchor, resolved=True))
        if res.ref is not None and res.type in ("DATE", "TIME"):
            ctx.refs.append(Ref(res.ref.day, res.ref.gran, tid, cand.start))
    return out


_PRECISION = [
    (re.compile(r"^\d{4}-\d{2}-\d{2}"), "day"),
    (re.compile(r"^\d{4}-W\d{2}"), "week"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}(-(Q[1-4]|H[12]|SP|SU|FA|WI))?$"), "year"),
]


def value_precision(value: str | None) -> str | None:
    """'day' | 'week' | 'month' | 'year' | 'unknown' for a DATE/TIME value; None for no value.

    For consumers that date events (``Event.date_precision``): quarters, halves and
    seasons count as 'year' precision, decades and REF values as 'unknown'.
    """
    if not value:
        return None
    for pattern, name in _PRECISION:
        if pattern.match(value):
            return name
    return "unknown"


@extractor("times", field="times", version="3")
def extract_times(doc: Doc, analysis: Analysis) -> list[TimeExpr]:
    """Time expressions of the article, normalized against its publication date."""
    return find_times(doc, analysis.article.published)
