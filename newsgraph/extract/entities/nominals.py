"""Nominals: a definite description ("the senior cleric", "the ministry") as a mention of the one
person or organisation named before that it fits."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

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

    def predicate_mentions(self) -> None:
        """What the article says a named person or organisation *is* is a mention of it: the
        predicate nominative ("Ann Marlow was a professor of law at Halden University", "she became
        the first woman to …", "he was elected a fellow of …") and the apposition ("Tom Reyes, the
        mayor of Eastport, …").  Coreference corpora annotate these as mentions of the subject
        (GUM, OntoNotes' appositions); newsgraph kept them only as labels and roles, so a
        description naming another actor ("a son of Johann Reyes") counted as that actor's.

        The mention spans the predicate's whole noun phrase within its sentence (its relative
        clause and coordinated predicates included) and is added last, over the tokens of other
        mentions, which keep theirs; it is never an alias.  Not when negated ("was not a member"),
        when the subject is coordinated ("Reyes and Lowe are members": a plural predicate of two
        people), or when the predicate is itself a mention (two names: "the winner was Lowe")."""
        holder: dict[int, _Cand] = {}
        for c in self.cands:
            if c.entity is not None:
                for t in c.span:
                    holder.setdefault(t.i, c)
        taken = {(c.span.start, c.span.end) for c in self.cands}
        added: list[_Cand] = []
        for c in list(self.cands):
            if c.entity is None or c.form == "description" or self.ents[c.entity].type not in ("PERSON", "ORG"):
                continue
            for head, sieve, limit in _predicates(c.span):
                if not self._describes(head, holder, sieve):
                    continue
                span = _phrase(head, self._other_actor_tokens(holder, c.entity), limit)
                if span is None or (span.start, span.end) in taken or (
                        span.start < c.span.end and c.span.start < span.end) or "\n" in span.text:
                    continue
                if sieve == "apposition" and not _set_off(c.span, span):
                    continue
                ent = self.ents[c.entity]
                cand = _Cand(span, ent.type, form="description", key=ent.key, entity=c.entity, sieve=sieve.removesuffix("_as"))
                ent.cands.append(cand)
                added.append(cand)
                taken.add((span.start, span.end))
        if added:
            self.cands.extend(added)
            self.cands.sort(key=lambda c: (c.span.start, c.span.end))

    def _describes(self, head: Token, holder: dict[int, _Cand], sieve: str) -> bool:
        """Whether ``head`` can head a description of a person or organisation: a common noun (or
        "one" of "one of the founders") that is no mention itself — but a demonym or creed after
        "a" is ("she became a Christian": a mention of the group, said of her); after "as" only a
        role noun ("served as president", not "as a result")."""
        inner = holder.get(head.i)
        if inner is not None:
            ent = self.ents[inner.entity] if inner.entity is not None else None
            if ent is None or ent.type in ("PERSON", "ORG") or not any(
                    k.dep_ == "det" and k.lower_ in ("a", "an") for k in head.children):
                return False
        elif head.pos_ == "NUM":
            return head.lower_ == "one" and any(k.dep_ == "prep" and k.lower_ == "of" for k in head.children)
        elif head.pos_ not in ("NOUN", "PROPN"):
            return False
        return sieve != "predicate_as" or inner is not None or head.lemma_.lower() in ROLE_NOUNS \
            or head.lower_ in ROLE_NOUNS

    def _other_actor_tokens(self, holder: dict[int, _Cand], entity: int) -> set[int]:
        """Tokens of the mentions of people and organisations other than ``entity``."""
        return {i for i, c in holder.items() if c.entity != entity and c.entity is not None
                and self.ents[c.entity].type in ("PERSON", "ORG")}


_COPULAS = frozenset({"be", "become", "remain"})


def _predicates(name: Span) -> list[tuple[Token, str, int | None]]:
    """The heads of the noun phrases that say what ``name`` is, with the sieve that finds them and
    where the phrase must end (None: its subtree): predicate nominatives of a copula whose subject
    it is, the same in a relative clause ("X, who is a …"), a naming verb's object predicate
    ("was elected a fellow", "appointed him steward": ``oprd``), also of a verb coordinated with
    the clause's verb that has no subject of its own, and an "as" phrase ("served as
    president", "hired him as coach") — of the object when the verb has one, else of the subject —
    its appositions ("X, a teacher") and the role it is the apposition of ("the mayor, X")."""
    root = name.root
    out: list[tuple[Token, str, int | None]] = []
    clauses: list[tuple[Token, bool]] = []  # (verb, name is its object)
    if root.dep_ in ("nsubj", "nsubjpass") and not any(k.dep_ == "conj" for k in root.children):
        clauses.append((root.head, False))
    elif root.dep_ == "dobj":
        clauses.append((root.head, True))
    clauses += [(r, False) for r in root.children if r.dep_ == "relcl" and any(
        k.dep_ in ("nsubj", "nsubjpass") and k.lower_ in ("who", "which", "that") for k in r.children)]
    # "X graduated in 2006 and was named the MVP": a coordinated verb without a subject of its own
    clauses += [(k, False) for verb, obj in list(clauses) if not obj for k in verb.children
                if k.dep_ == "conj" and k.pos_ in ("VERB", "AUX")
                and not any(ch.dep_ in ("nsubj", "nsubjpass", "expl") for ch in k.children)]
    for verb, is_object in clauses:
        if any(k.dep_ == "neg" for k in verb.children):
            continue
        has_object = any(k.dep_ == "dobj" for k in verb.children)
        if has_object != is_object:
            if not is_object:
                out += [(k, "predicate", None) for k in verb.children if k.dep_ == "attr" and verb.lemma_ in _COPULAS]
            continue
        for k in verb.children:
            if (k.dep_ == "attr" and verb.lemma_ in _COPULAS and not is_object) or k.dep_ == "oprd":
                out.append((k, "predicate", None))
            elif k.dep_ == "prep" and k.lower_ == "as":
                out += [(p, "predicate_as", None) for p in k.children if p.dep_ == "pobj"]
    out += [(k, "apposition", None) for k in root.children if k.dep_ == "appos" and k.i >= name.end]
    if root.dep_ == "appos" and root.head.i < name.start:
        out.append((root.head, "apposition", root.left_edge.i))
    return out


def _set_off(name: Span, phrase: Span) -> bool:
    """Whether an apposition is set off from its name by a comma, dash or parenthesis ("Reyes, a
    teacher"; "the mayor, Reyes"): without one the parse's ``appos`` is mostly a caption or a list
    glued together ("Reyes Image")."""
    doc = name.doc
    gap = doc[name.end : phrase.start] if phrase.start >= name.end else doc[phrase.end : name.start]
    return any(t.text in {",", "(", "-", "–", "—"} for t in gap)


def _phrase(head: Token, stops: set[int], limit: int | None = None) -> Span | None:
    """The noun phrase of ``head``: its subtree inside its sentence, after the last token of
    ``stops`` before the head and up to the first one after it (another actor's name keeps its own
    tokens: "a Halden University lecturer" gives "lecturer"), without edge punctuation or a
    dangling preposition, article or conjunction."""
    doc = head.doc
    sent = head.sent
    a, b = max(head.left_edge.i, sent.start), min(head.right_edge.i + 1, sent.end, limit or len(doc))
    b = next((i for i in range(head.i + 1, b) if i in stops), b)
    if head.i in stops:
        return None
    a = max([a, *(i + 1 for i in range(a, head.i) if i in stops)])  # "a Halden instructor": "instructor"
    while a < head.i and (doc[a].tag_ == "POS" or doc[a].is_punct):
        a += 1
    while b > head.i + 1 and doc[b - 1].pos_ in ("ADP", "DET", "CCONJ", "PART", "PRON", "SCONJ") \
            and doc[b - 1].tag_ != "PRP":
        b -= 1
    while a < b and (doc[a].is_punct or doc[a].is_quote or doc[a].is_space):
        a += 1
    while b > a and (doc[b - 1].is_punct or doc[b - 1].is_quote or doc[b - 1].is_space):
        b -= 1
    return doc[a:b] if a < b and a <= head.i < b else None
