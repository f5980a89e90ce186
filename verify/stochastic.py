r"""A step on one example (stochastic gradient descent or ascent, CS229's "stochastic gradient ascent rule"
``θ_j := θ_j + α (y^{(i)} − h_θ(x^{(i)})) x_j^{(i)}``, Ng's ``θ_j := θ_j − α (h_θ(x^{(i)}) − y^{(i)}) x_j^{(i)}``) in a document
judged with a batch.

The step names one example by its index (``(i)``) and sums over none: it is the step on that example's loss, not the
batch's step, and an index read as every example in turn (or summed) is neither. Such a claim is judged with a judge
of one example (``Judge._stochastic_check``), the answer's objective read on its own scale there (a sum over the
examples, CS229's ℓ(θ), is one example's term for one example).
"""

from __future__ import annotations

import re

#: a parameter updated from itself: θ_j := θ_j …, w ← w …, W^{[1]} = W^{[1]} − … (the same letter on both sides of the
#: step's relation, its scripts up to 30 characters)
_STEP = re.compile(r"\s*(\\theta|\\Theta|[wWbv])\s*(?:[_^]\s*(?:\{[^{}=]{0,30}\}|\\?\w+)\s*){0,3}"
                   r"(?::=|\\leftarrow|\\gets|←|=)\s*\1(?![A-Za-z])")
#: an example's index: x^{(i)}, y^{(n)}
_EXAMPLE = re.compile(r"\^\s*\{?\s*\(\s*[inm]\s*\)")
#: what makes a step the batch's: a sum, a 1/m (a mean), a capital X or Y of the batch
_BATCH = re.compile(r"\\sum|\\[dtc]?frac\s*\{?\s*1\s*\}?\s*\{?\s*[mnNM]|(?<![A-Za-z\\])[XY](?![A-Za-z])")
#: said beside the verdict
NOTE = ("a step that names one example (i) and sums over none: the step on that example's loss (stochastic gradient "
        "descent), read for one example")


def one_example_step(latex: str) -> bool:
    """Whether the claim is a parameter's step that names one example by its index and sums over none."""
    return (len(latex) <= 2000 and _STEP.match(latex) is not None and _EXAMPLE.search(latex) is not None
            and _BATCH.search(latex) is None)
