"""The ``newsgraph`` command: thin — it parses arguments and calls the Python API.

Each module of this package adds its commands through ``register(cli)``, where
``cli`` is the :class:`Apps` bundle below; nothing central lists them.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass

import typer


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
