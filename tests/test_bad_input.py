"""No input loses an article (issue 17): every bad input is named with a reason, every good one is stored.

Every article here is invented for these tests.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
from _webpages import STORIES, build_members  # noqa: E402

from newsgraph import nlp, pipeline  # noqa: E402
from newsgraph.cli import build  # noqa: E402
from newsgraph.extract import REGISTRY  # noqa: E402
from newsgraph.ingest import ingest  # noqa: E402
from newsgraph.model import Article  # noqa: E402
from newsgraph.pipeline import Failure, Limits, analyze, analyze_many, chunks  # noqa: E402
from newsgraph.report import render, safe  # noqa: E402
from newsgraph.sources import ReadOptions, SourceError, read  # noqa: E402
from newsgraph.sources.warc import iter_warc  # noqa: E402
from newsgraph.store import Store  # noqa: E402

GOOD = [
    "Mayor Ana Ruiz said on Monday that the bridge in Porto Vela would reopen in May.",
    "The port authority of Caldera said 12 ships had been moved to the northern quay last week.",
    "Finance Minister Lena Ortiz announced a rise in fuel taxes, which critics called a disaster.",
]


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path):  # noqa: ANN201
    if request.param == "sqlite":
        s = Store(str(tmp_path / "bad.db"))
    else:
        url = os.environ.get("NEWSGRAPH_TEST_PG")
        if not url:
            pytest.skip("NEWSGRAPH_TEST_PG is not set")
        s = Store(url)
        from newsgraph.store.schema import metadata

        metadata.drop_all(s.engine)
        s.close()
        s = Store(url)
    yield s
    s.close()


# -- 1. isolation -----------------------------------------------------------------------------------
def test_the_seven_word_article_that_recursed_is_analysed() -> None:
    a = analyze("One of them fired at our office doors.")
    assert a.errors == []
    assert [e.type for e in a.events] == ["ASSAULT"]


def test_a_failing_extractor_empties_only_its_layer_and_the_report_names_it(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real = REGISTRY["claims"]

    def broken(doc, analysis):  # noqa: ANN001, ANN202
        if "Porto" in doc.text:
            raise RecursionError("maximum recursion depth exceeded")
        return real.func(doc, analysis)

    monkeypatch.setitem(REGISTRY, "claims", dataclasses.replace(real, func=broken))
    store = Store(str(tmp_path / "x.db"))
    report = ingest(articles=[Article(text=t, origin=f"a{i}.txt") for i, t in enumerate(GOOD)], store=store)
    assert report.ingested == 3 and report.ok
    assert [(o, e.field) for o, e in report.partial] == [("a0.txt", "claims")]
    assert "partial a0.txt: layer claims (claims) failed: RecursionError" in report.summary()
    stored = store.analysis(report.ids[0])
    assert stored is not None and stored.claims == [] and stored.entities  # the other layers are kept
    assert stored.errors[0].extractor == "claims" and "recursion" in stored.errors[0].error
    assert "FAILED LAYERS" in render(stored)


def test_a_parse_failure_fails_that_article_only(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.parse

    def flaky(text, limits=None):  # noqa: ANN001, ANN202
        if "Porto" in text:
            raise MemoryError("synthetic parser failure")
        return real(text, limits)

    monkeypatch.setattr(pipeline, "parse", flaky)
    monkeypatch.setattr(pipeline, "LIMITS", Limits(chunk_chars=20))  # every text takes the chunked path
    results = list(analyze_many([Article(text=t, origin=f"a{i}") for i, t in enumerate(GOOD)]))
    assert isinstance(results[0], Failure) and results[0].origin == "a0"
    assert "parse failed: MemoryError: synthetic parser failure" in results[0].reason
    assert [type(r).__name__ for r in results[1:]] == ["Analysis", "Analysis"]


# -- 2. bounds --------------------------------------------------------------------------------------
def test_chunks_join_back_to_the_text_and_cut_at_paragraphs() -> None:
    text = "\n\n".join(f"Paragraph {i} says the council met. It voted on the budget." for i in range(40))
    parts = chunks(text, 300)
    assert "".join(parts) == text
    assert all(len(p) <= 300 for p in parts)
    assert all(p.endswith("\n\n") for p in parts[:-1])


def test_a_text_longer_than_the_parser_limit_is_chunked_with_offsets_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    model = nlp.load()
    monkeypatch.setattr(model, "max_length", 2_000)  # stands in for the 1,000,000 of real texts
    text = "\n\n".join(f"Mayor Ana Ruiz said on Monday that bridge number {i} in Porto Vela would reopen."
                       for i in range(60))
    assert len(text) > model.max_length
    with pytest.raises(ValueError, match="E088"):
        model(text)
    (result,) = analyze_many([Article(text=text, published="2026-03-14")])
    assert not isinstance(result, Failure), result
    assert len(result.quotes) >= 50
    for rec in [*result.mentions, *result.times]:
        assert text[rec.start : rec.end] == rec.text


@pytest.mark.parametrize(("text", "message"), [
    ("word " * 5_000, "no sentence end or line break"),
    ("\u201cWord words here.\u201d " * 3_000, "quotation marks"),
    ("\u201c" * 60_000, "token density"),
    ("! " * 30_000 + ".", "token density"),
])
def test_costly_shapes_are_refused_with_a_reason_and_the_batch_goes_on(text: str, message: str) -> None:
    assert pipeline.precheck(text) and message in pipeline.precheck(text)
    results = list(analyze_many([Article(text=text, origin="bad.txt"), Article(text=GOOD[0], origin="ok.txt")]))
    assert isinstance(results[0], Failure) and message in results[0].reason and results[0].origin == "bad.txt"
    assert not isinstance(results[1], Failure)


def test_an_overlong_text_is_refused_with_the_way_out() -> None:
    reason = Limits(max_tokens=100).check(" ".join(GOOD * 10))
    assert reason and "too long to analyse" in reason and "NEWSGRAPH_MAX_TOKENS" in reason


def test_real_news_shapes_pass_the_prechecks(shared_dir: Path) -> None:
    texts = sorted((shared_dir / "eval" / "polnear" / "dev" / "text").glob("*.txt"))
    assert texts
    refused = [p.name for p in texts if pipeline.precheck(p.read_text(encoding="utf-8"))]
    assert refused == []


def test_hostile_html_is_refused_before_trafilatura(tmp_path: Path) -> None:
    from newsgraph.sources.html import MAX_TAG_ATTRIBUTES

    attrs = " ".join(f'data-a{i}="x"' for i in range(MAX_TAG_ATTRIBUTES + 1))
    bad = tmp_path / "bad.html"
    bad.write_text(f"<html><body><article {attrs}><p>{GOOD[0]}</p></article></body></html>")
    good = tmp_path / "good.html"
    good.write_text(f"<html><body><article><p>{GOOD[1]}</p></article></body></html>")
    items = list(read([str(bad), str(good)]))
    assert isinstance(items[0], SourceError) and "attributes" in items[0].reason
    assert isinstance(items[1], Article)


# -- 3. sources -------------------------------------------------------------------------------------
def test_dash_reads_stdin_for_analyze_and_ingest(tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(build(), ["analyze", "-", "--format", "json"], input=GOOD[0])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["article"]["origin"] == "<stdin>"
    db = str(tmp_path / "s.db")
    res = runner.invoke(build(), ["ingest", "-", "--db", db, "--no-progress"], input=GOOD[1])
    assert res.exit_code == 0, res.output
    assert "ingested: 1" in res.stdout


def test_fifo_is_skipped_with_a_reason_and_the_directory_goes_on(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    os.mkfifo(d / "a-pipe.txt")
    (d / "b.txt").write_text(GOOD[0])
    items = list(read([str(d)]))  # would block forever if the FIFO were opened
    assert isinstance(items[0], SourceError) and "FIFO" in items[0].reason
    assert isinstance(items[1], Article)


def test_non_utf8_and_newline_file_names_are_stored_and_printed_safely(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    bad_name = os.fsencode(str(d)) + b"/caf\xe9.txt"
    with open(bad_name, "wb") as fh:
        fh.write(GOOD[0].encode())
    (d / "fake\nfailed  x: y.txt").write_text("")  # empty: an error whose name holds a newline
    (d / "ok.txt").write_text(GOOD[1])
    store = Store(str(tmp_path / "n.db"))
    report = ingest([str(d)], store)
    assert report.ingested == 2
    origins = {a.origin for a in store.articles()}
    assert str(d / "caf\\xe9.txt") in origins
    summary = report.summary()
    assert "fake\\nfailed  x: y.txt" in summary and "\nfailed  x" not in summary.replace("\n  failed", "")


def test_utf16_with_bom_is_text(tmp_path: Path) -> None:
    p = tmp_path / "u16.txt"
    p.write_bytes(GOOD[0].encode("utf-16"))
    (item,) = list(read([str(p)]))
    assert isinstance(item, Article) and item.text == GOOD[0]


def test_sizes_are_reported_truthfully_and_max_bytes_holds_for_local_feeds(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(52_000_000)  # sparse: nothing is written
    feed = tmp_path / "big.rss"
    feed.write_text("<rss><channel><title>T</title>" + "<item><title>x</title></item>" * 2000 + "</channel></rss>")
    items = list(read([str(big), str(feed)], ReadOptions(max_bytes=10_000)))
    assert [type(i).__name__ for i in items] == ["SourceError", "SourceError"]
    assert "52,000,000 bytes exceeds the limit of 10,000" in items[0].reason
    assert "too large" in items[1].reason


def test_feed_entry_with_plain_guid_and_content_is_stored(tmp_path: Path) -> None:
    body = " ".join([GOOD[0], GOOD[1]])
    feed = tmp_path / "full.rss"
    feed.write_text(f"""<?xml version="1.0"?><rss version="2.0"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Caldera Courier</title>
