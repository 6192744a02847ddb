"""Cross-article actor resolution: per-article entities in, actors out.

Every article's "actors" extractor clusters the mentions *within* that article
into entities.  This module links those entities *across* articles into actors,
with no database: the functions take :class:`~newsgraph.model.Analysis`
objects (or the :class:`Node` summaries built from them) so the logic can be
tested, measured and reused by the store, the API and the exports alike.

Resolution is a sequence of increasingly risky passes over a union-find
forest; every union records why it happened (evidence) and how sure we are
(confidence), and a union is refused whenever it would put two different
people together (first-name conflict, different countries, two entities that
one article already keeps apart).  Ambiguity is left unmerged: a bare surname
joins a full name only when exactly one candidate shares context with it.

Passes, in order (confidence in brackets):

1. same normalized name, or same country for country actors   (0.95 / 0.9)
2. same person surname with compatible first names ("Joe"/"Joseph")   (0.85)
3. same consonant skeleton, several words ("Hizbollah"/"Hezbollah")   (0.75)
4. acronym <-> expansion, when only one expansion fits   (0.8)
5. bare surname -> the one full name sharing context   (0.7)
6. manual decisions (merge / split), replayed last   (1.0)

The code scheme for kind and country (CAMEO-style ``ISO3`` + sector) is in
``docs/ACTORS.md``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import BaseModel, Field

from . import lexicons
from .model import Analysis, Entity

# --------------------------------------------------------------------------
# name normalization

_APOSTROPHES = "'’‘`´ʼʻʾʿ"
_HYPHENS = "-‐‑‒–—"
# Arabic article and its sun-letter assimilations, when glued with a hyphen ("al-", "ash-").
_PARTICLE_RE = re.compile(
    r"(?:(?<=\s)|^)(?:al|el|ul|ad|an|ar|as|ash|at|az|ed|en|er|es|et|ez)[" + _HYPHENS + r"]"
)
_STANDALONE_PARTICLES = {"al", "el"}
_TITLES = lexicons.words("role_titles", "name-prefix")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_MULTIWORD_FIRST = frozenset({"abu", "abd", "abdel", "abdul", "umm", "bin", "ibn"})
_ORG_STOP = frozenset({"of", "the", "for", "and", "in", "on", "de", "du", "des", "la", "le", "al", "el", "&"})

# Common English hypocorisms (my own list): a first name and its nicknames denote one person.
_NICKNAMES: dict[str, set[str]] = {
    "joseph": {"joe", "joey"}, "william": {"bill", "will", "billy"}, "robert": {"bob", "rob", "bobby"},
    "michael": {"mike"}, "james": {"jim", "jimmy"}, "anthony": {"tony"}, "richard": {"dick", "rick"},
    "thomas": {"tom"}, "elizabeth": {"liz", "beth"}, "katherine": {"kate", "kathy"},
    "catherine": {"kate", "cathy"}, "alexander": {"alex"}, "edward": {"ed", "ted"},
    "charles": {"charlie", "chuck"}, "daniel": {"dan", "danny"}, "nicholas": {"nick"},
    "christopher": {"chris"}, "benjamin": {"ben", "bibi"}, "donald": {"don"}, "samuel": {"sam"},
    "jennifer": {"jen", "jenny"}, "margaret": {"maggie", "peggy"}, "steven": {"steve"},
    "stephen": {"steve"}, "andrew": {"andy"}, "matthew": {"matt"}, "david": {"dave"},
    "lawrence": {"larry"}, "gerald": {"jerry"}, "patrick": {"pat"}, "timothy": {"tim"},
    "abdullah": {"abdallah"}, "mohammed": {"mohammad", "muhammad", "mohamed", "mohamad"},
}
_NICK_INDEX: dict[str, set[str]] = defaultdict(set)
for _full, _nicks in _NICKNAMES.items():
    for _n in _nicks | {_full}:
        _NICK_INDEX[_n] |= _nicks | {_full}

# Country names and abbreviations news writes, beyond what pycountry knows (my own list).
_COUNTRY_ALIASES = {
    "us": "USA", "usa": "USA", "united states": "USA", "united states of america": "USA", "america": "USA",
    "uk": "GBR", "britain": "GBR", "great britain": "GBR", "united kingdom": "GBR", "england": "GBR",
    "uae": "ARE", "emirates": "ARE", "russia": "RUS", "iran": "IRN", "syria": "SYR", "south korea": "KOR",
    "north korea": "PRK", "dprk": "PRK", "vietnam": "VNM", "turkey": "TUR", "turkiye": "TUR",
    "the netherlands": "NLD", "holland": "NLD", "czech republic": "CZE", "palestine": "PSE",
    "ivory coast": "CIV", "drc": "COD", "dr congo": "COD", "saudi": "SAU", "bolivia": "BOL",
    "venezuela": "VEN", "tanzania": "TZA", "laos": "LAO", "moldova": "MDA", "taiwan": "TWN",
}


def fold(text: str) -> str:
    """Lowercase, strip diacritics, unify apostrophes: the form two spellings of one name share."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    for a in _APOSTROPHES:
        text = text.replace(a, "'")
    return text.casefold().strip()


