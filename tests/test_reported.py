"""Reported events: one happening from several outlets is one record with every report attached.

The articles are fictional, written for this test in three outlets' styles.
"""

from __future__ import annotations

import json

import pytest

from newsgraph.model import Article

ARTICLES = [
    ("Harbor Herald", "2031-05-14",
     "Freedonia's troops shelled Port Dunmore on Tuesday, killing four civilians, local officials said. "
     "The mayor called for calm."),
    ("Lakeport Ledger", "2031-05-14",
     "Freedonia's army shelled Port Dunmore on Tuesday. Four civilians died in the bombardment, "
     "according to the regional governor."),
    ("The Sylvanian Times", "2031-05-15",
     "On Tuesday Freedonia shelled Port Dunmore, a town near the border. Residents fled to the hills."),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from newsgraph.pipeline import analyze_article
    from newsgraph.store import Store

    with Store(str(tmp_path_factory.mktemp("rep") / "rep.db")) as st:
        for source, published, text in ARTICLES:
            st.add(analyze_article(Article(text=text, source=source, published=published)))
        yield st


def test_three_outlets_one_reported_event(store):
    from newsgraph.store.reported import reported_events

    shelling = [r for r in reported_events(store) if r.type == "ASSAULT" and len(r.reports) > 1]
    assert len(shelling) == 1, [(r.type, r.actor, r.recipient, r.date, len(r.reports)) for r in reported_events(store)]
    rep = shelling[0]
    assert len(rep.reports) == 3
    assert {r.source for r in rep.reports} == {"Harbor Herald", "Lakeport Ledger", "The Sylvanian Times"}
    assert rep.date == "2031-05-13" and "Dunmore" in (rep.recipient or "")
    assert all(r.sentence["text"] and r.status for r in rep.reports)


def test_different_days_or_targets_stay_apart():
    from newsgraph.model import Analysis, Event, ModelInfo, Participant, Span
    from newsgraph.store.reported import group_events

    def one(aid: str, target: str, day: str) -> tuple[Analysis, Event]:
        text = f"Freedonia shelled {target}."
        a = Analysis(pipeline_version="t", model=ModelInfo(name="m", version="0", package="none", spacy_version="3"),
                     article=Article(id=aid, text=text, published="2031-05-14"))
        ev = Event(id="V1", type="ASSAULT", trigger=Span(start=10, end=17, text="shelled"),
                   sentence=Span(start=0, end=len(text), text=text),
                   actor=Participant(start=0, end=9, text="Freedonia"),
                   recipient=Participant(start=18, end=18 + len(target), text=target), date=day)
        return a, ev

    groups = group_events([one("a", "Port Dunmore", "2031-05-13"), one("b", "Port Dunmore", "2031-05-11"),
                           one("c", "Lakeport", "2031-05-13"), one("d", "the Port Dunmore", "2031-05")])
    sizes = sorted(len(g.reports) for g in groups)
    assert sizes == [1, 1, 2]  # "2031-05" agrees with the 13th; another day or another target does not


def test_plover_export_one_record_per_reported_event(store, tmp_path):
    from newsgraph.export import export

    out = tmp_path / "plover.jsonl"
    with out.open("wb") as fh:
        n = export(store, "plover", fh)
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert n == len(recs)
    multi = [r for r in recs if len(r["sources"]) > 1]
    assert len(multi) == 1 and len(multi[0]["sources"]) == 3 and multi[0]["event"] == "ASSAULT"


def test_timeline_can_show_reported_events(store):
    from newsgraph.queries import timeline

    mentions = timeline(store, window="all")
    reports = timeline(store, window="all", group="reports")
    assert len(reports["items"]) == len(mentions["items"]) - 2
    assert any(len(i.get("reports", [])) == 3 for i in reports["items"])


def test_fallback_key_joins_a_country_and_its_demonym():
    from newsgraph.model import Analysis, ModelInfo, Participant
    from newsgraph.store.reported import name_key

    a = Analysis(pipeline_version="t", model=ModelInfo(name="m", version="0", package="none", spacy_version="3"),
                 article=Article(text="French and France"))
    assert name_key(a, Participant(start=0, end=6, text="French")) == name_key(
        a, Participant(start=11, end=17, text="France"))
    assert name_key(a, Participant(start=0, end=6, text="The Port Authority")) == "port authority"
