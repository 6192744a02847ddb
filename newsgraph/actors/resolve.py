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
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache

from pydantic import BaseModel, Field

from .. import lexicons
from ..model import Analysis, Entity
from ..textnorm import HYPHENS, fold
from .codes import (
    KIND_SECTOR,
    actor_code,
    capital_city,
    city_population,
    country_code,
    demonym_country,
    region_country,
    role_sector,
)

# --------------------------------------------------------------------------
# name normalization

_HYPHENS = HYPHENS
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


def group_forms(n: Node) -> set[str]:
    """Keys of a one-word group name (NORP) that its number and adjective forms share: a plural
    "-s" goes ("Republicans" -> "republican") and an adjective in "-ic" also keys as its noun
    ("Democratic" -> "democrat", meeting "Democrats").  Empty for people and longer names."""
    if n.person or n.type != "NORP":
        return set()
    toks = name_tokens(n.mname)
    if len(toks) != 1 or not toks[0].isalpha():
        return set()
    w = toks[0]
    forms = {w[:-1] if w.endswith("s") and len(w) > 4 else w}
    if w.endswith("ic") and len(w) > 6:
        forms.add(w[:-2])
    return {"g:" + f for f in forms}


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


# Role words too common to tie a bare surname to one person.
_GENERIC_ROLE_WORDS = frozenset(
    "the of a an and for former senior deputy head chief leader member official new top acting".split()
)

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
    mname: str = ""  # the name resolution matches on: ``name`` without an epithet ("Crooked Hillary" -> "Hillary")
    gen: str | None = None  # generational suffix of a full person name ("jr"); "" for none; None for a bare name
    epithet: bool = False  # the written name carries a nickname or slur: it never names the actor
    chamber_country: str | None = None  # for a legislative chamber ("the Senate"): the country it sits in
    actor_id: str | None = None  # set on the stand-in node of an actor already in the index
    state: dict | None = None  # that actor's stored resolution state (see ``newsgraph.actors.index``)

    def __post_init__(self) -> None:
        if not self.mname:
            self.mname = self.name

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
    home = article_country(entities)
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
        n = out[-1]
        if n.person:
            n.mname, n.epithet = strip_epithet(e.name)
            n.gen = generation(n.mname)
        elif is_chamber(e.name):
            n.chamber_country = e.country or home
    return out


# Legislative chambers and courts news names without their country ("the House", "Senate"):
# one name, a different body in every country.
_CHAMBERS = frozenset({
    "house", "senate", "congress", "parliament", "house of representatives", "house of commons",
    "house of lords", "national assembly", "assembly", "legislature", "cabinet", "supreme court",
    "senate foreign relations committee", "house intelligence committee", "upper house", "lower house",
})


def is_chamber(name: str) -> bool:
    """A chamber name that needs a country to denote one body ("the Senate", "House")."""
    return " ".join(name_tokens(name)) in _CHAMBERS


def article_country(entities: Sequence[Entity]) -> str | None:
    """The country an article is about: the most mentioned country, or the country of its most
    mentioned place (regions and cities count for their country); None when it names none."""
    votes: Counter[str] = Counter()
    for e in entities:
        if e.type not in ("GPE", "LOC", "NORP") and e.kind not in ("country", "city"):
            continue
        iso = country_code(e.name) or (region_country(e.name) if e.type in ("GPE", "LOC") else None) or (
            e.country if e.kind in ("country", "city") else None)
        if iso:
            votes[iso] += max(1, len(e.mentions))
    return votes.most_common(1)[0][0] if votes else None


def generation(name: str) -> str | None:
    """Generational suffix of a full person name ("Donald Trump Jr." -> "jr"), "" when it has
    none, None for a bare surname (which says nothing about generation)."""
    toks = [t for t in fold(name).replace(".", " ").replace(",", " ").split() if t]
    if len(toks) < 2:
        return None
    if toks[-1] in _SUFFIXES:
        return toks[-1]
    return "" if len(name_tokens(name, person=True)) >= 2 else None


@lru_cache(maxsize=1)
def _given_names() -> object:
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=False)


