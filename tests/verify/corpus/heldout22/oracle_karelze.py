"""Independent NumPy oracle for KarelZe's Anki cards (karelze_graph_card.md, karelze_chainrule_card.md and the English and
German karelze_multiclass_card*.md) and their planted copies.

graph card: z = w x + b, y = sigma(z), L = 1/2 (y - t)^2, v-bar = dL/dv by central differences. chain-rule card:
f(x, y) = y + exp(x y), x = cos t, y = t^2, df/dt by central differences in t, every link of the chain evaluated as
written (the partials f_x, f_y by central differences too). multiclass cards: softmax regression on features phi(x_i),
loss_i the log-likelihood of example i (as the card writes it), each row judged for every class k; p(k | x_k) read as
written (x_k the k-th example's features). Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_karelze.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2204)


def d1(f, at):
    return grad(lambda v: float(f(v[0])), np.array([at]))[0]


def links(*vals):
    return all(same(vals[0], v) for v in vals[1:])


# --- graph card
w, b, x, t = rng.normal(size=4)


def L(w=w, b=b, z=None, y=None):
    z = w * x + b if z is None else z
    y = sigmoid(z) if y is None else y
    return 0.5 * (y - t) ** 2


z = w * x + b
y = sigmoid(z)
ybar, zbar = d1(lambda v: L(y=v), y), d1(lambda v: L(z=v), z)
wbar, bbar = d1(lambda v: L(w=v), w), d1(lambda v: L(b=v), b)
sp = d1(sigmoid, z)
confirm(
    "karelze_graph_card.md",
    "karelze_graph_card_planted.md",
    {
        "line 28": lambda: same(ybar, y - t),
        "line 28#2": lambda: same(zbar, ybar * sp),
        "line 29": lambda: same(wbar, zbar * x),
        "line 29#2": lambda: same(bbar, zbar),
    },
    {
        "line 28#2": lambda: same(zbar, ybar * sigmoid(z)),
        "line 29": lambda: same(wbar, zbar * w),
    },
)

# --- chain-rule card
tt = rng.uniform(0.3, 1.2)


def f(xx, yy):
    return yy + np.exp(xx * yy)


X, Y = np.cos(tt), tt**2
dfdt = d1(lambda s: f(np.cos(s), s**2), tt)
fx, fy = d1(lambda v: f(v, Y), X), d1(lambda v: f(X, v), Y)
dxdt, dydt = d1(np.cos, tt), d1(lambda s: s**2, tt)
confirm(
    "karelze_chainrule_card.md",
    "karelze_chainrule_card_planted.md",
    {"line 31": lambda: links(dfdt, fx * dxdt + fy * dydt, (Y * np.exp(X * Y)) * (-np.sin(tt)) + (1 + X * np.exp(X * Y)) * (2 * tt))},
    {"line 31": lambda: links(dfdt, fx * dxdt + fy * dydt, (Y * np.exp(X * Y)) * (np.sin(tt)) + (1 + X * np.exp(X * Y)) * (2 * tt))},
)
# --- multiclass cards (English and German): softmax regression, loss_i the LOG-LIKELIHOOD of example i
K, n_feat, n_ex, i = 3, 4, 5, 4  # example i = the 5th: no class index k (0..2) names it
Phi = rng.normal(size=(n_ex, n_feat))
Wm = rng.normal(size=(K, n_feat))  # rows w_k^T
h = np.eye(K)[1]  # h_{c_i, .}: the one-hot label of example i


def softmax(v):
    e = np.exp(v - v.max())
    return e / e.sum()


def loglik(W):
    return float(h @ (W @ Phi[i]) - np.log(np.sum(np.exp(W @ Phi[i]))))


G = grad(loglik, Wm)  # [k] = d loss_i / d w_k
S = np.sum(np.exp(Wm @ Phi[i]))
rows = {
    1: lambda k: grad(lambda v: loglik(np.vstack([Wm[:k], v, Wm[k + 1 :]])), Wm[k]),
    2: lambda k: h[k] * Phi[i] - grad(lambda v: float(np.log(np.sum(np.exp(np.vstack([Wm[:k], v, Wm[k + 1 :]]) @ Phi[i])))), Wm[k]),
    3: lambda k: h[k] * Phi[i] - np.exp(Wm[k] @ Phi[i]) * Phi[i] / S,
    4: lambda k: Phi[i] * (h[k] - softmax(Wm @ Phi[k])[k]),  # p(k | x_k) as written
}
planted_rows = {
    3: lambda k: h[k] * Phi[i] - np.exp(Wm[k] @ Phi[i]) / S,  # the inner phi(x_i) dropped
    2: lambda k: h[k] * Phi[i] + grad(lambda v: float(np.log(np.sum(np.exp(np.vstack([Wm[:k], v, Wm[k + 1 :]]) @ Phi[i])))), Wm[k]),
}


def row_ok(r, table=rows):
    return all(same(G[k], table[r](k)) for k in range(K))


def chain_ok(table=rows):
    return all(row_ok(r, {**rows, **table}) for r in (1, 2, 3, 4))


# the slip alone: with p(k | x_i) the last row holds
assert all(same(G[k], Phi[i] * (h[k] - softmax(Wm @ Phi[i])[k])) for k in range(K))
confirm(
    "karelze_multiclass_card.md",
    "karelze_multiclass_card_planted.md",
    {"line 30": chain_ok, **{f"line 30.{r}": (lambda r=r: row_ok(r)) for r in (1, 2, 3, 4)}},
    {"line 30": lambda: chain_ok({3: planted_rows[3]}), "line 30.3": lambda: row_ok(3, {3: planted_rows[3]})},
)
confirm(
    "karelze_multiclass_card_de.md",
    "karelze_multiclass_card_de_planted.md",
    {"line 17": chain_ok, **{f"line {n}.{r}": (lambda r=r: row_ok(r)) for n, r in ((17, 1), (25, 2), (30, 3), (37, 4))}},
    {"line 17": lambda: chain_ok({2: planted_rows[2]}), "line 25.2": lambda: row_ok(2, {2: planted_rows[2]})},
)
print("OK")
