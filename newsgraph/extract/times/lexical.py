"""The words time expressions are made of, and what each one is worth.

Month and weekday names, number words ("twenty-four", "a couple of", the vague "several"),
ordinals, units with their TIMEX3 letters and granularities, parts of the day, seasons and the
deictic days ("yesterday" = -1), plus the readers that turn a matched word into its number
(:func:`_num`, :func:`_unit`, :func:`_month`).  Why a file of their own: the patterns
(:mod:`.patterns`, :mod:`.rules`) say where such words may stand and the handlers
(:mod:`.handlers`) what they are worth; both read these tables, so the tables sit below both.
"""

from __future__ import annotations

import re

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


DEICTIC_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}
