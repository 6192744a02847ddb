"""Actors in the store: lazy resolution, profiles, manual decisions across re-analysis, CLI, GraphML."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from newsgraph import actors as api
from newsgraph.cli import build
from newsgraph.eval.resolution import build_analysis, load_fixture
from newsgraph.export import export
from newsgraph.model import Analysis, Article, Entity, ModelInfo
from newsgraph.store import Store

MODEL = ModelInfo(name="hand", version="0", package="test", spacy_version="none")
runner = CliRunner()


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = Store(str(tmp_path / "actors.db"))
    for spec in load_fixture():
        s.add(build_analysis(spec)[0])
    yield s
    s.close()


def _hand(text: str, source: str, names: list[tuple[str, str]]) -> Analysis:
    ents = [Entity(id=f"E{i + 1}", name=n, type=t, kind="person" if t == "PERSON" else "organisation")
            for i, (n, t) in enumerate(names)]
    return Analysis(pipeline_version="test", model=MODEL, article=Article(text=text, source=source), entities=ents)


def test_listing_and_filters(store: Store) -> None:
    everyone = api.actors(store)
    assert len(everyone) == len({e["gold"] for s in load_fixture() for e in s["entities"]})
    people = api.actors(store, kind="person")
    assert people and all(a.kind == "person" for a in people)
    hits = api.actors(store, search="Kataib")
    assert [a.name for a in hits] == ["Kata'ib al-Fajr"]
    assert hits[0].articles == 5


def test_profile_labels_by_outlet_with_spans(store: Store) -> None:
    p = api.actor_profile(store, "Kataib al-Fajr")
    assert {o.outlet for o in p.labels_by_outlet} == {"Daily Meridian", "Gulf Ledger", "Resistance Voice"}
    texts = {a.article.id: a.article.text for a in store.iter_analyses()}
    for lb in p.labels:
        assert texts[lb.article_id][lb.start:lb.end] == lb.text
    assert p.part_of and p.part_of[0].actor.name == "Popular Defence Forces"
    pdf = api.actor_profile(store, "PDF")
    assert [r.actor.id for r in pdf.parts] == [p.id]


def test_profile_roles_dated_and_quotes(store: Store) -> None:
    p = api.actor_profile(store, "Darraji")
    assert [r.date for r in p.roles] == sorted(r.date for r in p.roles)
    assert {r.org_actor.name for r in p.roles if r.org_actor} == {"Kata'ib al-Fajr"}
    assert len({q.article_id for q in p.quotes_by}) == 3
    us = api.actor_profile(store, "U.S.")
    assert any(q.speaker_actor and q.speaker_actor.id == p.id for q in us.quotes_about)


def test_profile_paged_by_article_equals_the_full_profile_on_those_articles(store: Store) -> None:
    """The paged profile reads one page of the actor's articles (newest first) and says how many
    match; on those articles it holds exactly what the full profile holds."""
    full = api.actor_profile(store, "Kataib al-Fajr")
    dates = {a.article.id: (a.article.published or "", a.article.source) for a in store.iter_analyses()}
    mine = sorted({m.article_id for m in full.members}, key=lambda i: (dates[i][0] == "", dates[i][0]), reverse=True)
    page = api.actor_profile(store, "Kataib al-Fajr", limit=2)
    assert page.window is not None and page.window.total == len(mine) == 5 and page.window.shown == 2
    assert page.articles == full.articles == 5
    shown = {m.article_id for m in page.members}
    assert len(shown) == 2 and {dates[i][0] for i in shown} == {dates[i][0] for i in mine[:2]}
    assert [q.model_dump() for q in page.quotes_by] == [q.model_dump() for q in full.quotes_by
                                                        if q.article_id in shown]
    rest = api.actor_profile(store, "Kataib al-Fajr", limit=2, offset=2)
    assert not shown & {m.article_id for m in rest.members}
    outlet = "Gulf Ledger"
    one = api.actor_profile(store, "Kataib al-Fajr", outlet=outlet)
    assert one.window.total == sum(1 for i in mine if dates[i][1] == outlet) > 0
    assert one.outlets == [outlet] and {"Daily Meridian", "Gulf Ledger", "Resistance Voice"} <= set(one.window.outlets)


def test_profile_reads_only_the_records_it_shows_and_loses_nothing(store: Store) -> None:
    """The profile parses its analyses without their times, claims and frames (a third of the
    cost); built from the whole analyses, every actor's profile is the same."""
    from newsgraph.actors.profile import build_profile
    from newsgraph.store import actor_index as db

    everyone = api.actors(store)
    assert len(everyone) > 5
    with store.engine.connect() as conn:
        actor_of = db.all_members(conn)
        names = db.actor_names(conn)
    for summary in everyone:
        cluster = api.find_actor(store, summary.id)
        ids = sorted({m.article_id for m in cluster.members})
        whole = build_profile(cluster, store.analyses(ids), actor_of, names)
        read = api.actor_profile(store, summary.id)
        for q in [*whole.quotes_by, *whole.quotes_about]:  # filled from the statements table, not the analyses
            q.occurrences = next(x.occurrences for x in [*read.quotes_by, *read.quotes_about]
                                 if (x.article_id, x.id) == (q.article_id, q.id))
        assert read.model_dump() == whole.model_dump(), summary.name
    assert store.analyses(ids, records=("quotes",))[0].entities == []


