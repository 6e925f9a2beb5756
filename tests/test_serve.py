"""`claims serve --workers 2`: the production server starts, serves, and /metrics adds up
every worker's counts."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.conftest import ROOT, SEED_PUBLISHED, _free_port


def test_serve_with_two_workers(seed_text, seed_report):
    port = _free_port()
    claims = Path(sys.executable).with_name("claims")
    env = {**os.environ, "CLAIMS_ACCESS_LOG": "0"}
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    server = subprocess.Popen([str(claims), "serve", "--port", str(port), "--workers", "2"],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/readyz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert server.poll() is None, server.stdout.read().decode()
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        n = 6
        with httpx.Client(base_url=url, timeout=60) as client:
            for _ in range(n):  # new connections, spread over the workers
                r = httpx.post(url + "/v1/check", json={"text": seed_text,
                                                        "published": SEED_PUBLISHED}, timeout=60)
                assert r.status_code == 200 and r.json()["summary"]["claims"] == seed_report.summary.claims
            metrics = client.get("/metrics").text
        articles = float(re.search(r"^claims_articles_total (\S+)$", metrics, re.M).group(1))
        assert articles == n  # whichever worker answered, the counts of both are summed
        assert f'claims_claims_total{{rule="count.noun",verdict="consistent"}} {float(n)}' in metrics
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
