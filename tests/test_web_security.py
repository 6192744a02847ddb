"""Web hardening (#17 item 9) and titles for untitled articles (#15): security headers on every
response, JSON errors everywhere under /api/, only http(s) URLs as links, token backoff."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph import queries
from newsgraph.app import create_app
from newsgraph.model import Analysis, Article
from newsgraph.security import TokenGuard
from newsgraph.store import Store
from newsgraph.titles import display_title, fallback_title
from newsgraph.web import http_url
from newsgraph.web.sample import sample_analysis

TOKEN = "t0ken-for-tests"
UNTITLED = "Ferry crews in Velm walked out on Monday.\nThe council said it would meet them on Friday."


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = Store(str(tmp_path / "sec.db"))
    base = sample_analysis()
    s.add(base)
    bad = Article(text=UNTITLED, url="javascript:alert(1)", source="Velm Post", published="2024-05-06")
    s.add(Analysis(article=bad, pipeline_version=base.pipeline_version, model=base.model))
    return s


def _client(store: Store, token: str | None = None) -> TestClient:
    return TestClient(create_app(store, token=token), raise_server_exceptions=False)


def _assert_headers(r) -> None:  # noqa: ANN001
    csp = r.headers.get("content-security-policy", "")
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp, r.url
    assert r.headers.get("x-content-type-options") == "nosniff"
    assert r.headers.get("x-frame-options") == "DENY"
    assert r.headers.get("referrer-policy") == "no-referrer"


def test_every_kind_of_response_carries_the_security_headers(store: Store) -> None:
    c = _client(store, TOKEN)
    aid = sample_analysis().article.id
    responses = [
        c.get("/"),
        c.get(f"/articles/{aid}"),
        c.get("/static/style.css"),
        c.get("/no/such/page"),
        c.get("/api/articles"),
        c.get("/api/articles/ffffffffffff"),
        c.get("/api/articles", params={"limit": 0}),
        c.post("/api/ingest", json={"text": "x"}),
        c.get("/openapi.json"),
    ]
    assert [r.status_code for r in responses] == [200, 200, 200, 404, 200, 404, 422, 401, 200]
    for r in responses:
        _assert_headers(r)


def test_an_exception_in_a_route_is_a_json_500_with_the_reason(store: Store, monkeypatch) -> None:  # noqa: ANN001
    def boom(*_a, **_k):  # noqa: ANN002, ANN003
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(queries, "list_articles", boom)
    r = _client(store).get("/api/articles")
    assert r.status_code == 500
    assert r.headers["content-type"].startswith("application/json")
    assert "disk on fire" in r.json()["error"]
    _assert_headers(r)


def test_bad_ingest_input_is_a_4xx_json_error(store: Store, monkeypatch) -> None:  # noqa: ANN001
    c = _client(store, TOKEN)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    cases = [
        c.post("/api/ingest", content=b"{not json", headers={**auth, "content-type": "application/json"}),
        c.post("/api/ingest", content=b"text=hello", headers={**auth, "content-type": "text/plain"}),
        c.post("/api/ingest", json={"text": "a", "url": "https://example.org/"}, headers=auth),
        c.post("/api/ingest", json={"url": "javascript:alert(1)"}, headers=auth),
        c.post("/api/ingest", json={"text": "Some words.", "published": "2026-13-45x"}, headers=auth),
        c.post("/api/ingest", json=[1, 2, 3], headers=auth),
    ]
    for r in cases:
        assert 400 <= r.status_code < 500, (r.status_code, r.text)
        assert r.json()["error"], r.text

    def broken_add(_analysis):  # noqa: ANN001
        raise ValueError("the database refused it")

    monkeypatch.setattr(store, "add", broken_add)
    r = c.post("/api/ingest", json={"text": "Harbour pilots in Velm stopped work."}, headers=auth)
    assert r.status_code == 422 and "database refused" in r.json()["error"]


def test_only_http_urls_become_links(store: Store) -> None:
    assert http_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert http_url("HTTP://example.org/") == "HTTP://example.org/"
    for bad in ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>x</b>", "vbscript:x",
                "//example.org/", "/articles/x", "http:/nohost", "https://exa\nmple.org/", None, 3]:
        assert http_url(bad) is None, bad
    html = _client(store).get(f"/articles/{Article(text=UNTITLED).id}").text
    assert 'href="javascript:' not in html.replace(" ", "")
    assert "javascript:alert(1)" in html  # still shown, as text


def test_failed_token_attempts_back_off_per_client() -> None:
    now = [100.0]
    g = TokenGuard("right", base=1.0, cap=8.0, clock=lambda: now[0])
    assert g.check("a", "wrong") == ("wrong", 0.0)  # a typo is free
    assert g.check("a", "wrong") == ("wrong", 1.0)
    assert g.check("a", "right") == ("backoff", 1.0)  # not even compared inside the window
    assert g.check("b", "right") == ("ok", 0.0)  # another client is not affected
    now[0] += 1.0
    assert g.check("a", "wrong") == ("wrong", 2.0)
    now[0] += 2.0
    assert g.check("a", "wrong") == ("wrong", 4.0)
    now[0] += 4.0
    for _ in range(5):
        now[0] += 100
        verdict, wait = g.check("a", "wrong")
    assert verdict == "wrong" and wait == 8.0  # capped
    now[0] += 8.0
    assert g.check("a", "right") == ("ok", 0.0)
    assert g.failures("a") == 0 and g.check("a", "wrong") == ("wrong", 0.0)  # success clears


def test_the_server_answers_429_while_a_client_backs_off(store: Store) -> None:
    c = _client(store, TOKEN)
    body = {"text": "Harbour pilots in Velm stopped work on Tuesday."}
    assert c.post("/api/ingest", json=body, headers={"Authorization": "Bearer no"}).status_code == 401
    r = c.post("/api/ingest", json=body, headers={"Authorization": "Bearer no2"})
    assert r.status_code == 401 and r.headers["retry-after"] == "1"
    r = c.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 429 and "retry in" in r.json()["error"] and r.headers["retry-after"]


def test_fallback_title_is_the_first_line_or_sentence() -> None:
    assert fallback_title(UNTITLED) == "Ferry crews in Velm walked out on Monday."
    assert fallback_title("\n\n  Headline here  \nBody.") == "Headline here"
    long = "The port authority of Velm said on Monday that it would " + "keep talking " * 20 + "end."
    assert fallback_title("Crews struck. " + long) == "Crews struck."
    cut = fallback_title(long)  # one sentence longer than the limit: cut at a word
    assert cut.endswith("…") and len(cut) <= 121 and long.startswith(cut[:-1])
    two = "Crews in Velm struck on Monday over pay and hours at the four harbour docks. " + long
    assert fallback_title(two) == "Crews in Velm struck on Monday over pay and hours at the four harbour docks."
    t = fallback_title("x" * 500)
    assert len(t) == 121 and t.endswith("…")
    assert fallback_title("") == "" and display_title(None, "") == "(untitled)"
    assert display_title("  Own   title ", UNTITLED) == "Own title"
    assert display_title("   ", UNTITLED) == "Ferry crews in Velm walked out on Monday."


def test_untitled_articles_get_a_title_on_every_page(store: Store) -> None:
    c = _client(store)
    want = "Ferry crews in Velm walked out on Monday."
    aid = Article(text=UNTITLED).id
    home = c.get("/").text
    assert want in home and f"Article {aid}" not in home
    assert f"<title>{want} · newsgraph</title>" in c.get(f"/articles/{aid}").text
    items = c.get("/api/articles").json()["items"]
    got = next(i for i in items if i["id"] == aid)
    assert got["title"] == want and got["title_from_text"] is True
    assert next(i for i in items if i["id"] != aid)["title_from_text"] is False
    hits = c.get("/api/search", params={"q": "ferry"}).json()["items"]
    assert hits and hits[0]["title"] == want