@pytest.mark.parametrize("kw", [{}, {"source": "Gulf Ledger"}, {"date_to": "2024"}, {"date_from": "2024-02"}])
def test_article_window_plans_agree(store: Store, kw: dict) -> None:
    """The walk over articles (a dense actor) and the sort of member rows (a rare one) page alike."""
    from newsgraph.store import actor_index as db

    actor = api.find_actor(store, "Kataib al-Fajr", members=False).id
    with store.engine.connect() as conn:
        got = [[db.article_window(conn, actor, limit=2, offset=o, plan=plan, **kw) for o in (0, 2, 4)]
               for plan in ("walk", "members")]
    assert got[0] == got[1] and got[0][0][0] >= 1
    total, capped, _ = got[0][0]
    with store.engine.connect() as conn:
        assert db.article_window(conn, actor, count_cap=1, **kw)[:2] == ((1, total > 1) if kw else (total, False))


def test_ambiguous_lookup_lists_candidates(store: Store) -> None:
    with pytest.raises(api.ActorNotFound) as exc:
        api.actor_profile(store, "Jabouri")
    assert {c.name for c in exc.value.candidates} == {"Ammar Jabouri", "Layla Jabouri"}
    with pytest.raises(api.ActorNotFound):
        api.actor_profile(store, "Nobody Atall")


def test_adding_an_article_re_resolves(store: Store) -> None:
    before = api.actor_profile(store, "Kataib al-Fajr").articles
    store.add(_hand("Kataib Al-Fajr fighters paraded in Basra.", "New Outlet", [("Kataib Al-Fajr", "ORG")]))
    assert api.actor_profile(store, "Kataib al-Fajr").articles == before + 1


def test_manual_merge_survives_replace_and_renumbering(tmp_path: Path) -> None:
    s = Store(str(tmp_path / "m.db"))
    x = _hand("Islamic State claimed the attack.", "A", [("Islamic State", "ORG")])
    y = _hand("ISIS fighters retreated.", "B", [("ISIS", "ORG")])
    s.add(x)
    s.add(y)
    assert len(api.actors(s)) == 2  # "ISIS" is not the initials of "Islamic State"
    api.merge(s, "Islamic State", "ISIS", note="same group")
    assert len(api.actors(s)) == 1
    # reanalyze: same article, new analysis, entity ids renumbered (ISIS is now E2)
    y2 = _hand(y.article.text, "B", [("Raqqa", "ORG"), ("ISIS", "ORG")])
    s.replace(y2)
    merged = api.actor_profile(s, "ISIS")
    assert {m.entity_id for m in merged.members if m.article_id == y.article.id} == {"E2"}
    assert merged.name == "Islamic State" and len(merged.members) == 2
    assert [d.op for d in api.decisions(s)] == ["merge"]
    s.close()


def test_split_survives_replace(store: Store) -> None:
    a3 = next(a for a in store.iter_analyses() if a.article.source == "Resistance Voice"
              and "Kata'eb" in a.article.text)
    api.split(store, "Kata'ib al-Fajr", articles=[a3.article.id[:10]])
    assert api.actor_profile(store, "Kata'eb Al Fajr").articles == 1
    store.replace(a3)
    assert api.actor_profile(store, "Kata'eb Al Fajr").articles == 1
    assert api.actor_profile(store, "Kataib al-Fajr").articles == 4