@lru_cache(maxsize=200_000)
def name_tokens(name: str, *, person: bool = False) -> tuple[str, ...]:
    """Normalized tokens of a name: transliteration variants collapse to the same tuple.

    Apostrophes (Kata'ib/Kataib), diacritics, hyphens, glued Arabic articles
    (al-/el-/ash-), a leading "the", the possessive "'s", dots of
    abbreviations (U.S.) and doubled letters (Qassem/Qasem) are all removed.
    For people, leading titles ("President", "Lt. Gen.") and suffixes ("Jr.") go too.
    """
    s = fold(name)
    s = re.sub(r"'s$", "", s)
    s = s.replace(".", "")
    s = _PARTICLE_RE.sub("", s)
    s = s.replace("'", "")
    s = re.sub(r"[^\w]+", " ", s)
    toks = [t for t in s.split() if t]
    if person:
        while len(toks) > 1 and (toks[0] in _TITLES or (len(toks) > 2 and country_code(toks[0]))):
            toks.pop(0)
        while len(toks) > 1 and toks[-1] in _SUFFIXES:
            toks.pop()
        toks = [t for t in toks if len(t) > 1 or t == toks[-1]]  # middle initials
    elif toks and toks[0] == "the" and len(toks) > 1:
        toks.pop(0)
    toks = [t for t in toks if t not in _STANDALONE_PARTICLES] or toks
    return tuple(re.sub(r"(.)\1+", r"\1", t) for t in toks)


def skeleton(tokens: Sequence[str]) -> tuple[str, ...]:
    """Consonant skeleton of each token (first letter kept): vowel spellings differ across
    transliterations (Hezbollah/Hizbollah, Husseini/Hosseini) while consonants rarely do."""
    out = []
    for t in tokens:
        rest = re.sub(r"[aeiouy]", "", t[1:])
        out.append(re.sub(r"(.)\1+", r"\1", t[0] + rest))
    return tuple(out)


def acronym_of(name: str) -> str | None:
    """Initials of a multi-word name's content words ("Popular Mobilization Units" -> "pmu")."""
    words = [w for w in re.split(r"[\s" + re.escape(_HYPHENS) + r"]+", fold(name).replace("'", "")) if w]
    words = [w for w in words if w not in _ORG_STOP and w[0].isalpha()]
    if len(words) < 2:
        return None
    return "".join(w[0] for w in words)


def as_acronym(name: str) -> str | None:
    """The acronym a name *is* ("PMU", "U.N."), or None: 2-6 capitals, optionally dotted."""
    raw = name.strip()
    if raw.lower().startswith("the "):
        raw = raw[4:]
    compact = raw.replace(".", "").replace(" ", "")
    if 2 <= len(compact) <= 6 and compact.isalpha() and compact.isupper():
        return compact.lower()
    return None


@lru_cache(maxsize=4096)
def demonym_country(word: str) -> str | None:
    """ISO3 for a demonym adjective ("Iraqi" -> "IRQ"), via the project gazetteer; None when unsure.

    Used only for descriptions ("another Iraqi anti-terror group"); "Iran-backed" is not a
    demonym and does not make a group Iranian."""
    from .gazetteer import country_for_demonym

    c = country_for_demonym(word)
    return c.iso3 if c else None


@lru_cache(maxsize=4096)
def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-3 code for a country name or abbreviation ("U.S." -> "USA"), else None."""
    key = " ".join(name_tokens(name))
    if not key:
        return None
    if key in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[key]
    import pycountry

    from .gazetteer import country as gazetteer_country

    hit = gazetteer_country(name)
    if hit is not None:
        return hit.iso3
    for attr in ("name", "common_name", "official_name"):
        for c in pycountry.countries:
            val = getattr(c, attr, None)
            if val and " ".join(name_tokens(val)) == key:
                return str(c.alpha_3)
    if len(key) == 3 and key.isalpha() and name.strip().isupper():
        hit = pycountry.countries.get(alpha_3=key.upper())
        if hit is not None:
            return str(hit.alpha_3)
    return None


# Role words too common to tie a bare surname to one person.
_GENERIC_ROLE_WORDS = frozenset(
    "the of a an and for former senior deputy head chief leader member official new top acting".split()
)

# --------------------------------------------------------------------------
# typing: kind -> CAMEO-style sector

KIND_SECTOR = {
    "government": "GOV",
    "armed_group": "REB",
    "party": "PTY",
    "media": "MED",
    "international_organisation": "IGO",
    "group": "CVL",
}

# Role words -> sector for people (checked in this order; first hit wins).
_ROLE_SECTORS: list[tuple[str, frozenset[str]]] = [
    ("MIL", frozenset("general commander colonel lieutenant major admiral brigadier officer soldier "
                      "marshal captain sergeant military".split())),
    ("REL", frozenset("cleric imam ayatollah bishop pope rabbi mufti mullah priest pastor cardinal "
                      "patriarch".split())),
    ("JUD", frozenset("judge prosecutor justice".split())),
    ("MED", frozenset("journalist reporter editor correspondent anchor columnist".split())),
    ("REB", frozenset("militant fighter rebel insurgent warlord".split())),
    ("LEG", frozenset("senator lawmaker legislator mp parliamentarian congressman congresswoman "
                      "deputies".split())),
    ("GOV", frozenset("president minister premier chancellor secretary ambassador envoy diplomat "
                      "governor mayor king queen emir sultan official".split())),
    ("PTY", frozenset("party politician".split())),
    ("BUS", frozenset("ceo executive businessman businesswoman".split())),
]


def role_sector(role: str) -> str | None:
    words = set(re.findall(r"[a-z]+", fold(role)))
    if "political" in words and "leader" in words:
        return "PTY"
    for sector, vocab in _ROLE_SECTORS:
        if words & vocab:
            return sector
    return None


def actor_code(kind: str, country: str | None, sector: str | None) -> str:
    """CAMEO-style code: ISO3 country then sector ("IRQREB", "USAGOV", "USA"); "IGO" for IGOs."""
    if kind == "international_organisation":
        return "IGO"
    return (country or "---") + (sector or "")


# --------------------------------------------------------------------------
# record types


class MemberLink(BaseModel):
    """One article's entity as part of an actor, with why it was put there."""

    article_id: str
    entity_id: str
    name: str
    evidence: str
    confidence: float


