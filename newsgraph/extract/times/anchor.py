"""What an expression is resolved against: the publication date, the tense, the moving reference time.

:class:`Context` carries, for the candidate being normalized, the publication date (the
document creation time, possibly unknown: :meth:`Context.need` raises :class:`NeedDCT`), the
tense of its clause, and the points in time the text has resolved so far (:class:`Ref`), which
anaphoric expressions ("the following week", "a year earlier") count from.  A handler returns a
:class:`Result`, or raises :class:`NoValue` when the match is not a time expression after all.

The year of a year-less expression ("June", "the third quarter") is chosen here too
(:func:`nearest_year`): the period nearest the publication date that the clause's tense allows.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from .arithmetic import fmt


class NeedDCT(Exception):
    """The expression is relative to the publication date, which is unknown."""


class NoValue(Exception):
    """The candidate matched a pattern but is not a time expression here."""


@dataclass
class Ref:
    """A resolved point in time the text has mentioned: the moving reference time."""

    day: date
    gran: str
    tid: str | None  # None = the publication date
    start: int = -1  # character offset of the expression that set it


@dataclass
class Result:
    type: str
    value: str | None
    anchor: str | None = None  # 'publication', a TimeExpr id, or None
    ref: Ref | None = None  # what later anaphora may hang on
    end: int | None = None  # a shorter span than the rule matched ("two days" of "two days after")


@dataclass
class Context:
    dct: date | None
    tense: str | None = None  # 'past' | 'present' | 'future' | None
    refs: list[Ref] = field(default_factory=list)
    following: str = ""  # text right after the candidate (for "two days after ...")
    window_start: int = 0  # start of the previous sentence: how far back an event anchor may be
    adverbial: bool = False  # the expression is a bare noun-phrase adverbial (no preposition before it)

    def need(self) -> date:
        if self.dct is None:
            raise NeedDCT
        return self.dct

    def reference(self) -> tuple[date, str, str]:
        """The last point the text resolved, else the publication date: (day, gran, anchor)."""
        for ref in reversed(self.refs):
            if ref.gran in ("day", "week", "weekend", "month", "quarter", "half", "year"):
                return ref.day, ref.gran, ref.tid or "publication"
        return self.need(), "day", "publication"

    def local_reference(self) -> Ref | None:
        """The last date the text itself gave in this or the previous sentence."""
        for ref in reversed(self.refs):
            if ref.start < self.window_start:
                return None
            if ref.tid is not None and ref.gran in ("day", "week", "month", "quarter", "year"):
                return ref
        return None

    def last_quarter_ref(self) -> Ref | None:
        for ref in reversed(self.refs[-6:]):
            if ref.gran == "quarter":
                return ref
        return None


def _point(d: date, gran: str, ctx_anchor: str | None, typ: str = "DATE") -> Result:
    return Result(typ, fmt(d, gran), ctx_anchor, Ref(d, gran, None))


def _pub(ctx: Context, d: date, gran: str, typ: str = "DATE") -> Result:
    return _point(d, gran, "publication", typ)


def _weekday_from(base: date, wd: int, tense: str | None, rel: str | None = None) -> date:
    back = (base.weekday() - wd) % 7
    fwd = (wd - base.weekday()) % 7
    if rel == "last":
        return base - timedelta(days=back or 7)
    if rel == "next":
        return base + timedelta(days=fwd or 7)
    if rel == "this":
        return base - timedelta(days=back) if tense == "past" else base + timedelta(days=fwd)
    if tense == "future":
        return base + timedelta(days=fwd)
    return base - timedelta(days=back)


def nearest_year(base: date, first: tuple[int, int], last: tuple[int, int], tense: str | None,
                 slack: int = 60) -> int:
    """Year of a year-less period (months ``first``..``last``, as (month, day)) around ``base``.

    The period nearest to the publication date wins, among those the tense allows:
    a past-tense clause cannot speak of a period that starts more than ``slack``
    days after publication, a future one of a period that ended more than
    ``slack`` days before (the slack absorbs tense errors and reported plans).
    """
    best: tuple[int, int] | None = None
    for year in (base.year - 1, base.year, base.year + 1):
        start = date(year, *first)
        end = date(year, last[0], min(last[1], calendar.monthrange(year, last[0])[1]))
        if tense == "past" and (start - base).days > slack:
            continue
        if tense == "future" and (base - end).days > slack:
            continue
        dist = 0 if start <= base <= end else min(abs((start - base).days), abs((end - base).days))
        if best is None or dist < best[0]:
            best = (dist, year)
    return best[1] if best else base.year


MONTH_SLACK = 15  # a whole month in a past clause must have begun (almost) by publication


def _month_year(base: date, month: int, tense: str | None, rel: str | None = None) -> int:
    if rel == "last":
        return base.year if month < base.month else base.year - 1
    if rel == "next":
        return base.year if month > base.month else base.year + 1
    if rel == "this":
        return base.year
    return nearest_year(base, (month, 1), (month, 31), tense, slack=MONTH_SLACK)
