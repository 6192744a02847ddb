"""``newsgraph actors`` (list), ``newsgraph actor NAME_OR_ID`` (profile), ``newsgraph actor merge|split``,
``newsgraph eval actors``.  Thin: the work is in :mod:`newsgraph.actors`."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import click
import typer
from typer.core import TyperGroup

from . import lazy_module
from . import open_store as Store
from .options import DbOpt, OutletOpt, SinceOpt, UntilOpt

api = lazy_module("newsgraph.actors")  # loaded on first use: keeps `newsgraph --help` light


class ActorGroup(TyperGroup):
    """``actor`` group whose first word, when it is not a subcommand, is an actor name:
    ``newsgraph actor "Kata'ib Hezbollah"`` runs ``newsgraph actor show "Kata'ib Hezbollah"``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["show", *args]
        return super().parse_args(ctx, args)


actor_app = typer.Typer(
    cls=ActorGroup,
    help="One actor across articles: `actor NAME_OR_ID [--format text|json]`, `actor merge A B`, "
    "`actor split ACTOR --article ID`, `actor resolve`.",
    no_args_is_help=True,
    subcommand_metavar="NAME_OR_ID | COMMAND [ARGS]...",
)

def _fail(msg: str) -> None:
    typer.echo(f"error: {msg}", err=True)
    raise typer.Exit(1)


