"""Independent NumPy oracle for the student's README (abdalrhman_nn_readme.md) and its planted copy.

The two displays are statements about the sigmoid at a point x: its definition, compared with the logistic function
1/(1 + exp(-x)) at several x (which the network's units use), and its derivative, compared with central differences
of the logistic function at the same x. A check holds exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_abdalrhman.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

xs = np.array([-1.3, -0.2, 0.4, 1.1, 2.5])


def logistic(v):
    return 1 / (1 + np.exp(-v))


slope = np.array([grad(lambda u: float(logistic(u[0])), np.array([x]))[0] for x in xs])

checks = {
    "line 35": lambda: same(logistic(xs), 1 / (1 + np.exp(-xs))),
    "line 41": lambda: same(slope, xs * (1 - xs)),
}
planted = {
    "line 35": lambda: same(logistic(xs), 1 / (1 + np.exp(xs))),
}
confirm("abdalrhman_nn_readme.md", "abdalrhman_nn_readme_planted.md", checks, planted)
# the code's reading: x (1 - x) at the OUTPUT y = sigma(x) is the slope
assert same(slope, logistic(xs) * (1 - logistic(xs)))
print("OK")
