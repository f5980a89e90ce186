"""Independent NumPy oracle for the Russian lab handout (ol333_ann_lab3.md) and its planted copy.

The handout's notation on the task's network: 3 inputs, 3 then 2 sigmoid neurons, no biases, ω^k[i, j] from neuron j
of layer k-1 to neuron i of layer k, E = 1/2 sum (Y - y)^2. delta^k := -dE/dy^k (delta = e = Y - y at the output),
every derivative by central differences. Each formula is computed as written (the sum over the index it names; a
product of non-conforming shapes does not hold) and compared: (1) with the true summed input, (3) with -dE/dy^k,
(4)'s step with the gradient step -eta dE/dω for the handout's alpha = -0.1 (its prose: alpha < 0) AND for any
alpha > 0 (the written step is not a multiple of the gradient at all: y_i^{k-1} for y_j^{k-1}). A check holds exactly
when MANIFEST.toml's verdict is correct.
Run: python oracle_ol333.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2441)
W = {1: rng.normal(size=(3, 3)), 2: rng.normal(size=(2, 3))}
x, Y = rng.normal(size=3), np.array([0.2, 0.7])


def forward(WW=W, at=None, y_at=None):
    y, v = {0: x}, {}
    for k in (1, 2):
        v[k] = WW[k] @ y[k - 1]
        y[k] = sigmoid(v[k]) if at != k else y_at
    return v, y


def E(**kw):
    return 0.5 * float(np.sum((Y - forward(**kw)[1][2]) ** 2))


v, y = forward()
fp = {k: y[k] * (1 - y[k]) for k in (1, 2)}
delta = {k: -grad(lambda u, k=k: E(at=k, y_at=u), y[k]) for k in (1, 2)}
gW = {k: grad(lambda u, k=k: E(WW={**W, k: u}), W[k]) for k in (1, 2)}


def conform(f):
    try:
        return f()
    except ValueError:  # non-conforming shapes: the formula does not hold
        return False


def step4(alpha, k, prev_index):
    """(4)'s change of ω^k[i, j]: alpha f'_i(v_i) delta_i y^{k-1}_{prev_index(i, j)}."""
    n_out, n_in = W[k].shape
    return np.array([[alpha * fp[k][i] * delta[k][i] * y[k - 1][prev_index(i, j)] for j in range(n_in)] for i in range(n_out)])


def is_descent(change, k):
    """change = -eta dE/dω^k for some eta > 0."""
    g = gW[k].ravel()
    eta = -float(change.ravel() @ g) / float(g @ g)
    return eta > 0 and same(change, -eta * gW[k])


checks = {
    # (1): v_i^k = sum over i of ω_ij y_j, as written (the free index summed: a vector over j)
    "line 38": lambda: all(conform(lambda k=k: same(v[k], W[k].sum(axis=0) * y[k - 1])) for k in (1, 2)),
    "line 40": lambda: all(same(y[k], sigmoid(v[k])) for k in (1, 2)),
    "line 54": lambda: same(delta[1], W[2].T @ delta[2]),
    "line 60": lambda: all(
        conform(lambda k=k: is_descent(step4(-0.1, k, lambda i, j: i), k) or is_descent(step4(0.1, k, lambda i, j: i), k))
        for k in (1, 2)
    ),
}
planted = {
    "line 40": lambda: all(same(y[k], fp[k]) for k in (1, 2)),
}
confirm("ol333_ann_lab3.md", "ol333_ann_lab3_planted.md", checks, planted)
# the readings: with the slope f'_q of the next layer (3) holds, with y_j and alpha > 0 (4) is the descent step
assert same(delta[1], W[2].T @ (fp[2] * delta[2]))
assert all(is_descent(step4(0.1, k, lambda i, j: j), k) for k in (1, 2))
assert same(v[1], W[1] @ x)
print("OK")
