"""Actor profiles and the actor operations: list, find, profile, merge, split.

    from newsgraph.store import Store
    from newsgraph import actors
    store = Store("news.db")
    actors.actors(store, kind="armed_group")          # -> list[ActorSummary]
    p = actors.actor_profile(store, "Kata'ib Hezbollah")  # -> ActorProfile
    p.labels_by_outlet                                  # what each outlet called it

Reads never resolve: the index is kept up to date when articles are stored
(:mod:`newsgraph.actors.index`).  The profile is assembled from the stored analyses of the
actor's articles only, so its cost grows with the actor, not with the corpus.  The one
profile shape (:class:`ActorProfile`) is what the CLI prints with ``--format json``, what
``GET /api/actors/{id}`` returns and what the page renders.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, Field

from ..extract.actor_lexicon import meaningful_label
from ..model import Analysis, Span
from ..store import Store
from ..store import actor_index as db
from ..store.statements import occurrences_of
from . import index
from .network import entities_in_quote, is_membership
from .resolve import ActorCluster, Decision, MemberLink, member_key, name_tokens


class ActorRef(BaseModel):
    id: str
    name: str


class RoleRecord(BaseModel):
    """A role/affiliation one article states, dated by the article's publication date."""

    role: str
    org: str | None = None
    org_actor: ActorRef | None = None
    article_id: str
    outlet: str | None = None
    date: str | None = None
    evidence: Span


class LabelRecord(BaseModel):
    """A label an article attaches to the actor, with its exact span in that article."""

    text: str
    form: str
    article_id: str
    outlet: str | None = None
    date: str | None = None
    start: int
    end: int
    by: str | None = None  # who applies the label when the article reports another actor's designation


class LabelCount(BaseModel):
    text: str
    forms: list[str]
    count: int
    articles: list[str]
    by: list[str] = []  # names of the actors the articles say apply it (empty: the outlets' own words)


class OutletLabels(BaseModel):
    outlet: str
    labels: list[LabelCount]


class QuoteRecord(BaseModel):
    article_id: str
    id: str | None = None  # the quote's id in its article
    outlet: str | None = None
    date: str | None = None
    kind: str
    text: str
    cue: str | None = None
    speaker: str | None = None
    speaker_actor: ActorRef | None = None
    start: int
    end: int
    occurrences: int = 1  # articles that carry the same statement (same speaker, near-identical words)


class EventRecord(BaseModel):
    article_id: str
    outlet: str | None = None
    date: str | None = None
    type: str
    mode: str | None = None
    status: str
    trigger: str
    sentence: str
    actor: ActorRef | None = None
    recipient: ActorRef | None = None


class Relation(BaseModel):
    """Organisation hierarchy: ``actor`` is what this one is part of (or a part of it)."""

    actor: ActorRef
    via: str  # part_of | role
    articles: list[str]


class ActorSummary(BaseModel):
    id: str
    name: str
    type: str
    kind: str
    country: str | None = None
    code: str
    aliases: list[str] = Field(default_factory=list)
    articles: int = 0
    confidence: float = 1.0


class ProfileWindow(BaseModel):
    """Which of the actor's articles a paged profile covers: ``shown`` of ``total`` matching the
    filters, from ``offset``, newest first.  ``counts`` then count what those articles hold."""

    total: int
    total_capped: bool = False  # the filtered count stopped at its cap: "at least total"
    offset: int = 0
    shown: int
    limit: int | None = None
    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    outlets: list[str] = Field(default_factory=list)  # for the outlet filter: see actor_index.actor_outlets


