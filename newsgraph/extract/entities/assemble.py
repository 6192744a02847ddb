"""Assembly: the entities numbered by first mention, the mentions in text order, as records."""

from __future__ import annotations

from ...model import Entity, Label, Mention, Role
from .labels import _dedupe_labels
from .roles import _dedupe_roles
from .state import _BuilderBase


class _Records(_BuilderBase):
    """Phase 8: the :class:`~newsgraph.model.Mention` and :class:`~newsgraph.model.Entity` records."""

    def records(self) -> tuple[list[Mention], list[Entity]]:
        order = sorted(range(len(self.ents)), key=lambda i: min(c.span.start for c in self.ents[i].cands))
        ent_id = {old: f"E{n + 1}" for n, old in enumerate(order)}
        by_id = {e: o for o, e in ent_id.items()}
        mentions: list[Mention] = []
        ent_mentions: dict[int, list[str]] = {i: [] for i in range(len(self.ents))}
        for n, c in enumerate(sorted((c for c in self.cands if c.entity is not None),
                                      key=lambda c: (c.span.start, c.span.end))):
            mid = f"M{n + 1}"
            assert c.entity is not None
            ent = self.ents[c.entity]
            mtype = ent.type if ent.type in {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"} else "OTHER"
            mentions.append(Mention(id=mid, start=c.span.start_char, end=c.span.end_char, text=c.span.text,
                                    entity=ent_id[c.entity], type=mtype, form=c.form,  # type: ignore[arg-type]
                                    sieve=c.sieve, ambiguous=c.ambiguous))
            ent_mentions[c.entity].append(mid)

        def fix_label(lab: Label) -> Label:
            if lab.by and lab.by.startswith("#"):
                return lab.model_copy(update={"by": ent_id[int(lab.by[1:])]})
            return lab

        def fix(role: Role) -> Role:
            if role.org_entity and role.org_entity.startswith("#"):
                return role.model_copy(update={"org_entity": ent_id[int(role.org_entity[1:])]})
            return role

        entities: list[Entity] = []
        for old in order:
            ent = self.ents[old]
            aliases = sorted({c.span.text for c in ent.cands if c.span.text != ent.name and c.form != "pronoun"
                              and c.sieve not in ("predicate", "apposition")})
            country = ent.country
            roles = _dedupe_roles([fix(r) for r in ent.roles])
            if country is None and ent.type == "PERSON":
                # a person's country is the one their stated office belongs to
                for r in roles:
                    target = self.ents[by_id[r.org_entity]] if r.org_entity in by_id else None
                    if target is not None and target.country:
                        country = target.country
                        break
            entities.append(
                Entity(
                    id=ent_id[old],
                    name=ent.name,
                    type=ent.type,  # type: ignore[arg-type]
                    kind=ent.kind,
                    country=country,
                    aliases=aliases,
                    roles=roles,
                    labels=_dedupe_labels([fix_label(lab) for lab in ent.labels]),
                    part_of=[ent_id[p] for p in ent.part_of],
                    mentions=ent_mentions[old],
                    gender=ent.gender if ent.type == "PERSON" else None,  # type: ignore[arg-type]
                    gender_evidence=ent.gender_evidence if ent.type == "PERSON" else [],
                )
            )
        return mentions, entities
