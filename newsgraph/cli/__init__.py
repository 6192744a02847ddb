"""The ``newsgraph`` command: thin — it parses arguments and calls the Python API.

Each module of this package adds its commands through ``register(cli)``, where
``cli`` is the :class:`Apps` bundle below; nothing central lists them.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import sys
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from ..store import Store



def open_store(db: str | None) -> Store:
    """The store at ``db``; imported here, on use, so ``newsgraph --help`` does not load SQLAlchemy."""
    from ..store import Store, StoreError

    try:
        return Store(db)
    except StoreError as exc:  # locked, or cannot be opened: a clear message, exit 2
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


def lazy_module(name: str) -> ModuleType:
    """``name`` as a module object that is executed on first attribute access (``importlib.util.LazyLoader``).

    For command modules that use a heavy layer in every command body: the module stays importable
    for ``--help`` without paying for spaCy or SQLAlchemy.
    """
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@dataclass
class Apps:
    root: typer.Typer
    eval: typer.Typer
    train: typer.Typer


def build() -> typer.Typer:
    root = typer.Typer(
        help="newsgraph: who said what, who did what to whom and when, in news articles.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    apps = Apps(
        root=root,
        eval=typer.Typer(help="Measure accuracy on public evaluation sets.", no_args_is_help=True),
        train=typer.Typer(help="Fit local models on data you supply.", no_args_is_help=True),
    )
    root.add_typer(apps.eval, name="eval")
    root.add_typer(apps.train, name="train")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(apps)
    return root


def main() -> None:
    build()()
