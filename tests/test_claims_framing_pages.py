"""Claims and framing pages (#15 item 3): ranked claims with claimant, quantities and hedges;
framing cues by technique and outlet with their explanation; filters; CSV/JSONL of the rows."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from newsgraph.app import create_app
from newsgraph.model import Span
from newsgraph.store import Store
from newsgraph.web.sample import sample_analysis

OUTLETS = ["Aldren Gazette", "Coastal Herald", "Velm Post"]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    s = Store(str(tmp_path_factory.mktemp("cf") / "cf.db"))
    for i in range(1, 5):
        base = sample_analysis()
        a = sample_analysis(
            base.article.text.replace("Shipping agents", f"Shipping agents ({i})"),
            source=OUTLETS[i % 3],
            published=f"2023-{i:02d}-15",
        )
        c = a.claims[0]
        upd = {"checkworthiness": round(0.5 + i / 10, 2)}
        if i == 2:
            t = a.article.text
            k = t.index("says")
            upd["hedge"] = Span(start=k, end=k + 4, text="says")
        a.claims[0] = c.model_copy(update=upd)
        s.add(a)
    return TestClient(create_app(s), raise_server_exceptions=False)


def test_claims_are_ranked_with_claimant_quantities_and_hedge(client: TestClient) -> None:
    rows = list(csv.DictReader(io.StringIO(client.get("/claims", params={"format": "csv"}).text)))
    assert [float(r["score"]) for r in rows] == [0.9, 0.8, 0.7, 0.6]
    assert {r["claimant"] for r in rows} == {"Aldren Dockers Union"}
    assert all(r["quantities"] == "more than 1,200 (members)" for r in rows)
    assert [r["hedge"] for r in rows].count("says") == 1
    html = client.get("/claims").text
    assert "Claims to check" in html and "more than 1,200 (members)" in html and 'class="flag hedge"' in html
    assert html.index("0.90") < html.index("0.60")


def test_claims_filters(client: TestClient) -> None:
    def n(**p) -> int:  # noqa: ANN003
        lines = client.get("/claims", params={**p, "format": "jsonl"}).text.splitlines()
        return len([json.loads(x) for x in lines])

    assert n() == 4
    assert n(outlet="Velm Post") == 1  # i = 2
    assert n(min_score=0.75) == 2
    assert n(date_from="2023-03") == 2
    assert n(q="members strike") == 4 and n(q="zebra") == 0
    api = client.get("/api/claims", params={"outlet": "Coastal"}).json()
    assert api["total"] == 2 and api["items"][0]["claimant_name"] == "Aldren Dockers Union"


def test_framing_by_technique_and_outlet_with_explanations(client: TestClient) -> None:
    html = client.get("/framing").text
    assert "Cues by technique and outlet" in html and "Name_Calling,Labeling" in html
    assert "A dismissive label for the strike." in html
    rows = list(csv.DictReader(io.StringIO(client.get("/framing", params={"format": "csv"}).text)))
    assert len(rows) == 4 and {r["target"] for r in rows} == {"Aldren Dockers Union"}
    assert all(r["explanation"] and r["cue"] == "a reckless stunt" for r in rows)
    only = client.get("/framing", params={"outlet": "Aldren Gazette", "format": "csv"}).text
    assert len(list(csv.DictReader(io.StringIO(only)))) == 1  # i = 3
    assert client.get("/api/frames", params={"outlet": "Coastal"}).json()["total"] == 2
    assert client.get("/framing", params={"technique": "Doubt", "format": "jsonl"}).text == ""
    assert client.get("/framing", params={"format": "xml"}).status_code == 422