class ActorCluster(BaseModel):
    """An actor as resolution builds it (the ``actors`` table row, with members)."""

    id: str
    name: str
    type: str
    kind: str
    country: str | None = None
    sector: str | None = None
    code: str
    aliases: list[str] = Field(default_factory=list)
    confidence: float = 1.0
    members: list[MemberLink] = Field(default_factory=list)


class Decision(BaseModel):
    """A manual merge or split, kept as member keys (article id + normalized name) so it
    still applies after re-analysis renumbers entity ids."""

    op: str  # "merge" | "split"
    a: list[str]
    b: list[str] = Field(default_factory=list)
    note: str | None = None


def member_key(article_id: str, name: str) -> str:
    return f"{article_id}:{' '.join(name_tokens(name))}"


# --------------------------------------------------------------------------
# nodes: the per-article entity as resolution sees it


@dataclass
class Node:
    article_id: str
    entity_id: str
    name: str
    type: str
    kind: str
    country: str | None
    aliases: list[str]
    source: str | None = None
    published: str | None = None
    orgs: set[str] = field(default_factory=set)  # normalized names of role orgs / part_of
    org_ids: set[str] = field(default_factory=set)  # entity ids (same article) of role orgs / part_of
    roles: set[str] = field(default_factory=set)  # role words ("spokesman", "cleric")
    context: set[str] = field(default_factory=set)  # normalized names of other entities in the article
    descriptions: list[str] = field(default_factory=list)  # label texts and role evidence ("Iraqi cleric")

    @property
    def person(self) -> bool:
        return self.type == "PERSON" or self.kind == "person"

    @property
    def key(self) -> str:
        return member_key(self.article_id, self.name)


def nodes_from_analysis(a: Analysis) -> list[Node]:
    """Summaries of one analysis's entities, with the context resolution needs."""
    return nodes_from_entities(a.article.id, a.entities, source=a.article.source, published=a.article.published)


def nodes_from_entities(
    article_id: str, entities: Sequence[Entity], *, source: str | None = None, published: str | None = None
) -> list[Node]:
    """Same as :func:`nodes_from_analysis` from an article's entities alone (what the store keeps)."""
    by_id = {e.id: e for e in entities}
    names = {e.id: " ".join(name_tokens(e.name, person=_is_person(e))) for e in entities}
    out = []
    for e in entities:
        orgs = set()
        for r in e.roles:
            if r.org_entity and r.org_entity in by_id:
                orgs.add(names[r.org_entity])
            elif r.org:
                orgs.add(" ".join(name_tokens(r.org)))
        orgs |= {names[p] for p in e.part_of if p in names}
        roles = {w for r in e.roles for w in re.findall(r"[a-z]+", fold(r.role))}
        out.append(
            Node(
                article_id=article_id,
                entity_id=e.id,
                name=e.name,
                type=e.type,
                kind=e.kind,
                country=e.country,
                aliases=list(e.aliases),
                source=source,
                published=published,
                orgs={o for o in orgs if o},
                org_ids={r.org_entity for r in e.roles if r.org_entity in by_id} | {p for p in e.part_of if p in by_id},
                roles=roles,
                context={v for k, v in names.items() if k != e.id and v},
                descriptions=[lb.text for lb in e.labels] + [r.evidence.text for r in e.roles],
            )
        )
    return out


def _is_person(e: Entity) -> bool:
    return e.type == "PERSON" or e.kind == "person"


def _person_parts(tokens: tuple[str, ...]) -> tuple[str | None, str | None]:
    """(first name, surname) of a normalized person name; first is None for a bare surname."""
    if not tokens:
        return None, None
    if len(tokens) == 1:
        return None, tokens[0]
    first_n = 2 if tokens[0] in _MULTIWORD_FIRST and len(tokens) > 2 else 1
    return " ".join(tokens[:first_n]), tokens[-1]


def first_names_compatible(f1: str, f2: str) -> bool:
    """Could these two first names belong to one person?  Same, nickname, initial, or spelling variant."""
    if f1 == f2:
        return True
    if f2 in _NICK_INDEX.get(f1, ()):
        return True
    if len(f1) == 1 or len(f2) == 1:
        return f1[0] == f2[0]
    s1, s2 = skeleton(f1.split()), skeleton(f2.split())
    return s1 == s2 and len("".join(s1)) >= 3