class ActorProfile(ActorSummary):
    """One page per actor: names, typing, roles over time, labels by outlet, quotes, events."""

    sector: str | None = None
    outlets: list[str] = Field(default_factory=list)
    members: list[MemberLink] = Field(default_factory=list)
    roles: list[RoleRecord] = Field(default_factory=list)
    part_of: list[Relation] = Field(default_factory=list)
    parts: list[Relation] = Field(default_factory=list)
    labels: list[LabelRecord] = Field(default_factory=list)
    labels_by_outlet: list[OutletLabels] = Field(default_factory=list)
    quotes_by: list[QuoteRecord] = Field(default_factory=list)
    quotes_about: list[QuoteRecord] = Field(default_factory=list)
    events_as_actor: list[EventRecord] = Field(default_factory=list)
    events_as_recipient: list[EventRecord] = Field(default_factory=list)
    counts: dict[str, int] = Field(default_factory=dict)
    window: ProfileWindow | None = None  # set when the profile is one page of the actor's articles


class ActorNotFound(LookupError):
    """No actor, or several, answer to a name; ``candidates`` lists the latter."""

    def __init__(self, query: str, candidates: list[ActorSummary] | None = None) -> None:
        self.query = query
        self.candidates = candidates or []
        if self.candidates:
            names = ", ".join(f"{c.name} [{c.id}]" for c in self.candidates[:10])
            msg = f"{query!r} is ambiguous: {names}"
        else:
            msg = f"no actor matches {query!r}"
        super().__init__(msg)


def shown_aliases(name: str, aliases: list[str]) -> list[str]:
    """The aliases a reader is shown: one form per spelling that differs only in case.

    The index keeps every form it has seen (they are match keys), but "The union" / "the union"
    or a dateline's "WASHINGTON" beside "Washington" tell a reader nothing twice.  Of such forms
    the one kept is not all capitals and, for a description, the one not capitalised only
    because it opened a sentence; a form that is the actor's name in another case goes."""
    best: dict[str, str] = {}
    for f in aliases:
        k = f.casefold()
        if k == name.casefold():
            continue
        if k not in best or (f.isupper(), f[:1].isupper(), f) < (best[k].isupper(), best[k][:1].isupper(), best[k]):
            best[k] = f
    return [f for f in aliases if best.get(f.casefold()) == f]


def _summary(a: ActorCluster, n_articles: int) -> ActorSummary:
    return ActorSummary(id=a.id, name=a.name, type=a.type, kind=a.kind, country=a.country, code=a.code,
                        aliases=shown_aliases(a.name, a.aliases), articles=n_articles, confidence=a.confidence)


def resolve(store: Store) -> tuple[int, list[str]]:
    """Force a full re-resolution.  Returns (number of actors, notes on what was kept apart)."""
    clusters, notes = index.rebuild(store)
    return len(clusters), notes


def actors(store: Store, kind: str | None = None, search: str | None = None) -> list[ActorSummary]:
    """Actors, most-covered first; ``kind`` filters exactly, ``search`` matches any name form."""
    with store.engine.connect() as conn:
        return [_summary(ActorCluster.model_validate_json(r.data), r.n_articles)
                for r in db.actor_rows(conn, kind=kind, search=index.search_key(search) if search else None)]


def find_actor(store: Store, name_or_id: str, *, members: bool = True) -> ActorCluster:
    """An actor by id, exact name/alias (normalized), or a unique search hit.

    ``members=False`` leaves ``members`` empty: reading every member row of an actor in
    100,000 articles is what a paged profile must not do."""
    key = " ".join(name_tokens(name_or_id))

    def load(conn: Any, row: Any) -> ActorCluster:
        return index.cluster_from_row(conn, row) if members else ActorCluster.model_validate_json(row.data)

    with store.engine.connect() as conn:
        row = conn.execute(db.actors_table.select().where(db.actors_table.c.id == name_or_id)).first()
        if row is not None:
            return load(conn, row)
        rows = db.actor_rows(conn, search=index.search_key(name_or_id))
        exact = [r for r in rows if f"|{key}|" in r.search]
        by_name = [r for r in exact if " ".join(name_tokens(r.name)) == key]
        for group in (by_name, exact, rows):
            if len(group) == 1:
                return load(conn, group[0])
            if len(group) > 1:
                # the best-covered actor wins only when it clearly dominates
                if group[0].n_articles > 2 * group[1].n_articles:
                    return load(conn, group[0])
                cands = [_summary(ActorCluster.model_validate_json(r.data), r.n_articles) for r in group]
                raise ActorNotFound(name_or_id, cands)
    raise ActorNotFound(name_or_id)


