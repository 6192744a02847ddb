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
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from ..model import Analysis, TimeExpr
from . import extractor

# ---------------------------------------------------------------- lexicon

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
SMALL = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a thousand": 1000, "one thousand": 1000,
    "dozen": 12, "a dozen": 12, "half a": 0.5, "a half": 0.5, "half": 0.5,
    "a couple of": 2, "a couple": 2, "couple of": 2,
}
VAGUE = {"a few", "few", "several", "some", "many", "a number of", "the next few", "dozens of",
         "hundreds of", "thousands of", "numerous", "countless"}
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "last": 4, "final": 4,
}
# unit -> (TIMEX3 duration letter, is a time-of-day unit, granularity for point values)
UNITS = {
    "second": ("S", True, "day"), "minute": ("M", True, "day"), "hour": ("H", True, "day"),
    "day": ("D", False, "day"), "night": ("D", False, "day"), "week": ("W", False, "week"),
    "weekend": ("WE", False, "week"), "month": ("M", False, "month"), "quarter": ("Q", False, "quarter"),
    "year": ("Y", False, "year"), "decade": ("DE", False, "decade"), "century": ("CE", False, "century"),
}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
                "tonight": "NI", "midday": "MI", "noon": "MI"}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

# ---------------------------------------------------------------- regex pieces

_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = r"Jan\.?|Feb\.?|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?"
MONTH = rf"(?-i:{_MONTH_FULL}|{_MONTH_FULL.upper()}|{_MONTH_ABBR})"
MONTH_SAFE = rf"(?-i:January|February|April|June|July|September|October|November|December|{_MONTH_ABBR})"
WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|" \
          r"THURSDAY|FRIDAY|SATURDAY|SUNDAY|Mon\.|Tues?\.|Thu(?:rs?)?\.|Fri\.)"
# (no "Sun.", "Sat.", "Wed.": "told The Sun." is a newspaper, not a Sunday)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
NUMWORD = rf"(?:(?:{_TENS})(?:[- ](?:{_ONES}))?|{_ONES}|ten|eleven|twelve|thirteen|fourteen|fifteen|" \
          r"sixteen|seventeen|eighteen|nineteen|hundred)"
NUM = rf"(?:\d+(?:\.\d+)?|(?:a|one)\s+(?:hundred|thousand)|{NUMWORD}|a couple of|a couple|couple of|a dozen|dozen|half an?|an?|" \
      r"a few|few|several|some|many|a number of|dozens of|hundreds of|numerous)"
UNIT = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|months?|quarters?|years?|decades?|" \
       r"centur(?:y|ies))"
UNIT1 = r"(?:second|minute|hour|day|night|week|weekend|month|quarter|year|decade|century)"
YEAR = r"(?:1[7-9]\d\d|20\d\d)"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)"
MOD = r"(?:(?:early|earlier|late|later|mid|middle|the (?:end|start|beginning|middle|close|turn) of)(?:-|\s+(?:in\s+)?)?)"
APPROX = r"(?:(?:about|around|almost|nearly|roughly|more than|less than|at least|at most|up to|" \
         r"no more than|approximately|some)\s+)"
B = r"(?<![\w'’-])"  # left word boundary that also refuses hyphenated/possessive continuations
E = r"(?![\w-])"
DEICTIC = r"(?:last|this|next|past|previous|coming|current|following|preceding|same)"
#: Time-zone abbreviations after a 24-hour clock time (case-sensitive: "ET" but not "et").
ZONES = r"GMT|UTC|Z|ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|BST|CET|CEST|EET|EEST|MSK|IST|JST|AEST|AEDT"


def _num(text: str) -> float | str | None:
    """'two' -> 2, 'twenty-four' -> 24, '1.5' -> 1.5, 'several' -> 'X'."""
    t = text.lower().strip().replace("-", " ")
    t = re.sub(r"\s+", " ", t)
    if t in VAGUE or t.replace(" ", "") in {v.replace(" ", "") for v in VAGUE}:
        return "X"
    if t in SMALL:
        return SMALL[t]
    if t in {"half an", "half a"}:
        return 0.5
    try:
        return float(t.replace(",", "")) if "." in t else int(t.replace(",", ""))
    except ValueError:
        pass
    parts = t.split()
    if len(parts) == 2 and parts[0] in SMALL and parts[1] in SMALL:
        return SMALL[parts[0]] + SMALL[parts[1]]
    return None


def _unit(text: str) -> str:
    t = text.lower()
    if t.startswith("centur"):
        return "century"
    return t[:-1] if t.endswith("s") and t[:-1] in UNITS else t


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")[:4].rstrip(".") if text.lower().startswith("sept")
                  else text.lower().rstrip(".")[:3] if len(text.rstrip(".")) <= 4 else text.lower().rstrip(".")]


# ---------------------------------------------------------------- calendar arithmetic

def add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def shift(d: date, unit: str, n: int) -> date:
    """Move ``d`` by ``n`` units (calendar-aware for months and longer)."""
    if unit in ("day", "night"):
        return d + timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + timedelta(weeks=n)
    if unit == "month":
        return add_months(d, n)
    if unit == "quarter":
        return add_months(d, 3 * n)
    if unit == "year":
        return add_months(d, 12 * n)
    if unit == "decade":
        return add_months(d, 120 * n)
    if unit == "century":
        return add_months(d, 1200 * n)
    return d


def fmt(d: date, gran: str) -> str:
    """The TIMEX3 value of the period of granularity ``gran`` containing ``d``."""
    if gran == "day":
        return d.isoformat()
    if gran in ("week", "weekend"):
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}" + ("-WE" if gran == "weekend" else "")
    if gran == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if gran == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if gran == "half":
        return f"{d.year:04d}-H{(d.month - 1) // 6 + 1}"
    if gran == "year":
        return f"{d.year:04d}"
    if gran == "decade":
        return f"{d.year:04d}"[:3]
    if gran == "century":
        return f"{d.year:04d}"[:2]
    raise ValueError(gran)


def _duration(n: float | str, unit: str) -> str:
    letter, is_time, _ = UNITS[unit]
    if n == "X":
        return f"PT{'X'}{letter}" if is_time else f"PX{letter}"
    if unit == "weekend":
        return f"P{_n(n)}WE"
    if unit in ("decade", "century") and float(n).is_integer():
        return f"P{int(n) * (10 if unit == 'decade' else 100)}Y"  # plain ISO 8601: "two decades" = P20Y
    if isinstance(n, float) and not n.is_integer():
        # half a year -> P6M, half an hour -> PT30M, 1.5 years -> P18M
        smaller = {"Y": (12, "M"), "H": (60, "M"), "D": (24, "H"), "M": (30, "D"), "W": (7, "D")}
        if letter in smaller:
            k, sub = smaller[letter]
            time_sub = is_time or letter == "D"
            return f"P{'T' if time_sub else ''}{int(round(n * k))}{sub}"
    return f"P{'T' if is_time else ''}{_n(n)}{letter}"


