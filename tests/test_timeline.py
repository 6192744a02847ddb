"""Timeline over analyses: ordering, date-range overlap by precision, actor filter, evidence."""

from __future__ import annotations

from datetime import date

from newsgraph.model import Analysis, Article, Entity, Event, Location, ModelInfo, Participant
from newsgraph.model import Span as TextSpan
from newsgraph.timeline import date_range, format_rows, timeline

MODEL = ModelInfo(name="en_test", version="0", package="none", spacy_version="3.8")


def _analysis(text: str, events: list[Event], entities: list[Entity] = (), url: str | None = None) -> Analysis:
    return Analysis(pipeline_version="t", model=MODEL, article=Article(text=text, url=url),
                    events=events, entities=list(entities))


def _event(text: str, eid: str, trigger: str, date_value: str | None, actor: str | None = None,
           actor_entity: str | None = None, recipient: str | None = None, etype: str = "ASSAULT") -> Event:
    def span(word: str) -> dict:
        s = text.index(word)
        return {"start": s, "end": s + len(word), "text": word}

    return Event(
        id=eid, type=etype, trigger=TextSpan(**span(trigger)),
        sentence=TextSpan(start=0, end=len(text), text=text),
        actor=Participant(**span(actor), entity=actor_entity) if actor else None,
        recipient=Participant(**span(recipient)) if recipient else None,
        date=date_value, location=Location(**span("Harbor City")) if "Harbor City" in text else None,
    )


TEXT_A = "Rebels shelled Harbor City in May 2023 and the navy blockaded the port on 2023-06-02."
TEXT_B = "Freedonia and Sylvania met on 2023-05-20. Nothing else happened."

A = _analysis(TEXT_A, [
    _event(TEXT_A, "V1", "shelled", "2023-05", actor="Rebels", actor_entity="E1", recipient="Harbor City"),
    _event(TEXT_A, "V2", "blockaded", "2023-06-02", actor="navy", etype="COERCE"),
], entities=[Entity(id="E1", name="Northern Rebel Front", type="ORG", aliases=["Rebels", "NRF"])],
    url="https://example.invalid/a")
B = _analysis(TEXT_B, [
    _event(TEXT_B, "V1", "met", "2023-05-20", actor="Freedonia", recipient="Sylvania", etype="CONSULT"),
    _event(TEXT_B, "V2", "happened", None, etype="CONSULT"),
])


def test_date_range_by_precision():
    assert date_range("2023-05-20") == (date(2023, 5, 20), date(2023, 5, 20))
    assert date_range("2023-05") == (date(2023, 5, 1), date(2023, 5, 31))
    assert date_range("2021-W14") == (date(2021, 4, 5), date(2021, 4, 11))
    assert date_range("2020") == (date(2020, 1, 1), date(2020, 12, 31))
    assert date_range("PAST_REF") is None and date_range(None) is None
    assert date_range("2023-02-30") is None


def test_only_dated_events_in_date_order():
    rows = timeline([A, B])
    assert [(r.date, r.event_id) for r in rows] == [("2023-05", "V1"), ("2023-05-20", "V1"), ("2023-06-02", "V2")]
    assert rows[0].evidence == TEXT_A and rows[0].url == "https://example.invalid/a"
    assert rows[0].actor == "Northern Rebel Front"  # entity name, not just the mention text
    assert rows[0].location == "Harbor City"


def test_range_overlap_keeps_month_precision_event():
    rows = timeline([A, B], start="2023-05-15", end="2023-05-31")
    assert [r.date for r in rows] == ["2023-05", "2023-05-20"]
    assert timeline([A, B], start="2023-06-03") == []
    assert [r.date for r in timeline([A, B], end="2023-05-10")] == ["2023-05"]


def test_actor_filter_matches_actor_recipient_and_aliases():
    assert [r.date for r in timeline([A, B], actor="nrf")] == ["2023-05"]
    assert [r.type for r in timeline([A, B], actor="sylvania")] == ["CONSULT"]  # as recipient
    assert timeline([A, B], actor="Atlantis") == []


def test_format_rows_shows_evidence():
    out = format_rows(timeline([B]))
    assert "CONSULT" in out and "Freedonia -> Sylvania" in out and TEXT_B in out


# --- one query for CLI and API; news window; reported events across articles ------------------

import json  # noqa: E402

import pytest  # noqa: E402

from newsgraph.timeline import in_window, overlaps, relation  # noqa: E402


def test_relation_to_the_article():
    assert relation("2016-10-28", "2016-10-30") == "reported"
    assert relation("2016-11-08", "2016-10-30") == "reported"  # planned within the month: news
    assert relation("2016-W43", "2016-10-30") == "reported"
    assert relation("1998", "2016-10-30") == "background"
    assert relation("2016", "2016-10-30") == "background"  # a year says nothing about the news
    assert relation("2016-08-01", "2016-10-30") == "background"
    assert relation(None, "2016-10-30") is None and relation("2016-10-28", None) is None
    assert in_window("news", "reported") and not in_window("news", "background")
    assert in_window("background", "background") and in_window("background", None)
    assert in_window("all", None)


