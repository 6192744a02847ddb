"""``newsgraph said``: who said what across the store, filtered like the /said page.

The same query and the same columns as the page and ``GET /api/said`` (one definition in
:mod:`newsgraph.queries`), printed as a table or written as CSV / JSON Lines.
"""

from __future__ import annotations

import re
from typing import Annotated

import typer

from .options import DbOpt

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(value: object) -> str:
    """Text for a terminal: control and bidi-override characters from articles shown as
    escapes, so an article cannot move the cursor, recolour or fake lines of a report."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", str(value)).replace("\n", " ")


def register(apps) -> None:  # noqa: ANN001 - the Apps bundle of newsgraph.cli
    """Add ``said`` to the CLI."""

    @apps.root.command("said")
    def said(
        db: DbOpt = None,
        speaker: Annotated[str | None, typer.Option("--speaker", help="Words of the speaker's name.")] = None,
        actor: Annotated[str | None, typer.Option("--actor", help="Cross-article actor id.")] = None,
        outlet: Annotated[str | None, typer.Option("--outlet", help="Words of the outlet name.")] = None,
        date_from: Annotated[str | None, typer.Option("--from", help="YYYY[-MM[-DD]], inclusive.")] = None,
        date_to: Annotated[str | None, typer.Option("--to", help="YYYY[-MM[-DD]], inclusive.")] = None,
        q: Annotated[str | None, typer.Option("--words", "-w", help="Topic words that must all be in the quote.")] = None,
        kind: Annotated[str | None, typer.Option("--kind", help="direct, indirect, mixed or belief.")] = None,
        negated: Annotated[bool | None, typer.Option("--negated/--not-negated", help="Only negated / only not.")] = None,
        sort: Annotated[str, typer.Option("--sort", help="newest, oldest, speaker or outlet.")] = "newest",
        limit: Annotated[int, typer.Option("--limit", min=1, max=100_000)] = 50,
        offset: Annotated[int, typer.Option("--offset", min=0)] = 0,
        fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or jsonl.")] = "table",
    ) -> None:
        """List statements: date, outlet, speaker, role, kind, cue and the quote with its offsets."""
        from .. import queries
        from ..export import tables
        from ..store import Store

        date_re = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
        for name, value in (("--from", date_from), ("--to", date_to)):
            if value and (not date_re.match(value) or queries.parse_date(value) is None):
                raise typer.BadParameter(f"{value!r} is not a date YYYY[-MM[-DD]]", param_hint=name)
        if kind not in (None, "direct", "indirect", "mixed", "belief"):
            raise typer.BadParameter("direct, indirect, mixed or belief", param_hint="--kind")
        if sort not in queries.QUOTE_SORTS:
            raise typer.BadParameter(", ".join(queries.QUOTE_SORTS), param_hint="--sort")
        if fmt not in ("table", "csv", "jsonl"):
            raise typer.BadParameter("table, csv or jsonl", param_hint="--format")
        store = Store(db)
        rows: list[dict] = []
        total = 0
        pos = offset
        while len(rows) < limit:  # the query pages by 200 at most
            res = queries.list_quotes(
                store, speaker=speaker, actor=actor, outlet=outlet, date_from=date_from, date_to=date_to,
                q=q, kind=kind, negated=negated, sort=sort, limit=min(200, limit - len(rows)), offset=pos,
            )
            total = res["total"]
            rows += [queries.statement_row(i) for i in res["items"]]
            pos += len(res["items"])
            if not res["items"]:
                break
        if fmt == "csv":
            typer.echo(tables.rows_csv(rows, queries.STATEMENT_FIELDS), nl=False)
            return
        if fmt == "jsonl":
            typer.echo(tables.rows_jsonl(rows, queries.STATEMENT_FIELDS), nl=False)
            return
        for r in rows:
            flags = "".join([" [negated]" if r["negated"] else "", " [hedged]" if r["hedged"] else ""])
            who = r["speaker"] or "(unattributed)"
            role = f", {r['role']}" if r["role"] else ""
            typer.echo(terminal_safe(f"{r['date'] or '—'}  {r['outlet'] or '—'}  {who}{role}  "
                                     f"{r['kind']}{flags} ({r['cue'] or '—'})"))
            typer.echo("    " + terminal_safe(f"“{r['quote']}”  {r['article_id']}:{r['start']}-{r['end']}"))
        typer.echo(f"{len(rows)} of {total} statement{'s' if total != 1 else ''}", err=True)
