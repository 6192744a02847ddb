"""Sources: where articles come from — one module per kind of input.

A source registers a reader with :func:`source`; :func:`read` picks the reader
for each location (by URL scheme, then by file suffix, then by sniffing) and
yields :class:`Article` objects or :class:`SourceError` objects — never raises
for bad input, so one broken file never stops a batch::

    @source("warc", suffixes=(".warc", ".warc.gz", ".arc", ".arc.gz"))
    def read_warc(location: str, options: ReadOptions) -> Iterator[Article | SourceError]: ...
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Article

DEFAULT_MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class SourceError:
    """A location (or one record inside it) that yielded no article, and why."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True)
class ReadOptions:
    """Settings every reader honours."""

    max_bytes: int = DEFAULT_MAX_BYTES
    published: str | None = None
    source: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


Reader = Callable[[str, ReadOptions], Iterator[Article | SourceError]]


def read_local(location: str, options: ReadOptions) -> bytes | SourceError:
    """A local file's bytes under the ``--max-bytes`` cap, or the :class:`SourceError` saying why not.

    Every file reader starts here, so an unreadable or oversized file is reported the same way
    whatever its format.
    """
    from ._decode import DecodeError, read_file

    try:
        return read_file(location, options.max_bytes)
    except DecodeError as exc:
        return SourceError(location, str(exc))


@dataclass(frozen=True)
class SourceSpec:
    name: str
    func: Reader
    suffixes: tuple[str, ...] = ()
    schemes: tuple[str, ...] = ()
    sniff: Callable[[bytes], bool] | None = None
    priority: int = 0


SOURCES: dict[str, SourceSpec] = {}


def source(
    name: str,
    *,
    suffixes: Iterable[str] = (),
    schemes: Iterable[str] = (),
    sniff: Callable[[bytes], bool] | None = None,
    priority: int = 0,
) -> Callable[[Reader], Reader]:
    """Register ``func`` as the reader ``name``."""

    def register(func: Reader) -> Reader:
        SOURCES[name] = SourceSpec(name, func, tuple(s.lower() for s in suffixes), tuple(schemes), sniff, priority)
        return func

    return register


_discovered = False


def discover() -> dict[str, SourceSpec]:
    global _discovered
    if not _discovered:
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
            if not info.name.startswith("_"):
                importlib.import_module(f"{__name__}.{info.name}")
        _discovered = True
    return SOURCES


def reader_for(location: str, head: bytes = b"") -> SourceSpec | None:
    """The reader that claims ``location``: by scheme, then suffix, then content sniffing."""
    specs = sorted(discover().values(), key=lambda s: -s.priority)
    if "://" in location:
        scheme = location.split("://", 1)[0].lower()
        for spec in specs:
            if scheme in spec.schemes:
                return spec
        return None
    name = location.lower()
    for spec in specs:
        if spec.suffixes and name.endswith(spec.suffixes):
            return spec
    for spec in specs:
        if spec.sniff is not None and head and spec.sniff(head):
            return spec
    return SOURCES.get("text")


def display_name(location: str) -> str:
    """``location`` as storable, printable text: bytes a file name had that are not UTF-8
    (kept by Python as lone surrogates, which no database or terminal accepts) become ``\\xNN``."""
    try:
        location.encode("utf-8")
        return location
    except UnicodeEncodeError:
        return location.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def special_file(location: str) -> str | None:
    """Why ``location`` is not read: a FIFO, device or socket (opening one could block forever)."""
    try:
        mode = os.stat(location).st_mode
    except OSError:
        return None  # missing or unreadable: the reader reports it
    for test, what in ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return f"skipped: {what}, not a regular file (pipe it in with - to read it)"
    return None


def expand(locations: Iterable[str]) -> Iterator[str]:
    """Directories become their files (sorted, recursively, hidden files skipped)."""
    for loc in locations:
        path = Path(loc)
        if "://" not in loc and loc != "-" and path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield str(Path(root) / name)
        else:
            yield loc


def read(locations: Iterable[str], options: ReadOptions | None = None) -> Iterator[Article | SourceError]:
    """Articles from every location (files, directories, ``-`` for stdin, URLs)."""
    options = options or ReadOptions()
    discover()
    for loc in expand(locations):
        head = b""
        name = display_name(loc)
        if loc != "-" and "://" not in loc:
            if reason := special_file(loc):
                yield SourceError(name, reason)
                continue
            try:
                with open(loc, "rb") as fh:
                    head = fh.read(512)
            except OSError as exc:
                yield SourceError(name, f"cannot read: {exc.strerror or exc}")
                continue
        spec = SOURCES.get("stdin") if loc == "-" else reader_for(loc, head)
        if spec is None:
            yield SourceError(name, "no reader for this kind of input")
            continue
        try:
            for item in spec.func(loc, options):
                yield _named(item) if name != loc else item
        except Exception as exc:  # a reader bug must not end the batch
            yield SourceError(name, f"{spec.name} reader failed: {exc!r}")


def _named(item: Article | SourceError) -> Article | SourceError:
    """The item with its origin made storable (a non-UTF-8 file name)."""
    if isinstance(item, SourceError):
        return SourceError(display_name(item.origin), item.reason)
    if item.origin and display_name(item.origin) != item.origin:
        return item.model_copy(update={"origin": display_name(item.origin)})
    return item
