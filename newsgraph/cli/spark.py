"""``newsgraph spark``: analyse a list of WARC files on a Spark cluster (or local mode)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(apps: object) -> None:
    """Add ``spark`` to the root command (pyspark is imported only when it runs)."""

    @apps.root.command("spark")  # type: ignore[attr-defined]
    def spark_cmd(
        input: Annotated[Path, typer.Option("--input", help="File listing WARC paths or URLs, one per line.")],
        output: Annotated[str | None, typer.Option(help="Directory for Parquet (articles/, files/).")] = None,
        db: Annotated[str | None, typer.Option("--db", help="Store analyses in this database instead.")] = None,
        master: Annotated[str | None, typer.Option(help="Spark master (default local[*] or spark-submit's).")] = None,
        prefix: Annotated[
            str, typer.Option(help="Prepended to relative paths, e.g. https://data.commoncrawl.org/")
        ] = "",
        max_bytes: Annotated[int, typer.Option(help="Skip HTML payloads larger than this.")] = 5_000_000,
    ) -> None:
        """One Spark task per WARC file; plain rows out; failures counted per file."""
        if (output is None) == (db is None):
            raise typer.BadParameter("give exactly one of --output or --db")
        try:
            import pyspark  # noqa: F401
        except ImportError:
            typer.echo("pyspark is not installed: pip install 'newsgraph[spark]' (needs Java 17+)", err=True)
            raise typer.Exit(2) from None
        from ..spark import read_paths, run

        if db is not None:
            from ..store import Store

            Store(db).close()  # create the schema once, before the workers write
        paths = read_paths(input, prefix)
        summary = run(paths, output=output, db=db, master=master, max_bytes=max_bytes)
        typer.echo(
            f"files {summary.files}  articles {summary.articles}  stored {summary.stored}  "
            f"broken records {summary.errors}  analysis failures {summary.analysis_failures}"
            + (f"  -> {summary.output}" if summary.output else "")
        )
