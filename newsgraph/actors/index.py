"""The actor index in the store: incremental resolution when an article is stored, full rebuilds.

When an article is stored (the store's ``AFTER_ADD`` hook, inside the article's own
transaction) its entities are looked up in ``actor_keys`` by name keys (normalized name,
surname, first name, consonant skeleton, acronym, country).  Each actor found becomes one
stand-in node carrying the state the index keeps for it (first names, surnames,
generations, countries, roles, kinds); the same passes as a full resolution
(:class:`~newsgraph.actors.resolve.Resolver`) then run over the article's nodes plus those
stand-ins.  A node that ends up with a stand-in joins that actor; the others found new
actors.  Two indexed actors are never merged by an article: only the rebuild
(``newsgraph actor resolve``) and manual merges do that.  So storing an article touches the
actors it can join and nothing else, whatever the size of the store, and reads never
recompute anything.

Manual decisions replay on every rebuild and are honoured by the incremental path too: a
re-analysed entity whose member key a decision names goes back to the actor the decision
put it in.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.engine import Connection

from ..model import Analysis, Entity
from ..store import AFTER_ADD, Store, edges
from ..store import actor_index as db
from ..store.schema import articles, entities, meta
from .codes import KIND_SECTOR, actor_code, role_sector
from .resolve import (
    ActorCluster,
    Decision,
    MemberLink,
    Node,
    Resolver,
    _country_of_node,
    _person_parts,
    _slug,
    acronym_of,
    as_acronym,
    canonical_name,
    describe,
    group_forms,
    group_state,
    member_key,
    name_forms,
    name_tokens,
    nodes_from_entities,
    resolve_full,
    skeleton,
)

RESOLVER_VERSION = "5"
_VERSION_KEY = "actors_resolver"
_PER_KEY = 25  # candidate actors read per name key, most covered first


# -- keys ---------------------------------------------------------------------


def node_keys(n: Node) -> set[str]:
    """The index keys of one entity: what a later entity must share with it to be compared."""
    toks = name_tokens(n.mname, person=n.person)
    keys: set[str] = set()
    if toks:
        keys.add("n:" + " ".join(toks))
    if len(toks) >= 2:
        keys.add("s:" + " ".join(skeleton(toks)))
    if n.person:
        first, last = _person_parts(toks)
        if last:
            keys.add("l:" + last)
            keys.add("k:" + skeleton((last,))[0])
        if first:
            keys.add("f:" + first)
        elif last:
            keys.add("f:" + last)  # a bare given name ("Hillary") meets the full names it starts
        for al in n.aliases:
            at = name_tokens(al, person=True)
            if len(at) >= 2:
                keys.add("n:" + " ".join(at))
    else:
        for nm in [n.name, *n.aliases]:
            if ac := (as_acronym(nm) or acronym_of(nm)):
                keys.add("a:" + ac)
            at = name_tokens(nm)
            if at and not as_acronym(nm):
                keys.add("n:" + " ".join(at))
        if iso := _country_of_node(n):
            keys.add("c:" + iso)
        keys |= group_forms(n)
    return keys


def _search_text(a: ActorCluster) -> str:
    """Every name form, normalized (with and without person titles), between bars for lookups."""
    forms = {a.name, *a.aliases, a.id}
    norm = {" ".join(name_tokens(f)) for f in forms}
    if a.kind == "person":
        norm |= {" ".join(name_tokens(f, person=True)) for f in forms}
    return "|" + "|".join(sorted(norm | {f.casefold() for f in forms})) + "|"


def search_key(text: str) -> str:
    """The fragment :func:`db.actor_rows` looks for in the search text."""
    return " ".join(name_tokens(text)) or text.casefold()


# -- reading ------------------------------------------------------------------


def load_nodes(conn: Connection) -> list[Node]:
    """Every stored entity as a resolution node, with its article's outlet and date."""
    rows = conn.execute(
        select(entities.c.article_id, entities.c.data, articles.c.source, articles.c.published)
        .join(articles, articles.c.id == entities.c.article_id)
        .order_by(entities.c.article_id, entities.c.id)
    ).all()
    per_article: dict[str, list[Entity]] = defaultdict(list)
    info: dict[str, tuple[str | None, str | None]] = {}
    for r in rows:
        per_article[r.article_id].append(Entity.model_validate_json(r.data))
        info[r.article_id] = (r.source, r.published)
    nodes: list[Node] = []
    for aid, ents in per_article.items():
        src, pub = info[aid]
        nodes += nodes_from_entities(aid, ents, source=src, published=pub)
    return nodes


