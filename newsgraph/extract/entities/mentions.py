"""Candidate mentions: the tagger's person, organisation and place spans, trimmed, extended and
relabelled, then the mentions its rules add — people it never tagged, nicknames split off a name,
surnames it labelled as something else or missed."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ... import gazetteer
from ..actor_lexicon import LOCATIVE_PREPS, ORG_HEADS, ORG_NAME_WORDS, ROLE_NOUNS
from ..coref import given_name_gender, parse_name
from ..coref.gender import HONORIFIC_GENDER
from ..coref.names import courtesy_or_regnal_title
from ..furniture import Furniture
from .state import _BuilderBase, _Cand, _tokens_matching, name_key

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}

#: Abbreviated titles before a name (the full words are in ROLE_NOUNS).
_TITLE_ABBREVIATIONS = frozenset({"dr", "sen", "rep", "gov", "lt", "gen", "col", "sgt", "capt", "cmdr", "adm", "prof",
                                  "rev", "fr", "pres", "amb", "supt", "insp", "det", "cpl", "pvt", "maj", "hon"})

_PERSON_ORG_HEADS = {"movement", "group", "militia", "brigade", "brigades", "party", "front", "organization",
                     "organisation", "battalion", "battalions"}

_CAPITALISED = re.compile(r"(?<![\w'’])([A-Z][\w-]*(?:['’](?!s\b)[\w-]+)*)")


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].pos_ in {"DET", "PUNCT"} or doc[start].lower_ in {"the", "a", "an"}):
        start += 1
    if end - start >= 3 and doc[start].lower_ in {"pro", "anti"} and doc[start + 1].text in {"-", "–"}:
        # "pro-Clinton", "anti-Brexit": the attitude prefix is not part of the name (taken with it, it
        # became an actor "pro-Clinton" and, across articles, the alias "-Clinton"); the name stays a mention
        start += 2
    opened = next((t.i for t in doc[start:end] if t.text == "("), None)
    if opened is not None and opened > start and not any(t.text == ")" for t in doc[opened:end]):
        end = opened  # "Halden Rivers Trust (HRT": the acronym in parentheses is its own mention
    while end > start and (doc[end - 1].pos_ == "PUNCT" and doc[end - 1].text not in {".", ")"}
                           or doc[end - 1].tag_ == "POS"
                           or (doc[end - 1].is_lower and doc[end - 1].pos_ in {"ADP", "DET", "CCONJ"})):
        end -= 1  # nor does a name end in "of", "the" or "and" ("Maria Delgado of", "Oskar the")
    if end > start and doc[end - 1].text == "." and not re.fullmatch(r"(?:[A-Z]\.)+", doc[start:end].text[-4:]
                                                                    .split()[-1]):
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


def _lines(span: Span) -> list[Span]:
    """The parts of a tagger span between line breaks: a name never runs across one, but the small
    model joins a heading to the next line ("Brock Holt" over "Holt with the Boston Red Sox" gave
    one mention "Brock Holt Holt", and no full name for "Holt" to refer to)."""
    doc = span.doc
    breaks = [t.i for t in span if "\n" in t.text or "\n" in t.whitespace_]
    if not breaks:
        return [span]
    out, start = [], span.start
    for b in breaks:
        end = b if "\n" in doc[b].text else b + 1
        if end > start:
            out.append(doc[start:end])
        start = b + 1
    if start < span.end:
        out.append(doc[start : span.end])
    return out


#: Words of a site's own pages and buttons ("Privacy Policy and Terms of Use", "Cookie Settings",
#: "Email"): the tagger reads such a link line as an organisation or a person; a span made only of
#: them is never an actor.
SITE_FURNITURE_WORDS = frozenset({
    "privacy", "policy", "policies", "terms", "term", "use", "service", "services", "conditions", "cookie",
    "cookies", "notice", "settings", "preferences", "agreement", "copyright", "subscribe", "subscription",
    "newsletter", "newsletters", "advertise", "advertising", "sitemap", "login", "accessibility", "rss",
    "email", "e-mail", "print", "share", "tweet", "comments", "reply",  # sharing buttons ("Email" under a byline)
    "and", "of", "&",
})


def _is_locative(span: Span) -> bool:
    """ "in Dorrow", "from Velm": the span is the object of a place preposition."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS


def _is_site_furniture(span: Span) -> bool:
    """ "Privacy Policy and Terms": a span made only of site-furniture words (with at least one that
    is not a connective)."""
    words = [t.lower_ for t in span if not t.is_punct]
    return bool(words) and all(w in SITE_FURNITURE_WORDS for w in words) and any(
        w not in {"and", "of", "&", "use", "service", "term", "terms"} for w in words)


