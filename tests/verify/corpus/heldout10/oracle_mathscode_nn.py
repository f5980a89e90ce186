"""Independent NumPy oracle for mathscode_nn.md / mathscode_nn_planted.md (MathsCode's notes on Ng's "Neural Networks
and Deep Learning", week 3).

The notes' network (mathscode_nn.spec.toml): samples as the columns of X (3 x m), Z^{[i]} = W^{[i]} A^{[i-1]} + b^{[i]},
A^{[i]} = sigma(Z^{[i]}) for i = 1, 2, 3 = k, L the cross-entropy of one example, J = 1/m sum of L. Each claim's
right-hand side is computed as written and compared with central differences of that J (dZ and dA, the notes' per-example
derivatives, are m dJ/dZ and m dJ/dA; generic-i claims for every layer they apply to; the 2.2.2.x formulas for one
sigmoid node on X, as the notes quote them). Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_mathscode_nn.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2022)
m, n = 5, (3, 4, 3, 1)
k = 3
X = rng.normal(size=(n[0], m))
Y = rng.integers(0, 2, size=(1, m)).astype(float)
P = {f"W{i}": rng.normal(size=(n[i], n[i - 1])) for i in (1, 2, 3)} | {f"b{i}": rng.normal(size=(n[i], 1)) for i in (1, 2, 3)}
alpha = 0.01
dsig = lambda v: sigmoid(v) * (1 - sigmoid(v))  # noqa: E731


def forward(p=P, start=0, value=None):
    """Z, A of every layer; with `start`, the forward pass resumes from Z^{[start]} = value (or A^{[start]} if start < 0)."""
    Z, A = {}, {0: X}
    for i in (1, 2, 3):
        if start == i:
            Z[i] = value
        elif start == -i:
            Z[i] = None
        else:
            Z[i] = p[f"W{i}"] @ A[i - 1] + p[f"b{i}"]
        A[i] = value if start == -i else sigmoid(Z[i])
    return Z, A


def bce(yhat, y):
    """The cross-entropy of the notes' labels, written by cases (label 1: -log yhat; label 0: -log(1 - yhat))."""
    return np.where(y == 1, -np.log(yhat), -np.log(1 - yhat))


def cost(p=P, start=0, value=None):
    return float(bce(forward(p, start, value)[1][3], Y).mean())


Z, A = forward()
W, b = {i: P[f"W{i}"] for i in (1, 2, 3)}, {i: P[f"b{i}"] for i in (1, 2, 3)}
gW = {i: grad(lambda v, i=i: cost({**P, f"W{i}": v}), W[i]) for i in (1, 2, 3)}
gb = {i: grad(lambda v, i=i: cost({**P, f"b{i}": v}), b[i]) for i in (1, 2, 3)}
dZ = {i: m * grad(lambda v, i=i: cost(start=i, value=v), Z[i]) for i in (1, 2, 3)}  # the notes' per-example dZ
dA = {i: m * grad(lambda v, i=i: cost(start=-i, value=v), A[i]) for i in (1, 2)}  # A^{[i]} fed to layer i+1
# one sigmoid node on X (the 2.2.2.x formulas quoted from week 2)
w0, b0 = rng.normal(size=(n[0], 1)), rng.normal()
lr_cost = lambda w=w0, b_=b0: float(bce(sigmoid(w.T @ X + b_), Y).mean())  # noqa: E731
A0 = sigmoid(w0.T @ X + b0)
dZ0 = m * grad(lambda v: float(bce(sigmoid(v), Y).mean()), w0.T @ X + b0)
dw0, db0 = grad(lambda v: lr_cost(w=v), w0), grad(lambda v: lr_cost(b_=v), np.array(b0))
hidden = (1, 2)  # layers i with a layer i+1 (i = 1 .. k-1)


def comp_forward(sign=1, prev=lambda i: i - 1):
    """z^{[i]}_j = (w^{[i]}_j)^T a^{[i-1]} + b^{[i]}_j for every layer, node j and example."""
    return all(
        np.isclose(Z[i][j, e], W[i][j, :] @ A[prev(i)][:, e] + sign * b[i][j, 0]) for i in (1, 2, 3) for j in range(n[i]) for e in range(m)
    )


def dz_next_dz(i, j, p, e, arg):
    """d Z^{[i+1]}_{(j,e)} / d Z^{[i]}_{(p,e)} by central differences against the claim's W_{jp} g'(arg)."""
    h = 1e-6
    plus, minus = Z[i].copy(), Z[i].copy()
    plus[p, e] += h
    minus[p, e] -= h
    fd = (W[i + 1] @ sigmoid(plus) - W[i + 1] @ sigmoid(minus))[j, e] / (2 * h)
    return np.isclose(fd, W[i + 1][j, p] * dsig(arg), rtol=1e-5, atol=1e-8)


