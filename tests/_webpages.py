"""Fictional news pages and WARC files built from them (helpers for the web, WARC, Spark and PostgreSQL tests).

Every story here is invented for these tests: places, people and events are fictional.
"""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

STORIES: dict[str, tuple[str, str, list[str]]] = {
    "harbour": (
        "Harbour cranes return to work in Velmora",
        "2025-03-04",
        [
            "Dock workers in the port city of Velmora returned to the cranes on Tuesday after a nine-day "
            "stoppage that had left more than forty container ships waiting offshore.",
            "The Velmora Port Authority said the first vessels were unloaded before noon and that the "
            "backlog should clear by the end of next week if the weather holds.",
            "Union leader Orsolya Brandt told reporters that members had accepted a revised offer that "
            "raises night-shift pay and adds two rest days a month.",
        ],
    ),
    "library": (
        "Riverside library reopens after flood repairs",
        "2025-05-17",
        [
            "The central library in Riverside reopened its doors on Saturday, fourteen months after "
            "floodwater destroyed the ground floor and much of the children's collection.",
            "City councillor Dami Okafor said the building now stands on raised foundations and that "
            "the rare map archive has been moved to the third floor.",
            "Volunteers spent the winter cataloguing donated books, and the library said it had received "
            "more than twelve thousand volumes from residents and neighbouring towns.",
        ],
    ),
    "orchard": (
        "Late frost cuts apple harvest in the Tarsen valley",
        "2025-06-02",
        [
            "Growers in the Tarsen valley expect their smallest apple harvest in two decades after a late "
            "frost in April killed blossom across hundreds of hectares.",
            "The regional growers' cooperative estimated losses of about a third of the normal crop and "
            "asked the agriculture ministry for emergency support.",
            "A ministry spokesman said officials would visit the valley next week to assess the damage "
            "before any decision on compensation is made.",
        ],
    ),
    "bridge": (
        "Engineers close the old Kessel bridge to lorries",
        "2025-07-21",
        [
            "Heavy lorries will be banned from the old Kessel bridge from Monday after engineers found "
            "cracks in two of its supporting piers during a routine inspection.",
            "The regional transport office said cars and buses could still cross but that a diversion for "
            "freight traffic would add about twenty minutes to journeys.",
            "Haulage firms said the closure would raise costs for businesses on the eastern bank, and the "
            "mayor of Kessel called on the government to fund a replacement.",
        ],
    ),
    "election": (
        "Marlow council election count delayed by recount",
        "2025-09-12",
        [
            "The count in the Marlow council election was delayed until Friday morning after two "
            "candidates in the northern ward asked for a full recount.",
            "Election officer Priya Lindqvist said fewer than thirty votes separated the leading "
            "candidates and that the recount would be completed under observation.",
            "Turnout across the district was forty-one per cent, slightly higher than at the last local "
            "election four years ago.",
        ],
    ),
}


def page_html(key: str, *, with_date: bool = True) -> str:
    title, date, paras = STORIES[key]
    meta = f'<meta property="article:published_time" content="{date}T08:00:00Z">' if with_date else ""
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>{meta}</head><body>'
        f"<nav><a href='/'>Home</a> <a href='/local'>Local</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        f"<footer>Copyright The Example Gazette</footer></body></html>"
    )


def _record_bytes(build: callable, gz: bool) -> bytes:  # type: ignore[valid-type]
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    build(writer)
    return buf.getvalue()


def response_record(
    writer: WARCWriter,
    url: str,
    body: bytes,
    content_type: str = "text/html; charset=utf-8",
    status: str = "200 OK",
    date: str = "2025-10-01T12:00:00Z",
) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    rec = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict={"WARC-Date": date}
    )
    writer.write_record(rec)


def request_record(writer: WARCWriter, url: str) -> None:
    http = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "example.invalid")], is_http_request=True)
    writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=http))


def build_members(gz: bool, keys: list[str] | None = None) -> list[tuple[str, bytes]]:
    """(kind, bytes) per record: 'page:<key>', 'request', 'image', 'redirect'."""
    keys = keys or list(STORIES)
    out: list[tuple[str, bytes]] = []
    for i, key in enumerate(keys):
        url = f"https://gazette.example/{key}.html"
        if i == 1:
            out.append(("request", _record_bytes(lambda w, u=url: request_record(w, u), gz)))
        html = page_html(key).encode("utf-8")
        out.append((f"page:{key}", _record_bytes(lambda w, u=url, b=html: response_record(w, u, b), gz)))
        if i == 2:
            png = b"\x89PNG\r\n\x1a\n" + bytes(200)
            out.append(
                (
                    "image",
                    _record_bytes(
                        lambda w, p=png: response_record(w, "https://gazette.example/a.png", p, "image/png"), gz
                    ),
                )
            )
            out.append(
                (
                    "redirect",
                    _record_bytes(
                        lambda w: response_record(w, "https://gazette.example/old", b"", "text/html", "301 Moved"), gz
                    ),
                )
            )
    return out


def write_warc(path: Path, members: list[tuple[str, bytes]]) -> Path:
    path.write_bytes(b"".join(b for _, b in members))
    return path


def corrupt(member: bytes, gz: bool) -> bytes:
    """Damage one record the way real crawls get damaged."""
    if gz:
        # overwrite compressed bytes in the middle of the member: the inflater fails or the CRC does
        mid = len(member) // 2
        return member[:mid] + b"\x00\xff" * 16 + member[mid + 32 :]
    # a mangled header block: the version line and the length are lost
    return b"WARX/1.0\r\nContent-Len" + member[40:]