def _country_of_node(n: Node) -> str | None:
    """ISO3 when this entity *is* a country (not a city or a person from it)."""
    if n.person:
        return None
    if n.kind == "country":
        return n.country or country_code(n.name)
    if n.kind in ("city", "government", "armed_group", "party", "media", "international_organisation"):
        return None
    if n.type == "GPE" or n.kind in ("other", "organisation"):
        return country_code(n.name)
    return None


# --------------------------------------------------------------------------
# clusters


@dataclass
class _Cluster:
    members: list[int]
    person: bool
    nonperson: bool
    firsts: set[str]
    lasts: set[str]
    articles: set[str]
    countries: set[str]
    org_countries: set[str]  # countries the text gives organisations ("Iraqi party")
    full: bool  # has at least one multi-token name (persons)
    nonplace: int = 0  # members that are not places (a cluster of places is no context)
    roles: set[str] = field(default_factory=set)
    orgnames: set[str] = field(default_factory=set)
    org_nodes: set[int] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)  # acronyms the members' names are or spell


class Resolver:
    """Union-find over nodes with conflict checks; see the module docstring for the passes."""

    def __init__(self, nodes: Sequence[Node]) -> None:
        self.nodes = list(nodes)
        self.parent = list(range(len(nodes)))
        self.evidence: dict[int, tuple[str, float]] = {}
        self.notes: list[str] = []
        self._pair_notes: list[tuple[int, int, str]] = []
        self.clusters: dict[int, _Cluster] = {}
        self._index = {(n.article_id, n.entity_id): i for i, n in enumerate(self.nodes)}
        self._by_article: dict[str, list[int]] = defaultdict(list)
        for i, n in enumerate(self.nodes):
            self._by_article[n.article_id].append(i)
        for i, n in enumerate(self.nodes):
            toks = name_tokens(n.name, person=n.person)
            first, last = _person_parts(toks) if n.person else (None, None)
            iso = _country_of_node(n)
            self.clusters[i] = _Cluster(
                members=[i],
                person=n.person,
                nonperson=not n.person,
                firsts={first} if first else set(),
                lasts={last} if last and first else set(),
                articles={n.article_id},
                countries={n.country} if n.country and n.person else ({iso} if iso else set()),
                org_countries={n.country} if n.country and not n.person and not iso else set(),
                full=bool(first),
                nonplace=0 if (iso or n.kind in ("city", "region", "country")
                               or (n.type in ("GPE", "LOC") and not n.person)) else 1,
                roles=set(n.roles),
                orgnames=set(n.orgs),
                acronyms={x for x in (as_acronym(n.name), acronym_of(n.name)) if x and not n.person},
            )
        for i, n in enumerate(self.nodes):
            self.clusters[i].org_nodes = {k for eid in n.org_ids
                                          if (k := self._index.get((n.article_id, eid))) is not None}
        self._acr_nodes: dict[str, set[int]] = defaultdict(set)
        for i, n in enumerate(self.nodes):
            if not n.person and (ac := as_acronym(n.name) or acronym_of(n.name)) and len(ac) >= 3:
                self._acr_nodes[ac].add(i)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def conflict(
        self, i: int, j: int, *, same_article_ok: bool = False, cross_type_ok: bool = False
    ) -> str | None:
        """Why clusters of i and j must not merge, or None."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return "already one actor"
        a, b = self.clusters[ri], self.clusters[rj]
        if not cross_type_ok and ((a.person and b.nonperson) or (a.nonperson and b.person)):
            return "person vs non-person"
        if not same_article_ok and a.articles & b.articles:
            return "one article keeps them apart"
        for f1 in a.firsts:
            for f2 in b.firsts:
                if not first_names_compatible(f1, f2):
                    return f"first names differ ({f1} / {f2})"
        if a.lasts and b.lasts and not (a.lasts & b.lasts):
            sa, sb = {skeleton((x,)) for x in a.lasts}, {skeleton((x,)) for x in b.lasts}
            if not sa & sb:
                return "surnames differ"
        if a.org_countries and b.org_countries and not (a.org_countries & b.org_countries):
            return f"organisations of different countries ({'/'.join(sorted(a.org_countries | b.org_countries))})"
        if a.countries and b.countries and not (a.countries & b.countries):
            return f"countries differ ({'/'.join(sorted(a.countries))} vs {'/'.join(sorted(b.countries))})"
        return None

    def union(self, i: int, j: int, evidence: str, confidence: float) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return
        a, b = self.clusters[ri], self.clusters[rj]
        if len(b.members) > len(a.members):
            ri, rj, a, b = rj, ri, b, a
        self.parent[rj] = ri
        self.evidence[rj] = (evidence, confidence)
        a.members += b.members
        a.person |= b.person
        a.nonperson |= b.nonperson
        a.firsts |= b.firsts
        a.lasts |= b.lasts
        a.articles |= b.articles
        a.countries |= b.countries
        a.org_countries |= b.org_countries
        a.full |= b.full
        a.nonplace += b.nonplace
        a.roles |= b.roles
        a.orgnames |= b.orgnames
        a.org_nodes |= b.org_nodes
        a.acronyms |= b.acronyms
        del self.clusters[rj]

    def try_union(self, i: int, j: int, evidence: str, confidence: float, **kw: bool) -> bool:
        why = self.conflict(i, j, **kw)
        if why is None:
            self.union(i, j, evidence, confidence)
            return True
        if why != "already one actor":
            self._pair_notes.append((i, j, f"kept apart: {self.nodes[i].name!r} / {self.nodes[j].name!r}: {why}"))
        return False

    # -- passes ------------------------------------------------------------
    def _bucket_pass(self, keys: dict[int, set[str]], describe: str, conf_exact: float, conf_var: float,
                     **kw: bool) -> None:
        buckets: dict[str, list[int]] = defaultdict(list)
        for i, ks in keys.items():
            for k in ks:
                buckets[k].append(i)
        for k in sorted(buckets):
            # one representative per distinct cluster of the bucket: linear in the bucket size
            reps: list[int] = []
            for j in buckets[k]:
                joined = False
                for x in reps:
                    if self.find(x) == self.find(j):
                        joined = True
                        break
                    ni, nj = self.nodes[x], self.nodes[j]
                    exact = fold(ni.name) == fold(nj.name)
                    ev = (f"{describe} {k.split(':', 1)[-1]!r}: "
                          f"{ni.name!r} ({ni.source or ni.article_id[:8]}) ~ "
                          f"{nj.name!r} ({nj.source or nj.article_id[:8]})")
                    if self.try_union(x, j, ev, conf_exact if exact else conf_var, **kw):
                        joined = True
                        break
                if not joined:
                    reps.append(j)

    def pass_names(self) -> None:
        keys: dict[int, set[str]] = {}
        cross: dict[int, set[str]] = {}
        for i, n in enumerate(self.nodes):
            ks: set[str] = set()
            toks = name_tokens(n.name, person=n.person)
            if n.person:
                if len(toks) >= 2:
                    ks.add("name:" + " ".join(toks))
                for al in n.aliases:
                    at = name_tokens(al, person=True)
                    if len(at) >= 2 and _person_parts(at)[1] == (toks[-1] if toks else None):
                        ks.add("name:" + " ".join(at))
            else:
                # acronyms are ambiguous across stories (NRA, PDF): the acronym pass handles them
                if toks and not as_acronym(n.name):
                    ks.add("name:" + " ".join(toks))
                for al in n.aliases:
                    at = name_tokens(al)
                    if len(at) >= 2 and not as_acronym(al):
                        ks.add("name:" + " ".join(at))
            keys[i] = ks
            if len(toks) >= 2:
                cross[i] = {"name:" + " ".join(toks)}
        countries = {i: {"country:" + c} for i, n in enumerate(self.nodes) if (c := _country_of_node(n))}
        self._bucket_pass(countries, "same country", 0.95, 0.95, same_article_ok=True)
        self._bucket_pass(keys, "same normalized name", 0.95, 0.9)
        # a multi-word name typed PERSON in one article and ORG in another (taggers do that)
        self._bucket_pass(cross, "same multi-word name despite type", 0.7, 0.65, cross_type_ok=True)

    def pass_surname_firstname(self) -> None:
        by_last: dict[str, list[int]] = defaultdict(list)
        for i, n in enumerate(self.nodes):
            if n.person:
                first, last = _person_parts(name_tokens(n.name, person=True))
                if first and last:
                    by_last[last].append(i)
        for last in sorted(by_last):
            reps: list[int] = []
            for j in by_last[last]:
                joined = False
                for x in reps:
                    if self.find(x) == self.find(j):
                        joined = True
                        break
                    ev = (f"same surname {last!r}, compatible first names: "
                          f"{self.nodes[x].name!r} ~ {self.nodes[j].name!r}")
                    if self.try_union(x, j, ev, 0.85):
                        joined = True
                        break
                if not joined:
                    reps.append(j)

    def pass_skeleton(self) -> None:
        keys: dict[int, set[str]] = {}
        for i, n in enumerate(self.nodes):
            toks = name_tokens(n.name, person=n.person)
            if len(toks) >= 2:
                keys[i] = {"skel:" + " ".join(skeleton(toks))}
        self._bucket_pass(keys, "same consonant skeleton", 0.75, 0.75)
        # taggers call some organisations people ("Kata'eb Al Fajr"): same skeleton, lower confidence
        self._bucket_pass(keys, "same consonant skeleton despite type", 0.6, 0.6, cross_type_ok=True)

    def pass_acronyms(self) -> None:
        """Acronyms join their expansion only when one expansion fits (or one shares context);
        a bare acronym with no expansion anywhere joins the same acronym elsewhere."""
        expansions: dict[str, set[int]] = defaultdict(set)
        bare: dict[str, list[int]] = defaultdict(list)
        for i, n in enumerate(self.nodes):
            if n.person:
                continue
            if ac := as_acronym(n.name):
                bare[ac].append(i)
            else:
                for nm in [n.name, *n.aliases]:
                    ac2 = as_acronym(nm) or acronym_of(nm)
                    if ac2 and len(ac2) >= 2:
                        expansions[ac2].add(i)
        for ac in sorted(bare):
            for j in bare[ac]:
                n = self.nodes[j]
                roots = {self.find(i) for i in expansions.get(ac, ())}
                if not roots or self.find(j) in roots:  # no expansion, or already joined one
                    continue
                pick = roots
                how = "initials of"
                if len(roots) > 1:
                    pick = {r for r in roots if self.conflict(r, j) is None and self._shared_context(r, j)}
                    how = "the one expansion sharing context:"
                if len(pick) != 1:
                    self.notes.append(f"kept apart: acronym {n.name!r} ({n.article_id[:8]}) fits {len(roots)} actors")
                    continue
                r = next(iter(pick))
                i = next(x for x in sorted(expansions[ac]) if self.find(x) == r)
                self.try_union(i, j, f"acronym {n.name!r} = {how} {self.nodes[i].name!r}", 0.8 if how == "initials of"
                               else 0.7)
            # the same acronym with no expansion in sight: one actor unless something conflicts
            alone = [j for j in bare[ac] if not any(self.find(j) == self.find(i) for i in expansions.get(ac, ()))]
            if not expansions.get(ac):
                for j in alone[1:]:
                    self.try_union(alone[0], j, f"same acronym {self.nodes[j].name!r}, no expansion seen", 0.75)

    def pass_bare_surnames(self) -> None:
        """A bare surname joins a full name only if exactly one candidate shares context."""
        full_by_last: dict[str, set[int]] = defaultdict(set)
        full_by_skel: dict[str, set[int]] = defaultdict(set)
        for i, n in enumerate(self.nodes):
            if n.person:
                first, last = _person_parts(name_tokens(n.name, person=True))
                if first and last:
                    full_by_last[last].add(i)
                    full_by_skel[skeleton((last,))[0]].add(i)
        root_cache: dict[tuple[str, str], set[int]] = {}
        for j, n in enumerate(self.nodes):
            if not n.person:
                continue
            first, last = _person_parts(name_tokens(n.name, person=True))
            if first or not last:
                continue
            key = ("last", last) if last in full_by_last else ("skel", skeleton((last,))[0])
            if key not in root_cache:
                cand_nodes = full_by_last.get(last) or full_by_skel.get(key[1], set())
                root_cache[key] = {self.find(i) for i in cand_nodes}
            roots = {self.find(r) for r in root_cache[key]}
            root_cache[key] = set(roots)
            roots -= {self.find(j)}
            if not roots:
                continue
            supported: dict[int, list[str]] = {}
            for r in roots:
                if self.conflict(r, j) is not None:
                    continue
                why = self._shared_context(r, j)
                if why:
                    supported[r] = why
            if len(supported) == 1:
                r, why = next(iter(supported.items()))
                self.union(r, j, f"surname {n.name!r} -> {self.nodes[r].name!r}; shared context: "
                                 + ", ".join(why[:4]), 0.7)
            elif len(supported) > 1:
                names = sorted(self.nodes[r].name for r in supported)
                self.notes.append(f"kept apart: surname {n.name!r} ({n.article_id[:8]}) fits {names}")
            else:
                self.notes.append(f"kept apart: surname {n.name!r} ({n.article_id[:8]}): no shared context")

    def _shared_context(self, root: int, j: int) -> list[str]:
        """Evidence that the bare surname (or acronym) j is about cluster root: an organisation
        both are tied to, a role word both carry, or another (non-place) actor both articles
        mention.

        Organisations and co-actors are compared as *resolved clusters*, so "Kata'ib al-Fajr"
        in one article and "Kata'eb Al Fajr" in another count as the same context.  Costs are
        bounded by j's own article, not by the size of the candidate cluster."""
        nj = self.nodes[j]
        rc, rj = self.find(root), self.find(j)
        c = self.clusters[rc]
        aid = nj.article_id

        def overlaps(arts: set[str]) -> bool:  # shares an article with c other than j's own
            small, big = (arts, c.articles) if len(arts) <= len(c.articles) else (c.articles, arts)
            return any(x != aid and x in big for x in small)

        orgs_j = {self.find(k) for eid in nj.org_ids if (k := self._index.get((nj.article_id, eid))) is not None}
        orgs_c = {self.find(k) for k in c.org_nodes}
        why = [f"org {self.nodes[r].name!r}" for r in sorted(orgs_j & orgs_c)]
        why += [f"org {o!r}" for o in sorted(nj.orgs & c.orgnames) if not why]
        why += [f"role {r!r}" for r in sorted(nj.roles & (c.roles - _GENERIC_ROLE_WORDS)) if len(r) > 3]
        for k in self._by_article.get(nj.article_id, []):
            r = self.find(k)
            if k == j or r in (rc, rj) or self.clusters[r].nonplace == 0:
                continue
            if overlaps(self.clusters[r].articles):
                why.append(f"co-actor {self.nodes[r].name!r}")
        why = list(dict.fromkeys(why))
        if not why:
            # a co-actor written as an acronym in one article and spelled out in the other,
            # but never the very acronym being resolved
            own_acr = c.acronyms | self.clusters[rj].acronyms
            for k in self._by_article.get(nj.article_id, []):
                n = self.nodes[k]
                if k == j or n.person:
                    continue
                ac = as_acronym(n.name) or acronym_of(n.name)
                if not ac or len(ac) < 3 or ac in own_acr:
                    continue
                if any(self.nodes[x].article_id != aid and self.nodes[x].article_id in c.articles
                       and self.find(x) != rc
                       for x in self._acr_nodes.get(ac, ())):
                    why.append(f"co-actor acronym {ac.upper()!r}")
        return why

    def run(self) -> list[list[int]]:
        self.pass_names()
        self.pass_surname_firstname()
        self.pass_skeleton()
        # acronyms and bare surnames give each other context ("Saleh" and "NRA" in one article):
        # repeat the two context-driven passes until nothing changes
        for _ in range(3):
            before = len(self.clusters)
            self.pass_acronyms()
            self.pass_bare_surnames()
            if len(self.clusters) == before:
                break
        # a refusal in one pass may be overruled by a later one; report only what stayed apart
        self.notes = list(dict.fromkeys(self.notes))
        seen: set[str] = set()
        for i, j, msg in self._pair_notes:
            if self.find(i) != self.find(j) and msg not in seen:
                seen.add(msg)
                self.notes.append(msg)
        groups: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.nodes)):
            groups[self.find(i)].append(i)
        return sorted(groups.values(), key=lambda g: min(g))

    def member_evidence(self, i: int) -> tuple[str, float]:
        """Why node i is in its actor: the evidence of the union that attached its subtree."""
        if i in self.evidence:
            return self.evidence[i]
        return ("seed of the actor", 1.0)


