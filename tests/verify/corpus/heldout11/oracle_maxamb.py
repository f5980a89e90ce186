"""Independent NumPy oracle for maxamb_mlp.md / maxamb_mlp_planted.md (max-amb, "The maths behind the MLP").

The post's network (maxamb_mlp.spec.toml): column vectors, nodes from 0, z^{[l]} = omega^{[l]} a^{[l-1]} + b^{[l]},
a^{[l]} = f(z^{[l]}) with f = sigmoid here, L = 3 layers (3 -> 4 -> 4 -> 3), one example, C = sum_i (a_i - hat a_i)^2
without 1/2 (hat a the target). The "hidden layer" formulas are checked with [l] = [L] = 3, [l-1] = 2, [l-2] = 1.
Every derivative is a central difference of C (or of the forward map); each row is NumPy code of what it writes,
element loops where it writes components. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_maxamb.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid

rng = np.random.default_rng(2025)
sizes = [3, 4, 4, 3]
W = [None] + [rng.normal(size=(sizes[k], sizes[k - 1])) for k in range(1, 4)]
b = [None] + [rng.normal(size=sizes[k]) for k in range(1, 4)]
x, target = rng.normal(size=3), np.array([0.0, 1.0, 0.0])


def forward(W=W, b=b, a0=x):
    a, z = [a0], [None]
    for k in range(1, 4):
        z.append(W[k] @ a[k - 1] + b[k])
        a.append(sigmoid(z[k]))
    return z, a


z, a = forward()
C = lambda out: float(np.sum((out - target) ** 2))  # noqa: E731


def C_from(level, value, kind):
    """C as a function of z^{[level]} or a^{[level]} (the layers above recomputed)."""
    act = sigmoid(value) if kind == "z" else value
    for k in range(level + 1, 4):
        act = sigmoid(W[k] @ act + b[k])
    return C(act)


def C_param(k, which, value):
    Wk = [w if i != k or which != "W" else value for i, w in enumerate(W)]
    bk = [v if i != k or which != "b" else value for i, v in enumerate(b)]
    return C(forward(Wk, bk)[1][3])


fp = [None] + [np.array([grad(lambda v: float(sigmoid(v)), np.array(zz)) for zz in z[k]]) for k in range(1, 4)]
dC_da3, dC_da2 = grad(lambda v: C_from(3, v, "a"), a[3]), grad(lambda v: C_from(2, v, "a"), a[2])
delta3, delta2 = grad(lambda v: C_from(3, v, "z"), z[3]), grad(lambda v: C_from(2, v, "z"), z[2])
dC_db3, dC_dW3 = grad(lambda v: C_param(3, "b", v), b[3]), grad(lambda v: C_param(3, "W", v), W[3])
dC_db2, dC_dW2 = grad(lambda v: C_param(2, "b", v), b[2]), grad(lambda v: C_param(2, "W", v), W[2])
J_z3_a2 = jacobian(lambda v: W[3] @ v + b[3], a[2])  # d z_i^{[3]} / d a_j^{[2]}
J_a3_z3, J_a2_z2 = jacobian(sigmoid, z[3]), jacobian(sigmoid, z[2])
dz_db3 = np.diag(jacobian(lambda v: W[3] @ a[2] + v, b[3]))
dz3_dW = np.array([[grad(lambda w, j=j: float((w @ a[2] + b[3])[j]), W[3])[j, i] for i in range(4)] for j in range(3)])
dz2_dW = np.array([[grad(lambda w, j=j: float((w @ a[1] + b[2])[j]), W[2])[j, i] for i in range(4)] for j in range(4)])
fprime_formula = [None] + [sigmoid(z[k]) * (1 - sigmoid(z[k])) for k in range(1, 4)]


def vec(n, fun):
    return np.array([fun(j) for j in range(n)])


def mat(r, c, fun):
    return np.array([[fun(i, j) for j in range(c)] for i in range(r)])


def z_components(k):
    return vec(sizes[k], lambda j: sum(a[k - 1][i] * W[k][j, i] for i in range(sizes[k - 1])) + b[k][j])


def matrix_292():
    """dC/domega^{[L]} as the post's matrix writes it: entries (1, 2) and (1, m) with a^{[L]}."""
    m = sizes[2] - 1
    M = mat(3, 4, lambda j, i: delta3[j] * a[2][i])
    M[1, 2], M[1, m] = delta3[1] * a[3][2], delta3[1] * a[3][m]
    return M


