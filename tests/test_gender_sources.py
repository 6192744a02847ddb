"""``newsgraph sources``: people quoted by outlet and month, with the share of women."""

from __future__ import annotations

import csv
import io

from _quote_records import analysis, person, quote
from typer.testing import CliRunner

from newsgraph.store.sources import rows_to_csv, source_people, sources_report


def _fill(store) -> None:
    t1 = ("Mayor Karen Doyle said the bridge would reopen. “We will rebuild by spring,” Doyle said. "
          "“It is safe,” engineer Tom Price said. “Traffic is back,” Doyle added.")
    store.add(analysis(t1, "Daily Planet", "2026-01-05",
                       [person("E1", "Karen Doyle", "female"), person("E2", "Tom Price", "male")],
                       [quote("Q1", t1, "We will rebuild by spring", "Doyle", "E1", "Karen Doyle"),
                        quote("Q2", t1, "It is safe", "engineer Tom Price", "E2", "Tom Price"),
                        quote("Q3", t1, "Traffic is back", "Doyle", "E1", "Karen Doyle")]))
    t2 = "“The vote is Tuesday,” Ana Ruiz said. “No deal,” Lee Wong said. Sam Ortiz did not say that."
    store.add(analysis(t2, "Daily Planet", "2026-02-10",
                       [person("E1", "Ana Ruiz", "female"), person("E2", "Lee Wong", None),
                        person("E3", "Sam Ortiz", "male")],
                       [quote("Q1", t2, "The vote is Tuesday", "Ana Ruiz", "E1", "Ana Ruiz"),
                        quote("Q2", t2, "No deal", "Lee Wong", "E2", "Lee Wong"),
                        quote("Q3", t2, "that", "Sam Ortiz", "E3", "Sam Ortiz", negated=True)]))
    t3 = "“Rates will rise,” banker Joe Hill said. “Rates will fall,” analyst Max Roe said."
    store.add(analysis(t3, "The Ledger", "2026-01-20",
                       [person("E1", "Joe Hill", "male"), person("E2", "Max Roe", "male")],
                       [quote("Q1", t3, "Rates will rise", "banker Joe Hill", "E1", "Joe Hill"),
                        quote("Q2", t3, "Rates will fall", "analyst Max Roe", "E2", "Max Roe")]))


def test_people_not_quotes_are_counted(store):
    _fill(store)
    rows = {(r.outlet, r.month): r for r in sources_report(store)}
    jan = rows[("Daily Planet", "2026-01")]
    # Doyle is quoted three times but is one person of that article
    assert (jan.people, jan.women, jan.men, jan.unknown, jan.share_women) == (2, 1, 1, 0, 0.5)
    feb = rows[("Daily Planet", "2026-02")]
    # the negated attribution quotes nobody; a person of unknown gender is out of the share
    assert (feb.people, feb.women, feb.men, feb.unknown, feb.share_women) == (2, 1, 0, 1, 1.0)
    assert rows[("The Ledger", "2026-01")].share_women == 0.0


def test_grouping_and_filters(store):
    _fill(store)
    (total,) = sources_report(store, by="all")
    assert (total.articles, total.people, total.women, total.men, total.unknown) == (3, 6, 2, 3, 1)
    assert total.share_women == 0.4
    by_outlet = {r.outlet: r.people for r in sources_report(store, by="outlet")}
    assert by_outlet == {"Daily Planet": 4, "The Ledger": 2}
    by_month = {r.month: r.people for r in sources_report(store, by="month")}
    assert by_month == {"2026-01": 4, "2026-02": 2}
    assert [r.people for r in sources_report(store, by="all", outlet="The Ledger")] == [2]
    assert [r.people for r in sources_report(store, by="all", since="2026-02-01")] == [2]
    assert [r.people for r in sources_report(store, by="all", until="2026-01-31")] == [4]
    names = [p["name"] for p in source_people(store, outlet="Daily Planet")]
    assert names == ["Karen Doyle", "Tom Price", "Ana Ruiz", "Lee Wong"]


def test_csv_export_and_cli(store, tmp_path):
    _fill(store)
    parsed = list(csv.DictReader(io.StringIO(rows_to_csv(sources_report(store, by="outlet")))))
    assert parsed[0]["outlet"] == "Daily Planet" and parsed[0]["share_women"] == "0.6667"
    from newsgraph.cli import build

    db = str(tmp_path / "test.db")
    out = CliRunner().invoke(build(), ["sources", "--db", db, "--by", "outlet", "--format", "csv"])
    assert out.exit_code == 0, out.output
    assert out.output.splitlines()[0].startswith("outlet,month,articles,people,women")
    bad = CliRunner().invoke(build(), ["sources", "--db", db, "--from", "January"])
    assert bad.exit_code != 0 and "YYYY-MM-DD" in bad.output


def test_api_endpoint(store):
    from fastapi.testclient import TestClient

    from newsgraph.api.app import create_app

    _fill(store)
    client = TestClient(create_app(store))
    body = client.get("/api/sources", params={"by": "all"}).json()
    assert body["items"][0]["people"] == 6 and body["items"][0]["share_women"] == 0.4
    res = client.get("/api/sources", params={"by": "outlet", "format": "csv"})
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/csv")
    assert "The Ledger" in res.text
    assert client.get("/api/sources", params={"by": "year"}).status_code == 422


def test_table_tells_articles_without_outlet_from_the_total(store, tmp_path):
    from newsgraph.cli import build

    _fill(store)
    t = "“It rained,” Ana Ruiz said."
    store.add(analysis(t, None, None, [person("E1", "Ana Ruiz", "female")],
                       [quote("Q1", t, "It rained", "Ana Ruiz", "E1", "Ana Ruiz")]))
    db = str(store.engine.url.database)
    rows = CliRunner().invoke(build(), ["sources", "--db", db]).output.splitlines()
    assert any(r.startswith("(unknown)") and "(undated)" in r for r in rows), rows
    assert not any("(all)" in r for r in rows)
    total = CliRunner().invoke(build(), ["sources", "--db", db, "--by", "all"]).output.splitlines()
    assert total[1].startswith("(all)")
