"""JSON Lines export: one full analysis per line (the same JSON as ``analyze --format json``)."""

from __future__ import annotations

from typing import Any, BinaryIO

from . import exporter


@exporter("jsonl", "One analysis JSON object per line, with schema_version and the model that ran.")
def export_jsonl(store: Any, out: BinaryIO, **_: Any) -> int:
    n = 0
    for analysis in store.iter_analyses():
        out.write(analysis.model_dump_json().encode("utf-8") + b"\n")
        n += 1
    return n
