"""Roles and relations: titles before a name, appositions, a name in apposition to a role, and
"part of" relations between entities."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ...model import Role
from ...model import Span as TextSpan
from ..actor_lexicon import PART_OF_NOUNS, ROLE_NOUNS
from .labels import _label
from .state import _BuilderBase, _Cand, _tokens_matching

_PART_OF = re.compile(r"(?i)\b((?:" + "|".join(sorted(PART_OF_NOUNS)) + r")s?)\s+of\b")


class _Roles(_BuilderBase):
    """Phase 4: roles (and the labels appositions give), relations between entities."""

    def _role_from_tokens(self, tokens: list[Token], org: _Cand | None, evidence: Span) -> Role | None:
        if not any(t.lower_ in ROLE_NOUNS or t.lemma_.lower() in ROLE_NOUNS for t in tokens):
            return None
        text = "".join(t.text + t.whitespace_ for t in tokens).strip().strip(",")
        if not text:
            return None
        org_ent = self.ents[org.entity] if org is not None and org.entity is not None else None
        return Role(
            role=text,
            org=org_ent.name if org_ent else None,
            org_entity=None if org is None else f"#{org.entity}",
            evidence=TextSpan(start=evidence.start_char, end=evidence.end_char, text=evidence.text),
        )

    def titles(self) -> None:
        """ "White House press secretary Jen Psaki": the words before a name."""
        doc = self.doc
        for c in self.cands:
            if c.entity is None or self.ents[c.entity].type != "PERSON" or c.form not in {"name", "surname"}:
                continue
            i = c.span.start - 1
            while i >= 0:
                t = doc[i]
                if t.pos_ in {"NOUN", "PROPN", "ADJ"} or t.tag_ == "POS" or t.text in {"-", "–"}:
                    other = self.token_cand.get(i)
                    if other is not None and other.entity is not None and self.ents[other.entity].type == "PERSON":
                        break
                    i -= 1
                    continue
                if t.lower_ == "and" and i > 0 and doc[i - 1].pos_ in {"NOUN", "ADJ"}:
                    i -= 1
                    continue
                # "Secretary of State", "Minister of Finance": a title noun and its portfolio
                if (t.lower_ == "of" and i > 0 and doc[i - 1].lower_ in ROLE_NOUNS and doc[i - 1].text[:1].isupper()
                        and doc[i + 1].text[:1].isupper()):
                    i -= 1
                    continue
                break
            start = i + 1
            if start >= c.span.start:
                continue
            phrase = doc[start : c.span.start]
            org = None
            kept: list[Token] = []
            for t in phrase:
                other = self.token_cand.get(t.i)
                if other is not None and other.entity is not None:
                    org = org or other
                    continue
                if t.tag_ == "POS":
                    continue
                kept.append(t)
            # split "top anti-terror commander Lieutenant General" into two roles
            segments: list[list[Token]] = [[]]
            for j, t in enumerate(kept):
                if j and kept[j - 1].lower_ in ROLE_NOUNS and kept[j - 1].text.islower() and t.text[:1].isupper():
                    segments.append([])
                segments[-1].append(t)
            for seg in segments:
                role = self._role_from_tokens(seg, org, phrase)
                if role is not None:
                    self.ents[c.entity].roles.append(role)

    def appositions(self) -> None:
        """ "Jawad al-Talibawi, a spokesman for Asa'ib Ahl al-Haq" and "X, another … group"."""
        for c in self.cands:
            if c.entity is None:
                continue
            ent = self.ents[c.entity]
            root = c.span.root
            for child in root.children:
                if child.dep_ != "appos" or child.i in range(c.span.start, c.span.end):
                    continue
                other = self.token_cand.get(child.i)
                if other is not None and other.entity is not None:
                    continue
                left = [t for t in child.lefts if t.dep_ in {"amod", "compound", "nmod", "det", "poss", "nummod"}]
                start = min([child.i, *[t.left_edge.i for t in left]])
                head_phrase = self.doc[start : child.i + 1]
                org = None
                tail_end = child.i + 1
                for prep in child.rights:
                    if prep.dep_ == "prep" and prep.lower_ in {"of", "for", "at", "with", "in", "to"}:
                        org = org or self._cand_in(prep.subtree)
                        tail_end = max(tail_end, prep.right_edge.i + 1)
                evidence = self.doc[start:tail_end]
                if ent.type == "PERSON":
                    tokens = [t for t in head_phrase if t.pos_ != "DET" and t.dep_ != "poss"
                              and self.token_cand.get(t.i) is None]
                    role = self._role_from_tokens(tokens, org, evidence)
                    if role is not None:
                        ent.roles.append(role)
                        continue
                if child.pos_ in {"NOUN", "PROPN"} and not any(
                    t.dep_ == "poss" or t.lower_ in {"its", "their", "his", "her"} for t in head_phrase
                ):  # "its allies" is a relation, not a label
                    end = child.i + 1
                    for right in child.rights:  # "a pillar of the Iraqi resistance"
                        if right.dep_ == "prep" and right.lower_ == "of":
                            end = right.right_edge.i + 1
                    ent.labels.append(_label(self.doc[start:end], "apposition"))

    def named_roles(self) -> None:
        """ "The brigades' commander, General Osman Taha, …": the name is the apposition of a role."""
        for c in self.cands:
            if c.entity is None or self.ents[c.entity].type != "PERSON":
                continue
            root = c.span.root
            head = root.head
            if root.dep_ != "appos" or head.i in self.token_cand or head.lower_ not in ROLE_NOUNS:
                continue
            mods = [t for t in head.lefts if t.dep_ in {"amod", "compound"} and t.i not in self.token_cand]
            tokens = sorted([*mods, head], key=lambda t: t.i)
            org = self._cand_in(t for t in head.lefts if t.dep_ == "poss")
            for prep in head.rights:
                if prep.dep_ == "prep" and prep.lower_ in {"of", "for", "at"}:
                    org = org or self._cand_in(prep.subtree)
            evidence = self.doc[min(t.left_edge.i for t in tokens) : c.span.end]
            role = self._role_from_tokens(tokens, org, evidence)
            if role is not None:
                self.ents[c.entity].roles.append(role)

    def part_of(self) -> None:
        """ "X, which is part of Y", "X is a member of Y", "X, a faction of Y"."""
        for t in _tokens_matching(self.doc, _PART_OF):
            if t.lemma_.lower() not in PART_OF_NOUNS:
                continue
            prep = next((ch for ch in t.children if ch.dep_ == "prep" and ch.lower_ == "of"), None)
            if prep is None:
                continue
            whole = self._cand_in(prep.subtree)
            if whole is None:
                continue
            part: _Cand | None = None
            if t.dep_ in {"attr", "acomp"}:
                subj = next((ch for ch in t.head.children if ch.dep_ in {"nsubj", "nsubjpass"}), None)
                if subj is not None and subj.lower_ in {"which", "that", "who"} and t.head.dep_ == "relcl":
                    noun = t.head.head
                    part = self.token_cand.get(noun.i) or self._cand_in(self.doc[max(0, noun.i - 6) : noun.i])
                elif subj is not None:
                    part = self._cand_in(subj.subtree)
            elif t.dep_ == "appos":
                part = self.token_cand.get(t.head.i)
            if part is None or part.entity is None or part.entity == whole.entity:
                continue
            ent = self.ents[part.entity]
            if ent.type == "PERSON":
                span = self.doc[t.left_edge.i : prep.right_edge.i + 1]
                role = self._role_from_tokens([t], whole, span)
                if role is None:
                    role = Role(role=t.lemma_.lower(), org=self.ents[whole.entity].name,
                                org_entity=f"#{whole.entity}",
                                evidence=TextSpan(start=span.start_char, end=span.end_char, text=span.text))
                ent.roles.append(role)
            elif whole.entity not in ent.part_of:
                ent.part_of.append(whole.entity)


def _dedupe_roles(roles: list[Role]) -> list[Role]:
    seen: set[tuple[str, str | None, int]] = set()
    out = []
    for r in roles:
        key = (r.role.lower(), r.org_entity, r.evidence.start)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out
