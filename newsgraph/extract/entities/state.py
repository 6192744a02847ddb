"""What every phase reads and writes: a candidate mention, an entity, and the builder's state.

:class:`_Cand` is one mention as the phases refine it (its span, label, key and, once clustered,
its entity); :class:`_Ent` one entity with the roles and labels found for it.  The builder
(:class:`~newsgraph.extract.entities._Builder`) is one class made of one mixin per phase, each
over :class:`_BuilderBase`, which holds the shared lists and the token index.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ... import gazetteer
from ...model import Label, Role


def name_key(text: str) -> str:
    """A key that survives transliteration noise: no case, diacritics, apostrophes, hyphens or spaces."""
    key = gazetteer.fold(text)
    key = re.sub(r"'s$", "", key)
    return re.sub(r"[\s\-'’‘`]", "", key)


def _tokens_matching(doc: Doc, pattern: re.Pattern[str]) -> Iterable[Token]:
    """Tokens whose text matches ``pattern`` — a regex scan of the text is much cheaper than
    creating a Python object for every token of the document."""
    for m in pattern.finditer(doc.text):
        span = doc.char_span(m.start(1) if m.re.groups else m.start(), m.end(1) if m.re.groups else m.end())
        if span is not None and len(span) == 1:
            yield span[0]


@dataclass
class _Cand:
    span: Span
    label: str
    form: str = "name"
    key: tuple[str, str] | None = None
    entity: int | None = None
    country: str | None = None
    canonical: str | None = None
    kind: str | None = None
    sieve: str | None = None
    ambiguous: bool = False
    title: str = ""
    kin: str = ""  # a kinship noun in apposition ("her father"): the mention's stated gender


@dataclass
class _Ent:
    key: tuple[str, str]
    type: str
    kind: str
    name: str
    country: str | None = None
    cands: list[_Cand] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    part_of: list[int] = field(default_factory=list)
    gender: str | None = None
    gender_evidence: list[str] = field(default_factory=list)


class _BuilderBase:
    """The state the phases share: the candidates, the entities, and which token is in which candidate."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.cands: list[_Cand] = []
        self.ents: list[_Ent] = []
        self.by_key: dict[tuple[str, str], int] = {}
        self.token_cand: dict[int, _Cand] = {}
        self.epithets: list[tuple[Span, _Cand]] = []  # "Crooked" of "Crooked Hillary", and its name

    def _add_cand(self, cand: _Cand) -> None:
        """A new mention: listed, and each of its tokens answers which mention holds it.  (The
        caller re-sorts ``cands`` by start once it has added all of its own.)"""
        self.cands.append(cand)
        for t in cand.span:
            self.token_cand[t.i] = cand

    def _cand_in(self, tokens: Iterable[Token]) -> _Cand | None:
        for t in tokens:
            c = self.token_cand.get(t.i)
            if c is not None and c.entity is not None:
                return c
        return None
