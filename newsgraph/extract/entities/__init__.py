"""Actors within one article: entity mentions, clustered into entities, with roles and labels.

Why not just ``doc.ents``: the small English model predictably mislabels armed
groups and movements as people ("Kata'ib Hezbollah" PERSON), splits names
("Kata'ib" + "Hezbollah's"), and cannot know that "Hakim" is the "Ammar al-Hakim"
of two paragraphs up, that "US", "Washington" and "American" are one actor, or
that "Baghdad" in "talks between Baghdad and Washington" is the Iraqi
government.  This package fixes those with rules over the parse and a gazetteer
from registry packages, and reads roles from titles ("White House press
secretary Jen Psaki") and appositions ("X, a spokesman for Y").

This extractor fills two fields: it returns ``entities`` and sets
``analysis.mentions`` (the mentions are the evidence of the entities).

The package's files are its phases, in the order :func:`extract_actors` runs them; each is a
mixin of the builder over :class:`~.state._BuilderBase` (:mod:`.state`: the candidate mention,
the entity and the shared index):

1. :mod:`.mentions` — candidate mentions from the tagger (trimmed, extended, relabelled) and the
   ones rules add (people it never tagged, nicknames split off a name, surnames it missed);
2. :mod:`.classify` — labels corrected with the gazetteer and every mention keyed, with
   :mod:`.aliases` — the person-name passes of :mod:`newsgraph.extract.coref`, acronyms,
   organisation short names;
3. :mod:`.clusters` — one entity per key;
4. :mod:`.roles` — titles, appositions, named roles, "part of" relations;
5. :mod:`.labels` — premodifiers, "so-called", predicate nominals, designations;
6. :mod:`.nominals` — "the senior cleric", "the ministry" as mentions of a named actor;
7. :mod:`.anaphora` — genders, then pronouns (the coreference passes of coref.pronouns), then
   names nested in longer names (:meth:`.clusters._Clusters.nested_names`);
8. :mod:`.assemble` — the ``mentions`` and ``entities`` records.

The registered extractor keeps its name ``actors`` (other extractors run ``after`` it and stored
analyses name it); only its module is ``newsgraph.extract.entities``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ...model import Analysis, Entity
from .. import extractor
from .anaphora import _Anaphora
from .assemble import _Records
from .classify import _Classify
from .clusters import _Clusters
from .labels import DESIGNATION_VERBS, _Labels, meaningful_label
from .mentions import ACTOR_LABELS
from .nominals import _Nominals
from .roles import _Roles
from .state import name_key

__all__ = ["ACTOR_LABELS", "DESIGNATION_VERBS", "extract_actors", "meaningful_label", "name_key"]


class _Builder(_Classify, _Clusters, _Roles, _Labels, _Nominals, _Anaphora, _Records):
    """One article's entities built phase by phase; each base is one phase's file (see above)."""


@extractor("actors", field="entities", version="4", assigns=("mentions",))
def extract_actors(doc: Doc, analysis: Analysis) -> list[Entity]:
    """Entities of the article; also sets ``analysis.mentions``.

    The phases run in this order, each on what the ones before left: (1) ``collect`` the tagger's
    spans, then (2) ``classify`` adds the mentions rules find, corrects the labels and keys every
    mention; (3) ``cluster`` makes one entity per key — from here on a token can be asked which
    entity it belongs to, which every later phase does.  (4) Roles and relations (``titles``,
    ``appositions``, ``named_roles``, ``part_of``) and (5) labels (``premodifier_labels``,
    ``designations``) are appended to the entities in that order, which is the order of their
    lists (duplicate roles keep the first; labels are sorted by start, ties in this order).
    (6) ``descriptions`` match "the <role noun>" against the roles of (4), so they come after
    them, then ``org_descriptions``.  (7) ``genders`` then ``pronouns``: a pronoun agrees with
    its antecedent's gender, takes any mention found before it (nominals included) as an
    antecedent, and only tokens no earlier phase took; then ``nested_names`` adds the names inside
    longer names ("Andy Warhol" in "the Andy Warhol Foundation").  (8) ``records`` numbers the entities by
    their first mention and the mentions in text order.
    """
    b = _Builder(doc)
    b.collect()
    b.classify()
    b.cluster()
    b.titles()
    b.appositions()
    b.named_roles()
    b.part_of()
    b.premodifier_labels()
    b.designations()
    b.clean_labels()
    b.descriptions()
    b.org_descriptions()
    b.genders()
    b.pronouns()
    b.nested_names()
    b.predicate_mentions()
    mentions, entities = b.records()
    analysis.mentions = mentions
    return entities
