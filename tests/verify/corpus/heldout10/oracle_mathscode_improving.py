"""Independent NumPy oracle for mathscode_improving.toml / mathscode_improving_planted.toml (MathsCode's notes on Ng's
"Improving Deep Neural Networks": L2/L1 regularization, input normalisation, gradient checking, exponentially weighted
averages, momentum, RMSprop, Adam, batch norm, softmax).

Each claim is NumPy code of what it says, compared with an independent reference: the regularized logistic-regression
cost and its central differences (samples as columns), exponentially weighted averages in closed form
((1 - beta) sum_k beta^(t-k) theta_k, and its normalised weights for the bias correction), each optimizer step against
the closed-form moments of a sequence of gradients, batch norm against the mini-batch statistics of each unit (over
the m examples), softmax against a shifted, stable softmax. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_mathscode_improving.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(67)
m, nx = 8, 3
X = rng.normal(size=(nx, m))
Y = rng.integers(0, 2, size=(1, m)).astype(float)
w, b0, lam = rng.normal(size=(nx, 1)), 0.3, 0.7


def data_cost(w=w):
    a = sigmoid(w.T @ X + b0)
    return float(np.mean(-(Y * np.log(a) + (1 - Y) * np.log(1 - a))))


def reg_cost_ref(w=w):
    """The L2-regularized logistic-regression cost, the penalty written as a loop over the n_x weights."""
    return data_cost(w) + lam / (2 * m) * sum(float(w[j, 0]) ** 2 for j in range(nx))


claim_J = lambda c, w=w: data_cost(w) + c * (w.T @ w).item()  # noqa: E731
# exponentially weighted averages of a sequence theta_1..theta_T (V_0 = 0)
T, beta, beta1, beta2, alpha, eps = 7, 0.9, 0.9, 0.999, 0.01, 1e-8
theta = rng.normal(20, 5, size=T + 1)  # theta[1..T]


def ewa(b_, t, recur=lambda b_, V, x: b_ * V + (1 - b_) * x, seq=theta):
    V = 0.0 * seq[1]
    for k in range(1, t + 1):
        V = recur(b_, V, seq[k])
    return V


def ewa_closed(b_, t, seq=theta):
    return (1 - b_) * sum(b_ ** (t - k) * seq[k] for k in range(1, t + 1))


def weighted_mean(b_, t, seq=theta):
    """The average the bias correction estimates: the weights b^(t-k), normalised."""
    wts = np.array([b_ ** (t - k) for k in range(1, t + 1)])
    return sum(wk * seq[k] for wk, k in zip(wts, range(1, t + 1), strict=True)) / wts.sum()


# a sequence of mini-batch gradients dW_1..dW_t of a 2 x 3 weight matrix, db of a 2 x 1 bias
t = 5
dWs = [None] + [rng.normal(size=(2, 3)) for _ in range(t)]
dbs = [None] + [rng.normal(size=(2, 1)) for _ in range(t)]
W0, bb0 = rng.normal(size=(2, 3)), rng.normal(size=(2, 1))


def moments(seq, b_, square=False):
    """Closed form of the (1 - b) EWA of the gradients (or of their squares) after t steps."""
    return (1 - b_) * sum(b_ ** (t - k) * (seq[k] ** 2 if square else seq[k]) for k in range(1, t + 1))


def recur_step(seq, b_, fn):
    """Run the claim's one-step recursion fn(v, g) over the sequence from v = 0."""
    v = 0 * seq[1]
    for k in range(1, t + 1):
        v = fn(v, seq[k])
    return v


vW, vb = moments(dWs, beta), moments(dbs, beta)
SW, Sb = moments(dWs, beta, True), moments(dbs, beta, True)
aW1, ab1, aW2, ab2 = moments(dWs, beta1), moments(dbs, beta1), moments(dWs, beta2, True), moments(dbs, beta2, True)
cW1, cb1, cW2, cb2 = aW1 / (1 - beta1**t), ab1 / (1 - beta1**t), aW2 / (1 - beta2**t), ab2 / (1 - beta2**t)
dW, db = dWs[t], dbs[t]
# gradient checking on the logistic-regression cost: the analytic gradient 1/m X (A - Y)^T
analytic = X @ (sigmoid(w.T @ X + b0) - Y).T / m


