"""Framing rules, phase 1 of :func:`find_cues`: slogans, flag-waving, exaggeration and absolutes.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .. import framing_lexicon as lex
from .cue import _Cue
from .lexical import _in_list, _lemma
from .switches import CLOSE_QUOTES, OPEN_QUOTES

_HASHTAG_RE = re.compile(r"(?<![\w#])#[A-Za-z][\w]{2,}")
_NO_TO_RE = re.compile(r"\b(?:No|Yes) to [^.;:!?\"“”‘’\n]{3,80}?(?=[.;:!?\"”’\n]|$)")


def _slogans(doc: Doc) -> list[_Cue]:
    out: list[_Cue] = []
    text = doc.text
    # quoted motto after an introducing noun ("the slogan 'X'", "chanting 'X'")
    for tok in doc:
        if tok.lower_ not in lex.SLOGAN_INTRO and _lemma(tok) not in lex.SLOGAN_INTRO:
            continue
        window = text[tok.idx + len(tok) : tok.idx + len(tok) + 40]
        m = re.search(r"[\"“‘«]", window)
        if not m or re.search(r"[.!?]\s", window[: m.start()]):
            continue
        begin = tok.idx + len(tok) + m.end()
        close = re.compile(r"[\"”»]|’(?![A-Za-z])")
        cm = close.search(text, begin)
        if not cm or cm.start() - begin > 200 or cm.start() <= begin:
            continue
        end = cm.start()
        while end > begin and text[end - 1] in " .,;:":
            end -= 1
        out.append(
            _Cue(
                begin,
                end,
                "Slogans",
                f"quoted motto introduced by '{tok.text}' (framing_lexicon.SLOGAN_INTRO)",
                key=text[begin:end].lower(),
            )
        )
    # "No to X, No to Y" chains
    for m in _NO_TO_RE.finditer(text):
        seg_end = m.end()
        chain = re.compile(r"(?:,\s*|\s+and\s+|\s+)(?:No|Yes) to [^.;:!?\"“”‘’\n]{3,80}?(?=[.;:!?\"”’\n,]|\s+and\s+|$)")
        while (nxt := chain.match(text, seg_end)) is not None:
            seg_end = nxt.end()
        out.append(_Cue(m.start(), seg_end, "Slogans", "'No to …' chant formula", key=m.group(0).lower()))
    for m in _HASHTAG_RE.finditer(text):
        out.append(_Cue(m.start(), m.end(), "Slogans", "hashtag used as a slogan", key=m.group(0).lower()))
    # short exclamations and formulaic chants
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if not toks:
            continue
        words = [t for t in toks if not t.is_punct]
        s_text = sent.text.strip().strip(OPEN_QUOTES + CLOSE_QUOTES + " ").lower()
        opener = next((o for o in lex.SLOGAN_OPENERS if s_text.startswith(o + " ") or s_text == o), None)
        exclaim = toks[-1].text == "!" or (len(toks) > 1 and toks[-2].text == "!")
        imperative = words and words[0].tag_ == "VB" and words[0].dep_ == "ROOT"
        if 1 <= len(words) <= 7 and exclaim and (imperative or opener):
            why = f"short exclamation opening with '{opener}'" if opener else "short imperative exclamation"
        elif opener and len(words) <= 6 and (exclaim or s_text[:1] == s_text[:1].upper()):
            if opener in ("free", "stop", "no more") and not exclaim:
                continue
            why = f"formulaic chant '{opener} …' (framing_lexicon.SLOGAN_OPENERS)"
        else:
            continue
        first, last = words[0], words[-1]
        out.append(_Cue(first.idx, last.idx + len(last), "Slogans", why, key=s_text))
    return out


def _flag_waving(doc: Doc) -> list[_Cue]:
    out: list[_Cue] = []
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        entry = _in_list(tok, lex.NATION_NOUNS)
        if not entry:
            continue
        left = [c for c in tok.lefts]
        owner = next((c for c in left if c.lower_ in ("our", "my") and c.dep_ == "poss"), None)
        nation = next(
            (c for c in left if c.ent_type_ == "NORP" or c.lower_ in ("american", "british", "russian", "national")),
            None,
        )
        if owner is None and not (nation is not None and tok.lower_ in ("people", "values", "way", "heroes", "patriots")):
            continue
        start = min(c.i for c in (owner or nation, *[c for c in left if c.dep_ in ("amod", "compound", "det")]))
        why = (
            f"in-group appeal '{(owner or nation).text} … {tok.text}' (framing_lexicon.NATION_NOUNS)"
        )
        out.append(_Cue(doc[start].idx, tok.idx + len(tok), "Flag-Waving", why, head=tok.i, key=entry))
    return out


def _exaggeration(doc: Doc) -> list[_Cue]:
    """Superlatives that claim an extreme ("the worst X ever", "the deadliest attack in history")."""
    out: list[_Cue] = []
    for tok in doc:
        if tok.tag_ != "JJS" and not (tok.lower_ == "most" and tok.head.pos_ == "ADJ"):
            continue
        if tok.lower_ in ("least", "latest", "last", "first", "next", "best") and tok.tag_ == "JJS":
            # temporal/ordinal superlatives are plain reporting; "best" is judged below with "ever"
            if tok.lower_ != "best":
                continue
        noun = tok.head if tok.head.pos_ in ("NOUN", "PROPN") else (tok.head.head if tok.lower_ == "most" else None)
        if noun is None or noun.i < tok.i:
            continue
        sent = tok.sent
        tail = [t for t in sent if t.i > noun.i and t.i <= noun.i + 6]
        boost = next(
            (t for t in tail if t.lower_ in ("ever", "history", "world", "all", "imaginable", "possible")),
            None,
        )
        if boost is None and (tok.lower_ not in lex.EXAGGERATION_WORDS or tok.lower_ in MEASURE_SUPERLATIVES):
            continue  # "the two largest emitters": a ranking by a measure is a fact, not an exaggeration
        start = tok.i - 1 if tok.i > 0 and doc[tok.i - 1].lower_ == "the" else tok.i
        end = boost.i if boost is not None else noun.i
        if boost is not None and boost.lower_ == "all" and end + 1 < len(doc) and doc[end + 1].lower_ == "time":
            end += 1
        out.append(
            _Cue(
                doc[start].idx,
                doc[end].idx + len(doc[end]),
                "Exaggeration,Minimisation",
                f"superlative '{tok.text}'" + (f" with '{boost.text}'" if boost is not None else ""),
                head=noun.i,
                key=tok.lower_,
            )
        )
    return out


ABSOLUTE_ADVERBS = lex._words("totally, completely, absolutely, entirely, utterly, literally, thoroughly, wholly")


def _absolutes(doc: Doc) -> list[_Cue]:
    """Absolute intensifiers on a predicate ("completely destroyed", "utterly useless") overstate it."""
    out: list[_Cue] = []
    for tok in doc:
        head = tok.head
        if tok.lower_ in ABSOLUTE_ADVERBS and tok.dep_ == "advmod" and head.pos_ in ("ADJ", "VERB") and 0 < head.i - tok.i <= 2:
            out.append(
                _Cue(tok.idx, head.idx + len(head), "Exaggeration,Minimisation",
                     f"absolute intensifier '{tok.text} {head.text}'", head=head.i, key=tok.lower_)
            )
    return out


#: Superlatives of a measure (size, amount, age): "the largest emitters" ranks by a number, which
#: is reporting; only "ever", "in history" and the like make them a claim of an extreme.
MEASURE_SUPERLATIVES = lex._words(
    "largest, biggest, smallest, highest, lowest, oldest, youngest, richest, poorest, longest, shortest, "
    "fastest, slowest, heaviest, deadliest, busiest, most populous"
)
