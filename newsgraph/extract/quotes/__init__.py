"""Who said what: quotes, paraphrases and stated beliefs, with their speakers.

Why rules over the parse: attribution in news is carried by a small, stable set of
constructions (a reporting verb with a subject and a clausal complement, a quotation
next to "X said", "according to X") that the dependency parse already exposes.  One
pass over the tokens of the parsed ``Doc`` finds them — no second parse, no model —
so the extractor costs a small fraction of the parse itself.

The package's files are its phases, in the order they run:

1. :mod:`.marks` — :func:`quoted_spans` pairs quotation marks at the character level
   (straight and curly double marks, multi-paragraph quotes that reopen on every
   paragraph, an unclosed mark closed at its paragraph's end — never an exception).
2. :mod:`.frames` — cue frames in the parse: a cue (a reporting or belief verb,
   "according to"), its speaker (subject, inherited through conjunction or a
   participle, the agent of a passive, the head noun of a relative clause) and its
   content (clausal complement, the clause around a parenthetical "he said", the
   quoted material next to the cue).
3. :mod:`.join` — joins them: quoted spans extend the frame's content to the full
   quotation (several sentences, several pieces), orphan quotations take the speaker
   of the neighbouring sentence.
4. :mod:`.records` — the statements become :class:`~newsgraph.model.Quote` records;
   :mod:`newsgraph.extract.speakers` resolves the speaker to an actor of the article.

:mod:`.lexical` holds the word lists all of them read.  :func:`find_quotes` runs the
phases; :func:`extract_quotes` is the registered extractor, :class:`QuotesComponent`
the spaCy component.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...model import Analysis, Quote
from .. import extractor
from ..docindex import SentenceIndex
from ..furniture import Furniture
from ..speakers import SpeakerResolver
from .frames import Frame
from .join import _attach_nearby, _attach_overlapping, _candidates, _statements
from .lexical import (
    ALL_MARKS,
    AS_VERBS,
    BELIEF_VERBS,
    CHANNELS,
    CONTENT_DEPS,
    CUE_NOUNS,
    DIRECTIVE_VERBS,
    DOUBLE_CLOSE,
    DOUBLE_OPEN,
    HEARSAY_PASSIVES,
    HEDGE_ADVERBS,
    INTENTION_VERBS,
    MESSAGE_PREPS,
    NEGATING_HEADS,
    OBJECT_PREPS,
    OBJECT_VERBS,
    PREP_CUES,
    PRONOUNS_PLURAL,
    PRONOUNS_SINGULAR,
    SPEECH_VERBS,
    STRAIGHT,
    TRIM,
    WEEKDAYS,
    XCOMP_VERBS,
)
from .marks import Quoted, quoted_spans
from .records import _last_weekday, _quote_records

__all__ = [
    "ALL_MARKS", "AS_VERBS", "BELIEF_VERBS", "CHANNELS", "CONTENT_DEPS", "CUE_NOUNS", "DIRECTIVE_VERBS", "DOUBLE_CLOSE",
    "DOUBLE_OPEN", "HEARSAY_PASSIVES", "HEDGE_ADVERBS", "INTENTION_VERBS", "MESSAGE_PREPS", "NEGATING_HEADS",
    "OBJECT_PREPS", "OBJECT_VERBS", "PREP_CUES", "PRONOUNS_PLURAL", "PRONOUNS_SINGULAR", "SPEECH_VERBS", "STRAIGHT",
    "TRIM", "WEEKDAYS", "XCOMP_VERBS", "Frame", "Quoted", "QuotesComponent", "_last_weekday", "extract_quotes",
    "find_quotes", "make_quotes_component", "quoted_spans",
]


def find_quotes(doc: Doc, analysis: Analysis | None = None) -> list[Quote]:
    """All quotes of a parsed doc; ``analysis`` (optional) supplies actors and dates.

    The joining rules run in this order, each on what the previous left: (1) quotations
    overlapping a frame's content join it, then (2) a speaker-only frame takes the
    nearest quotation of its sentence — overlap first, because it is certain and
    proximity is a guess; then (3) the rest is walked in text order
    (:func:`_statements`), so an orphan quotation can take the speaker before it.
    """
    text = doc.text
    furniture = Furniture(text)
    index = SentenceIndex(doc)  # one per document, for every phase below
    quoted, frames = _candidates(doc, text, furniture, index)
    used: set[int] = set()
    _attach_overlapping(frames, quoted, used)
    _attach_nearby(doc, text, frames, quoted, used, index)
    resolver = SpeakerResolver(doc, analysis, index)
    results = _statements(doc, text, furniture, frames, quoted, used, index)
    quotes = _quote_records(text, analysis, resolver, results, index)
    for i, q in enumerate(quotes, 1):
        q.id = f"Q{i}"
    return quotes


@extractor("quotes", field="quotes", version="2", after=("actors", "times"))
def extract_quotes(doc: Doc, analysis: Analysis) -> list[Quote]:
    """Registered extractor: ``Analysis.quotes``."""
    return find_quotes(doc, analysis)


# --------------------------------------------------------------------------- spaCy component

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=None)


if not Doc.has_extension("newsgraph"):
    Doc.set_extension("newsgraph", default=None)


@Language.factory("newsgraph_quotes")
def make_quotes_component(nlp: Language, name: str) -> QuotesComponent:
    """``nlp.add_pipe("newsgraph_quotes")`` (after the parser): fills ``doc._.quotes``."""
    return QuotesComponent(nlp)


class QuotesComponent:
    """Runs newsgraph's quote extractor (and the extractors it depends on) inside spaCy.

    ``doc._.quotes`` is a list of :class:`newsgraph.model.Quote`; ``doc._.newsgraph`` keeps
    the whole :class:`~newsgraph.model.Analysis` (actors included) so speaker entity ids
    can be looked up.  The host pipeline is recorded as the model: no other pipeline is
    loaded, and nothing is parsed twice.
    """

    def __init__(self, nlp: Language) -> None:
        import spacy

        from ...model import ModelInfo

        meta = nlp.meta
        self.info = ModelInfo(
            name=f"{meta.get('lang', 'en')}_{meta.get('name', '?')}",
            version=str(meta.get("version", "?")),
            package=f"{meta.get('lang', 'en')}_{meta.get('name', '?')}",
            spacy_version=spacy.__version__,
        )

    def __call__(self, doc: Doc) -> Doc:
        from ...model import Article
        from ...pipeline import pipeline_version
        from .. import ordered

        analysis = Analysis(pipeline_version=pipeline_version(), model=self.info, article=Article(text=doc.text))
        for spec in ordered(["quotes"]):
            setattr(analysis, spec.field, list(spec.func(doc, analysis)))
        doc._.newsgraph = analysis
        doc._.quotes = analysis.quotes
        return doc
