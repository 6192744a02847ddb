"""Cross-article actor resolution, pure (no database, no NLP): hand-built analyses."""

from __future__ import annotations

import json

import pytest

from newsgraph.actors.codes import country_code
from newsgraph.actors.network import actor_edges
from newsgraph.actors.resolve import (
    Decision,
    acronym_of,
    as_acronym,
    first_names_compatible,
    member_key,
    name_tokens,
    nodes_from_analysis,
    resolve,
    resolve_analyses,
    skeleton,
)
from newsgraph.eval.resolution import build_analysis, evaluate, load_fixture, load_pairs, make_pairs
from newsgraph.model import Analysis, Article, Entity, ModelInfo, Role, Span

MODEL = ModelInfo(name="hand", version="0", package="test", spacy_version="none")


def art(text: str, source: str, entities: list[Entity], published: str = "2024-01-01") -> Analysis:
    return Analysis(pipeline_version="test", model=MODEL,
                    article=Article(text=text, source=source, published=published), entities=entities)


def ent(i: int, name: str, type_: str = "PERSON", kind: str | None = None, roles: list[Role] | None = None,
        **kw: object) -> Entity:
    kind = kind or ("person" if type_ == "PERSON" else "organisation")
    return Entity(id=f"E{i}", name=name, type=type_, kind=kind, roles=roles or [], **kw)


def role(text: str, role_: str, org: str | None = None) -> Role:
    return Role(role=role_, org=org, evidence=Span(start=0, end=len(role_), text=role_))


def actor_of(actors, analysis: Analysis, name: str) -> str:
    eid = next(e.id for e in analysis.entities if e.name == name)
    return next(a.id for a in actors for m in a.members if m.article_id == analysis.article.id and m.entity_id == eid)


@pytest.fixture(scope="module")
def fixture_analyses() -> dict[str, Analysis]:
    return {spec["key"]: build_analysis(spec)[0] for spec in load_fixture()}


# -- normalization ------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kata'ib Hezbollah", "Kataib Hezbollah"),
        ("Kata’ib Hezbollah", "Kata'ib Hezbollah"),
        ("Qassem Soleimani", "Qasem Soleimani"),
        ("Mustafa al-Kādhimī", "Mustafa al-Kadhimi"),
        ("Abu Mahdi al-Muhandis", "Abu Mahdi Al Muhandis"),
        ("the United States", "United States"),
    ],
)
def test_transliteration_variants_share_normal_form(a: str, b: str) -> None:
    assert name_tokens(a) == name_tokens(b)


def test_distinct_names_do_not_share_normal_form() -> None:
    assert name_tokens("Kata'ib Hezbollah") != name_tokens("Hezbollah")
    assert name_tokens("Ammar al-Hakim") != name_tokens("Mohammed al-Hakim")


def test_skeleton_absorbs_vowel_spellings_only() -> None:
    assert skeleton(name_tokens("Hizbollah")) == skeleton(name_tokens("Hezbollah"))
    assert skeleton(name_tokens("Soleimani")) == skeleton(name_tokens("Suleimani"))
    assert skeleton(name_tokens("Hakim")) != skeleton(name_tokens("Hashim"))


def test_person_titles_are_stripped() -> None:
    assert name_tokens("Lt. Gen. Qassem Soleimani", person=True) == name_tokens("Qassem Soleimani")
    assert name_tokens("President Joe Biden Jr.", person=True) == ("joe", "biden")


@pytest.mark.parametrize("name", ["U.S.", "US", "United States", "the United States", "America", "USA"])
def test_country_aliases_map_to_iso3(name: str) -> None:
    assert country_code(name) == "USA"


def test_non_countries_have_no_code() -> None:
    assert country_code("Baghdad") is None
    assert country_code("Kata'ib Hezbollah") is None


def test_acronyms() -> None:
    assert acronym_of("Popular Mobilization Units") == "pmu"
    assert acronym_of("Islamic Revolutionary Guard Corps") == "irgc"
    assert as_acronym("U.N.") == "un"
    assert as_acronym("PMU") == "pmu"
    assert as_acronym("Hakim") is None


