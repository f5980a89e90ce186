"""Independent NumPy oracle for d2l_backprop.toml / d2l_backprop_planted.toml (d2l.ai 5.3, d2l.spec.toml).

The book's one-hidden-layer network with the biases gradproof's layers always have (not penalised):
z = W1 x + b1, h = tanh(z), o = W2 h + b2, L = cross-entropy of softmax(o) with a one-hot label y,
s = lambda/2 (||W1||_F^2 + ||W2||_F^2), J = L + s; d = 3, h = 4, q = 2. Each transcribed display is compared with
central finite differences of J; a claim whose shapes do not fit counts as incorrect. Prints OK.
Run: python oracle_d2l.py   (numpy only)
"""
import numpy as np

rng = np.random.default_rng(3)
d, nh, q = 3, 4, 2
LAM = 0.01
W1, b1 = rng.uniform(-1, 1, (nh, d)), rng.uniform(-1, 1, nh)
W2, b2 = rng.uniform(-1, 1, (q, nh)), rng.uniform(-1, 1, q)
x = rng.normal(size=d)
y = np.eye(q)[1]
phi, dphi = np.tanh, lambda t: 1 - np.tanh(t) ** 2
EPS = 1e-6


def loss_o(o):
    p = np.exp(o - o.max()); p /= p.sum()
    return -np.sum(y * np.log(p))


def s_of(W1, W2):
    return LAM / 2 * (np.sum(W1 ** 2) + np.sum(W2 ** 2))


def J(W1=W1, W2=W2, z=None, h=None, o=None):
    z_ = W1 @ x + b1 if z is None else z
    h_ = phi(z_) if h is None else h
    o_ = W2 @ h_ + b2 if o is None else o
    return loss_o(o_) + s_of(W1, W2)


def fd(f, v):
    g = np.zeros_like(v)
    for idx in np.ndindex(v.shape):
        e = np.zeros_like(v); e[idx] = EPS
        g[idx] = (f(v + e) - f(v - e)) / (2 * EPS)
    return g


z = W1 @ x + b1
h = phi(z)
o = W2 @ h + b2
dJ_do = fd(lambda v: J(o=v), o)
dL_do = fd(loss_o, o)
dJ_dh = fd(lambda v: J(h=v), h)
dJ_dz = fd(lambda v: J(z=v), z)
dJ_dW1 = fd(lambda v: J(W1=v), W1)
dJ_dW2 = fd(lambda v: J(W2=v), W2)
ds_dW1 = fd(lambda v: s_of(v, W2), W1)
ds_dW2 = fd(lambda v: s_of(W1, v), W2)
# J = L + s, so dJ/dL = dJ/ds = 1 (J is the sum of its two terms)
dJ_dL = (J() + EPS - (J() - EPS)) / (2 * EPS)


def same(p, r):
    p, r = np.asarray(p, float), np.asarray(r, float)
    return p.shape == r.shape and np.allclose(p, r, rtol=1e-5, atol=1e-7)


def holds(pairs):
    try:
        return all(same(c(), t()) for c, t in pairs)
    except ValueError:
        return False


claims = {
    "h": [(lambda: phi(z), lambda: h)],
    "eq_forward-s": [(lambda: LAM / 2 * (np.linalg.norm(W1) ** 2 + np.linalg.norm(W2) ** 2), lambda: J() - loss_o(o))],
    "eq_forward-sP": [(lambda: LAM * (np.linalg.norm(W1) ** 2 + np.linalg.norm(W2) ** 2), lambda: J() - loss_o(o))],
    "J": [(lambda: loss_o(o) + s_of(W1, W2), lambda: J())],
    "dJ/dL": [(lambda: 1.0, lambda: dJ_dL)],
    "dJ/do": [(lambda: dL_do, lambda: dJ_do)],
    "ds/dW": [(lambda: LAM * W1, lambda: ds_dW1), (lambda: LAM * W2, lambda: ds_dW2)],
    "ds/dWP": [(lambda: LAM * W1, lambda: ds_dW1), (lambda: LAM / 2 * W2, lambda: ds_dW2)],
    "eq_backprop-J-h": [(lambda: np.outer(dJ_do, h) + LAM * W2, lambda: dJ_dW2)],
    "eq_backprop-J-hP": [(lambda: np.outer(h, dJ_do) + LAM * W2, lambda: dJ_dW2)],
    "dJ/dh": [(lambda: W2.T @ dJ_do, lambda: dJ_dh)],
    "dJ/dhP": [(lambda: W2 @ dJ_do, lambda: dJ_dh)],
    "dJ/dz": [(lambda: dJ_dh * dphi(z), lambda: dJ_dz)],
    "dJ/dzP": [(lambda: dJ_dh * phi(z), lambda: dJ_dz)],
    "dJ/dW1": [(lambda: np.outer(dJ_dz, x) + LAM * W1, lambda: dJ_dW1)],
    "dJ/dW1P": [(lambda: np.outer(dJ_dh, x) + LAM * W1, lambda: dJ_dW1)],
}
for cid, pairs in claims.items():
    want = not cid.endswith("P")
    assert holds(pairs) == want, f"claim {cid}: oracle says {'correct' if holds(pairs) else 'incorrect'}"
print("OK")
