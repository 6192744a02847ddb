"""``newsgraph serve``: the web UI and JSON API over a store (uvicorn, loopback by default)."""

from __future__ import annotations

import typer

from .options import DbOpt


def register(apps) -> None:  # noqa: ANN001 - the Apps bundle of newsgraph.cli
    @apps.root.command("serve")
    def serve(
        db: DbOpt = None,
        host: str = typer.Option(
            "127.0.0.1", "--host", help="Interface to bind; loopback unless you mean it."
        ),
        port: int = typer.Option(8000, "--port", min=1, max=65535),
        token: str = typer.Option(
            None,
            "--token",
            envvar="NEWSGRAPH_TOKEN",
            help="Enable POST /api/ingest, requiring 'Authorization: Bearer TOKEN'. Read-only without it.",
        ),
    ) -> None:
        """Serve the pages (/, /articles/ID, /actors, /timeline, /network, /search) and /api/."""
        import uvicorn

        from ..app import create_app
        from ..store import Store

        store = Store(db)
        app = create_app(store, token=token)
        typer.echo(
            f"newsgraph: serving {store.url} at http://{host}:{port}/ (API schema: /openapi.json)"
            + (" — write endpoints enabled" if token else " — read-only")
        )
        uvicorn.run(app, host=host, port=port, log_level="info")
