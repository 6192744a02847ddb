"""Framing rules, phase 1 of :func:`find_cues`: loaded words and labels, one token pass.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .. import framing_lexicon as lex
from .cue import _Cue, _cue_over
from .lexical import PERSONISH, _hyphen_word, _in_list, _in_name, _is_reporting, _lemma, _loaded_entry
from .spans import _coordination, _extend_left, _np_left, _np_right, _with_det
from .switches import (
    ACTOR_TYPES,
    ADJ_ON_PERSON_IS_LABEL,
    ADJ_TAKES_NOUN,
    COORD_OTHER,
    COORD_SPAN,
    HYPERBOLE_IS_EXAGGERATION,
    LABEL_OF_PP,
    NOUN_LEFT,
    NOUN_LEFT_EVALUATIVE,
    NOUN_OF_LEFT,
    NOUN_OF_PP,
    PRAISE_ONLY_ON_PEOPLE,
    VERB_ADV,
)


def _passed_over(tok: Token) -> bool:
    """Tokens no word rule starts at: punctuation, reporting verbs, function words, a word of a name.

    Neutral reporting verbs are never loaded (module docstring), and a proper noun inside a
    name is the name, not a word choice.
    """
    if tok.is_punct or tok.is_space or _is_reporting(tok) or tok.pos_ in ("AUX", "DET", "PRON", "ADP"):
        return True
    return _in_name(tok) and tok.pos_ == "PROPN"


def _label_noun(doc: Doc, tok: Token, word: str, last: Token) -> _Cue | None:
    """Name_Calling: a label noun ("neocon scum", "occupiers") with its noun phrase and determiner.

    The span takes a short "of" complement ("enemies of the people") when ``LABEL_OF_PP``.
    """
    entry = None
    if last.pos_ in ("NOUN", "PROPN") or (last.pos_ == "ADJ" and last.dep_ not in ("amod",)):
        entry = word if word in lex.LABEL_NOUNS else (_lemma(last) if _lemma(last) in lex.LABEL_NOUNS else None)
    if not entry:
        return None
    start = _np_left(doc, tok.i, det=True)
    end_tok = last
    if LABEL_OF_PP:
        of = next((c for c in last.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == last.i + 1), None)
        if of is not None and of.right_edge.i - of.i <= 5:
            end_tok = of.right_edge
    why = f"label noun '{entry}' (framing_lexicon.LABEL_NOUNS)"
    return _cue_over(doc, start, end_tok.i, "Name_Calling,Labeling", why, head=last.i, key=entry)


def _label_adjective(doc: Doc, tok: Token, word: str, last: Token) -> _Cue | None:
    """Name_Calling: a pejorative adjective before a person or group ("disgraced former director").

    The span runs from the adjective (with preceding intensifiers and determiner) to the noun
    or name it modifies, which is also the cue's head (its target).
    """
    entry = word if word in lex.LABEL_ADJ else None
    if not (entry and last.dep_ in ("amod", "compound", "nmod") and last.head.i > last.i):
        return None
    head = last.head
    if not (head.pos_ == "PROPN" or head.ent_type_ in ACTOR_TYPES or _in_list(head, PERSONISH)):
        return None
    start = _with_det(doc, _extend_left(doc, tok.i, lex.INTENSIFIERS))
    why = f"pejorative label '{entry}' before '{head.text}' (framing_lexicon.LABEL_ADJ)"
    return _cue_over(doc, start, head.i, "Name_Calling,Labeling", why, head=head.i, key=entry)


def _interjection(doc: Doc, tok: Token) -> _Cue | None:
    """Loaded_Language: an emphasised emotive interjection ("Wow!"), with its exclamation mark."""
    if not (tok.pos_ == "INTJ" and tok.lower_ in lex.INTERJECTIONS and _emphatic(doc, tok)):
        return None
    end_i = tok.i + 1 if tok.i + 1 < len(doc) and doc[tok.i + 1].text == "!" else tok.i
    why = f"emotive interjection '{tok.text}' (framing_lexicon.INTERJECTIONS)"
    return _cue_over(doc, tok.i, end_i, "Loaded_Language", why, key=tok.lower_)


def _modifier_span(doc: Doc, tok: Token, src: Token, last_i: int) -> tuple[int, int]:
    """Token range of a loaded adjective or adverb: its intensifiers, the noun it modifies, its coordination.

    An adverb with no noun takes the adjective or verb right after it that it modifies.
    """
    start = _extend_left(doc, tok.i, lex.INTENSIFIERS)
    end_i = _np_right(doc, last_i) if ADJ_TAKES_NOUN else last_i
    if COORD_SPAN and src.pos_ == "ADJ":
        first, lo, hi = _coordination(doc, src)
        if hi > lo:
            start = min(start, _extend_left(doc, lo, lex.INTENSIFIERS))
            end_i = max(end_i, hi)
            if ADJ_TAKES_NOUN and first.i != src.i:
                noun = _np_right(doc, first.i)
                if noun == hi + 1 or (noun > hi and noun - hi <= 2):
                    end_i = noun
    if end_i == last_i and src.pos_ == "ADV" and src.head.i == last_i + 1 and src.head.pos_ in ("ADJ", "VERB"):
        end_i = src.head.i
    return start, end_i


def _noun_span(doc: Doc, tok: Token, src: Token, last_i: int) -> tuple[int, int]:
    """Token range of a loaded noun: its evaluative premodifiers, a framing "X of" and a short "of" complement.

    ("Britain's hypocrisy" keeps only "hypocrisy"; "a web of lies", "a cancer of lies".)
    """
    start = _np_left(doc, tok.i, evaluative=NOUN_LEFT_EVALUATIVE)
    end_i = last_i
    prep = src.head
    if (NOUN_OF_LEFT and src.dep_ == "pobj" and prep.lower_ == "of" and prep.i == start - 1
            and prep.head.pos_ == "NOUN" and prep.head.i == prep.i - 1):
        start = _np_left(doc, prep.head.i, evaluative=NOUN_LEFT_EVALUATIVE)
    if NOUN_OF_PP:
        of = next((c for c in src.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == last_i + 1), None)
        if of is not None and of.right_edge.i - of.i <= NOUN_OF_PP:
            end_i = of.right_edge.i
    return start, end_i


def _loaded_span(doc: Doc, tok: Token, src: Token, source: str, last_i: int) -> tuple[int, int]:
    """Token range (start, end inclusive) of the phrase a loaded word at ``tok`` .. ``last_i`` heads.

    The span's shape depends on the word's part of speech (PTC spans are phrases, not words);
    a coordination (of the parts of speech in ``COORD_OTHER``) is taken last, over whatever
    shape the word gave.
    """
    start, end_i = tok.i, last_i
    if src.pos_ in ("ADJ", "ADV") or source == "LOADED_ADJ":
        start, end_i = _modifier_span(doc, tok, src, last_i)
    elif src.pos_ == "NOUN" and src.dep_ == "compound":
        end_i = _np_right(doc, last_i)
    elif src.pos_ == "NOUN" and NOUN_LEFT:
        start, end_i = _noun_span(doc, tok, src, last_i)
    elif src.pos_ == "VERB":
        start = _extend_left(doc, tok.i, lex.INTENSIFIERS) if VERB_ADV else start
        for child in src.rights:
            if child.dep_ == "prt" and child.i == end_i + 1:
                end_i = child.i
    if COORD_OTHER and src.pos_ in COORD_OTHER:
        _first, lo, hi = _coordination(doc, src)
        if hi > lo:
            start, end_i = min(start, lo), max(end_i, hi)
    return start, end_i


def _loaded_technique(
    doc: Doc, entry: str, source: str, start: int, end_i: int, last_i: int
) -> tuple[str, str, int] | None:
    """(technique, explanation, span start) of a loaded word's phrase, or None when it is not flagged.

    A loaded adjective whose phrase ends on a person or group labels them (Name_Calling, and
    the span takes the determiner); praise is flagged only as such a label, hyperbolic praise
    is Exaggeration, other praise not at all.
    """
    technique = "Loaded_Language"
    why = f"loaded word '{entry}' (framing_lexicon.{source})"
    head = doc[end_i]
    if (
        ADJ_ON_PERSON_IS_LABEL
        and source == "LOADED_ADJ"
        and end_i != last_i
        and (head.ent_type_ in ACTOR_TYPES or _in_list(head, PERSONISH) or _in_list(head, lex.LABEL_NOUNS))
    ):
        technique = "Name_Calling,Labeling"
        why = f"loaded adjective '{entry}' labels '{head.text}' (framing_lexicon.{source})"
        start = _with_det(doc, start)
    if PRAISE_ONLY_ON_PEOPLE and technique == "Loaded_Language" and entry in lex.PRAISE_ADJ | lex.HYPERBOLE_ADJ:
        if HYPERBOLE_IS_EXAGGERATION and entry in lex.HYPERBOLE_ADJ:
            technique = "Exaggeration,Minimisation"
            why = f"hyperbolic praise '{entry}' (framing_lexicon.HYPERBOLE_ADJ)"
        else:
            return None
    return technique, why, start


def _loaded_word(doc: Doc, tok: Token, last: Token, entry: str, source: str) -> _Cue | None:
    """The cue of a loaded word (``tok`` .. ``last``, a hyphenated word may span several tokens), or None."""
    start, end_i = _loaded_span(doc, tok, last, source, last.i)
    judged = _loaded_technique(doc, entry, source, start, end_i, last.i)
    if judged is None:
        return None
    technique, why, start = judged
    return _cue_over(doc, start, end_i, technique, why, head=end_i, key=entry, word=tok.i)


def _word_cue(doc: Doc, tok: Token) -> tuple[_Cue | None, int]:
    """The cue of the first word rule that fires at ``tok`` (or None), and the last token index it takes.

    The rules are tried in this order: label noun, pejorative adjective before a person or
    group, emotive interjection, loaded word.  The labels go first because they are the more
    specific reading: a label noun, or a label adjective on a person, is Name_Calling even
    where a loaded list has the word too, and only one rule fires per word.  When no rule
    fires nothing past ``tok`` is taken; a praise word that is not flagged still takes its
    word, like a flagged one.
    """
    word, last_i = _hyphen_word(doc, tok.i)
    last = doc[last_i]
    cue = _label_noun(doc, tok, word, last)
    if cue is not None:
        return cue, last_i
    cue = _label_adjective(doc, tok, word, last)
    if cue is not None:
        head = last.head  # the label takes the noun it is on, but not a name
        return cue, head.i if head.pos_ != "PROPN" else last_i
    cue = _interjection(doc, tok)
    if cue is not None:
        return cue, tok.i
    found = _loaded_entry(last if last_i != tok.i else tok, word)
    if found is None:
        return None, tok.i
    entry, source = found
    return _loaded_word(doc, tok, last, entry, source), last_i


def _loaded_and_labels(doc: Doc) -> list[_Cue]:
    """Loaded words and labels, in one left-to-right pass over the tokens.

    At each token the word rules run in a fixed order and the first that fires takes the token
    and the rest of its word or label (see :func:`_word_cue`); the tokens it took are not
    started at again, so one phrase gives one cue.  The cues come out in text order.
    """
    out: list[_Cue] = []
    skip_until = -1
    for tok in doc:
        if tok.i <= skip_until or _passed_over(tok):
            continue
        cue, skip_until = _word_cue(doc, tok)
        if cue is not None:
            out.append(cue)
    return out


def _emphatic(doc: Doc, tok: Token) -> bool:
    """An interjection is emotive when emphasised — "Wow!", "UGH" — not a conversational "gosh"."""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return (nxt is not None and nxt.text.startswith("!")) or (tok.is_upper and len(tok) > 1)
