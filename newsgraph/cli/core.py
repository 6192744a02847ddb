"""Core commands: analyze, ingest, list, show, export, reanalyze, schema."""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from ..model import json_schema
from ..report import safe
from ..sources import DEFAULT_MAX_BYTES, ReadOptions, SourceError, read
from . import open_store as _store
from .options import DbOpt

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _date(value: str | None) -> str | None:
    """A real calendar date (2026-13-45 has the shape but is not one)."""
    if value is None:
        return None
    if not _DATE.match(value):
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {safe(value)!r}", param_hint="--published")
    try:
        date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value} is not a calendar date ({exc})", param_hint="--published") from None
    return value


def register(apps) -> None:  # noqa: ANN001
    app = apps.root

    @app.command()
    def analyze(
        path: Annotated[str, typer.Argument(help="A text, HTML or JSONL file, or - for stdin.")],
        published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD (anchors relative dates).")] = None,
        source: Annotated[str | None, typer.Option(help="Outlet name.")] = None,
        fmt: Annotated[str, typer.Option("--format", help="text or json")] = "text",
        max_bytes: Annotated[int, typer.Option(help="Reject inputs larger than this.")] = DEFAULT_MAX_BYTES,
    ) -> None:
        """Analyse one article and print the result (nothing is stored)."""
        from ..pipeline import Failure, analyze_many
        from ..report import render

        if fmt not in {"text", "json"}:
            raise typer.BadParameter("--format must be text or json")
        options = ReadOptions(max_bytes=max_bytes, published=_date(published), source=source)
        failed = False
        errors: list[SourceError] = []

        def articles():  # noqa: ANN202
            for item in read([path], options):
                if isinstance(item, SourceError):
                    errors.append(item)
                else:
                    yield item

        for result in analyze_many(articles()):  # the guarded path: limits, chunking, per-layer errors
            for err in errors:
                typer.echo(f"error: {safe(err.origin)}: {safe(err.reason)}", err=True)
            failed = failed or bool(errors)
            errors.clear()
            if isinstance(result, Failure):
                typer.echo(f"error: {safe(result.origin)}: {safe(result.reason)}", err=True)
                failed = True
                continue
            typer.echo(result.to_json() if fmt == "json" else render(result))
        for err in errors:
            typer.echo(f"error: {safe(err.origin)}: {safe(err.reason)}", err=True)
        raise typer.Exit(1 if failed or errors else 0)

    @app.command()
    def ingest(
        paths: Annotated[list[str], typer.Argument(help="Files, directories, - for stdin, or URLs.")],
        db: DbOpt = None,
        workers: Annotated[int, typer.Option(min=1, help="Worker processes for parsing.")] = 1,
        published: Annotated[str | None, typer.Option(help="Default publication date YYYY-MM-DD.")] = None,
        source: Annotated[str | None, typer.Option(help="Default outlet name.")] = None,
        max_bytes: Annotated[int, typer.Option(help="Reject inputs larger than this.")] = DEFAULT_MAX_BYTES,
        keep_going: Annotated[bool, typer.Option("--keep-going/--fail-fast",
                                                 help="Go on past bad inputs (default) or stop at the first.")] = True,
        progress: Annotated[bool, typer.Option(help="Show a progress bar.")] = True,
    ) -> None:
        """Analyse articles and store them.  Already stored articles are skipped; exit 1 if any input failed."""
        from ..ingest import ingest as run

        options = ReadOptions(max_bytes=max_bytes, published=_date(published), source=source)
        store = _store(db)
        from ..store import StoreError

        try:
            report = run(paths, store, options=options, workers=workers,
                         progress=progress and sys.stderr.isatty(), fail_fast=not keep_going)
        except StoreError as exc:
            typer.echo(f"error: {exc} (articles stored before this point are kept; run the ingest again)", err=True)
            raise typer.Exit(2) from None
        typer.echo(report.summary())
        typer.echo(f"store: {store.url}  ({store.count()} articles)")
        db_arg = f" --db {db}" if db else ""
        typer.echo(f"next:  newsgraph list{db_arg}  ·  newsgraph actors{db_arg}  ·  newsgraph timeline{db_arg}  ·  "
                   f"newsgraph serve{db_arg}  (then open http://127.0.0.1:8000/)")
        raise typer.Exit(0 if report.ok else 1)

    @app.command("list")
    def list_(
        db: DbOpt = None,
        limit: Annotated[int, typer.Option(min=1)] = 50,
        source: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    ) -> None:
        """List stored articles."""
        store = _store(db)
        for art in store.articles(limit=limit, source=source):
            title = art.title or " ".join(art.text.split())[:70]
            typer.echo(safe(f"{art.id}  {art.published or '----------'}  {(art.source or '-')[:18]:<18}  {title}"))

    @app.command()
    def show(
        article_id: Annotated[str, typer.Argument(help="Article id (or a unique prefix).")],
        db: DbOpt = None,
        fmt: Annotated[str, typer.Option("--format", help="text or json")] = "text",
    ) -> None:
        """Show the stored analysis of one article."""
        from ..report import render

        analysis = _store(db).analysis(article_id)
        if analysis is None:
            typer.echo(f"error: no article {safe(article_id)!r} (or the prefix is ambiguous)", err=True)
            raise typer.Exit(1)
        typer.echo(analysis.to_json() if fmt == "json" else render(analysis))

    @app.command()
    def export(
        fmt: Annotated[str, typer.Option("--format", help="jsonl, graphml, gexf, plover … (see --help)")] = "jsonl",
        out: Annotated[Path | None, typer.Option("--out", help="Output file (default: stdout).")] = None,
        db: DbOpt = None,
    ) -> None:
        """Export the store in one of the registered formats."""
        from ..export import discover
        from ..export import export as run

        specs = discover()
        if fmt not in specs:
            raise typer.BadParameter(f"unknown format {fmt!r}; one of: {', '.join(sorted(specs))}")
        store = _store(db)
        if out is None:
            n = run(store, fmt, sys.stdout.buffer)
        else:
            tmp = out.with_name(out.name + ".part")
            with open(tmp, "wb") as fh:
                n = run(store, fmt, fh)
            tmp.replace(out)
        typer.echo(f"exported {n} rows as {fmt}" + (f" to {out}" if out else ""), err=True)

    @app.command()
    def reanalyze(
        db: DbOpt = None,
        everything: Annotated[bool, typer.Option("--all", help="Re-run every article, not only stale ones.")] = False,
        workers: Annotated[int, typer.Option(min=1)] = 1,
    ) -> None:
        """Re-run articles analysed by an older pipeline version."""
        from ..ingest import reanalyze as run

        done, failures = run(_store(db), everything=everything, workers=workers)
        typer.echo(f"reanalysed: {done}   failed: {len(failures)}")
        for f in failures:
            typer.echo(f"  failed  {safe(f.origin)}: {safe(f.reason)}")
        raise typer.Exit(1 if failures else 0)

    @app.command()
    def schema() -> None:
        """Print the JSON Schema of the analysis output."""
        typer.echo(json.dumps(json_schema(), indent=2))
