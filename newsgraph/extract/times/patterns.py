"""The regular-expression pieces the rules are built from (months, weekdays, numbers, units, years).

Why pieces and not whole patterns here: every rule of :mod:`.rules` combines the same few
pieces (a month, a day number, a year, an approximation such as "about"), and the word
boundaries :data:`B`/:data:`E` must be the same everywhere: no rule may start inside a hyphenated
word ("pre-2020") or stop before the rest of a word.  Case is deliberate: month and
weekday names only match capitalized (``(?-i:...)``: "may" is a verb, "March" a month).
"""

from __future__ import annotations

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
