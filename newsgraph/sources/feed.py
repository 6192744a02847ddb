"""RSS and Atom feeds: the entries' pages, fetched through the URL reader.

A feed is polled again and again (``newsgraph watch``), so polite polling matters:
the feed's ``ETag`` and ``Last-Modified`` are remembered and sent back
(``If-None-Match`` / ``If-Modified-Since``) so an unchanged feed costs one 304,
and the ids of entries already ingested are remembered so a re-poll fetches
only the new pages.  The memory is a small JSON file (:class:`FeedState`),
written atomically, and only after the caller has stored what it received
(:meth:`FeedState.save`) — a crash between fetching and storing means the
entries are fetched again, never lost.

An entry whose page fails transiently (timeout, 5xx) is not marked seen, so the
next poll tries it again; a permanent failure (404, not HTML) is marked seen
and reported once.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import feedparser
import httpx

from ..model import Article
from . import ReadOptions, SourceError, read_local, source
from .url import FetchConfig, FetchError, fetch, kind_of, make_client

MAX_SEEN = 5000  # per feed; a feed rarely lists more than a few hundred entries
DEFAULT_STATE = ".newsgraph-feeds.json"


def default_state_path() -> Path:
    """``NEWSGRAPH_FEED_STATE`` if set, else ``.newsgraph-feeds.json`` in the working directory."""
    return Path(os.environ.get("NEWSGRAPH_FEED_STATE") or DEFAULT_STATE)


@dataclass
class FeedMemory:
    etag: str | None = None
    modified: str | None = None
    seen: list[str] = field(default_factory=list)
    last_poll: float | None = None


class FeedState:
    """What each feed told us last time: validators and the entry ids already taken."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.feeds: dict[str, FeedMemory] = {}
        self._seen_sets: dict[str, set[str]] = {}
        if self.path is not None and self.path.exists():
            try:
                raw = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                raw = {}
            for url, mem in (raw.get("feeds") or {}).items():
                self.feeds[url] = FeedMemory(
                    etag=mem.get("etag"),
                    modified=mem.get("modified"),
                    seen=list(mem.get("seen") or []),
                    last_poll=mem.get("last_poll"),
                )

    def memory(self, feed_url: str) -> FeedMemory:
        return self.feeds.setdefault(feed_url, FeedMemory())

    def seen(self, feed_url: str, entry_id: str) -> bool:
        if feed_url not in self._seen_sets:
            self._seen_sets[feed_url] = set(self.memory(feed_url).seen)
        return entry_id in self._seen_sets[feed_url]

    def mark(self, feed_url: str, entry_id: str) -> None:
        if self.seen(feed_url, entry_id):
            return
        mem = self.memory(feed_url)
        mem.seen.append(entry_id)
        self._seen_sets[feed_url].add(entry_id)
        if len(mem.seen) > MAX_SEEN:
            drop = mem.seen[: len(mem.seen) - MAX_SEEN]
            mem.seen = mem.seen[-MAX_SEEN:]
            self._seen_sets[feed_url].difference_update(drop)

    def save(self) -> None:
        """Write the state atomically (temp file + rename), so a crash never leaves half a file."""
        if self.path is None:
            return
        data = {"version": 1, "feeds": {url: vars(mem) for url, mem in sorted(self.feeds.items())}}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".feeds-", dir=self.path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=1)
        os.replace(tmp, self.path)


def entry_id(entry: Any) -> str | None:
    """The entry's stable identity: its ``id``/``guid``, else its link, else its title."""
    return entry.get("id") or entry.get("link") or entry.get("title") or None


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return None


def _entry_author(entry: Any) -> str | None:
    return entry.get("author") or None


def _enrich(article: Article, entry: Any, feed_url: str, feed_title: str | None) -> Article:
    """Fill what the page lacked from the feed entry; the page's own metadata wins."""
    meta = dict(article.meta)
    meta["feed"] = feed_url
    if eid := entry_id(entry):
        meta["feed_entry_id"] = eid
    update: dict[str, Any] = {"meta": meta}
    if not article.title and entry.get("title"):
        update["title"] = entry.get("title")
    if not article.published and (date := _entry_date(entry)):
        update["published"] = date
    if not article.author and (author := _entry_author(entry)):
        update["author"] = author
    if not article.source and feed_title:
        update["source"] = feed_title
    return article.model_copy(update=update)