def _title_case_line(span: Span) -> bool:
    """Whether the span's line is a headline in Title Case ("Black Lawmakers Rip Donald Trump As A
    Fraud"): there every word is capitalised, so capitals say nothing of where a name starts."""
    text = span.doc.text
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    words = re.findall(r"[A-Za-z][\w'’-]*", text[start : end if end >= 0 else len(text)])
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _trim_person(span: Span) -> Span | None:
    """A person span without the headline words glued to it.

    Trailing: from the first word after the first that the tagger reads as a verb ("Hillary Asking
    Moderator" -> "Hillary"): a name has no verb in it.  Leading, in a Title Case headline only
    (elsewhere "Sleepy Joe Biden" keeps its epithet): words before the first given name that the
    registry does not know as a given name and that are no title ("Rip Donald Trump" -> "Donald
    Trump").  None when nothing is left."""
    start, end = span.start, span.end
    for t in span[1:]:
        if t.pos_ in {"VERB", "AUX"} or t.tag_ == "VBG":
            end = t.i
            break
    if end - start >= 3 and _title_case_line(span):
        doc = span.doc
        first_given = next((i for i in range(start, end - 1) if given_name_gender(doc[i].text) is not None), None)
        if first_given is not None and first_given > start and not any(
                _Mentions._title_word(doc[i].text) for i in range(start, first_given)):
            start = first_given
    return span.doc[start:end] if end > start else None


def _glued_names(span: Span) -> list[Span]:
    """A person span that is several names in a row ("Kirsten Gillibrand Keith Ellison Cory
    Booker", a list of links or a caption) split into the names: a new name starts at a registry
    given name once the current one has two words and its last word is no given name ("Hillary
    Rodham Clinton", "Martin Luther King" stay whole)."""
    doc = span.doc
    pieces, start = [], span.start
    for i in range(span.start + 2, span.end - 1):
        if i - start >= 2 and doc[i].is_alpha and doc[i].text[:1].isupper() and given_name_gender(doc[i].text) \
                and given_name_gender(doc[i - 1].text) is None and doc[i - 1].is_alpha:
            pieces.append(doc[start:i])
            start = i
    pieces.append(doc[start : span.end])
    return pieces


def _common_noun_compound(span: Span) -> bool:
    """ "the 1994 Crime Bill", "Hurricane Sandy": a given name alone as the head of a capitalised
    compound whose modifier is a common word (not a given name, title or another name) is a thing
    named after a person's name, not a person."""
    if len(span) != 1 or span.start == 0 or given_name_gender(span[0].text) is None:
        return False
    prev = span.doc[span.start - 1]
    return (prev.dep_ == "compound" and prev.head.i == span[0].i and prev.text[:1].isupper()
            and prev.pos_ in {"PROPN", "NOUN"} and not prev.ent_type_ and given_name_gender(prev.text) is None
            and not _Mentions._title_word(prev.text) and prev.is_alpha)


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


def _strip_role_tail(span: Span) -> Span:
    """ "the Halden Water Board Spokesperson" tagged as one organisation: a singular role noun
    closing an organisation's span, right after a capitalised word of its name, is the role of a
    person, not part of the name ("Office of the President" keeps its last word)."""
    doc = span.doc
    last = span[-1]
    if len(span) >= 3 and last.lower_ in ROLE_NOUNS and last.tag_ in ("NN", "NNP") \
            and doc[last.i - 1].text[:1].isupper() and doc[last.i - 1].lower_ not in ROLE_NOUNS \
            and doc[last.i - 1].pos_ == "PROPN":
        return doc[span.start : last.i]
    return span


def _is_title_word(span: Span) -> bool:
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    return (len(span) == 1 and nxt is not None and nxt.lower_ in ROLE_NOUNS and nxt.text[:1].isupper()
            and gazetteer.country(span.text) is None and gazetteer.city(span.text) is None)


def _is_portfolio(span: Span) -> bool:
    """ "State" in "Secretary of State John Kerry", "Finance" in "Minister of Finance": one
    capitalised word after "of" and a capitalised title noun is the title's portfolio, not an
    organisation of its own (the mirror of :func:`_is_title_word`)."""
    doc = span.doc
    if len(span) != 1 or span.start < 2 or doc[span.start - 1].lower_ != "of":
        return False
    title = doc[span.start - 2]
    return (title.lower_ in ROLE_NOUNS and title.text[:1].isupper() and gazetteer.country(span.text) is None
            and gazetteer.city(span.text) is None)


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


