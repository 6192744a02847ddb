"""Check-worthy claims: the sentences a fact-checker would want to look up.

Why rules and not a model: a reader must be able to see *why* a sentence was
flagged.  Each sentence (or the part of it inside / outside a quotation) gets a
set of linguistic features — numbers, dates, named entities, past-tense factual
verbs, official acts, comparisons, causal links, minus questions, opinions,
promises, imperatives and fragments — and the score is a logistic function of
hand-written weights over those features (:data:`WEIGHTS`).  The features that
fired are stored on the claim, so every score can be recomputed by hand.

The weights were written from what fact-checking practice treats as checkable
(statistics first, then dated or official acts, then comparisons), not fitted
to any dataset.  A user may fit a local model on their own labelled sentences
(``newsgraph train claims``); when that model file is present it supplies the
score instead, and the features are still reported.

Besides the score each claim carries the quantities it states (value, unit,
what is counted), the hedge that softens it ("it is estimated", "reportedly",
"about 300"), and who asserts it: the quoted speaker when the claim lies inside
a quotation, else the outlet itself.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from ..model import Analysis, Claim, Quantity, Quote
from ..model import Span as TextSpan
from . import extractor
from .docindex import OffsetIndex
from .furniture import Furniture

VERSION = "3"

#: Score at or above which a sentence is reported as a claim (and counted positive in evals).
#: Chosen on ClaimBuster (docs/CLAIMS.md): the highest threshold whose F1 on the even
#: ``sentence_id`` half is within 0.005 of that half's best; the odd half only confirmed it.
#: Below 0.5 because the score is calibrated (see :data:`BIAS`) and check-worthy sentences
#: are the minority class: F1 peaks below the point of even odds.
THRESHOLD = 0.46

#: Sentences (or quote segments) with fewer words than this are never claims.
MIN_WORDS = 4

# --------------------------------------------------------------------------- lexicons
# Written for this project from general knowledge of English news and political prose.

#: Verbs that report an official, legal or recorded act: things with a record to check.
OFFICIAL_ACT_VERBS = frozenset(
    """
    vote approve pass enact sign veto ratify repeal adopt reject ban outlaw legalize legalise
    rule sentence convict acquit indict charge arrest jail fine sue prosecute impeach
    appoint nominate elect confirm fire dismiss resign decree order authorize authorise
    sanction impose levy tax fund allocate budget spend appropriate grant award
    declare announce launch deploy withdraw invade annex occupy bomb strike attack kill
    negotiate sign ratify agree ally join found establish create close open
    """.split()
)

#: Verbs of measurable change: "taxes rose", "he cut spending".
CHANGE_VERBS = frozenset(
    """
    increase decrease rise fall drop climb grow shrink decline double triple halve quadruple
    cut raise reduce lower boost slash expand lose gain add create destroy save cost earn pay owe
    borrow lend invest export import produce hire lay
    """.split()
)

#: Nouns that name a statistic or an accountable quantity.
STAT_NOUNS = frozenset(
    """
    percent percentage rate ratio average median number total share majority minority half quarter
    million billion trillion thousand hundred dozen
    deficit debt surplus budget revenue tax taxes spending cost price prices wage wages income salary
    inflation unemployment employment jobs job growth gdp economy export imports exports
    population census poll survey vote votes voter voters seat seats casualties deaths death toll
    troops soldiers victims refugees cases
    """.split()
)

#: Words that link cause and effect.
CAUSAL_PATTERNS = (
    r"\bbecause of\b", r"\bdue to\b", r"\bas a result\b", r"\bresult(?:ed|s)? in\b", r"\bled to\b",
    r"\blead(?:s)? to\b", r"\bcaus(?:e|ed|es|ing)\b", r"\bthanks to\b", r"\bin response to\b",
    r"\bowing to\b", r"\bconsequently\b", r"\btherefore\b",
)

#: Verbs of thinking, wanting and feeling: with a first-person subject they mark an opinion.
COGNITION_VERBS = frozenset(
    """
    think believe feel guess suppose hope want wish expect suspect reckon imagine trust doubt
    consider bet assume agree disagree like love hate fear worry intend plan urge
    """.split()
)

#: Verbs that, with a first-person subject, state an obligation or programme ("we need to").
OBLIGATION_VERBS = frozenset("need must should ought have got gotta".split())

#: Modal / future auxiliaries: predictions and promises, not checkable facts.
FUTURE_MODALS = frozenset("will would shall should must might may could can 'll wo ca gonna".split())

#: Evaluative adjectives and adverbs: judgments rather than facts.
EVALUATIVE_WORDS = frozenset(
    """
    good bad great terrible horrible wonderful awful excellent fine nice poor wrong right fair unfair
    important serious dangerous ridiculous outrageous disgraceful shameful absurd crazy silly stupid
    tragic sad disastrous brilliant remarkable amazing incredible strong weak tough failed failing
    reckless irresponsible responsible honest dishonest decent proud ashamed clear obvious true false
    best worst greatest finest better worse
    """.split()
)

#: Superlatives that rank by judgment, not by a measurable quantity.
EVALUATIVE_SUPERLATIVES = frozenset("best worst greatest finest nicest bravest".split())

#: Plural number nouns: "hundreds of companies", "millions of Americans" — an order of magnitude.
VAGUE_QUANTITIES = frozenset("dozens hundreds thousands millions billions tens scores".split())

#: A statement that cites its evidence: "according to the census", "a study found", "figures show".
SOURCE_PATTERN = (
    r"\baccording to\b|\b(?:study|studies|report|reports|survey|surveys|poll|polls|data|figures|statistics|"
    r"census|records?|estimates?) (?:show|shows|showed|found|find|finds|indicate|indicates|indicated|"
    r"suggest|suggests|suggested|say|says|said)\b"
)

#: Time scope that turns a superlative into a record claim: "the lowest since 1947", "ever", "in history".
RECORD_PATTERN = (
    r"\bsince (?:the |\d|[a-z]+ \d)|\bever\b|\bin (?:our |american |modern |recorded )?history\b|"
    r"\ball-time\b|\bon record\b|\bin (?:a|\w+) (?:decades?|years?|generations?|centur(?:y|ies))\b"
)

#: Hedges that apply to a whole statement.
HEDGE_PATTERNS = (
    r"\bit (?:is|was|has been) (?:estimated|believed|thought|reported|alleged|claimed|said|understood|"
    r"feared|suspected|rumou?red)\b",
    r"\b(?:is|are|was|were) (?:believed|thought|reported|alleged|said|estimated|understood|"
    r"rumou?red|suspected) to\b",
    r"\ban estimated\b",
    r"\b(?:reportedly|allegedly|purportedly|supposedly|apparently|ostensibly|seemingly)\b",
    r"\baccording to (?:some |unconfirmed |initial |preliminary )?(?:reports|estimates|sources)\b",
    r"\bunconfirmed reports?\b",
    r"\b(?:estimates|reports) (?:suggest|indicate)\b",
)

#: Approximators: hedges only when they sit right before a number ("about 300", "some 2,000").
APPROXIMATORS = (
    "about", "around", "approximately", "roughly", "nearly", "almost", "some", "up to",
    "as many as", "as much as", "close to", "an estimated", "estimated", "perhaps", "maybe",
    "more or less", "or so",
)

_WORD_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
    "a": 1, "an": 1,
}
_MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mn": 1e6,
                "bn": 1e9}
_CURRENCY_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP", "euro": "EUR", "euros": "EUR",
    "yen": "JPY", "dinar": "IQD", "dinars": "IQD", "rial": "IRR", "rials": "IRR", "ruble": "RUB",
    "rubles": "RUB", "yuan": "CNY", "rupee": "INR", "rupees": "INR",
}
_PERCENT_WORDS = frozenset({"percent", "per cent", "%", "percentage", "pct"})

_NAMED_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LAW", "EVENT", "FAC", "LOC", "PRODUCT"})
_NUMERIC_TYPES = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})

# --------------------------------------------------------------------------- weights
#: Log-odds contributions.  Positive: makes a sentence more check-worthy.  See docs/CLAIMS.md.
#: The intercept.  The weights were written by hand; this one number was then set so that the
#: score is calibrated on ClaimBuster — among sentences scored about p, about p are labelled
#: check-worthy (expected calibration error over ten bins 0.085 at -1.4, 0.038 at -1.8).  A
#: plain past event with a named actor (past_tense + named_entity) now scores 0.40: news is
#: full of those, and alone they are not what a fact-checker picks.
BIAS = -1.8
WEIGHTS: dict[str, float] = {
    # what makes a statement checkable
    "quantity": 1.9,          # a figure: digits, a large written number, a sum or a percentage (not a date)
    "counted_quantity": 0.3,  # ... attached to what it counts ("2,500 troops"): a statistic
    "small_number": 0.4,      # a small written number ("two issues", "three times"): weak evidence
    "percent": 0.6,           # ... that is a percentage
    "money": 0.6,             # ... or a sum of money
    "statistic_noun": 0.6,    # rate, deficit, unemployment, casualties ...
    "date": 0.8,              # a calendar date or year: the statement is anchored in time
    "named_entity": 0.5,      # names a person, organisation, place, group or law
    "several_entities": 0.3,  # names two or more
    "past_tense": 0.9,        # reports something that happened
    "official_act": 0.8,      # voted, signed, vetoed, deployed, sentenced ...
    "change_verb": 0.6,       # raised, cut, doubled, lost ...
    "comparative": 0.5,       # more than, higher than ...
    "superlative": 0.6,       # the largest, the lowest since ...
    "vague_quantity": 0.6,    # "hundreds of", "millions of": an order of magnitude
    "sourced": 0.5,           # cites evidence: "according to", "a study found", "figures show"
    "record": 0.8,            # a ranking scoped in time: "the lowest since 1947", "ever", "in history"
    "causal": 0.3,            # because of, led to, caused ...
    "third_person_actor": 0.4,  # the subject is a named actor or he/she/they
    "reported_speech": 0.3,   # says what someone said (itself checkable)
    "hedged": 0.2,            # an estimate or report: hedges mark numbers and rumours
    # what makes it a non-claim
    "question": -2.0,
    "first_person_opinion": -1.4,  # I think, we believe, I want ...
    "first_person_obligation": -1.2,  # we need to, we must, we've got to
    "future_or_modal": -0.9,  # will, would, should, could ... (predictions, promises, conditionals)
    "conditional": -0.4,      # if / unless clauses
    "imperative": -1.0,
    "evaluative": -0.5,       # great, wrong, terrible ...
    "second_person": -0.4,    # addressing "you"
    "first_person_experience": -0.4,  # I/we + past, no figure, date or official act: an anecdote
    "short": -1.2,            # fewer than 7 words
    "fragment": -0.5,         # no finite verb
    "table": -3.0,            # a row of figures (stock ticker, scores, standings): data, not a statement
}

# --------------------------------------------------------------------------- numbers


def _word_value(word: str) -> float | None:
    word = word.lower().replace(",", "")
    if word in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[word])
    try:
        return float(word)
    except ValueError:
        return None


def parse_number(words: Sequence[str]) -> float | None:
    """The value of a run of number words: "2,500", "5 billion", "twenty-five", "three hundred"."""
    parts: list[str] = []
    for word in words:
        parts.extend(p for p in re.split(r"[-\s]", word.lower()) if p and p != "and")
    if not parts:
        return None
    total = 0.0
    current: float | None = None
    for part in parts:
        if part == "hundred":
            current = (current if current is not None else 1.0) * 100
        elif part in _MULTIPLIERS:
            total += (current if current is not None else 1.0) * _MULTIPLIERS[part]
            current = None
        else:
            value = _word_value(part)
            if value is None:
                return None
            current = (current or 0.0) + value
    if current is not None:
        total += current
    return total


def _is_number_token(tok: Token) -> bool:
    if tok.tag_ == "CD" or tok.like_num:
        return tok.lower_ not in {"one"} or tok.dep_ == "nummod" or tok.ent_type_ in _NUMERIC_TYPES
    return False


def _number_groups(span: Span) -> list[list[Token]]:
    """Maximal runs of number tokens (joined by hyphens), outside dates, times and ordinals."""
    groups: list[list[Token]] = []
    current: list[Token] = []
    for tok in span:
        is_num = _is_number_token(tok) or (tok.lower_ in _MULTIPLIERS and current)
        joiner = tok.tag_ == "HYPH" and current
        if is_num or joiner:
            current.append(tok)
            continue
        if current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    out = []
    for group in groups:
        while group and group[-1].tag_ == "HYPH":
            group = group[:-1]
        if not group or any(t.ent_type_ in {"DATE", "TIME", "ORDINAL"} for t in group):
            continue
        first = group[0]
        if first.i > 0 and first.nbor(-1).lower_ in {"number", "no.", "point", "step", "chapter"}:
            continue  # an enumeration, not a count
        if len(group) == 1 and first.lower_ == "one" and first.dep_ != "nummod":
            continue  # "one of them", "one time" is a pronoun-like use
        out.append(group)
    return out


def _is_figure(group: list[Token]) -> bool:
    """Digits, a multiplier or a written number above ten: a figure someone could look up."""
    if any(any(ch.isdigit() for ch in t.text) or t.lower_ in _MULTIPLIERS for t in group):
        return True
    value = parse_number([t.text for t in group if t.tag_ != "HYPH"])
    if value is not None and value > 10:
        return True
    head = group[-1].head
    return head.lower_ in _PERCENT_WORDS or head.lower_ in _CURRENCY_WORDS


def _counted_phrase(head: Token, group: list[Token]) -> str | None:
    """The noun phrase a number counts, minus the number: "American troops in Iraq"."""
    group_ids = {t.i for t in group}
    after = group[-1].i
    keep: list[Token] = []
    for tok in head.subtree:
        if tok.i <= after or tok.i in group_ids:
            continue
        # stop at relative clauses, appositions and punctuation: keep the core phrase
        if tok.dep_ in {"relcl", "appos", "punct", "cc", "conj"} and tok.head.i == head.i:
            break
        if tok.is_punct and tok.i > head.i:
            break
        keep.append(tok)
    keep = keep[:12]
    while keep and (keep[-1].dep_ in {"prep", "det", "cc", "punct", "case"} or keep[-1].is_quote):
        keep.pop()
    if not keep:
        return None
    text = head.doc[keep[0].i : keep[-1].i + 1].text
    return text.strip() or None


def extract_quantities(span: Span) -> list[Quantity]:
    """Numbers the span states, each with its unit and what it counts."""
    doc = span.doc
    out: list[Quantity] = []
    for group in _number_groups(span):
        words = [t.text for t in group if t.tag_ != "HYPH"]
        value = parse_number(words)
        if value is None:
            continue
        start_tok, end_tok = group[0], group[-1]
        unit: str | None = None
        counted: str | None = None
        prev = doc[start_tok.i - 1] if start_tok.i > span.start else None
        nxt = doc[end_tok.i + 1] if end_tok.i + 1 < span.end else None
        span_start, span_end = start_tok.i, end_tok.i + 1
        if prev is not None and prev.text in _CURRENCY_SYMBOLS:
            unit = _CURRENCY_SYMBOLS[prev.text]
            span_start = prev.i
        elif nxt is not None and nxt.lower_ in _CURRENCY_WORDS:
            unit = _CURRENCY_WORDS[nxt.lower_]
            span_end = nxt.i + 1
        elif nxt is not None and (nxt.lower_ in _PERCENT_WORDS or nxt.text == "%"):
            unit = "percent"
            span_end = nxt.i + 1
            of = next((c for c in nxt.children if c.lower_ == "of"), None)
            if of is not None:
                pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    counted = doc[pobj.left_edge.i : pobj.right_edge.i + 1].text
        if unit is None or (unit not in {"percent"} and counted is None):
            # the noun the number modifies ("2,500 troops", "$5 billion aid package")
            head = end_tok.head
            hops = 0
            while head.i in {t.i for t in group} and head.head.i != head.i and hops < 3:
                head = head.head
                hops += 1
            if (
                end_tok.dep_ in {"nummod", "quantmod", "compound", "nmod"}
                and head.pos_ in {"NOUN", "PROPN"}
                and head.i > end_tok.i
                and head.i < span.end
            ):
                if unit is None:
                    unit = head.text.lower() if head.pos_ == "NOUN" else head.text
                counted = _counted_phrase(head, group)
        sub = doc[span_start:span_end]
        out.append(
            Quantity(start=sub.start_char, end=sub.end_char, text=sub.text, value=value, unit=unit,
                     counted=counted)
        )
    return out


# --------------------------------------------------------------------------- hedges


def find_hedge(span: Span) -> TextSpan | None:
    """The first expression that softens the claim, as a span of the article."""
    text = span.text
    base = span.start_char
    found: list[tuple[int, int]] = []
    for pattern in HEDGE_PATTERNS:
        m = re.search(pattern, text, flags=re.IGNORECASE)
        if m:
            found.append((m.start(), m.end()))
    number_starts = {g[0].idx for g in _number_groups(span)}
    for tok in span:
        if tok.text in _CURRENCY_SYMBOLS and tok.i + 1 < span.end and tok.nbor().idx in number_starts:
            number_starts.add(tok.idx)
    for approx in APPROXIMATORS:
        for m in re.finditer(rf"\b{re.escape(approx)}\s+", text, flags=re.IGNORECASE):
            if base + m.end() in number_starts:
                found.append((m.start(), m.end() - (len(m.group(0)) - len(m.group(0).rstrip()))))
    if not found:
        return None
    start, end = min(found)
    return TextSpan(start=base + start, end=base + end, text=text[start:end])


# --------------------------------------------------------------------------- features


def _verbs(span: Span) -> list[Token]:
    return [t for t in span if t.pos_ in {"VERB", "AUX"}]


def _subject(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ in {"nsubj", "nsubjpass", "expl"}:
            return child
    if tok.dep_ in {"conj", "xcomp"} and tok.head != tok:
        return _subject(tok.head)
    return None


#: Tokens of ticker and scoreboard rows besides numbers: signs, arrows, units of change.
_TABLE_MARKS = frozenset("+ - – — ▲ ▼ ↑ ↓ | / pts pt %".split())


def _is_table_row(span: Span, words: Sequence[Token], groups: Sequence[Sequence[Token]]) -> bool:
    """A market or sports table row: figures outnumber the words around them and no verb links them.

    "S&P/TSX 20,145.32 +112.40 +0.56%", "Maple Leafs 4, Canadiens 2 (OT)", "Dow 38,904 ▲ 0.4%".
    A sentence stating figures has a finite verb and words between them; a row has three or more
    figures and at most one word per figure, or no verb and at most two words per figure.
    """
    figures = [t for t in span if any(c.isdigit() for c in t.text)]
    if len(figures) < 3 and len(groups) < 3:
        return False
    n = max(len(figures), len(groups))
    numeric = n + sum(1 for t in span if t.text in _TABLE_MARKS)
    wordy = [t for t in words if t.is_alpha and not t.like_num]
    finite = any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} and t.pos_ in {"VERB", "AUX"} for t in span)
    return len(wordy) <= n or (not finite and 2 * numeric >= len(wordy))


_LAST_DOC_ENTS: list = [None, None]  # (doc, its entities by token offset): Doc.ents walks every token


def _span_ents(span: Span) -> list[Span]:
    """``span.ents`` without re-reading ``doc.ents`` (a whole-document scan) for every sentence."""
    doc = span.doc
    if _LAST_DOC_ENTS[0] is not doc:
        _LAST_DOC_ENTS[:] = [doc, OffsetIndex(doc.ents, start=lambda e: e.start, end=lambda e: e.end)]
    return _LAST_DOC_ENTS[1].within(span.start, span.end)


def sentence_features(span: Span) -> list[str]:
    """Names of the features (keys of :data:`WEIGHTS`) that fire on ``span``, in a fixed order.

    The returned order is that of :data:`WEIGHTS`, whatever order the groups below add them in.
    The groups run in a fixed order because later ones read or undo what earlier ones fired:
    numbers, dates and entities first ("quantity" cancels "small_number"); then tense, then the
    per-token cues (comparatives, superlatives, evaluative words, modality), then the
    whole-sentence patterns, whose "record" needs the superlative/comparative cues already fired
    and cancels "evaluative"; then the subjects, whose "first_person_experience" is suppressed
    by a quantity, date or record; last the sentence type (question, imperative, hedge).
    """
    fired: set[str] = set()
    span_ents = _span_ents(span)
    words = [t for t in span if not t.is_punct and not t.is_space]
    lower = span.text.lower()
    if len(words) < 7:
        fired.add("short")
    _number_features(span, span_ents, words, lower, fired)
    main_verbs = _main_verbs(span)
    _tense_features(span, main_verbs, fired)
    ranked = _token_features(span, fired)
    _pattern_features(span, lower, ranked, fired)
    _subject_features(main_verbs, lower, fired)
    _sentence_type_features(span, words, fired)
    return [name for name in WEIGHTS if name in fired]


def _number_features(span: Span, span_ents: list[Span], words: list[Token], lower: str, fired: set[str]) -> None:
    """Numbers, dates and entities: quantities, tables, percentages, money, dates, named entities."""
    groups = _number_groups(span)
    for group in groups:
        if _is_figure(group):
            fired.add("quantity")
            if group[-1].dep_ in {"nummod", "quantmod"} and group[-1].head.pos_ in {"NOUN", "PROPN"}:
                fired.add("counted_quantity")
        else:
            fired.add("small_number")
    if "quantity" in fired:
        fired.discard("small_number")
    if _is_table_row(span, words, groups):
        fired.add("table")
    for ent in span_ents:
        if ent.label_ == "PERCENT":
            fired.add("percent")
        elif ent.label_ == "MONEY":
            fired.add("money")
        elif ent.label_ == "DATE" and any(t.like_num or t.lower_ in _MONTHS for t in ent):
            fired.add("date")  # a calendar date, a year, or a counted period ("for 12 years")
    if re.search(r"\d\s*%|\bper ?cent\b", lower):
        fired.add("percent")
    if any(t.text in _CURRENCY_SYMBOLS for t in span) and groups:
        fired.add("money")
    named = {(e.label_, e.text.lower()) for e in span_ents if e.label_ in _NAMED_TYPES}
    if named:
        fired.add("named_entity")
    if len(named) >= 2:
        fired.add("several_entities")
    if any(t.lemma_.lower() in STAT_NOUNS or t.lower_ in STAT_NOUNS for t in span if t.pos_ in {"NOUN", "NUM"}):
        fired.add("statistic_noun")


def _main_verbs(span: Span) -> list[Token]:
    """The verbs of the span's main and coordinated/subordinate clauses, else the span's roots."""
    roots = [t for t in span if t.head.i == t.i or t.head.i < span.start or t.head.i >= span.end]
    return [t for t in span if t.dep_ in {"ROOT", "conj", "ccomp", "relcl", "advcl"} and t.pos_ in {
        "VERB", "AUX"}] or roots


def _tense_features(span: Span, main_verbs: list[Token], fired: set[str]) -> None:
    """Tense: a "fragment" has no finite verb; "past_tense" is a main verb in the past, not under a future modal."""
    finite = [t for t in span if t.tag_ in {"VBD", "VBZ", "VBP", "MD"}]
    if not finite:
        fired.add("fragment")
    for verb in main_verbs:
        auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
        aux_lemmas = {a.lower_ for a in auxes} | {a.lemma_.lower() for a in auxes}
        if _is_semi_modal(verb):
            continue
        if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and aux_lemmas & {"have", "has", "had", "was", "were"}):
            if not aux_lemmas & FUTURE_MODALS:
                fired.add("past_tense")
        if any(a.tag_ == "VBD" for a in auxes) and not aux_lemmas & FUTURE_MODALS:
            fired.add("past_tense")


def _token_features(span: Span, fired: set[str]) -> bool:
    """The cues one token carries (acts, changes, comparison, superlatives, modality, conditions).

    Returns whether any superlative ranks something (evaluative ones included), which
    :func:`_pattern_features` needs for "record".
    """
    ranked = False
    for tok in span:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in OFFICIAL_ACT_VERBS and not _is_modal_or_future(tok):
            fired.add("official_act")
        if tok.pos_ == "VERB" and lemma in CHANGE_VERBS and not _is_modal_or_future(tok):
            fired.add("change_verb")
        if tok.tag_ in {"JJR", "RBR"} or tok.lower_ == "than":
            fired.add("comparative")
        if tok.tag_ in {"JJS", "RBS"} and not (tok.i > 0 and tok.nbor(-1).lower_ == "at"):  # not "at least"
            ranked = True
            if tok.lower_ not in EVALUATIVE_SUPERLATIVES:
                fired.add("superlative")
        if tok.pos_ in {"ADJ", "ADV"} and tok.lower_ in EVALUATIVE_WORDS:
            fired.add("evaluative")
        if tok.lower_ == "first" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ in {"time", "ever"}:
            fired.add("superlative")  # "for the first time": a record, checkable
        # modality of the main assertion only: "he said he would raise taxes" reports a fact
        if tok.tag_ == "MD" and _main_clause(tok.head, span):
            fired.add("future_or_modal")
        if (tok.lower_ in {"going", "gonna"} and tok.i + 2 < span.end and tok.nbor(1).lower_ == "to"
                and tok.nbor(2).tag_ == "VB" and _main_clause(tok, span)):
            fired.add("future_or_modal")
        if tok.dep_ == "mark" and tok.lower_ in {"if", "unless"}:
            fired.add("conditional")
    return ranked


def _pattern_features(span: Span, lower: str, ranked: bool, fired: set[str]) -> None:
    """Whole-sentence patterns: causal links, vague quantities, sourcing, records.

    Runs after :func:`_token_features`: "record" needs a ranking, superlative or comparative,
    and replaces "evaluative".
    """
    if any(re.search(p, lower) for p in CAUSAL_PATTERNS):
        fired.add("causal")
    if any(t.lower_ in VAGUE_QUANTITIES and t.i + 1 < span.end and t.nbor().lower_ == "of" for t in span):
        fired.add("vague_quantity")
    if re.search(SOURCE_PATTERN, lower):
        fired.add("sourced")
    if re.search(RECORD_PATTERN, lower) and (
        ranked or "superlative" in fired or "comparative" in fired or re.search(r"\b(?:all-time|record)\b", lower)
    ):
        # "the worst inflation since the Great Depression": even a judgment superlative becomes a
        # checkable ranking once it is scoped in time
        fired.add("record")
        fired.discard("evaluative")


def _subject_features(main_verbs: list[Token], lower: str, fired: set[str]) -> None:
    """Subjects: who is talking about whom (first person, second person, third-person actors, reports).

    Runs after the number and pattern groups: a first-person past is "first_person_experience"
    only when no quantity, date or record already makes the sentence checkable.
    """
    experience = experience_blocked = False
    for verb in main_verbs:
        subj = _subject(verb)
        if subj is None:
            continue
        s = subj.lower_
        lemma = verb.lemma_.lower()
        auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
        if s in {"i", "we"}:
            if _is_past(verb) and lemma not in OFFICIAL_ACT_VERBS | CHANGE_VERBS:
                experience = True
            else:
                experience_blocked = True
            if lemma in COGNITION_VERBS and verb.tag_ != "VBD":
                fired.add("first_person_opinion")
            has_xcomp = any(c.dep_ == "xcomp" for c in verb.children)
            if (lemma in OBLIGATION_VERBS and has_xcomp) or auxes & {"must", "should", "ought"}:
                fired.add("first_person_obligation")
        elif s == "you":
            fired.add("second_person")
        elif s in {"he", "she", "they"} or subj.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
            fired.add("third_person_actor")
        if lemma in {"say", "claim", "announce", "state", "report", "testify", "admit", "promise", "call"} and (
            verb.tag_ in {"VBD", "VBN", "VBZ"}
        ) and s not in {"i", "we", "you"}:
            fired.add("reported_speech")
    if experience and not experience_blocked and not fired & {"quantity", "date", "record"}:
        fired.add("first_person_experience")
    if re.search(r"\b(?:i|we) (?:think|believe|feel|guess|suppose|hope|want|wish|know)\b", lower) or re.search(
        r"\bin my (?:view|opinion|judgment)\b", lower
    ):
        fired.add("first_person_opinion")
    if re.search(r"\b(?:we|i)(?:'ve| have)? (?:got|need|have) to\b|\blet'?s\b|\bwe must\b|\bwe should\b", lower):
        fired.add("first_person_obligation")


def _sentence_type_features(span: Span, words: list[Token], fired: set[str]) -> None:
    """Sentence type: question, imperative, hedged."""
    if span.text.rstrip().rstrip("\"'”’)").endswith("?"):
        fired.add("question")
    first = words[0] if words else None
    if first is not None and first.tag_ == "VB" and first.dep_ == "ROOT" and _subject(first) is None:
        fired.add("imperative")
    if find_hedge(span) is not None:
        fired.add("hedged")


_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def _is_past(verb: Token) -> bool:
    auxes = {c.lemma_.lower() for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and "have" in auxes)


def _is_semi_modal(verb: Token) -> bool:
    """'got to', 'used to', 'supposed to', 'had better': past in form, modal in meaning."""
    lemma = verb.lemma_.lower()
    if lemma in {"get", "use", "suppose", "have"} and any(
        c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children) for c in verb.children
    ):
        return True
    return verb.lower_ in {"gotta", "got"} and verb.i + 1 < len(verb.doc) and verb.nbor().lower_ in {"to", "ta"}


def _main_clause(verb: Token, span: Span) -> bool:
    """Is ``verb`` the main predicate of ``span`` (its root, or coordinated with it)?

    Inside a quotation the quoted clause's own verb is the main predicate, even
    though the parser hangs it under the reporting verb outside the span."""
    hops = 0
    while verb.dep_ == "conj" and hops < 5 and span.start <= verb.head.i < span.end:
        verb = verb.head
        hops += 1
    return verb.dep_ == "ROOT" or verb.head.i == verb.i or not span.start <= verb.head.i < span.end


def _is_modal_or_future(verb: Token) -> bool:
    return any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ in FUTURE_MODALS) for c in verb.children)


def rule_score(features: Iterable[str]) -> float:
    """The shipped default: logistic of the hand-written weights of the fired features."""
    z = BIAS + sum(WEIGHTS.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-z))


def score_span(span: Span) -> tuple[float, list[str]]:
    """Check-worthiness of a sentence-like span and the features behind it.

    Uses the user's trained model when one is installed (see :mod:`._claims_model`),
    otherwise :func:`rule_score`.  This is the single scoring function used by the
    extractor and the evaluation.
    """
    features = sentence_features(span)
    from ._claims_model import loaded_model  # local import: keeps scikit-learn optional

    model = loaded_model()
    if model is not None:
        return model.score(span.text, features), features
    return rule_score(features), features


# --------------------------------------------------------------------------- extractor


Piece = tuple[int, int, "Quote | None"]


def _quote_pieces(sent: Span, quotes: Sequence[Quote]) -> list[Piece]:
    """Character ranges of the sentence, each inside one quote's content or outside all of them."""
    inside: list[Piece] = []
    for quote in quotes:
        if quote.speaker is None and quote.speaker_entity is None:
            continue  # "it is estimated that ...": nobody named asserts it, so the outlet does
        for part in quote.content:
            start, end = max(part.start, sent.start_char), min(part.end, sent.end_char)
            if end > start:
                inside.append((start, end, quote))
    inside.sort(key=lambda p: p[0])
    pieces: list[Piece] = []
    cursor = sent.start_char
    for start, end, quote in inside:
        if start < cursor:
            continue  # overlapping content spans: keep the first
        if start > cursor:
            pieces.append((cursor, start, None))
        pieces.append((start, end, quote))
        cursor = end
    if cursor < sent.end_char:
        pieces.append((cursor, sent.end_char, None))
    # a line break ends a statement (headlines, datelines), whatever the sentence splitter says
    text, base = sent.text, sent.start_char  # the sentence only: doc.text per sentence was quadratic
    split: list[Piece] = []
    for start, end, quote in pieces:
        for line_start, line_end in _lines(text, start - base, end - base):
            split.append((line_start + base, line_end + base, quote))
    return split


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    cursor = start
    for m in re.finditer(r"\n+", text[start:end]):
        out.append((cursor, start + m.start()))
        cursor = start + m.end()
    out.append((cursor, end))
    return [(s, e) for s, e in out if e > s]


