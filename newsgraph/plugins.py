"""The one plugin contract: how an extractor is declared, found, ordered and fingerprinted.

An extractor is a function ``(doc, analysis) -> records`` registered with :func:`extractor`::

    @extractor("quotes", field="quotes", requires=("entities", "mentions", "times"))
    def extract_quotes(doc: Doc, analysis: Analysis) -> list[Quote]: ...

Like a spaCy component it declares what it **assigns** (``field``, stored from the return value,
plus any other ``Analysis`` fields it sets itself, e.g. ``assigns=("mentions",)``) and what it
**requires** (``Analysis`` fields other extractors must have filled first).  ``after=`` (names of
extractors) is kept as an alias so existing registrations work unchanged.  A name or a field that
nothing registered provides is an error, not a silent skip: a typo would otherwise drop a layer.

Built-ins and third-party extractors register the same way: :func:`discover` imports each module
of :data:`BUILTINS`, then each entry point of the ``newsgraph.extractors`` group (``pyproject``:
``[project.entry-points."newsgraph.extractors"] mine = "mypkg.extract"``), and those modules run
the same decorator.  Nothing else is imported: lexicon and helper modules are not extractors.

The pipeline fingerprint is computed, not bumped by hand: each extractor's digest covers the source
of its module, of every module of the same top-level package it imports (transitively, lazy
imports included), the data files those packages keep beside their ``__init__.py`` (lexicons),
the files it lists in ``data=``, and its ``version`` string.  Editing a lexicon or a helper moves
the fingerprint, so ``newsgraph reanalyze`` re-runs the articles that the change may affect.

This module imports neither spaCy nor SQLAlchemy: the registry is cheap to import.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import inspect
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .model import Analysis, Record

if TYPE_CHECKING:
    from spacy.tokens import Doc

ExtractFn = Callable[["Doc", Analysis], Sequence[Record]]

ENTRY_POINT_GROUP = "newsgraph.extractors"

# The extractor modules that ship with newsgraph, loaded exactly as an entry point would be.
BUILTINS: tuple[str, ...] = (
    "newsgraph.extract.entities",
    "newsgraph.extract.times",
    "newsgraph.extract.quotes",
    "newsgraph.extract.speakers",
    "newsgraph.extract.events",
    "newsgraph.extract.claims",
    "newsgraph.extract.framing",
)

# Fields every extractor may touch without declaring them (they collect notes, not layers).
SHARED_FIELDS = frozenset({"warnings", "errors"})


class PluginError(RuntimeError):
    """A registration or a plugin that cannot be used as declared."""


@dataclass(frozen=True)
class ExtractorSpec:
    """One registered extractor and its declared contract."""

    name: str
    field: str
    func: ExtractFn
    version: str = "1"
    after: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    data: tuple[Path, ...] = ()
    origin: str = field(default="", compare=False)

    def run(self, doc: Doc, analysis: Analysis) -> None:
        """Run the extractor and store its records; an undeclared write is an error."""
        undeclared = [f for f in Analysis.model_fields if f not in self.assigns and f not in SHARED_FIELDS]
        before = {f: id(getattr(analysis, f)) for f in undeclared}
        records = self.func(doc, analysis)
        changed = [f for f in undeclared if id(getattr(analysis, f)) != before[f]]
        if changed:
            raise PluginError(f"extractor {self.name!r} set {', '.join(changed)} without declaring it in assigns=")
        setattr(analysis, self.field, list(records))


REGISTRY: dict[str, ExtractorSpec] = {}


def _caller_dir(func: Callable[..., Any]) -> Path:
    try:
        return Path(inspect.getfile(func)).resolve().parent
    except (TypeError, OSError):
        return Path.cwd()


def extractor(
    name: str,
    *,
    field: str,
    version: str = "1",
    after: Sequence[str] = (),
    requires: Sequence[str] = (),
    assigns: Sequence[str] = (),
    data: Sequence[str | os.PathLike[str]] = (),
) -> Callable[[ExtractFn], ExtractFn]:
    """Register ``func`` as the extractor ``name`` writing ``Analysis.<field>``.

    ``requires``/``assigns`` name ``Analysis`` fields; ``after`` names extractors (the older
    spelling of a dependency).  ``data`` lists files (relative to the module) whose content is part
    of the extractor's behaviour, for the fingerprint.
    """
    for f in (field, *requires, *assigns):
        if f not in Analysis.model_fields:
            raise PluginError(f"extractor {name!r}: Analysis has no field {f!r}")

    def register(func: ExtractFn) -> ExtractFn:
        origin = f"{func.__module__}.{func.__qualname__}"
        old = REGISTRY.get(name)
        if old is not None and old.origin != origin:
            raise PluginError(f"extractor {name!r} is registered twice: by {old.origin} and by {origin}")
        base = _caller_dir(func)
        files = tuple(Path(p) if Path(p).is_absolute() else base / p for p in data)
        REGISTRY[name] = ExtractorSpec(
            name=name, field=field, func=func, version=version, after=tuple(after), requires=tuple(requires),
            assigns=tuple(dict.fromkeys((field, *assigns))), data=files, origin=origin,
        )
        return func

    return register


# --------------------------------------------------------------------------- discovery

def _load(import_name: str, origin: str) -> None:
    try:
        importlib.import_module(import_name)
    except Exception as exc:
        raise PluginError(f"plugin {origin} ({import_name}) failed to import: {exc!r}") from exc


class PluginLoader:
    """Imports the built-in modules, then every entry point of ``group``, once: one path for both.

    The modules register themselves (``@extractor``, ``@exporter``) when imported; a module that
    fails to import is a :class:`PluginError` naming it, not a silently missing feature.
    """

    def __init__(self, builtins: Iterable[str], group: str) -> None:
        self.builtins = tuple(builtins)
        self.group = group
        self.loaded = False

    def __call__(self, *, refresh: bool = False) -> None:
        if self.loaded and not refresh:
            return
        for module in self.builtins:
            _load(module, "built-in")
        for ep in entry_points(group=self.group):
            _load(ep.module, f"entry point {ep.name!r} of {self.group}")
        self.loaded = True


_load_extractors = PluginLoader(BUILTINS, ENTRY_POINT_GROUP)


def discover(*, refresh: bool = False) -> dict[str, ExtractorSpec]:
    """Import the built-in extractor modules and every ``newsgraph.extractors`` entry point."""
    _load_extractors(refresh=refresh)
    return REGISTRY


def _providers(field_name: str, among: Iterable[ExtractorSpec]) -> list[str]:
    return sorted(s.name for s in among if field_name in s.assigns)


def dependencies(spec: ExtractorSpec) -> list[str]:
    """Names of the extractors ``spec`` needs, from ``after`` and ``requires``; unknown ones are errors."""
    known = ", ".join(sorted(REGISTRY)) or "none"
    deps: list[str] = []
    for dep in spec.after:
        if dep not in REGISTRY:
            raise PluginError(f"extractor {spec.name!r} runs after unknown extractor {dep!r}; known: {known}")
        deps.append(dep)
    for need in spec.requires:
        providers = [p for p in _providers(need, REGISTRY.values()) if p != spec.name]
        if not providers:
            raise PluginError(f"extractor {spec.name!r} requires {need!r}, which no registered extractor assigns")
        if len(providers) > 1:
            raise PluginError(f"extractor {spec.name!r} requires {need!r}, assigned by several: {providers}")
        deps.append(providers[0])
    return list(dict.fromkeys(deps))


def ordered(names: Sequence[str] | None = None) -> list[ExtractorSpec]:
    """Registered extractors (or the named ones and what they need), dependencies first."""
    discover()
    wanted = list(REGISTRY) if names is None else list(names)
    result: list[ExtractorSpec] = []
    seen: set[str] = set()

    def visit(name: str, chain: tuple[str, ...]) -> None:
        if name in seen:
            return
        if name in chain:
            raise PluginError("extractor cycle: " + " -> ".join((*chain, name)))
        if name not in REGISTRY:
            raise PluginError(f"unknown extractor {name!r}; known: {', '.join(sorted(REGISTRY))}")
        for dep in dependencies(REGISTRY[name]):
            visit(dep, (*chain, name))
        seen.add(name)
        result.append(REGISTRY[name])

    for name in sorted(wanted):
        visit(name, ())
    return result


# --------------------------------------------------------------------------- fingerprint


def _module_file(name: str) -> Path | None:
    """The source file of module ``name``, found from its top-level package's folder without importing."""
    top, _, rest = name.partition(".")
    root = sys.modules.get(top)
    root_file = getattr(root, "__file__", None)
    if root_file is None:
        try:
            found = importlib.util.find_spec(top)
        except (ImportError, ValueError):
            return None
        root_file = found.origin if found is not None else None
    if not root_file or Path(root_file).name != "__init__.py":
        return Path(root_file).resolve() if root_file and not rest and root_file.endswith(".py") else None
    base = Path(root_file).resolve().parent.joinpath(*rest.split(".")) if rest else Path(root_file).resolve().parent
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if rest and candidate.is_file():
            return candidate
    return base / "__init__.py" if not rest else None


