"""Independent NumPy oracle for vikram-niit's two notes (vikram_backprop_reference.md: the hidden layer's error
through W₂ᵀ, plain text; vikram_backprop_readme.md: the layer-wise formulas in HTML-tagged plain text) and their
planted copies.

Reference note: a net with hidden h1, h2 (sigmoid) and outputs o1, o2, W₂[i, j] = w_ij from hidden i to output j
(z_o = a_h W₂ + c, a row), the squared error; every dL/dz, dL/da_h, dL/dw_ij by central differences of L, each line's
right-hand side evaluated as written. README: z = W a + b in columns over a batch of m samples, L = 1/(2m) sum (y -
yhat)^2, sigmoid f; the per-sample deltas, dL/dW, dL/db by central differences; the single-neuron example y = f(Wx + b),
L = 1/2 (y_true - y)^2 likewise; the updates checked as descent steps. A check holds exactly when MANIFEST.toml's
verdict is correct. Run: python oracle_vikram.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2508)

# ---- the reference note: 2 hidden -> 2 outputs, W2[i, j] from hidden i to output j
x = rng.normal(size=2)
W1, b1 = rng.normal(size=(2, 2)), rng.normal(size=2)
W2, b2 = rng.normal(size=(2, 2)), rng.normal(size=2)
t = rng.uniform(size=2)


def L_from_zo(zo):
    return 0.5 * float(np.sum((sigmoid(zo) - t) ** 2))


z1 = x @ W1 + b1
a1 = sigmoid(z1)
zo = a1 @ W2 + b2
d_o = grad(L_from_zo, zo)                                            # δ_o1, δ_o2 = dL/dz_o
d_ah = grad(lambda a: L_from_zo(a @ W2 + b2), a1)                    # dL/da_h
d_h = grad(lambda z: L_from_zo(sigmoid(z) @ W2 + b2), z1)            # δ_h = dL/dz_h
dW2 = grad(lambda w: L_from_zo(a1 @ w + b2), W2)                     # dL/dw_ij
s1 = sigmoid(z1) * (1 - sigmoid(z1))                                 # σ′(z_h)
(w11, w12), (w21, w22) = W2
eta = 1e-3

ref_checks = {
    "line 35": lambda: np.isclose(d_ah[0], d_o[0] * w11 + d_o[1] * w12),
    "line 36": lambda: np.isclose(d_ah[1], d_o[0] * w21 + d_o[1] * w22),
    "line 52": lambda: np.isclose(d_h[0], (d_o[0] * w11 + d_o[1] * w12) * s1[0]),
    "line 53": lambda: np.isclose(d_h[1], (d_o[0] * w21 + d_o[1] * w22) * s1[1]),
    "line 58": lambda: same(d_h, (d_o @ W2.T) * s1),
    "line 69": lambda: same(d_o @ W2.T, np.array([d_o[0] * w11 + d_o[1] * w12, d_o[0] * w21 + d_o[1] * w22])),
    "line 75": lambda: same(d_h, (d_o @ W2.T) * s1),
    "line 98": lambda: same(dW2, np.array([[a1[i] * d_o[j] for j in range(2)] for i in range(2)])),
    "line 111": lambda: L_from_zo(a1 @ (W2 - eta * dW2) + b2) < L_from_zo(zo),
}
ref_planted = {
    "line 35": lambda: np.isclose(d_ah[0], d_o[0] * w11 + d_o[1] * w21),
    "line 53": lambda: np.isclose(d_h[1], (d_o[0] * w21 + d_o[1] * w22) * s1[0]),
    "line 98": lambda: same(dW2, np.array([[a1[j] * d_o[j] for j in range(2)] for i in range(2)])),
}
confirm("vikram_backprop_reference.md", "vikram_backprop_reference_planted.md", ref_checks, ref_planted)

# ---- the README: z = W a + b in columns, a batch of m samples, L = 1/(2m) sum (y - yhat)^2
m = 5
X = rng.normal(size=(3, m))
Y = rng.uniform(size=(2, m))
Wa, ba = rng.normal(size=(4, 3)), rng.normal(size=(4, 1))
Wb, bb = rng.normal(size=(2, 4)), rng.normal(size=(2, 1))


def loss(Wa=Wa, ba=ba, Wb=Wb, bb=bb):
    yhat = sigmoid(Wb @ sigmoid(Wa @ X + ba) + bb)
    return float(np.sum((Y - yhat) ** 2)) / (2 * m)


Za = Wa @ X + ba
Aa = sigmoid(Za)
Zb = Wb @ Aa + bb
Yhat = sigmoid(Zb)
fp = lambda z: sigmoid(z) * (1 - sigmoid(z))                         # noqa: E731  f′ of the sigmoid
# per-sample deltas: dl_i/dz of l_i = 1/2 ||y_i - yhat_i||^2
dLb = np.stack([grad(lambda z, i=i: 0.5 * float(np.sum((Y[:, i] - sigmoid(z)) ** 2)), Zb[:, i]) for i in range(m)], axis=1)
dLa = np.stack([grad(lambda z, i=i: 0.5 * float(np.sum((Y[:, i] - sigmoid(Wb @ sigmoid(z) + bb[:, 0])) ** 2)), Za[:, i])
                for i in range(m)], axis=1)
dWa, dba = grad(lambda w: loss(Wa=w), Wa), grad(lambda v: loss(ba=v), ba)
dWb, dbb = grad(lambda w: loss(Wb=w), Wb), grad(lambda v: loss(bb=v), bb)

# the single neuron: y = f(W x + b), L = 1/2 (y_true - y)^2
xs, Ws, bs, yt = rng.normal(size=3), rng.normal(size=(1, 3)), float(rng.normal()), float(rng.uniform())


def l1(W=Ws, b=bs):
    return 0.5 * float((yt - sigmoid(W @ xs + b)[0]) ** 2)


zs = float((Ws @ xs)[0] + bs)
ys = float(sigmoid(zs))
dWs = grad(lambda w: l1(W=w), Ws)
dbs = float(grad(lambda v: l1(b=float(v[0])), np.array([bs]))[0])

readme_checks = {
    "line 36": lambda: same(dLb, (Yhat - Y) * fp(Zb)),
    "line 37": lambda: same(dLa, (Wb.T @ dLb) * fp(Za)),
    "line 43": lambda: same(dWb, dLb @ Aa.T / m) and same(dWa, dLa @ X.T / m),
    "line 44": lambda: same(dbb, dLb.sum(axis=1, keepdims=True) / m) and same(dba, dLa.sum(axis=1, keepdims=True) / m),
    "line 50": lambda: loss(Wa=Wa - 1e-3 * dWa, Wb=Wb - 1e-3 * dWb) < loss(),
    "line 51": lambda: loss(ba=ba - 1e-3 * dba, bb=bb - 1e-3 * dbb) < loss(),
    "line 68": lambda: same(dWs, (ys - yt) * fp(zs) * xs[None, :]),
    "line 69": lambda: l1(W=Ws - 1e-3 * dWs) < l1(),
    "line 70": lambda: np.isclose(dbs, (ys - yt) * fp(zs)) and l1(b=bs - 1e-3 * (ys - yt) * fp(zs)) < l1(),
}
readme_planted = {
    "line 37": lambda: same(dLa, (Wb @ dLb) * fp(Za)),
    "line 43": lambda: same(dWb, dLb @ Aa.T) and same(dWa, dLa @ X.T),
    "line 68": lambda: same(dWs, (ys - yt) * sigmoid(zs) * xs[None, :]),
    "line 70": lambda: l1(b=bs + 1e-3 * (ys - yt) * fp(zs)) < l1(),
}
confirm("vikram_backprop_readme.md", "vikram_backprop_readme_planted.md", readme_checks, readme_planted)
print("OK")
