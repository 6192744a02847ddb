"""Actors within one article: entity mentions, clustered into entities, with roles and labels.

Why not just ``doc.ents``: the small English model predictably mislabels armed
groups and movements as people ("Kata'ib Hezbollah" PERSON), splits names
("Kata'ib" + "Hezbollah's"), and cannot know that "Hakim" is the "Ammar al-Hakim"
of two paragraphs up, that "US", "Washington" and "American" are one actor, or
that "Baghdad" in "talks between Baghdad and Washington" is the Iraqi
government.  This module fixes those with rules over the parse and a gazetteer
from registry packages, and reads roles from titles ("White House press
secretary Jen Psaki") and appositions ("X, a spokesman for Y").

This extractor fills two fields: it returns ``entities`` and sets
``analysis.mentions`` (the mentions are the evidence of the entities).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .. import gazetteer
from ..model import Analysis, Entity, Label, Mention, Role
from ..model import Span as TextSpan
from . import extractor
from .actor_lexicon import (
    ARMED_WORDS,
    GOV_WORDS,
    IGO_NAMES,
    LOCATIVE_PREPS,
    MEDIA_WORDS,
    NON_LABEL_WORDS,
    ORG_HEADS,
    ORG_NAME_WORDS,
    PART_OF_NOUNS,
    PARTY_WORDS,
    ROLE_NOUNS,
)
from .coref import Antecedent, cluster_person_names, given_name_gender, honorific_gender, parse_name, resolve_pronouns
from .coref.gender import HONORIFIC_GENDER

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
#: Abbreviated titles before a name (the full words are in ROLE_NOUNS).
_TITLE_ABBREVIATIONS = frozenset({"dr", "sen", "rep", "gov", "lt", "gen", "col", "sgt", "capt", "cmdr", "adm", "prof",
                                  "rev", "fr", "pres", "amb", "supt", "insp", "det", "cpl", "pvt", "maj", "hon"})
_PERSON_ORG_HEADS = {"movement", "group", "militia", "brigade", "brigades", "party", "front", "organization",
                     "organisation", "battalion", "battalions"}


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


_CAPITALISED = re.compile(r"(?<![\w'’])([A-Z][\w-]*(?:['’](?!s\b)[\w-]+)*)")
_ALL_CAPS = re.compile(r"(?<!\w)([A-Z]{2,6})(?!\w)")
DESIGNATION_VERBS = frozenset(
    "designate list label brand call dub term describe consider deem regard classify blacklist".split()
)
_DESIGNATE = re.compile(
    r"(?i)\b((?:designat|list|label|brand|call|dub|term|describ|consider|deem|regard|classif|blacklist)\w*)\b"
)
_PART_OF = re.compile(r"(?i)\b((?:" + "|".join(sorted(PART_OF_NOUNS)) + r")s?)\s+of\b")


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


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].pos_ in {"DET", "PUNCT"} or doc[start].lower_ in {"the", "a", "an"}):
        start += 1
    while end > start and (doc[end - 1].pos_ == "PUNCT" and doc[end - 1].text not in {".", ")"}
                           or doc[end - 1].tag_ == "POS"):
        end -= 1
    if end > start and doc[end - 1].text == "." and not re.fullmatch(r"(?:[A-Z]\.)+", doc[start:end].text[-4:]
                                                                    .split()[-1]):
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


def _extend_left(span: Span, taken: set[int]) -> Span:
    doc = span.doc
    start = span.start
    while start > 0:
        prev = doc[start - 1]
        if prev.i in taken or prev.pos_ != "PROPN" or not prev.text[:1].isupper():
            break
        if prev.lower_ in ROLE_NOUNS or prev.dep_ not in {"compound", "nmod", "amod"}:
            break
        if prev.ent_type_ and prev.ent_type_ not in {"ORG", "PERSON", "NORP"}:
            break
        start -= 1
    return doc[start : span.end]


def _strip_title(span: Span) -> Span:
    """ "State Treasurer Maria Delgado" -> "Maria Delgado": the title is read as a role later."""
    cut = span.start
    for t in span[:-1]:
        if t.lower_ in ROLE_NOUNS:
            cut = t.i + 1
    return span.doc[cut : span.end] if cut < span.end else span


def _is_title_word(span: Span) -> bool:
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    return (len(span) == 1 and nxt is not None and nxt.lower_ in ROLE_NOUNS and nxt.text[:1].isupper()
            and gazetteer.country(span.text) is None and gazetteer.city(span.text) is None)


def _is_locative(span: Span) -> bool:
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS:
        return True
    return False


_PARTY_ADJECTIVES = frozenset({"liberal", "liberals", "conservative", "conservatives", "democrat", "democrats",
                               "republican", "republicans", "labour", "tory", "tories", "green", "greens"})
_PLACE_OF_HEADS = frozenset({"city", "town", "village", "municipality", "county", "port", "district", "suburb",
                             "outskirts", "centre", "center", "streets", "downtown", "mayor", "council"})


def _is_place_modifier(span: Span) -> bool:
    """ "a Beijing train station", "City of Ottawa light rail": the capital names the city itself,
    not the country's government ("Beijing officials", "the Beijing government" still do)."""
    root = span.root
    head = root.head
    if root.dep_ in {"compound", "nmod", "amod"} and head.pos_ == "NOUN" and head.i != root.i:
        words = {t.lower_ for t in head.subtree if t.i >= span.end} | {head.lower_, head.lemma_.lower()}
        return not words & (ROLE_NOUNS | GOV_WORDS | {"officials", "authorities", "government", "regime", "leaders"})
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _PLACE_OF_HEADS:
        return True
    return span.start > 1 and span.doc[span.start - 1].lower_ == "of" and span.doc[span.start - 2].lower_ in _PLACE_OF_HEADS


