"""Independent NumPy oracle for kingma_adam.toml / kingma_adam_planted.toml (Kingma & Ba, "Adam", Algorithm 1,
sections 2, 2.1, 3, 7.1 and Algorithm 2).

The paper's objective f_t is taken as the loss of a small tanh network on the minibatch of step t (kingma_adam.spec.toml);
g_t is its gradient at theta_{t-1} by central differences. Each recurrence a claim states is run over T = 6 steps and
compared with an independent form: the moments with their closed sums (section 3's form, written from the
definition of an exponential moving average), the bias corrections with the property they exist for (a constant
gradient c is estimated as c and c^2 at every t), the updates with the step they must take (alpha sign(c) for a
constant gradient, the paper's bound), section 2's reordering with Algorithm 1's update (epsilon-hat = epsilon
sqrt(1 - beta_2^t)), AdaMax's u_t with the limit p -> infinity of the L^p moment it is defined by. Prints OK when
every verdict of MANIFEST.toml holds.
Run: python oracle_kingma.py   (numpy only)
"""

import numpy as np
from fdcheck import EPS, confirm, grad, same

rng = np.random.default_rng(45)
A, B1, B2, E, T, NB = 0.001, 0.9, 0.999, 1e-8, 6, 4
Xs, Ys = rng.normal(size=(T, NB, 3)), rng.normal(size=(T, NB, 1))
SHAPES = [(3, 4), (4,), (4, 1), (1,)]
SIZE = sum(int(np.prod(s)) for s in SHAPES)


def f(t, theta):
    """f_t: the squared error of the 3-4(tanh)-1 network on minibatch t (theta: all its weights, flat)."""
    parts, k = [], 0
    for s in SHAPES:
        n = int(np.prod(s))
        parts.append(theta[k : k + n].reshape(s))
        k += n
    W1, b1, W2, b2 = parts
    return float(0.5 * np.sum((np.tanh(Xs[t] @ W1 + b1) @ W2 + b2 - Ys[t]) ** 2) / NB)


# the reference trajectory: Adam written through the closed sums of its moments
theta = [rng.normal(size=SIZE)]
G = []
for t in range(1, T + 1):
    G.append(grad(lambda v, t=t: f(t - 1, v), theta[-1]))
    m = (1 - B1) * sum(B1 ** (t - i) * G[i - 1] for i in range(1, t + 1))
    v = (1 - B2) * sum(B2 ** (t - i) * G[i - 1] ** 2 for i in range(1, t + 1))
    theta.append(theta[-1] - A * (m / (1 - B1**t)) / (np.sqrt(v / (1 - B2**t)) + E))
closed_m = [None] + [(1 - B1) * sum(B1 ** (t - i) * G[i - 1] for i in range(1, t + 1)) for t in range(1, T + 1)]
closed_v = [None] + [(1 - B2) * sum(B2 ** (t - i) * G[i - 1] ** 2 for i in range(1, t + 1)) for t in range(1, T + 1)]
c = rng.normal(size=SIZE)  # a constant gradient, for the properties of the corrections and steps


def run(rule, g=G, start=None):
    """states s_1..s_T of s_t = rule(s_{t-1}, g_t, t) from s_0 = 0 (or `start`)."""
    s, out = np.zeros(SIZE) if start is None else start, [None]
    for t in range(1, T + 1):
        s = rule(s, g[t - 1], t)
        out.append(s)
    return out


def all_t(f_t):
    return all(f_t(t) for t in range(1, T + 1))


def lp_limit(t, p=600.0):
    """u_t = lim_{p -> inf} (v_t^(p))^(1/p), v_t^(p) = (1 - beta_2^p) sum_i beta_2^{p(t-i)} |g_i|^p, in logs."""
    logs = np.array([p * ((t - i) * np.log(B2) + np.log(np.abs(G[i - 1]))) for i in range(1, t + 1)])
    top = logs.max(axis=0)
    return np.exp((top + np.log(np.sum(np.exp(logs - top), axis=0)) + np.log1p(-(B2**p))) / p)


const = [c] * T
m_rule = lambda s, g, t: B1 * s + (1 - B1) * g
v_rule = lambda s, g, t: B2 * s + (1 - B2) * g**2
mc, vc = run(m_rule, const), run(v_rule, const)
u_rule = lambda s, g, t: np.maximum(B2 * s, np.abs(g))


def adam_step(mhat, vhat):
    return A * mhat / (np.sqrt(vhat) + E)


def alpha_t(t):
    return A * np.sqrt(1 - B2**t) / (1 - B1**t)