@lru_cache(maxsize=50_000)
def is_given_name(word: str) -> bool:
    """Is ``word`` a given name in the registry of the ``gender-guesser`` package?"""
    w = re.sub(r"[^\w-]", "", word)
    return bool(w) and _given_names().get_gender(w) != "unknown"  # type: ignore[attr-defined]


def strip_epithet(name: str) -> tuple[str, bool]:
    """("Crooked Hillary" -> ("Hillary", True)): a leading word that is no given name before a
    given name is a nickname or slur the speaker applies, never part of the person's name.
    Titles ("Sen.", "President") are not epithets; they are dropped by :func:`name_tokens`."""
    words = name.split()
    m = re.match(r"^(?:pro|anti|ex|non|post|pre)[" + HYPHENS + r"](\w.*)$", name, flags=re.I)
    if m and len(words) == 1:
        return m.group(1), True
    if len(words) < 2:
        return name, False
    first = fold(words[0]).strip(".,'")
    if first in _TITLES or first in _SUFFIXES or not first.isalpha() or len(first) < 3:
        return name, False
    if words[0][:1].islower() or is_given_name(words[0]) or not is_given_name(words[1]):
        return name, False
    return " ".join(words[1:]), True


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
    if n.kind in ("city", "region", "government", "armed_group", "party", "media", "international_organisation"):
        return None  # a region read as such ("Georgia" the US state) is not its namesake country
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
    gens: set[str] = field(default_factory=set)  # generational suffixes of full names ("" = none)
    kinds: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)  # ids of indexed actors in the cluster (at most one)
    indexed_articles: int = 0  # articles an indexed actor already has (its stand-in is one node)

    def absorb(self, other: _Cluster) -> None:
        """Take in ``other`` (a union): members and counts add up, sets and flags unite.

        Written over the fields, so a field added to the cluster cannot be forgotten in a merge.
        Lists and sets are extended in place, as ``+=`` and ``|=`` did."""
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            if isinstance(mine, list):
                mine.extend(theirs)
            elif isinstance(mine, set):
                mine |= theirs
            elif isinstance(mine, bool):
                setattr(self, f.name, mine or theirs)
            else:
                setattr(self, f.name, mine + theirs)


def cluster_state(c: _Cluster) -> dict:
    """What the index keeps of a cluster to match later articles against it (JSON-able, bounded:
    names and roles, never the article list)."""
    return {"person": c.person, "nonperson": c.nonperson, "firsts": sorted(c.firsts), "lasts": sorted(c.lasts),
            "countries": sorted(c.countries), "org_countries": sorted(c.org_countries), "full": c.full,
            "nonplace": min(c.nonplace, 1_000_000), "roles": sorted(c.roles)[:200],
            "orgnames": sorted(c.orgnames)[:200], "acronyms": sorted(c.acronyms), "gens": sorted(c.gens),
            "kinds": sorted(c.kinds),
            "n_articles": sum(1 for x in c.articles if not x.startswith("actor:")) + c.indexed_articles}


def _load_state(c: _Cluster, st: dict) -> None:
    for k in ("person", "nonperson", "full", "nonplace"):
        setattr(c, k, st.get(k, getattr(c, k)))
    for k in ("firsts", "lasts", "countries", "org_countries", "roles", "orgnames", "acronyms", "gens", "kinds"):
        setattr(c, k, set(st.get(k, ())))
    c.indexed_articles = int(st.get("n_articles", 1))


