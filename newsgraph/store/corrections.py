"""Corrections an analyst makes from the pages, kept as decisions that outlive re-analysis.

A correction names its record by what re-analysis keeps — the article id (the hash of its
text) and the record's characters (a quote's first and last character, an event's trigger
and type, a claim's span) — never by the record id alone (``Q3`` may be ``Q4`` after the
extractors change).  Every analysis the store writes (``add``, ``replace``: ingest and
``newsgraph reanalyze``) passes the ``AFTER_ADD`` hook below, which re-applies the article's
corrections to the record rows and to the stored analysis in the same transaction.  So a
corrected speaker or a rejected event stays corrected however often the article is analysed.

Merges and splits of actors are the actor layer's decisions (``actor_decisions``); the
workbench records them here too, so one audit list shows every correction.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Column, DateTime, Index, Integer, String, Table, Text, delete, insert, select, update
from sqlalchemy.engine import Connection

from ..model import Analysis
from . import AFTER_ADD, ROW_BUILDERS, Store
from .schema import RECORD_TABLES, analyses, metadata

OPS = ("speaker", "reject_event", "reject_claim", "merge", "split")

corrections = Table(
    "corrections",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("op", String(16), nullable=False),
    Column("article_id", String(32)),  # null for actor merges/splits
    Column("target", Text, nullable=False),  # JSON: the stable key of the record
    Column("value", Text, nullable=False),  # JSON: what the analyst set
    Column("note", Text),
    Column("client", String(64)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_corrections_article", "article_id"),
)


class CorrectionError(ValueError):
    """A correction that cannot be made (unknown article or record, bad value)."""


def _quote_key(q: Any) -> dict[str, Any]:
    start = q.content[0].start if q.content else (q.cue.start if q.cue else 0)
    end = q.content[-1].end if q.content else (q.cue.end if q.cue else 0)
    return {"start": start, "end": end}


def _event_key(e: Any) -> dict[str, Any]:
    return {"start": e.trigger.start, "end": e.trigger.end, "type": e.type}


def _claim_key(c: Any) -> dict[str, Any]:
    return {"start": c.start, "end": c.end}


def record_key(analysis: Analysis, op: str, record_id: str) -> dict[str, Any]:
    """The stable key of record ``record_id`` for a correction of kind ``op``."""
    field, keyfn = {"speaker": ("quotes", _quote_key), "reject_event": ("events", _event_key),
                     "reject_claim": ("claims", _claim_key)}[op]
    for rec in getattr(analysis, field):
        if rec.id == record_id:
            return {**keyfn(rec), "was": record_id}
    raise CorrectionError(f"article {analysis.article.id} has no {field[:-1]} {record_id!r}")


def apply(analysis: Analysis, rows: list[dict[str, Any]]) -> tuple[Analysis, set[str]]:
    """``analysis`` with the corrections ``rows`` (in order) applied, and the record fields changed."""
    changed: set[str] = set()
    a = analysis.model_copy(deep=True)
    for row in rows:
        key, value = row["target"], row["value"]
        if row["op"] == "reject_event":
            want = {k: key[k] for k in ("start", "end", "type")}
            keep = [e for e in a.events if _event_key(e) != want]
            if len(keep) != len(a.events):
                a.events = keep
                changed.add("events")
        elif row["op"] == "reject_claim":
            want = {k: key[k] for k in ("start", "end")}
            keep = [c for c in a.claims if _claim_key(c) != want]
            if len(keep) != len(a.claims):
                a.claims = keep
                changed.add("claims")
        elif row["op"] == "speaker":
            for i, q in enumerate(a.quotes):
                if _quote_key(q) != {k: key[k] for k in ("start", "end")}:
                    continue
                a.quotes[i] = _with_speaker(a, q, value.get("name") or "")
                changed.add("quotes")
    return a, changed


def _with_speaker(a: Analysis, q: Any, name: str) -> Any:
    """Quote ``q`` attributed to ``name``: linked to the article's entity of that name (or alias)
    when there is one, with its first mention as the speaker span; else a name only."""
    folded = name.casefold().strip()
    ent = next((e for e in a.entities if e.name.casefold() == folded), None) or next(
        (e for e in a.entities if folded in (x.casefold() for x in e.aliases)), None
    )
    fields: dict[str, Any] = {"speaker_name": name or None, "speaker_entity": None, "speaker": None,
                              "speaker_role": None, "speaker_org": None}
    if ent is not None:
        first = next((m for m in a.mentions if m.entity == ent.id), None)
        role = ent.roles[0] if ent.roles else None
        fields.update(
            speaker_name=ent.name,
            speaker_entity=ent.id,
            speaker={"start": first.start, "end": first.end, "text": first.text} if first else None,
            speaker_role=role.role if role else None,
            speaker_org=role.org if role else None,
        )
    return type(q).model_validate({**q.model_dump(), **fields})


def rows_for(conn: Connection, article_id: str) -> list[dict[str, Any]]:
    stmt = select(corrections).where(corrections.c.article_id == article_id).order_by(corrections.c.seq)
    return [{"op": r.op, "target": json.loads(r.target), "value": json.loads(r.value)} for r in conn.execute(stmt)]


def _rewrite(conn: Connection, corrected: Analysis, changed: set[str]) -> None:
    """Write the corrected records and stored analysis of one article (inside its transaction)."""
    aid = corrected.article.id
    for name in sorted(changed):
        table = RECORD_TABLES[name]
        conn.execute(delete(table).where(table.c.article_id == aid))
        rows = [ROW_BUILDERS[name](corrected, rec) for rec in getattr(corrected, name)]
        if rows:
            conn.execute(insert(table), rows)
    conn.execute(
        update(analyses)
        .where(analyses.c.article_id == aid)
        .values(data=corrected.model_dump_json(exclude={"article": {"text"}}))
    )


def _on_write(conn: Connection, analysis: Analysis) -> None:
    """AFTER_ADD hook: re-apply the article's corrections to what was just written."""
    rows = rows_for(conn, analysis.article.id)
    if not rows:
        return
    corrected, changed = apply(analysis, rows)
    if changed:
        _rewrite(conn, corrected, changed)


