"""Independent NumPy oracle for iambestfeed_mlp_l2.md (Iambestfeed's Day-11 notes) and its planted copy: a batch X
(m x d, the samples as rows), hidden_input = X W_1^T + b_1 (W_1 is hidden x d), hidden_output = ReLU(hidden_input),
output = hidden_output W_2^T + b_2 (W_2 is 1 x hidden: one output, linear), Loss = (1/m) sum_i (y_i - yhat_i)^2 +
(lambda/2)(||W_1||^2 + ||W_2||^2) (the notes' lambda/2 sum_j w_j^2 over the weights, the biases not penalised).

Every claim is checked at random X, y, weights by central differences of that total loss (d_output against dLoss/d
output, the weight gradients with their shapes: a gradient must have its weight's shape), the updates as descent
steps (the loss falls after a small step). A check holds exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_iambestfeed.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(2802)
LAM, ETA = 0.3, 1e-3
relu = lambda v: np.maximum(0, v)


class Batch:
    def __init__(self, m=5, d=3, h=4):
        self.X, self.y = rng.normal(size=(m, d)), rng.normal(size=(m, 1))
        self.W1, self.b1 = rng.normal(size=(h, d)), rng.normal(size=h)
        self.W2, self.b2 = rng.normal(size=(1, h)), rng.normal(size=1)
        self.m = m
        self.hin = self.X @ self.W1.T + self.b1
        self.hout = relu(self.hin)
        self.out = self.hout @ self.W2.T + self.b2
        P = (self.W1, self.b1, self.W2, self.b2)
        self.G = [grad(lambda v, k=k: self.loss(*[v if i == k else p for i, p in enumerate(P)]), P[k]) for k in range(4)]
        self.Gout = grad(lambda o: float(np.mean((o - self.y) ** 2)), self.out)        # the L2 term has no output in it
        self.dout = 2 * (self.out - self.y) / m                                         # the notes' d_output (line 66)
        self.dhid = (self.dout @ self.W2) * (self.hout > 0)                             # the notes' d_hidden (line 79)

    def loss(self, W1, b1, W2, b2):
        out = relu(self.X @ W1.T + b1) @ W2.T + b2
        return float(np.mean((out - self.y) ** 2) + LAM / 2 * (np.sum(W1 ** 2) + np.sum(W2 ** 2)))


bs = [Batch() for _ in range(3)]
every = lambda check: lambda: all(bool(check(b)) for b in bs)
# d_hidden = dLoss/d hidden_input (through the data term): the outputs' gradient pulled back through W_2 and the mask
Ghid = {id(b): grad(lambda v, b=b: float(np.mean((relu(v) @ b.W2.T + b.b2 - b.y) ** 2)), b.hin) for b in bs}


def descends(b, k, sign=-1):
    """The update theta + sign * eta * dLoss/dtheta of parameter k lowers the loss (eta small)."""
    P = [b.W1, b.b1, b.W2, b.b2]
    Q = [p + sign * ETA * b.G[k] if i == k else p for i, p in enumerate(P)]
    return b.loss(*Q) < b.loss(*P)

checks = {
    "line 66": every(lambda b: same(b.dout, b.Gout)),
    "line 70": every(lambda b: same(b.hout.T @ b.dout + LAM * b.W2, b.G[2])),
    "line 73": every(lambda b: same(np.sum(b.dout, axis=0), b.G[3])),
    "line 79": every(lambda b: same(b.dhid, Ghid[id(b)])),
    "line 83": every(lambda b: same(b.X.T @ b.dhid + LAM * b.W1, b.G[0])),
    "line 86": every(lambda b: same(np.sum(b.dhid, axis=0), b.G[1])),
    "line 92": every(lambda b: descends(b, 0)),
    "line 95": every(lambda b: descends(b, 1)),
    "line 98": every(lambda b: descends(b, 2)),
    "line 101": every(lambda b: descends(b, 3)),
}
planted = {
    "line 66": every(lambda b: same(2 * (b.out - b.y), b.Gout)),
    "line 73": every(lambda b: same(b.dout, b.G[3])),
    "line 79": every(lambda b: same((b.dout @ b.W2) * b.hout, Ghid[id(b)])),
    "line 95": every(lambda b: descends(b, 1, +1)),
}
confirm("iambestfeed_mlp_l2.md", "iambestfeed_mlp_l2_planted.md", checks, planted)
print("OK")
