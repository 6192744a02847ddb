"""PostgreSQL backend: concurrent ingest from several processes leaves each article exactly once.

Needs a server: set ``NEWSGRAPH_TEST_PG`` (``.ci/postgres.sh`` starts one and prints the URL).  Each
test run works in its own freshly created database, dropped afterwards, so it can share a server
with other test modules.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.postgres

PG_URL = os.environ.get("NEWSGRAPH_TEST_PG", "")
if not PG_URL:
    pytest.skip("NEWSGRAPH_TEST_PG is not set (run .ci/postgres.sh)", allow_module_level=True)
psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'newsgraph[postgres]')")

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from newsgraph.model import Analysis, Article  # noqa: E402
from newsgraph.store import STORE_SCHEMA_VERSION, Store  # noqa: E402

PLACES = ["Velmora", "Riverside", "Tarsen", "Kessel", "Marlow", "Ostrava Nova", "Bellhaven", "Quarry Hill"]
PEOPLE = ["Orsolya Brandt", "Dami Okafor", "Priya Lindqvist", "Tomas Arvelo", "Hana Sato", "Luis Ferrand"]
THINGS = ["a new tram line", "the harbour budget", "a school merger", "flood defences", "a night-bus service"]


def corpus(n: int = 16) -> list[Article]:
    """``n`` short fictional news items, all different."""
    out = []
    for i in range(n):
        place, person, thing = PLACES[i % len(PLACES)], PEOPLE[i % len(PEOPLE)], THINGS[i % len(THINGS)]
        text = (
            f"The council of {place} approved {thing} on Monday after a debate that lasted {i + 2} hours. "
            f'"This is a good day for {place}," said {person}, who chairs the finance committee. '
            f"Opposition members said the plan would cost {i * 3 + 4} million euros more than promised "
            f"and asked the regional auditor to review it."
        )
        out.append(Article(text=text, source=f"outlet-{i % 3}", published="2025-04-0" + str(1 + i % 9)))
    return out


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    """A fresh database on the test server, dropped at the end."""
    base = make_url(PG_URL)
    name = f"ng_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"))
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def _ingest_worker(url: str, articles_json: list[str], barrier: mp.synchronize.Barrier, out: mp.Queue) -> None:
    from newsgraph.ingest import ingest

    arts = [Article.model_validate_json(a) for a in articles_json]
    store = Store(url)
    barrier.wait(timeout=60)
    report = ingest(articles=arts, store=store)
    out.put((report.ingested, report.present, [str(f) for f in report.failed]))
    store.close()


def _add_worker(url: str, analyses_json: list[str], barrier: mp.synchronize.Barrier, out: mp.Queue) -> None:
    analyses = [Analysis.model_validate_json(a) for a in analyses_json]
    store = Store(url)
    barrier.wait(timeout=60)
    added = [a.article.id for a in analyses if store.add(a)]
    out.put(added)
    store.close()


def _run(target: object, args_per_proc: list[tuple]) -> list:
    """Start one process per argument tuple, released together by a barrier; their results.

    Spawned, not forked: a fork taken while another thread holds a lock can hang the child.
    Fails fast when a writer dies instead of waiting for its result.
    """
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(len(args_per_proc))
    out: mp.Queue = ctx.Queue()
    procs = [ctx.Process(target=target, args=(*a, barrier, out)) for a in args_per_proc]
    for p in procs:
        p.start()
    results: list = []
    deadline = time.monotonic() + 300
    try:
        while len(results) < len(procs):
            try:
                results.append(out.get(timeout=1.0))
            except queue.Empty:
                dead = [p.exitcode for p in procs if p.exitcode not in (None, 0)]
                if dead:
                    pytest.fail(f"writer process failed (exit codes {dead}); see its traceback above")
                if time.monotonic() > deadline:
                    pytest.fail("writers did not finish within 300 s")
        for p in procs:
            p.join(timeout=60)
            assert p.exitcode == 0, f"writer process failed with exit code {p.exitcode}"
    finally:
        for p in procs:
            if p.is_alive():
                p.kill()
    return results


def _open_worker(url: str, barrier: mp.synchronize.Barrier, out: mp.Queue) -> None:
    barrier.wait(timeout=60)
    store = Store(url)  # creates the schema if it is missing
    out.put(store.count("articles"))
    store.close()


def _record_counts(store: Store) -> dict[str, int]:
    from newsgraph.store import schema

    return {name: store.count(name) for name in ["articles", "analyses", *schema.RECORD_TABLES]}


def test_concurrent_ingest_from_four_processes_with_overlap(pg_url: str, tmp_path: Path) -> None:
    arts = corpus(16)
    # four writers, each with 8 of the 16 articles; every article is given to two writers
    slices = [[arts[(start + k) % 16] for k in range(8)] for start in (0, 4, 8, 12)]
    payload = [[a.model_dump_json() for a in s] for s in slices]
    Store(pg_url).close()  # create the schema once, as a deployment would
    results = _run(_ingest_worker, [(pg_url, p) for p in payload])

    failures = [f for _, _, fs in results for f in fs]
    assert failures == []
    assert sum(r[0] for r in results) == 16  # every article stored by exactly one writer
    assert sum(r[0] + r[1] for r in results) == 32  # and every offer accounted for

    with Store(pg_url) as pg:
        assert pg.count("articles") == 16
        assert sorted(a.id for a in pg.articles()) == sorted(a.id for a in arts)
        assert pg.orphans() == 0
        with pg.engine.connect() as conn:
            dup = conn.execute(text("SELECT count(*) FROM (SELECT id FROM articles GROUP BY id HAVING count(*) > 1) d"))
            assert dup.scalar_one() == 0
        pg_analyses = [a.model_dump(exclude={"pipeline_version"}) for a in pg.iter_analyses()]
        pg_counts = _record_counts(pg)

    # the same input ingested serially into SQLite gives the same rows and analyses
    from newsgraph.ingest import ingest

    with Store(str(tmp_path / "ref.db")) as lite:
        ingest(articles=arts, store=lite)
        assert [a.model_dump(exclude={"pipeline_version"}) for a in lite.iter_analyses()] == pg_analyses
        assert _record_counts(lite) == pg_counts


def test_racing_adds_of_the_same_analyses_store_each_once_with_all_records(pg_url: str) -> None:
    from newsgraph.pipeline import analyze_many

    arts = corpus(24)[16:]  # not used by the other test
    analyses = [a for a in analyze_many(arts) if isinstance(a, Analysis)]
    assert len(analyses) == 8
    payload = [a.model_dump_json() for a in analyses]
    Store(pg_url).close()  # schema first: this test is about add(), the next one about create()
    # all four writers add the same eight analyses in the same order, released together
    results = _run(_add_worker, [(pg_url, payload)] * 4)

    winners = [aid for added in results for aid in added]
    assert sorted(winners) == sorted(a.article.id for a in analyses)  # each added exactly once
    with Store(pg_url) as pg:
        assert pg.orphans() == 0
        for a in analyses:
            stored = pg.analysis(a.article.id)
            assert stored is not None
            assert stored.model_dump() == a.model_dump()  # nothing lost or doubled inside the article


def test_four_processes_opening_an_empty_database_at_once(pg_url: str) -> None:
    """The first ``Store(url)`` of several workers on a new database must not race on CREATE TABLE."""
    base = make_url(pg_url)
    name = f"{base.database}_open"
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        url = base.set(database=name).render_as_string(hide_password=False)
        assert _run(_open_worker, [(url,)] * 4) == [0, 0, 0, 0]
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"))
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def test_paged_actor_profile_on_postgresql(pg_url: str) -> None:
    """The article window (count, newest-first page, outlet and date-prefix filters) is plain SQL
    that must mean the same on PostgreSQL as on SQLite."""
    from newsgraph import actors
    from newsgraph.eval.resolution import build_analysis, load_fixture

    sqlite_store = Store("sqlite://")
    pg_store = Store(pg_url)
    for spec in load_fixture():
        a = build_analysis(spec)[0]
        sqlite_store.add(a)
        pg_store.add(a)
    for kw in ({"limit": 2}, {"limit": 2, "offset": 2}, {"outlet": "Gulf Ledger"}, {"date_to": "2024"}):
        lite = actors.actor_profile(sqlite_store, "Kataib al-Fajr", **kw)
        pg = actors.actor_profile(pg_store, "Kataib al-Fajr", **kw)
        # the module's database also holds the other tests' articles: the outlets offered may differ
        assert pg.window.model_copy(update={"outlets": []}) == lite.window.model_copy(update={"outlets": []}), kw
        assert pg.window.total > 0, kw
        assert [m.article_id for m in pg.members] == [m.article_id for m in lite.members], kw
    from newsgraph.store import actor_index as db

    actor = actors.find_actor(pg_store, "Kataib al-Fajr", members=False).id
    with pg_store.engine.connect() as conn:
        walk, by_members = (db.article_window(conn, actor, limit=3, date_to="2024", plan=p) for p in ("walk", "members"))
    assert walk == by_members and walk[0] > 0
    pg_store.close()
    sqlite_store.close()


def test_a_schema_1_store_is_upgraded_in_place_on_postgresql() -> None:
    """The schema 1 → 2 upgrade (the quotes' outlet, said and negated columns) on the server,
    in a database of its own: the ALTER, the backfill from articles and JSON, the indexes."""
    from newsgraph import queries
    from newsgraph.web.sample import sample_analysis

    base = make_url(PG_URL)
    name = f"ng_up_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = base.set(database=name).render_as_string(hide_password=False)
    try:
        a = sample_analysis(source="Velm Post", published="2023-03-15")
        a.quotes[1] = a.quotes[1].model_copy(update={"negated": True})
        s = Store(url)
        s.add(a)
        with s.engine.begin() as conn:  # make it a schema-1 store
            for ix in ("ix_quotes_said_pg", "ix_quotes_outlet_pg", "ix_quotes_negated"):
                conn.execute(text(f"DROP INDEX {ix}"))
            conn.execute(text("ALTER TABLE quotes DROP COLUMN outlet, DROP COLUMN said, DROP COLUMN negated"))
            conn.execute(text("UPDATE meta SET value = '1' WHERE key = 'schema_version'"))
        s.close()
        s = Store(url)
        assert queries.list_quotes(s, negated=True)["total"] == 1
        assert queries.list_quotes(s, outlet="velm", date_from="2023-03", date_to="2023-03")["total"] == len(a.quotes)
        with s.engine.connect() as conn:
            assert conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).scalar_one() == str(STORE_SCHEMA_VERSION)
            have = set(conn.execute(text("SELECT indexname FROM pg_indexes WHERE tablename = 'quotes'")).scalars())
            assert {"ix_quotes_said_pg", "ix_quotes_outlet_pg", "ix_quotes_negated"} <= have
            assert "ix_quotes_said" not in have  # SQLite's form of it
        s.close()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"))
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()
