"""``newsgraph eval times``: TempEval-3 style scores on TimeML files (thin: see newsgraph.eval.times)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from . import Apps


def _fmt(name: str, block: dict) -> str:
    parts = [f"{name:<11} gold={block['gold']} predicted={block['predicted']}"]
    for key in ("strict", "relaxed", "value"):
        m = block[key]
        parts.append(f"  {key:<8} P={m['precision']:.4f} R={m['recall']:.4f} F1={m['f1']:.4f}")
    return "\n".join(parts)


def register(apps: Apps) -> None:
    @apps.eval.command("times")
    def eval_times(
        timeml: Path = typer.Option(..., "--timeml", exists=True, file_okay=False, help="Directory of .tml files."),
        baseline: str | None = typer.Option(None, "--baseline", help="Also score a baseline: 'dateparser'."),
        limit: int | None = typer.Option(None, "--limit", help="Only the first N documents (quick checks)."),
        as_json: bool = typer.Option(False, "--json", help="Print the JSON report."),
    ) -> None:
        """Strict/relaxed detection and value F1 of time expressions (TIMEX3), DCT excluded."""
        from ..eval.times import run

        try:
            result = run(timeml, baseline=baseline, limit=limit)
        except (FileNotFoundError, ValueError) as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from exc
        if as_json:
            typer.echo(json.dumps(result, indent=2))
            return
        typer.echo(f"documents: {result['documents']}")
        typer.echo(_fmt("newsgraph", result))
        if "baseline" in result:
            typer.echo(_fmt(result["baseline"]["name"], result["baseline"]))
