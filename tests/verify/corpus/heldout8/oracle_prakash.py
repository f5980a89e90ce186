"""Independent NumPy oracle for prakash_notes.toml / prakash_notes_planted.toml (a learner's notes on Ng's "Improving
Deep Neural Networks": L2 regularization, mini-batches, exponentially weighted averages, momentum, RMSprop, Adam, batch
norm, softmax regression).

Each claim is NumPy code of what it says, compared with the quantity it names: gradients are central differences of the
notes' own cost (cross-entropy of a softmax output averaged over m, plus lambda/(2m) sum_l ||W[l]||_F^2, samples as
columns), the optimizer steps with the algorithm the notes' section describes (Ng's momentum with (1 - beta), RMSprop
and Adam with epsilon inside the root, as the notes write them), batch norm with the mini-batch statistics (biased
variance), the numbers with the notes' rounding. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_prakash.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(88)
m, n = 6, (3, 4, 4)
X = rng.normal(size=(n[0], m))
Yl = np.eye(4)[:, rng.integers(0, 4, size=m)]
W = {1: rng.normal(size=(n[1], n[0])), 2: rng.normal(size=(n[2], n[1]))}
b = {1: rng.normal(size=(n[1], 1)), 2: rng.normal(size=(n[2], 1))}
lam, alpha, beta, beta1, beta2, eps = 0.3, 0.05, 0.9, 0.9, 0.999, 1e-8
softmax = lambda v: np.exp(v - v.max(axis=0)) / np.exp(v - v.max(axis=0)).sum(axis=0)  # noqa: E731


def data_cost(W=W, b=b):
    A1 = np.tanh(W[1] @ X + b[1])
    return float(-np.sum(Yl * np.log(softmax(W[2] @ A1 + b[2]))) / m)


reg_cost = lambda W=W, b=b, c=lam / (2 * m): data_cost(W, b) + c * sum(np.sum(w * w) for w in W.values())  # noqa: E731
g_data = {k: grad(lambda v, k=k: data_cost(W={**W, k: v}), W[k]) for k in W}
g_reg = {k: grad(lambda v, k=k: reg_cost(W={**W, k: v}), W[k]) for k in W}
J_claim = lambda c: data_cost() + c * sum(np.sum(w * w) for w in W.values())  # noqa: E731
eq = lambda a, c, tol=1e-9: bool(np.all(np.abs(np.asarray(a, float) - c) <= tol))  # noqa: E731
rnd = lambda printed, exact, digits: abs(printed - exact) <= 0.5 * 10.0**-digits + 1e-12  # noqa: E731


def frobenius_as_written(Wl):
    rows, cols = Wl.shape  # n^[l] x n^[l-1]
    return sum(Wl[i, j] ** 2 for i in range(cols) for j in range(rows))  # i to n^[l-1], j to n^[l], as written


# exponentially weighted averages over 100 "days"
theta = rng.normal(20, 5, size=101)  # theta[1..100]


def ewa(b_, t, upto_bias=False):
    v = 0.0
    for k in range(1, t + 1):
        v = b_ * v + (1 - b_) * theta[k]
    return v


# one optimizer step from a random state (W, b of layer 1; dW, db their gradients)
Wp, bp, dW, db = W[1], b[1], g_reg[1], grad(lambda v: reg_cost(b={**b, 1: v}), b[1])
vdW, vdb, SdW, Sdb, t = rng.normal(size=Wp.shape), rng.normal(size=bp.shape), rng.random(Wp.shape), rng.random(bp.shape), 5
# Ng's algorithms as the notes describe them (reference)
mom_v = beta * vdW + (1 - beta) * dW
rms_S = beta2 * SdW + (1 - beta2) * dW * dW
adam_v, adam_S = beta1 * vdW + (1 - beta1) * dW, beta2 * SdW + (1 - beta2) * dW * dW
adam_vc, adam_Sc = adam_v / (1 - beta1**t), adam_S / (1 - beta2**t)
# batch norm on a mini-batch of z values (3 units x m examples)
Z = rng.normal(size=(3, m))
gam, bet = rng.normal(size=(3, 1)), rng.normal(size=(3, 1))
mu_ref, var_ref = Z.mean(axis=1, keepdims=True), Z.var(axis=1, keepdims=True)
bn = lambda Zin: gam * (Zin - Zin.mean(axis=1, keepdims=True)) / np.sqrt(Zin.var(axis=1, keepdims=True) + eps) + bet  # noqa: E731
adam_b_vc = (beta1 * vdb + (1 - beta1) * db) / (1 - beta1**t)
adam_b_Sc = (beta2 * Sdb + (1 - beta2) * db * db) / (1 - beta2**t)
# gamma, beta of batch norm trained by gradient descent on a softmax cross-entropy of the normalized layer
Ybn = np.eye(3)[:, rng.integers(0, 3, size=m)]
bn_cost = lambda g_, b_: float(-np.sum(Ybn * np.log(softmax(g_ * (Z - mu_ref) / np.sqrt(var_ref + eps) + b_))) / m)  # noqa: E731
dgam, dbet = grad(lambda v: bn_cost(v, bet), gam), grad(lambda v: bn_cost(gam, v), bet)
norm = lambda Zin: (Zin - Zin.mean(axis=1, keepdims=True)) / np.sqrt(Zin.var(axis=1, keepdims=True) + eps)  # noqa: E731
ZL = np.array([5.0, 2, -1, 3])
yhat_ex = np.exp(ZL) / np.exp(ZL).sum()
checks = {
    "l2-cost": lambda: eq(J_claim(lam / (2 * m)), reg_cost()),
    "frobenius": lambda: eq(frobenius_as_written(W[1]), np.sum(W[1] ** 2)),
    "weight-decay-update": lambda: (
        same(g_reg[1], g_data[1] + lam / m * W[1]) and same(W[1] - alpha * g_reg[1], W[1] - alpha * (g_data[1] + lam / m * W[1]))
    ),
    "weight-decay-rearranged": lambda: same(W[1] - alpha * g_reg[1], (1 - alpha * lam / m) * W[1] - alpha * g_data[1]),
    "l2-cost-intuition": lambda: eq(J_claim(lam / (2 * m)), reg_cost()),
    "gd-update": lambda: same(W[1] - alpha * g_reg[1], W[1] - alpha * dW),
    "minibatch-cost": lambda: eq(J_claim(lam / (2 * m)), reg_cost()),  # m = 1000 in the notes: the same formula
    "minibatch-update-W": lambda: same(W[1] - alpha * g_reg[1], W[1] - alpha * dW),
    "minibatch-update-b": lambda: same(bp - alpha * db, bp - alpha * grad(lambda v: reg_cost(b={**b, 1: v}), b[1])),
    "ewa": lambda: eq(ewa(beta, 7), beta * ewa(beta, 6) + (1 - beta) * theta[7]),
    "ewa-example": lambda: (
        eq(ewa(0.9, 1), 0.1 * theta[1])
        and eq(ewa(0.9, 2), 0.9 * ewa(0.9, 1) + 0.1 * theta[2])
        and eq(ewa(0.9, 3), 0.9 * ewa(0.9, 2) + 0.1 * theta[3])
    ),
    "ewa-unrolled": lambda: eq(ewa(0.9, 100), sum(0.1 * 0.9**k * theta[100 - k] for k in range(100))),
    "bias-correction": lambda: abs(ewa(0.98, 2) / (1 - 0.98**2) - np.average(theta[1:3], weights=[0.98, 1])) < 1e-9,
    "day-1": lambda: eq(ewa(0.98, 1), 0.02 * theta[1]),
    "day-2": lambda: eq(ewa(0.98, 2), 0.98 * (0.02 * theta[1]) + 0.02 * theta[2]) and eq(ewa(0.98, 2), 0.0196 * theta[1] + 0.02 * theta[2]),
    "day-2-corrected": lambda: eq(ewa(0.98, 2) / (1 - 0.98**2), ewa(0.98, 2) / (1 - 0.98**2)) and rnd(0.0396, 1 - 0.98**2, 4),
    "denominator": lambda: rnd(0.0396, 1 - 0.98**2, 4),
    "day-2-corrected-value": lambda: eq((0.0196 * theta[1] + 0.02 * theta[2]) / 0.0396, ewa(0.98, 2) / (1 - 0.98**2)),
    "momentum-vdW": lambda: same(beta * vdW + (1 - beta) * dW, mom_v),
    "momentum-vdb": lambda: same(beta * vdb + (1 - beta) * db, beta * vdb + (1 - beta) * db),
    "momentum-W": lambda: same(Wp - alpha * mom_v, Wp - alpha * (beta * vdW + (1 - beta) * dW)),
    "momentum-b": lambda: same(bp - alpha * (beta * vdb + (1 - beta) * db), bp - alpha * (beta * vdb + (1 - beta) * db)),
    "momentum-other": lambda: same(beta * vdW + dW, (beta * (1 - beta) * vdW + (1 - beta) * dW) / (1 - beta)),
    "rmsprop-intuition-W": lambda: same(Wp - alpha * dW / np.sqrt(rms_S), Wp - alpha * dW / np.sqrt(beta2 * SdW + (1 - beta2) * dW**2)),
    "rmsprop-intuition-b": lambda: same(bp - alpha * db / np.sqrt(Sdb), bp - alpha * db / np.sqrt(Sdb)),
    "rmsprop-SdW": lambda: same(beta2 * SdW + (1 - beta2) * dW**2, rms_S),
    "rmsprop-Sdb": lambda: same(beta2 * Sdb + (1 - beta2) * db**2, beta2 * Sdb + (1 - beta2) * db * db),
    "rmsprop-W": lambda: same(Wp - alpha * dW / np.sqrt(rms_S + eps), Wp - alpha * dW / np.sqrt(beta2 * SdW + (1 - beta2) * dW * dW + eps)),
    "rmsprop-b": lambda: same(bp - alpha * db / np.sqrt(Sdb + eps), bp - alpha * db / np.sqrt(Sdb + eps)),
    "adam-vdW": lambda: same(beta1 * vdW + (1 - beta1) * dW, adam_v),
    "adam-vdb": lambda: same(beta1 * vdb + (1 - beta1) * db, beta1 * vdb + (1 - beta1) * db),
    "adam-SdW": lambda: same(beta2 * SdW + (1 - beta2) * dW**2, adam_S),
    "adam-Sdb": lambda: same(beta2 * Sdb + (1 - beta2) * db**2, beta2 * Sdb + (1 - beta2) * db * db),
    "adam-vdW-corrected": lambda: same(adam_v / (1 - beta1**t), adam_vc),
    "adam-vdb-corrected": lambda: same(
        (beta1 * vdb + (1 - beta1) * db) / (1 - beta1**t), (beta1 * vdb + (1 - beta1) * db) / (1 - beta1**t)
    ),
    "adam-SdW-corrected": lambda: same(adam_S / (1 - beta2**t), adam_Sc),
    "adam-Sdb-corrected": lambda: same(
        (beta2 * Sdb + (1 - beta2) * db**2) / (1 - beta2**t), (beta2 * Sdb + (1 - beta2) * db * db) / (1 - beta2**t)
    ),
    "adam-W": lambda: same(
        Wp - alpha * adam_vc / np.sqrt(adam_Sc + eps), Wp - alpha * (adam_v / (1 - beta1**t)) / np.sqrt(adam_S / (1 - beta2**t) + eps)
    ),
    "adam-b": lambda: same(
        bp
        - alpha * ((beta1 * vdb + (1 - beta1) * db) / (1 - beta1**t)) / np.sqrt((beta2 * Sdb + (1 - beta2) * db**2) / (1 - beta2**t) + eps),
        bp - alpha * adam_b_vc / np.sqrt(adam_b_Sc + eps),
    ),
    "bn-mu": lambda: same(Z.sum(axis=1, keepdims=True) / m, mu_ref),
    "bn-var": lambda: same(((Z - mu_ref) ** 2).sum(axis=1, keepdims=True) / m, var_ref),
    "bn-norm": lambda: same(gam * (Z - mu_ref) / np.sqrt(var_ref + eps) + bet, bn(Z)),
    "bn-scale": lambda: same(gam * ((Z - mu_ref) / np.sqrt(var_ref + eps)) + bet, bn(Z)),
    "bn-no-bias": lambda: same(norm(W[1] @ X), norm(W[1] @ X + b[1])) and not same(W[1] @ X, W[1] @ X + b[1]),
    "bn-layer": lambda: same(gam * (Z - mu_ref) / np.sqrt(var_ref + eps) + bet, bn(Z)),
    "bn-update-gamma": lambda: same(dgam, grad(lambda v: bn_cost(v, bet), gam)) and bn_cost(gam - 1e-3 * dgam, bet) < bn_cost(gam, bet),
    "bn-update-beta": lambda: same(dbet, grad(lambda v: bn_cost(gam, v), bet)) and bn_cost(gam, bet - 1e-3 * dbet) < bn_cost(gam, bet),
    "softmax-t": lambda: same(np.exp(ZL), np.exp(ZL)),
    "softmax-a": lambda: same(np.exp(ZL) / np.sum(np.exp(ZL)), yhat_ex),
    "softmax-example-t": lambda: all(rnd(p, e, 1) for p, e in zip((148.4, 7.4, 0.4, 20.1), np.exp(ZL), strict=True)),
    "softmax-example-sum": lambda: rnd(148.4 + 7.4 + 0.4 + 20.1, 176.3, 6) and abs(176.3 - np.exp(ZL).sum()) < 0.2,
    "softmax-example-a": lambda: (
        all(rnd(p, e, 3) for p, e in zip((0.842, 0.042, 0.002, 0.114), np.array([148.4, 7.4, 0.4, 20.1]) / 176.3, strict=True))
        and all(rnd(p, e, 3) for p, e in zip((0.842, 0.042, 0.002, 0.114), yhat_ex, strict=True))
    ),
    "softmax-loss": lambda: eq(
        -np.sum(Yl[:, 0] * np.log(softmax(ZL.reshape(-1, 1))[:, 0])), -np.log(softmax(ZL.reshape(-1, 1))[Yl[:, 0] == 1, 0][0])
    ),
    "softmax-loss-example": lambda: eq(-np.sum(np.array([0, 1, 0, 0]) * np.log([0.842, 0.042, 0.002, 0.114])), -1 * np.log(0.042)),
    "softmax-cost": lambda: eq(
        data_cost(), np.mean([-np.sum(Yl[:, i] * np.log(softmax(W[2] @ np.tanh(W[1] @ X[:, [i]] + b[1]) + b[2])[:, 0])) for i in range(m)])
    ),
    "softmax-dZ": lambda: same(
        grad(lambda v: float(-np.sum(Yl[:, [0]] * np.log(softmax(v)))), ZL.reshape(-1, 1)), yhat_ex.reshape(-1, 1) - Yl[:, [0]]
    ),
}
planted = {
    "l2-cost": lambda: eq(J_claim(lam / m), reg_cost()),
    "weight-decay-rearranged": lambda: same(W[1] - alpha * g_reg[1], (1 + alpha * lam / m) * W[1] - alpha * g_data[1]),
    "ewa": lambda: eq(ewa(beta, 7), beta * ewa(beta, 6) + beta * theta[7]),
    "day-2": lambda: eq(ewa(0.98, 2), 0.196 * theta[1] + 0.02 * theta[2]),
    "denominator": lambda: rnd(0.0004, 1 - 0.98**2, 4),
    "momentum-vdb": lambda: same(beta * vdb + (1 - beta) * dW, beta * vdb + (1 - beta) * db),
    "rmsprop-SdW": lambda: same(beta2 * SdW + (1 - beta2) * dW, rms_S),
    "rmsprop-W": lambda: same(Wp - alpha * dW / (rms_S + eps), Wp - alpha * dW / np.sqrt(rms_S + eps)),
    "adam-vdW-corrected": lambda: same(adam_v / (1 - beta1), adam_vc),
    "adam-W": lambda: same(Wp + alpha * adam_vc / np.sqrt(adam_Sc + eps), Wp - alpha * adam_vc / np.sqrt(adam_Sc + eps)),
    "bn-var": lambda: same((Z - mu_ref).sum(axis=1, keepdims=True) / m, var_ref),
    "bn-norm": lambda: same(gam * (Z - mu_ref) / (var_ref + eps) + bet, bn(Z)),
    "softmax-a": lambda: same(np.exp(ZL) / np.prod(np.exp(ZL)), yhat_ex),
    "softmax-example-a": lambda: rnd(0.024, 7.4 / 176.3, 3),
    "softmax-dZ": lambda: same(
        grad(lambda v: float(-np.sum(Yl[:, [0]] * np.log(softmax(v)))), ZL.reshape(-1, 1)), Yl[:, [0]] - yhat_ex.reshape(-1, 1)
    ),
}
confirm("prakash_notes.toml", "prakash_notes_planted.toml", checks, planted)
print("OK")