def test_remove_drops_members(store: Store) -> None:
    from sqlalchemy import func, select

    from newsgraph.store import actor_index as db

    first, second, *_ = list(store.iter_analyses())
    assert store.remove(first.article.id)
    assert all(first.article.id not in {m.article_id for m in x.members}
               for x in (api.find_actor(store, s.id) for s in api.actors(store)))
    store.replace(second)  # a removal then an add, as reanalyze does
    with store.engine.connect() as conn:  # the kept article counts are the members' own
        kept = dict(conn.execute(select(db.actors_table.c.id, db.actors_table.c.n_articles)).all())
        counted = dict(conn.execute(select(db.actor_members.c.actor_id, func.count(func.distinct(
            db.actor_members.c.article_id))).group_by(db.actor_members.c.actor_id)).all())
    assert kept == counted and max(kept.values()) > 1


# -- CLI ---------------------------------------------------------------------------


def test_cli_actors_and_actor(store: Store) -> None:
    app = build()
    r = runner.invoke(app, ["actors", "--db", store.url, "--kind", "armed_group"])
    assert r.exit_code == 0, r.output
    assert "Kata'ib al-Fajr" in r.output and "Popular Defence Forces" in r.output
    assert "Layla" not in r.output
    r = runner.invoke(app, ["actor", "Kata'ib al-Fajr", "--db", store.url])
    assert r.exit_code == 0, r.output
    assert "Labels by outlet" in r.output and "Gulf Ledger" in r.output and "terrorist organization" in r.output
    r = runner.invoke(app, ["actor", "--format", "json", "Darraji", "--db", store.url])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["counts"]["quotes_by"] == 3
    r = runner.invoke(app, ["actor", "Jabouri", "--db", store.url])
    assert r.exit_code == 1 and "ambiguous" in r.output


def test_cli_merge_split(store: Store) -> None:
    app = build()
    r = runner.invoke(app, ["actor", "merge", "Al-Zawraa", "Al-Shorta", "--db", store.url])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["actors", "--db", store.url, "--search", "Shorta", "--format", "json"])
    assert [a["name"] for a in json.loads(r.output)] == ["Al-Zawraa"]
    c1 = next(a for a in store.iter_analyses() if a.article.source == "Sports Wire")
    r = runner.invoke(app, ["actor", "split", "Al-Zawraa", "--name", "Al-Shorta", "--db", store.url])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["actors", "--db", store.url, "--search", "Shorta", "--format", "json"])
    assert [a["name"] for a in json.loads(r.output)] == ["Al-Shorta"]
    r = runner.invoke(app, ["actor", "decisions", "--db", store.url])
    assert "merge" in r.output and "split" in r.output and c1.article.id in r.output


# -- GraphML -----------------------------------------------------------------------


def _expected_network() -> tuple[int, set[tuple[str, str, str]]]:
    """Nodes and edges computed from the fixture's gold annotation, independently of the resolver."""
    specs = load_fixture()
    golds = {e["gold"] for s in specs for e in s["entities"]}
    edges: set[tuple[str, str, str]] = set()
    for s in specs:
        a, gold_of = build_analysis(s)
        for e in s["entities"]:
            for p in e.get("part_of", []):
                edges.add((e["gold"], p, "member_of:part_of"))
            for r in e.get("roles", []):
                if r.get("org_ref"):
                    edges.add((e["gold"], r["org_ref"], "member_of:role"))
        for q in a.quotes:
            for m in a.mentions:
                if any(c.start <= m.start and m.end <= c.end for c in q.content) and m.entity != q.speaker_entity:
                    edges.add((gold_of[q.speaker_entity], gold_of[m.entity], "quotes_about:"))
        for ev in a.events:
            if ev.actor and ev.recipient:
                edges.add((gold_of[ev.actor.entity], gold_of[ev.recipient.entity], f"event:{ev.type}"))
    return len(golds), edges


