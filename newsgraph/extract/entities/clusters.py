"""Clusters: mentions with one key become one entity, with its type, kind, name and country."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ... import gazetteer
from ..actor_lexicon import ARMED_WORDS, GOV_WORDS, IGO_NAMES, MEDIA_WORDS, ORG_HEADS, PARTY_WORDS
from .labels import _label
from .state import _BuilderBase, _Ent


def _org_kind(name: str, extra_words: Iterable[str] = ()) -> str:
    folded = gazetteer.fold(name)
    words = set(re.findall(r"[\w']+", folded)) | {w.lower() for w in extra_words}
    if folded in IGO_NAMES:
        return "international_organisation"
    if folded in {"white house", "kremlin", "pentagon", "downing street", "elysee", "state department"}:
        return "government"
    if words & ARMED_WORDS:
        return "armed_group"
    if words & PARTY_WORDS:
        return "party"
    if words & MEDIA_WORDS:
        return "media"
    if words & GOV_WORDS:
        return "government"
    return "organisation"


class _Clusters(_BuilderBase):
    """Phase 3: entities from the keys."""

    def cluster(self) -> None:
        for c in self.cands:
            if c.key is None:
                continue
            idx = self.by_key.get(c.key)
            if idx is None:
                idx = len(self.ents)
                self.by_key[c.key] = idx
                etype = "GPE" if c.key[0] in {"country", "city", "place"} else c.label
                if etype not in {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}:
                    etype = "OTHER"
                self.ents.append(_Ent(c.key, etype, c.kind or "other", c.canonical or c.span.text, c.country))
            ent = self.ents[idx]
            c.entity = idx
            ent.cands.append(c)
            if c.label == "ORG" and ent.type != "ORG" and ent.key[0] in {"person", "org"}:
                ent.type = "ORG"
            if c.form == "name" and c.key[0] in {"person", "org", "group"} and len(c.span.text) > len(ent.name):
                ent.name = c.span.text
        for word, c in self.epithets:
            if c.entity is not None:
                self.ents[c.entity].labels.append(_label(word, "descriptor"))
        for ent in self.ents:
            if ent.key[0] == "person":
                ent.kind = "person" if ent.type == "PERSON" else ent.kind
            if ent.type == "ORG":
                heads = [self.doc[c.span.end].lower_ for c in ent.cands
                         if c.span.end < len(self.doc) and self.doc[c.span.end].lower_ in ORG_HEADS]
                ent.kind = _org_kind(ent.name, heads)
