"""Server-rendered pages over the store (Jinja2, autoescaped, every asset served locally).

Pages work offline — no CDN, no web fonts — because newsgraph is often run on
a laptop over a private corpus.  Article text is untrusted: templates
autoescape, and the one place that builds markup from text
(:mod:`newsgraph.web.render`) escapes every piece it emits.
"""

from __future__ import annotations

import re
from pathlib import Path as FsPath
from typing import Annotated, Any
from urllib.parse import parse_qs, urlencode, urlsplit
from urllib.parse import quote as urlquote

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi import Path as FPath
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from .. import queries
from ..export import tables
from ..queries import actor_lookup as actor_api
from ..store import Store, corrections
from ..store import search as fts
from ..titles import display_title
from . import charts, render

HERE = FsPath(__file__).parent
PAGE_SIZE = 25
_ARTICLE_ID = re.compile(r"[A-Za-z0-9_.:\-]{4,64}")
Off = Annotated[int, Query(ge=0, le=10_000_000)]
Txt = Annotated[str | None, Query(max_length=200)]
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Date_ = Annotated[str | None, Query(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")]

env = Environment(
    loader=FileSystemLoader(str(HERE / "templates")),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
env.filters["urlpart"] = lambda s: urlquote(str(s), safe="")


def http_url(value: Any) -> str | None:
    """``value`` if it is an absolute http(s) URL, else None: only those may become links
    (``javascript:``, ``data:`` and the like are shown as text)."""
    if not isinstance(value, str):
        return None
    v = value.strip()
    try:
        parts = urlsplit(v)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(c in v for c in "\x00\r\n\t"):
        return v
    return None


env.filters["http_url"] = http_url
env.globals["LAYER_INFO"] = render.LAYER_INFO


def _clean(value: str | None) -> str | None:
    """Drop NUL (PostgreSQL rejects it in text) and surrounding space; empty means absent."""
    return (value or "").replace("\x00", "").strip() or None


def page(name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    return HTMLResponse(env.get_template(name).render(**ctx), status_code=status)


def not_found(_req: Request, message: str) -> HTMLResponse:
    return page("error.html", status=404, title="Not found", message=message)


def page_error(_req: Request, status: int, message: str) -> HTMLResponse:
    """An HTTP error on a page (not under /api/) as an HTML page."""
    title = {404: "Not found", 401: "Not allowed", 403: "Not allowed", 429: "Slow down"}.get(status, "Error")
    return page("error.html", status=status, title=title, message=message)


def mount(app: FastAPI, store: Store) -> None:
    """Add the pages and ``/static`` to ``app``."""
    app.state.page_error = page_error
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(router(store))


#: articles per page of the actor page (newest first; the pager walks to older ones)
ACTOR_PAGE_ARTICLES = 50
#: the timeline page plots and lists the newest this many items (dates narrow it to older ones)
TIMELINE_PAGE_ITEMS = 500
#: the timeline's CSV / JSON Lines / figure downloads hold the newest this many
TIMELINE_EXPORT_ITEMS = 2000


def _pager(base: str, params: dict[str, Any], total: int, limit: int, offset: int,
           capped: bool = False) -> dict[str, Any]:
    def link(off: int) -> str:
        return base + "?" + urlencode({**{k: v for k, v in params.items() if v}, "offset": off})

    return {
        "total": total,
        "capped": capped,
        "first": offset + 1 if total else 0,
        "last": min(offset + limit, total),
        "prev": link(max(0, offset - limit)) if offset > 0 else None,
        "next": link(offset + limit) if offset + limit < total else None,
    }


Fmt = Annotated[str, Query(pattern="^(html|csv|jsonl)$", description="html (the page), csv or jsonl (its rows)")]


def download(rows: list[dict[str, Any]], fields: tuple[str, ...], fmt: str, name: str) -> Response:
    """The rows of a page table as a CSV or JSON Lines download (the same rows the page shows)."""
    if fmt == "csv":
        body, mime = tables.rows_csv(rows, fields), "text/csv; charset=utf-8"
    else:
        body, mime = tables.rows_jsonl(rows, fields), "application/x-ndjson; charset=utf-8"
    return Response(body, media_type=mime,
                    headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'})


def _exports(base: str, params: dict[str, Any], offset: int) -> dict[str, str]:
    """Download links of a page: the same filters and offset, as CSV and JSONL."""
    keep = {k: v for k, v in params.items() if v not in (None, "")}
    if offset:
        keep["offset"] = offset
    return {fmt: base + "?" + urlencode({**keep, "format": fmt}) for fmt in ("csv", "jsonl")}


def _in_range(value: str | None, date_from: str | None, date_to: str | None) -> bool:
    """Inclusive at any precision, like the API's date filters ('2021-04' includes '2021-04-30')."""
    if not (date_from or date_to):
        return True
    if not value:
        return False
    if date_from and value[: len(date_from)] < date_from:
        return False
    return not (date_to and value[: len(date_to)] > date_to)


def filter_profile(
    prof: dict[str, Any],
    *,
    outlet: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    kind: str | None = None,
) -> dict[str, Any]:
    """The actor profile with its quotes, events, roles, labels and articles narrowed to one outlet,
    a date range (the record's date, else the article's publication date) and a quote kind.

    The profile itself comes from the actor layer; the page only narrows what it shows."""
    if not (outlet or date_from or date_to or kind):
        return prof

    def keep(x: dict[str, Any], dated: bool = True) -> bool:
        if outlet and x.get("source") != outlet:
            return False
        return _in_range((x.get("date") if dated else None) or x.get("published"), date_from, date_to)

    out = dict(prof)
    for key in ("quotes", "quotes_about"):
        out[key] = [q for q in prof.get(key, []) if keep(q) and (not kind or q.get("kind") == kind)]
    out["events"] = [e for e in prof.get("events", []) if keep(e)]
    out["roles"] = [r for r in prof.get("roles", []) if keep(r)]
    out["article_list"] = [a for a in prof.get("article_list", []) if keep(a, dated=False)]
    labels = prof.get("labels", {})
    out["labels"] = {o: v for o, v in labels.items() if not outlet or o == outlet}
    out["filtered"] = True
    return out


def _fill_titles(store: Store, prof: dict[str, Any]) -> None:
    """Untitled articles in the profile get their display title (first line or sentence)."""
    lists = [prof.get(k, []) for k in ("quotes", "quotes_about", "events", "roles", "article_list")]
    missing = sorted({x["article_id"] for xs in lists for x in xs if not x.get("title") and x.get("article_id")})
    if not missing:
        return
    names = queries.titles(store, missing)
    for xs in lists:
        for x in xs:
            if not x.get("title") and x.get("article_id") in names:
                x["title"] = names[x["article_id"]]


#: an item dated this far from its article's publication is background (history, not the news)
TIMELINE_FIELDS = ("date", "kind", "type", "label", "actor", "recipient", "background", "evidence", "outlet",
                   "published", "title", "article_id", "id", "href")


def split_background(items: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(news, background): background are items the events layer marks ``relation: background``,
    or, without that mark, whose date :func:`newsgraph.timeline.relation` places outside the news
    window of their article — the 1750 founding date of a city should not stretch the axis of this
    week's news.  Items it cannot place (no date or no publication date) count as news."""
    from ..timeline import relation

    news, background = [], []
    for i in items:
        rel = i.get("relation") or relation(i.get("date"), i.get("published"))
        (background if rel == "background" else news).append(i)
    return news, background


def timeline_row(i: dict[str, Any], background: bool) -> dict[str, Any]:
    ev = i.get("evidence") or {}
    return {"date": i.get("date"), "kind": i.get("kind"), "type": i.get("type"), "label": i.get("label"),
            "actor": i.get("actor_name"), "recipient": i.get("recipient_name"), "background": background,
            "evidence": ev.get("text"), "outlet": i.get("source"), "published": i.get("published"),
            "title": i.get("title"), "article_id": i.get("article_id"), "id": i.get("id"), "href": i.get("href")}


def figure(svg: str, fmt: str, name: str) -> Response:
    """A chart as a standalone SVG file, or PNG when CairoSVG is installed (no browser needed)."""
    doc = charts.standalone(svg)
    if fmt == "png":
        png = charts.to_png(doc)
        if png is None:
            return page("error.html", status=501, title="PNG unavailable",
                        message="PNG export needs CairoSVG (pip install 'newsgraph[figures]'); SVG works.")
        return Response(png, media_type="image/png",
                        headers={"Content-Disposition": f'attachment; filename="{name}.png"'})
    return Response(doc, media_type="image/svg+xml",
                    headers={"Content-Disposition": f'attachment; filename="{name}.svg"'})


def _writable(request: Request) -> bool:
    """Whether the server was started with a token (then the pages offer correction forms)."""
    return getattr(request.app.state, "guard", None) is not None


def router(store: Store) -> APIRouter:
    r = APIRouter(include_in_schema=False)

    @r.get("/", response_class=HTMLResponse)
    def home(offset: Off = 0, source: Txt = None) -> HTMLResponse:
        res = queries.list_articles(
            store, source=(source or "").replace("\x00", "") or None, limit=PAGE_SIZE, offset=offset
        )
        return page(
            "home.html",
            title="Articles",
            articles=res["items"],
            pager=_pager("/", {"source": source}, res["total"], PAGE_SIZE, offset),
            sources=queries.sources(store),
            source=source,
            n_actors=store.count("entities"),
        )

    @r.get("/articles/{article_id}", response_class=HTMLResponse)
    def article(article_id: str, request: Request) -> HTMLResponse:
        analysis = store.analysis(article_id) if _ARTICLE_ID.fullmatch(article_id) else None
        if analysis is None:
            return page("error.html", status=404, title="Not found", message=f"No article {article_id!r}.")
        ids = actor_api.actor_ids(store, analysis.article.id)
        anns = render.annotations(analysis, ids)
        counts = {layer: len({a.rid for a in anns if a.layer == layer}) for layer in render.LAYER_INFO}
        return page(
            "article.html",
            title=display_title(analysis.article.title, analysis.article.text),
            a=analysis,
            body=render.highlight(analysis.article.text, anns),
            speakers=render.speakers(analysis, ids),
            counts=counts,
            actor_ids=ids,
            writable=_writable(request),
        )

    @r.get("/actors", response_class=HTMLResponse)
    def actor_list(offset: Off = 0, q: Txt = None, kind: Txt = None) -> HTMLResponse:
        items, total = actor_api.list_actors(
            store, kind=_clean(kind), search=_clean(q), limit=50, offset=offset
        )
        return page(
            "actors.html",
            title="Actors",
            actors=items,
            q=q or "",
            kind=kind or "",
            pager=_pager("/actors", {"q": q, "kind": kind}, total, 50, offset),
        )

    @r.get("/actors/{actor_id:path}", response_class=HTMLResponse)
    def actor(
        actor_id: str,
        request: Request,
        outlet: Txt = None,
        date_from: Date_ = None,
        date_to: Date_ = None,
        kind: Annotated[str | None, Query(pattern="^(direct|indirect|mixed|belief)?$")] = None,
        offset: Off = 0,
    ) -> HTMLResponse:
        f = {"outlet": _clean(outlet), "date_from": date_from or None, "date_to": date_to or None,
             "kind": kind or None}
        try:
            # one page of the actor's articles, chosen in SQL: the page costs the same for an actor
            # in ten articles and one in every article of the store
            prof = actor_api.actor_profile(store, actor_id.replace("\x00", "")[:200], outlet=f["outlet"],
                                           date_from=f["date_from"], date_to=f["date_to"],
                                           limit=ACTOR_PAGE_ARTICLES, offset=offset)
        except actor_api.ActorLookupError as exc:
            return page(
                "error.html", status=404, title="Not found", message=exc.message, candidates=exc.candidates
            )
        window = prof.get("window") or {}
        all_outlets = sorted(set(window.get("outlets") or []) | set(prof.get("labels", {})))
        prof = filter_profile(prof, **f)
        _fill_titles(store, prof)
        pager = _pager(f"/actors/{urlquote(prof['id'], safe='')}", f, int(window.get("total") or 0),
                       ACTOR_PAGE_ARTICLES, offset)
        return page("actor.html", title=prof["name"], p=prof, outlets=sorted(prof["labels"]), f=f,
                    all_outlets=all_outlets, writable=_writable(request), pager=pager)

    @r.get("/timeline", response_class=HTMLResponse, response_model=None)
    def timeline_page(
        kind: Annotated[str, Query(pattern="^(events|times|all)$")] = "all",
        actor: Txt = None,
        type: Annotated[str | None, Query(max_length=40, pattern=r"^[A-Za-z_]*$")] = None,
        outlet: Txt = None,
        date_from: Date_ = None,
        date_to: Date_ = None,
        window: Annotated[str, Query(pattern="^(news|all)$")] = "news",
        format: Annotated[str, Query(pattern="^(html|csv|jsonl|svg|png)$")] = "html",
    ) -> Any:
        # the newest items only, read newest first: a large store's page must not read every event
        data = queries.timeline(store, kind=kind, actor=_clean(actor), type=type or None, window="all",
                                outlet=_clean(outlet), date_from=date_from or None, date_to=date_to or None,
                                limit=TIMELINE_PAGE_ITEMS if format == "html" else TIMELINE_EXPORT_ITEMS,
                                latest=True)
        items = data["items"]
        news, background = split_background(items)
        shown = items if window == "all" else news
        if format in ("csv", "jsonl"):
            bg = {id(i) for i in background}
            rows = [timeline_row(i, id(i) in bg) for i in items]
            return download(rows, TIMELINE_FIELDS, format, "timeline")
        plot = charts.timeline_svg(shown)
        if format in ("svg", "png"):
            return figure(str(plot), format, "timeline")
        f = {"kind": kind, "actor": _clean(actor), "type": type or None, "outlet": _clean(outlet),
             "date_from": date_from or None, "date_to": date_to or None, "window": window}
        keep = {k: v for k, v in f.items() if v and not (k == "kind" and v == "all") and not (k == "window" and v == "news")}
        return page(
            "timeline.html", title="Timeline", items=news, background=background, plot=plot, kind=kind,
            complete=data["complete"], shown=len(items),
            actor=actor or "", f=f, sources=queries.sources(store),
            exports={fmt: "/timeline?" + urlencode({**keep, "format": fmt}) for fmt in ("csv", "jsonl", "svg", "png")},
            png=charts.png_available(),
        )

    @r.get("/network", response_class=HTMLResponse, response_model=None)
    def network_page(
        max_nodes: Annotated[int, Query(ge=2, le=500)] = 80,
        edges: Annotated[str, Query(pattern="^(all|acts_on|quoted_about)$")] = "all",
        min_weight: Annotated[int, Query(ge=1, le=1000)] = 1,
        outlet: Txt = None,
        date_from: Date_ = None,
        date_to: Date_ = None,
        format: Annotated[str, Query(pattern="^(html|csv|jsonl|svg|png)$")] = "html",
    ) -> Any:
        kinds = None if edges == "all" else (edges,)
        graph = queries.network(store, max_nodes=max_nodes, kinds=kinds, min_weight=min_weight,
                                outlet=_clean(outlet), date_from=date_from or None, date_to=date_to or None)
        names = {n["id"]: n["name"] for n in graph["nodes"]}
        if format in ("csv", "jsonl"):
            rows = [{"source": names.get(ln["source"], ln["source"]), "source_id": ln["source"], "kind": ln["kind"],
                     "target": names.get(ln["target"], ln["target"]), "target_id": ln["target"],
                     "weight": ln["weight"]} for ln in graph["links"]]
            return download(rows, ("source", "kind", "target", "weight", "source_id", "target_id"), format, "network")
        static = charts.network_svg(graph)
        if format in ("svg", "png"):
            return figure(str(static), format, "network")
        f = {"max_nodes": max_nodes, "edges": edges, "min_weight": min_weight, "outlet": _clean(outlet),
             "date_from": date_from or None, "date_to": date_to or None}
        keep = {k: v for k, v in f.items() if v not in (80, "all", 1, None, "")}
        return page(
            "network.html", title="Network", graph=graph, f=f, sources=queries.sources(store), static=static if len(graph["nodes"]) > 150 else None,
            exports={fmt: "/network?" + urlencode({**keep, "format": fmt}) for fmt in ("csv", "jsonl", "svg", "png")},
            png=charts.png_available(),
        )

    @r.get("/search", response_class=HTMLResponse)
    def search_page(q: Txt = None, offset: Off = 0) -> HTMLResponse:
        hits: list[Any] = []
        total = 0
        engine = ""
        if q and q.strip():
            with store.engine.connect() as conn:
                hits, total = fts.search(conn, q.replace("\x00", ""), limit=PAGE_SIZE, offset=offset)
                engine = fts.mode(conn)
        return page(
            "search.html",
            title="Search",
            q=q or "",
            hits=hits,
            engine=engine,
            pager=_pager("/search", {"q": q}, total, PAGE_SIZE, offset),
        )

    @r.get("/said", response_class=HTMLResponse)
    def said_page(
        offset: Off = 0,
        speaker: Txt = None,
        actor: Txt = None,
        outlet: Txt = None,
        date_from: Date_ = None,
        date_to: Date_ = None,
        q: Txt = None,
        kind: Annotated[str | None, Query(pattern="^(direct|indirect|mixed|belief)?$")] = None,
        negated: Annotated[str | None, Query(pattern="^(yes|no)?$")] = None,
        sort: Annotated[str, Query(pattern="^(newest|oldest|speaker|outlet)$")] = "newest",
    ) -> HTMLResponse:
        params = {
            "speaker": _clean(speaker),
            "actor": _clean(actor),
            "outlet": _clean(outlet),
            "date_from": date_from or None,
            "date_to": date_to or None,
            "q": _clean(q),
            "kind": kind or None,
        }
        neg = {"yes": True, "no": False}.get(negated or "")
        res = queries.list_quotes(
            store, **params, negated=neg, sort=sort, limit=PAGE_SIZE, offset=offset
        )
        rows = [queries.statement_row(i) for i in res["items"]]
        shown = {**params, "negated": negated or None, "sort": sort if sort != "newest" else None}
        export = {**{k: ("true" if v == "yes" else "false" if v == "no" else v) if k == "negated" else v
                     for k, v in shown.items() if v}, "limit": PAGE_SIZE, "offset": offset}
        return page(
            "said.html",
            title="Who said what",
            rows=rows,
            f={**shown, "negated": negated or "", "sort": sort},
            sources=queries.sources(store),
            csv_href="/api/said?" + urlencode({**export, "format": "csv"}),
            jsonl_href="/api/said?" + urlencode({**export, "format": "jsonl"}),
            pager=_pager("/said", shown, res["total"], PAGE_SIZE, offset, res.get("total_capped", False)),
        )

    @r.get("/claims", response_class=HTMLResponse, response_model=None)
    def claims_page(
        offset: Off = 0,
        q: Txt = None,
        outlet: Txt = None,
        date_from: Date_ = None,
        date_to: Date_ = None,
        min_score: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
        format: Fmt = "html",
    ) -> Any:
        params = {"q": _clean(q), "outlet": _clean(outlet), "date_from": date_from or None,
                  "date_to": date_to or None}
        res = queries.list_claims(store, **params, min_score=min_score, limit=PAGE_SIZE, offset=offset)
        rows = [queries.claim_row(i) for i in res["items"]]
        if format != "html":
            return download(rows, queries.CLAIM_FIELDS, format, "claims")
        shown = {**params, "min_score": min_score}
        return page(
            "claims.html",
            title="Claims to check",
            rows=rows,
            f=shown,
            sources=queries.sources(store),
            exports=_exports("/claims", shown, offset),
            pager=_pager("/claims", shown, res["total"], PAGE_SIZE, offset, res.get("total_capped", False)),
        )

    @r.get("/framing", response_class=HTMLResponse, response_model=None)
    def framing_page(
        offset: Off = 0,
        technique: Txt = None,
        target: Txt = None,
        outlet: Txt = None,
        date_from: Date_ = None,
        date_to: Date_ = None,
        voice: Annotated[str | None, Query(pattern="^(outlet|speaker)?$")] = None,
        format: Fmt = "html",
    ) -> Any:
        params = {"technique": _clean(technique), "target": _clean(target), "outlet": _clean(outlet),
                  "date_from": date_from or None, "date_to": date_to or None, "voice": voice or None}
        res = queries.list_frames(store, **params, limit=PAGE_SIZE, offset=offset)
        rows = [queries.frame_row(i) for i in res["items"]]
        if format != "html":
            return download(rows, queries.FRAME_FIELDS, format, "framing")
        summary = queries.frame_summary(store, outlet=params["outlet"], date_from=params["date_from"],
                                        date_to=params["date_to"])
        return page(
            "framing.html",
            title="Framing",
            rows=rows,
            f=params,
            summary=summary,
            sources=queries.sources(store),
            exports=_exports("/framing", params, offset),
            pager=_pager("/framing", params, res["total"], PAGE_SIZE, offset, res.get("total_capped", False)),
        )

    @r.get("/corrections", response_class=HTMLResponse)
    def corrections_page(request: Request, offset: Off = 0, done: Annotated[int | None, Query(ge=1)] = None) -> HTMLResponse:
        items, total = corrections.audit(store, limit=PAGE_SIZE, offset=offset)
        return page(
            "corrections.html",
            title="Corrections",
            items=items,
            review=corrections.review_queue(store, limit=30),
            writable=_writable(request),
            done=done,
            pager=_pager("/corrections", {}, total, PAGE_SIZE, offset),
        )

    @r.post("/corrections", response_class=HTMLResponse, response_model=None)
    async def post_correction(request: Request) -> Any:
        """A correction from a page form.  The form carries the server's token (a page cannot send
        a bearer header), checked with the same per-client backoff as the API."""
        from ..security import client_key, retry_after

        raw = await request.body()
        if len(raw) > 100_000:
            return page("error.html", status=413, title="Too large", message="The form is too large.")
        form = {k: v[-1] for k, v in parse_qs(raw.decode("utf-8", "replace"), keep_blank_values=True).items()}
        guard = request.app.state.guard
        if guard is None:
            return page("error.html", status=403, title="Not allowed",
                        message="This server is read-only: start it with --token to allow corrections.")
        verdict, wait = guard.check(client_key(request), form.get("token", ""))
        if verdict == "backoff":
            resp = page("error.html", status=429, title="Slow down",
                        message=f"Too many wrong tokens from this client; retry in {retry_after(wait)} s.")
            resp.headers["Retry-After"] = retry_after(wait)
            return resp
        if verdict != "ok":
            return page("error.html", status=401, title="Not allowed",
                        message="The token is wrong: the correction was not made.")
        op = form.pop("op", "")
        params: dict[str, Any] = {k: v for k, v in form.items() if k not in ("token", "next")}
        try:
            done = corrections.correct(store, op, params, client=client_key(request))
        except corrections.CorrectionError as exc:
            return page("error.html", status=422, title="Not corrected", message=str(exc))
        nxt = form.get("next") or "/corrections"
        if not nxt.startswith("/") or nxt.startswith("//") or "\\" in nxt:
            nxt = "/corrections"
        sep = "&" if "?" in nxt else "?"
        return RedirectResponse(f"{nxt}{sep}done={done['seq']}" if "#" not in nxt else nxt, status_code=303)

    @r.get("/stories/{story_id}", response_class=HTMLResponse, response_model=None)
    def story_page(
        story_id: Annotated[str, FPath(max_length=64, pattern=r"^[A-Za-z0-9_.:\-]+$")],
        format: Annotated[str, Query(pattern="^(html|md|download)$")] = "html",
    ) -> Any:
        brief = queries.story_brief(store, story_id)
        if brief is None:
            return page("error.html", status=404, title="Not found", message=f"No story {story_id!r}.")
        if format == "md":
            return Response(queries.story_markdown(brief), media_type="text/markdown; charset=utf-8",
                            headers={"Content-Disposition": f'attachment; filename="story-{story_id}.md"'})
        dated = [e for e in brief["events"] if e["date"]]
        standalone = format == "download"
        css = (HERE / "static" / "style.css").read_text(encoding="utf-8") if standalone else ""
        resp = page("story.html", title=brief["title"], b=brief, plot=charts.timeline_svg(dated),
                    standalone=standalone, inline_css=Markup(css.replace("</", "<\\/")))
        if format == "download":
            resp.headers["Content-Disposition"] = f'attachment; filename="story-{story_id}.html"'
        return resp

    @r.get("/stories", response_class=HTMLResponse)
    def stories_page(offset: Off = 0) -> HTMLResponse:
        res = queries.stories(store, limit=PAGE_SIZE, offset=offset)
        return page(
            "stories.html",
            title="Stories",
            stories=res["items"],
            pager=_pager("/stories", {}, res["total"], PAGE_SIZE, offset),
        )

    return r
