"""`claims serve`: the HTTP API under a production ASGI server. The only place the engine
side reaches `api`.

Granian (Rust HTTP/1.1 and HTTP/2 on Tokio, worker processes) is the default: measured
with wrk on this project's API it served about twice the requests per second of uvicorn
at the same CPU per request. `--server uvicorn` remains for environments without it.
"""

from __future__ import annotations

import os
import shutil
import tempfile

from claims.cli import fail


def run(args) -> int:
    from api.settings import Settings, SettingsError

    try:
        Settings.from_env()  # refuse bad settings here, with a message, not in each worker
    except (SettingsError, ValueError) as exc:
        return fail(str(exc).splitlines()[0])
    metrics_dir = None
    if args.workers > 1 and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # Each worker writes its metrics here; GET /metrics adds them up.
        metrics_dir = tempfile.mkdtemp(prefix="claims-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir
    try:
        if args.server == "uvicorn":
            import uvicorn

            uvicorn.run("api.app:create_app", factory=True, host=args.host, port=args.port,
                        workers=args.workers, log_level="warning", access_log=False)
        else:
            from granian import Granian
            from granian.constants import Interfaces

            Granian("api.app:create_app", factory=True, interface=Interfaces.ASGI,
                    address=args.host, port=args.port, workers=args.workers,
                    log_level="warning", log_access=False,  # the app logs JSON lines itself
                    respawn_failed_workers=True).serve()
    finally:
        if metrics_dir:
            shutil.rmtree(metrics_dir, ignore_errors=True)
    return 0
