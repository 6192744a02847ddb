"""One statement across outlets: the same quote reprinted by several outlets is one statement."""

from __future__ import annotations

from _quote_records import analysis, person, quote

from newsgraph.store.statements import occurrence_counts, same_statement, speaker_key, statements

WORDS = "We will not raise taxes on working families this year"


def _article(outlet: str, day: str, lead: str, words: str = WORDS, speaker: str = "Finance Minister Dana Holt",
             name: str | None = "Dana Holt"):
    text = f"{lead} “{words},” {speaker} said on Monday."
    return analysis(text, outlet, day, [person("E1", name or speaker, "female")],
                    [quote("Q1", text, words, speaker, "E1", name)])


def test_same_quote_in_three_outlets_is_one_statement(store):
    store.add(_article("Daily Planet", "2026-03-02", "The budget is due next week."))
    store.add(_article("The Ledger", "2026-03-02", "Ottawa is preparing its budget.",
                       speaker="Holt", name="Holt"))
    # a third outlet trims the quotation and changes its case
    store.add(_article("Metro Wire", "2026-03-03", "Budget talks went on.",
                       words="we will not raise taxes on working families"))
    # another speaker with the same words is another statement
    store.add(_article("Metro Wire", "2026-03-04", "Meanwhile, in the province.",
                       speaker="Premier Sam Ortiz", name="Sam Ortiz"))
    found = statements(store)
    assert len(found) == 1
    st = found[0]
    assert len(st["occurrences"]) == 3 and st["outlets"] == 3
    assert {o["outlet"] for o in st["occurrences"]} == {"Daily Planet", "The Ledger", "Metro Wire"}
    for o in st["occurrences"]:
        text = store.analysis(o["article_id"]).article.text
        assert "taxes on working families" in text[o["start"] : o["end"]]
    assert statements(store, speaker="Dana Holt")[0]["id"] == st["id"]
    assert statements(store, speaker="Sam Ortiz") == []  # only one occurrence
    assert len(statements(store, speaker="Sam Ortiz", min_occurrences=1)) == 1
    assert set(occurrence_counts(store, st["occurrences"][0]["article_id"]).values()) == {3}


def test_different_words_of_one_speaker_stay_apart(store):
    store.add(_article("Daily Planet", "2026-03-02", "The budget is due next week."))
    store.add(_article("The Ledger", "2026-03-02", "Ottawa is preparing its budget.",
                       words="The deficit will be gone within two years, we promise"))
    assert statements(store) == []


def test_removing_an_article_drops_its_occurrence(store):
    a = _article("Daily Planet", "2026-03-02", "The budget is due next week.")
    store.add(a)
    store.add(_article("The Ledger", "2026-03-02", "Ottawa is preparing its budget."))
    assert len(statements(store)[0]["occurrences"]) == 2
    store.remove(a.article.id)
    assert statements(store) == []


def test_rules():
    assert speaker_key("President Donald Trump") == speaker_key("Trump") == "trump"
    assert same_statement("a b c d e f".split(), "a b c d e f".split())
    assert not same_statement("a b c d e f".split(), "a b c x y z".split())
    # containment needs a long enough shorter quote
    assert same_statement("a b c d e f g h".split(), "a b c d e f g h i j k l".split())
    assert not same_statement("a b c".split(), "a b c d e f g h i j k l".split())


def test_cli_and_api(store, tmp_path):
    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from newsgraph.api.app import create_app
    from newsgraph.cli import build

    store.add(_article("Daily Planet", "2026-03-02", "The budget is due next week."))
    store.add(_article("The Ledger", "2026-03-02", "Ottawa is preparing its budget."))
    out = CliRunner().invoke(build(), ["statements", "--db", str(tmp_path / "test.db")])
    assert out.exit_code == 0, out.output
    assert "(2 articles, 2 outlets)" in out.output and "Daily Planet" in out.output
    body = TestClient(create_app(store)).get("/api/statements").json()
    assert body["total"] == 1 and len(body["items"][0]["occurrences"]) == 2


def test_actor_page_shows_how_often_a_statement_was_reprinted(store):
    """The actor profile (CLI JSON, API, page) carries each quote's occurrence count."""
    from fastapi.testclient import TestClient

    from newsgraph import actors
    from newsgraph.app import create_app

    store.add(_article("Daily Planet", "2026-03-02", "The budget is due next week."))
    store.add(_article("The Ledger", "2026-03-02", "Ottawa is preparing its budget."))
    store.add(_article("Metro Wire", "2026-03-03", "Budget talks went on.",
                       words="The deficit will be gone within two years, we promise"))
    prof = actors.actor_profile(store, "Dana Holt")
    got = sorted((q.occurrences, q.text[:14]) for q in prof.quotes_by)
    assert got == [(1, "The deficit wi"), (2, "We will not ra"), (2, "We will not ra")]
    page = TestClient(create_app(store)).get("/actors/Dana%20Holt")
    assert page.status_code == 200 and page.text.count(">in 2 articles<") == 2


def _kept_and_counted(store):
    from sqlalchemy import func, select

    from newsgraph.store.statements import statement_occurrences as occ
    from newsgraph.store.statements import statement_sizes

    with store.engine.connect() as conn:
        kept = dict(conn.execute(select(statement_sizes.c.statement_id, statement_sizes.c.n)).all())
        counted = dict(conn.execute(select(occ.c.statement_id, func.count()).group_by(occ.c.statement_id)).all())
    return kept, counted


def test_statement_sizes_are_kept_through_adds_removals_and_an_upgrade(store):
    from sqlalchemy import delete, text

    from newsgraph.store import Store
    from newsgraph.store.statements import statement_sizes

    first = _article("Daily Planet", "2026-03-02", "The budget is due next week.")
    for a in (first, _article("The Ledger", "2026-03-02", "Ottawa is preparing its budget."),
              _article("Metro Wire", "2026-03-03", "Budget talks went on.")):
        store.add(a)
    kept, counted = _kept_and_counted(store)
    assert kept == counted and sorted(kept.values()) == [3]
    store.remove(first.article.id)
    kept, counted = _kept_and_counted(store)
    assert kept == counted and sorted(kept.values()) == [2]
    with store.engine.begin() as conn:  # a store written before sizes were kept
        conn.execute(delete(statement_sizes))
        conn.execute(text("UPDATE meta SET value = '2' WHERE key = 'schema_version'"))
    reopened = Store(store.url)
    try:
        assert _kept_and_counted(reopened)[0] == counted
    finally:
        reopened.close()


def test_probe_words_find_every_content_the_rules_accept():
    """The prefix filter loses nothing: whenever two contents are one statement, the quote's probe
    words include a word of the other (random contents over a small vocabulary, so that many
    overlap; trimmed and padded copies for the containment rule)."""
    import random

    from newsgraph.store.statements import _probe, min_overlap

    rng = random.Random(11)
    vocab = [f"w{i}" + "x" * rng.randrange(4) for i in range(30)]
    matched = 0
    for _ in range(3000):
        a = rng.sample(vocab, rng.randrange(5, 25))
        b = list(a)
        op = rng.randrange(3)
        if op == 0:  # a trimmed copy
            b = b[: max(1, len(b) - rng.randrange(4))]
        elif op == 1:  # a padded copy
            b = b + rng.sample(vocab, rng.randrange(6))
        else:
            b = rng.sample(vocab, rng.randrange(5, 25))
        for x, y in ((a, b), (b, a)):
            if same_statement(x, y):
                matched += 1
                assert len(set(x) & set(y)) >= min_overlap(len(set(x)))
                assert set(_probe(set(x))) & set(y), (x, y)
    assert matched > 500