_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+(?P<mod>\.*[\w.]*)[ \t]+import[ \t]+(?P<names>\([^)]*\)|[^\n#]*)"
    r"|import[ \t]+(?P<plain>[^\n#]*))",
    re.MULTILINE,
)


def _imports(name: str, path: Path) -> set[str]:
    """Modules ``name`` imports anywhere in its source (lazy imports too), as absolute names.

    ``from pkg import thing`` counts as importing ``pkg.thing`` when that is a module, else ``pkg``.
    A line scan, not a parse: it runs on every extractor's closure once per process, and an
    import-looking line in a docstring only adds a file to the digest.
    """
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for m in _IMPORT.finditer(path.read_text(encoding="utf-8", errors="replace")):
        if m["plain"] is not None:
            out.update(part.split()[0] for part in m["plain"].split(",") if part.split())
            continue
        mod = m["mod"]
        level = len(mod) - len(mod.lstrip("."))
        if level:
            parts = package.split(".")
            base = ".".join(parts[: len(parts) - level + 1])
            mod = f"{base}.{mod[level:]}" if mod[level:] else base
        for part in m["names"].strip("()").split(","):
            words = part.split()
            if not words:
                continue
            sub = f"{mod}.{words[0]}"
            out.add(sub if _module_file(sub) is not None else mod)
    return out


