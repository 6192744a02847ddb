"""The setting of an event: its date (a TimeExpr of the sentence), its place and its topical context."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ... import gazetteer
from ...model import Location, TimeExpr
from .. import plover_lexicon as lex
from ..times import value_precision
from .candidates import Candidate
from .lexical import LOCATION_PREPS, PLACE_LABELS, _lemma
from .participants import Ctx


def _token_span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


#: Words of a time expression that only tell the clock ("midnight", "10 a.m.", "1750 GMT").
CLOCK_WORDS = frozenset("midnight noon midday a.m. p.m. am pm gmt utc est edt cst pst bst cet o'clock local "
                        "time at from until till by around about after before since".split())


#: Prepositions that make a time the start or end of a span ("a curfew from midnight", "until 6 a.m.").
SPAN_PREPS = frozenset("from until till through to".split())


def _clock_only(t: TimeExpr) -> bool:
    """Whether ``t`` names a clock time and no day ("midnight", "7:25 a.m.")."""
    words = t.text.lower().replace(",", " ").split()
    return t.type == "TIME" and bool(words) and all(w in CLOCK_WORDS or any(ch.isdigit() for ch in w)
                                                    for w in words)


def _clock_bound(t: TimeExpr, span: Span) -> bool:
    """A clock time without a day that bounds a span or describes a noun: "a curfew from midnight",
    "a midnight curfew" say which hour a state begins, not the day the act happened (the resolver
    anchors them on the publication day, often the wrong one for a curfew or deadline set ahead).  A
    bare clock time — the stamp of a live-blog entry ("7:25 a.m. Donald Trump ...") — keeps the
    publication day, which is right there."""
    if not _clock_only(t):
        return False
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in SPAN_PREPS:
        return True
    return root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ in ("NOUN", "PROPN")


def _durative(tok: Token) -> bool:
    """ "has long called for", "has been demanding", "had for years opposed": a standing position or a
    habit held over a span, which the date of the statement reporting it does not date."""
    aux = [ch for ch in tok.children if ch.dep_ in ("aux", "auxpass")]
    perfect = any(_lemma(a) == "have" for a in aux)
    if not perfect:
        return False
    if any(ch.dep_ == "advmod" and ch.lower_ in ("long", "always", "repeatedly", "consistently")
           for ch in tok.children):
        return True
    return tok.tag_ == "VBG" and any(a.lower_ == "been" for a in aux)


def _temporal_prep(c: Candidate) -> Token | None:
    """The "after/before/since" heading a bare event noun's phrase ("lifted the curfew on Sunday
    after several days of protests"), if any: the event happened before or after the act the
    sentence dates, so it takes no loose date — unless that preposition is part of the time
    expression itself ("came two days after the assassination": the times layer resolves "two
    days after" to the assassination's own day)."""
    if not c.nominal or c.pred.i != c.head.i:
        return None
    node = c.head
    for _ in range(4):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.dep_ == "prep" or node.pos_ == "ADP":
            if node.lower_ in lex.TEMPORAL_PREPS:
                return node
        elif node.pos_ in ("VERB", "AUX"):
            return None
    return None


def _under_thing(c: Candidate, heads: dict[int, Candidate]) -> bool:
    """A bare event noun in a prepositional phrase of a noun that is no event ("received immunity in the
    FBI email probe on Friday"): it is mentioned as a circumstance of that
    thing, and the sentence's date is the date of the receiving, not of the probe."""
    noun = c.head
    if not c.nominal or c.pred.i != noun.i or noun.dep_ != "pobj" or noun.head.lower_ == "of":
        return False  # ("the terms of the agreement, announced Friday": an aspect of the event itself)
    owner = noun.head.head
    return owner.pos_ in ("NOUN", "PROPN") and owner.i not in heads


def _embedded_plural(c: Candidate) -> bool:
    """A bare plural event noun that is an argument of a verb which is no event ("cited his
    endorsements on Tuesday", "recalled the attacks"): several events, none of them the act the
    sentence dates (the citing was on Tuesday)."""
    noun = c.head
    if not c.nominal or c.pred.i != noun.i or noun.tag_ != "NNS":
        return False
    gov = noun.head.head if noun.dep_ == "pobj" else noun.head
    return noun.dep_ in ("dobj", "obj", "pobj") and gov.pos_ == "VERB"


def _assign_times(sent: Span, cands: list[Candidate], ctx: Ctx) -> dict[int, TimeExpr]:
    """Attach each TimeExpr of the sentence to the nearest trigger governing it (or to the sentence).

    A clock time without a day that bounds a span dates nothing, and a durative act ("has long called for") is not
    dated by the sentence's time; a bare plural event noun under another verb takes no loose time.
    """
    heads = {t.i: c for c in cands for t in [c.head, c.pred, *c.tokens]}
    out: dict[int, TimeExpr] = {}
    loose: list[TimeExpr] = []
    for t in ctx.times:
        if not (sent.start_char <= t.start < sent.end_char) or not t.resolved or value_precision(t.value) in (
            None, "unknown"
        ):
            continue
        span = _token_span(ctx.doc, t.start, t.end)
        if span is None or _clock_bound(t, span):
            continue
        node = span.root
        owner = None
        if node.dep_ in ("npadvmod", "compound", "poss", "nmod") and node.head.pos_ in ("NOUN", "PROPN") \
                and node.head.i not in heads and node.head.dep_ == "pobj" \
                and node.head.head.lower_ in lex.TEMPORAL_PREPS - {"amid"}:
            # "after Scott's death Tuesday": the time of a noun that is before or after the sentence's
            # events ("during the debate Monday night" is when they happened)
            continue
        bound = False
        while True:
            if node.i in heads and node.i not in range(span.start, span.end):
                owner = heads[node.i]
                break
            if node.head.i == node.i:
                break
            if node.dep_ in ("xcomp", "ccomp") and node.pos_ in ("VERB", "AUX") \
                    and node.i not in range(span.start, span.end) and (
                        _lemma(node.head) in lex.PLAN_VERBS
                        or node.head.i in heads and heads[node.head.i].type == "REQUEST"):
                # "asked it to respond by Oct. 31", "demanding that Iraq withdraw ... starting at noon
                # Saturday", "scheduled to expire at midnight Friday": the time of what is asked or
                # scheduled, not of the verb above ("blasted X for failing to say Friday" keeps it)
                bound = True
                break
            node = node.head
        if bound:
            continue
        if owner is not None:
            if not _durative(owner.pred):
                out.setdefault(id(owner), t)
        else:
            loose.append(t)
    if loose:
        for c in cands:
            if c.nominal and c.pred.i == c.head.i and any(
                    a.i in heads and heads[a.i] is not c for a in c.head.ancestors):
                continue  # an event noun inside another event ("support for a trade deal") is not dated by the sentence
            prep = _temporal_prep(c)
            if prep is not None:
                anchored = next((t for t in loose if t.start <= prep.idx < t.end), None)
                if anchored is not None:
                    out.setdefault(id(c), anchored)
                continue
            if _durative(c.pred) or _embedded_plural(c) or _under_thing(c, heads):
                continue
            out.setdefault(id(c), loose[0])
    _share_coordinated(cands, out)
    return out


def _share_coordinated(cands: list[Candidate], out: dict[int, TimeExpr]) -> None:
    """ "shot and killed a boy on Friday": coordinated verbs with one subject are one episode, so an
    undated conjunct takes its partner's date (the parse hangs the time on the nearer verb only)."""
    by_pred = {c.pred.i: c for c in cands if not c.nominal}
    for c in cands:
        if c.nominal or c.pred.dep_ != "conj" or c.pred.head.i not in by_pred:
            continue
        if any(ch.dep_ in ("nsubj", "nsubjpass") for ch in c.pred.children):
            continue  # "rebels attacked and the army withdrew": two subjects, two episodes
        first = by_pred[c.pred.head.i]
        if id(c) in out and id(first) not in out and not _durative(first.pred):
            out[id(first)] = out[id(c)]
        elif id(first) in out and id(c) not in out and not _durative(c.pred):
            out[id(c)] = out[id(first)]


def resolve_place(name: str) -> tuple[str | None, float | None, float | None]:
    """Country ISO3 and coordinates for a place name (cities get coordinates, countries only ISO3)."""
    found = gazetteer.country(name)
    if found is not None:
        return found.iso3, None, None
    place = gazetteer.city(name)
    state = gazetteer.region(name)
    if place is not None and state in (None, place.country_iso3):
        return place.country_iso3, place.lat, place.lon
    return state, None, None  # "Arizona" is the state, not the town in Honduras


def place_location(tok: Token, ctx: Ctx) -> Location | None:
    """The Location of the place name ``tok`` lies in (None when it is not tagged as a place)."""
    if tok.ent_type_ not in PLACE_LABELS:
        return None
    ent = next((e for e in ctx.doc.ents if e.start <= tok.i < e.end), None)
    if ent is None:
        return None
    iso, lat, lon = resolve_place(ent.text)
    return Location(start=ent.start_char, end=ent.end_char, text=ent.text, country=iso, lat=lat, lon=lon)


def visited_place(tok: Token) -> bool:
    """Whether a visit's object is where it happened rather than whom it was with.

    "visited Sylvania" is a visit to a country (its government is the counterpart), but "will visit
    Capitol Hill", "toured Lakeport", "visited the Grand Bazaar" name places: a landmark or facility
    (LOC/FAC), or a place name the gazetteer knows as a city. Those are the event's location.
    """
    if tok.ent_type_ in ("LOC", "FAC"):
        return True
    if tok.ent_type_ not in ("GPE", "ORG"):
        return False
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is None:
        return False
    iso, lat, _ = resolve_place(ent.text)
    # (the small tagger calls some landmarks organisations: "Capitol Hill")
    return lat is not None  # a city; an unknown name may be a country the gazetteer lacks


def _location(c: Candidate, sent: Span, ctx: Ctx, others: set[int]) -> Location | None:
    def place_of(tok: Token) -> Location | None:
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in LOCATION_PREPS:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                # "in central Baghdad", "in the capital Kabul", "in the city of Kirkuk" — but not
                # "in a dialogue with Iraq"
                near = [pobj, *(x for x in pobj.children if x.dep_ in ("appos", "compound", "nmod"))]
                near += [y for x in pobj.children if x.dep_ == "prep" and x.lower_ == "of"
                         for y in x.children if y.dep_ == "pobj"]
                for t in near:
                    loc = place_location(t, ctx)
                    if loc is not None:
                        return loc
        return None

    seeds = [c.head, c.pred, *[ch.head for ch in c.children]]
    if c.head.dep_ == "pobj":
        seeds.append(c.head.head.head)
    for s in seeds:
        loc = place_of(s)
        if loc is not None:
            return loc
    # deeper in the trigger's own phrase ("the assassination of X and his aide in Baghdad"),
    # but never inside another event's phrase
    stack = [c.head]
    while stack:
        node = stack.pop(0)
        for child in node.children:
            if child.i in others:
                continue
            loc = place_of(child)
            if loc is not None:
                return loc
            stack.append(child)
    return None


def _context(sent: Span) -> list[str]:
    words = {t.lower_ for t in sent} | {_lemma(t) for t in sent}
    scored = [(len(words & kws), name) for name, kws in lex.CONTEXTS.items()]
    return [name for n, name in sorted(scored, key=lambda x: (-x[0], x[1])) if n > 0][:3]
