"""Independent NumPy oracle for the Indonesian student's XOR README (fransis_xor_backprop.md) and its planted copy.

The student's 2-3-1 network (Tabel a, Tabel b): X = (1, 1) plus a bias input 1, sigmoid hidden and output units,
target 0, alpha = 0.2. The true values by NumPy; the error terms are the delta rule's, delta = -dE/d(net) for
E = 1/2 (t - Y_1)^2, and the new weights w - alpha dE/dw, every derivative by central differences. Each written number
is compared by heldout13's rule (written.py: one unit of the last written digit or 0.2 %); a line's intermediate
numbers are checked too (a chain is right only if every link is). The formulas are checked on the true network.
A check holds exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_fransis.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid
from written import written

X = np.array([1.0, 1.0])
A = np.array([[-0.3, 0.3, -0.3], [0.3, -0.2, 0.3]])  # Tabel a: input i -> hidden j
a0 = np.array([-0.1, 0.3, -0.1])  # Tabel a: bias -> hidden j
V = np.array([-0.1, 0.5, -0.3])  # Tabel b: hidden j -> Y1
v0 = 0.2
t, alpha = 0.0, 0.2


def forward(A=A, a0=a0, V=V, v0=v0, zin=None, yin=None):
    z_in = X @ A + a0 if zin is None else zin
    Z = sigmoid(z_in)
    y_in = float(Z @ V + v0) if yin is None else yin
    return z_in, Z, y_in, sigmoid(y_in)


def E(**kw):
    return 0.5 * (t - forward(**kw)[3]) ** 2


z_in, Z, y_in, Y = forward()
dY = -grad(lambda v: E(yin=float(v[0])), np.array([y_in]))[0]  # delta_Y = -dE/dY1(in)
dZ = -grad(lambda v: E(zin=v), z_in)  # delta_Zj = -dE/dZj(in)
gA = grad(lambda v: E(A=v), A)
ga0 = grad(lambda v: E(a0=v), a0)
gV = grad(lambda v: E(V=v), V)
gv0 = grad(lambda v: E(v0=float(v[0])), np.array([v0]))[0]
newA, new_a0, newV, new_v0 = A - alpha * gA, a0 - alpha * ga0, V - alpha * gV, v0 - alpha * gv0


def w(*pairs):
    """Every (true value, written number) pair agrees by the rule."""
    return all(written(v, s) for v, s in pairs)


# the student's own rounded operands, as the lines carry them
d, Zr = -0.1407, np.array([0.4750, 0.5987, 0.4750])
checks = {
    "line 39": lambda: w((z_in[0], "-0.1")) and same(-0.3 + 0.3 - 0.1, z_in[0]),
    "line 41": lambda: w((z_in[1], "0.4")) and same(0.3 - 0.2 + 0.3, z_in[1]),
    "line 43": lambda: w((z_in[2], "-0.1")) and same(-0.3 + 0.3 - 0.1, z_in[2]),
    "line 49": lambda: w((Z[0], "0.4750")),
    "line 50": lambda: w((Z[1], "0.5987")),
    "line 51": lambda: w((Z[2], "0.4750")),
    "line 60": lambda: w((y_in, "0.30935"), (Y, "0.5768")),
    "line 67": lambda: same(dY, (t - Y) * Y * (1 - Y)),
    "line 73": lambda: same(dZ, dY * V * Z * (1 - Z)),
    "line 75": lambda: w((dZ[0], "0.00351"), (d * -0.1, "0.01407"), (dZ[0], "0.00351")),
    "line 76": lambda: w((dZ[1], "-0.01690"), (d * 0.5, "-0.07035")),
    "line 77": lambda: w((dZ[2], "0.01051"), (d * -0.3, "0.04221")),
    "line 83": lambda: same(-alpha * gV, alpha * dY * Z),
    "line 84": lambda: same(-alpha * gv0, alpha * dY * 1),
    "line 86": lambda: w((newV[0], "-0.1134"), (alpha * d * Zr[0], "-0.01337")),
    "line 87": lambda: w((newV[1], "0.4832"), (alpha * d * Zr[1], "-0.01685")),
    "line 88": lambda: w((newV[2], "-0.3134"), (alpha * d * Zr[2], "-0.01337")),
    "line 89": lambda: w((new_v0, "0.1719"), (alpha * d, "-0.02814")),
    "line 93": lambda: same(-alpha * gA, alpha * np.outer(X, dZ)),
    "line 98": lambda: w((newA[0, 0], "-0.2993"), (alpha * 0.00351, "0.000702")),
    "line 99": lambda: w((newA[1, 0], "0.3007")),
    "line 100": lambda: w((new_a0[0], "-0.0993")),
    "line 104": lambda: w((newA[0, 1], "0.2966"), (alpha * -0.01690, "-0.00338")),
    "line 105": lambda: w((newA[1, 1], "-0.2034")),
    "line 106": lambda: w((new_a0[1], "0.2966")),
    "line 110": lambda: w((newA[0, 2], "-0.2979"), (alpha * 0.01051, "0.002102")),  # 0.01051: line 77's number
    "line 111": lambda: w((newA[1, 2], "0.3021")),
    "line 112": lambda: w((new_a0[2], "-0.0979")),
}
planted = {
    "line 60": lambda: w((y_in, "0.30935"), (Y, "0.4232")),
    "line 67": lambda: same(dY, (t - Y) * Y),
    "line 73": lambda: same(dZ, -dY * V * Z * (1 - Z)),
    "line 76": lambda: w((dZ[1], "-0.01690"), (d * -0.2, "-0.07035")),
    "line 86": lambda: w((newV[0], "-0.1134"), (-alpha * d * Zr[0], "-0.01337")),
    "line 93": lambda: same(-alpha * gA, alpha * np.outer(X, dY * np.ones(3))),
    "line 105": lambda: w((newA[1, 1], "-0.1966")),
}
confirm("fransis_xor_backprop.md", "fransis_xor_backprop_planted.md", checks, planted)
# line 77: the student's own product 0.010526 is within the rule of 0.01051; the true value is not
assert written(0.04221 * 0.4750 * 0.5250, "0.01051") and not written(dZ[2], "0.01051")
print("OK")
