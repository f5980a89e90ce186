"""Independent check of the hand verdicts of sghosh_backprop.ipynb and its planted copy (numpy only).

One sigmoid unit on two inputs, Loss = 0.5 (y - y_pred)^2, one SGD step with eta = 0.1; every number the notebook
writes is compared with the truth (to the rounding of the digits written, operands as written), gradients also by
central differences; the two planted formulas are shown wrong at a random point.
Run: python oracle_sghosh.py  -> prints OK
"""

import numpy as np

x = np.array([1.0, 2.0]); w = np.array([0.5, -0.4]); b = 0.1; y = 1.0; eta = 0.1


def loss(w, b):
    p = 1 / (1 + np.exp(-(w @ x + b)))
    return 0.5 * (y - p) ** 2


z = w @ x + b
p = 1 / (1 + np.exp(-z))
assert abs(z - -0.2) < 1e-12 and abs(p - 0.4502) < 5e-5
assert abs(loss(w, b) - 0.1511) < 1e-4 and abs(0.5 * (1.0 - 0.4502) ** 2 - 0.1511) < 5e-5  # (0.15116: from 0.4502 carried)
dp = p - y
dz = dp * p * (1 - p)
assert abs(dp - -0.5498) < 5e-5 and abs(p * (1 - p) - 0.2475) < 5e-5
assert abs(-0.5498 * 0.2475 - -0.1360) < 1e-4  # the written operands' product, rounding carried
h = 1e-6
fd = np.array([(loss(w + h * e, b) - loss(w - h * e, b)) / (2 * h) for e in np.eye(2)])
assert np.allclose(fd, dz * x, atol=1e-9) and abs((loss(w, b + h) - loss(w, b - h)) / (2 * h) - dz) < 1e-9
for got, want in ((0.5 - 0.1 * -0.1360, 0.5136), (-0.4 - 0.1 * -0.2720, -0.3728), (0.1 - 0.1 * -0.1360, 0.1136)):
    assert abs(got - want) < 5e-5
assert abs((w - eta * dz * x)[0] - 0.5136) < 2e-4 and abs(b - eta * dz - 0.1136) < 2e-4
# the planted formulas: dL/dw12 with x1 for x2, and y_pred (1 + y_pred) for the sigmoid's slope
rng = np.random.default_rng(0)
xr, wr, br = rng.normal(size=2), rng.normal(size=2), rng.normal()
pr = 1 / (1 + np.exp(-(wr @ xr + br)))
dzr = (pr - y) * pr * (1 - pr)
assert abs(dzr * xr[0] - dzr * xr[1]) > 1e-3 and abs(pr * (1 + pr) - pr * (1 - pr)) > 1e-3
print("OK")
