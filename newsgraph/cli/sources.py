"""``newsgraph sources`` (people quoted, share of women) and ``newsgraph statements`` (one statement across outlets)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated

import typer

from .options import DbOpt, OutletOpt, RowsJsonOpt, SinceOpt, UntilOpt, check_day, echo_rows


def register(apps) -> None:  # noqa: ANN001 - the Apps bundle of newsgraph.cli
    """Add ``sources`` and ``statements`` to the CLI."""

    @apps.root.command("sources")
    def sources_cmd(
        db: DbOpt = None,
        by: Annotated[str, typer.Option("--by", help="outlet-month, outlet, month or all.")] = "outlet-month",
        outlet: OutletOpt = None,
        since: SinceOpt = None,
        until: UntilOpt = None,
        fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
        people: Annotated[bool, typer.Option("--people", help="List each person quoted instead of the counts.")] = False,
    ) -> None:
        """People quoted by outlet and month with the share of women (Gender Gap Tracker style)."""
        from ..store import Store
        from ..store.sources import GROUPINGS, rows_to_csv, source_people, sources_report

        if by not in GROUPINGS:
            raise typer.BadParameter(f"one of {', '.join(GROUPINGS)}", param_hint="--by")
        if fmt not in ("table", "csv", "json"):
            raise typer.BadParameter("table, csv or json", param_hint="--format")
        check_day(since, "--from")
        check_day(until, "--to")
        with Store(db) as store:
            if people:
                listed = source_people(store, outlet=outlet, since=since, until=until)
                if fmt == "json":
                    for p in listed:
                        typer.echo(json.dumps(p, ensure_ascii=False))
                else:
                    for p in listed:
                        typer.echo(f"{p['outlet'] or '-'}\t{p['published'] or '-'}\t{p['article_id']}\t"
                                   f"{p['name']}\t{p['gender'] or 'unknown'}")
                return
            rows = sources_report(store, by=by, outlet=outlet, since=since, until=until)  # type: ignore[arg-type]
        if fmt == "csv":
            typer.echo(rows_to_csv(rows), nl=False)
        elif fmt == "json":
            for r in rows:
                typer.echo(json.dumps(asdict(r), ensure_ascii=False))
        elif not rows:
            typer.echo("no people quoted")
        else:
            typer.echo(f"{'outlet':30s} {'month':8s} {'articles':>8s} {'people':>7s} {'women':>6s} "
                       f"{'men':>5s} {'unknown':>8s} {'women %':>8s}")
            # "(all)" when the rows are not split on that column, "(unknown)" for articles without it
            no_outlet = "(unknown)" if by in ("outlet", "outlet-month") else "(all)"
            no_month = "(undated)" if by in ("month", "outlet-month") else "(all)"
            for r in rows:
                share = f"{100 * r.share_women:.1f}" if r.share_women is not None else "-"
                typer.echo(f"{(r.outlet or no_outlet)[:30]:30s} {r.month or no_month:8s} {r.articles:8d} {r.people:7d} "
                           f"{r.women:6d} {r.men:5d} {r.unknown:8d} {share:>8s}")

    @apps.root.command("statements")
    def statements_cmd(
        db: DbOpt = None,
        speaker: Annotated[str | None, typer.Option("--speaker", help="Only this speaker (name or surname).")] = None,
        outlet: OutletOpt = None,
        min_occurrences: Annotated[int, typer.Option("--min", min=1, help="Only statements in at least N articles.")] = 2,
        limit: Annotated[int, typer.Option("--limit", min=1)] = 50,
        as_json: RowsJsonOpt = False,
    ) -> None:
        """Statements reprinted across articles: the same speaker's near-identical words, with each occurrence."""
        from ..store import Store
        from ..store.statements import statements

        with Store(db) as store:
            found = statements(store, speaker=speaker, outlet=outlet, min_occurrences=min_occurrences, limit=limit)
        if echo_rows(found, as_json, "no statements found"):
            return
        for s in found:
            text = s["text"] if len(s["text"]) <= 160 else s["text"][:157] + "..."
            typer.echo(f"{s['id']}  {s['speaker']}  ({len(s['occurrences'])} articles, {s['outlets']} outlets)")
            typer.echo(f"  “{text}”")
            for o in s["occurrences"]:
                typer.echo(f"    {o['published'] or '-':10s}  {(o['outlet'] or '-')[:30]:30s}  "
                           f"{o['article_id']} {o['quote_id']} [{o['start']}:{o['end']}]")
