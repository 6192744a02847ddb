"""``newsgraph claims`` and ``newsgraph frames`` over the store, filtered by outlet, actor and date."""

from __future__ import annotations

import json

from _quote_records import MODEL
from typer.testing import CliRunner

from newsgraph.cli import build
from newsgraph.model import Analysis, Article, Claim, Entity, FrameCue, Quantity


def _analysis(text: str, source: str, published: str, speaker: str | None) -> Analysis:
    a = text.index("2,500")
    ents = [Entity(id="E1", name=speaker, type="PERSON", kind="person")] if speaker else []
    claim = Claim(
        id="C1", start=0, end=len(text), text=text, checkworthiness=0.9,
        quantities=[Quantity(start=a, end=a + 5, text="2,500", value=2500, unit="troops", counted="troops")],
        speaker="E1" if speaker else "the outlet", speaker_name=speaker or source,
    )
    w = text.index("reckless")
    frame = FrameCue(id="F1", start=w, end=w + 8, text="reckless", technique="Loaded_Language",
                     explanation="test", target="E1" if speaker else None)
    return Analysis(pipeline_version="test", model=MODEL, article=Article(text=text, source=source, published=published),
                    entities=ents, claims=[claim], frames=[frame])


def _fill(store) -> None:
    store.add(_analysis("The reckless plan sent 2,500 troops to the border.", "Daily Planet", "2026-01-05", "Dana Holt"))
    store.add(_analysis("A reckless order moved 2,500 troops north.", "The Ledger", "2026-02-10", None))


def _run(db: str, *args: str) -> list[dict]:
    out = CliRunner().invoke(build(), [*args, "--db", db, "--json"])
    assert out.exit_code == 0, out.output
    return [json.loads(line) for line in out.output.splitlines() if line.strip()]


def test_claims_filters(store, tmp_path):
    _fill(store)
    db = str(tmp_path / "test.db")
    assert len(_run(db, "claims")) == 2
    assert [c["source"] for c in _run(db, "claims", "--outlet", "The Ledger")] == ["The Ledger"]
    assert [c["speaker_name"] for c in _run(db, "claims", "--actor", "holt")] == ["Dana Holt"]
    assert [c["published"] for c in _run(db, "claims", "--from", "2026-02-01")] == ["2026-02-10"]
    assert [c["published"] for c in _run(db, "claims", "--to", "2026-01-31")] == ["2026-01-05"]
    text = CliRunner().invoke(build(), ["claims", "--db", db]).output
    assert "Dana Holt:" in text and "2,500 troops" in text
    bad = CliRunner().invoke(build(), ["claims", "--db", db, "--from", "yesterday"])
    assert bad.exit_code != 0


def test_frames_filters(store, tmp_path):
    _fill(store)
    db = str(tmp_path / "test.db")
    assert len(_run(db, "frames")) == 2
    assert [f["source"] for f in _run(db, "frames", "--outlet", "Daily Planet")] == ["Daily Planet"]
    assert [f["target_name"] for f in _run(db, "frames", "--actor", "Holt")] == ["Dana Holt"]
    assert [f["published"] for f in _run(db, "frames", "--from", "2026-02-01")] == ["2026-02-10"]
    assert _run(db, "frames", "--voice", "speaker") == []
    assert CliRunner().invoke(build(), ["frames", "--db", db, "--voice", "reader"]).exit_code != 0
