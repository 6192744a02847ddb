"""A readable terminal report of one analysis (``--format text``), and :func:`safe` for every text report.

Article text, titles, outlet names and file names come from strangers: an escape
sequence in a headline could recolour, clear or rewrite the terminal, and a newline
in a file name could fake a line of an ingest report.  Every text report therefore
passes what it prints through :func:`safe`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from .model import Analysis, Entity, Event, FrameCue, Quote

T = TypeVar("T")

# C0 controls (tab and newline included: a value is printed on one line), DEL, C1 controls,
# bidi overrides/isolates, line/paragraph separators, and lone surrogates (undecodable file-name bytes)
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that os.fsdecode could not decode (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(ch) or (
        f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def safe(text: object) -> str:
    """``text`` with every control character, escape sequence and undecodable byte shown escaped."""
    return _UNSAFE.sub(_escape, str(text))


def _clip(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _section(out: list[str], title: str, items: Sequence[T], line: Callable[[T], str]) -> None:
    """Append ``TITLE (n)`` and one line per item, or nothing when there are no items."""
    if items:
        out.append(f"\n{title} ({len(items)})")
        out.extend(line(x) for x in items)


def _entity_lines(e: Entity, names: dict[str, str]) -> str:
    extra = []
    if e.country:
        extra.append(e.country)
    if e.aliases:
        extra.append("aka " + ", ".join(e.aliases))
    lines = [f"  {e.id:<4} {e.name}  [{e.kind}{', ' + '; '.join(extra) if extra else ''}]"]
    lines += [f"         role: {r.role}" + (f" — {r.org}" if r.org else "") for r in e.roles]
    lines += [f"         part of: {names.get(p, p)}" for p in e.part_of]
    lines += [f"         label: “{lab.text}” ({lab.form})" for lab in e.labels]
    return "\n".join(lines)


def _quote_line(q: Quote, names: dict[str, str]) -> str:
    who = names.get(q.speaker_entity or "", None) or (q.speaker.text if q.speaker else "?")
    cue = q.cue_lemma or (q.cue.text if q.cue else "")
    bits = [q.kind, cue] + ([q.channel] if q.channel else []) + ([q.date] if q.date else [])
    return f"  {who} ({', '.join(b for b in bits if b)}): “{_clip(' … '.join(s.text for s in q.content))}”"


def _event_line(ev: Event) -> str:
    actor = ev.actor.text if ev.actor else "?"
    rec = ev.recipient.text if ev.recipient else "?"
    where = f" in {ev.location.text}" if ev.location else ""
    when = f" on {ev.date}" if ev.date else ""
    return (f"  {ev.type}{'/' + ev.mode if ev.mode else ''}: {actor} → {rec}{when}{where} "
            f"[{ev.status}] «{ev.trigger.text}»")


def _frame_line(f: FrameCue, names: dict[str, str]) -> str:
    target = f" → {names.get(f.target or '', f.target_text or '')}" if (f.target or f.target_text) else ""
    return f"  {f.technique}: “{f.text}”{target} ({f.voice})"


def render(a: Analysis) -> str:
    """The whole analysis as a terminal report: a header, then one section per layer that found something."""
    art = a.article
    out: list[str] = []
    head = safe(art.title) if art.title else _clip(art.text, 70)
    out.append(f"{head}")
    meta = [f"id {art.id}", f"published {art.published or 'unknown'}"]
    if art.source:
        meta.append(f"source {art.source}")
    out.append("  " + " · ".join(meta))
    out.append(f"  model {a.model.package} {a.model.version} (spaCy {a.model.spacy_version}) · "
               f"pipeline {a.pipeline_version} · schema {a.schema_version}")
    names = {e.id: e.name for e in a.entities}

    out.append(f"\nACTORS ({len(a.entities)})")
    out.extend(_entity_lines(e, names) for e in a.entities)
    _section(out, "QUOTES", a.quotes, lambda q: _quote_line(q, names))
    _section(out, "TIMES", a.times, lambda t: f"  {t.text!r:<28} → {t.value or 'unresolved'}")
    _section(out, "EVENTS", a.events, _event_line)
    if a.claims:
        out.append(f"\nCLAIMS ({len(a.claims)})")
        for c in sorted(a.claims, key=lambda c: -c.checkworthiness)[:10]:
            hedge = f" hedged by “{c.hedge.text}”" if c.hedge else ""
            out.append(f"  {c.checkworthiness:.2f} {_clip(c.text)}{hedge}")
    _section(out, "FRAMING", a.frames, lambda f: _frame_line(f, names))
    if a.errors:
        out.append("\nFAILED LAYERS (the other layers are complete)")
        out += [f"  {e.field} ({e.extractor}): {e.error}" for e in a.errors]
    if a.warnings:
        out.append("\nWARNINGS")
        out += [f"  {w}" for w in a.warnings]
    return "\n".join(safe(line) for line in "\n".join(out).split("\n"))
