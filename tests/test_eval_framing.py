"""The SemEval-2020 task 11 span scorer on hand-made spans, and eval floors on PTC dev.

The floors run the shipped default (no local model) over the 75 dev articles and are
skipped when ../shared/eval/ptc is absent.  Figures and their provenance: docs/FRAMING.md.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsgraph.eval.framing import merge_spans, read_ptc, score_spans


def test_merge_spans_unions_overlaps_only() -> None:
    assert merge_spans([(0, 5), (3, 8), (10, 12), (12, 14)]) == [(0, 8), (10, 12), (12, 14)]


def test_partial_credit_precision_and_recall() -> None:
    gold = {"a": [("Loaded_Language", 0, 10)]}
    pred = {"a": [("Loaded_Language", 5, 15)]}
    r = score_spans(pred, gold)
    # 5 of 10 predicted chars overlap; 5 of 10 gold chars covered
    assert r["si"]["precision"] == pytest.approx(0.5)
    assert r["si"]["recall"] == pytest.approx(0.5)
    assert r["techniques"]["Loaded_Language"]["f1"] == pytest.approx(0.5)


def test_si_ignores_technique_but_techniques_do_not() -> None:
    gold = {"a": [("Doubt", 0, 10)]}
    pred = {"a": [("Loaded_Language", 0, 10)]}
    r = score_spans(pred, gold)
    assert r["si"]["f1"] == pytest.approx(1.0)
    assert r["techniques"]["Doubt"]["recall"] == 0.0
    assert r["techniques"]["Loaded_Language"]["precision"] == 0.0


def test_overlapping_same_technique_gold_spans_are_merged() -> None:
    gold = {"a": [("Repetition", 0, 10), ("Repetition", 5, 20)]}
    pred = {"a": [("Repetition", 0, 20)]}
    r = score_spans(pred, gold)
    assert r["techniques"]["Repetition"]["gold"] == 1
    assert r["techniques"]["Repetition"]["f1"] == pytest.approx(1.0)


def test_missing_predictions_count_against_recall() -> None:
    gold = {"a": [("Slogans", 0, 4)], "b": [("Slogans", 0, 4)]}
    pred = {"a": [("Slogans", 0, 4)]}
    r = score_spans(pred, gold)
    assert r["si"]["precision"] == pytest.approx(1.0)
    assert r["si"]["recall"] == pytest.approx(0.5)


def test_read_ptc_layout(tmp_path: Path) -> None:
    (tmp_path / "dev-articles").mkdir()
    (tmp_path / "dev-articles" / "article1.txt").write_text("Title\r\n\r\nThey are thugs.", encoding="utf-8")
    (tmp_path / "dev-task-flc-tc.labels").write_text("1\tName_Calling,Labeling\t18\t23\n", encoding="utf-8")
    (art,) = read_ptc(tmp_path, "dev")
    assert art.id == "1"
    assert art.text[18:23] == "thugs"  # offsets count \r: no newline translation
    assert art.spans == [("Name_Calling,Labeling", 18, 23)]


def _ptc() -> Path:
    env = os.environ.get("NEWSGRAPH_SHARED")
    shared = Path(env) if env else Path(__file__).resolve().parents[2] / "shared"
    return shared / "eval" / "ptc"


@pytest.fixture(scope="module")
def dev_result(tmp_path_factory: pytest.TempPathFactory) -> dict:
    path = _ptc()
    if not (path / "dev-articles").is_dir():
        pytest.skip(f"PTC data not available at {path}")
    from newsgraph.eval.framing import evaluate_framing

    old = os.environ.get("NEWSGRAPH_FRAMING_MODEL")
    os.environ["NEWSGRAPH_FRAMING_MODEL"] = str(tmp_path_factory.mktemp("m") / "absent.pkl")
    try:
        return evaluate_framing(path, "dev")
    finally:
        if old is None:
            os.environ.pop("NEWSGRAPH_FRAMING_MODEL", None)
        else:
            os.environ["NEWSGRAPH_FRAMING_MODEL"] = old


@pytest.mark.eval
def test_dev_json_shape(dev_result: dict) -> None:
    json.dumps(dev_result)
    assert dev_result["articles"] == 75
    for fig in [dev_result["si"], *dev_result["techniques"].values()]:
        assert {"precision", "recall", "f1"} <= set(fig)


@pytest.mark.eval
def test_dev_floors(dev_result: dict) -> None:
    tech = dev_result["techniques"]
    assert dev_result["si"]["f1"] >= 0.30
    assert tech["Loaded_Language"]["f1"] >= LL_FLOOR
    assert tech["Name_Calling,Labeling"]["f1"] >= NC_FLOOR


# Issue targets on PTC dev: Loaded_Language >= 0.35 and Name_Calling,Labeling >= 0.25 (measured with
# extractor version 3: 0.3521 and 0.2559, docs/FRAMING.md).  The floors are the targets themselves.
LL_FLOOR = 0.35
NC_FLOOR = 0.25


def test_trainer_fits_saves_and_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The optional trainer on a tiny hand-made PTC folder: the model is saved, loaded and adds spans."""
    pytest.importorskip("sklearn")
    from newsgraph import nlp
    from newsgraph.eval.framing import train_framing
    from newsgraph.extract import _framing_model
    from newsgraph.extract.framing import extract_frames
    from newsgraph.model import Analysis, Article

    arts = tmp_path / "train-articles"
    arts.mkdir()
    rows = []
    sentences = [
        "The council met on Monday. Critics called the mayor a blithering nincompoop again.",
        "Rain fell in the north. The blithering nincompoop in the town hall refused to resign.",
        "Prices rose slightly. Voters say the blithering nincompoop must go.",
    ]
    for n, text in enumerate(sentences, 1):
        (arts / f"article{n}.txt").write_text(text, encoding="utf-8")
        start = text.index("blithering")
        rows.append(f"{n}\tName_Calling,Labeling\t{start}\t{start + len('blithering nincompoop')}")
    (tmp_path / "train-task-flc-tc.labels").write_text("\n".join(rows) + "\n", encoding="utf-8")

    out = tmp_path / "model.pkl"
    assert train_framing(tmp_path, out) == out and out.is_file()
    monkeypatch.setenv("NEWSGRAPH_FRAMING_MODEL", str(out))
    assert _framing_model.loaded_model() is not None
    text = "Residents said the blithering nincompoop had closed the library."
    doc = nlp.load()(text)
    frames = extract_frames(doc, Analysis(pipeline_version="t", model=nlp.model_info(), article=Article(text=text)))
    learned = [f for f in frames if f.explanation.startswith("local trained model")]
    assert any("nincompoop" in f.text for f in learned), frames
