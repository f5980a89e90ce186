"""Independent NumPy oracle for bangguo_dropout.ipynb / bangguo_dropout_planted.ipynb (a student's derivation of
backpropagation through inverted dropout).

A 3-4-4-2 relu/relu/softmax network with inverted dropout (keep_prob = 0.75, fixed 0/1 masks) after each hidden layer,
one example as a column, Z_{l+1} = W_{l+1}(A_l * D_l)/keep_prob + B_{l+1} as the answer writes it: dA, dZ, dW, dB of the
middle layer by central differences of the cross-entropy, against the answer's formulas. Prints OK when every verdict of
MANIFEST.toml holds. Run: python oracle_bangguo.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(1507)
kp = 0.75
W1, B1, W2, B2, W3, B3 = (rng.normal(size=s) for s in [(4, 3), 4, (4, 4), 4, (2, 4), 2])
D1, D2 = np.array([1.0, 0.0, 1.0, 1.0]), np.array([1.0, 1.0, 0.0, 1.0])
x, y = rng.normal(size=3), np.array([0.0, 1.0])
relu = lambda z: np.maximum(0, z)  # noqa: E731


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


loss = lambda a3: float(-(y * np.log(a3)).sum())  # noqa: E731
Z1 = W1 @ x + B1
A1 = relu(Z1)
Z2 = W2 @ (A1 * D1) / kp + B2
A2 = relu(Z2)
Z3 = W3 @ (A2 * D2) / kp + B3
from_Z2 = lambda z: loss(softmax(W3 @ (relu(z) * D2) / kp + B3))  # noqa: E731
from_A2 = lambda a: loss(softmax(W3 @ (a * D2) / kp + B3))  # noqa: E731
dZ3 = grad(lambda z: loss(softmax(z)), Z3)
dA2, dZ2 = grad(from_A2, A2), grad(from_Z2, Z2)
dW2 = grad(lambda v: from_Z2(v @ (A1 * D1) / kp + B2), W2)
dB2 = grad(lambda v: from_Z2(W2 @ (A1 * D1) / kp + v), B2)


checks = {
    "Q1.6": lambda: same(dZ2, 1.0 * dA2),
    "Q1.7": lambda: same(dW2, np.outer(dZ2, A1)),
    "Q1.8": lambda: same(dB2, dZ2),
}
planted = {"Q1.8": lambda: same(dB2[:3], (dZ2 * A1)[:3])}
confirm("bangguo_dropout.ipynb", "bangguo_dropout_planted.ipynb", checks, planted)
print("OK")