class Resolver:
    """Union-find over nodes with conflict checks; see the module docstring for the passes."""

    def __init__(self, nodes: Sequence[Node]) -> None:
        self.nodes = list(nodes)
        self.parent = list(range(len(nodes)))
        self.evidence: dict[int, tuple[str, float]] = {}
        self.notes: list[str] = []
        self._pair_notes: list[tuple[int, int, str]] = []
        self.clusters: dict[int, _Cluster] = {}
        self.article_loader: Callable[[str], set[str]] | None = None
        self._loaded: dict[str, set[str]] = {}
        self._index = {(n.article_id, n.entity_id): i for i, n in enumerate(self.nodes)}
        self._by_article: dict[str, list[int]] = defaultdict(list)
        for i, n in enumerate(self.nodes):
            self._by_article[n.article_id].append(i)
        for i, n in enumerate(self.nodes):
            toks = name_tokens(n.mname, person=n.person)
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
                gens={n.gen} if n.gen is not None else set(),
                kinds={n.kind},
                actors={n.actor_id} if n.actor_id else set(),
            )
            if n.chamber_country is not None or is_chamber(n.name):
                # a chamber whose country the article does not give is a body of that article alone
                self.clusters[i].org_countries = {n.chamber_country or f"?{n.article_id}"}
            if n.state is not None:
                _load_state(self.clusters[i], n.state)
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
        if a.actors and b.actors and a.actors != b.actors:
            return "two indexed actors stay apart (an article joins, never merges, actors)"
        if not same_article_ok and a.articles & b.articles:
            return "one article keeps them apart"
        if a.gens and b.gens and a.gens != b.gens:
            return f"generations differ ({'/'.join(sorted(x or '-' for x in a.gens | b.gens))})"
        places, bodies = {"city"}, {"government", "country"}
        if (a.kinds <= places and b.kinds & bodies) or (b.kinds <= places and a.kinds & bodies):
            return "a city as a place is not its country's government"
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
        a.absorb(b)
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
            def link(x: int, j: int, k: str = k) -> tuple[str, float]:
                ni, nj = self.nodes[x], self.nodes[j]
                exact = fold(ni.name) == fold(nj.name)
                ev = (f"{describe} {k.split(':', 1)[-1]!r}: "
                      f"{ni.name!r} ({ni.source or ni.article_id[:8]}) ~ "
                      f"{nj.name!r} ({nj.source or nj.article_id[:8]})")
                return ev, conf_exact if exact else conf_var
            self._join_bucket(buckets[k], link, **kw)

    def _join_bucket(self, members: list[int], link: Callable[[int, int], tuple[str, float]], **kw: bool) -> None:
        """Join the members of one bucket, each to the first representative it may join.

        One representative per distinct cluster of the bucket, so the work is linear in the
        bucket's size times its clusters, not quadratic in its members; ``link`` gives the
        evidence and confidence of a pair, and ``try_union`` may still keep them apart.
        """
        reps: list[int] = []
        for j in members:
            joined = False
            for x in reps:
                if self.find(x) == self.find(j):
                    joined = True
                    break
                ev, conf = link(x, j)
                if self.try_union(x, j, ev, conf, **kw):
                    joined = True
                    break
            if not joined:
                reps.append(j)

    def pass_names(self) -> None:
        keys: dict[int, set[str]] = {}
        cross: dict[int, set[str]] = {}
        for i, n in enumerate(self.nodes):
            ks: set[str] = set()
            toks = name_tokens(n.mname, person=n.person)
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

    def pass_group_forms(self) -> None:
        """One group under its number and adjective forms: "Republicans" / "Republican", "Democrats" /
        "Democrat" / "Democratic" (see :func:`group_forms`).  The tagger labels each NORP, and by
        name alone they were five actors, the most-covered on US election news after the candidates."""
        keys = {i: ks for i, n in enumerate(self.nodes) if (ks := group_forms(n))}
        # "Republican" and "Republicans" in one article are one group too (as with a country's forms)
        self._bucket_pass(keys, "same group word", 0.9, 0.85, same_article_ok=True)

    def pass_surname_firstname(self) -> None:
        by_last: dict[str, list[int]] = defaultdict(list)
        for i, n in enumerate(self.nodes):
            if n.person:
                first, last = _person_parts(name_tokens(n.mname, person=True))
                if first and last:
                    by_last[last].append(i)
        for last in sorted(by_last):
            def link(x: int, j: int, last: str = last) -> tuple[str, float]:
                return (f"same surname {last!r}, compatible first names: "
                        f"{self.nodes[x].name!r} ~ {self.nodes[j].name!r}"), 0.85
            self._join_bucket(by_last[last], link)

    def pass_skeleton(self) -> None:
        keys: dict[int, set[str]] = {}
        for i, n in enumerate(self.nodes):
            toks = name_tokens(n.mname, person=n.person)
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
        full_by_first: dict[str, set[int]] = defaultdict(set)  # a bare given name ("Hillary")
        for i, n in enumerate(self.nodes):
            if n.person:
                first, last = _person_parts(name_tokens(n.mname, person=True))
                if first and last:
                    full_by_last[last].add(i)
                    full_by_skel[skeleton((last,))[0]].add(i)
                    full_by_first[first].add(i)
        root_cache: dict[tuple[str, str], set[int]] = {}
        for j, n in enumerate(self.nodes):
            if not n.person:
                continue
            first, last = _person_parts(name_tokens(n.mname, person=True))
            if first or not last:
                continue
            if any(self.nodes[i].article_id == n.article_id for i in full_by_last.get(last, ())):
                # the article names people of that surname in full (Bill and Hillary Clinton): the bare
                # name is one of them (see pass_same_article), never a third Clinton of another article
                continue
            key = ("last", last) if last in full_by_last else ("skel", skeleton((last,))[0])
            if key[0] == "skel" and (len(key[1]) < 3 or is_given_name(last)):
                key = ("none", last)  # "Larry" is not a spelling of "Lauer": too short, and a given name
            if last not in full_by_last and not full_by_skel.get(key[1]) and last in full_by_first \
                    and is_given_name(last):
                key = ("first", last)
            if key not in root_cache:
                cand_nodes = (full_by_first[last] if key[0] == "first"
                              else set() if key[0] == "none"
                              else full_by_last.get(last) or full_by_skel.get(key[1], set()))
                root_cache[key] = {self.find(i) for i in cand_nodes}
            roots = {self.find(r) for r in root_cache[key]}
            root_cache[key] = set(roots)
            roots -= {self.find(j)}
            if not roots:
                continue
            r, why, supported = self._pick(j, roots)
            if r is not None:
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

        c_arts = self.real_articles(c.articles)

        def overlaps(arts: set[str]) -> bool:  # shares an article with c other than j's own
            arts = self.real_articles(arts)
            small, big = (arts, c_arts) if len(arts) <= len(c_arts) else (c_arts, arts)
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

    def real_articles(self, arts: set[str]) -> set[str]:
        """Article ids of a cluster, with an indexed actor's stand-in ("actor:ID") expanded to the
        articles the index holds for it (loaded on first use, only for context checks)."""
        if self.article_loader is None or not any(x.startswith("actor:") for x in arts):
            return arts
        out = {x for x in arts if not x.startswith("actor:")}
        for x in arts:
            if x.startswith("actor:"):
                if x not in self._loaded:
                    self._loaded[x] = self.article_loader(x[6:])
                out |= self._loaded[x]
        return out

    def pass_same_article(self) -> None:
        """Inside one article, a bare surname ("Trump", "Mr. Trump", "Trump's", even tagged ORG)
        whose surname only one full-named person of that article bears is that person: the
        within-article clustering missed the link, the actor must not.  Two full names with the
        surname (Bill and Hillary Clinton) leave it alone."""
        for aid in sorted(self._by_article):
            full: dict[str, list[int]] = defaultdict(list)
            firsts: dict[str, list[int]] = defaultdict(list)
            for i in self._by_article[aid]:
                n = self.nodes[i]
                if n.person:
                    first, last = _person_parts(name_tokens(n.mname, person=True))
                    if first and last:
                        full[last].append(i)
                        firsts[first].append(i)
            if not full:
                continue
            # one article, one full name: "Hillary Clinton" twice, or with a middle initial, is one person;
            # a capitalised word glued before a full name ("Rip Donald Trump") is not another one
            # (spellings differ -- "Ali Hassan" / "Ali Hasan" -- and the article keeps two people apart)
            by_full: dict[tuple[str, ...], list[int]] = defaultdict(list)
            for i in self._by_article[aid]:
                n = self.nodes[i]
                if n.person:
                    toks = name_tokens(n.mname, person=True)
                    words = [w for w in fold(n.mname).replace(".", " ").split() if w not in _SUFFIXES]
                    if len(toks) >= 2 and words:
                        by_full[(*toks, "|", words[-1])].append(i)
            for key, group in list(by_full.items()):
                if len(key) >= 5 and key[1:] in by_full:
                    by_full[key[1:]].extend(group)
            for group in by_full.values():
                for x in group[1:]:
                    self.try_union(group[0], x, f"same full name {self.nodes[x].name!r} ~ {self.nodes[group[0]].name!r} "
                                   f"in article {aid[:8]}", 0.9, same_article_ok=True)
            for j in self._by_article[aid]:
                n = self.nodes[j]
                if not n.person and (n.kind == "country" or as_acronym(n.name) or country_code(n.name)
                                     or region_country(n.name) or capital_city(n.name)
                                     or (city_population(n.name) or 0) >= 500_000):
                    continue  # a real place ("Washington", "Ontario"), not a mis-typed surname
                toks = name_tokens(n.mname, person=True)
                if len(toks) != 1:
                    continue
                cands = full.get(toks[0], [])
                how = "surname"
                if not cands and n.person and n.epithet:
                    cands, how = firsts.get(toks[0], []), "first name"
                if len({self.find(x) for x in cands}) != 1:
                    continue
                self.try_union(cands[0], j, f"{how} {n.name!r} -> {self.nodes[cands[0]].name!r}, the one person "
                               f"of that {how} in article {aid[:8]}", 0.8, same_article_ok=True,
                               cross_type_ok=True)

    def _pick(self, j: int, roots: set[int]) -> tuple[int | None, list[str], dict[int, list[str]]]:
        """The candidate cluster with clearly the most shared context with node j: the only one with
        any, or one with at least two pieces of evidence and twice the runner-up's."""
        supported: dict[int, list[str]] = {}
        for r in roots:
            if self.conflict(r, j) is not None:
                continue
            why = self._shared_context(r, j)
            if why:
                supported[r] = why
        ranked = sorted(supported.items(), key=lambda kv: (-len(kv[1]), -self.coverage(kv[0]),
                                                           self.nodes[kv[0]].name))
        if len(ranked) == 1:
            return ranked[0][0], ranked[0][1], supported
        if len(ranked) > 1:
            (r1, w1), (_r2, w2) = ranked[0], ranked[1]
            if len(w1) >= 2 and len(w1) >= 2 * len(w2):
                return r1, w1, supported
            # as much context, but one much-covered person: "Trump" in election news
            c1, c2 = self.coverage(r1), max(self.coverage(r) for r, _ in ranked[1:])
            if len(w1) >= 2 and c1 >= 5 and c1 >= 5 * c2:
                return r1, [*w1, f"covered in {c1} articles against {c2}"], supported
        return None, [], supported

    def coverage(self, root: int) -> int:
        """Articles a cluster is in (an indexed actor counts with the articles the index holds)."""
        c = self.clusters[self.find(root)]
        return sum(1 for x in c.articles if not x.startswith("actor:")) + c.indexed_articles

    def run(self) -> list[list[int]]:
        self.pass_same_article()
        self.pass_names()
        self.pass_group_forms()
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