def _n(n: float | str) -> str:
    return str(int(n)) if isinstance(n, float | int) and float(n).is_integer() else str(n)


# ---------------------------------------------------------------- context


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


# ---------------------------------------------------------------- rule handlers
# Each handler gets the regex match (named groups) and the context and returns a Result.

Handler = Callable[[re.Match, Context], Result]


def h_full_date(m: re.Match, ctx: Context) -> Result:
    month = _month(m["mon"])
    day = int(re.sub(r"\D", "", m["day"]))
    try:
        d = date(int(m["year"]), month, day)
    except ValueError as exc:
        raise NoValue from exc
    return Result("DATE", d.isoformat(), None, Ref(d, "day", None))


def h_iso_date(m: re.Match, ctx: Context) -> Result:
    try:
        if m["y1"]:
            d = date(int(m["y1"]), int(m["m1"]), int(m["d1"]))
        else:
            y = int(m["y2"])
            y = y + (1900 if y >= 50 else 2000) if y < 100 else y
            d = date(y, int(m["m2"]), int(m["d2"]))
    except ValueError as exc:
        raise NoValue from exc
    return Result("DATE", d.isoformat(), None, Ref(d, "day", None))


def h_month_day(m: re.Match, ctx: Context) -> Result:
    month = _month(m["mon"])
    day = int(re.sub(r"\D", "", m["day"]))
    base = ctx.need()
    if month == 2 and day == 29:
        year = base.year
    else:
        try:
            year = nearest_year(base, (month, day), (month, day), ctx.tense)
        except ValueError as exc:
            raise NoValue from exc
    try:
        d = date(year, month, day)
    except ValueError as exc:
        raise NoValue from exc
    return _pub(ctx, d, "day")


def h_month_year(m: re.Match, ctx: Context) -> Result:
    d = date(int(m["year"]), _month(m["mon"]), 1)
    return Result("DATE", fmt(d, "month"), None, Ref(d, "month", None))


def h_month_rel(m: re.Match, ctx: Context) -> Result:
    month = _month(m["mon"])
    base = ctx.need()
    rel = (m["rel"] or "").lower() or None
    rel = {"past": "last", "coming": "next", "current": "this"}.get(rel or "", rel)
    d = date(_month_year(base, month, ctx.tense, rel), month, 1)
    return _pub(ctx, d, "month")


def h_weekday(m: re.Match, ctx: Context) -> Result:
    wd = WEEKDAYS[m["wd"].lower().rstrip(".")]
    rel = (m["rel"] or "").lower() or None
    rel = {"past": "last", "coming": "next", "this coming": "next"}.get(rel or "", rel)
    base = ctx.need()
    tense = "future" if ctx.tense == "present_event" else ctx.tense
    d = _weekday_from(base, wd, tense, rel)
    part = (m["part"] or "").lower()
    if part:
        return _point_time(d, PARTS_OF_DAY[part], "publication")
    return _pub(ctx, d, "day")


def h_weekday_anchored(m: re.Match, ctx: Context) -> Result:
    """'the previous Friday', 'the following Monday': counted from the reference time."""
    wd = WEEKDAYS[m["wd"].lower().rstrip(".")]
    day, gran, anchor = ctx.reference()
    back = m["rel"].lower() in ("previous", "preceding")
    d = _weekday_from(day, wd, None, "last" if back else "next")
    return Result("DATE", d.isoformat(), anchor, Ref(d, "day", None))


def _point_time(d: date, part: str, anchor: str | None) -> Result:
    return Result("TIME", f"{d.isoformat()}T{part}", anchor, Ref(d, "day", None))


DEICTIC_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


def h_deictic_day(m: re.Match, ctx: Context) -> Result:
    word = m["dd"].lower()
    d = ctx.need() + timedelta(days=DEICTIC_DAYS[word])
    part = (m["part"] or "").lower() if "part" in m.groupdict() else ""
    if word == "tonight":
        part = "night"
    if part:
        return _point_time(d, PARTS_OF_DAY[part], "publication")
    return _pub(ctx, d, "day")


def h_part_of_day(m: re.Match, ctx: Context) -> Result:
    rel = m["rel"].lower()
    base = ctx.need()
    part = m["part"].lower()
    if rel == "last":
        return _point_time(base - timedelta(days=1), PARTS_OF_DAY[part], "publication")
    return _point_time(base, PARTS_OF_DAY[part], "publication")


def _clock_on_day(m: re.Match, ctx: Context, clock: str) -> Result:
    """A time of day on the day named beside it ("Tuesday", "yesterday") or the publication day.

    Shared by clock times and noon/midnight: both name a moment, never a year, and take their
    day from the same optional weekday (``wd2``) or deictic day (``dd2``) groups.
    """
    base = ctx.need()
    d = base
    if m["wd2"]:
        d = _weekday_from(base, WEEKDAYS[m["wd2"].lower().rstrip(".")], ctx.tense)
    elif m["dd2"]:
        d = base + timedelta(days=DEICTIC_DAYS[m["dd2"].lower()])
    return Result("TIME", d.isoformat() + clock, "publication", Ref(d, "day", None))