def test_first_name_compatibility() -> None:
    assert first_names_compatible("joe", "joseph")
    assert first_names_compatible("j", "joseph")
    assert first_names_compatible("mohamed", "muhamad")
    assert not first_names_compatible("amar", "layla")
    assert not first_names_compatible("ali", "ala")


# -- resolution on the fixtures (three outlets, shared surnames) -----------------------


def test_same_actor_across_three_outlets_is_one(fixture_analyses: dict[str, Analysis]) -> None:
    actors, _ = resolve_analyses(fixture_analyses.values())
    a1, a2, a3 = (fixture_analyses[k] for k in ("a1", "a2", "a3"))
    ids = {actor_of(actors, a1, "Kata'ib al-Fajr"), actor_of(actors, a2, "Kataib al-Fajr"),
           actor_of(actors, a3, "Kata'eb Al Fajr")}
    assert len(ids) == 1
    actor = next(a for a in actors if a.id in ids)
    assert {fixture_analyses[k].article.source for k in ("a1", "a2", "a3")} <= {
        next(x.article.source for x in fixture_analyses.values() if x.article.id == m.article_id)
        for m in actor.members
    }
    # variants carry evidence and less than full confidence
    variant = next(m for m in actor.members if m.name == "Kata'eb Al Fajr")
    assert "skeleton" in variant.evidence and variant.confidence < 0.9
    assert actor.code == "IRQREB" and actor.kind == "armed_group"
    # the spokesman: full name, spelling variant, bare surname with his role
    spk = {actor_of(actors, a1, "Qassem al-Darraji"), actor_of(actors, a2, "Qasem Darraji"),
           actor_of(actors, a3, "Darraji")}
    assert len(spk) == 1


def test_people_sharing_a_surname_stay_apart(fixture_analyses: dict[str, Analysis]) -> None:
    actors, notes = resolve_analyses(fixture_analyses.values())
    f = fixture_analyses
    ammar = actor_of(actors, f["a1"], "Ammar Jabouri")
    layla = actor_of(actors, f["b1"], "Layla Jabouri")
    assert ammar != layla
    # bare "Jabouri" goes to the one whose context it shares
    assert actor_of(actors, f["b2"], "Jabouri") == layla
    assert actor_of(actors, f["b3"], "Sheikh Jabouri") == ammar
    assert actor_of(actors, f["d1"], "Joseph Marlow") != actor_of(actors, f["e1"], "Anna Marlow")
    assert actor_of(actors, f["d3"], "Marlow") == actor_of(actors, f["d1"], "Joseph Marlow")
    assert actor_of(actors, f["c2"], "Rahal") == actor_of(actors, f["c1"], "Samir Rahal")
    assert actor_of(actors, f["a3"], "Dalia Rahal") != actor_of(actors, f["c1"], "Samir Rahal")
    assert any("first names differ" in n for n in notes)


def test_bare_surname_without_context_stays_separate() -> None:
    x = art("Cleric Ali Karimi spoke.", "A", [ent(1, "Ali Karimi", roles=[role("", "cleric")])])
    y = art("Striker Reza Karimi scored.", "B", [ent(1, "Reza Karimi", roles=[role("", "striker")])])
    z = art("Karimi declined to comment.", "C", [ent(1, "Karimi")])
    actors, notes = resolve_analyses([x, y, z])
    assert len({actor_of(actors, a, n) for a, n in ((x, "Ali Karimi"), (y, "Reza Karimi"), (z, "Karimi"))}) == 3
    assert any("Karimi" in n and "kept apart" in n for n in notes)


def test_bare_surname_with_single_candidate_but_no_context_stays_separate() -> None:
    x = art("Cleric Ammar Hakimi spoke in Najaf.", "A", [ent(1, "Ammar Hakimi", roles=[role("", "cleric")])])
    z = art("Coach Hakimi praised the team.", "B", [ent(1, "Hakimi", roles=[role("", "coach")])])
    actors, _ = resolve_analyses([x, z])
    assert actor_of(actors, x, "Ammar Hakimi") != actor_of(actors, z, "Hakimi")


