"""Page furniture: the lines of a scraped article that are the page, not the story.

Why one detector: text extracted from news pages keeps promo links ("READ MORE: …"),
video teasers ("WATCH BELOW"), newsletter boxes ("Sign up for …"), photo credits,
bylines and datelines.  Left in, the quote extractor takes "READ MORE" for a speaker and
a teaser headline for a statement, the claims extractor ranks a promo line, and framing
credits a teaser's adjective to the outlet.  Quotes, claims and framing all ask this
module, so a line is furniture for all three or for none.

The rules are about the *shape* of a line (a label at its start, a short line of names
after "By", a credit in parentheses), never about the words of a particular site, so
they carry over to outlets not seen.  :func:`furniture_ranges` returns character ranges;
a dateline ("OTTAWA —") is furniture only up to its dash: the sentence after it is news.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

#: Labels that open a promo, teaser or box line ("READ MORE: …", "WATCH BELOW").  A line
#: starting with one of them (in capitals, or followed by a colon or dash) is furniture.
_STRONG = (
    r"read more|read also|also read|more reading|read the full story|read next|recommended|"
    r"watch|watch below|watch live|watch now|watch the video|listen now|"
    r"related|related stories|related story|related coverage|related articles|more from|"
    r"sign up|subscribe|subscribe today|subscribe now|newsletter|advertisement|advertisements|"
    r"sponsored|sponsored content|trending now|most read|most popular|editor's picks|"
    r"story continues below|story continues below advertisement|scroll down|scroll down for video|"
    r"click here|tap here|share this|share this article|follow us|photo credit|file photo|"
    r"all rights reserved|get the latest|download our app|join the conversation|"
    r"take our poll|vote in our poll|cast your vote"
)
#: Words that are labels only when a colon, dash or the end of the line follows ("VIDEO: …",
#: "Update:"): in capitals alone they also open headlines ("MORE THAN 100 HURT").
_WEAK = (
    r"more|video|videos|listen|trending|photo|photos|photograph|image|images|gallery|credit|"
    r"caption|copyright|live updates|share|comments"
)
_STRONG_RE = re.compile(rf"^\W{{0,3}}(?:{_STRONG})\b", re.IGNORECASE)
_WEAK_RE = re.compile(rf"^\W{{0,3}}(?:{_WEAK})\b", re.IGNORECASE)
#: After a label, what makes the line a promo: a colon or dash, the end of the line, or
#: an arrow / ellipsis.  ("Watch the skies tonight, officials said" is news, not a label.)
_AFTER_LABEL_RE = re.compile(r"^\s*(?:[:|»>›–—-]|\.{3}|…|$)")

#: A byline: "By Jane Doe", "By Jane Doe and John Roe, The Daily Planet", "By JANE DOE | Staff".
_NAME = r"[A-Z][\w'’.-]*"
_BYLINE_RE = re.compile(
    rf"^\s*(?:By|BY|Written by|Reporting by|Story by|Words by)\s+{_NAME}(?:\s+{_NAME}){{0,3}}"
    rf"(?:\s*(?:,|and|&|\|)\s*(?:the\s+)?{_NAME}(?:\s+{_NAME}){{0,4}})*\s*\.?\s*$"
)
#: Reporting credits of wire copy: "(Reporting by Jane Doe; Editing by John Roe)".
_CREDIT_RE = re.compile(
    r"^\s*[(\[]?\s*(?:reporting|additional reporting|writing|editing|compiled|produced)\s+by\b",
    re.IGNORECASE,
)
#: Photo and image credits: a short line naming a photo agency or marked as a credit.
_PHOTO_RE = re.compile(
    r"(?:\((?:AP|Reuters|AFP|Getty|EPA|CP|Canadian Press)?\s*(?:Photo|Photograph|Image)s?\b[^)]*\)"
    r"|^\W{0,2}(?:Photo|Photograph|Image|Picture)s?\s*(?:credit)?\s*(?::|by|/|courtesy)"
    r"|\bGetty Images\b|\bShutterstock\b|/\s*(?:AP|Reuters|AFP|Getty|EPA|The Canadian Press)\s*\)?\s*$)",
    re.IGNORECASE,
)
#: A dateline: the place (capitals), an optional agency in parentheses, a dash — "OTTAWA —",
#: "WASHINGTON (Reuters) -", "NEW YORK, Jan. 5 (AP) —".  Only that prefix is furniture.
_DATELINE_RE = re.compile(
    r"^\s*[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,4}(?:,\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2})?"
    r"\s*(?:\([A-Za-z .&-]{1,30}\))?\s*[—–-]{1,2}\s+(?=[A-Z“\"])"
)
#: Social handles and sharing calls: "Follow @jdoe on Twitter", "Follow him on X".
_FOLLOW_RE = re.compile(r"^\s*follow\b.{0,40}\b(?:on|at)\s+(?:twitter|x|facebook|instagram|@)", re.IGNORECASE)
#: Calls to act on the page: "Sign up for our newsletter", "Click here to read the report".
_PROMO_RE = re.compile(
    r"^\s*(?:sign up|subscribe|click here|tap here|download|get|join)\b.{0,100}"
    r"\b(?:newsletters?|here|app|free|alerts?|inbox|podcast)\b",
    re.IGNORECASE,
)
_COPYRIGHT_RE = re.compile(r"^\s*(?:©|\(c\)\s*\d{4}|copyright\b)", re.IGNORECASE)
#: A form's field label: one to three words and the asterisk of a required field ("Email *").
_FIELD_RE = re.compile(r"^\s*[A-Z][A-Za-z]*(?:[ -][A-Za-z]+){0,2}\s*\*\s*$")
#: A bulleted run of capitalised words with no sentence in it: a poll's options, a menu, tags
#: ("* John Bolton Richard Grenell Dina Powell"): at least four words, none lower-case.
_BULLET_LIST_RE = re.compile(r"^\s*[*•·▪]\s+(?:[A-Z0-9][\w'’.&-]*\s+){3,}[A-Z0-9][\w'’.&-]*\s*$")
#: A form embedded in the text (a poll, a sign-up box) takes, around its field lines, the short
#: lines that belong to it: the questions and options before it, the consent lines after it.
_FORM_LINE = 100
_FORM_AFTER = 4
_QUOTE_MARKS = frozenset('"“”«»„')
#: Longest line (characters) a label, byline or credit line can have: a paragraph of
#: news that happens to start with "Update" or "Analysis" is not furniture.
_MAX_PROMO = 160
_MAX_CREDIT = 120


def _line_is_furniture(line: str) -> bool:
    """True when the whole line is page furniture (see the module docstring for the shapes)."""
    s = line.strip()
    if not s:
        return False
    if len(s) <= _MAX_PROMO:
        for pattern, caps_suffice in ((_STRONG_RE, True), (_WEAK_RE, False)):
            m = pattern.match(s)
            if m is None:
                continue
            word = s[: m.end()]
            # a capitalised label ("WATCH", "READ MORE") or a label closed by a colon/dash/end
            if (caps_suffice and word.isupper()) or _AFTER_LABEL_RE.match(s[m.end():]):
                return True
    if len(s) <= _MAX_CREDIT:
        if any(r.match(s) for r in (_BYLINE_RE, _CREDIT_RE, _FOLLOW_RE, _PROMO_RE, _COPYRIGHT_RE, _FIELD_RE,
                                    _BULLET_LIST_RE)):
            return True
        if _PHOTO_RE.search(s) and not (_QUOTE_MARKS & set(s)) and len(s.split()) <= 16:
            return True
    return False


@lru_cache(maxsize=16)
def _scan(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """Whole furniture lines and dateline prefixes of ``text``, each in text order."""
    lines: list[tuple[int, int, str]] = []  # (start, end) of each line's text, and the text
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lead = len(body) - len(body.lstrip())
        lines.append((pos + lead, pos + len(body.rstrip()), body.strip()))
        pos += len(line)
    furniture = [_line_is_furniture(b) for _, _, b in lines]
    for i, (_, _, body) in enumerate(lines):
        if not _FIELD_RE.match(body):
            continue
        j = i - 1  # the form's questions and options, back to its label
        while j >= 0 and lines[j][2] and len(lines[j][2]) <= _FORM_LINE and (
                furniture[j] or lines[j][2].endswith("?")):
            furniture[j] = True
            j -= 1
        for k in range(i + 1, min(len(lines), i + 1 + _FORM_AFTER)):  # its consent lines
            if not lines[k][2] or len(lines[k][2]) > _FORM_LINE:
                break
            furniture[k] = True
    whole = tuple((a, b) for (a, b, body), f in zip(lines, furniture, strict=True) if f and body)
    datelines = []
    for (a, _, body), f in zip(lines, furniture, strict=True):
        if not f:
            m = _DATELINE_RE.match(body)
            if m is not None:
                datelines.append((a, a + m.end()))
    return whole, tuple(datelines)


@lru_cache(maxsize=16)
def furniture_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """Character ranges of ``text`` that are page furniture, in text order.

    Whole lines for promo, teaser, byline, credit and form lines; the place-and-dash prefix for
    a dateline.  Cached: the quote, claims and framing extractors ask about the same text.
    """
    whole, datelines = _scan(text)
    return tuple(sorted(whole + datelines))


def furniture_lines(text: str) -> tuple[tuple[int, int], ...]:
    """Only the whole furniture lines (no dateline prefix): where nothing of the story is, so
    no actor of it either (a dateline's place is where the story happened)."""
    return _scan(text)[0]


class Furniture:
    """Fast membership tests against one text's furniture ranges."""

    def __init__(self, text: str, *, lines_only: bool = False) -> None:
        self.ranges = furniture_lines(text) if lines_only else furniture_ranges(text)
        self._starts = [a for a, _ in self.ranges]

    def __bool__(self) -> bool:
        return bool(self.ranges)

    def contains(self, char: int) -> bool:
        """True when the character at ``char`` lies in furniture."""
        i = bisect_right(self._starts, char) - 1
        return i >= 0 and self.ranges[i][0] <= char < self.ranges[i][1]

    def overlaps(self, start: int, end: int) -> bool:
        """True when any character of ``[start, end)`` lies in furniture."""
        i = bisect_right(self._starts, max(start, end - 1)) - 1
        while i >= 0 and self.ranges[i][1] > start:
            if self.ranges[i][0] < end:
                return True
            i -= 1
        return False


def is_furniture(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` touches a furniture range (one-off checks)."""
    return Furniture(text).overlaps(start, end)
