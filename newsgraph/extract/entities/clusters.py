"""Clusters: mentions with one key become one entity, with its type, kind, name and country."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ... import gazetteer
from ..actor_lexicon import ARMED_WORDS, GOV_WORDS, IGO_NAMES, MEDIA_WORDS, ORG_HEADS, PARTY_WORDS
from ..coref import parse_name
from .labels import _label
from .state import _BuilderBase, _Cand, _Ent, name_key


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

    def nested_names(self) -> None:
        """A person's or organisation's name at the start of a longer name is a mention of it too:
        "Andy Warhol" in "the Andy Warhol Foundation", "Warhol" in "the Warhol Factory", "Google"
        in "Google Science Fair".  The longer name stays its own actor; the inner one is added as
        a mention (sieve ``nested``) of the entity with that name, surname or acronym.  Run after
        the pronoun pass, so a pronoun never takes the inner name of an organisation for a person
        of its own, and never over a name that is the outer entity's own (a single-name entity)."""
        names: dict[str, set[int]] = {}
        for idx, ent in enumerate(self.ents):
            if ent.key[0] not in {"person", "org"}:
                continue
            for c in ent.cands:
                if c.form in {"name", "surname", "acronym"}:
                    names.setdefault(name_key(c.span.text), set()).add(idx)
                    parsed = parse_name(c.span.text) if ent.key[0] == "person" else None
                    if parsed is not None and parsed.full:
                        names.setdefault(name_key(parsed.last), set()).add(idx)  # "the Warhol Factory"
        added = []
        for c in self.cands:
            if c.entity is None or c.form != "name" or len(c.span) < 2:
                continue
            for end in range(c.span.end - 1, c.span.start, -1):
                inner = self.doc[c.span.start : end]
                if not inner[-1].text[:1].isupper():
                    continue
                owners = names.get(name_key(inner.text), set()) - {c.entity}
                if len(owners) == 1:
                    idx = next(iter(owners))
                    ent = self.ents[idx]
                    cand = _Cand(inner, ent.type, form="name", key=ent.key, entity=idx, sieve="nested")
                    ent.cands.append(cand)
                    added.append(cand)
                    break
        if added:
            self.cands.extend(added)
            self.cands.sort(key=lambda c: (c.span.start, c.span.end))
