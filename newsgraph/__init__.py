"""newsgraph: news articles in, an evidence-linked graph of actors, quotes, events,
dates, claims and framing out."""

from __future__ import annotations

__version__ = "0.1.0"

from .model import SCHEMA_VERSION, Analysis, Article  # noqa: E402
from .pipeline import analyze, analyze_article, analyze_many  # noqa: E402
from .store import Store  # noqa: E402

__all__ = [
    "SCHEMA_VERSION", "Analysis", "Article", "Store", "analyze", "analyze_article", "analyze_many", "__version__",
]
