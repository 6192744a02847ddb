"""Framing, phase 2 of :func:`find_cues`: trimming, de-duplication and the literal-use filter.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .. import framing_lexicon as lex
from .cue import _Cue
from .lexical import _in_list
from .switches import CLOSE_QUOTES, NEWLINE_CUT, OPEN_QUOTES

_EDGE_PUNCT = set(OPEN_QUOTES + CLOSE_QUOTES + ",;:.!?()[]'—– \n\t")


def _trim(doc: Doc, c: _Cue) -> _Cue:
    """Loaded-language and label spans neither start nor end with punctuation or quote marks."""
    text = doc.text
    if c.technique not in ("Loaded_Language", "Name_Calling,Labeling"):
        return c
    start, end = c.start, c.end
    if NEWLINE_CUT and "\n" in text[start:end]:  # a phrase does not run across a line break
        at = c.word if c.word is not None else c.head
        anchor = doc[at].idx if at is not None and start <= doc[at].idx < end else start
        left = text.rfind("\n", start, anchor)
        right = text.find("\n", anchor, end)
        start = left + 1 if left >= 0 else start
        end = right if right >= 0 else end
    while end - start > 1 and text[start] in _EDGE_PUNCT:
        start += 1
    while end - start > 1 and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    if end <= start or not text[start:end].strip():
        return c  # nothing sensible left: keep the span as the rule made it
    c.start, c.end = start, end
    if c.head is not None and not start <= doc[c.head].idx < end:
        c.head = c.word  # the target is sought from what the span still holds
    return c


#: Nouns of sound: a sound adjective on one of them describes a sound ("a shrill voice", "a
#: deafening noise"), not a person or a position.
SOUND_NOUNS = lex._words(
    "voice, voices, sound, sounds, noise, noises, whistle, whistles, siren, sirens, alarm, alarms, tone, "
    "tones, pitch, cry, cries, scream, screams, shriek, shrieks, squeal, ring, note, notes, music, roar, "
    "blast, bang, explosion, explosions, horn, horns, bell, bells, engine, engines, laugh, laughter, whine"
)

#: Prepositions that make their noun phrase the circumstance of an event ("died in a car crash",
#: "hurt after the crash"): a figurative phrase there is meant literally.
EVENT_PREPS = frozenset({"in", "after", "from", "during", "following", "since", "before"})
HARM_VERBS = frozenset("kill die injure hurt wound maim perish crush trap strand burn drown".split())
_LITERAL_CHECKED = frozenset({"Loaded_Language", "Repetition", "Flag-Waving", "Exaggeration,Minimisation"})
_NAME_TYPES = frozenset({"ORG", "PRODUCT", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PERSON", "GPE"})


def _is_name(span: Span, word: Token, technique: str) -> bool:
    """The cue is (inside) a name ("Patriot" the coal company): a name is not a word choice."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    return bool(words) and all(t.ent_type_ in _NAME_TYPES for t in words) \
        and any(t.pos_ == "PROPN" for t in words) and not all(t.is_upper for t in words)


def _is_compound_term(span: Span, word: Token, technique: str) -> bool:
    """A loaded noun modifying a plain noun names a kind of thing ("junk bonds", "disaster relief")."""
    head = word.head
    return (word.pos_ == "NOUN" and word.dep_ == "compound" and head.pos_ == "NOUN" and head.i > word.i
            and _in_list(head, lex.LOADED_NOUN) is None and _in_list(head, lex.LABEL_NOUNS) is None)


def _is_event_circumstance(span: Span, word: Token, technique: str) -> bool:
    """A figurative phrase as where someone came to harm ("killed in a car crash", "hurt in the wreck").

    Measured: any event preposition ("in a …", "after the …") took figurative phrases too (PTC dev
    Loaded_Language −0.02), so only the preposition of a verb of physical harm makes it literal.
    """
    root = span.root
    if technique != "Loaded_Language" or " " not in span.text.strip():
        return False
    if not (root.pos_ in ("NOUN", "PROPN") and root.dep_ == "pobj" and root.head.i < span.start):
        return False
    prep = root.head
    return prep.lower_ in EVENT_PREPS and prep.head.pos_ == "VERB" and prep.head.lemma_.lower() in HARM_VERBS


def _is_sense_description(span: Span, word: Token, technique: str) -> bool:
    """A sound adjective on a noun of sound ("a shrill voice") describes the sound."""
    return word.pos_ == "ADJ" and word.head.pos_ == "NOUN" and _in_list(word.head, SOUND_NOUNS) is not None


#: The literal-use shapes, each general rather than about one word (see :func:`_literal_use`).
LITERAL_RULES = (_is_name, _is_compound_term, _is_event_circumstance, _is_sense_description)


def _literal_use(doc: Doc, c: _Cue) -> str | None:
    """The rule that finds the lexicon word of a cue used in its literal sense, or None.

    A word list cannot tell "the debate was a car crash" from "killed in a car crash"; the
    parse around the word can: a name, a compound term, an event circumstance or a sense
    description (:data:`LITERAL_RULES`) is the literal use.
    """
    if c.technique not in _LITERAL_CHECKED:
        return None
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    word = doc[c.word] if c.word is not None else (doc[c.head] if c.head is not None else span.root)
    for rule in LITERAL_RULES:
        if rule(span, word, c.technique):
            return "compound" if rule is _is_compound_term else rule.__name__
    return None


def _dedupe(cues: list[_Cue]) -> list[_Cue]:
    """Drop exact duplicates and same-technique cues nested inside a longer one."""
    cues = sorted(cues, key=lambda c: (c.technique, c.start, -(c.end - c.start)))
    kept: list[_Cue] = []
    last: dict[str, _Cue] = {}
    for c in cues:
        prev = last.get(c.technique)
        if prev is not None and prev.start <= c.start and c.end <= prev.end:
            continue
        kept.append(c)
        last[c.technique] = c
    return sorted(kept, key=lambda c: (c.start, c.end, c.technique))
