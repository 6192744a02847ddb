"""Stories (#15 item 5): one membership definition (the ``stories`` table, written at ingest:
near-copies, then same-event coverage across outlets), the brief page with its HTML and
Markdown exports, and overlapping coverage found in the real-news dev texts."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsgraph import queries
from newsgraph.app import create_app
from newsgraph.cli import build
from newsgraph.model import Analysis, Article
from newsgraph.store import Store
from newsgraph.store import stories as st
from newsgraph.web.sample import sample_analysis

BASE = sample_analysis()
FERRY_A = """Ferry crews walk out in Velm over rosters

Ferry crews operating the Velm harbour crossing walked out on Monday, stranding commuters on both banks of the
Orla estuary. The Velm Ferry Workers Association said its members rejected new night rosters drawn up by the
Orla Crossing Company. Association secretary Ilse Marrow said the rosters cut rest breaks below the legal minimum.
The company's chief executive, Pavel Strand, said the rosters were lawful and urged crews to return.
"""
FERRY_B = """Commuters stranded as Orla Crossing strike enters second day

Commuters queued for buses on Tuesday as the strike by ferry crews on the Orla estuary crossing entered a second
day. Pavel Strand, who runs the Orla Crossing Company, offered talks on the disputed night rosters. Ilse Marrow of
the Velm Ferry Workers Association said crews would stay out until rest breaks were restored. Velm harbour
officials said no ferry had sailed since Monday morning.
"""
OTHER = """Velm library reopens after roof repairs

