"""Independent NumPy oracle for liang_notes.md / liang_notes_planted.md (liangguangyii, "Notes for DeepLearning").

The notes' formulas on the network of liang_notes.spec.toml: samples as the columns of X (3 x m),
Z^{[l]} = W^{[l]} A^{[l-1]} + B^{[l]}, A^{[1]} = tanh(Z^{[1]}), A^{[2]} = sigmoid(Z^{[2]}), the cross-entropy of each
example and its mean J. dZ and dA (the notes' "d" of the loss) are m dJ/dZ and m dJ/dA by central differences; dW and
dB are dJ/dW and dJ/dB. Each claim's right-hand side is computed as written, for every layer it applies to.
Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_liang.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2023)
m, n = 5, (3, 4, 1)
X = rng.normal(size=(n[0], m))
Y = rng.integers(0, 2, size=(1, m)).astype(float)
W = {1: rng.normal(size=(4, 3)), 2: rng.normal(size=(1, 4))}
B = {1: rng.normal(size=(4, 1)), 2: rng.normal(size=(1, 1))}
g = {1: np.tanh, 2: sigmoid}
dg = {1: lambda v: 1 - np.tanh(v) ** 2, 2: lambda v: sigmoid(v) * (1 - sigmoid(v))}


def run(W=W, B=B, start=None, value=None, kind="Z"):
    Z, A = {}, {0: X}
    for l in (1, 2):
        Z[l] = value if (start == l and kind == "Z") else W[l] @ A[l - 1] + B[l]
        A[l] = value if (start == l and kind == "A") else g[l](Z[l])
    yhat = A[2]
    return Z, A, float(np.mean(-(Y * np.log(yhat) + (1 - Y) * np.log(1 - yhat))))


Z, A, _ = run()
cost = lambda **k: run(**k)[2]  # noqa: E731
dZ = {l: m * grad(lambda v, l=l: cost(start=l, value=v), Z[l]) for l in (1, 2)}
dA = {l: m * grad(lambda v, l=l: cost(start=l, value=v, kind="A"), A[l]) for l in (1, 2)}
dW = {l: grad(lambda v, l=l: cost(W={**W, l: v}), W[l]) for l in (1, 2)}
dB = {l: grad(lambda v, l=l: cost(B={**B, l: v}), B[l]) for l in (1, 2)}
w, b = rng.normal(size=(3, 1)), 0.4
checks = {
    "line 19": lambda: all(np.isclose((w.T @ X[:, [i]]).item() + b, np.dot(w[:, 0], X[:, i]) + b) for i in range(m)),
    "line 33": lambda: all(same(Z[l], W[l] @ A[l - 1] + B[l]) and same(A[l], g[l](Z[l])) for l in (1, 2)),
    "line 47": lambda: all(same(dZ[l], dA[l] * dg[l](Z[l])) for l in (1, 2)),
    "line 51": lambda: all(same(dW[l], dZ[l] @ A[l - 1].T / m) for l in (1, 2)),
    "line 55": lambda: all(same(dB[l], dZ[l].sum(axis=1, keepdims=True) / m) for l in (1, 2)),
    "line 59": lambda: same(dA[1], W[2].T @ dZ[2]),
}
planted = {
    "line 51": lambda: all(same(dW[l], dZ[l] @ A[l].T / m) for l in (1, 2)),
    "line 55": lambda: all(same(dB[l], dZ[l].sum(axis=1, keepdims=True)) for l in (1, 2)),
    "line 59": lambda: same(dA[1], W[1].T @ dZ[2]),
}
confirm("liang_notes.md", "liang_notes_planted.md", checks, planted)
print("OK")
