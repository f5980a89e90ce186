"""Independent NumPy oracle for the three UvA Deep Learning 1 homework write-ups (xqzu_uvadlc_a1.tex, 2022;
loedeman_uvadlc_a1.tex, 2020; pvdklei_uvadlc_a1.tex, 2025) and their planted copies.

The assignment's modules on a batch of S samples as ROWS (S = 3 here, with N = 5 outputs and M = 4 inputs, so that a
product of the wrong shapes raises): linear Y = X W^T + B (B = 1 b^T: every row is b), element-wise Y = h(X) (ELU),
softmax Y_sc = e^{X_sc} / sum_k e^{X_sk}, cross-entropy L = -1/S sum_s sum_c T_sc ln X_sc (T one-hot). In the module
questions L is ANY scalar function of the module's output: L(Y) = sum(A * sin(Y)) + 0.3 sum(Y^2) with a random A, so
dL/dY depends on Y. Every derivative is taken by central differences (fdcheck.grad, jacobians of the modules as
4-index arrays [s, n, i, j] = dY_sn / dX_ij); each claim is evaluated as written (Kronecker deltas as identity matrices,
every side of a chain compared with the derivative), and a check holds exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_uvadlc.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(2323)
S, N, M, C = 3, 5, 4, 5
IS, IN, IM, IC = np.eye(S), np.eye(N), np.eye(M), np.eye(C)
A = rng.normal(size=(S, N))


def links(*vals):
    return all(same(vals[0], v) for v in vals[1:])


def loss(Y):  # any scalar function of the module's output
    return float(np.sum(A * np.sin(Y)) + 0.3 * np.sum(Y**2))


def jac4(f, X):
    """[s, n, i, j] = d f(X)_sn / d X_ij by central differences."""
    out = f(X)
    J = np.zeros(out.shape + X.shape)
    for idx in np.ndindex(X.shape):
        e = np.zeros_like(X)
        e[idx] = 1e-6
        J[(..., *idx)] = (f(X + e) - f(X - e)) / 2e-6
    return J


# --- the linear module
X = rng.normal(size=(S, M))
W = rng.normal(size=(N, M))
b = rng.normal(size=N)


def lin(X=X, W=W, b=b):
    return X @ W.T + np.ones((S, 1)) * b[None, :]


Y = lin()
G = grad(loss, Y)  # dL/dY
dLdW = grad(lambda v: loss(lin(W=v)), W)
dLdb = grad(lambda v: loss(lin(b=v)), b)
dLdX = grad(lambda v: loss(lin(X=v)), X)
JW = jac4(lambda v: lin(W=v), W)  # [s, n, i, j] = dY_sn / dW_ij
JX = jac4(lambda v: lin(X=v), X)  # [s, n, i, j] = dY_sn / dX_ij
Jb = np.array([jac4(lambda v: lin(b=v)[s][None, :], b)[0] for s in range(S)])  # [s, n, j] = dY_sn / db_j
JB = np.array([jac4(lambda v: (np.ones((S, 1)) * v[None, :])[s][None, :], b)[0] for s in range(S)])  # dB_sn / db_j
dWdW = jac4(lambda v: v, W)  # [n, m, i, j] = dW_nm / dW_ij
dXdX = jac4(lambda v: v, X)

# --- the element-wise activation (ELU)


def elu(v):
    return np.where(v > 0, v, np.exp(np.minimum(v, 0)) - 1)


def elu_p(v):
    return np.where(v > 0, 1.0, np.exp(np.minimum(v, 0)))


Xa = rng.normal(size=(S, N))
Ga = grad(loss, elu(Xa))
dLdXa = grad(lambda v: loss(elu(v)), Xa)
JH = jac4(elu, Xa)
JXa = jac4(lambda v: v, Xa)  # dX_sn / dX_ij
hp = elu_p(Xa)

# --- the softmax module


def softmax(v):
    e = np.exp(v - v.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


Xs = rng.normal(size=(S, C))
Ys = softmax(Xs)
E, SUM = np.exp(Xs), np.exp(Xs).sum(axis=1)  # e^{X_sc}, sum_k e^{X_sk}
As = rng.normal(size=(S, C))


def loss_s(Yv):  # any scalar function of the softmax output
    return float(np.sum(As * np.sin(Yv)) + 0.3 * np.sum(Yv**2))


Gs = grad(loss_s, Ys)
dLdXs = grad(lambda v: loss_s(softmax(v)), Xs)
JS = jac4(softmax, Xs)
dE = jac4(np.exp, Xs)  # [s, c, i, j] = d e^{X_sc} / dX_ij
dSum = jac4(lambda v: np.exp(v).sum(axis=1, keepdims=True), Xs)[:, 0]  # [s, i, j] = d sum_k e^{X_sk} / dX_ij
dXs = jac4(lambda v: v, Xs)  # dX_sc / dX_ij
d4 = np.einsum("si,cj->scij", IS, IC)  # delta_si delta_cj
Ysj = np.einsum("si,sj,c->scij", IS, Ys, np.ones(C))  # delta_si Y_sj (over c)
Ysc = Ys[:, :, None, None]
Esc, SUMs = E[:, :, None, None], SUM[:, None, None, None]
Esj = np.einsum("si,sj,c->scij", IS, E, np.ones(C))  # delta_si e^{X_sj}


def dsoft(sign=-1.0, last=None):
    """[s, c, i, j] = delta_si Y_sc (delta_cj + sign * last_sj), last = Y (the Jacobian as written) unless given."""
    last = Ys[:, None, None, :] if last is None else last
    return IS[:, None, :, None] * Ysc * (IC[None, :, None, :] + sign * last)


def rowdot(Gv, Yv):
    return (Gv * Yv).sum(axis=1, keepdims=True)  # sum_c G_ic Y_ic


one = np.ones((C, 1))

# --- the cross-entropy module
Xc = rng.uniform(0.1, 0.9, size=(S, C))
T = np.eye(C)[rng.integers(0, C, size=S)]


def ce(v):
    return float(-np.sum(T * np.log(v)) / S)


dLdXc = grad(ce, Xc)
dTlnX = jac4(lambda v: T * np.log(v), Xc)  # [s, c, i, j] = d(T_sc ln X_sc)/dX_ij
dlogX = jac4(np.log, Xc)
dXc = jac4(lambda v: v, Xc)

# --- Q2: the softmax logits Z and the cross-entropy of Y = softmax(Z)
Z = rng.normal(size=(S, C))
Yz = softmax(Z)
dLdZ = grad(lambda v: ce(softmax(v)), Z)
Aq = (-1 / S * T) / Yz  # 1f's dL/dY, substituted into 1e


def q2_row1():
    return Yz * (Aq - ((-1 / S * T) / Yz * Yz) @ one @ one.T)


q2_row2 = -1 / S * (Yz / Yz) * (T - (T * Yz) @ one @ one.T)
q2_row3 = -1 / S * (T - (T * Yz) @ one @ one.T)
M_student = (T * Yz) @ one @ one.T - T

with np.errstate(divide="ignore", invalid="ignore"):  # 1d as written: divided by h'(X_sn) delta_si delta_nj
    divided = np.einsum("sn,snij->ij", Ga, 1 / np.einsum("sn,si,nj->snij", hp, IS, IN))
    divided_end = Ga[None, None] / hp  # dY_ij / h'(X_sn): no single value

xqzu = {
    "Q1.1": lambda: links(dLdW, np.einsum("sn,snij->ij", G, JW)),
    "Q1.2": lambda: links(JW, np.einsum("sm,nmij->snij", X, dWdW), np.einsum("sm,ni,mj->snij", X, IN, IM),
                          np.einsum("sj,ni->snij", X, IN)),
    "Q1.3": lambda: links(dLdW, np.einsum("sn,sj,ni->ij", G, X, IN), np.einsum("si,sj->ij", G, X), G.T @ X),
    "Q1.4": lambda: links(dLdb, np.einsum("sn,snj->j", G, Jb)),
    "Q1.5": lambda: links(Jb, JB, np.einsum("s,nj->snj", np.ones(S), IN)),
    "Q1.6": lambda: links(dLdb, np.einsum("sn,nj->j", G, IN), G.sum(axis=0)),
    "Q1.8": lambda: same(dLdb, np.ones(S) @ G),
    "Q1.9": lambda: links(dLdX, np.einsum("sn,snij->ij", G, JX)),
    "Q1.10": lambda: links(JX, np.einsum("smij,nm->snij", dXdX, W), np.einsum("si,mj,nm->snij", IS, IM, W),
                          np.einsum("si,nj->snij", IS, W)),
    "Q1.11": lambda: links(dLdX, np.einsum("sn,si,nj->ij", G, IS, W), G @ W),
    "Q1.13": lambda: links(dLdXa, np.einsum("sn,snij->ij", Ga, JH)),
    "Q1.14": lambda: links(JH, np.einsum("sn,snij->snij", hp, JXa), np.einsum("sn,si,nj->snij", hp, IS, IN)),
    "Q1.15": lambda: links(dLdXa, divided, divided_end) and same(dLdXa, Ga * hp),
    "Q1.16": lambda: links(dLdXs, np.einsum("sc,scij->ij", Gs, JS)),
    "Q1.17": lambda: links(JS, (dE * SUMs - dSum[:, None] * Esc) / SUMs**2),
    "Q1.18": lambda: links(dE, Esc * dXs, Esc * d4),
    "Q1.19": lambda: links(dSum, np.einsum("sk,si,kj->sij", E, IS, IC), np.einsum("sj,si->sij", E, IS)),
    "Q1.20": lambda: links(JS, (Esc * d4 * SUMs - Esj * Esc) / SUMs**2),
    "Q1.21": lambda: links(Esc * d4 * SUMs / SUMs**2, Esc * d4 / SUMs, d4 * Ysc),
    "Q1.22": lambda: links(Esj * Esc / SUMs**2, Esj / SUMs * Ysc, Ysj * Ysc),
    "Q1.23": lambda: links(JS, d4 * Ysc - Ysj * Ysc, dsoft()),
    "Q1.24": lambda: links(dLdXs, np.einsum("sc,scij->ij", Gs, dsoft()),
                           (Gs * Ys) @ IC - rowdot(Gs, Ys) * Ys, Gs - rowdot(Gs, Ys) * Ys, Ys * (Gs - rowdot(Gs, Ys))),
    "line 162.9": lambda: links(dLdXs, np.einsum("sc,scij->ij", Gs, dsoft()),
                                (Gs * Ys) @ IC - rowdot(Gs, Ys) * Ys),
    "line 166.10": lambda: links(dLdXs, Gs - rowdot(Gs, Ys) * Ys, Ys * (Gs - rowdot(Gs, Ys))),
    "Q1.25": lambda: same(dLdXs, Ys * (Gs - rowdot(Gs, Ys))),
    "Q1.26": lambda: same(dLdXs, Ys * (Gs - (Gs * Ys) @ one @ one.T)),
    "Q1.27": lambda: links(dLdXc, grad(ce, Xc), -1 / S * dTlnX.sum(axis=(0, 1)), -1 / S * np.einsum("sc,si,cj->ij", T / Xc, IS, IC),
                           -1 / S * T / Xc),
    "line 198.1": lambda: same(dLdXc, grad(ce, Xc)),
    "line 202.2": lambda: links(dLdXc, -1 / S * dTlnX.sum(axis=(0, 1)), -1 / S * np.einsum("sc,si,cj->ij", T / Xc, IS, IC),
                                -1 / S * T / Xc),
    "Q1.28": lambda: same(dLdXc, -1 / S * T / Xc),
    "Q2.1": lambda: links(dLdZ, q2_row1(), q2_row2, q2_row3),
    "line 221.1": lambda: same(dLdZ, q2_row1()),
    "line 224.2": lambda: same(dLdZ, q2_row2),
    "line 226.3": lambda: same(dLdZ, q2_row3),
    "Q2.3": lambda: same(dLdZ, 1 / S * M_student),
}
xqzu_planted = {
    "Q1.2": lambda: links(JW, np.einsum("sm,nmij->snij", X, dWdW), np.einsum("sm,ni,mj->snij", X, IN, IM),
                          np.einsum("si,nj->snij", X, IN)),
    "Q1.3": lambda: links(dLdW, np.einsum("sn,sj,ni->ij", G, X, IN), np.einsum("si,sj->ij", G, X), G @ X),
    "Q1.8": lambda: same(dLdb, 1 / S * np.ones(S) @ G),
    "Q1.11": lambda: links(dLdX, np.einsum("sn,si,nj->ij", G, IS, W), G @ W.T),
    "Q1.23": lambda: links(JS, d4 * Ysc - Ysj * Ysc, dsoft(sign=1.0)),
    "Q1.26": lambda: same(dLdXs, Gs - (Gs * Ys) @ one @ one.T),
    "Q1.27": lambda: links(dLdXc, grad(ce, Xc), -1 / S * dTlnX.sum(axis=(0, 1)), -1 / S * np.einsum("sc,si,cj->ij", T / Xc, IS, IC),
                           -T / Xc),
    "line 202.2": lambda: links(dLdXc, -1 / S * dTlnX.sum(axis=(0, 1)), -1 / S * np.einsum("sc,si,cj->ij", T / Xc, IS, IC), -T / Xc),
}
confirm("xqzu_uvadlc_a1.tex", "xqzu_uvadlc_a1_planted.tex", xqzu, xqzu_planted)

# --- Loedeman (the same modules, his letters m, n, p, k; (a)(ii)'s 1 the 1 x S row of ones)
JSm = JS  # [m, n, i, j] = dY_mn / dX_ij
quot2 = (np.einsum("m,mn,mi,nj->mnij", SUM, E, IS, IC) - np.einsum("mn,mk,mi,kj->mnij", E, E, IS, IC)) / SUMs**2
quot3 = (np.einsum("m,mn,mi,nj->mnij", SUM, E, IS, IC) - np.einsum("mn,mj,mi->mnij", E, E, IS)) / SUMs**2
row4 = np.einsum("mn,mi,nj->mnij", Ys, IS, IC) - np.einsum("mn,mj,mi->mnij", Ys, Ys, IS)


def row5(wrong=False):
    """Y_mn delta_mi (delta_nj - Y_mj); wrong: Y_mn in the bracket (the planted index)."""
    return dsoft(last=Ysc if wrong else None)


soft_rows = {
    "line 123.1": lambda: same(JSm, jac4(lambda v: np.exp(v) / np.exp(v).sum(axis=1, keepdims=True), Xs)),
    "line 123.2": lambda: same(JSm, quot2),
    "line 123.3": lambda: same(JSm, quot3),
    "line 124.4": lambda: same(JSm, row4),
    "line 124.5": lambda: same(JSm, row5()),
}
ce_rows = {
    "line 137.1": lambda: same(dLdXc, -1 / S * np.einsum("mn,mnij->ij", T, dlogX)),
    "line 137.2": lambda: same(dLdXc, -1 / S * np.einsum("mn,mnij->ij", T / Xc, dXc)),
    "line 137.3": lambda: same(dLdXc, -1 / S * np.einsum("mn,mi,nj->ij", T / Xc, IS, IC)),
    "line 137.4": lambda: same(dLdXc, -1 / S * T / Xc),
}
loedeman = {
    "Q1.1.3": lambda: same(dLdW, np.einsum("mn,mnij->ij", G, JW)),
    "Q1.1.4": lambda: links(JW, np.einsum("mp,npij->mnij", X, dWdW), np.einsum("mp,ni,pj->mnij", X, IN, IM),
                            np.einsum("mj,ni->mnij", X, IN)),
    "Q1.1.5": lambda: links(dLdW, np.einsum("mn,mj,ni->ij", G, X, IN), np.einsum("mi,mj->ij", G, X)),
    "Q1.1.6": lambda: same(dLdW, G.T @ X),
    "Q1.1.7": lambda: same(dLdb, np.einsum("mn,mni->i", G, Jb)),
    "Q1.1.8": lambda: links(Jb, JB, np.einsum("m,ni->mni", np.ones(S), IN)),
    "Q1.1.11": lambda: links(dLdb, np.einsum("mn,ni->i", G, IN), G.sum(axis=0)),
    "Q1.1.12": lambda: same(dLdb[None, :], np.ones((1, S)) @ G),
    "Q1.1.13": lambda: same(dLdX, np.einsum("mn,mnij->ij", G, JX)),
    "Q1.1.14": lambda: links(JX, np.einsum("mpij,np->mnij", dXdX, W), np.einsum("mi,pj,np->mnij", IS, IM, W),
                             np.einsum("mi,nj->mnij", IS, W)),
    "Q1.1.15": lambda: links(dLdX, np.einsum("mn,mi,nj->ij", G, IS, W), G @ W),
    "Q1.1.16": lambda: same(dLdX, G @ W),
    "Q1.1.17": lambda: same(dLdXa, np.einsum("mn,mnij->ij", Ga, JH)),
    "Q1.1.18": lambda: links(JH, np.einsum("mn,mi,nj->mnij", hp, IS, IN)),
    "Q1.1.19": lambda: links(dLdXa, np.einsum("mn,mi,nj->ij", Ga * hp, IS, IN), Ga * hp),
    "Q1.1.20": lambda: same(dLdXa, Ga * hp),
    "Q1.1.21": lambda: same(dLdXs, np.einsum("mn,mnij->ij", Gs, JS)),
    "Q1.1.22": lambda: all(holds_(c) for c in soft_rows.values()),
    **soft_rows,
    "Q1.1.24": lambda: links(dLdXs, np.einsum("mn,mnij->ij", Gs, row5()),
                             np.einsum("in,nj->ij", Gs * Ys, IC) - rowdot(Gs, Ys) * Ys),
    "line 131.1": lambda: same(dLdXs, np.einsum("mn,mnij->ij", Gs, row5())),
    "line 131.2": lambda: same(dLdXs, np.einsum("in,nj->ij", Gs * Ys, IC) - rowdot(Gs, Ys) * Ys),
    "Q1.1.25": lambda: all(holds_(c) for c in ce_rows.values()),
    **ce_rows,
    "Q1.1.26": lambda: same(dLdXc, -1 / S * T / Xc),
}


def holds_(check):
    try:
        return bool(check())
    except (ValueError, IndexError):
        return False


loedeman_planted = {
    "Q1.1.4": lambda: links(JW, np.einsum("mp,npij->mnij", X, dWdW), np.einsum("mp,ni,pj->mnij", X, IN, IM),
                            np.einsum("mi,nj->mnij", X, IN)),
    "Q1.1.6": lambda: same(dLdW, G @ X),
    "Q1.1.11": lambda: links(dLdb, np.einsum("mn,ni->i", G, IN), G),
    "Q1.1.19": lambda: links(dLdXa, np.einsum("mn,mi,nj->ij", Ga * hp, IS, IN), Ga * elu(Xa)),
    "Q1.1.22": lambda: all(holds_(c) for c in {**soft_rows, "line 124.5": lambda: same(JSm, row5(wrong=True))}.values()),
    "line 124.5": lambda: same(JSm, row5(wrong=True)),
    "Q1.1.26": lambda: same(dLdXc, 1 / S * T / Xc),
}
confirm("loedeman_uvadlc_a1.tex", "loedeman_uvadlc_a1_planted.tex", loedeman, loedeman_planted)

# --- pvdklei (2025: the same modules; 1c's letters t, n for the sum, s, i for the entry; 1e's G = dL/dY of the mean
# cross-entropy of Y = softmax(Z))
Gy = grad(ce, Yz)  # dL/dY
ones_S, ones_C = np.ones((S, 1)), np.ones((C, 1))
pvdklei = {
    "Q1a.3": lambda: same(dLdW, np.einsum("sn,snij->ij", G, JW)),
    "Q1a.4": lambda: links(JW, np.einsum("sm,nmij->snij", X, dWdW), np.einsum("sm,ni,mj->snij", X, IN, IM),
                           np.einsum("sj,ni->snij", X, IN)),
    "Q1a.5": lambda: links(dLdW, np.einsum("sn,sj,ni->ij", G, X, IN), np.einsum("si,sj->ij", G, X)),
    "Q1a.6": lambda: same(dLdW, G.T @ X),
    "Q1b.2": lambda: same(dLdb, np.einsum("sn,snj->j", G, Jb)),
    "Q1b.3": lambda: same(Jb, np.einsum("s,nj->snj", np.ones(S), IN)),
    "Q1b.4": lambda: links(dLdb, np.einsum("sn,nj->j", G, IN), G.sum(axis=0)),
    "Q1b.5": lambda: same(dLdb, np.ones(S) @ G),
    "Q1c.3": lambda: same(dLdX, np.einsum("tn,tnsi->si", G, JX)),
    "Q1c.4": lambda: links(JX, np.einsum("nm,tmsi->tnsi", W, dXdX), np.einsum("nm,ts,mi->tnsi", W, IS, IM),
                           np.einsum("ni,ts->tnsi", W, IS)),
    "Q1c.5": lambda: links(dLdX, np.einsum("tn,ni,ts->si", G, W, IS), G @ W),
    "Q1c.6": lambda: same(dLdX, G @ W),
    "Q1d.3": lambda: same(dLdXa, np.einsum("kl,klij->ij", Ga, JH)),
    "Q1d.4": lambda: same(JH, np.einsum("ij,ki,lj->klij", hp, IS, IN)),
    "Q1d.5": lambda: links(dLdXa, np.einsum("kl,ij,ki,lj->ij", Ga, hp, IS, IN), Ga * hp),
    "Q1d.6": lambda: same(dLdXa, Ga * hp),
    "Q1e.4": lambda: same(Gy, -1 / S * T / Yz),
    "Q1e.5": lambda: same(dLdZ, Yz * (Gy - ((Gy * Yz) @ ones_C) @ ones_C.T)),
    "Q1e.6": lambda: same(Gy, -1 / S * T / Yz),
    "Q1e.7": lambda: links(Gy * Yz, -1 / S * T),
    "Q1e.8": lambda: links((Gy * Yz) @ ones_C, -1 / S * T.sum(axis=1, keepdims=True), -1 / S * ones_S),
    "Q1e.9": lambda: same((Gy * Yz) @ ones_C @ ones_C.T, -1 / S * np.ones((S, C))),
    "Q1e.10": lambda: same(Gy - (Gy * Yz) @ ones_C @ ones_C.T, -1 / S * T / Yz + 1 / S),
    "Q1e.11": lambda: links(dLdZ, Yz * (-1 / S * T / Yz + 1 / S), -1 / S * T + 1 / S * Yz, 1 / S * (Yz - T)),
    "Q1e.12": lambda: same(dLdZ, 1 / S * (Yz - T)),
    "Q1e.13": lambda: same(dLdZ, 1 / S * (Yz - T)),  # alpha = 1/S with the answer's M = Y - T
    "Q1e.14": lambda: same(dLdZ, 1 / S * (Yz - T)),
}
pvdklei_planted = {
    "Q1a.4": lambda: links(JW, np.einsum("sm,nmij->snij", X, dWdW), np.einsum("sm,ni,mj->snij", X, IN, IM),
                           np.einsum("si,nj->snij", X, IN)),
    "Q1a.6": lambda: same(dLdW, G @ X),
    "Q1b.4": lambda: links(dLdb, np.einsum("sn,nj->j", G, IN), G),
    "Q1c.6": lambda: same(dLdX, W @ G),
    "Q1d.5": lambda: links(dLdXa, np.einsum("kl,ij,ki,lj->ij", Ga, hp, IS, IN), Ga * elu(Xa)),
    "Q1e.11": lambda: links(dLdZ, Yz * (-1 / S * T / Yz + 1 / S), -1 / S * T + 1 / S * Yz, 1 / S * (T - Yz)),
    "Q1e.12": lambda: same(dLdZ, Yz - T),
}
confirm("pvdklei_uvadlc_a1.tex", "pvdklei_uvadlc_a1_planted.tex", pvdklei, pvdklei_planted)
print("OK")
