"""Person-name passes of the coreference sieve.

Why parse names at all: "Mr. Trump", "Donald J. Trump", "Trump" and "Donald Trump Jr." are
four strings; deciding which are one person needs their parts — title, first, middle, last,
suffix — which ``nameparser`` gives for names from many traditions (particles such as al-,
bin, van, de stay with the surname).

Passes, most precise first (the name recorded in ``Mention.sieve``):

``exact``         the same full name again (case, diacritics, possessives ignored);
``name_variant``  same first and last name, a middle name or initial added or dropped
                  ("Donald J. Trump" / "Donald Trump", "Hillary Rodham Clinton"), or the two
                  names swapped ("Higuchi Natsuko" / "Natsuko Higuchi": family name first);
``surname``       a bare or titled surname ("Trump", "Mr. Trump", "President Obama") and the one
                  full name in the article with that surname; a stated gender ("Mrs.") must
                  agree, and a generational suffix must be on both or neither;
``surname_salient`` several people share the surname and one of them has been mentioned more
                  often so far (at least twice): that one — the article's protagonist ("Goode" in a
                  profile of Matthew Goode that names his parents Rose and Ralph Goode);
``surname_recent`` several people share the surname, equally salient ("Bill" and "Hillary Clinton"): the one named
                  most recently before the mention (the reader's reading); when none is named
                  before it, or the last two were named in one sentence ("Karim Nasser met his
                  cousin Omar Nasser"), none is preferred: the mention stands alone, ``ambiguous``;
``given_name``    a first name alone ("Hillary") that only one full name in the article has and
                  that is nobody's surname; ``given_name_salient``: several full names have it and
                  one has been named at least twice as often so far (a pseudonym and a legal name).

A name with its place ("Theodorus of Tabennese") is parsed without the place.

A different first name or a different generational suffix always blocks a merge.  Among
namesakes, so does an office title the article never gives the full name: with "Bill Clinton" and
"Hillary Clinton" both named, "President Clinton" joins the one called president somewhere in
the article ("former President Bill Clinton", "Bill Clinton, the president"), or stands alone
(see :func:`office_title`).  A mention's own stated gender ("Mrs.", or a kinship
apposition such as "her father") must agree with the full name's.  Everything
here is per article and linear in the number of mentions (dictionary look-ups by surname).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ... import gazetteer
from ..actor_lexicon import NAME_PARTICLES, ROLE_NOUNS
from .gender import HONORIFIC_GENDER as HONORIFIC_TITLES
from .gender import Gender, given_name_gender, honorific_gender

_SUFFIX_NORM = {"jr": "jr", "junior": "jr", "sr": "sr", "senior": "sr", "ii": "ii", "iii": "iii", "iv": "iv"}


def _key(text: str) -> str:
    key = gazetteer.fold(text)
    key = re.sub(r"['’]s$", "", key)
    return re.sub(r"[\s\-'’‘`.]", "", key)


def _surname_key(last: str) -> str:
    """ "al-Hakim" and "Hakim", "van Beethoven" and "Beethoven": the particle is optional."""
    words = [w for w in re.split(r"[\s]+", gazetteer.fold(last)) if w]
    while len(words) > 1 and words[0] in NAME_PARTICLES:
        words = words[1:]
    word = " ".join(words)
    word = re.sub(r"^(?:al|el|ad|ar|as|an)-", "", word)
    return _key(word)


#: Abbreviated titles and the office they name ("Sen." is a senator).
TITLE_ABBREVIATIONS: dict[str, str] = {
    "sen": "senator", "gov": "governor", "rep": "representative", "pres": "president", "gen": "general",
    "lt": "lieutenant", "col": "colonel", "sgt": "sergeant", "capt": "captain", "cmdr": "commander",
    "adm": "admiral", "amb": "ambassador", "supt": "superintendent", "insp": "inspector", "det": "detective",
    "cpl": "corporal", "pvt": "private", "maj": "major", "atty": "attorney", "sec": "secretary",
}

#: Titles that are courtesies or professions, not an office one person holds at a time: "Dr. Smith"
#: after "Jane Smith" is her, whether or not the article calls her a doctor.
COURTESY_TITLES = frozenset({"dr", "doctor", "prof", "professor", "rev", "reverend", "fr", "father", "hon",
                              "honorable", "honourable", "saint", "st", "sir", "dame", "lord", "lady", "rabbi",
                              "imam", "sheikh", "pastor", "brother", "sister", "mother"})


#: Titles of nobility: "Duke of York", "Earl of Clare" name a title, not a person from a place.
_NOBLE_TITLES = frozenset({"duke", "duchess", "earl", "count", "countess", "baron", "baroness", "marquis",
                           "marquess", "viscount", "emperor", "empress", "tsar", "czar", "sultan", "emir", "khan"})


#: Monarchs and popes reign for life under a regnal name: "Emperor Norton", "King Harald" after the
#: full name is the same person, and the article seldom repeats the title with it.
_MONARCHS = frozenset({"king", "queen", "pope", "prince", "princess", "emperor", "empress", "tsar", "czar", "shah"})


def courtesy_or_regnal_title(word: str) -> bool:
    """ "Saint", "St.", "Dr.", "Emperor", "Duke": a title before a name that is not an office (and so
    never blocks a surname merge, see :func:`office_title`)."""
    word = word.lower().strip().rstrip(".")
    return word in COURTESY_TITLES or word in _NOBLE_TITLES or word in _MONARCHS


def office_title(title: str) -> str:
    """The office a title before a name states ("Sen." -> "senator", "President" -> "president"),
    '' for honorifics and courtesy titles ("Mr.", "Dr.", "Rev.") and for no title.

    Why: an office is held by a few people at a time, so "President Clinton" in an article that
    names only "Hillary Clinton" (never as president) is another Clinton, while "Mrs. Clinton" or
    "Dr. Clinton" says nothing of who holds which office."""
    word = title.lower().strip().rstrip(".")
    if not word or word in HONORIFIC_TITLES or word in COURTESY_TITLES or word in _NOBLE_TITLES | _MONARCHS:
        return ""
    return TITLE_ABBREVIATIONS.get(word, word)


@dataclass(frozen=True)
class ParsedName:
    """The parts of a person mention that decide coreference."""

    title: str
    first: str
    middle: str
    last: str
    suffix: str

    @property
    def full(self) -> bool:
        return bool(self.first and self.last) and len(_key(self.first)) > 1

    @property
    def bare(self) -> str:
        """The one word of a single-word name ("Trump", "Hillary"), else ''."""
        return self.last or self.first if not self.full else ""


@lru_cache(maxsize=8192)
def parse_name(text: str, title: str = "") -> ParsedName:
    """Parse a person mention; ``title`` is an honorific or title read just before it."""
    from nameparser import HumanName

    text = re.sub(r"['’]s$", "", text.strip())
    # "Theodorus of Tabennese", "Patrick Gordon of Auchleuchries": a name with its place of origin
    # or seat is the name; the place only tells namesakes apart, as a title does ("Duke of York" stays)
    of = re.match(r"^(.+?)\s+of\s+[A-Z]", text)
    if of and not HumanName(of.group(1)).title and not any(
            w.lower().rstrip(".") in ROLE_NOUNS | _NOBLE_TITLES | COURTESY_TITLES for w in of.group(1).split()):
        text = of.group(1)
    h = HumanName(text)
    first, middle, last = h.first, h.middle, h.last
    # only a generational suffix tells people apart; post-nominals ("FRS", "PhD") do not
    suffix = next((_SUFFIX_NORM[w] for w in re.split(r"[\s,]+", h.suffix.lower().replace(".", "")) if w in _SUFFIX_NORM), "")
    if last.isupper() and len(last) > 1 and middle:  # "Daniel Bernoulli FRS": a post-nominal, not a surname
        *rest, last = middle.split()
        middle = " ".join(rest)
    if not last and first and (h.title or title):
        first, last = "", first  # "Mr. Trump": nameparser reads a titled single word as a first name
    return ParsedName(title=h.title or title, first=first, middle=middle, last=last, suffix=suffix)


@dataclass
class NameLink:
    """Where one person mention went: its cluster, the pass that put it there, and how sure."""

    cluster: int
    sieve: str | None = None
    ambiguous: bool = False
    surname: bool = False


@dataclass
class _Cluster:
    first: str
    last: str
    suffix: str
    gender: Gender | None = None
    members: list[int] = field(default_factory=list)
    offices: set[str] = field(default_factory=set)  # offices the article ties to this name


@dataclass
class _Index:
    """The full-name clusters and their lookups, built by pass 1-2 and read by passes 3-5."""

    clusters: list[_Cluster] = field(default_factory=list)
    by_surname: dict[str, list[int]] = field(default_factory=dict)
    by_first: dict[str, list[int]] = field(default_factory=dict)


def _cluster_full_names(
    names: list[tuple[str, str, int]], parsed: list[ParsedName], links: list[NameLink | None],
    offices: list[frozenset[str]], genders: list[Gender | None],
) -> _Index:
    """Passes 1-2: full names, exact first, then variants with middle names or initials.

    Given name, surname key and generational suffix make the key, so "Donald J. Trump" joins
    "Donald Trump" but "Donald Trump Jr." does not.  A cluster's gender comes from its
    honorifics first, then from the given name.
    """
    index = _Index()
    full_index: dict[tuple[str, str, str], int] = {}
    swapped: dict[tuple[str, str], int] = {}  # (surname, given name) of two-word names -> cluster
    seen_text: dict[str, int] = {}
    for i, p in enumerate(parsed):
        if not p.full:
            continue
        key = (_key(p.first), _surname_key(p.last), p.suffix)
        text_key = _key(names[i][0])
        idx = full_index.get(key)
        if idx is None and not p.middle and not p.suffix and not p.title:
            # "Higuchi Natsuko" after "Natsuko Higuchi": the family name first, as in Japanese,
            # Chinese, Korean or Hungarian order, is the same two names
            idx = swapped.get((_surname_key(p.first), _key(p.last)))
            if idx is not None:
                full_index[key] = idx
                links[i] = NameLink(idx, "name_variant")
                seen_text.setdefault(text_key, idx)
                index.clusters[idx].members.append(i)
                continue
        if idx is None:
            idx = len(index.clusters)
            full_index[key] = idx
            index.clusters.append(_Cluster(key[0], key[1], p.suffix))
            index.by_surname.setdefault(key[1], []).append(idx)
            index.by_first.setdefault(key[0], []).append(idx)
            if not p.middle and not p.suffix:
                swapped[(key[1], _key(p.first))] = idx
            links[i] = NameLink(idx)
        else:
            links[i] = NameLink(idx, "exact" if seen_text.get(text_key) == idx else "name_variant")
        seen_text.setdefault(text_key, idx)
        index.clusters[idx].members.append(i)
    for c in index.clusters:
        for i in c.members:
            c.gender = c.gender or honorific_gender(parsed[i].title) or genders[i]
            c.offices.update(offices[i])
            if office_title(parsed[i].title):
                c.offices.add(office_title(parsed[i].title))
        c.gender = c.gender or given_name_gender(c.first)
    return index


def _link_surname(
    cands: list[int], names: list[tuple[str, str, int]], last_seen: dict[int, int], count: dict[int, int]
) -> NameLink:
    """Pass 3-4 for a bare surname with several compatible full-name clusters.

    The most salient cluster (most mentions so far, at least two) wins; else the most recently
    mentioned one, unless the two most recent were last seen in the same sentence — then the
    mention is ambiguous (cluster -1) rather than guessed.
    """
    seen = [c for c in cands if c in last_seen]
    top = max((count[c] for c in seen), default=0)
    salient = [c for c in seen if count[c] == top]
    before = sorted(salient, key=lambda c: last_seen[c], reverse=True)
    tie = len(before) > 1 and names[last_seen[before[0]]][2] == names[last_seen[before[1]]][2]
    if len(salient) == 1 and top >= 2:
        return NameLink(salient[0], "surname_salient", surname=True)
    if before and not tie:
        return NameLink(before[0], "surname_recent", surname=True)
    return NameLink(-1, None, ambiguous=True, surname=True)


def _link_single(
    p: ParsedName, names: list[tuple[str, str, int]], index: _Index, last_seen: dict[int, int], count: dict[int, int],
    offices: frozenset[str] = frozenset(), stated: Gender | None = None,
) -> NameLink | None:
    """Passes 3-5 for one single-word name: surname (one candidate, or salience/recency), then given name.

    Candidates must share the generational suffix and, when an honorific gives one, agree in
    gender ("Mrs. Clinton" never goes to Bill; "former Governor Marlow, her father" never to Ann
    Marlow).  When several full names share the surname, an office title ("President Clinton")
    keeps only those the article ties to that office; when it ties none, the mention stands alone
    (None) rather than giving the office to a namesake.  With one full name it links as any
    surname does ("Secretary Clinton" after "Hillary Clinton"): a tie is seldom written out, and
    requiring one split "President Obama" from "Barack Obama" in most articles.  A given name alone links only when exactly one full-name cluster has it and
    the word is nobody's surname.  None when nothing links.
    """
    word = p.last or p.first
    sur = _surname_key(word)
    gender = honorific_gender(p.title) or stated
    cands = [c for c in index.by_surname.get(sur, []) if index.clusters[c].suffix == p.suffix]
    if gender is not None:
        cands = [c for c in cands if index.clusters[c].gender in (None, gender)]
    office = office_title(p.title)
    if office and len(cands) > 1:
        # namesakes ("Bill" and "Hillary Clinton"): the office goes only to the one it is tied to
        cands = [c for c in cands if office in index.clusters[c].offices]
        if not cands:
            return None
    if len(cands) == 1:
        return NameLink(cands[0], "surname", surname=True)
    if len(cands) > 1:
        return _link_surname(cands, names, last_seen, count)
    firsts = index.by_first.get(_key(word), [])
    if p.title or p.suffix or sur in index.by_surname or not firsts:
        return None
    if len(firsts) == 1:
        return NameLink(firsts[0], "given_name")
    # several full names share the given name ("Jenna Marbles", the pseudonym of "Jenna Mourey"):
    # the one named clearly most often so far, as for surnames
    counts = sorted(((count.get(c, 0), c) for c in firsts), reverse=True)
    if counts[0][0] >= 2 and counts[0][0] >= 2 * counts[1][0]:
        return NameLink(counts[0][1], "given_name_salient")
    return None


def cluster_person_names(
    names: list[tuple[str, str, int]], offices: list[frozenset[str]] | None = None,
    genders: list[Gender | None] | None = None,
) -> list[NameLink]:
    """Cluster person mentions, given in text order as ``(text, title before it, sentence index)``.

    ``offices`` (optional, one per mention): the offices the text around the mention gives it
    (role nouns before it, an apposition: "Hillary Clinton, the senator" -> {"senator"}), which
    tie an office title elsewhere ("Sen. Clinton") to the full name; ``genders``: a gender the
    context states for the mention ("Marlow, her father" -> male).

    Returns one :class:`NameLink` per mention; cluster ids are small integers, the same for
    mentions of one person.  Passes run from most to least precise: full names first (1-2, over
    the whole article, so a later full name is already known), then single names in text order
    (3-5) so that "most recent" means the reader's most recent.  A single name nothing links
    (or that is ambiguous) gets a cluster of its own, shared by the same bare word.
    """
    parsed = [parse_name(text, title) for text, title, _ in names]
    offices = offices if offices is not None else [frozenset()] * len(parsed)
    genders = genders if genders is not None else [None] * len(parsed)
    links: list[NameLink | None] = [None] * len(parsed)
    index = _cluster_full_names(names, parsed, links, offices, genders)
    clusters = index.clusters
    last_seen: dict[int, int] = {}  # cluster -> index of its latest mention so far
    count: dict[int, int] = {}  # cluster -> its mentions so far (salience)
    bare_clusters: dict[tuple[str, str], int] = {}
    order_of_full = {i: links[i].cluster for i in range(len(parsed)) if links[i] is not None}  # type: ignore[union-attr]
    for i, p in enumerate(parsed):
        if i in order_of_full:
            last_seen[order_of_full[i]] = i
            count[order_of_full[i]] = count.get(order_of_full[i], 0) + 1
            continue
        links[i] = _link_single(p, names, index, last_seen, count, offices[i], genders[i])
        if links[i] is None or links[i].cluster == -1:  # type: ignore[union-attr]
            ambiguous = links[i] is not None
            sur = _surname_key(p.last or p.first)
            bkey = ("amb" if ambiguous else "bare", sur + "|" + p.suffix)
            idx = bare_clusters.get(bkey)
            if idx is None:
                idx = len(clusters)
                bare_clusters[bkey] = idx
                clusters.append(_Cluster("", sur, p.suffix, honorific_gender(p.title) or genders[i]))
                links[i] = NameLink(idx, None, ambiguous=ambiguous, surname=bool(p.title))
            else:
                links[i] = NameLink(idx, "exact", ambiguous=ambiguous, surname=bool(p.title))
        link = links[i]
        assert link is not None
        last_seen[link.cluster] = i
        count[link.cluster] = count.get(link.cluster, 0) + 1
    return [link for link in links if link is not None]