@actor_app.command("show", help="Profile of one actor (the default when the first word is a name).")
def show(
    name_or_id: str = typer.Argument(..., help="Actor id, name or alias."),
    db: DbOpt = None,
    fmt: str = typer.Option("text", "--format", "-f", help="text | json"),
    outlet: OutletOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: int | None = typer.Option(None, "--limit", min=1, help="Only the N newest matching articles."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip the N newest matching articles first."),
) -> None:
    window: dict[str, object] = {}
    if outlet or since or until or limit is not None or offset:
        window = {"outlet": outlet, "date_from": since, "date_to": until, "limit": limit, "offset": offset}
    with Store(db) as store:
        try:
            prof = api.actor_profile(store, name_or_id, **window)  # type: ignore[arg-type]
        except api.ActorNotFound as exc:
            _fail(str(exc))
            return
    if fmt == "json":
        typer.echo(prof.model_dump_json(indent=2))
    elif fmt == "text":
        typer.echo(render_profile(prof))
    else:
        _fail(f"unknown format {fmt!r} (text|json)")


@actor_app.command("merge", help="Merge actor B into actor A; survives re-analysis.")
def merge_cmd(
    a: str = typer.Argument(..., help="Actor id or name to keep."),
    b: str = typer.Argument(..., help="Actor id or name to merge into A."),
    note: str | None = typer.Option(None, "--note", help="Why (kept with the decision)."),
    db: DbOpt = None,
) -> None:
    with Store(db) as store:
        try:
            d = api.merge(store, a, b, note=note)
            merged = api.find_actor(store, a)
        except (api.ActorNotFound, ValueError) as exc:
            _fail(str(exc))
            return
    typer.echo(f"merged: {merged.name} [{merged.id}] now has {len(merged.members)} members "
               f"({len(d.a)} + {len(d.b)} member keys recorded)")


@actor_app.command("split", help="Split members (by article id prefix or name) off an actor.")
def split_cmd(
    actor: str = typer.Argument(..., help="Actor id or name."),
    article: list[str] = typer.Option([], "--article", "-a", help="Article id (prefix) whose members move."),
    name: list[str] = typer.Option([], "--name", "-n", help="Member name (as written) that moves."),
    note: str | None = typer.Option(None, "--note"),
    db: DbOpt = None,
) -> None:
    if not article and not name:
        _fail("give --article and/or --name to say which members split off")
    with Store(db) as store:
        try:
            d = api.split(store, actor, articles=article, names=name, note=note)
        except (api.ActorNotFound, ValueError) as exc:
            _fail(str(exc))
            return
    typer.echo(f"split: {len(d.a)} member(s) moved to a new actor: {', '.join(d.a)}")


@actor_app.command("resolve", help="Rebuild the cross-article actor index from scratch (storing an article "
                  "already indexes it; --pending indexes only articles stored without the index).")
def resolve_cmd(db: DbOpt = None, verbose: bool = typer.Option(False, "--verbose", "-v"),
                pending: bool = typer.Option(False, "--pending", help="Only index articles that have no actor yet.")
                ) -> None:
    from ..actors import index

    with Store(db) as store:
        if pending:
            typer.echo(f"{index.index_pending(store)} articles indexed")
            return
        n, notes = api.resolve(store)
    typer.echo(f"{n} actors")
    if verbose:
        for line in notes:
            typer.echo(f"  {line}")


@actor_app.command("decisions", help="List manual merge/split decisions in the order they replay.")
def decisions_cmd(db: DbOpt = None) -> None:
    with Store(db) as store:
        for i, d in enumerate(api.decisions(store), 1):
            typer.echo(f"{i}. {d.op}: {', '.join(d.a)}" + (f"  <-  {', '.join(d.b)}" if d.b else "")
                       + (f"  ({d.note})" if d.note else ""))


def render_profile(p: api.ActorProfile) -> str:
    """Plain-text profile: typing, names, roles with dates, labels per outlet with spans, quotes, events."""
    out: list[str] = []
    c = p.counts
    out.append(f"{p.name}  [{p.id}]")
    out.append(f"  kind {p.kind}, country {p.country or '-'}, code {p.code}, type {p.type}; "
               f"{c.get('articles', 0)} articles, {c.get('outlets', 0)} outlets, "
               f"{c.get('mentions', 0)} mentions, resolution confidence {p.confidence:.2f}")
    if p.window is not None:
        w = p.window
        out.append(f"  below: articles {w.offset + 1 if w.shown else 0}-{w.offset + w.shown} of the {w.total}"
                   f"{' or more' if w.total_capped else ''} matching (of {p.articles} naming the actor), newest first")
    if p.aliases:
        out.append("  also: " + "; ".join(p.aliases))
    for rel in p.part_of:
        out.append(f"  part of: {rel.actor.name} [{rel.actor.id}] via {rel.via} ({len(rel.articles)} articles)")
    for rel in p.parts:
        out.append(f"  has part: {rel.actor.name} [{rel.actor.id}] ({len(rel.articles)} articles)")
    if p.roles:
        out.append(f"Roles ({len(p.roles)}):")
        for r in p.roles:
            org = f" — {r.org_actor.name if r.org_actor else r.org}" if (r.org or r.org_actor) else ""
            out.append(f"  {r.date or '????-??-??'}  {r.role}{org}  [{r.outlet or '?'} {r.article_id[:8]} "
                       f"{r.evidence.start}-{r.evidence.end} \"{r.evidence.text}\"]")
    if p.labels:
        out.append(f"Labels by outlet ({len(p.labels)}):")
        per: dict[str, list[Any]] = defaultdict(list)
        for lb in p.labels:
            per[lb.outlet or "(unknown outlet)"].append(lb)
        for outlet in sorted(per):
            out.append(f"  {outlet}:")
            for lb in per[outlet]:
                per_whom = f", per {lb.by}" if lb.by else ""
                out.append(f"    \"{lb.text}\" ({lb.form}{per_whom})  [{lb.article_id[:8]} {lb.start}-{lb.end}, {lb.date or '?'}]")
    for title, quotes in (("Quotes by", p.quotes_by), ("Quotes about", p.quotes_about)):
        if quotes:
            out.append(f"{title} ({len(quotes)}):")
            for q in quotes:
                who = "" if title == "Quotes by" else f"{q.speaker_actor.name if q.speaker_actor else q.speaker}: "
                out.append(f"  {q.date or '????-??-??'} {q.outlet or '?'} [{q.article_id[:8]} {q.start}-{q.end}] "
                           f"{q.kind}{', ' + q.cue if q.cue else ''}: {who}“{q.text}”")
    for title, evs in (("Events as actor", p.events_as_actor), ("Events as recipient", p.events_as_recipient)):
        if evs:
            out.append(f"{title} ({len(evs)}):")
            for e in evs:
                other = e.recipient if title == "Events as actor" else e.actor
                out.append(f"  {e.date or '????-??-??'} {e.type}{'/' + e.mode if e.mode else ''} "
                           f"{'-> ' if title == 'Events as actor' else '<- '}{other.name if other else '-'} "
                           f"({e.status}) \"{e.trigger}\" [{e.outlet or '?'} {e.article_id[:8]}]")
    out.append(f"Members ({len(p.members)}):")
    for m in p.members:
        out.append(f"  {m.article_id[:8]}/{m.entity_id} {m.name!r}  {m.confidence:.2f}  {m.evidence}")
    return "\n".join(out)


def register(apps: Any) -> None:
    apps.root.add_typer(actor_app, name="actor")

    @apps.root.command("actors", help="List cross-article actors.")
    def actors_cmd(
        db: DbOpt = None,
        kind: str | None = typer.Option(None, "--kind", "-k", help="person, armed_group, country, …"),
        search: str | None = typer.Option(None, "--search", "-s", help="Match any name or alias."),
        fmt: str = typer.Option("text", "--format", "-f", help="text | json"),
        limit: int = typer.Option(0, "--limit", help="Show at most N (0 = all)."),
    ) -> None:
        with Store(db) as store:
            rows = api.actors(store, kind=kind, search=search)
        if limit:
            rows = rows[:limit]
        if fmt == "json":
            typer.echo(json.dumps([r.model_dump() for r in rows], indent=2, ensure_ascii=False))
            return
        for r in rows:
            aka = f"  aka {'; '.join(r.aliases[:4])}" if r.aliases else ""
            typer.echo(f"{r.id:32} {r.name:32} {r.kind:26} {r.code:8} {r.articles:4}{aka}")

    @apps.eval.command("actors", help="Cross-article resolution P/R on the labelled fixture pairs.")
    def eval_actors(
        mode: str = typer.Option("gold", "--mode", help="gold (resolver on hand entities) | pipeline | both"),
        articles: Path | None = typer.Option(None, "--articles", help="articles.jsonl (default: fixtures)"),
        pairs: Path | None = typer.Option(None, "--pairs", help="pairs.jsonl (default: fixtures)"),
        out: Path | None = typer.Option(None, "--out", help="Write the JSON report here too."),
        verbose: bool = typer.Option(False, "--verbose", "-v", help="Keep errors and kept-apart notes."),
    ) -> None:
        from ..eval.resolution import evaluate

        modes = ["gold", "pipeline"] if mode == "both" else [mode]
        reports = []
        for m in modes:
            r = evaluate(m, articles, pairs)
            if not verbose:
                r = {k: v for k, v in r.items() if k not in ("errors", "kept_apart")}
            reports.append(r)
        text = json.dumps(reports[0] if len(reports) == 1 else reports, indent=2, ensure_ascii=False)
        if out:
            out.write_text(text + "\n", encoding="utf-8")
        typer.echo(text)