def test_acronym_joins_its_unique_expansion_only() -> None:
    x = art("x", "A", [ent(1, "Popular Defence Forces", "ORG", "armed_group")])
    y = art("y", "B", [ent(1, "PDF", "ORG")])
    actors, _ = resolve_analyses([x, y])
    assert actor_of(actors, x, "Popular Defence Forces") == actor_of(actors, y, "PDF")
    w = art("w", "C", [ent(1, "People's Democratic Front", "ORG", "party")])
    actors, notes = resolve_analyses([x, y, w])
    assert actor_of(actors, y, "PDF") not in {actor_of(actors, x, "Popular Defence Forces"),
                                               actor_of(actors, w, "People's Democratic Front")}
    assert any("acronym" in n for n in notes)


def test_country_forms_merge_but_cities_and_people_do_not() -> None:
    x = art("x", "A", [ent(1, "U.S.", "GPE", "country", country="USA")])
    y = art("y", "B", [ent(1, "United States", "GPE", "country", country="USA"),
                       ent(2, "Washington", "GPE", "city", country="USA")])
    z = art("z", "C", [ent(1, "America", "GPE"), ent(2, "Jordan", "PERSON")])
    j = art("j", "D", [ent(1, "Jordan", "GPE", "country", country="JOR")])
    actors, _ = resolve_analyses([x, y, z, j])
    us = actor_of(actors, x, "U.S.")
    assert actor_of(actors, y, "United States") == us == actor_of(actors, z, "America")
    assert actor_of(actors, y, "Washington") != us
    assert actor_of(actors, z, "Jordan") != actor_of(actors, j, "Jordan")
    assert next(a for a in actors if a.id == us).code == "USA"


def test_a_group_under_its_number_and_adjective_forms_is_one_actor() -> None:
    x = art("x", "A", [ent(1, "Velmorans", "NORP", "group"), ent(2, "Federalist", "NORP", "group"),
                       ent(3, "Federalists", "NORP", "group")])
    y = art("y", "B", [ent(1, "Velmoran", "NORP", "group"), ent(2, "Socratic", "NORP", "group")])
    z = art("z", "C", [ent(1, "Socrats", "NORP", "group"), ent(2, "Federal", "NORP", "group"),
                       ent(3, "Lena Federalist")])
    actors, _ = resolve_analyses([x, y, z])
    fed = actor_of(actors, x, "Federalist")
    assert actor_of(actors, x, "Federalists") == fed  # one article: both forms name the same group
    assert actor_of(actors, y, "Velmoran") == actor_of(actors, x, "Velmorans") != fed
    assert actor_of(actors, y, "Socratic") == actor_of(actors, z, "Socrats")  # -ic adjective meets the noun
    assert actor_of(actors, z, "Federal") != fed  # "Federal" is not "Federalist"
    assert actor_of(actors, z, "Lena Federalist") != fed  # a person never joins a group


def test_same_article_entities_are_not_merged() -> None:
    x = art("x", "A", [ent(1, "Ali Hassan"), ent(2, "Ali Hasan")])
    y = art("y", "B", [ent(1, "Ali Hassan")])
    actors, _ = resolve_analyses([x, y])
    assert actor_of(actors, x, "Ali Hassan") != actor_of(actors, x, "Ali Hasan")


def test_typing_from_roles() -> None:
    x = art("x", "A", [ent(1, "Joseph Marlow", roles=[role("", "Senator")], country="USA"),
                       ent(2, "Jaafar Husseini", roles=[role("", "military spokesman")], country="IRQ"),
                       ent(3, "United Nations", "ORG", "international_organisation")])
    actors, _ = resolve_analyses([x])
    codes = {a.name: a.code for a in actors}
    assert codes == {"Joseph Marlow": "USALEG", "Jaafar Husseini": "IRQMIL", "United Nations": "IGO"}


# -- manual decisions --------------------------------------------------------------


