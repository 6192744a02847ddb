"""A name that is both a country and a state ("Georgia") is read by the places around it."""

from __future__ import annotations

from newsgraph.pipeline import analyze


def kinds(text: str) -> dict[str, tuple[str, str | None]]:
    return {e.name: (e.kind, e.country) for e in analyze(text).entities}


def test_a_state_among_the_states_of_its_country() -> None:
    k = kinds("The senator campaigned in Georgia and Florida on Monday before a rally in Atlanta.")
    assert k["Georgia"] == ("region", "USA")


def test_the_country_beside_its_capital_and_neighbours() -> None:
    k = kinds("Russian troops crossed into Georgia on Friday, officials in Tbilisi said.")
    assert k["Georgia"] == ("country", "GEO")


def test_no_evidence_keeps_the_country_reading() -> None:
    assert kinds("Georgia signed the trade pact on Tuesday.")["Georgia"] == ("country", "GEO")