def _attribution_frame_only(span: Span, quotes: Sequence[Quote]) -> bool:
    """Is this outside-the-quote part nothing but "X said (that)"?  Then it is attribution, not a claim."""
    frame: set[int] = set()
    for quote in quotes:
        for part in (quote.speaker, quote.cue):
            if part is not None:
                frame.update(range(part.start, part.end))
    if not frame:
        return False
    content = [
        t for t in span
        if not (t.is_punct or t.is_space or t.is_stop) and t.idx not in frame
    ]
    return len(content) < 3


def _frame_before_content(span: Span, quotes: Sequence[Quote]) -> bool:
    """ "The brigades' commander, General X, said in a video message that …": a part that holds the
    quote's cue and ends where its reported content begins only introduces the statement."""
    has_cue = any(q.cue is not None and span.start_char <= q.cue.start < span.end_char for q in quotes)
    return has_cue and span[-1].lower_ in {"that", ":", "saying", "adding", "noting", "warning", "insisting"}


def _segments(sent: Span, quotes: Sequence[Quote]) -> list[tuple[Span, Quote | None]]:
    """Split a sentence into the parts inside quotations (the speaker's) and outside (the outlet's)."""
    doc = sent.doc
    near = [q for q in quotes if any(p.start < sent.end_char and p.end > sent.start_char for p in q.content)]
    result: list[tuple[Span, Quote | None]] = []
    for start, end, quote in _quote_pieces(sent, quotes):
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None or len(span) == 0:
            continue
        # trim punctuation and quotation marks at the edges
        s, e = span.start, span.end
        while s < e and (doc[s].is_punct or doc[s].is_space):
            s += 1
        while e > s and (doc[e - 1].is_space or doc[e - 1].is_quote or doc[e - 1].text in {",", ";", ":"}):
            e -= 1
        if e <= s:
            continue
        piece = doc[s:e]
        if quote is None and near and (_attribution_frame_only(piece, near) or _frame_before_content(piece, near)):
            continue
        result.append((piece, quote))
    return result