def h_clock(m: re.Match, ctx: Context) -> Result:
    """A clock time ("3 p.m.", "1750 GMT"), on the day it names or the publication day."""
    hour = int(m["h"])
    minute = int(m["min"] or 0)
    ampm = (m.groupdict().get("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    if ampm == "am" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        raise NoValue
    clock = f"T{hour:02d}:{minute:02d}"
    if m["mon"]:
        sub = _DAY_SUBMATCH.fullmatch(m["mon"] + " " + m["mday"])
        res = h_month_day(sub, ctx) if sub else None
        if res is None or res.value is None:
            raise NoValue
        return Result("TIME", res.value + clock, "publication", res.ref)
    return _clock_on_day(m, ctx, clock)


_DAY_SUBMATCH = re.compile(rf"(?P<mon>{MONTH})\s+(?P<day>{DAYNUM})")


def h_noon(m: re.Match, ctx: Context) -> Result:
    word = m["w"].lower()
    clock = "T12:00" if word == "noon" else "T24:00"
    return _clock_on_day(m, ctx, clock)


def h_rel_unit(m: re.Match, ctx: Context) -> Result:
    """this/last/next/past/coming week|month|year|quarter|weekend|decade|century."""
    rel = m["rel"].lower()
    unit = _unit(m["unit"])
    base = ctx.need()
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[rel]
    if unit == "weekend":
        # this weekend: the one of this ISO week (Saturday and Sunday close the week)
        if step == 0:
            d = base + timedelta(days=5 - base.weekday())
        else:
            d = _weekday_from(base, 5, None, "last" if step < 0 else "next")
        return _pub(ctx, d, "weekend")
    gran = UNITS[unit][2]
    if unit in ("day", "night"):
        raise NoValue
    d = shift(base, unit, step)
    return _pub(ctx, d, gran)


def h_fiscal(m: re.Match, ctx: Context) -> Result:
    y = int(m["year"]) if m["year"] else None
    if y is None and m["yy"]:
        yy = int(m["yy"])
        y = yy + (1900 if yy >= 50 else 2000)
    if y is None:
        raise NoValue
    d = date(y, 1, 1)
    return Result("DATE", str(y), None, Ref(d, "year", None))


def h_fiscal_rel(m: re.Match, ctx: Context) -> Result:
    rel = m["rel"].lower()
    base = ctx.need()
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[rel]
    return _pub(ctx, shift(base, "year", step), "year")


def h_year(m: re.Match, ctx: Context) -> Result:
    y = int(m["year"])
    d = date(y, 1, 1)
    return Result("DATE", f"{y:04d}", None, Ref(d, "year", None))


def h_year_words(m: re.Match, ctx: Context) -> Result:
    text = m.group(0).lower().replace("-", " ")
    if "two thousand" in text:
        rest = text.split("two thousand", 1)[1].replace("and", "").strip()
        y = 2000 + (int(_num(rest)) if rest and isinstance(_num(rest), int | float) else 0)
    else:
        first, rest = m["c"].lower(), m["r"].lower().replace("-", " ")
        c = _num(first)
        r = _num(rest)
        if not isinstance(c, int) or not isinstance(r, int | float):
            raise NoValue
        y = c * 100 + int(r)
    d = date(y, 1, 1)
    return Result("DATE", str(y), None, Ref(d, "year", None))


def h_decade(m: re.Match, ctx: Context) -> Result:
    if m["dec4"]:
        y = int(m["dec4"])
    elif m["dec2"]:
        yy = int(m["dec2"])
        y = (1900 if yy >= 30 else 2000) + yy
    else:
        words = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                 "seventies": 70, "eighties": 80, "nineties": 90}
        y = 1900 + words[m["decw"].lower()]
    d = date(y, 1, 1)
    return Result("DATE", str(y)[:3], None, Ref(d, "decade", None))


def h_century(m: re.Match, ctx: Context) -> Result:
    n = ORDINALS.get(m["c"].lower()) or int(re.sub(r"\D", "", m["c"]) or 0)
    if not n:
        raise NoValue
    return Result("DATE", f"{n - 1:02d}", None, Ref(date(max(1, (n - 1) * 100), 1, 1), "century", None))


def _quarter_year(ctx: Context, q: int) -> tuple[int, str | None]:
    base = ctx.need()
    first = (3 * q - 2, 1)
    last = (3 * q, 31 if q in (1, 4) else 30)
    return nearest_year(base, first, last, ctx.tense, slack=92), "publication"


def h_quarter(m: re.Match, ctx: Context) -> Result:
    q = ORDINALS[m["q"].lower()] if not m["q"].isdigit() else int(m["q"])
    if q > 4:
        raise NoValue
    kind = "half" if m["unit"].lower().startswith("half") else "quarter"
    if kind == "half" and q > 2:
        raise NoValue
    anchor: str | None = None
    if m["year"]:
        y = int(m["year"])
    elif m["rel"] or m["rel2"]:
        rel = (m["rel"] or m["rel2"]).lower()
        step = {"last": -1, "this": 0, "next": 1, "previous": -1, "past": -1, "current": 0, "coming": 1}[rel]
        y = ctx.need().year + step
        anchor = "publication"
    else:
        y, anchor = _quarter_year(ctx, q if kind == "quarter" else q * 2)
    month = (q - 1) * (3 if kind == "quarter" else 6) + 1
    d = date(y, month, 1)
    return Result("DATE", fmt(d, kind), anchor, Ref(d, kind, None))


def h_year_period(m: re.Match, ctx: Context) -> Result:
    """'the 1988 quarter', 'the 1988 period': that year's version of the quarter under discussion."""
    y = int(m["year"])
    ref = ctx.last_quarter_ref()
    if ref is not None:
        d = date(y, ref.day.month, 1)
        return Result("DATE", fmt(d, "quarter"), ref.tid)
    if m["w"].lower() == "quarter":
        raise NoValue
    return Result("DATE", str(y), None)


def h_the_unit(m: re.Match, ctx: Context) -> Result:
    """'the year', 'the fiscal year', 'the week': the year/week of the reference time."""
    unit = m["unit"].lower()
    day, gran, anchor = ctx.reference()
    return Result("DATE", fmt(day, unit), anchor)


def h_year_ended(m: re.Match, ctx: Context) -> Result:
    """'the year ended Sept. 30', 'the nine months ending June': a span of time, not a date."""
    t = m["T"].lower()
    value = "P1Y" if "year" in t else "P1Q" if "quarter" in t else _duration(_num(t.split()[1]) or "X", "month")
    return Result("DURATION", value, None)


def h_year_end(m: re.Match, ctx: Context) -> Result:
    """'year-end' is the last day of the year (a past clause: last year's); 'the end of the month'."""
    base = ctx.need()
    if (m["unit"] or "").lower() == "month":
        return Result("DATE", fmt(base, "month"), "publication")
    y = base.year - 1 if ctx.tense == "past" else base.year
    if m["unit"]:
        return Result("DATE", str(y if ctx.tense != "past" else base.year), "publication")
    return Result("DATE", f"{y}-12-31", "publication", Ref(date(y, 12, 31), "day", None))


def h_month_rel_year(m: re.Match, ctx: Context) -> Result:
    """'January this year', 'June of last year'."""
    step = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    d = date(ctx.need().year + step, _month(m["mon"]), 1)
    return _pub(ctx, d, "month")


def h_quarter_anaphor(m: re.Match, ctx: Context) -> Result:
    """'the quarter', 'the latest quarter', 'the current quarter': the quarter being discussed."""
    word = (m["w"] or m["w2"] or "").lower()
    ref = ctx.last_quarter_ref()
    base = ctx.need()
    if word in ("current", "this"):
        return _pub(ctx, base, "quarter")
    if ref is not None and word != "previous":
        return Result("DATE", fmt(ref.day, "quarter"), ref.tid or "publication")
    d = shift(base, "quarter", -1)
    return Result("DATE", fmt(d, "quarter"), "publication")


def h_year_ago(m: re.Match, ctx: Context) -> Result:
    """'a year ago', 'a year earlier', 'year-ago', 'the year-earlier quarter': last year's version of
    the period under discussion (a quarter in earnings reports), else last year."""
    ref = ctx.last_quarter_ref()
    if ref is not None:
        d = shift(ref.day, "year", -1)
        return Result("DATE", fmt(d, "quarter"), ref.tid or "publication")
    text = m.group(0).lower()
    if "earlier" in text:
        day, gran, anchor = ctx.reference()
        d = shift(day, "year", -1)
        return Result("DATE", fmt(d, "year"), anchor)
    d = shift(ctx.need(), "year", -1)
    return Result("DATE", fmt(d, "year"), "publication")


def h_ago(m: re.Match, ctx: Context) -> Result:
    n = _num(m["n"])
    unit = _unit(m["unit"])
    if n == "X" or n is None:
        return Result("DATE", "PAST_REF", None)
    if UNITS[unit][1]:
        d = ctx.need()
        return Result("DATE", d.isoformat(), "publication", Ref(d, "day", None))
    d = shift(ctx.need(), unit, -int(n) if float(n).is_integer() else -1)
    return _pub(ctx, d, UNITS[unit][2])


def h_earlier_later(m: re.Match, ctx: Context) -> Result:
    """'three days later', 'a week earlier': relative to the reference time."""
    n = _num(m["n"])
    unit = _unit(m["unit"])
    if n == "X" or n is None or UNITS[unit][1]:
        return Result("DURATION", _duration(n if n is not None else "X", unit), None)
    sign = 1 if m["dir"].lower() in ("later", "afterwards", "afterward", "on") else -1
    day, gran, anchor = ctx.reference()
    if anchor == "publication":
        # "two weeks later" with no date in the text before it: later than an event we cannot
        # date, so all we know is the length of time
        return Result("DURATION", _duration(n, unit), None, end=m.end("unit"))
    return _shifted(day, gran, anchor, unit, sign * int(n))


def _shifted(day: date, gran: str, anchor: str | None, unit: str, delta: int) -> Result:
    """The date ``delta`` units from ``day``, no finer than the reference it was counted from."""
    d = shift(day, unit, delta)
    g = UNITS[unit][2]
    if g == "day" and gran != "day":
        g = gran if gran != "year" else "month"
    return Result("DATE", fmt(d, g), anchor, Ref(d, g, None))


def h_after_before(m: re.Match, ctx: Context) -> Result:
    """'two days after the assassination': the clause's event is dated by the reference time
    (the last date the text gave), so the thing it came after is that many units earlier."""
    n = _num(m["n"])
    unit = _unit(m["unit"])
    ref = ctx.local_reference()
    if n == "X" or n is None or UNITS[unit][1] or ref is None or ctx.tense != "past":
        # no dated narrative to hang on: it is only a length of time ("90 days after the sale")
        return Result("DURATION", _duration(n if n is not None else "X", unit), None, end=m.end("unit"))
    sign = -1 if m["dir"].lower() == "after" else 1
    day, gran, anchor = ref.day, ref.gran, ref.tid
    return _shifted(day, gran, anchor, unit, sign * int(n))


def h_following(m: re.Match, ctx: Context) -> Result:
    """'the following week', 'the next day', 'the previous month', 'that day'."""
    w = m["w"].lower()
    unit = _unit(m["unit"])
    step = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1, "same": 0, "that": 0}[w]
    day, gran, anchor = ctx.reference()
    if unit == "morning":
        return _point_time(shift(day, "day", step), "MO", anchor)
    d = shift(day, unit, step)
    g = UNITS[unit][2]
    return Result("DATE", fmt(d, g), anchor, Ref(d, g, None))


