"""``newsgraph sources`` (people quoted, share of women) and ``newsgraph statements`` (one statement across outlets)."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

DbOpt = Annotated[str | None, typer.Option("--db", help="Database URL or SQLite path (default: NEWSGRAPH_DB or ./newsgraph.db).")]
OutletOpt = Annotated[str | None, typer.Option("--outlet", help="Only articles of this outlet (exact name).")]
SinceOpt = Annotated[str | None, typer.Option("--from", help="First publication day, YYYY-MM-DD.")]
UntilOpt = Annotated[str | None, typer.Option("--to", help="Last publication day, YYYY-MM-DD.")]
# --json on a listing command (one object per line) and on an eval command (the figures): one wording each.
RowsJsonOpt = Annotated[bool, typer.Option("--json", help="One JSON object per line.")]
FiguresJsonOpt = Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")]


def echo_rows(rows: list[dict], as_json: bool, empty: str) -> bool:
    """The shared start of every listing command: with ``--json`` print one object per line, with no
    rows say ``empty``.  True when that was the whole answer, so the caller prints its table only otherwise."""
    if as_json:
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
        return True
    if not rows:
        typer.echo(empty)
        return True
    return False


def saved_model(path: Path, default: Path, env: str) -> None:
    """Say where ``train`` saved a model and, when it is not the default place, how to use it."""
    typer.echo(f"saved {path}")
    if path.resolve() != default.resolve():
        typer.echo(f"to use it, set {env}={path}")


def check_day(value: str | None, name: str) -> str | None:
    """A YYYY-MM-DD option value, or a clear error naming the option."""
    if value is not None:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint=name) from None
    return value


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
            for r in rows:
                share = f"{100 * r.share_women:.1f}" if r.share_women is not None else "-"
                typer.echo(f"{(r.outlet or '(all)')[:30]:30s} {r.month or '(all)':8s} {r.articles:8d} {r.people:7d} "
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