# --------------------------------------------------------------------------
# manual decisions


def apply_decisions(groups: list[list[int]], nodes: Sequence[Node], decisions: Iterable[Decision],
                    evidence: dict[int, tuple[str, float]]) -> list[list[int]]:
    """Replay manual merges and splits, in order, on the automatic groups."""
    groups = [list(g) for g in groups]
    for d in decisions:
        a_keys, b_keys = set(d.a), set(d.b)
        if d.op == "merge":
            ga = [g for g in groups if any(nodes[i].key in a_keys for i in g)]
            gb = [g for g in groups if any(nodes[i].key in b_keys for i in g)]
            if not ga or not gb:
                continue
            merged: list[int] = []
            for g in {id(g): g for g in ga + gb}.values():
                merged += g
                groups.remove(g)
            first_b = next((i for i in merged if nodes[i].key in b_keys), None)
            if first_b is not None:
                evidence[first_b] = (f"manual merge{': ' + d.note if d.note else ''}", 1.0)
            groups.append(sorted(set(merged)))
        elif d.op == "split":
            out = []
            for g in groups:
                moved = [i for i in g if nodes[i].key in a_keys]
                if moved and len(moved) < len(g):
                    out.append([i for i in g if i not in moved])
                    out.append(moved)
                    for i in moved:
                        evidence[i] = (f"manual split{': ' + d.note if d.note else ''}", 1.0)
                else:
                    out.append(g)
            groups = out
    return sorted(groups, key=lambda g: min(g))


