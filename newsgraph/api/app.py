"""The FastAPI application: the JSON API under ``/api/`` and the web pages.

Read-only by default.  Write endpoints (ingest pasted text or a URL) exist only
when the app is created with a token, and then demand it as a bearer token —
a server someone started to browse a corpus should not accept writes from
whoever can reach the port.  Every parameter is declared with bounds so a bad
value is a 4xx with a message, never a 500.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__, queries
from ..export import tables
from ..model import Analysis, Article
from ..queries import actor_lookup as actor_api
from ..security import SecureHeaders, TokenGuard, client_key, retry_after
from ..store import Store, corrections
from ..store import search as fts

log = logging.getLogger(__name__)

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
ID = r"^[A-Za-z0-9_.:\-]{1,64}$"

Limit = Annotated[int, Query(ge=1, le=200, description="Page size (1-200).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]
Text_ = Annotated[str | None, Query(max_length=200)]
DateFrom = Annotated[str | None, Query(pattern=DATE, description="Inclusive lower bound, YYYY[-MM[-DD]].")]
DateTo = Annotated[str | None, Query(pattern=DATE, description="Inclusive upper bound, YYYY[-MM[-DD]].")]
ArticleFilter = Annotated[str | None, Query(pattern=ID, description="Only records of this article.")]


def _clean(value: str | None) -> str | None:
    """Drop NUL and surrounding space: PostgreSQL rejects NUL in text parameters."""
    if value is None:
        return None
    value = value.replace("\x00", "").strip()
    return value or None


def record_filters(
    limit: Limit = 20,
    offset: Offset = 0,
    outlet: Text_ = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    article: ArticleFilter = None,
) -> dict[str, Any]:
    """Paging, outlet, date range and article: the query parameters every record list takes,
    declared once (a FastAPI dependency) so they validate and mean the same on /quotes, /said,
    /events, /claims and /frames; passed on as keyword arguments of the ``queries.list_*``."""
    return {"limit": limit, "offset": offset, "outlet": _clean(outlet), "date_from": date_from,
            "date_to": date_to, "article": article}


RecordFilters = Annotated[dict[str, Any], Depends(record_filters)]


class Page(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]
    total_capped: bool = False  # a filtered count stopped at its cap: there are at least ``total``


class IngestRequest(BaseModel):
    """Either ``text`` (pasted article) or ``url`` (fetched through the sources)."""

    text: str | None = Field(None, max_length=2_000_000)
    url: str | None = Field(None, max_length=2000, pattern=r"^https?://")
    title: str | None = Field(None, max_length=1000)
    source: str | None = Field(None, max_length=256)
    published: str | None = Field(None, pattern=DATE)

    @model_validator(mode="after")
    def _one_of(self) -> IngestRequest:
        if bool(self.text and self.text.strip()) == bool(self.url):
            raise ValueError("give exactly one of 'text' or 'url'")
        return self


class CorrectionRequest(BaseModel):
    """One correction; which fields count depends on ``op`` (see ``POST /api/corrections``)."""

    op: Literal["speaker", "reject_event", "reject_claim", "merge", "split"]
    article: str | None = Field(None, max_length=64)
    quote: str | None = Field(None, max_length=32)
    event: str | None = Field(None, max_length=32)
    claim: str | None = Field(None, max_length=32)
    speaker: str | None = Field(None, max_length=200)
    a: str | None = Field(None, max_length=200)
    b: str | None = Field(None, max_length=200)
    actor: str | None = Field(None, max_length=200)
    articles: list[str] = Field(default_factory=list, max_length=1000)
    names: list[str] = Field(default_factory=list, max_length=1000)
    note: str | None = Field(None, max_length=1000)


def table_response(
    rows: list[dict[str, Any]],
    fields: tuple[str, ...] | list[str],
    fmt: str,
    name: str,
    res: dict[str, Any],
    limit: int,
    offset: int,
) -> Any:
    """A table as JSON (paged), CSV or JSON Lines (a download of exactly these rows)."""
    if fmt == "csv":
        return Response(
            tables.rows_csv(rows, fields),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
        )
    if fmt == "jsonl":
        return Response(
            tables.rows_jsonl(rows, fields),
            media_type="application/x-ndjson; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}.jsonl"'},
        )
    return {"total": res["total"], "limit": limit, "offset": offset, "fields": list(fields), "items": rows}


def _error(status: int, message: str, detail: Any = None) -> JSONResponse:
    body: dict[str, Any] = {"error": message}
    if detail is not None:
        body["detail"] = detail
    return JSONResponse(body, status_code=status)


def create_api(store: Store, token: str | None = None) -> FastAPI:
    """The JSON API over ``store`` (no pages: :func:`newsgraph.app.create_app` adds them).

    With ``token``, the write endpoints exist and demand it as a bearer token, checked with a
    per-client backoff (:class:`~newsgraph.security.TokenGuard`).  Every response carries
    the security headers and every error is JSON with a reason."""
    app = FastAPI(
        title="newsgraph",
        version=__version__,
        description="Actors, quotes, events, dates, claims and framing cues found in news articles, "
        "each with character offsets back into the article text.",
        docs_url=None,  # Swagger UI loads from a CDN; the schema is at /openapi.json
        redoc_url=None,
    )
    app.state.store = store
    app.state.token = token
    app.state.guard = TokenGuard(token) if token else None
    app.add_middleware(SecureHeaders)

    @app.exception_handler(RequestValidationError)
    async def _validation(_req: Request, exc: RequestValidationError) -> JSONResponse:
        errs = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        msg = (
            "; ".join(f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in errs) or "invalid request"
        )
        return _error(422, msg, errs)

    @app.exception_handler(StarletteHTTPException)
    async def _http(req: Request, exc: StarletteHTTPException) -> Any:
        handler = getattr(req.app.state, "page_error", None)
        if handler is not None and not req.url.path.startswith("/api/"):
            return handler(req, exc.status_code, str(exc.detail))
        resp = _error(exc.status_code, str(exc.detail), None)
        for k, v in (exc.headers or {}).items():
            resp.headers[k] = v
        return resp

    app.include_router(api_router(store, token))
    from . import sources as sources_api

    app.include_router(sources_api.router(store))
    return app


def create_app(store: Store, token: str | None = None) -> FastAPI:
    """The API and the pages: kept here for callers of ``newsgraph.api.create_app``.

    The composition lives in :mod:`newsgraph.app` (pages depend on the API's read queries,
    never the other way round); this shim imports it only when called."""
    from ..app import create_app as _full

    return _full(store, token=token)


def require_token(request: Request) -> None:
    """Dependency of every write route: a bearer token, checked with per-client backoff.

    401 for a wrong or missing token, 429 with ``Retry-After`` while the client is backing off."""
    guard: TokenGuard | None = request.app.state.guard
    if guard is None:
        raise HTTPException(403, "this server is read-only (start it with --token to allow writes)")
    auth = request.headers.get("authorization", "")
    scheme, _, given = auth.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        left = guard.wait(client_key(request))
        if left > 0:
            raise HTTPException(
                429,
                f"too many failed token attempts from this client; retry in {retry_after(left)} s",
                headers={"Retry-After": retry_after(left)},
            )
        raise HTTPException(
            401, "a bearer token is required for write endpoints", headers={"WWW-Authenticate": "Bearer"}
        )
    verdict, wait = guard.check(client_key(request), given.strip())
    if verdict == "ok":
        return
    if verdict == "backoff":
        raise HTTPException(
            429,
            f"too many failed token attempts from this client; retry in {retry_after(wait)} s",
            headers={"Retry-After": retry_after(wait)},
        )
    headers = {"WWW-Authenticate": "Bearer"}
    if wait > 0:
        headers["Retry-After"] = retry_after(wait)
    raise HTTPException(
        401,
        "the bearer token is wrong"
        + (f"; the next attempt from this client is accepted in {retry_after(wait)} s" if wait else ""),
        headers=headers,
    )


def api_router(store: Store, token: str | None) -> APIRouter:
    r = APIRouter(prefix="/api")

    @r.get("/articles", response_model=Page, tags=["articles"])
    def get_articles(
        limit: Limit = 20,
        offset: Offset = 0,
        q: Text_ = None,
        source: Text_ = None,
        date_from: DateFrom = None,
        date_to: DateTo = None,
    ) -> dict[str, Any]:
        """Articles newest first; ``q`` searches article text and quotes."""
        return queries.list_articles(
            store,
            q=_clean(q),
            source=_clean(source),
            date_from=date_from,
            date_to=date_to,
            limit=limit,
            offset=offset,
        )

    @r.get("/articles/{article_id}", response_model=Analysis, tags=["articles"])
    def get_article(article_id: Annotated[str, Path(pattern=ID)]) -> Analysis:
        """One article with its full analysis (an id or a unique id prefix of 4+ characters)."""
        if len(article_id) < 4:
            raise HTTPException(404, f"no article {article_id!r} (give at least 4 characters of the id)")
        analysis = store.analysis(article_id)
        if analysis is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return analysis

    @r.get("/actors", response_model=Page, tags=["actors"])
    def get_actors(
        limit: Limit = 50, offset: Offset = 0, kind: Text_ = None, q: Text_ = None
    ) -> dict[str, Any]:
        """Actors across articles, most widely reported first; ``kind`` is a kind or entity type."""
        items, total = actor_api.list_actors(
            store, kind=_clean(kind), search=_clean(q), limit=limit, offset=offset
        )
        return queries.page(items, total, limit, offset)

    @r.get("/actors/{actor_id:path}", tags=["actors"])
    def get_actor(
        actor_id: Annotated[str, Path(min_length=1, max_length=200)],
        outlet: Text_ = None,
        date_from: DateFrom = None,
        date_to: DateTo = None,
        limit: Annotated[int | None, Query(ge=1, le=1000, description="Articles per page (newest first).")] = None,
        offset: Offset = 0,
    ) -> Any:
        """An actor's profile (by id or name): aliases, roles over time, labels by outlet, quotes, events.

        With ``limit``, ``outlet`` or a date the profile covers one page of the actor's articles
        (publication date, newest first) and ``window`` says how many match; without, all of them.
        404 when no actor answers to the name, with ``candidates`` when several do."""
        window: dict[str, Any] = {}
        if limit is not None or outlet or date_from or date_to or offset:
            window = {"outlet": _clean(outlet), "date_from": date_from or None, "date_to": date_to or None,
                      "limit": limit or 50, "offset": offset}
        try:
            return actor_api.actor_profile(store, actor_id.replace("\x00", ""), **window)
        except actor_api.ActorLookupError as exc:
            return _error(404, exc.message, {"candidates": exc.candidates} if exc.candidates else None)

    @r.get("/quotes", response_model=Page, tags=["records"])
    def get_quotes(
        f: RecordFilters,
        speaker: Text_ = None,
        q: Text_ = None,
        kind: Literal["direct", "indirect", "mixed", "belief"] | None = None,
    ) -> dict[str, Any]:
        """Quotes by speaker, outlet, date range (quote date, else publication date) and words."""
        return queries.list_quotes(store, **f, speaker=_clean(speaker), q=_clean(q), kind=kind)

    @r.get("/said", tags=["records"], response_model=None)
    def get_said(
        f: RecordFilters,
        speaker: Text_ = None,
        actor: Annotated[str | None, Query(max_length=200, description="Cross-article actor id.")] = None,
        q: Text_ = None,
        kind: Literal["direct", "indirect", "mixed", "belief"] | None = None,
        negated: bool | None = None,
        sort: Literal["newest", "oldest", "speaker", "outlet"] = "newest",
        format: Literal["json", "csv", "jsonl"] = "json",
    ) -> Any:
        """Who said what: statements with speaker (actor), role, outlet, date, cue, the quote and a
        link to its characters.  ``format=csv`` / ``jsonl`` download exactly the rows of this page."""
        res = queries.list_quotes(
            store, **f, speaker=_clean(speaker), actor=_clean(actor), q=_clean(q), kind=kind, negated=negated, sort=sort
        )
        rows = [queries.statement_row(i) for i in res["items"]]
        return table_response(rows, queries.STATEMENT_FIELDS, format, "said", res, f["limit"], f["offset"])

    @r.get("/events", response_model=Page, tags=["records"])
    def get_events(
        f: RecordFilters,
        type: Annotated[str | None, Query(max_length=40, pattern=r"^[A-Za-z_]+$")] = None,
        actor: Text_ = None,
        status: Literal["occurred", "planned", "hypothetical", "negated", "asserted"] | None = None,
    ) -> dict[str, Any]:
        """Events by PLOVER type, actor (either side), status, outlet and date range."""
        return queries.list_events(store, **f, type=type, actor=_clean(actor), status=status)

    @r.get("/claims", response_model=Page, tags=["records"])
    def get_claims(
        f: RecordFilters,
        min_score: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
        q: Text_ = None,
    ) -> dict[str, Any]:
        """Check-worthy claims, most check-worthy first (outlet and publication-date filters)."""
        return queries.list_claims(store, **f, min_score=min_score, q=_clean(q))

    @r.get("/frames", response_model=Page, tags=["records"])
    def get_frames(
        f: RecordFilters,
        technique: Text_ = None,
        target: Text_ = None,
        voice: Literal["outlet", "speaker"] | None = None,
    ) -> dict[str, Any]:
        """Framing cues by technique, target actor, voice, outlet and publication date."""
        return queries.list_frames(store, **f, technique=_clean(technique), target=_clean(target), voice=voice)

    @r.get("/timeline", tags=["records"])
    def get_timeline(
        kind: Literal["events", "times", "all"] = "events",
        type: Annotated[str | None, Query(max_length=40, pattern=r"^[A-Za-z_]+$")] = None,
        actor: Text_ = None,
        date_from: DateFrom = None,
        date_to: DateTo = None,
        window: Literal["news", "background", "all"] = "news",
        group: Literal["mentions", "reports"] = "mentions",
        limit: Annotated[int, Query(ge=1, le=5000)] = 500,
    ) -> dict[str, Any]:
        """Dated events (and/or dated time expressions) in date order, each with its evidence.

        A date range keeps items whose date overlaps it; ``window=news`` (default) shows what was
        reported within days of publication and counts the background in ``folded``."""
        return queries.timeline(
            store,
            kind=kind,
            type=type,
            actor=_clean(actor),
            date_from=date_from,
            date_to=date_to,
            window=window,
            group=group,
            limit=limit,
        )

    @r.get("/stories", response_model=Page, tags=["articles"])
    def get_stories(
        limit: Limit = 50, offset: Offset = 0, min_size: Annotated[int, Query(ge=1, le=1000)] = 2
    ) -> dict[str, Any]:
        """Stories: groups of near-duplicate articles (one report carried by several outlets)."""
        return queries.stories(store, limit=limit, offset=offset, min_size=min_size)

    @r.get("/network", tags=["actors"])
    def get_network(
        max_nodes: Annotated[int, Query(ge=2, le=500)] = 80,
        edges: Annotated[str, Query(pattern="^(all|acts_on|quoted_about)$")] = "all",
        min_weight: Annotated[int, Query(ge=1, le=1000)] = 1,
        outlet: Text_ = None,
        date_from: DateFrom = None,
        date_to: DateTo = None,
    ) -> dict[str, Any]:
        """Actor graph: who acts on whom and who is quoted about whom; the top ``max_nodes`` actors by
        degree, of the edge kind asked for, in the articles of an outlet and date range."""
        return queries.network(store, max_nodes=max_nodes, kinds=None if edges == "all" else (edges,),
                               min_weight=min_weight, outlet=_clean(outlet), date_from=date_from, date_to=date_to)

    @r.get("/search", tags=["articles"])
    def get_search(
        q: Annotated[str, Query(min_length=1, max_length=200)],
        limit: Limit = 20,
        offset: Offset = 0,
        kind: Literal["article", "quote"] | None = None,
    ) -> dict[str, Any]:
        """Full-text search over article text and quotes (FTS5 / PostgreSQL; LIKE elsewhere)."""
        with store.engine.connect() as conn:
            hits, total = fts.search(conn, _clean(q) or "", kind=kind, limit=limit, offset=offset)
            engine = fts.mode(conn)
        items = [{**vars(h), "snippet": str(h.snippet)} for h in hits]
        return {**queries.page(items, total, limit, offset), "engine": engine}

    @r.get("/corrections", tags=["corrections"])
    def get_corrections(limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Every correction made from the pages or the API, newest first (the audit list)."""
        items, total = corrections.audit(store, limit=limit, offset=offset)
        return queries.page(items, total, limit, offset)

    @r.get("/review", tags=["corrections"])
    def get_review(limit: Limit = 50) -> dict[str, Any]:
        """The review queue: low-confidence entity links and one-article actors that look like a known actor."""
        return corrections.review_queue(store, limit=limit)

    @r.post("/corrections", status_code=201, dependencies=[Depends(require_token)], tags=["corrections"])
    def post_correction(body: CorrectionRequest, request: Request) -> dict[str, Any]:
        """Make a correction (bearer token): ``op`` is speaker, reject_event, reject_claim, merge or split.

        Stored as a decision keyed by the record's characters, so it survives ``reanalyze``."""
        try:
            return corrections.correct(
                store, body.op, body.model_dump(exclude={"op"}), client=client_key(request)
            )
        except corrections.CorrectionError as exc:
            raise HTTPException(422, str(exc)) from exc

    if token:
        _add_write_routes(r, store, token)
    return r


