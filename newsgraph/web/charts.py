"""Server-side SVG charts: no JavaScript charting library, nothing fetched at view time.

The timeline puts each dated item on a date axis, one lane per event type (time
expressions on their own lane); every mark is a link to its evidence in the
article page, and its ``<title>`` names what it is.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from markupsafe import Markup, escape

from ..queries import parse_date

WIDTH, LANE_H, LEFT, TOP, BOTTOM = 960, 34, 150, 16, 40


def _ticks(lo: date, hi: date) -> list[tuple[date, str]]:
    span = (hi - lo).days
    if span > 3 * 365:
        years = [(date(y, 1, 1), str(y)) for y in range(lo.year, hi.year + 2) if lo <= date(y, 1, 1) <= hi]
        step = max(1, -(-len(years) // 8))  # at most ~8 labels: they must not overlap
        return years[::step]
    if span > 60:
        out = []
        y, m = lo.year, lo.month
        while date(y, m, 1) <= hi:
            d = date(y, m, 1)
            if d >= lo:
                out.append((d, d.strftime("%Y-%m")))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        step = max(1, -(-len(out) // 8))
        return out[::step]
    step = max(1, -(-span // 8))
    return [(lo + timedelta(days=i), (lo + timedelta(days=i)).isoformat()) for i in range(0, span + 1, step)]


def timeline_svg(items: list[dict[str, Any]]) -> Markup:
    """An SVG scatter of ``items`` (from :func:`newsgraph.queries.timeline`) on a date axis."""
    dated = [(parse_date(i["date"]), i) for i in items]
    dated = [(d, i) for d, i in dated if d is not None]
    if not dated:
        return Markup('<p class="empty">No dated events yet.</p>')
    lo = min(d for d, _ in dated)
    hi = max(d for d, _ in dated)
    if lo == hi:
        lo, hi = lo - timedelta(days=3), hi + timedelta(days=3)
    pad = max(1, (hi - lo).days // 40)
    lo, hi = lo - timedelta(days=pad), hi + timedelta(days=pad)
    lanes = sorted({i["type"] for _, i in dated}, key=lambda t: (t == "TIME", t))
    height = TOP + LANE_H * len(lanes) + BOTTOM
    span = max(1, (hi - lo).days)

    def x(d: date) -> float:
        return LEFT + (WIDTH - LEFT - 20) * (d - lo).days / span

    parts = [
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-label="Timeline of {len(dated)} dated items" xmlns="http://www.w3.org/2000/svg">'
    ]
    for n, lane in enumerate(lanes):
        y = TOP + LANE_H * n + LANE_H / 2
        label = "time expressions" if lane == "TIME" else lane
        parts.append(f'<line class="lane" x1="{LEFT}" x2="{WIDTH - 20}" y1="{y}" y2="{y}"/>')
        parts.append(
            f'<text class="lane-label" x="{LEFT - 8}" y="{y + 4}" text-anchor="end">{escape(label)}</text>'
        )
    axis_y = TOP + LANE_H * len(lanes) + 6
    parts.append(f'<line class="axis" x1="{LEFT}" x2="{WIDTH - 20}" y1="{axis_y}" y2="{axis_y}"/>')
    for d, label in _ticks(lo, hi):
        parts.append(f'<line class="tick" x1="{x(d):.1f}" x2="{x(d):.1f}" y1="{axis_y}" y2="{axis_y + 5}"/>')
        parts.append(
            f'<text class="tick-label" x="{x(d):.1f}" y="{axis_y + 18}" text-anchor="middle">'
            f"{escape(label)}</text>"
        )
    stacks: dict[tuple[str, int], int] = {}
    for d, i in dated:
        lane = lanes.index(i["type"])
        px = round(x(d))
        k = stacks.get((i["type"], px), 0)
        stacks[(i["type"], px)] = k + 1
        cy = TOP + LANE_H * lane + LANE_H / 2 - min(k, 3) * 5
        cls = "mark time" if i["kind"] == "time" else "mark event"
        title = f"{i['date']} {i['type']}: {i['label']}"
        if i.get("actor_name") or i.get("recipient_name"):
            title += f" — {i.get('actor_name') or '?'} → {i.get('recipient_name') or '?'}"
        title += f" ({i.get('source') or 'unknown outlet'}: {i.get('title') or i['article_id']})"
        parts.append(
            f'<a href="{escape(i["href"])}" class="evidence"><circle class="{cls}" cx="{px}" cy="{cy}" r="6">'
            f"<title>{escape(title)}</title></circle></a>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def network_svg(graph: dict[str, Any], *, size: int = 960, labels: int = 40) -> Markup:
    """The actor graph as a static SVG: nodes on concentric rings by degree (the most connected
    in the middle), radius by degree, names only for the ``labels`` most connected, thin
    translucent edges.  Deterministic and readable at 500 nodes, where a force layout without a
    browser is either slow or a hairball."""
    import math

    nodes = sorted(graph.get("nodes", []), key=lambda n: (-n["degree"], n["name"]))
    if not nodes:
        return Markup('<p class="empty">No connections between actors yet.</p>')
    c = size / 2
    pos: dict[str, tuple[float, float]] = {}
    ring, placed, per = 0, 0, 1
    while placed < len(nodes):
        count = min(per, len(nodes) - placed)
        r = 0.0 if ring == 0 else (c - 40) * ring / max(1, _rings(len(nodes)))
        for k in range(count):
            ang = 2 * math.pi * k / count + ring * 0.37
            pos[nodes[placed + k]["id"]] = (c + r * math.cos(ang), c + r * math.sin(ang))
        placed += count
        ring += 1
        per = 8 * ring
    top = max(n["degree"] for n in nodes) or 1
    parts = [f'<svg class="network-static" viewBox="0 0 {size} {size}" width="100%" role="img" '
             f'aria-label="Actor network of {len(nodes)} actors" xmlns="http://www.w3.org/2000/svg">']
    for ln in graph.get("links", []):
        if ln["source"] in pos and ln["target"] in pos:
            (x1, y1), (x2, y2) = pos[ln["source"]], pos[ln["target"]]
            w = min(4.0, 0.5 + math.log1p(ln["weight"]))
            parts.append(f'<line class="edge {escape(ln["kind"])}" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" '
                         f'y2="{y2:.1f}" stroke-width="{w:.2f}"/>')
    for i, n in enumerate(nodes):
        x, y = pos[n["id"]]
        rad = 2 + 10 * math.sqrt(n["degree"] / top)
        parts.append(f'<a href="{escape(n["href"])}"><circle class="node" cx="{x:.1f}" cy="{y:.1f}" r="{rad:.1f}">'
                     f'<title>{escape(n["name"])} (degree {n["degree"]})</title></circle></a>')
        if i < labels:
            parts.append(f'<text class="node-label" x="{x + rad + 2:.1f}" y="{y + 4:.1f}">{escape(n["name"])}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _rings(n: int) -> int:
    """How many rings of 1, 8, 16, 24 … places hold ``n`` nodes."""
    ring, cap = 0, 1
    while cap < n:
        ring += 1
        cap += 8 * ring
    return ring


_STYLE = (
    "<style>.lane{stroke:#ddd}.axis,.tick{stroke:#888}.lane-label,.tick-label,.node-label"
    "{font:11px sans-serif;fill:#333}.mark.event{fill:#c0392b}.mark.time{fill:#2c7fb8}"
    ".edge.acts_on{stroke:#c0392b}.edge.quoted_about{stroke:#2c7fb8}.edge{stroke-opacity:.5}"
    ".node{fill:#444}</style>"
)


def standalone(svg: str) -> str:
    """A chart as a file of its own: XML declaration, white background and the styles inline
    (on the page they come from style.css), so it looks the same in a report or a slide."""
    body = svg.replace("<svg ", '<svg style="background:#fff" ', 1)
    head, sep, rest = body.partition(">")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + head + sep + _STYLE + rest


def png_available() -> bool:
    try:
        import cairosvg  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def to_png(svg_doc: str, scale: float = 2.0) -> bytes | None:
    """PNG of a standalone SVG via CairoSVG (a maintained library, no browser); None without it."""
    try:
        import cairosvg
    except (ImportError, OSError):
        return None
    return cairosvg.svg2png(bytestring=svg_doc.encode("utf-8"), scale=scale)
