"""Extraction eval: the metric on hand-made cases, and the F1 floor on the Scrapinghub benchmark."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from newsgraph.eval.extract import aggregate, evaluate, page_counts


def test_identical_texts_score_one_and_disjoint_zero() -> None:
    body = "The council of Velmora approved the new tram line on Monday after a long debate."
    assert page_counts(body, body) == (1.0, 0.0, 0.0)
    assert page_counts(body, "Completely unrelated words about a football match in another town.")[0] == 0.0
    assert aggregate([page_counts(body, body)]) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_extra_boilerplate_costs_precision_missing_text_costs_recall() -> None:
    body = "Dock workers returned to the cranes on Tuesday after a nine-day stoppage in the port."
    noisy = body + " Subscribe to our newsletter for the latest updates from the harbour every day."
    short = "Dock workers returned to the cranes on Tuesday."
    p_noisy = aggregate([page_counts(body, noisy)])
    p_short = aggregate([page_counts(body, short)])
    assert p_noisy["recall"] == 1.0 and p_noisy["precision"] < 1.0
    assert p_short["precision"] == 1.0 and p_short["recall"] < 1.0


def test_shingles_count_repeats() -> None:
    # a paragraph extracted twice is a false positive, not free
    body = "one two three four five six"
    tp, fp, fn = page_counts(body, body + " " + body)
    assert fn == 0 and fp > 0


def test_evaluate_on_a_tiny_directory(tmp_path: Path) -> None:
    paras = [
        "The central library in Riverside reopened its doors on Saturday, fourteen months after floodwater "
        "destroyed the ground floor and much of the children's collection.",
        "City councillor Dami Okafor said the building now stands on raised foundations and that the rare "
        "map archive has been moved to the third floor of the building.",
    ]
    html = (
        "<html><head><title>Library reopens</title></head><body><nav>Home | News | Sport</nav><article>"
        "<h1>Library reopens</h1>" + "".join(f"<p>{p}</p>" for p in paras) + "</article>"
        "<footer>All rights reserved</footer></body></html>"
    )
    (tmp_path / "html").mkdir()
    with gzip.open(tmp_path / "html" / "p1.html.gz", "wt", encoding="utf-8") as fh:
        fh.write(html)
    (tmp_path / "ground-truth.json").write_text(
        json.dumps({"p1": {"articleBody": "\n".join(paras), "url": "https://example.invalid/p1"}})
    )
    result = evaluate(tmp_path)
    assert result.pages == 1 and result.failed == 0
    assert result.f1 > 0.9


def _benchmark_dir() -> Path | None:
    shared = Path(os.environ.get("NEWSGRAPH_SHARED") or Path(__file__).resolve().parents[2] / "shared")
    d = shared / "eval" / "article-extraction"
    return d if (d / "ground-truth.json").exists() else None


@pytest.mark.eval
def test_body_f1_floor_on_scrapinghub_benchmark() -> None:
    d = _benchmark_dir()
    if d is None:
        pytest.skip("shared/eval/article-extraction is absent")
    result = evaluate(d)
    assert result.pages == 181
    assert result.f1 >= 0.93, result.to_dict()
