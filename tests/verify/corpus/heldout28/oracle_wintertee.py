"""Independent NumPy oracle for wintertee_reseau_fr.md (wintertee's French notes, Re0-Neural-Network) and its planted
copy: one neuron z = w x + b, a = phi(z); the softmax phi_j = e^{z_j} / sum_k e^{z_k} and its Jacobian; the cross-
entropy H(y, a) = -sum_j y_j log a_j with a one-hot y and its gradient in z.

Every claim is checked by central differences: the neuron's derivatives at random (w, x, b) for two activations
(logistic, tanh: phi is left free in the notes); the softmax's Jacobian [i, j] = d phi_i / d z_j at random z, the
chain for i = j on the diagonal and the chain for i != j off it; each row of the cross-entropy chain against dH/dz_i.
A check holds exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_wintertee.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid

rng = np.random.default_rng(2801)

# ---- one neuron
ACTS = [(sigmoid, lambda v: sigmoid(v) * (1 - sigmoid(v))), (np.tanh, lambda v: 1 - np.tanh(v) ** 2)]
pts = [(rng.normal(), rng.normal(), rng.normal()) for _ in range(3)]


def neuron(claim):
    """claim(phi, dphi, w, x, b, numeric d a/d x, d a/d w, d a/d b) for every point and activation."""
    for phi, dphi in ACTS:
        for w, x, b in pts:
            f = lambda v: float(phi(v[0] * v[1] + v[2]))            # a(w, x, b)
            gw, gx, gb = grad(f, np.array([w, x, b]))
            if not claim(phi, dphi, w, x, b, gx, gw, gb):
                return False
    return True


# ---- softmax and cross-entropy (q = 4 classes, one-hot y)
def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


zs = [rng.normal(size=4) for _ in range(3)]
ys = [np.eye(4)[rng.integers(4)] for _ in zs]
J = [jacobian(softmax, z) for z in zs]                    # [i, j] = d phi_i / d z_j
G = [grad(lambda v, y=y: float(-np.sum(y * np.log(softmax(v)))), z) for z, y in zip(zs, ys, strict=True)]
S = [np.exp(z).sum() for z in zs]
off = ~np.eye(4, dtype=bool)


def diag(expr):
    """expr(z, phi, S) -> [i] the i = j case, compared with the Jacobian's diagonal."""
    return lambda: all(same(expr(z, softmax(z), s), np.diag(j)) for z, s, j in zip(zs, S, J, strict=True))


def offdiag(expr):
    """expr(z, phi, S) -> [i, j] (i != j entries compared)."""
    return lambda: all(same(expr(z, softmax(z), s)[off], j[off]) for z, s, j in zip(zs, S, J, strict=True))


def ce(expr):
    """expr(a, y) -> [i] = what a row writes for dH/dz_i."""
    return lambda: all(same(expr(softmax(z), y), g) for z, y, g in zip(zs, ys, G, strict=True))


r69 = diag(lambda z, p, s: (np.exp(z) * s - np.exp(z) * np.exp(z)) / s ** 2)
r70 = diag(lambda z, p, s: np.exp(z) / s * (s - np.exp(z)) / s)
r71 = diag(lambda z, p, s: p * (1 - p))
r79 = offdiag(lambda z, p, s: (0 - np.outer(np.exp(z), np.exp(z))) / s ** 2)
r80 = offdiag(lambda z, p, s: -np.outer(np.exp(z), np.exp(z)) / s ** 2)     # -(e^{z_j}/S)(e^{z_i}/S) at [i, j]
r81 = offdiag(lambda z, p, s: -np.outer(p, p))
case86 = lambda sign: lambda: diag(lambda z, p, s: p * (1 + sign * p))() and offdiag(lambda z, p, s: -np.outer(p, p))()


def others(a, y, term):
    """[i] = sum over j != i of term(a, y)[i, j]."""
    t = term(a, y)
    return np.array([sum(t[i, j] for j in range(len(a)) if j != i) for i in range(len(a))])


r100 = lambda: all(same(-np.array([np.sum(y / softmax(z) * j[:, i]) for i in range(4)]), g)
                   for z, y, j, g in zip(zs, ys, J, G, strict=True))                       # -sum_j y_j (1/a_j) da_j/dz_i
r101 = ce(lambda a, y: -y * a * (1 - a) / a - others(a, y, lambda a, y: np.outer(np.ones(4), y) * (-np.outer(a, a))
                                                      / np.outer(np.ones(4), a)))
r102 = ce(lambda a, y: -y * (1 - a) + others(a, y, lambda a, y: np.outer(a, y)))
r103 = ce(lambda a, y: -y + a * y.sum())
r104 = ce(lambda a, y: a - y)

checks = {
    "1.3": lambda: neuron(lambda phi, dphi, w, x, b, gx, gw, gb: np.isclose(gx, dphi(w * x + b) * w)),
    "1.4": lambda: neuron(lambda phi, dphi, w, x, b, gx, gw, gb: np.isclose(gw, dphi(w * x + b) * x)),
    "1.5": lambda: neuron(lambda phi, dphi, w, x, b, gx, gw, gb: np.isclose(gb, dphi(w * x + b) * 1)),
    "line 67": lambda: r69() and r70() and r71(),
    "line 69.2": r69, "line 70.3": r70, "line 71.4": r71,
    "line 77": lambda: r79() and r80() and r81(),
    "line 79.2": r79, "line 80.3": r80, "line 81.4": r81,
    "line 86": case86(-1),
    "line 98": lambda: r100() and r101() and r102() and r103() and r104(),
    "line 100.2": r100, "line 101.3": r101, "line 102.4": r102, "line 103.5": r103, "line 104.6": r104,
}
p81 = offdiag(lambda z, p, s: np.outer(p, p))
p101 = ce(lambda a, y: -y * a / a - others(a, y, lambda a, y: np.outer(np.ones(4), y) * (-np.outer(a, a))
                                           / np.outer(np.ones(4), a)))
planted = {
    "1.3": lambda: neuron(lambda phi, dphi, w, x, b, gx, gw, gb: np.isclose(gx, dphi(w * x + b) * x)),
    "1.4": lambda: neuron(lambda phi, dphi, w, x, b, gx, gw, gb: np.isclose(gw, phi(w * x + b) * x)),
    "line 77": lambda: r79() and r80() and p81(),
    "line 81.4": p81,
    "line 86": case86(+1),
    "line 98": lambda: r100() and p101() and r102() and r103() and r104(),
    "line 101.3": p101,
}
confirm("wintertee_reseau_fr.md", "wintertee_reseau_fr_planted.md", checks, planted)
print("OK")
