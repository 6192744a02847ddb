"""Labels and keys: each candidate's type corrected with the gazetteer, and its key (country, city,
place, group, organisation) — the key is what clustering groups mentions by."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Span

from ... import gazetteer
from ..actor_lexicon import GOV_WORDS, ORG_NAME_WORDS, ROLE_NOUNS
from .aliases import _Aliases
from .mentions import _is_locative
from .state import _Cand, name_key

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


class _Classify(_Aliases):
    """Phase 2: labels and keys; runs the rule-found mentions (phase 1) and the alias passes."""

    def classify(self) -> None:
        """Labels corrected and every mention keyed.  The rules run in this order, each on what the
        previous left: (1) the mentions rules add — people the tagger never tagged
        (``_untagged_people``), then nicknames split off person names (``_epithets``: it reads every
        person name, those just added included), then surnames the tagger labelled as something
        else or missed (``_surnames_across_labels``: it reads the names as the epithets left them),
        then one label per organisation name (``_one_label_per_org_name``: "Scientology" ORG here, LOC
        there, is an organisation), then names found once written again where the tagger missed them
        (``_untagged_repeats``);
        (2) for each mention the gazetteer's reading — a place name tagged ORG/NORP is a place, a
        party adjective a group, a small town that acts a person — and the key of every place,
        demonym, group and organisation; after (1), so a surname relabelled PERSON gets no place
        key; (3) once the labels are final, one-word "persons" that are an organisation's name
        (``_persons_named_like_orgs``), then the person-name passes on the people left
        (``_resolve_persons``), then acronyms and short names (``_resolve_acronyms``), which
        compare every organisation's name."""
        self._untagged_people()
        self._epithets()
        self._surnames_across_labels()
        self._one_label_per_org_name()
        self._untagged_repeats()
        regional = self._regional_readings()
        for c in self.cands:
            text = c.span.text
            if c.label in {"ORG", "NORP"} and not ({t.lower_ for t in c.span} & ORG_NAME_WORDS) \
                    and gazetteer.known_place(text) and not gazetteer.country_for_demonym(text):
                c.label = "GPE"  # "Mombasa's dockers" tagged ORG/NORP: a place name is a place
            if c.label in {"GPE", "LOC", "FAC"} and len(c.span) == 1 and text.lower() in _PARTY_ADJECTIVES:
                c.label = "NORP"  # "Liberal" in "the Liberal government": a party, not Liberal, Kansas
            if c.label in {"GPE", "LOC", "FAC"} and self._small_town_as_person(c):
                c.label = "PERSON"  # "Obama said": not Obama, Fukui
                continue
            if c.label in {"GPE", "LOC", "FAC"}:
                country = None if text in regional else gazetteer.country(text)
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

    def _regional_readings(self) -> set[str]:
        """Place names that are both a country and a state or province ("Georgia") which this
        article uses as the state: the other places it names point to the state's country
        (the country itself, its states, its cities, its demonym) more than to the namesake
        country (its capital, its cities, its demonym).  With no such evidence the country
        reading stays, as before."""
        support: Counter[str] = Counter()
        names = []
        for c in self.cands:
            text = c.span.text
            if c.label not in {"GPE", "LOC", "FAC", "NORP", "ORG"}:
                continue
            country, region = gazetteer.country(text), gazetteer.region(text)
            if country is not None and region is not None:
                names.append((text, country.iso3, region))
                continue
            if c.label == "NORP":
                dem = gazetteer.country_for_demonym(text)
                if dem is not None:
                    support[dem.iso3] += 1
                continue
            if country is not None:
                support[country.iso3] += 1
            elif region is not None:
                support[region] += 1
            elif (cap := gazetteer.capital_of(text)) is not None:
                support[cap.iso3] += 1
            elif (city := gazetteer.city(text)) is not None and city.population >= 100_000:
                support[city.country_iso3] += 1
        return {text for text, iso3, region in names if support[region] > support[iso3]}

    def _untagged_repeats(self) -> None:
        """An organisation's or person's name the tagger found once, written again where it found
        nothing ("YouTube" in a list, "Pittsburgh Pirates (2012)" in an infobox line), is a mention
        of the same actor.  The exact spelling (case included) must recur on whole tokens none of
        which another mention holds; a one-word name must be read as a proper noun there, so a
        sentence-initial common word spelt like it is left alone."""
        labels: dict[str, Counter[str]] = {}
        for c in self.cands:
            if c.label in {"ORG", "PERSON"} and c.span.text[:1].isupper() and "\n" not in c.span.text:
                labels.setdefault(c.span.text, Counter())[c.label] += 1
        # the label most of its tagged mentions have (a surname tagged ORG in a heading, PERSON after)
        seen = {text: max(sorted(counts), key=lambda lab: counts[lab]) for text, counts in labels.items()}
        if not seen:
            return
        added = False
        pattern = re.compile(r"(?<![\w'’-])(" + "|".join(map(re.escape, sorted(seen, key=len, reverse=True))) + r")(?![\w'’-])")
        for m in pattern.finditer(self.doc.text):
            span = self.doc.char_span(m.start(1), m.end(1))
            if span is None or any(t.i in self.token_cand for t in span):
                continue
            if len(span) == 1 and span[0].pos_ != "PROPN":
                continue
            self._add_cand(_Cand(span, seen[m.group(1)]))
            added = True
        if added:
            self.cands.sort(key=lambda c: c.span.start)

    def _one_label_per_org_name(self) -> None:
        """A name the tagger labels an organisation once is one everywhere in the article, unless
        the gazetteer knows it as a place: the small model reads "Scientology" as ORG in one sentence
        and LOC in the next, which made two actors of one church.  A one-word name it labels both a
        person and an organisation takes the label most of its mentions have ("Dunmore" PERSON once,
        ORG three times, is the organisation; the other way round the person): one spelling, one actor.
        Never a person's name to an organisation when the article also writes it with a title or a
        given name ("Mr. Dunmore": the tagger's ORG for a bare surname is the usual mistake then)."""
        votes: dict[str, Counter[str]] = {}
        for c in self.cands:
            if c.label in {"PERSON", "ORG"} and len(c.span) == 1:
                votes.setdefault(name_key(c.span.text), Counter())[c.label] += 1
        personal = set()  # names the article also writes as a person's: "Mr. Dunmore", "Ann Dunmore"
        for c in self.cands:
            if c.label == "PERSON" and len(c.span) > 1:
                personal.add(name_key(c.span[-1].text))
            elif len(c.span) == 1 and c.span.start > 0 and self._title_word(self.doc[c.span.start - 1].text):
                personal.add(name_key(c.span.text))
        for c in self.cands:
            counts = votes.get(name_key(c.span.text)) if len(c.span) == 1 else None
            if counts and c.label in {"PERSON", "ORG"} and len(counts) == 2:
                other = "ORG" if c.label == "PERSON" else "PERSON"
                if counts[other] > counts[c.label] and not (other == "ORG" and name_key(c.span.text) in personal):
                    c.label = other
        orgs = {name_key(c.span.text) for c in self.cands if c.label == "ORG"}
        for c in self.cands:
            if c.label in {"GPE", "LOC", "FAC"} and name_key(c.span.text) in orgs:
                text = c.span.text
                if not (gazetteer.known_place(text) or gazetteer.capital_of(text)
                        or gazetteer.country_for_demonym(text)):
                    c.label = "ORG"

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
