"""The parser's 0.5 CPU s bound counts the parsing thread's own work: not other threads' CPU time (BLAS and OpenMP pools
spin after their work), not a full garbage collection of a large heap that the parse happened to trigger (after a long
session that takes hundreds of ms and made a right claim `unchecked` now and then)."""

import gc
import threading
import time

from gradproof.derive import limits


def test_a_collection_of_a_large_heap_is_not_the_threads_work():
    heap = [[i] for i in range(1_500_000)]  # many containers: a full collection walks them all
    cpu0, work0 = time.thread_time(), limits.work_time()
    gc.collect()
    gc.collect()
    spent, counted = time.thread_time() - cpu0, limits.work_time() - work0
    del heap
    assert spent > 0.05, spent  # the collections did take CPU time ...
    assert counted < spent / 5, (counted, spent)  # ... that the clock leaves out


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


def test_the_parsers_own_work_counts():
    work0 = limits.work_time()
    total = 0
    for i in range(2_000_000):
        total += i
    assert limits.work_time() - work0 > 0.02