def _corrected_label(span: Span, label: str) -> str:
    words = {t.lower_ for t in span}
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if label in {"PERSON", "GPE", "NORP", "LOC", "FAC"} and words & ORG_NAME_WORDS:
        if label != "PERSON" or words & (ORG_NAME_WORDS - {"group"}):
            return "ORG"
    if nxt is not None and nxt.pos_ == "NOUN" and nxt.lower_ in ORG_HEADS:
        if label in {"GPE", "NORP", "LOC", "FAC"} and not gazetteer.country(span.text):
            if nxt.lower_ in _PERSON_ORG_HEADS:
                return "ORG"
        if label == "PERSON" and nxt.lower_ in _PERSON_ORG_HEADS:
            return "ORG"
    if label in {"GPE", "LOC"} and not (gazetteer.country(span.text) or gazetteer.city(span.text)
                                        or gazetteer.region(span.text) or gazetteer.capital_of(span.text)):
        if re.fullmatch(r"[A-Z]{2,6}", span.text.replace(".", "")):
            return "ORG"  # "the NRA", "the F.B.I.": an unknown all-capitals "place" is an organisation's acronym
        for child in span.root.children:
            if child.dep_ == "appos" and child.lemma_.lower() in ROLE_NOUNS:
                return "PERSON"  # "Jabouri, a teacher": people have roles, places do not
    if label == "PERSON":
        for child in span.root.children:
            if child.dep_ == "appos" and child.lemma_.lower() in ORG_HEADS and child.lemma_.lower() not in ROLE_NOUNS:
                return "ORG"
    return label


def _org_kind(name: str, extra_words: Iterable[str] = ()) -> str:
    folded = gazetteer.fold(name)
    words = set(re.findall(r"[\w']+", folded)) | {w.lower() for w in extra_words}
    if folded in IGO_NAMES:
        return "international_organisation"
    if folded in {"white house", "kremlin", "pentagon", "downing street", "elysee", "state department"}:
        return "government"
    if words & ARMED_WORDS:
        return "armed_group"
    if words & PARTY_WORDS:
        return "party"
    if words & MEDIA_WORDS:
        return "media"
    if words & GOV_WORDS:
        return "government"
    return "organisation"


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w[0].isupper()]
    return "".join(w[0] for w in words)