def load_decisions(conn: Connection) -> list[Decision]:
    return [Decision.model_validate_json(d) for d in db.load_decisions_json(conn)]


def cluster_from_row(conn: Connection, row: Any) -> ActorCluster:
    a = ActorCluster.model_validate_json(row.data)
    a.members = [MemberLink(article_id=m.article_id, entity_id=m.entity_id, name=m.name, evidence=m.evidence,
                            confidence=m.confidence) for m in db.member_rows(conn, a.id)]
    return a


def is_current(conn: Connection) -> bool:
    """Was the index built by this resolver version?  (A rebuild is due when not.)"""
    v = conn.execute(select(meta.c.value).where(meta.c.key == _VERSION_KEY)).scalar_one_or_none()
    return v == RESOLVER_VERSION


# -- writing ------------------------------------------------------------------


def _row(a: ActorCluster, state: dict, n_articles: int) -> dict[str, Any]:
    data = json.loads(a.model_dump_json(exclude={"members"}))
    data["state"] = state
    return {"id": a.id, "name": a.name, "type": a.type, "kind": a.kind, "country": a.country,
            "sector": a.sector, "code": a.code, "confidence": a.confidence, "n_articles": n_articles,
            "search": _search_text(a), "data": json.dumps(data, ensure_ascii=False)}


def rebuild(store: Store) -> tuple[list[ActorCluster], list[str]]:
    """Full re-resolution of the whole store (``newsgraph actor resolve``): rewrites the index."""
    with store.engine.begin() as conn:
        nodes = load_nodes(conn)
        clusters, notes, states = resolve_full(nodes, load_decisions(conn))
        by_key = {(n.article_id, n.entity_id): n for n in nodes}
        conn.execute(delete(db.actor_members))
        conn.execute(delete(db.actor_keys))
        conn.execute(delete(db.actors_table))
        if clusters:
            conn.execute(insert(db.actors_table),
                         [_row(a, st, len({m.article_id for m in a.members})) for a, st in zip(clusters, states,
                                                                                               strict=True)])
            conn.execute(insert(db.actor_members), [
                {"article_id": m.article_id, "entity_id": m.entity_id, "actor_id": a.id, "name": m.name,
                 "evidence": m.evidence, "confidence": m.confidence}
                for a in clusters for m in a.members])
            keys = {(k, a.id) for a in clusters for m in a.members
                    for k in node_keys(by_key[(m.article_id, m.entity_id)])}
            conn.execute(insert(db.actor_keys), [{"key": k[:200], "actor_id": i} for k, i in sorted(keys)])
        edges.rebuild_actor_edges(conn)
        conn.execute(delete(meta).where(meta.c.key.in_([_VERSION_KEY, "actors_notes"])))
        conn.execute(insert(meta), [{"key": _VERSION_KEY, "value": RESOLVER_VERSION},
                                    {"key": "actors_notes", "value": json.dumps(notes[:1000])}])
    return clusters, notes


def _candidates(conn: Connection, keys: Iterable[str]) -> list[Any]:
    """Actor rows sharing a key with the new entities (at most ``_PER_KEY`` per key, most covered
    first), in one query whatever the number of keys."""
    a, k = db.actors_table, db.actor_keys
    wanted = sorted({key[:200] for key in keys})
    if not wanted:
        return []
    rank = func.row_number().over(partition_by=k.c.key, order_by=(a.c.n_articles.desc(), a.c.id)).label("rank")
    ranked = (select(k.c.actor_id, rank).join(a, a.c.id == k.c.actor_id).where(k.c.key.in_(wanted))
              .subquery())
    ids = select(ranked.c.actor_id).where(ranked.c.rank <= _PER_KEY).distinct()
    return list(conn.execute(select(a).where(a.c.id.in_(ids)).order_by(a.c.id)))


def _stand_in(row: Any) -> Node:
    data = json.loads(row.data)
    st = data.get("state") or {}
    names = st.get("names") or {row.name: 1}
    aliases = [nm for nm in names if nm != row.name]
    return Node(article_id=f"actor:{row.id}", entity_id="", name=row.name, type=row.type, kind=row.kind,
                country=row.country, aliases=aliases, actor_id=row.id, state=st)


