"""Framing, after :func:`find_cues`: the actor each cue is aimed at.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...model import Analysis, Mention
from .cue import _Cue
from .lexical import GROUP_NOUNS, _in_list
from .switches import ACTOR_TYPES


class _Targets:
    """Resolve the actor a cue is aimed at from the mentions the actors extractor found."""

    def __init__(self, doc: Doc, analysis: Analysis) -> None:
        self.doc = doc
        self.analysis = analysis
        self.by_token: dict[int, Mention] = {}
        mentions = [m for m in analysis.mentions if m.type in ACTOR_TYPES or m.form == "description"]
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                cur = self.by_token.get(t.i)
                if cur is None or (cur.end - cur.start) > (m.end - m.start):
                    self.by_token[t.i] = m
        self.labels: list[tuple[int, int, str]] = []
        for ent in analysis.entities:
            for lab in ent.labels:
                self.labels.append((lab.start, lab.end, ent.id))
        self.fallback = not analysis.mentions

    def _mention(self, tok: Token) -> tuple[str | None, str] | None:
        m = self.by_token.get(tok.i)
        if m is not None and m.entity:
            ent = self.analysis.entity(m.entity)
            return m.entity, ent.name if ent is not None else m.text
        if self.fallback and tok.ent_type_ in ACTOR_TYPES:
            ent = next(e for e in self.doc.ents if e.start <= tok.i < e.end)
            return None, ent.text
        return None

    def _named_group(self, tok: Token) -> tuple[str | None, str] | None:
        """A label on an unnamed group ("a prominent anti-terror group"): the group named next.

        Appositions first ("Kata'ib Hezbollah, another ... group"), else the first organisation
        named after the noun within the same or the next sentence (news leads name the group
        right after describing it).
        """
        for child in tok.children:
            if child.dep_ == "appos":
                hit = self._mention(child)
                if hit:
                    return hit
        if tok.dep_ == "appos":
            hit = self._mention(tok.head)
            if hit:
                return hit
        sent = tok.sent
        limit = sent.end
        if sent.end < len(self.doc):
            limit = self.doc[sent.end].sent.end
        for i in range(tok.i + 1, limit):
            m = self.by_token.get(i)
            if m is not None and m.entity and m.type == "ORG":
                ent = self.analysis.entity(m.entity)
                return m.entity, ent.name if ent is not None else m.text
        return None

    def _in_subtree(self, tok: Token, exclude: Token | None = None) -> tuple[str | None, str] | None:
        for child in tok.children:
            if child.i >= tok.i or child is exclude:
                continue
            if child.dep_ in ("amod", "compound", "poss", "nmod"):
                hit = self._mention(child) or self._in_subtree(child)
                if hit:
                    return hit
        return None

    def resolve(self, cue: _Cue) -> tuple[str | None, str | None]:
        for s, e, ent_id in self.labels:
            if s < cue.end and cue.start < e:
                ent = self.analysis.entity(ent_id)
                return ent_id, ent.name if ent else None
        if cue.head is None:
            return None, cue.target_text
        tok = self.doc[cue.head]
        seen = set()
        for _ in range(3):
            if tok.i in seen:
                break
            seen.add(tok.i)
            hit = self._mention(tok) if not cue.target_text else None
            if hit is None and tok.dep_ in ("compound", "appos") and tok.head.pos_ == "PROPN":
                # "commander Qassem Soleimani", "trenchmate Abu Mahdi": the name the noun titles
                hit = self._mention(tok.head)
            if hit is None and _in_list(tok, GROUP_NOUNS):
                hit = self._named_group(tok)
            if hit is None and cue.technique != "Doubt":
                hit = self._in_subtree(tok)
            if hit is None:
                for child in tok.children:
                    if child.dep_ == "appos":
                        hit = self._mention(child)
                        if hit:
                            break
            if hit is None and tok.dep_ == "appos":
                hit = self._mention(tok.head)
            if hit is None and tok.dep_ in ("attr", "acomp", "oprd"):
                subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    hit = self._mention(subj) or self._in_subtree(subj)
            if hit is None and tok.pos_ == "VERB":
                for child in tok.children:
                    obj = child
                    if child.dep_ in ("prep", "prt"):
                        obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    elif child.dep_ not in ("dobj", "dative"):
                        continue
                    if obj is not None:
                        hit = self._mention(obj) or self._in_subtree(obj)
                        if hit:
                            break
            if hit is not None:
                return hit[0], hit[1]
            if tok.dep_ in ("amod", "compound", "advmod") and tok.head.i != tok.i:
                tok = tok.head
            else:
                break
        return None, cue.target_text