def record(
    store: Store,
    op: str,
    *,
    article_id: str | None,
    target: dict[str, Any],
    value: dict[str, Any],
    note: str | None = None,
    client: str | None = None,
) -> int:
    """Store one correction and apply it at once to the article it concerns; returns its number."""
    if op not in OPS:
        raise CorrectionError(f"unknown correction {op!r}; known: {', '.join(OPS)}")
    with store.engine.begin() as conn:
        seq = conn.execute(
            insert(corrections).returning(corrections.c.seq),
            {"op": op, "article_id": article_id, "target": json.dumps(target, ensure_ascii=False),
             "value": json.dumps(value, ensure_ascii=False), "note": note, "client": (client or "")[:64],
             "created_at": datetime.now(UTC)},
        ).scalar_one()
        if article_id and op in ("speaker", "reject_event", "reject_claim"):
            current = store.analysis(article_id)
            if current is not None:
                corrected, changed = apply(current, rows_for(conn, article_id))
                if changed:
                    _rewrite(conn, corrected, changed)
    return int(seq)


def audit(store: Store, *, limit: int = 200, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Every correction, newest first, for the audit list."""
    from sqlalchemy import func

    with store.engine.connect() as conn:
        total = int(conn.execute(select(func.count()).select_from(corrections)).scalar_one())
        rows = conn.execute(select(corrections).order_by(corrections.c.seq.desc()).limit(limit).offset(offset))
        items = [
            {"seq": r.seq, "op": r.op, "article_id": r.article_id, "target": json.loads(r.target),
             "value": json.loads(r.value), "note": r.note, "client": r.client,
             "created_at": r.created_at.isoformat() if r.created_at else None}
            for r in rows
        ]
    return items, total


AFTER_ADD.append(_on_write)


def correct(store: Store, op: str, params: dict[str, Any], *, client: str | None = None) -> dict[str, Any]:
    """Make one correction from the page or the API and return what was recorded.

    ``params``: ``speaker``: article, quote, speaker (the new name); ``reject_event``: article,
    event; ``reject_claim``: article, claim; ``merge``: a, b (actor ids or names: b joins a);
    ``split``: actor, articles (ids) and/or names.  ``note`` is kept with any of them.
    Raises :class:`CorrectionError` with the reason when the correction cannot be made."""
    note = (params.get("note") or None) and str(params["note"])[:1000]
    if op in ("speaker", "reject_event", "reject_claim"):
        aid = str(params.get("article") or "")
        rid = str(params.get({"speaker": "quote", "reject_event": "event", "reject_claim": "claim"}[op]) or "")
        analysis = store.analysis(aid) if aid else None
        if analysis is None:
            raise CorrectionError(f"no article {aid!r}")
        target = record_key(analysis, op, rid)
        value: dict[str, Any] = {}
        if op == "speaker":
            name = " ".join(str(params.get("speaker") or "").split())[:200]
            if not name:
                raise CorrectionError("give the speaker's name")
            value = {"name": name}
        seq = record(store, op, article_id=analysis.article.id, target=target, value=value, note=note,
                     client=client)
        return {"seq": seq, "op": op, "article_id": analysis.article.id, "target": target, "value": value}
    if op in ("merge", "split"):
        from .. import actors as actor_layer

        try:
            if op == "merge":
                a, b = str(params.get("a") or ""), str(params.get("b") or "")
                if not a or not b:
                    raise CorrectionError("give the two actors to merge (a keeps, b joins it)")
                d = actor_layer.merge(store, a, b, note=note)
                target, value = {"a": a, "b": b}, {"a": d.a, "b": d.b}
            else:
                actor = str(params.get("actor") or "")
                arts = [x for x in _list(params.get("articles")) if x]
                names = [x for x in _list(params.get("names")) if x]
                if not actor or not (arts or names):
                    raise CorrectionError("give the actor and the articles or names that split off")
                d = actor_layer.split(store, actor, articles=arts, names=names, note=note)
                target, value = {"actor": actor, "articles": arts, "names": names}, {"a": d.a}
        except LookupError as exc:
            raise CorrectionError(str(exc)) from exc
        except ValueError as exc:
            raise CorrectionError(str(exc)) from exc
        seq = record(store, op, article_id=None, target=target, value=value, note=note, client=client)
        return {"seq": seq, "op": op, "target": target, "value": value}
    raise CorrectionError(f"unknown correction {op!r}; known: {', '.join(OPS)}")


def _list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [x.strip() for x in value.replace(",", "\n").splitlines() if x.strip()]
    return [str(x).strip() for x in value]


def review_queue(store: Store, *, limit: int = 50, threshold: float = 0.75) -> dict[str, list[dict[str, Any]]]:
    """What an analyst should look at first: entity links the resolver made with low confidence,
    and one-article actors whose name shares its last word with a bigger actor of the same type
    (a likely missed merge).  Empty when the actor layer has not resolved the store yet."""
    from . import actor_index as db

    out: dict[str, list[dict[str, Any]]] = {"low_confidence": [], "singletons": []}
    with store.engine.connect() as conn:
        am, at = db.actor_members, db.actors_table
        low = conn.execute(
            select(am.c.article_id, am.c.entity_id, am.c.name, am.c.confidence, am.c.evidence, at.c.id, at.c.name)
            .join(at, at.c.id == am.c.actor_id)
            .where(am.c.confidence < threshold, at.c.n_articles > 1)
            .order_by(am.c.confidence, am.c.article_id)
            .limit(limit)
        )
        out["low_confidence"] = [
            {"article_id": r[0], "entity_id": r[1], "name": r[2], "confidence": round(float(r[3]), 3),
             "evidence": r[4], "actor_id": r[5], "actor_name": r[6]}
            for r in low
        ]
        big: dict[tuple[str, str], list[Any]] = {}
        rows = list(conn.execute(select(at.c.id, at.c.name, at.c.type, at.c.n_articles)))
        for r in rows:
            words = r.name.split()
            if r.n_articles > 1 and words:
                big.setdefault((r.type, words[-1].casefold()), []).append(r)
        for r in rows:
            words = r.name.split()
            if r.n_articles != 1 or not words:
                continue
            like = [b for b in big.get((r.type, words[-1].casefold()), []) if b.id != r.id]
            if like:
                best = max(like, key=lambda b: b.n_articles)
                out["singletons"].append({"actor_id": r.id, "name": r.name, "type": r.type,
                                          "looks_like": best.id, "looks_like_name": best.name,
                                          "articles": best.n_articles})
            if len(out["singletons"]) >= limit:
                break
    return out
