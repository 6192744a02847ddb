"""Which mentions name the same actor: the person-name passes of the coreference sieve (coref.names),
acronyms and organisation short names, and one-word "persons" that are an organisation's name."""

from __future__ import annotations

import re

from cleanco import basename
from spacy.tokens import Span

from ... import gazetteer
from ..actor_lexicon import ORG_HEADS, ROLE_NOUNS
from ..coref import cluster_person_names
from ..coref.gender import HONORIFIC_GENDER, KINSHIP_GENDER
from ..coref.names import office_title
from .mentions import _TITLE_ABBREVIATIONS, _is_locative, _Mentions
from .state import _Cand, _tokens_matching, name_key

_ALL_CAPS = re.compile(r"(?<!\w)([A-Z]{2,6})(?!\w)")


def _initials(name: str) -> str:
    """The acronym a name's capitals make: "Federal Bureau of Investigation" -> "FBI"; a number
    word counts ("Movement 5 Stars" -> "M5S") and so does each capital inside a word written in
    camel case ("OpenBooks" -> "OB")."""
    out = []
    for w in re.split(r"[\s\-]+", name):
        if w.isdigit() and len(w) == 1:
            out.append(w)
        elif w and w[0].isupper():
            camel = w[1:] != w[1:].upper() and not re.match(r"Ma?c[A-Z]", w)  # not "McAllister"
            out.append(w[0] + ("".join(ch for ch in w[1:] if ch.isupper()) if camel else ""))
    return "".join(out)


