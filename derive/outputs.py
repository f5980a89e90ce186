"""Writing outputs: atomically (temporary file beside the target, then ``os.replace``), with the umask's mode.

An interrupted run leaves either the previous file or the new one, never half of one, and no temporary file.
"""

from __future__ import annotations

import errno
import os
import sys
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def out_folder(path, flag: str = "out_dir", make: bool = True) -> Path:
    """``path`` as the folder outputs go to, made when missing (``make``); a file (or a device) there is a
    ``UsageError`` naming ``flag`` (``--out`` for the CLI), not the ``FileExistsError`` of ``mkdir``."""
    from .errors import UsageError

    path = Path(path)
    if path.exists() and not path.is_dir():
        raise UsageError(f"{flag} {path}: this is a file, not a directory; give a directory for the outputs")
    if make:
        path.mkdir(parents=True, exist_ok=True)
    return path


def write_atomic(path: Path, data: bytes | str) -> Path:
    """Write ``data`` (text is UTF-8 with LF line ends) to ``path`` atomically; returns ``path``.

    A target that exists and is not a regular file (``/dev/null``, a FIFO), or is a name in /dev (``/dev/stdout``), is
    written in place, never replaced by a file (as root, ``os.replace`` would swap ``/dev/full`` for a regular file);
    a FIFO nobody reads is an error, not a hang. An OS error names ``path`` (the user's path), never the temporary file."""
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        if path.exists() and (not path.is_file() or _system(path)):
            return _write_special(path, data)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600 files; an output is as readable as any other file
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _system(path: Path) -> bool:
    """``path`` is a name in /dev or leads into /proc (``/dev/stdout`` -> ``/proc/self/fd/1`` is a regular file when
    the output is redirected to one): written through, never replaced (as root, that would replace the link itself)."""
    return path.absolute().parent == Path("/dev") or str(path.resolve()).startswith("/proc/")


def _write_special(path: Path, data: bytes) -> Path:
    if path.is_dir():
        raise IsADirectoryError(21, "this is a folder, not a file", str(path))
    own = _OWN_FDS.get(str(path.absolute()))
    if own is not None:  # /dev/stdout: through this process's own descriptor, after what it printed so far
        sys.stdout.flush()
        sys.stderr.flush()
        _write_all(own, data)
        return path
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)  # a FIFO without a reader: ENXIO at once, not a hang
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OSError(exc.errno, "a named pipe that nothing reads", str(path)) from None
        raise
    try:
        os.set_blocking(fd, True)
        _write_all(fd, data)
    finally:
        os.close(fd)
    return path


_OWN_FDS = {"/dev/stdout": 1, "/dev/stderr": 2, "/dev/fd/1": 1, "/dev/fd/2": 2, "/proc/self/fd/1": 1, "/proc/self/fd/2": 2}


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
