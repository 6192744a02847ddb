"""``newsgraph frames`` (cues in the store), ``eval framing`` and ``train framing`` (:mod:`newsgraph.eval.framing`)."""

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


def register(apps) -> None:  # noqa: ANN001 - the Apps bundle of newsgraph.cli
    """Add ``frames`` to the root app and the framing commands to the eval and train apps."""
    @apps.root.command("frames")
    def frames_cmd(
        db: DbOpt = None,
        outlet: OutletOpt = None,
        actor: str | None = typer.Option(None, "--actor", help="Only cues aimed at this actor (part of the name)."),
        technique: str | None = typer.Option(None, "--technique", help="e.g. Loaded_Language, Name_Calling,Labeling."),
        voice: str | None = typer.Option(None, "--voice", help="outlet (the article's words) or speaker (a quote's)."),
        since: SinceOpt = None,
        until: UntilOpt = None,
        limit: int = typer.Option(20, "--limit", min=1),
        as_json: RowsJsonOpt = False,
    ) -> None:
        """Framing cues from the store: loaded language and persuasion techniques, with whose voice they are."""
        from ..queries import list_frames
        from ..store import Store

        if voice not in (None, "outlet", "speaker"):
            raise typer.BadParameter("outlet or speaker", param_hint="--voice")
        check_day(since, "--from")
        check_day(until, "--to")
        with Store(db) as store:
            found = list_frames(store, source=outlet, target=actor, technique=technique, voice=voice,
                                date_from=since, date_to=until, limit=limit)["items"]
        if echo_rows(found, as_json, "no framing cues found"):
            return
        for c in found:
            aim = f" -> {c.get('target_name') or c.get('target_text')}" if (c.get("target_name") or c.get("target_text")) else ""
            typer.echo(f"{c.get('published') or '-':10s}  {(c.get('source') or '-')[:24]:24s}  {c['technique']:28s}"
                       f"  [{c['voice']}] “{c['text']}”{aim}")

    @apps.eval.command("framing")
    def eval_framing(
        ptc: Path = typer.Option(..., "--ptc", exists=True, file_okay=False,
                                 help="PTC folder (<split>-articles/, <split>-task-flc-tc.labels)."),
        split: str = typer.Option("dev", "--split", help="dev or train."),
        as_json: FiguresJsonOpt = False,
        limit: int | None = typer.Option(None, "--limit", min=1, help="Only the first N articles."),
    ) -> None:
        """Propaganda span identification as in SemEval-2020 task 11 (overall `si` and per technique)."""
        from ..eval.framing import evaluate_framing
        from ..extract._framing_model import loaded_model

        if split not in ("dev", "train"):
            raise typer.BadParameter("--split must be dev or train")
        result = evaluate_framing(ptc, split, limit=limit)
        if as_json:
            typer.echo(json.dumps(result))
            return
        scorer = "rules + trained model" if loaded_model() is not None else "shipped rules"
        typer.echo(f"framing on {ptc} split {split}: {result['articles']} articles, {result['seconds']} s ({scorer})")
        si = result["si"]
        typer.echo(f"  {'si':36s} P {si['precision']:.4f}  R {si['recall']:.4f}  F1 {si['f1']:.4f}")
        for name, fig in result["techniques"].items():
            typer.echo(
                f"  {name:36s} P {fig['precision']:.4f}  R {fig['recall']:.4f}  F1 {fig['f1']:.4f}"
                f"  (pred {fig['predicted']}, gold {fig['gold']})"
            )

    @apps.train.command("framing")
    def train_framing(
        ptc: Path = typer.Option(..., "--ptc", exists=True, file_okay=False,
                                 help="Your PTC-format data folder."),
        split: str = typer.Option("train", "--split", help="Which split of it to fit on."),
        out: Path | None = typer.Option(None, "--out", help="Where to save the model (default: "
                                        "$NEWSGRAPH_FRAMING_MODEL or ~/.local/share/newsgraph/framing-model.pkl)."),
    ) -> None:
        """Fit a local token-classification model (scikit-learn) whose spans are added to the rule cues."""
        from ..eval.framing import train_framing as fit
        from ..extract._framing_model import default_model_path

        path = fit(ptc, out, split=split)
        saved_model(path, default_model_path(), "NEWSGRAPH_FRAMING_MODEL")
