"""The parser's 0.5 CPU s bound counts the parsing thread's own work: not other threads' CPU time (BLAS and OpenMP pools
spin after their work), and no garbage collection runs inside a parse (a full collection of a large heap takes hundreds
of ms after a long session and made a right claim `unchecked` now and then)."""

import gc
import threading
import time

from gradproof.derive import limits
from gradproof.verify.parser import parse_claim


def _collections_while_parsing(latex: str) -> int:
    seen = []

    def record(phase, info):
        if phase == "start":
            seen.append(info["generation"])

    old = gc.get_threshold()
    gc.callbacks.append(record)
    gc.set_threshold(1)  # a collection at (nearly) every allocation
    try:
        parse_claim(latex)
    finally:
        gc.set_threshold(*old)
        gc.callbacks.remove(record)
    return len(seen)


def test_no_collection_runs_inside_a_parse():
    """With a collection at every allocation, a long claim's parse (thousands of allocations) triggers no more
    collections than a short one's: only the few around the parse itself (its cache lookup), none inside it."""
    short = _collections_while_parsing(r"z^{(1)} = W^{(1)} x")
    terms = " + ".join(rf"\delta^{{(2)}} {{h^{{(1)}}}}^{{\top}} {k}" for k in range(60))
    long = _collections_while_parsing(rf"\frac{{\partial J}}{{\partial W^{{(2)}}}} = {terms}")
    assert long <= short + 2, (short, long)
    assert gc.isenabled()


def test_collection_is_back_on_after_a_parse_that_fails():
    try:
        parse_claim(r"\frac{\partial J}{\partial W^{(2)}} = \unknownmacro")
    except Exception:  # noqa: BLE001 -- only that the collector is enabled again matters here
        pass
    assert gc.isenabled()


def test_other_threads_do_not_count():
    stop = time.monotonic() + 0.3

    def spin():
        while time.monotonic() < stop:
            pass

    worker = threading.Thread(target=spin)
    work0 = limits.work_time()
    worker.start()
    worker.join()
    assert limits.work_time() - work0 < 0.1


def test_the_threads_own_work_counts():
    work0 = limits.work_time()
    total = 0
    for i in range(2_000_000):
        total += i
    assert limits.work_time() - work0 > 0.02
