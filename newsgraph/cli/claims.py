"""``newsgraph claims`` (claims in the store), ``eval claims`` and ``train claims`` (:mod:`newsgraph.eval.claims`)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from .options import (
    DbOpt,
    FiguresJsonOpt,
    OutletOpt,
    RowsJsonOpt,
    SinceOpt,
    UntilOpt,
    check_day,
    echo_rows,
    saved_model,
)


def _number(value: float) -> str:
    """12, 2,500, 70,000,000, 3.5: as a reader writes figures."""
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def register(apps) -> None:  # noqa: ANN001 - the Apps bundle of newsgraph.cli
    """Add ``claims`` to the root app and the claims commands to the eval and train apps."""
    @apps.root.command("claims")
    def claims_cmd(
        db: DbOpt = None,
        outlet: OutletOpt = None,
        actor: str | None = typer.Option(None, "--actor", help="Only claims by this speaker (part of the name)."),
        since: SinceOpt = None,
        until: UntilOpt = None,
        min_score: float | None = typer.Option(None, "--min-score", min=0.0, max=1.0, help="Lowest score shown."),
        limit: int = typer.Option(20, "--limit", min=1),
        as_json: RowsJsonOpt = False,
    ) -> None:
        """Check-worthy claims from the store, most check-worthy first, with who asserts them."""
        from ..queries import list_claims
        from ..store import Store

        check_day(since, "--from")
        check_day(until, "--to")
        with Store(db) as store:
            found = list_claims(store, source=outlet, actor=actor, date_from=since, date_to=until,
                                min_score=min_score, limit=limit)["items"]
        if echo_rows(found, as_json, "no claims found"):
            return
        for c in found:
            who = c.get("speaker_name") or c.get("speaker")
            qty = "; ".join(f"{_number(q['value'])} {q.get('unit') or ''} {q.get('counted') or ''}".strip()
                            for q in c.get("quantities", []))
            typer.echo(f"{c['checkworthiness']:.2f}  {c.get('published') or '-':10s}  {(c.get('source') or '-')[:24]:24s}"
                       f"  {who}: {c['text'][:200]}")
            if qty:
                typer.echo(f"      quantities: {qty}")

    @apps.eval.command("claims")
    def eval_claims(
        claimbuster: Path = typer.Option(..., "--claimbuster", exists=True, dir_okay=False,
                                         help="ClaimBuster file: JSON list of {sentence_id, label, text}."),
        as_json: FiguresJsonOpt = False,
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
        saved_model(path, default_model_path(), "NEWSGRAPH_CLAIMS_MODEL")
