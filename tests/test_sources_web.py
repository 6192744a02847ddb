"""URL and feed sources against a real HTTP server on 127.0.0.1 (threaded, shut down after each module)."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsgraph.model import Article
from newsgraph.sources import ReadOptions, SourceError, read
from newsgraph.sources.feed import FeedState, poll
from newsgraph.sources.url import USER_AGENT, FetchConfig, decode_body, read_page

STORIES = {
    "harbour": (
        "Harbour cranes return to work in Velmora",
        [
            "Dock workers in the port city of Velmora returned to the cranes on Tuesday after a nine-day "
            "stoppage that had left more than forty container ships waiting offshore.",
            "The Velmora Port Authority said the first vessels were unloaded before noon and that the "
            "backlog should clear by the end of next week if the weather holds.",
            "Union leader Orsolya Brandt told reporters that members had accepted a revised offer that "
            "raises night-shift pay and adds two rest days a month.",
            "Shipping agents welcomed the deal but warned that delivery schedules across the region would "
            "remain disrupted for some time, with perishable cargo the most affected.",
        ],
    ),
    "library": (
        "Riverside library reopens after flood repairs",
        [
            "The central library in Riverside reopened its doors on Saturday, fourteen months after "
            "floodwater destroyed the ground floor and much of the children's collection.",
            "City councillor Dami Okafor said the building now stands on raised foundations and that "
            "the rare map archive has been moved to the third floor.",
            "Volunteers spent the winter cataloguing donated books, and the library said it had received "
            "more than twelve thousand volumes from residents and neighbouring towns.",
            "Opening hours will be extended on weekdays from next month, the council said in a statement.",
        ],
    ),
    "orchard": (
        "Late frost cuts apple harvest in the Tarsen valley",
        [
            "Growers in the Tarsen valley expect their smallest apple harvest in two decades after a late "
            "frost in April killed blossom across hundreds of hectares.",
            "The regional growers' cooperative estimated losses of about a third of the normal crop and "
            "asked the agriculture ministry for emergency support.",
            "A ministry spokesman said officials would visit the valley next week to assess the damage "
            "before any decision on compensation is made.",
            "Some orchards on higher ground escaped the frost, and their owners said prices at the local "
            "market had already begun to rise.",
        ],
    ),
    "cafe": (
        "Café owners in Lüneberg fight rent rises",
        [
            "Owners of more than thirty cafés in the old town of Lüneberg say proposed rent rises would "
            "force them to close before the summer season begins.",
            "The naïve hope that landlords would hold rents steady has faded, said Zoë Marchetti, who has "
            "run a café on the market square for eleven years and pays €2,400 a month.",
            "The town's mayor said he would meet property owners next week and called the cafés part of "
            "what makes the old town worth visiting.",
            "A petition against the increases has gathered more than five thousand signatures since it "
            "was launched at the weekend.",
        ],
    ),
}


def page(title: str, paragraphs: list[str], charset: str = "utf-8", meta_charset: bool = True) -> str:
    head = f'<meta charset="{charset}">' if meta_charset else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head>{head}<title>{title}</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        f"<footer>Copyright The Example Gazette</footer></body></html>"
    )


def rss(entries: list[tuple[str, str, str]]) -> str:
    items = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{guid}</guid>"
        f"<pubDate>Tue, 14 Oct 2025 08:00:00 GMT</pubDate></item>"
        for guid, t, link in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Example Gazette</title><link>http://example.invalid/</link>{items}</channel></rss>"
    )


class Site:
    """Mutable content served by the test server, plus a log of what was requested."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.agents: list[str] = []
        self.feed_entries: list[tuple[str, str, str]] = []
        self.feed_version = 1
        self.stop = threading.Event()
        self.flaky_failures = 1