def test_decisions_replay_by_member_key(fixture_analyses: dict[str, Analysis]) -> None:
    nodes = [n for a in fixture_analyses.values() for n in nodes_from_analysis(a)]
    f = fixture_analyses
    auto, _ = resolve(nodes)
    assert actor_of(auto, f["c1"], "Al-Shorta") != actor_of(auto, f["c1"], "Al-Zawraa")
    merge = Decision(op="merge", a=[member_key(f["c1"].article.id, "Al-Zawraa")],
                     b=[member_key(f["c1"].article.id, "Al-Shorta")])
    split = Decision(op="split", a=[member_key(f["a3"].article.id, "Kata'eb Al Fajr")])
    actors, _ = resolve(nodes, [merge, split])
    assert actor_of(actors, f["c1"], "Al-Shorta") == actor_of(actors, f["c2"], "Al-Zawraa")
    assert actor_of(actors, f["a3"], "Kata'eb Al Fajr") != actor_of(actors, f["a1"], "Kata'ib al-Fajr")
    merged = next(a for a in actors if a.id == actor_of(actors, f["c1"], "Al-Shorta"))
    assert any(m.evidence.startswith("manual merge") and m.confidence == 1.0 for m in merged.members)


# -- network edges -----------------------------------------------------------------


def test_actor_edges_aggregate_over_articles(fixture_analyses: dict[str, Analysis]) -> None:
    actors, _ = resolve_analyses(fixture_analyses.values())
    amap = {(m.article_id, m.entity_id): a.id for a in actors for m in a.members}
    edges = actor_edges(fixture_analyses.values(), amap)
    f = fixture_analyses
    spk, grp = actor_of(actors, f["a1"], "Qassem al-Darraji"), actor_of(actors, f["a1"], "Kata'ib al-Fajr")
    e = next(e for e in edges if (e.source, e.target, e.relation) == (spk, grp, "member_of"))
    assert e.count == 3 and len(e.articles) == 3  # "spokesman for" it in all three outlets
    accuse = [e for e in edges if e.relation == "event" and e.type == "ACCUSE"]
    assert len(accuse) == 1 and accuse[0].count == 2  # two articles, one tribal leader, one militia


# -- measurement ----------------------------------------------------------------


def test_pairs_file_matches_gold_keys() -> None:
    """pairs.jsonl is the labelled set; it must agree with the annotations it was drawn from."""
    assert load_pairs() == make_pairs(load_fixture())


def test_resolution_quality_floor_on_fixture_pairs() -> None:
    r = evaluate("gold")
    assert r["positive_pairs"] >= 30
    assert r["precision"] >= 0.9 and r["recall"] >= 0.85, json.dumps(r["errors"])


def test_eval_counts_errors(tmp_path) -> None:
    """Flip one positive label: the metric must register it as a false positive."""
    pairs = load_pairs()
    i = next(k for k, p in enumerate(pairs) if p["same"])
    pairs[i] = {**pairs[i], "same": False}
    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in pairs))
    base, flipped = evaluate("gold"), evaluate("gold", pairs=path)
    assert flipped["fp"] == base["fp"] + 1 and flipped["precision"] < base["precision"] or base["tp"] == 0


def test_shared_acronym_alias_does_not_merge_different_organisations() -> None:
    x = art("x", "A", [ent(1, "National Reform Alliance", "ORG", "party", aliases=["NRA"], country="IRQ")])
    y = art("y", "B", [ent(1, "National Rifle Association", "ORG", aliases=["NRA"], country="USA")])
    z = art("z", "C", [ent(1, "NRA", "ORG")])
    actors, notes = resolve_analyses([x, y, z])
    assert actor_of(actors, x, "National Reform Alliance") != actor_of(actors, y, "National Rifle Association")
    assert actor_of(actors, z, "NRA") not in {actor_of(actors, x, "National Reform Alliance"),
                                               actor_of(actors, y, "National Rifle Association")}


def test_heldout_pairs_floor() -> None:
    """A second fixture set written after the rules (see docs/ACTORS.md): translations and
    acronyms of Arabic names are known misses, so the recall floor is low; merges must stay right."""
    from newsgraph.eval.resolution import FIXTURES

    r = evaluate("gold", FIXTURES / "heldout.jsonl", FIXTURES / "heldout_pairs.jsonl")
    assert r["precision"] >= 0.85 and r["recall"] >= 0.5, json.dumps(r["errors"])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_resolution_does_not_depend_on_article_order(fixture_analyses: dict[str, Analysis], seed: int) -> None:
    import random

    def partition(analyses: list[Analysis]) -> set[frozenset[tuple[str, str]]]:
        actors, _ = resolve_analyses(analyses)
        return {frozenset((m.article_id, m.entity_id) for m in a.members) for a in actors}

    base = list(fixture_analyses.values())
    shuffled = base[:]
    random.Random(seed).shuffle(shuffled)
    assert partition(shuffled) == partition(base)