def code_files(module: str) -> list[Path]:
    """Source and data files behind ``module``: its own package's modules it reaches, and their data."""
    top = module.split(".")[0]
    todo, seen = [module], set()
    files: set[Path] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        path = _module_file(name)
        if path is None:
            continue
        files.add(path)
        if path.name == "__init__.py":
            files.update(p.resolve() for p in path.parent.iterdir()
                         if p.is_file() and p.suffix not in {".py", ".pyc"} and not p.name.startswith("."))
        todo.extend(m for m in _imports(name, path) if m.split(".")[0] == top and m not in seen)
    return sorted(files)


_file_digests: dict[Path, tuple[int, int, str]] = {}


def _file_digest(path: Path) -> str:
    """sha1 of a file's bytes, cached on (mtime, size) so per-article version checks stay cheap."""
    try:
        st = path.stat()
    except OSError:
        return "missing"
    hit = _file_digests.get(path)
    if hit and hit[:2] == (st.st_mtime_ns, st.st_size):
        return hit[2]
    digest = hashlib.sha1(path.read_bytes()).hexdigest()
    _file_digests[path] = (st.st_mtime_ns, st.st_size, digest)
    return digest


_code_cache: dict[str, list[Path]] = {}


def spec_digest(spec: ExtractorSpec, *, fresh: bool = False) -> str:
    """Digest of one extractor: its declared contract, its code files and its data files."""
    module = spec.func.__module__
    if fresh or module not in _code_cache:
        _code_cache[module] = code_files(module)
    if fresh:  # re-hash even when (mtime, size) look unchanged: coarse clocks, same-size edits
        for path in (*_code_cache[module], *spec.data):
            _file_digests.pop(path, None)
    h = hashlib.sha1()
    h.update(f"{spec.name}|{spec.field}|{spec.version}|{spec.assigns}|{spec.requires}|{spec.after}".encode())
    for path in sorted({*_code_cache[module], *spec.data}):
        h.update(f"\0{path.name}\0{_file_digest(path)}".encode())
    return h.hexdigest()


def fingerprint(*, fresh: bool = False) -> str:
    """A short digest over every registered extractor's :func:`spec_digest`."""
    discover()
    parts = sorted(f"{s.name}:{spec_digest(s, fresh=fresh)}" for s in REGISTRY.values())
    return hashlib.sha1(",".join(parts).encode()).hexdigest()[:8]
