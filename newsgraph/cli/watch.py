"""``newsgraph watch FEED... --every 15m``: poll feeds and ingest their new entries."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from .options import DbOpt

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(value: str) -> float:
    """``90``, ``90s``, ``15m``, ``2h``, ``1d`` → seconds (at least 1)."""
    m = _INTERVAL.match(value)
    if not m:
        raise typer.BadParameter(f"expected a duration like 30s, 15m, 2h; got {value!r}")
    return max(1.0, float(m.group(1)) * _UNIT[m.group(2)])


def watch(
    feeds: list[str],
    db: str | None = None,
    *,
    every: float = 900.0,
    once: bool = False,
    state_path: str | Path | None = None,
    workers: int = 1,
    echo: Callable[[str], None] = print,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Poll every feed, ingest the new entries, save the feed state; repeat every ``every`` seconds.

    Returns the number of articles ingested.  State is saved only after the store has the
    articles, so an interrupted round re-fetches rather than loses entries.
    """
    from ..ingest import ingest
    from ..sources.feed import FeedState, default_state_path, poll
    from ..store import Store

    store = Store(db)
    state = FeedState(state_path or default_state_path())
    total = 0
    while True:
        started = time.monotonic()
        for feed in feeds:
            result = poll(feed, state)
            if result.status.startswith("error"):
                echo(f"{feed}: {result.status}")
                continue
            report = ingest(articles=result.items, store=store, workers=workers)
            state.save()
            total += report.ingested
            echo(
                f"{feed}: {result.status}, {result.entries} entries, {len(result.items)} new, "
                f"ingested {report.ingested}, already stored {report.present}, failed {len(report.failed)}"
            )
            for failure in report.failed:
                echo(f"  failed  {failure.origin}: {failure.reason}")
        if once:
            return total
        sleep(max(0.0, every - (time.monotonic() - started)))


def register(apps: object) -> None:
    """Add ``watch`` to the root command."""

    @apps.root.command("watch")  # type: ignore[attr-defined]
    def watch_cmd(
        feeds: Annotated[list[str], typer.Argument(help="RSS or Atom feed URLs.")],
        every: Annotated[str, typer.Option(help="Poll interval: 30s, 15m, 2h …")] = "15m",
        db: DbOpt = None,
        once: Annotated[bool, typer.Option("--once", help="Poll once and exit.")] = False,
        state: Annotated[
            Path | None,
            typer.Option(help="Feed state file (default: NEWSGRAPH_FEED_STATE or ./.newsgraph-feeds.json)."),
        ] = None,
        workers: Annotated[int, typer.Option(min=1, help="Worker processes for parsing.")] = 1,
    ) -> None:
        """Poll feeds and ingest entries not seen before (ETag/Last-Modified honoured)."""
        seconds = parse_interval(every)
        try:
            watch(feeds, db, every=seconds, once=once, state_path=state, workers=workers, echo=typer.echo)
        except KeyboardInterrupt:
            typer.echo("stopped")