def dL_dZ_single_term(i):
    """(3.5.2.5)/(3.5.2.7): dL/dZ^{[i]}_{(p,l)} = dZ^{[i+1]}_{(j,l)} (w^{[i+1]}_j)_p g'(Z^{[i]}_{(p,l)}), for every j."""
    return all(
        np.isclose(dZ[i][p, e], dZ[i + 1][j, e] * W[i + 1][j, p] * dsig(Z[i][p, e]), rtol=1e-5)
        for j in range(n[i + 1])
        for p in range(n[i])
        for e in range(m)
    )


xs = np.linspace(-2, 2, 9)
tanh_fd = (np.tanh(xs + 1e-6) - np.tanh(xs - 1e-6)) / 2e-6
checks = {
    "3.1.2": lambda: same(A[0][:, [0]], X[:, [0]]),
    "3.2.1": lambda: comp_forward(),
    "3.2.2": lambda: all(same(A[i], sigmoid(Z[i])) for i in (1, 2, 3)),
    "3.2.4": lambda: all(same(Z[i][:, [e]], W[i] @ A[i - 1][:, [e]] + b[i]) for i in (1, 2, 3) for e in range(m)),
    "3.2.5": lambda: all(same(A[i][:, [e]], sigmoid(Z[i][:, [e]])) for i in (1, 2, 3) for e in range(m)),
    "3.3.1": lambda: all(same(Z[i][:, [e]], W[i] @ A[i - 1][:, [e]] + b[i]) for i in (1, 2, 3) for e in range(m)),
    "3.3.2": lambda: all(same(A[i][:, [e]], sigmoid(Z[i][:, [e]])) for i in (1, 2, 3) for e in range(m)),
    "line 115": lambda: same(Z[1], W[1] @ X + b[1]),
    "line 119": lambda: same(A[1], sigmoid(Z[1])),
    "3.3.3": lambda: all(same(Z[i], W[i] @ A[i - 1] + b[i]) for i in (1, 2, 3)),
    "3.3.4": lambda: all(same(A[i], sigmoid(Z[i])) for i in (1, 2, 3)),
    "3.3.5": lambda: same(A[0], X),
    "3.4.1": lambda: (
        same(np.tanh(xs), np.sinh(xs) / np.cosh(xs)) and same(np.tanh(xs), (np.exp(xs) - np.exp(-xs)) / (np.exp(xs) + np.exp(-xs)))
    ),
    "3.4.2": lambda: same(tanh_fd, 1 - np.tanh(xs) ** 2),
    "2.1.3.2": lambda: same(bce(A[3], Y), -(Y * np.log(A[3]) + (1 - Y) * np.log(1 - A[3]))),
    "2.1.3.3": lambda: np.isclose(cost(), np.sum(-(Y * np.log(A[3]) + (1 - Y) * np.log(1 - A[3]))) / m),
    "2.2.2.1": lambda: same(dZ0, A0 - Y),
    "2.2.2.11": lambda: same(dw0, X @ dZ0.T / m),
    "2.2.2.12": lambda: np.isclose(float(db0), dZ0.sum() / m),
    "3.5.1.2": lambda: same(dZ[k], A[k] - Y),
    "3.5.1.3": lambda: same(gW[k], A[k - 1] @ dZ[k].T / m),  # the notes' first try: n^{[k-1]} x 1, W^{[k]} is 1 x n^{[k-1]}
    "2.2.2.8": lambda: all(np.isclose(dw0[i, 0], float(X[i, :] @ dZ0.T[:, 0]) / m) for i in range(n[0])),
    "3.5.1.4": lambda: same(W[k] - alpha * gW[k], W[k] - alpha * (dZ[k] @ A[k - 1].T / m)),  # dw: W^{[k]}'s gradient
    "3.5.1.5": lambda: same(gW[k], dZ[k] @ A[k - 1].T / m),
    "3.5.1.6": lambda: same(gb[k], dZ[k].sum(axis=1, keepdims=True) / m),
    "3.5.1.7": lambda: same(b[k] - alpha * gb[k], b[k] - alpha * dZ[k].sum(axis=1, keepdims=True) / m),
    "3.5.2.1": lambda: all(
        same(Z[i + 1], W[i + 1] @ A[i] + b[i + 1]) and same(Z[i + 1], W[i + 1] @ sigmoid(Z[i]) + b[i + 1]) for i in hidden
    ),
    "3.5.2.3": lambda: all(
        np.isclose(Z[i + 1][j, e], W[i + 1][j, :] @ A[i][:, e] + b[i + 1][j, 0])
        and np.isclose(Z[i + 1][j, e], W[i + 1][j, :] @ sigmoid(Z[i][:, e]) + b[i + 1][j, 0])
        for i in hidden
        for j in range(n[i + 1])
        for e in range(m)
    ),
    "3.5.2.4": lambda: all(
        dz_next_dz(i, j, p, e, Z[i][p, e]) for i in hidden for j in range(n[i + 1]) for p in range(n[i]) for e in range(2)
    ),
    "3.5.2.5": lambda: all(dL_dZ_single_term(i) for i in hidden),  # THE NOTES' SLIP: no sum over j (true for i = 2 only)
    "3.5.2.7": lambda: all(dL_dZ_single_term(i) for i in hidden),
    "3.5.2.9": lambda: all(same(dZ[i][:, [e]], (W[i + 1].T @ dZ[i + 1][:, [e]]) * dsig(Z[i][:, [e]])) for i in hidden for e in range(m)),
    "3.5.2.10": lambda: all(same(dZ[i], (W[i + 1].T @ dZ[i + 1]) * dsig(Z[i])) for i in hidden),
    "3.5.2.11": lambda: all(same(dZ[i], (W[i + 1].T @ dZ[i + 1]) * dsig(Z[i])) for i in hidden),
    "3.5.2.12": lambda: all(same(gW[i], dZ[i] @ A[i - 1].T / m) for i in hidden),
    "3.5.2.12#3": lambda: all(same(dA[i], W[i + 1].T @ dZ[i + 1]) for i in hidden),
}
# restatements of a formula further down the notes get verify's #2, #3 ids: the same check
for again, first in {
    "3.3.3#2": "3.3.3",
    "3.3.4#2": "3.3.4",
    "3.3.5#2": "3.3.5",
    "2.2.2.11#2": "2.2.2.11",
    "2.2.2.11#3": "2.2.2.11",
    "3.5.1.2#2": "3.5.1.2",
    "3.5.1.5#2": "3.5.1.5",
    "3.5.1.6#2": "3.5.1.6",
    "3.5.1.4#2": "3.5.1.4",
    "2.2.2.1#2": "2.2.2.1",
    "2.2.2.12#2": "2.2.2.12",
    "3.5.1.2#3": "3.5.1.2",
    "3.5.1.5#3": "3.5.1.5",
    "3.5.1.6#3": "3.5.1.6",
    "3.5.2.11#2": "3.5.2.11",
    "3.5.2.12#2": "3.5.2.12",
}.items():
    checks[again] = checks[first]
