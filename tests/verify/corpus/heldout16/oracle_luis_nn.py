"""Independent NumPy oracle for luis_neuron(.toml, _planted) and luis_twolayer(.toml, _planted) (Luis de Cunto's
plain-text worked solutions, Exercises 4.1-4.4 and 5.1 of his neural-network sheet).

Every written number is recomputed exactly and compared with written.py's rule (one unit of the last written digit or
0.2 %), or as the exact result of its step on the solution's earlier written numbers; the gradients are also central
differences of the sheet's loss. A claim's check holds exactly when MANIFEST.toml's verdict is correct. Prints OK.
Run: python oracle_luis_nn.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid
from written import written

sp = lambda z: sigmoid(z) * (1 - sigmoid(z))  # noqa: E731


def W(value, text):
    return written(value, text)


# Exercise 4.1: y = sigma(w x + b), L = 1/2 (y - t)^2
w, b, x, t = 0.5, 0.1, 2.0, 1.0
L41 = lambda p: 0.5 * (sigmoid(p[0] * x + p[1]) - t) ** 2  # noqa: E731
g41 = grad(L41, np.array([w, b]))
z, y = w * x + b, sigmoid(w * x + b)
neuron = {
    "4.1.z": lambda: W(w * x, "1.0") and W(w * x + b, "1.1"),
    "4.1.y": lambda: W(np.exp(-1.1), "0.3329") and W(1 + 0.3329, "1.3329") and W(1 / 1.3329, "0.7503") and W(y, "0.7503"),
    "4.1.L": lambda: W(0.7503 - 1.0, "-0.2497") and W(0.2497**2, "0.0624") and W(0.5 * 0.0624, "0.0312") and W(L41([w, b]), "0.0312"),
    "4.1.dLdy": lambda: W(y - t, "-0.2497"),
    "4.1.dydz": lambda: same(sp(z), y * (1 - y)) and W(1 - 0.7503, "0.2497") and W(0.7503 * 0.2497, "0.1873") and W(sp(z), "0.1873"),
    "4.1.dzdw": lambda: W(x, "2.0"),
    "4.1.dLdw": lambda: W(-0.2497 * 0.1873 * 2.0, "-0.0935") and W(g41[0], "-0.0935"),
    "4.1.dzdb": lambda: same(grad(lambda p: p[0] * x + p[1], np.array([w, b]))[1], 1.0),
    "4.1.dLdb": lambda: W(-0.2497 * 0.1873 * 1, "-0.0468") and W(g41[1], "-0.0468"),
}
# Exercise 5.1: constant given gradients
gw, gb, a = 0.3, 0.2, 0.1
it = [(0.5 - a * gw * k, 0.1 - a * gb * k) for k in range(1, 6)]
f = lambda p: gw * p[0] + gb * p[1]  # noqa: E731  (a loss whose gradient is the given constant one)
neuron |= {
    "5.1.rule.w": lambda: same(0.5 - a * grad(f, np.array([0.5, 0.1]))[0], 0.5 - a * gw),
    "5.1.rule.b": lambda: same(0.1 - a * grad(f, np.array([0.5, 0.1]))[1], 0.1 - a * gb),
    "5.1.w": lambda: W(a * gw, "0.03") and W(0.5 - 0.03, "0.47"),
    "5.1.b": lambda: W(a * gb, "0.02") and W(0.1 - 0.02, "0.08"),
    **{f"5.1.it{k + 1}": (lambda k=k, ws=ws, bs=bs: W(it[k][0], ws) and W(it[k][1], bs))
       for k, (ws, bs) in enumerate([("0.47", "0.08"), ("0.44", "0.06"), ("0.41", "0.04"), ("0.38", "0.02"), ("0.35", "0.00")])},
}
neuron_planted = {
    "4.1.L": lambda: W(0.5 * 0.0624, "0.0624"),
    "4.1.dLdy": lambda: W(y - t, "0.2497"),
    "4.1.dLdw": lambda: W(g41[0], "-0.0468"),
    "5.1.rule.b": lambda: same(0.1 - a * gb, 0.1 + a * gb),
    "5.1.it4": lambda: W(it[3][1], "0.06"),
}
confirm("luis_neuron.toml", "luis_neuron_planted.toml", neuron, neuron_planted)

# Exercise 4.2: 1 -> 2 -> 1 sigmoid, L = 1/2 (y - t)^2, column vectors
W1, b1, W2, b2 = np.array([[0.5], [0.3]]), np.array([0.1, 0.2]), np.array([[0.4, 0.6]]), np.array([0.1])
x2, t2 = np.array([1.0]), 1.0
z1 = W1 @ x2 + b1
a1 = sigmoid(z1)
z2 = W2 @ a1 + b2
y2 = sigmoid(z2)
L42 = lambda V1, c1, V2, c2: 0.5 * float(((sigmoid(V2 @ sigmoid(V1 @ x2 + c1) + c2) - t2) ** 2).sum())  # noqa: E731
gW1, gb1 = grad(lambda v: L42(v, b1, W2, b2), W1), grad(lambda v: L42(W1, v, W2, b2), b1)
gW2, gb2 = grad(lambda v: L42(W1, b1, v, b2), W2), grad(lambda v: L42(W1, b1, W2, v), b2)
d2 = (y2 - t2) * sp(z2)
d1 = (W2.T @ d2) * sp(z1)
h = 1e-6
skip = lambda v: v + np.tanh(1.3 * v)  # noqa: E731  (output = x + F(x), any F)
Ls = lambda o: 0.5 * o**2  # noqa: E731
xs = 0.7
twolayer = {
    "4.2.z1": lambda: same(W1 @ x2, np.array([0.5, 0.3])) and W(z1, "0.6 0.5"),
    "4.2.a1": lambda: W(a1, "0.6457 0.6225"),
    "4.2.z2": lambda: W(0.4 * 0.6457, "0.2583") and W(0.6 * 0.6225, "0.3735") and W(0.2583 + 0.3735 + 0.1, "0.7318") and W(z2, "0.7318"),
    "4.2.y": lambda: W(sigmoid(0.7318), "0.6751") and W(y2, "0.6751"),
    "4.2.L": lambda: W((0.6751 - 1.0) ** 2, "0.1055") and W(0.5 * 0.1055, "0.0528") and W(L42(W1, b1, W2, b2), "0.0528"),
    "4.2.dLdy": lambda: W(0.6751 - 1.0, "-0.3249") and W(y2 - t2, "-0.3249"),
    "4.2.delta2": lambda: W(0.6751 * 0.3249, "0.2193") and W(-0.3249 * 0.2193, "-0.0713") and W(d2, "-0.0713") and W(gb2, "-0.0713"),
    "4.2.dW2": lambda: W(-0.0713 * np.array([0.6457, 0.6225]), "-0.0460 -0.0444") and W(gW2, "-0.0460 -0.0444"),
    "4.2.db2": lambda: W(gb2, "-0.0713"),
    "4.2.delta1": lambda: W(np.array([0.4, 0.6]) * -0.0713, "-0.0285 -0.0428") and W(sp(z1), "0.2289 0.2350")
    and W(np.array([-0.0285 * 0.2289, -0.0428 * 0.2350]), "-0.0065 -0.0101") and W(d1, "-0.0065 -0.0101") and W(gb1, "-0.0065 -0.0101"),
    "4.2.dW1": lambda: W(gW1, "-0.0065 -0.0101"),
    "4.2.db1": lambda: W(gb1, "-0.0065 -0.0101"),
    "4.3.relu": lambda: all(same((max(v + h, 0) - max(v - h, 0)) / (2 * h), 1.0 if v > 0 else 0.0) for v in (-1.3, -0.2, 0.4, 2.0)),
    "4.4.sigma": lambda: same(grad(lambda v: float(sigmoid(v[0])), np.array([0.3]))[0], sigmoid(0.3) * (1 - sigmoid(0.3))),
    "4.4.max": lambda: same(sp(0.0), 0.5 * 0.5) and same(0.25, max(sp(v) for v in np.linspace(-5, 5, 1001))),
    "4.4.layer1": lambda: W(0.25**10 * 1e7, "9.5") and abs(0.25**10 - 0.000001) < 0.5e-6,
    "4.4.skip": lambda: same((Ls(skip(xs + h)) - Ls(skip(xs - h))) / (2 * h), skip(xs) * (1 + 1.3 * (1 - np.tanh(1.3 * xs) ** 2))),
}
twolayer_planted = {
    "4.2.z2": lambda: same(W2 @ a1, np.array([0.4 * a1[1] + 0.6 * a1[0]])),
    "4.2.L": lambda: W(L42(W1, b1, W2, b2), "0.1055"),
    "4.2.dW2": lambda: W(gW2, "-0.0444 -0.0460"),
    "4.2.delta1": lambda: W2.shape[1] == d2.shape[0] and W((W2 @ d2) * sp(z1), "-0.0065 -0.0101"),
    "4.4.skip": lambda: same((Ls(skip(xs + h)) - Ls(skip(xs - h))) / (2 * h), skip(xs) * 1.3 * (1 - np.tanh(1.3 * xs) ** 2)),
}
confirm("luis_twolayer.toml", "luis_twolayer_planted.toml", twolayer, twolayer_planted)
print("OK")
