"""Independent NumPy oracle for cjhjhj_backprop_ko.md / cjhjhj_backprop_ko_planted.md (a learner's Korean derivation for
a ReLU / sigmoid / softmax network with a per-output cross-entropy).

His 3-3-3-3 network on random numbers (column vectors, h1_in = W_ij^T I + B_j, ...), E = sum_i E_i with E_i =
-(y_i log O_i + (1 - y_i) log(1 - O_i)): total derivatives by central differences of E (and of each E_i), the
"partial" derivatives he names (dE/dO_out_1 with the outputs as free variables, dO_out_1/dO_in_1 the softmax's diagonal)
as such; the sigmoid and softmax identities at random points. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_cjhjhj_ko.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid

rng = np.random.default_rng(1509)
Wij, Bj, Wjk, Bk, Wkl, Bl = (rng.normal(size=s) for s in [(3, 3), 3, (3, 3), 3, (3, 3), 3])
I, y = np.array([0.9, -0.4, 0.7]), np.array([0.0, 1.0, 0.0])
Bj = np.abs(Wij.T @ I) + 0.5  # every ReLU unit active: no zero makes two entries equal by accident


def softmax(v):
    e = np.exp(v - v.max())
    return e / e.sum()


def fwd(wij=Wij, wjk=Wjk, wkl=Wkl):
    h1 = np.maximum(0, wij.T @ I + Bj)
    h2_in = wjk.T @ h1 + Bk
    h2 = sigmoid(h2_in)
    o_in = wkl.T @ h2 + Bl
    return h1, h2_in, h2, o_in, softmax(o_in)


Ei = lambda O: -(y * np.log(O) + (1 - y) * np.log(1 - O))  # noqa: E731  the per-output terms
h1, h2_in, h2, o_in, O = fwd()
E_w = lambda **kw: float(Ei(fwd(**kw)[4]).sum())  # noqa: E731
gkl, gjk = grad(lambda v: E_w(wkl=v), Wkl), grad(lambda v: E_w(wjk=v), Wjk)
Ei_kl = [grad(lambda v, i=i: float(Ei(fwd(wkl=v)[4])[i]), Wkl) for i in range(3)]  # dE_i/dW_kl, total
E_h2 = lambda h: float(Ei(softmax(Wkl.T @ h + Bl)).sum())  # noqa: E731
dE_dh2 = grad(E_h2, h2)
dEi_dh2 = [grad(lambda h, i=i: float(Ei(softmax(Wkl.T @ h + Bl))[i]), h2) for i in range(3)]
dEi_dO = -y / O + (1 - y) / (1 - O)  # dE_i/dO_out_i with the outputs as free variables
diag = O * (1 - O)  # dO_out_i / dO_in_i, the softmax's diagonal
one_path_kl = np.array([[dEi_dO[l] * diag[l] * h2[k] for l in range(3)] for k in range(3)])  # [k, l]
one_path_h2 = np.array([sum(dEi_dO[i] * diag[i] * Wkl[a, i] for i in range(3)) for a in range(3)])
xs, ps = 0.37, rng.normal(size=3)
d = lambda f, x0: float(grad(lambda v: float(f(v)), np.array(x0, float)))  # noqa: E731
dp = d(lambda v: softmax(np.r_[v, ps[1:]])[0], ps[0])  # d p(x_1)/dx_1
e, S = np.exp(ps), np.exp(ps).sum()
eo, So = np.exp(o_in), np.exp(o_in).sum()
J_out = jacobian(softmax, o_in)
col = lambda f, k: np.array([grad(lambda v, b=b: float(f(v)[b]), Wkl if k == "kl" else Wjk)[:, b] for b in range(3)]).T  # noqa: E731
alpha = 1e-3
chain_jk = np.array([[dE_dh2[b] * h2[b] * (1 - h2[b]) * h1[a] for b in range(3)] for a in range(3)])  # [a (j), b (k)]
typo_jk = chain_jk.copy()
typo_jk[1, 1], typo_jk[1, 2] = dE_dh2[1] * h2[1] * (1 - h2[1]) * h1[0], dE_dh2[2] * h2[2] * (1 - h2[2]) * h1[0]

checks = {
    "line 181": lambda: same(d(lambda v: 1 + np.exp(-v), xs), -np.exp(-xs)),
    "line 184": lambda: same(d(sigmoid, xs), np.exp(-xs) / (1 + np.exp(-xs)) ** 2),
    "line 186": lambda: same(np.exp(-xs) / (1 + np.exp(-xs)) ** 2, sigmoid(xs) * (1 - sigmoid(xs))),
    "line 188": lambda: same(d(sigmoid, xs), sigmoid(xs) * (1 - sigmoid(xs))),
    "line 197": lambda: same(dp, d(lambda v: np.exp(v) / (np.exp(v) + e[1] + e[2]), ps[0])),
    "line 198": lambda: same(dp, (e[0] * S - e[0] * e[0]) / S ** 2),
    "line 199": lambda: same(dp, e[0] / S * (S - e[0]) / S),
    "line 200": lambda: same(dp, e[0] / S * (1 - e[0] / S)) and same(dp, (e[0] / S) * (1 - e[0] / S)),
    "line 209": lambda: same(gkl[0, 0], dEi_dO[0] * diag[0] * h2[0]),
    "line 216": lambda: same(grad(lambda o: float(Ei(o).sum()), O)[0], grad(lambda o: float(Ei(o)[0]), O)[0]),
    "line 218": lambda: same(grad(lambda o: float(Ei(o)[0]), O)[0], -y[0] / O[0] - (1 - y[0]) * (-1 / (1 - O[0]))),
    "line 219": lambda: same(grad(lambda o: float(Ei(o)[0]), O)[0], -y[0] / O[0] + (1 - y[0]) / (1 - O[0])),
    "line 222": lambda: same(grad(lambda o: float(Ei(o).sum()), O), dEi_dO),
    "line 235": lambda: same(J_out[0, 0], d(lambda v: np.exp(v) / (np.exp(v) + eo[1] + eo[2]), o_in[0])),
    "line 238": lambda: same(J_out[0, 0], eo[0] * (eo[1] + eo[2]) / So ** 2),
    "line 241": lambda: same(np.diag(J_out), diag),
    "line 254": lambda: same(grad(lambda v: float((v.T @ h2 + Bl)[0]), Wkl)[0, 0], h2[0]),
    "line 257": lambda: same(grad(lambda v: float((v.T @ h2 + Bl)[0]), Wkl)[:, 0], h2),
    "line 291": lambda: same(col(lambda v: v.T @ h2 + Bl, "kl"), np.outer(h2, np.ones(3))),
    "line 304": lambda: same(gkl[0, 0], Ei_kl[0][0, 0]),
    "line 304#2": lambda: same(gkl[0, 1], Ei_kl[1][0, 0]),
    "line 307": lambda: same(gkl, np.array([[Ei_kl[l][k, l] for l in range(3)] for k in range(3)])),
    "line 318": lambda: same(gkl, one_path_kl),
    "line 329": lambda: same(gkl, one_path_kl),
    "line 349": lambda: E_w(wkl=Wkl - alpha * gkl) < E_w(),
    "line 356": lambda: same(gjk[0, 0], dE_dh2[0] * h2[0] * (1 - h2[0]) * h1[0]),
    "line 360": lambda: same(d(sigmoid, h2_in[0]), sigmoid(h2_in[0]) * (1 - sigmoid(h2_in[0]))),
    "line 366": lambda: same(np.array([d(sigmoid, z) for z in h2_in]), sigmoid(h2_in) * (1 - sigmoid(h2_in))),
    "line 379": lambda: same(grad(lambda v: float((v.T @ h1 + Bk)[0]), Wjk)[0, 0], h1[0]),
    "line 385": lambda: same(col(lambda v: v.T @ h1 + Bk, "jk"), np.outer(h1, np.ones(3))),
    "line 398": lambda: same(dE_dh2[0], sum(g[0] for g in dEi_dh2)),
    "line 402": lambda: same(dEi_dh2[0][0], dEi_dO[0] * diag[0] * Wkl[0, 0]),
    "line 403": lambda: same(dEi_dh2[1][0], dEi_dO[1] * diag[1] * Wkl[0, 1]),
    "line 404": lambda: same(dEi_dh2[2][0], dEi_dO[2] * diag[2] * Wkl[0, 2]),
    "line 408": lambda: same(dE_dh2, sum(dEi_dh2)),
    "line 418": lambda: same(dE_dh2, one_path_h2),
    "line 431": lambda: same(jacobian(lambda h: Wkl.T @ h + Bl, h2).T, Wkl),
    "line 443": lambda: same(dE_dh2, Wkl @ (dEi_dO * diag)),
    "line 476": lambda: same(gjk, typo_jk),
    "line 481": lambda: same(gjk, chain_jk),
}
planted = {
    "line 188": lambda: same(d(sigmoid, xs), sigmoid(xs) * (1 + sigmoid(xs))),
    "line 200": lambda: same(dp, e[0] / S * (1 + e[0] / S)),
    "line 238": lambda: same(J_out[0, 0], eo[0] * (eo[0] + eo[2]) / So ** 2),
    "line 254": lambda: same(grad(lambda v: float((v.T @ h2 + Bl)[0]), Wkl)[0, 0], h2[1]),
    "line 349": lambda: E_w(wkl=Wkl + alpha * gkl) < E_w(),
    "line 360": lambda: same(d(sigmoid, h2_in[0]), sigmoid(h2_in[0]) * (1 - h2_in[0])),
    "line 379": lambda: same(grad(lambda v: float((v.T @ h1 + Bk)[0]), Wjk)[0, 0], h1[1]),
}
confirm("cjhjhj_backprop_ko.md", "cjhjhj_backprop_ko_planted.md", checks, planted)
print("OK")
