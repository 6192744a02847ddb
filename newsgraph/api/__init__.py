"""The JSON API over a newsgraph store.

``create_api(store, token=None)`` builds the API alone; :func:`newsgraph.app.create_app`
adds the server-rendered pages of :mod:`newsgraph.web` (``create_app`` here is a shim that
imports it only when called, so this package never imports the pages).
"""

from __future__ import annotations

from .app import create_api, create_app

__all__ = ["create_api", "create_app"]