def _add_write_routes(r: APIRouter, store: Store, token: str) -> None:
    @r.post("/ingest", status_code=201, dependencies=[Depends(require_token)], tags=["write"])
    def post_ingest(body: IngestRequest) -> dict[str, Any]:
        """Analyse and store an article given as text or URL; returns its id."""
        if body.text:
            art = Article(text=body.text, title=body.title, source=body.source, published=body.published)
            arts = [art]
        else:
            arts = _fetch(body.url or "")
            for a in arts:
                if body.published and not a.published:
                    a.published = body.published
        if not arts:
            raise HTTPException(422, f"no article could be read from {body.url!r}")
        from ..pipeline import analyze_article

        out = []
        for art in arts:
            try:
                analysis = analyze_article(art)
            except Exception as exc:  # noqa: BLE001 - report, do not crash the server
                log.exception("analysis failed")
                raise HTTPException(422, f"analysis failed: {exc}") from exc
            try:
                added = store.add(analysis)
            except Exception as exc:  # noqa: BLE001 - the client gets the reason as JSON
                log.exception("store failed")
                raise HTTPException(422, f"the article could not be stored: {type(exc).__name__}: {exc}"[:500]) from exc
            out.append({"id": art.id, "added": added, "href": f"/articles/{art.id}"})
        return {"articles": out}


def _fetch(url: str) -> list[Article]:
    from ..sources import SourceError, read

    try:
        got = list(read([url]))
    except Exception as exc:  # noqa: BLE001 - a reader bug is the client's 422 with a reason
        log.exception("reading %s failed", url)
        raise HTTPException(422, f"could not read {url!r}: {type(exc).__name__}: {exc}"[:500]) from exc
    errors = [str(x) for x in got if isinstance(x, SourceError)]
    arts = [x for x in got if isinstance(x, Article)]
    if not arts and errors:
        raise HTTPException(422, "; ".join(errors)[:500])
    return arts