# --------------------------------------------------------------------------
# from groups to actors


def _slug(text: str) -> str:
    """Readable id from a name: "Kata'ib al-Fajr" -> "kataib-al-fajr"."""
    s = re.sub(r"[^\w]+", "-", fold(text).replace("'", "")).strip("-_")
    return (s or "actor")[:48]


def _canonical_name(ns: Sequence[Node], person: bool) -> str:
    """The most used full name, untitled; ties go to the longer form ("United States" over "US")."""
    counts = Counter(n.name for n in ns)

    def score(nm: str) -> tuple[bool, bool, int, int, str]:
        toks = name_tokens(nm, person=person)
        titled = len(toks) < len(name_tokens(nm)) if person else False
        return (len(toks) >= 2, not titled, counts[nm], len(nm), nm)

    return max(counts, key=score)


def _majority(values: Iterable[str | None], skip: Iterable[str] = ()) -> str | None:
    c = Counter(v for v in values if v and v not in set(skip))
    return c.most_common(1)[0][0] if c else None


def resolve(
    nodes: Sequence[Node], decisions: Iterable[Decision] = ()
) -> tuple[list[ActorCluster], list[str]]:
    """Resolve nodes into actors.  Returns (actors, notes on what was kept apart and why).

    Nodes are processed in (article id, entity id) order, so the result does not depend on
    the order the store or the caller happens to list them in."""
    nodes = sorted(nodes, key=lambda n: (n.article_id, n.entity_id))
    r = Resolver(nodes)
    groups = r.run()
    # every node but a root was attached exactly once: that union's evidence is its own
    evidence = dict(r.evidence)
    groups = apply_decisions(groups, nodes, decisions, evidence)

    actors: list[ActorCluster] = []
    used: Counter[str] = Counter()
    for g in groups:
        ns = [nodes[i] for i in g]
        person = sum(n.person for n in ns) * 2 >= len(ns)
        name = _canonical_name(ns, person)
        etype = _majority((n.type for n in ns), skip=("PERSON",) if not person else ()) or ns[0].type
        if person:
            etype = "PERSON"
        kind = _majority((n.kind for n in ns), skip=("other",)) or ("person" if person else "other")
        iso = _majority(_country_of_node(n) for n in ns)
        if iso and not person and kind in ("other", "organisation"):
            kind = "country"
        country = iso or _majority(n.country for n in ns) or _majority(
            demonym_country(w) for n in ns for d in n.descriptions for w in re.findall(r"\b[A-Z][a-z]+\b", d)
        )
        aliases = sorted(({n.name for n in ns} | {a for n in ns for a in n.aliases}) - {name}, key=str.casefold)
        base = _slug(name)
        used[base] += 1
        aid = base if used[base] == 1 else f"{base}-{used[base]}"
        members = []
        conf = 1.0
        for i in g:
            ev, c = evidence.get(i, ("seed of the actor", 1.0))
            conf = min(conf, c)
            members.append(MemberLink(article_id=nodes[i].article_id, entity_id=nodes[i].entity_id,
                                      name=nodes[i].name, evidence=ev, confidence=c))
        actors.append(ActorCluster(id=aid, name=name, type=etype, kind=kind, country=country,
                                   sector=KIND_SECTOR.get(kind), code="", aliases=aliases,
                                   confidence=conf, members=members))
    _type_people(actors, nodes, groups)
    for a in actors:
        a.code = actor_code(a.kind, a.country, a.sector)
    return actors, r.notes