def make_handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep test output quiet
            pass

        def send(self, status: int, body: bytes, ctype: str, extra: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (extra or {}).items():
                self.send_header(k, v)
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeouts, size cap)
                pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            site.hits[self.path] += 1
            site.agents.append(self.headers.get("User-Agent", ""))
            path = self.path.split("?", 1)[0]
            name = path.strip("/").removesuffix(".html")
            if path.startswith("/story/") and name.split("/")[-1] in STORIES:
                title, paras = STORIES[name.split("/")[-1]]
                self.send(200, page(title, paras).encode(), "text/html; charset=utf-8")
            elif path == "/missing":
                self.send(404, b"<html><body>Not found</body></html>", "text/html")
            elif path == "/slow":
                site.stop.wait(3.0)  # bounded: never longer than 3 s, ends at teardown
                self.send(200, page(*STORIES["harbour"]).encode(), "text/html")
            elif path == "/report.pdf":
                self.send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n", "application/pdf")
            elif path == "/wrong-charset":
                # the header claims UTF-8 but the bytes are Windows-1252
                body = page(*STORIES["cafe"], meta_charset=False).encode("cp1252")
                self.send(200, body, "text/html; charset=utf-8")
            elif path == "/mislabelled-latin1":
                # the header claims ISO-8859-1 but the bytes are UTF-8
                body = page(*STORIES["cafe"], meta_charset=False).encode("utf-8")
                self.send(200, body, "text/html; charset=iso-8859-1")
            elif path == "/huge":
                filler = "<p>" + "Lorem filler sentence for a very long page. " * 40 + "</p>"
                self.send(200, page("Huge", [filler] * 200).encode(), "text/html")
            elif path == "/huge-chunked":
                # no Content-Length: the cap must trip while streaming
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                chunk = ("<p>" + "Streaming filler text. " * 200 + "</p>").encode()
                try:
                    for _ in range(100):
                        self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                    self.wfile.write(b"0\r\n\r\n")
                except (BrokenPipeError, ConnectionResetError):
                    pass
            elif path == "/flaky":
                if site.flaky_failures > 0:
                    site.flaky_failures -= 1
                    self.send(503, b"busy", "text/plain", {"Retry-After": "0"})
                else:
                    self.send(200, page(*STORIES["orchard"]).encode(), "text/html")
            elif path == "/moved":
                self.send(301, b"", "text/html", {"Location": "/story/library.html"})
            elif path == "/feed.xml":
                etag = f'"v{site.feed_version}"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                body = rss(site.feed_entries).encode()
                self.send(200, body, "application/rss+xml", {"ETag": etag})
            else:
                self.send(404, b"no such page", "text/plain")

    return Handler


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, Site]]:
    site = Site()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(site))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", site
    finally:
        site.stop.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def opts(**extra: str) -> ReadOptions:
    base = {"timeout": "1.0", "retries": "0", "backoff": "0.01"}
    base.update(extra)
    return ReadOptions(max_bytes=100_000, extra=base)


def test_page_becomes_article_with_metadata(server: tuple[str, Site]) -> None:
    base, site = server
    got = read_page(f"{base}/story/harbour.html", opts())
    assert isinstance(got, Article), got
    assert "nine-day stoppage" in got.text
    assert "Copyright The Example Gazette" not in got.text  # boilerplate left out
    assert got.title == STORIES["harbour"][0]
    assert got.url == f"{base}/story/harbour.html"
    assert site.agents[-1] == USER_AGENT and USER_AGENT.startswith("newsgraph/")


def test_404_is_an_error_with_the_status(server: tuple[str, Site]) -> None:
    base, _ = server
    got = read_page(f"{base}/missing", opts())
    assert isinstance(got, SourceError)
    assert "HTTP 404" in got.reason


def test_slow_response_times_out(server: tuple[str, Site]) -> None:
    base, site = server
    before = site.hits["/slow"]
    got = read_page(f"{base}/slow", opts(timeout="0.3", retries="1"))
    assert isinstance(got, SourceError)
    assert got.reason.startswith("timeout") and "2 attempts" in got.reason
    assert site.hits["/slow"] - before == 2  # the timeout is transient: retried once


