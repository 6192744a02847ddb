"""JSON API and pages, in-process (ASGI).  Built on hand-made analyses so these tests check the
API, not extractor accuracy."""

from __future__ import annotations

import contextlib
import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.app import create_app
from newsgraph.model import Article
from newsgraph.store import Store
from newsgraph.web.sample import sample_analysis, xss_analysis

TOKEN = "s3cret-token"


def _variant(i: int):
    """The sample with a different text (so a different id), outlet and date."""
    base = sample_analysis()
    a = sample_analysis(
        base.article.text.replace("Shipping agents", f"Shipping agents ({i})"),
        source=["Aldren Gazette", "Coastal Herald", "Velm Post"][i % 3],
        published=f"2023-{i:02d}-15",
    )
    return a


PG_URL = os.environ.get("NEWSGRAPH_TEST_PG", "")


@contextlib.contextmanager
def _pg_store() -> Iterator[Store]:
    """A store in a schema of its own on the NEWSGRAPH_TEST_PG server, dropped afterwards."""
    from sqlalchemy import create_engine, text

    from newsgraph.store import resolve_url

    schema = f"web_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(resolve_url(PG_URL))
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in PG_URL else "?"
    s = Store(f"{PG_URL}{sep}options=-csearch_path%3D{schema}")
    try:
        yield s
    finally:
        s.close()
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def backend_store(backend: str, path: Path) -> contextlib.AbstractContextManager[Store]:
    """An empty store on SQLite at ``path`` or (``backend == "postgres"``) in a schema of its own
    on the NEWSGRAPH_TEST_PG server; skips the test when no server is configured."""
    if backend == "postgres":
        if not PG_URL:
            pytest.skip("NEWSGRAPH_TEST_PG is not set (run .ci/postgres.sh)")
        return _pg_store()
    return contextlib.nullcontext(Store(str(path)))


