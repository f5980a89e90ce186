"""Independent NumPy oracle for jihwan_backprop.md / jihwan_softmax.md and their planted copies (Jihwan Jeong, "Build a
Neural Network from Scratch Using Numpy").

Row vectors and a batch as rows, u^l = h^{l-1} W^l + b^l (W^l in x out). jihwan_backprop: 4-5-3 sigmoid layers,
E = 1/(2n) sum_q ||t_q - y_q||^2 (one sample: n = 1); jihwan_softmax: a ReLU hidden layer, a softmax output and
E = sum_q -sum_j t_qj log y_qj (a SUM over the samples). Every derivative is a central difference of E (by the weights,
by U^l, by H^l or by the output y); component claims are checked for every index, each link of a chain as written.
Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_jihwan.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid

rng = np.random.default_rng(2020)
dsig = lambda v: sigmoid(v) * (1 - sigmoid(v))  # noqa: E731
eta = 0.1


class RowNet:
    """u^l = h^{l-1} W^l + 1 b^l, h^l = act_l(u^l); E(H^L) given; gradients by central differences."""

    def __init__(self, X, T, sizes, acts, E):
        self.X, self.T, self.acts, self.E = X, T, acts, E
        self.W = {l: rng.normal(size=(sizes[l - 1], sizes[l])) for l in (1, 2)}
        self.b = {l: rng.normal(size=(1, sizes[l])) for l in (1, 2)}
        self.H, self.U = {0: X}, {}
        for l in (1, 2):
            self.U[l] = self.H[l - 1] @ self.W[l] + np.ones((len(X), 1)) @ self.b[l]
            self.H[l] = acts[l - 1](self.U[l])
        self.loss = self.J()
        self.gW = {l: grad(lambda v, l=l: self.J(W={l: v}), self.W[l]) for l in (1, 2)}
        self.gb = {l: grad(lambda v, l=l: self.J(b={l: v}), self.b[l]) for l in (1, 2)}
        self.dU = {l: grad(lambda v, l=l: self.from_u(l, v), self.U[l]) for l in (1, 2)}
        self.dH = {l: grad(lambda v, l=l: self.from_h(l, v), self.H[l]) for l in (1, 2)}

    def J(self, W=None, b=None):
        H = self.X
        for l in (1, 2):
            H = self.acts[l - 1](H @ (W or {}).get(l, self.W[l]) + (b or {}).get(l, self.b[l]))
        return self.E(H, self.T)

    def from_h(self, l, H):
        for k in range(l + 1, 3):
            H = self.acts[k - 1](H @ self.W[k] + self.b[k])
        return self.E(H, self.T)

    def from_u(self, l, U):
        return self.from_h(l, self.acts[l - 1](U))


# ---------------------------------------------------------------- jihwan_backprop: one sample, then n = 4 samples
mse = lambda Y, T: float(((T - Y) ** 2).sum() / (2 * len(Y)))  # noqa: E731
n = 4
X, T = rng.normal(size=(n, 4)), rng.uniform(size=(n, 3))
S = RowNet(X[:1], T[:1], (4, 5, 3), (sigmoid, sigmoid), mse)  # the single-input section
B = RowNet(X, T, (4, 5, 3), (sigmoid, sigmoid), mse)  # the mini-batch section
h0, h1, h2, u1, u2 = S.H[0][0], S.H[1][0], S.H[2][0], S.U[1][0], S.U[2][0]
dEdu1, dEdu2, dEdh2 = S.dU[1][0], S.dU[2][0], S.dH[2][0]
d1, d2 = dEdu1, dEdu2
W1, W2 = S.W[1], S.W[2]
du_dW = lambda l, j: grad(lambda v: float((S.H[l - 1] @ v + S.b[l])[0, j]), S.W[l])  # noqa: E731  (d u_j / d W_{.j})
du_db = lambda l, j: grad(lambda v: float((S.H[l - 1] @ S.W[l] + v)[0, j]), S.b[l])[0]  # noqa: E731
J_u2_h1 = jacobian(lambda v: v @ W2 + S.b[2][0], h1)  # [d, j] = d u2_d / d h1_j
J_u2_u1 = jacobian(lambda v: sigmoid(v) @ W2 + S.b[2][0], u1)  # [d, j] = d u2_d / d u1_j


def comp_out(i, j):  # the output-layer component chain, W_{ij}^L from node i of layer L-1 to j
    return (
        np.isclose(S.gW[2][i, j], dEdu2[j] * du_dW(2, j)[i, j])
        and np.isclose(dEdu2[j], dEdh2[j] * dsig(u2[j]))
        and np.isclose(S.gW[2][i, j], dEdh2[j] * dsig(u2[j]) * du_dW(2, j)[i, j])
    )


def all_ij(f, ni, nj):
    return all(f(i, j) for i in range(ni) for j in range(nj))


def descends(step):
    """An update gives a smaller E for a small rate (a gradient step, not an ascent)."""
    return S.J(W={2: step(W2, S.gW[2], 1e-3)}) < S.loss


sumd = lambda j: float(sum(d2[dd] * W2[j, dd] for dd in range(3)))  # noqa: E731
H0, H1, H2, U1, U2 = B.H[0], B.H[1], B.H[2], B.U[1], B.U[2]
D1, D2, dEdH2 = B.dU[1], B.dU[2], B.dH[2]
one = np.ones((n, 1))
dEdY = grad(lambda v: mse(v, T), H2)
bp = {
    "line 40#2": lambda: all(same(S.U[l], S.H[l - 1] @ S.W[l] + S.b[l]) for l in (1, 2)),
    "line 41#2": lambda: all(same(S.H[l], sigmoid(S.U[l])) for l in (1, 2)),
    "line 48": lambda: same(S.H[0], X[:1]),
    "line 48#2": lambda: np.isclose(mse(S.H[2], T[:1]), S.loss),
    "line 60": lambda: descends(lambda W, g, r: W + r * g),
    "line 72.1": lambda: all_ij(comp_out, 5, 3),
    "line 73.2": lambda: all_ij(comp_out, 5, 3),
    "line 74.3": lambda: all(np.isclose(S.gb[2][0, j], dEdh2[j] * dsig(u2[j]) * du_db(2, j)[j]) for j in range(3)),
    "line 82.1": lambda: all_ij(lambda i, j: np.isclose(du_dW(2, j)[i, j], h1[i]), 5, 3),
    "line 83.2": lambda: all(np.isclose(du_db(2, j)[j], 1) for j in range(3)),
    "line 86": lambda: all_ij(
        lambda i, j: np.isclose(S.gW[2][i, j], dEdh2[j] * dsig(u2[j]) * h1[i]) and np.isclose(S.gW[2][i, j], d2[j] * h1[i]), 5, 3
    ),
    "line 86#2": lambda: same(S.gb[2][0], dEdh2 * dsig(u2)) and same(S.gb[2][0], d2),
    "line 98#7": lambda: all_ij(lambda i, j: np.isclose(S.gW[1][i, j], dEdu1[j] * du_dW(1, j)[i, j]), 4, 5),
    "line 103": lambda: all(
        np.isclose(d1[j], v)
        for j in range(5)
        for v in (
            sum(d2[dd] * J_u2_u1[dd, j] for dd in range(3)),
            sum(d2[dd] * J_u2_h1[dd, j] * dsig(u1[j]) for dd in range(3)),
            sumd(j) * dsig(u1[j]),
        )
    ),
    "line 107": lambda: all_ij(lambda j, dd: np.isclose(J_u2_h1[dd, j], W2[j, dd]), 5, 3),
    "line 112.1": lambda: all_ij(
        lambda i, j: np.isclose(S.gW[1][i, j], d1[j] * h0[i]) and np.isclose(S.gW[1][i, j], sumd(j) * dsig(u1[j]) * h0[i]), 4, 5
    ),
    "line 113.2": lambda: all(
        np.isclose(S.gb[1][0, j], sumd(j) * dsig(u1[j])) and np.isclose(S.gb[1][0, j], d1[j] * du_db(1, j)[j]) for j in range(5)
    ),
    "line 116": lambda: all_ij(lambda i, j: np.isclose(du_dW(1, j)[i, j], h0[i]), 4, 5),
    "line 116#2": lambda: all(np.isclose(du_db(1, j)[j], 1) for j in range(5)),
    "line 127": lambda: same(S.gW[2], np.array([[h1[i] * dEdh2[j] * dsig(u2[j]) for j in range(3)] for i in range(5)])),
    "line 138.1": lambda: same(S.gW[2], S.H[1].T @ (dEdh2 * dsig(u2))[None, :]) and same(S.gW[2], S.H[1].T @ d2[None, :]),
    "line 139.2": lambda: same(S.gb[2][0], dEdh2 * dsig(u2)) and same(S.gb[2][0], d2),
    "line 142": lambda: same(d2, dEdh2 * dsig(u2)),
    "line 148.1": lambda: same(S.gW[1], S.H[0].T @ ((d2[None, :] @ W2.T) * dsig(S.U[1]))),
    "line 149.2": lambda: same(S.gb[1], (d2[None, :] @ W2.T) * dsig(S.U[1])),
    "line 155": lambda: same(d1[None, :], (d2[None, :] @ W2) * dsig(S.U[1])),
    "line 164#2": lambda: all(same(B.U[l], B.H[l - 1] @ B.W[l] + one @ B.b[l]) for l in (1, 2)),
    "line 165#2": lambda: all(same(B.H[l], sigmoid(B.U[l])) for l in (1, 2)),
    "line 174": lambda: same(B.gW[2], sum(np.outer(H1[q], dEdH2[q] * dsig(U2[q])) for q in range(n))),
    "line 199": lambda: same(B.gW[2], np.einsum("qi,qj->ij", H1, dEdH2 * dsig(U2))) and same(B.gW[2], np.einsum("qi,qj->ij", H1, D2)),
    "line 206": lambda: same(D2, dEdH2 * dsig(U2)),
    "line 206#2": lambda: all(same(D2[q], dEdH2[q] * dsig(U2[q])) for q in range(n)),
    "line 208": lambda: same(B.gW[2], H1.T @ D2),
    "line 216": lambda: same(B.gb[2][0], D2.sum(axis=0)) and same(B.gb[2], one.T @ D2),
    "line 221": lambda: same(B.gb[2], one.T @ D2),
    "line 229.1": lambda: (
        all_ij(
            lambda i, j: np.isclose(
                B.gW[1][i, j], sum(sum(D2[q, dd] * B.W[2][j, dd] for dd in range(3)) * dsig(U1[q, j]) * H0[q, i] for q in range(n))
            ),
            4,
            5,
        )
        and same(B.gW[1], H0.T @ (dsig(U1) * (D2 @ B.W[2].T)))
    ),
    "line 232.2": lambda: same(B.gW[1], H0.T @ (dsig(U1) * (D2 @ B.W[2].T))),
    "line 233.3": lambda: same(B.gb[1], one.T @ D1),
    "line 241.1": lambda: all(same(D2[q], dEdH2[q] * dsig(U2[q])) for q in range(n)),
    "line 243.2": lambda: (
        all_ij(lambda q, j: np.isclose(D1[q, j], sum(D2[q, dd] * B.W[2][j, dd] for dd in range(3)) * dsig(U1[q, j])), n, 5)
        and same(D1, (D2 @ B.W[2].T) * dsig(U1))
    ),
    "line 245.3": lambda: same(D1, (D2 @ B.W[2].T) * dsig(U1)),
    "line 259": lambda: np.isclose(B.loss, sum(np.sum((T[q] - H2[q]) ** 2) for q in range(n)) / (2 * n)),
    "line 268.1": lambda: same(dEdY, (H2 - T) / n),
    "line 269.2": lambda: same(D2, dEdY * dsig(U2)) and same(D2, (H2 - T) / n * dsig(U2)),
    "line 270.3": lambda: same(D2, (H2 - T) / n * dsig(U2)),
}
bp_planted = {
    "line 82.1": lambda: all_ij(lambda i, j: np.isclose(du_dW(2, j)[i, j], h1[j]), 5, 3),
    "line 103": lambda: all(np.isclose(d1[j], sum(d2[dd] * W2[dd, j] for dd in range(3)) * dsig(u1[j])) for j in range(5)),
    "line 138.1": lambda: same(S.gW[2], S.H[1] @ d2[None, :]),
    "line 148.1": lambda: same(S.gW[1], S.H[0].T @ ((d2[None, :] @ W2.T) * dsig(S.U[2]))),
    "line 208": lambda: same(B.gW[2], D2 @ H1.T),
    "line 221": lambda: same(B.gb[2], D2),
    "line 245.3": lambda: same(D1, (D2 @ B.W[2]) * dsig(U1)),
    "line 268.1": lambda: same(dEdY, (H2 - T) / (2 * n)),
    "line 270.3": lambda: same(D2, (T - H2) / n * dsig(U2)),
}
confirm("jihwan_backprop.md", "jihwan_backprop_planted.md", bp, bp_planted)


# ---------------------------------------------------------------- jihwan_softmax: ReLU hidden, softmax output, summed CE
def softmax_rows(U):
    return np.exp(U - U.max(axis=1, keepdims=True)) / np.exp(U - U.max(axis=1, keepdims=True)).sum(axis=1, keepdims=True)


relu = lambda v: np.maximum(0, v)  # noqa: E731
ce_sum = lambda Y, T: float(-(T * np.log(Y)).sum())  # noqa: E731
Tc = np.eye(3)[rng.integers(0, 3, size=n)]
C = RowNet(X, Tc, (4, 5, 3), (relu, softmax_rows), ce_sum)
Yc, Uc, Dc = C.H[2], C.U[2], C.dU[2]
dEdYc = grad(lambda v: ce_sum(v, Tc), Yc)
Jq = [jacobian(lambda v: softmax_rows(v[None, :])[0], Uc[q]) for q in range(n)]  # [c, j] = d y_qc / d U_qj
ind = np.eye(3)
Ur = rng.normal(size=(3, 4))


def soft_delta(q, j):
    y, t, g = Yc[q], Tc[q], dEdYc[q]
    links = [
        sum(g[c] * Jq[q][c, j] for c in range(3)),
        sum(g[c] * y[c] * (ind[c, j] - y[j]) for c in range(3)),
        g[j] * y[j] - sum(g[c] * y[c] * y[j] for c in range(3)),
        -t[j] / y[j] * y[j] - sum(-t[c] / y[c] * y[c] * y[j] for c in range(3)),
        y[j] * t.sum() - t[j],
        y[j] - t[j],
    ]
    return all(np.isclose(Dc[q, j], v) for v in links)


sm = {
    "line 8.1": lambda: np.isclose(C.loss, sum(ce_sum(Yc[q : q + 1], Tc[q : q + 1]) for q in range(n))),
    "line 9.2": lambda: all(
        np.isclose(ce_sum(Yc[q : q + 1], Tc[q : q + 1]), -sum(Tc[q, j] * np.log(Yc[q, j]) for j in range(3))) for q in range(n)
    ),
    "line 18": lambda: same(relu(Ur), np.where(Ur > 0, Ur, 0.0)),
    "line 21": lambda: same((relu(Ur + 1e-6) - relu(Ur - 1e-6)) / 2e-6, np.where(Ur > 0, 1.0, 0.0)),
    "line 28": lambda: same(sigmoid(Ur), 1 / (1 + np.exp(-Ur))),
    "line 30": lambda: same((sigmoid(Ur + 1e-6) - sigmoid(Ur - 1e-6)) / 2e-6, sigmoid(Ur) * (1 - sigmoid(Ur))),
    "line 38": lambda: same(Yc, np.exp(Uc) / np.exp(Uc).sum(axis=1, keepdims=True)),
    "line 45": lambda: all(
        np.isclose(Jq[q][c, j], (Yc[q, j] * (1 - Yc[q, j]) if c == j else -Yc[q, c] * Yc[q, j]))
        and np.isclose(Jq[q][c, j], Yc[q, c] * (ind[c, j] - Yc[q, j]))
        for q in range(n)
        for c in range(3)
        for j in range(3)
    ),
    "line 56": lambda: same(dEdYc, -Tc / Yc),
    "line 59.1": lambda: all(soft_delta(q, j) for q in range(n) for j in range(3)),
    "line 64.2": lambda: same(Dc, Yc - Tc),
}
sm_planted = {
    "line 45": lambda: all(
        np.isclose(Jq[q][c, j], Yc[q, c] * (ind[c, j] - Yc[q, c])) for q in range(n) for c in range(3) for j in range(3)
    ),
    "line 56": lambda: same(dEdYc, Tc / Yc),
    "line 64.2": lambda: same(Dc, (Yc - Tc) / n),
}
confirm("jihwan_softmax.md", "jihwan_softmax_planted.md", sm, sm_planted)
print("OK")