def _type_people(actors: list[ActorCluster], nodes: Sequence[Node], groups: list[list[int]]) -> None:
    """People get a sector from their role words, else from the org they speak for, and a
    country from the org when the text gives none."""
    by_name: dict[str, ActorCluster] = {}
    for a, g in zip(actors, groups, strict=True):
        for i in g:
            by_name.setdefault(" ".join(name_tokens(nodes[i].name)), a)
    for a, g in zip(actors, groups, strict=True):
        if a.kind != "person":
            continue
        sectors = [s for i in g for w in sorted(nodes[i].roles) if (s := role_sector(w))]
        orgs = [by_name[o] for i in g for o in sorted(nodes[i].orgs) if o in by_name]
        # a non-state organisation defines its people ("military spokesman" of a militia is REB)
        nonstate = [o.sector for o in orgs if o.sector in ("REB", "PTY", "MED", "IGO")]
        if nonstate:
            a.sector = Counter(nonstate).most_common(1)[0][0]
        elif sectors:
            a.sector = Counter(sectors).most_common(1)[0][0]
        elif orgs:
            a.sector = orgs[0].sector or ("GOV" if orgs[0].kind == "country" else None)
        if not a.country and orgs:
            a.country = next((o.country for o in orgs if o.country), None)


def resolve_analyses(analyses: Iterable[Analysis], decisions: Iterable[Decision] = ()
                     ) -> tuple[list[ActorCluster], list[str]]:
    """Convenience: resolve straight from analyses (tests, evals, small corpora)."""
    nodes = [n for a in analyses for n in nodes_from_analysis(a)]
    return resolve(nodes, decisions)


