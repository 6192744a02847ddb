"""bench/draw_timeline_sample.py: reproducible draws in the shape of the committed judgement fixtures."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _script():
    spec = importlib.util.spec_from_file_location("draw_timeline_sample", ROOT / "bench" / "draw_timeline_sample.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _items(n: int) -> list[dict]:
    return [{"article_id": f"a{i}", "id": f"V{i}", "published": "2024-03-10", "date": "2024-03-09",
             "type": "CONSULT", "mode": None, "status": "occurred", "actor_name": f"Actor {i}",
             "recipient_name": None, "label": "met", "evidence": {"text": "SENTENCE TEXT"}, "kind": "event"}
            for i in range(n)]


def test_same_seed_same_rows_other_seed_other_rows():
    mod = _script()
    a, b, c = mod.draw(_items(50), 20, 57), mod.draw(_items(50), 20, 57), mod.draw(_items(50), 20, 58)
    assert a == b and a != c and len(a) == 20
    assert len({r["event_id"] for r in a}) == 20  # without replacement


def test_rows_have_the_fixture_shape_and_no_article_text():
    mod = _script()
    fixture = json.loads((ROOT / "docs" / "judgements" / "timeline-after-seed41.jsonl").read_text().splitlines()[0])
    got = mod.draw(_items(5), 3, 1)[0]
    assert set(got) == set(fixture) and set(got["judged"]) == set(fixture["judged"])
    assert all(v is None for v in got["judged"].values())
    assert "SENTENCE TEXT" not in json.dumps(got)
