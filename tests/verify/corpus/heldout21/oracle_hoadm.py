"""Independent NumPy oracle for Hoa Dinh's four lab handouts (hoadm_backprop, hoadm_softmax, hoadm_regularization,
hoadm_multilayer) and their planted copies.

Each claim is evaluated as written and compared with central differences of the handout's own objective: a linear
unit y = w x + b with L = 1/2 (y - y-hat)^2 (y-hat the TARGET) and its batch mean over m rows (X m x n, W n x d);
softmax with the cross-entropy and the binary sigmoid/BCE case; J = L + lambda ||W||^2 (no 1/2) or L + lambda ||W||_1
for a nonlinear data loss L, and one SGD step on J; an L-layer net in row layout (z = h W + b, tanh hidden layers, a
sigmoid output, the summed BCE) with delta^(l) = dL/dz^(l) and f' by central differences. A product of
non-conforming shapes does not hold (the layer sizes all differ). Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_hoadm.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2103)


def links(*vals):
    return all(same(vals[0], v) for v in vals[1:])


# --- hoadm_backprop: a linear unit, y the prediction, y-hat (t) the target
x, w, b, t = rng.normal(size=4)
y = w * x + b


def L1(ww=w, bb=b, yy=None):
    yy = ww * x + bb if yy is None else yy
    return 0.5 * (yy - t) ** 2


dLdy = grad(lambda v: L1(yy=v[0]), np.array([y]))[0]
dLdw = grad(lambda v: L1(ww=v[0]), np.array([w]))[0]
dLdb = grad(lambda v: L1(bb=v[0]), np.array([b]))[0]
dydw, dydb = x, 1.0
m, n, d = 6, 3, 2
X, W, bv, T = rng.normal(size=(m, n)), rng.normal(size=(n, d)), rng.normal(size=d), rng.normal(size=(m, d))


def Lbatch(WW=W, bb=bv):
    return float(np.mean(0.5 * np.sum((X @ WW + bb - T) ** 2, axis=1)))


Yp = X @ W + bv
dLdW, dLdbv = grad(lambda v: Lbatch(WW=v), W), grad(lambda v: Lbatch(bb=v), bv)
confirm(
    "hoadm_backprop.md",
    "hoadm_backprop_planted.md",
    {
        "line 39": lambda: same(dLdy, y - t),
        "line 42": lambda: links(dLdw, dLdy * dydw, (y - t) * x),
        "line 45": lambda: links(dLdb, dLdy * dydb, (y - t) * 1, y - t),
        "line 52": lambda: same(dLdW, 1 / m * X.T @ (Yp - T)),
        "line 55": lambda: same(dLdbv, 1 / m * np.sum(Yp - T, axis=0)),
    },
    {
        "line 42": lambda: links(dLdw, dLdy * dydw, (t - y) * x),
        "line 52": lambda: same(dLdW, 1 / m * (Yp - T) @ X.T),
        "line 55": lambda: same(dLdbv, np.sum(Yp - T, axis=0)),
    },
)

# --- hoadm_softmax: softmax + cross-entropy, and the binary sigmoid + BCE case


def softmax(v):
    e = np.exp(v - v.max())
    return e / e.sum()


K = 4
z, yk = rng.normal(size=K), np.eye(K)[2]
p = softmax(z)
dLdz = grad(lambda v: float(-np.sum(yk * np.log(softmax(v)))), z)
zb, yb = rng.normal(), 1.0
pb = sigmoid(zb)
dLdzb = grad(lambda v: float(-(yb * np.log(sigmoid(v[0])) + (1 - yb) * np.log(1 - sigmoid(v[0])))), np.array([zb]))[0]
confirm(
    "hoadm_softmax.md",
    "hoadm_softmax_planted.md",
    {
        "line 14": lambda: same(dLdz, p - yk),
        "line 28": lambda: same(dLdzb, pb - yb),
        "line 34": lambda: same(dLdz, p - yk),
    },
    {
        "line 14": lambda: same(dLdz, yk - p),
        "line 28": lambda: same(dLdzb, pb * (1 - pb) * (pb - yb)),
    },
)

# --- hoadm_regularization: J = L + lambda ||W||^2 (no 1/2) and J = L + lambda ||W||_1
lam, eta = 0.05, 0.1
Xr, Wr, cr = rng.normal(size=(5, 3)), rng.normal(size=(3, 2)), rng.normal(size=(5, 2))


def Ldata(WW):
    return float(np.sum(cr * np.tanh(Xr @ WW)))


gL = grad(Ldata, Wr)
gJ2 = grad(lambda v: Ldata(v) + lam * np.sum(v**2), Wr)
gJ1 = grad(lambda v: Ldata(v) + lam * np.sum(np.abs(v)), Wr)
sgd_step = Wr - eta * gJ2  # one SGD step on J = L + lambda ||W||^2
confirm(
    "hoadm_regularization.md",
    "hoadm_regularization_planted.md",
    {
        "line 18": lambda: same(gJ2, gL + 2 * lam * Wr),
        "line 19": lambda: same(gJ1, gL + lam * np.sign(Wr)),
        "line 22": lambda: same(sgd_step, (1 - eta * lam) * Wr - eta * gL),
    },
    {
        "line 18": lambda: same(gJ2, gL + lam * Wr),
        "line 19": lambda: same(gJ1, gL + lam * Wr),
    },
)

# --- hoadm_multilayer: row layout z^(l) = h^(l-1) W^(l) + b^(l), tanh hidden layers, a sigmoid output
B, sizes = 6, [5, 4, 3, 2]
H0 = rng.normal(size=(B, sizes[0]))
Ws = [rng.normal(size=(sizes[i], sizes[i + 1])) for i in range(3)]
bs = [rng.normal(size=sizes[i + 1]) for i in range(3)]
Yt = rng.integers(0, 2, size=(B, sizes[3])).astype(float)
acts = [np.tanh, np.tanh, sigmoid]


def loss_of_h(hL):
    return float(-np.sum(Yt * np.log(hL) + (1 - Yt) * np.log(1 - hL)))


def from_z(layer, zz):
    """the loss as a function of z^(layer) (1-based), the rest of the forward pass after it."""
    h = acts[layer - 1](zz)
    for k in range(layer, 3):
        h = acts[k](h @ Ws[k] + bs[k])
    return loss_of_h(h)


Hs, Zs = [H0], []
for k in range(3):
    Zs.append(Hs[-1] @ Ws[k] + bs[k])
    Hs.append(acts[k](Zs[-1]))
deltas = [grad(lambda v, k=k: from_z(k + 1, v), Zs[k]) for k in range(3)]
dLdh3 = grad(loss_of_h, Hs[3])
fprime = [grad(lambda v, k=k: float(np.sum(acts[k](v))), Zs[k]) for k in range(3)]  # elementwise f'(z)


def dW(k):
    return grad(lambda v: loss_of_h(_forward_with(k, v)), Ws[k])


def _forward_with(k, Wk):
    h = H0
    for j in range(3):
        h = acts[j](h @ (Wk if j == k else Ws[j]) + bs[j])
    return h


dWs = [dW(k) for k in range(3)]
confirm(
    "hoadm_multilayer.md",
    "hoadm_multilayer_planted.md",
    {
        "line 23": lambda: same(deltas[2], dLdh3 * fprime[2]),
        "line 25": lambda: all(same(deltas[k], (deltas[k + 1] @ Ws[k + 1].T) * fprime[k]) for k in range(2)),
        "line 28": lambda: all(same(dWs[k], Hs[k].T @ deltas[k]) for k in range(3)),
    },
    {
        "line 25": lambda: all(same(deltas[k], (deltas[k + 1] @ Ws[k + 1]) * fprime[k]) for k in range(2)),
        "line 28": lambda: all(same(dWs[k], deltas[k] @ Hs[k].T) for k in range(3)),
    },
)
print("OK")
