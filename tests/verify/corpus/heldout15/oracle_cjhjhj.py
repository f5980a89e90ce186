"""Independent NumPy oracle for cjhjhj_cs231n.md / cjhjhj_cs231n_planted.md (a learner's CS231n two-layer derivation).

The network of the post on random numbers: x a row of 4, h_in = x W^1 (4 x 10), ReLU, o_in = h_out W^2 (10 x 3),
softmax, no biases; W^1's columns signed so that h_in_1, h_in_2 > 0 and h_in_10 < 0 (both ReLU branches occur). His own
"loss" L_a = sum_k o_out_k (identically 1) and the softmax loss L = -log p_y by central differences; claims graded
correct hold for the softmax loss, claims graded carried_forward are recomputed from his own earlier (wrong) values,
claims graded incorrect fail on both losses. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_cjhjhj.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same

rng = np.random.default_rng(1504)
x, W1, W2, y = rng.normal(size=4), rng.normal(size=(4, 10)), 0.4 * rng.normal(size=(10, 3)), 2
want = np.sign(x @ W1)
want[[0, 1]], want[9] = 1, -1
W1 = W1 * np.sign(x @ W1) * want  # h_in_1, h_in_2 > 0, h_in_10 < 0


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


h_in = x @ W1
mask = (h_in > 0).astype(float)
h = np.maximum(0, h_in)
o_in = h @ W2
p = softmax(o_in)
q = p * (1 - p)
La = lambda V1, V2: float(softmax(np.maximum(0, x @ V1) @ V2).sum())  # noqa: E731  his "loss"
L = lambda V1, V2: float(-np.log(softmax(np.maximum(0, x @ V1) @ V2)[y]))  # noqa: E731  the softmax loss
gA1, gA2 = grad(lambda v: La(v, W2), W1), grad(lambda v: La(W1, v), W2)
g1, g2 = grad(lambda v: L(v, W2), W1), grad(lambda v: L(W1, v), W2)
J = jacobian(softmax, o_in)  # J[k, j] = d o_out_k / d o_in_j
dL_dh = grad(lambda v: float(-np.log(softmax(v @ W2)[y])), h)
dLk_dh1 = [grad(lambda v, k=k: float(softmax(v @ W2)[k]), h)[0] for k in range(3)]  # d o_out_k / d h_out_1
# his values: dL/dw^2_jk = q_k h_out_j; dL_k/dh_out_1 = q_k w^2_1k; dL/dh_out_j = sum_k w^2_jk q_k
his_w2 = np.outer(h, q)
his_dh = W2 @ q
his_w1 = np.outer(x, his_dh) * mask  # x_i sum_k w^2_jk q_k on h_in_j > 0
both_wrong = lambda his, gA, g: not same(his, gA) and not same(his, g)  # noqa: E731

checks = {
    "line 30": lambda: same(p.sum(), L(W1, W2)),
    "line 79": lambda: same(p.sum(), L(W1, W2)),
    "line 84": lambda: not both_wrong(1 * q[0] * h[0], gA2[0, 0], g2[0, 0]),
    "line 87": lambda: same(grad(lambda v: float(v.sum()), p)[0], 1.0),
    "line 90": lambda: same(J[:, 0], q[0]) and same(J[0, 0], q[0]),
    "line 101": lambda: same(grad(lambda v: float((h @ v)[0]), W2)[0, 0], h[0]),
    "line 106": lambda: not both_wrong(his_w2, gA2, g2),
    "line 107": lambda: all(same(grad(lambda v: float(v.sum()), p)[k], 1.0) for k in range(3)),
    "line 108": lambda: same(J[:, 1], q[1]),
    "line 117": lambda: same(grad(lambda v: float((h @ v)[2]), W2)[5, 2], h[5]),
    "line 120": lambda: not both_wrong(his_w2, gA2, g2),
    "line 126": lambda: same(his_w2, np.array([[h[j] * q[k] for k in range(3)] for j in range(10)])),
    "line 153": lambda: same(g1[0, 0], dL_dh[0] * mask[0] * x[0]) and same(gA1[0, 0], 0.0),
    "line 156": lambda: same(grad(lambda v: float((x @ v)[0]), W1)[0, 0], x[0]),
    "line 160": lambda: all(same(grad(lambda v: float(np.maximum(0, v)), np.array(z)), 1.0 if z > 0 else 0.0) for z in (-0.7, 0.4)),
    "line 166": lambda: same(p.sum(), p[0] + p[1] + p[2]),
    "line 169": lambda: same(dLk_dh1[0], 1 * q[0] * W2[0, 0]),
    "line 170": lambda: same(dLk_dh1[1], 1 * q[1] * W2[0, 1]),
    "line 171": lambda: same(dLk_dh1[2], 1 * q[2] * W2[0, 2]),
    "line 172": lambda: same(his_dh[0], q[0] * W2[0, 0] + q[1] * W2[0, 1] + q[2] * W2[0, 2]),
    "line 178": lambda: same(his_w1[0, 0], x[0] * his_dh[0] * mask[0]),
    "line 184": lambda: same(his_w1[0, 1], x[0] * his_dh[0] * mask[0]),
    "line 189": lambda: same(his_w1[0, 1], x[0] * (W2[1] @ q) * mask[1]),
    "line 194": lambda: same(his_w1[0, 9], x[0] * (W2[9] @ q) * mask[1]),
    "line 199": lambda: same(his_w1[1, 0], x[1] * (W2[0] @ q) * mask[0]),
    "line 206": lambda: same(his_w1, np.array([[x[i] * sum(W2[j, k] * q[k] for k in range(3)) * mask[j] for j in range(10)]
                                             for i in range(4)])),
    "line 212": lambda: same(his_w1, np.outer(x, q @ W2.T)),
}
planted = {
    "line 101": lambda: same(grad(lambda v: float((h @ v)[0]), W2)[0, 0], h[1]),
    "line 117": lambda: same(grad(lambda v: float((h @ v)[2]), W2)[5, 2], h[2]),
    "line 153": lambda: same(g1[0, 0], dL_dh[0] * mask[0] * grad(lambda v: float((x @ v)[1]), W1)[0, 0]),
    "line 156": lambda: same(grad(lambda v: float((x @ v)[0]), W1)[0, 0], x[1]),
    "line 189": lambda: same(his_w1[0, 1], x[1] * (W2[1] @ q) * mask[1]),
}
confirm("cjhjhj_cs231n.md", "cjhjhj_cs231n_planted.md", checks, planted)
print("OK")