def embedded_acts(span: Span) -> list[Span]:
    """Noun phrases that report an attributed act in a reduced passive clause.

    "... in a drone strike authorized by Trump": the participle clause states, on
    its own, that a named actor performed an official act — a claim inside the
    sentence that a fact-checker may want separately.
    """
    out: list[Span] = []
    for tok in span:
        if tok.dep_ != "acl" or tok.tag_ != "VBN":
            continue
        if tok.lemma_.lower() not in OFFICIAL_ACT_VERBS | CHANGE_VERBS:
            continue
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        actor = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if actor is None or not (actor.pos_ == "PROPN" or actor.ent_type_ in _NAMED_TYPES):
            continue
        head = tok.head
        start = head.left_edge.i
        end = actor.right_edge.i + 1
        if start < span.start or end > span.end or end - start >= len(span):
            continue
        out.append(span.doc[start:end])
    return out


def _embedded_score(clause: Span, outer: Sequence[str]) -> tuple[float, list[str]]:
    """Score a reduced clause: its own features, minus the length penalties a phrase always incurs,
    plus the sentence's past-tense anchoring (the participle describes a completed act)."""
    features = [f for f in sentence_features(clause) if f not in {"short", "fragment"}]
    if "past_tense" in outer and "past_tense" not in features:
        features.append("past_tense")
    features = [name for name in WEIGHTS if name in set(features)]
    return rule_score(features), features


