"""Gender and pronouns: each person's gender with its evidence, then third-person pronouns linked to
their entity by the coreference passes of coref.pronouns (which agree on that gender)."""

from __future__ import annotations

from ..coref import Antecedent, given_name_gender, honorific_gender, parse_name, resolve_pronouns
from ..coref.gender import KINSHIP_GENDER
from .state import _BuilderBase, _Cand


class _Anaphora(_BuilderBase):
    """Phase 7: genders, then pronouns."""

    def genders(self) -> None:
        """Each person's gender with its evidence: a stated honorific or kinship noun in apposition
        ("Marlow, her father": ``kinship:father``), else the registry's reading
        of the given name of the fullest name (coref.gender).  Conflicting honorifics give none."""
        for ent in self.ents:
            if ent.type != "PERSON":
                continue
            stated = {}
            for c in ent.cands:
                for title in (c.title, parse_name(c.span.text).title):
                    g = honorific_gender(title) if title else None
                    if g is not None:
                        stated.setdefault(g, f"honorific:{title}")
                if c.kin:  # "Marlow, her father"
                    stated.setdefault(KINSHIP_GENDER[c.kin], f"kinship:{c.kin}")
            if len(stated) == 1:
                ent.gender, evidence = next(iter(stated.items()))
                ent.gender_evidence.append(evidence)
                continue
            if stated:
                continue
            firsts = [parse_name(c.span.text).first for c in ent.cands if c.form == "name"]
            first = max(firsts, key=len, default="")
            g = given_name_gender(first) if first else None
            if g is not None:
                ent.gender = g
                ent.gender_evidence.append(f"given_name:{first}")

    def pronouns(self) -> None:
        """Third-person pronouns to their entity (coref.pronouns); emitted as mentions of form "pronoun"."""
        cat = {"PERSON": "person", "ORG": "org", "NORP": "org", "GPE": "place", "LOC": "place", "FAC": "place"}
        ants = []
        for c in self.cands:
            if c.entity is None:
                continue
            ent = self.ents[c.entity]
            category = cat.get(ent.type, "other")
            if ent.type == "NORP" and ent.kind != "group":
                category = "other"
            ants.append(Antecedent(c.span.start, c.span.end, c.entity, category))
        genders = {i: e.gender for i, e in enumerate(self.ents)}  # type: ignore[misc]
        links = resolve_pronouns(self.doc, ants, genders, taken=set(self.token_cand))  # type: ignore[arg-type]
        for link in links:
            ent = self.ents[link.entity]
            span = self.doc[link.token : link.token + 1]
            cand = _Cand(span, ent.type, form="pronoun", key=ent.key, entity=link.entity, sieve=link.sieve)
            ent.cands.append(cand)
            self.cands.append(cand)
            if link.gender_evidence and ent.type == "PERSON":
                if ent.gender is None:
                    ent.gender = genders.get(link.entity)
                if len(ent.gender_evidence) < 3 and link.gender_evidence not in ent.gender_evidence:
                    ent.gender_evidence.append(link.gender_evidence)
        self.cands.sort(key=lambda c: c.span.start)