def h_day_before_after(m: re.Match, ctx: Context) -> Result:
    step = 1 if m["dir"].lower() == "after" else -1
    day, gran, anchor = ctx.reference()
    d = shift(day, "day", step)
    return Result("DATE", d.isoformat(), anchor, Ref(d, "day", None))


def h_mod_rel(m: re.Match, ctx: Context) -> Result:
    """'earlier this year', 'late last month', 'early next week'."""
    rel = m["rel"].lower()
    unit = _unit(m["unit"])
    step = {"last": -1, "this": 0, "next": 1, "past": -1, "previous": -1, "current": 0, "coming": 1}[rel]
    base = ctx.need()
    d = shift(base, unit, step)
    return _pub(ctx, d, UNITS[unit][2])


def h_mod_deictic(m: re.Match, ctx: Context) -> Result:
    """'early today', 'late yesterday', 'earlier today'."""
    d = ctx.need() + timedelta(days=DEICTIC_DAYS[m["dd"].lower()])
    return _pub(ctx, d, "day")


def h_season(m: re.Match, ctx: Context) -> Result:
    s = SEASONS[m["s"].lower()]
    if m["year"]:
        y = int(m["year"])
        anchor = None
    else:
        base = ctx.need()
        rel = (m["rel"] or "").lower()
        cur = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(base.month, "FA")
        order = ["WI", "SP", "SU", "FA"]
        y = base.year
        if rel == "last":
            if order.index(s) >= order.index(cur):
                y -= 1
        elif rel == "next":
            if order.index(s) <= order.index(cur):
                y += 1
        elif rel == "this" or not rel:
            if ctx.tense == "past" and order.index(s) > order.index(cur):
                y -= 1
            elif ctx.tense == "future" and order.index(s) < order.index(cur):
                y += 1
        anchor = "publication"
    return Result("DATE", f"{y}-{s}", anchor, Ref(date(y, 1, 1), "year", None))


def h_duration(m: re.Match, ctx: Context) -> Result:
    n = _num(m["n"])
    if n is None:
        raise NoValue
    unit = _unit(m["unit"])
    if ctx.adverbial and m.group(0).lower() in ("one day", "some day"):
        # "One day, he will return": an indefinite time, not a length of time
        return Result("DATE", "PAST_REF" if ctx.tense == "past" else "FUTURE_REF", None)
    return Result("DURATION", _duration(n, unit), None)


def h_bare_plural(m: re.Match, ctx: Context) -> Result:
    return Result("DURATION", _duration("X", _unit(m["unit"])), None)


def h_ref(value: str) -> Handler:
    def handle(m: re.Match, ctx: Context) -> Result:
        return Result("DATE", value, None)

    return handle


def h_set(m: re.Match, ctx: Context) -> Result:
    word = m.group(0).lower()
    simple = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P1Q",
              "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "biweekly": "P2W", "biannually": "P6M"}
    if word in simple:
        return Result("SET", simple[word], None)
    if m["wd"]:
        return Result("SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower().rstrip('.').rstrip('s')] + 1}", None)
    if m["mon"]:
        return Result("SET", f"XXXX-{_month(m['mon']):02d}", None)
    unit = _unit(m["unit"])
    n = _num(m["n"]) if m["n"] else 1
    return Result("SET", _duration(n if n is not None else 1, unit), None)


