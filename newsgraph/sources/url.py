"""Web pages: ``http(s)://`` locations fetched with httpx and turned into articles.

Fetching the open web fails in many ordinary ways (dead links, slow servers,
PDFs behind article links, pages that lie about their charset, multi-megabyte
pages); each of those becomes a :class:`SourceError` with a reason a person can
act on, never an exception that ends a batch.  Transient failures (5xx, 429,
timeouts, dropped connections) are retried with exponential backoff; permanent
ones (4xx, not HTML, too large) are not, because retrying cannot fix them.

Options come from :class:`ReadOptions`: ``max_bytes`` caps the body, and
``extra`` may set ``timeout`` (seconds), ``retries`` and ``backoff`` (seconds).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime

import httpx

from .. import __version__
from ..model import Article
from . import ReadOptions, SourceError, source
from ._decode import decode_body, looks_like_html  # noqa: F401 - re-exported: one decoding path

USER_AGENT = f"newsgraph/{__version__} (+https://github.com/newsgraph/newsgraph; news research crawler)"
DEFAULT_TIMEOUT = 20.0
DEFAULT_RETRIES = 2
DEFAULT_BACKOFF = 1.0
MAX_REDIRECTS = 5
MAX_RETRY_AFTER = 60.0

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
XML_TYPES = ("application/xml", "text/xml")
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})



class FetchError(Exception):
    """A URL that gave no usable body.  ``transient`` says whether a later retry may succeed."""

    def __init__(self, reason: str, *, transient: bool = False, status: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.transient = transient
        self.status = status


@dataclass
class FetchConfig:
    """How patient and how greedy a fetch is."""

    timeout: float = DEFAULT_TIMEOUT
    retries: int = DEFAULT_RETRIES
    backoff: float = DEFAULT_BACKOFF
    max_bytes: int = 5_000_000
    user_agent: str = USER_AGENT

    @classmethod
    def from_options(cls, options: ReadOptions) -> FetchConfig:
        extra = options.extra or {}
        return cls(
            timeout=float(extra.get("timeout", DEFAULT_TIMEOUT)),
            retries=int(extra.get("retries", DEFAULT_RETRIES)),
            backoff=float(extra.get("backoff", DEFAULT_BACKOFF)),
            max_bytes=options.max_bytes,
        )


@dataclass
class Fetched:
    """A body that arrived whole, with what is needed to decode and cite it."""

    requested_url: str
    url: str
    status: int
    content: bytes
    content_type: str
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def mime(self) -> str:
        return self.content_type.split(";", 1)[0].strip().lower()


def make_client(config: FetchConfig | None = None) -> httpx.Client:
    """An httpx client with newsgraph's user agent, timeouts and redirect limit (reuse it for many URLs)."""
    config = config or FetchConfig()
    return httpx.Client(
        headers={"User-Agent": config.user_agent, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"},
        timeout=httpx.Timeout(config.timeout, connect=min(config.timeout, 10.0)),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
    )


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    if not value:
        return None
    try:
        return min(float(value), MAX_RETRY_AFTER)
    except ValueError:
        try:
            return min(max(parsedate_to_datetime(value).timestamp() - time.time(), 0.0), MAX_RETRY_AFTER)
        except (TypeError, ValueError):
            return None


def _fetch_once(client: httpx.Client, url: str, config: FetchConfig, headers: dict[str, str]) -> Fetched:
    deadline = time.monotonic() + config.timeout * 3  # a slow trickle must not hold a worker forever
    try:
        with client.stream("GET", url, headers=headers) as response:
            if response.status_code == 304:
                return Fetched(url, str(response.url), 304, b"", "", dict(response.headers))
            if response.status_code >= 400:
                transient = response.status_code in RETRY_STATUS
                err = FetchError(
                    f"HTTP {response.status_code} {response.reason_phrase}".strip(),
                    transient=transient,
                    status=response.status_code,
                )
                err.retry_after = _retry_after(response)  # type: ignore[attr-defined]
                raise err
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > config.max_bytes:
                raise FetchError(f"too large: Content-Length {declared} exceeds the {config.max_bytes}-byte cap")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > config.max_bytes:
                    raise FetchError(f"too large: body exceeds the {config.max_bytes}-byte cap")
                if time.monotonic() > deadline:
                    raise FetchError(f"timeout: body not complete within {config.timeout * 3:.0f}s", transient=True)
                chunks.append(chunk)
            return Fetched(
                requested_url=url,
                url=str(response.url),
                status=response.status_code,
                content=b"".join(chunks),
                content_type=response.headers.get("content-type", ""),
                headers=dict(response.headers),
            )
    except httpx.TooManyRedirects:
        raise FetchError(f"too many redirects (more than {MAX_REDIRECTS})") from None
    except httpx.TimeoutException as exc:
        raise FetchError(f"timeout after {config.timeout:g}s ({exc.__class__.__name__})", transient=True) from None
    except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError) as exc:
        raise FetchError(f"connection failed: {exc.__class__.__name__}: {exc}", transient=True) from None
    except httpx.InvalidURL as exc:
        raise FetchError(f"invalid URL: {exc}") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"HTTP error: {exc.__class__.__name__}: {exc}") from None


