"""Independent NumPy oracle for ezalos_maths.md / ezalos_maths_planted.md (a 42-school student's MLP notes).

The author's conventions (ezalos_maths.spec.toml): the forward pass on a column batch A0 = X (n_x x m); Nielsen's
equations for one sample, C = 1/2 ||y - a^L||^2, delta^l = dC/dz^l, w^l_{jk} from k to j; the softmax derivation with
o, p = softmax(o), L = -sum y log p; the optimizers checked against their closed forms (an exponential moving average
(1 - beta) sum_i beta^{t-i} g_i, Adam's bias correction) over several steps of random gradients. Every derivative is a
central difference. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_ezalos.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(66)
W = {1: rng.normal(size=(4, 3)), 2: rng.normal(size=(2, 4))}
b = {1: rng.normal(size=4), 2: rng.normal(size=2)}
X = rng.normal(size=(3, 5))  # n_x x m: samples as columns
x, y = X[:, 0], rng.uniform(size=2)
dsig = lambda v: sigmoid(v) * (1 - sigmoid(v))  # noqa: E731


def fwd(Wd=W, bd=b, a0=x):
    z, a = {}, {0: a0}
    for l in (1, 2):
        z[l] = Wd[l] @ a[l - 1] + (bd[l] if a[l - 1].ndim == 1 else bd[l][:, None])
        a[l] = sigmoid(z[l])
    return z, a


def C(Wd=W, bd=b):
    return float(0.5 * np.sum((y - fwd(Wd, bd)[1][2]) ** 2))


z, a = fwd()
Zb, Ab = fwd(a0=X)  # the column batch (b broadcast over the columns)
gW = {l: grad(lambda v, l=l: C({**W, l: v}), W[l]) for l in W}
gb = {l: grad(lambda v, l=l: C(bd={**b, l: v}), b[l]) for l in b}
delta = {
    2: grad(lambda v: float(0.5 * np.sum((y - sigmoid(v)) ** 2)), z[2]),
    1: grad(lambda v: float(0.5 * np.sum((y - sigmoid(W[2] @ sigmoid(v) + b[2])) ** 2)), z[1]),
}
dA = {1: grad(lambda v: float(0.5 * np.sum((y - sigmoid(W[2] @ v + b[2])) ** 2)), a[1])}  # Ng's dA^{[1]}
grad_a = grad(lambda v: float(0.5 * np.sum((y - v) ** 2)), a[2])
# the softmax-cross-entropy derivation
o = rng.normal(size=4)
yk = np.eye(4)[1]
sm = lambda v: np.exp(v) / np.sum(np.exp(v))  # noqa: E731
p = sm(o)
dL_do = grad(lambda v: float(-np.sum(yk * np.log(sm(v)))), o)
i_links = lambda i: (  # noqa: E731  (the links of line 141 for output i)
    -sum(yk[k] * grad(lambda v, k=k: float(np.log(sm(v)[k])), o)[i] for k in range(4)),
    -sum(yk[k] / p[k] * grad(lambda v, k=k: float(sm(v)[k]), o)[i] for k in range(4)),
    -yk[i] * (1 - p[i]) - sum(yk[k] / p[k] * (-p[k] * p[i]) for k in range(4) if k != i),
    -yk[i] * (1 - p[i]) + sum(yk[k] * p[i] for k in range(4) if k != i),
    -yk[i] + yk[i] * p[i] + sum(yk[k] * p[i] for k in range(4) if k != i),
    p[i] * np.sum(yk) - yk[i],
    p[i] - yk[i],
)
# the optimizers: T steps of random gradients g_1..g_T of one weight matrix, closed forms as the reference
T, alpha, beta, b1, b2, eps = 4, 0.01, 0.9, 0.9, 0.999, 1e-8
G = rng.normal(size=(T, 2, 3))
W0 = rng.normal(size=(2, 3))
ema = lambda bt, seq, t: (1 - bt) * sum(bt ** (t - i) * seq[i - 1] for i in range(1, t + 1))  # noqa: E731


def run(step, t_max=T):
    """The claimed recurrences, from V = S = 0; returns the states and weights after every step."""
    V, S, Wt, out = np.zeros_like(W0), np.zeros_like(W0), W0.copy(), []
    for t in range(1, t_max + 1):
        V, S, Wt = step(V, S, Wt, G[t - 1], t)
        out.append((V, S, Wt))
    return out


momentum = run(lambda V, S, Wt, g, t: (beta * V + (1 - beta) * g, S, Wt - alpha * (beta * V + (1 - beta) * g)))
rmsprop = run(lambda V, S, Wt, g, t: (V, beta * S + (1 - beta) * g**2, Wt - alpha * g / (np.sqrt(beta * S + (1 - beta) * g**2) + eps)))
adam_m = run(lambda V, S, Wt, g, t: (b1 * V + (1 - b1) * g, b2 * S + (1 - b2) * g**2, Wt))
ref_w = {"momentum": W0.copy(), "rmsprop": W0.copy(), "adam": W0.copy()}
for t in range(1, T + 1):  # the reference algorithms, written from their closed forms
    ref_w["momentum"] = ref_w["momentum"] - alpha * ema(beta, G, t)
    ref_w["rmsprop"] = ref_w["rmsprop"] - alpha * G[t - 1] / (np.sqrt(ema(beta, G**2, t)) + eps)
    mh, vh = ema(b1, G, t) / (1 - b1**t), ema(b2, G**2, t) / (1 - b2**t)
    ref_w["adam"] = ref_w["adam"] - alpha * mh / (np.sqrt(vh) + eps)


def adam_weights(correct=lambda v, bt, t: v / (1 - bt**t)):
    Wt = W0.copy()
    for t, (V, S, _) in enumerate(adam_m, start=1):
        Wt = Wt - alpha * correct(V, b1, t) / (np.sqrt(correct(S, b2, t)) + eps)
    return Wt


def corrected_is_g(correct):
    """With a constant gradient g the corrected moments are exactly g and g^2 at every step (what the correction is for)."""
    g, V, S = G[0], np.zeros_like(W0), np.zeros_like(W0)
    for t in range(1, T + 1):
        V, S = b1 * V + (1 - b1) * g, b2 * S + (1 - b2) * g**2
        if not (same(correct(V, b1, t), g) and same(correct(S, b2, t), g**2)):
            return False
    return True


checks = {
    "line 38": lambda: same(Zb[1], W[1] @ X + b[1][:, None]) and same(Zb[1][:, 0], z[1]),
    "line 41": lambda: same(Ab[1], sigmoid(Zb[1])),
    "line 47": lambda: Zb[1].shape == (4, 5) and W[1].shape == (4, 3) and X.shape == (3, 5) and same(Zb[1], W[1] @ X + b[1].reshape(4, 1)),
    "line 99": lambda: same(delta[1], dA[1]),
    "line 103": lambda: same(delta[2], grad_a * dsig(z[2])),
    "line 104": lambda: same(delta[1], (W[2].T @ delta[2]) * dsig(z[1])),
    "line 105": lambda: all(same(gb[l], delta[l]) for l in W),
    "line 106": lambda: all(
        np.isclose(gW[l][j, k], a[l - 1][k] * delta[l][j]) for l in W for j in range(W[l].shape[0]) for k in range(W[l].shape[1])
    ),
    "line 111": lambda: all(np.isclose(delta[2][j], grad_a[j] * dsig(z[2])[j]) for j in range(2)),
    "line 116": lambda: same(delta[2], grad_a * dsig(z[2])),
    "line 125": lambda: same(p, np.exp(o - o.max()) / np.sum(np.exp(o - o.max()))),
    "line 136": lambda: same(p, np.exp(o - o.max()) / np.sum(np.exp(o - o.max()))),
    "line 141": lambda: all(np.isclose(dL_do[i], v) for i in range(4) for v in i_links(i)),
    "line 146": lambda: np.isclose(C(), 0.5 * np.sum((y - a[2]) ** 2)),
    "line 151": lambda: same(grad_a, a[2] - y),
    "line 156": lambda: same(grad_a, a[2] - y),
    "line 162": lambda: same(delta[1], (W[2].T @ delta[2]) * dsig(z[1])),
    "line 168": lambda: all(same(gb[l], delta[l]) for l in W),
    "line 174": lambda: all(same(gW[l], np.outer(delta[l], a[l - 1])) for l in W),
    "line 180": lambda: all(
        np.isclose(gW[l][j, k], a[l - 1][k] * delta[l][j]) for l in W for j in range(W[l].shape[0]) for k in range(W[l].shape[1])
    ),
    "line 194": lambda: (
        all(same(V, ema(beta, G, t)) for t, (V, S, Wt) in enumerate(momentum, start=1)) and same(momentum[-1][2], ref_w["momentum"])
    ),
    "line 203": lambda: (
        all(same(S, ema(beta, G**2, t)) for t, (V, S, Wt) in enumerate(rmsprop, start=1)) and same(rmsprop[-1][2], ref_w["rmsprop"])
    ),
    "line 215": lambda: all(same(V, ema(b1, G, t)) and same(S, ema(b2, G**2, t)) for t, (V, S, Wt) in enumerate(adam_m, start=1)),
    "line 223": lambda: corrected_is_g(lambda v, bt, t: v / (1 - bt**t)) and same(adam_weights(), ref_w["adam"]),
    "line 231": lambda: same(adam_weights(), ref_w["adam"]),
}
planted = {
    "line 38": lambda: same(Zb[1], W[1].T @ X + b[1][:, None]),
    "line 104": lambda: same(delta[1], (W[1].T @ delta[2]) * dsig(z[1])),
    "line 106": lambda: all(
        np.isclose(gW[l][j, k], a[l][k] * delta[l][j]) for l in W for j in range(W[l].shape[0]) for k in range(W[l].shape[1])
    ),
    "line 141": lambda: all(np.isclose(dL_do[i], yk[i] - p[i]) for i in range(4)),
    "line 151": lambda: same(grad_a, y - a[2]),
    "line 194": lambda: same(run(lambda V, S, Wt, g, t: (beta * V + (1 + beta) * g, S, Wt))[-1][0], ema(beta, G, T)),
    "line 203": lambda: same(
        run(lambda V, S, Wt, g, t: (V, beta * S + (1 - beta) * g**2, Wt - alpha * g / ((beta * S + (1 - beta) * g**2) + eps)))[-1][2],
        ref_w["rmsprop"],
    ),
    "line 223": lambda: corrected_is_g(lambda v, bt, t: v / (1 - bt)),
}
confirm("ezalos_maths.md", "ezalos_maths_planted.md", checks, planted)
print("OK")