def h_the_weekend(m: re.Match, ctx: Context) -> Result:
    base = ctx.need()
    sat = _weekday_from(base, 5, "future" if ctx.tense == "future" else "past")
    return _pub(ctx, sat, "weekend")


def h_part_alone(m: re.Match, ctx: Context) -> Result:
    """'overnight', 'mid-afternoon' without a day: the day under discussion (publication date)."""
    part = m["part"].lower()
    return _point_time(ctx.need(), PARTS_OF_DAY[part], "publication")


# ---------------------------------------------------------------- rules

_REL = r"(?:last|this|next|past|previous|coming|current)"
_PART = r"(?:morning|afternoon|evening|night)"

RULES: list[tuple[str, str, Handler]] = [
    # absolute calendar dates
    ("full_date", rf"{B}(?:{WEEKDAY},?\s+)?(?P<mon>{MONTH})\s+(?P<day>{DAYNUM}),?\s+(?P<year>{YEAR}){E}",
     h_full_date),
    ("full_date_eu", rf"{B}(?:{WEEKDAY},?\s+)?(?:the\s+(?=\S+\s+of\s))?(?P<day>{DAYNUM})\s+(?:of\s+)?(?P<mon>{MONTH}),?\s+"
     rf"(?P<year>{YEAR}){E}", h_full_date),
    ("iso_date", rf"{B}(?:(?P<y1>{YEAR})-(?P<m1>0[1-9]|1[0-2])-(?P<d1>[0-3]\d)|(?P<m2>1[0-2]|0?[1-9])/"
     rf"(?P<d2>[0-3]?\d)/(?P<y2>{YEAR}|\d\d))(?![\w/-])", h_iso_date),
    ("month_day", rf"{B}(?:{WEEKDAY},?\s+)?(?P<mon>{MONTH})\s+(?P<day>{DAYNUM}){E}(?!,?\s*{YEAR})"
     r"(?!\s*(?:%|percent|million|billion))", h_month_day),
    ("day_month", rf"{B}(?:{WEEKDAY},?\s+)?(?:the\s+(?=\S+\s+of\s))?(?P<day>{DAYNUM})\s+(?:of\s+)?(?P<mon>{MONTH_SAFE}){E}"
     rf"(?!,?\s*{YEAR})", h_month_day),
    ("month_year", rf"{B}(?:{MOD})?(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<year>{YEAR}){E}", h_month_year),
    ("month_rel", rf"{B}(?i:(?:{MOD})?(?P<rel>last|this|next|past|coming|current)\s+)(?P<mon>{MONTH}){E}",
     h_month_rel),
    ("month_mod", rf"{B}(?i:(?P<rel>)(?:early|late|mid|the (?:end|start|beginning|middle) of)(?:-|\s+))"
     rf"(?P<mon>{MONTH}){E}", h_month_rel),
    ("month_bare", rf"\b(?i:in|since|by|until|through|during|from|to|of|before|after|between|and|or|till|"
     rf"for|early|late|that|mid|the end of|the start of)\s+"
     rf"(?P<T>(?P<rel>)(?P<mon>{MONTH_SAFE}|(?-i:May|March|August))){E}(?!\s+(?:\d|(?-i:[A-Z])))", h_month_rel),
    # weekdays and days
    ("weekday_anchored", rf"{B}(?i:the\s+(?P<rel>previous|preceding|following|next))\s+(?P<wd>{WEEKDAY}){E}",
     h_weekday_anchored),
    ("weekday", rf"{B}(?:(?i:(?:early|earlier|late|later)\s+))?(?:(?i:(?P<rel>last|this coming|this|next|past|coming)\s+))?"
     rf"(?P<wd>{WEEKDAY})"
     rf"(?:\s+(?P<part>{_PART}))?(?:,?\s+(?:the\s+)?(?:{MONTH})\s+{DAYNUM})?{E}", h_weekday),
    ("deictic_day", rf"{B}(?i:(?P<dd>today|yesterday|tomorrow|tonight)(?:\s+(?P<part>{_PART}))?){E}",
     h_deictic_day),
    ("mod_deictic", rf"{B}(?i:(?:early|earlier|late|later)\s+(?P<dd>today|yesterday|tomorrow)){E}",
     h_mod_deictic),
    ("part_of_day", rf"{B}(?i:(?P<rel>this|last|(?:later|earlier)\s+this)\s+(?P<part>morning|afternoon|evening|"
     r"night))" + E, h_part_of_day),
    ("part_alone", rf"{B}(?i:(?:mid[- ]?)?(?P<part>overnight|afternoon)(?=\s+(?:trading|session|hours))){E}",
     h_part_alone),
    ("clock", rf"{B}(?i:{APPROX}?(?P<h>[01]?\d|2[0-3])(?::(?P<min>[0-5]\d))?\s*(?P<ampm>a\.\s?m\.|p\.\s?m\.|am|pm)"
     rf"(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC|local time))?)(?:,?\s+(?:(?P<wd2>{WEEKDAY})|"
     rf"(?i:(?P<dd2>today|yesterday|tomorrow))|(?P<mon>{MONTH})\s+(?P<mday>{DAYNUM})))?{E}", h_clock),
    # 24-hour clock with a zone ("1750 GMT", "0900 ET", "2130 local time"): a time of day, never a year
    ("clock24", rf"{B}(?i:{APPROX}?)(?P<h>[01]\d|2[0-3])(?P<min>[0-5]\d)\s*(?:(?-i:{ZONES})|(?i:local\s+time|hours|hrs))"
     rf"(?:,?\s+(?:(?P<wd2>{WEEKDAY})|(?i:(?P<dd2>today|yesterday|tomorrow))|(?P<mon>{MONTH})\s+(?P<mday>{DAYNUM})))?{E}",
     h_clock),
    ("noon", rf"{B}(?i:(?P<w>noon|midnight))(?:\s+(?:(?P<wd2>{WEEKDAY})|(?i:(?P<dd2>today|yesterday|tomorrow))))?{E}",
     h_noon),
    # relative units
    ("rel_unit", rf"{B}(?i:(?:the\s+)?(?P<rel>last|this|next|past|previous|coming|current)\s+(?P<unit>week|weekend|"
     r"month|year|quarter|decade|century))(?![\w-])(?!\s+(?:or|and)\s)", h_rel_unit),
    ("mod_rel", rf"{B}(?i:(?:early|earlier|late|later|mid|the (?:end|start|beginning|middle) of)(?:-|\s+)"
     rf"(?P<rel>last|this|next)\s+(?P<unit>week|month|year|quarter|decade|century)){E}", h_mod_rel),
    ("mod_in_rel", rf"{B}(?i:(?:earlier|later)\s+in\s+the\s+(?P<unit>week|month|year))(?P<rel>){E}",
     lambda m, ctx: _point_ref(ctx, _unit(m["unit"]))),
    ("fiscal", rf"{B}(?i:(?:the\s+)?fiscal(?:\s+year)?\s+(?P<year>{YEAR})|FY\s?-?(?:(?P<yy>\d\d)(?!\d)))" + E,
     h_fiscal),
    ("fiscal_year_of", rf"{B}(?i:the\s+)(?P<year>{YEAR})\s+(?i:fiscal\s+year)(?P<yy>){E}", h_fiscal),
    ("fiscal_rel", rf"{B}(?i:(?:the\s+)?(?P<rel>last|this|next|past|previous|coming|current)\s+fiscal\s+year){E}",
     h_fiscal_rel),
    ("quarter", rf"{B}(?i:(?:the\s+(?=(?:fiscal\s+)?{ORD}\s|\w+\s+year))?(?:(?P<rel>last|this|next|current)\s+"
     rf"year'?s\s+)?(?:fiscal\s+)?"
     rf"(?P<q>{ORD})[- ](?:fiscal[- ])?(?P<unit>quarter|half))(?:\s+(?i:of\s+)?(?:(?i:fiscal\s+)?(?P<year>{YEAR}))|"
     r"\s+(?i:of\s+(?P<rel2>this|last|next)\s+year))?"
     r"(?![\w])", h_quarter),
    ("quarter_yf", rf"{B}(?i:(?:the\s+)?(?P<year>{YEAR})\s+(?:fiscal\s+)?(?P<q>{ORD})[- ](?P<unit>quarter|half))"
     rf"(?P<rel>)(?P<rel2>){E}", h_quarter),
    ("year_period", rf"{B}(?i:the\s+(?P<year>{YEAR})\s+(?P<w>quarter|period))" + E, h_year_period),
    ("quarter_q", rf"{B}(?-i:Q(?P<q>[1-4]))(?P<unit>)(?P<rel>)(?:\s+(?P<year>{YEAR}))?{E}",
     lambda m, ctx: h_quarter(_QuarterMatch(m), ctx)),
    ("quarter_anaphor", rf"{B}(?i:the\s+(?:(?P<w>latest|current|previous|most recent|recent|same)\s+)?quarter|"
     r"the\s+(?P<w2>latest|most recent|current|same)\s+period)"
     r"(?![\w-])(?!\s+(?:of|century))", h_quarter_anaphor),
    ("year_ago", rf"{B}(?i:(?:a|one)\s+year\s+(?:ago|earlier|before)|"
     r"(?:the\s+)?(?:comparable\s+|same\s+)?year[- ](?:ago|earlier)\s+(?:(?:fiscal\s+)?(?:first|second|third|"
     r"fourth)\s+)?(?:quarter|period)|year[- ](?:ago|earlier)|"
     r"(?:the\s+)?(?:quarter|period)\s+a\s+year\s+(?:ago|earlier))" + E, h_year_ago),
    ("the_year", rf"{B}(?i:the\s+(?:(?P<w>full|fiscal|current|whole|entire|latest|same)\s+)?(?P<unit>year|week))"
     r"(?![\w-])(?!\s+(?:ended|ending|to|before|after|of|when|that|in which|\d|two thousand))", h_the_unit),
    ("year_ended", rf"{B}(?i:(?P<T>the\s+(?:fiscal\s+)?year|the\s+(?:six|nine|three)\s+months|the\s+quarter))\s+"
     r"(?:ended|ending|that\s+ended|through)" + E, h_year_ended),
    ("year_end", rf"{B}(?i:year[- ]end|the end of the (?P<unit>year|month)|year's end)" + E, h_year_end),
    ("ago", rf"{B}(?i:{APPROX}?(?P<n>{NUM})\s+(?:or\s+so\s+)?(?P<unit>{UNIT})\s+(?:or\s+so\s+)?ago){E}", h_ago),
    ("earlier_later", rf"{B}(?i:{APPROX}?(?P<n>{NUM})\s+(?P<unit>{UNIT})\s+(?P<dir>earlier|later|before|afterwards?))"
     rf"{E}(?!\s+(?:the|a|an|his|her|its|their|this|that|he|she|it|they|\w+ing)\b)", h_earlier_later),
    ("after_before", rf"{B}(?i:{APPROX}?(?P<n>{NUM})\s+(?P<unit>{UNIT})\s+(?P<dir>after|before)){E}"
     r"(?=\s+(?:the|a|an|his|her|its|their|this|that|he|she|it|they|\w+ing)\b)", h_after_before),
    ("following", rf"{B}(?i:(?:the|that)\s+(?P<w>following|next|previous|preceding|prior|same)\s+(?P<unit>day|week|"
     r"month|year|morning|weekend))" + E, h_following),
    ("that_unit", rf"{B}(?i:(?P<w>that)\s+(?P<unit>day|week|month|year))" + E + r"(?!\s+(?:of|when|the|when))",
     h_following),
    ("day_before_after", rf"{B}(?i:the\s+(?:day|night)\s+(?P<dir>before|after))" + E
     + r"(?!\s+(?:the|a|his|her|its|their))", h_day_before_after),
    # seasons, decades, centuries, years
    ("season", rf"{B}(?i:(?:(?:the\s+)?(?:(?:early|late|mid)[- ]?)?(?P<rel>last|this|next|past|coming)\s+"
     rf"|the\s+)(?P<s>spring|summer|fall|autumn|winter))(?:\s+(?:of\s+)?(?P<year>{YEAR}))?{E}", h_season),
    ("season_year", rf"{B}(?i:(?P<rel>)(?P<s>spring|summer|fall|autumn|winter)),?\s+(?:of\s+)?(?P<year>{YEAR}){E}",
     h_season),
    ("season_bare", r"\b(?i:in|during|since|by|until|through)\s+(?P<T>(?P<rel>)(?i:(?P<s>spring|summer|winter|"
     r"autumn))(?P<year>))" + E, h_season),
    ("decade", rf"{B}(?i:(?:the\s+)?(?:{MOD})?(?:(?P<dec4>1[7-9]\d0|20[0-9]0)'?s|['’](?P<dec2>\d0)s|"
     rf"(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))){E}", h_decade),
    ("century", rf"{B}(?i:(?:the\s+)?(?:{MOD})?(?P<c>\d\d?(?:st|nd|rd|th)|first|second|third|fourth|fifth|"
     r"sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|"
     r"seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[- ]century)" + E, h_century),
    ("year", rf"{B}(?i:(?:{MOD})?)(?P<year>{YEAR})(?![\w%.,/:-]\d|[\w%-]|\s*(?:%|percent))", h_year),
    ("year_words", rf"{B}(?i:(?:the\s+year\s+)?(?:(?P<c>nineteen|eighteen)\s+(?P<r>(?:{_TENS})(?:[- ](?:{_ONES}))?|"
     rf"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|"
     rf"two thousand(?:\s+(?:and\s+)?(?:{_ONES}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
     rf"eighteen|nineteen|twenty(?:[- ](?:{_ONES}))?))?)){E}(?!\s+(?:{UNIT}|people|dollars|troops))",
     h_year_words),
    # durations
    ("duration_span", rf"{B}(?i:(?:(?:at\s+least|up\s+to|no\s+more\s+than)\s+)?(?:the\s+)?"
     rf"(?:(?:past|last|next|first|"
     rf"previous|coming|final|latest|following|preceding)\s+)?{APPROX}?(?P<n>{NUM})\s+(?P<unit>{UNIT})){E}"
     r"(?!\s+(?:ago|earlier|later|old|of\s+(?:the|a|an|its|their|his|her)\b))", h_duration),
    ("duration_the", rf"{B}(?i:the\s+(?:(?:past|last|next|first|previous|coming|final|latest|following|"
     rf"preceding)\s+)?(?P<n>{NUM}|{NUMWORD})\s+(?P<unit>{UNIT})){E}", h_duration),
    ("duration_adj", rf"{B}(?i:(?P<n>\d+|{NUMWORD}|half)-(?P<unit>{UNIT1})){E}(?!-old)", h_duration),
    ("duration_vague", rf"{B}(?i:(?:the\s+)?(?:past|last|next|coming|previous)\s+(?P<n>few|several|many)\s+"
     rf"(?P<unit>{UNIT})){E}", h_duration),
    ("past_years", rf"{B}(?i:the\s+(?:past|last|coming|next)\s+(?P<unit>years|months|weeks|days|decades|centuries))"
     + E, h_bare_plural),
    ("bare_plural", rf"\b(?i:for|over)\s+(?P<T>(?i:(?P<unit>years|months|weeks|decades|centuries))){E}"
     r"(?!\s+(?:of|to|ago|old))", h_bare_plural),
    # present / past / future references
    ("present", rf"{B}(?i:now|right now|currently|nowadays|presently|at present|at the moment|these days|"
     r"for now|current|the present|at this time)" + E, h_ref("PRESENT_REF")),
    ("past", rf"{B}(?i:recently|recent|formerly|lately|the past|"
     r"recent (?:years|months|weeks|days)|once upon a time|(?:years|months|decades) ago|long ago|the old days)" + E
     + r"(?!\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|week|month|year|decade))",
     h_ref("PAST_REF")),
    ("future", rf"{B}(?i:soon|the (?:near |distant |foreseeable )?future|a later date|someday|"
     r"(?:the\s+)?coming (?:years|months|weeks|days|quarters)|(?:the\s+)?(?:months|years|weeks|days) ahead)"
     + E, h_ref("FUTURE_REF")),
    # sets
    ("set", rf"{B}(?i:daily|nightly|weekly|monthly|quarterly|annually|yearly|hourly|biweekly|biannually|"
     rf"(?:every|each)\s+(?:(?P<n>{NUM})\s+)?(?:(?P<wd>{WEEKDAY})|(?P<mon>{MONTH})|(?P<unit>{UNIT})))" + E,
     h_set),
    ("set_freq", rf"{B}(?i:(?P<n>once|twice|three times|four times)\s+(?:a|per|every)\s+(?P<unit>day|week|month|"
     r"year|quarter))(?P<wd>)(?P<mon>)" + E, lambda m, ctx: _set_per(m)),
    ("set_per", r"(?i:(?:\d|%|percent|cents?|dollars?|times|once|twice|hours|days|million|billion|thousand)\s+)(?P<T>(?i:(?:a|per)\s+"
     r"(?P<unit>day|week|month|year))(?P<wd>)(?P<mon>))" + E, lambda m, ctx: _set_per(m)),
    ("month_rel_year", rf"{B}(?P<mon>{MONTH})\s+(?i:(?:of\s+)?(?P<rel>this|last|next)\s+year)" + E, h_month_rel_year),
    ("weekend", rf"{B}(?i:the\s+weekend)" + E, h_the_weekend),
]