checks = {
    # g_t is the gradient at theta_{t-1}: its directional derivative along random u matches f_t's
    "alg1-gradient": lambda: all_t(
        lambda t: all(
            np.isclose(G[t - 1] @ u, (f(t - 1, theta[t - 1] + 1e-5 * u) - f(t - 1, theta[t - 1] - 1e-5 * u)) / 2e-5, rtol=1e-5, atol=1e-8)
            for u in rng.normal(size=(3, SIZE))
        )
    ),
    "alg1-m": lambda: all_t(lambda t: same(run(m_rule)[t], closed_m[t])),
    "alg1-v": lambda: all_t(lambda t: same(run(v_rule)[t], closed_v[t])),
    "alg1-mhat": lambda: all_t(lambda t: same(mc[t] / (1 - B1**t), c)),
    "alg1-vhat": lambda: all_t(lambda t: same(vc[t] / (1 - B2**t), c**2)),
    "alg1-theta": lambda: (
        all_t(lambda t: same(adam_step(c, c**2), A * np.sign(c), rtol=1e-6))
        and all_t(lambda t: same(theta[t - 1] - theta[t], adam_step(closed_m[t] / (1 - B1**t), closed_v[t] / (1 - B2**t))))
    ),
    "sec2-alpha-t": lambda: all_t(
        lambda t: same(
            alpha_t(t) * closed_m[t] / np.sqrt(closed_v[t]), A * (closed_m[t] / (1 - B1**t)) / np.sqrt(closed_v[t] / (1 - B2**t))
        )
    ),
    "sec2-theta": lambda: all_t(
        lambda t: same(
            theta[t - 1] - alpha_t(t) * closed_m[t] / (np.sqrt(closed_v[t]) + E * np.sqrt(1 - B2**t)), theta[t], rtol=1e-9, atol=1e-12
        )
    ),
    "sec2.1-step": lambda: all_t(
        lambda t: same(theta[t - 1] - theta[t], A * (closed_m[t] / (1 - B1**t)) / np.sqrt(closed_v[t] / (1 - B2**t)), rtol=1e-4)
    ),
    "sec3-vt": lambda: all_t(lambda t: same(run(v_rule)[t], (1 - B2) * sum(B2 ** (t - i) * G[i - 1] ** 2 for i in range(1, t + 1)))),
    # the deterministic part of the expectation: the weights sum to 1 - beta_2^t (zeta = 0 for a stationary g)
    "sec3-expectation": lambda: (
        all(np.isclose((1 - B2) * sum(B2 ** (t - i) for i in range(1, t + 1)), 1 - B2**t) for t in range(1, 50))
        and all_t(lambda t: same(vc[t], c**2 * (1 - B2) * sum(B2 ** (t - i) for i in range(1, t + 1))) and same(vc[t], c**2 * (1 - B2**t)))
    ),
    "sec7.1-ut": lambda: all_t(
        lambda t: same(np.max([B2 ** (t - i) * np.abs(G[i - 1]) for i in range(1, t + 1)], axis=0), lp_limit(t), rtol=2e-2)
    ),
    "alg2-u": lambda: all_t(lambda t: same(run(u_rule)[t], lp_limit(t), rtol=2e-2)),
    # AdaMax's step for a constant gradient is alpha sign(c), and along the run it is the alpha/(1 - beta_1^t) m_t / u_t of the limit
    "alg2-theta": lambda: all_t(lambda t: same((A / (1 - B1**t)) * mc[t] / run(u_rule, const)[t], A * np.sign(c))),
}
planted = {
    "alg1-m": lambda: all_t(lambda t: same(run(lambda s, g, t: (1 - B1) * s + B1 * g)[t], closed_m[t])),
    "alg1-v": lambda: all_t(lambda t: same(run(lambda s, g, t: B2 * s + (1 - B2) * g)[t], closed_v[t])),
    "alg1-mhat": lambda: all_t(lambda t: same(mc[t] / (1 - B1), c)),
    "alg1-theta": lambda: all_t(lambda t: same(A * c / (c**2 + E), A * np.sign(c), rtol=1e-6)),
    "sec2-alpha-t": lambda: all_t(
        lambda t: same(
            A * np.sqrt(1 - B1**t) / (1 - B2**t) * closed_m[t] / np.sqrt(closed_v[t]),
            A * (closed_m[t] / (1 - B1**t)) / np.sqrt(closed_v[t] / (1 - B2**t)),
        )
    ),
    "alg2-u": lambda: all_t(lambda t: same(run(lambda s, g, t: np.maximum(B2 * s, g))[t], lp_limit(t), rtol=2e-2)),
}
assert EPS  # central differences of fdcheck (grad) give the gradients
confirm("kingma_adam.toml", "kingma_adam_planted.toml", checks, planted)
print("OK")
