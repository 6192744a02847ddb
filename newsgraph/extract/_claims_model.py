"""An optional, user-trained check-worthiness model.

Why it exists: the shipped rule weights work everywhere, but a newsroom with its
own labelled sentences can do better on its own beat.  ``newsgraph train claims``
fits a scikit-learn logistic regression over the rule features plus a bag of
words and saves it to a path on the user's machine; when that file exists the
extractor uses it.  Nothing trained is shipped with newsgraph.

Where the model lives: ``$NEWSGRAPH_CLAIMS_MODEL`` if set, else
``$XDG_DATA_HOME/newsgraph/claims-model.pkl`` (``~/.local/share/...`` by default).
Set ``NEWSGRAPH_CLAIMS_MODEL=none`` to force the rule-based default.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

FORMAT = "newsgraph-claims-model/1"


def default_model_path() -> Path:
    """Where the trained model is read from and, by default, written to."""
    env = os.environ.get("NEWSGRAPH_CLAIMS_MODEL", "").strip()
    if env and env.lower() != "none":
        return Path(env).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME", "").strip() or str(Path.home() / ".local" / "share")
    return Path(data_home) / "newsgraph" / "claims-model.pkl"


def _disabled() -> bool:
    return os.environ.get("NEWSGRAPH_CLAIMS_MODEL", "").strip().lower() == "none"


@dataclass
class ClaimsModel:
    """A fitted pipeline over ``{"text": ..., "features": [...]}`` rows."""

    pipeline: Any
    threshold: float = 0.5
    trained_on: str = ""

    def score(self, text: str, features: Sequence[str]) -> float:
        proba = self.pipeline.predict_proba([{"text": text, "features": list(features)}])[0][1]
        return float(proba)

    def score_many(self, texts: Sequence[str], features: Sequence[Sequence[str]]) -> list[float]:
        rows = [{"text": t, "features": list(f)} for t, f in zip(texts, features, strict=True)]
        return [float(p[1]) for p in self.pipeline.predict_proba(rows)]


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> ClaimsModel | None:
    with open(path, "rb") as fh:
        payload = pickle.load(fh)  # noqa: S301 - the user's own file, written by train()
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        return None
    return payload["model"]


def loaded_model() -> ClaimsModel | None:
    """The user's trained model, or None when there is none (the rule-based default applies)."""
    if _disabled():
        return None
    path = default_model_path()
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return None
    try:
        return _load(str(path), mtime)
    except Exception:  # a broken file must not break analysis: fall back to the rules
        return None


def _text_of(rows: Sequence[dict]) -> list[str]:
    return [r["text"] for r in rows]


def _features_of(rows: Sequence[dict]) -> list[dict[str, float]]:
    return [{f: 1.0 for f in r["features"]} for r in rows]


def build_pipeline() -> Any:
    """Logistic regression over the interpretable features plus word uni/bigrams."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline, make_pipeline
    from sklearn.preprocessing import FunctionTransformer

    union = FeatureUnion(
        [
            ("features", make_pipeline(FunctionTransformer(_features_of), DictVectorizer())),
            (
                "words",
                make_pipeline(
                    FunctionTransformer(_text_of),
                    TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
                ),
            ),
        ]
    )
    return Pipeline([("union", union), ("clf", LogisticRegression(max_iter=2000, C=2.0))])


def train(texts: Sequence[str], features: Sequence[Sequence[str]], labels: Sequence[int], *,
          out: Path | None = None, source: str = "") -> Path:
    """Fit on the user's labelled sentences and save the model; returns the path written."""
    pipeline = build_pipeline()
    rows = [{"text": t, "features": list(f)} for t, f in zip(texts, features, strict=True)]
    pipeline.fit(rows, list(labels))
    model = ClaimsModel(pipeline=pipeline, trained_on=source)
    path = Path(out).expanduser() if out is not None else default_model_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        pickle.dump({"format": FORMAT, "model": model}, fh)
    _load.cache_clear()
    return path
