"""Independent NumPy oracle for ar007_neuron(_planted).toml and ar007_twolayer(_planted).toml (A-R007's chapter 1
answers: one sigmoid neuron and a 2-2-2 forward pass by hand).

QN1 (ar007_neuron.spec.toml): the neuron y'(W) = sigma(W . x + b) with x = [1, 2], W = [0.4, -0.2], b = 0.1, y = 0.8,
L = 1/2 (y - y')^2; the exercise GIVES y' = 0.6 (and y'(1 - y') = 0.24), so the numbers are checked from the given y';
the symbolic claims (chain rule, dy'/dW_i, the update) by central differences on the neuron itself. QN3: x = 2,
w = 0.5, b = 1. QN5 (ar007_twolayer.spec.toml): H = sigma(W1 x + b1), y = sigma(W2 H) without output bias. Written
numbers are compared with written.py's rule (one unit of the last written digit, or 0.2 %).
Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_ar007.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid
from written import written

# QN1
x, W, b, y, eta = np.array([1.0, 2.0]), np.array([0.4, -0.2]), 0.1, 0.8, 0.1
yp, slope = 0.6, 0.6 * (1 - 0.6)  # the given predicted output and its given slope
L_of = lambda out: 0.5 * (y - out) ** 2  # noqa: E731
neuron = lambda w: sigmoid(w @ x + b)  # noqa: E731
dL_dy_at = lambda out: grad(lambda o: L_of(float(o)), np.array(out))  # noqa: E731
dL_dW = grad(lambda w: L_of(neuron(w)), W)
dy_dW = grad(lambda w: float(neuron(w)), W)
yW = float(neuron(W))
g_given = np.array([(yp - y) * slope * x[i] for i in range(2)])  # -0.048, -0.096 from the given y'
new = W - eta * g_given
checks1 = {
    "QN1.slope": lambda: written(yp * (1 - yp), "0.24"),
    "QN1.error": lambda: written(y - yp, "0.2"),
    "QN1.dL_dy": lambda: same(dL_dy_at(yp), yp - y) and written(yp - y, "-0.2"),
    "QN1.chain": lambda: same(dL_dW, float(dL_dy_at(yW)) * dy_dW),
    "QN1.dy_dW": lambda: same(dy_dW, x * yW * (1 - yW)),
    "QN1.dL_dW1": lambda: written(g_given[0], "-0.048") and written((-0.2) * 0.24 * 1, "-0.048"),
    "QN1.dL_dW2": lambda: written(g_given[1], "-0.096") and written((-0.2) * 0.24 * 2, "-0.096"),
    "QN1.update": lambda: L_of(neuron(W - eta * dL_dW)) < L_of(neuron(W)),
    "QN1.W1": lambda: written([0.1 * 0.048, new[0]], "0.0048 0.4048"),
    "QN1.W2": lambda: written([0.1 * 0.096, new[1]], "0.0096 -0.1904"),
    "QN1.final": lambda: written(new, "0.4048 -0.1904"),
    "QN3.z": lambda: same(0.5 * 2 + 1, 2.0),
    "QN3.z2": lambda: written([0.5 * 2, 0.5 * 2 + 1], "1 2"),
    "QN3.sigma": lambda: same(sigmoid(2.0), 1 / (1 + np.exp(-2.0))),
    "QN3.exp": lambda: written(np.exp(-2.0), "0.1353"),
    "QN3.sigma2": lambda: written(sigmoid(2.0), str(1 / (1 + 0.1353))),
    "QN3.sigma3": lambda: written(sigmoid(2.0), str(1 / 1.1353)) and written(1 + 0.1353, "1.1353"),
    "QN3.p": lambda: written(sigmoid(2.0), "0.8808"),
}
planted1 = {
    "QN1.dL_dy": lambda: same(dL_dy_at(yp), y - yp),
    "QN1.dy_dW": lambda: same(dy_dW, x * (1 - yW)),
    "QN1.dL_dW2": lambda: written(g_given[1], "-0.048"),
    "QN1.W1": lambda: written(new[0], "0.3952"),
    "QN3.sigma3": lambda: written(sigmoid(2.0), str(1 / 0.1353)),
}
confirm("ar007_neuron.toml", "ar007_neuron_planted.toml", checks1, planted1)

# QN5
x5, b1 = np.array([0.10, 0.35]), np.array([0.6, 0.6])
W1, W2 = np.array([[0.15, 0.25], [0.30, 0.35]]), np.array([[0.40, 0.45], [0.50, 0.55]])
z1 = W1 @ x5 + b1
H = sigmoid(z1)
z2 = W2 @ H
out = sigmoid(z2)
checks5 = {
    "zH1": lambda: same(z1[0], x5[0] * W1[0, 0] + x5[1] * W1[0, 1] + b1[0]),
    "zH1.values": lambda: same(z1[0], 0.10 * 0.15 + 0.35 * 0.25 + 0.60),
    "zH1.sum": lambda: written([x5[0] * W1[0, 0], x5[1] * W1[0, 1], z1[0]], "0.015 0.0875 0.7025"),
    "H1": lambda: written(H[0], "0.6687"),
    "zH2": lambda: same(z1[1], x5[0] * W1[1, 0] + x5[1] * W1[1, 1] + b1[1]),
    "zH2.values": lambda: same(z1[1], 0.10 * 0.30 + 0.35 * 0.35 + 0.60),
    "zH2.sum": lambda: written([x5[0] * W1[1, 0], x5[1] * W1[1, 1], z1[1]], "0.03 0.1225 0.7525"),
    "H2": lambda: written(H[1], "0.6797"),
    "zy1": lambda: same(z2[0], H[0] * W2[0, 0] + H[1] * W2[0, 1]),
    "zy1.values": lambda: written(z2[0], str(0.6687 * 0.40 + 0.6797 * 0.45)) and written(H, "0.6687 0.6797"),
    "zy1.sum": lambda: written([H[0] * W2[0, 0], H[1] * W2[0, 1], z2[0]], "0.2675 0.3059 0.5734"),
    "y1": lambda: written(out[0], "0.6395"),
    "zy2": lambda: same(z2[1], H[0] * W2[1, 0] + H[1] * W2[1, 1]),
    "zy2.values": lambda: written(z2[1], str(0.6687 * 0.50 + 0.6797 * 0.55)),
    "zy2.sum": lambda: written([H[0] * W2[1, 0], H[1] * W2[1, 1], z2[1]], "0.3343 0.3738 0.7081"),
    "y2": lambda: written(out[1], "0.6699"),
    "final.hidden": lambda: written(H, "0.6687 0.6797"),
    "final.output": lambda: written(out, "0.6395 0.6699"),
}
planted5 = {
    "zH2.values": lambda: same(z1[1], 0.10 * 0.25 + 0.35 * 0.35 + 0.60),
    "H1": lambda: written(H[0], "0.6313"),
    "zy1.sum": lambda: written(z2[0], "0.5834"),
    "zy2": lambda: same(z2[1], H[0] * W2[1, 0] + H[1] * W2[0, 1]),
    "final.output": lambda: written(out, "0.6395 0.6601"),
}
confirm("ar007_twolayer.toml", "ar007_twolayer_planted.toml", checks5, planted5)
print("OK")
