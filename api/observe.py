"""One place that sees every request, matched or not: the access log and request metrics.

Litestar runs middleware only for routes it matched, so this wraps the app's ASGI
handler (as its OpenTelemetry plugin does) to see 404s too.
"""

from __future__ import annotations

import json
import logging
import sys
import time

from api.metrics import observe_request
from api.security import KEY_STATE

access = logging.getLogger("claims.access")


class JsonLines(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = getattr(record, "entry", None)
        if entry is None:
            entry = {"level": record.levelname.lower(), "logger": record.name,
                     "message": record.getMessage()}
            if record.exc_info:
                entry["error"] = self.formatException(record.exc_info)
        entry = {"ts": round(record.created, 3), **entry}
        return json.dumps(entry, ensure_ascii=False)


def configure_logging() -> None:
    """JSON lines on stderr for the access log and the API's own messages (once)."""
    for name in ("claims.access", "claims.api"):
        logger = logging.getLogger(name)
        if not any(isinstance(h.formatter, JsonLines) for h in logger.handlers):
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(JsonLines())
            logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


class Observe:
    """ASGI wrapper: time the request, count it, log it as one JSON line."""

    def __init__(self, app, *, log: bool):
        self.app = app
        self.log = log

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        start = time.perf_counter()
        status = 500
        sent = 0

        async def observed_send(message):
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, observed_send)
        finally:
            seconds = time.perf_counter() - start
            route = scope.get("path_template") or "unmatched"
            observe_request(route, scope["method"], status, seconds)
            if self.log and access.isEnabledFor(logging.INFO):
                client = scope.get("client")
                access.info("", extra={"entry": {
                    "method": scope["method"], "path": scope["path"], "route": route,
                    "status": status, "ms": round(seconds * 1000, 2), "bytes": sent,
                    "client": client[0] if client else None,
                    "key": (scope.get("state") or {}).get(KEY_STATE),
                }})