all_l = range(1, 4)
observed, target_example = np.array([0.858, 0.450, 0.646]), np.array([0, 1, 0])  # the post's example vectors
checks = {
    "line 72": lambda: np.isclose(observed[0], 0.858),
    "line 72#2": lambda: target_example[0] == 0 and target_example[0] == target_example[2],
    "line 35": lambda: all(
        same(vec(sizes[k], lambda j, k=k: sigmoid(sum(a[k - 1][i] * W[k][j, i] for i in range(sizes[k - 1])) + b[k][j])), a[k])
        for k in all_l
    ),
    "line 49": lambda: all(same(z_components(k), z[k]) for k in all_l),
    "line 54": lambda: all(same(sigmoid(z[k]), a[k]) for k in all_l),
    "line 59": lambda: np.isclose(C(a[3]), sum((a[3][i] - target[i]) ** 2 for i in range(3))),
    "line 87": lambda: all(same(W[k] @ a[k - 1] + b[k], z[k]) for k in all_l),
    "line 107": lambda: all(same(z_components(k), z[k]) for k in all_l),
    "line 118.1": lambda: all(
        same(vec(sizes[k], lambda j, k=k: sum(a[k - 1][i] * W[k][j, i] for i in range(sizes[k - 1]))) + b[k], z[k]) for k in all_l
    ),
    "line 119.2": lambda: all(same(W[k] @ a[k - 1] + b[k], z[k]) for k in all_l),
    "line 127": lambda: all(same(sigmoid(z[k]), a[k]) for k in all_l),
    "line 151.1": lambda: same(grad(lambda v: float(sum((v[i] - target[i]) ** 2 for i in range(3))), a[3]), dC_da3),
    "line 152.2": lambda: same(
        grad(lambda v: float((v[0] - target[0]) ** 2 + (v[1] - target[1]) ** 2 + (v[2] - target[2]) ** 2), a[3]), dC_da3
    ),
    "line 153.3": lambda: same(vec(3, lambda j: grad(lambda v: float((v - target[j]) ** 2), np.array(a[3][j]))), dC_da3),
    "line 154.4": lambda: same(vec(3, lambda j: 2 * (a[3][j] - target[j])), dC_da3),
    "line 163": lambda: same(dC_da3 * np.diag(J_a3_z3) * dz_db3, dC_db3),
    "line 169": lambda: same(2 * (a[3] - target), dC_da3),
    "line 176.1": lambda: same(vec(3, lambda j: grad(lambda v: float(sigmoid(v)), np.array(z[3][j]))), np.diag(J_a3_z3)),
    "line 177.2": lambda: same(fprime_formula[3] * 1, np.diag(J_a3_z3)),
    "line 182": lambda: same(z_components(3), z[3]),
    "line 185": lambda: same(dz_db3, np.ones(3)),
    "line 190": lambda: same(2 * (a[3] - target) * fp[3], dC_db3),
    "line 201": lambda: same((dC_da3 * np.diag(J_a3_z3))[:, None] * dz3_dW, dC_dW3),
    "line 206": lambda: same(dC_da3 * np.diag(J_a3_z3), delta3) and same(2 * (a[3] - target) * fp[3], delta3),
    "line 211.1": lambda: same(dz3_dW, mat(3, 4, lambda j, i: a[2][i])),
    "line 212.2": lambda: same(mat(3, 4, lambda j, i: grad(lambda w: float(a[2][i] * w), np.array(W[3][j, i]))), dz3_dW),
    "line 213.3": lambda: same(mat(3, 4, lambda j, i: a[2][i]), dz3_dW),
    "line 218": lambda: same(mat(3, 4, lambda j, i: 2 * (a[3][j] - target[j]) * fp[3][j] * a[2][i]), dC_dW3),
    "line 227": lambda: same(dC_da3 * np.diag(J_a3_z3), delta3) and same(2 * (a[3] - target) * fp[3], delta3),
    "line 232": lambda: same(dC_db3, delta3),
    "line 236": lambda: same(mat(3, 4, lambda j, i: delta3[j] * a[2][i]), dC_dW3),
    "line 250": lambda: same(vec(3, lambda j: 2 * (a[3][j] - target[j])), dC_da3),
    "line 256": lambda: same(dC_da3 * fp[3], delta3),
    "line 260": lambda: same(vec(3, lambda j: 2 * (a[3][j] - target[j]) * fp[3][j]), delta3),
    "line 271": lambda: same(dC_db3, delta3),
    "line 285": lambda: np.isclose(dC_dW3[0, 1], delta3[0] * a[2][1]),
    "line 292": lambda: same(matrix_292(), dC_dW3),
    "line 299": lambda: same(np.outer(delta3, a[2]), dC_dW3),
    "line 304": lambda: same(delta3[:, None] @ a[2][None, :], dC_dW3),
    "line 313": lambda: same(dC_da3 * fp[3], delta3),
    "line 320": lambda: same(vec(4, lambda j: sum(dC_da3[i] * J_a3_z3[i, i] * J_z3_a2[i, j] for i in range(3))), dC_da2),
    "line 337.1": lambda: same(vec(4, lambda j: sum(dC_da3[i] * J_a3_z3[i, i] * J_z3_a2[i, j] for i in range(3))), dC_da2),
    "line 338.2": lambda: same(vec(4, lambda j: sum(delta3[i] * J_z3_a2[i, j] for i in range(3))), dC_da2),
    "line 345": lambda: same(
        jacobian(lambda v: np.array([sum(v[k] * W[3][i, k] for k in range(4)) + b[3][i] for i in range(3)]), a[2]), J_z3_a2
    ),
    "line 351.1": lambda: same(jacobian(lambda v: np.array([sum(v[k] * W[2][i, k] for k in range(4)) for i in range(3)]), a[2]), J_z3_a2),
    "line 352.2": lambda: same(mat(3, 4, lambda i, j: grad(lambda v: float(v * W[3][i, j]), np.array(a[2][j]))), J_z3_a2),
    "line 353.3": lambda: same(mat(3, 4, lambda i, j: W[3][i, j]), J_z3_a2),
    "line 354.4": lambda: same(mat(3, 4, lambda i, j: W[3][i, j]), J_z3_a2),
    "line 362.1": lambda: same(vec(4, lambda j: sum(delta3[i] * J_z3_a2[i, j] for i in range(3))), dC_da2),
    "line 363.2": lambda: same(vec(4, lambda j: sum(delta3[i] * W[3][i, j] for i in range(3))), dC_da2),
    "line 375": lambda: same(dC_da2 * np.diag(J_a2_z2) * 1.0, dC_db2),
    "line 381": lambda: same(fp[2], np.diag(J_a2_z2)),
    "line 390.1": lambda: same(dC_da2 * np.diag(J_a2_z2), dC_db2),
    "line 391.2": lambda: same(vec(4, lambda j: sum(delta3[i] * W[3][i, j] for i in range(3)) * fp[2][j]), dC_db2),
    "line 399": lambda: same((dC_da2 * np.diag(J_a2_z2))[:, None] * dz2_dW, dC_dW2),
    "line 404": lambda: same(np.diag(J_a2_z2)[:, None] * dz2_dW, fp[2][:, None] * dz2_dW),
    "line 408": lambda: same(dz2_dW, mat(4, 4, lambda j, i: a[1][i])),
    "line 415.1": lambda: same((dC_da2 * np.diag(J_a2_z2))[:, None] * dz2_dW, dC_dW2),
    "line 416.2": lambda: same(mat(4, 4, lambda j, i: sum(delta3[k] * W[3][k, j] for k in range(3)) * fp[2][j] * a[1][i]), dC_dW2),
    "line 426": lambda: same(dC_da2 * np.diag(J_a2_z2), delta2) and same((W[3].T @ delta3) * fp[2], delta2),
    "line 430": lambda: same(dC_db2, delta2),
    "line 434": lambda: same(mat(4, 4, lambda j, i: delta2[j] * a[1][i]), dC_dW2),
    "line 462": lambda: same(mat(4, 3, lambda r, c: W[3][c, r]), W[3].T),
    "line 469": lambda: same(W[3].T @ delta3, vec(4, lambda j: sum(delta3[i] * W[3][i, j] for i in range(3)))),
    "line 477": lambda: same((W[3].T @ delta3) * fp[2], delta2),
    "line 482": lambda: same(b[2], delta2),
    "line 487": lambda: same(W[2], np.outer(delta2, a[1])),
    "line 498": lambda: same((W[3].T @ delta3) * fp[2], delta2),
    "line 516.1": lambda: same(dC_da3 * fp[3], delta3),
    "line 517.2": lambda: same(dC_db3, delta3),
    "line 518.3": lambda: same(delta3[:, None] @ a[2][None, :], dC_dW3),
    "line 525.1": lambda: same((W[3].T @ delta3) * fp[2], delta2),
    "line 526.2": lambda: same(dC_db2, delta2),
    "line 527.3": lambda: same(delta2[:, None] @ a[1][None, :], dC_dW2),
}
planted = {
    "line 87": lambda: all(same(W[k].T @ a[k - 1] + b[k], z[k]) for k in all_l),
    "line 154.4": lambda: same(vec(3, lambda j: a[3][j] - target[j]), dC_da3),
    "line 213.3": lambda: same(mat(3, 4, lambda j, i: a[2][j]), dz3_dW),
    "line 256": lambda: same(dC_da3 * fp[2], delta3),
    "line 304": lambda: same(delta3[:, None] @ a[3][None, :], dC_dW3),
    "line 363.2": lambda: same(vec(4, lambda j: sum(delta3[i] * W[3][j, i] for i in range(3))), dC_da2),
    "line 391.2": lambda: same(vec(4, lambda j: sum(delta3[i] * W[3][i, j] for i in range(3)) * fp[3][j]), dC_db2),
    "line 469": lambda: same(
        W[3].T @ delta3,
        np.concatenate(
            [[sum(delta3[i] * W[3][0, i] for i in range(3))], vec(4, lambda j: sum(delta3[i] * W[3][i, j] for i in range(3)))[1:]]
        ),
    ),
    "line 477": lambda: same((W[3] @ delta3) * fp[2], delta2),
    "line 527.3": lambda: same(delta2[:, None] @ a[2][None, :], dC_dW2),
}
confirm("maxamb_mlp.md", "maxamb_mlp_planted.md", checks, planted)
print("OK")