def test_non_html_body_is_rejected(server: tuple[str, Site]) -> None:
    base, _ = server
    got = read_page(f"{base}/report.pdf", opts())
    assert isinstance(got, SourceError)
    assert got.reason.startswith("not HTML: application/pdf")


def test_wrong_charset_header_is_overruled_by_the_bytes(server: tuple[str, Site]) -> None:
    base, _ = server
    got = read_page(f"{base}/wrong-charset", opts())
    assert isinstance(got, Article), got
    assert "Zoë Marchetti" in got.text and "naïve" in got.text and "€2,400" in got.text
    assert got.meta["charset_from"] == "detected"
    got2 = read_page(f"{base}/mislabelled-latin1", opts())
    assert isinstance(got2, Article), got2
    assert "Zoë Marchetti" in got2.text and "Ã" not in got2.text
    assert "bytes are UTF-8" in got2.meta["charset_from"]


def test_oversized_page_is_refused(server: tuple[str, Site]) -> None:
    base, _ = server
    got = read_page(f"{base}/huge", opts())
    assert isinstance(got, SourceError)
    assert got.reason.startswith("too large: Content-Length")
    got = read_page(f"{base}/huge-chunked", opts())
    assert isinstance(got, SourceError)
    assert got.reason == "too large: body exceeds the 100000-byte cap"


def test_server_error_is_retried_with_backoff(server: tuple[str, Site]) -> None:
    base, site = server
    site.flaky_failures = 1
    got = read_page(f"{base}/flaky", opts(retries="2"))
    assert isinstance(got, Article), got
    assert "late frost" in got.text
    site.flaky_failures = 5
    got = read_page(f"{base}/flaky", opts(retries="1"))
    assert isinstance(got, SourceError) and "HTTP 503" in got.reason


def test_redirect_followed_and_final_url_kept(server: tuple[str, Site]) -> None:
    base, _ = server
    got = read_page(f"{base}/moved", opts())
    assert isinstance(got, Article), got
    assert got.url == f"{base}/story/library.html"
    assert got.meta["requested_url"] == f"{base}/moved"


def test_read_dispatches_urls_and_never_raises(server: tuple[str, Site]) -> None:
    base, _ = server
    items = list(read([f"{base}/story/orchard.html", f"{base}/missing", f"{base}/report.pdf"], opts()))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Article", "SourceError", "SourceError"]


def test_feed_repoll_fetches_only_new_entries(server: tuple[str, Site], tmp_path: Path) -> None:
    base, site = server
    feed = f"{base}/feed.xml"
    site.feed_entries = [
        ("g-harbour", "Harbour cranes return", f"{base}/story/harbour.html?f=1"),
        ("g-library", "Library reopens", f"{base}/story/library.html?f=1"),
        ("g-dead", "A story that was removed", f"{base}/missing?f=1"),
    ]
    site.feed_version = 1
    state_path = tmp_path / "feeds.json"

    state = FeedState(state_path)
    first = poll(feed, state, opts())
    state.save()
    assert first.status == "ok" and first.entries == 3 and first.new == 2
    errors = [i for i in first.items if isinstance(i, SourceError)]
    assert len(errors) == 1 and "HTTP 404" in errors[0].reason
    arts = [i for i in first.items if isinstance(i, Article)]
    assert all(a.meta["feed"] == feed and a.published == "2025-10-14" for a in arts)

    # unchanged feed: the ETag makes it a 304 and no page is fetched
    hits_before = sum(site.hits.values())
    state = FeedState(state_path)
    second = poll(feed, state, opts())
    assert second.status == "not-modified" and second.items == []
    assert sum(site.hits.values()) - hits_before == 1

    # one new entry: only its page is fetched, from a fresh process' point of view (state reloaded)
    site.feed_entries.insert(0, ("g-orchard", "Late frost", f"{base}/story/orchard.html?f=1"))
    site.feed_version = 2
    pages_before = {k: v for k, v in site.hits.items() if "?f=1" in k}
    state = FeedState(state_path)
    third = poll(feed, state, opts())
    state.save()
    pages_after = {k: v for k, v in site.hits.items() if "?f=1" in k}
    fetched = {k for k in pages_after if pages_after[k] != pages_before.get(k, 0)}
    assert fetched == {"/story/orchard.html?f=1"}
    assert third.new == 1 and "late frost" in third.items[0].text  # type: ignore[union-attr]


