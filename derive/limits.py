"""Time bounds for SymPy work on untrusted input: ``with time_limit(10, "layer 2: ...")`` raises a clear error.

SymPy has no cancellation, so the bound is a ``SIGALRM`` timer (``signal.setitimer``): when it fires, the
handler raises an internal ``BaseException`` (so that SymPy's own ``except Exception`` blocks cannot swallow
it), and ``time_limit`` turns it into a ``TimeLimitError`` naming what took too long and what to do.

Limitations (by design, documented in docs/RELIABILITY.md):
- Signals are delivered only to the main thread, so outside it (a worker thread, a web server's pool)
  ``time_limit`` is a no-op; the cheap guards in ``calculus`` (no ``simplify``/``solve`` on big
  expressions) still keep the work small there.
- A single long C-level operation (one huge integer multiplication) delays the signal until it returns.
- Nested limits: an inner limit never extends an outer one; the timer that expires first wins, and the
  outer timer is re-armed with its remaining time when the inner block ends.
- An exception raised where Python discards it (a garbage-collector callback, ``__del__``) would lose the
  alarm, so after it first fires the timer repeats every ``REPEAT_SECONDS`` until the block has unwound.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Iterator

from .errors import DerivationError

#: seconds for deriving one activation (phi', its form in h); the built-ins take well under 1 s
ACTIVATION_SECONDS = 20.0
#: seconds for the instantiation check of one window (3-2-2-3 takes about 1.5 s, tanh nested 10 deep 9 s); past it
#: the window is checked once more on a smaller instance (derive.checks.FALLBACK_CAPS), with the same bound
INSTANTIATION_SECONDS = 15.0
#: seconds for judging one claim of an answers file (most take milliseconds)
CLAIM_SECONDS = 10.0


#: after the first alarm, how often it repeats until the block has unwound
REPEAT_SECONDS = 0.25


class TimeLimitError(DerivationError):
    """SymPy work took longer than its time bound."""


class _Expired(BaseException):
    """Raised by the alarm handler; a BaseException so that ``except Exception`` in SymPy lets it through."""

    def __init__(self, token: object):
        super().__init__("time limit")
        self.token = token


def available() -> bool:
    """True when ``time_limit`` can interrupt work here (a POSIX main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _clear_sympy_caches() -> None:
    """An interrupted SymPy computation can leave half-built entries in its caches (seen as
    "'int' object has no attribute 'is_negative'" in later, unrelated work): drop them all."""
    import sympy.core.cache

    sympy.core.cache.clear_cache()


@contextlib.contextmanager
def time_limit(seconds: float, what: str, hint: str = "") -> Iterator[None]:
    """Run the block for at most ``seconds``; raise ``TimeLimitError`` when it takes longer.

    Args:
        seconds: the bound (wall-clock).
        what: what the block does, with its place, e.g. ``"spec.toml: layer 1: deriving 'm' (formula 'exp(x)')"``.
        hint: what the user can do, appended to the message.
    Raises:
        TimeLimitError: "<what> took longer than <seconds> s; <hint>".
    """
    if seconds is None or seconds <= 0 or not available():
        yield
        return
    prev_remaining, prev_interval = signal.getitimer(signal.ITIMER_REAL)
    if prev_remaining and prev_remaining <= seconds:
        yield  # an outer limit expires first; it reports
        return
    token = object()
    active = [True]

    def on_alarm(signum, frame):
        if active[0]:
            raise _Expired(token)

    prev_handler = signal.signal(signal.SIGALRM, on_alarm)
    start = time.monotonic()
    # periodic: an alarm raised where Python swallows exceptions (a gc callback, a __del__) is raised again
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_SECONDS)
    try:
        yield
        active[0] = False
    except _Expired as exc:
        active[0] = False
        if exc.token is not token:
            raise
        _clear_sympy_caches()
        raise TimeLimitError(f"{what} took longer than {seconds:g} s" + (f"; {hint}" if hint else "")) from None
    finally:
        active[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, prev_handler)
        if prev_remaining:
            signal.setitimer(signal.ITIMER_REAL, max(prev_remaining - (time.monotonic() - start), 1e-3), prev_interval)


__all__ = ["ACTIVATION_SECONDS", "CLAIM_SECONDS", "INSTANTIATION_SECONDS", "TimeLimitError", "available", "time_limit"]
