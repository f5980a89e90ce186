"""Independent NumPy oracle for mclaughlin_elec576.ipynb and its planted copy (a student's ELEC576 homework notebook:
tanh', sigma', ReLU', the softmax + cross-entropy gradient dL/dz_i = a_i - y_i, dL/dW^(2), dL/db^(2)).

The activation derivatives by central differences on a grid (ReLU's away from 0). One example through a row-layout
net (x W^(1) + b^(1), tanh, H = 3 hidden units, a^(1) W^(2) + b^(2), softmax over C = 2 classes, L = -sum_k y_k log
a_k): dL/dz^(2), the softmax Jacobian J[k, i] = d a_k / d z_i, dL/dW^(2), dL/db^(2), dz_k/dW_{h,j}, dz_k/db_i,
dz^(2)/dz^(1) and da^(1)/dz^(1) by central differences; every link of every chain evaluated as written (the
continuation displays against the subject above them: the expression-only displays of lines 111 and 121). Line 300's
written sum is taken with the classes 0 ... C, C = 1 the last one (its repeated dz_1 term); read with C = 2 classes,
a_C is out of range -- either way it does not hold. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_mclaughlin.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid

rng = np.random.default_rng(2106)
xs = np.linspace(-2.5, 2.5, 11)


def d(f, t):
    return grad(lambda v: float(f(v[0])), np.array([t]))[0]


def on_grid(lhs, rhs):
    return all(same(lhs(t), rhs(t)) for t in xs)


sh, ch, th = np.sinh, np.cosh, np.tanh
dexp = lambda t: d(np.exp, t)  # noqa: E731
dnexp = lambda t: d(lambda u: np.exp(-u), t)  # noqa: E731


def links(*vals):
    return all(same(vals[0], v) for v in vals[1:])


# --- the net: one example, row layout, C = 2 classes
H, C = 3, 2
x = rng.normal(size=2)
W1, b1, W2, b2 = rng.normal(size=(2, H)), rng.normal(size=H), rng.normal(size=(H, C)), rng.normal(size=C)
y = np.eye(C)[1]


def softmax(v):
    e = np.exp(v - v.max())
    return e / e.sum()


z1 = x @ W1 + b1
a1 = np.tanh(z1)
z2 = a1 @ W2 + b2
a2 = softmax(z2)


def L_of_z(z):
    return float(-np.sum(y * np.log(softmax(z))))


def L_of(W=W2, b=b2):
    return L_of_z(a1 @ W + b)


dLdz = grad(L_of_z, z2)
dLda = grad(lambda a: float(-np.sum(y * np.log(a))), a2)
J = jacobian(softmax, z2)  # J[k, i] = d a_k / d z_i
dlogdz = jacobian(lambda v: np.log(softmax(v)), z2)  # [k, i] = d log a_k / d z_i
dLdW = grad(lambda v: L_of(W=v), W2)
dLdb = grad(lambda v: L_of(b=v), b2)
dzdW = np.array([[[grad(lambda v, k=k: float((a1 @ v + b2)[k]), W2)[h, j] for j in range(C)] for h in range(H)] for k in range(C)])
dzdb = np.array([grad(lambda v, k=k: float((a1 @ W2 + v)[k]), b2) for k in range(C)])  # [k, i]
dz2dz1 = jacobian(lambda v: np.tanh(v) @ W2 + b2, z1)  # [i, j]
dz2da1 = jacobian(lambda v: v @ W2 + b2, a1)  # [i, p]
da1dz1 = jacobian(np.tanh, z1)  # [p, j]
E = np.exp(z2)
S = E.sum()
idx = range(C)
off = [(i, j) for i in idx for j in idx if i != j]


def every_i(*rows):
    return all(links(*(r(i) for r in rows)) for i in idx)


subj_121 = lambda i: -y[i] / a2[i] * J[i, i]  # noqa: E731  the k = i term (line 121's expression)
checks = {
    "line 14": lambda: (
        on_grid(lambda t: d(sh, t), lambda t: 0.5 * (dexp(t) - dnexp(t)))
        and on_grid(lambda t: d(sh, t), lambda t: 0.5 * (np.exp(t) + np.exp(-t)))
        and on_grid(lambda t: d(sh, t), ch)
    ),
    "line 15": lambda: (
        on_grid(lambda t: d(ch, t), lambda t: 0.5 * (dexp(t) + dnexp(t)))
        and on_grid(lambda t: d(ch, t), lambda t: 0.5 * (np.exp(t) - np.exp(-t)))
        and on_grid(lambda t: d(ch, t), sh)
    ),
    "line 20": lambda: on_grid(lambda t: d(th, t), lambda t: (ch(t) * d(sh, t) - sh(t) * d(ch, t)) / ch(t) ** 2),
    "line 22": lambda: on_grid(lambda t: d(th, t), lambda t: (ch(t) * ch(t) - sh(t) * sh(t)) / ch(t) ** 2),
    "line 24": lambda: (
        on_grid(lambda t: d(th, t), lambda t: 1 - sh(t) ** 2 / ch(t) ** 2) and on_grid(lambda t: d(th, t), lambda t: 1 - th(t) ** 2)
    ),
    "line 38": lambda: on_grid(lambda t: d(sigmoid, t), lambda t: -1 / (1 + np.exp(-t)) ** 2 * -np.exp(-t)),
    "line 40": lambda: on_grid(lambda t: d(sigmoid, t), lambda t: sigmoid(t) * np.exp(-t) / (1 + np.exp(-t))),
    "line 42": lambda: on_grid(lambda t: d(sigmoid, t), lambda t: sigmoid(t) * (1 - sigmoid(t))),
    "line 64": lambda: on_grid(lambda t: d(lambda u: max(0.0, u), t + 0.05), lambda t: 1.0 if t + 0.05 > 0 else 0.0),
    "line 96": lambda: same(dLda @ J, dLdz),
    "line 100": lambda: every_i(
        lambda i: dLdz[i], lambda i: -sum(y[k] * dlogdz[k, i] for k in idx), lambda i: -sum(y[k] / a2[k] * J[k, i] for k in idx)
    ),
    "line 107": lambda: every_i(lambda i: J[i, i], lambda i: d(lambda t: np.exp(t) / (S - E[i] + np.exp(t)), z2[i])),
    "line 113": lambda: every_i(lambda i: (S * E[i] - E[i] * E[i]) / S**2, lambda i: (S - E[i]) / S * E[i] / S, lambda i: J[i, i]),
    "line 117": lambda: every_i(lambda i: J[i, i], lambda i: (1 - a2[i]) * a2[i]),
    "line 123": lambda: every_i(subj_121, lambda i: -y[i] * (1 / a2[i]) * J[i, i]),
    "line 125": lambda: every_i(subj_121, lambda i: -y[i] * (1 / a2[i]) * (1 - a2[i]) * a2[i]),
    "line 127": lambda: every_i(subj_121, lambda i: -y[i] * (1 - a2[i])),
    "line 138": lambda: all(same(J[i, j], d(lambda t, i=i, j=j: E[i] / (S - E[j] + np.exp(t)), z2[j])) for i, j in off),
    "line 142": lambda: all(links(J[i, j], (0 * E[i] - E[i] * E[j]) / S**2, -E[i] / S * E[j] / S, -a2[i] * a2[j]) for i, j in off),
    "line 146": lambda: every_i(
        lambda i: -sum(y[j] / a2[j] * J[j, i] for j in idx if j != i),
        lambda i: -sum(y[j] / a2[j] * (-a2[j] * a2[i]) for j in idx if j != i),
        lambda i: sum(y[j] * a2[i] for j in idx if j != i),
    ),
    "line 150": lambda: every_i(lambda i: dLdz[i], lambda i: -y[i] * (1 - a2[i]) + sum(y[j] * a2[i] for j in idx if j != i)),
    "line 151": lambda: every_i(lambda i: dLdz[i], lambda i: -y[i] + y[i] * a2[i] + sum(y[j] * a2[i] for j in idx if j != i)),
    "line 153": lambda: every_i(lambda i: dLdz[i], lambda i: -y[i] + sum(y[j] * a2[i] for j in idx)),
    "line 156": lambda: every_i(lambda i: dLdz[i], lambda i: a2[i] * y.sum() - y[i]),
    "line 158": lambda: every_i(lambda i: dLdz[i], lambda i: a2[i] * 1 - y[i], lambda i: a2[i] - y[i]),
    "line 164": lambda: same(dLdW, np.einsum("i,ihj->hj", dLdz, dzdW)),
    "line 198": lambda: all(same(dzdW[i, h, j], a1[h] if j == i else 0.0) for i in idx for h in range(H) for j in idx),
    "line 210": lambda: same(dLdW, np.einsum("k,khj->hj", dLdz, dzdW)),
    "line 218": lambda: same(dLdW[0, 0], sum(dLdz[k] * dzdW[k, 0, 0] for k in idx)),
    "line 222": lambda: same(dLdW[0, 0], dLdz[0] * dzdW[0, 0, 0] + dLdz[1] * dzdW[1, 0, 0]),
    "line 226": lambda: same(dLdW[0, 0], (a2[0] - y[0]) * dzdW[0, 0, 0] + (a2[1] - y[1]) * dzdW[1, 0, 0]),
    "line 230": lambda: same(dLdW[0, 0], (a2[0] - y[0]) * a1[0] + (a2[1] - y[1]) * 0),
    "line 232": lambda: same(dLdW[0, 0], (a2[0] - y[0]) * a1[0]),
    "line 238": lambda: same(dLdW[0, 1], dLdz[0] * dzdW[0, 0, 1] + dLdz[1] * dzdW[1, 0, 1]),
    "line 242": lambda: same(dLdW[0, 1], (a2[0] - y[0]) * 0 + (a2[1] - y[1]) * a1[0]),
    "line 244": lambda: same(dLdW[0, 1], (a2[1] - y[1]) * a1[0]),
    "line 250": lambda: same(dLdW[1, 0], dLdz[0] * dzdW[0, 1, 0] + dLdz[1] * dzdW[1, 1, 0]),
    "line 252": lambda: same(dLdW[1, 0], (a2[0] - y[0]) * dzdW[0, 1, 0] + (a2[1] - y[1]) * dzdW[1, 1, 0]),
    "line 254": lambda: same(dLdW[1, 0], (a2[0] - y[0]) * a1[1] + (a2[1] - y[1]) * 0),
    "line 256": lambda: same(dLdW[1, 0], (a2[0] - y[0]) * a1[1]),
    "line 260": lambda: all(same(dLdW[i, j], (a2[j] - y[j]) * a1[i]) for i in range(H) for j in idx),
    "line 266": lambda: same(dLdW, a1[None, :].T @ (a2 - y)[None, :]),
    "line 278": lambda: all(
        links(dLdb[i], sum(dLdz[k] * dzdb[k, i] for k in idx), (a2[0] - y[0]) * dzdb[0, i] + (a2[1] - y[1]) * dzdb[1, i]) for i in idx
    ),
    "line 300": lambda: all(
        links(
            dLdb[i],
            sum(dLdz[k] * dzdb[k, i] for k in idx),
            (a2[0] - y[0]) * dzdb[0, i] + (a2[1] - y[1]) * dzdb[1, i] + (a2[C - 1] - y[C - 1]) * dzdb[1, i],
        )
        for i in idx
    ),
    "line 302": lambda: same(dLdb, a2 - y),
    "line 316": lambda: same(dz2dz1, dz2da1 @ da1dz1),
}
planted = {
    "line 24": lambda: (
        on_grid(lambda t: d(th, t), lambda t: 1 - sh(t) ** 2 / ch(t) ** 2) and on_grid(lambda t: d(th, t), lambda t: th(t) ** 2)
    ),
    "line 42": lambda: on_grid(lambda t: d(sigmoid, t), lambda t: sigmoid(t) * (1 + sigmoid(t))),
    "line 117": lambda: every_i(lambda i: J[i, i], lambda i: (1 - a2[i]) * a2[i], lambda i: 1 - a2[i]),
    "line 146": lambda: every_i(
        lambda i: -sum(y[j] / a2[j] * J[j, i] for j in idx if j != i),
        lambda i: -sum(y[j] / a2[j] * (-a2[j] * a2[i]) for j in idx if j != i),
        lambda i: -sum(y[j] * a2[i] for j in idx if j != i),
    ),
    "line 158": lambda: every_i(lambda i: dLdz[i], lambda i: a2[i] * 1 - y[i], lambda i: y[i] - a2[i]),
    "line 232": lambda: same(dLdW[0, 0], (a2[1] - y[1]) * a1[0]),
    "line 266": lambda: same(dLdW, (a2 - y)[None, :] @ a1[None, :].T),
    "line 302": lambda: same(dLdb, (a2 - y) * a1[:C]),
}
confirm("mclaughlin_elec576.ipynb", "mclaughlin_elec576_planted.ipynb", checks, planted)
print("OK")
