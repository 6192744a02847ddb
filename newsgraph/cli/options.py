"""The options and small helpers every CLI command shares, in one place.

One ``--db`` (a URL or a SQLite path), one ``--outlet``, one ``--from``/``--to``, one ``--json``
per meaning, so every command spells and explains them the same way.  Imports only typer and the
standard library: ``newsgraph --help`` stays light.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

#: The one ``--db`` option of every command that reads or writes a store.
DbOpt = Annotated[
    str | None, typer.Option("--db", help="Database URL or SQLite path (default: NEWSGRAPH_DB or ./newsgraph.db).")
]
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
