"""Speaker resolution: from the words that name a speaker to the actor they refer to.

Why a separate module: quotes name their speaker in many ways ("Jaafar al-Husseini",
"Hakim", "he", "the senior cleric") while the article establishes each actor once.
This resolver maps the first to the second with the actors extractor's mentions and
entities, and falls back to the parser's named entities (for a display name only)
when the actors output is absent.  It is deliberately conservative: a wrong speaker
is worse than none, so ambiguity returns ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..model import Analysis, Entity, Mention
from . import extractor
from .docindex import SentenceIndex

SINGULAR = frozenset("he she him his her i me".split())
PLURAL = frozenset("they them their we us".split())
NEUTER = frozenset({"it"})
PRONOUNS = SINGULAR | PLURAL | NEUTER

PERSONLIKE = frozenset({"PERSON"})
GROUPLIKE = frozenset({"ORG", "NORP", "GPE"})

#: Heads of descriptions that name a group of people ("officials said"): plural speakers.
_DETERMINERS = frozenset("the a an this that these those".split())


@dataclass
class Resolution:
    entity: str | None = None
    name: str | None = None


class SpeakerResolver:
    """Resolve speaker spans of one document; remembers earlier speakers for pronouns."""

    def __init__(self, doc: Doc, analysis: Analysis | None, sents: SentenceIndex | None = None) -> None:
        self.doc = doc
        self.mentions: list[Mention] = sorted(analysis.mentions, key=lambda m: m.start) if analysis else []
        self.entities: dict[str, Entity] = {e.id: e for e in analysis.entities} if analysis else {}
        self.history: list[tuple[int, Resolution, bool]] = []  # (char, resolution, plural)
        self.sents = sents or SentenceIndex(doc)
        self.ents = list(doc.ents)

    # ------------------------------------------------------------------ public

    def resolve(self, speaker: Span) -> str | None:
        """The entity id of ``speaker`` (or None); see :meth:`resolve_full`."""
        return self.resolve_full(speaker).entity

    def resolve_full(self, speaker: Span) -> Resolution:
        root = speaker.root
        res = Resolution()
        plural = root.tag_ in ("NNS", "NNPS") or root.lower_ in PLURAL
        if root.lower_ in PRONOUNS and len(speaker) <= 2:
            res = self._pronoun(root)
        else:
            res = self._mention(root, speaker) or self._description(root, speaker) or Resolution()
        if res.name is None and res.entity is None and root.ent_type_ in ("PERSON", "ORG"):
            ent = next((e for e in self.ents if e.start <= root.i < e.end), None)
            if ent is not None:
                res = Resolution(None, self._full_name(ent))
        if res.entity or res.name:
            self.history.append((speaker.start_char, res, plural))
        return res

    # ------------------------------------------------------------------ strategies

    def _entity_name(self, entity_id: str | None) -> str | None:
        ent = self.entities.get(entity_id or "")
        return ent.name if ent else None

    def _mention(self, root: Token, speaker: Span) -> Resolution | None:
        """A mention of the actors extractor that covers the speaker's head word."""
        for m in self.mentions:
            if m.start <= root.idx < m.end and m.entity:
                return Resolution(m.entity, self._entity_name(m.entity))
        # a name inside the head noun phrase ("Kata'ib Hezbollah's spokesman Jaafar al-Husseini")
        for m in self.mentions:
            if m.entity and speaker.start_char <= m.start and m.end <= speaker.end_char and m.type == "PERSON":
                tok = self._token_at(m.start)
                if tok is not None and tok.head.i == root.i and tok.dep_ in ("compound", "appos"):
                    return Resolution(m.entity, self._entity_name(m.entity))
        # a surname or alias whose text matches an established entity
        text = speaker.text.lower()
        matches = {
            e.id
            for e in self.entities.values()
            if e.type in ("PERSON", "ORG")
            and (
                text == e.name.lower()
                or text in (a.lower() for a in e.aliases)
                or (root.pos_ == "PROPN" and len(speaker) == 1 and e.name.split()[-1].lower() == text)
            )
        }
        if len(matches) == 1:
            eid = matches.pop()
            return Resolution(eid, self._entity_name(eid))
        return None

    def _description(self, root: Token, speaker: Span) -> Resolution | None:
        """"the senior cleric" → the one actor whose role or label contains "cleric"."""
        if root.pos_ != "NOUN" or root.tag_ in ("NNS", "NNPS"):
            return None
        first = speaker[0].lower_
        if first not in _DETERMINERS or first in ("a", "an"):
            return None  # "a spokesman for X" introduces someone new
        lemma = root.lemma_.lower()
        matches: set[str] = set()
        for e in self.entities.values():
            texts = [r.role for r in e.roles] + [lab.text for lab in e.labels] + e.aliases
            if any(lemma in t.lower().split() or root.lower_ in t.lower().split() for t in texts):
                matches.add(e.id)
        if len(matches) == 1:
            eid = matches.pop()
            return Resolution(eid, self._entity_name(eid))
        if matches or self.entities:
            return None
        # no actors output: the parser's view — an earlier "<description> <Name>" phrase
        found: set[str] = set()
        for tok in self.doc[: root.i]:
            if tok.lemma_.lower() != lemma:
                continue
            head = tok.head
            for cand in (head, *tok.children):
                ent = next((e for e in self.ents if e.start <= cand.i < e.end), None)
                if ent is not None and ent.label_ in ("PERSON", "ORG"):
                    found.add(self._full_name(ent))
        if len(found) == 1:
            return Resolution(None, found.pop())
        return None

    def _pronoun(self, root: Token) -> Resolution:
        """The entity the coreference pass tied the pronoun to; else speaker continuity.

        Pronouns are resolved in one place, :mod:`newsgraph.extract.coref.pronouns` (gender,
        number, syntax, salience), whose links arrive here as mentions of form "pronoun".  What
        only quotes know is added here: a pronoun the coreference left open ("I", "we", a "they"
        of people) is the most recent speaker of the same number within three sentences.
        """
        low = root.lower_
        plural = low in PLURAL
        for m in self.mentions:
            if m.start <= root.idx < m.end and m.entity and m.form == "pronoun":
                return Resolution(m.entity, self._entity_name(m.entity))
        # 1. the most recent speaker, when it is recent (within ~3 sentences)
        k = self.sents.index_of_token(root.i)
        window_start = self.sents.token_starts[max(0, k - 2)]  # this sentence and the two before
        window_char = self.doc[window_start].idx
        for char, res, pl in reversed(self.history):
            if char < window_char:
                break
            if pl == plural and char < root.idx:
                return res
        if self.mentions:
            return Resolution()  # the coreference pass found no antecedent: none is guessed here
        for ent in reversed([e for e in self.ents if e.end_char <= root.idx and e.start >= window_start]):
            if low in SINGULAR and ent.label_ == "PERSON":
                return Resolution(None, self._full_name(ent))
            if (plural or low in NEUTER) and ent.label_ in ("ORG", "NORP"):
                return Resolution(None, self._full_name(ent))
        return Resolution()

    # ------------------------------------------------------------------ helpers

    def _token_at(self, char: int) -> Token | None:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def _full_name(self, ent: Span) -> str:
        """The longest earlier (or same) PERSON/ORG name ending with this one's last word."""
        last = ent[-1].lower_
        best = ent.text
        for other in self.ents:
            if other.start > ent.start:
                break
            if other.label_ == ent.label_ and other[-1].lower_ == last and len(other.text) > len(best):
                best = other.text
        return best


