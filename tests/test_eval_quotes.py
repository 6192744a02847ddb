"""The PolNeAR reader and the attribution metric (own fixtures), and the accuracy floors (../shared)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsgraph.eval.quotes import (
    GoldAttribution,
    PredictedQuote,
    Score,
    is_direct_prediction,
    match,
    read_ann,
    read_polnear,
    score_doc,
)

# --------------------------------------------------------------------------- reader

ANN = (
    "T1\tSource 0 9\tThe mayor\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tContent 15 40;45 50\tthe budget was balanced x\n"
    "T4\tAttribution 10 14\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tContent 60 70\tsomething\n"
    "T6\tCue 71 75\tsaid\n"
    "T7\tAttribution-no-source 71 75\tsaid\n"
    "E2\tAttribution-no-source:T7 Content:T5 Cue:T6 Content2:T8\n"
    "T8\tContent 80 85\tmore\n"
    "T9\tAttribution-no-source 90 95\tempty\n"
    "E3\tAttribution-no-source:T9 \n"
    "T10\tDiscuss 0 5\tThe m\n"
)


def test_read_ann_pieces_sources_and_empty_events(tmp_path):
    path = tmp_path / "a.ann"
    path.write_text(ANN, encoding="utf-8")
    gold = read_ann(path)
    assert len(gold) == 2  # the event without content is not an attribution
    assert gold[0].content == ((15, 40), (45, 50))
    assert gold[0].source == ((0, 9),)
    assert gold[1].content == ((60, 70), (80, 85))  # Content2 joins Content
    assert gold[1].source == ()


def test_read_polnear_takes_first_annotator_alphabetically(tmp_path):
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "paper_2020-01-01_story.txt").write_text("x" * 100, encoding="utf-8")
    (tmp_path / "attributions" / "paper_2020-01-01_story_beef.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "attributions" / "paper_2020-01-01_story_abcd.ann").write_text(
        "T1\tContent 1 5\txxxx\nT2\tCue 6 7\tx\nE1\tAttribution:T2 Content:T1 Cue:T2\n", encoding="utf-8"
    )
    docs = read_polnear(tmp_path)
    assert len(docs) == 1
    assert docs[0].name == "paper_2020-01-01_story"
    assert [g.content for g in docs[0].gold] == [((1, 5),)]


# --------------------------------------------------------------------------- metric


def test_match_needs_both_shares():
    gold = [((0, 100),)]
    assert match(gold, [((0, 40),)], 0.3) == [(0, 0)]  # 40 of 100 gold, all of the prediction
    assert match(gold, [((0, 20),)], 0.3) == []  # 20% of the gold only
    assert match(gold, [((0, 400),)], 0.3) == []  # 25% of the prediction only
    assert match(gold, [((0, 85),)], 0.8) == [(0, 0)]
    assert match(gold, [((0, 75),)], 0.8) == []


def test_match_is_one_to_one_and_greedy_by_overlap():
    gold = [((0, 50),), ((50, 100),)]
    pred = [((0, 100),), ((50, 100),)]
    # pred 1 shares 50 with gold 1 (both full); pred 0 shares 50 with each but only 50% of itself
    assert sorted(match(gold, pred, 0.3)) == [(0, 0), (1, 1)]
    assert match(gold, pred, 0.8) == [(1, 1)]


def test_pieces_count_as_one_content():
    gold = [((0, 10), (20, 30))]
    assert match(gold, [((0, 10), (20, 30))], 0.8) == [(0, 0)]
    assert match(gold, [((0, 30),)], 0.8) == []  # 20 shared of 30 predicted


def test_direct_prediction_contains_or_is_opened_by_a_mark():
    text = "He said “we won” and that they lost."
    assert is_direct_prediction(text, PredictedQuote(((9, 15),)))  # opened by “
    assert is_direct_prediction(text, PredictedQuote(((8, 16),)))  # contains the marks
    assert not is_direct_prediction(text, PredictedQuote(((26, 35),)))


def test_score_doc_figures_and_speaker_accuracy():
    text = "A said “one two three”. B said four five six. C said seven."
    gold = [
        GoldAttribution(((7, 22),), source=((0, 1),)),  # gold keeps the marks
        GoldAttribution(((31, 44),), source=((24, 25),)),
        GoldAttribution(((53, 58),)),
    ]
    pred = [PredictedQuote(((8, 21),), speaker=((0, 1),)), PredictedQuote(((31, 44),), speaker=((0, 1),))]
    score = Score()
    score_doc(score, text, gold, pred)
    out = score.as_dict()
    assert out["all@0.3"] == {"precision": 1.0, "recall": round(2 / 3, 4), "f1": 0.8}
    assert out["direct@0.3"]["f1"] == 1.0
    assert out["speaker_accuracy"] == 0.5


# --------------------------------------------------------------------------- floors on PolNeAR dev


def _shared() -> Path:
    env = os.environ.get("NEWSGRAPH_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared"


POLNEAR = _shared() / "eval" / "polnear" / "dev"

FLOORS = {"direct@0.3": 0.80, "all@0.3": 0.60, "all@0.8": 0.45}
SPEAKER_FLOOR = 0.85


@pytest.fixture(scope="module")
def results():
    if not (POLNEAR / "attributions").is_dir():
        pytest.skip("../shared/eval/polnear/dev is absent")
    from newsgraph.eval.quotes import evaluate

    return evaluate(POLNEAR, ["newsgraph", "textacy"])


@pytest.mark.eval
@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_polnear_f1_floor(results, figure):
    assert results["newsgraph"][figure]["f1"] >= FLOORS[figure]


@pytest.mark.eval
def test_polnear_speaker_accuracy_floor(results):
    assert results["newsgraph"]["speaker_accuracy"] >= SPEAKER_FLOOR


@pytest.mark.eval
@pytest.mark.parametrize("figure", ["all@0.3", "all@0.8", "direct@0.3", "direct@0.8"])
def test_polnear_better_than_textacy(results, figure):
    assert results["newsgraph"][figure]["f1"] > results["textacy"][figure]["f1"]


@pytest.mark.eval
def test_polnear_speaker_better_than_textacy(results):
    assert results["newsgraph"]["speaker_accuracy"] > results["textacy"]["speaker_accuracy"]
