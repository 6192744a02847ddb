"""HTTP hardening shared by every response: security headers, JSON errors, token backoff.

The pages render untrusted article text, so the browser is told to run only our own
scripts and styles, never to sniff content types and never to show a page inside a
frame — on every response, including static files and error pages, because a header
missing from one response is the one an attacker uses.  An exception that escapes a
route becomes a JSON error with a reason here, not a plain-text 500.  Failed token
attempts put the client on an exponential backoff so a token cannot be guessed at
network speed.
"""

from __future__ import annotations

import hmac
import json
import logging
import math
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

log = logging.getLogger(__name__)

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
_NAMES = {k for k, _ in HEADERS}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class SecureHeaders:
    """ASGI middleware: add :data:`HEADERS` to every HTTP response and turn an escaped
    exception into ``500 {"error": ...}`` (when no response has started yet)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _NAMES]
                message["headers"] = headers + HEADERS
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as exc:  # noqa: BLE001 - an error page, not a dropped connection
            log.exception("unhandled error on %s", scope.get("path"))
            if started:
                raise
            body = json.dumps({"error": f"internal error: {type(exc).__name__}: {exc}"[:500]}).encode()
            await send_with_headers(
                {
                    "type": "http.response.start",
                    "status": 500,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
                }
            )
            await send({"type": "http.response.body", "body": body})


class TokenGuard:
    """Check a bearer token with exponential backoff per client after each failure.

    The first wrong token is free (a typo); after ``n >= 2`` consecutive failures a client must
    wait ``base * 2**(n-2)`` seconds (capped at ``cap``) before its next attempt is even checked; attempts inside the window are refused
    with the seconds left.  A success clears the client's record.  The table is bounded so a
    flood of addresses cannot grow it without limit.
    """

    def __init__(
        self, token: str, *, base: float = 1.0, cap: float = 300.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.token = token.encode()
        self.base, self.cap, self.clock = base, cap, clock
        self._fails: dict[str, tuple[int, float]] = {}  # client -> (failures, locked until)
        self._lock = threading.Lock()

    def wait(self, client: str) -> float:
        """Seconds ``client`` must still wait before an attempt is checked (0: go ahead)."""
        with self._lock:
            n, until = self._fails.get(client, (0, 0.0))
        return max(0.0, until - self.clock()) if n else 0.0

    def failures(self, client: str) -> int:
        """Consecutive failed attempts of ``client`` so far."""
        with self._lock:
            return self._fails.get(client, (0, 0.0))[0]

    def check(self, client: str, given: str) -> tuple[str, float]:
        """("ok" | "wrong" | "backoff", seconds the client must now wait).

        An attempt inside the backoff window is refused without being compared."""
        left = self.wait(client)
        if left > 0:
            return "backoff", left
        if given and hmac.compare_digest(given.encode(), self.token):
            with self._lock:
                self._fails.pop(client, None)
            return "ok", 0.0
        with self._lock:
            n = self._fails.get(client, (0, 0.0))[0] + 1
            delay = 0.0 if n == 1 else min(self.cap, self.base * 2 ** min(n - 2, 30))
            if len(self._fails) >= 10_000:
                now = self.clock()
                for k in [k for k, (_, u) in self._fails.items() if u < now][:5000] or list(self._fails)[:5000]:
                    del self._fails[k]
            self._fails[client] = (n, self.clock() + delay)
        return "wrong", delay


def retry_after(seconds: float) -> str:
    """A Retry-After header value (whole seconds, at least 1)."""
    return str(max(1, math.ceil(seconds)))


def client_key(request: Any) -> str:
    """Who is asking, for the token backoff: the peer address (a proxy should set its own limits)."""
    return request.client.host if request.client else "unknown"
