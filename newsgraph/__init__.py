"""newsgraph: news articles in, an evidence-linked graph of actors, quotes, events,
dates, claims and framing out.

The names below are loaded on first use (PEP 562), so ``import newsgraph.model`` or
``newsgraph --help`` does not pay for spaCy or SQLAlchemy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> the module that defines it
_LAZY = {
    "SCHEMA_VERSION": "newsgraph.model",
    "Analysis": "newsgraph.model",
    "Article": "newsgraph.model",
    "analyze": "newsgraph.pipeline",
    "analyze_article": "newsgraph.pipeline",
    "analyze_many": "newsgraph.pipeline",
    "Store": "newsgraph.store",
}

if TYPE_CHECKING:
    from .model import SCHEMA_VERSION, Analysis, Article
    from .pipeline import analyze, analyze_article, analyze_many
    from .store import Store

__all__ = [
    "SCHEMA_VERSION", "Analysis", "Article", "Store", "analyze", "analyze_article", "analyze_many", "__version__",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
