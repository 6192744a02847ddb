"""Bad input gets a clear error with its path and reason, the rest of the batch goes on,
and nothing partial reaches the store."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsgraph.ingest import ingest
from newsgraph.sources import ReadOptions, SourceError, read
from newsgraph.store import Store

GOOD = ("Harbour officials in Mombasa said on Monday that 12 ships were waiting to dock, "
        "and union leader Peter Odhiambo said the strike would go on.")


def snapshot(store: Store) -> dict[str, int]:
    return {t: store.count(t) for t in ("articles", "analyses", "entities", "mentions", "quotes")}


def only_error(location: str, options: ReadOptions | None = None) -> SourceError:
    items = list(read([location], options))
    assert len(items) == 1 and isinstance(items[0], SourceError), items
    return items[0]


def test_text_file_reads_with_origin(tmp_path: Path):
    p = tmp_path / "good.txt"
    p.write_text(GOOD, encoding="utf-8")
    (art,) = list(read([str(p)], ReadOptions(published="2026-01-02", source="Test Wire")))
    assert art.text == GOOD and art.origin == str(p) and art.published == "2026-01-02" and art.source == "Test Wire"


@pytest.mark.parametrize(
    "name,content,reason",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t \n", "empty"),
        ("binary.txt", bytes(range(256)) * 20, "binary"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 100, "binary"),
        ("big.txt", b"word " * 400, "too large"),
    ],
)
def test_bad_files_are_reported_with_path_and_reason(tmp_path: Path, name: str, content: bytes, reason: str):
    p = tmp_path / name
    p.write_bytes(content)
    err = only_error(str(p), ReadOptions(max_bytes=1000) if name == "big.txt" else None)
    assert err.origin == str(p) and reason in err.reason


def test_missing_and_unreadable_paths(tmp_path: Path):
    err = only_error(str(tmp_path / "nope.txt"))
    assert "cannot read" in err.reason
    if os.geteuid() != 0:  # root reads everything
        p = tmp_path / "locked.txt"
        p.write_text(GOOD)
        p.chmod(0)
        assert "cannot read" in only_error(str(p)).reason


def test_non_utf8_text_is_decoded_not_rejected(tmp_path: Path):
    p = tmp_path / "latin1.txt"
    text = "Le ministre français a déclaré à Genève que les négociations reprendraient à l'été prochain, selon l'agence."
    p.write_bytes(text.encode("cp1252"))
    (art,) = list(read([str(p)]))
    assert art.text == text
    assert art.meta.get("encoding")


def test_malformed_jsonl_lines_are_skipped_with_line_numbers(tmp_path: Path):
    p = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"text": GOOD, "source": "Wire", "published": "2026-02-03T10:00:00Z"}),
        '{"text": "unterminated',
        json.dumps({"title": "no text"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "   "}),
        json.dumps({"text": GOOD + " More.", "published": "yesterday"}),
        json.dumps({"text": GOOD + " Again."}),
    ]
    p.write_text("\n".join(lines) + "\n")
    items = list(read([str(p)]))
    good = [i for i in items if not isinstance(i, SourceError)]
    bad = {i.origin: i.reason for i in items if isinstance(i, SourceError)}
    assert len(good) == 2 and good[0].published == "2026-02-03" and good[0].source == "Wire"
    assert set(bad) == {f"{p}:{n}" for n in (2, 3, 4, 5, 6)}
    assert "malformed JSON" in bad[f"{p}:2"]
    assert "'text' is missing" in bad[f"{p}:3"]
    assert "JSON object" in bad[f"{p}:4"]
    assert "empty" in bad[f"{p}:5"]
    assert "ISO date" in bad[f"{p}:6"]


def test_html_without_an_article_body_is_rejected(tmp_path: Path):
    p = tmp_path / "menu.html"
    p.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert "no article body" in only_error(str(p)).reason
    q = tmp_path / "broken.html"
    q.write_bytes(b"<html><body><p>unclosed <b>tags <div></html>\x00\x00\x00" + b"\xff" * 50)
    assert only_error(str(q)).reason  # binary junk with an html suffix: a reason, never a crash


def test_html_page_yields_body_and_metadata(examples_dir: Path):
    (art,) = list(read([str(examples_dir / "ceasefire.html")]))
    assert art.title == "Ceasefire talks open in Doha"
    assert art.source == "The Meridian Post" and art.published == "2026-06-02" and art.author == "Lena Farouk"
    assert art.text.startswith("Negotiators for the government of Sudan")
    assert "Most read" not in art.text and "Subscribe" not in art.text


def test_bad_inputs_leave_the_store_unchanged_and_good_ones_land(tmp_path: Path):
    store = Store(str(tmp_path / "s.db"))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a-good.txt").write_text(GOOD)
    before = snapshot(store)
    bad_dir = tmp_path / "bad"
    bad_dir.mkdir()
    (bad_dir / "empty.txt").write_bytes(b"")
    (bad_dir / "bin.txt").write_bytes(b"\x00\x01\x02" * 300)
    (bad_dir / "x.jsonl").write_text("{oops\n")
    report = ingest([str(bad_dir)], store)
    assert report.ingested == 0 and len(report.failed) == 3
    assert snapshot(store) == before
    report = ingest([str(bad_dir), str(tmp_path / "in")], store)
    assert report.ingested == 1 and len(report.failed) == 3
    assert store.count() == 1 and store.orphans() == 0


def test_directories_are_walked_in_order_and_hidden_files_skipped(tmp_path: Path):
    (tmp_path / "b.txt").write_text(GOOD + " B.")
    (tmp_path / "a.txt").write_text(GOOD + " A.")
    (tmp_path / ".hidden.txt").write_text(GOOD + " H.")
    origins = [i.origin for i in read([str(tmp_path)])]
    assert origins == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
