"""`claims serve`: the HTTP API under uvicorn. The only place the engine side reaches `api`."""

from __future__ import annotations


def run(args) -> int:
    import uvicorn

    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="info",
    )
    return 0
