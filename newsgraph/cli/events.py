"""``newsgraph eval events`` (PLOVER gold accuracy) and ``newsgraph timeline`` (dated events from the store)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from .options import DbOpt, FiguresJsonOpt, RowsJsonOpt


def register(apps) -> None:  # noqa: ANN001 - the Apps bundle of newsgraph.cli
    """Add ``eval events`` and ``timeline`` to the CLI."""

    @apps.eval.command("events")
    def eval_events(
        plover: Annotated[Path, typer.Option("--plover", help="PLOVER gold-record JSON file.")],
        as_json: FiguresJsonOpt = False,
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
        window: Annotated[str, typer.Option("--window", help="news (reported within days of publication), "
                                                              "background (history recalled) or all.")] = "news",
        reports: Annotated[bool, typer.Option("--reports/--mentions", help="One entry per reported event "
                                                                         "across articles, or per mention.")] = False,
        limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many entries.")] = 5000,
        as_json: RowsJsonOpt = False,
    ) -> None:
        """List dated events from the store in date order, each with its sentence as evidence.

        The same query as ``/api/timeline`` (``newsgraph.queries.timeline``): a date range keeps
        events whose date overlaps it, and only the news window is shown unless ``--window`` says otherwise.
        """
        from datetime import date

        from ..queries import timeline
        from ..store import Store
        from ..timeline import WINDOWS, format_items

        for name, value in (("--from", start), ("--to", end)):
            if value is not None:
                try:
                    date.fromisoformat(value)
                except ValueError:
                    raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint=name) from None
        if window not in WINDOWS:
            raise typer.BadParameter(f"expected one of {', '.join(WINDOWS)}", param_hint="--window")
        with Store(db) as store:
            data = timeline(store, actor=actor, date_from=start, date_to=end, window=window,
                            group="reports" if reports else "mentions", limit=limit)
        if as_json:
            for item in data["items"]:
                typer.echo(json.dumps(item, ensure_ascii=False))
            return
        typer.echo(format_items(data["items"]) if data["items"] else "no dated events")
        for what, n in data["folded"].items():
            other = "background" if what == "background" else "news"
            typer.echo(f"({n} {what} events folded: --window {other} or --window all to show them)", err=True)