def test_graphml_export_reads_back(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "actors.graphml"
    with out.open("wb") as fh:
        export(store, "graphml", fh)
    g = nx.read_graphml(out)
    n_nodes, edges = _expected_network()
    assert g.number_of_nodes() == n_nodes
    assert g.number_of_edges() == len(edges)
    kata = next(n for n, d in g.nodes(data=True) if d["name"] == "Kata'ib al-Fajr")
    assert g.nodes[kata]["code"] == "IRQREB"
    spk = next(n for n, d in g.nodes(data=True) if d["name"] == "Qassem al-Darraji")
    (d,) = [d for _, t, d in g.out_edges(spk, data=True) if t == kata]
    assert d["relation"] == "member_of" and d["count"] == 3 and len(d["article_ids"].split()) == 3
    gexf = tmp_path / "actors.gexf"
    with gexf.open("wb") as fh:
        export(store, "gexf", fh)
    assert nx.read_gexf(gexf).number_of_edges() == len(edges)


def test_graph_edges_have_no_duplicates(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "a.graphml"
    with out.open("wb") as fh:
        export(store, "graphml", fh)
    g = nx.read_graphml(out)
    keys = [(u, v, k) for u, v, k in g.edges(keys=True)]
    assert keys and len(keys) == len(set(keys))
    assert all(u != v for u, v, _ in keys)  # no self-loops


# -- end to end through the real pipeline ---------------------------------------------------


def _shared() -> Path:
    import os

    return Path(os.environ.get("NEWSGRAPH_SHARED") or Path(__file__).resolve().parents[2] / "shared")


@pytest.fixture(scope="module")
def pipeline_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    from newsgraph import analyze

    s = Store(str(tmp_path_factory.mktemp("e2e") / "e2e.db"))
    for spec in load_fixture():
        if spec["key"] in ("a1", "a2", "a3", "d1", "d2", "d3"):
            s.add(analyze(spec["text"], published=spec["published"], source=spec["source"], title=spec["title"]))
    yield s
    s.close()


def test_pipeline_same_group_three_spellings_three_outlets(pipeline_store: Store) -> None:
    p = api.actor_profile(pipeline_store, "Kata'ib al-Fajr")
    assert {m.name for m in p.members} >= {"Kata'ib al-Fajr", "Kataib al-Fajr", "Kata'eb Al Fajr"}
    assert set(p.outlets) >= {"Daily Meridian", "Gulf Ledger", "Resistance Voice"}
    us = api.actor_profile(pipeline_store, "United States")
    assert {"U.S.", "US", "America"} & set(us.aliases)
    assert us.code == "USA"


def test_pipeline_manual_merge_survives_reanalyze(tmp_path: Path) -> None:
    from newsgraph import analyze

    db = str(tmp_path / "r.db")
    s = Store(db)
    specs = {x["key"]: x for x in load_fixture(Path(__file__).parent / "fixtures" / "actors" / "heldout.jsonl")}
    for k in ("h1", "h3"):
        x = specs[k]
        s.add(analyze(x["text"], published=x["published"], source=x["source"]))
    a, b = api.find_actor(s, "Jaish al-Nasr"), api.find_actor(s, "Army of Victory")
    assert a.id != b.id  # a translation: resolution cannot know
    api.merge(s, a.id, b.id, note="translation")
    s.close()
    r = runner.invoke(build(), ["reanalyze", "--all", "--db", db])
    assert r.exit_code == 0, r.output
    assert "reanalysed: 2" in r.output
    with Store(db) as s2:
        assert api.find_actor(s2, "Army of Victory").id == api.find_actor(s2, "Jaish al-Nasr").id


@pytest.mark.skipif(not (_shared() / "examples" / "seed-article.txt").exists(),
                    reason="needs ../shared/examples/seed-article.txt")
def test_seed_story_labels_by_outlet_and_quotes_from_every_article(tmp_path: Path) -> None:
    from newsgraph.ingest import ingest
    from newsgraph.sources import ReadOptions

    s = Store(str(tmp_path / "seed.db"))
    seed = _shared() / "examples" / "seed-article.txt"
    ingest([str(seed)], s, options=ReadOptions(source="seed-outlet", published="2021-04-04"))
    outlets = Path(__file__).resolve().parents[1] / "examples" / "seed-story" / "outlets.jsonl"
    ingest([str(outlets)], s)
    assert s.count() == 3
    kh = api.actor_profile(s, "Kata'ib Hezbollah")
    assert kh.kind == "armed_group"
    by_outlet = {o.outlet for o in kh.labels_by_outlet}
    assert len(by_outlet) >= 2 and "seed-outlet" in by_outlet
    texts = {a.article.id: a.article.text for a in s.iter_analyses()}
    assert all(texts[lb.article_id][lb.start:lb.end] == lb.text for lb in kh.labels)
    hakim = api.actor_profile(s, "Ammar al-Hakim")
    assert {q.article_id for q in hakim.quotes_by} == set(texts)
    r = runner.invoke(build(), ["actor", "Kata'ib Hezbollah", "--db", s.url])
    assert r.exit_code == 0 and "Labels by outlet" in r.output and "Meridian Wire" in r.output
    s.close()


def test_designation_labels_keep_who_applies_them_across_outlets(tmp_path: Path) -> None:
    """One outlet reports Freedonia's designation, another uses its own words: the profile tells them apart."""
    from newsgraph.pipeline import analyze

    s = Store(str(tmp_path / "designations.db"))
    s.add(analyze("The Sylvanian Liberation Front, which Freedonia lists as a terrorist organisation, denied the report.",
                  source="Harbour Courier", published="2025-03-01"))
    s.add(analyze("The heroic Sylvanian Liberation Front held a rally in Ostrava on Sunday.",
                  source="Front Voice", published="2025-03-02"))
    p = api.actor_profile(s, "Sylvanian Liberation Front")
    per = {o.outlet: {c.text: c.by for c in o.labels} for o in p.labels_by_outlet}
    assert per["Harbour Courier"] == {"terrorist organisation": ["Freedonia"]}
    assert per["Front Voice"] == {"heroic": []}
    r = runner.invoke(build(), ["actor", "Sylvanian Liberation Front", "--db", s.url])
    assert r.exit_code == 0 and "designation, per Freedonia" in r.output
    s.close()


# -- incremental index (issue 12 item 2) ---------------------------------------------


def _partition(store: Store) -> set[frozenset[tuple[str, str]]]:
    from newsgraph.store import actor_index as db

    groups: dict[str, set[tuple[str, str]]] = {}
    with store.engine.connect() as conn:
        for (aid, eid), act in db.all_members(conn).items():
            groups.setdefault(act, set()).add((aid, eid))
    return {frozenset(g) for g in groups.values()}


def test_storing_an_article_indexes_it_without_a_rebuild(store: Store) -> None:
    """Every entity of every stored article has its actor the moment the article is stored,
    and a rebuild of the fixtures gives the same actors as the incremental path did."""
    with store.engine.connect() as conn:
        from newsgraph.store import actor_index as db

        n_members = len(db.all_members(conn))
    assert n_members == store.count("entities")
    incremental = _partition(store)
    api.resolve(store)
    assert _partition(store) == incremental


def test_a_new_article_joins_existing_actors_and_touches_no_other(store: Store) -> None:
    from newsgraph.store import actor_index as db

    with store.engine.connect() as conn:
        before = {r.id: (r.n_articles, r.data) for r in conn.execute(db.actors_table.select())}
    fajr = api.find_actor(store, "Kata'ib al-Fajr")
    s = _hand("Kataib al-Fajr claimed the attack.", "Wire Nine", [("Kata'ib al-Fajr", "ORG"), ("Zorblat Quenn", "PERSON")])
    store.add(s)
    with store.engine.connect() as conn:
        after = {r.id: (r.n_articles, r.data) for r in conn.execute(db.actors_table.select())}
    changed = {i for i in before if before[i] != after.get(i)}
    assert changed == {fajr.id}
    assert after[fajr.id][0] == before[fajr.id][0] + 1
    assert set(after) - set(before) == {"zorblat-quenn"}


def test_get_requests_never_write_to_the_store(store: Store) -> None:
    from fastapi.testclient import TestClient
    from sqlalchemy import event

    from newsgraph.api import create_app

    writes: list[str] = []

    def spy(conn, cursor, statement, *args) -> None:  # noqa: ANN001
        if statement.lstrip().split(" ", 1)[0].upper() in {"INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP"}:
            writes.append(statement)

    client = TestClient(create_app(store))
    event.listen(store.engine, "before_cursor_execute", spy)
    try:
        fajr = api.find_actor(store, "Kata'ib al-Fajr").id
        for url in ("/api/actors", f"/api/actors/{fajr}", "/api/network", "/actors", f"/actors/{fajr}", "/network"):
            assert client.get(url).status_code == 200, url
    finally:
        event.remove(store.engine, "before_cursor_execute", spy)
    assert writes == []


def test_removing_the_last_article_of_an_actor_removes_the_actor(store: Store) -> None:
    s = _hand("Only here: Vellum Ostrakov.", "Wire Ten", [("Vellum Ostrakov", "PERSON")])
    store.add(s)
    assert api.find_actor(store, "Vellum Ostrakov").id == "vellum-ostrakov"
    store.remove(s.article.id)
    with pytest.raises(api.ActorNotFound):
        api.find_actor(store, "Vellum Ostrakov")


def test_cli_json_and_api_share_one_profile_shape(store: Store) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.api import create_app

    fajr = api.find_actor(store, "Kata'ib al-Fajr").id
    r = runner.invoke(build(), ["actor", fajr, "--db", store.url, "--format", "json"])
    assert r.exit_code == 0
    body = TestClient(create_app(store)).get(f"/api/actors/{fajr}").json()
    assert body["profile"] == json.loads(r.output)
    assert set(body["profile"]) == set(api.ActorProfile.model_fields)


def test_one_edge_definition_from_tables_and_from_analyses(store: Store) -> None:
    """The page/API read edges from the record tables, the helpers from analyses: same edges."""
    from newsgraph.actors.network import actor_edges, store_edges
    from newsgraph.store import actor_index as db

    with store.engine.connect() as conn:
        actor_of = db.all_members(conn)
    assert store_edges(store) == actor_edges(store.iter_analyses(), actor_of)
    assert store_edges(store)


def test_aliases_shown_once_per_spelling_whatever_the_case():
    """The index keeps every form as a match key; a reader sees one per spelling: not a dateline's
    capitals, not a description capitalised only because it opened a sentence, not the name again."""
    from newsgraph.actors.profile import shown_aliases

    assert shown_aliases("Dock Workers Union", ["The union", "the union", "DWU"]) == ["the union", "DWU"]
    assert shown_aliases("Mara Quill", ["MARA QUILL", "QUILL", "Quill", "Ms. Quill"]) == ["Quill", "Ms. Quill"]
    assert shown_aliases("Port Aldren", []) == []


def test_a_region_read_as_a_namesake_country_in_a_few_articles_stays_the_region(tmp_path: Path) -> None:
    """Most articles read "Georgia" as the US state, one as the country: the actor is the region
    of the United States, not the country Georgia."""
    s = Store(str(tmp_path / "ga.db"))
    for i in range(3):
        s.add(Analysis(pipeline_version="test", model=MODEL, article=Article(text=f"Rally in Georgia ({i}).", source="Wire"),
                       entities=[Entity(id="E1", name="Georgia", type="GPE", kind="region", country="USA")]))
    s.add(Analysis(pipeline_version="test", model=MODEL, article=Article(text="Tbilisi talks in Georgia.", source="Wire"),
                   entities=[Entity(id="E1", name="Georgia", type="GPE", kind="country", country="GEO")]))
    ga = api.find_actor(s, "Georgia")
    assert ga is not None and ga.kind == "region" and ga.country == "USA"
    s.close()


def test_one_articles_expansion_of_an_acronym_does_not_rename_the_organisation(tmp_path: Path) -> None:
    """Twelve articles call the broadcaster "VBN"; an opinion piece spells it out as a taunt. The
    actor keeps the name the coverage uses; two articles with the long form rename it."""
    s = Store(str(tmp_path / "vbn.db"))

    def add(text: str, name: str, aliases: list[str]) -> None:
        s.add(Analysis(pipeline_version="test", model=MODEL, article=Article(text=text, source="Wire"),
                       entities=[Entity(id="E1", name=name, type="ORG", kind="organisation", aliases=aliases)]))

    for i in range(12):
        add(f"VBN aired the debate ({i}).", "VBN", [])
    add("The Velm Bluster Network (VBN) aired it again.", "Velm Bluster Network", ["VBN"])
    actor = api.find_actor(s, "VBN")
    assert actor is not None and actor.name == "VBN" and len(actor.members) == 13
    add("The Velm Bluster Network (VBN) repeated it.", "Velm Bluster Network", ["VBN"])
    assert api.find_actor(s, "VBN").name == "Velm Bluster Network"
    s.close()
