"""Detection: the candidate spans, from our rules over the text and from spaCy's DATE/TIME entities.

:func:`find_candidates` runs every rule over the whole text and keeps, where matches overlap,
the longest; :func:`_spacy_candidates` adds the entities of the parser that no rule matched but
some rule can read whole.  The filters :func:`~newsgraph.extract.times.find_times` applies
before normalizing a candidate live here too: title-cased words inside a name ("This Week", a
programme), phrases that are never a time alone ("a day"), years that spaCy reads as a number
or a product.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from .lexical import MONTHS, WEEKDAYS
from .rules import _COMPILED

# spaCy's entity types under which a 4-digit number is not a year
_NOT_YEAR_ENTS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT", "PRODUCT", "ORG", "FAC", "LAW"}
# words that never form a time expression alone: ordinary uses we must not tag
_STOP_FULL = {"a day", "the day", "a second", "a quarter", "a half"}


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
    """All rule matches, overlaps resolved longest-first (then leftmost, then rule order).

    Every rule of :data:`~.rules.RULES` runs over the whole text, in table order; the order the
    rules run in decides nothing by itself, because all matches are collected first.  Where
    matches overlap, the longest span wins ("March 3, 2015" over the "2015" inside it), since a
    longer match has read more of the expression; among equal lengths the leftmost; on the same
    span a rate or frequency (:data:`_PREFERRED`: "$5 a year") beats the generic duration, and
    otherwise the rule listed first, the more specific one.
    """
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
    """The first rule that reads all of ``text`` (used on spaCy's entities).

    The rules are tried in :data:`~.rules.RULES` order and the first full match wins: the table
    lists the more specific reading of the same words first, as in :func:`find_candidates`.
    """
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


def _type_guess(rule: str) -> str:
    if rule in ("clock", "clock24", "noon", "part_of_day"):
        return "TIME"
    if rule.startswith("duration"):
        return "DURATION"
    return "DATE"
