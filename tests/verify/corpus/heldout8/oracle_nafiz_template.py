"""Independent NumPy oracle for nafiz_template.md / nafiz_template_planted.md (Ahammad Nafiz's "Backprop by Hand",
the general template and its 3-layer example).

The template's network (nafiz_template.spec.toml): n_x = 3 inputs, two ReLU hidden layers (4 and 5 units here), a
softmax output layer (3 units), samples as the m COLUMNS of X and Y (m = 4 here), Z[l] = W[l]A[l-1] + b[l],
J = -(1/m) sum_i sum_k Y_ki log A[3]_ki. dZ[l] is Ng's shorthand m dJ/dZ[l] (so dW[l] = (1/m) dZ[l] A[l-1]^T); g_ReLU
in the backward step is, as the post says right under it, the ReLU's derivative. Every derivative is a central
difference of J. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_nafiz_template.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(8)
n, m = (3, 4, 5, 3), 4
X = rng.normal(size=(n[0], m))
Y = np.eye(3)[:, rng.integers(0, 3, size=m)]
W = {k: rng.normal(size=(n[k], n[k - 1])) for k in (1, 2, 3)}
b = {k: rng.normal(size=(n[k], 1)) for k in (1, 2, 3)}
relu = lambda v: np.maximum(v, 0)  # noqa: E731
drelu = lambda v: (v > 0).astype(float)  # noqa: E731
softmax = lambda v: np.exp(v - v.max(axis=0)) / np.exp(v - v.max(axis=0)).sum(axis=0)  # noqa: E731
act = {1: relu, 2: relu, 3: softmax}


def cost(W=W, b=b, start=None, at=1):
    A = X if start is None else start
    for k in range(at, 4):
        A = act[k](W[k] @ A + b[k])
    return float(-np.sum(Y * np.log(A)) / m)


Z, A = {}, {0: X}
for k in (1, 2, 3):
    Z[k] = W[k] @ A[k - 1] + b[k]
    A[k] = act[k](Z[k])
dZ = {k: m * grad(lambda v, k=k: cost(start=act[k](v), at=k + 1), Z[k]) for k in (1, 2, 3)}
dW = {k: grad(lambda v, k=k: cost(W={**W, k: v}), W[k]) for k in (1, 2, 3)}
db = {k: grad(lambda v, k=k: cost(b={**b, k: v}), b[k]) for k in (1, 2, 3)}
alpha = 0.1
hidden, layers = (1, 2), (1, 2, 3)
checks = {
    "line 126": lambda: all(same(Z[k], W[k] @ A[k - 1] + b[k]) for k in layers),
    "line 129": lambda: same(A[0], X),
    "line 138": lambda: all(same(A[k], act[k](Z[k])) for k in layers),
    "line 144": lambda: all(same(relu(Z[k]), np.maximum(0, Z[k])) for k in hidden),
    "line 150": lambda: same(A[3], softmax(Z[3])),
    "line 161": lambda: same(Z[1], W[1] @ X + b[1]) and same(A[1], relu(Z[1])),
    "line 168": lambda: same(Z[2], W[2] @ A[1] + b[2]) and same(A[2], relu(Z[2])),
    "line 175": lambda: same(Z[3], W[3] @ A[2] + b[3]) and same(A[3], softmax(Z[3])),
    "line 230": lambda: same(dZ[3], A[3] - Y),
    "line 238": lambda: same(dW[3], dZ[3] @ A[2].T / m),
    "line 243": lambda: same(db[3], dZ[3].sum(axis=1, keepdims=True) / m),
    "line 251": lambda: all(same(dZ[k], (W[k + 1].T @ dZ[k + 1]) * drelu(Z[k])) for k in hidden),
    "line 257": lambda: all(same(drelu(Z[k]), np.where(Z[k] > 0, 1.0, 0.0)) for k in hidden),
    "line 268": lambda: all(same(dW[k], dZ[k] @ A[k - 1].T / m) for k in layers),
    "line 273": lambda: all(same(db[k], dZ[k].sum(axis=1, keepdims=True) / m) for k in layers),
    "line 281": lambda: same(dZ[3], A[3] - Y) and same(dW[3], dZ[3] @ A[2].T / m) and same(db[3], dZ[3].sum(axis=1, keepdims=True) / m),
    "line 288": lambda: (
        same(dZ[2], (W[3].T @ dZ[3]) * drelu(Z[2]))
        and same(dW[2], dZ[2] @ A[1].T / m)
        and same(db[2], dZ[2].sum(axis=1, keepdims=True) / m)
    ),
    "line 295": lambda: (
        same(dZ[1], (W[2].T @ dZ[2]) * drelu(Z[1])) and same(dW[1], dZ[1] @ X.T / m) and same(db[1], dZ[1].sum(axis=1, keepdims=True) / m)
    ),
    "line 308": lambda: all(same(W[k] - alpha * dW[k], W[k] - alpha * dW[k]) for k in layers),
    "line 315": lambda: all(same(b[k] - alpha * db[k], b[k] - alpha * db[k]) for k in layers),
}
planted = {
    "line 126": lambda: all(same(Z[k], W[k].T @ A[k - 1] + b[k]) for k in layers),
    "line 150": lambda: same(A[3], relu(Z[3])),
    "line 168": lambda: same(Z[2], W[2] @ A[2] + b[2]) and same(A[2], relu(Z[2])),
    "line 230": lambda: same(dZ[3], Y - A[3]),
    "line 238": lambda: same(dW[3], A[2] @ dZ[3].T / m),
    "line 268": lambda: all(same(dW[k], dZ[k] @ A[k].T / m) for k in layers),
    "line 273": lambda: all(same(db[k], dZ[k].sum(axis=1, keepdims=True)) for k in layers),
    "line 288": lambda: (
        same(dZ[2], (W[3] @ dZ[3]) * drelu(Z[2])) and same(dW[2], dZ[2] @ A[1].T / m) and same(db[2], dZ[2].sum(axis=1, keepdims=True) / m)
    ),
    "line 315": lambda: all(same(b[k] - alpha * db[k], b[k] - alpha * dW[k]) for k in layers),
}
confirm("nafiz_template.md", "nafiz_template_planted.md", checks, planted)
print("OK")
