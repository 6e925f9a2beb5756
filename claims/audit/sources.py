"""What the INPUT arguments name: files, folders and globs, local or any fsspec URL.

Each argument expands, in sorted order, to `Source`s: one file with its format. Arguments
keep the order they were given in, so the same arguments always give the same sources in
the same order, and so the same output order.

    claims audit archive/2019/*.jsonl extra.csv s3://bucket/html-dump/ --out audit.jsonl
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass

from claims.errors import InputError

# Suffix -> format. A folder contributes every file with one of these suffixes.
FORMATS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet", ".pq": "parquet",
    ".txt": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html",
}
INPUT_FORMATS = ("jsonl", "csv", "parquet", "text", "markdown", "html")
DOCUMENTS = ("text", "markdown", "html")  # one file, one article
COMPRESSIONS = {".gz": "gzip", ".bz2": "bz2", ".xz": "xz", ".zst": "zstd"}
GLOB_CHARS = set("*?[")


@dataclass(frozen=True)
class Source:
    url: str            # what a worker opens: an absolute path or a full fsspec URL
    name: str           # how ids and messages name it: the path as the user wrote it
    format: str
    size: int
    compression: str | None = None
    folder_relative: bool = False  # a file found in a folder: its id is `name` itself


class NoInput(InputError):
    code = "A001"


def expand(inputs: list[str], forced_format: str | None = None) -> list[Source]:
    out: list[Source] = []
    for arg in inputs:
        found = _expand_local(arg) if _is_local(arg) else _expand_remote(arg)
        if not found:
            raise NoInput(f"{arg}: no such file, folder or matching files")
        for url, name, size, in_folder in found:
            fmt, compression = detect_format(name, forced_format)
            if fmt is None:
                if in_folder:
                    continue  # folders hold other files too (images, READMEs without .md)
                raise NoInput(f"{name}: unknown input format; name it .jsonl, .csv, .parquet, "
                              ".txt, .md or .html, or pass --input-format")
            out.append(Source(url, name, fmt, size, compression, in_folder))
    if not out:
        raise NoInput("the inputs hold no file of a known format "
                      "(.jsonl, .csv, .parquet, .txt, .md, .html)")
    return out


def detect_format(name: str, forced: str | None = None) -> tuple[str | None, str | None]:
    base = name.lower()
    compression = None
    for suffix, comp in COMPRESSIONS.items():
        if base.endswith(suffix):
            base, compression = base[: -len(suffix)], comp
    if forced:
        return forced, compression
    return FORMATS.get(os.path.splitext(base)[1]), compression


def _is_local(arg: str) -> bool:
    # A plain path. `file://...` URLs go through fsspec like any other URL.
    return "://" not in arg


def _expand_local(path: str):
    if GLOB_CHARS & set(path):
        hits = sorted(p for p in glob.glob(path, recursive=True) if os.path.isfile(p))
        return [(os.path.abspath(p), p, os.path.getsize(p), False) for p in hits]
    if os.path.isdir(path):
        found = []
        for root, dirs, files in os.walk(path):
            dirs.sort()
            for f in sorted(files):
                full = os.path.join(root, f)
                rel = os.path.relpath(full, path).replace(os.sep, "/")
                found.append((os.path.abspath(full), rel, os.path.getsize(full), True))
        return sorted(found, key=lambda t: t[1])
    if os.path.isfile(path):
        return [(os.path.abspath(path), path, os.path.getsize(path), False)]
    return []


def _expand_remote(arg: str):
    import fsspec

    fs, path = fsspec.core.url_to_fs(arg)
    if GLOB_CHARS & set(path):
        info = fs.glob(path, detail=True)
        hits = sorted((p, i) for p, i in info.items() if i.get("type") != "directory")
        return [(fs.unstrip_protocol(p), fs.unstrip_protocol(p), int(i.get("size") or 0), False)
                for p, i in hits]
    if fs.isdir(path):
        info = fs.find(path, detail=True)
        root = path.rstrip("/") + "/"
        return [(fs.unstrip_protocol(p), p[len(root):] if p.startswith(root) else p,
                 int(i.get("size") or 0), True) for p, i in sorted(info.items())]
    if fs.exists(path):
        return [(fs.unstrip_protocol(path), arg, int(fs.size(path) or 0), False)]
    return []


# What each optional part needs, and the message when it is missing.
NEEDS = {"parquet": "pyarrow", "html": "trafilatura", "dask": "distributed"}


def require(feature: str) -> None:
    """Fail before any work starts when an optional library is not installed."""
    import importlib.util

    module = NEEDS[feature]
    if importlib.util.find_spec(module) is None:
        raise NoInput(f"{feature} needs the {module} package: pip install 'claims[audit]'")
