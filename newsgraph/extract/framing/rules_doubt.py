"""Framing rules, phase 1 of :func:`find_cues`: Doubt — qualifiers ("so-called X"), scare quotes,
rhetorical questions in the outlet's voice.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .. import framing_lexicon as lex
from .cue import _Cue, _cue_over
from .lexical import PERSONISH, _in_list, _is_reporting
from .switches import ACTOR_TYPES, CLOSE_QUOTES, OPEN_QUOTES, SCARE_QUOTE_BOTH, SCARE_QUOTE_LABEL

_QUOTED_RE = re.compile(r"([\"“‘])([^\"“”‘’\n]{1,60}?)([\"”’])(?![A-Za-z])")

_DOUBT_QUALIFIERS = ("self-styled", "self-proclaimed", "supposed", "purported", "would-be")


def _doubt_qualifier(doc: Doc, tok: Token) -> tuple[str, int] | None:
    """(qualifier, index of the first token it qualifies) when a doubt qualifier starts at ``tok``.

    "so-called" comes tokenized three ways ("so - called", "so-called", "so called"); an
    unhyphenated "so called" is a qualifier only when "called" is not the sentence's verb.
    """
    if tok.lower_ == "so" and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ == "called":
        return "so-called", tok.i + 3
    if tok.lower_ == "so-called":
        return "so-called", tok.i + 1
    if tok.lower_ == "so" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "called" and doc[tok.i + 1].dep_ != "ROOT":
        return "so called", tok.i + 2
    if tok.lower_ in _DOUBT_QUALIFIERS:
        return tok.lower_, tok.i + 1
    return None


def _doubted_np_end(doc: Doc, first: int) -> int | None:
    """Last token index of the noun phrase a qualifier casts doubt on (from ``first``), or None.

    The phrase runs over premodifiers and quote marks to its noun and takes a closing quote
    mark after it; a phrase that ends on punctuation is no noun phrase (None).
    """
    end = first
    while end + 1 < len(doc) and doc[end].pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT", "NUM") and doc[end].dep_ in (
        "amod",
        "compound",
        "nmod",
        "punct",
        "nummod",
    ):
        if doc[end].is_punct and doc[end].text not in OPEN_QUOTES + CLOSE_QUOTES + "-":
            break
        end += 1
    while end < len(doc) - 1 and doc[end].text in OPEN_QUOTES:
        end += 1
    if doc[end].is_punct:
        return None
    if end + 1 < len(doc) and doc[end + 1].text in CLOSE_QUOTES:
        end += 1
    return end


def _doubt_qualifiers(doc: Doc) -> list[_Cue]:
    """Doubt: "so-called X", "self-styled X" and the like, over the qualifier and the phrase X.

    The cue's target text is X without its quote marks (the thing the outlet doubts).
    """
    out: list[_Cue] = []
    text = doc.text
    for tok in doc:
        found = _doubt_qualifier(doc, tok)
        if found is None or found[1] >= len(doc):
            continue
        entry, first = found
        end = _doubted_np_end(doc, first)
        if end is None:
            continue
        target_tok = doc[end] if not doc[end].is_punct else doc[end - 1]
        np_text = text[doc[first].idx : target_tok.idx + len(target_tok)].strip(OPEN_QUOTES + CLOSE_QUOTES + " ")
        why = f"'{entry}' casts doubt on '{np_text}' (doubt qualifier)"
        out.append(_cue_over(doc, tok.i, end, "Doubt", why, head=target_tok.i, key=entry, target_text=np_text))
    return out


def _scare_quoted(doc: Doc, m: re.Match[str], quoted_ranges: list[tuple[int, int]]) -> Span | None:
    """The span of a short quoted noun phrase used as a term by the outlet (scare quotes), or None.

    One to four words, not ending in punctuation nor starting with a digit, with a noun or
    adjective among them; not words a speaker is reported to have used (a partial quote) nor
    inside a longer quotation; and after a determiner, adjective, preposition, pronoun, number
    or possessor (a term inside a noun phrase, not a quoted utterance).
    """
    inner = m.group(2).strip()
    words = inner.split()
    if not (1 <= len(words) <= 4) or inner[-1:] in ".!?,;:" or inner[:1].isdigit():
        return None
    span = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
    if span is None or not any(t.pos_ in ("NOUN", "ADJ") for t in span):
        return None
    if any(_is_reporting(t) and t.pos_ == "VERB" for t in span.root.ancestors) or any(
        s <= m.start() < e for s, e in quoted_ranges
    ):
        return None
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.text in OPEN_QUOTES:
        prev = doc[span.start - 2] if span.start > 1 else None
    if prev is None or prev.pos_ not in ("DET", "ADJ", "ADP", "PRON", "NUM") and prev.dep_ != "poss":
        return None
    return span


def _scare_quote_techniques(span: Span) -> tuple[str, ...]:
    """The techniques scare quotes around ``span`` are reported as, in the order they are emitted.

    Around a person or group noun (``SCARE_QUOTE_LABEL``) they label it, and with
    ``SCARE_QUOTE_BOTH`` they are Doubt as well; otherwise they are Doubt.
    """
    root = span.root
    if SCARE_QUOTE_LABEL == "all" or (SCARE_QUOTE_LABEL == "person" and (
        _in_list(root, PERSONISH) or _in_list(root, lex.LABEL_NOUNS) or root.ent_type_ in ACTOR_TYPES
    )):
        return ("Doubt", "Name_Calling,Labeling") if SCARE_QUOTE_BOTH else ("Name_Calling,Labeling",)
    if SCARE_QUOTE_LABEL == "noun" and root.pos_ in ("NOUN", "PROPN"):
        return ("Name_Calling,Labeling",)
    return ("Doubt",)


def _scare_quotes(doc: Doc, quoted_ranges: list[tuple[int, int]]) -> list[_Cue]:
    """Scare quotes: a short quoted noun phrase used as a name, outside reported speech.

    The cue covers the quote marks; where it is both Doubt and a label, the Doubt cue comes
    first (as it always has: the order of records is part of the output).
    """
    out: list[_Cue] = []
    for m in _QUOTED_RE.finditer(doc.text):
        span = _scare_quoted(doc, m, quoted_ranges)
        if span is None:
            continue
        inner = m.group(2).strip()
        why = f"scare quotes around '{inner}' (short quoted term outside reported speech)"
        for technique in _scare_quote_techniques(span):
            out.append(_Cue(m.start(), m.end(), technique, why, head=span.root.i, key=inner.lower(), target_text=inner))
    return out


def _doubt(doc: Doc, quoted_ranges: list[tuple[int, int]]) -> list[_Cue]:
    """Doubt cues: qualifier phrases ("so-called X") first, then scare quotes, each in text order.

    The two rules are independent, but their order matters: where both give a Doubt cue over
    the same span, ``_dedupe`` keeps the first (its sorts are stable), so the order decides
    which explanation and target text survive.
    ``quoted_ranges`` keeps scare quotes off quoted speech.
    """
    return _doubt_qualifiers(doc) + _scare_quotes(doc, quoted_ranges)


def _rhetorical_questions(doc: Doc, quoted_ranges: list[tuple[int, int]]) -> list[_Cue]:
    out: list[_Cue] = []
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if not toks or "?" not in sent.text[-3:]:
            continue
        if any(s <= toks[0].idx < e for s, e in quoted_ranges):
            continue
        words = [t for t in toks if not t.is_punct]
        if len(words) < 3 or len(words) > 30:
            continue
        if not any(t.lower_ in ("really", "why", "how", "seriously", "who", "isn't", "aren't", "doesn't") or t.lower_ == "n't" for t in words):
            continue
        first, last = toks[0], toks[-1]
        out.append(
            _Cue(first.idx, last.idx + len(last), "Doubt", "rhetorical question in the outlet's voice", head=sent.root.i)
        )
    return out


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Stretches between quotation marks (used to keep outlet-only rules off quoted speech)."""
    ranges = []
    for m in re.finditer(r"[\"“]([^\"“”]{20,}?)[\"”]", text):
        ranges.append((m.start(), m.end()))
    return ranges
