"""Hostile input, round nineteen (issue 12): a SIGINT that lands inside a finalizer.

CI saw ``gradproof codegen`` interrupted 0.7 s in print "Exception ignored in: <finalize object …>" and a traceback: the
interrupt arrived while a weakref finalizer (a temporary directory's cleanup) ran, and Python's own handler raised
KeyboardInterrupt there, which Python reports and then drops. The command's handler (gradproof.cli) delivers it
again a moment later, outside the finalizer, so the command stops as any interrupt stops it (exit 130, outputs intact:
tests/hardening/test_outputs_atomic.py) and prints no traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import signal, sys, time, weakref
if sys.argv[1] == "gradproof":
    from gradproof.cli import _interrupt_outside_finalizers
    signal.signal(signal.SIGINT, _interrupt_outside_finalizers)
class A:
    pass
def fin():
    signal.raise_signal(signal.SIGINT)  # the interrupt lands while the finalizer runs
    time.sleep(0.05)
    print("finalizer done", flush=True)
a = A()
weakref.finalize(a, fin)
try:
    del a
    time.sleep(3)
    print("never interrupted")
except KeyboardInterrupt:
    print("interrupted after it")
"""


def _run(handler: str) -> tuple[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # (SIGINT at its default in the child whatever the parent ignores: a CI job run in the background ignores it)
    proc = subprocess.run([sys.executable, "-c", SCRIPT, handler], env=env, capture_output=True, text=True, timeout=60,
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    return proc.stdout, proc.stderr


def test_python_alone_prints_a_traceback_and_loses_the_interrupt():
    out, err = _run("python")  # (the defect, as Python's own handler has it)
    assert "Traceback" in err and "never interrupted" in out


def test_gradproofs_handler_delivers_the_interrupt_after_the_finalizer():
    out, err = _run("gradproof")
    assert "Traceback" not in err, err
    assert out.split() == ["finalizer", "done", "interrupted", "after", "it"]
