"""Near-duplicates are linked as one story in the store, across store sessions."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from _dedup_fixtures import BASE, versions
from sqlalchemy import func, select
from test_api import backend_store

from newsgraph import analyze
from newsgraph.store import Store
from newsgraph.store import stories as stories_mod


def story_of(store: Store) -> dict[str, str]:
    with store.engine.connect() as conn:
        return dict(conn.execute(select(stories_mod.stories.c.article_id, stories_mod.stories.c.story_id)).all())


def test_wire_copies_share_a_story_and_other_stories_do_not(tmp_path: Path):
    rng = random.Random(5)
    v = versions("strike-velmora", rng)
    other = BASE["strike-bellhaven"]
    db = str(tmp_path / "s.db")
    store = Store(db)
    a = analyze(BASE["strike-velmora"], source="Velmora Gazette")
    b = analyze(v["wire"], source="Northern Post")
    c = analyze(other, source="Coastal Times")
    for x in (a, b, c):
        assert store.add(x)
    s = story_of(store)
    assert s[a.article.id] == s[b.article.id] == "S" + a.article.id
    assert s[c.article.id] != s[a.article.id]
    store.close()
    store = Store(db)  # a new session: the band table is the index, nothing is held in memory
    d = analyze(v["edit"], source="Daily Ledger")
    assert store.add(d)
    assert story_of(store)[d.article.id] == s[a.article.id]
    outlets = {o for _, o in stories_mod.story_members(store, s[a.article.id])}
    assert outlets == {"Velmora Gazette", "Northern Post", "Daily Ledger"}
    assert store.remove(d.article.id) and d.article.id not in story_of(store)


def _df(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return dict(conn.execute(select(stories_mod.story_df.c.term, stories_mod.story_df.c.df)).all())


def test_reanalyze_and_remove_keep_document_frequencies_exact(tmp_path: Path):
    """``story_df`` counts each stored article once: re-writing an article (what reanalyze does)
    leaves it as it was, and removing the article takes its terms off again."""
    store = Store(str(tmp_path / "df.db"))
    a = analyze(BASE["strike-velmora"], source="Velmora Gazette")
    b = analyze(BASE["strike-bellhaven"], source="Coastal Times")
    assert store.add(a)
    only_a = _df(store)
    assert store.add(b)
    both = _df(store)
    assert any(v == 2 for v in both.values())  # the two texts share terms
    store.replace(b)
    store.replace(b)
    assert _df(store) == both
    assert store.remove(b.article.id)
    assert _df(store) == only_a


def _kept_and_counted(store: Store) -> tuple[dict, dict]:
    """The sizes kept at write time, and the same sizes counted from the membership rows."""
    st, sz = stories_mod.stories, stories_mod.story_sizes
    from sqlalchemy import func

    with store.engine.connect() as conn:
        kept = {r.story_id: (r.n, r.outlets) for r in conn.execute(select(sz))}
        counted = {r[0]: (r[1], r[2]) for r in conn.execute(
            select(st.c.story_id, func.count(), func.count(st.c.outlet.distinct())).group_by(st.c.story_id))}
    return kept, counted


def test_kept_story_sizes_follow_adds_replacements_removals_and_the_upgrade(tmp_path: Path):
    """The stories index reads sizes kept at write time: they must equal a count of the rows
    after every kind of write, and a store without them (schema 1) gets them on open."""
    import sqlite3

    rng = random.Random(7)
    v = versions("strike-velmora", rng)
    db = str(tmp_path / "k.db")
    store = Store(db)
    arts = [analyze(BASE["strike-velmora"], source="Velmora Gazette"), analyze(v["wire"], source="Northern Post"),
            analyze(v["edit"], source="Northern Post"), analyze(v["wire"], source=None),
            analyze(BASE["strike-bellhaven"], source="Coastal Times")]
    for a in arts:
        store.add(a)
    kept, counted = _kept_and_counted(store)
    assert kept == counted and max(n for n, _ in kept.values()) >= 3
    store.replace(arts[1])
    store.remove(arts[2].article.id)
    store.remove(arts[4].article.id)
    kept, counted = _kept_and_counted(store)
    assert kept == counted
    store.close()
    conn = sqlite3.connect(db)  # back to schema 1: no kept sizes
    conn.execute("DELETE FROM story_sizes")
    conn.execute("DELETE FROM story_outlets")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    store = Store(db)
    kept2, counted2 = _kept_and_counted(store)
    assert kept2 == counted2 == counted


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def a_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store on SQLite and (when NEWSGRAPH_TEST_PG is set) on PostgreSQL."""
    with backend_store(request.param, tmp_path / "bands.db") as s:
        yield s


def test_the_band_table_groups_articles_as_datasketchs_lsh_does(a_store: Store, monkeypatch):
    """The store's candidates (articles sharing a band key in ``story_bands``) and the in-memory
    ``MinHashLSH`` of :class:`dedup.StoryIndex` put every article in the same story, across
    wire copies, trims, edits and rewrites of several stories given in a shuffled order."""
    from datasketch import MinHashLSH

    from newsgraph import dedup
    from newsgraph.model import Analysis, Article
    from newsgraph.web.sample import sample_analysis

    base = sample_analysis()
    lsh = MinHashLSH(threshold=dedup.DEFAULT_THRESHOLD, num_perm=dedup.NUM_PERM)
    assert (lsh.b, lsh.r) == (dedup.BANDS, dedup.ROWS)  # the banding written down is datasketch's
    monkeypatch.setattr(stories_mod, "same_event_story", lambda *a, **k: None)  # near copies only
    rng = random.Random(11)
    texts = []
    for key in sorted(BASE):
        texts.append(BASE[key])
        texts.extend(versions(key, rng).values())
    rng.shuffle(texts)
    store = a_store
    index = dedup.StoryIndex()
    expected = {}
    for text in texts:
        art = Article(text=text, source="Outlet")
        if art.id in expected:
            continue
        expected[art.id] = index.add(art.id, text)
        assert store.add(Analysis(article=art, pipeline_version=base.pipeline_version, model=base.model))
    got = story_of(store)
    assert got == expected
    assert len(set(got.values())) < len(got) and len(set(got.values())) >= len(BASE)  # copies joined, stories apart
    with store.engine.connect() as conn:
        bands = conn.execute(select(func.count()).select_from(stories_mod.story_bands)).scalar_one()
    assert bands == dedup.BANDS * len(got)


def test_a_schema_3_store_gets_its_band_keys_on_open(tmp_path: Path):
    """A store written when the LSH index lived in memory has signatures but no band keys: the
    upgrade computes them, and a new near-copy then joins its story."""
    import sqlite3

    rng = random.Random(3)
    v = versions("strike-velmora", rng)
    db = str(tmp_path / "s3.db")
    store = Store(db)
    a = analyze(BASE["strike-velmora"], source="Velmora Gazette")
    c = analyze(BASE["strike-bellhaven"], source="Coastal Times")
    assert store.add(a) and store.add(c)
    with store.engine.connect() as conn:
        before = sorted(conn.execute(select(stories_mod.story_bands)).all())
    store.close()
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM story_bands")
    conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    store = Store(db)
    with store.engine.connect() as conn:
        assert sorted(conn.execute(select(stories_mod.story_bands)).all()) == before
    b = analyze(v["wire"], source="Northern Post")
    assert store.add(b)
    assert story_of(store)[b.article.id] == "S" + a.article.id
    store.close()
