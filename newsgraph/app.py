"""The whole web application: the JSON API (:mod:`newsgraph.api`) plus the pages
(:mod:`newsgraph.web`).

Composition lives here so that dependencies run one way — the pages use the API's read
queries; the API knows nothing of the pages.
"""

from __future__ import annotations

from fastapi import FastAPI

from .api.app import create_api
from .store import Store
from .web import mount


def create_app(store: Store, token: str | None = None) -> FastAPI:
    """The API and the pages over ``store``; with ``token`` the write endpoints and the page
    corrections are enabled and require it."""
    app = create_api(store, token=token)
    mount(app, store)
    return app
