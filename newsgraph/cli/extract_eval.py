"""``newsgraph eval extract``: article-body extraction quality (Scrapinghub benchmark layout)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from .options import FiguresJsonOpt


def register(apps: object) -> None:
    """Add ``eval extract`` to the eval group."""

    @apps.eval.command("extract")  # type: ignore[attr-defined]
    def eval_extract(
        scrapinghub: Path = typer.Option(
            ..., "--scrapinghub", help="Directory with ground-truth.json and html/<id>.html.gz."
        ),
        as_json: FiguresJsonOpt = False,
        limit: int | None = typer.Option(None, help="Only the first N pages (quick checks)."),
        details: bool = typer.Option(False, help="With --json: per-page precision and recall."),
    ) -> None:
        """Body-text precision, recall and F1 over 4-token shingles, as the benchmark defines them."""
        from ..eval.extract import evaluate

        if not (scrapinghub / "ground-truth.json").exists():
            raise typer.BadParameter(f"{scrapinghub}/ground-truth.json not found", param_hint="--scrapinghub")
        result = evaluate(scrapinghub, limit=limit)
        if as_json:
            typer.echo(json.dumps(result.to_dict(details=details), indent=2))
        else:
            typer.echo(
                f"pages {result.pages}  failed {result.failed}  precision {result.precision:.3f}  "
                f"recall {result.recall:.3f}  f1 {result.f1:.3f}  (4-token shingles)"
            )
