"""Independent NumPy oracle for pedro_loss_fn.md and its planted copy (a learner's notes on the binary cross-entropy
and its gradient with respect to the output activation a^(L), b the batch size).

Random targets y in {0, 1} and activations a in (0, 1) over a batch of b examples; BCE(a) = -(1/b) sum [y log a +
(1 - y) log(1 - a)] (the notes' definition, line 66, the mean over the batch); its gradient by central differences is
compared with each row of the chain of lines 82-84 evaluated as written (elementwise, the notes' Hadamard products).
The first row's middle, -(1/b) d/da [...], is the derivative of the bracket, also taken by central differences of
the bracket's sum. Prints OK when every verdict of MANIFEST.toml holds. Run: python oracle_pedro.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(2020)
b = 6
y = rng.integers(0, 2, size=(b, 1)).astype(float)
a = rng.uniform(0.1, 0.9, size=(b, 1))


def bracket(aa):
    return float(np.sum(y * np.log(aa) + (1 - y) * np.log(1 - aa)))


def bce(aa):
    return -bracket(aa) / b


dBCE = grad(bce, a)
row1 = -1 / b * grad(bracket, a)
row2 = -1 / b * (y * (1 / a) - (1 - y) * (1 / (1 - a)))
row3 = -1 / b * ((y - a) / (a * (1 - a)))
row3_planted = -1 / b * ((a - y) / (a * (1 - a)))

checks = {
    "line 82": lambda: all(same(dBCE, r) for r in (row1, row2, row3)),
    "line 83.2": lambda: same(dBCE, row2),
    "line 84.3": lambda: same(dBCE, row3),
}
planted = {
    "line 82": lambda: all(same(dBCE, r) for r in (row1, row2, row3_planted)),
    "line 84.3": lambda: same(dBCE, row3_planted),
}
confirm("pedro_loss_fn.md", "pedro_loss_fn_planted.md", checks, planted)
print("OK")
