"""Independent NumPy oracle for niknow_backprop.ipynb / niknow_backprop_planted.ipynb (Nowaczyk, "Derivation of the
Backpropagation Algorithm", the notebook's Markdown cells).

The author's conventions (niknow_backprop.spec.toml): z_l = A_l a_{l-1} + b_l, a_l = sigma_l(z_l) (tanh, logistic),
C(a) = ||a - y||^2 for one sample, J the mean over N samples; nabla = the Jacobian (a row for a scalar function),
grad = its transpose (a column); G_l = C o F_L o ... o F_{l+1} o sigma_l; epsilon_l = grad G_l(z_l). Every Jacobian and
gradient is a central difference; the function identities are checked by evaluation at random points; claims in l
are checked for every layer they apply to. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_niknow.py   (numpy only)
"""

import numpy as np
from fdcheck import EPS, confirm, grad, jacobian, same, sigmoid

rng = np.random.default_rng(51)
N, n = 5, (3, 4, 2)
A = [None, rng.normal(size=(n[1], n[0])), rng.normal(size=(n[2], n[1]))]
b = [None, rng.normal(size=n[1]), rng.normal(size=n[2])]
sig = [None, np.tanh, sigmoid]
Xs, Ys = rng.normal(size=(N, n[0])), rng.uniform(size=(N, n[2]))
x, y = Xs[0], Ys[0]
C = lambda a: float(np.sum((a - y) ** 2))
f = lambda l, v, A_=None, b_=None: (A[l] if A_ is None else A_) @ v + (b[l] if b_ is None else b_)
F = lambda l, v: sig[l](f(l, v))


def forward(v):
    a, z = [v], [None]
    for l in (1, 2):
        z.append(f(l, a[-1]))
        a.append(sig[l](z[-1]))
    return z, a


z, a = forward(x)
G = [None, lambda v: C(F(2, sig[1](v))), lambda v: C(sig[2](v))]  # G_l = C o F_L o ... o F_{l+1} o sigma_l
eps = [None] + [grad(G[l], z[l]) for l in (1, 2)]  # epsilon_l = grad G_l(z_l), columns
nablaG = [None] + [jacobian(lambda v, l=l: np.array([G[l](v)]), z[l]) for l in (1, 2)]  # rows (1 x n_l)
nsig = [None] + [jacobian(sig[l], z[l]) for l in (1, 2)]  # nabla sigma_l(z_l): diagonal
gradC = grad(C, a[2])
nablaC = jacobian(lambda v: np.array([C(v)]), a[2])
cost = lambda A1=A[1], b1=b[1], A2=A[2], b2=b[2]: C(sig[2](A2 @ sig[1](A1 @ x + b1) + b2))
gA = [None, grad(lambda v: cost(A1=v), A[1]), grad(lambda v: cost(A2=v), A[2])]
gb = [None, grad(lambda v: cost(b1=v), b[1]), grad(lambda v: cost(b2=v), b[2])]
nab_b = [None] + [jacobian(lambda v, l=l: np.array([cost(**{f"b{l}": v})]), b[l]) for l in (1, 2)]  # rows
V = rng.normal(size=(4, n[1]))  # random points for the function identities


def J():
    return np.mean([float(np.sum((forward(Xs[k])[1][2] - Ys[k]) ** 2)) for k in range(N)])


def chain_rule():
    """nabla (h o g)(x) = nabla h(g(x)) . nabla g(x) for g = F_1, h = C o F_2."""
    lhs = jacobian(lambda v: np.array([C(F(2, F(1, v)))]), x)
    return same(lhs, jacobian(lambda u: np.array([C(F(2, u))]), F(1, x)) @ jacobian(lambda v: F(1, v), x))


def fn_eq(f1, f2):
    return all(np.isclose(f1(v), f2(v)) for v in V)


def coords():
    """d G^l(A)/dA_{nu mu} = sum_k nabla G_l(z_l)_k delta_{nu k} a_{l-1;mu} = eps_{l;nu} a_{l-1;mu}, for l = 1, 2."""
    out = True
    for l in (1, 2):
        lhs = gA[l]
        s = np.array(
            [[sum(nablaG[l][0, k] * (k == nu) * a[l - 1][mu] for k in range(n[l])) for mu in range(n[l - 1])] for nu in range(n[l])]
        )
        out = out and same(lhs, s) and same(lhs, np.outer(eps[l], a[l - 1]))
    return out


