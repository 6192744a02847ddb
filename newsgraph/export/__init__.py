"""Exporters: ``newsgraph export --format NAME`` — one module per format.

An exporter is registered with :func:`exporter` and receives the open
:class:`newsgraph.store.Store` and a binary output stream::

    @exporter("jsonl", "One analysis JSON object per line.")
    def export_jsonl(store: Store, out: BinaryIO, **options) -> int: ...   # returns rows written
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO

ExportFn = Callable[..., int]


@dataclass(frozen=True)
class ExporterSpec:
    name: str
    help: str
    func: ExportFn


EXPORTERS: dict[str, ExporterSpec] = {}


def exporter(name: str, help: str) -> Callable[[ExportFn], ExportFn]:
    def register(func: ExportFn) -> ExportFn:
        EXPORTERS[name] = ExporterSpec(name, help, func)
        return func

    return register


def discover() -> dict[str, ExporterSpec]:
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")
    return EXPORTERS


def export(store: Any, fmt: str, out: BinaryIO, **options: Any) -> int:
    specs = discover()
    if fmt not in specs:
        raise KeyError(f"unknown export format {fmt!r}; known: {', '.join(sorted(specs))}")
    return specs[fmt].func(store, out, **options)
