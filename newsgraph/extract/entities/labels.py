"""Labels: premodifiers ("the occupying United States"), "so-called", predicate nominals, and
designations other actors apply ("X, which Washington lists as a terrorist organisation")."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ...model import Label
from ..actor_lexicon import NON_LABEL_WORDS
from .state import _BuilderBase, _Cand, _tokens_matching

DESIGNATION_VERBS = frozenset(
    "designate list label brand call dub term describe consider deem regard classify blacklist".split()
)

_DESIGNATE = re.compile(
    r"(?i)\b((?:designat|list|label|brand|call|dub|term|describ|consider|deem|regard|classif|blacklist)\w*)\b"
)


class _Labels(_BuilderBase):
    """Phase 5: labels."""

    def premodifier_labels(self) -> None:
        """ "the occupying United States", "so-called X", predicate nominals "X is a … group"."""
        doc = self.doc
        for c in self.cands:
            if c.entity is None:
                continue
            ent = self.ents[c.entity]
            start = c.span.start
            j = start - 1
            while j >= 0 and doc[j].dep_ == "amod" and doc[j].head.i in range(c.span.start, c.span.end) \
                    and self.token_cand.get(j) is None and doc[j].lower_ not in {"former", "then", "late"}:
                j -= 1
            if j + 1 < start:
                ent.labels.append(_label(doc[j + 1 : start], "premodifier"))
            k = start - 1
            if k >= 0 and doc[k].lower_ in {"so-called", "called"}:
                first = k - 2 if doc[k].lower_ == "called" and k >= 2 and doc[k - 2].lower_ == "so" else k
                ent.labels.append(_label(doc[first : c.span.end], "so_called"))
            root = c.span.root
            copulas = [root.head] if root.dep_ == "nsubj" and root.head.lemma_ == "be" else []
            # "X, which is an Iranian-backed militia": the same predicate in a relative clause
            copulas += [r for r in root.children if r.dep_ == "relcl" and r.lemma_ == "be" and any(
                k.dep_ == "nsubj" and k.lower_ in ("which", "who", "that") for k in r.children)]
            for cop in copulas:
                for attr in cop.children:
                    if attr.dep_ == "attr" and attr.pos_ == "NOUN" and self.token_cand.get(attr.i) is None:
                        ent.labels.append(_label(doc[attr.left_edge.i : attr.i + 1], "predicate"))

    def designations(self) -> None:
        """Labels other actors apply, reported by the article, with who applies them.

        "X, which Washington lists as a terrorist organisation", "the US designated X a terrorist
        group", "X was branded a militia by Y", "X, designated a terrorist group by Y".
        """
        for verb in _tokens_matching(self.doc, _DESIGNATE):
            # the small model reads "which Washington lists as" with "lists" as a noun: a clause head is a verb
            clause_noun = verb.pos_ == "NOUN" and verb.dep_ == "relcl"
            lemma = verb.lemma_.lower() if not clause_noun else verb.lower_.removesuffix("s")
            if not (verb.pos_ == "VERB" or clause_noun) or lemma not in DESIGNATION_VERBS:
                continue
            found = self._designation_parts(verb)
            if found is None:
                continue
            label_tok, target, by = found
            if target.entity is None or (by is not None and by.entity == target.entity):
                continue
            ent = self.ents[target.entity]
            if ent.type not in ("ORG", "NORP", "GPE", "PERSON"):
                continue
            start = label_tok.i  # the label's own premodifiers, not a clause subject parsed into it
            while start > 0 and self.doc[start - 1].dep_ in ("amod", "compound", "nmod", "advmod", "punct", "nummod") \
                    and self.doc[start - 1].head.i in range(start, label_tok.i + 1) and start - 1 not in self.token_cand:
                start -= 1
            end = label_tok.i + 1
            for right in label_tok.rights:  # "a state sponsor of terrorism"
                if right.dep_ == "prep" and right.lower_ == "of" and right.right_edge.i - right.i <= 3:
                    end = right.right_edge.i + 1
            label = _label(self.doc[start:end], "designation")
            if by is not None and by.entity is not None:
                label = label.model_copy(update={"by": f"#{by.entity}"})
            ent.labels.append(label)

    def _designation_parts(self, verb: Token) -> tuple[Token, _Cand, _Cand | None] | None:
        """(label noun, labelled actor, labelling actor) around a designation verb, robust to the small
        model's parses ("designated X a group" as two objects, "considers X a group" as a clause)."""
        kids = list(verb.children)

        def cand(tok: Token | None) -> _Cand | None:
            return None if tok is None or tok.pos_ == "PRON" else self._cand_in([tok])

        def plain_noun(tok: Token) -> bool:
            return tok.pos_ == "NOUN" and tok.i not in self.token_cand

        label_tok = next((k for k in kids if k.dep_ in ("oprd", "attr", "xcomp", "ccomp") and plain_noun(k)), None)
        if label_tok is None:
            as_prep = next((k for k in kids if k.dep_ == "prep" and k.lower_ == "as"), None)
            if as_prep is not None:
                label_tok = next((k for k in as_prep.children if k.dep_ == "pobj" and plain_noun(k)), None)
        if label_tok is None:
            label_tok = next((k for k in kids if k.dep_ == "dobj" and plain_noun(k)), None)
        if label_tok is None:
            return None
        preps = [*kids, *label_tok.children]
        agent = next((k for k in preps if k.dep_ == "agent" or (k.dep_ == "prep" and k.lower_ == "by")), None)
        by = self._cand_in(agent.subtree) if agent is not None else None
        subj = next((k for k in kids if k.dep_ == "nsubj"), None)
        if subj is None and verb.pos_ == "NOUN":
            subj = next((k for k in kids if k.dep_ == "compound"), None)
        passive = any(k.dep_ == "auxpass" for k in kids) or (agent is not None and (
            verb.tag_ == "VBN" or (verb.tag_ == "VBD" and verb.i > 0 and self.doc[verb.i - 1].text == ",")))
        target: _Cand | None = None
        if verb.dep_ in ("relcl", "acl") and (subj is None or subj.lower_ in ("which", "that", "who") or passive
                                              or verb.dep_ == "relcl"):
            target = cand(verb.head)  # "X, which Washington lists as …", "X, designated … by Y"
        if target is None:
            target = cand(next((k for k in kids if k.dep_ == "nsubjpass"), None))
        if target is None:
            target = cand(next((k for k in kids if k.dep_ == "dobj" and k.i != label_tok.i), None))
        if target is None:
            target = cand(next((k for k in label_tok.children if k.dep_ == "nsubj"), None))
        if target is None and passive:
            target = cand(subj)  # "The Brigades, designated a group by Y, …" parsed with the verb as root
        if target is None:
            return None
        if by is None and not passive and subj is not None and subj.lower_ not in ("which", "that", "who"):
            by = cand(subj)
        return label_tok, target, by


def _label(span: Span, form: str) -> Label:
    return Label(start=span.start_char, end=span.end_char, text=span.text, form=form)  # type: ignore[arg-type]


def meaningful_label(text: str) -> bool:
    """Whether a label says something about the actor: not only quantifiers or degree words
    ("many", "other", "senior"), not a number ("46 percent"), not a dateline or agency ("AFP")."""
    words = re.findall(r"[\w'’-]+", text)
    if not words or any(ch.isdigit() for ch in text) or re.search(r"(?i)\b(?:percent|per cent)\b|%", text):
        return False
    if all(w.isupper() and len(w) > 1 for w in words):
        return False  # "AFP", "AP": a dateline or an agency, not a description
    content = [w for w in words if w.lower() not in NON_LABEL_WORDS and w.lower() not in {"the", "a", "an"}]
    return bool(content)


def _dedupe_labels(labels: list[Label]) -> list[Label]:
    seen: set[tuple[int, int]] = set()
    out = []
    for lab in sorted(labels, key=lambda x: x.start):
        if lab.form != "designation" and not meaningful_label(lab.text):
            continue
        if (lab.start, lab.end) not in seen:
            seen.add((lab.start, lab.end))
            out.append(lab)
    return out
