"""Calendar arithmetic and TIMEX3 values: move a date by units, name the period around a date.

Pure functions of dates, with no reading of the text: :func:`shift` moves a date by days, weeks,
months or longer (calendar-aware: January 31 + 1 month is February 28), :func:`fmt` gives the
TIMEX3 value of the period of a granularity that contains a date (``2021-W14``, ``2021-Q2``,
``202``), :func:`_duration` the value of a length of time (``P3Y``, ``PT30M``, ``PXD``).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from .lexical import UNITS


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