def _decision_targets(conn: Connection, nodes: Sequence[Node], decisions: Sequence[Decision]) -> dict[str, str | None]:
    """Member key of a new node -> the actor a manual decision puts it in (None: a new actor of its own)."""
    mine = {n.key for n in nodes}
    out: dict[str, str | None] = {}
    for d in decisions:
        sides = [d.a, d.b] if d.op == "split" else [d.a + d.b]
        for side in sides:
            hit = mine & set(side)
            if not hit:
                continue
            others = sorted(set(side) - mine)
            target = None
            for key in others:
                aid, _, name = key.partition(":")
                for m in conn.execute(select(db.actor_members.c.actor_id, db.actor_members.c.name)
                                      .where(db.actor_members.c.article_id == aid)):
                    if member_key(aid, m.name) == key:
                        target = m.actor_id
                        break
                if target:
                    break
            for key in hit:
                out[key] = target
    return out


def index_article(conn: Connection, article_id: str, ents: Sequence[Entity], *, source: str | None = None,
                  published: str | None = None) -> int:
    """Resolve one stored article's entities against the index; returns the actors it touched."""
    nodes = nodes_from_entities(article_id, ents, source=source, published=published)
    if not nodes:
        return 0
    rows = _candidates(conn, {k for n in nodes for k in node_keys(n)})
    stand_ins = [_stand_in(r) for r in rows]
    r = Resolver([*nodes, *stand_ins])

    def loader(actor_id: str) -> set[str]:
        return set(conn.execute(select(db.actor_members.c.article_id).where(db.actor_members.c.actor_id == actor_id)
                                .limit(20_000)).scalars())

    r.article_loader = loader
    groups = r.run()
    decisions = load_decisions(conn)
    forced = _decision_targets(conn, nodes, decisions) if decisions else {}
    n_new = len(nodes)
    w = _Writes(conn, {row.id: row for row in rows})
    for g in groups:
        new = [i for i in g if i < n_new]
        if not new:
            continue
        olds = [stand_ins[i - n_new].actor_id for i in g if i >= n_new]
        free = [i for i in new if nodes[i].key not in forced]
        for i in new:
            if nodes[i].key in forced:
                w.attach(r, [i], nodes, forced[nodes[i].key], "manual decision (replayed)")
        if free:
            w.attach(r, free, nodes, olds[0] if olds else None, None)
    w.flush()
    edges.add_article(conn, article_id)
    return len(w.touched)


