"""Independent NumPy oracle for Jonas Lalin's "Feedforward Neural Networks in Depth" parts 1-3 (lalin_propagation.md,
lalin_activations.md, lalin_binary.md, lalin_softmax.md, lalin_multilabel.md and their planted copies).

Every network is Ng's with the samples as the m COLUMNS (Z = W A + broadcast(b)), as each spec states; J is the cost of
the post's part 3 (mean over the m examples). Every derivative is a central difference: of J by the parameters, by
Z^{[l]} or A^{[l]} (the network run on from there), or of the post's intermediate variables u_k as the functions its
computation graphs define. Claims about one node (j, i) are checked for every node and example, each link of a chain
as written. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_lalin.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid

rng = np.random.default_rng(2021)
m = 4
e = np.exp


def softmax(Z):
    return e(Z - Z.max(axis=0)) / e(Z - Z.max(axis=0)).sum(axis=0)


ACT = {"tanh": np.tanh, "sigmoid": sigmoid, "relu": lambda z: np.maximum(0, z), "softmax": softmax}


def d(f, x, h=1e-6):
    """Elementwise derivative of an elementwise f by central differences."""
    return (f(x + h) - f(x - h)) / (2 * h)


class Net:
    """A network of the post (samples as columns), its cost, and central-difference gradients."""

    def __init__(self, sizes, acts, cost):
        self.acts, self.L = acts, len(acts)
        self.W = {l: rng.normal(size=(sizes[l], sizes[l - 1])) for l in range(1, self.L + 1)}
        self.b = {l: rng.normal(size=(sizes[l], 1)) for l in range(1, self.L + 1)}
        self.X = rng.normal(size=(sizes[0], m))
        n = sizes[-1]
        if cost == "ce":
            self.Y = np.eye(n)[:, rng.integers(0, n, size=m)]
            self.f = lambda A, Y: float(-(Y * np.log(A)).sum() / m)
        else:
            self.Y = np.array([[0.0, 1.0, 1.0, 0.0]] * n)
            self.Y[:, 0] = 1.0 if n > 1 else 0.0
            self.f = lambda A, Y: float(-(Y * np.log(A) + (1 - Y) * np.log(1 - A)).sum() / m)
        self.Z, self.A = {}, {0: self.X}
        for l in range(1, self.L + 1):
            self.Z[l] = self.W[l] @ self.A[l - 1] + self.b[l]
            self.A[l] = ACT[acts[l - 1]](self.Z[l])
        self.dZ = {l: grad(lambda v, l=l: self.J_from(l, v, "Z"), self.Z[l]) for l in self.Z}
        self.dA = {l: grad(lambda v, l=l: self.J_from(l, v, "A"), self.A[l]) for l in self.A}
        self.gW = {l: grad(lambda v, l=l: self.J_with(W={l: v}), self.W[l]) for l in self.W}
        self.gb = {l: grad(lambda v, l=l: self.J_with(b={l: v}), self.b[l]) for l in self.b}

    def J_with(self, W=None, b=None):
        A = self.X
        for l in range(1, self.L + 1):
            A = ACT[self.acts[l - 1]]((W or {}).get(l, self.W[l]) @ A + (b or {}).get(l, self.b[l]))
        return self.f(A, self.Y)

    def J_from(self, l, v, kind):
        A = ACT[self.acts[l - 1]](v) if kind == "Z" else v
        for k in range(l + 1, self.L + 1):
            A = ACT[self.acts[k - 1]](self.W[k] @ A + self.b[k])
        return self.f(A, self.Y)

    def jac(self, l, i):
        """d a_{:,i}^{[l]} / d z_{:,i}^{[l]} (numerator layout: [p, j] = d a_p / d z_j)."""
        return jacobian(lambda v: ACT[self.acts[l - 1]](v[:, None])[:, 0], self.Z[l][:, i])


def every(f):
    return all(f(i) for i in range(m))


# ---------------------------------------------------------------- part 1: forward and backward propagation
N1 = Net((3, 3, 3, 3), ("tanh", "tanh", "softmax"), "ce")
Ls = (1, 2, 3)
M_, N_ = rng.normal(size=(4, 3)), rng.normal(size=(2, 4))
x0 = rng.normal(size=3)
g_ex = lambda x: np.tanh(M_ @ x)  # noqa: E731  u = g(x), the post's example
f_ex = lambda u: np.sin(N_ @ u)  # noqa: E731  y = f(u)
dz_dw = lambda l: grad(lambda v: float((v @ N1.A[l - 1] + N1.b[l])[1, 2]), N1.W[l])  # noqa: E731  d z_{1,2} / d W


def dz_from_da(l, i, j_swap=False):
    J = N1.jac(l, i)
    return same(N1.dZ[l][:, i], (J.T if not j_swap else J) @ N1.dA[l][:, i])


p1 = {
    "eq:z_scalar": lambda: all(same(N1.Z[l], np.einsum("jk,ki->ji", N1.W[l], N1.A[l - 1]) + N1.b[l]) for l in Ls),
    "eq:a_scalar": lambda: all(every(lambda i, l=l: same(N1.A[l][:, i], ACT[N1.acts[l - 1]](N1.Z[l][:, i:i + 1])[:, 0])) for l in Ls),
    "line 73.1": lambda: all(every(lambda i, l=l: same(N1.Z[l][:, i], N1.W[l] @ N1.A[l - 1][:, i] + N1.b[l][:, 0])) for l in Ls),
    "line 102.2": lambda: all(every(lambda i, l=l: same(N1.A[l][:, i], ACT[N1.acts[l - 1]](N1.Z[l][:, i:i + 1])[:, 0])) for l in Ls),
    "eq:z": lambda: all(every(lambda i, l=l: same(N1.Z[l][:, i], N1.W[l] @ N1.A[l - 1][:, i] + N1.b[l][:, 0])) for l in Ls),
    "eq:a": lambda: all(same(N1.A[l], ACT[N1.acts[l - 1]](N1.Z[l])) for l in Ls),
    "eq:Z": lambda: all(same(N1.Z[l], N1.W[l] @ N1.A[l - 1] + np.broadcast_to(N1.b[l], (3, m))) for l in Ls),
    "eq:A_zero": lambda: same(N1.A[0], N1.X),
    "eq:A_L": lambda: np.isclose(N1.f(N1.A[3], N1.Y), N1.J_with()),
    "eq:J": lambda: np.isclose(N1.J_with(), N1.f(N1.A[3], N1.Y)),
    "eq:chain_rule": lambda: same(jacobian(lambda x: f_ex(g_ex(x)), x0), jacobian(f_ex, g_ex(x0)) @ jacobian(g_ex, x0)),
    "eq:dw_scalar": lambda: all(same(N1.gW[l], N1.dZ[l] @ N1.A[l - 1].T) for l in Ls) and same(dz_dw(2)[1], N1.A[1][:, 2]),
    "eq:db_scalar": lambda: all(same(N1.gb[l], N1.dZ[l].sum(axis=1, keepdims=True)) for l in Ls),
    "line 211.1": lambda: all(same(N1.gW[l], N1.dZ[l] @ N1.A[l - 1].T) for l in Ls),
    "line 236.3": lambda: all(same(N1.gb[l][:, 0], sum(N1.dZ[l][:, i] for i in range(m))) for l in Ls),
    "eq:dW": lambda: all(same(N1.gW[l], sum(np.outer(N1.dZ[l][:, i], N1.A[l - 1][:, i]) for i in range(m))) and same(N1.gW[l], N1.dZ[l] @ N1.A[l - 1].T) for l in Ls),
    "eq:db": lambda: all(same(N1.gb[l][:, 0], N1.dZ[l].sum(axis=1)) for l in Ls),
    "eq:dz_scalar": lambda: all(every(lambda i, l=l: dz_from_da(l, i)) for l in Ls),
    "line 292": lambda: all(every(lambda i, l=l: dz_from_da(l, i)) for l in Ls),
    "eq:dz": lambda: all(every(lambda i, l=l: dz_from_da(l, i)) for l in Ls),
    "eq:da_prev_scalar": lambda: all(same(N1.dA[l - 1], np.einsum("ji,jk->ki", N1.dZ[l], N1.W[l])) for l in Ls),
    "line 364": lambda: all(same(N1.dA[l - 1], N1.W[l].T @ N1.dZ[l]) for l in Ls),
    "eq:dA_prev": lambda: all(same(N1.dA[l - 1], N1.W[l].T @ N1.dZ[l]) for l in Ls),
    "line 406": lambda: same(N1.A[0], N1.X),
    "line 406#2": lambda: np.isclose(N1.f(N1.A[3], N1.Y), N1.J_with()),
    "line 406#3": lambda: np.isclose(N1.J_with(), N1.f(N1.A[3], N1.Y)),
    "line 408": lambda: same(N1.dA[3], grad(lambda v: N1.f(v, N1.Y), N1.A[3])),
    "line 408#4": lambda: same(N1.dA[0], grad(lambda v: N1.J_from(0, v, "A"), N1.X)),
    "line 418": lambda: same(N1.dA[3], grad(lambda v: N1.f(v, N1.Y), N1.A[3])),
}
p1_planted = {
    "eq:z": lambda: all(every(lambda i, l=l: same(N1.Z[l][:, i], N1.W[l] @ N1.A[l][:, i] + N1.b[l][:, 0])) for l in Ls),
    "eq:dw_scalar": lambda: all(same(N1.gW[l], np.repeat((N1.dZ[l] * N1.A[l - 1]).sum(axis=1, keepdims=True), 3, axis=1)) for l in Ls),
    "eq:dW": lambda: all(same(N1.gW[l], N1.dZ[l] @ N1.A[l].T) for l in Ls),
    "eq:db": lambda: all(same(N1.gb[l][:, 0], N1.dZ[l].sum(axis=0)) for l in Ls),
    "eq:da_prev_scalar": lambda: all(same(N1.dA[l - 1], np.einsum("ji,kj->ki", N1.dZ[l], N1.W[l])) for l in Ls),
    "eq:dA_prev": lambda: all(same(N1.dA[l - 1], N1.W[l - 1].T @ N1.dZ[l]) for l in (2, 3)),  # (no W^{[0]} for l = 1)
}
confirm("lalin_propagation.md", "lalin_propagation_planted.md", p1, p1_planted)

# ---------------------------------------------------------------- part 2: activation functions
N2 = Net((3, 4, 4, 4, 3), ("relu", "sigmoid", "tanh", "softmax"), "ce")
offdiag_zero = lambda l: every(lambda i: same(N2.jac(l, i) - np.diag(np.diag(N2.jac(l, i))), np.zeros((4, 4)), atol=1e-6))  # noqa: E731


def sum_form(l):
    """dJ/dz_{j,i} = sum_p dJ/da_{p,i} da_{p,i}/dz_{j,i} = its p = j term + the others (the posts' first two links)."""
    def one(i):
        J = N2.jac(l, i)
        full = J.T @ N2.dA[l][:, i]
        split = np.diag(J) * N2.dA[l][:, i] + (J - np.diag(np.diag(J))).T @ N2.dA[l][:, i]
        return same(N2.dZ[l][:, i], full) and same(full, split)
    return every(one)


# ReLU, layer 1
Z1, A1, dZ1, dA1 = N2.Z[1], N2.A[1], N2.dZ[1], N2.dA[1]
relu_d = lambda: every(lambda i: same(np.diag(N2.jac(1, i)), (Z1[:, i] > 0).astype(float)))  # noqa: E731
# sigmoid, layer 2: the graph u0 = z, u1 = -u0, u2 = exp(u1), u3 = 1 + u2, u4 = 1/u3 = a
z = N2.Z[2]
u0, u1 = z, -z
u2 = e(u1)
u3 = 1 + u2
u4 = 1 / u3
a2 = N2.A[2]
# tanh, layer 3: t0 = z, t1 = -t0, t2 = exp(t0), t3 = exp(t1), t4 = t2 - t3, t5 = t2 + t3, t6 = 1/t5, t7 = t4 t6 = a
zt = N2.Z[3]
t0, t1 = zt, -zt
t2, t3 = e(t0), e(t1)
t4, t5 = t2 - t3, t2 + t3
t6 = 1 / t5
t7 = t4 * t6
a3 = N2.A[3]
E, Em = e(zt), e(-zt)
# softmax, layer 4, node j of example i and one other node p: s_{-1} = z_j, s_{0,q} = z_q (q != j), s1 = exp(s_{-1}),
# s_{2,q} = exp(s_{0,q}), s3 = s1 + sum_q s_{2,q}, s4 = 1/s3, s5 = s1 s4 = a_j (or s_{2,p} s4 = a_p)
zs, a4 = N2.Z[4], N2.A[4]
SM = []  # (j, p, i) triples with every value the graph names
for i in range(m):
    for j in range(3):
        for p in range(3):
            if p != j:
                zc = zs[:, i]
                other = sum(e(zc[q]) for q in range(3) if q != j)
                SM.append(dict(j=j, p=p, i=i, zj=zc[j], zp=zc[p], s1=e(zc[j]), s2p=e(zc[p]), other=other, s3=e(zc).sum(), aj=a4[j, i], ap=a4[p, i]))
allS = lambda f: all(f(s) for s in SM)  # noqa: E731
soft_jac = lambda s: N2.jac(4, s["i"])  # noqa: E731
dA4, dZ4 = N2.dA[4], N2.dZ[4]
lin = lambda v: v  # noqa: E731


def soft_chain(s):
    j, i, a, dA = s["j"], s["i"], a4[:, s["i"]], dA4[:, s["i"]]
    J = soft_jac(s)
    others = [q for q in range(3) if q != j]
    links = [J[:, j] @ dA,
             dA[j] * J[j, j] + sum(dA[q] * J[q, j] for q in others),
             dA[j] * a[j] * (1 - a[j]) - sum(dA[q] * a[q] * a[j] for q in others),
             a[j] * (dA[j] * (1 - a[j]) - sum(dA[q] * a[q] for q in others)),
             a[j] * (dA[j] * (1 - a[j]) - sum(dA * a) + dA[j] * a[j]),
             a[j] * (dA[j] - sum(dA * a))]
    return all(np.isclose(dZ4[j, i], v) for v in links)


p2 = {
    "line 12": lambda: same(A1, np.maximum(0, Z1)) and same(A1, np.where(Z1 > 0, Z1, 0)),
    "line 28": lambda: same(A1, np.maximum(0, Z1)),
    "line 36.1": lambda: relu_d(),
    "line 43.2": lambda: offdiag_zero(1),
    "line 50": lambda: sum_form(1) and same(dZ1, dA1 * (Z1 > 0)),
    "line 62": lambda: same(dZ1, dA1 * (Z1 > 0)),
    "line 74": lambda: same(a2, sigmoid(z)) and same(a2, 1 / (1 + e(-z))),
    "line 86": lambda: same(a2, 1 / (1 + e(-z))),
    "line 99.5": lambda: same(u4, 1 / u3) and same(u4, a2),
    "line 106.1": lambda: same(d(lin, u4), np.ones_like(u4)),
    "line 108.2": lambda: same(d(lambda v: 1 / v, u3), -1 / u3**2) and same(-1 / u3**2, -1 / (1 + e(-z)) ** 2),
    "line 109.3": lambda: same(d(lambda v: 1 / (1 + v), u2), -1 / u3**2) and same(-1 / u3**2, -1 / (1 + e(-z)) ** 2),
    "line 110.4": lambda: same(d(lambda v: 1 / (1 + e(v)), u1), -1 / u3**2 * e(u1)) and same(-1 / u3**2 * e(u1), -e(-z) / (1 + e(-z)) ** 2),
    "line 111.5": lambda: same(d(lambda v: 1 / (1 + e(-v)), u0), 1 / u3**2 * e(u1)) and same(1 / u3**2 * e(u1), e(-z) / (1 + e(-z)) ** 2),
    "line 118": lambda: all(same(d(sigmoid, z), v) for v in (e(-z) / (1 + e(-z)) ** 2, (1 + e(-z) - 1) / (1 + e(-z)) ** 2, 1 / (1 + e(-z)) - 1 / (1 + e(-z)) ** 2, a2 * (1 - a2))),
    "line 131": lambda: offdiag_zero(2),
    "line 139": lambda: sum_form(2) and same(N2.dZ[2], N2.dA[2] * a2 * (1 - a2)),
    "line 151": lambda: same(N2.dZ[2], N2.dA[2] * a2 * (1 - a2)),
    "line 161": lambda: same(a3, np.tanh(zt)) and same(a3, (E - Em) / (E + Em)),
    "line 173": lambda: same(a3, 1 / (E + Em) * (E - Em)),
    "line 189.8": lambda: same(t7, t4 * t6) and same(t7, a3),
    "line 196.1": lambda: same(d(lin, t7), np.ones_like(t7)),
    "line 198.2": lambda: same(d(lambda v: t4 * v, t6), t4) and same(t4, E - Em),
    "line 199.3": lambda: same(d(lambda v: t4 / v, t5), -t4 / t5**2) and same(-t4 / t5**2, -(E - Em) / (E + Em) ** 2),
    "line 200.4": lambda: same(d(lambda v: v * t6, t4), t6) and same(t6, 1 / (E + Em)),
    "line 201.5": lambda: all(same(d(lambda v: (t2 - v) / (t2 + v), t3), w) for w in (-t6 - t4 / t5**2, -1 / (E + Em) - (E - Em) / (E + Em) ** 2, -2 * E / (E + Em) ** 2)),
    "line 205.6": lambda: all(same(d(lambda v: (v - t3) / (v + t3), t2), w) for w in (t6 - t4 / t5**2, 1 / (E + Em) - (E - Em) / (E + Em) ** 2, 2 * Em / (E + Em) ** 2)),
    "line 209.7": lambda: all(same(d(lambda v: (t2 - e(v)) / (t2 + e(v)), t1), w) for w in ((-t6 - t4 / t5**2) * e(t1), -2 * E * Em / (E + Em) ** 2)),
    "line 212.8": lambda: all(same(d(np.tanh, t0), w) for w in (-(-t6 - t4 / t5**2) * e(t1) + (t6 - t4 / t5**2) * e(t0), 2 * E * Em / (E + Em) ** 2 + 2 * E * Em / (E + Em) ** 2, 4 * E * Em / (E + Em) ** 2)),
    "line 222": lambda: all(same(d(np.tanh, zt), w) for w in (4 * E * Em / (E + Em) ** 2, (E**2 + 2 * E * Em + Em**2) / (E + Em) ** 2 - (E**2 - 2 * E * Em + Em**2) / (E + Em) ** 2, 1 - (E - Em) ** 2 / (E + Em) ** 2, 1 - a3 * a3)),
    "line 236": lambda: offdiag_zero(3),
    "line 244": lambda: sum_form(3) and same(N2.dZ[3], N2.dA[3] * (1 - a3 * a3)),
    "line 256": lambda: same(N2.dZ[3], N2.dA[3] * (1 - a3 * a3)),
    "line 266": lambda: same(a4, e(zs) / e(zs).sum(axis=0)),
    "line 277": lambda: same(a4, 1 / np.broadcast_to(e(zs).sum(axis=0), zs.shape) * e(zs)),
    "line 292.7": lambda: allS(lambda s: np.isclose(s["s1"] / s["s3"], s["aj"])),
    "line 299.1": lambda: same(d(lin, a4), np.ones_like(a4)),
    "line 301.2": lambda: allS(lambda s: np.isclose(d(lambda v: s["s1"] * v, 1 / s["s3"]), s["s1"]) and np.isclose(s["s1"], e(s["zj"]))),
    "line 302.3": lambda: allS(lambda s: np.isclose(d(lambda v: s["s1"] / v, s["s3"]), -s["s1"] / s["s3"] ** 2) and np.isclose(-s["s1"] / s["s3"] ** 2, -e(s["zj"]) / s["s3"] ** 2)),
    "line 303.4": lambda: allS(lambda s: np.isclose(d(lambda v: v / (v + s["other"]), s["s1"]), -s["s1"] / s["s3"] ** 2 + 1 / s["s3"])),
    "line 306.5": lambda: allS(lambda s: np.isclose(d(lambda v: e(v) / (e(v) + s["other"]), s["zj"]), (-s["s1"] / s["s3"] ** 2 + 1 / s["s3"]) * e(s["zj"])) and np.isclose((-s["s1"] / s["s3"] ** 2 + 1 / s["s3"]) * e(s["zj"]), -e(s["zj"]) ** 2 / s["s3"] ** 2 + e(s["zj"]) / s["s3"])),
    "line 322.7": lambda: allS(lambda s: np.isclose(s["s2p"] / s["s3"], s["ap"])),
    "line 329.1": lambda: same(d(lin, a4), np.ones_like(a4)),
    "line 331.2": lambda: allS(lambda s: np.isclose(d(lambda v: s["s2p"] * v, 1 / s["s3"]), s["s2p"]) and np.isclose(s["s2p"], e(s["zp"]))),
    "line 332.3": lambda: allS(lambda s: np.isclose(d(lambda v: s["s2p"] / v, s["s3"]), -s["s2p"] / s["s3"] ** 2)),
    "line 333.4": lambda: allS(lambda s: np.isclose(d(lambda v: s["s2p"] / (v + s["other"]), s["s1"]), -s["s2p"] / s["s3"] ** 2)),
    "line 334.5": lambda: allS(lambda s: np.isclose(d(lambda v: s["s2p"] / (e(v) + s["other"]), s["zj"]), -s["s2p"] / s["s3"] ** 2 * e(s["zj"])) and np.isclose(-s["s2p"] / s["s3"] ** 2 * e(s["zj"]), -e(s["zp"]) * e(s["zj"]) / s["s3"] ** 2)),
    "line 341.1": lambda: allS(lambda s: np.isclose(soft_jac(s)[s["j"], s["j"]], -e(s["zj"]) ** 2 / s["s3"] ** 2 + e(s["zj"]) / s["s3"]) and np.isclose(soft_jac(s)[s["j"], s["j"]], s["aj"] * (1 - s["aj"]))),
    "line 344.2": lambda: allS(lambda s: np.isclose(soft_jac(s)[s["p"], s["j"]], -e(s["zp"]) * e(s["zj"]) / s["s3"] ** 2) and np.isclose(soft_jac(s)[s["p"], s["j"]], -s["ap"] * s["aj"])),
    "line 352": lambda: allS(soft_chain),
    "line 368": lambda: every(lambda i: same(dZ4[:, i], a4[:, i] * (dA4[:, i] - a4[:, i] @ dA4[:, i]))),
    "line 377": lambda: same(dZ4, a4 * (dA4 - np.broadcast_to((dA4 * a4).sum(axis=0), a4.shape))),
}
p2_planted = {
    "line 62": lambda: same(dZ1, dA1 * (Z1 < 0)),
    "line 108.2": lambda: same(d(lambda v: 1 / v, u3), 1 / u3**2),
    "line 118": lambda: same(d(sigmoid, z), a2 * (1 + a2)),
    "line 151": lambda: same(N2.dZ[2], N2.dA[2] * a2 * (1 - z)),
    "line 199.3": lambda: same(d(lambda v: t4 / v, t5), -t4 / t5),
    "line 222": lambda: same(d(np.tanh, zt), 1 - a3),
    "line 256": lambda: same(N2.dZ[3], N2.dA[3] * (1 + a3 * a3)),
    "line 302.3": lambda: allS(lambda s: np.isclose(d(lambda v: s["s1"] / v, s["s3"]), -s["s1"] / s["s3"])),
    "line 344.2": lambda: allS(lambda s: np.isclose(soft_jac(s)[s["p"], s["j"]], s["ap"] * s["aj"])),
    "line 368": lambda: every(lambda i: same(dZ4[:, i], a4[:, i] * (dA4[:, i] + a4[:, i] @ dA4[:, i]))),
    "line 377": lambda: same(dZ4, a4 * (dA4 - np.broadcast_to((dA4 * a4).sum(axis=1, keepdims=True), a4.shape))),
}
confirm("lalin_activations.md", "lalin_activations_planted.md", p2, p2_planted)

# ---------------------------------------------------------------- part 3: cost functions
def cost_graph(N, multi):
    """The part-3 graph of a BCE cost: u0 = a, u1 = 1 - u0, u2 = log u0, u3 = log u1, u4 = y u2 + (1 - y) u3, then the
    means (u5 = -1/m sum_i u4 for one label; u5_j and u6 = sum_j u5_j for several)."""
    a, y = N.A[N.L], N.Y
    G = dict(a=a, y=y, u0=a, u1=1 - a, u2=np.log(a), u3=np.log(1 - a))
    G["u4"] = y * G["u2"] + (1 - y) * G["u3"]
    G["J"] = N.J_with()
    G["J_u4"] = lambda v: float(-v.sum() / m)
    G["J_u3"] = lambda v: G["J_u4"](y * G["u2"] + (1 - y) * v)
    G["J_u2"] = lambda v: G["J_u4"](y * v + (1 - y) * G["u3"])
    G["J_u1"] = lambda v: G["J_u3"](np.log(v))
    G["J_u0"] = lambda v: G["J_u4"](y * np.log(v) + (1 - y) * np.log(1 - v))
    return G


N3 = Net((3, 4, 1), ("tanh", "sigmoid"), "bce")
B = cost_graph(N3, False)
a, y, A3, Y3 = B["a"], B["y"], N3.A[2], N3.Y
g = lambda k: grad(B[f"J_{k}"], B[k])  # noqa: E731
dA_b, dZ_b = N3.dA[2], N3.dZ[2]
p3 = {
    "line 5": lambda: same(dA_b, grad(lambda v: N3.f(v, Y3), A3)),
    "line 12": lambda: all(np.isclose(B["J"], v) for v in (N3.f(A3, Y3), float(-(y * np.log(a) + (1 - y) * np.log(1 - a)).sum() / m))),
    "line 24": lambda: np.isclose(B["J"], float(-(Y3 * np.log(A3) + (1 - Y3) * np.log(1 - A3)).sum(axis=1)[0] / m)),
    "line 38.6": lambda: np.isclose(-B["u4"].sum() / m, B["J"]),
    "line 45.1": lambda: np.isclose(d(lin, B["J"]), 1),
    "line 47.2": lambda: same(g("u4"), np.full_like(a, -1 / m)),
    "line 48.3": lambda: same(g("u3"), -1 / m * (1 - y)),
    "line 49.4": lambda: same(g("u2"), -1 / m * y),
    "line 50.5": lambda: same(g("u1"), -1 / m * (1 - y) / B["u1"]) and same(-1 / m * (1 - y) / B["u1"], -1 / m * (1 - y) / (1 - a)),
    "line 51.6": lambda: all(same(g("u0"), v) for v in (1 / m * (1 - y) / B["u1"] - 1 / m * y / B["u0"], 1 / m * ((1 - y) / (1 - a) - y / a))),
    "line 60": lambda: same(dA_b, 1 / m * ((1 - y) / (1 - a) - y / a)),
    "line 68": lambda: same(dA_b, 1 / m * (1 / (1 - A3) * (1 - Y3) - 1 / A3 * Y3)),
    "line 76": lambda: all(same(dZ_b, v) for v in (dA_b * a * (1 - a), 1 / m * ((1 - y) / (1 - a) - y / a) * a * (1 - a), 1 / m * ((1 - y) * a - y * (1 - a)), 1 / m * (a - y))),
    "line 89": lambda: same(dZ_b, 1 / m * (A3 - Y3)),
}
p3_planted = {
    "line 12": lambda: np.isclose(B["J"], float((y * np.log(a) + (1 - y) * np.log(1 - a)).sum() / m)),
    "line 47.2": lambda: same(g("u4"), -1 / m * y),
    "line 49.4": lambda: same(g("u2"), -1 / m * (1 - y)),
    "line 60": lambda: same(dA_b, 1 / m * ((1 - y) / (1 - a) + y / a)),
    "line 76": lambda: same(dZ_b, 1 / m * (y - a)),
    "line 89": lambda: same(dZ_b, A3 - Y3),
}
confirm("lalin_binary.md", "lalin_binary_planted.md", p3, p3_planted)

N4 = Net((3, 4, 3), ("tanh", "softmax"), "ce")
A4, Y4 = N4.A[2], N4.Y
J4 = N4.J_with()
u1s, u2s = np.log(A4), Y4 * np.log(A4)
u3s = u2s.sum(axis=0)
dA_s, dZ_s = N4.dA[2], N4.dZ[2]
J_u3 = lambda v: float(-v.sum() / m)  # noqa: E731
J_u2 = lambda v: J_u3(v.sum(axis=0))  # noqa: E731
J_u1 = lambda v: J_u2(Y4 * v)  # noqa: E731
J_u0 = lambda v: J_u1(np.log(v))  # noqa: E731


def soft_cost_chain():
    ok = True
    for i in range(m):
        a_, dA_, y_ = A4[:, i], dA_s[:, i], Y4[:, i]
        for j in range(3):
            links = [a_[j] * (dA_[j] - (dA_ * a_).sum()),
                     a_[j] * (-1 / m * y_[j] / a_[j] + (1 / m * y_ / a_ * a_).sum()),
                     1 / m * (-y_[j] + a_[j] * y_.sum()),
                     1 / m * (a_[j] - y_[j])]
            ok = ok and all(np.isclose(dZ_s[j, i], v) for v in links)
    return ok


p4 = {
    "line 6": lambda: all(np.isclose(J4, v) for v in (N4.f(A4, Y4), float(-(Y4 * np.log(A4)).sum() / m))),
    "line 20": lambda: np.isclose(J4, float(-(Y4 * np.log(A4)).sum(axis=0).sum(axis=0) / m)),
    "line 33.5": lambda: np.isclose(-u3s.sum() / m, J4),
    "line 40.1": lambda: np.isclose(d(lin, J4), 1),
    "line 42.2": lambda: same(grad(J_u3, u3s), np.full(m, -1 / m)),
    "line 43.3": lambda: same(grad(J_u2, u2s), np.full_like(u2s, -1 / m)),
    "line 44.4": lambda: same(grad(J_u1, u1s), -1 / m * Y4),
    "line 45.5": lambda: same(grad(J_u0, A4), -1 / m * Y4 / A4),
    "line 52": lambda: same(dA_s, -1 / m * Y4 / A4),
    "line 60": lambda: same(dA_s, -1 / m * (1 / A4) * Y4),
    "line 68": lambda: soft_cost_chain(),
    "line 83": lambda: same(dZ_s, 1 / m * (A4 - Y4)),
}
p4_planted = {
    "line 44.4": lambda: same(grad(J_u1, u1s), np.full_like(u1s, -1 / m)),
    "line 52": lambda: same(dA_s, -1 / m * Y4 * A4),
    "line 60": lambda: same(dA_s, 1 / m * (1 / A4) * Y4),
    "line 68": lambda: same(dZ_s, 1 / m * (A4 - 1)),
    "line 83": lambda: same(dZ_s, 1 / m * (Y4 - A4)),
}
confirm("lalin_softmax.md", "lalin_softmax_planted.md", p4, p4_planted)

N5 = Net((3, 4, 3), ("tanh", "sigmoid"), "bce")
G = cost_graph(N5, True)
a5, y5, A5, Y5 = G["a"], G["y"], N5.A[2], N5.Y
u5j = -G["u4"].sum(axis=1) / m
dA_m, dZ_m = N5.dA[2], N5.dZ[2]
gm = lambda k: grad(G[f"J_{k}"], G[k])  # noqa: E731
p5 = {
    "line 6": lambda: all(np.isclose(G["J"], v) for v in (N5.f(A5, Y5), float(sum(-(y5[j] * np.log(a5[j]) + (1 - y5[j]) * np.log(1 - a5[j])).sum() / m for j in range(3))))),
    "line 20": lambda: np.isclose(G["J"], float(-(Y5 * np.log(A5) + (1 - Y5) * np.log(1 - A5)).sum(axis=1).sum(axis=0) / m)),
    "line 35.7": lambda: np.isclose(u5j.sum(), G["J"]),
    "line 42.1": lambda: np.isclose(d(lin, G["J"]), 1),
    "line 44.2": lambda: same(grad(lambda v: float(v.sum()), u5j), np.ones(3)),
    "line 45.3": lambda: same(gm("u4"), np.full_like(a5, -1 / m)),
    "line 46.4": lambda: same(gm("u3"), -1 / m * (1 - y5)),
    "line 47.5": lambda: same(gm("u2"), -1 / m * y5),
    "line 48.6": lambda: same(gm("u1"), -1 / m * (1 - y5) / G["u1"]) and same(-1 / m * (1 - y5) / G["u1"], -1 / m * (1 - y5) / (1 - a5)),
    "line 49.7": lambda: all(same(gm("u0"), v) for v in (1 / m * (1 - y5) / G["u1"] - 1 / m * y5 / G["u0"], 1 / m * ((1 - y5) / (1 - a5) - y5 / a5))),
    "line 58": lambda: same(dA_m, 1 / m * ((1 - y5) / (1 - a5) - y5 / a5)),
    "line 66": lambda: same(dA_m, 1 / m * (1 / (1 - A5) * (1 - Y5) - 1 / A5 * Y5)),
    "line 74": lambda: all(same(dZ_m, v) for v in (dA_m * a5 * (1 - a5), 1 / m * ((1 - y5) / (1 - a5) - y5 / a5) * a5 * (1 - a5), 1 / m * ((1 - y5) * a5 - y5 * (1 - a5)), 1 / m * (a5 - y5))),
    "line 87": lambda: same(dZ_m, 1 / m * (A5 - Y5)),
}
p5_planted = {
    "line 6": lambda: any(np.isclose(G["J"], float(-(y5[j] * np.log(a5[j]) + (1 - y5[j]) * np.log(1 - a5[j])).sum() / m)) for j in range(3)),
    "line 44.2": lambda: same(grad(lambda v: float(v.sum()), u5j), np.full(3, -1 / m)),
    "line 48.6": lambda: same(gm("u1"), 1 / m * (1 - y5) / G["u1"]),
    "line 58": lambda: same(dA_m, 1 / m * ((1 - y5) / (1 - a5) - y5 / (1 - a5))),
    "line 74": lambda: same(dZ_m, 1 / m * (a5 - y5) * a5),
}
confirm("lalin_multilabel.md", "lalin_multilabel_planted.md", p5, p5_planted)
print("OK")
