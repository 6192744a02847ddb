"""Corrections from the pages (#15 item 4): only with the server's token; each stored as a decision
keyed by the record's characters, applied at once and again after ``newsgraph reanalyze --all``;
listed in the audit; the review queue.  Runs the real pipeline on a fictional article."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsgraph.app import create_app
from newsgraph.cli import build
from newsgraph.model import Article
from newsgraph.store import Store
from newsgraph.store import corrections as corr

TOKEN = "fix-token-123"
TEXT = """Harbour pilots walk out in Velm as talks stall

VELM, March 4 — Harbour pilots in Velm stopped work on Tuesday after talks with the port authority broke down, \
leaving 14 cargo ships waiting outside the breakwater.

"We have asked for the same safety rules for three years and nobody listens," said Ada Korr, a spokeswoman for \
the Velm Pilots Guild.

Port director Jonas Tamm said the authority had offered a 4 percent raise and would meet the guild again on \
Friday. "The door is open," Tamm told reporters.

The guild said more than 300 pilots joined the strike. Police arrested two protesters near the harbour gate on \
Wednesday.
"""


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, str]:
    from newsgraph.pipeline import analyze_article

    db = str(tmp_path_factory.mktemp("fix") / "fix.db")
    s = Store(db)
    a = analyze_article(Article(text=TEXT, source="Velm Post", published="2024-03-05"))
    s.add(a)
    return s, a.article.id


def _form(client: TestClient, **fields: str):  # noqa: ANN202
    return client.post("/corrections", data=fields, follow_redirects=False)


def _quote_of(store: Store, aid: str, words: str):  # noqa: ANN202
    a = store.analysis(aid)
    return next(q for q in a.quotes if any(words in s.text for s in q.content))


def test_corrections_are_refused_without_the_token(setup: tuple[Store, str]) -> None:
    store, aid = setup
    q = _quote_of(store, aid, "300 pilots")
    readonly = TestClient(create_app(store), raise_server_exceptions=False)
    r = _form(readonly, op="speaker", article=aid, quote=q.id, speaker="Velm Pilots Guild", token=TOKEN)
    assert r.status_code == 403 and "read-only" in r.text
    assert readonly.post("/api/corrections", json={"op": "speaker"}).status_code == 403
    c = TestClient(create_app(store, token=TOKEN), raise_server_exceptions=False)
    r = _form(c, op="speaker", article=aid, quote=q.id, speaker="Velm Pilots Guild", token="guess")
    assert r.status_code == 401 and "not made" in r.text
    api = c.post("/api/corrections", json={"op": "speaker", "article": aid, "quote": q.id, "speaker": "X"})
    assert api.status_code == 401 and api.json()["error"]
    assert corr.audit(store)[1] == 0  # nothing recorded
    assert _quote_of(store, aid, "300 pilots").speaker_entity == q.speaker_entity
    # the form is offered only when the server has a token
    assert "Change speaker" not in readonly.get(f"/articles/{aid}").text
    assert "Change speaker" in c.get(f"/articles/{aid}").text


def test_corrections_apply_now_and_survive_reanalyze(setup: tuple[Store, str]) -> None:
    store, aid = setup
    c = TestClient(create_app(store, token=TOKEN), raise_server_exceptions=False)
    q = _quote_of(store, aid, "300 pilots")
    a = store.analysis(aid)
    guild = next(e for e in a.entities if e.name == "Velm Pilots Guild")
    ev = next(e for e in a.events if e.trigger.text == "arrested")
    claim = next(x for x in a.claims if x.text.startswith("said Ada Korr"))

    r = _form(c, op="speaker", article=aid, quote=q.id, speaker="Velm Pilots Guild", token=TOKEN,
              note="the guild said it", next=f"/articles/{aid}")
    assert r.status_code == 303 and r.headers["location"].startswith(f"/articles/{aid}?done=")
    r = c.post("/api/corrections", json={"op": "reject_event", "article": aid, "event": ev.id},
               headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201, r.text
    assert _form(c, op="reject_claim", article=aid, claim=claim.id, token=TOKEN).status_code == 303
    bad = c.post("/api/corrections", json={"op": "reject_claim", "article": aid, "claim": "C999"},
                 headers={"Authorization": f"Bearer {TOKEN}"})
    assert bad.status_code == 422 and "no claim" in bad.json()["error"]

    def check() -> None:
        now = store.analysis(aid)
        fixed = _quote_of(store, aid, "300 pilots")
        assert fixed.speaker_entity == guild.id or now.entity(fixed.speaker_entity).name == "Velm Pilots Guild"
        assert not any(e.trigger.text == "arrested" for e in now.events)
        assert not any(x.text.startswith("said Ada Korr") for x in now.claims)
        said = c.get("/api/said", params={"speaker": "Pilots Guild"}).json()["items"]
        assert any("300 pilots" in x["quote"] for x in said)
        assert not any(x["trigger"]["text"] == "arrested" for x in c.get("/api/events", params={"article": aid}).json()["items"])
        assert all(not x["text"].startswith("said Ada") for x in c.get("/api/claims", params={"article": aid}).json()["items"])

    check()
    r = CliRunner().invoke(build(), ["reanalyze", "--all", "--db", store.url])
    assert r.exit_code == 0 and "reanalysed: 1" in r.output, r.output
    check()
    # the audit list shows all three, newest first
    items = c.get("/api/corrections").json()["items"]
    assert [x["op"] for x in items] == ["reject_claim", "reject_event", "speaker"]
    assert items[2]["value"] == {"name": "Velm Pilots Guild"} and items[2]["note"] == "the guild said it"
    html = c.get("/corrections").text
    assert "Audit list" in html and "Velm Pilots Guild" in html and "rejected" in html


def test_apply_is_keyed_by_characters_not_ids(setup: tuple[Store, str]) -> None:
    store, aid = setup
    a = store.analysis(aid)
    renumbered = a.model_copy(deep=True)
    for i, e in enumerate(reversed(renumbered.events)):
        e.id = f"V{100 + i}"
    key = corr.record_key(a, "reject_event", a.events[0].id)
    out, changed = corr.apply(renumbered, [{"op": "reject_event", "target": key, "value": {}}])
    assert changed == {"events"} and len(out.events) == len(a.events) - 1
    assert all(corr._event_key(e) != {k: key[k] for k in ("start", "end", "type")} for e in out.events)


def test_review_queue_and_token_backoff_on_the_form(setup: tuple[Store, str]) -> None:
    store, _aid = setup
    c = TestClient(create_app(store, token=TOKEN), raise_server_exceptions=False)
    q = c.get("/api/review").json()
    assert set(q) == {"low_confidence", "singletons"}
    assert _form(c, op="merge", a="x", b="y", token="bad1").status_code == 401
    assert _form(c, op="merge", a="x", b="y", token="bad2").status_code == 401
    r = _form(c, op="merge", a="x", b="y", token=TOKEN)
    assert r.status_code == 429 and r.headers["retry-after"]


def test_form_next_must_be_a_local_path(tmp_path: Path) -> None:
    s = Store(str(tmp_path / "n.db"))
    from newsgraph.web.sample import sample_analysis

    a = sample_analysis()
    s.add(a)
    c = TestClient(create_app(s, token=TOKEN), raise_server_exceptions=False)
    r = _form(c, op="reject_claim", article=a.article.id, claim="C1", token=TOKEN, next="https://evil.example/")
    assert r.status_code == 303 and r.headers["location"].startswith("/corrections?done=")
    r = _form(c, op="reject_event", article=a.article.id, event="V1", token=TOKEN, next="//evil.example/")
    assert r.headers["location"].startswith("/corrections?done=")


def test_merge_and_split_from_the_api_are_audited(tmp_path: Path) -> None:
    from newsgraph import actors as actor_layer
    from newsgraph.web.sample import sample_analysis

    s = Store(str(tmp_path / "m.db"))
    base = sample_analysis()
    s.add(base)
    s.add(sample_analysis(base.article.text.replace("Shipping agents", "Port agents"), source="Velm Post"))
    c = TestClient(create_app(s, token=TOKEN), raise_server_exceptions=False)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = c.post("/api/corrections", json={"op": "merge", "a": "Mara Quill", "b": "Tomas Brenn", "note": "test"},
               headers=auth)
    assert r.status_code == 201, r.text
    assert actor_layer.find_actor(s, "Tomas Brenn").id == actor_layer.find_actor(s, "Mara Quill").id
    bad = c.post("/api/corrections", json={"op": "merge", "a": "Mara Quill", "b": "Nobody Anywhere"}, headers=auth)
    assert bad.status_code == 422 and bad.json()["error"]
    r = c.post("/api/corrections", json={"op": "split", "actor": "Mara Quill", "names": ["Tomas Brenn"]}, headers=auth)
    assert r.status_code == 201, r.text
    assert actor_layer.find_actor(s, "Tomas Brenn").id != actor_layer.find_actor(s, "Mara Quill").id
    assert [x["op"] for x in c.get("/api/corrections").json()["items"]] == ["split", "merge"]
