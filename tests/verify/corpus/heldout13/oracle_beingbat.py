"""Independent NumPy oracle for beingbat_optimizers.md / beingbat_optimizers_planted.md (a learner's optimizer notes:
momentum with the learning rate inside the velocity, Adam with en dashes).

Each recurrence is run for 6 steps on a fixed smooth loss (gradients by central differences) and its trajectory compared
with the reference algorithm written out here independently: momentum as an exponential average of the gradients
(v = beta v + (1 - beta) g, W -= alpha v; the notes' V(t) is alpha v), heavy-ball momentum (u = beta u - alpha g,
W += u), and Kingma & Ba's Adam (Algorithm 1 with the step size alpha_t = alpha sqrt(1 - beta2^t)/(1 - beta1^t) of
their section 2, epsilon outside the root). Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_beingbat.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(1310)
A, W0 = rng.normal(size=(3, 3)), rng.normal(size=3)
loss = lambda w: float(np.sum(np.sin(A @ w)) + 0.5 * w @ w)  # noqa: E731
g = lambda w: grad(loss, w)  # noqa: E731
alpha, beta, b1, b2, eps, T = 0.1, 0.9, 0.9, 0.999, 1e-8, 6


def run(step, state):
    w, s, path = W0.copy(), state, []
    for t in range(1, T + 1):
        w, s = step(w, s, g(w), t)
        path.append(w.copy())
    return np.array(path)


z = np.zeros(3)
ema = run(lambda w, v, d, t: (w - alpha * (beta * v + (1 - beta) * d), beta * v + (1 - beta) * d), z)  # reference
heavy = run(lambda w, u, d, t: (w + (beta * u - alpha * d), beta * u - alpha * d), z)  # reference


def adam_ref(w, s, d, t):  # Kingma & Ba, Algorithm 1 / section 2
    m, v = b1 * s[0] + (1 - b1) * d, b2 * s[1] + (1 - b2) * d * d
    at = alpha * np.sqrt(1 - b2**t) / (1 - b1**t)
    return w - at * m / (np.sqrt(v) + eps), (m, v)


adam = run(adam_ref, (z, z))


def notes_adam(mrule, vrule, upd):
    def step(w, s, d, t):
        m, v = mrule(s[0], d), vrule(s[1], d)
        at = alpha * np.sqrt(1 - b2**t) / (1 - b1**t)  # "adjusted" read as the bias-corrected step size (line 28 unchecked)
        return upd(w, at, m, v), (m, v)

    return run(step, (z, z))


m_ok, v_ok = (lambda m, d: b1 * m + (1 - b1) * d), (lambda v, d: b2 * v + (1 - b2) * d**2)
upd_ok = lambda w, at, m, v: w - at * m / (np.sqrt(v) + eps)  # noqa: E731
notes6 = run(lambda w, V, d, t: (w - alpha * ((1 - beta) * d + beta * V), alpha * ((1 - beta) * d + beta * V)), z)
checks = {
    "line 6": lambda: same(notes6, ema),  # alpha multiplies beta V(t-1) too: the velocity decays by alpha beta
    "line 8": lambda: same(run(lambda w, V, d, t: (w - (beta * V + alpha * (1 - beta) * d), beta * V + alpha * (1 - beta) * d), z), ema),
    "line 11": lambda: same(run(lambda w, V, d, t: (w - (alpha * d + beta * V), alpha * d + beta * V), z), heavy),
    "line 24": lambda: same(notes_adam(m_ok, v_ok, upd_ok), adam),
    "line 26": lambda: same(notes_adam(m_ok, v_ok, upd_ok), adam),
    "line 30": lambda: same(notes_adam(m_ok, v_ok, upd_ok), adam),
}
planted = {
    "line 11": lambda: same(run(lambda w, V, d, t: (w - (alpha * d - beta * V), alpha * d - beta * V), z), heavy),
    "line 26": lambda: same(notes_adam(m_ok, lambda v, d: b2 * v + (1 - b2) * d, upd_ok), adam),
    "line 30": lambda: same(notes_adam(m_ok, v_ok, lambda w, at, m, v: w - at * m / (v + eps)), adam),
}
with np.errstate(invalid="ignore"):  # the planted v without the square goes negative under the root
    confirm("beingbat_optimizers.md", "beingbat_optimizers_planted.md", checks, planted)
print("OK")
