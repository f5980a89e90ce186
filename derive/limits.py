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

The run budget (``run_budget``, entered once per CLI command around the work on untrusted input) bounds the whole
run, not only each item: ``RUN_SECONDS`` of CPU time (``ITIMER_PROF``/``SIGPROF``, independent of the per-item
wall-clock timers, and not stretched or cut by other processes on a loaded machine); optional SymPy work
(``spare()``: simplification, inverting phi, the full-size instantiation instance) is skipped once ``SOFT_FRACTION``
of it is spent; the run's data memory is capped at ``RUN_BYTES`` (``RLIMIT_DATA``: an allocation past it raises
MemoryError, reported as exit 2). The LaTeX run of ``derive`` is outside it (it has its own timeout).
"""

from __future__ import annotations

import contextlib
import gc
import math
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


#: CPU seconds for one CLI run (derive, codegen, verify) in all: past it the run stops with exit 2 saying where it was
RUN_SECONDS = 20.0
#: wall-clock seconds for the same run, counted from ``started`` (the CLI's entry: imports take seconds on a loaded
#: machine, where CPU time also runs slower than the clock): no run may take longer than 30 s, exit included ...
RUN_WALL_SECONDS = 26.0
#: ... once it has done this much work (CPU seconds): a run starved by other processes is not the input's fault, and
#: the examples (at most 6.7 CPU seconds: gelu_softsign_classifier) must never be refused however loaded the machine is;
#: past the wall-clock deadline a run skips optional work (``spare()``), so a starved run needs less than it would
RUN_WALL_MIN_CPU = 8.0
#: the same for ``verify`` of one answers file: it derives without the instantiation check, and the examples' answers
#: need at most 1 CPU second in the run (2.2 s with the imports), so a starved hostile one is stopped sooner
VERIFY_WALL_MIN_CPU = 4.0
#: ... and past this many seconds of wall clock from the start, ``verify`` of one answers file judges no more claims:
#: those not yet judged are ``unchecked`` saying so and the results so far are kept (``overdue()``), so that a long
#: answer on a loaded machine ends within 30 s with a partial result instead of waiting for VERIFY_WALL_MIN_CPU
VERIFY_CLAIMS_WALL = 22.0
#: ... and the same soft deadline in CPU time: ``overdue()`` also once the run has spent its CPU budget but this many
#: seconds (at least half the budget left to it), so that on an idle machine, where CPU time runs as fast as the wall
#: clock and the imports come before the budget starts, the CPU stop (``RUN_SECONDS``) never comes before the soft
#: deadline and a long answer ends with a partial result too (round twenty-four: 400 claims of long sums exited 2 at
#: the CPU stop, 20 s, before the 22 s wall-clock deadline); what follows it (the claim in progress is cut at it:
#: ``time_limit(soft=True)``; the passes after the claims, the report) fits in the rest
SOFT_CPU_RESERVE = 4.0
#: the words of every result the run's soft deadline left unchecked (verify.judge.TIME_RAN_OUT)
TIME_RAN_OUT = "the run's time ran out"
#: once this share of the run budget is spent, optional SymPy work (simplifying, inverting phi) is skipped
SOFT_FRACTION = 0.4
#: the run's data memory (heap and anonymous mappings): peak memory stays under 2 GB
RUN_BYTES = 1536 * 2**20

#: what a run stopped by its budget can do about it (``run_budget``'s hint)
RUN_HINT = ("the budget keeps every run under 30 s (docs/RELIABILITY.md): use fewer distinct custom activations, simpler "
            "formulas or a smaller network")
#: ... and what a verify run stopped by it can do (a long answer, not the network, is the usual cause)
VERIFY_HINT = ("the budget keeps every run under 30 s (docs/RELIABILITY.md): judge a long answer in parts (fewer "
               "equations or smaller matrices per file), or use a smaller network")


#: after the first alarm, how often it repeats until the block has unwound
REPEAT_SECONDS = 0.25
#: a CPU-time limit (time_limit(cpu=True)) waits at most this many times its bound of wall clock
CPU_WAIT = 6.0


def work_time() -> float:
    """CPU seconds of the calling thread: the clock of a small item's own bound (the parser's). Other threads (BLAS
    and OpenMP pools spin after their work) are not the item's work; nor is a full garbage collection of a large heap
    (hundreds of ms after a long session), which ``no_collection`` keeps out of such an item."""
    return time.thread_time()


@contextlib.contextmanager
def no_collection() -> Iterator[None]:
    """No automatic garbage collection inside the block (a short, bounded one: one claim's parse); what it allocates is
    collected after it. A gc callback would not do: an alarm delivered inside it is discarded ("Exception ignored")."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class TimeLimitError(DerivationError):
    """SymPy work took longer than its time bound."""


class ResourceLimitError(DerivationError):
    """A run needed more memory than its budget."""


class _Expired(BaseException):
    """Raised by the alarm handler; a BaseException so that ``except Exception`` in SymPy lets it through."""

    def __init__(self, token: object, doing: str = ""):
        super().__init__("time limit")
        self.token = token
        self.doing = doing  # the innermost limited block when the alarm fired


class _Run:
    def __init__(self, seconds: float, wall_min_cpu: float = 0.0, kind: str = "a run"):
        self.start = time.process_time()
        self.soft_wall: float | None = None  # run_budget's soft_wall (seconds), for messages
        self.seconds = seconds
        self.wall_min_cpu = wall_min_cpu
        self.kind = kind
        self.late = False  # past the wall-clock deadline, still short of wall_min_cpu: only the necessary work now
        self.soft = math.inf  # time.monotonic() past which ``overdue()``: work that can stop with a partial result stops
        self.soft_cpu = math.inf  # time.process_time() past which ``overdue()`` too (SOFT_CPU_RESERVE before the CPU stop)


_run: _Run | None = None
#: what the enclosing ``time_limit`` blocks are doing, outermost first (the run budget names the outermost)
_doing: list[str] = []


def remaining() -> float:
    """CPU seconds left in the run budget (infinite outside ``run_budget``)."""
    return math.inf if _run is None else _run.seconds - (time.process_time() - _run.start)


def overdue() -> bool:
    """True once the run's soft deadline has passed — ``run_budget``'s ``soft_wall`` seconds of wall clock, or its CPU
    budget but ``SOFT_CPU_RESERVE`` seconds, whichever comes first: work that can end with a partial result (verify's
    claims) stops there. False outside a run or without one."""
    return _run is not None and (time.monotonic() >= _run.soft or time.process_time() >= _run.soft_cpu)


def soft_deadline() -> str:
    """Which of the run's soft deadlines has passed, for a message: "22 s of wall-clock time" or "16 s of CPU time"
    (the wall clock's when neither has, or outside a run)."""
    if _run is not None and time.process_time() >= _run.soft_cpu and time.monotonic() < _run.soft:
        return f"{_run.soft_cpu - _run.start:g} s of CPU time"
    return f"{VERIFY_CLAIMS_WALL if _run is None or _run.soft_wall is None else _run.soft_wall:g} s of wall-clock time"


def _to_soft_deadline() -> float:
    """Seconds (at most) until the run's soft deadline: its wall clock's, or its CPU's counted as wall clock (a single
    thread's CPU time runs no faster than the wall clock; the caller's timer re-checks ``overdue()`` when it fires)."""
    return min(_run.soft - time.monotonic(), _run.soft_cpu - time.process_time())


@contextlib.contextmanager
def until_overdue(what: str) -> Iterator[None]:
    """Run the block until the run's soft deadline (``overdue()``: wall clock or CPU) at most; past it raise ``TimeLimitError``
    out of the block (at once when the deadline has already passed). For work that must finish before any partial
    result can be given (verify's reading of an answer's notation before its claims): its caller then gives the partial
    result (every claim unchecked, saying why). No bound outside a run or without a soft deadline."""
    if _run is None or _run.soft == _run.soft_cpu == math.inf:
        yield
        return
    if overdue():
        raise TimeLimitError(f"{what}: the run's soft deadline had passed")
    with time_limit(math.inf, what, soft=True):  # (no bound of its own: the soft deadline's, CPU or wall clock)
        yield


def spare() -> bool:
    """True while optional work (simplifying a derivative, inverting phi) fits the run budget: outside a run, or
    before ``SOFT_FRACTION`` of it is spent. Past it derivatives stay as ``sympy.diff`` gives them (still exact)."""
    return _run is None or (not _run.late and time.process_time() - _run.start < SOFT_FRACTION * _run.seconds)


@contextlib.contextmanager
def run_budget(what: str, seconds: float = RUN_SECONDS, memory: int | None = RUN_BYTES,
               started: float | None = None, wall: float | None = None, wall_min_cpu: float | None = None,
               hint: str = RUN_HINT, memory_hint: str = "use a smaller network or smaller [values]",
               kind: str = "a run", soft_wall: float | None = None) -> Iterator[None]:
    """One budget for a whole run: ``seconds`` of CPU time, ``wall`` seconds of wall-clock time from ``started``
    (``time.monotonic()``; default: now) once ``wall_min_cpu`` of CPU is spent (defaults: ``RUN_WALL_SECONDS``,
    ``RUN_WALL_MIN_CPU``), and ``memory`` bytes of data (None: no cap). Batch grading enters one per submission
    (``wall`` = its --time-limit, ``wall_min_cpu`` = 0). ``soft_wall``: seconds from ``started`` after which
    ``overdue()`` is true, whatever the CPU spent (verify of one file: ``VERIFY_CLAIMS_WALL``); past it the wall-clock
    stop no longer waits for ``wall_min_cpu``.

    Raises:
        TimeLimitError: "<what>: stopped after <seconds> s of CPU time, the time budget of <kind> (while <block>); <hint>".
        ResourceLimitError: "<what>: needed more than <memory> of memory, the limit of <kind>; <memory_hint>".
    """
    global _run
    if _run is not None or not available() or not hasattr(signal, "ITIMER_PROF"):
        yield  # nested runs share the outer budget; no signals here: only the per-item guards apply
        return
    wall = RUN_WALL_SECONDS if wall is None else wall
    _run = _Run(seconds, RUN_WALL_MIN_CPU if wall_min_cpu is None else wall_min_cpu, kind)
    if soft_wall is not None:
        _run.soft = (time.monotonic() if started is None else started) + soft_wall
        _run.soft_wall = soft_wall
        _run.soft_cpu = _run.start + max(seconds - SOFT_CPU_RESERVE, seconds / 2)
    restore = _cap_memory(memory)
    try:
        cpu = _signal_timer(signal.ITIMER_PROF, signal.SIGPROF, seconds,
                            lambda doing: TimeLimitError(_run_message(what, f"{seconds:g} s of CPU time", doing, hint, kind)))
        left = wall - (time.monotonic() - started if started is not None else 0.0)
        with cpu, _alarm(max(left, 1.0), what, hint, whole_run=wall):
            yield
    except MemoryError:
        limit = f"more than {_size(memory)} of memory, the limit of {kind}" if memory else "more memory than there is"
        raise ResourceLimitError(f"{what}: needed {limit}; {memory_hint}") from None
    finally:
        _run = None
        restore()


def _run_message(what: str, spent: str, doing: str, hint: str, kind: str) -> str:
    return f"{what}: stopped after {spent}, the time budget of {kind}{f' (while {doing})' if doing else ''}; {hint}"


def _size(n: int) -> str:
    return f"{n / 2**30:.1f} GiB" if n >= 2**30 else f"{n / 2**20:.0f} MiB"


def _proc_kib(path: str, key: str, default: int) -> int:
    """The ``key:`` line of a /proc file in kB, as bytes (Linux), else ``default``."""
    try:
        with open(path, encoding="ascii") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return default


def _data_in_use() -> int:
    """Bytes of data this process holds already (VmData, Linux), else 0."""
    return _proc_kib("/proc/self/status", "VmData", 0)


def _cap_memory(memory: int | None):
    """Lower RLIMIT_DATA so that the run can allocate ``memory`` more bytes than it holds now (never raise the limit;
    in a fresh CLI process that is about 0.1 GiB of imports plus ``memory``); returns a function restoring it."""
    try:
        import resource
    except ImportError:  # not POSIX
        return lambda: None
    if memory is None or not hasattr(resource, "RLIMIT_DATA"):
        return lambda: None
    soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    memory += _data_in_use()  # a library caller (a test process with torch loaded) may hold gigabytes already
    new = memory if hard == resource.RLIM_INFINITY else min(memory, hard)
    if soft != resource.RLIM_INFINITY and soft <= new:
        return lambda: None
    try:
        resource.setrlimit(resource.RLIMIT_DATA, (new, hard))
    except (ValueError, OSError):
        return lambda: None
    return lambda: resource.setrlimit(resource.RLIMIT_DATA, (soft, hard))


def available_memory() -> int:
    """Bytes of memory the machine can still give (MemAvailable, Linux; else ``4 * RUN_BYTES``)."""
    return _proc_kib("/proc/meminfo", "MemAvailable", 4 * RUN_BYTES)


def available() -> bool:
    """True when ``time_limit`` can interrupt work here (a POSIX main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _clear_sympy_caches() -> None:
    """An interrupted SymPy computation can leave half-built entries in its caches (seen as
    "'int' object has no attribute 'is_negative'" in later, unrelated work): drop them all."""
    import sympy.core.cache

    sympy.core.cache.clear_cache()


@contextlib.contextmanager
def time_limit(seconds: float, what: str, hint: str = "", cpu: bool = False, soft: bool = False) -> Iterator[None]:
    """Run the block for at most ``seconds``; raise ``TimeLimitError`` when it takes longer.

    Args:
        seconds: the bound (wall-clock).
        what: what the block does, with its place, e.g. ``"spec.toml: layer 1: deriving 'm' (formula 'exp(x)')"``.
        hint: what the user can do, appended to the message.
        cpu: the bound counts the process's CPU time, not the wall clock, up to ``CPU_WAIT`` × ``seconds`` of wall
            clock (a verdict must not depend on how loaded the machine is; a starved process still ends).
        soft: the block ends at the run's soft deadline too (``overdue()``; at once when it has passed), with
            "<what>: the run's time ran out (<soft_deadline()>)": one claim of a long answer, which must not carry the
            run past its soft deadline to its hard stop (exit 2) when the claims after it can be left unchecked.
    Raises:
        TimeLimitError: "<what> took longer than <seconds> s; <hint>".
    """
    if soft and _run is not None and overdue():
        raise TimeLimitError(f"{what}: {TIME_RAN_OUT} ({soft_deadline()})")
    _doing.append(what)
    try:
        with _alarm(seconds, what, hint, cpu=cpu, soft=soft and _run is not None):
            yield
    finally:
        _doing.pop()


@contextlib.contextmanager
def _alarm(seconds: float, what: str, hint: str, whole_run: float = 0.0, cpu: bool = False,
           soft: bool = False) -> Iterator[None]:
    if seconds is None or seconds <= 0 or not available():
        yield
        return
    bound = seconds  # the block's own bound; ``seconds`` becomes the timer's first delay
    if soft:  # (also at the run's soft deadline: the timer fires by then, and once overdue() the block ends)
        seconds = max(min(seconds, _to_soft_deadline()), 1e-3)
    prev_remaining, _ = signal.getitimer(signal.ITIMER_REAL)
    if prev_remaining and prev_remaining <= seconds:
        yield  # an outer limit expires first; it reports
        return

    def fail(doing: str) -> TimeLimitError:
        if whole_run:
            return TimeLimitError(_run_message(what, f"{whole_run:g} s", doing, hint, _run.kind if _run else "a run"))
        if soft and overdue():
            return TimeLimitError(f"{what}: {TIME_RAN_OUT} ({soft_deadline()})")
        return TimeLimitError(f"{what} took longer than {bound:g} s" + (f"; {hint}" if hint else ""))

    # the run's wall-clock bound waits for real work (a starved run repeats the check every REPEAT_SECONDS)
    busy = _past_deadline if whole_run else None
    if cpu and not whole_run:
        cpu0, wall0 = time.process_time(), time.monotonic()

        def busy() -> bool:  # the block's own work has reached the bound (or a starved block has waited enough)
            return (time.process_time() - cpu0 >= bound or time.monotonic() - wall0 >= CPU_WAIT * bound
                    or soft and overdue())
    elif soft:
        wall0 = time.monotonic()

        def busy() -> bool:  # the wall-clock bound, or the soft deadline (its CPU part may come later than armed)
            return time.monotonic() - wall0 >= bound or overdue()
    with _signal_timer(signal.ITIMER_REAL, signal.SIGALRM, seconds, fail, busy):
        yield


def _past_deadline() -> bool:
    """At the run's wall-clock deadline (and every REPEAT_SECONDS after it): stop the run once it has done
    ``wall_min_cpu`` of work; until then it goes on without optional work (``spare()`` is false), so that a run starved
    by other processes ends as soon as it can."""
    if _run is None or time.process_time() - _run.start >= _run.wall_min_cpu or time.monotonic() >= _run.soft:
        return True  # (a run past its soft deadline has kept what it could: the wall clock stops it whatever its CPU)
    _run.late = True
    return False


#: the token of the timer whose _Expired is unwinding the stack (None: none); set by its handler, cleared by its block
_unwinding: list = [None]


@contextlib.contextmanager
def _signal_timer(itimer: int, signum: int, seconds: float, fail, ready=None) -> Iterator[None]:
    """Arm ``itimer`` for ``seconds``; when it fires (and ``ready()``, if given, is true), raise ``fail(outermost
    block)`` out of the block. The timer it replaces is re-armed with its remaining time afterwards (nesting)."""
    prev_remaining, prev_interval = signal.getitimer(itimer)
    token = object()
    active = [True]

    def on_signal(signum_, frame):
        # another limit's _Expired still on its way to its block: wait (this timer repeats), or a second one raised in
        # the first one's cleanup (both timers expired during one long C call) would escape every block unconverted.
        # Nor at the entry of a context manager's __exit__: after a long C call that ended with an exception (a
        # MemoryError from list(itertools.product(…)) of 1.6 GB) the first bytecode run is the __exit__ of the block's
        # own `with`, before it hands the exception to the block; raised there, the _Expired left every block
        # unconverted (a traceback) and the block's timer armed. The timer repeats: by then the block has unwound.
        if frame is not None and frame.f_code.co_name == "__exit__":
            return
        if active[0] and _unwinding[0] in (None, token) and (ready is None or ready()):
            _unwinding[0] = token
            raise _Expired(token, _doing[0] if _doing else "")

    prev_handler = signal.signal(signum, on_signal)
    start = time.monotonic()
    # periodic: a signal raised where Python swallows exceptions (a gc callback, a __del__) is raised again
    signal.setitimer(itimer, seconds, REPEAT_SECONDS)
    try:
        yield
        active[0] = False
    except _Expired as exc:
        active[0] = False
        if exc.token is not token:
            raise
        _clear_sympy_caches()
        raise fail(exc.doing) from None
    finally:
        active[0] = False
        signal.setitimer(itimer, 0)
        signal.signal(signum, prev_handler)
        if prev_remaining:
            signal.setitimer(itimer, max(prev_remaining - (time.monotonic() - start), 1e-3), prev_interval)
        if _unwinding[0] is token:
            _unwinding[0] = None


__all__ = ["ACTIVATION_SECONDS", "CLAIM_SECONDS", "INSTANTIATION_SECONDS", "RUN_BYTES", "RUN_HINT", "RUN_SECONDS",
           "SOFT_CPU_RESERVE", "TIME_RAN_OUT", "VERIFY_HINT", "VERIFY_WALL_MIN_CPU", "ResourceLimitError", "TimeLimitError",
           "available", "available_memory", "remaining", "run_budget", "soft_deadline", "spare", "time_limit", "until_overdue"]
