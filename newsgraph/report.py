"""A readable terminal report of one analysis (``--format text``), and :func:`safe` for every text report.

Article text, titles, outlet names and file names come from strangers: an escape
sequence in a headline could recolour, clear or rewrite the terminal, and a newline
in a file name could fake a line of an ingest report.  Every text report therefore
passes what it prints through :func:`safe`.
"""

from __future__ import annotations

import re

from .model import Analysis

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


def render(a: Analysis) -> str:
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
    for e in a.entities:
        extra = []
        if e.country:
            extra.append(e.country)
        if e.aliases:
            extra.append("aka " + ", ".join(e.aliases))
        out.append(f"  {e.id:<4} {e.name}  [{e.kind}{', ' + '; '.join(extra) if extra else ''}]")
        for r in e.roles:
            out.append(f"         role: {r.role}" + (f" — {r.org}" if r.org else ""))
        for p in e.part_of:
            out.append(f"         part of: {names.get(p, p)}")
        for lab in e.labels:
            out.append(f"         label: “{lab.text}” ({lab.form})")

    if a.quotes:
        out.append(f"\nQUOTES ({len(a.quotes)})")
        for q in a.quotes:
            who = names.get(q.speaker_entity or "", None) or (q.speaker.text if q.speaker else "?")
            cue = q.cue_lemma or (q.cue.text if q.cue else "")
            bits = [q.kind, cue] + ([q.channel] if q.channel else []) + ([q.date] if q.date else [])
            out.append(f"  {who} ({', '.join(b for b in bits if b)}): “{_clip(' … '.join(s.text for s in q.content))}”")
    if a.times:
        out.append(f"\nTIMES ({len(a.times)})")
        for t in a.times:
            out.append(f"  {t.text!r:<28} → {t.value or 'unresolved'}")
    if a.events:
        out.append(f"\nEVENTS ({len(a.events)})")
        for ev in a.events:
            actor = ev.actor.text if ev.actor else "?"
            rec = ev.recipient.text if ev.recipient else "?"
            where = f" in {ev.location.text}" if ev.location else ""
            when = f" on {ev.date}" if ev.date else ""
            out.append(f"  {ev.type}{'/' + ev.mode if ev.mode else ''}: {actor} → {rec}{when}{where} "
                       f"[{ev.status}] «{ev.trigger.text}»")
    if a.claims:
        out.append(f"\nCLAIMS ({len(a.claims)})")
        for c in sorted(a.claims, key=lambda c: -c.checkworthiness)[:10]:
            hedge = f" hedged by “{c.hedge.text}”" if c.hedge else ""
            out.append(f"  {c.checkworthiness:.2f} {_clip(c.text)}{hedge}")
    if a.frames:
        out.append(f"\nFRAMING ({len(a.frames)})")
        for f in a.frames:
            target = f" → {names.get(f.target or '', f.target_text or '')}" if (f.target or f.target_text) else ""
            out.append(f"  {f.technique}: “{f.text}”{target} ({f.voice})")
    if a.errors:
        out.append("\nFAILED LAYERS (the other layers are complete)")
        out += [f"  {e.field} ({e.extractor}): {e.error}" for e in a.errors]
    if a.warnings:
        out.append("\nWARNINGS")
        out += [f"  {w}" for w in a.warnings]
    return "\n".join(safe(line) for line in "\n".join(out).split("\n"))
