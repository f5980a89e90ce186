"""Independent NumPy oracle for udl_deep.toml / udl_deep_planted.toml (Prince, Understanding Deep Learning, chapter 7:
the deep network's forward and backward pass in beta_k, Omega_k, f_k, h_k).

The book's conventions (udl_deep.spec.toml): f_0 = beta_0 + Omega_0 x, h_k = ReLU(f_{k-1}), f_k = beta_k + Omega_k h_k
(k = 1..3), l_i = sum (f_3 - y_i)^2; derivatives in the denominator layout: D(u -> v)[a, b] = d v_b / d u_a (the
transpose of the Jacobian), d l / d f_k a column. Every derivative is a central difference; claims in k are checked for
every k they name. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_udl_deep.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same

rng = np.random.default_rng(64)
K, sizes = 3, [2, 3, 3, 3, 2]
Om = {k: rng.normal(size=(sizes[k + 1], sizes[k])) for k in range(K + 1)}
be = {k: rng.normal(size=sizes[k + 1]) for k in range(K + 1)}
X = rng.normal(size=(4, 2))  # a batch of four pairs
Y = rng.normal(size=(4, 2))
x, y = X[0], Y[0]
alpha = 0.1
relu = lambda v: np.maximum(v, 0)  # noqa: E731
col = lambda v: np.asarray(v).reshape(-1, 1)  # noqa: E731
D = lambda f, at: jacobian(f, at).T  # noqa: E731  (the book's layout)


def forward(Omd=Om, bed=be, xi=x):
    f, h = {}, {0: xi}
    f[0] = bed[0] + Omd[0] @ xi
    for k in range(1, K + 1):
        h[k] = relu(f[k - 1])
        f[k] = bed[k] + Omd[k] @ h[k]
    return f, h


def ell(Omd=Om, bed=be, xi=x, yi=y):
    return float(np.sum((forward(Omd, bed, xi)[0][K] - yi) ** 2))


f, h = forward()
assert np.all(np.abs(np.concatenate([f[k] for k in range(K)])) > 1e-3)  # away from the ReLU's kink


def from_f(k):
    """l_i as a function of f_k."""

    def g(v):
        for m in range(k + 1, K + 1):
            v = be[m] + Om[m] @ relu(v)
        return float(np.sum((v - y) ** 2))

    return g


dl = {k: grad(from_f(k), f[k]) for k in range(K + 1)}
gOm = {k: grad(lambda v, k=k: ell({**Om, k: v}), Om[k]) for k in Om}
gbe = {k: grad(lambda v, k=k: ell(bed={**be, k: v}), be[k]) for k in be}
Dhf = {k: D(relu, f[k - 1]) for k in range(1, K + 1)}  # D(f_{k-1} -> h_k)
Dfh = {k: D(lambda v, k=k: be[k] + Om[k] @ v, h[k]) for k in range(1, K + 1)}  # D(h_k -> f_k)
L_batch = lambda Om0: sum(ell({**Om, 0: Om0}, be, xi, yi) for xi, yi in zip(X, Y, strict=True))  # noqa: E731
sgd_step = lambda s=-1: (
    Om[0] + s * alpha * sum(grad(lambda v, xi=xi, yi=yi: ell({**Om, 0: v}, be, xi, yi), Om[0]) for xi, yi in zip(X, Y, strict=True))
)  # noqa: E731
checks = {
    "7.1a": lambda: same(h[1], relu(be[0] + Om[0] @ x)),
    "7.1b": lambda: same(h[2], relu(be[1] + Om[1] @ h[1])),
    "7.1c": lambda: same(h[3], relu(be[2] + Om[2] @ h[2])),
    "7.1d": lambda: same(forward()[0][K], be[3] + Om[3] @ h[3]),
    "7.2": lambda: np.isclose(L_batch(Om[0]), float(np.sum((np.array([forward(xi=xi)[0][K] for xi in X]) - Y) ** 2))),
    "7.3": lambda: same(sgd_step(), Om[0] - alpha * grad(L_batch, Om[0])),
    "7.17a": lambda: same(f[0], be[0] + Om[0] @ x),
    "7.17b": lambda: same(h[1], relu(f[0])),
    "7.17c": lambda: same(f[1], be[1] + Om[1] @ h[1]),
    "7.17d": lambda: same(h[2], relu(f[1])),
    "7.17e": lambda: same(f[2], be[2] + Om[2] @ h[2]),
    "7.17f": lambda: same(h[3], relu(f[2])),
    "7.17g": lambda: same(f[3], be[3] + Om[3] @ h[3]),
    "7.17h": lambda: np.isclose(ell(), from_f(K)(f[K])),
    "7.18": lambda: same(dl[2], Dhf[3] @ Dfh[3] @ dl[3]),
    "7.19": lambda: same(dl[1], Dhf[2] @ Dfh[2] @ (Dhf[3] @ Dfh[3] @ dl[3])),
    "7.20": lambda: same(dl[0], Dhf[1] @ Dfh[1] @ (Dhf[2] @ Dfh[2] @ Dhf[3] @ Dfh[3] @ dl[3])),
    "7.21": lambda: same(Dfh[3], Om[3].T),
    "7.22": lambda: all(
        same(gbe[k], D(lambda v, k=k: v + Om[k] @ (h[k] if k else x), be[k]) @ dl[k]) and same(gbe[k], dl[k]) for k in range(K + 1)
    ),
    "7.23": lambda: all(same(gOm[k], col(dl[k]) @ col(h[k] if k else x).T) for k in range(K + 1)),
    "7.24a": lambda: same(f[0], be[0] + Om[0] @ x),
    "7.24b": lambda: all(same(h[k], relu(f[k - 1])) for k in range(1, K + 1)),
    "7.24c": lambda: all(same(f[k], be[k] + Om[k] @ h[k]) for k in range(1, K + 1)),
    "7.25a": lambda: all(same(gbe[k], dl[k]) for k in range(K, 0, -1)),
    "7.25b": lambda: all(same(gOm[k], col(dl[k]) @ col(h[k]).T) for k in range(K, 0, -1)),
    "7.25c": lambda: all(same(dl[k - 1], (f[k - 1] > 0) * (Om[k].T @ dl[k])) for k in range(K, 0, -1)),
    "7.26a": lambda: same(gbe[0], dl[0]),
    "7.26b": lambda: same(gOm[0], col(dl[0]) @ col(x).T),
    "7.27": lambda: all(same(f[k], be[k] + Om[k] @ h[k]) and same(f[k], be[k] + Om[k] @ relu(f[k - 1])) for k in range(1, K + 1)),
    "problem-dz-dh": lambda: same(D(lambda v: be[2] + Om[2] @ v, h[2]), Om[2].T),
    "problem-dl-dOmega": lambda: same(gOm[2], col(dl[2]) @ col(h[2]).T),
}
planted = {
    "7.1b": lambda: same(h[2], relu(be[1] + Om[2] @ h[1])),
    "7.3": lambda: same(sgd_step(+1), Om[0] - alpha * grad(L_batch, Om[0])),
    "7.17b": lambda: same(h[1], relu(f[1])),
    "7.18": lambda: same(dl[2], Dfh[3] @ Dhf[3] @ dl[3]),
    "7.21": lambda: same(Dfh[3], Om[3]),
    "7.23": lambda: all(same(gOm[k], col(dl[k]) @ col(h[k] if k else x)) for k in range(K + 1)),
    "7.24b": lambda: all(same(h[k], relu(f[k])) for k in range(1, K + 1)),
    "7.25c": lambda: all(same(dl[k - 1], (f[k] > 0) * (Om[k].T @ dl[k])) for k in range(K, 0, -1)),
    "7.26b": lambda: same(gOm[0], col(dl[0]) @ col(x)),
    "problem-dz-dh": lambda: same(D(lambda v: be[2] + Om[2] @ v, h[2]), Om[2]),
}
confirm("udl_deep.toml", "udl_deep_planted.toml", checks, planted)
print("OK")
