"""Framing: the span and technique switches and the quote marks, read by every phase.

Each was measured on PTC train and dev before it was kept on (docs/FRAMING.md).  To re-measure
one, change its value here and re-run the eval: the phase modules import the values, so setting
an attribute at run time (on this module or the package) does not reach the rules.
"""

from __future__ import annotations

ACTOR_TYPES = {"PERSON", "ORG", "GPE", "NORP"}

# Span and technique choices, each measured on PTC train and dev before it was kept on
# (docs/FRAMING.md); they stay switchable so the effect of each can be re-measured.
ADJ_ON_PERSON_IS_LABEL = True  # a loaded adjective on a person/group noun is Name_Calling
NOUN_LEFT = True  # a loaded noun takes its premodifiers
COMPOUND_TAILS = True  # hyphenated epithets by productive tail ("power-hungry")
LABEL_DET = True  # label spans take a directly preceding determiner
LABEL_OF_PP = True  # label nouns take a short "of" complement ("enemies of the people")
VERB_ADV = True  # loaded verbs take preceding intensifying adverbs
NOUN_OF_PP = 3  # a loaded noun takes a short "of" complement ("a cancer of lies")
ADV_FROM_ADJ = True  # "-ly" adverbs of loaded adjectives are loaded ("disastrously" from "disastrous")
ADJ_TAKES_NOUN = True
SCARE_QUOTE_BOTH = True
PRAISE_ONLY_ON_PEOPLE = True  # praise adjectives flag only as labels of people (lex.PRAISE_ADJ)
HYPERBOLE_IS_EXAGGERATION = True
SCARE_QUOTE_LABEL = "person"  # scare quotes around a person/group noun label it ("the 'moderates'")

# Version 3 (docs/FRAMING.md has the figures before and after each):
NOUN_LEFT_EVALUATIVE = True  # a loaded noun's premodifiers stop at a name, possessor or number ("Britain's hypocrisy")
COORD_SPAN = True  # coordinated adjectives are one phrase ("harmful and divisive views")
COORD_OTHER: tuple[str, ...] = ("NOUN",)  # ... and so are coordinated nouns ("slander and calumny"); verbs measured: no gain
COORD_NO_NAMES = True  # a coordination stops at a name or a quote mark
NOUN_OF_LEFT = True  # "a web of lies": the noun framing a loaded noun joins it
POS_FALLBACK = True  # tagger slips: headline-case loaded words read as PROPN, adjectives read as nouns
NEWLINE_CUT = True  # a loaded phrase does not run across a line break
TRIM_PUNCT = True  # loaded and label spans do not start or end with punctuation or quote marks
OPEN_QUOTES = "\"“‘«"
CLOSE_QUOTES = "\"”’»"