class _Builder:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.cands: list[_Cand] = []
        self.ents: list[_Ent] = []
        self.by_key: dict[tuple[str, str], int] = {}
        self.token_cand: dict[int, _Cand] = {}
        self.epithets: list[tuple[Span, _Cand]] = []  # "Crooked" of "Crooked Hillary", and its name

    # -- mentions ---------------------------------------------------------
    def collect(self) -> None:
        taken: set[int] = set()
        spans: list[tuple[Span, str]] = []
        for ent in self.doc.ents:
            if ent.label_ not in ACTOR_LABELS:
                continue
            span = _trim(ent)
            if span is None or not any(t.is_alpha for t in span):
                continue
            spans.append((span, ent.label_))
            taken.update(range(span.start, span.end))
        for span, label in spans:
            span = _extend_left(span, taken - set(range(span.start, span.end)))
            label = _corrected_label(span, label)
            if label == "PERSON":
                span = _strip_title(span)
            elif label == "ORG" and _is_title_word(span):
                continue  # "Transport" in "Transport Minister Grace Wanjiru" belongs to the role
            cand = _Cand(span, label)
            self.cands.append(cand)
            for i in range(span.start, span.end):
                self.token_cand[i] = cand
        self.cands.sort(key=lambda c: c.span.start)

    def classify(self) -> None:
        self._untagged_people()
        self._epithets()
        self._surnames_across_labels()
        for c in self.cands:
            text = c.span.text
            if c.label in {"ORG", "NORP"} and not ({t.lower_ for t in c.span} & ORG_NAME_WORDS) and (
                gazetteer.country(text) or gazetteer.city(text) or gazetteer.region(text)
            ) and not gazetteer.country_for_demonym(text):
                c.label = "GPE"  # "Mombasa's dockers" tagged ORG/NORP: a place name is a place
            if c.label in {"GPE", "LOC", "FAC"} and len(c.span) == 1 and text.lower() in _PARTY_ADJECTIVES:
                c.label = "NORP"  # "Liberal" in "the Liberal government": a party, not Liberal, Kansas
            if c.label in {"GPE", "LOC", "FAC"} and self._small_town_as_person(c):
                c.label = "PERSON"  # "Obama said": not Obama, Fukui
                continue
            if c.label in {"GPE", "LOC", "FAC"}:
                country = gazetteer.country(text)
                capital = gazetteer.capital_of(text)
                if country is not None:
                    c.key, c.country, c.canonical, c.kind = ("country", country.iso3), country.iso3, country.name, "country"
                    c.label = "GPE"
                    if re.fullmatch(r"(?:[A-Z]\.?){2,3}", text):
                        c.form = "acronym"
                elif capital is not None and not _is_locative(c.span) and not _is_place_modifier(c.span):
                    c.key, c.country, c.canonical, c.kind = ("country", capital.iso3), capital.iso3, capital.name, "country"
                    c.form, c.label = "capital", "GPE"
                elif gazetteer.region(text):
                    c.key, c.country, c.kind = ("place", name_key(text)), gazetteer.region(text), "region"
                else:
                    city = gazetteer.city(text)
                    if city is not None:
                        c.key, c.country, c.kind = ("city", name_key(city.name)), city.country_iso3, "city"
                        c.canonical = city.name
                    else:
                        c.key, c.kind = ("place", name_key(text)), "region" if c.label == "GPE" else "place"
            elif c.label == "NORP":
                country = gazetteer.country_for_demonym(text)
                if country is not None:
                    c.key, c.country, c.canonical, c.kind = ("country", country.iso3), country.iso3, country.name, "country"
                    c.form, c.label = "demonym", "GPE"
                else:
                    c.key, c.kind = ("group", name_key(text)), "group"
            elif c.label == "ORG":
                c.key, c.kind = ("org", name_key(text)), None
        self._persons_named_like_orgs()
        self._resolve_persons()
        self._resolve_acronyms()

    @staticmethod
    def _small_town_as_person(c: _Cand) -> bool:
        """A one-word "place" that is only a small town in the gazetteer, used as the subject or
        possessor of an act rather than after a locative preposition, is a person the tagger misread."""
        if len(c.span) != 1 or _is_locative(c.span) or c.span.root.dep_ not in {"nsubj", "nsubjpass", "poss"}:
            return False
        text = c.span.text
        if gazetteer.country(text) or gazetteer.region(text) or gazetteer.capital_of(text):
            return False
        city = gazetteer.city(text)
        return city is not None and city.population < 100_000

    def _untagged_people(self) -> None:
        """A one-word name the tagger never labels ("Byron received his education ...") but that is,
        at least twice, the subject of a verb in its own right is a person: places and organisations
        the article names are caught by the tagger or the gazetteer, and a lone capitalised subject
        that acts, repeatedly, is how news and biographies refer to a person they have introduced."""
        counts: dict[str, list[Token]] = {}
        for t in _tokens_matching(self.doc, _CAPITALISED):
            if t.i in self.token_cand or t.pos_ != "PROPN" or t.is_upper:
                continue
            counts.setdefault(t.text, []).append(t)
        for word, toks in counts.items():
            subjects = [t for t in toks if t.dep_ in {"nsubj", "nsubjpass"} and t.head.pos_ == "VERB"
                        and not any(ch.dep_ == "compound" for ch in t.children)
                        and (t.i + 1 >= len(self.doc) or self.doc[t.i + 1].pos_ != "PROPN")]
            if len(subjects) < 2 or word.lower() in ORG_NAME_WORDS or word.lower() in ROLE_NOUNS:
                continue
            if gazetteer.country(word) or gazetteer.city(word) or gazetteer.region(word) \
                    or gazetteer.country_for_demonym(word):
                continue
            for t in toks:
                if t.dep_ == "compound" or (t.i + 1 < len(self.doc) and self.doc[t.i + 1].pos_ == "PROPN"):
                    continue  # "Byron Bay", a name inside a longer name
                cand = _Cand(self.doc[t.i : t.i + 1], "PERSON")
                self.cands.append(cand)
                self.token_cand[t.i] = cand
        self.cands.sort(key=lambda c: c.span.start)

    def _epithets(self) -> None:
        """ "Crooked Hillary", "Sleepy Joe Biden": a nickname is a label its user applies, not a name.

        A person mention whose first word is not a given name (the name registry does not know it,
        and it is no title) while the rest is a name of a person in the article (or the first name
        of one) loses that word; the word becomes a descriptor label of the person."""
        persons = [c for c in self.cands if c.label == "PERSON"]
        names = {name_key(c.span.text) for c in persons}
        firsts = set()
        for c in persons:
            parsed = parse_name(c.span.text)
            if parsed.full:
                firsts.add(name_key(parsed.first))
        for c in persons:
            if len(c.span) < 2 or not c.span[0].is_alpha:
                continue
            word = c.span[0].text
            if given_name_gender(word) is not None or self._title_word(word):
                continue
            rest = c.span[1:]
            rest_key = name_key(rest.text)
            if rest_key in names or (len(rest) == 1 and rest_key in firsts):
                self.epithets.append((c.span[:1], c))
                del self.token_cand[c.span.start]
                c.span = rest

    @staticmethod
    def _title_word(word: str) -> bool:
        low = word.rstrip(".").lower()
        return low in HONORIFIC_GENDER or low in _TITLE_ABBREVIATIONS or low in ROLE_NOUNS

    def _surnames_across_labels(self) -> None:
        """A lone "Delgado" tagged GPE or ORG after "Maria Delgado" is the person again; so is a
        full "Maria Delgado" the tagger read as an organisation elsewhere in the article."""
        surnames: dict[str, set[str]] = {}
        full_names: set[str] = set()
        for c in self.cands:
            if c.label == "PERSON":
                parsed = parse_name(c.span.text)
                if parsed.full:
                    full_names.add(name_key(c.span.text))
                    surnames.setdefault(name_key(parsed.last), set()).add(name_key(c.span.text))
                    last_word = parsed.last.split()[-1]
                    surnames.setdefault(name_key(re.sub(r"^(?:al|el|ad|ar|as|an)-", "", last_word)), set()).add(
                        name_key(c.span.text))
        for c in self.cands:
            if c.label in {"GPE", "ORG", "NORP", "LOC", "FAC"} and len(c.span) > 1 and name_key(c.span.text) in full_names:
                c.label = "PERSON"
                continue
            # the tag may be anything ("a Trump presidency" reads as ADJ, "would Trump even go" as AUX):
            # a capitalised one-word name tagged as a group or place, spelt like a person's surname here
            if c.label in {"GPE", "ORG", "NORP", "LOC", "FAC"} and len(c.span) == 1 and c.span[0].text[:1].isupper():
                if gazetteer.country(c.span.text) or gazetteer.country_for_demonym(c.span.text):
                    continue
                if surnames.get(name_key(c.span.text)):
                    c.label = "PERSON"
        # surnames the tagger missed altogether ("Delgado responded …")
        for t in _tokens_matching(self.doc, _CAPITALISED) if surnames else ():
            if t.i in self.token_cand:
                continue
            # the small model reads a sentence-initial surname as a common noun ("Marbles said"):
            # a capitalised subject or possessor spelt like a person's surname is that person
            if t.pos_ != "PROPN" and not (t.pos_ == "NOUN" and t.dep_ in {"nsubj", "nsubjpass", "poss"}):
                continue
            if surnames.get(name_key(t.text)) and (t.i + 1 >= len(self.doc) or
                                                                 self.doc[t.i + 1].pos_ != "PROPN"):
                cand = _Cand(self.doc[t.i : t.i + 1], "PERSON")
                self.cands.append(cand)
                self.token_cand[t.i] = cand
        self.cands.sort(key=lambda c: c.span.start)

    def _resolve_persons(self) -> None:
        """Person mentions into people: the name passes of the coreference sieve (coref.names)."""
        persons = [c for c in self.cands if c.label == "PERSON"]
        for c in persons:
            c.title = self._title_before(c.span)
        sent_of = {s.start: n for n, s in enumerate(self.doc.sents)}
        links = cluster_person_names([(c.span.text, c.title, sent_of.get(c.span.sent.start, 0)) for c in persons])
        for c, link in zip(persons, links, strict=True):
            c.key = ("person", f"#{link.cluster}")
            c.sieve, c.ambiguous = link.sieve, link.ambiguous
            if link.surname:
                c.form = "surname"

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
                cand = _Cand(self.doc[t.i : t.i + 1], "ORG", key=("org", name_key(t.text)))
                self.cands.append(cand)
                self.token_cand[t.i] = cand
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

    def _persons_named_like_orgs(self) -> None:
        """A one-word "person" that is the core of an organisation's name in the article ("Ostara"
        after "the Church of Ostara") and no person's name part is that organisation again."""
        orgs = [c for c in self.cands if c.label == "ORG"]
        cores = set(self._org_cores(orgs))
        if not cores:
            return
        parts = set()
        for c in self.cands:
            if c.label == "PERSON" and len(c.span) > 1:
                parts.update(name_key(t.text) for t in c.span)
        for c in self.cands:
            if c.label == "PERSON" and len(c.span) == 1 and name_key(c.span.text) in cores \
                    and name_key(c.span.text) not in parts:
                c.label = "ORG"
                c.key = ("org", name_key(c.span.text))

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
        """ "Scientology" after "the Church of Scientology", "Harrow" after "Harrow School": an
        organisation named again without its head words, when exactly one longer name fits."""
        full = {core: {o.key for o in found if o.key is not None} for core, found in self._org_cores(orgs).items()}
        for c in orgs:
            if c.form != "name" or c.key is None:
                continue
            keys = full.get(name_key(c.span.text), set())
            if len(keys) == 1 and c.key not in keys:
                c.key, c.sieve = next(iter(keys)), "org_short_name"

    def cluster(self) -> None:
        for c in self.cands:
            if c.key is None:
                continue
            idx = self.by_key.get(c.key)
            if idx is None:
                idx = len(self.ents)
                self.by_key[c.key] = idx
                etype = "GPE" if c.key[0] in {"country", "city", "place"} else c.label
                if etype not in {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}:
                    etype = "OTHER"
                self.ents.append(_Ent(c.key, etype, c.kind or "other", c.canonical or c.span.text, c.country))
            ent = self.ents[idx]
            c.entity = idx
            ent.cands.append(c)
            if c.label == "ORG" and ent.type != "ORG" and ent.key[0] in {"person", "org"}:
                ent.type = "ORG"
            if c.form == "name" and c.key[0] in {"person", "org", "group"} and len(c.span.text) > len(ent.name):
                ent.name = c.span.text
        for word, c in self.epithets:
            if c.entity is not None:
                self.ents[c.entity].labels.append(_label(word, "descriptor"))
        for ent in self.ents:
            if ent.key[0] == "person":
                ent.kind = "person" if ent.type == "PERSON" else ent.kind
            if ent.type == "ORG":
                heads = [self.doc[c.span.end].lower_ for c in ent.cands
                         if c.span.end < len(self.doc) and self.doc[c.span.end].lower_ in ORG_HEADS]
                ent.kind = _org_kind(ent.name, heads)

    # -- roles, relations, labels -----------------------------------------
    def _cand_in(self, tokens: Iterable[Token]) -> _Cand | None:
        for t in tokens:
            c = self.token_cand.get(t.i)
            if c is not None and c.entity is not None:
                return c
        return None

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
            start = lefts[0].i
            inner = [self.token_cand[i] for i in range(start, head.i) if i in self.token_cand]
            if any(c.entity is None or self.ents[c.entity].type == "PERSON" for c in inner):
                continue  # "the Republican nominee" may name a party; "the Trump campaign" is not Trump
            owners = {i for i in heads[head.lower_] if first_seen[i] < start}
            if len(owners) != 1:
                continue
            idx = next(iter(owners))
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
            self.cands.append(cand)
            for t in span:
                self.token_cand[t.i] = cand
            added = True
        if added:
            self.cands.sort(key=lambda c: c.span.start)

    # -- coreference: gender and pronouns ---------------------------------------
    def genders(self) -> None:
        """Each person's gender with its evidence: a stated honorific, else the registry's reading
        of the given name of the fullest name (coref.gender).  Conflicting honorifics give none."""
        for ent in self.ents:
            if ent.type != "PERSON":
                continue
            stated = {}
            for c in ent.cands:
                for title in (c.title, parse_name(c.span.text).title):
                    g = honorific_gender(title) if title else None
                    if g is not None:
                        stated.setdefault(g, f"honorific:{title}")
            if len(stated) == 1:
                ent.gender, evidence = next(iter(stated.items()))
                ent.gender_evidence.append(evidence)
                continue
            if stated:
                continue
            firsts = [parse_name(c.span.text).first for c in ent.cands if c.form == "name"]
            first = max(firsts, key=len, default="")
            g = given_name_gender(first) if first else None
            if g is not None:
                ent.gender = g
                ent.gender_evidence.append(f"given_name:{first}")

    def pronouns(self) -> None:
        """Third-person pronouns to their entity (coref.pronouns); emitted as mentions of form "pronoun"."""
        cat = {"PERSON": "person", "ORG": "org", "NORP": "org", "GPE": "place", "LOC": "place", "FAC": "place"}
        ants = []
        for c in self.cands:
            if c.entity is None:
                continue
            ent = self.ents[c.entity]
            category = cat.get(ent.type, "other")
            if ent.type == "NORP" and ent.kind != "group":
                category = "other"
            ants.append(Antecedent(c.span.start, c.span.end, c.entity, category))
        genders = {i: e.gender for i, e in enumerate(self.ents)}  # type: ignore[misc]
        links = resolve_pronouns(self.doc, ants, genders, taken=set(self.token_cand))  # type: ignore[arg-type]
        for link in links:
            ent = self.ents[link.entity]
            span = self.doc[link.token : link.token + 1]
            cand = _Cand(span, ent.type, form="pronoun", key=ent.key, entity=link.entity, sieve=link.sieve)
            ent.cands.append(cand)
            self.cands.append(cand)
            if link.gender_evidence and ent.type == "PERSON":
                if ent.gender is None:
                    ent.gender = genders.get(link.entity)
                if len(ent.gender_evidence) < 3 and link.gender_evidence not in ent.gender_evidence:
                    ent.gender_evidence.append(link.gender_evidence)
        self.cands.sort(key=lambda c: c.span.start)

    # -- output --------------------------------------------------------------
    def records(self) -> tuple[list[Mention], list[Entity]]:
        order = sorted(range(len(self.ents)), key=lambda i: min(c.span.start for c in self.ents[i].cands))
        ent_id = {old: f"E{n + 1}" for n, old in enumerate(order)}
        by_id = {e: o for o, e in ent_id.items()}
        mentions: list[Mention] = []
        ent_mentions: dict[int, list[str]] = {i: [] for i in range(len(self.ents))}
        for n, c in enumerate(sorted((c for c in self.cands if c.entity is not None), key=lambda c: c.span.start)):
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
            aliases = sorted({c.span.text for c in ent.cands if c.span.text != ent.name and c.form != "pronoun"})
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


def _label(span: Span, form: str) -> Label:
    return Label(start=span.start_char, end=span.end_char, text=span.text, form=form)  # type: ignore[arg-type]


def _dedupe_roles(roles: list[Role]) -> list[Role]:
    seen: set[tuple[str, str | None, int]] = set()
    out = []
    for r in roles:
        key = (r.role.lower(), r.org_entity, r.evidence.start)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


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


@extractor("actors", field="entities", version="3", assigns=("mentions",))
def extract_actors(doc: Doc, analysis: Analysis) -> list[Entity]:
    """Entities of the article; also sets ``analysis.mentions``."""
    b = _Builder(doc)
    b.collect()
    b.classify()
    b.cluster()
    b.titles()
    b.appositions()
    b.named_roles()
    b.part_of()
    b.premodifier_labels()
    b.designations()
    b.descriptions()
    b.org_descriptions()
    b.genders()
    b.pronouns()
    mentions, entities = b.records()
    analysis.mentions = mentions
    return entities
