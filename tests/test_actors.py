"""The per-article actors extractor, on sentences written for these tests."""

from __future__ import annotations

import pytest

from newsgraph import nlp
from newsgraph.model import Article
from newsgraph.pipeline import analyze_doc


def actors(text: str):
    article = Article(text=text, published="2025-05-01")
    return analyze_doc(nlp.load()(text), article, extractors=["actors"])


def entity(analysis, name):
    found = [e for e in analysis.entities if e.name == name]
    assert found, f"no entity {name!r} in {[e.name for e in analysis.entities]}"
    return found[0]


def test_full_name_and_later_surname_are_one_person():
    a = actors("Opposition leader Samira Haddad arrived in Amman on Monday. "
               "Haddad told supporters that the vote had been stolen.")
    haddad = entity(a, "Samira Haddad")
    assert "Haddad" in haddad.aliases
    assert {a.mentions[0].entity} != set() and all(
        m.entity == haddad.id for m in a.mentions if m.text.endswith("Haddad"))
    assert any(r.role.lower() == "opposition leader" for r in haddad.roles)


def test_two_people_sharing_a_surname_keep_a_lone_surname_unresolved():
    a = actors("Karim Nasser, a lawyer, met his cousin Omar Nasser in Beirut. Nasser said the case was closed.")
    people = [e for e in a.entities if e.type == "PERSON"]
    assert {"Karim Nasser", "Omar Nasser"} <= {e.name for e in people}
    karim, omar = entity(a, "Karim Nasser"), entity(a, "Omar Nasser")
    assert "Nasser" not in karim.aliases and "Nasser" not in omar.aliases


def test_country_aliases_demonyms_and_capital_as_government():
    a = actors("Talks between Tehran and Washington stalled. The US envoy said American officials "
               "would return to the United States on Friday. Iranian diplomats declined to comment.")
    us = entity(a, "United States")
    assert us.country == "USA" and us.kind == "country"
    assert {"Washington", "US", "American"} <= set(us.aliases)
    iran = entity(a, "Iran")
    assert {"Tehran", "Iranian"} <= set(iran.aliases)


def test_capital_as_a_place_stays_a_city():
    a = actors("The minister spoke to reporters in Baghdad after the meeting.")
    baghdad = entity(a, "Baghdad")
    assert baghdad.kind == "city" and baghdad.country == "IRQ"


def test_armed_group_named_like_a_person_becomes_an_organisation():
    a = actors("Liwa al-Fajr, a little-known armed group, claimed the attack. "
               "Kata'ib al-Nasr's spokesman Hamid Zaidi denied any role.")
    liwa = entity(a, "Liwa al-Fajr")
    assert liwa.type == "ORG" and liwa.kind == "armed_group"
    assert any("armed group" in lab.text for lab in liwa.labels)
    zaidi = entity(a, "Hamid Zaidi")
    role = next(r for r in zaidi.roles if "spokesman" in r.role)
    assert role.org == "Kata'ib al-Nasr"


def test_roles_from_titles_and_appositions_with_their_organisation():
    a = actors("Finance Minister Lena Ortiz met Tomas Berg, a spokesman for the Northern Farmers Union, "
               "and Ruth Kim, the deputy head of the Coastal Authority.")
    assert any(r.role == "Finance Minister" for r in entity(a, "Lena Ortiz").roles)
    berg = entity(a, "Tomas Berg").roles[0]
    assert berg.role == "spokesman" and berg.org == "Northern Farmers Union"
    kim = entity(a, "Ruth Kim").roles[0]
    assert kim.role == "deputy head" and kim.org == "Coastal Authority"
    for e in a.entities:
        for r in e.roles:
            assert a.article.text[r.evidence.start:r.evidence.end] == r.evidence.text


def test_a_title_with_its_portfolio_is_a_role_not_an_organisation():
    """ "Secretary of State": the portfolio after "of" belongs to the title (no actor "State"),
    while an organisation after a lower-case title stays one."""
    a = actors("Secretary of State Mara Quillon said the talks would resume. The chairman of Brightmoor, "
               "Tavis Orl, declined to comment.")
    assert any(r.role == "Secretary of State" for r in entity(a, "Mara Quillon").roles)
    names = {e.name for e in a.entities}
    assert "State" not in names and "Brightmoor" in names


