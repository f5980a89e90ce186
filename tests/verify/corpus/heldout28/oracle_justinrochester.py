"""Independent NumPy oracle for JustinRochester's Chinese derivation notes (torch-CNN BP.md): justinrochester_dnn_zh.md
(the DNN section) and justinrochester_losses_zh.md (the MSE and Cross Entropy-Softmax sections), and their planted
copies.

DNN: z^l = W^l a^{l-1} + b^l (W^l is n_l x n_{l-1}), a^l = f(z^l), a cost C of the last activation. Checked on a
3-layer net (sizes 5-4-3-2, f = tanh, C = 1/2 ||a^L - y||^2; the notes keep f and C free, so the identities are
checked at the middle layer l = 2 with its neighbour l + 1 = 3), every gradient by central differences of C:
delta a^l (a^l taken as free, the layers above recomputed), delta z^l, delta z^{l+1}, delta W^l, delta b^l.
Losses: L = sqrt(sum_i (y_i - o_i)^2) (the notes' own "MSE", a norm); L = -sum_i y_i log softmax(o)_i + R with a
one-hot y (R a constant); the softmax's Jacobian [i, j] = d softmax_i / d o_j. A check holds exactly when
MANIFEST.toml's verdict is correct.
Run: python oracle_justinrochester.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same

rng = np.random.default_rng(2804)
SIZES = [5, 4, 3, 2]
f, df = np.tanh, lambda v: 1 - np.tanh(v) ** 2


class Net:
    def __init__(self):
        self.W = [None] + [rng.normal(size=(SIZES[i + 1], SIZES[i])) for i in range(3)]
        self.b = [None] + [rng.normal(size=SIZES[i + 1]) for i in range(3)]
        self.x, self.y = rng.normal(size=5), rng.normal(size=2)
        self.z, self.a = self.fwd(self.W, self.b)
        self.da = grad(lambda v: self.up(2, v, act=True), self.a[2])      # delta a^l (l = 2)
        self.dz = grad(lambda v: self.up(2, v), self.z[2])                # delta z^l
        self.dz3 = grad(lambda v: self.up(3, v), self.z[3])               # delta z^{l+1}
        self.dW = grad(lambda v: self.C(self.W[:2] + [v] + self.W[3:], self.b), self.W[2])
        self.db = grad(lambda v: self.C(self.W, self.b[:2] + [v] + self.b[3:]), self.b[2])

    def fwd(self, W, b):
        z, a = [None], [self.x]
        for l in range(1, 4):
            z.append(W[l] @ a[-1] + b[l])
            a.append(f(z[-1]))
        return z, a

    def C(self, W, b):
        return float(0.5 * np.sum((self.fwd(W, b)[1][3] - self.y) ** 2))

    def up(self, l, v, act=False):
        """C with z^l (or a^l when act) taken as free."""
        a = v if act else f(v)
        for k in range(l + 1, 4):
            a = f(self.W[k] @ a + self.b[k])
        return float(0.5 * np.sum((a - self.y) ** 2))


nets = [Net() for _ in range(3)]
every = lambda check: lambda: all(bool(check(n)) for n in nets)
W3T = lambda n: n.W[3].T @ n.dz3                                          # sum_j delta z^{l+1}_j W^{l+1}_{j, i}
dnn = {
    "line 13": every(lambda n: same(W3T(n), n.da)),                        # every link is this sum
    "line 15": every(lambda n: same(sum(np.eye(3)[i] * sum(n.W[3].T[i, j] * n.dz3[j] for j in range(2))
                                        for i in range(3)), n.da) and same(n.W[3].T @ n.dz3, n.da)),
    "line 17": every(lambda n: same(np.full(3, np.sum(n.da * df(n.z[2]))), n.dz)   # sum_i sum_j ...: one number
                     and same(n.da * df(n.z[2]), n.dz)),
    "line 17#2": every(lambda n: same(n.da * df(n.z[2]), n.dz)),
    "line 19": every(lambda n: same(np.outer(n.dz, n.a[1]), n.dW)),
    "line 20": every(lambda n: same(sum(np.outer(np.eye(3)[i], np.eye(4)[j]) * n.dz[i] * n.a[1][j]
                                        for i in range(3) for j in range(4)), n.dW) and same(np.outer(n.dz, n.a[1]), n.dW)),
    "line 22#2": every(lambda n: same(n.dz, n.db)),
    "line 29#2": every(lambda n: same(n.W[3].T @ n.dz3, n.da)),
    "line 30#2": every(lambda n: same(n.da * df(n.z[2]), n.dz)),
    "line 31#2": every(lambda n: same(np.outer(n.dz, n.a[1]), n.dW)),
    "line 32#2": every(lambda n: same(n.dz, n.db)),
}
dnn_planted = {
    "line 13": every(lambda n: same(n.W[3] @ n.dz3, n.da)),                # W_{i, j}: shapes do not fit (W^3 is 2 x 3)
    "line 15": every(lambda n: same(n.W[3] @ n.dz3, n.da)),
    "line 20": every(lambda n: same(np.outer(n.a[1], n.dz), n.dW)),
    "line 30#2": every(lambda n: same(n.da * f(n.z[2]), n.dz)),
}
confirm("justinrochester_dnn_zh.md", "justinrochester_dnn_zh_planted.md", dnn, dnn_planted)

# ---- the losses (K = 4 outputs)
def softmax(o):
    e = np.exp(o - o.max())
    return e / e.sum()


os_ = [rng.normal(size=4) for _ in range(3)]
ys = [rng.normal(size=4) for _ in os_]                                     # the norm's targets
hots = [np.eye(4)[rng.integers(4)] for _ in os_]                           # the cross-entropy's one-hot targets
norm = lambda o, y: float(np.sqrt(np.sum((y - o) ** 2)))
Gn = [grad(lambda v, y=y: norm(v, y), o) for o, y in zip(os_, ys, strict=True)]
R = 0.7
Gce = [grad(lambda v, t=t: float(-np.sum(t * np.log(softmax(v))) + R), o) for o, t in zip(os_, hots, strict=True)]
Gs = [grad(lambda s, t=t: float(-np.sum(t * np.log(s)) + R), softmax(o)) for o, t in zip(os_, hots, strict=True)]
J = [jacobian(softmax, o) for o in os_]                                    # [i, j] = d softmax_i / d o_j
S = [np.exp(o).sum() for o in os_]
each = lambda check: lambda: all(bool(check(*args)) for args in zip(os_, ys, hots, Gn, Gce, Gs, J, S, strict=True))
eye = np.eye(4)
r20 = each(lambda o, y, t, gn, gce, gs, j, s: same(jacobian(lambda v: np.exp(v) / np.sum(np.exp(v)), o), j))  # d/do_j (exp o_i / sum_k)
r21 = each(lambda o, y, t, gn, gce, gs, j, s: same((eye * np.exp(o)[:, None] * s - np.outer(np.exp(o), np.exp(o))) / s ** 2, j))
r22 = each(lambda o, y, t, gn, gce, gs, j, s: same(eye * softmax(o)[:, None] - np.outer(softmax(o), softmax(o)), j))
r29 = each(lambda o, y, t, gn, gce, gs, j, s: same(j.T @ gs, gce))         # sum_j dL/dsoftmax_j dsoftmax_j/do_i
r30 = each(lambda o, y, t, gn, gce, gs, j, s: same(np.array([sum(-t[k] / softmax(o)[k] * (eye[i, k] * softmax(o)[i]
                                                              - softmax(o)[i] * softmax(o)[k]) for k in range(4))
                                                              for i in range(4)]), gce))
r31 = each(lambda o, y, t, gn, gce, gs, j, s: same(-t + softmax(o) * t.sum(), gce))
losses = {
    "line 5": each(lambda o, y, t, gn, gce, gs, j, s: same(-2 * (y - o) / (2 * norm(o, y)), gn)
                   and same((o - y) / norm(o, y), gn)),
    "line 7": each(lambda o, y, t, gn, gce, gs, j, s: same((o - y) / norm(o, y), gn)),
    "line 15": each(lambda o, y, t, gn, gce, gs, j, s: same(-t / softmax(o), gs)),
    "line 19": lambda: r20() and r21() and r22(),
    "line 20.2": r20, "line 21.3": r21, "line 22.4": r22,
    "line 28": lambda: r29() and r30() and r31(),
    "line 29.2": r29, "line 30.3": r30, "line 31.4": r31,
    "line 35": each(lambda o, y, t, gn, gce, gs, j, s: same(softmax(o) - t, gce)),
}
p22 = each(lambda o, y, t, gn, gce, gs, j, s: same(eye * softmax(o)[:, None] + np.outer(softmax(o), softmax(o)), j))
losses_planted = {
    "line 7": each(lambda o, y, t, gn, gce, gs, j, s: same(o - y, gn)),
    "line 15": each(lambda o, y, t, gn, gce, gs, j, s: same(t / softmax(o), gs)),
    "line 19": lambda: r20() and r21() and p22(),
    "line 22.4": p22,
    "line 35": each(lambda o, y, t, gn, gce, gs, j, s: same(t - softmax(o), gce)),
}
confirm("justinrochester_losses_zh.md", "justinrochester_losses_zh_planted.md", losses, losses_planted)
print("OK")
