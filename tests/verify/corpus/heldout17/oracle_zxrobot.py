"""Independent NumPy oracle for zxrobot_lenet.md / zxrobot_lenet_planted.md (a student's Chinese notes: the backward
pass of a dense layer and of a convolution layer).

Dense part: a random 4-3-2 sigmoid network in the notes' column convention (z = W a + b), C = 1/2 ||a^L - y||^2,
every derivative by central differences. Convolution part: the notes' own example, a^l = sigmoid(z^l) a 3x3 map, a 2x2
kernel, stride 1, z^{l+1} the valid CROSS-CORRELATION, C a fixed smooth function of z^{l+1}; delta_ij = dC/dz_ij,
nabla a_ij = dC/da_ij and dC/dW_pq by central differences, compared with each written component.
Prints OK when every verdict of MANIFEST.toml holds. Run: python oracle_zxrobot.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid

rng = np.random.default_rng(17)
x, y = rng.normal(size=4), rng.uniform(size=2)
W1, b1, W2, b2 = rng.normal(size=(3, 4)), rng.normal(size=3), rng.normal(size=(2, 3)), rng.normal(size=2)
shapes = [(3, 4), (3,), (2, 3), (2,)]


def unpack(p):
    out, i = [], 0
    for s in shapes:
        n = int(np.prod(s))
        out.append(p[i:i + n].reshape(s))
        i += n
    return out


def cost(p, xs=x, ys=y):
    w1, c1, w2, c2 = unpack(p)
    return float(0.5 * np.sum((sigmoid(w2 @ sigmoid(w1 @ xs + c1) + c2) - ys) ** 2))


P = np.concatenate([W1.ravel(), b1, W2.ravel(), b2])
gW1, gb1, gW2, gb2 = unpack(grad(cost, P))
z1 = W1 @ x + b1
a1 = sigmoid(z1)
z2 = W2 @ a1 + b2
a2 = sigmoid(z2)
d2 = grad(lambda v: float(0.5 * np.sum((sigmoid(v) - y) ** 2)), z2)
d1 = grad(lambda v: float(0.5 * np.sum((sigmoid(W2 @ sigmoid(v) + b2) - y) ** 2)), z1)
J21 = jacobian(lambda v: W2 @ sigmoid(v) + b2, z1)  # dz^{l+1}/dz^l, [i, j] = dz2_i / dz1_j
xs, ys = rng.normal(size=(5, 4)), rng.uniform(size=(5, 2))
batch = lambda p: float(np.mean([cost(p, xs[k], ys[k]) for k in range(5)]))  # noqa: E731
g_mean = grad(batch, P)
g_each = [grad(lambda p, k=k: cost(p, xs[k], ys[k]), P) for k in range(5)]

# the convolution example
alm1, K0 = rng.normal(size=(4, 4)), rng.normal(size=(2, 2))  # the layer before: z^l = a^{l-1} * W^l
K = rng.normal(size=(2, 2))
cw, cd = rng.normal(size=(2, 2)), rng.normal(size=(2, 2))


def xcorr(a, k):
    return np.array([[np.sum(a[i:i + k.shape[0], j:j + k.shape[1]] * k) for j in range(a.shape[1] - k.shape[1] + 1)]
                     for i in range(a.shape[0] - k.shape[0] + 1)])


def C_of_z(z):
    return float(np.sum(0.5 * cw * z**2 + cd * np.tanh(z)))


zl = xcorr(alm1, K0)
al = sigmoid(zl)
zn = xcorr(al, K)
D = grad(lambda v: C_of_z(v.reshape(2, 2)), zn.ravel()).reshape(2, 2)  # delta_ij
GA = grad(lambda v: C_of_z(xcorr(v.reshape(3, 3), K)), al.ravel()).reshape(3, 3)  # nabla a_ij
GZL = grad(lambda v: C_of_z(xcorr(sigmoid(v.reshape(3, 3)), K)), zl.ravel()).reshape(3, 3)  # delta^l
GW = grad(lambda v: C_of_z(xcorr(al, v.reshape(2, 2))), K.ravel()).reshape(2, 2)
Jza = jacobian(lambda v: xcorr(v.reshape(3, 3), K).ravel(), al.ravel())
a = {f"{i + 1}{j + 1}": al[i, j] for i in range(3) for j in range(3)}
w = {f"{i + 1}{j + 1}": K[i, j] for i in range(2) for j in range(2)}
d = {f"{i + 1}{j + 1}": D[i, j] for i in range(2) for j in range(2)}
full = xcorr(np.pad(D, 1), np.rot90(K, 2))  # the notes' padded delta * rot180(W)
relu = lambda v: max(v, 0.0)  # noqa: E731

checks = {
    "line 14": lambda: same(d2, (a2 - y) * sigmoid(z2)),
    "line 17": lambda: same(gW2, np.outer(d2, a1)),
    "line 18": lambda: same(gb2, d2 * 1),
    "line 21": lambda: same(d1, d2 @ J21),
    "line 22": lambda: same(z2, W2 @ d1 + b2),
    # delta is the error vector; delta'(z^l) could stand for sigma'(z^l) only if delta were sigma
    "line 23": lambda: same(d1, sigmoid(z1)) and same(d1, (W2.T @ d2) * sigmoid(z1) * (1 - sigmoid(z1))),
    "line 26": lambda: same(gW1, np.outer(d1, x)),
    "line 27": lambda: same(gb1, d1),
    "line 29": lambda: cost(P - 1e-3 * grad(cost, P)) < cost(P),
    "line 30": lambda: cost(np.concatenate([W1.ravel(), b1 - 1e-3 * gb1, W2.ravel(), b2])) < cost(P),
    "line 32": lambda: same(g_mean, np.sum(g_each, axis=0) / 5),
    "line 56": lambda: same(d1, d2 @ J21),
    "line 78": lambda: same(GA.ravel(), D.ravel() @ Jza),
    "line 87": lambda: same(GA[0, 0], d["11"] * w["11"]),
    "line 88": lambda: same(GA[0, 1], d["11"] * w["12"] + d["12"] * w["11"]),
    "line 89": lambda: same(GA[0, 2], d["12"] * w["12"]),
    "line 90": lambda: same(GA[1, 0], d["11"] * w["21"] + d["21"] * w["11"]),
    "line 91": lambda: same(GA[1, 1], d["11"] * w["22"] + d["12"] * w["21"] + d["21"] * w["12"] + d["22"] * w["11"]),
    "line 92": lambda: same(GA[1, 2], d["12"] * w["22"] + d["22"] * w["12"]),
    "line 93": lambda: same(GA[2, 0], d["21"] * w["21"]),
    "line 94": lambda: same(GA[2, 1], d["21"] * w["22"] + d["22"] * w["21"]),
    "line 95": lambda: same(GA[2, 2], d["22"] * w["22"]),
    "line 112": lambda: same(GZL, full),
    "line 117": lambda: same(GW, xcorr(al, D)),
    "line 121": lambda: same(GW[0, 0], a["11"] * d["11"] + a["12"] * d["12"] + a["21"] * d["21"] + a["22"] * d["22"]),
    "line 122": lambda: same(GW[0, 1], a["12"] * d["11"] + a["13"] * d["12"] + a["22"] * d["21"] + a["23"] * d["22"]),
    "line 123": lambda: same(GW[1, 0], a["21"] * d["11"] + a["22"] * d["12"] + a["31"] * d["21"] + a["33"] * d["22"]),
    "line 124": lambda: same(GW[0, 1], a["22"] * d["11"] + a["23"] * d["12"] + a["32"] * d["21"] + a["33"] * d["22"]),
    "line 196": lambda: same(grad(lambda v: relu(v[0]), np.array([0.7]))[0], 1.0)
    and same(grad(lambda v: relu(v[0]), np.array([-0.4]))[0], 0.0),
}
planted = {
    "line 26": lambda: (x @ d1).shape == gW1.shape,  # (a^{l-1})^T delta^l does not even make a matrix
    "line 30": lambda: cost(np.concatenate([W1.ravel(), b1 + 1e-3 * gb1, W2.ravel(), b2])) < cost(P),
    "line 88": lambda: same(GA[0, 1], d["11"] * w["12"] + d["12"] * w["12"]),
    "line 91": lambda: same(GA[1, 1], d["11"] * w["22"] + d["12"] * w["21"] + d["21"] * w["12"]),
    "line 117": lambda: xcorr(alm1, D).shape == GW.shape and same(GW, xcorr(alm1, D)),
}
assert same(GA, full)  # the notes' matrix form (not a claim: its "=" is outside the math) is nabla a^l
confirm("zxrobot_lenet.md", "zxrobot_lenet_planted.md", checks, planted)
print("OK")