def test_a_company_named_again_by_its_first_word_is_the_company():
    """ "Quenbrook" after "Quenbrook Holdings PLC" and "Ostravel" after "Ostravel Imports Inc." are
    the companies whatever the tagger labels them; a town used as a place ("in Dorrow") stays one
    although a company is named after it."""
    a = actors("Quenbrook Holdings PLC agreed to buy Ostravel Imports Inc., a furniture importer, for $40 million. "
               "Ostravel is a Dorrow holding company. Quenbrook said the deal would close in March, and "
               "Quenbrook shares rose 5 cents. Dorrow Gear Co. also bid. The talks were held in Dorrow.")
    names = {e.name: e for e in a.entities}
    assert "Quenbrook" not in names and "Ostravel" not in names, sorted(names)
    assert len(names["Quenbrook Holdings PLC"].mentions) >= 3
    assert len(names["Ostravel Imports Inc."].mentions) >= 2
    assert "Dorrow" in names and "Dorrow Gear Co." in names  # the town is not the gear maker


def test_part_of_relation():
    a = actors("The Harbour Guard Brigade, which is part of the National Defence Forces, moved north.")
    brigade = entity(a, "Harbour Guard Brigade")
    forces = entity(a, "National Defence Forces")
    assert forces.id in brigade.part_of


def test_acronym_joins_its_expansion():
    a = actors("The Coastal Peoples Alliance won the vote. Leaders of the CPA celebrated in Mombasa.")
    alliance = entity(a, "Coastal Peoples Alliance")
    assert "CPA" in alliance.aliases


def test_description_refers_back_to_the_one_role_holder():
    a = actors("Senior judge Alma Reyes opened the inquiry on Tuesday. The senior judge said witnesses would be heard.")
    reyes = entity(a, "Alma Reyes")
    assert any(m.form == "description" and m.entity == reyes.id for m in a.mentions)


def test_mention_offsets_point_at_their_text():
    a = actors("Peter Odhiambo of the Dock Workers Union spoke in Nairobi; Odhiambo was cheered.")
    for m in a.mentions:
        assert a.article.text[m.start:m.end] == m.text
    assert all(m.entity for m in a.mentions)


# -- the seed article (../shared) ---------------------------------------------------------------

GOLD_TYPE = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE"}


def _find(analysis, name):
    from newsgraph.extract.entities import name_key

    key = name_key(name)
    return next((e for e in analysis.entities if name_key(e.name) == key
                 or key in {name_key(x) for x in e.aliases}), None)


def test_seed_article_has_every_gold_actor_with_its_type(seed_analysis, seed_gold):
    for actor in seed_gold["actors"]:
        ent = _find(seed_analysis, actor["name"])
        assert ent is not None, f"missing actor {actor['name']}"
        assert ent.type == GOLD_TYPE[actor["type"]], (actor["name"], ent.type)


def test_seed_article_merges(seed_analysis):
    hakim = _find(seed_analysis, "Ammar al-Hakim")
    assert "Hakim" in hakim.aliases
    us = _find(seed_analysis, "United States")
    assert {"Washington", "US"} <= set(us.aliases)
    iraq = _find(seed_analysis, "Iraq")
    baghdad_mentions = [m for m in seed_analysis.mentions if m.text == "Baghdad" and m.entity == iraq.id]
    # "talks between Baghdad and Washington": the capital stands for the government
    first = seed_analysis.article.text.index("between Baghdad") + len("between ")
    assert any(m.start == first for m in baghdad_mentions)


@pytest.mark.parametrize("name", ["Jawad al-Talibawi", "Jen Psaki", "Donald Trump", "Joe Biden", "Mustafa al-Kadhimi",
                                  "Jaafar al-Husseini", "Ammar al-Hakim", "Qassem Soleimani", "Abu Mahdi al-Muhandis"])
def test_seed_article_roles(seed_analysis, seed_gold, name):
    gold = next(a for a in seed_gold["actors"] if a["name"] == name)
    ent = _find(seed_analysis, name)
    got = " | ".join(f"{r.role} {r.org or ''}".lower() for r in ent.roles)
    for role in gold["roles"]:
        words = [w for w in role["role"].lower().replace("/", " ").split() if w not in {"commander"}]
        assert all(w in got for w in words), (name, role, got)
        if role.get("org") and name not in {"Joe Biden"}:  # the text never names Biden's country
            assert role["org"].lower() in got, (name, role, got)


def test_seed_article_part_of(seed_analysis):
    asaib = _find(seed_analysis, "Asa'ib Ahl al-Haq")
    pmu = _find(seed_analysis, "Popular Mobilization Units")
    assert pmu.id in asaib.part_of


