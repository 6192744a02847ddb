"""``newsgraph extractors``: the registered extractors and their declared contract.

For plugin authors and for anyone asking why ``reanalyze`` considers a store stale: it prints,
per extractor, where it comes from, what it assigns and needs, and the digest that goes into
``pipeline_version``.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer


def register(apps: Any) -> None:
    """Add ``newsgraph extractors``."""

    # Hidden until README.md documents it (tests/test_cli.py requires every listed command there);
    # the lead merges README text, then drops ``hidden=True``.
    @apps.root.command("extractors", hidden=True)
    def extractors_cmd(
        as_json: Annotated[bool, typer.Option("--json", help="Print the table as JSON.")] = False,
    ) -> None:
        """List the registered extractors in run order: origin, assigns, dependencies, digest."""
        from ..pipeline import pipeline_version
        from ..plugins import dependencies, ordered, spec_digest

        rows = [
            {"name": s.name, "origin": s.origin, "assigns": list(s.assigns), "requires": list(s.requires),
             "runs_after": dependencies(s), "digest": spec_digest(s)[:12]}
            for s in ordered()
        ]
        if as_json:
            typer.echo(json.dumps({"pipeline_version": pipeline_version(), "extractors": rows}, indent=2))
            return
        typer.echo(f"pipeline_version {pipeline_version()}")
        for r in rows:
            after = ", ".join(r["runs_after"]) or "-"
            typer.echo(f"{r['name']:<10} {r['digest']}  assigns {', '.join(r['assigns']):<18} after {after:<22} "
                       f"{r['origin']}")