def _set_per(m: re.Match) -> Result:
    unit = _unit(m["unit"])
    return Result("SET", _duration(1, unit), None)


def _point_ref(ctx: Context, unit: str) -> Result:
    day, gran, anchor = ctx.reference()
    g = UNITS[unit][2]
    return Result("DATE", fmt(day, g), anchor, Ref(day, g, None))


class _QuarterMatch:
    """Adapter so 'Q3 2020' can reuse the ordinal-quarter handler."""

    def __init__(self, m: re.Match) -> None:
        self._m = m

    def __getitem__(self, key: str) -> str | None:
        if key == "unit":
            return "quarter"
        if key == "q":
            return self._m["q"]
        if key in ("rel", "rel2"):
            return None
        return self._m[key]


_COMPILED: list[tuple[str, re.Pattern[str], Handler]] = [
    (name, re.compile(pattern, re.IGNORECASE), handler) for name, pattern, handler in RULES
]
_BY_NAME = {name: (pat, h) for name, pat, h in _COMPILED}

# spaCy's entity types under which a 4-digit number is not a year
_NOT_YEAR_ENTS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT", "PRODUCT", "ORG", "FAC", "LAW"}
# words that never form a time expression alone: ordinary uses we must not tag
_STOP_FULL = {"a day", "the day", "a second", "a quarter", "a half"}


