"""Independent NumPy oracle for erikaduan_neuron.md / erikaduan_nn.md and their planted copies (Erika Duan's "Review of
backpropagation": the single sigmoid neuron, then the 2-3-3-1 network with binary cross-entropy).

erikaduan_neuron (erikaduan_neuron.spec.toml): y^ = sigma(z), z = w x + b, L = 1/2 (y^ - y)^2 for one point; for n points
L = sum_i L_i = 1/2 sum_i (y_i - y^_i)^2 (a SUM). erikaduan_nn (erikaduan_nn.spec.toml): 2 inputs, sigmoid layers of 3, 3
and 1 neurons, Z^[l] = W^[l] A^[l-1] + b^[l] with the m samples as COLUMNS, C = 1/m sum_i L(y_i, y^_i), L the binary
cross-entropy. Every derivative is a central difference of the author's own objective; dX/dY of two arrays is judged
element-wise (per sample) where the notes use it so. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_erikaduan.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(84)
eq = lambda p, q: bool(np.allclose(p, q, rtol=1e-5, atol=1e-7)) and np.shape(p) == np.shape(q)  # noqa: E731
d = lambda f, v, h=1e-6: (f(v + h) - f(v - h)) / (2 * h)  # noqa: E731

# --- the single neuron -------------------------------------------------------------------------------------------
x, y, w, b = 0.5, 1.0, rng.normal(), rng.normal()
z = w * x + b
yh = sigmoid(z)
Lf = lambda w=w, b=b: 0.5 * (sigmoid(w * x + b) - y) ** 2  # noqa: E731
dL_dyh, dyh_dz = d(lambda v: 0.5 * (v - y) ** 2, yh), d(sigmoid, z)
dL_dw, dL_db = d(lambda v: Lf(w=v), w), d(lambda v: Lf(b=v), b)
n = 5
xs, ys = rng.normal(size=n), rng.random(n)
Lsum = lambda w=w, b=b: 0.5 * float(np.sum((ys - sigmoid(w * xs + b)) ** 2))  # noqa: E731
yhs = sigmoid(w * xs + b)
dL_dyhs = grad(lambda v: 0.5 * float(np.sum((ys - v) ** 2)), yhs)
neuron = {
    "line 1": lambda: eq(yh, sigmoid(w * x + b)) and eq(sigmoid(w * x + b), 1 / (1 + np.exp(-(w * x + b)))),
    "line 10": lambda: eq(Lf(), 0.5 * (yh - y) ** 2),
    "line 11": lambda: eq(yh, 1 / (1 + np.exp(-z))),
    "line 11#2": lambda: eq(z, w * x + b),
    "line 13": lambda: eq(dL_dyh, yh - y),
    "line 14": lambda: eq(dyh_dz, np.exp(-z) / (1 + np.exp(-z)) ** 2) and eq(dyh_dz, sigmoid(z) * (1 - sigmoid(z))),
    "line 15": lambda: eq(dL_dw, dL_dyh * dyh_dz * x) and eq(dL_dw, (yh - y) * sigmoid(z) * (1 - sigmoid(z)) * x),
    "line 16": lambda: eq(dL_db, dL_dyh * dyh_dz * 1) and eq(dL_db, (yh - y) * sigmoid(z) * (1 - sigmoid(z)) * 1),
    "line 82": lambda: eq(Lsum(), sum(0.5 * (ys[i] - yhs[i]) ** 2 for i in range(n))),
    "line 84": lambda: all(eq(dL_dyhs[i], np.sum(ys - yhs)) for i in range(n)),
    "line 85": lambda: eq(
        d(lambda v: Lsum(w=v), w), sum(d(lambda v, i=i: 0.5 * (ys[i] - sigmoid(v * xs[i] + b)) ** 2, w) for i in range(n))
    ),
}
neuron_planted = {
    "line 13": lambda: eq(dL_dyh, y - yh),
    "line 14": lambda: eq(dyh_dz, sigmoid(z) * (1 + sigmoid(z))),
    "line 16": lambda: eq(dL_db, (yh - y) * sigmoid(z) * (1 - sigmoid(z)) * x),
    "line 85": lambda: eq(
        d(lambda v: Lsum(w=v), w), sum(d(lambda v, i=i: 0.5 * (ys[i] - sigmoid(w * xs[i] + v)) ** 2, b) for i in range(n))
    ),
}
confirm("erikaduan_neuron.md", "erikaduan_neuron_planted.md", neuron, neuron_planted)

# --- the 2-3-3-1 network -----------------------------------------------------------------------------------------
m, k = 6, (2, 3, 3, 1)
X = rng.normal(size=(k[0], m))
Y = rng.integers(0, 2, size=(1, m)).astype(float)
W = {l: rng.normal(size=(k[l], k[l - 1])) for l in (1, 2, 3)}
B = {l: rng.normal(size=(k[l], 1)) for l in (1, 2, 3)}


def cost(W=W, B=B, A2=None, Z3=None, A3=None):
    if A3 is None:
        if Z3 is None:
            if A2 is None:
                A = X
                for l in (1, 2):
                    A = sigmoid(W[l] @ A + B[l])
                A2 = A
            Z3 = W[3] @ A2 + B[3]
        A3 = sigmoid(Z3)
    return float(np.mean(-(Y * np.log(A3) + (1 - Y) * np.log(1 - A3))))


A = {0: X}
Z = {}
for l in (1, 2, 3):
    Z[l] = W[l] @ A[l - 1] + B[l]
    A[l] = sigmoid(Z[l])
dC_dA3 = grad(lambda v: cost(A3=v), A[3])
dC_dZ3 = grad(lambda v: cost(Z3=v), Z[3])
dC_dW3 = grad(lambda v: cost(W={**W, 3: v}), W[3])
dC_db3 = grad(lambda v: cost(B={**B, 3: v}), B[3])
dA3_dZ3 = np.array([[d(sigmoid, Z[3][0, j]) for j in range(m)]])  # element-wise
dL_dA3 = m * dC_dA3  # the per-sample loss L's derivative
nn = {
    "line 10": lambda: eq(sigmoid(Z[1]), 1 / (1 + np.exp(-Z[1]))),
    "line 11": lambda: eq(m * cost(), float(np.sum(-(Y * np.log(A[3]) + (1 - Y) * np.log(1 - A[3]))))),
    "line 11#2": lambda: eq(cost(), float(np.mean(-(Y * np.log(A[3]) + (1 - Y) * np.log(1 - A[3]))))),
    "line 232": lambda: eq(A[3], sigmoid(W[3] @ A[2] + B[3])),
    "line 233#2": lambda: eq(Z[3], W[3] @ A[2] + B[3]),
    "line 235": lambda: eq(dL_dA3, -Y / A[3] + (1 - Y) / (1 - A[3])),
    "line 236": lambda: eq(dC_dA3, np.full_like(dC_dA3, -1 / m * np.sum(Y / A[3] - (1 - Y) / (1 - A[3])))),
    "line 237": lambda: eq(dA3_dZ3, sigmoid(Z[3]) * (1 - sigmoid(Z[3]))),
    "line 238": lambda: eq(A[3], sigmoid(Z[3])),
    "line 238#2": lambda: eq(dA3_dZ3, A[3] * (1 - A[3])),
    "line 239": lambda: eq(dC_dZ3, dC_dA3 * dA3_dZ3) and eq(dC_dZ3, np.full_like(dC_dZ3, 1 / m * np.sum(A[3] - Y))),
    "line 240": lambda: eq(Z[3], W[3] @ A[2] + B[3]),
    "line 241": lambda: eq(dC_dW3, 1 / m * (A[3] - Y) @ A[2]),
    "line 243": lambda: eq(dC_dW3, 1 / m * (A[3] - Y) @ A[2].T),
    "line 248": lambda: eq(Z[3], W[3] @ A[2] + B[3]),
    "line 248#2": lambda: all(eq(d(lambda v, j=j: (W[3] @ A[2][:, [j]] + v)[0, 0], B[3][0, 0]), 1.0) for j in range(m)),
    "line 249#2": lambda: eq(dC_dZ3, dC_dA3 * dA3_dZ3) and eq(dC_dZ3, np.full_like(dC_dZ3, 1 / m * np.sum(A[3] - Y))),
}
nn_planted = {
    "line 10": lambda: eq(sigmoid(Z[1]), 1 / (1 - np.exp(-Z[1]))),
    "line 233#2": lambda: eq(Z[3], W[3] @ A[3] + B[3]),
    "line 235": lambda: eq(dL_dA3, -Y / A[3] - (1 - Y) / (1 - A[3])),
    "line 238#2": lambda: eq(dA3_dZ3, A[3] * (1 + A[3])),
    "line 243": lambda: eq(dC_dW3, 1 / m * (A[3] - Y) @ A[3].T),
}
assert same(dC_dZ3, (A[3] - Y) / m) and same(dC_db3, dC_dZ3.sum(axis=1, keepdims=True))  # her code's shorthand and row sum
confirm("erikaduan_nn.md", "erikaduan_nn_planted.md", nn, nn_planted)
print("OK")
