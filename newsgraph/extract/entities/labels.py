"""Labels: premodifiers ("the occupying United States"), "so-called", predicate nominals, and
designations other actors apply ("X, which Washington lists as a terrorist organisation")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ...model import Label
from ..actor_lexicon import meaningful_label
from .mentions import _title_case_line
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
                if _denied_or_unreal(cop):
                    continue
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

    def clean_labels(self) -> None:
        """Keep only labels that describe the actor, judged on the parse, after every phase that adds one.

        Why here and not in each phase: appositions, predicates, epithets and premodifiers are found
        by different rules with the same failure modes on real pages — a tweet embed's "(@handle)
        March 3" read as an apposition, "Thousands" or "all times" as a predicate, "back" or
        "checking" parsed as adjectives of a name, a headline's capitalised verb ("… Rip Donald
        Trump") split off as a nickname.  Rules, in order:

        * quotation marks and punctuation at the edges are trimmed off the label's span;
        * a label with a handle, an address or a line break ("Email * / Name": a form's fields), or
          made only of dates, times and numbers is dropped;
        * a word split at a hyphen is made whole again ("a co" + "founder" → "a co-founder"), and a
          premodifier joined to the name by a hyphen is dropped ("anti" of "anti-Muslim"): a prefix;
        * a noun-phrase label (apposition, predicate, designation) is headed by a common noun and
          holds no finite verb (a clause, "this reeks of …", is no label);
        * a premodifier is an adjective, or a participle after a determiner ("the occupying X");
          of a place only the participle: "upstate", "northern", "corporate" (America) name a
          part of the place, not a description of it;
        * a nickname (descriptor) split off a name must look like an adjective (a participle, or
          an adjective's ending: "Crooked", "Sleepy") and must not open its sentence or sit in a
          headline — a line where every word is capitalised: capitals carry no signal there
          ("Rival Hillary Clinton had mocked …", "Crime Bill");
        * "called X" without "so" names, it does not label ("a man called Trump").
        """
        doc = self.doc
        for ent in self.ents:
            kept: list[Label] = []
            for lab in ent.labels:
                span = doc.char_span(lab.start, lab.end, alignment_mode="expand")
                if span is None:
                    kept.append(lab)
                    continue
                a, b = span.start, span.end
                if lab.form == "premodifier" and b < len(doc) and _hyphen_joined(doc, b - 1):
                    continue  # "anti" of "anti-Muslim rhetoric": a prefix of the name, no label
                while a > 0 and _hyphen_joined(doc, a - 1):
                    a -= 2 if doc[a - 1].text == "-" and a >= 2 else 1  # "co-founder", not "founder"
                while b < len(doc) and _hyphen_joined(doc, b - 1) and lab.form != "premodifier":
                    b += 2 if doc[b].text == "-" and b + 1 < len(doc) else 1
                while a < b and (doc[a].is_punct or doc[a].is_quote):
                    a += 1
                while b > a and (doc[b - 1].is_punct or doc[b - 1].is_quote):
                    b -= 1
                if a == b:
                    continue
                span = doc[a:b]
                if (span.start, span.end) != (a, b) or span.start_char != lab.start or span.end_char != lab.end:
                    lab = lab.model_copy(update={"start": span.start_char, "end": span.end_char, "text": span.text})
                if _label_is_junk(span, lab.form, place=ent.type in ("GPE", "LOC", "FAC")):
                    continue
                kept.append(lab)
            ent.labels = kept

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


_NUMERIC_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
_NOUN_FORMS = frozenset({"apposition", "predicate", "designation"})


def _denied_or_unreal(verb: Token) -> bool:
    """A predicate that says the opposite or only supposes it: "X is not the solution", "no, this
    isn't about whether X is a saviour", "I don't think X is a liar" (a negation on the verb or
    on a verb above it), "if X were a woman" (a condition).  Its noun is no label of X."""
    if any(k.dep_ == "mark" and k.lower_ in {"if", "unless", "whether"} for k in verb.children):
        return True
    tok: Token | None = verb
    while tok is not None:
        if any(k.dep_ == "neg" for k in tok.children):
            return True
        tok = tok.head if tok.head.i != tok.i else None
    return False


def _hyphen_joined(doc: Doc, i: int) -> bool:
    """Whether token ``i`` and the next are one hyphenated word ("co-founder": co | - | founder)."""
    if i + 1 >= len(doc) or doc[i].whitespace_:
        return False
    return doc[i].text == "-" or doc[i + 1].text == "-"


_ADJECTIVE_ENDING = re.compile(r"(?i)(?:ed|ing|in'|in’|y|ous|ful|ive|less|al|ic|ish|ent|ant|ible|able|ile)$")


def _label_is_junk(span: Span, form: str, *, place: bool = False) -> bool:
    """The parse-based rules of :meth:`_Labels.clean_labels` (see there for why)."""
    words = [t for t in span if not t.is_punct]
    if not words or "\n" in span.text or any(t.like_url or t.like_email or t.text.startswith("@") for t in span):
        return True
    if all(t.ent_type_ in _NUMERIC_ENTS or t.like_num or t.pos_ == "DET" for t in words):
        return True
    if form in _NOUN_FORMS and (span.root.pos_ != "NOUN" or any(t.tag_ in _FINITE for t in span)):
        return True
    if form == "premodifier":
        first = span[0].i
        after_det = first > 0 and (span.doc[first - 1].pos_ == "DET" or span.doc[first - 1].tag_ == "PRP$")
        for t in words:
            if (t.pos_ == "ADJ" and not place) or (t.tag_ in ("VBN", "VBG") and after_det):
                continue
            if t.lower_ in ("and", "or"):
                continue
            return True
    if form == "descriptor":
        word = span[0]
        if word.is_sent_start or _title_case_line(span):
            return True
        if not (word.tag_ in ("JJ", "JJR", "JJS", "VBN", "VBG") or _ADJECTIVE_ENDING.search(word.text)):
            return True
    return form == "so_called" and not any(t.lower_ in ("so", "so-called") for t in span)


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _label(span: Span, form: str) -> Label:
    return Label(start=span.start_char, end=span.end_char, text=span.text, form=form)  # type: ignore[arg-type]


def _dedupe_labels(labels: list[Label]) -> list[Label]:
    """Labels in text order (ties in the order the phases found them), each once: a label inside
    a longer one ("co-founder" in "a co-founder") is the same label, unless it is a designation,
    which carries who applies it."""
    kept = [lab for lab in labels if lab.form == "designation" or meaningful_label(lab.text)]
    spans = {(lab.start, lab.end) for lab in kept}
    seen: set[tuple[int, int]] = set()
    out = []
    for lab in sorted(kept, key=lambda x: x.start):
        inside = any(s <= lab.start and lab.end <= e and (s, e) != (lab.start, lab.end) for s, e in spans)
        if (lab.start, lab.end) in seen or (inside and lab.form != "designation"):
            continue
        seen.add((lab.start, lab.end))
        out.append(lab)
    return out