<item><title>Bridge</title><guid>story-2026-0042</guid><content:encoded><![CDATA[<p>{body}</p>]]></content:encoded></item>
<item><title>Empty</title><guid>story-2026-0043</guid></item>
</channel></rss>""")
    items = list(read([str(feed)]))
    assert isinstance(items[0], Article) and items[0].source == "Caldera Courier" and GOOD[0] in items[0].text
    assert isinstance(items[1], SourceError)
    assert str(feed) in items[1].reason and "story-2026-0043" in items[1].reason


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_a_warc_cut_inside_a_record_reports_it_with_its_offset_and_merges_nothing(tmp_path: Path, gz: bool) -> None:
    members = build_members(gz)
    pages = [i for i, (kind, _) in enumerate(members) if kind.startswith("page:")]
    cut_at = pages[2]
    start = sum(len(b) for _, b in members[:cut_at])
    data = b"".join(b for _, b in members)
    for cut in (start + 30, start + len(members[cut_at][1]) // 2):
        path = tmp_path / (f"cut{cut}.warc.gz" if gz else f"cut{cut}.warc")
        path.write_bytes(data[:cut])
        items = list(iter_warc(str(path)))
        arts = [i for i in items if isinstance(i, Article)]
        errs = [i for i in items if isinstance(i, SourceError)]
        assert len(arts) == 2
        assert len(errs) == 1 and errs[0].origin == f"{path}@{start}" and "truncated" in errs[0].reason
        cut_title = STORIES[members[cut_at][0].split(":", 1)[1]][0]
        assert not any(cut_title in a.text for a in arts)


# -- 4. stores --------------------------------------------------------------------------------------
def test_nul_and_long_outlet_are_stored_the_same_on_every_backend(store: Store, tmp_path: Path) -> None:
    p = tmp_path / "odd.jsonl"
    rows = [{"text": GOOD[0].replace("Monday", "Mon\u0000day"), "source": "S" * 300},
            {"text": GOOD[1], "title": "Quay\u0000"}, {"text": GOOD[2]}]
    p.write_text("\n".join(json.dumps(r) for r in rows))
    report = ingest([str(p)], store)
    assert report.ingested == 3 and report.ok, report.summary()
    by_text = {a.text: a for a in store.articles()}
    assert GOOD[0] in by_text and by_text[GOOD[0]].source == "S" * 255 + "…"
    assert "300 characters" in by_text[GOOD[0]].meta["source_truncated"]
    assert by_text[GOOD[1]].title == "Quay"
    a = store.analysis(by_text[GOOD[0]].id)
    assert a is not None and any("NUL" in w for w in a.warnings)
    assert ingest([str(p)], store).present == 3  # idempotent: the cleaned text has the same id


def test_read_only_commands_do_not_write_and_do_not_wait_for_a_writer(tmp_path: Path) -> None:
    db = tmp_path / "ro.db"
    s = Store(str(db))
    ingest(articles=[Article(text=GOOD[0])], store=s)
    s.close()
    writer = sqlite3.connect(db, timeout=1)
    writer.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        res = CliRunner().invoke(build(), ["list", "--db", str(db)])
    finally:
        writer.rollback()
        writer.close()
    assert res.exit_code == 0, res.output
    assert "Porto Vela" in res.stdout


# -- 5. terminal ------------------------------------------------------------------------------------
def test_escape_sequences_from_articles_never_reach_the_terminal(tmp_path: Path) -> None:
    a = analyze(GOOD[0], title="Bridge\x1b[2J\x1b]0;owned\x07 reopens", source="Gazette\x9b31m")
    out = render(a)
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "Bridge\\x1b[2J" in out
    assert safe("a\nb\u202ec") == "a\\nb\\u202ec"


def test_published_must_be_a_calendar_date(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(GOOD[0])
    res = CliRunner().invoke(build(), ["analyze", str(p), "--published", "2026-13-45"])
    assert res.exit_code == 2
    assert "not a calendar date" in res.output


# -- 6. one batch with every bad input of the issue -------------------------------------------------
def test_a_batch_of_every_bad_input_stores_every_good_article_and_names_every_bad_one(
        store: Store, tmp_path: Path) -> None:
    d = tmp_path / "batch"
    d.mkdir()
    for i, text in enumerate(GOOD):
        (d / f"good{i}.txt").write_text(text)
    (d / "recursion.txt").write_text("One of them fired at our office doors.")
    os.mkfifo(d / "pipe.txt")
    with open(os.fsencode(str(d)) + b"/latin\xe9.txt", "wb") as fh:
        fh.write(b"The harbour master of Caldera said the storm had passed by Friday evening.")
    (d / "u16.txt").write_bytes("Officials in Porto Vela said the ferry would resume its route on Sunday.".encode("utf-16"))
    (d / "run.txt").write_text("word " * 30_000)
    (d / "quotes.txt").write_text("\u201c" * 60_000)
    (d / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (d / "nul.jsonl").write_text(json.dumps({"text": "The mayor\u0000 of Caldera opened the new school on Tuesday.",
                                              "source": "X" * 400}))
    (d / "date.jsonl").write_text(json.dumps({"text": GOOD[0] + " Again.", "published": "yesterday"}))
    warc = b"".join(b for _, b in build_members(True))
    (d / "cut.warc.gz").write_bytes(warc[: len(warc) - 300])  # cut inside the last page's gzip member
    report = ingest([str(d)], store)
    failed = {Path(f.origin.split("@")[0]).name: f.reason for f in report.failed}
    assert set(failed) == {"pipe.txt", "run.txt", "quotes.txt", "bin.txt", "date.jsonl:1", "cut.warc.gz"}, failed
    assert "FIFO" in failed["pipe.txt"] and "binary" in failed["bin.txt"] and "truncated" in failed["cut.warc.gz"]
    # 3 good + recursion + latin-1 name + utf-16 + nul jsonl + 4 whole WARC pages
    assert report.ingested == 3 + 4 + len(STORIES) - 1, report.summary()
    texts = "\n".join(a.text for a in store.articles(limit=100))
    assert all(t in texts for t in GOOD) and "One of them fired" in texts and "ferry" in texts