# ---------------------------------------------------------------- detection

# on equal spans these readings win over the generic duration ("$5 a year" is a rate)
_PREFERRED = {"set", "set_per", "set_freq"}
# rules whose words are proper names anyway (months, weekdays): title case tells nothing
_NAME_RULES = {"full_date", "full_date_eu", "month_day", "day_month", "month_year", "month_rel", "month_mod",
               "month_bare", "weekday", "month_rel_year", "clock", "clock24", "iso_date", "year", "quarter_q", "fiscal"}


def _looks_like_title(doc: Doc, start: int, end: int) -> bool:
    """'This Week' (a programme), 'VOA Today': capitalized common words inside a name, not a time."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    words = [t for t in span if t.is_alpha]
    if not words or not all(t.text[0].isupper() for t in words):
        return False
    if span[0].is_sent_start:
        return False
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is None:
        return False
    if len(words) > 1:
        return True
    return prev.is_alpha and prev.text[0].isupper()


@dataclass
class Candidate:
    start: int
    end: int
    rule: str
    match: re.Match | None


_FULL_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
               "saturday", "sunday"}
_ABBREVIATIONS = {k for k in (*MONTHS, *WEEKDAYS) if k not in _FULL_NAMES}


def _strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces and trailing punctuation; TIMEX3 spans hold no leading preposition."""
    while start < end and text[start] in " \t\n":
        start += 1
    while end > start and text[end - 1] in " \t\n,.;:":
        if text[end - 1] == ".":
            last = re.split(r"[\s,]+", text[start:end - 1].lower())[-1]
            if last in _ABBREVIATIONS or last.endswith(("a.m", "p.m")):
                break
        end -= 1
    return start, end


