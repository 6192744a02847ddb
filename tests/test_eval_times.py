"""TimeML reader, TempEval-3 scoring, and the accuracy floors on TimeBank (when ../shared is present)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsgraph.eval.times import Timex, read_timeml, score_doc

SAMPLE = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2001-05-04" functionInDocument="CREATION_TIME">20010504</TIMEX3></DCT>
<TEXT>
The mayor <EVENT eid="e1">resigned</EVENT> <TIMEX3 tid="t1" type="DATE" value="2001-05-03">yesterday</TIMEX3> \
after &quot;talks&quot; that lasted <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_reader_offsets_and_dct(tmp_path: Path):
    path = tmp_path / "x1.tml"
    path.write_text(SAMPLE, encoding="utf-8")
    doc = read_timeml(path)
    assert doc.dct == "2001-05-04"
    assert [(g.text, g.value) for g in doc.gold] == [("yesterday", "2001-05-03"), ("three days", "P3D")]
    for g in doc.gold:
        assert doc.text[g.start:g.end] == g.text
    assert '"talks"' in doc.text  # entities unescaped, offsets still right


def test_score_strict_relaxed_value():
    gold = [Timex(0, 9, "yesterday", "2001-05-03"), Timex(20, 30, "three days", "P3D"), Timex(40, 45, "now", "X")]
    pred = [
        Timex(0, 9, "yesterday", "2001-05-03"),  # strict, value right
        Timex(17, 30, "for three days", "P3D"),  # relaxed only, value right
        Timex(50, 55, "later", "FUTURE_REF"),  # spurious
    ]
    c = score_doc(gold, pred)
    assert (c.gold, c.predicted, c.strict, c.relaxed, c.value) == (3, 3, 1, 2, 2)


def test_one_prediction_matches_one_gold():
    gold = [Timex(0, 5, "a", "1"), Timex(6, 10, "b", "2")]
    pred = [Timex(0, 10, "a b", "1")]
    c = score_doc(gold, pred)
    assert c.relaxed == 1


def _timebank() -> Path:
    env = os.environ.get("NEWSGRAPH_SHARED")
    base = Path(env) if env else Path(__file__).resolve().parents[2] / "shared"
    return base / "eval" / "timebank"


@pytest.mark.eval
@pytest.mark.skipif(not _timebank().is_dir(), reason="../shared/eval/timebank not available")
def test_timebank_floors_and_beats_dateparser():
    pytest.importorskip("dateparser")
    from newsgraph.eval.times import run

    result = run(_timebank(), baseline="dateparser")
    assert result["documents"] > 100
    assert result["relaxed"]["f1"] >= 0.85, result["relaxed"]
    assert result["value"]["f1"] >= 0.70, result["value"]
    base = result["baseline"]
    assert result["relaxed"]["f1"] > base["relaxed"]["f1"]
    assert result["value"]["f1"] > base["value"]["f1"]
