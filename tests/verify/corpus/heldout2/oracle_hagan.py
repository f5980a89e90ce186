"""Independent NumPy oracle for hagan.toml / hagan_planted.toml (Hagan et al., Neural Network Design, ch. 11).

The book's own convention: F^ = e^T e = (t - a)^T (t - a) (no 1/2), sensitivity s^m = dF^/dn^m, n^m = W^m a^{m-1} + b^m,
a^1 = logsig(n^1), a^2 = purelin(n^2). Every derivative comes from central finite differences of F^, every claim is
NumPy code of what it says (for every layer m its letters stand for), at the worked example's values and at random
weights. Printed three-digit numbers are compared within half a unit of their last digit (or 1 %). A claim whose
shapes do not fit counts as incorrect. Prints OK when every hand verdict holds.
Run: python oracle_hagan.py   (numpy only)
"""

import numpy as np
from fdcheck import EPS, printed, same

ALPHA, M = 0.1, 2
logsig = lambda n: 1 / (1 + np.exp(-n))
f = {1: logsig, 2: lambda n: n}
EXAMPLE = {
    "W": {1: np.array([[-0.27], [-0.41]]), 2: np.array([[0.09, -0.17]])},
    "b": {1: np.array([-0.48, -0.13]), 2: np.array([0.48])},
    "p": np.array([1.0]),
    "t": np.array([1 + np.sin(np.pi / 4)]),
}
rng = np.random.default_rng(11)
RANDOM = {
    "W": {1: rng.normal(size=(2, 1)), 2: rng.normal(size=(1, 2))},
    "b": {1: rng.normal(size=2), 2: rng.normal(size=1)},
    "p": rng.normal(size=1),
    "t": rng.normal(size=1),
}


def forward(P, at=None):
    """a (a[0] = p), n of every layer; at = (m, value) replaces n^m."""
    a, n = {0: P["p"]}, {}
    for m in (1, 2):
        n[m] = P["W"][m] @ a[m - 1] + P["b"][m]
        if at and at[0] == m:
            n[m] = at[1]
        a[m] = f[m](n[m])
    return a, n


def F(P, at=None):
    e = P["t"] - forward(P, at)[0][M]
    return float(e @ e)


def grads(P):
    """s^m = dF/dn^m, dF/dW^m, dF/db^m by central differences."""
    a, n = forward(P)
    s, gW, gb = {}, {}, {}
    for m in (1, 2):
        s[m] = np.array([(F(P, (m, n[m] + q)) - F(P, (m, n[m] - q))) / (2 * EPS) for q in np.eye(len(n[m])) * EPS])
        for key, g in (("W", gW), ("b", gb)):
            g[m] = np.zeros_like(P[key][m])
            for idx in np.ndindex(g[m].shape):
                hi = {k: {l: v.copy() for l, v in P[k].items()} if isinstance(P[k], dict) else P[k] for k in P}
                lo = {k: {l: v.copy() for l, v in P[k].items()} if isinstance(P[k], dict) else P[k] for k in P}
                hi[key][m][idx] += EPS
                lo[key][m][idx] -= EPS
                g[m][idx] = (F(hi) - F(lo)) / (2 * EPS)
    return a, n, s, gW, gb


def dfdn(m, n):
    return (f[m](n + EPS) - f[m](n - EPS)) / (2 * EPS)


def jac(P, m):
    """d n^{m+1} / d n^m by central differences (S^{m+1} x S^m)."""
    a, n = forward(P)
    cols = []
    for q in np.eye(len(n[m])) * EPS:
        cols.append((forward(P, (m, n[m] + q))[1][m + 1] - forward(P, (m, n[m] - q))[1][m + 1]) / (2 * EPS))
    return np.array(cols).T


def dn_dw(P, m):
    """dn_i^m / dw_ij^m by central differences (the entry of n^m that w_ij feeds)."""
    out = np.zeros_like(P["W"][m])
    for i, j in np.ndindex(out.shape):
        e = np.zeros_like(P["W"][m])
        e[i, j] = EPS
        out[i, j] = (((P["W"][m] + e) @ forward(P)[0][m - 1])[i] - ((P["W"][m] - e) @ forward(P)[0][m - 1])[i]) / (2 * EPS)
    return out


def symbolic(rule):
    """a rule checked at both parameter sets; shape errors mean incorrect."""
    try:
        return all(rule(P, *grads(P)) for P in (EXAMPLE, RANDOM))
    except (ValueError, IndexError):
        return False


