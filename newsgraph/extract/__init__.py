"""Extractors: each module does one job — a parsed ``Doc`` in, records out.

An extractor is a function registered with :func:`extractor`::

    @extractor("quotes", field="quotes", version="1", after=("actors",))
    def extract_quotes(doc: Doc, analysis: Analysis) -> list[Quote]: ...

``analysis`` holds the article and the records of the extractors that ran before
(the ones named in ``after``); the returned list is stored under
``analysis.<field>``.  Built-in extractors are registrations exactly like a
third party's would be: every module of this package is imported by
:func:`discover`, and nothing central lists them.
"""

from __future__ import annotations

import hashlib
import importlib
import pkgutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..model import Analysis, Record

ExtractFn = Callable[[Doc, Analysis], Sequence[Record]]


@dataclass(frozen=True)
class ExtractorSpec:
    name: str
    field: str
    func: ExtractFn
    version: str = "1"
    after: tuple[str, ...] = field(default_factory=tuple)


REGISTRY: dict[str, ExtractorSpec] = {}


def extractor(
    name: str, *, field: str, version: str = "1", after: Sequence[str] = ()
) -> Callable[[ExtractFn], ExtractFn]:
    """Register ``func`` as the extractor ``name`` writing ``Analysis.<field>``."""
    if field not in Analysis.model_fields:
        raise ValueError(f"extractor {name!r}: Analysis has no field {field!r}")

    def register(func: ExtractFn) -> ExtractFn:
        REGISTRY[name] = ExtractorSpec(name, field, func, version, tuple(after))
        return func

    return register


_discovered = False


def discover() -> None:
    """Import every module of this package so their extractors register."""
    global _discovered
    if _discovered:
        return
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")
    _discovered = True


def ordered(names: Sequence[str] | None = None) -> list[ExtractorSpec]:
    """Registered extractors (or the named ones and what they need), dependencies first."""
    discover()
    wanted = list(REGISTRY) if names is None else list(names)
    result: list[ExtractorSpec] = []
    seen: set[str] = set()

    def visit(name: str, chain: tuple[str, ...]) -> None:
        if name in seen:
            return
        if name in chain:
            raise ValueError("extractor cycle: " + " -> ".join((*chain, name)))
        if name not in REGISTRY:
            raise KeyError(f"unknown extractor {name!r}; known: {', '.join(sorted(REGISTRY))}")
        for dep in REGISTRY[name].after:
            if dep in REGISTRY:
                visit(dep, (*chain, name))
        seen.add(name)
        result.append(REGISTRY[name])

    for name in sorted(wanted):
        visit(name, ())
    return result


def fingerprint() -> str:
    """A short digest of the registered extractors and their versions."""
    discover()
    parts = sorted(f"{s.name}:{s.version}" for s in REGISTRY.values())
    return hashlib.sha1(",".join(parts).encode()).hexdigest()[:8]
