"""Word lists of the events extractor and the lemma repair every phase reads."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from ... import lexicons
from .. import plover_lexicon as lex
from ..docindex import repair_lemma

SUBJ = {"nsubj", "csubj", "expl"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
RECIPIENT_PREPS = ("with", "against", "on", "upon", "to", "toward", "towards", "at", "for", "over")
LOCATION_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
CONTAINERS = {"round", "series", "wave", "string", "spate", "set", "new", "resumption", "start", "part"}
#: Event nouns whose ``of`` phrase names the doer, not the target ("the withdrawal of troops").
AGENTIVE_OF = {"RETREAT", "PROTEST", "MOBILIZE", "CONSULT", "AGREE", "SUPPORT", "COOPERATE"}
#: Verbs that, with an event noun as subject or relative clause, say when it happened.
ASPECTUAL = {"begin", "start", "take", "hold", "happen", "occur", "end", "resume", "open", "conclude",
             "continue", "schedule", "set", "plan", "launch", "break", "erupt", "come"}
NON_EVENT_OBJECTS = {"statement", "report", "video", "footage", "figure", "data", "detail", "information",
                     "result", "list", "document", "photo", "picture", "book", "album", "film", "number",
                     "speech", "interview", "step", "measure", "way", "chance", "opportunity", "role",
                     # accounts and opinions one gives or offers: "gave the daily tally", "offering analysis"
                     "analysis", "tally", "account", "view", "opinion", "insight", "update", "estimate",
                     "assessment", "explanation", "answer", "example", "reason", "idea", "fact-check",
                     "testimony", "briefing", "preview", "glimpse", "sense", "impression", "signal",
                     # counsel and sentiments one offers: "offered some pointed advice to X"
                     "advice", "suggestion", "thought", "prayer", "tip", "hint",
                     # securities one offers or gives in a sale: "offering 1.7 million shares"
                     "share", "stock", "bond", "security", "note", "warrant", "option"}
NON_PARTICIPANT_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
QUANTIFIERS = {"thousand", "hundred", "dozen", "ten", "third", "half", "quarter", "number", "some", "million",
               "most", "many", "scores", "hundreds", "thousands", "tens"}
#: Nouns for groups of people, which can be the doer in "the withdrawal of troops".
GROUP_NOUNS = lexicons.words("group_nouns", "people")
PRONOUNS_TO_RESOLVE = {"he", "she", "it", "they", "we", "i", "him", "her", "them", "us", "his", "its",
                       "their", "our", "who", "which", "that"}


def _known_words() -> frozenset[str]:
    words: set[str] = set(lex.VERBS) | set(lex.NOUNS) | lex.LIGHT_VERBS | lex.REPORTING | lex.INTENT_HEADS
    words |= lex.PLAN_VERBS | lex.DEMAND_FRAMES | lex.APPROVAL_VERBS | lex.LAW_NOUNS | lex.GENERIC_HEADS
    words |= {k.split()[0] for k in lex.PHRASAL} | {w for pair in lex.VERB_OBJECT for w in pair}
    words |= {w for pair in lex.MODIFIED_NOUNS for w in pair} | ASPECTUAL | CONTAINERS | NON_EVENT_OBJECTS
    return frozenset(words)


KNOWN_WORDS = _known_words()


#: Irregular past forms of base verbs, for prefixed verbs the model leaves unlemmatised ("retook",
#: "overran", "retaken"): general English morphology, not a list of triggers.
IRREGULAR_PAST: dict[str, str] = {
    "took": "take", "taken": "take", "ran": "run", "drew": "draw", "drawn": "draw", "threw": "throw",
    "thrown": "throw", "wrote": "write", "written": "write", "gave": "give", "given": "give",
    "broke": "break", "broken": "break", "fought": "fight", "struck": "strike", "sent": "send",
    "sold": "sell", "held": "hold", "built": "build", "won": "win", "made": "make",
    "seen": "see", "saw": "see", "stood": "stand", "brought": "bring", "caught": "catch", "shot": "shoot",
}
PREFIXES = ("re", "over", "out", "under", "with")


@lru_cache(maxsize=65536)
def _lemma_of(lower: str, lemma: str) -> str:
    fixed = repair_lemma(lower, lemma, KNOWN_WORDS)
    if fixed not in KNOWN_WORDS:
        for prefix in PREFIXES:
            rest = lower[len(prefix):]
            if lower.startswith(prefix) and rest in IRREGULAR_PAST and prefix + IRREGULAR_PAST[rest] in KNOWN_WORDS:
                return prefix + IRREGULAR_PAST[rest]  # "retook" -> "retake", "overran" -> "overrun"
    return fixed


def _lemma(tok: Token) -> str:
    """spaCy's lemma, corrected towards our lexicon when the small model slips ("staged" -> "stag")."""
    return _lemma_of(tok.lower_, tok.lemma_.lower())