def name_forms(ns: Sequence[Node], name: str, also: Iterable[str] = ()) -> list[str]:
    """The other names an actor goes by, without the epithets speakers apply ("Crooked Hillary"):
    those are labels, not names.  Sorted case-blind, then by the exact string, so that "Pence" and
    "PENCE" come in the same order on every run (a set's order changes with the hash seed).  A
    form in capitals that is another form in ordinary case ("MUSLIMS" beside "Muslim") is left
    out: it is the same name in a shouting headline."""
    forms = {n.name for n in ns if not n.epithet} | {a for n in ns for a in n.aliases} | set(also)

    def caseless(f: str) -> str:
        return f.casefold().removesuffix("s")

    quiet = {caseless(f) for f in forms | {name} if not f.isupper()}
    # "MUSLIMS" beside "Muslim": a headline's capitals are the same name shouted, not another name
    forms = {f for f in forms if not (f.isupper() and len(f) > 3 and caseless(f) in quiet)}
    return sorted((f for f in forms - {name} if not (ns[0].person and strip_epithet(f)[1])),
                  key=lambda f: (f.casefold(), f))


def canonical_name(counts: Counter[str] | dict[str, int], person: bool) -> str:
    """The most used full name, untitled; ties go to the longer form ("United States" over "US").
    A name carrying an epithet ("Crooked Hillary") never names a person: its remainder does.
    A group's longer form must be used by two members or a tenth of them: one article's
    expansion of an acronym ("the Clown News Network (CNN)" in an opinion piece, another body
    that shares the letters) does not rename an organisation 25 others call "CNN"."""
    if person:
        plain: Counter[str] = Counter()
        for nm, c in counts.items():
            plain[strip_epithet(nm)[0]] += c
        counts = plain
    else:
        total = sum(counts.values())
        counts = Counter({nm: c for nm, c in counts.items() if c >= 2 or c >= 0.1 * total}) or Counter(counts)

    def score(nm: str) -> tuple[bool, bool, int, int, str]:
        toks = name_tokens(nm, person=person)
        titled = len(toks) < len(name_tokens(nm)) if person else False
        return (len(toks) >= 2, not titled, counts[nm], len(nm), nm)

    return max(counts, key=score)


