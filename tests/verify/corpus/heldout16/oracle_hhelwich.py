"""Independent NumPy oracle for hhelwich_notes.md / hhelwich_notes_planted.md (Hendrik Helwich's German notes).

One layer: 3 inputs a, n = 2 sigmoid outputs b = phi(W a) without bias, E = (1/n) sum_i (t_i - b_i)^2; the gradient by
central differences. The momentum and Nesterov rules are run for a few steps on E and compared with the reference
algorithms written in their other textbook form (Polyak's heavy ball w_{t+1} = w_t - eps grad E(w_t) + alpha (w_t -
w_{t-1}); Nesterov's y_t = w_t + alpha (w_t - w_{t-1}), w_{t+1} = y_t - eps grad E(y_t)). Prints OK when every verdict
of MANIFEST.toml holds. Run: python oracle_hhelwich.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(1605)
n, m = 2, 3
W0, a, t = rng.normal(size=(n, m)), rng.normal(size=m), rng.uniform(size=n)
alpha, eps, steps = 0.9, 0.5, 6
phi = sigmoid
dphi = lambda v: sigmoid(v) * (1 - sigmoid(v))  # noqa: E731
E = lambda W: float(((t - phi(W @ a)) ** 2).sum()) / n  # noqa: E731
gE = lambda W: grad(E, W)  # noqa: E731
b = phi(W0 @ a)


def notes(look=0, step_sign=+1):
    """The notes' rules as a copy writes them: line 10 (look = 0) or line 12 (look = +1, or -1 in the planted copy),
    then line 14 (step_sign = +1, or -1 in the planted copy)."""
    W, dW, out = W0.copy(), np.zeros_like(W0), []
    for _ in range(steps):
        dW = alpha * dW - eps * gE(W + look * alpha * dW)
        W = W + step_sign * dW
        out.append(W.copy())
    return np.array(out)


def polyak():
    prev, W, out = W0.copy(), W0.copy(), []
    for _ in range(steps):
        prev, W = W, W - eps * gE(W) + alpha * (W - prev)
        out.append(W.copy())
    return np.array(out)


def nesterov():
    prev, W, out = W0.copy(), W0.copy(), []
    for _ in range(steps):
        y = W + alpha * (W - prev)
        prev, W = W, y - eps * gE(y)
        out.append(W.copy())
    return np.array(out)


g = gE(W0)
his_g = -2 / n * np.outer((t - b) * dphi(b), a)          # line 22 as written: phi' at the output b_i
dW_prev = rng.normal(size=(n, m))

checks = {
    "line 10": lambda: same(notes(), polyak()),
    "line 12": lambda: same(notes(look=+1), nesterov()),
    "line 14": lambda: same(notes(), polyak()) and same(notes(look=+1), nesterov()),
    "line 19": lambda: same(E(W0), float(((t - phi(b)) ** 2).sum()) / n),
    "line 20": lambda: same(E(W0), sum((t[i] - phi(W0[i] @ a)) ** 2 / n for i in range(n))),
    "line 22": lambda: same(g, his_g),
    # carried forward: line 10's step with the notes' own gradient of line 22
    "line 23": lambda: same(alpha * dW_prev - eps * his_g, alpha * dW_prev + eps * 2 / n * np.outer((t - b) * dphi(b), a)),
}
planted = {
    "line 12": lambda: same(notes(look=-1), nesterov()),
    "line 14": lambda: same(notes(step_sign=-1), polyak()),
    "line 20": lambda: same(E(W0), (t[0] - phi(W0[0] @ a)) ** 2 / n + (t[1] - phi(W0[1] @ a)) ** 2),
    "line 23": lambda: same(alpha * dW_prev - eps * his_g, alpha * dW_prev - eps * 2 / n * np.outer((t - b) * dphi(b), a)),
}
confirm("hhelwich_notes.md", "hhelwich_notes_planted.md", checks, planted)
print("OK")