The central library in Velm reopened on Tuesday after eight months of roof repairs, with a new reading room for
children and longer evening hours. Librarian Tova Brisk said visitors had returned in large numbers on the first
morning, many of them students preparing for examinations.
"""


def _add(store: Store, text: str, source: str, published: str) -> str:
    a = Article(text=text, source=source, published=published)
    store.add(Analysis(article=a, pipeline_version=BASE.pipeline_version, model=BASE.model))
    return a.id


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = Store(str(tmp_path / "st.db"))
    s.add(BASE)  # background articles give the idf something to compare with
    for i in range(1, 4):
        s.add(sample_analysis(BASE.article.text.replace("Shipping agents", f"Agents ({i})"), source="Velm Post",
                              published="2024-03-20"))
    return s


def test_same_event_coverage_across_outlets_is_one_story(store: Store) -> None:
    a = _add(store, FERRY_A, "Velm Post", "2024-05-06")
    b = _add(store, FERRY_B, "Coastal Herald", "2024-05-07")
    c = _add(store, OTHER, "Coastal Herald", "2024-05-07")
    late = _add(store, FERRY_B.replace("second", "ninth") + "\nMore later.", "Aldren Gazette", "2024-06-30")
    assert queries.story_of(store, a) == queries.story_of(store, b)
    assert queries.story_of(store, c) != queries.story_of(store, a)
    # the same words weeks later are not the same event … unless the text is a near-copy
    sid = queries.story_of(store, late)
    assert sid == queries.story_of(store, b)  # near-copy of FERRY_B: MinHash links it whatever the date
    far = _add(store, FERRY_A.replace("Monday", "Friday").replace("walk out", "return"), "Velm Post", "2025-01-01")
    assert queries.story_of(store, far) == queries.story_of(store, a)  # also a near-copy
    story = next(s for s in queries.stories(store)["items"] if s["id"] == queries.story_of(store, a))
    assert {"Velm Post", "Coastal Herald"} <= set(story["outlets"])


def test_rebuild_gives_the_same_membership(store: Store) -> None:
    ids = [_add(store, FERRY_A, "Velm Post", "2024-05-06"), _add(store, FERRY_B, "Coastal Herald", "2024-05-07"),
           _add(store, OTHER, "Coastal Herald", "2024-05-07")]
    before = [queries.story_of(store, i) for i in ids]
    assert st.rebuild(store) == store.count()
    assert [queries.story_of(store, i) for i in ids] == before


def test_story_page_brief_and_exports(tmp_path: Path) -> None:
    s = Store(str(tmp_path / "b.db"))
    s.add(BASE)
    copy = sample_analysis(BASE.article.text.replace("Shipping agents", "Port agents"), source="Coastal Herald",
                           published="2024-03-13")
    s.add(copy)
    sid = queries.story_of(s, BASE.article.id)
    assert sid == queries.story_of(s, copy.article.id)
    c = TestClient(create_app(s), raise_server_exceptions=False)
    assert f'href="/stories/{sid}"' in c.get("/stories").text
    html = c.get(f"/stories/{sid}").text
    for want in ("Coverage", "Aldren Gazette", "Coastal Herald", "Mara Quill", "Labels for the main actors",
                 "Claims to check", "more than 1,200", "Reported events", "<svg"):
        assert want in html, want
    md = c.get(f"/stories/{sid}", params={"format": "md"})
    assert md.headers["content-type"].startswith("text/markdown")
    assert "## Who is quoted, by outlet" in md.text and "Mara Quill (1)" in md.text
    dl = c.get(f"/stories/{sid}", params={"format": "download"})
    assert "attachment" in dl.headers["content-disposition"] and "<style>" in dl.text and "/static/" not in dl.text
    assert c.get("/stories/Snope").status_code == 404
    r = CliRunner().invoke(build(), ["stories", "--db", s.url, "--markdown", sid])
    assert r.exit_code == 0 and r.stdout.startswith("# Dock workers strike")


REAL = Path(os.environ.get("NEWSGRAPH_REALNEWS", "/work/realnews")) / "polnear.jsonl"


@pytest.mark.skipif(not REAL.exists(), reason="the real-news dev texts are not here")
def test_overlapping_coverage_is_found_in_the_real_news_dev_texts(tmp_path: Path) -> None:
    s = Store(str(tmp_path / "real.db"))
    for line in REAL.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        _add(s, r["text"], r["source"], r["published"])
    multi = [x for x in queries.stories(s, limit=200)["items"] if len(x["outlets"]) >= 2]
    assert len(multi) >= 3  # 5 on the 84 PolNeAR dev texts when this test was written


def test_the_index_lists_a_big_story_by_its_first_articles(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(queries, "STORY_LIST_ARTICLES", 2)
    ids = [_add(store, FERRY_A, "Velm Post", "2024-05-06"), _add(store, FERRY_B, "Coastal Herald", "2024-05-07"),
           _add(store, FERRY_B.replace("second", "third"), "Aldren Gazette", "2024-05-08")]
    sid = queries.story_of(store, ids[0])
    story = next(s for s in queries.stories(store)["items"] if s["id"] == sid)
    assert story["size"] == 3 and story["more"] == 1
    assert [a["id"] for a in story["articles"]] == ids[:2]  # the first two by date
    assert story["outlets"] == ["Aldren Gazette", "Coastal Herald", "Velm Post"]
    html = TestClient(create_app(store)).get("/stories").text
    assert "and 1 more" in html


def test_a_big_story_is_briefed_from_the_first_articles_of_each_outlet(tmp_path: Path) -> None:
    """The brief reads at most ``per_outlet`` articles of each outlet, counts all of them, and says so."""
    s = Store(str(tmp_path / "big.db"))
    ids = [_add(s, FERRY_A, "Velm Post", "2024-05-06"),
           _add(s, FERRY_B, "Velm Post", "2024-05-07"),
           _add(s, FERRY_B.replace("second", "third"), "Velm Post", "2024-05-09"),
           _add(s, FERRY_B.replace("second", "fourth"), "Coastal Herald", "2024-05-08")]
    sid = queries.story_of(s, ids[0])
    assert all(queries.story_of(s, a) == sid for a in ids)
    b = queries.story_brief(s, sid, per_outlet=2)
    assert b["size"] == 4 and b["read"] == 3 and b["more"] == {"Velm Post": 1}
    assert b["outlets"] == ["Coastal Herald", "Velm Post"]
    assert [a["id"] for a in b["by_outlet"]["Velm Post"]] == ids[:2]  # the first two by date
    assert b["first"] == "2024-05-06" and b["last"] == "2024-05-09"  # dates of every article
    assert {e["article_id"] for e in b["events"]} <= set(ids[:2]) | {ids[3]}
    md = queries.story_markdown(b)
    assert "and 1 more" in md and "from the first 3 articles (the first 2 of each outlet)" in md
