"""Independent NumPy oracle for li_bp.md / li_bp_planted.md (Li Weihua's backpropagation notes).

The notes' conventions (li_bp.spec.toml): z^{l+1} = w^l a^l + b^l, a^l = sigma(z^l), w^l_{jk} from unit k of layer l
to unit j of layer l+1, delta^l = dC/dz^l; here a^1 = x (3 inputs), layers 2 (4 units) and 3 (2 units), sigmoid,
C = 1/2 ||a^3 - y||^2. A claim with a generic l is checked for every l it applies to (delta^l needs z^l: l = 2; the
weights and biases: l = 1, 2), component claims for every index. Every derivative is a central difference of C.
Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_li.py   (numpy only)
"""

import numpy as np
from fdcheck import EPS, confirm, grad, same

rng = np.random.default_rng(21)
sizes = (3, 4, 2)
x, y = rng.normal(size=3), rng.uniform(size=2)
w = {1: rng.normal(size=(4, 3)), 2: rng.normal(size=(2, 4))}
b = {1: rng.normal(size=4), 2: rng.normal(size=2)}
sig = lambda v: 1 / (1 + np.exp(-v))
dsig = lambda v: (sig(v + EPS) - sig(v - EPS)) / (2 * EPS)


def forward(w=w, b=b, z=None, a=None):
    """z[l] for l = 2, 3 and a[l] for l = 1, 2, 3; z or a may fix one layer's value ({l: value})."""
    z_fix, a_fix = z or {}, a or {}
    A, Z = {1: a_fix.get(1, x)}, {}
    for l in (1, 2):
        Z[l + 1] = z_fix.get(l + 1, w[l] @ A[l] + b[l])
        A[l + 1] = a_fix.get(l + 1, sig(Z[l + 1]))
    return Z, A


def C(**kw):
    return float(0.5 * np.sum((forward(**kw)[1][3] - y) ** 2))


Z, A = forward()
delta = {l: grad(lambda v, l=l: C(z={l: v}), Z[l]) for l in (2, 3)}
gA = {l: grad(lambda v, l=l: C(a={l: v}), A[l]) for l in (1, 2)}
gw = {l: grad(lambda v, l=l: C(w={**w, l: v}), w[l]) for l in (1, 2)}
gb = {l: grad(lambda v, l=l: C(b={**b, l: v}), b[l]) for l in (1, 2)}
L = (1, 2)  # the layers w^l, b^l leave
# dz^{l+1}_i / db^l_j and dz^{l+1}_i / dw^l_{jk}, from the forward map of one layer
dz_db = {l: np.array([grad(lambda v, i=i, l=l: float((w[l] @ A[l] + v)[i]), b[l]) for i in range(sizes[l])]) for l in L}
dz_dw = {l: np.array([grad(lambda v, i=i, l=l: float((v @ A[l] + b[l])[i]), w[l]) for i in range(sizes[l])]) for l in L}
dz_da = {l: np.array([grad(lambda v, i=i, l=l: float((w[l] @ v + b[l])[i]), A[l]) for i in range(sizes[l])]) for l in L}
da_dz2 = np.array([grad(lambda v, k=k: float(sig(v)[k]), Z[2]) for k in range(4)])  # [k, j]


def every(check, ls=L):
    return all(check(l) for l in ls)


checks = {
    "explicitform": lambda: (
        every(lambda l: same(Z[l + 1], [sum(w[l][j, k] * A[l][k] for k in range(sizes[l - 1])) + b[l][j] for j in range(sizes[l])]))
        and every(lambda l: same(A[l], sig(Z[l])), (2, 3))
    ),
    "matrixform": lambda: every(lambda l: same(Z[l + 1], w[l] @ A[l] + b[l])) and every(lambda l: same(A[l], sig(Z[l])), (2, 3)),
    "delta-def": lambda: every(lambda l: same(delta[l], grad(lambda v: C(z={l: v}), Z[l])), (2, 3)),
    "db": lambda: every(lambda l: same(gb[l], delta[l + 1])),
    "dw-component": lambda: every(
        lambda l: (
            same(
                gw[l],
                [[sum(delta[l + 1][i] * dz_dw[l][i, j, k] for i in range(sizes[l])) for k in range(sizes[l - 1])] for j in range(sizes[l])],
            )
            and same(gw[l], [[delta[l + 1][j] * A[l][k] for k in range(sizes[l - 1])] for j in range(sizes[l])])
        )
    ),
    "dw": lambda: every(lambda l: same(gw[l], np.outer(delta[l + 1], A[l]))),
    # l = 2 only: z^l exists for l = 2, 3 and delta^{l+1} for l + 1 <= 3
    "delta-component": lambda: (
        same(delta[2], [sum(delta[3][i] * dz_da[2][i, k] * da_dz2[k, j] for i in range(2) for k in range(4)) for j in range(4)])
        and same(delta[2], [sum(delta[3][i] * w[2][i, j] * dsig(Z[2][j]) for i in range(2)) for j in range(4)])
    ),
    "delta": lambda: same(delta[2], (w[2].T @ delta[3]) * dsig(Z[2])),
    "grad-a": lambda: every(lambda l: same(gA[l], w[l].T @ delta[l + 1])),
    "summary": lambda: (
        same(delta[2], (w[2].T @ delta[3]) * dsig(Z[2]))
        and every(lambda l: same(gw[l], np.outer(delta[l + 1], A[l])) and same(gb[l], delta[l + 1]))
    ),
}
# db-component is graded `unchecked`: its middle link is written \frac{\partial C}{z^{l+1}_j} (no partial on z), a typo
# a TA cannot grade as written; its first and last links hold:
assert every(lambda l: same(gb[l], [sum(delta[l + 1][i] * dz_db[l][i, j] for i in range(sizes[l])) for j in range(sizes[l])]))
planted = {
    "dw-component": lambda: every(
        lambda l: same(gw[l], [[delta[l + 1][k] * A[l][j] for k in range(sizes[l - 1])] for j in range(sizes[l])])
    ),
    "dw": lambda: every(lambda l: same(gw[l], np.outer(A[l], delta[l + 1]))),
    "db": lambda: every(lambda l: l in delta and same(gb[l], delta[l])),  # delta^1 does not exist; delta^2 has 4 entries, b^2 2
    "delta-component": lambda: same(delta[2], [sum(delta[3][i] * w[2][j, i] * dsig(Z[2][j]) for i in range(2)) for j in range(4)]),
    "delta": lambda: same(delta[2], (w[2] @ delta[3]) * dsig(Z[2])),
    "summary": lambda: same(delta[2], (w[2].T @ delta[3]) * sig(Z[2])),
}
confirm("li_bp.md", "li_bp_planted.md", checks, planted)
print("OK")
