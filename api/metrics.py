"""Prometheus metrics: requests by route and status, latency, claims and findings by rule.

Under `claims serve --workers N` every worker writes its samples to the folder named by
PROMETHEUS_MULTIPROC_DIR (set by the command) and GET /metrics adds them up, whichever
worker answers; in one process they live in memory.
"""

from __future__ import annotations

import os

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from claims.model.report import Report

MULTIPROCESS = bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))
CONTENT_TYPE = CONTENT_TYPE_LATEST
_registry = None if MULTIPROCESS else CollectorRegistry(auto_describe=True)

REQUESTS = Counter("claims_http_requests", "HTTP requests answered, by route, method and status.",
                   ["route", "method", "status"], registry=_registry)
LATENCY = Histogram(
    "claims_http_request_duration_seconds", "Time to answer a request, by route.", ["route"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
    registry=_registry)
ARTICLES = Counter("claims_articles", "Articles checked.", registry=_registry)
CLAIMS = Counter("claims_claims", "Claims found, by extraction rule and verdict.",
                 ["rule", "verdict"], registry=_registry)
FINDINGS = Counter("claims_findings", "Findings made, by check rule and verdict.",
                   ["rule", "verdict"], registry=_registry)


# Labelled children looked up once: labels() validates and locks on every call.
_children: dict[tuple, object] = {}


def _child(metric, *labels):
    key = (metric, labels)
    child = _children.get(key)
    if child is None:
        child = _children[key] = metric.labels(*labels)
    return child


def observe_request(route: str, method: str, status: int, seconds: float) -> None:
    _child(REQUESTS, route, method, str(status)).inc()
    _child(LATENCY, route).observe(seconds)


def observe_report(report: Report) -> None:
    ARTICLES.inc()
    for c in report.claims:
        _child(CLAIMS, c.rule, c.verdict).inc()
    for f in report.findings:
        _child(FINDINGS, f.rule, f.verdict).inc()


def exposition() -> bytes:
    if MULTIPROCESS:
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest(_registry)