class _Writes:
    """The rows one article adds to the index, written in a few statements at the end."""

    def __init__(self, conn: Connection, rows: dict[str, Any]) -> None:
        self.conn, self.rows = conn, rows
        self.members: list[dict[str, Any]] = []
        self.keys: set[tuple[str, str]] = set()
        self.new_actors: list[dict[str, Any]] = []
        self.updates: dict[str, dict[str, Any]] = {}
        self.touched: set[str] = set()
        self.ids: set[str] = set()
        self.bases: dict[str, str] = {}

    def attach(self, r: Resolver, idx: list[int], nodes: Sequence[Node], actor_id: str | None,
               forced_evidence: str | None) -> None:
        """Nodes ``idx`` become members of ``actor_id`` (a new actor when None)."""
        conn = self.conn
        ns = [nodes[i] for i in idx]
        if actor_id is not None and actor_id not in self.rows and actor_id not in self.ids:
            row = conn.execute(select(db.actors_table).where(db.actors_table.c.id == actor_id)).first()
            if row is None:
                actor_id = None
            else:
                self.rows[actor_id] = row
        if actor_id is None:
            name, etype, kind, country = describe(ns)
            sector = KIND_SECTOR.get(kind)
            if kind == "person":
                sector = next((s for n in ns for w in sorted(n.roles) if (s := role_sector(w))), None)
            actor_id = f"\0new{len(self.new_actors)}"  # a placeholder; ids are given in flush()
            self.ids.add(actor_id)
            self.bases[actor_id] = _slug(name)
            cluster = ActorCluster(id=actor_id, name=name, type=etype, kind=kind, country=country, sector=sector,
                                   code=actor_code(kind, country, sector),
                                   aliases=name_forms(ns, name))
            self.new_actors.append(_row(cluster, group_state(r, idx), 1))
        elif actor_id in self.rows and actor_id not in self.touched:
            row = self.rows[actor_id]
            data = json.loads(row.data)
            old_state = data.pop("state", {}) or {}
            cluster = ActorCluster.model_validate(data)
            state = group_state(r, idx)  # the resolver's cluster already holds the stand-in's state
            names = Counter(old_state.get("names") or {cluster.name: 1})
            names.update(n.name for n in ns)
            state["names"] = dict(names.most_common(50))
            state["n_articles"] = int(row.n_articles) + 1
            cluster.name = canonical_name(state["names"], cluster.kind == "person")
            cluster.aliases = name_forms(ns, cluster.name, cluster.aliases)[:200]
            self.updates[actor_id] = _row(cluster, state, int(row.n_articles) + 1)
        self.touched.add(actor_id)
        for i, n in zip(idx, ns, strict=True):
            ev, conf = (forced_evidence, 1.0) if forced_evidence else _evidence(r, i)
            self.members.append({"article_id": n.article_id, "entity_id": n.entity_id, "actor_id": actor_id,
                                 "name": n.name, "evidence": ev, "confidence": conf})
            self.keys |= {(k[:200], actor_id) for k in node_keys(n)}

    def flush(self) -> None:
        conn = self.conn
        if self.new_actors:
            final = _free_ids(conn, self.bases)
            for row in self.new_actors:
                ph = row["id"]
                row["id"] = final[ph]
                data = json.loads(row["data"])
                data["id"] = row["id"]
                row["data"] = json.dumps(data, ensure_ascii=False)
                row["search"] = row["search"].replace(ph.casefold(), row["id"]).replace(ph, row["id"])
            for m in self.members:
                m["actor_id"] = final.get(m["actor_id"], m["actor_id"])
            self.keys = {(k, final.get(a, a)) for k, a in self.keys}
            self.touched = {final.get(a, a) for a in self.touched}
            conn.execute(insert(db.actors_table), self.new_actors)
        for actor_id, vals in self.updates.items():
            conn.execute(db.actors_table.update().where(db.actors_table.c.id == actor_id)
                         .values(**{k: v for k, v in vals.items() if k != "id"}))
        if self.members:
            conn.execute(insert(db.actor_members), self.members)
        old = {(x.key, x.actor_id) for x in conn.execute(
            select(db.actor_keys).where(db.actor_keys.c.actor_id.in_(sorted(set(self.updates))),
                                        db.actor_keys.c.key.in_(sorted({k for k, _ in self.keys}))))} \
            if self.updates else set()
        fresh = sorted(self.keys - old)
        if fresh:
            conn.execute(insert(db.actor_keys), [{"key": k, "actor_id": a} for k, a in fresh])


def _evidence(r: Resolver, i: int) -> tuple[str, float]:
    if i in r.evidence:
        return r.evidence[i]
    return ("seed of the actor", 1.0)


def _free_ids(conn: Connection, bases: dict[str, str]) -> dict[str, str]:
    """Placeholder -> free actor id (``base``, else ``base-2``, ``base-3`` …), in two queries."""
    t = db.actors_table.c.id
    wanted = sorted(set(bases.values()))
    taken = set(conn.execute(select(t).where(t.in_(wanted))).scalars())
    for base in {b for b in wanted if b in taken}:
        taken |= set(conn.execute(select(t).where(t.startswith(base + "-", autoescape=True))).scalars())
    out: dict[str, str] = {}
    for ph, base in bases.items():
        aid, n = base, 2
        while aid in taken:
            aid, n = f"{base}-{n}", n + 1
        taken.add(aid)
        out[ph] = aid
    return out


def _on_add(conn: Connection, analysis: Analysis) -> None:
    """The store hook: index every stored article as it is written (same transaction)."""
    art = analysis.article
    index_article(conn, art.id, analysis.entities, source=art.source, published=art.published)


def index_pending(store: Store) -> int:
    """Index the stored articles whose entities have no actor yet (stored while the hook was not
    registered, e.g. by a script that never imported :mod:`newsgraph.actors`).  Returns how many."""
    done = 0
    with store.engine.connect() as conn:
        pending = list(conn.execute(
            select(entities.c.article_id).distinct()
            .where(~entities.c.article_id.in_(select(db.actor_members.c.article_id)))).scalars())
    for aid in pending:
        with store.engine.begin() as conn:
            art = conn.execute(select(articles.c.source, articles.c.published).where(articles.c.id == aid)).first()
            ents = [Entity.model_validate_json(d) for d in conn.execute(
                select(entities.c.data).where(entities.c.article_id == aid).order_by(entities.c.id)).scalars()]
            index_article(conn, aid, ents, source=art.source if art else None, published=art.published if art else None)
            done += 1
    return done


def register() -> None:
    """Put the indexing hook on the store's write path (idempotent)."""
    if _on_add not in AFTER_ADD:
        AFTER_ADD.append(_on_add)

