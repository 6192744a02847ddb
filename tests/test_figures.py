"""Timeline and network pages (#15 items 2 and 6): the news window by default with background
folded, filters, readable axes, a network of the top N actors by degree with edge-type filters,
and the figures as SVG/PNG, the tables as CSV/JSONL."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from newsgraph.app import create_app
from newsgraph.store import Store
from newsgraph.web import charts, split_background
from newsgraph.web.sample import sample_analysis

OUTLETS = ["Aldren Gazette", "Coastal Herald", "Velm Post"]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    s = Store(str(tmp_path_factory.mktemp("fig") / "fig.db"))
    for i in range(1, 5):
        base = sample_analysis()
        a = sample_analysis(
            base.article.text.replace("Shipping agents", f"Shipping agents ({i})"),
            source=OUTLETS[i % 3],
            published=f"2024-03-{10 + i:02d}",
        )
        if i == 4:  # a background date: the port was founded long before the news
            a.events[0] = a.events[0].model_copy(update={"date": "1851-06-01"})
        s.add(a)
    return TestClient(create_app(s), raise_server_exceptions=False)


def test_background_is_folded_and_the_axis_keeps_to_the_news(client: TestClient) -> None:
    html = client.get("/timeline").text
    assert "<details class=\"background\">" in html and "Background: 1 item" in html
    plot = html.split('<figure class="plot">', 1)[1].split("</figure>", 1)[0]
    assert "1851" not in plot and "2024-03" in plot
    everything = client.get("/timeline", params={"window": "all"}).text.split('<figure class="plot">', 1)[1]
    assert "1851" in everything.split("</figure>", 1)[0]


def test_timeline_filters_and_downloads(client: TestClient) -> None:
    rows = list(csv.DictReader(io.StringIO(client.get("/timeline", params={"format": "csv"}).text)))
    assert rows and sum(r["background"] == "True" for r in rows) == 1
    velm = list(csv.DictReader(io.StringIO(client.get("/timeline", params={"format": "csv", "outlet": "Velm Post"}).text)))
    assert velm and {r["outlet"] for r in velm} == {"Velm Post"}
    later = list(csv.DictReader(io.StringIO(
        client.get("/timeline", params={"format": "csv", "date_from": "2024-03-15"}).text)))
    assert later and all(r["date"] >= "2024-03-15" for r in later)
    svg = client.get("/timeline", params={"format": "svg"})
    assert svg.headers["content-type"].startswith("image/svg+xml")
    ET.fromstring(svg.content)  # a well-formed standalone file
    assert b"<style>" in svg.content


def test_year_ticks_never_crowd() -> None:
    items = [{"date": "1750-01-01", "type": "X", "kind": "event", "label": "a", "href": "/a", "article_id": "a"},
             {"date": "2030-01-01", "type": "X", "kind": "event", "label": "b", "href": "/b", "article_id": "b"}]
    svg = str(charts.timeline_svg(items))
    assert 3 <= svg.count('class="tick-label"') <= 9


def test_split_background_prefers_the_events_layer_mark() -> None:
    items = [{"date": "2024-03-01", "published": "2024-03-02"}, {"date": "1999", "published": "2024-03-02"},
             {"date": "2024-03-01", "published": "2024-03-02", "relation": "background"}, {"date": "2024-03-01"}]
    news, bg = split_background(items)
    assert news == [items[0], items[3]] and bg == [items[1], items[2]]


def test_network_filters_and_static_svg(client: TestClient) -> None:
    both = list(csv.DictReader(io.StringIO(client.get("/network", params={"format": "csv"}).text)))
    assert {r["kind"] for r in both} == {"acts_on", "quoted_about"}
    acts = list(csv.DictReader(io.StringIO(client.get("/network", params={"format": "csv", "edges": "acts_on"}).text)))
    assert acts and {r["kind"] for r in acts} == {"acts_on"}
    heaviest = max(int(r["weight"]) for r in both)
    heavy = list(csv.DictReader(io.StringIO(
        client.get("/network", params={"format": "csv", "min_weight": heaviest}).text)))
    assert heavy and all(int(r["weight"]) == heaviest for r in heavy) and len(heavy) < len(both)
    top2 = client.get("/api/network", params={"max_nodes": 2}).json()
    assert len(top2["nodes"]) == 2
    svg = client.get("/network", params={"format": "svg"}).content
    root = ET.fromstring(svg)
    assert len(root.findall(".//{http://www.w3.org/2000/svg}circle")) >= 2


def test_network_svg_is_readable_at_500_nodes() -> None:
    nodes = [{"id": f"a{i}", "name": f"Actor {i}", "degree": 500 - i, "href": f"/actors/a{i}"} for i in range(500)]
    links = [{"source": f"a{i}", "target": f"a{(i * 7) % 500}", "kind": "acts_on", "weight": 1} for i in range(1, 500)]
    svg = str(charts.network_svg({"nodes": nodes, "links": links}))
    assert svg.count("<circle") == 500 and svg.count('class="node-label"') == 40
    xy = set(re.findall(r'<circle class="node" cx="([\d.]+)" cy="([\d.]+)"', svg))
    assert len(xy) == 500  # no two nodes on the same spot


def test_png_when_cairosvg_is_installed(client: TestClient) -> None:
    if not charts.png_available():
        r = client.get("/timeline", params={"format": "png"})
        assert r.status_code == 501
        return
    for path in ("/timeline", "/network"):
        r = client.get(path, params={"format": "png"})
        assert r.status_code == 200 and r.content[:8] == b"\x89PNG\r\n\x1a\n"
