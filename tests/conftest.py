"""Shared fixtures.  Tests that need ../shared (the evaluation data and the seed
article) skip with a reason when it is absent, as on a user's machine."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def shared_path() -> Path | None:
    env = os.environ.get("NEWSGRAPH_SHARED")
    for cand in ([Path(env)] if env else []) + [ROOT.parent / "shared"]:
        if cand.is_dir():
            return cand
    return None


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = shared_path()
    if path is None:
        pytest.skip("../shared is not present (evaluation data and the seed article live there)")
    return path


@pytest.fixture(scope="session")
def seed_text(shared_dir: Path) -> str:
    return (shared_dir / "examples" / "seed-article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold(shared_dir: Path) -> dict:
    return json.loads((shared_dir / "examples" / "seed-article.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_analysis(seed_text: str):
    from newsgraph import analyze

    return analyze(seed_text, published="2021-04-04", source="seed-outlet")


@pytest.fixture()
def store(tmp_path: Path):
    from newsgraph.store import Store

    s = Store(str(tmp_path / "test.db"))
    yield s
    s.close()


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return ROOT / "examples" / "articles"
