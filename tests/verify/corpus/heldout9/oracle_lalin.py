"""Independent NumPy oracle for Jonas Lalin's "Feedforward Neural Networks in Depth" parts 1 and 3 (lalin_propagation.md,
lalin_binary.md, lalin_softmax.md and their planted copies).

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


lin = lambda v: v  # noqa: E731


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
    "eq:a_scalar": lambda: all(every(lambda i, l=l: same(N1.A[l][:, i], ACT[N1.acts[l - 1]](N1.Z[l][:, i : i + 1])[:, 0])) for l in Ls),
    "line 74.1": lambda: all(every(lambda i, l=l: same(N1.Z[l][:, i], N1.W[l] @ N1.A[l - 1][:, i] + N1.b[l][:, 0])) for l in Ls),
    "line 102.2": lambda: all(every(lambda i, l=l: same(N1.A[l][:, i], ACT[N1.acts[l - 1]](N1.Z[l][:, i : i + 1])[:, 0])) for l in Ls),
    "eq:z": lambda: all(every(lambda i, l=l: same(N1.Z[l][:, i], N1.W[l] @ N1.A[l - 1][:, i] + N1.b[l][:, 0])) for l in Ls),
    "eq:a": lambda: all(same(N1.A[l], ACT[N1.acts[l - 1]](N1.Z[l])) for l in Ls),
    "eq:Z": lambda: all(same(N1.Z[l], N1.W[l] @ N1.A[l - 1] + np.broadcast_to(N1.b[l], (3, m))) for l in Ls),
    "eq:A_zero": lambda: same(N1.A[0], N1.X),
    "eq:A_L": lambda: np.isclose(N1.f(N1.A[3], N1.Y), N1.J_with()),
    "eq:J": lambda: np.isclose(N1.J_with(), N1.f(N1.A[3], N1.Y)),
    "eq:chain_rule": lambda: same(jacobian(lambda x: f_ex(g_ex(x)), x0), jacobian(f_ex, g_ex(x0)) @ jacobian(g_ex, x0)),
    "eq:dw_scalar": lambda: all(same(N1.gW[l], N1.dZ[l] @ N1.A[l - 1].T) for l in Ls) and same(dz_dw(2)[1], N1.A[1][:, 2]),
    "eq:db_scalar": lambda: all(same(N1.gb[l], N1.dZ[l].sum(axis=1, keepdims=True)) for l in Ls),
    "line 212.1": lambda: all(same(N1.gW[l], N1.dZ[l] @ N1.A[l - 1].T) for l in Ls),
    "line 236.3": lambda: all(same(N1.gb[l][:, 0], sum(N1.dZ[l][:, i] for i in range(m))) for l in Ls),
    "eq:dW": lambda: all(
        same(N1.gW[l], sum(np.outer(N1.dZ[l][:, i], N1.A[l - 1][:, i]) for i in range(m))) and same(N1.gW[l], N1.dZ[l] @ N1.A[l - 1].T)
        for l in Ls
    ),
    "eq:db": lambda: all(same(N1.gb[l][:, 0], N1.dZ[l].sum(axis=1)) for l in Ls),
    "eq:dz_scalar": lambda: all(every(lambda i, l=l: dz_from_da(l, i)) for l in Ls),
    "line 293": lambda: all(every(lambda i, l=l: dz_from_da(l, i)) for l in Ls),
    "eq:dz": lambda: all(every(lambda i, l=l: dz_from_da(l, i)) for l in Ls),
    "eq:da_prev_scalar": lambda: all(same(N1.dA[l - 1], np.einsum("ji,jk->ki", N1.dZ[l], N1.W[l])) for l in Ls),
    "line 366": lambda: all(same(N1.dA[l - 1], N1.W[l].T @ N1.dZ[l]) for l in Ls),
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


# ---------------------------------------------------------------- part 3: cost functions
def cost_graph(N):
    """The part-3 graph of the binary cost: u0 = a, u1 = 1 - u0, u2 = log u0, u3 = log u1, u4 = y u2 + (1 - y) u3, then
    the mean u5 = -1/m sum_i u4 = J."""
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
B = cost_graph(N3)
a, y, A3, Y3 = B["a"], B["y"], N3.A[2], N3.Y
g = lambda k: grad(B[f"J_{k}"], B[k])  # noqa: E731
dA_b, dZ_b = N3.dA[2], N3.dZ[2]
p3 = {
    "line 5": lambda: same(dA_b, grad(lambda v: N3.f(v, Y3), A3)),
    "line 14": lambda: all(np.isclose(B["J"], v) for v in (N3.f(A3, Y3), float(-(y * np.log(a) + (1 - y) * np.log(1 - a)).sum() / m))),
    "line 25": lambda: np.isclose(B["J"], float(-(Y3 * np.log(A3) + (1 - Y3) * np.log(1 - A3)).sum(axis=1)[0] / m)),
    "line 38.6": lambda: np.isclose(-B["u4"].sum() / m, B["J"]),
    "line 46.1": lambda: np.isclose(d(lin, B["J"]), 1),
    "line 47.2": lambda: same(g("u4"), np.full_like(a, -1 / m)),
    "line 48.3": lambda: same(g("u3"), -1 / m * (1 - y)),
    "line 49.4": lambda: same(g("u2"), -1 / m * y),
    "line 50.5": lambda: same(g("u1"), -1 / m * (1 - y) / B["u1"]) and same(-1 / m * (1 - y) / B["u1"], -1 / m * (1 - y) / (1 - a)),
    "line 51.6": lambda: all(
        same(g("u0"), v) for v in (1 / m * (1 - y) / B["u1"] - 1 / m * y / B["u0"], 1 / m * ((1 - y) / (1 - a) - y / a))
    ),
    "line 61": lambda: same(dA_b, 1 / m * ((1 - y) / (1 - a) - y / a)),
    "line 69": lambda: same(dA_b, 1 / m * (1 / (1 - A3) * (1 - Y3) - 1 / A3 * Y3)),
    "line 78": lambda: all(
        same(dZ_b, v)
        for v in (
            dA_b * a * (1 - a),
            1 / m * ((1 - y) / (1 - a) - y / a) * a * (1 - a),
            1 / m * ((1 - y) * a - y * (1 - a)),
            1 / m * (a - y),
        )
    ),
    "line 90": lambda: same(dZ_b, 1 / m * (A3 - Y3)),
}
p3_planted = {
    "line 14": lambda: np.isclose(B["J"], float((y * np.log(a) + (1 - y) * np.log(1 - a)).sum() / m)),
    "line 47.2": lambda: same(g("u4"), -1 / m * y),
    "line 49.4": lambda: same(g("u2"), -1 / m * (1 - y)),
    "line 61": lambda: same(dA_b, 1 / m * ((1 - y) / (1 - a) + y / a)),
    "line 78": lambda: same(dZ_b, 1 / m * (y - a)),
    "line 90": lambda: same(dZ_b, A3 - Y3),
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
            links = [
                a_[j] * (dA_[j] - (dA_ * a_).sum()),
                a_[j] * (-1 / m * y_[j] / a_[j] + (1 / m * y_ / a_ * a_).sum()),
                1 / m * (-y_[j] + a_[j] * y_.sum()),
                1 / m * (a_[j] - y_[j]),
            ]
            ok = ok and all(np.isclose(dZ_s[j, i], v) for v in links)
    return ok


p4 = {
    "line 8": lambda: all(np.isclose(J4, v) for v in (N4.f(A4, Y4), float(-(Y4 * np.log(A4)).sum() / m))),
    "line 21": lambda: np.isclose(J4, float(-(Y4 * np.log(A4)).sum(axis=0).sum(axis=0) / m)),
    "line 33.5": lambda: np.isclose(-u3s.sum() / m, J4),
    "line 41.1": lambda: np.isclose(d(lin, J4), 1),
    "line 42.2": lambda: same(grad(J_u3, u3s), np.full(m, -1 / m)),
    "line 43.3": lambda: same(grad(J_u2, u2s), np.full_like(u2s, -1 / m)),
    "line 44.4": lambda: same(grad(J_u1, u1s), -1 / m * Y4),
    "line 45.5": lambda: same(grad(J_u0, A4), -1 / m * Y4 / A4),
    "line 53": lambda: same(dA_s, -1 / m * Y4 / A4),
    "line 61": lambda: same(dA_s, -1 / m * (1 / A4) * Y4),
    "line 70": lambda: soft_cost_chain(),
    "line 84": lambda: same(dZ_s, 1 / m * (A4 - Y4)),
}
p4_planted = {
    "line 44.4": lambda: same(grad(J_u1, u1s), np.full_like(u1s, -1 / m)),
    "line 53": lambda: same(dA_s, -1 / m * Y4 * A4),
    "line 61": lambda: same(dA_s, 1 / m * (1 / A4) * Y4),
    "line 70": lambda: same(dZ_s, 1 / m * (A4 - 1)),
    "line 84": lambda: same(dZ_s, 1 / m * (Y4 - A4)),
}
confirm("lalin_softmax.md", "lalin_softmax_planted.md", p4, p4_planted)

print("OK")