def two_sided(i, denom):
    e = np.zeros_like(w)
    e[i] = 1e-4
    return (data_cost(w + e) - data_cost(w - e)) / denom


# batch norm of a layer's values Z (n^{[l]} = 4 units x m examples)
Z = rng.normal(size=(4, m))
gam, bet = rng.normal(size=(4, 1)), rng.normal(size=(4, 1))
mu_batch, var_batch = Z.mean(axis=1, keepdims=True), Z.var(axis=1, keepdims=True)
bn_ref = gam * (Z - mu_batch) / np.sqrt(var_batch + eps) + bet
mu_claim = Z.sum(axis=0, keepdims=True) / Z.shape[0]  # 1/n^{[l]} sum over the components i of each column Z
var_claim = ((Z - mu_claim) ** 2).sum(axis=0, keepdims=True) / Z.shape[0]
# the softmax output layer
Wl, bl, aprev = rng.normal(size=(3, 4)), rng.normal(size=(3, 1)), rng.random(size=(4, 1))
zl = Wl @ aprev + bl
softmax_ref = np.exp(zl - zl.max()) / np.exp(zl - zl.max()).sum()
xf = X[0]  # one input feature over the m examples
checks = {
    "l2-cost": lambda: (
        np.isclose(claim_J(lam / (2 * m)), reg_cost_ref())
        and same(grad(lambda v: claim_J(lam / (2 * m), v), w), grad(data_cost, w) + lam / m * w)
    ),
    "l2-norm": lambda: np.isclose(np.sum(w**2), (w.T @ w).item()) and np.isclose((w.T @ w).item(), np.linalg.norm(w) ** 2),
    "l1-cost": lambda: np.isclose(data_cost() + lam / (2 * m) * np.linalg.norm(w, 1), data_cost() + lam / (2 * m) * np.sum(np.abs(w))),
    "input-mu": lambda: np.isclose(np.sum(xf) / m, xf.mean()),
    "input-var": lambda: np.isclose(np.sum(xf) / m, xf.var()),
    "grad-check": lambda: all(np.isclose(two_sided(i, 2e-4), analytic[i, 0], rtol=1e-6) for i in range(nx)),
    "ewa": lambda: np.isclose(ewa(beta, T), ewa_closed(beta, T)),
    "bias-correction": lambda: np.isclose(ewa(beta, T) / (1 - beta**T), weighted_mean(beta, T)),
    "momentum-vdw": lambda: same(recur_step(dWs, beta, lambda v, g: beta * v + (1 - beta) * g), vW),
    "momentum-vdb": lambda: same(recur_step(dbs, beta, lambda v, g: beta * v + (1 - beta) * g), vb),
    "momentum-update": lambda: (
        same(W0 - alpha * vW, W0 - alpha * (1 - beta) * sum(beta ** (t - k) * dWs[k] for k in range(1, t + 1)))
        and same(bb0 - alpha * vb, bb0 - alpha * moments(dbs, beta))
    ),
    "rmsprop-Sdw": lambda: same(recur_step(dWs, beta, lambda s, g: beta * s + (1 - beta) * g**2), SW),
    "rmsprop-Sdb": lambda: same(recur_step(dbs, beta, lambda s, g: beta * s + (1 - beta) * g**2), Sb),
    "rmsprop-update": lambda: (
        same(W0 - alpha * dW / np.sqrt(SW), W0 - alpha * dW / moments(dWs, beta, True) ** 0.5)
        and same(bb0 - alpha * db / np.sqrt(Sb), bb0 - alpha * db / moments(dbs, beta, True) ** 0.5)
    ),
    "adam-vdw": lambda: same(recur_step(dWs, beta1, lambda v, g: beta1 * v + (1 - beta1) * g), aW1),
    "adam-vdb": lambda: same(recur_step(dbs, beta1, lambda v, g: beta1 * v + (1 - beta1) * g), ab1),
    "adam-Sdw": lambda: same(recur_step(dWs, beta2, lambda s, g: beta2 * s + (1 - beta2) * g**2), aW2),
    "adam-Sdb": lambda: same(recur_step(dbs, beta2, lambda s, g: beta2 * s + (1 - beta2) * g**2), ab2),
    "adam-Vdw-corrected": lambda: same(aW1 / (1 - beta1**t), cW1),
    "adam-Vdb-corrected": lambda: same(ab1 / (1 - beta1**t), cb1),
    "adam-Sdw-corrected": lambda: same(aW2 / (1 - beta2**t), cW2),
    "adam-Sdb-corrected": lambda: same(ab2 / (1 - beta2**t), cb2),
    "adam-update": lambda: (
        same(W0 - alpha * cW1 / (np.sqrt(cW2) + eps), W0 - alpha * (aW1 / (1 - beta1**t)) / ((aW2 / (1 - beta2**t)) ** 0.5 + eps))
        and same(bb0 - alpha * cb1 / (np.sqrt(cb2) + eps), bb0 - alpha * (ab1 / (1 - beta1**t)) / ((ab2 / (1 - beta2**t)) ** 0.5 + eps))
    ),
    "bn-mu": lambda: same(mu_claim, mu_batch),  # THE NOTES' SLIP: a mean over the units, not over the examples
    "bn-var": lambda: same(var_claim, var_batch),
    "bn-norm": lambda: same(gam * ((Z - mu_batch) / np.sqrt(var_batch + eps)) + bet, bn_ref),
    "bn-scale": lambda: same(gam * ((Z - mu_batch) / np.sqrt(var_batch + eps)) + bet, bn_ref),
    "softmax-z": lambda: same(zl, np.einsum("ij,jk->ik", Wl, aprev) + bl),
    "softmax-t": lambda: same(np.exp(zl), np.e**zl),
    "softmax-a": lambda: same(np.exp(zl) / np.sum(np.exp(zl)), softmax_ref),
}
planted = {
    "l2-cost": lambda: np.isclose(claim_J(lam / m), reg_cost_ref()),
    "grad-check": lambda: all(np.isclose(two_sided(i, 1e-4), analytic[i, 0], rtol=1e-6) for i in range(nx)),
    "ewa": lambda: np.isclose(ewa(beta, T, recur=lambda b_, V, x: (1 - b_) * V + b_ * x), ewa_closed(beta, T)),
    "bias-correction": lambda: np.isclose(ewa(beta, T) / (1 - beta), weighted_mean(beta, T)),
    "momentum-update": lambda: same(W0 + alpha * vW, W0 - alpha * moments(dWs, beta)),
    "rmsprop-Sdw": lambda: same(recur_step(dWs, beta, lambda s, g: beta * s + (1 - beta) * g), SW),
    "adam-Sdb": lambda: same(recur_step(dbs, beta2, lambda s, g: beta2 * s + (1 - beta1) * g**2), ab2),
    "adam-Vdw-corrected": lambda: same(aW1 / (1 - beta2**t), cW1),
    "adam-update": lambda: same(W0 - alpha * cW1 / (cW2 + eps), W0 - alpha * cW1 / (np.sqrt(cW2) + eps)),
    "bn-scale": lambda: same(gam * ((Z - mu_batch) / np.sqrt(var_batch + eps) + bet), bn_ref),
    "softmax-a": lambda: same(np.exp(zl) / np.sum(np.exp(np.exp(zl))), softmax_ref),
}
confirm("mathscode_improving.toml", "mathscode_improving_planted.toml", checks, planted)
print("OK")