def actor_profile(
    store: Store,
    name_or_id: str,
    *,
    outlet: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> ActorProfile:
    """Everything the store knows about one actor (see :class:`ActorProfile`).

    With ``limit`` (or an outlet or date filter) the profile is *paged by article*: the SQL
    index picks the actor's articles that match (outlet, publication date from/to), newest
    first, and only ``limit`` of them from ``offset`` are read; ``window`` says how many match.
    The cost then follows the page, not the actor's coverage — the actor page of someone in
    every one of 100,000 articles reads 50 analyses, not 100,000.  Without them, everything."""
    paged = limit is not None or outlet is not None or date_from is not None or date_to is not None
    cluster = find_actor(store, name_or_id, members=not paged)
    window = None
    with store.engine.connect() as conn:
        if paged:
            density = db.actor_density(conn, cluster.id)
            total, capped, article_ids = db.article_window(
                conn, cluster.id, source=outlet, date_from=date_from, date_to=date_to, limit=limit or 10**9,
                offset=max(0, offset), density=density)
            cluster.members = [MemberLink(article_id=m.article_id, entity_id=m.entity_id, name=m.name,
                                          evidence=m.evidence, confidence=m.confidence)
                               for m in db.member_rows(conn, cluster.id, article_ids)]
            window = ProfileWindow(total=total, total_capped=capped, offset=max(0, offset), shown=len(article_ids),
                                   limit=limit,
                                   outlet=outlet, date_from=date_from, date_to=date_to,
                                   outlets=db.actor_outlets(conn, cluster.id, density))
            n_all = density[0]
        else:
            article_ids = sorted({m.article_id for m in cluster.members})
        actor_of = db.members_of_articles(conn, article_ids)
        names = db.actor_names(conn, set(actor_of.values()))
    analyses = store.analyses(article_ids, records=PROFILE_RECORDS)
    prof = build_profile(cluster, analyses, actor_of, names)
    if window is not None:
        prof.window = window
        prof.articles = int(n_all or total)
    counts = occurrences_of(store, article_ids)
    for q in [*prof.quotes_by, *prof.quotes_about]:
        q.occurrences = counts.get((q.article_id, q.id or ""), 1)
    return prof


#: the record lists :func:`build_profile` reads (an analysis' times, claims and frames are not)
PROFILE_RECORDS = ("entities", "mentions", "quotes", "events")


def build_profile(
    cluster: ActorCluster,
    analyses: Iterable[Analysis],
    actor_of: dict[tuple[str, str], str],
    names: dict[str, str],
) -> ActorProfile:
    """Assemble a profile from the analyses of the actor's articles (pure; no database)."""

    def ref(actor_id: str | None) -> ActorRef | None:
        return ActorRef(id=actor_id, name=names.get(actor_id, actor_id)) if actor_id else None

    mine: dict[str, set[str]] = defaultdict(set)  # article -> the actor's entities in it
    for m in cluster.members:
        mine[m.article_id].add(m.entity_id)
    roles: list[RoleRecord] = []
    labels: list[LabelRecord] = []
    part_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    parts: dict[tuple[str, str], set[str]] = defaultdict(set)
    quotes_by: list[QuoteRecord] = []
    quotes_about: list[QuoteRecord] = []
    ev_actor: list[EventRecord] = []
    ev_recipient: list[EventRecord] = []
    outlets: set[str] = set()
    n_mentions = 0
    for a in analyses:
        art = a.article
        aid, outlet, date = art.id, art.source, art.published
        my_ids = mine.get(aid, set())  # a dict lookup: scanning every member per article was quadratic
        if not my_ids:
            continue
        outlets.add(outlet or "(unknown outlet)")
        n_mentions += sum(1 for m in a.mentions if m.entity in my_ids)
        for e in a.entities:
            if e.id in my_ids:
                for r in e.roles:
                    org_actor = actor_of.get((aid, r.org_entity)) if r.org_entity else None
                    roles.append(RoleRecord(role=r.role, org=r.org, org_actor=ref(org_actor), article_id=aid,
                                            outlet=outlet, date=date, evidence=r.evidence))
                for lb in e.labels:
                    by = next((x.name for x in a.entities if x.id == lb.by), None) if lb.by else None
                    by = by or _quoted_by(a, lb.start, lb.end)
                    labels.append(LabelRecord(text=lb.text, form=lb.form, article_id=aid, outlet=outlet,
                                              date=date, start=lb.start, end=lb.end, by=by))
                for p in e.part_of:
                    if (target := actor_of.get((aid, p))) and target != cluster.id:
                        part_of[(target, "part_of")].add(aid)
                for r in e.roles:
                    target = actor_of.get((aid, r.org_entity)) if is_membership(a, r.org_entity) else None
                    if target and target != cluster.id:
                        part_of[(target, "role")].add(aid)
            else:
                if any(p in my_ids for p in e.part_of) and (src := actor_of.get((aid, e.id))):
                    parts[(src, "part_of")].add(aid)
        for q in a.quotes:
            rec = _quote_record(a, q, actor_of, ref)
            if q.speaker_entity in my_ids:
                quotes_by.append(rec)
            elif entities_in_quote(a, q) & my_ids:
                quotes_about.append(rec)
        for ev in a.events:
            who = ev.actor.entity if ev.actor else None
            whom = ev.recipient.entity if ev.recipient else None
            if who in my_ids or whom in my_ids:
                rec_e = EventRecord(article_id=aid, outlet=outlet, date=ev.date or date, type=ev.type,
                                    mode=ev.mode, status=ev.status, trigger=ev.trigger.text,
                                    sentence=ev.sentence.text, actor=ref(actor_of.get((aid, who or ""))),
                                    recipient=ref(actor_of.get((aid, whom or ""))))
                (ev_actor if who in my_ids else ev_recipient).append(rec_e)

    def order(x: RoleRecord | LabelRecord | QuoteRecord) -> tuple[str, str, int]:
        start = x.evidence.start if isinstance(x, RoleRecord) else x.start
        return (x.date or "", x.article_id, start)

    roles.sort(key=order)
    labels.sort(key=order)
    quotes_by.sort(key=order)
    quotes_about.sort(key=order)
    return ActorProfile(
        **_summary(cluster, len({m.article_id for m in cluster.members})).model_dump(),
        sector=cluster.sector,
        outlets=sorted(outlets),
        members=cluster.members,
        roles=roles,
        part_of=[Relation(actor=ref(t), via=v, articles=sorted(s)) for (t, v), s in sorted(part_of.items())],
        parts=[Relation(actor=ref(t), via=v, articles=sorted(s)) for (t, v), s in sorted(parts.items())],
        labels=labels,
        labels_by_outlet=_labels_by_outlet(labels),
        quotes_by=quotes_by,
        quotes_about=quotes_about,
        events_as_actor=ev_actor,
        events_as_recipient=ev_recipient,
        counts={
            "articles": len({m.article_id for m in cluster.members}),
            "outlets": len(outlets),
            "mentions": n_mentions,
            "roles": len(roles),
            "labels": len(labels),
            "quotes_by": len(quotes_by),
            "quotes_about": len(quotes_about),
            "events_as_actor": len(ev_actor),
            "events_as_recipient": len(ev_recipient),
        },
    )


def _quote_record(a: Analysis, q: object, actor_of: dict[tuple[str, str], str], ref: object) -> QuoteRecord:
    content = q.content  # type: ignore[attr-defined]
    start = content[0].start if content else 0
    end = content[-1].end if content else 0
    spk = q.speaker_entity  # type: ignore[attr-defined]
    return QuoteRecord(
        article_id=a.article.id,
        id=q.id,  # type: ignore[attr-defined]
        outlet=a.article.source,
        date=q.date or a.article.published,  # type: ignore[attr-defined]
        kind=q.kind,  # type: ignore[attr-defined]
        text=" … ".join(s.text for s in content),
        cue=q.cue.text if q.cue else None,  # type: ignore[attr-defined]
        speaker=q.speaker.text if q.speaker else None,  # type: ignore[attr-defined]
        speaker_actor=ref(actor_of.get((a.article.id, spk))) if spk else None,  # type: ignore[operator]
        start=start,
        end=end,
    )


_PRONOUN_SPEAKERS = frozenset("i you he she it we they this that who".split())


def _quoted_by(a: Analysis, start: int, end: int) -> str | None:
    """The speaker of the quote a label's words sit inside ("Crooked" in a quoted tweet), else None."""
    for q in a.quotes:
        if any(c.start <= start and end <= c.end for c in q.content):
            ent = a.entity(q.speaker_entity) if q.speaker_entity else None
            text = q.speaker.text if q.speaker and not ent else None
            if text and text.casefold() in _PRONOUN_SPEAKERS:
                text = None  # "per It", "per I": an unresolved pronoun names nobody
            return ent.name if ent else (text or "(unnamed speaker)")
    return None


def _labels_by_outlet(labels: list[LabelRecord]) -> list[OutletLabels]:
    """Labels per outlet, only those that say something about the actor; a label a speaker
    applies (a designation the article reports, words inside a quotation) keeps who said it
    in ``by``, so it reads as the speaker's, not the outlet's."""
    per: dict[str, dict[str, LabelCount]] = defaultdict(dict)
    for lb in labels:
        if not meaningful_label(lb.text):
            continue
        outlet = lb.outlet or "(unknown outlet)"
        key = " ".join(lb.text.casefold().split())
        c = per[outlet].get(key)
        if c is None:
            c = per[outlet][key] = LabelCount(text=lb.text, forms=[], count=0, articles=[])
        c.count += 1
        if lb.form not in c.forms:
            c.forms.append(lb.form)
        if lb.article_id not in c.articles:
            c.articles.append(lb.article_id)
        if lb.by and lb.by not in c.by:
            c.by.append(lb.by)
    return [
        OutletLabels(outlet=o, labels=sorted(d.values(), key=lambda c: (-c.count, c.text)))
        for o, d in sorted(per.items())
    ]


# -- manual decisions -------------------------------------------------------


def merge(store: Store, a: str, b: str, note: str | None = None) -> Decision:
    """Merge actor ``b`` into ``a`` (ids or names).  Replayed after every re-resolution."""
    ca, cb = find_actor(store, a), find_actor(store, b)
    if ca.id == cb.id:
        raise ValueError(f"{a!r} and {b!r} are already one actor ({ca.id})")
    d = Decision(op="merge", a=sorted({member_key(m.article_id, m.name) for m in ca.members}),
                 b=sorted({member_key(m.article_id, m.name) for m in cb.members}), note=note)
    db.add_decision(store, d.op, d.model_dump_json())
    index.rebuild(store)
    return d


def split(
    store: Store,
    actor: str,
    *,
    articles: Iterable[str] = (),
    names: Iterable[str] = (),
    note: str | None = None,
) -> Decision:
    """Split off the members of ``actor`` that come from ``articles`` (id prefixes) or bear one of
    ``names``; they become an actor of their own, also after re-analysis."""
    c = find_actor(store, actor)
    arts = [x for x in articles if x]
    wanted = {" ".join(name_tokens(n)) for n in names if n}
    moved = [m for m in c.members
             if any(m.article_id.startswith(p) for p in arts) or " ".join(name_tokens(m.name)) in wanted]
    if not moved:
        raise ValueError(f"no member of {c.id} matches the given articles/names")
    if len(moved) == len(c.members):
        raise ValueError(f"that would move every member of {c.id}; nothing to split")
    d = Decision(op="split", a=sorted({member_key(m.article_id, m.name) for m in moved}), note=note)
    db.add_decision(store, d.op, d.model_dump_json())
    index.rebuild(store)
    return d


def decisions(store: Store) -> list[Decision]:
    with store.engine.connect() as conn:
        return index.load_decisions(conn)
