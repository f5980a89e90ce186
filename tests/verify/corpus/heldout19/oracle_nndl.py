"""Independent NumPy oracle for nndl_chap2.ipynb and its planted copy (a learner's solutions to Nielsen's chapter 2
Problem 1 and Exercises 1-3, in Nielsen's notation z^l = w^l a^{l-1} + b^l, delta^l = dC/dz^l).

A random 3-4-5-2 network (so that Problem 1's product has a middle factor and the layers' sizes differ) with the quadratic
cost C = 1/2 ||a^L - y||^2; every derivative the answers name (delta^l, dC/db, dC/dw, dC/da, db/dz, dz/dw) is computed by
central differences of the forward pass and compared with each claim's expression evaluated as written. Exercise 2's
network has one neuron with f = tanh (in the output layer, then in a hidden layer); Exercise 3's is linear. Prints OK
when every verdict of MANIFEST.toml holds. Run: python oracle_nndl.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid

rng = np.random.default_rng(19)
sizes = [3, 4, 5, 2]
L = len(sizes) - 1
W = {l: rng.normal(size=(sizes[l], sizes[l - 1])) for l in range(1, L + 1)}
B = {l: rng.normal(size=sizes[l]) for l in range(1, L + 1)}
x, y = rng.normal(size=3), rng.uniform(size=2)


def act_of(layer, special=None):
    """The activation of a layer: sigmoid, or sigmoid with neuron `special[1]` of layer `special[0]` using tanh."""
    def act(z):
        a = sigmoid(z)
        if special and special[0] == layer:
            a = a.copy()
            a[special[1]] = np.tanh(z[special[1]])
        return a
    return act


def forward(x, W, B, acts):
    a, zs, as_ = x, {}, {0: x}
    for l in range(1, L + 1):
        zs[l] = W[l] @ a + B[l]
        a = acts[l](zs[l])
        as_[l] = a
    return zs, as_


def cost_from(l, zl, W, B, acts):
    """C as a function of z^l (the layers above it recomputed)."""
    a = acts[l](zl)
    for m in range(l + 1, L + 1):
        a = acts[m](W[m] @ a + B[m])
    return 0.5 * float(np.sum((a - y) ** 2))


def deltas(W, B, acts):
    zs, as_ = forward(x, W, B, acts)
    return zs, as_, {l: grad(lambda v, l=l: cost_from(l, v, W, B, acts), zs[l]) for l in range(1, L + 1)}


plain = {l: act_of(l) for l in range(1, L + 1)}
z, a, d = deltas(W, B, plain)
sp = {l: sigmoid(z[l]) * (1 - sigmoid(z[l])) for l in range(1, L + 1)}     # sigma'(z^l), as the book's formula
assert same(sp[2], grad(lambda v: float(np.sum(sigmoid(v))), z[2]))         # ... which central differences confirm
Sig = {l: np.diag(sp[l]) for l in sp}
grad_aC = grad(lambda v: 0.5 * float(np.sum((v - y) ** 2)), a[L])
dC_db = {l: grad(lambda v, l=l: cost_from(l, W[l] @ a[l - 1] + v, W, B, plain), B[l]) for l in d}
dC_dw = {l: grad(lambda v, l=l: cost_from(l, v @ a[l - 1] + B[l], W, B, plain), W[l]) for l in d}
l = 2                                                                        # a hidden layer with both neighbours
b_of_z = lambda zz: zz - W[l] @ a[l - 1]                                     # noqa: E731  b^l = z^l - w^l a^{l-1}
db_dz = jacobian(b_of_z, z[l])                                               # [k, j] = d b_k / d z_j
dz_dw = np.array([[grad(lambda v, j=j, k=k: float((v @ a[l - 1] + B[l])[j]), W[l])[j, k] for k in range(sizes[l - 1])]
                  for j in range(sizes[l])])                                 # dz_j / dw_jk
hadamard_x, hadamard_y = rng.normal(size=4), rng.normal(size=4)

checks = {
    "Problem1.1": lambda: same(d[L], sp[L] * grad_aC),
    "Problem1.2": lambda: same(d[L], Sig[L] @ grad_aC),
    "Problem1.5": lambda: same(hadamard_x * hadamard_y, np.sum(hadamard_x * hadamard_y))
    and same(np.sum(hadamard_x * hadamard_y), np.diag(hadamard_x) @ hadamard_y),
    "Problem1.6": lambda: all(same(d[m], Sig[m] @ W[m + 1].T @ d[m + 1]) for m in range(1, L)),
    "Problem1.8": lambda: same(d[L], sp[L] * grad_aC),
    "Problem1.9": lambda: same(d[1], Sig[1] @ W[2].T @ Sig[2] @ W[3].T @ Sig[3] @ grad_aC),
    "Exercise1.1": lambda: all(same(dC_db[m], d[m]) for m in d),
    "Exercise1.3": lambda: same(d[l], db_dz.T @ dC_db[l]),
    "Exercise1.5": lambda: same(d[l], dC_db[l] * np.diag(db_dz)),
    "Exercise1.7": lambda: same(B[l], z[l] - W[l] @ a[l - 1]),
    "Exercise1.8": lambda: same(np.diag(db_dz), np.ones(sizes[l])),
    "Exercise1.9": lambda: all(same(dC_db[m], d[m]) for m in d),
    "Exercise1.10": lambda: all(same(dC_dw[m], np.outer(d[m], a[m - 1])) for m in d),
    "Exercise1.11": lambda: same(dC_dw[l], d[l][:, None] * dz_dw),
    "Exercise1.13": lambda: same(dz_dw, np.tile(a[l - 1], (sizes[l], 1))),
    "Exercise1.14": lambda: all(same(dC_dw[m], np.outer(d[m], a[m - 1])) for m in d),
}
planted = {
    "Problem1.6": lambda: all(same(d[m], W[m + 1].T @ Sig[m] @ d[m + 1]) for m in range(1, L)),
    "Exercise1.8": lambda: same(np.diag(db_dz), np.zeros(sizes[l])),
    "Exercise1.13": lambda: same(dz_dw, np.tile(a[l - 1][: sizes[l]], (sizes[l - 1], 1)).T),  # a_j^{l-1}, j of layer l
    "Exercise1.14": lambda: all(same(dC_dw[m], np.outer(d[m], a[m])) for m in d),
}

# -- Exercise 2: neuron i uses a = f(z) = tanh(z); first in the output layer, then in hidden layer 2 -----------------
fprime = lambda v: 1 - np.tanh(v) ** 2                                      # noqa: E731
i = 1
out_acts = {m: act_of(m, (L, i)) for m in range(1, L + 1)}
zo, ao, do = deltas(W, B, out_acts)
dC_da = grad(lambda v: 0.5 * float(np.sum((v - y) ** 2)), ao[L])
others = [j for j in range(sizes[L]) if j != i]
hid_acts = {m: act_of(m, (2, i)) for m in range(1, L + 1)}
zh, ah, dh = deltas(W, B, hid_acts)
rest = [j for j in range(sizes[2]) if j != i]
checks |= {
    "Exercise2.3": lambda: same(do[L][i], dC_da[i] * fprime(zo[L][i])),
    "Exercise2.4": lambda: same(do[L][others], dC_da[others] * sp_of(zo[L])[others]),
    "Exercise2.6": lambda: all(same(d[m], (W[m + 1].T @ d[m + 1]) * sp[m]) for m in range(1, L)),
    "Exercise2.7": lambda: same(dh[2][i], sum(W[3][k, i] * dh[3][k] for k in range(sizes[3])) * fprime(zh[2][i])),
    "Exercise2.8": lambda: same(dh[2][rest], ((W[3].T @ dh[3]) * sp_of(zh[2]))[rest]),
}
planted |= {
    "Exercise2.7": lambda: same(dh[2][i], sum(W[3][i, k] * dh[3][k] for k in range(sizes[3])) * fprime(zh[2][i])),
}


def sp_of(v):
    return sigmoid(v) * (1 - sigmoid(v))


# -- Exercise 3: sigma(z) = z throughout ---------------------------------------------------------------------------
ident = {m: (lambda v: v) for m in range(1, L + 1)}
zl, al, dl = deltas(W, B, ident)
zs = rng.normal(size=5)
slope = np.array([grad(lambda v: float(v[0]), np.array([t]))[0] for t in zs])   # d sigma / dz of sigma(z) = z
grad_aC_lin = grad(lambda v: 0.5 * float(np.sum((v - y) ** 2)), al[L])
checks |= {
    "Exercise3.2": lambda: same(slope, np.ones(5)),
    "Exercise3.3": lambda: all(same(al[m], zl[m]) for m in zl),
    "Exercise3.4": lambda: same(dl[L], grad_aC_lin),
    "Exercise3.5": lambda: all(same(dl[m], W[m + 1].T @ dl[m + 1]) for m in range(1, L)),
}
planted |= {
    "Exercise3.2": lambda: same(slope, zs),
    "Exercise3.5": lambda: all(same(dl[m], W[m + 1] @ dl[m + 1]) for m in range(1, L)),
}

confirm("nndl_chap2.ipynb", "nndl_chap2_planted.ipynb", checks, planted)
print("OK")
