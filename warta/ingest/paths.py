"""Input paths: files, folders, globs and manifests expanded to the files to read.

Everything read below a folder named on the command line (or beside a manifest)
stays confined to it: symlinks and manifest lines that lead outside are refused,
and reported so that ingest can quarantine them.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

# A manifest lists input files, one path a line, relative to the manifest's own folder.
MANIFEST_SUFFIXES = {".manifest"}


class InputPathError(FileNotFoundError):
    """A path given on the command line does not exist or matches nothing."""


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | tuple[Path, str]]:
    """Yield input files under ``paths`` (files, folders, globs, manifests), sorted and de-duplicated.

    Unreadable entries, symlink loops, and entries that lead outside the folder
    being read (symlinks, manifest lines with ``..`` or absolute paths) are
    yielded as ``(path, reason)`` so they can be quarantined. A top-level path
    that does not exist raises :class:`InputPathError`.
    """
    seen: set[str] = set()
    for raw in paths:
        text = str(raw)
        if any(ch in text for ch in "*?[") and not Path(text).exists():
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                raise InputPathError(f"no files match {text!r}")
            candidates = [Path(m).absolute() for m in matches]
        else:
            path = Path(text)
            if not path.exists() and not path.is_symlink():
                raise InputPathError(f"input path not found: {text}")
            # Absolute, so the ledger knows a file however the command line spelled it.
            candidates = [path.absolute()]
        for candidate in candidates:
            # A folder named on the command line confines everything read below it.
            root = os.path.realpath(candidate) if candidate.is_dir() else None
            yield from _walk(candidate, seen, root)


def _inside(real: str, root: str | None) -> bool:
    return root is None or real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _walk(path: Path, seen: set[str], root: str | None) -> Iterator[Path | tuple[Path, str]]:
    if path.is_symlink() and not path.exists():
        yield path, "broken symlink or symlink loop"
        return
    try:
        real = os.path.realpath(path, strict=True)
    except (OSError, RuntimeError) as exc:  # RuntimeError: symlink loop on some Pythons
        yield path, f"unreadable path: {getattr(exc, 'strerror', None) or exc}"
        return
    if not _inside(real, root):
        yield path, f"path leads outside the folder being read ({root})"
        return
    if real in seen:
        return
    seen.add(real)
    if path.is_dir():
        try:
            entries = sorted(path.iterdir())
        except OSError as exc:
            yield path, f"unreadable folder: {exc.strerror or exc}"
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            yield from _walk(entry, seen, root)
    elif path.is_file():
        if path.suffix.lower() in MANIFEST_SUFFIXES:
            yield from _manifest_entries(path, seen)
        else:
            yield path
    else:
        yield path, "not a regular file"


def _manifest_entries(manifest: Path, seen: set[str]) -> Iterator[Path | tuple[Path, str]]:
    """Yield the files a manifest lists, one relative path a line, confined to its folder."""
    base = os.path.realpath(manifest.parent)
    try:
        lines = manifest.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        yield manifest, f"unreadable manifest: {exc.strerror or exc}"
        return
    for number, line in enumerate(lines, start=1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        key = Path(f"{manifest}:{number}")
        target = confined_path(base, entry)
        if target is None:
            yield key, f"manifest path escapes the manifest's folder: {entry[:200]!r}"
        elif not target.exists() and not target.is_symlink():
            yield key, f"manifest path not found: {entry[:200]!r}"
        else:
            yield from _walk(target, seen, base)


def confined_path(base: str | Path, entry: str) -> Path | None:
    """Resolve ``entry`` relative to the folder ``base``; None if it would leave ``base``.

    Absolute paths, ``..`` components and symlinks that lead outside are all
    refused, so a manifest or JSONL file can only point at files beside it.
    """
    if not entry or "\x00" in entry or os.path.isabs(entry):
        return None
    root = os.path.realpath(base)
    real = os.path.realpath(os.path.join(root, entry))
    return Path(os.path.join(root, entry)) if _inside(real, root) and real != root else None
