"""Independent NumPy oracle for dudung's two study notes (dudung_error_propagation.md, dudung_impl_plan.md) and their
planted copies.

error_propagation: Nielsen's network z^l = w^l a^{l-1} + b^l, a^l = sigma(z^l), C = 1/2 sum_j (y_j - a^L_j)^2 per
example (3-4-2 here), delta^l = dC/dz^l by central differences; tag (5)'s step against eta times the gradient of the
MEAN cost over m examples. impl_plan: a 3-5-4-3-2 network WITHOUT biases, X_{a} = f(W_{a,a-1} X_{a-1}) (f = sigmoid),
C^x = 1/2 |Y - X_5|^2, C the mean over m examples, D_a = dC^x/d(W X) at layer a. Claims evaluated as written; a product
of non-conforming shapes does not hold (the layer sizes all differ). Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_dudung.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid

rng = np.random.default_rng(2202)


def sp(v):
    return sigmoid(v) * (1 - sigmoid(v))


def links(*vals):
    return all(same(vals[0], v) for v in vals[1:])


# --- error_propagation (Nielsen's notation)
w = {1: rng.normal(size=(4, 3)), 2: rng.normal(size=(2, 4))}
b = {1: rng.normal(size=4), 2: rng.normal(size=2)}
x0, y = rng.normal(size=3), rng.uniform(size=2)


def fwd(x, ww=w, start=None, z_start=None):
    a, z = {0: x}, {}
    for l in (1, 2):
        z[l] = z_start if (start == l) else ww[l] @ a[l - 1] + b[l]
        a[l] = sigmoid(z[l])
    return z, a


def C(x=x0, yy=y, ww=w, start=None, z_start=None):
    _, a = fwd(x, ww, start, z_start)
    return 0.5 * float(np.sum((yy - a[2]) ** 2))


z, a = fwd(x0)
delta = {l: grad(lambda v, l=l: C(start=l, z_start=v), z[l]) for l in (1, 2)}
dC_daL = grad(lambda v: 0.5 * float(np.sum((y - v) ** 2)), a[2])
da_dz = {l: np.diag(jacobian(sigmoid, z[l])) for l in (1, 2)}
J21 = jacobian(lambda v: w[2] @ sigmoid(v) + b[2], z[1])  # [k, j] = dz^2_k / dz^1_j
m, eta = 5, 0.1
X, Y = rng.normal(size=(m, 3)), rng.uniform(size=(m, 2))


def Cmean(ww):
    return float(np.mean([C(X[i], Y[i], ww) for i in range(m)]))


gW = {l: grad(lambda v, l=l: Cmean({**w, l: v}), w[l]) for l in (1, 2)}
per = [fwd(X[i]) for i in range(m)]
dl = [{2: (pa[2] - Y[i]) * sp(pz[2])} for i, (pz, pa) in enumerate(per)]
for i, (pz, _) in enumerate(per):
    dl[i][1] = (w[2].T @ dl[i][2]) * sp(pz[1])


def step(l, inp_layer):
    return w[l] - eta / m * sum(np.outer(dl[i][l], per[i][1][inp_layer]) for i in range(m))


def b4(weight):  # sum_k weight(j, k) sigma'(z_j) delta_k, the weight indexed as written
    return np.array([sum(weight(j, k) * sp(z[1][j]) * delta[2][k] for k in range(2)) for j in range(4)])


confirm(
    "dudung_error_propagation.md",
    "dudung_error_propagation_planted.md",
    {
        "3": lambda: same(delta[1], (w[2].T @ delta[2]) * sp(z[1])),
        "4": lambda: same(delta[2], (a[2] - y) * sp(z[2])),
        "5": lambda: all(same(step(l, l - 1), w[l] - eta * gW[l]) for l in (1, 2)),
        "A6": lambda: same(delta[2], dC_daL * sp(z[2])),
        "B1": lambda: links(delta[1], (w[2].T @ delta[2]) * da_dz[1], (w[2].T @ delta[2]) * sp(z[1]))
        and links(delta[2], dC_daL * da_dz[2], dC_daL * sp(z[2])),
        "B2": lambda: links(dC_daL, 0.5 * 2 * (y - a[2]) * -1, -(y - a[2]), a[2] - y),
        "B3": lambda: links(J21, w[2] * sp(z[1])[None, :]),
        "B4": lambda: links(delta[1], J21.T @ delta[2], b4(lambda j, k: w[2][k, j]), (w[2].T @ delta[2]) * sp(z[1])),
        "B5": lambda: links(delta[2], dC_daL * sp(z[2]), (a[2] - y) * sp(z[2])),
    },
    {
        "3": lambda: same(delta[1], (w[2] @ delta[2]) * sp(z[1])),
        "4": lambda: same(delta[2], (y - a[2]) * sp(z[2])),
        "5": lambda: all(same(step(l, l), w[l] - eta * gW[l]) for l in (1, 2)),
        "B2": lambda: links(dC_daL, 0.5 * 2 * (y - a[2]) * -1, -(y - a[2]), y - a[2]),
        "B3": lambda: links(J21, w[2] * sigmoid(z[1])[None, :]),
        "B4": lambda: links(delta[1], J21.T @ delta[2], b4(lambda j, k: w[2][j, k])),
    },
)

# --- impl_plan: 3-5-4-3-2, no biases
sizes = [3, 5, 4, 3, 2]
W = {a_: rng.normal(size=(sizes[a_ - 1], sizes[a_ - 2])) for a_ in (2, 3, 4, 5)}  # W[a] = W_{a,a-1}
x1, Yt = rng.normal(size=3), rng.uniform(size=2)


def pfwd(x, WW=W, start=None, s_start=None):
    Xs, S = {1: x}, {}
    for a_ in (2, 3, 4, 5):
        S[a_] = s_start if start == a_ else WW[a_] @ Xs[a_ - 1]
        Xs[a_] = sigmoid(S[a_])
    return S, Xs


def Cx(x=x1, yy=Yt, WW=W, start=None, s_start=None):
    _, Xs = pfwd(x, WW, start, s_start)
    return 0.5 * float(np.sum((yy - Xs[5]) ** 2))


S, Xs = pfwd(x1)
D = {a_: grad(lambda v, a_=a_: Cx(start=a_, s_start=v), S[a_]) for a_ in (2, 3, 4, 5)}
Xm, Ym = rng.normal(size=(m, 3)), rng.uniform(size=(m, 2))
gP = {a_: grad(lambda v, a_=a_: float(np.mean([Cx(Xm[i], Ym[i], {**W, a_: v}) for i in range(m)])), W[a_]) for a_ in (2, 3, 4, 5)}
fw = [pfwd(Xm[i]) for i in range(m)]
Dm = [{5: (Xi[5] - Ym[i]) * sp(Si[5])} for i, (Si, Xi) in enumerate(fw)]
for i, (Si, _) in enumerate(fw):
    for a_ in (4, 3, 2):
        Dm[i][a_] = (W[a_ + 1].T @ Dm[i][a_ + 1]) * sp(Si[a_])


def row(a_, transpose=True, slope=True):
    Wn = W[a_ + 1].T if transpose else W[a_ + 1]
    return (Wn @ D[a_ + 1]) * (sp(W[a_] @ Xs[a_ - 1]) if slope else sigmoid(W[a_] @ Xs[a_ - 1]))


confirm(
    "dudung_impl_plan.md",
    "dudung_impl_plan_planted.md",
    {
        "line 19.1": lambda: same(D[5], (Xs[5] - Yt) * sp(W[5] @ Xs[4])),
        "line 20.2": lambda: same(D[4], row(4)),
        "line 21.3": lambda: same(D[3], row(3)),
        "line 22.4": lambda: same(D[2], row(2)),
        # as written: W_ab - eta/m sum_x D_a^x (W_ab X_b^x)^T, for every (a, b) = (b + 1, b)
        "line 23.5": lambda: all(
            same(W[a_] - eta / m * sum(np.outer(Dm[i][a_], W[a_] @ fw[i][1][a_ - 1]) for i in range(m)), W[a_] - eta * gP[a_])
            for a_ in (2, 3, 4, 5)
        ),
    },
    {
        "line 19.1": lambda: same(D[5], (Yt - Xs[5]) * sp(W[5] @ Xs[4])),
        "line 21.3": lambda: same(D[3], row(3, transpose=False)),
        "line 22.4": lambda: same(D[2], row(2, slope=False)),
    },
)
# the update with the right factor X_b (what the row means) does hold: the slip is the written W_ab X_b
assert all(
    same(W[a_] - eta / m * sum(np.outer(Dm[i][a_], fw[i][1][a_ - 1]) for i in range(m)), W[a_] - eta * gP[a_]) for a_ in (2, 3, 4, 5)
)
print("OK")
