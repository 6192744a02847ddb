"""HTTP access to a newsgraph store: ``create_app(store, token=None)`` builds the FastAPI app
(JSON API under ``/api/`` plus the server-rendered pages of :mod:`newsgraph.web`)."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