def describe(ns: Sequence[Node]) -> tuple[str, str, str, str | None]:
    """(name, type, kind, country) of an actor from its member nodes: majorities, with the
    gazetteer having the last word on places (a province is a region of its country, not a
    city; a city as a place stays a city) and people always of kind person."""
    person = sum(n.person for n in ns) * 2 >= len(ns)
    name = canonical_name(Counter(n.name for n in ns), person)
    etype = _majority((n.type for n in ns), skip=("PERSON",) if not person else ()) or ns[0].type
    if person:
        etype = "PERSON"
    kind = "person" if person else (_majority((n.kind for n in ns), skip=("other", "person")) or "other")
    # most members read as a region ("Georgia" the US state): the few read as the namesake
    # country do not make the actor that country
    iso = None if kind == "region" else _majority(_country_of_node(n) for n in ns)
    if iso and not person and kind in ("other", "organisation"):
        kind = "country"
    country = iso or _majority(n.country for n in ns) or _majority(
        demonym_country(w) for n in ns for d in n.descriptions for w in re.findall(r"\b[A-Z][a-z]+\b", d)
    )
    if not person and kind == "city" and etype not in ("GPE", "LOC"):
        kind = "group" if etype == "NORP" else "organisation"
    if not person and kind in ("city", "other", "organisation") and etype in ("GPE", "LOC") and not iso:
        reg = region_country(name)
        if reg and not capital_city(name) and (city_population(name) or 0) < 1_000_000:
            kind, country = "region", reg
    return name, etype, kind, country