planted = {
    "3.2.1": lambda: comp_forward(prev=lambda i: i),
    "3.3.1": lambda: all(same(Z[i][:, [e]], W[i] @ A[i - 1][:, [e]] - b[i]) for i in (1, 2, 3) for e in range(m)),
    "3.3.3": lambda: all(same(Z[i], W[i] @ A[i] + b[i]) for i in (1, 2, 3)),
    "3.4.2": lambda: same(tanh_fd, 1 + np.tanh(xs) ** 2),
    "2.1.3.2": lambda: same(bce(A[3], Y), Y * np.log(A[3]) + (1 - Y) * np.log(1 - A[3])),
    "3.5.1.2": lambda: same(dZ[k], Y - A[k]),
    "2.2.2.11#2": lambda: same(dw0, dZ0 @ X.T / m),
    "3.5.1.5": lambda: same(gW[k], dZ[k] @ A[k].T / m),
    "3.5.1.6#2": lambda: same(gb[k], dZ[k].sum(axis=1, keepdims=True)),
    "3.5.1.7": lambda: same(b[k] - alpha * gb[k], b[k] + alpha * dZ[k].sum(axis=1, keepdims=True) / m),
    "3.5.2.4": lambda: all(
        dz_next_dz(i, j, p, e, Z[i + 1][j, e]) for i in hidden for j in range(n[i + 1]) for p in range(n[i]) for e in range(2)
    ),
    "3.5.2.9": lambda: all(same(dZ[i][:, [e]], (W[i + 1] @ dZ[i + 1][:, [e]]) * dsig(Z[i][:, [e]])) for i in hidden for e in range(m)),
    "3.5.2.11": lambda: all(same(dZ[i], (W[i + 1].T @ dZ[i + 1]) * sigmoid(Z[i])) for i in hidden),
    "3.5.2.12#3": lambda: all(same(dA[i], W[i].T @ dZ[i + 1]) for i in hidden),
}
confirm("mathscode_nn.md", "mathscode_nn_planted.md", checks, planted)
print("OK")
