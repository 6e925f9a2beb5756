"""Service settings, from the environment, with defaults that run with nothing configured."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from pydantic import BaseModel, Field

from claims.errors import InputError


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


class SettingsError(InputError):
    """A setting that cannot be used (a rate that is not a rate, an unreadable key file)."""

    code = "C110"


class ApiKey(BaseModel):
    name: str = Field(description="Shown in logs and metrics; never the key itself.")
    key: str = Field(repr=False)
    rate: float | None = Field(default=None, description="Requests per second for this key.")


class Settings(BaseModel):
    max_body_bytes: int = Field(default=2_000_000, description="Largest request body (413 above).")
    max_article_chars: int = Field(default=200_000, description="Longest article (422 above).")
    max_batch_bytes: int = Field(default=200_000_000,
                                 description="Largest NDJSON batch body, spooled to disk.")
    budget_ms: float = Field(default=2_000.0, description="Time budget per article.")
    cors_origins: list[str] = Field(default_factory=list, description="Origins allowed by CORS.")
    reviewer: str = Field(default="claims", description="Author of ClaimReview exports.")
    api_keys: list[ApiKey] = Field(default_factory=list,
                                   description="Keys that may call the API; none: open.")
    rate: float = Field(default=10.0, description="Requests per second per key (0: unlimited).")
    burst: int = Field(default=20, description="Requests a key may make at once.")
    access_log: bool = Field(default=True, description="One JSON line per request on stderr.")

    @classmethod
    def from_env(cls) -> "Settings":
        origins = _env("CLAIMS_CORS_ORIGINS", "")
        keys = parse_keys(_env("CLAIMS_API_KEYS", "").replace(",", "\n"), "CLAIMS_API_KEYS")
        key_file = _env("CLAIMS_API_KEYS_FILE", "")
        if key_file:
            try:
                text = Path(key_file).read_text(encoding="utf-8")
            except OSError as exc:
                raise SettingsError(f"CLAIMS_API_KEYS_FILE: cannot read {key_file}: "
                                    f"{exc.strerror}") from None
            keys += parse_keys(text, key_file)
        return cls(
            max_body_bytes=int(_env("CLAIMS_MAX_BODY_BYTES", "2000000")),
            max_article_chars=int(_env("CLAIMS_MAX_ARTICLE_CHARS", "200000")),
            max_batch_bytes=int(_env("CLAIMS_MAX_BATCH_BYTES", "200000000")),
            budget_ms=float(_env("CLAIMS_BUDGET_MS", "2000")),
            cors_origins=[o.strip() for o in origins.split(",") if o.strip()],
            reviewer=_env("CLAIMS_REVIEWER", "claims"),
            api_keys=keys,
            rate=parse_rate(_env("CLAIMS_RATE_LIMIT", "10/second"), "CLAIMS_RATE_LIMIT"),
            burst=int(_env("CLAIMS_RATE_BURST", "20")),
            access_log=_env("CLAIMS_ACCESS_LOG", "1").lower() not in ("0", "false", "no", "off"),
        )


_PER = {"s": 1, "sec": 1, "second": 1, "m": 60, "min": 60, "minute": 60, "h": 3600,
        "hour": 3600}


def parse_rate(text: str, where: str) -> float:
    """'10/second', '600/minute', '5/s', '0' or 'off' (no limit) to requests per second."""
    text = text.strip().lower()
    if text in ("", "0", "off", "none"):
        return 0.0
    count, _, per = text.partition("/")
    try:
        n = float(count)
        seconds = _PER[per.strip() or "s"]
    except (ValueError, KeyError):
        raise SettingsError(f"{where}: {text!r} is not a rate such as '10/second' or "
                            "'600/minute'") from None
    return n / seconds


def parse_keys(text: str, where: str) -> list[ApiKey]:
    """One key a line (or comma-separated in the variable): `KEY`, `NAME:KEY` or
    `NAME:KEY:RATE`; '#' starts a comment."""
    keys = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = [p.strip() for p in line.split(":")]
        if len(parts) == 1:
            name, key, rate = None, parts[0], None
        elif len(parts) in (2, 3):
            name, key = parts[0], parts[1]
            rate = parse_rate(parts[2], f"{where}:{n}") if len(parts) == 3 else None
        else:
            raise SettingsError(f"{where}:{n}: expected KEY, NAME:KEY or NAME:KEY:RATE")
        if len(key) < 16:
            raise SettingsError(f"{where}:{n}: a key must be at least 16 characters long")
        name = name or "key-" + hashlib.sha256(key.encode()).hexdigest()[:8]
        keys.append(ApiKey(name=name, key=key, rate=rate))
    return keys


def settings_of(connection) -> Settings:
    """The settings the app was made with (create_app keeps them in the app's state)."""
    return connection.app.state["settings"]