class _Aliases(_Mentions):
    """Phase 2b (run by ``classify``): the keys that make two mentions one entity."""

    def _person_name_parts(self) -> set[str]:
        """The keys of the words of every multi-word person name in the article: a one-word
        mention that is one of them is that person's, not an organisation's short name."""
        return {name_key(t.text) for c in self.cands if c.label == "PERSON" and len(c.span) > 1 for t in c.span}

    def _persons_named_like_orgs(self) -> None:
        """A one-word "person" that is the core of an organisation's name in the article ("Ostara"
        after "the Church of Ostara") and no person's name part is that organisation again."""
        orgs = [c for c in self.cands if c.label == "ORG"]
        cores = set(self._org_cores(orgs))
        if not cores:
            return
        parts = self._person_name_parts()
        for c in self.cands:
            if c.label == "PERSON" and len(c.span) == 1 and name_key(c.span.text) in cores \
                    and name_key(c.span.text) not in parts:
                c.label = "ORG"
                c.key = ("org", name_key(c.span.text))

    def _resolve_persons(self) -> None:
        """Person mentions into people: the name passes of the coreference sieve (coref.names)."""
        persons = [c for c in self.cands if c.label == "PERSON"]
        for c in persons:
            c.title = self._title_before(c.span)
            c.kin = self._context_kin(c.span)
        sent_of = {s.start: n for n, s in enumerate(self.doc.sents)}
        links = cluster_person_names([(c.span.text, c.title, sent_of.get(c.span.sent.start, 0)) for c in persons],
                                     offices=[self._context_offices(c.span) for c in persons],
                                     genders=[KINSHIP_GENDER.get(c.kin) for c in persons])
        for c, link in zip(persons, links, strict=True):
            c.key = ("person", f"#{link.cluster}")
            c.sieve, c.ambiguous = link.sieve, link.ambiguous
            if link.surname:
                c.form = "surname"

    def _context_offices(self, span: Span) -> frozenset[str]:
        """Offices the text gives a person mention: role nouns just before it ("former Gov. Ann
        Marlow", "Democratic presidential nominee Hillary Clinton"), its apposition ("Ann Marlow,
        the governor") or the role it is the apposition of ("the governor, Ann Marlow").  They tie
        an office title used elsewhere ("Governor Marlow") to this full name (coref.names)."""
        doc = self.doc
        found: set[str] = set()
        i = span.start - 1
        while i >= 0 and span.start - i <= 6 and i not in self.token_cand and (
                doc[i].pos_ in {"NOUN", "PROPN", "ADJ"} or doc[i].text.rstrip(".").lower() in _TITLE_ABBREVIATIONS):
            office = office_title(doc[i].text) if self._title_word(doc[i].text) else ""
            if office:
                found.add(office)
            i -= 1
        root = span.root
        roles = [ch for ch in root.children if ch.dep_ == "appos" and ch.i >= span.end]
        if root.dep_ == "appos" and root.head.i < span.start:
            roles.append(root.head)
        found.update(office_title(t.lemma_) for t in roles if t.lemma_.lower() in ROLE_NOUNS)
        found.discard("")
        return frozenset(found)

    def _context_kin(self, span: Span) -> str:
        """The gender a kinship apposition states: "former Governor Marlow, her father" is male,
        whatever the registry says of a first name used by another Marlow.  The kinship noun, or ''."""
        root = span.root
        kin = [ch for ch in root.children if ch.dep_ == "appos" and ch.i >= span.end]
        if root.dep_ == "appos" and root.head.i < span.start:
            kin.append(root.head)
        return next((t.lower_ for t in kin if t.lower_ in KINSHIP_GENDER), "")

    def _title_before(self, span: Span) -> str:
        """The honorific or capitalised title just before a name ("Mrs.", "Sen.", "President")."""
        if span.start == 0:
            return ""
        prev = self.doc[span.start - 1]
        word = prev.text.rstrip(".").lower()
        if word in HONORIFIC_GENDER or word in _TITLE_ABBREVIATIONS or (prev.text[:1].isupper() and self._title_word(word)):
            return prev.text
        return ""

    def _resolve_acronyms(self) -> None:
        orgs = [c for c in self.cands if c.label == "ORG"]
        added = False
        for t in _tokens_matching(self.doc, _ALL_CAPS) if orgs else ():  # acronyms the tagger missed
            if t.i in self.token_cand:
                continue
            if any(len(o.span.text) > len(t.text) and _initials(o.span.text) == t.text for o in orgs):
                self._add_cand(_Cand(self.doc[t.i : t.i + 1], "ORG", key=("org", name_key(t.text))))
                added = True
        if added:
            self.cands.sort(key=lambda c: c.span.start)
            orgs = [c for c in self.cands if c.label == "ORG"]
        for c in orgs:
            text = c.span.text.replace(".", "")  # "F.B.I." is "FBI"
            if re.fullmatch(r"[A-Z]{2,6}", text):
                if c.span.text != text:
                    c.key = ("org", name_key(text))
                matches = {o.key for o in orgs if o is not c and len(o.span.text) > len(text)
                           and _initials(o.span.text) == text}
                if len(matches) == 1:
                    c.key, c.form, c.sieve = next(iter(matches)), "acronym", "acronym"
        self._org_short_names(orgs)
        self._company_short_names(orgs)

    def _company_short_names(self, orgs: list[_Cand]) -> None:
        """ "Jayark" (tagged a place) after "Jayark Corp.", "Kofcoh" (tagged a person) after "Kofcoh
        Imports Inc.": business copy names a company again by the first word of its name, and the
        tagger labels that word anything.  A company is an organisation whose name carries a legal
        form (Inc., Corp., PLC, AG …: the terms of the ``cleanco`` package).  A one-word mention
        that is the first word of exactly one company's name becomes that company, unless it is a
        known place or demonym, is used as a place ("in X"), is part of a person's full name in the
        article, or follows a title."""
        companies: dict[str, set[tuple[str, str]]] = {}
        for o in orgs:
            if o.key is None or len(o.span) < 2:
                continue
            full = o.span.text.strip()
            base = basename(full).strip()
            if not base or base == full:
                continue  # no legal form: not known to be a company
            first = base.split()[0]
            if first[:1].isupper() and len(first) >= 3 and first.isalpha():
                companies.setdefault(name_key(first), set()).add(o.key)
        if not companies:
            return
        parts = self._person_name_parts()
        placed = {name_key(c.span.text) for c in self.cands if _is_locative(c.span)}
        for c in self.cands:
            if len(c.span) != 1 or c.label not in {"PERSON", "GPE", "LOC", "NORP", "FAC", "ORG"}:
                continue
            word = c.span.text
            key = name_key(word)
            keys = companies.get(key, set())
            if len(keys) != 1 or c.key in keys or key in placed:
                continue
            if gazetteer.known_place(word) or gazetteer.country_for_demonym(word):
                continue
            if c.label == "PERSON" and (key in parts or self._title_before(c.span)):
                continue
            c.label, c.key, c.sieve, c.country, c.canonical, c.kind = "ORG", next(iter(keys)), "org_short_name", None, None, None

    @staticmethod
    def _org_cores(orgs: list[_Cand]) -> dict[str, list[_Cand]]:
        """Organisation names without their head words: "Church of Scientology" -> "scientology"."""
        out: dict[str, list[_Cand]] = {}
        for o in orgs:
            words = [t for t in o.span if t.is_alpha]
            if len(words) < 2:
                continue
            core = [t.text for t in words if t.lower_ not in ORG_HEADS and t.lower_ not in {"of", "the", "for", "and"}]
            if core and len(core) < len(words):
                out.setdefault(name_key(" ".join(core)), []).append(o)
        return out

    def _org_short_names(self, orgs: list[_Cand]) -> None:
        """ "Scientology" after "the Church of Scientology", "Harrow" after "Harrow School", "the Red
        Sox" after "the Boston Red Sox": an organisation named again without its head words or its
        leading place name (a gazetteer city, region or country), when exactly one longer name fits;
        "the Society" after "the Halden Society of Engineers": "the" and the capitalised head word of
        exactly one organisation's longer name."""
        full = {core: {o.key for o in found if o.key is not None} for core, found in self._org_cores(orgs).items()}
        home: dict[str, set[tuple[str, str]]] = {}
        for o in orgs:  # "the Red Sox" after "the Boston Red Sox": the home town dropped
            words = [t for t in o.span if not t.is_punct]
            for k in (1, 2):  # also a two-word country or a demonym ("the Iraqi Supreme Court")
                lead = " ".join(t.text for t in words[:k])
                if len(words) >= k + 1 and o.key is not None and lead[:1].isupper() and (
                        gazetteer.city(lead) or gazetteer.region(lead) or gazetteer.country(lead)
                        or (k == 1 and len(words) >= 3 and gazetteer.country_for_demonym(lead))):
                    home.setdefault(name_key(" ".join(t.text for t in words[k:])), set()).add(o.key)
                    full.setdefault(name_key(" ".join(t.text for t in words[k:])), set()).add(o.key)
        for c in self.cands:  # "Pirates" tagged a place after "the Pittsburgh Pirates"
            keys = home.get(name_key(c.span.text), set())
            if c.label in {"GPE", "NORP", "LOC", "FAC"} and len(keys) == 1 and not gazetteer.known_place(c.span.text):
                c.label, c.key, c.sieve, c.country, c.canonical, c.kind = "ORG", next(iter(keys)), "org_short_name", None, None, None
        heads: dict[str, set[tuple[str, str]]] = {}  # "the Society" after "the Halden Society of Engineers"
        for o in orgs:
            words = [t for t in o.span if t.is_alpha]
            if len(words) >= 2 and o.key is not None:
                for t in words:
                    if t.lower_ in ORG_HEADS and t.text[:1].isupper():
                        heads.setdefault(t.lower_, set()).add(o.key)
        for c in orgs:
            if c.form != "name" or c.key is None:
                continue
            keys = full.get(name_key(c.span.text), set())
            if not keys and len(c.span) == 1 and c.span.start > 0 and self.doc[c.span.start - 1].lower_ == "the" \
                    and c.span[0].text[:1].isupper():
                keys = heads.get(c.span[0].lower_, set())
            if len(keys) == 1 and c.key not in keys:
                c.key, c.sieve = next(iter(keys)), "org_short_name"
