"""Within-article coreference: mentions in, entity clusters out.

A deterministic multi-pass sieve in the manner of the Stanford rule-based system (Lee et al.,
2013): the most precise passes run first and later passes only extend the clusters earlier
ones built, so a cheap, sure decision is never overridden by a guess.  Every link records the
pass that made it on the mention (``Mention.sieve``); see docs/COREF.md for the passes.

- :mod:`.names` — person names parsed with ``nameparser``: exact, name variants (middle names
  and initials), surname (with honorifics and titles), given name; suffixes and different
  first names block a merge.
- :mod:`.gender` — gender from honorifics, pronouns and the ``gender-guesser`` name registry.
- :mod:`.pronouns` — third-person pronouns with number and gender agreement, a syntactic
  constraint and salience (subjects, recency).

The actors extractor (:mod:`newsgraph.extract.entities`) collects the mentions and calls these
passes; the quote speaker resolver reads the clusters it produces.
"""

from .gender import given_name_gender, honorific_gender
from .names import NameLink, cluster_person_names, parse_name
from .pronouns import Antecedent, PronounLink, resolve_pronouns

__all__ = [
    "Antecedent", "NameLink", "PronounLink", "cluster_person_names", "given_name_gender", "honorific_gender", "parse_name",
    "resolve_pronouns",
]
