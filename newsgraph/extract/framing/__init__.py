"""Framing cues: loaded language and persuasion techniques (SemEval-2020 task 11 labels).

Why rules and word lists rather than a hosted model: every flag must be checkable by a
reader, so each cue names the rule and the lexicon entry that fired (``explanation``),
the actor it is aimed at (``target``) and whose words they are (``voice``: the outlet's
own prose, or a quoted speaker's).  The lists live in :mod:`..framing_lexicon`.

What is found, and the span each cue covers (PTC-style spans are phrases, not words):

* ``Loaded_Language`` — judgement-laden adjectives/adverbs/verbs/nouns; an adjective
  takes its head noun and preceding intensifiers ("particularly gruesome torture").
* ``Name_Calling,Labeling`` — pejorative labels for people/groups ("neocon scum"), and
  pejorative adjectives before a person or group ("disgraced former director"); euphemistic
  or hostile descriptors of armed actors ("anti-terror group", "occupation forces").
* ``Doubt`` — "so-called X", "self-styled X", scare quotes around a short noun phrase,
  doubt-casting phrases and rhetorical questions in the outlet's voice.
* ``Slogans`` — quoted mottos after "slogan/motto/chant", "No to …" chains, hashtags,
  short exclamatory imperatives and formulaic chants ("Down with …").
* ``Repetition`` — the same loaded word or label used again in the article.
* ``Exaggeration,Minimisation`` — superlatives with "ever/in history", absolute phrases,
  minimisers ("nothing more than").
* ``Flag-Waving`` — appeals to the nation or in-group ("our country", "the American people").
* A few phrase rules for the rarer techniques (fear, black-and-white, causal
  oversimplification, bandwagon / reductio ad hitlerum, whataboutism, thought-terminating
  clichés).

Neutral reporting verbs (said, told, added, according to …) are never flagged.  When a
user has trained a local model (``newsgraph train framing``), its spans are added to the
rule spans; the rules alone are the shipped default.

The package's files are the phases of :func:`find_cues` and :func:`extract_frames`, which
stay here and run them in order: the rules (``rules_words``, ``rules_phrases``,
``rules_doubt``, ``rules_appeals``, reading ``lexical`` for word lookup and ``spans`` for
phrase extents), then ``filters`` (trim, de-duplicate, drop literal uses), ``repetition``,
and after them ``targets`` and ``voice``.  ``cue`` is the record they pass along and
``switches`` the measured span and technique choices.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ...model import Analysis, FrameCue
from .. import _framing_model, extractor
from ..furniture import Furniture
from .cue import _Cue
from .filters import _dedupe, _literal_use, _trim
from .lexical import GROUP_NOUNS
from .repetition import _repetition
from .rules_appeals import _absolutes, _exaggeration, _flag_waving, _slogans
from .rules_doubt import _doubt, _quoted_ranges, _rhetorical_questions
from .rules_phrases import _phrase_rules
from .rules_words import _loaded_and_labels
from .switches import TRIM_PUNCT
from .targets import _Targets
from .voice import _quotation_ranges, _voice

# What other modules and tests import from here.
__all__ = ["GROUP_NOUNS", "VERSION", "extract_frames", "find_cues"]

VERSION = "4"


def find_cues(doc: Doc, analysis: Analysis) -> list[_Cue]:
    """All rule cues of ``doc`` (before targets and voice are attached)."""
    quoted = _quoted_ranges(doc.text)
    cues = _loaded_and_labels(doc)
    cues += _phrase_rules(doc)
    cues += _doubt(doc, quoted)
    cues += _slogans(doc)
    cues += _flag_waving(doc)
    cues += _exaggeration(doc)
    cues += _absolutes(doc)
    cues += _rhetorical_questions(doc, quoted)
    if TRIM_PUNCT:
        cues = [_trim(doc, c) for c in cues]
    cues = _dedupe(cues)
    furniture = Furniture(doc.text)
    if furniture:  # promo lines, bylines, credits: the page's words, not the article's
        cues = [c for c in cues if not furniture.overlaps(c.start, c.end)]
    literal = [_literal_use(doc, c) for c in cues]
    # a repeated term is Repetition even where its single uses are literal compounds (measured on
    # PTC dev: dropping those repeats cost Repetition F1 0.01); a repeated *name* is not
    repeated = _repetition(doc, [c for c, lit in zip(cues, literal, strict=True) if not lit or lit == "compound"])
    cues = [c for c, lit in zip(cues, literal, strict=True) if not lit] + repeated
    model = _framing_model.loaded_model()
    if model is not None:
        for technique, start, end, prob in model.predict_spans(doc):
            cues.append(_Cue(start, end, technique, f"local trained model (p={prob:.2f}, {_framing_model.default_model_path().name})"))
    return _dedupe(cues)


@extractor("frames", field="frames", version=VERSION, after=("actors", "quotes"))
def extract_frames(doc: Doc, analysis: Analysis) -> list[FrameCue]:
    """Framing cues with technique, target actor, explanation and voice."""
    cues = find_cues(doc, analysis)
    targets = _Targets(doc, analysis)
    for c in cues:
        c.target, c.target_text = targets.resolve(c)
    # a label or loaded entry aimed at an actor once keeps that target on its other uses
    known: dict[str, tuple[str, str | None]] = {}
    for c in cues:
        if c.key and c.target and c.key not in known:
            known[c.key] = (c.target, c.target_text)
    for c in cues:
        if c.key and not c.target and c.key in known and c.technique != "Doubt":
            c.target, c.target_text = known[c.key]
    out: list[FrameCue] = []
    text = doc.text
    quotations = _quotation_ranges(text)
    for n, c in enumerate(cues, 1):
        quote, spoken = _voice(c, analysis.quotes, quotations)
        out.append(
            FrameCue(
                id=f"F{n}",
                start=c.start,
                end=c.end,
                text=text[c.start : c.end],
                technique=c.technique,
                target=c.target,
                target_text=c.target_text,
                explanation=c.explanation,
                voice="speaker" if spoken else "outlet",
                quote=quote.id if quote is not None else None,
            )
        )
    return out