def find_candidates(text: str) -> list[Candidate]:
    """All rule matches, overlaps resolved longest-first (then leftmost, then rule order)."""
    found: list[tuple[int, int, int, str, re.Match]] = []
    for order, (name, pattern, _) in enumerate(_COMPILED):
        keep = "T" in pattern.groupindex
        for m in pattern.finditer(text):
            s, e = _strip_edges(text, *(m.span("T") if keep else m.span()))
            if e > s:
                found.append((s, e, order, name, m))
    found.sort(key=lambda c: (-(c[1] - c[0]), c[0], -1 if c[3] in _PREFERRED else c[2]))
    taken: list[Candidate] = []
    occupied = bytearray(len(text) + 1)
    for s, e, _, name, m in found:
        if any(occupied[s:e]):
            continue
        occupied[s:e] = b"\x01" * (e - s)
        taken.append(Candidate(s, e, name, m))
    taken.sort(key=lambda c: c.start)
    return taken


def _match_whole(text: str) -> tuple[str, re.Match] | None:
    """The first rule that reads all of ``text`` (used on spaCy's entities)."""
    for name, pattern, _ in _COMPILED:
        m = pattern.fullmatch(text)
        if m:
            return name, m
    return None


def _spacy_candidates(doc: Doc, taken: list[Candidate]) -> list[Candidate]:
    """spaCy DATE/TIME entities our rules did not already cover, if a rule can read them whole."""
    text = doc.text  # a property that joins every token: read it once, not per entity
    occupied = bytearray(len(text) + 1)
    for c in taken:
        occupied[c.start:c.end] = b"\x01" * (c.end - c.start)
    extra: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        s, e = _strip_edges(text, ent.start_char, ent.end_char)
        if e <= s or any(occupied[s:e]):
            continue
        hit = _match_whole(text[s:e])
        if hit is None and text[s:e].lower().startswith("the "):
            s2 = s + 4
            hit = _match_whole(text[s2:e])
            if hit is not None:
                s = s2
        if hit is None:
            continue
        if _ANCHORED_OF.match(doc.text, e) and _type_guess(hit[0]) != "DURATION":
            # the rule refuses this span in its sentence: "the week" of "the week of the Brexit vote"
            # is anchored on an undated event, so keep the expression but do not guess its value
            extra.append(Candidate(ent.start_char, ent.end_char, UNRESOLVED, hit[1]))
            continue
        extra.append(Candidate(s, e, hit[0], hit[1]))
    return extra


#: Pseudo-rule of a time expression we detect but will not resolve (anchored on an undated event).
UNRESOLVED = "unresolved"
#: "the week | of the Brexit vote": a unit whose "of" phrase names an event, not a date.
_ANCHORED_OF = re.compile(r"\s+of\s+(?:the|a|an|this|that|his|her|its|their)\s+(?![\d$])[^\W\d]", re.UNICODE)


# ---------------------------------------------------------------- tense


_FUTURE_AUX = {"will", "'ll", "shall", "wo", "going"}


def clause_tense(doc: Doc, start: int, end: int) -> str | None:
    """Tense of the clause an expression modifies: 'past', 'present', 'future' or None.

    Walk from the expression up the dependency tree to the first verb; its
    auxiliaries decide ("will", "is going to" → future; "has"+VBN, VBD → past).
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return _token_tense(span.root, 0)


_PLAN_VERBS = {"plan", "expect", "schedule", "hope", "intend", "aim", "want", "promise", "agree", "decide",
               "prepare", "set", "due", "seek", "propose", "vow", "pledge", "threaten"}


_STATE_OR_REPORT = {"be", "have", "say", "tell", "report", "add", "state", "note", "claim", "believe", "think",
                    "know", "remain", "seem", "appear", "show", "mean", "include", "own", "hold", "need",
                    "want", "expect", "estimate", "accord", "write", "argue", "insist", "warn"}


def _token_tense(tok: Token, depth: int) -> str | None:
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            break
        if tok.head == tok:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & _FUTURE_AUX:
        return "future"
    if any(a.tag_ == "VBD" for a in auxes) or (tok.tag_ == "VBD" and not auxes):
        return "past"
    if tok.tag_ == "VBN" and lowers & {"has", "have", "had", "'ve", "'s"}:
        return "past"
    if tok.tag_ == "VB" and "to" in lowers:
        # "plans to meet on Friday", "is to resume Tuesday": the governing verb decides
        head = tok.head
        if head != tok and (head.lemma_ in _PLAN_VERBS or (head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP"))):
            return "future"
        if head != tok and depth < 3:
            return _token_tense(head, depth + 1)
        return None
    if tok.tag_ in ("VBZ", "VBP"):
        if tok.lemma_ in _PLAN_VERBS or any(c.lemma_ in {"scheduled", "due", "set"} for c in tok.children):
            return "future"
        if tok.lemma_ not in _STATE_OR_REPORT:
            return "present_event"  # "the leaders meet Monday": a scheduled event
        return "present"
    if tok.tag_ == "VBN" and lowers & {"is", "are", "be", "'s", "'re"}:
        return "future" if tok.lemma_ in _PLAN_VERBS else "present"
    if tok.tag_ == "VBN" and lowers & {"was", "were"}:
        return "past"
    if tok.tag_ == "VBN" and not auxes and tok.dep_ in ("acl", "amod", "advcl", "relcl"):
        return "past"  # reduced relative: "the year ended Sept. 30", "a deal announced Monday"
    return None


# ---------------------------------------------------------------- main entry


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
    """Detect and normalize the time expressions of ``doc`` (see the module docstring)."""
    text = doc.text
    dct = parse_published(published)
    taken = find_candidates(text)
    taken = sorted(taken + _spacy_candidates(doc, taken), key=lambda c: c.start)
    ctx = Context(dct)
    sent_starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
    out: list[TimeExpr] = []
    for cand in taken:
        i = bisect.bisect_right(sent_starts, cand.start) - 1
        ctx.window_start = sent_starts[max(0, i - 1)]
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


def _type_guess(rule: str) -> str:
    if rule in ("clock", "clock24", "noon", "part_of_day"):
        return "TIME"
    if rule.startswith("duration"):
        return "DURATION"
    return "DATE"


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
