"""Exporters: ``newsgraph export --format NAME`` — one module per format.

An exporter is registered with :func:`exporter` and receives the open
:class:`newsgraph.store.Store` and a binary output stream::

    @exporter("jsonl", "One analysis JSON object per line.")
    def export_jsonl(store: Store, out: BinaryIO, **options) -> int: ...   # returns rows written

Built-in formats (:data:`BUILTINS`) and third-party ones (entry points of the group
``newsgraph.exporters``) are loaded the same way, by :class:`newsgraph.plugins.PluginLoader`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO

from ..plugins import PluginLoader

ENTRY_POINT_GROUP = "newsgraph.exporters"
BUILTINS: tuple[str, ...] = ("newsgraph.export.jsonl", "newsgraph.export.graph", "newsgraph.export.plover")

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


_load_exporters = PluginLoader(BUILTINS, ENTRY_POINT_GROUP)


def discover() -> dict[str, ExporterSpec]:
    """The registered formats: built-ins and ``newsgraph.exporters`` entry points."""
    _load_exporters()
    return EXPORTERS


def export(store: Any, fmt: str, out: BinaryIO, **options: Any) -> int:
    specs = discover()
    if fmt not in specs:
        raise KeyError(f"unknown export format {fmt!r}; known: {', '.join(sorted(specs))}")
    return specs[fmt].func(store, out, **options)