def _entry_article(
    entry: Any,
    feed_url: str,
    feed_title: str | None,
    options: ReadOptions,
    client: httpx.Client,
    config: FetchConfig,
) -> tuple[Article | SourceError, bool]:
    """The entry's article (or error) and whether the failure is worth retrying next poll."""
    from .html import article_from_html
    from .url import article_from_fetched

    link = entry.get("link")
    eid = entry_id(entry)
    origin = f"{feed_url}#{eid}" if eid else (link or feed_url)
    where = f"feed {feed_url}, entry {eid or link or '?'}"
    content = entry.get("content") or []
    full = content[0].get("value") if content else None
    # a plain <guid> becomes feedparser's "link" too: only an http(s) link is a page to fetch
    fetchable = isinstance(link, str) and link.lower().startswith(("http://", "https://"))
    # full content stands in for a page that cannot be fetched; a summary only when there is no page at all
    body = full if fetchable else (full or entry.get("summary"))
    result: Article | SourceError | None = None
    if fetchable:
        origin = link
        try:
            fetched = fetch(link, config, client=client)
        except FetchError as err:
            if not body:
                return SourceError(origin, f"{where}: {err.reason}"), err.transient
        else:
            if kind_of(fetched) == "html":
                result = article_from_fetched(fetched, origin, options)
            elif not body:
                return SourceError(origin, f"{where}: not HTML: {fetched.mime or 'no content type'}"), False
    if result is None or (isinstance(result, SourceError) and body):
        # no page (or no usable page): use the HTML the feed carries (full-content feeds)
        if not body:
            return SourceError(origin, f"{where}: the entry has neither a web link nor content"), False
        result = article_from_html(f"<html><body><article>{body}</article></body></html>", origin, None, options)
        if isinstance(result, SourceError):
            result = SourceError(origin, f"{where}: {result.reason}")
    if isinstance(result, SourceError):
        return result, False
    return _enrich(result, entry, feed_url, feed_title), False


@dataclass
class PollResult:
    """What one poll of one feed produced."""

    feed: str
    status: str  # "ok", "not-modified" or "error: <reason>"
    entries: int = 0
    new: int = 0
    items: list[Article | SourceError] = field(default_factory=list)


def poll(
    feed_url: str,
    state: FeedState,
    options: ReadOptions | None = None,
    *,
    client: httpx.Client | None = None,
    config: FetchConfig | None = None,
) -> PollResult:
    """Fetch the feed (conditionally) and the pages of entries not seen before.

    Entries are marked seen in ``state`` (in memory); call ``state.save()`` after
    storing the articles.
    """
    options = options or ReadOptions()
    config = config or FetchConfig.from_options(options)
    own = client is None
    client = client or make_client(config)
    try:
        mem = state.memory(feed_url)
        headers = {"Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"}
        if mem.etag:
            headers["If-None-Match"] = mem.etag
        if mem.modified:
            headers["If-Modified-Since"] = mem.modified
        try:
            fetched = fetch(feed_url, config, client=client, headers=headers)
        except FetchError as err:
            return PollResult(feed_url, f"error: {err.reason}", items=[SourceError(feed_url, err.reason)])
        mem.last_poll = time.time()
        if fetched.status == 304:
            return PollResult(feed_url, "not-modified")
        parsed = feedparser.parse(fetched.content)
        if parsed.bozo and not parsed.entries:
            reason = f"not a feed: {parsed.get('bozo_exception')!s}"
            return PollResult(feed_url, f"error: {reason}", items=[SourceError(feed_url, reason)])
        mem.etag = fetched.headers.get("etag") or mem.etag
        mem.modified = fetched.headers.get("last-modified") or mem.modified
        result = PollResult(feed_url, "ok", entries=len(parsed.entries))
        feed_title = parsed.feed.get("title") if parsed.get("feed") else None
        for entry in parsed.entries:
            eid = entry_id(entry)
            if eid is None or state.seen(feed_url, eid):
                continue
            item, retry = _entry_article(entry, feed_url, feed_title, options, client, config)
            result.items.append(item)
            if not retry:
                state.mark(feed_url, eid)
            if isinstance(item, Article):
                result.new += 1
        return result
    finally:
        if own:
            client.close()


def articles_from_feed_bytes(
    content: bytes,
    feed_url: str,
    options: ReadOptions,
    *,
    client: httpx.Client | None = None,
    config: FetchConfig | None = None,
) -> Iterator[Article | SourceError]:
    """Every entry of an already fetched (or local) feed, without any memory of past polls."""
    parsed = feedparser.parse(content)
    if parsed.bozo and not parsed.entries:
        yield SourceError(feed_url, f"not a feed: {parsed.get('bozo_exception')!s}")
        return
    config = config or FetchConfig.from_options(options)
    own = client is None
    client = client or make_client(config)
    try:
        feed_title = parsed.feed.get("title") if parsed.get("feed") else None
        for entry in parsed.entries:
            item, _ = _entry_article(entry, feed_url, feed_title, options, client, config)
            yield item
    finally:
        if own:
            client.close()


def _sniff_feed(head: bytes) -> bool:
    h = head.lower()
    return b"<rss" in h or (b"<feed" in h and b"http://www.w3.org/2005/atom" in h) or b"<rdf:rdf" in h


@source("feed", suffixes=(".rss", ".atom"), schemes=("feed",), sniff=_sniff_feed, priority=1)
def read_feed(location: str, options: ReadOptions) -> Iterator[Article | SourceError]:
    """A feed file on disk, or ``feed://host/path`` (fetched over https), read in full."""
    if location.startswith("feed://"):
        url = "https://" + location[len("feed://") :]
        try:
            fetched = fetch(url, FetchConfig.from_options(options))
        except FetchError as err:
            yield SourceError(location, err.reason)
            return
        yield from articles_from_feed_bytes(fetched.content, url, options)
        return
    content = read_local(location, options)  # --max-bytes holds for local feeds too
    if isinstance(content, SourceError):
        yield content
        return
    yield from articles_from_feed_bytes(content, location, options)
