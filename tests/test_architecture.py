"""The engine knows nothing of HTTP; the API does no text work."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module.split(".")[0])
    return out


def test_engine_never_imports_the_api():
    for path in (ROOT / "claims").rglob("*.py"):
        if "cli" in path.relative_to(ROOT / "claims").parts:
            continue  # only the command line may start the server
        assert not imports(path) & {"litestar", "api", "uvicorn"}, path


def test_api_does_no_text_work():
    for path in (ROOT / "api").rglob("*.py"):
        assert "regex" not in imports(path) and "re" not in imports(path), path
