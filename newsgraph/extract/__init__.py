"""Extractors: each module does one job — a parsed ``Doc`` in, records out.

The contract (how an extractor declares what it assigns and requires, how built-ins and
entry-point plugins are found, how the pipeline fingerprint is computed) lives in
:mod:`newsgraph.plugins`; this package re-exports it so an extractor module can write::

    from . import extractor

    @extractor("quotes", field="quotes", after=("actors", "times"))
    def extract_quotes(doc: Doc, analysis: Analysis) -> list[Quote]: ...
"""

from __future__ import annotations

from ..plugins import (
    REGISTRY,
    ExtractFn,
    ExtractorSpec,
    PluginError,
    discover,
    extractor,
    fingerprint,
    ordered,
)

__all__ = ["REGISTRY", "ExtractFn", "ExtractorSpec", "PluginError", "discover", "extractor", "fingerprint", "ordered"]