@pytest.fixture(
    scope="module",
    params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
)
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The same corpus on SQLite and (when NEWSGRAPH_TEST_PG is set) on PostgreSQL."""
    if request.param == "postgres":
        if not PG_URL:
            pytest.skip("NEWSGRAPH_TEST_PG is not set (run .ci/postgres.sh)")
        pytest.importorskip("psycopg")
        ctx: contextlib.AbstractContextManager[Store] = _pg_store()
    else:
        ctx = contextlib.nullcontext(Store(str(tmp_path_factory.mktemp("api") / "api.db")))
    with ctx as s:
        s.add(sample_analysis())
        s.add(xss_analysis())
        for i in range(1, 8):
            s.add(_variant(i))
        yield s


@pytest.fixture(scope="module")
def client(store: Store) -> TestClient:
    return TestClient(create_app(store), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def writer(store: Store) -> TestClient:
    return TestClient(create_app(store, token=TOKEN), raise_server_exceptions=False)


def test_articles_list_pagination_is_stable_and_complete(client: TestClient, store: Store) -> None:
    total = store.count()
    seen: list[str] = []
    for offset in range(0, total, 4):
        r = client.get("/api/articles", params={"limit": 4, "offset": offset})
        assert r.status_code == 200
        body = r.json()
        assert body["total"] == total and body["limit"] == 4 and body["offset"] == offset
        seen += [a["id"] for a in body["items"]]
    assert len(seen) == total == len(set(seen))
    # newest publication first
    dates = [a["published"] for a in client.get("/api/articles", params={"limit": 200}).json()["items"]]
    assert dates == sorted(dates, reverse=True)


def test_article_ids_are_the_content_hash(client: TestClient) -> None:
    a = sample_analysis()
    r = client.get(f"/api/articles/{a.article.id}")
    assert r.status_code == 200
    body = r.json()
    assert body["article"]["id"] == a.article.id == Article(text=a.article.text).id
    assert body["article"]["text"] == a.article.text
    assert [q["id"] for q in body["quotes"]] == ["Q1", "Q2", "Q3"]
    # unique prefix works; unknown id is a 404 with a message
    assert client.get(f"/api/articles/{a.article.id[:8]}").json()["article"]["id"] == a.article.id
    r = client.get("/api/articles/ffffffffffff")
    assert r.status_code == 404 and "no article" in r.json()["error"]


def test_articles_search_and_filters(client: TestClient) -> None:
    r = client.get("/api/articles", params={"q": "silenced"}).json()
    assert [a["title"] for a in r["items"]] == ["<b>Velm</b> march & <script>alert(3)</script>"]
    r = client.get("/api/articles", params={"source": "Coastal Herald"}).json()
    assert r["total"] >= 2 and {a["source"] for a in r["items"]} == {"Coastal Herald"}
    r = client.get("/api/articles", params={"date_from": "2024-03", "date_to": "2024-03"}).json()
    assert r["total"] >= 1 and all(a["published"].startswith("2024-03") for a in r["items"])
    assert client.get("/api/articles", params={"q": "zzzyyyxxx"}).json()["total"] == 0


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": 201},
        {"limit": "ten"},
        {"offset": -1},
        {"offset": 10**20},
        {"date_from": "yesterday"},
        {"date_to": "2024-13-45x"},
        {"q": "x" * 500},
    ],
)
def test_bad_parameters_are_422_with_a_message(client: TestClient, params: dict) -> None:
    r = client.get("/api/articles", params=params)
    assert r.status_code == 422
    assert r.json()["error"]


def test_quotes_filters(client: TestClient) -> None:
    r = client.get("/api/quotes", params={"speaker": "quill", "limit": 200}).json()
    assert r["total"] == 8  # the sample and its 7 variants
    assert {q["speaker_name"] for q in r["items"]} == {"Mara Quill"}
    assert all(q["speaker_actor"] for q in r["items"])
    r = client.get("/api/quotes", params={"outlet": "velm post", "limit": 200}).json()
    assert r["items"] and {q["source"] for q in r["items"]} <= {"Velm Post", "<i>Velm Post</i>"}
    r = client.get(
        "/api/quotes", params={"q": "goalposts", "date_from": "2024-03-01", "date_to": "2024-03-31"}
    ).json()
    assert r["total"] == 1 and r["items"][0]["date"] == "2024-03-12"
    r = client.get("/api/quotes", params={"speaker": "לוי"}).json()
    assert r["total"] >= 1 and r["items"][0]["speaker_name"] == "נועה לוי"
    assert client.get("/api/quotes", params={"kind": "rumour"}).status_code == 422


def test_filtered_counts_stop_at_the_cap(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """A loose filter on a large store counts at most COUNT_CAP matches and says "or more"."""
    import newsgraph.queries as q

    monkeypatch.setattr(q, "COUNT_CAP", 3)
    r = client.get("/api/quotes", params={"speaker": "quill", "limit": 2}).json()
    assert r["total"] == 3 and r["total_capped"] is True and len(r["items"]) == 2
    deep = client.get("/api/quotes", params={"speaker": "quill", "limit": 2, "offset": 4}).json()
    assert deep["total"] == 7 and deep["total_capped"] is True  # the cap follows the page: a next one exists
    exact = client.get("/api/quotes", params={"speaker": "quill", "limit": 200}).json()
    assert exact["total"] == 8 and exact["total_capped"] is False
    import newsgraph.web as web

    monkeypatch.setattr(web, "PAGE_SIZE", 2)
    html = client.get("/said", params={"speaker": "quill"}).text
    assert "1–2 of 3 or more" in html and 'rel="next"' in html


def test_events_claims_frames_timeline(client: TestClient) -> None:
    r = client.get("/api/events", params={"type": "protest"}).json()
    assert r["total"] == 8 and {e["type"] for e in r["items"]} == {"PROTEST"}
    r = client.get("/api/events", params={"actor": "council", "status": "planned"}).json()
    assert r["total"] == 8 and all(e["id"] == "V3" for e in r["items"])
    r = client.get("/api/events", params={"date_from": "2024-03-18"}).json()
    assert {e["id"] for e in r["items"]} == {"V3"}
    # the outlet filter every record list shares: part of the name, and nothing else leaks in
    r = client.get("/api/events", params={"type": "protest", "outlet": "coastal"}).json()
    assert 0 < r["total"] < 8 and {e["source"] for e in r["items"]} == {"Coastal Herald"}
    c = client.get("/api/claims", params={"min_score": 0.8}).json()
    assert c["total"] == 8 and all(x["checkworthiness"] >= 0.8 for x in c["items"])
    f = client.get("/api/frames", params={"technique": "name_calling,labeling"}).json()
    assert f["total"] == 8 and f["items"][0]["target_name"] == "Aldren Dockers Union"
    t = client.get("/api/timeline", params={"kind": "all"}).json()
    dates = [i["date"] for i in t["items"]]
    assert dates == sorted(dates) and {"event", "time"} <= {i["kind"] for i in t["items"]}
    assert all(i["href"].startswith("/articles/") and i["evidence"]["text"] for i in t["items"])


def test_actors_and_profile(client: TestClient) -> None:
    r = client.get("/api/actors", params={"limit": 200}).json()
    names = {a["name"] for a in r["items"]}
    assert {"Mara Quill", "Tomas Brenn", "Aldren Dockers Union", "נועה לוי"} <= names
    quill = next(a for a in r["items"] if a["name"] == "Mara Quill")
    p = client.get(f"/api/actors/{quill['id']}").json()
    assert p["name"] == "Mara Quill"
    assert {x["role"] for x in p["roles"]} == {"spokeswoman"}
    assert len(p["quotes"]) == 8 and all("goalposts" in q["text"] for q in p["quotes"])
    brenn = next(a for a in r["items"] if a["name"] == "Tomas Brenn")
    labels = client.get(f"/api/actors/{brenn['id']}").json()["labels"]
    assert labels and all(lb["label"] == "Mayor" and lb["by"] == [] for per in labels.values() for lb in per), labels
    assert client.get("/api/actors/Nobody%20At%20All").status_code == 404
    only_people = client.get("/api/actors", params={"kind": "person", "limit": 200}).json()["items"]
    assert only_people and all(a["kind"] == "person" for a in only_people)


def test_network_and_stories(client: TestClient) -> None:
    g = client.get("/api/network").json()
    ids = {n["id"] for n in g["nodes"]}
    assert g["links"] and all(link["source"] in ids and link["target"] in ids for link in g["links"])
    kinds = {link["kind"] for link in g["links"]}
    assert kinds == {"acts_on", "quoted_about"}
    s = client.get("/api/stories").json()
    # the sample and its 7 near-copies form one story; the unrelated Velm article stays alone
    assert s["total"] == 1
    story = s["items"][0]
    assert story["size"] == 8 and len(story["articles"]) == 8
    assert set(story["outlets"]) == {"Aldren Gazette", "Coastal Herald", "Velm Post"}
    singles = client.get("/api/stories", params={"min_size": 1}).json()
    assert singles["total"] == 2


def test_openapi_lists_the_endpoints(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in [
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/actors",
        "/api/actors/{actor_id}",
        "/api/quotes",
        "/api/events",
        "/api/claims",
        "/api/frames",
        "/api/timeline",
        "/api/stories",
    ]:
        assert path in spec["paths"], path
    assert "/api/ingest" not in spec["paths"]  # read-only without a token


def test_write_endpoint_needs_the_token(client: TestClient, writer: TestClient) -> None:
    body = {"text": "Harbour pilots in Velm said on Tuesday they would stop work.", "published": "2024-04-02"}
    assert client.post("/api/ingest", json=body).status_code in (404, 405)
    assert writer.post("/api/ingest", json=body).status_code == 401
    assert writer.post("/api/ingest", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    bad = writer.post(
        "/api/ingest", json={"text": "", "url": None}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert bad.status_code == 422 and bad.json()["error"]


def test_ingest_with_the_token_stores_and_serves_the_article(writer: TestClient, store: Store) -> None:
    text = "Harbour pilots in Velm stopped work on Tuesday, union leader Ada Korr told reporters."
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = writer.post("/api/ingest", json={"text": text, "published": "2024-04-02", "source": "Velm Post"}, headers=auth)
    assert r.status_code == 201, r.text
    aid = r.json()["articles"][0]["id"]
    assert aid == Article(text=text).id and r.json()["articles"][0]["added"] is True
    got = writer.get(f"/api/articles/{aid}").json()
    assert got["article"]["text"] == text and got["article"]["published"] == "2024-04-02"
    again = writer.post("/api/ingest", json={"text": text}, headers=auth).json()
    assert again["articles"][0]["added"] is False  # same text, same id: stored once
    assert store.remove(aid)


def test_pages_escape_untrusted_text(client: TestClient) -> None:
    a = xss_analysis()
    html = client.get(f"/articles/{a.article.id}").text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&amp;amp;" in html  # a literal "&amp;" in the text shows as "&amp;", not "&"
    assert "&lt;b&gt;Velm&lt;/b&gt;" in html
    home = client.get("/").text
    assert "<script>alert(3)" not in home and "<i>Velm Post</i>" not in home


def test_article_page_highlights_quotes_by_speaker(client: TestClient) -> None:
    a = sample_analysis()
    html = client.get(f"/articles/{a.article.id}").text
    quotes = re.findall(
        r'<span class="ann q spk-\d" data-layer="quote" data-ref="(Q\d)" data-speaker="([^"]+)"', html
    )
    assert ("Q1", "Mara Quill") in quotes and ("Q3", "נועה לוי") in quotes
    # each quote's first fragment carries the tooltip with the speaker's role and cue
    tip = re.search(r'id="quote-Q1" data-tip="([^"]+)"', html).group(1)
    assert "Speaker: Mara Quill" in tip and "spokeswoman" in tip and "Cue: said" in tip
    # entities link to actor pages, and those pages exist
    hrefs = set(re.findall(r'<a href="(/actors/[^"]+)" class="ann ent', html))
    assert hrefs
    for h in hrefs:
        assert client.get(h).status_code == 200, h
    # the visible text is exactly the article text
    text = re.search(r'<div class="text" id="text">(.*?)</div>', html, re.S).group(1)
    import html as htmlmod

    visible = htmlmod.unescape(re.sub(r"<[^>]+>", "", text.replace("</p>\n<p", "</p>\n<p")))
    assert visible.strip() == a.article.text


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/actors",
        "/timeline",
        "/network",
        "/search?q=council",
        "/stories",
        "/search",
        "/timeline?kind=times",
        "/actors?q=quill",
    ],
)
def test_pages_render(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200
    assert "text/html" in r.headers["content-type"]
    assert "http://" not in r.text.split("<main>")[0].replace('xmlns="http://www.w3.org', "")  # no CDN assets


def test_search_page_marks_hits_and_escapes(client: TestClient) -> None:
    html = client.get("/search", params={"q": "script alert"}).text
    assert "<mark>script</mark>" in html and "<script>alert" not in html
    r = client.get("/api/search", params={"q": 'goalposts" * ('}).json()
    assert r["total"] >= 1


def test_static_assets_are_local(client: TestClient) -> None:
    for asset in ["/static/style.css", "/static/app.js", "/static/network.js"]:
        r = client.get(asset)
        assert r.status_code == 200 and "cdn" not in r.text.lower() and "googleapis" not in r.text


# -- fuzzing: no parameter value may produce a 5xx ------------------------------------------------

ENDPOINTS = {
    "/api/articles": ["limit", "offset", "q", "source", "date_from", "date_to"],
    "/api/quotes": ["limit", "offset", "speaker", "outlet", "date_from", "date_to", "q", "article", "kind"],
    "/api/events": ["limit", "offset", "type", "actor", "outlet", "date_from", "date_to", "status", "article"],
    "/api/claims": ["limit", "offset", "min_score", "q", "article"],
    "/api/frames": ["limit", "offset", "technique", "target", "voice", "article"],
    "/api/timeline": ["kind", "type", "actor", "date_from", "date_to", "limit"],
    "/api/actors": ["limit", "offset", "kind", "q"],
    "/api/stories": ["limit", "offset"],
    "/api/search": ["q", "limit", "offset", "kind"],
    "/search": ["q", "offset"],
    "/": ["offset", "source"],
    "/timeline": ["kind", "actor"],
}

values = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(
        [
            "",
            "0",
            "-1",
            "2024",
            "2024-02-30",
            "NaN",
            "' OR 1=1 --",
            '"',
            "%",
            "_",
            "\\",
            "*",
            "NEAR(",
            "<script>",
            "ملك",
            "a AND",
            "2024-13",
        ]
    ),
)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(path=st.sampled_from(sorted(ENDPOINTS)), data=st.data())
def test_fuzzed_query_parameters_never_5xx(client: TestClient, path: str, data: st.DataObject) -> None:
    names = data.draw(st.lists(st.sampled_from(ENDPOINTS[path]), unique=True, max_size=4))
    params = {n: data.draw(values) for n in names}
    r = client.get(path, params=params)
    assert r.status_code < 500, (path, params, r.text[:300])
    if r.status_code >= 400 and path.startswith("/api/"):
        assert r.json()["error"]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(segment=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60))
def test_fuzzed_path_ids_never_5xx(client: TestClient, segment: str) -> None:
    from urllib.parse import quote

    for prefix in ["/api/articles/", "/api/actors/", "/articles/", "/actors/"]:
        r = client.get(prefix + quote(segment, safe=""))
        assert r.status_code < 500, (prefix, segment, r.text[:300])


def test_schema_driven_fuzz_with_schemathesis(client: TestClient) -> None:
    """Every GET operation in /openapi.json, called with schema-generated parameters: no 5xx."""
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import given as hgiven

    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app)
    ops = [r.ok() for r in schema.get_all_operations() if r.ok().method.upper() == "GET"]
    assert len(ops) >= 10
    for op in ops:

        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
        @hgiven(case=op.as_strategy())
        def run(case) -> None:  # noqa: ANN001
            response = case.call()
            assert response.status_code < 500, (
                case.path,
                case.query,
                case.path_parameters,
                response.text[:300],
            )

        run()


def test_serve_command_is_registered() -> None:
    from typer.testing import CliRunner

    from newsgraph.cli import build

    out = CliRunner().invoke(build(), ["serve", "--help"])
    assert out.exit_code == 0
    for flag in ("--db", "--host", "--port", "--token"):
        assert flag in out.output
    assert Path(__file__).exists()


# -- the highlighter: whatever the annotations, the text survives exactly and tags balance -------


def _strip(html_text: str) -> str:
    import html as htmlmod

    body = html_text.replace('</p>\n<p dir="auto">', "\n")
    return htmlmod.unescape(re.sub(r"<[^>]+>", "", body))


def _balanced(html_text: str) -> bool:
    stack: list[str] = []
    for closing, name in re.findall(r"<(/?)(a|span|p)\b[^>]*>", html_text):
        if closing:
            if not stack or stack.pop() != name:
                return False
        else:
            stack.append(name)
    return not stack


TEXTS = st.lists(
    st.sampled_from(list("ab <>&\"'\n") + ["&amp;", "é", "ש", "\u202e", "😀", "<script>", "&#60;"]), max_size=40
).map("".join)


@settings(max_examples=300, deadline=None)
@given(
    text=TEXTS,
    spans=st.lists(
        st.tuples(
            st.sampled_from(["quote", "claim", "frame", "event", "time", "speaker", "cue", "mention"]),
            st.integers(-3, 70),
            st.integers(-3, 70),
        ),
        max_size=12,
    ),
)
def test_highlight_keeps_the_text_and_balances_tags(text: str, spans: list) -> None:
    from markupsafe import Markup

    from newsgraph.web.render import Ann, highlight

    anns = [
        Ann(layer, s, e, f"R{i}", "x", f"tip <{i}> & \"q\"", href="/actors/a?b=<c>" if layer == "mention" else None)
        for i, (layer, s, e) in enumerate(spans)
        if 0 <= s < e <= len(text)
    ]
    out = highlight(text, anns)
    assert isinstance(out, Markup)
    assert _balanced(str(out))
    assert _strip(str(out)) == text
    assert "<script>" not in str(out)
    # nothing of the text became an element: every tag is one of ours
    assert set(re.findall(r"<(/?\w+)", str(out))) <= {"p", "/p", "span", "/span", "a", "/a"}


def test_parse_date_precisions() -> None:
    from datetime import date

    from newsgraph.queries import parse_date

    assert parse_date("2021-04-04") == date(2021, 4, 4)
    assert parse_date("2021-04") == date(2021, 4, 1)
    assert parse_date("2021") == date(2021, 1, 1)
    assert parse_date("2024-W12") == date(2024, 3, 18)
    assert parse_date("2021-02-30") is None and parse_date("PRESENT_REF") is None and parse_date(None) is None


def test_search_falls_back_to_like(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where no full-text engine exists the same searches still answer (through LIKE)."""
    from newsgraph.store import search as fts

    indexed = client.get("/api/search", params={"q": "goalposts", "kind": "quote"}).json()
    monkeypatch.setattr(fts, "mode", lambda conn: "like")
    r = client.get("/api/search", params={"q": "GOALPOSTS", "kind": "quote"}).json()
    assert r["engine"] == "like" and r["total"] == indexed["total"] >= 1
    assert "<mark>goalposts</mark>" in r["items"][0]["snippet"].lower()
    assert client.get("/api/articles", params={"q": "silenced 100%_"}).json()["total"] == 0
    assert client.get("/api/articles", params={"q": "silenced"}).json()["total"] == 1
    html = client.get("/search", params={"q": "script"}).text
    assert "&lt;<mark>script</mark>&gt;" in html
