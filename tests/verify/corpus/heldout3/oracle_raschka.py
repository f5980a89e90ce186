"""Independent NumPy oracle for raschka.tex / raschka_planted.tex (Raschka, Python Machine Learning, 1st ed., ch. 12,
from the author's equation reference).

The book's conventions (raschka.spec.toml): layers from the input (layer 1), a^{(1)} = [1, x] with the bias unit,
W^{(1)} h x [m+1] and W^{(2)} t x [h+1] with the bias weights in column 0; a batch A^{(1)} n x [m+1] by rows,
Z^{(2)} = W^{(1)} [A^{(1)}]^T and the later arrays by columns; J = -sum_i sum_j [y log a + (1 - y) log(1 - a)] +
lambda/2 sum (non-bias w)^2, a sum over samples. Per-sample claims (delta, dJ/dw) use one sample's cost without the
penalty, as the text says; Delta^{(l)} is the accumulated gradient, then with the penalty. Every derivative is a
central difference; "\\cdot" is elementwise where the text says so. Prints OK when every verdict of MANIFEST.toml
holds.
Run: python oracle_raschka.py   (numpy only)
"""

import numpy as np
from fdcheck import EPS, confirm, grad, same

rng = np.random.default_rng(12)
m, h, t, n, LAM, ETA = 4, 5, 3, 6, 0.1, 0.1
X = rng.normal(size=(n, m))
Y = np.eye(t)[rng.integers(0, t, n)]  # one-hot, one sample per row
W1, W2 = rng.normal(size=(h, m + 1)), rng.normal(size=(t, h + 1))
phi = lambda z: 1 / (1 + np.exp(-z))
A1 = np.hstack([np.ones((n, 1)), X])  # n x [m+1]


def forward(W1=W1, W2=W2, A1=A1, Z2=None, Z3=None):
    Z2 = W1 @ A1.T if Z2 is None else Z2  # h x n
    A2 = np.vstack([np.ones((1, A1.shape[0])), phi(Z2)])  # [h+1] x n with the bias unit
    Z3 = W2 @ A2 if Z3 is None else Z3
    return Z2, A2, Z3, phi(Z3)


def J(lam=LAM, Y=Y, **kw):
    A3 = forward(**kw)[3]
    Yc = Y.T
    data = -np.sum(Yc * np.log(A3) + (1 - Yc) * np.log(1 - A3))
    W1_, W2_ = kw.get("W1", W1), kw.get("W2", W2)
    return float(data + lam / 2 * (np.sum(W1_[:, 1:] ** 2) + np.sum(W2_[:, 1:] ** 2)))


Z2, A2, Z3, A3 = forward()
# one sample (the first), its cost without the penalty
s = 0
a1, y = A1[s], Y[s]
Js = lambda **kw: J(lam=0, Y=Y[s : s + 1], A1=A1[s : s + 1], **kw)
z2, a2b, z3, a3 = (v[:, 0] for v in forward(A1=A1[s : s + 1]))
d3 = grad(lambda v: Js(Z3=v[:, None]), z3)
d2 = grad(lambda v: Js(Z2=v[:, None]), z2)
gW1_s, gW2_s = grad(lambda v: Js(W1=v), W1), grad(lambda v: Js(W2=v), W2)
gW1_data = grad(lambda v: J(lam=0, W1=v), W1)  # accumulated over the n samples
gW1, gW2 = grad(lambda v: J(W1=v), W1), grad(lambda v: J(W2=v), W2)
zs = np.linspace(-3, 3, 7)


def quietly(check):
    with np.errstate(all="ignore"):  # log(1 - a_0) with the bias unit a_0 = 1 is -inf (nan after 0 * -inf), as the typo says
        return check()


dphi = (phi(zs + EPS) - phi(zs - EPS)) / (2 * EPS)
E = np.exp(-zs)
delta2_book = lambda W2T_d3: W2T_d3 * (a2b * (1 - a2b))  # [h+1]: entry 0 (the bias unit) is 0


def accumulate(term):
    """Delta^{(1)} summed over the samples with the given per-sample term(a1, delta2) (h x [m+1])."""
    total = np.zeros_like(W1)
    for k in range(n):
        Jk = lambda **kw: J(lam=0, Y=Y[k : k + 1], A1=A1[k : k + 1], **kw)
        z2k = forward(A1=A1[k : k + 1])[0][:, 0]
        total = total + term(A1[k], grad(lambda v: Jk(Z2=v[:, None]), z2k))
    return total


