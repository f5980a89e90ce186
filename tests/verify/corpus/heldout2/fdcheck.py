"""Shared helpers of the heldout2 oracles (numpy only): central differences, comparisons and the verdict loop.

Not an oracle itself (tests/verify/test_corpus.py runs ``oracle_*.py``); each oracle imports it from this folder.
"""

import numpy as np

EPS = 1e-6


def grad(fun, base, eps=EPS):
    """d fun / d base by central differences, with base's shape (fun returns a float)."""
    base = np.asarray(base, float)
    g = np.zeros_like(base)
    for idx in np.ndindex(base.shape):
        e = np.zeros_like(base)
        e[idx] = eps
        g[idx] = (fun(base + e) - fun(base - e)) / (2 * eps)
    return g


def same(p, q, rtol=1e-5, atol=1e-7):
    """Equal shapes and values (a claim whose shape differs is not the quantity)."""
    p, q = np.asarray(p, float), np.asarray(q, float)
    return p.shape == q.shape and np.allclose(p, q, rtol=rtol, atol=atol)


def printed(value, text):
    """Printed numbers (space-separated, row-major) within half a unit of their last digit, or 1 %, of value."""
    value, nums = np.ravel(np.asarray(value, float)), text.split()
    if value.size != len(nums):
        return False
    for v, s in zip(value, nums, strict=True):
        digits = len(s.split(".")[1]) if "." in s else 0
        if abs(v - float(s)) > max(0.5 * 10**-digits, 0.01 * abs(v)) + 1e-12:
            return False
    return True


def holds(check):
    """A claim's check; one whose shapes do not fit (numpy raises) does not hold."""
    try:
        return bool(check())
    except (ValueError, IndexError):
        return False


def confirm(claims):
    """claims: id -> check. An id ending in P is a planted claim the grader marked incorrect; the others are correct."""
    for cid, check in claims.items():
        ok = holds(check)
        assert ok == (not cid.endswith("P")), f"claim {cid}: oracle says {'correct' if ok else 'incorrect'}"
