"""Independent NumPy oracle for emmastorberg.toml / emmastorberg_planted.toml (a student group's FYS-STK4155 project 2
method section: gradient descent methods and a 2-layer network).

The authors' conventions (emmastorberg.spec.toml). The optimizer claims are run for T steps on the mini-batch
gradients of a small least-squares cost c_i(theta) = (x_i . theta - y_i)^2, each recurrence against a reference written
from its closed form (the moving averages as sums, Adam's bias correction exact for a constant gradient, AdaGrad's
accumulator as the plain sum); the network claims on a 3-4-1 sigmoid network with central differences. Prints OK when
every verdict of MANIFEST.toml holds.
Run: python oracle_emmastorberg.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(73)
n, d, m, T = 8, 3, 4, 5
Xd, yd = rng.normal(size=(n, d)), rng.normal(size=n)
c_i = lambda th, i: float((Xd[i] @ th - yd[i]) ** 2)  # noqa: E731
Cfull = lambda th: sum(c_i(th, i) for i in range(n))  # noqa: E731
batches = [rng.choice(n, size=m, replace=False) for _ in range(T)]
eta, gamma, rho, rho1, rho2, delta = 0.05, 0.9, 0.9, 0.9, 0.999, 1e-8
th0 = rng.normal(size=d)
mb_grad = lambda th, B: grad(lambda v: sum(c_i(v, i) for i in B) / m, th)  # noqa: E731
ema = lambda b, seq, t: (1 - b) * sum(b ** (t - k) * seq[k - 1] for k in range(1, t + 1))  # noqa: E731


def run(step):
    """Apply a claimed update for T steps; returns the list of (state, theta) after each step."""
    th, state, out = th0.copy(), {"v": np.zeros(d), "r": np.zeros(d), "s": np.zeros(d)}, []
    for t in range(1, T + 1):
        g = mb_grad(th, batches[t - 1])
        state, th = step(state, th, g, t)
        out.append((dict(state), th.copy(), g))
    return out


def reference(kind):
    """The algorithms from their closed forms: the same gradients, the moving averages written as sums."""
    th, gs, out = th0.copy(), [], []
    for t in range(1, T + 1):
        gs.append(mb_grad(th, batches[t - 1]))
        G = np.array(gs)
        if kind == "momentum":
            v = eta * sum(gamma ** (t - k) * G[k - 1] for k in range(1, t + 1))
            th = th - v
        elif kind == "adagrad":
            th = th - eta * G[-1] / (delta + np.sqrt(np.sum(G**2, axis=0)))
        elif kind == "rmsprop":
            th = th - eta * G[-1] / (delta + np.sqrt(ema(rho, G**2, t)))
        elif kind == "rmsprop-momentum":
            steps = [eta * G[k - 1] / (delta + np.sqrt(ema(rho, G[:k] ** 2, k))) for k in range(1, t + 1)]
            th = th - sum(gamma ** (t - k) * steps[k - 1] for k in range(1, t + 1))
        elif kind == "adam":
            th = th - eta * (ema(rho1, G, t) / (1 - rho1**t)) / (delta + np.sqrt(ema(rho2, G**2, t) / (1 - rho2**t)))
        out.append(th.copy())
    return out


def same_path(step, kind):
    return all(same(th, ref) for (_, th, _), ref in zip(run(step), reference(kind), strict=True))


def momentum(s, th, g, t, sign=1):
    v = gamma * s["v"] + eta * g
    return {**s, "v": v}, th - v


def adagrad(s, th, g, t, sq=True):
    r = s["r"] + (g * g if sq else g)
    with np.errstate(invalid="ignore"):  # the planted r can turn negative
        return {**s, "r": r}, th - eta / (delta + np.sqrt(r)) * g


def rmsprop(s, th, g, t, w=1 - rho):
    r = rho * s["r"] + w * g * g
    return {**s, "r": r}, th - eta / (delta + np.sqrt(r)) * g


def rmsprop_momentum(s, th, g, t):
    r = rho * s["r"] + (1 - rho) * g * g
    v = gamma * s["v"] + eta / (delta + np.sqrt(r)) * g
    return {**s, "r": r, "v": v}, th - v


def adam(s, th, g, t, c1=lambda t: 1 - rho1**t, times_g=False):
    s1 = rho1 * s["s"] + (1 - rho1) * g
    r = rho2 * s["r"] + (1 - rho2) * g * g
    step = eta * (s1 / c1(t)) / (delta + np.sqrt(r / (1 - rho2**t)))
    return {**s, "s": s1, "r": r}, th - (step * g if times_g else step)


def corrected_is_g(c1):
    """With a constant gradient the corrected first moment is exactly that gradient at every step."""
    g, s1 = rng.normal(size=d), np.zeros(d)
    for t in range(1, T + 1):
        s1 = rho1 * s1 + (1 - rho1) * g
        if not same(s1 / c1(t), g):
            return False
    return True


# the network: 3-4-1, sigmoid, one sample, C the binary cross-entropy (MSE(a_2) in the backpropagation paragraph)
W1, b1, W2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(1, 4)), rng.normal(size=1)
x = rng.normal(size=3)
z1 = W1 @ x + b1
a1 = sigmoid(z1)
z2 = W2 @ a1 + b2
a2 = sigmoid(z2)
zs = np.linspace(-3, 3, 7) + 0.1
Y = np.eye(3)[rng.integers(0, 3, 5)]
P = rng.dirichlet(np.ones(3), 5)
yb, pb = (rng.uniform(size=5) < 0.5).astype(float), rng.uniform(0.05, 0.95, 5)
checks = {
    "gd": lambda: same(th0 - eta * grad(Cfull, th0), th0 - eta * 2 * Xd.T @ (Xd @ th0 - yd)),
    "sgd-gradient-sum": lambda: same(grad(Cfull, th0), sum(grad(lambda v, i=i: c_i(v, i), th0) for i in range(n))),
    "sgd-step": lambda: same(
        th0 - eta * sum(grad(lambda v, i=i: c_i(v, i), th0) for i in batches[0]),
        th0 - eta * grad(lambda v: sum(c_i(v, i) for i in batches[0]), th0),
    ),
    "momentum-v": lambda: same_path(momentum, "momentum"),
    "momentum-theta": lambda: same_path(momentum, "momentum"),
    "adagrad-g": lambda: same(mb_grad(th0, batches[0]), 2 * Xd[batches[0]].T @ (Xd[batches[0]] @ th0 - yd[batches[0]]) / m),
    "adagrad-r": lambda: same_path(adagrad, "adagrad"),
    "adagrad-theta": lambda: same_path(adagrad, "adagrad"),
    "rmsprop-r": lambda: same_path(rmsprop, "rmsprop"),
    "rmsprop-theta": lambda: same_path(rmsprop, "rmsprop"),
    "rmsprop-momentum-r": lambda: same_path(rmsprop_momentum, "rmsprop-momentum"),
    "rmsprop-momentum-v": lambda: same_path(rmsprop_momentum, "rmsprop-momentum"),
    "rmsprop-momentum-theta": lambda: same_path(rmsprop_momentum, "rmsprop-momentum"),
    "adam-s": lambda: all(
        same(st["s"], ema(rho1, np.array([o[2] for o in run(adam)[:t]]), t)) for t, (st, _, _) in enumerate(run(adam), start=1)
    ),
    "adam-r": lambda: all(
        same(st["r"], ema(rho2, np.array([o[2] for o in run(adam)[:t]]) ** 2, t)) for t, (st, _, _) in enumerate(run(adam), start=1)
    ),
    "adam-shat": lambda: corrected_is_g(lambda t: 1 - rho1**t) and same_path(adam, "adam"),
    "adam-rhat": lambda: same_path(adam, "adam"),
    "adam-theta": lambda: same_path(lambda s, th, g, t: adam(s, th, g, t, times_g=True), "adam"),
    "node-z": lambda: np.isclose(z1[0], sum(W1[0, i] * x[i] for i in range(3)) + b1[0]),
    "node-a": lambda: np.isclose(a1[0], sigmoid(z1[0])),
    "layer-z": lambda: same(z1, sigmoid(W1 @ x + b1)),
    "layer-a": lambda: same(a1, sigmoid(z1)),
    "two-layer-a2": lambda: same(a2, sigmoid(W2 @ a1 + b2)),
    "two-layer-forward": lambda: same(a2, sigmoid(W2 @ sigmoid(W1 @ x + b1) + b2)),
    "sigmoid": lambda: same(sigmoid(zs), 1 / (1 + np.exp(-zs))),
    "relu": lambda: same(np.where(zs > 0, zs, 0), np.maximum(0, zs)),
    "cross-entropy": lambda: np.isclose(-np.mean(np.sum(Y * np.log(P), axis=1)), -np.sum(Y * np.log(P)) / 5),
    "binary-cross-entropy": lambda: np.isclose(
        -np.mean(np.sum(np.stack([yb, 1 - yb], 1) * np.log(np.stack([pb, 1 - pb], 1)), axis=1)),
        -np.mean(yb * np.log(pb) + (1 - yb) * np.log(1 - pb)),
    ),
    "logistic": lambda: same(1 / (1 + np.exp(-zs)), 0.5 * (1 + np.tanh(zs / 2))),
}
planted = {
    "gd": lambda: same(th0 + eta * grad(Cfull, th0), th0 - eta * 2 * Xd.T @ (Xd @ th0 - yd)),
    "momentum-v": lambda: same_path(lambda s, th, g, t: ({**s, "v": eta * g / (1 - gamma)}, th - eta * g / (1 - gamma)), "momentum"),
    "adagrad-r": lambda: same_path(lambda s, th, g, t: adagrad(s, th, g, t, sq=False), "adagrad"),
    "rmsprop-r": lambda: same_path(lambda s, th, g, t: rmsprop(s, th, g, t, w=rho), "rmsprop"),
    "adam-shat": lambda: corrected_is_g(lambda t: 1 - rho1),
    "two-layer-forward": lambda: same(a2, sigmoid(W2 @ sigmoid(W1 @ x + b2) + b2)),
    "sigmoid": lambda: same(1 / (1 + np.exp(zs)), 1 / (1 + np.exp(-zs))),
    "binary-cross-entropy": lambda: np.isclose(
        -np.mean(yb * np.log(pb) + (1 - yb) * np.log(1 - pb)), -np.mean(yb * np.log(pb) + (1 - yb) * np.log(pb))
    ),
    "node-z": lambda: np.isclose(z1[0], sum(W1[0, i] * x[i] for i in range(3)) - b1[0]),
}
confirm("emmastorberg.toml", "emmastorberg_planted.toml", checks, planted)
print("OK")
