"""PLOVER event-coding floors on ../shared/eval/plover-gsr-dev.json, plus the scorer's own logic."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsgraph.eval.events import map_label, overlaps

SHARED = Path(os.environ.get("NEWSGRAPH_SHARED") or Path(__file__).resolve().parents[2] / "shared")
PLOVER = SHARED / "eval" / "plover-gsr-dev.json"


def test_label_mapping():
    assert map_label("DEMAND") == "REQUEST"
    assert map_label("disapprove") == "ACCUSE"
    assert map_label("INVESTIGATE") == "ACCUSE"
    assert map_label("FIGHT") == "ASSAULT"
    assert map_label("AGREE") == "AGREE"


def test_overlap_scoring():
    text = "Senior Freedonian officials met the Sylvanian envoy."
    envoy = (text.index("the Sylvanian"), text.index("."))
    assert overlaps((0, text.index(" met")), text, ["Freedonian"])
    assert not overlaps(envoy, text, ["Freedonian"])
    assert not overlaps(None, text, ["Freedonian"])
    # a gold phrase the coder paraphrased is matched on shared words
    assert overlaps(envoy, text, ["envoy of Sylvania"])
    assert not overlaps(envoy, text, ["Freedonian government"])


@pytest.mark.eval
def test_plover_floors():
    if not PLOVER.exists():
        pytest.skip(f"{PLOVER} not found (shared eval data absent)")
    from newsgraph.eval.events import evaluate

    result = evaluate(PLOVER)
    assert result["n"] == 166
    assert result["type_accuracy"] >= 0.60, result
    assert result["actor_accuracy"] >= 0.65, result
    assert result["recipient_accuracy"] >= 0.50, result
