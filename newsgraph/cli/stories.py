"""``newsgraph stories``: the stories of a store (near-copies and same-event coverage)."""

from __future__ import annotations

from typing import Annotated

import typer

from .options import DbOpt


def register(apps) -> None:  # noqa: ANN001 - the Apps bundle of newsgraph.cli
    """Add ``stories`` to the CLI."""

    @apps.root.command("stories")
    def stories_cmd(
        db: DbOpt = None,
        rebuild: Annotated[bool, typer.Option("--rebuild", help="Recompute every article's story first.")] = False,
        min_size: Annotated[int, typer.Option("--min-size", min=1)] = 2,
        limit: Annotated[int, typer.Option("--limit", min=1, max=200)] = 50,
        markdown: Annotated[str | None, typer.Option("--markdown", help="Print the brief of this story id.")] = None,
    ) -> None:
        """List stories with their outlets (or print one story's brief as Markdown)."""
        from .. import queries
        from ..cli.said import terminal_safe
        from ..store import Store
        from ..store import stories as st

        store = Store(db)
        if rebuild:
            typer.echo(f"linked {st.rebuild(store)} articles", err=True)
        if markdown:
            brief = queries.story_brief(store, markdown)
            if brief is None:
                typer.echo(f"no story {markdown!r}", err=True)
                raise typer.Exit(1)
            typer.echo(queries.story_markdown(brief), nl=False)
            return
        res = queries.stories(store, limit=limit, min_size=min_size)
        for s in res["items"]:
            typer.echo(terminal_safe(f"{s['id']}  {s['size']} articles  {', '.join(s['outlets'])}  {s['title']}"))
        typer.echo(f"{len(res['items'])} of {res['total']} stories with {min_size}+ articles", err=True)