class _Mentions(_BuilderBase):
    """Phase 1: candidate mentions from the tagger (:meth:`collect`) and from rules (run by ``classify``)."""

    def collect(self) -> None:
        """The tagger's actor spans as candidates, in two loops: first every span cut at line breaks,
        trimmed (a person's also of headline words; site furniture and "Crime Bill" dropped; none
        from a furniture line of :mod:`newsgraph.extract.furniture`, whose names are the page's, not
        the story's: a byline's author, a poll's options) and its
        tokens marked taken, then each extended to the left (never into another span's tokens,
        hence all spans first), its label corrected, a person's title stripped; an ORG that is
        the first word of a title ("Transport Minister") is dropped."""
        taken: set[int] = set()
        spans: list[tuple[Span, str]] = []
        page = Furniture(self.doc.text, lines_only=True)  # promo, byline, poll lines: the page's names
        for ent in self.doc.ents:
            if ent.label_ not in ACTOR_LABELS or (page and page.overlaps(ent.start_char, ent.end_char)):
                continue
            for piece in _lines(ent):
                trimmed = _trim(piece)
                if trimmed is not None and ent.label_ == "PERSON":
                    trimmed = _trim_person(trimmed)
                for span in _glued_names(trimmed) if trimmed is not None and ent.label_ == "PERSON" else [trimmed]:
                    if span is None or not any(t.is_alpha for t in span) or _is_site_furniture(span):
                        continue
                    if ent.label_ == "PERSON" and _common_noun_compound(span):
                        continue
                    if len(span) == 1 and span.start > 0 and span.doc[span.start - 1].lower_ == "the" \
                            and span[0].lower_ in ROLE_NOUNS:
                        continue  # "the President", "the Governor": a role nominal, not a name
                    spans.append((span, ent.label_))
                    taken.update(range(span.start, span.end))
        for span, label in spans:
            span = _extend_left(span, taken - set(range(span.start, span.end)))
            label = _corrected_label(span, label)
            if label == "PERSON":
                span = _strip_title(span)
            elif label == "ORG" and (_is_title_word(span) or _is_portfolio(span)):
                continue  # "Transport" in "Transport Minister Grace Wanjiru" belongs to the role
            elif label == "ORG":
                span = _strip_role_tail(span)
            self._add_cand(_Cand(span, label))
        self.cands.sort(key=lambda c: c.span.start)

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
            city = gazetteer.city(word)
            if gazetteer.country(word) or gazetteer.region(word) or gazetteer.country_for_demonym(word) \
                    or (city is not None and city.population >= 100_000):
                continue  # a small town's name acting, repeatedly, is a person's ("Holt said"), as in classify
            for t in toks:
                if t.dep_ == "compound" or (t.i + 1 < len(self.doc) and self.doc[t.i + 1].pos_ == "PROPN"):
                    continue  # "Byron Bay", a name inside a longer name
                self._add_cand(_Cand(self.doc[t.i : t.i + 1], "PERSON"))
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
                    words = c.span.text.split()
                    if len(words) == 2:  # the same two names in family-name-first order are the person too
                        full_names.add(name_key(f"{words[1]} {words[0]}"))
                    surnames.setdefault(name_key(parsed.last), set()).add(name_key(c.span.text))
                    last_word = parsed.last.split()[-1]
                    surnames.setdefault(name_key(re.sub(r"^(?:al|el|ad|ar|as|an)-", "", last_word)), set()).add(
                        name_key(c.span.text))
        person_names = {name_key(c.span.text) for c in self.cands if c.label == "PERSON"} | set(surnames)
        firsts: dict[str, set[str]] = {}  # given name -> the full names that have it
        for c in self.cands:
            if c.label == "PERSON":
                parsed = parse_name(c.span.text)
                if parsed.full and given_name_gender(parsed.first) is not None:
                    firsts.setdefault(name_key(parsed.first), set()).add(name_key(parsed.first + parsed.last))
        for c in self.cands:
            if c.label in {"GPE", "ORG", "NORP", "LOC", "FAC"} and len(c.span) > 1 and name_key(c.span.text) in full_names:
                c.label = "PERSON"
                continue
            if c.label in {"GPE", "LOC", "FAC"} and len(c.span) == 1 and name_key(c.span.text) in person_names \
                    and not (gazetteer.country(c.span.text) or gazetteer.city(c.span.text)
                             or gazetteer.region(c.span.text) or gazetteer.country_for_demonym(c.span.text)):
                c.label = "PERSON"  # "Theodorus" tagged PERSON here and GPE there, and no such place is known
                continue
            if c.label in {"GPE", "ORG", "LOC", "FAC"} and len(c.span) == 2 and given_name_gender(c.span[0].text) \
                    and name_key(c.span[1].text) in person_names and not gazetteer.country(c.span.text):
                c.label = "PERSON"  # "Brock Holt" tagged ORG in a heading, "Holt" a person below
                continue
            title = c.span[0].text.rstrip(".").lower()
            if c.label in {"GPE", "ORG", "LOC", "FAC"} and len(c.span) > 1 \
                    and (self._title_word(title) or courtesy_or_regnal_title(title)) \
                    and c.span[0].text[:1].isupper() and name_key(c.span[1:].text) in person_names:
                c.label = "PERSON"  # "St. Jerome" tagged a place, "Senator Calloway" an organisation
                continue
            if c.label in {"GPE", "ORG", "LOC", "FAC"} and len(c.span) == 1 and len(firsts.get(name_key(c.span.text), ())) == 1 \
                    and not surnames.get(name_key(c.span.text)) and not gazetteer.country(c.span.text):
                c.label = "PERSON"  # "Daniel's book" tagged ORG after "Daniel Bernoulli": the one Daniel named
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
                self._add_cand(_Cand(self.doc[t.i : t.i + 1], "PERSON"))
        self.cands.sort(key=lambda c: c.span.start)
