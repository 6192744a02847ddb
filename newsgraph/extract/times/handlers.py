"""The value builders: one ``h_*`` handler per kind of rule, from a regex match to a TIMEX3 value.

Each handler gets the match of its rule (named groups: ``mon``, ``day``, ``year``, ``rel``,
``n``, ``unit`` ...) and the :class:`~.anchor.Context` of the candidate, and returns a
:class:`~.anchor.Result`: the type, the value, what it is anchored on (``"publication"``, the id
of an earlier expression, or nothing for an absolute date) and the point later anaphora may hang
on.  They raise :class:`~.anchor.NeedDCT` when the value depends on a publication date we do not
have, :class:`~.anchor.NoValue` when the match is not a time expression here.  Which rule calls
which handler is the table in :mod:`.rules`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from .anchor import Context, NoValue, Ref, Result, _month_year, _pub, _weekday_from, nearest_year
from .arithmetic import _duration, fmt, shift
from .lexical import DEICTIC_DAYS, ORDINALS, PARTS_OF_DAY, SEASONS, UNITS, WEEKDAYS, _month, _num, _unit
from .patterns import DAYNUM, MONTH

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