D = lambda m, n: np.diag(dfdn(m, n[m]))  # F'^m(n^m), the diagonal matrix of derivatives
every = lambda cond: all(cond(m) for m in (1, 2))
claims = {
    "forward": lambda P, a, n, s, gW, gb: all(same(a[m + 1], f[m + 1](P["W"][m + 1] @ a[m] + P["b"][m + 1])) for m in (0, 1)),
    "input": lambda P, a, n, s, gW, gb: same(a[0], P["p"]),
    "perf-index": lambda P, a, n, s, gW, gb: np.isclose(F(P), (P["t"] - a[M]) @ (P["t"] - a[M])),
    "sd-weight": lambda P, a, n, s, gW, gb: True,  # the steepest-descent rules themselves, with the book's F^
    "sd-bias": lambda P, a, n, s, gW, gb: True,
    "chain-weight": lambda P, a, n, s, gW, gb: every(lambda m: same(gW[m], s[m][:, None] * dn_dw(P, m))),
    "net-input": lambda P, a, n, s, gW, gb: every(
        lambda m: same(n[m], [sum(P["W"][m][i, j] * a[m - 1][j] for j in range(len(a[m - 1]))) + P["b"][m][i] for i in range(len(n[m]))])
    ),
    "dn-dw": lambda P, a, n, s, gW, gb: every(
        lambda m: same(gW[m], np.outer(s[m], a[m - 1]))
    ),  # chain-weight: dF/dw = s_i dn_i/dw_ij, dn_i/dw_ij = a_j
    "dn-db": lambda P, a, n, s, gW, gb: every(lambda m: same(gb[m], s[m] * 1)),
    "grad-weight": lambda P, a, n, s, gW, gb: every(lambda m: same(gW[m], np.outer(s[m], a[m - 1]))),
    "grad-weightP": lambda P, a, n, s, gW, gb: every(lambda m: same(gW[m], np.outer(s[m], a[m]))),
    "grad-bias": lambda P, a, n, s, gW, gb: every(lambda m: same(gb[m], s[m])),
    "update-W": lambda P, a, n, s, gW, gb: every(
        lambda m: same(P["W"][m] - ALPHA * s[m][:, None] @ a[m - 1][None, :], P["W"][m] - ALPHA * gW[m])
    ),
    "update-WP": lambda P, a, n, s, gW, gb: every(
        lambda m: same(P["W"][m] - ALPHA * s[m][:, None] @ a[m - 1][:, None], P["W"][m] - ALPHA * gW[m])
    ),
    "update-b": lambda P, a, n, s, gW, gb: every(lambda m: same(P["b"][m] - ALPHA * s[m], P["b"][m] - ALPHA * gb[m])),
    "jacobian": lambda P, a, n, s, gW, gb: same(jac(P, 1), P["W"][2] @ D(1, n)),
    "s-recurrence": lambda P, a, n, s, gW, gb: same(s[1], jac(P, 1).T @ s[2]) and same(s[1], D(1, n) @ P["W"][2].T @ s[2]),
    "s-recurrenceP": lambda P, a, n, s, gW, gb: same(s[1], D(1, n) @ P["W"][2] @ s[2]),
    "s-last-component": lambda P, a, n, s, gW, gb: same(s[M], [-2 * (P["t"][i] - a[M][i]) * dfdn(M, n[M])[i] for i in range(len(a[M]))]),
    "s-last": lambda P, a, n, s, gW, gb: same(s[M], -2 * D(M, n) @ (P["t"] - a[M])),
    "s-lastP": lambda P, a, n, s, gW, gb: same(s[M], 2 * D(M, n) @ (P["t"] - a[M])),
    "logsig-derivative": lambda P, a, n, s, gW, gb: (
        same(dfdn(1, n[1]), np.exp(-n[1]) / (1 + np.exp(-n[1])) ** 2) and same(dfdn(1, n[1]), (1 - a[1]) * a[1])
    ),
    "logsig-derivativeP": lambda P, a, n, s, gW, gb: same(dfdn(1, n[1]), (1 + a[1]) * a[1]),
    "purelin-derivative": lambda P, a, n, s, gW, gb: same(dfdn(2, n[2]), np.ones_like(n[2])),
}
for cid, rule in claims.items():
    want = not cid.endswith("P")
    assert symbolic(rule) == want, f"claim {cid}: oracle says {'correct' if not want else 'incorrect'}"

# the worked example, at the book's values, against the book's printed three-digit numbers
a, n, s, gW, gb = grads(EXAMPLE)
W, b = EXAMPLE["W"], EXAMPLE["b"]
W1_next, b1_next, W2_next, b2_next = W[1] - ALPHA * gW[1], b[1] - ALPHA * gb[1], W[2] - ALPHA * gW[2], b[2] - ALPHA * gb[2]
example = {
    "ex-a1": printed(n[1], "-0.75 -0.54") and printed(a[1], "0.321 0.368") and same(a[1], [1 / (1 + np.exp(0.75)), 1 / (1 + np.exp(0.54))]),
    "ex-a2": printed(a[2], "0.446") and printed(W[2] @ [0.321, 0.368] + b[2], "0.446"),
    "ex-a2P": printed(a[2], "-0.0337"),
    "ex-e": printed(EXAMPLE["t"] - a[2], "1.261") and printed(1 + np.sin(np.pi / 4) - 0.446, "1.261"),
    "ex-s2": printed(s[2], "-2.522") and printed(-2 * 1 * 1.261, "-2.522"),
    "ex-s1": printed(s[1], "-0.0495 0.0997")
    and printed([(1 - 0.321) * 0.321, (1 - 0.368) * 0.368], "0.218 0.233")
    and printed(np.array([0.09, -0.17]) * -2.522, "-0.227 0.429"),
    "ex-s1P": printed(s[1], "-0.227 0.429"),
    "ex-W2": printed(W2_next, "0.171 -0.0772") and printed(np.array([0.09, -0.17]) + 0.2522 * np.array([0.321, 0.368]), "0.171 -0.0772"),
    "ex-b2": printed(b2_next, "0.732"),
    "ex-b2P": printed(b2_next, "0.228"),
    "ex-W1": printed(W1_next, "-0.265 -0.420"),
    "ex-b1": printed(b1_next, "-0.475 -0.140"),
}
for cid, ok in example.items():
    assert ok == (not cid.endswith("P")), f"claim {cid}: oracle disagrees with the hand verdict"
# planted ex-W1: wrong against the true gradient, right with the answer's own (planted, wrong) s^1 = [-0.227, 0.429]
own = W[1][:, 0] - ALPHA * np.array([-0.227, 0.429])
assert not printed(W1_next, "-0.2473 -0.4529") and printed(own, "-0.2473 -0.4529"), "ex-W1 planted: not carried forward"
print("OK")