checks = {
    "line 39": lambda: all(same(F(l, a[l - 1]), sig[l](A[l] @ a[l - 1] + b[l])) for l in (1, 2)),
    "line 48.1": lambda: same(a[0], x),
    "line 49.2": lambda: same(z[1], A[1] @ a[0] + b[1]),
    "line 50.3": lambda: same(a[1], np.tanh(z[1])),
    "line 51.4": lambda: same(z[2], A[2] @ a[1] + b[2]),
    "line 52.5": lambda: same(a[2], sigmoid(z[2])),
    "line 54.7": lambda: all(same(z[l], A[l] @ a[l - 1] + b[l]) for l in (1, 2)),
    "line 55.8": lambda: all(same(a[l], sig[l](z[l])) for l in (1, 2)),
    "line 57.10": lambda: same(z[2], A[2] @ a[1] + b[2]),
    "line 58.11": lambda: same(a[2], sigmoid(z[2])),
    "line 59.12": lambda: same(a[2], forward(x)[1][-1]),
    "line 68": lambda: np.isclose(J(), sum(np.sum((forward(Xs[k])[1][2] - Ys[k]) ** 2) for k in range(N)) / N),
    "line 70": lambda: np.isclose(C(a[2]), np.linalg.norm(a[2] - y) ** 2),
    "line 103": chain_rule,
    "line 129": lambda: same(eps[2], nsig[2] @ gradC) and same(eps[1], nsig[1] @ A[2].T @ eps[2]),
    "line 134": lambda: same(nablaG[2], jacobian(lambda v: np.array([C(sig[2](v))]), z[2])) and same(nablaG[2], nablaC @ nsig[2]),
    "line 140": lambda: same(eps[2], nablaG[2].T.ravel()) and same(eps[2], nsig[2] @ grad(C, sig[2](z[2]))),
    "line 142#3": lambda: all(same(nsig[l], nsig[l].T) for l in (1, 2)),
    "line 146": lambda: fn_eq(G[1], lambda v: C(sig[2](f(2, sig[1](v))))) and fn_eq(G[1], lambda v: G[2](f(2, sig[1](v)))),
    "line 153": lambda: same(nablaG[1], jacobian(lambda v: np.array([G[2](v)]), z[2]) @ A[2] @ nsig[1]),
    "line 158": lambda: same(eps[1], nablaG[1].T.ravel()) and same(eps[1], nsig[1] @ A[2].T @ eps[2]),
    "line 170.1": lambda: all(same(gb[l], eps[l]) for l in (1, 2)),
    "line 171.2": lambda: all(same(gA[l], np.outer(a[l - 1], eps[l])) for l in (1, 2)),
    "line 179": lambda: all(
        np.isclose(cost(**{f"A{l}": A[l], f"b{l}": bb}), G[l](f(l, a[l - 1], b_=bb))) for l in (1, 2) for bb in rng.normal(size=(3, n[l]))
    ),
    "line 181": lambda: all(
        same(nab_b[l], nablaG[l] @ jacobian(lambda v, l=l: f(l, a[l - 1], b_=v), b[l])) and same(nab_b[l], nablaG[l]) for l in (1, 2)
    ),
    # the last link equates the row nabla G_l(z_l) with the column epsilon_l (the notebook's own layouts)
    "line 185": lambda: all(same(nab_b[l], nablaG[l]) and same(nab_b[l], eps[l]) for l in (1, 2)),
    "line 195": coords,
    "line 219": lambda: same(a[0], x),
    "line 221": lambda: all(same(a[l], f(l, a[l - 1])) for l in (1, 2)),  # the feed forward's a_l is sigma_l(f(a_{l-1}))
    "line 222": lambda: all(same(z[l], sig[l](a[l])) for l in (1, 2)),
    "line 224": lambda: same(eps[2], nsig[2] @ gradC),
    "line 225#2": lambda: same(eps[1], nsig[1] @ A[2].T @ eps[2]),
    "line 227": lambda: all(same(gb[l], eps[l]) for l in (1, 2)),
    "line 228": lambda: all(same(gA[l], np.outer(a[l - 1], eps[l])) for l in (1, 2)),
}
planted = {
    "line 49.2": lambda: same(z[1], A[1].T @ a[0] + b[1]),
    "line 129": lambda: same(eps[2], nsig[2] @ gradC) and same(eps[1], nsig[1] @ A[2] @ eps[2]),
    "line 140": lambda: same(eps[2], nablaG[2].T.ravel()) and same(eps[2], nsig[2] @ grad(C, z[2])),
    "line 158": lambda: same(eps[1], nablaG[1].T.ravel()) and same(eps[1], nsig[1] @ A[1].T @ eps[2]),
    "line 170.1": lambda: same(gb[1], eps[2]),
    "line 195": lambda: all(same(gA[l], np.outer(a[l - 1], eps[l])) for l in (1, 2)),
    "line 224": lambda: same(eps[2], jacobian(sigmoid, a[2]) @ gradC),
    "line 225#2": lambda: same(eps[1], nsig[1] @ A[2].T @ eps[1]),
}
assert EPS
confirm("niknow_backprop.ipynb", "niknow_backprop_planted.ipynb", checks, planted)
print("OK")
