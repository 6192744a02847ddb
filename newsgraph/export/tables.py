"""Tables as files: CSV and JSON Lines of exactly the rows a page or command shows.

Every list in the workbench (who said what, claims, framing cues, timeline, network edges)
offers these downloads; they are written here so that the columns and quoting are the same
everywhere.  Cells that a spreadsheet would run as a formula (leading ``=``, ``+``, ``-``,
``@``, tab, CR) get a leading apostrophe: article text is untrusted.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def rows_csv(rows: Iterable[dict[str, Any]], fields: Sequence[str]) -> str:
    """CSV text with a header of ``fields`` and one line per row (missing keys empty)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(fields), extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for row in rows:
        w.writerow({k: _cell(row.get(k)) for k in fields})
    return buf.getvalue()


def rows_jsonl(rows: Iterable[dict[str, Any]], fields: Sequence[str] | None = None) -> str:
    """One JSON object per row (only ``fields`` when given), UTF-8 kept as is."""
    out = []
    for row in rows:
        obj = {k: row.get(k) for k in fields} if fields else row
        out.append(json.dumps(obj, ensure_ascii=False))
    return "".join(line + "\n" for line in out)
