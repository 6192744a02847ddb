"""``newsgraph eval events`` (PLOVER gold accuracy) and ``newsgraph timeline`` (dated events from the store)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from . import DbOpt


def register(apps) -> None:  # noqa: ANN001 - the Apps bundle of newsgraph.cli
    """Add ``eval events`` and ``timeline`` to the CLI."""

    @apps.eval.command("events")
    def eval_events(
        plover: Annotated[Path, typer.Option("--plover", help="PLOVER gold-record JSON file.")],
        as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
        limit: Annotated[int | None, typer.Option("--limit", help="Score only the first N records.")] = None,
    ) -> None:
        """Score event coding: type_accuracy, actor_accuracy, recipient_accuracy (with counts)."""
        from ..eval.events import evaluate, format_table

        if not plover.is_file():
            raise typer.BadParameter(f"{plover} is not a file", param_hint="--plover")
        result = evaluate(plover, limit=limit)
        typer.echo(json.dumps(result, indent=2) if as_json else format_table(result))

    @apps.root.command("timeline")
    def timeline_cmd(
        db: DbOpt = None,
        actor: Annotated[str | None, typer.Option("--actor", help="Only events this actor did or suffered.")] = None,
        start: Annotated[str | None, typer.Option("--from", help="First day, YYYY-MM-DD.")] = None,
        end: Annotated[str | None, typer.Option("--to", help="Last day, YYYY-MM-DD.")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    ) -> None:
        """List dated events from the store in date order, each with its sentence as evidence."""
        from datetime import date

        from ..store import Store
        from ..timeline import format_rows, timeline

        for name, value in (("--from", start), ("--to", end)):
            if value is not None:
                try:
                    date.fromisoformat(value)
                except ValueError:
                    raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint=name) from None
        with Store(db) as store:
            rows = timeline(store.iter_analyses(), actor=actor, start=start, end=end)
        if as_json:
            for row in rows:
                typer.echo(json.dumps(row.as_dict(), ensure_ascii=False))
        else:
            typer.echo(format_rows(rows) if rows else "no dated events")
