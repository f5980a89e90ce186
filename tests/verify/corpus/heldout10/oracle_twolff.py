"""Independent NumPy oracle for twolff_cs231n.md / twolff_cs231n_planted.md (twolffpiggott, "CS231n basic
backpropagation derivation").

The CS231n softmax classifier of twolff_cs231n.spec.toml: f_j = w_j^T x_i + b_j (w_j the columns of W, 4 x 3),
p = softmax(f), the softmax loss -log p_{y_i}. Each claim is NumPy code of what it says, compared with central
differences of that loss by the scores f and by the weight vectors w_j. Prints OK when every verdict of MANIFEST.toml
holds.
Run: python oracle_twolff.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(231)
D, K = 4, 3
W, bias = rng.normal(size=(D, K)), rng.normal(size=K)
obs = [(rng.normal(size=D), int(rng.integers(0, K))) for _ in range(3)]


def softmax(f):
    e = np.exp(f - f.max())
    return e / e.sum()


def scores(x, W=W):
    return np.array([W[:, j] @ x + bias[j] for j in range(K)])


def softmax_loss(f, yi):
    """The CS231n softmax loss of one observation, -log p_{y_i} (as a log-sum-exp)."""
    return float(np.log(np.sum(np.exp(f))) - f[yi])


def dL_dw(x, yi, j):
    def fn(v):
        Wv = W.copy()
        Wv[:, j] = v
        return softmax_loss(scores(x, Wv), yi)

    return grad(fn, W[:, j])


def dL_df(x, yi):
    return grad(lambda f: softmax_loss(f, yi), scores(x))


ind = lambda yi: np.eye(K)[yi]  # noqa: E731
checks = {
    "line 9": lambda: all(np.isclose(softmax_loss(scores(x), yi), np.log(softmax(scores(x))[yi])) for x, yi in obs),
    "line 17": lambda: all(np.isclose(softmax(scores(x))[yi], np.exp(scores(x)[yi]) / np.sum(np.exp(scores(x)))) for x, yi in obs),
    "line 21": lambda: all(
        same(scores(x), np.array([W[:, j].T @ x + bias[j] for j in range(K)])) and same(scores(x), W.T @ x + bias) for x, _ in obs
    ),
    "line 27": lambda: all(same(dL_df(x, yi), softmax(scores(x)) - ind(yi)) for x, yi in obs),
    "line 35": lambda: all(
        same(dL_dw(x, yi, j), sum(dL_df(x, yi)[k] * (x if k == j else np.zeros(D)) for k in range(K)))
        and same(dL_dw(x, yi, j), dL_df(x, yi)[j] * x)
        for x, yi in obs
        for j in range(K)
    ),
}
planted = {
    "line 17": lambda: all(np.isclose(softmax(scores(x))[yi], np.exp(scores(x)[yi]) / np.sum(scores(x))) for x, yi in obs),
    "line 21": lambda: all(same(scores(x), W.T @ x - bias) for x, _ in obs),
    "line 27": lambda: all(same(dL_df(x, yi), softmax(scores(x)) + ind(yi)) for x, yi in obs),
}
confirm("twolff_cs231n.md", "twolff_cs231n_planted.md", checks, planted)
print("OK")