# -- issue 12: people who share a surname, chambers, epithets, places ----------------------


def _one(actors, analysis: Analysis, name: str) -> str:
    return actor_of(actors, analysis, name)


def test_generations_and_first_names_keep_relatives_apart() -> None:
    a1 = art("Story from Outlet A.", "Outlet A", [ent(1, "Donald Trump"), ent(2, "Hillary Clinton")])
    a2 = art("Story from Outlet B.", "Outlet B", [ent(1, "Donald Trump Jr."), ent(2, "Bill Clinton")])
    a3 = art("Story from Outlet C.", "Outlet C", [ent(1, "Theresa May", country="GBR"), ent(2, "Donald Trump")])
    a4 = art("Story from Outlet D.", "Outlet D", [ent(1, "Elizabeth May", country="CAN")])
    actors, _ = resolve_analyses([a1, a2, a3, a4])
    assert _one(actors, a1, "Donald Trump") == _one(actors, a3, "Donald Trump")
    assert _one(actors, a1, "Donald Trump") != _one(actors, a2, "Donald Trump Jr.")
    assert _one(actors, a1, "Hillary Clinton") != _one(actors, a2, "Bill Clinton")
    assert _one(actors, a3, "Theresa May") != _one(actors, a4, "Elizabeth May")


def test_bare_surname_in_the_same_article_joins_the_one_full_name() -> None:
    """Within-article clustering that left "Trump" (even tagged ORG) apart from "Donald Trump"
    does not split the actor; with two Clintons in the article a bare "Clinton" stays alone."""
    a1 = art("Story from A.", "A", [ent(1, "Donald Trump"), ent(2, "Trump", "ORG"), ent(3, "Mr. Trump"), ent(4, "Trump’s")])
    a2 = art("Story from B.", "B", [ent(1, "Bill Clinton"), ent(2, "Hillary Clinton"), ent(3, "Clinton")])
    actors, _ = resolve_analyses([a1, a2])
    trump = _one(actors, a1, "Donald Trump")
    assert {_one(actors, a1, n) for n in ("Trump", "Mr. Trump", "Trump’s")} == {trump}
    assert _one(actors, a2, "Clinton") not in {_one(actors, a2, "Bill Clinton"), _one(actors, a2, "Hillary Clinton")}


def test_epithets_never_name_an_actor() -> None:
    a1 = art("Story from A.", "A", [ent(1, "Hillary Clinton"), ent(2, "Crooked Hillary")])
    a2 = art("Story from B.", "B", [ent(1, "Crooked Hillary Clinton"), ent(2, "Donald Trump")])
    actors, _ = resolve_analyses([a1, a2])
    assert not [a.name for a in actors if a.name.lower().startswith("crooked")]
    assert _one(actors, a1, "Crooked Hillary") == _one(actors, a1, "Hillary Clinton") == \
        _one(actors, a2, "Crooked Hillary Clinton")


def test_chambers_are_kept_per_country() -> None:
    us = art("Story from A.", "A", [ent(1, "Senate", "ORG"), ent(2, "United States", "GPE", "country", country="USA")])
    us2 = art("Story from B.", "B", [ent(1, "the Senate", "ORG"), ent(2, "Washington", "GPE", "city", country="USA")])
    ca = art("Story from C.", "C", [ent(1, "Senate", "ORG"), ent(2, "Canada", "GPE", "country", country="CAN")])
    nowhere = art("Story from D.", "D", [ent(1, "Senate", "ORG")])
    actors, _ = resolve_analyses([us, us2, ca, nowhere])
    assert _one(actors, us, "Senate") == _one(actors, us2, "the Senate")
    assert _one(actors, us, "Senate") != _one(actors, ca, "Senate")
    assert _one(actors, nowhere, "Senate") not in {_one(actors, us, "Senate"), _one(actors, ca, "Senate")}