def fingerprint(nodes: Sequence[Node]) -> str:
    """Digest of the resolution input, to tell whether a stored resolution is stale."""
    h = hashlib.sha256()
    for n in sorted(nodes, key=lambda n: (n.article_id, n.entity_id)):
        h.update(f"{n.article_id}|{n.entity_id}|{n.name}\n".encode())
    return h.hexdigest()[:16]


# --------------------------------------------------------------------------
# the actor network (for exports and profiles)


class Edge(BaseModel):
    """A directed, aggregated relation between two actors."""

    source: str
    target: str
    relation: str  # member_of | quotes_about | event
    type: str | None = None  # event type (PLOVER) or the roles behind a membership
    count: int = 0
    articles: list[str] = Field(default_factory=list)


def entities_in_quote(a: Analysis, q: object) -> set[str]:
    """Entity ids mentioned inside a quote's content spans.

    Uses the article's mentions when there are any; otherwise (hand-made
    analyses) falls back to finding entity names and aliases in the content text.
    """
    content = getattr(q, "content", [])
    found: set[str] = set()
    if a.mentions:
        for m in a.mentions:
            if m.entity and any(c.start <= m.start and m.end <= c.end for c in content):
                found.add(m.entity)
        return found
    for e in a.entities:
        for nm in [e.name, *e.aliases]:
            if len(nm) > 2 and any(re.search(r"\b" + re.escape(nm) + r"\b", c.text) for c in content):
                found.add(e.id)
                break
    return found


def is_membership(a: Analysis, org_entity: str | None) -> bool:
    """A role ties its holder to an organisation or state, not to a people ("Shiite cleric")."""
    org = a.entity(org_entity) if org_entity else None
    return org is not None and org.type != "NORP" and org.kind != "group"


def actor_edges(analyses: Iterable[Analysis], actor_of: dict[tuple[str, str], str]) -> list[Edge]:
    """Membership (part_of and roles' orgs), "quotes about" and event edges between actors,
    each aggregated over articles with a count and the article ids."""
    acc: dict[tuple[str, str, str, str | None], Edge] = {}

    def bump(src: str | None, dst: str | None, rel: str, typ: str | None, aid: str) -> None:
        if not src or not dst or src == dst:
            return
        key = (src, dst, rel, typ)
        e = acc.get(key) or acc.setdefault(key, Edge(source=src, target=dst, relation=rel, type=typ))
        e.count += 1
        if aid not in e.articles:
            e.articles.append(aid)

    for a in analyses:
        aid = a.article.id

        def act(eid: str | None, aid: str = aid) -> str | None:
            return actor_of.get((aid, eid)) if eid else None

        for e in a.entities:
            for p in e.part_of:
                bump(act(e.id), act(p), "member_of", "part_of", aid)
            for r in e.roles:
                if is_membership(a, r.org_entity):
                    bump(act(e.id), act(r.org_entity), "member_of", "role", aid)
        for q in a.quotes:
            spk = act(q.speaker_entity)
            for eid in sorted(entities_in_quote(a, q)):
                bump(spk, act(eid), "quotes_about", None, aid)
        for ev in a.events:
            bump(act(ev.actor.entity if ev.actor else None), act(ev.recipient.entity if ev.recipient else None),
                 "event", ev.type, aid)
    return sorted(acc.values(), key=lambda e: (e.relation, e.source, e.target, e.type or ""))
