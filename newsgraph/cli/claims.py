"""``newsgraph eval claims`` and ``newsgraph train claims``: thin wrappers over :mod:`newsgraph.eval.claims`."""

from __future__ import annotations

import json
from pathlib import Path

import typer


def register(apps) -> None:  # noqa: ANN001 - the Apps bundle of newsgraph.cli
    """Add the claims commands to the eval and train apps."""

    @apps.eval.command("claims")
    def eval_claims(
        claimbuster: Path = typer.Option(..., "--claimbuster", exists=True, dir_okay=False,
                                         help="ClaimBuster file: JSON list of {sentence_id, label, text}."),
        as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
        workers: int = typer.Option(1, "--workers", min=1, help="spaCy parsing processes."),
    ) -> None:
        """Check-worthiness: positive-class precision/recall/F1 at the default threshold, average precision."""
        from ..eval.claims import evaluate
        from ..extract._claims_model import loaded_model

        result = evaluate(claimbuster, n_process=workers)
        if as_json:
            typer.echo(json.dumps(result))
            return
        scorer = "trained model" if loaded_model() is not None else "shipped rule weights"
        typer.echo(f"claims on {claimbuster} ({scorer})")
        for key in ("precision", "recall", "f1", "average_precision"):
            typer.echo(f"  {key:18s} {result[key]:.4f}")

    @apps.train.command("claims")
    def train_claims(
        claimbuster: Path = typer.Option(..., "--claimbuster", exists=True, dir_okay=False,
                                         help="Your labelled sentences (ClaimBuster format)."),
        out: Path | None = typer.Option(None, "--out", help="Where to save the model "
                                        "(default: $NEWSGRAPH_CLAIMS_MODEL or ~/.local/share/newsgraph/"
                                        "claims-model.pkl)."),
        workers: int = typer.Option(1, "--workers", min=1, help="spaCy parsing processes."),
    ) -> None:
        """Fit a local check-worthiness model (logistic regression: rule features + words) on your data."""
        from ..eval.claims import train
        from ..extract._claims_model import default_model_path

        path = train(claimbuster, out, n_process=workers)
        typer.echo(f"saved {path}")
        if path.resolve() != default_model_path().resolve():
            typer.echo(f"to use it, set NEWSGRAPH_CLAIMS_MODEL={path}")