_FIRST_PERSON = re.compile(r"\b(I|me|my|mine|myself)\b")


@extractor("quote_coref", field="entities", version="1", after=("actors", "quotes"))
def quote_coref(doc: Doc, analysis: Analysis) -> list[Entity]:
    """What only quotes tell coreference: who "I" is, and whose words a label is.

    The actors extractor clusters mentions before quotes are known; this pass, run after them,
    (1) adds "I", "me", "my" inside a direct quotation as pronoun mentions of the quote's speaker
    (sieve ``quote_speaker``: speaker continuity), and (2) sets ``Label.by`` to the speaker for
    every label inside a quotation's words, dropping the label when the speaker is unknown
    (crediting it to the outlet would be wrong).
    """
    pieces: list[tuple[int, int, str | None]] = []
    for q in analysis.quotes:
        if q.kind in ("direct", "mixed"):
            pieces.extend((c.start, c.end, q.speaker_entity) for c in q.content)
    if not pieces:
        return analysis.entities
    _first_person_mentions(analysis, pieces)
    out: list[Entity] = []
    for ent in analysis.entities:
        labels = []
        for lab in ent.labels:
            inside = next((p for p in pieces if p[0] <= lab.start and lab.end <= p[1]), None)
            if inside is None:
                labels.append(lab)
            elif inside[2] is not None and inside[2] != ent.id:
                labels.append(lab.model_copy(update={"by": inside[2]}))
        out.append(ent.model_copy(update={"labels": labels}) if labels != ent.labels else ent)
    return out


def _first_person_mentions(analysis: Analysis, pieces: list[tuple[int, int, str | None]]) -> None:
    """First-person singular pronouns in a quotation with a resolved speaker join that speaker."""
    known = {e.id: e for e in analysis.entities}
    taken = {(m.start, m.end) for m in analysis.mentions}
    text = analysis.article.text
    added: list[Mention] = []
    n = len(analysis.mentions)
    for start, end, speaker in pieces:
        ent = known.get(speaker or "")
        if ent is None or ent.type != "PERSON":
            continue
        for m in _FIRST_PERSON.finditer(text, start, end):
            if (m.start(), m.end()) in taken:
                continue
            n += 1
            mention = Mention(id=f"M{n}", start=m.start(), end=m.end(), text=m.group(0), entity=ent.id, type="PERSON",
                              form="pronoun", sieve="quote_speaker")
            added.append(mention)
            ent.mentions.append(mention.id)
            taken.add((m.start(), m.end()))
    if added:
        analysis.mentions = sorted([*analysis.mentions, *added], key=lambda m: m.start)