@extractor("claims", field="claims", version=VERSION, after=("actors", "quotes"))
def extract_claims(doc: Doc, analysis: Analysis) -> list[Claim]:
    """Sentences (or quoted parts of them) scoring at least :data:`THRESHOLD`, in text order.

    Page furniture (promo lines, bylines, credits: :mod:`.furniture`) is never a claim.
    """
    claims: list[Claim] = []
    furniture = Furniture(doc.text)
    for sent in doc.sents:
        for span, quote in _segments(sent, analysis.quotes):
            words = [t for t in span if not t.is_punct and not t.is_space]
            if len(words) < MIN_WORDS:
                continue
            if furniture and furniture.contains(span.start_char):
                continue
            score, features = score_span(span)
            found = [(span, score, features)]
            found += [(clause, *_embedded_score(clause, features)) for clause in embedded_acts(span)]
            for part, part_score, part_features in found:
                if part_score < THRESHOLD:
                    continue
                claims.append(_claim(len(claims) + 1, part, part_score, part_features, quote, analysis))
    return claims


def claimant(quote: Quote | None, analysis: Analysis) -> tuple[str, str | None]:
    """Who asserts a claim: (entity id or 'the outlet' / 'unknown', name).

    Inside a quotation the speaker: the resolved actor's name, else the speaker's fullest name
    in the article, else the speaker phrase as written.  Outside any quotation the outlet
    itself asserts it, named by the article's ``source`` when known.
    """
    if quote is None:
        return "the outlet", analysis.article.source or "the outlet"
    ent = analysis.entity(quote.speaker_entity)
    name = (ent.name if ent is not None else None) or quote.speaker_name
    if name is None and quote.speaker is not None:
        name = quote.speaker.text
    return quote.speaker_entity or "unknown", name


def _claim(n: int, span: Span, score: float, features: list[str], quote: Quote | None,
           analysis: Analysis) -> Claim:
    speaker, speaker_name = claimant(quote, analysis)
    return Claim(
        id=f"C{n}",
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        checkworthiness=round(score, 4),
        features=features,
        quantities=extract_quantities(span),
        hedge=find_hedge(span),
        speaker=speaker,
        speaker_name=speaker_name,
        quote=quote.id if quote is not None else None,
    )
