"""Independent NumPy oracle for the Chinese course notes (raychaux_shallow_nn.md) and their planted copy.

The notes' network: layers I (3 inputs) -> J (4 sigmoid units) -> K (2 sigmoid units), net^J = W^{JI} O^I + b^J,
net^K = W^{KJ} O^J + b^K (W[k, j]: from node j to node k), E = 1/2 sum_k (d_k - O_k)^2; error signals
delta = -dE/dnet and every derivative by central differences. Each statement is computed as written for every index
it names (the chain of line 50 with O_i^J: an index i of the layer J other than j names another unit) and compared;
an update row must be the gradient step -eta dE/dW. A check holds exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_raychaux.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2468)
OI, d = rng.normal(size=3), np.array([0.1, 0.8])
WJI, bJ = rng.normal(size=(4, 3)), rng.normal(size=4)
WKJ, bK = rng.normal(size=(2, 4)), rng.normal(size=2)


def forward(WJI=WJI, WKJ=WKJ, netJ=None, netK=None):
    nJ = WJI @ OI + bJ if netJ is None else netJ
    OJ = sigmoid(nJ)
    nK = WKJ @ OJ + bK if netK is None else netK
    return nJ, OJ, nK, sigmoid(nK)


def E(**kw):
    return 0.5 * float(np.sum((d - forward(**kw)[3]) ** 2))


netJ, OJ, netK, OK = forward()
fJ, fK = OJ * (1 - OJ), OK * (1 - OK)
dK = -grad(lambda v: E(netK=v), netK)  # delta_k = -dE/dnet_k
dJ = -grad(lambda v: E(netJ=v), netJ)  # delta_j = -dE/dnet_j
gKJ, gJI = grad(lambda v: E(WKJ=v), WKJ), grad(lambda v: E(WJI=v), WJI)
eta = 1e-3


def descent(step, g):
    """step = -eta dE/dW (the notes' eta), i.e. the row's change is the gradient step."""
    return same(step, -eta * g)


def line50_middle():
    # -sum_k dE/dnet_k dnet_k/dO_i^J dO_j/dnet_j for every j and every i of the layer J, as written
    return all(same(dJ[j], sum(dK[k] * WKJ[k, i] * fJ[j] for k in range(2))) for j in range(4) for i in range(4))


row50_2 = lambda: same(dJ, fJ * (WKJ.T @ dK))  # noqa: E731
row52 = lambda: same(-gJI, np.outer((WKJ.T @ dK) * fJ, OI)) and same(-gJI, np.outer(dJ, OI))  # noqa: E731
checks = {
    "line 32": lambda: E(WKJ=WKJ - eta * gKJ) < E() and E(WJI=WJI - eta * gJI) < E(),
    "line 37": lambda: same(-gKJ, np.outer((d - OK) * fK, OJ)) and same(-gJI, np.outer((WKJ.T @ ((d - OK) * fK)) * fJ, OI)),
    "line 42": lambda: same(dK, (d - OK) * fK),
    "line 46.1": lambda: descent(eta * np.outer(dK, OJ), gKJ),
    "line 50": lambda: line50_middle() and row50_2(),
    "line 50.2": row50_2,
    "line 52": row52,
    "line 52.2": lambda: same(-gJI, np.outer(dJ, OI)),
    "line 56.1": lambda: descent(eta * np.outer(dK, OJ), gKJ),
    "line 56.3": lambda: same(dK, (d - OK) * fK),
    "line 58.1": lambda: descent(eta * np.outer(dJ, OI), gJI),
    "line 58.3": lambda: same(dJ, fJ * (WKJ.T @ dK)),
}
planted = {
    "line 37": lambda: same(-gKJ, np.outer((d - OK) * fK, OJ)) and same(-gJI, np.outer(WKJ.T @ ((d - OK) * fK), OI)),
    "line 42": lambda: same(dK, (OK - d) * fK),
    "line 46.1": lambda: descent(-eta * np.outer(dK, OJ), gKJ),
    "line 52": lambda: same(-gJI, np.outer((WKJ.T @ dK) * fJ, OI)) and all(
        same(-gJI[j, i], dJ[j] * OJ[j]) for j in range(4) for i in range(3)
    ),
    "line 52.2": lambda: all(same(-gJI[j, i], dJ[j] * OJ[j]) for j in range(4) for i in range(3)),
    "line 56.3": lambda: same(dK, d - OK),
    "line 58.3": lambda: same(dJ, OJ * (WKJ.T @ dK)),
}
confirm("raychaux_shallow_nn.md", "raychaux_shallow_nn_planted.md", checks, planted)
# the slip is the index: with O_j^J (i = j) the middle link of line 50 holds
assert all(same(dJ[j], sum(dK[k] * WKJ[k, j] * fJ[j] for k in range(2))) for j in range(4))
print("OK")