checks = {
    "line 17": lambda: same(a1, np.concatenate([[1.0], X[s]])),
    "line 48": lambda: same(A2[1:, 0], phi(Z2[:, 0])),
    "line 54": lambda: same(phi(zs), 1 / (1 + np.exp(-zs))),
    "line 60": lambda: same(z2, W1 @ a1),
    "line 64": lambda: same(a2b[1:], phi(z2)),
    "line 72": lambda: same(Z2, W1 @ A1.T),
    "line 78": lambda: same(A2[1:], phi(Z2)),
    "line 90": lambda: same(A3, phi(Z3)) and A3.shape == (t, n),
    # the sum over the outputs written up to m (4 features) where there are t = 3 outputs: z_4 does not exist
    "line 119": lambda: np.isclose(
        J(),
        -sum(Y[i, j] * np.log(phi(Z3[j, i])) + (1 - Y[i, j]) * np.log(1 - phi(Z3[j, i])) for i in range(n) for j in range(m))
        + LAM / 2 * (np.sum(W1[:, 1:] ** 2) + np.sum(W2[:, 1:] ** 2)),
    ),
    # the chain's last side: y_j log(1 - a_j^{(1)}) summed (the input layer's a^{(1)} has m+1 entries, not t)
    "line 112": lambda: quietly(lambda: np.isclose(J(lam=0), -sum(Y[i, j] * np.log(1 - A1[i, j]) for i in range(n) for j in range(t)))),
    "line 127": lambda: same(Z2, W1 @ A1.T),
    "line 135": lambda: same(Z3, W2 @ A2),
    "line 139": lambda: same(A3, phi(Z3)),
    "line 145": lambda: same(d3, a3 - y),
    "line 151": lambda: same(delta2_book(W2.T @ d3)[1:], d2) and np.isclose(delta2_book(W2.T @ d3)[0], 0),
    "line 157": lambda: same((phi(z2 + EPS) - phi(z2 - EPS)) / (2 * EPS), a2b[1:] * (1 - a2b[1:])),
    # phi'(z) = e^{-z}/(1+e^{-z})^2 = (1+e^{-z})/(1+e^{-z})^2 - (...)^2 = 1/(1+e^{-z})^2 - (...)^2 = ...: each link
    "line 166": lambda: all(
        same(dphi, link)
        for link in (
            E / (1 + E) ** 2,
            (1 + E) / (1 + E) ** 2 - (1 / (1 + E)) ** 2,
            1 / (1 + E) ** 2 - (1 / (1 + E)) ** 2,
            phi(zs) - phi(zs) ** 2,
            phi(zs) - (1 - phi(zs)),
            phi(zs) * (1 - phi(zs)),
        )
    ),
    # dJ/dw^{(l)}_{i,j} = a^{(l)}_j delta^{(l+1)}_i for one sample: l = 1 (delta^{(2)} without the bias unit), l = 2
    "line 179": lambda: same(gW1_s, np.outer(d2, a1)) and same(gW2_s, np.outer(d3, a2b)),
    "line 185": lambda: same(gW1_data, accumulate(lambda a, d: np.array([[a[j] * d[i] for j in range(m + 1)] for i in range(h)]))),
    # Delta := Delta delta^{(l+1)} (A^{(l)})^T: h x [m+1] times h x n does not fit
    "line 191": lambda: same(gW1_data, np.zeros_like(W1) @ d2[:, None] @ A1.T),
    # Delta := Delta + lambda (the scalar, except the bias column) is not the penalised gradient
    "line 197": lambda: same(gW1, gW1_data + LAM * np.hstack([np.zeros((h, 1)), np.ones((h, m))])),
    "line 204": lambda: np.isclose(J(W1=W1 - 1e-4 * gW1) - J(), -1e-4 * np.sum(gW1 * gW1), rtol=1e-2),
    # the forward difference approximates the derivative (to O(epsilon))
    "line 212": lambda: np.allclose(
        [[(J(W1=W1 + 1e-5 * np.eye(h * (m + 1))[i * (m + 1) + j].reshape(h, m + 1)) - J()) / 1e-5 for j in range(m + 1)] for i in range(h)],
        gW1,
        rtol=1e-3,
        atol=1e-4,
    ),
}
# line 44 (z_1^{(2)} with the typo w_{l,m}) and line 100 (the momentum rule with the typo w_t-1, whose Delta w has the
# opposite sign to the chapter's w := w + Delta w) are graded `unchecked`: a TA cannot tell what the typos stand for.
planted = {
    "line 60": lambda: same(z2, W1.T @ a1),
    "line 145": lambda: same(d3, y - a3),
    "line 151": lambda: same(delta2_book(W2 @ d3)[1:], d2),  # t x [h+1] times t-vector does not fit
    "line 157": lambda: same((phi(z2 + EPS) - phi(z2 - EPS)) / (2 * EPS), a2b[1:]),
    "line 179": lambda: same(gW2_s, np.outer(d2, a2b)),  # delta^{(2)} (h) for the weights into layer 3 (t rows)
    "line 185": lambda: same(gW1_data, accumulate(lambda a, d: np.array([[a[i] * d[j] for j in range(m + 1)] for i in range(h)]))),
    "line 204": lambda: np.isclose(J(W1=W1 + 1e-4 * gW1) - J(), -1e-4 * np.sum(gW1 * gW1), rtol=1e-2),
}
confirm("raschka.tex", "raschka_planted.tex", checks, planted)
print("OK")
