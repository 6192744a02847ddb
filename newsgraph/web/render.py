"""Turn an analysis into highlighted HTML without ever trusting the article text.

The text is cut at every annotation boundary (and at line breaks) into
segments; each segment is escaped on its own and wrapped in the elements of the
annotations covering it, outermost layer first.  Markup therefore only ever
comes from this module, never from the text, and overlapping annotations of
different layers nest correctly because every segment closes what it opens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote as urlquote

from markupsafe import Markup, escape

from ..model import Analysis

# Outermost first.  A link must be innermost: an <a> cannot contain another.
LAYERS = ("quote", "claim", "frame", "event", "time", "speaker", "cue", "mention")
LAYER_INFO = {  # layer: (legend label, description, shown when the page opens)
    "quote": ("Quotes", "highlighted by speaker", True),
    "claim": ("Claims", "check-worthy statements", False),
    "frame": ("Framing", "loaded language, persuasion techniques", True),
    "event": ("Events", "who did what to whom", True),
    "time": ("Times", "dates and durations", True),
    "mention": ("Actors", "links to actor pages", True),
}
N_COLOURS = 8


@dataclass
class Ann:
    layer: str
    start: int
    end: int
    rid: str
    css: str
    tip: str
    href: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)


def speaker_colours(analysis: Analysis) -> dict[str, int]:
    """Speaker key -> colour index 1..7, in order of first quote, so the speakers of one article
    get distinct colours (0, grey, is for unattributed quotes)."""
    out: dict[str, int] = {}
    for q in analysis.quotes:
        key = _speaker_key(analysis, q)
        if key is not None and key not in out:
            out[key] = 1 + len(out) % (N_COLOURS - 1)
    return out


def _speaker_key(analysis: Analysis, q: object) -> str | None:
    ent = analysis.entity(q.speaker_entity)  # type: ignore[attr-defined]
    if ent is not None:
        return f"entity:{ent.id}"
    return f"text:{q.speaker.text}" if q.speaker else None  # type: ignore[attr-defined]


def _role(analysis: Analysis, entity_id: str | None) -> str | None:
    ent = analysis.entity(entity_id)
    if ent is None or not ent.roles:
        return None
    r = ent.roles[0]
    return f"{r.role}, {r.org}" if r.org else r.role


def speakers(analysis: Analysis, actor_ids: dict[str, str]) -> list[dict[str, object]]:
    """The legend: one row per speaker with its colour, name, role, actor link and quote count."""
    rows: dict[str, dict[str, object]] = {}
    colours = speaker_colours(analysis)
    for q in analysis.quotes:
        ent = analysis.entity(q.speaker_entity)
        name = ent.name if ent else (q.speaker.text if q.speaker else "unattributed")
        key = _speaker_key(analysis, q) or "unattributed"
        row = rows.setdefault(
            key,
            {
                "name": name,
                "colour": colours.get(key, 0),
                "role": _role(analysis, q.speaker_entity),
                "count": 0,
                "href": f"/actors/{urlquote(actor_ids[q.speaker_entity], safe='')}"
                if q.speaker_entity in actor_ids
                else None,
            },
        )
        row["count"] = int(row["count"]) + 1  # type: ignore[call-overload]
    return list(rows.values())


def annotations(analysis: Analysis, actor_ids: dict[str, str]) -> list[Ann]:
    """Every highlightable span of the analysis, with its tooltip text."""
    text_len = len(analysis.article.text)
    out: list[Ann] = []

    def add(a: Ann) -> None:
        if 0 <= a.start < a.end <= text_len:
            out.append(a)

    published = analysis.article.published
    colours = speaker_colours(analysis)
    for q in analysis.quotes:
        ent = analysis.entity(q.speaker_entity)
        name = ent.name if ent else (q.speaker.text if q.speaker else "unattributed")
        colour = colours.get(_speaker_key(analysis, q) or "", 0)
        role = _role(analysis, q.speaker_entity)
        tip = "\n".join(
            x
            for x in (
                f"Quote {q.id} ({q.kind})",
                f"Speaker: {name}",
                f"Role: {role}" if role else "",
                f"Cue: {q.cue.text}" if q.cue else "",
                f"Date: {q.date or published or 'unknown'}",
            )
            if x
        )
        attrs = {"data-speaker": name}
        for s in q.content:
            add(Ann("quote", s.start, s.end, q.id, f"q spk-{colour}", tip, attrs=attrs))
        if q.speaker:
            add(
                Ann(
                    "speaker",
                    q.speaker.start,
                    q.speaker.end,
                    q.id,
                    f"spkr spk-{colour}",
                    f"Speaker of {q.id}",
                )
            )
        if q.cue:
            add(
                Ann("cue", q.cue.start, q.cue.end, q.id, "cue", f"Cue of {q.id}: {q.cue_lemma or q.cue.text}")
            )
    for m in analysis.mentions:
        ent = analysis.entity(m.entity)
        aid = actor_ids.get(m.entity or "")
        tip = f"{ent.name if ent else m.text} ({m.type}, {m.form})"
        if ent and ent.kind:
            tip += f"\nKind: {ent.kind}" + (f", {ent.country}" if ent.country else "")
        href = f"/actors/{urlquote(aid, safe='')}" if aid else None
        add(Ann("mention", m.start, m.end, m.id, f"ent ent-{m.type.lower()}", tip, href=href))
    for e in analysis.events:
        parts = [f"Event {e.id}: {e.type}" + (f" ({e.mode})" if e.mode else "")]
        if e.actor:
            parts.append(f"Actor: {e.actor.text}")
        if e.recipient:
            parts.append(f"Recipient: {e.recipient.text}")
        parts.append(f"Date: {e.date or 'unknown'}  Status: {e.status}")
        if e.location:
            parts.append(f"Where: {e.location.text}")
        add(Ann("event", e.trigger.start, e.trigger.end, e.id, "ev", "\n".join(parts)))
    for t in analysis.times:
        add(Ann("time", t.start, t.end, t.id, "tx", f"Time {t.id}: {t.type} = {t.value or 'unresolved'}"))
    for c in analysis.claims:
        add(
            Ann(
                "claim",
                c.start,
                c.end,
                c.id,
                "cl",
                f"Claim {c.id}: check-worthiness {c.checkworthiness:.2f}"
                + (f"\nFeatures: {', '.join(c.features)}" if c.features else ""),
            )
        )
    for f in analysis.frames:
        add(
            Ann(
                "frame",
                f.start,
                f.end,
                f.id,
                "fr",
                f"{f.technique}" + (f" → {f.target_text}" if f.target_text else "") + f"\n{f.explanation}",
            )
        )
    return out


def _open(a: Ann, first: bool) -> str:
    # the tooltip and the id go on the first fragment only; the page script finds them by id
    attrs = {"class": f"ann {a.css}", "data-layer": a.layer, "data-ref": a.rid, **a.attrs}
    if first:
        attrs["id"] = f"{a.layer}-{a.rid}"
        attrs["data-tip"] = a.tip
    html = " ".join(f'{k}="{escape(v)}"' for k, v in attrs.items() if v)
    if a.href:
        return f'<a href="{escape(a.href)}" {html}>'
    return f"<span {html}>"


def _close(a: Ann) -> str:
    return "</a>" if a.href else "</span>"


def highlight(text: str, anns: list[Ann]) -> Markup:
    """The article as ``<p>`` paragraphs with every annotation wrapped around its characters."""
    cuts = {0, len(text)}
    for a in anns:
        cuts.update((a.start, a.end))
    for i, ch in enumerate(text):
        if ch == "\n":
            cuts.update((i, i + 1))
    bounds = sorted(cuts)
    order = {name: i for i, name in enumerate(LAYERS)}
    by_start = sorted(anns, key=lambda a: (a.start, order[a.layer], -(a.end - a.start)))
    active: list[Ann] = []
    seen: set[tuple[str, str]] = set()
    out = ['<p dir="auto">']
    j = 0
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        while j < len(by_start) and by_start[j].start <= lo:
            active.append(by_start[j])
            j += 1
        active = [a for a in active if a.end > lo]
        seg = text[lo:hi]
        if seg == "\n":
            out.append('</p>\n<p dir="auto">')
            continue
        cover = sorted(
            (a for a in active if a.start <= lo and a.end >= hi),
            key=lambda a: (order[a.layer], -(a.end - a.start)),
        )
        # a link may not contain a link: keep only the innermost mention
        mentions = [a for a in cover if a.layer == "mention"]
        if len(mentions) > 1:
            cover = [a for a in cover if a.layer != "mention"] + [mentions[-1]]
        for a in cover:
            key = (a.layer, a.rid)
            out.append(_open(a, key not in seen))
            seen.add(key)
        out.append(str(escape(seg)))
        out.extend(_close(a) for a in reversed(cover))
    out.append("</p>")
    html = "".join(out).replace('<p dir="auto"></p>', "")
    return Markup(html)


def render_article(analysis: Analysis, actor_ids: dict[str, str]) -> Markup:
    return highlight(analysis.article.text, annotations(analysis, actor_ids))
