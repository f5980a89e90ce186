"""A cache of pure SymPy work kept between runs: derivations whose result depends on their arguments alone.

An activation's derivative (and its form in h), the output error of a loss with an output activation, the generic
index-form derivations of a convention: the same for every spec that uses them, and most of a run's SymPy time
(~0.2-0.6 s of CPU a spec). ``persistent(name, compute, *args)`` returns ``compute(*args)``, stored on first use and
read back by later runs.

- Key: SHA-256 of ``name``, the code's fingerprint (the bytes of every ``derive/*.py``, SymPy's and Python's versions:
  any change of the code that derives makes every entry unreachable) and ``sympy.srepr`` of the arguments.
- Where: ``$GRADPROOF_CACHE`` (a directory; ``off`` turns the cache off), else ``$XDG_CACHE_HOME/gradproof``, else
  ``~/.cache/gradproof``. Entries are pickles, read only from a directory owned by the user and writable by no one
  else, and only files owned by the user (pickle runs code: nobody else may plant one); written atomically
  (``outputs.write_atomic``). At most ``MAX_ENTRIES`` entries are written (a full directory is read, not grown).
- Only complete results: callers use it while ``limits.spare()`` holds (a result cut short by a run's budget is correct
  but plainer, and is not stored). An unreadable entry, an unusable directory, a full disk: the work is done as without
  the cache. What is kept includes the index forms' symbolic agreement (``IndexResult.agrees``, a proof for generic
sizes made by this code with this SymPy); the numeric checks (phi' against its form in h, the instantiation) are never
kept: they run in every run.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
from pathlib import Path

import sympy as sp

from .outputs import write_atomic

ENV = "GRADPROOF_CACHE"
MAX_ENTRIES = 5000
SUFFIX = ".pickle"

_fingerprint: str | None = None


def directory() -> Path | None:
    """The cache directory (not necessarily existing yet), or None when ``$GRADPROOF_CACHE`` is ``off``."""
    value = os.environ.get(ENV)
    if value is not None:
        return None if value.strip().lower() in ("off", "0", "no", "false", "") else Path(value)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home directory to be found: no cache
            return None
    return Path(base) / "gradproof"


def fingerprint() -> str:
    """Every ``derive/*.py`` file's bytes, SymPy's version and Python's: the code whose results the cache holds."""
    global _fingerprint
    if _fingerprint is None:
        h = hashlib.sha256(f"{sp.__version__}|{sys.version}".encode())
        for path in sorted(Path(__file__).resolve().parent.glob("*.py")):
            h.update(path.name.encode() + b"\0" + path.read_bytes())
        _fingerprint = h.hexdigest()
    return _fingerprint


def key(name: str, args: tuple) -> str:
    text = "\0".join([name, fingerprint(), *(sp.srepr(a) for a in args)])
    return hashlib.sha256(text.encode()).hexdigest()


def _private(path: Path) -> bool:
    """Owned by this user and writable by nobody else (a directory or an entry)."""
    st = path.stat()
    return st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def load(name: str, args: tuple):
    """(True, value) when the cache holds ``name(*args)``, else (False, None)."""
    folder = directory()
    if folder is None:
        return False, None
    try:
        path = folder / (key(name, args) + SUFFIX)
        if not (path.is_file() and _private(folder) and _private(path)):
            return False, None
        return True, pickle.loads(path.read_bytes())  # noqa: S301 -- our own entries in a private directory
    except Exception:  # noqa: BLE001 -- a damaged or foreign entry is a miss, never an error
        return False, None


def store(name: str, args: tuple, value) -> None:
    folder = directory()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not _private(folder) or sum(1 for _ in folder.iterdir()) >= MAX_ENTRIES:
            return
        path = write_atomic(folder / (key(name, args) + SUFFIX), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        path.chmod(0o600)
    except Exception:  # noqa: BLE001 -- no cache (read-only home, full disk, an unpicklable value): work as without it
        return


def persistent(name: str, compute, *args):
    """``compute(*args)``, from the cache when a run has stored it (``name`` names the computation in the key)."""
    found, value = load(name, args)
    if found:
        return value
    value = compute(*args)
    store(name, args, value)
    return value