def fetch(
    url: str,
    config: FetchConfig | None = None,
    *,
    client: httpx.Client | None = None,
    headers: dict[str, str] | None = None,
) -> Fetched:
    """GET ``url``: redirects followed, body capped, transient failures retried with backoff.

    Raises :class:`FetchError` with the reason when no usable body arrives.
    """
    config = config or FetchConfig()
    own = client is None
    client = client or make_client(config)
    try:
        attempt = 0
        while True:
            try:
                return _fetch_once(client, url, config, headers or {})
            except FetchError as err:
                if not err.transient or attempt >= config.retries:
                    if attempt:
                        err.reason = f"{err.reason} (after {attempt + 1} attempts)"
                        err.args = (err.reason,)
                    raise
                wait = getattr(err, "retry_after", None)
                time.sleep(wait if wait is not None else config.backoff * (2**attempt))
                attempt += 1
    finally:
        if own:
            client.close()


def looks_like_feed(content: bytes) -> bool:
    head = content[:2048].lower()
    return b"<rss" in head or (b"<feed" in head and b"atom" in head) or b"<rdf:rdf" in head


def kind_of(fetched: Fetched) -> str:
    """``html``, ``feed`` or ``other``: by declared type, sniffing only when the type is missing or generic."""
    mime = fetched.mime
    if mime in HTML_TYPES:
        return "html"
    if mime in FEED_TYPES:
        return "feed"
    if mime in XML_TYPES or mime in ("", "application/octet-stream", "text/plain"):
        if looks_like_feed(fetched.content):
            return "feed"
        if mime != "text/plain" and looks_like_html(fetched.content):
            return "html"
    return "other"


def article_from_fetched(fetched: Fetched, origin: str, options: ReadOptions) -> Article | SourceError:
    """A fetched HTML body through the same HTML→Article path as local HTML files."""
    from .html import article_from_html

    text, charset, how = decode_body(fetched.content, fetched.content_type)
    result = article_from_html(text, origin, fetched.url, options)
    if isinstance(result, Article):
        meta = dict(result.meta)
        meta.update({"charset": charset, "charset_from": how, "http_status": str(fetched.status)})
        if fetched.url != fetched.requested_url:
            meta["requested_url"] = fetched.requested_url
        result = result.model_copy(update={"meta": meta})
    return result


def read_page(
    url: str, options: ReadOptions, *, client: httpx.Client | None = None, config: FetchConfig | None = None
) -> Article | SourceError:
    """One web page as an article, or the reason it is not one (feeds are not followed here)."""
    config = config or FetchConfig.from_options(options)
    try:
        fetched = fetch(url, config, client=client)
    except FetchError as err:
        return SourceError(url, err.reason)
    kind = kind_of(fetched)
    if kind != "html":
        what = fetched.mime or "no content type"
        return SourceError(url, f"not HTML: {what} ({len(fetched.content)} bytes)")
    return article_from_fetched(fetched, url, options)


@source("url", schemes=("http", "https"))
def read_url(location: str, options: ReadOptions) -> Iterator[Article | SourceError]:
    """An ``http(s)://`` location: a page becomes one article; a feed becomes its entries' articles."""
    config = FetchConfig.from_options(options)
    with make_client(config) as client:
        try:
            fetched = fetch(location, config, client=client)
        except FetchError as err:
            yield SourceError(location, err.reason)
            return
        kind = kind_of(fetched)
        if kind == "html":
            yield article_from_fetched(fetched, location, options)
        elif kind == "feed":
            from .feed import articles_from_feed_bytes

            yield from articles_from_feed_bytes(fetched.content, location, options, client=client, config=config)
        else:
            what = fetched.mime or "no content type"
            yield SourceError(location, f"not HTML: {what} ({len(fetched.content)} bytes)")
