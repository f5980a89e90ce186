"""Independent NumPy oracle for bauer_optimization.tex / bauer_optimization_planted.tex (Marius Bauer's summary of
the Karlsruhe lecture "Neuronale Netze": logistic regression and the optimizers' recurrences).

Logistic regression's claims by central differences of the BCE summed over the instances; each optimizer recurrence
against the reference algorithm written out here from its paper (Zeiler's Adadelta, Hinton's RMSprop as in Ruder's
overview, Kingma & Ba's Adam -- eps placement compared at eps = 0, where the conventions agree) on the same random
state. Prints OK when every verdict of MANIFEST.toml holds. Run: python oracle_bauer.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(1406)
X, t = rng.normal(size=(5, 3)), rng.integers(0, 2, size=5).astype(float)  # rows x_k, targets t_k
w, eta = rng.normal(size=3), 0.05


def L(v):
    o = sigmoid(X @ v)
    return float(-(t * np.log(o) + (1 - t) * np.log(1 - o)).sum())


o = sigmoid(X @ w)
g = grad(L, w)
acc = sum((t[k] - o[k]) * X[k] for k in range(len(t)))  # the General Approach's grad

# optimizer state (a random point of a run)
gam, b1, b2, eps, tt = 0.9, 0.9, 0.999, 1e-8, 7
gt = rng.normal(size=3)
Eg2, Edw2, m, v = rng.uniform(0.1, 1, size=3), rng.uniform(0.1, 1, size=3), rng.normal(size=3), rng.uniform(0.1, 1, size=3)
prev_dw = rng.normal(size=3) * 0.1  # Delta w_{t-1}, the step before
# Zeiler's Adadelta
ref_Eg2 = gam * Eg2 + (1 - gam) * gt**2
ref_dw = -np.sqrt(Edw2 + eps) / np.sqrt(ref_Eg2 + eps) * gt
ref_Edw2 = gam * Edw2 + (1 - gam) * ref_dw**2
# RMSprop (Hinton; Ruder's overview: eps inside the root)
ref_rms_E = gam * Eg2 + (1 - gam) * gt**2
# Kingma & Ba's Adam
ref_m, ref_v = b1 * m + (1 - b1) * gt, b2 * v + (1 - b2) * gt**2
ref_mh, ref_vh = ref_m / (1 - b1**tt), ref_v / (1 - b2**tt)
adam_step = lambda e: -eta * ref_mh / (np.sqrt(ref_vh) + e)  # noqa: E731

checks = {
    "line 6": lambda: L(w - 1e-3 * g) < L(w),
    "line 20": lambda: same(g, (o - t) @ X),
    "line 21.2": lambda: same(g, (o - t) @ X),
    "line 25": lambda: same(w - eta * (o - t) @ X, w - eta * g),
    "line 39": lambda: same(acc, -g),
    "line 41": lambda: same(w + eta * acc, w - eta * g),
    "line 99.1": lambda: same(w - np.sqrt(Edw2 + eps) / np.sqrt(ref_Eg2 + eps) * gt, w + ref_dw),
    "line 100.2": lambda: same(grad(L, w), g),  # g_t: the gradient at the parameters before the step
    "line 101.3": lambda: same(np.sqrt(ref_Edw2 + eps), np.sqrt(gam * Edw2 + (1 - gam) * ref_dw**2 + eps)),
    "line 102.4": lambda: same(gam * Edw2 + (1 - gam) * ref_dw**2, ref_Edw2),
    "line 112.1": lambda: same(-eta / np.sqrt(ref_rms_E + 0.0) * gt, -eta * gt / np.sqrt(ref_rms_E)),
    "line 113.2": lambda: same(gam * Eg2 + gt**2, ref_rms_E),
    "line 118.1": lambda: same(-eta / np.sqrt(ref_vh + 0.0) * ref_mh, adam_step(0.0)),
    "line 119.2": lambda: same(ref_m / (1 - b1**tt), ref_mh),
    "line 120.3": lambda: same(ref_v / (1 - b2**tt), ref_vh),
    "line 121.4": lambda: same(b1 * m + (1 - b1) * gt, ref_m),
    "line 122.5": lambda: same(b2 * v + (1 - b2) * gt**2, ref_v),
}
planted = {
    "line 6": lambda: L(w + 1e-3 * g) < L(w),
    "line 25": lambda: same(w - eta * (t - o) @ X, w - eta * g),
    "line 41": lambda: same(w - eta * acc, w - eta * g),
    "line 102.4": lambda: same(gam * Edw2 + (1 - gam) * prev_dw**2, ref_Edw2),  # the step before for this step
    "line 119.2": lambda: same(ref_m / (1 - b1), ref_mh),
    "line 122.5": lambda: same(b2 * v + (1 - b2) * gt, ref_v),
}
confirm("bauer_optimization.tex", "bauer_optimization_planted.tex", checks, planted)
print("OK")
