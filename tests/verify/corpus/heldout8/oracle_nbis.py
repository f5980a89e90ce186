"""Independent NumPy oracle for nbis_backprop.ipynb / nbis_backprop_planted.ipynb (NBIS workshop "Neural networks and
deep learning", exercise_back_prop.ipynb: a forward and a backward pass by hand through a two-neuron network).

The exercise's network (nbis_backprop.spec.toml): i_1 = x = 0.05, z_1 = w_1 i_1 + b_1, a_1 = sigma(z_1),
z_2 = w_2 a_1 + b_2, a_2 = sigma(z_2) = y^, L = 1/2 (y - y^)^2, with y = 0.01, w_1 = 0.1, b_1 = -0.1, w_2 = 0.3,
b_2 = 0.3, eta = 0.05 (the notebook's code cell "Initialize variables to values in figure"). Every derivative is a
central difference (of L, or of the intermediate the claim differentiates); printed numbers are judged to the
notebook's own rounding (1 % or 5e-4). Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_nbis.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, sigmoid

x, y, w1, b1, w2, b2, eta = 0.05, 0.01, 0.1, -0.1, 0.3, 0.3, 0.05
d = lambda f, v, h=1e-6: (f(v + h) - f(v - h)) / (2 * h)  # noqa: E731


def forward(w1=w1, b1=b1, w2=w2, b2=b2):
    z1 = w1 * x + b1
    a1 = sigmoid(z1)
    z2 = w2 * a1 + b2
    a2 = sigmoid(z2)
    return z1, a1, z2, a2, 0.5 * (y - a2) ** 2


z1, a1, z2, a2, L = forward()
dL_dw2, dL_dw1, dL_db2 = d(lambda v: forward(w2=v)[4], w2), d(lambda v: forward(w1=v)[4], w1), d(lambda v: forward(b2=v)[4], b2)
dL_da2 = d(lambda v: 0.5 * (y - v) ** 2, a2)
da2_dz2, da1_dz1 = d(sigmoid, z2), d(sigmoid, z1)
dz2_dw2, dz2_da1, dz1_dw1 = d(lambda v: v * a1 + b2, w2), d(lambda v: w2 * v + b2, a1), d(lambda v: v * x + b1, w1)
da2_dw2 = d(lambda v: forward(w2=v)[3], w2)
da2_dw1, dz2_dw1, da1_dw1 = d(lambda v: forward(w1=v)[3], w1), d(lambda v: forward(w1=v)[2], w1), d(lambda v: forward(w1=v)[1], w1)
da1_dz2 = 0.0  # a_1 does not depend on z_2
num = lambda p, e: abs(p - e) <= max(5e-4, 0.01 * abs(e))  # noqa: E731
eq = lambda p, e: abs(p - e) <= 1e-7 + 1e-5 * abs(e)  # noqa: E731
checks = {
    "Task1.1": lambda: eq(z1, w1 * x + b1),  # i_1 = x: with the input node x, z_1 = w_1 i_1 + b_1 is the forward pass
    "Task1.2": lambda: eq(forward()[3], a2),
    "Task1.3": lambda: eq(z1, w1 * x + b1),
    "Task1.4": lambda: eq(a1, sigmoid(z1)) and eq(sigmoid(z1), 1 / (1 + np.exp(-z1))),
    "Task1.5": lambda: eq(z2, w2 * a1 + b2),
    "Task1.6": lambda: eq(a2, 1 / (1 + np.exp(-z2))),
    "Task1.7": lambda: eq(L, 0.5 * (y - a2) ** 2),
    "Task1.8": lambda: eq(z2, w2 * a1 + b2),
    "Task1.9": lambda: eq(a2, 1 / (1 + np.exp(-z2))),
    "Task1.10": lambda: eq(L, 0.5 * (y - a2) ** 2),
    "Task1.11": lambda: eq(dL_dw2, da2_dw2 * dL_da2),
    "Task1.12": lambda: eq(dL_dw2, dz2_dw2 * da2_dz2 * dL_da2),
    "Task1.13": lambda: eq(dL_da2, d(lambda v: 0.5 * (y - v) ** 2, a2)),
    "Task1.14": lambda: eq(dL_da2, a2 - y),
    "Task1.15": lambda: num(0.61 - 0.1, dL_da2) and num(0.51, 0.61 - 0.1),
    "Task1.16": lambda: eq(da2_dz2, d(sigmoid, z2)),
    "Task1.17": lambda: eq(da2_dz2, sigmoid(z2) * (1 - sigmoid(z2))) and eq(da2_dz2, a2 * (1 - a2)),
    "Task1.18": lambda: num(0.61 * (1 - 0.61), da2_dz2) and num(0.2379, 0.61 * (1 - 0.61)),
    "Task1.19": lambda: eq(dz2_dw2, d(lambda v: v * a1 + b2, w2)),
    "Task1.20": lambda: eq(dz2_dw2, a1),
    "Task1.21": lambda: num(0.48, dz2_dw2),
    "Task1.22": lambda: eq(dL_dw2, dz2_dw2 * da2_dz2 * dL_da2) and num(0.48 * 0.2379 * 0.51, dL_dw2) and num(0.3958, 0.48 * 0.2379 * 0.51),
    "Task1.23": lambda: eq(w2 - eta * dL_dw2, w2 - eta * dL_dw2),
    "Task1.25": lambda: num(0.1 - 0.05 * 0.3958, w2 - eta * dL_dw2),
    "Task2.1": lambda: eq(z1, w1 * x + b1),
    "Task2.2": lambda: eq(a1, 1 / (1 + np.exp(-z1))),
    "Task2.3": lambda: eq(z2, w2 * a1 + b2),
    "Task2.4": lambda: eq(a2, 1 / (1 + np.exp(-z2))),
    "Task2.5": lambda: eq(L, 0.5 * (y - a2) ** 2),
    "Task2.11": lambda: eq(dL_dw1, da2_dw1 * dL_da2),
    "Task2.12": lambda: eq(dL_dw1, dz2_dw1 * da2_dz2 * dL_da2),
    "Task2.13": lambda: eq(dL_dw1, da1_dw1 * dz2_da1 * da2_dz2 * dL_da2),
    "Task2.14": lambda: eq(dL_dw1, dz1_dw1 * da1_dz1 * dz2_da1 * da2_dz2 * dL_da2),
    "Task2.16": lambda: eq(dz2_da1, d(lambda v: w2 * v + b1, a1)) and eq(dz2_da1, w2),
    "Task2.17": lambda: eq(da1_dz2, d(sigmoid, z2)) and eq(da1_dz2, a1 * (1 - a1)),
    "Task2.18": lambda: eq(da1_dz2, d(sigmoid, z2)) and eq(da1_dz2, a1 * (1 - a1)),
    "Task2.20": lambda: eq(dz1_dw1, d(lambda v: v * x + b1, w1)) and eq(dz1_dw1, x),
    "Task2.21": lambda: eq(dL_dw1, dz1_dw1 * da1_dz1 * dz2_da1 * da2_dz2 * dL_da2),
    "Task2.22": lambda: eq(w1 - eta * dL_dw1, w1 - eta * d(lambda v: forward(w1=v)[4], w1)),
    "Task2.23": lambda: eq(z2, w2 * a1 + b2),
    "Task2.24": lambda: eq(a2, 1 / (1 + np.exp(-z2))),
    "Task2.25": lambda: eq(L, 0.5 * (y - a2) ** 2),
}
planted = {
    "Task1.4": lambda: eq(a1, 1 / (1 + np.exp(z1))),
    "Task1.12": lambda: eq(dL_dw2, dz2_dw2 * da2_dw2 * dL_da2),
    "Task1.14": lambda: eq(dL_da2, y - a2),
    "Task1.17": lambda: eq(da2_dz2, a2 * (1 - a1)),
    "Task1.20": lambda: eq(dz2_dw2, w2),
    "Task2.16": lambda: eq(dz2_da1, a1),
    "Task2.20": lambda: eq(dz1_dw1, w1),
    "Task2.21": lambda: eq(dL_dw1, dz1_dw1 * da1_dz1 * dz2_dw2 * da2_dz2 * dL_da2),
    "Task2.22": lambda: eq(w1 - eta * dL_dw1, w1 + eta * dL_dw1),
}
confirm("nbis_backprop.ipynb", "nbis_backprop_planted.ipynb", checks, planted)
print("OK")