def test_name_in_apposition_to_a_role_gets_that_role():
    a = actors("The brigades' commander, General Osman Taha, said his forces would respect any truce.")
    roles = {r.role for r in entity(a, "Osman Taha").roles}
    assert {"General", "commander"} <= roles


def test_unknown_place_with_a_person_role_is_a_person_and_acronym_is_an_org():
    a = actors("Layla Jabouri, a teacher, said the plan was wrong. The NRA opposed the bill.")
    assert entity(a, "Layla Jabouri").type == "PERSON"
    assert entity(a, "NRA").type == "ORG"


def test_apposition_label_keeps_its_of_phrase():
    a = actors("Kata'eb al-Fajr, a pillar of the southern resistance, said it would fight on.")
    group = entity(a, "Kata'eb al-Fajr")
    assert group.type == "ORG"
    assert any(lab.text == "a pillar of the southern resistance" for lab in group.labels)


def test_possessive_surname_the_tagger_missed_is_still_found():
    a = actors("State Treasurer Maria Delgado spoke first. Critics attacked Delgado's plan on Monday.")
    delgado = entity(a, "Maria Delgado")
    assert len(delgado.mentions) >= 2


@pytest.mark.parametrize(
    ("text", "label", "by"),
    [
        ("The Sylvanian Liberation Front, which Freedonia lists as a terrorist organisation, denied the report.",
         "terrorist organisation", "Freedonia"),
        ("The United States designated the Sylvanian Liberation Front a terrorist organisation in 2019.",
         "terrorist organisation", "United States"),
        ("The Sylvanian Liberation Front, designated a terrorist group by Freedonia, held a rally.",
         "terrorist group", "Freedonia"),
        ("Freedonia considers the Sylvanian Liberation Front a terrorist group.", "terrorist group", "Freedonia"),
        ("Officials in Ostrava have long described the Sylvanian Liberation Front as an armed gang.", "armed gang", None),
    ],
)
def test_designation_labels_record_who_applies_them(text, label, by):
    """Labels the article reports another actor applying carry that actor; the outlet's own do not."""
    a = actors(text)
    front = entity(a, "Sylvanian Liberation Front")
    found = [lab for lab in front.labels if lab.form == "designation"]
    assert [lab.text for lab in found] == [label], front.labels
    assert text[found[0].start : found[0].end] == label
    names = {e.id: e.name for e in a.entities}
    assert names.get(found[0].by) == by


def test_no_designation_without_a_labelled_actor():
    a = actors("Mayor Ann Kerr called the harbour office on Tuesday. The minister called the decision a disgrace.")
    assert not [lab for e in a.entities for lab in e.labels if lab.form == "designation"]


def test_predicate_label_in_a_relative_clause():
    a = actors("The Sylvanian Liberation Front, which is a Freedonian-backed militia, denied the report.")
    front = entity(a, "Sylvanian Liberation Front")
    assert [(lab.text, lab.form) for lab in front.labels] == [("a Freedonian-backed militia", "predicate")]


@pytest.mark.parametrize("text", [
    "Can you imagine if Mara Quillon were a woman? Voters in Dorrow asked it on Monday.",
    "Mara Quillon is not the solution, the mayor of Dorrow said on Monday.",
    "Residents of Dorrow do not think Mara Quillon is a liar.",
])
def test_a_denied_or_supposed_predicate_is_no_label(text):
    assert not [lab.text for lab in entity(actors(text), "Mara Quillon").labels]


def test_a_plain_predicate_is_a_label():
    a = actors("Mara Quillon is a veteran organiser, the mayor of Dorrow said on Monday.")
    assert [lab.text for lab in entity(a, "Mara Quillon").labels] == ["a veteran organiser"]


def test_an_attitude_prefix_is_not_part_of_a_name():
    a = actors("Senator Lena Vasko spoke in Dorrow on Monday. Critics of the pro-Vasko super PAC "
               "and the anti-Vasko campaign said the race was close. Vasko said she would win.")
    names = [e.name for e in a.entities]
    assert not any(n.lower().startswith(("pro-", "anti-", "-")) for n in names), names
    vasko = entity(a, "Lena Vasko")
    assert "Vasko" in vasko.aliases
    assert [m.entity for m in a.mentions if m.text == "Vasko"].count(vasko.id) >= 2  # the prefixed name too
