"""Optional API keys and per-key rate limits. With no keys configured the service is open.

Keys come in the `X-API-Key` header or as `Authorization: Bearer <key>`. They are compared
as SHA-256 digests with hmac.compare_digest against every configured key, so the time taken
says nothing about how much of a key was right. Each key has a token bucket (in memory, per
process): `burst` requests at once, refilled at `rate` per second; past it, 429 with
Retry-After. Health checks, the page, its assets and the API docs stay open.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import time

from litestar.connection import ASGIConnection
from litestar.exceptions import HTTPException
from litestar.handlers.base import BaseRouteHandler

from api.settings import Settings

OPEN_PREFIXES = ("/schema",)
KEY_STATE = "claims.key"


class Unauthorized(HTTPException):
    status_code = 401
    slug = "unauthorized"


class Forbidden(HTTPException):
    status_code = 403
    slug = "forbidden"


class RateLimited(HTTPException):
    status_code = 429
    slug = "rate-limited"


class TokenBucket:
    __slots__ = ("rate", "burst", "tokens", "stamp")

    def __init__(self, rate: float, burst: int):
        self.rate = rate
        self.burst = max(burst, 1)
        self.tokens = float(self.burst)
        self.stamp = time.monotonic()

    def take(self) -> float:
        """0 if a request may go now, else the seconds until one may."""
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            return 0.0
        return (1 - self.tokens) / self.rate


def _digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).digest()


class KeyGuard:
    """A Litestar guard: who is calling, and may they call now."""

    def __init__(self, settings: Settings):
        self.keys = [(_digest(k.key), k.name) for k in settings.api_keys]
        self.buckets = {
            k.name: TokenBucket(rate, settings.burst)
            for k in settings.api_keys
            if (rate := k.rate if k.rate is not None else settings.rate) > 0
        }

    def identify(self, presented: str) -> str | None:
        digest = _digest(presented)
        found = None
        for known, name in self.keys:  # no early exit: every key is compared
            if hmac.compare_digest(digest, known):
                found = name
        return found

    async def __call__(self, connection: ASGIConnection, handler: BaseRouteHandler) -> None:
        if handler.opt.get("public") or connection.scope["path"].startswith(OPEN_PREFIXES):
            return
        presented = _presented_key(connection)
        if not presented:
            raise Unauthorized(
                detail="This server needs an API key: send it in the X-API-Key header or as "
                "'Authorization: Bearer <key>'.",
                headers={"WWW-Authenticate": 'Bearer realm="claims"'})
        name = self.identify(presented)
        if name is None:
            raise Forbidden(detail="The API key is not one this server accepts.")
        connection.scope["state"][KEY_STATE] = name
        bucket = self.buckets.get(name)
        if bucket is not None and (wait := bucket.take()) > 0:
            raise RateLimited(
                detail=f"Too many requests for this key (at most {bucket.rate:g} a second, "
                f"{bucket.burst} at once); retry after {math.ceil(wait)} s.",
                headers={"Retry-After": str(math.ceil(wait))})


def _presented_key(connection: ASGIConnection) -> str | None:
    headers = connection.headers
    key = headers.get("x-api-key")
    if key:
        return key.strip()
    auth = headers.get("authorization", "")
    scheme, _, token = auth.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return None


def guards(settings: Settings) -> list:
    return [KeyGuard(settings)] if settings.api_keys else []
