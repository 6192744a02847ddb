"""``/api/sources`` (people quoted, share of women) and ``/api/statements`` (one statement across outlets)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import PlainTextResponse

from ..store import Store

_DAY = r"^\d{4}-\d{2}-\d{2}$"


def router(store: Store) -> APIRouter:
    """The routes of this module, bound to ``store`` (``app.include_router(router(store))``)."""
    r = APIRouter(prefix="/api")

    @r.get("/sources", tags=["records"], response_model=None)
    def get_sources(
        by: Annotated[str, Query(description="outlet-month, outlet, month or all")] = "outlet-month",
        outlet: Annotated[str | None, Query(max_length=256)] = None,
        date_from: Annotated[str | None, Query(pattern=_DAY)] = None,
        date_to: Annotated[str | None, Query(pattern=_DAY)] = None,
        format: Annotated[str, Query(pattern="^(json|csv)$")] = "json",  # noqa: A002 - the query parameter's name
    ) -> Any:
        """People quoted (distinct speaker persons per article) by outlet and month, with the share of women."""
        from ..store.sources import GROUPINGS, rows_to_csv, sources_report

        if by not in GROUPINGS:
            raise HTTPException(422, f"by must be one of {', '.join(GROUPINGS)}")
        rows = sources_report(store, by=by, outlet=outlet, since=date_from, until=date_to)  # type: ignore[arg-type]
        if format == "csv":
            return PlainTextResponse(rows_to_csv(rows), media_type="text/csv",
                                     headers={"Content-Disposition": 'attachment; filename="sources.csv"'})
        return {"items": [asdict(x) for x in rows], "total": len(rows)}

    @r.get("/statements", tags=["records"])
    def get_statements(
        speaker: Annotated[str | None, Query(max_length=256)] = None,
        outlet: Annotated[str | None, Query(max_length=256)] = None,
        min_occurrences: Annotated[int, Query(ge=1, le=1000)] = 2,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
    ) -> dict[str, Any]:
        """Statements reprinted across articles, each with its occurrences (outlet, article, date, span)."""
        from ..store.statements import statements

        items = statements(store, speaker=speaker, outlet=outlet, min_occurrences=min_occurrences, limit=limit)
        return {"items": items, "total": len(items)}

    return r
