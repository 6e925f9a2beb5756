"""Shared fixtures: the real engine, the seed article, and the real app on a real port."""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "us-minerals-supply-chain.txt"
SEED_PUBLISHED = "2025-12-01"


@pytest.fixture(scope="session")
def engine():
    from claims import Engine

    return Engine.default()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_report(engine, seed_text):
    from claims import Article

    return engine.check(Article(text=seed_text, published=SEED_PUBLISHED))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """The real Litestar app under uvicorn on a loopback port, in a background thread."""

    def __init__(self, app):
        import uvicorn

        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError("the API did not start")

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(engine):
    from api.app import create_app
    from api.settings import Settings

    settings = Settings(max_body_bytes=200_000, max_article_chars=50_000)
    with LiveServer(create_app(settings=settings, engine=engine)) as server:
        yield server


@pytest.fixture()
def http(live_server):
    with httpx.Client(base_url=live_server.url, timeout=30) as client:
        yield client


def load_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))