def test_provinces_are_regions_and_cities_stay_cities() -> None:
    a1 = art("Story from A.", "A", [ent(1, "Ontario", "GPE", "city", country="USA")])
    a2 = art("Story from B.", "B", [ent(1, "Beijing", "GPE", "city", country="CHN")])
    a3 = art("Story from C.", "C", [ent(1, "Beijing", "GPE", "government", country="CHN")])
    actors, _ = resolve_analyses([a1, a2, a3])
    ontario = next(a for a in actors if a.name == "Ontario")
    assert (ontario.kind, ontario.country) == ("region", "CAN")
    assert _one(actors, a2, "Beijing") != _one(actors, a3, "Beijing")


def test_old_import_path_still_works() -> None:
    from newsgraph import graph

    assert graph.resolve is resolve and graph.actor_edges is actor_edges


def test_one_name_key_for_the_whole_code_base() -> None:
    from newsgraph import gazetteer
    from newsgraph.queries.actor_lookup import normalize_name
    from newsgraph.textnorm import name_key

    for text in ("The U.S.", "the U.S.", "U.S."):
        assert name_key(text) == gazetteer.fold(text) == normalize_name(text) == "us"
    assert country_code("The U.S.") == "USA" and gazetteer.region("Ontario") == "CAN"


def test_labels_that_say_nothing_about_the_actor_are_left_out() -> None:
    from newsgraph.extract.actor_lexicon import meaningful_label as is_meaningful_label

    for junk in ("many", "other", "senior", "46 percent", "AFP", "the first", "prominent", "congressional",
                 "registered"):
        assert not is_meaningful_label(junk), junk
    for label in ("heroic", "terrorist organisation", "longtime ally", "so-called liberation army"):
        assert is_meaningful_label(label), label


def test_epithets_are_not_aliases() -> None:
    a1 = art("Story one.", "A", [ent(1, "Hillary Clinton"), ent(2, "Crooked Hillary")])
    actors, _ = resolve_analyses([a1])
    hillary = next(a for a in actors if a.name == "Hillary Clinton")
    assert not [x for x in hillary.aliases if x.lower().startswith("crooked")]


def test_a_shouted_headline_form_is_no_alias_but_an_acronym_is() -> None:
    a1 = art("Story one.", "A", [ent(1, "Veldish", "NORP", "group", aliases=["VELDISH"])])
    a2 = art("Story two.", "B", [ent(1, "Port Authority of Brenna", "ORG", aliases=["PABR"])])
    actors, _ = resolve_analyses([a1, a2])
    veld = next(a for a in actors if a.name == "Veldish")
    port = next(a for a in actors if a.name == "Port Authority of Brenna")
    assert "VELDISH" not in veld.aliases
    assert "PABR" in port.aliases


def test_bare_surname_never_goes_to_a_relative_the_article_does_not_name() -> None:
    """An article naming Bill and Hillary Clinton: its bare "Clinton" is one of them, never
    Chelsea Clinton from another article."""
    a1 = art("Story one.", "A", [ent(1, "Chelsea Clinton"), ent(2, "Democrats", "NORP", "group")])
    a2 = art("Story two.", "B", [ent(1, "Bill Clinton"), ent(2, "Hillary Clinton"), ent(3, "Clinton"),
                                 ent(4, "Democrats", "NORP", "group")])
    actors, _ = resolve_analyses([a1, a2])
    assert _one(actors, a2, "Clinton") != _one(actors, a1, "Chelsea Clinton")


def test_a_given_name_is_not_a_spelling_of_a_surname() -> None:
    a1 = art("Story one.", "A", [ent(1, "Matt Lauer"), ent(2, "NBC", "ORG")])
    a2 = art("Story two.", "B", [ent(1, "Larry"), ent(2, "NBC", "ORG")])
    actors, _ = resolve_analyses([a1, a2])
    assert _one(actors, a2, "Larry") != _one(actors, a1, "Matt Lauer")
