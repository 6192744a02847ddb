"""The rules: (name, pattern, handler) triples, in the order that breaks ties, compiled once.

:data:`RULES` is the one table of what we recognize; :data:`_COMPILED` is the same list compiled
at import, in the same order, and :data:`_BY_NAME` finds a candidate's handler by its rule name.
The order matters only between readings of the same span (see
:func:`~.candidates.find_candidates` and :func:`~.candidates._match_whole`): a more specific
rule is listed before a more general one that can read the same words, so absolute dates come
first, then weekdays and days, relative units, seasons/decades/years, durations, the
present/past/future references and sets.
"""

from __future__ import annotations

import re

from .handlers import (
    Handler,
    _point_ref,
    _QuarterMatch,
    _set_per,
    h_after_before,
    h_ago,
    h_bare_plural,
    h_century,
    h_clock,
    h_day_before_after,
    h_decade,
    h_deictic_day,
    h_duration,
    h_earlier_later,
    h_fiscal,
    h_fiscal_rel,
    h_following,
    h_full_date,
    h_iso_date,
    h_mod_deictic,
    h_mod_rel,
    h_month_day,
    h_month_rel,
    h_month_rel_year,
    h_month_year,
    h_noon,
    h_part_alone,
    h_part_of_day,
    h_quarter,
    h_quarter_anaphor,
    h_ref,
    h_rel_unit,
    h_season,
    h_set,
    h_the_unit,
    h_the_weekend,
    h_weekday,
    h_weekday_anchored,
    h_year,
    h_year_ago,
    h_year_end,
    h_year_ended,
    h_year_period,
    h_year_words,
)
from .lexical import _unit
from .patterns import (
    _ONES,
    _TENS,
    APPROX,
    DAYNUM,
    MOD,
    MONTH,
    MONTH_SAFE,
    NUM,
    NUMWORD,
    ORD,
    UNIT,
    UNIT1,
    WEEKDAY,
    YEAR,
    ZONES,
    B,
    E,
)

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


_COMPILED: list[tuple[str, re.Pattern[str], Handler]] = [
    (name, re.compile(pattern, re.IGNORECASE), handler) for name, pattern, handler in RULES
]
_BY_NAME = {name: (pat, h) for name, pat, h in _COMPILED}