def _majority(values: Iterable[str | None], skip: Iterable[str] = ()) -> str | None:
    c = Counter(v for v in values if v and v not in set(skip))
    return c.most_common(1)[0][0] if c else None


def resolve(
    nodes: Sequence[Node], decisions: Iterable[Decision] = ()
) -> tuple[list[ActorCluster], list[str]]:
    """Resolve nodes into actors.  Returns (actors, notes on what was kept apart and why)."""
    actors, notes, _states = resolve_full(nodes, decisions)
    return actors, notes


def resolve_full(
    nodes: Sequence[Node], decisions: Iterable[Decision] = ()
) -> tuple[list[ActorCluster], list[str], list[dict]]:
    """:func:`resolve`, plus each actor's index state (what later articles are matched against).

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
        name, etype, kind, country = describe(ns)
        aliases = name_forms(ns, name)
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
    states = [group_state(r, g) for g in groups]
    return actors, r.notes, states


def group_state(r: Resolver, group: Sequence[int]) -> dict:
    """The index state of a final group (after manual decisions, which may cut or join clusters)."""
    merged: dict | None = None
    for root in sorted({r.find(i) for i in group}):
        st = cluster_state(r.clusters[root])
        if merged is None:
            merged = st
            continue
        for k, v in st.items():
            if isinstance(v, list):
                merged[k] = sorted(set(merged[k]) | set(v))
            elif isinstance(v, bool):
                merged[k] = merged[k] or v
            else:
                merged[k] = merged[k] + v
    st = merged or {}
    st["names"] = dict(Counter(r.nodes[i].name for i in group).most_common(50))
    return st


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
        # ... unless the person's own roles say otherwise more often (a secretary of state tied once to
        # an "Armed Services Committee" a tagger called an armed group is not a rebel)
        nonstate = [o.sector for o in orgs if o.sector in ("REB", "PTY", "MED", "IGO")]
        top_role = Counter(sectors).most_common(1)[0][1] if sectors else 0
        if nonstate and Counter(nonstate).most_common(1)[0][1] >= top_role:
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