def test_overlap_is_the_one_range_semantics():
    assert overlaps("2020-06", "2020-06-15", None)  # the month overlaps a range starting mid-month
    assert not overlaps("2020-06", "2020-07-01", None)
    assert overlaps("2020-06-30", None, "2020-06-30") and not overlaps("2020-07-01", None, "2020-06-30")
    assert not overlaps(None, None, None)


def _store_article(store, aid: str, text: str, published: str, source: str, events: list[Event],
                   entities: list[Entity] = ()) -> None:
    store.add(Analysis(pipeline_version="t", model=MODEL,
                       article=Article(id=aid, text=text, published=published, source=source),
                       events=events, entities=list(entities)))


@pytest.fixture()
def tl_store(tmp_path):
    from newsgraph.store import Store

    with Store(str(tmp_path / "tl.db")) as store:
        text = "Rebels shelled Harbor City in June and the navy blockaded the port on 2020-06-20."
        _store_article(store, "a1", text, "2020-06-21", "Daily Fiction", [
            _event(text, "V1", "shelled", "2020-06", actor="Rebels", recipient="Harbor City"),
            _event(text, "V2", "blockaded", "2020-06-20", actor="navy", etype="COERCE"),
        ])
        old = "The navy blockaded the port on 1998-03-02, long before the war."
        _store_article(store, "a2", old, "2020-06-21", "Weekly Fiction", [
            _event(old, "V1", "blockaded", "1998-03-02", actor="navy", etype="COERCE"),
        ])
        yield store


def _cli(store, *args: str) -> list[dict]:
    from typer.testing import CliRunner

    from newsgraph.cli import build

    out = CliRunner().invoke(build(), ["timeline", "--db", store.url, "--json", *args])
    assert out.exit_code == 0, out.output
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def test_cli_and_api_timeline_agree_on_a_date_range(tl_store):
    from fastapi.testclient import TestClient

    from newsgraph.api import create_app

    api = TestClient(create_app(tl_store)).get(
        "/api/timeline", params={"date_from": "2020-06-15", "window": "all"}).json()
    cli = _cli(tl_store, "--from", "2020-06-15", "--window", "all")
    assert [(i["article_id"], i["id"], i["date"]) for i in api["items"]] == \
        [(i["article_id"], i["id"], i["date"]) for i in cli] == [("a1", "V1", "2020-06"), ("a1", "V2", "2020-06-20")]


def test_news_window_by_default_with_background_folded(tl_store):
    from newsgraph.queries import timeline as query

    news = query(tl_store)
    assert [i["date"] for i in news["items"]] == ["2020-06", "2020-06-20"]
    assert news["folded"] == {"background": 1}
    back = query(tl_store, window="background")
    assert [i["date"] for i in back["items"]] == ["1998-03-02"] and back["items"][0]["relation"] == "background"


@pytest.fixture()
def many_store(tmp_path):
    """Thirty articles, two dated events each, over three outlets and thirty months."""
    from newsgraph.store import Store

    with Store(str(tmp_path / "many.db")) as store:
        for i in range(30):
            y, m = 2018 + i // 12, i % 12 + 1
            text = "Rebels shelled the depot and the navy blockaded the port."
            _store_article(store, f"m{i:02d}", text, f"{y}-{m:02d}-15", ["Aldren", "Brenna", "Coast"][i % 3], [
                _event(text, "V1", "shelled", f"{y}-{m:02d}-14", actor="Rebels"),
                _event(text, "V2", "blockaded", f"{y}-{m:02d}-13", actor="navy", etype="COERCE"),
            ])
        yield store


@pytest.mark.parametrize("kw", [{}, {"outlet": "Brenna"}, {"date_to": "2019"}, {"type": "COERCE"}])
def test_latest_is_the_newest_slice_of_the_full_timeline(many_store, kw) -> None:
    from newsgraph.queries import timeline

    full = timeline(many_store, kind="all", window="all", limit=10**6, **kw)
    assert full["complete"] and full["total"] == len(full["items"]) > 7
    newest = timeline(many_store, kind="all", window="all", limit=7, latest=True, **kw)
    assert newest["items"] == full["items"][-7:] and not newest["complete"]
    if "outlet" in kw:
        assert {i["source"] for i in full["items"]} == {kw["outlet"]}
    everything = timeline(many_store, kind="all", window="all", limit=10**6, latest=True, **kw)
    assert everything["items"] == full["items"] and everything["complete"]


def test_timeline_page_shows_the_newest_and_says_so(many_store, monkeypatch) -> None:
    from fastapi.testclient import TestClient

    import newsgraph.web as web
    from newsgraph.app import create_app

    monkeypatch.setattr(web, "TIMELINE_PAGE_ITEMS", 5)
    client = TestClient(create_app(many_store))
    html = client.get("/timeline", params={"window": "all"}).text
    assert "The newest 5 dated items" in html and "2020-06-14" in html and "2018-01-14" not in html
    older = client.get("/timeline", params={"window": "all", "date_to": "2018-02"}).text
    assert "2018-01-14" in older and "The newest" not in older
    brenna = client.get("/timeline", params={"window": "all", "outlet": "Brenna"}).text
    assert "Aldren" not in brenna.split("<table", 1)[1]
