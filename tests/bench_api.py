"""`make bench-api`: the HTTP API under load, measured by a real load generator.

Starts `claims serve --workers N` on a free loopback port, then drives POST /v1/check
with wrk (Debian's package, installed on demand) at 32 concurrent connections with a
seed-size article, and reports requests per second and p50/p99 latency. Every response
is counted: non-2xx answers or socket errors are reported, not hidden.

    .venv/bin/python tests/bench_api.py --workers 2 --connections 32 --duration 15
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "us-minerals-supply-chain.txt"
TINY = "Sales rose 5% to $2.4bn."

LUA = r"""
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = io.open(os.getenv("BENCH_BODY"), "rb"):read("*a")

local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  local out = io.open(os.getenv("BENCH_OUT"), "w")
  out:write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, ' ..
    '"max_us": %d, "mean_us": %.1f, "connect_errors": %d, "read_errors": %d, ' ..
    '"write_errors": %d, "timeouts": %d, "non_2xx": %d, "bytes": %d}',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean, summary.errors.connect,
    summary.errors.read, summary.errors.write, summary.errors.timeout,
    summary.errors.status, summary.bytes))
  out:close()
end
"""


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    print("wrk not found: installing Debian's package", file=sys.stderr)
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(sudo + ["apt-get", "update", "-qq"], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "wrk"], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    return shutil.which("wrk") or sys.exit("wrk could not be installed")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, workers: int, log: bool, kind: str) -> subprocess.Popen:
    claims = Path(sys.executable).with_name("claims")
    env = {**os.environ, "CLAIMS_ACCESS_LOG": "1" if log else "0"}
    server = subprocess.Popen([str(claims), "serve", "--host", "127.0.0.1", "--port", str(port),
                               "--workers", str(workers), "--server", kind], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/readyz", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
        if server.poll() is not None:
            sys.exit("the server exited before it was ready")
    server.terminate()
    sys.exit("the server did not become ready in 60 s")


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of the server and its workers: what a request costs,
    whatever else the shared machine is doing."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for p in descendants(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / ticks


def run_wrk(wrk: str, url: str, body: bytes, threads: int, connections: int, seconds: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        body_path, out_path, lua_path = (Path(tmp) / n for n in ("body.json", "out.json",
                                                                 "post.lua"))
        body_path.write_bytes(body)
        lua_path.write_text(LUA)
        env = {**os.environ, "BENCH_BODY": str(body_path), "BENCH_OUT": str(out_path)}
        subprocess.run([wrk, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout",
                        "10s", "-s", str(lua_path), url + "/v1/check"], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        return json.loads(out_path.read_text())


def engine_cpu_ms(text: str, runs: int = 100) -> float:
    """The engine alone on the same article, in this process, just before the load: what
    the server adds is its CPU per request less this (the machine's speed drifts by tens
    of percent over an hour, so only figures taken together compare)."""
    import statistics

    from claims import Article, Engine

    engine = Engine.default().warm()
    article = Article(text=text, published="2025-12-01")
    for _ in range(10):
        engine.check(article)
    times = []
    for _ in range(runs):
        start = time.process_time()
        engine.check(article)
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--connections", type=int, default=32)
    p.add_argument("--threads", type=int, default=2, help="wrk threads")
    p.add_argument("--duration", type=int, default=15, help="seconds measured")
    p.add_argument("--warmup", type=int, default=3, help="seconds before measuring")
    p.add_argument("--article", choices=("seed", "tiny"), default="seed",
                   help="the seed article (4 kB) or a one-line one (the HTTP layer's ceiling)")
    p.add_argument("--no-access-log", action="store_true")
    p.add_argument("--server", choices=("granian", "uvicorn"), default="granian")
    p.add_argument("--out", default=str(ROOT / ".bench" / "api.json"))
    args = p.parse_args()

    wrk = ensure_wrk()
    text = SEED.read_text(encoding="utf-8") if args.article == "seed" else TINY
    body = json.dumps({"text": text, "published": "2025-12-01"}).encode()
    engine_ms = engine_cpu_ms(text)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = start_server(port, args.workers, log=not args.no_access_log, kind=args.server)
    try:
        check = httpx.post(url + "/v1/check", content=body,
                           headers={"content-type": "application/json"}, timeout=30)
        check.raise_for_status()
        claims = len(check.json()["claims"])
        if args.warmup:
            run_wrk(wrk, url, body, args.threads, args.connections, args.warmup)
        cpu_before = cpu_seconds(server.pid)
        r = run_wrk(wrk, url, body, args.threads, args.connections, args.duration)
        cpu = cpu_seconds(server.pid) - cpu_before
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)
    seconds = r["duration_us"] / 1e6
    result = {
        "server": args.server, "article": args.article, "article_bytes": len(text.encode()), "claims": claims,
        "workers": args.workers, "connections": args.connections, "seconds": round(seconds, 1),
        "requests": r["requests"], "rps": round(r["requests"] / seconds, 1),
        "p50_ms": r["p50_us"] / 1000, "p90_ms": r["p90_us"] / 1000, "p99_ms": r["p99_us"] / 1000,
        "max_ms": r["max_us"] / 1000, "non_2xx": r["non_2xx"],
        "socket_errors": r["connect_errors"] + r["read_errors"] + r["write_errors"]
        + r["timeouts"], "cores": os.cpu_count(), "load_before": os.getloadavg()[0],
        "server_cpu_ms_per_request": round(cpu * 1000 / max(r["requests"], 1), 3),
        "engine_cpu_ms_per_check": round(engine_ms, 3),
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"{args.server}: POST /v1/check, {args.article} article ({result['article_bytes']:,} bytes, "
          f"{claims} claims), {args.workers} workers, {args.connections} connections, "
          f"{result['seconds']} s on {os.cpu_count()} cores:")
    print(f"  {result['rps']:,.1f} requests/s   p50 {result['p50_ms']:.1f} ms   "
          f"p99 {result['p99_ms']:.1f} ms   max {result['max_ms']:.1f} ms")
    print(f"  server CPU {result['server_cpu_ms_per_request']:.2f} ms per request "
          f"(the machine's load average was {result['load_before']:.1f} before the run)")
    print(f"  engine alone {engine_ms:.2f} ms CPU per check of the same article, so the "
          f"service adds {result['server_cpu_ms_per_request'] - engine_ms:.2f} ms")
    print(f"  {result['requests']:,} requests, {result['non_2xx']} non-2xx, "
          f"{result['socket_errors']} socket errors (saved to {out})")
    target = result["rps"] >= 800 and result["p99_ms"] <= 50
    print(f"  target (>= 800 req/s, p99 <= 50 ms): {'met' if target else 'not met'}")
    return 0 if not (result["non_2xx"] or result["socket_errors"]) else 1


if __name__ == "__main__":
    sys.exit(main())
