"""Who said what (#15 item 1): the /said page, GET /api/said and ``newsgraph said`` share one
query and one row shape; filters, sort and the CSV/JSONL downloads of exactly the shown rows."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsgraph.app import create_app
from newsgraph.cli import build
from newsgraph.store import STORE_SCHEMA_VERSION, Store
from newsgraph.web.sample import sample_analysis

OUTLETS = ["Aldren Gazette", "Coastal Herald", "Velm Post"]


def _variant(i: int, *, negate_q2: bool = False):  # noqa: ANN202
    base = sample_analysis()
    a = sample_analysis(
        base.article.text.replace("Shipping agents", f"Shipping agents ({i})"),
        source=OUTLETS[i % 3],
        published=f"2023-{i:02d}-15",
    )
    if negate_q2:
        a.quotes[1] = a.quotes[1].model_copy(update={"negated": True})
    for q in a.quotes:  # the quote's own date, as the extractor would give it
        q.date = a.article.published
    return a


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    s = Store(str(tmp_path_factory.mktemp("said") / "said.db"))
    for i in range(1, 7):
        s.add(_variant(i, negate_q2=i == 4))
    return s


@pytest.fixture(scope="module")
def client(store: Store) -> TestClient:
    return TestClient(create_app(store), raise_server_exceptions=False)


def test_api_rows_have_speaker_role_outlet_date_cue_and_a_link(client: TestClient) -> None:
    body = client.get("/api/said", params={"limit": 200}).json()
    assert body["total"] == 18 and len(body["items"]) == 18
    row = next(r for r in body["items"] if r["quote_id"] == "Q1")
    assert row["speaker"] == "Mara Quill" and row["role"] == "spokeswoman" and row["org"] == "Aldren Dockers Union"
    assert row["cue"] == "said" and row["kind"] == "direct" and row["outlet"] in OUTLETS
    assert row["quote"].startswith("We have waited eleven months") and row["date"].startswith("2023-")
    assert row["href"] == f"/articles/{row['article_id']}#quote-Q1"
    text = client.get(f"/api/articles/{row['article_id']}").json()["article"]["text"]
    assert text[row["start"] : row["end"]] == row["quote"]  # the link points at the quote's characters
    assert row["speaker_actor"]  # a cross-article actor id


def test_filters_narrow_the_rows(client: TestClient) -> None:
    def get(**p):  # noqa: ANN003, ANN202
        return client.get("/api/said", params={"limit": 200, **p}).json()

    assert {r["speaker"] for r in get(speaker="brenn")["items"]} == {"Tomas Brenn"}
    assert get(speaker="brenn")["total"] == 6
    assert {r["outlet"] for r in get(outlet="Velm Post")["items"]} == {"Velm Post"}
    assert get(outlet="Velm Post")["total"] == 6  # i = 2 and 5, 3 quotes each
    got = get(date_from="2023-02", date_to="2023-03-31")
    assert got["total"] == 6 and {r["date"][:7] for r in got["items"]} == {"2023-02", "2023-03"}
    assert {r["kind"] for r in get(kind="mixed")["items"]} == {"mixed"} and get(kind="mixed")["total"] == 6
    neg = get(negated="true")
    assert neg["total"] == 1 and neg["items"][0]["negated"] is True and neg["items"][0]["speaker"] == "Tomas Brenn"
    assert get(negated="false")["total"] == 17
    assert get(q="goalposts eleven")["total"] == 6 and get(q="goalposts zebra")["total"] == 0
    both = get(speaker="quill", outlet="Coastal", date_from="2023-04")
    assert [(r["speaker"], r["outlet"], r["date"]) for r in both["items"]] == [("Mara Quill", "Coastal Herald", "2023-04-15")]
    actor = get(speaker="quill")["items"][0]["speaker_actor"]
    assert {r["speaker"] for r in get(actor=actor)["items"]} == {"Mara Quill"}


def test_sort_orders(client: TestClient) -> None:
    def dates(sort: str) -> list[str]:
        return [r["date"] for r in client.get("/api/said", params={"limit": 200, "sort": sort}).json()["items"]]

    assert dates("newest") == sorted(dates("newest"), reverse=True)
    assert dates("oldest") == sorted(dates("oldest"))
    spk = [r["speaker"] for r in client.get("/api/said", params={"limit": 200, "sort": "speaker"}).json()["items"]]
    assert spk == sorted(spk)
    out = [r["outlet"] for r in client.get("/api/said", params={"limit": 200, "sort": "outlet"}).json()["items"]]
    assert out == sorted(out)
    assert client.get("/api/said", params={"sort": "random"}).status_code == 422


def test_csv_and_jsonl_are_exactly_the_rows_shown(client: TestClient) -> None:
    params = {"outlet": "Aldren", "sort": "speaker", "limit": 4, "offset": 1}
    shown = client.get("/api/said", params=params).json()["items"]
    r = client.get("/api/said", params={**params, "format": "csv"})
    assert r.headers["content-type"].startswith("text/csv") and "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [(x["article_id"], x["quote_id"]) for x in rows] == [(x["article_id"], x["quote_id"]) for x in shown]
    assert [x["quote"] for x in rows] == [x["quote"] for x in shown]
    lines = client.get("/api/said", params={**params, "format": "jsonl"}).text.splitlines()
    assert [json.loads(x) for x in lines] == shown
    pd = pytest.importorskip("pandas")
    df = pd.read_csv(io.StringIO(r.text))
    assert len(df) == 4 and list(df["quote_id"]) == [x["quote_id"] for x in shown]


def test_the_page_shows_the_rows_and_links_its_exports(client: TestClient) -> None:
    html = client.get("/said", params={"speaker": "quill", "sort": "oldest"}).text
    assert "6 statements" in html and "Mara Quill" in html and "spokeswoman" in html and "Tomas Brenn" not in html
    assert 'href="/api/said?speaker=quill&amp;sort=oldest&amp;limit=25&amp;offset=0&amp;format=csv"' in html
    neg = client.get("/said", params={"negated": "yes"}).text
    assert "1 statement" in neg and 'class="flag neg"' in neg
    assert client.get("/said", params={"date_from": "2023-99-99x"}).status_code == 422
    # the page's export link gives the same rows as the page
    export = client.get("/api/said", params={"speaker": "quill", "sort": "oldest", "limit": 25, "format": "csv"})
    assert len(list(csv.DictReader(io.StringIO(export.text)))) == 6


def test_cli_said_prints_and_exports(store: Store) -> None:
    runner = CliRunner()
    r = runner.invoke(build(), ["said", "--db", store.url, "--speaker", "brenn", "--negated"])
    assert r.exit_code == 0, r.output
    assert "Tomas Brenn, mayor" in r.output and "[negated]" in r.output and "1 of 1 statement" in r.output
    r = runner.invoke(build(), ["said", "--db", store.url, "--outlet", "Velm", "--format", "csv", "--limit", "3"])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == 3 and {x["outlet"] for x in rows} == {"Velm Post"}
    bad = runner.invoke(build(), ["said", "--db", store.url, "--from", "2023-13-01"])
    assert bad.exit_code != 0 and "not a date" in bad.output


def test_terminal_safe_escapes_control_characters() -> None:
    from newsgraph.cli.said import terminal_safe

    assert terminal_safe("a\x1b[2Jb\rc\u202ed") == "a\\x1b[2Jb\\x0dc\\u202ed"
    assert terminal_safe("line\nnext") == "line next"


def test_a_schema_1_store_is_upgraded_in_place_and_filters_the_same(tmp_path) -> None:  # noqa: ANN001
    """A store written before the quotes carried outlet, date and negation columns (schema 1)
    is upgraded on open: the columns are filled from its articles and records, not left empty."""
    import sqlite3

    from newsgraph import queries

    path = tmp_path / "old.db"
    s = Store(str(path))
    for i in range(1, 4):
        s.add(_variant(i, negate_q2=i == 2))
    s.close()
    conn = sqlite3.connect(path)  # make it a schema-1 store
    for ix in ("ix_quotes_said", "ix_quotes_outlet", "ix_quotes_negated"):
        conn.execute(f"DROP INDEX {ix}")
    for col in ("outlet", "said", "negated"):
        conn.execute(f"ALTER TABLE quotes DROP COLUMN {col}")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    s = Store(str(path))
    assert queries.list_quotes(s, negated=True)["total"] == 1
    assert queries.list_quotes(s, outlet="velm")["total"] == 3  # i = 2, three quotes
    assert queries.list_quotes(s, outlet="Quay")["total"] == 0
    assert queries.list_quotes(s, date_from="2023-02", date_to="2023-02")["total"] == 3
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (
        str(STORE_SCHEMA_VERSION),)
    assert {r[1] for r in conn.execute("PRAGMA index_list('quotes')")} >= {"ix_quotes_said", "ix_quotes_outlet"}
    conn.close()
