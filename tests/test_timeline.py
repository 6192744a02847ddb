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
