"""``newsgraph eval quotes``: attribution accuracy on PolNeAR, optionally beside textacy."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from .options import FiguresJsonOpt


def register(apps) -> None:  # noqa: ANN001 - the Apps bundle of newsgraph.cli
    """Add ``eval quotes`` to the CLI."""

    @apps.eval.command("quotes")
    def eval_quotes(
        polnear: Path = typer.Option(..., "--polnear", help="PolNeAR folder with attributions/ and text/."),
        baseline: str | None = typer.Option(None, "--baseline", help="Also score a baseline: textacy."),
        as_json: FiguresJsonOpt = False,
        limit: int | None = typer.Option(None, "--limit", help="Score only the first N articles."),
    ) -> None:
        """Score quote extraction: all@0.3, all@0.8, direct@0.3, direct@0.8, speaker_accuracy."""
        from ..eval.quotes import evaluate, format_table

        if baseline not in (None, "textacy"):
            raise typer.BadParameter("the only baseline is 'textacy'", param_hint="--baseline")
        if not (polnear / "attributions").is_dir():
            raise typer.BadParameter(f"{polnear} has no attributions/ folder", param_hint="--polnear")
        systems = ["newsgraph"] + ([baseline] if baseline else [])
        results = evaluate(polnear, systems, limit=limit)
        if as_json:
            typer.echo(json.dumps(results if baseline else results["newsgraph"], indent=2))
        else:
            typer.echo(format_table(results))
