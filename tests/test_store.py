"""The store: idempotent, one transaction per article, reanalyze, stable round trip."""

from __future__ import annotations

import pytest

from newsgraph import analyze
from newsgraph.model import Analysis
from newsgraph.store import ROW_BUILDERS, Store, resolve_url

TEXT = ("Union leader Peter Odhiambo said on Friday that the strike at Mombasa port would continue. "
        "\u201cWe will not go back for crumbs,\u201d Odhiambo told reporters.")


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return analyze(TEXT, published="2026-03-14", source="Test Wire")


def test_add_is_idempotent_and_round_trips(store: Store, analysis: Analysis):
    assert store.add(analysis) is True
    assert store.add(analysis) is False
    assert store.count() == 1 and store.count("analyses") == 1
    assert store.count("mentions") == len(analysis.mentions) > 0
    back = store.analysis(analysis.article.id)
    assert back == analysis
    assert store.analysis(analysis.article.id[:6]) == analysis  # unique prefix


def test_same_text_with_different_whitespace_is_the_same_article(store: Store, analysis: Analysis):
    store.add(analysis)
    again = analyze(TEXT.replace(" ", "  ") + "\n", published="2026-03-14")
    assert again.article.id == analysis.article.id
    assert store.add(again) is False


def test_a_failure_mid_write_leaves_nothing(store: Store, analysis: Analysis, monkeypatch):
    def boom(a, rec):
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(ROW_BUILDERS, "mentions", boom)
    with pytest.raises(RuntimeError):
        store.add(analysis)
    monkeypatch.undo()
    assert store.count() == 0 and store.count("analyses") == 0 and store.count("entities") == 0
    assert store.add(analysis) is True


def test_stale_and_replace(store: Store, analysis: Analysis):
    old = analysis.model_copy(update={"pipeline_version": "0.0.1+old", "quotes": []})
    store.add(old)
    assert store.stale(analysis.pipeline_version) == [analysis.article.id]
    store.replace(analysis)
    assert store.stale(analysis.pipeline_version) == []
    assert store.count("quotes") == len(analysis.quotes)
    assert store.orphans() == 0


def test_remove_deletes_every_row(store: Store, analysis: Analysis):
    store.add(analysis)
    assert store.remove(analysis.article.id)
    assert store.count() == 0 and store.orphans() == 0
    assert store.count("mentions") == 0


def test_db_url_resolution(monkeypatch):
    monkeypatch.delenv("NEWSGRAPH_DB", raising=False)
    assert resolve_url(None) == "sqlite:///newsgraph.db"
    assert resolve_url("x/y.db") == "sqlite:///x/y.db"
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("NEWSGRAPH_DB", "other.db")
    assert resolve_url(None) == "sqlite:///other.db"


def test_store_offers_the_actor_graph(store: Store, analysis: Analysis):
    import newsgraph
    from newsgraph import actors

    assert newsgraph.Store is Store
    store.add(analysis)
    names = {a.name for a in actors.actors(store)}
    assert "Peter Odhiambo" in names
    profile = actors.actor_profile(store, "Odhiambo")
    assert profile.name == "Peter Odhiambo" and profile.quotes_by


def test_analyses_reads_many_by_id_in_the_order_given(store: Store, analysis: Analysis):
    other = analyze("Mayor Lena Voss opened the Harrow Street bridge on Tuesday.", source="Test Wire")
    store.add(analysis)
    store.add(other)
    got = store.analyses([other.article.id, "0" * 16, analysis.article.id], batch=1)
    assert [a.article.id for a in got] == [other.article.id, analysis.article.id]
    assert got[1] == store.analysis(analysis.article.id)
