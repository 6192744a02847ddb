"""Word lists as data, in one place, read through one loader.

Each lexicon is a ``<name>.tsv`` file beside this module: one entry per line, the entry (lower
case; it may contain spaces), a tab, then the classes it belongs to, separated by spaces.  Lines
starting with ``#`` are comments that say what each class is for.  A consumer asks for the class
it means — ``words("reporting_verbs", "speech")`` — so one concept has one list, and the
extractors that read it differently say so by the class they pick, not by keeping a copy.

Why data files: a reviewer can read and argue with a list without reading code, a change to a
list shows as a data diff, and the pipeline fingerprint covers these files (they sit beside the
``__init__.py`` of a package the extractors import), so ``reanalyze`` notices an edit.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

HOME = Path(__file__).resolve().parent


class LexiconError(LookupError):
    """A lexicon or a class that does not exist, or a malformed line."""


def path(name: str) -> Path:
    """The file of lexicon ``name``."""
    file = HOME / f"{name}.tsv"
    if not file.is_file():
        known = ", ".join(sorted(p.stem for p in HOME.glob("*.tsv")))
        raise LexiconError(f"no lexicon {name!r} in {HOME}; known: {known}")
    return file


def names() -> list[str]:
    """The lexicons that ship with newsgraph."""
    return sorted(p.stem for p in HOME.glob("*.tsv"))


@cache
def entries(name: str) -> dict[str, frozenset[str]]:
    """Every entry of lexicon ``name`` with its classes."""
    out: dict[str, frozenset[str]] = {}
    for n, line in enumerate(path(name).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        word, sep, classes = line.partition("\t")
        if not sep or not word.strip() or not classes.split():
            raise LexiconError(f"{name}.tsv line {n}: expected 'entry<TAB>class ...', got {line!r}")
        word = word.strip()
        if word in out:
            raise LexiconError(f"{name}.tsv line {n}: {word!r} is listed twice")
        out[word] = frozenset(classes.split())
    return out


@cache
def classes(name: str) -> frozenset[str]:
    """The classes lexicon ``name`` uses."""
    return frozenset(c for cs in entries(name).values() for c in cs)


@cache
def words(name: str, cls: str) -> frozenset[str]:
    """The entries of lexicon ``name`` in class ``cls``."""
    if cls not in classes(name):
        raise LexiconError(f"lexicon {name!r} has no class {cls!r}; classes: {', '.join(sorted(classes(name)))}")
    return frozenset(w for w, cs in entries(name).items() if cls in cs)
