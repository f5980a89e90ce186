"""Independent NumPy oracle for ng_regularization.ipynb / ng_regularization_planted.ipynb (Ng's "Regularization"
assignment, a learner's copy): the costs (1) and (2).

The model (ng_regularization.spec.toml): samples as columns, LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID,
m examples, lambda = 0.7. (1) is checked against the negative mean log-likelihood of Bernoulli labels computed another
way (log of p^y (1 - p)^(1 - y)); (2) against (1) plus lambda/(2m) times the squared Frobenius norms of the weight
matrices (np.linalg.norm), the cost whose gradient adds lambda/m W (checked by central differences). Prints OK when
every verdict of MANIFEST.toml holds.
Run: python oracle_ng_regularization.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, sigmoid

rng = np.random.default_rng(86)
dims, m, lambd = [2, 5, 3, 1], 7, 0.7
X, Y = rng.normal(size=(2, m)), (rng.random((1, m)) > 0.5).astype(float)
Ws = [rng.normal(size=(dims[k + 1], dims[k])) for k in range(3)]
bs = [rng.normal(size=(dims[k + 1], 1)) for k in range(3)]


def output(Ws=Ws):
    A = X
    for k in range(3):
        Z = Ws[k] @ A + bs[k]
        A = sigmoid(Z) if k == 2 else np.maximum(Z, 0)
    return A


AL = output()
nll = float(-np.mean(np.log(AL**Y * (1 - AL) ** (1 - Y))))
frob = sum(np.linalg.norm(W, "fro") ** 2 for W in Ws)


def cost_1(sign=-1.0):
    a, y = AL[0], Y[0]
    return sign / m * sum(y[i] * np.log(a[i]) + (1 - y[i]) * np.log(1 - a[i]) for i in range(m))


def cost_2(scale=1 / m):
    l2 = sum(Ws[l][k, j] ** 2 for l in range(3) for k in range(Ws[l].shape[0]) for j in range(Ws[l].shape[1]))
    return cost_1() + scale * lambd / 2 * l2


def reference_l2_gradient_holds(scale):
    """The regularized cost whose gradient adds lambda/m W (the notebook's backward step), for W^{[2]}."""

    def J(W2, scale=scale):
        Ws2 = [Ws[0], W2, Ws[2]]
        a = output(Ws2)
        l2 = sum(np.sum(W**2) for W in Ws2)
        return float(-np.mean(Y * np.log(a) + (1 - Y) * np.log(1 - a)) + scale * lambd / 2 * l2)

    g_reg, g_plain = grad(J, Ws[1]), grad(lambda W2: J(W2, scale=0.0), Ws[1])
    return np.allclose(g_reg - g_plain, lambd / m * Ws[1], atol=1e-6)


checks = {
    "1": lambda: np.isclose(cost_1(), nll),
    "2": lambda: np.isclose(cost_2(), nll + lambd / (2 * m) * frob) and reference_l2_gradient_holds(1 / m),
}
planted = {
    "1": lambda: np.isclose(cost_1(sign=+1.0), nll),
    "2": lambda: np.isclose(cost_2(scale=1.0), nll + lambd / (2 * m) * frob) and reference_l2_gradient_holds(1.0),
}
confirm("ng_regularization.ipynb", "ng_regularization_planted.ipynb", checks, planted)
print("OK")
