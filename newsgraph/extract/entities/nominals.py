"""Nominals: a definite description ("the senior cleric", "the ministry") as a mention of the one
person or organisation named before that it fits."""

from __future__ import annotations

import re

from ..actor_lexicon import ORG_HEADS, ROLE_NOUNS
from .state import _BuilderBase, _Cand, _tokens_matching


class _Nominals(_BuilderBase):
    """Phase 6: nominal mentions (sieves ``role_nominal``, ``org_nominal``)."""

    def descriptions(self) -> None:
        """ "The senior cleric said …": a definite description naming one known role holder."""
        heads: dict[str, set[int]] = {}
        first_seen: dict[int, int] = {}
        for idx, ent in enumerate(self.ents):
            if ent.type != "PERSON":
                continue
            first_seen[idx] = min(c.span.start for c in ent.cands)
            for role in ent.roles:
                words = re.findall(r"[a-z][a-z\-]+", role.role.lower())
                for w in words:
                    if w in ROLE_NOUNS:
                        heads.setdefault(w, set()).add(idx)
        if not heads:
            return
        pattern = re.compile(r"(?i)\b(" + "|".join(map(re.escape, sorted(heads))) + r")\b")
        for head in _tokens_matching(self.doc, pattern):
            if head.lower_ not in heads or head.pos_ not in ("NOUN", "PROPN") or head.i in self.token_cand:
                continue
            lefts = list(head.lefts)
            if not lefts or lefts[0].lower_ != "the" or any(ch.dep_ == "prep" for ch in head.rights):
                continue
            after = self.token_cand.get(head.i + 1)
            if after is not None and after.label == "PERSON":
                continue  # "the former presidential candidate Mitt Romney": the title of the name after it
            start = lefts[0].i
            inner = [self.token_cand[i] for i in range(start, head.i) if i in self.token_cand]
            if any(c.entity is None or self.ents[c.entity].type == "PERSON" for c in inner):
                continue  # "the Republican nominee" may name a party; "the Trump campaign" is not Trump
            owners = {i for i in heads[head.lower_] if first_seen[i] < start}
            if len(owners) != 1:
                continue
            idx = next(iter(owners))
            if inner and not all(c.span.text.lower() in " ".join(r.evidence.text.lower() for r in self.ents[idx].roles)
                                 for c in inner):
                continue  # "the Democratic nominee" is not the one nominee the article called Republican
            span = self.doc[start : head.i + 1]
            cand = _Cand(span, "PERSON", form="description", key=self.ents[idx].key, entity=idx, sieve="role_nominal")
            self.ents[idx].cands.append(cand)
            self.cands.append(cand)
        self.cands.sort(key=lambda c: c.span.start)

    def org_descriptions(self) -> None:
        """ "the bureau", "the ministry", "the party": the organisation named before whose name has
        that head word (a party for "the party"), the most recent one; sieve ``org_nominal``."""
        orgs = [c for c in self.cands if c.entity is not None and self.ents[c.entity].type == "ORG"
                and c.form in ("name", "acronym")]
        if not orgs:
            return
        words: dict[str, list[_Cand]] = {}
        for c in orgs:
            ent = self.ents[c.entity]  # type: ignore[index]
            for w in re.findall(r"[a-z]+", ent.name.lower()):
                if w in ORG_HEADS:
                    words.setdefault(w, []).append(c)
            if ent.kind == "party":
                words.setdefault("party", []).append(c)
        if not words:
            return
        pattern = re.compile(r"(?i)\bthe\s+(" + "|".join(sorted(words)) + r")\b")
        added = False
        for m in pattern.finditer(self.doc.text):
            span = self.doc.char_span(m.start(), m.end(1))
            if span is None or any(t.i in self.token_cand for t in span):
                continue
            head = span[-1]
            if head.pos_ != "NOUN" or head.tag_ != "NN" or any(
                    ch.dep_ == "prep" and ch.lower_ == "of" for ch in head.rights):
                continue
            if head.i + 1 < len(self.doc) and self.doc[head.i + 1].pos_ in ("NOUN", "PROPN"):
                continue  # "the party leadership": a modifier, not the party
            before = [c for c in words.get(head.lower_, []) if c.span.end <= span.start]
            if not before:
                continue
            target = max(before, key=lambda c: c.span.start)
            ent = self.ents[target.entity]  # type: ignore[index]
            cand = _Cand(span, "ORG", form="description", key=ent.key, entity=target.entity, sieve="org_nominal")
            ent.cands.append(cand)
            self._add_cand(cand)
            added = True
        if added:
            self.cands.sort(key=lambda c: c.span.start)
