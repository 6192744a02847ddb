"""``newsgraph eval coref``: within-article coreference, B-cubed on GUM-style gold."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from .options import FiguresJsonOpt


def register(apps: object) -> None:
    """Add ``eval coref`` to the eval group."""

    @apps.eval.command("coref")  # type: ignore[attr-defined]
    def eval_coref(
        gum: Path = typer.Option(..., "--gum", help="Directory with DOC.txt + DOC.json (GUM gold mentions)."),
        as_json: FiguresJsonOpt = False,
        limit: int | None = typer.Option(None, help="Only the first N documents (quick checks)."),
        details: bool = typer.Option(False, help="With --json: B-cubed per document."),
    ) -> None:
        """B-cubed F1 over gold mentions of named people and organisations: all mentions, and names only."""
        from ..eval.coref import evaluate

        if not gum.is_dir() or not any(gum.glob("*.json")):
            raise typer.BadParameter(f"{gum} holds no DOC.json gold files", param_hint="--gum")
        result = evaluate(gum, limit=limit)
        if as_json:
            typer.echo(json.dumps(result.to_dict(details=details), indent=2))
            return
        d = result.to_dict()
        for key, label in (("b3_all", "all mentions"), ("b3_names", "proper names")):
            b = d[key]
            typer.echo(f"{label:13s} B3 precision {b['precision']:.3f}  recall {b['recall']:.3f}  "
                       f"f1 {b['f1']:.3f}  ({b['mentions']} gold mentions)")
        typer.echo(f"docs {d['docs']}  failed {d['failed']}  gold mentions aligned {d['mention_recall']:.3f}")
