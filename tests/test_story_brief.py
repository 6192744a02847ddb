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


HARLOW = """Harlow Fasteners Inc. said net income in the third quarter rose 12% to $4.1 million, or 38 cents a
share, from $3.7 million a year earlier. Revenue climbed to $61 million from $55 million. The company, based in
Tulsa, said quarterly earnings benefited from strong demand for industrial fasteners and lower freight costs.
Harlow shares closed at $17.25, up 50 cents, in composite trading on the Corvane Stock Exchange.
"""
BRIGHTMOOR = """Brightmoor Textiles Corp. said net income in the third quarter fell 9% to $2.2 million, or 19 cents a
share, from $2.4 million a year earlier. Revenue slipped to $48 million from $50 million. The company, based in
Dayton, said quarterly earnings suffered from weak demand for cotton fabrics and higher freight costs.
Brightmoor shares closed at $9.50, down 25 cents, in composite trading on the Corvane Stock Exchange.
"""
HARLOW_AGAIN = """Tulsa fastener maker lifts profit as demand holds

Harlow Fasteners Inc. lifted its third-quarter profit by 12 percent to $4.1 million on revenue of $61 million,
the Tulsa company said, citing demand from industrial customers and cheaper freight. Chief financial officer
Reta Ombling said the company expected quarterly earnings to keep rising. Harlow shares gained 50 cents.
"""


def test_reports_of_one_genre_are_not_one_event_without_a_rare_shared_name(store: Store, monkeypatch) -> None:
    """Two earnings reports about different companies in the same days share the genre's words
    and an exchange every such report names, not a participant: they stay two stories, while a
    second outlet's report on one of the companies joins it."""
    from newsgraph import dedup

    for i in range(8):  # the exchange is named by many stored articles: it identifies no event
        _add(store, f"Shares of Firm {i} closed higher on the Corvane Stock Exchange after a brisk session "
                    f"({i}).", "Markets Wire", f"2024-0{1 + i % 8}-1{i}")
    a = _add(store, HARLOW, "Market Journal", "2024-10-24")
    b = _add(store, BRIGHTMOOR, "Coastal Business", "2024-10-25")
    c = _add(store, HARLOW_AGAIN, "Tulsa Ledger", "2024-10-25")
    assert queries.story_of(store, a) != queries.story_of(store, b)
    assert queries.story_of(store, c) == queries.story_of(store, a)
    # without the rare-name requirement the genre's words alone link the two companies
    monkeypatch.setattr(dedup, "EVENT_NAME_SHARE", 1.0)
    monkeypatch.setattr(dedup, "EVENT_NAME_MIN_DF", 10**6)
    assert st.rebuild(store) == store.count()
    assert queries.story_of(store, a) == queries.story_of(store, b)


def test_one_outlets_reports_need_two_shared_names(tmp_path: Path, monkeypatch) -> None:
    """Early in a store the exchange every market report names is still rare; two reports of one
    outlet about different companies share only it, and stay apart (follow-ups of one event
    share several names)."""
    from newsgraph import dedup

    store = Store(str(tmp_path / "outlet.db"))
    a = _add(store, HARLOW, "Market Journal", "2024-10-24")
    b = _add(store, BRIGHTMOOR, "Market Journal", "2024-10-25")
    assert queries.story_of(store, a) != queries.story_of(store, b)
    monkeypatch.setattr(dedup, "EVENT_SAME_OUTLET_NAMES", 1)
    assert st.rebuild(store) == 2
    assert queries.story_of(store, a) == queries.story_of(store, b)


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
    assert len(multi) >= 3  # 3 on the 84 PolNeAR dev texts since the rare-name rule (5 before, 2 of them wrong)


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