def test_feed_transient_failure_is_retried_next_poll(server: tuple[str, Site], tmp_path: Path) -> None:
    base, site = server
    feed = f"{base}/feed.xml"
    site.feed_entries = [("g-flaky", "Flaky page", f"{base}/flaky")]
    site.feed_version = 10
    site.flaky_failures = 1
    state = FeedState(tmp_path / "s.json")
    first = poll(feed, state, opts(retries="0"))
    assert first.new == 0 and isinstance(first.items[0], SourceError)
    site.feed_version = 11  # force a full fetch of the feed again
    second = poll(feed, state, opts(retries="0"))
    assert second.new == 1


def test_decode_body_prefers_declared_charset_when_it_fits() -> None:
    text, charset, how = decode_body("Ångström".encode("cp1252"), "text/html; charset=windows-1252")
    assert (text, charset, how) == ("Ångström", "windows-1252", "header")
    text, _, how = decode_body(b'<meta charset="koi8-r">' + "Москва".encode("koi8-r"), "text/html")
    assert "Москва" in text and how == "meta"


def test_fetch_config_reads_options() -> None:
    cfg = FetchConfig.from_options(ReadOptions(max_bytes=1234, extra={"timeout": "2.5", "retries": "4"}))
    assert (cfg.timeout, cfg.retries, cfg.max_bytes) == (2.5, 4, 1234)


def test_watch_once_ingests_new_entries_and_second_round_adds_nothing(server: tuple[str, Site], tmp_path: Path) -> None:
    from newsgraph.cli.watch import parse_interval, watch
    from newsgraph.store import Store

    assert (parse_interval("15m"), parse_interval("90s"), parse_interval("2h")) == (900, 90, 7200)
    base, site = server
    site.feed_entries = [
        ("w-harbour", "Harbour cranes return", f"{base}/story/harbour.html?w=1"),
        ("w-cafe", "Cafe owners fight rents", f"{base}/story/cafe.html?w=1"),
    ]
    site.feed_version = 100
    db, state = str(tmp_path / "w.db"), tmp_path / "w.json"
    lines: list[str] = []
    assert watch([f"{base}/feed.xml"], db, once=True, state_path=state, echo=lines.append) == 2
    site.feed_version = 101  # the feed changes (new ETag) but lists no new entry
    assert watch([f"{base}/feed.xml"], db, once=True, state_path=state, echo=lines.append) == 0
    assert "0 new" in lines[-1]
    with Store(db) as store:
        assert store.count() == 2
        assert {a.meta.get("feed_entry_id") for a in store.articles()} == {"w-harbour", "w-cafe"}


def test_read_of_a_feed_url_yields_its_entries_articles(server: tuple[str, Site]) -> None:
    base, site = server
    site.feed_entries = [
        ("r-bridge", "Library", f"{base}/story/library.html?r=1"),
        ("r-gone", "Gone", f"{base}/missing?r=1"),
    ]
    site.feed_version = 200
    items = list(read([f"{base}/feed.xml"], opts()))
    assert [type(i).__name__ for i in items] == ["Article", "SourceError"]
    assert items[0].meta["feed_entry_id"] == "r-bridge"  # type: ignore[union-attr]
