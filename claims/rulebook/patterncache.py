"""Patterns known to compile, so a start does not compile them all again.

Compiling the built-in patterns is most of the cost of loading the rules. A pattern that
compiled before -- the same expanded text, the same flags, the same version of the regex
package -- is recorded here with its group names; the next load takes it on trust and
compiles it when a rule first needs it. A pattern seen for the first time (or a broken one)
is compiled at load, as ever, so a bad rule file is still refused at load.

The record lives in $CLAIMS_CACHE_DIR, else $XDG_CACHE_HOME/claims, else ~/.cache/claims.
Where none can be written, every pattern is compiled at load.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import regex

_FILE = "patterns-v1.txt"


def cache_dir() -> Path | None:
    env = os.environ.get("CLAIMS_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")
    return Path(base) / "claims"


def _digest(source: str, flags: int) -> str:
    key = f"{regex.__version__}\0{int(flags)}\0{source}"
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


class PatternCache:
    def __init__(self, folder: Path | None = None):
        self.path = (folder if folder is not None else cache_dir())
        self.path = self.path / _FILE if self.path is not None else None
        self._known: dict[str, frozenset[str]] = {}
        self._new: dict[str, frozenset[str]] = {}
        if self.path is not None:
            try:
                for line in self.path.read_text(encoding="utf-8").splitlines():
                    digest, _, groups = line.partition("\t")
                    if len(digest) == 64:
                        self._known[digest] = frozenset(g for g in groups.split(",") if g)
            except (OSError, UnicodeDecodeError):
                pass

    def groups(self, source: str, flags: int) -> frozenset[str] | None:
        """The group names of a pattern that compiled before, or None."""
        return self._known.get(_digest(source, flags))

    def remember(self, source: str, flags: int, groups) -> None:
        digest = _digest(source, flags)
        if digest not in self._known:
            self._new[digest] = frozenset(groups)

    def save(self) -> None:
        if not self._new or self.path is None:
            return
        merged = {**self._known, **self._new}
        lines = "".join(f"{d}\t{','.join(sorted(g))}\n" for d, g in sorted(merged.items()))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".patterns-")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(lines)
            os.replace(tmp, self.path)  # whole file at once: concurrent loads never see half
        except OSError:
            return
        self._known, self._new = merged, {}
