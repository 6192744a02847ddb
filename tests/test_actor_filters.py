"""Filters on the actor page (#15 item 2): outlet, date range and quote kind narrow the quotes by
and about the actor, its events and its labels; untitled articles show their first line."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsgraph.app import create_app
from newsgraph.store import Store
from newsgraph.web import filter_profile
from newsgraph.web.sample import sample_analysis

OUTLETS = ["Aldren Gazette", "Coastal Herald", "Velm Post"]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    s = Store(str(tmp_path_factory.mktemp("af") / "af.db"))
    for i in range(1, 7):
        base = sample_analysis()
        a = sample_analysis(
            base.article.text.replace("Shipping agents", f"Shipping agents ({i})"),
            source=OUTLETS[i % 3],
            published=f"2023-{i:02d}-15",
        )
        for q in a.quotes:
            q.date = a.article.published
        s.add(a)
    return TestClient(create_app(s), raise_server_exceptions=False)


def _quotes_by(html: str) -> int:
    head = html.split("Quotes by ", 1)[1]
    return int(head.split("(", 1)[1].split(")", 1)[0])


def test_actor_page_filters(client: TestClient) -> None:
    base = client.get("/actors/Tomas Brenn")
    assert base.status_code == 200 and _quotes_by(base.text) == 6
    assert _quotes_by(client.get("/actors/Tomas Brenn", params={"outlet": "Velm Post"}).text) == 2
    assert _quotes_by(client.get("/actors/Tomas Brenn", params={"date_from": "2023-05"}).text) == 2
    assert _quotes_by(client.get("/actors/Tomas Brenn", params={"kind": "direct"}).text) == 0  # his quote is mixed
    assert _quotes_by(client.get("/actors/Tomas Brenn", params={"kind": "mixed", "date_to": "2023-02"}).text) == 2
    html = client.get("/actors/Tomas Brenn", params={"outlet": "Velm Post"}).text
    assert '<option value="Coastal Herald">' in html  # every outlet stays selectable
    assert "/said?actor=" in html


def test_filter_profile_narrows_every_list() -> None:
    prof = {
        "quotes": [{"source": "A", "date": "2023-01-02", "kind": "direct"}, {"source": "B", "date": None,
                                                                            "published": "2023-02-01", "kind": "mixed"}],
        "quotes_about": [],
        "events": [{"source": "A", "date": "2022-12-30"}, {"source": "B", "date": "2023-02-03"}],
        "roles": [],
        "article_list": [{"source": "A", "published": "2023-01-02"}, {"source": "B", "published": "2023-02-01"}],
        "labels": {"A": [{"label": "x"}], "B": [{"label": "y"}]},
    }
    assert filter_profile(prof) is prof
    b = filter_profile(prof, outlet="B")
    assert [q["source"] for q in b["quotes"]] == ["B"] and list(b["labels"]) == ["B"] and len(b["events"]) == 1
    d = filter_profile(prof, date_from="2023-02")
    assert [q["kind"] for q in d["quotes"]] == ["mixed"] and [e["date"] for e in d["events"]] == ["2023-02-03"]
    assert len(filter_profile(prof, date_to="2023-01")["article_list"]) == 1
    assert [q["kind"] for q in filter_profile(prof, kind="direct")["quotes"]] == ["direct"]


def test_actor_page_is_paged_by_article_newest_first(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsgraph.web as web

    monkeypatch.setattr(web, "ACTOR_PAGE_ARTICLES", 4)
    first = client.get("/actors/Tomas Brenn")
    assert first.status_code == 200 and _quotes_by(first.text) == 4
    assert "1–4 of 6" in first.text and "2023-06-15" in first.text and "2023-01-15" not in first.text
    assert 'rel="next"' in first.text and "offset=4" in first.text
    older = client.get("/actors/Tomas Brenn", params={"offset": 4})
    assert _quotes_by(older.text) == 2 and "2023-01-15" in older.text and "2023-06-15" not in older.text
    assert _quotes_by(client.get("/actors/Tomas Brenn", params={"outlet": "Velm Post", "offset": 0}).text) == 2


def test_api_actor_profile_pages_by_article(client: TestClient) -> None:
    full = client.get("/api/actors/Tomas Brenn").json()
    assert full["window"] is None and full["counts"]["quotes_by"] == 6
    page = client.get("/api/actors/Tomas Brenn", params={"limit": 2, "offset": 2}).json()
    assert page["window"]["total"] == 6 and page["window"]["shown"] == 2 and page["counts"]["quotes_by"] == 2
    assert sorted(q["published"] for q in page["quotes"]) == ["2023-03-15", "2023-04-15"]
    assert client.get("/api/actors/Tomas Brenn", params={"limit": 0}).status_code == 422
