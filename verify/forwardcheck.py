"""A reading the answer's own forward definitions contradict is not used to call anything wrong.

A TA who reads ``Z_0 = A_0 W_0^T + \\iota b_0^T`` and ``A_2 = \\operatorname{softmax}(Z_1)`` learns how the answer
numbers its layers before grading a gradient. When verify's reading of an answer makes its forward definitions name
layers the network does not have (Z_0 with the input as layer 0), and no more of them hold, the reading — not the
answer — is what is wrong: a layer numbering of its own. (Definitions wrong by value or shape are no such evidence:
planted copies plant transposes and wrong biases in several definitions at once.) A verdict of `incorrect`
on such a reading would be a guess, so every one in the answer becomes `unchecked`, with the definitions that failed
and the `[notation]` options that declare a numbering. `correct` verdicts stay: a claim that holds under a reading is
not made wrong by it (and the definitions that hold are kept as evidence).
"""

from __future__ import annotations

from .tree import NO_SUCH_LAYER


def _failed(result) -> bool | None:
    """True: the definition names a layer the network does not have as read (the reading's numbering, not a slip in
    the formula: a planted wrong transpose or bias fails by value or shape, and one more planted mistake is judged as
    such); False: it holds; None: neither (wrong by value or shape, or not read)."""
    if result.verdict == "correct":
        return False
    if result.verdict == "unchecked" and NO_SUCH_LAYER.search(result.message or ""):
        return True
    return None


def doubt_reading(results, forward_ids: set) -> None:
    """If at least two of the answer's forward definitions name layers the network does not have as read and more do
    so than hold, turn every `incorrect` of the answer into `unchecked` with the reason (in place)."""
    verdicts = [(r.id, _failed(r)) for r in results if r.id in forward_ids]
    failed = [cid for cid, f in verdicts if f]
    held = sum(1 for _, f in verdicts if f is False)
    if len(failed) < 2 or len(failed) <= held:
        return
    shown = ", ".join(failed[:4]) + (" …" if len(failed) > 4 else "")
    reason = (f"{len(failed)} of the answer's own forward definitions ({shown}) name layers the network does not have "
              "as read, so its layer numbers are not the ones assumed; declare them in [notation] (input_layer = 0 | 1, "
              "weights_numbered_by and summed_numbered_by = \"target\" | \"source\", or the letters) to have it judged")
    for r in results:
        if r.verdict == "incorrect":
            r.unjudge()
            r.message = f"not judged: {r.message}; but {reason}"
