"""Independent NumPy oracle for Charatsidis's UvA DL 2018 practical 1 (charatsidis_practical1.tex) and its planted copy.

Exercise 1, read as a TA reads a chain written with `\\cdot` and no transposes: one unit per layer, x_in -> s_1 = W_1
x_in -> z_1 = f_1(s_1) -> s_2 = W_2 z_1 -> z_2 = f_2(s_2) -> s_out = W_out z_2 -> y_out = z_out = f_3(s_out), L =
0.5 (y_out - y_gt)^2 (f_1 = tanh, f_2 = sigmoid, f_3 = tanh here: the claims hold for any f); every factor of a chain
(dL/dy_out, dy_out/ds_out, ...) by central differences. Exercise 2: the student's own network and numbers (x 2 x 4, the
samples as columns; s_1 = W^T x, ReLU, s_out = w^T z_1, tanh, L = 0.5 (y_out - y)^2 per sample, the gradients of the
sum of the four losses, alpha = 0.05); each written matrix is read from the answer file's own line and compared by
heldout13's rule (written.py: one unit of the last written digit or 0.2 %); a carried-forward number is recomputed from
the answer's own earlier (wrong) numbers, and is checked below NOT to be the true value. Exercise 3: the softmax
Jacobian dp_i/do_j at a random o, its i = j claims on the diagonal, its i != j claims off it.
Run: python oracle_charatsidis.py   (numpy only)
"""

import re

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid
from written import written

rng = np.random.default_rng(2318)


def links(*vals):
    return all(same(vals[0], v) for v in vals[1:])


# --- Exercise 1: one unit per layer
x_in, W1, W2, Wo, y_gt = rng.normal(size=5)
f1, f2, f3 = np.tanh, sigmoid, np.tanh


def fwd(W1=W1, W2=W2, Wo=Wo):
    s1 = W1 * x_in
    z1 = f1(s1)
    s2 = W2 * z1
    z2 = f2(s2)
    so = Wo * z2
    return s1, z1, s2, z2, so, f3(so)


s1, z1, s2, z2, so, yo = fwd()


def L_of_y(y):
    return 0.5 * (y - y_gt) ** 2


def d(f, at):
    return float(grad(lambda v: f(float(v[0])), np.array([at]))[0])


dL_dWo = d(lambda v: L_of_y(fwd(Wo=v)[5]), Wo)
dL_dW2 = d(lambda v: L_of_y(fwd(W2=v)[5]), W2)
dL_dW1 = d(lambda v: L_of_y(fwd(W1=v)[5]), W1)
dL_dy = d(L_of_y, yo)
dy_ds = d(f3, so)  # dy_out/ds_out (= dz_out/ds_out)
ds_dWo = d(lambda v: v * z2, Wo)
ds_dz2 = d(lambda v: Wo * v, z2)
dz2_ds2 = d(f2, s2)
ds2_dW2 = d(lambda v: v * z1, W2)
ds2_dz1 = d(lambda v: W2 * v, z1)
dz1_ds1 = d(f1, s1)
ds1_dW1 = d(lambda v: v * x_in, W1)
ds_dy = d(lambda v: np.arctanh(v), yo)  # ds_out/dy_out (the planted, inverted factor)
delta_out = d(lambda v: L_of_y(f3(v)), so)
delta_2 = d(lambda v: L_of_y(f3(Wo * f2(v))), s2)
delta_1 = d(lambda v: L_of_y(f3(Wo * f2(W2 * f1(v)))), s1)
fp3, fp2, fp1 = dy_ds, dz2_ds2, dz1_ds1
chain_W1 = dL_dy * dy_ds * ds_dz2 * dz2_ds2 * ds2_dz1 * dz1_ds1

ex1 = {
    "line 36": lambda: same(dL_dWo, dL_dy * dy_ds * ds_dWo),
    "line 40": lambda: same(dL_dWo, (yo - so) * dy_ds * ds_dWo),
    "line 44": lambda: same(dL_dWo, (yo - so) * fp3 * z2),
    "line 50": lambda: same(dL_dW2, dL_dy * dy_ds * ds_dz2 * dz2_ds2 * ds2_dW2),
    "line 54": lambda: same(dL_dW2, (yo - so) * fp3 * Wo * fp2 * z1),
    "line 60": lambda: same(dL_dW1, chain_W1 * ds1_dW1),
    "line 64": lambda: same(dL_dW1, (yo - so) * fp3 * Wo * fp2 * W2 * fp1 * x_in),
    # So: delta_k = dL/dz_k dz_k/ds_k, for every layer k
    "line 77": lambda: links(delta_out, dL_dy * dy_ds) and links(delta_2, d(lambda v: L_of_y(f3(Wo * v)), z2) * dz2_ds2)
    and links(delta_1, d(lambda v: L_of_y(f3(Wo * f2(W2 * v))), z1) * dz1_ds1),
    "line 84": lambda: same(dL_dWo, (dL_dy * dy_ds) * ds_dWo),
    "line 88": lambda: links(dL_dWo, delta_out * ds_dWo, delta_out * z2),
    "line 92": lambda: same(dL_dW2, dL_dy * dy_ds * ds_dz2 * dz2_ds2 * ds2_dW2),
    "line 96": lambda: links(delta_2, dL_dy * dy_ds * ds_dz2 * dz2_ds2),
    "line 100": lambda: links(dL_dW2, delta_2 * ds2_dW2, delta_2 * z1),
    "line 110": lambda: links(dL_dW1, chain_W1 * ds1_dW1) and same(delta_1, chain_W1),
    "line 114": lambda: links(dL_dW1, delta_1 * ds1_dW1, delta_1 * x_in),
}
ex1_planted = {
    "line 36": lambda: same(dL_dWo, dL_dy * ds_dy * ds_dWo),
    "line 96": lambda: links(delta_2, dL_dy * dy_ds * ds_dz2),
}

# --- Exercise 2: the student's network and numbers
x = np.array([[0.75, 0.2, -0.75, 0.2], [0.8, 0.05, 0.8, -0.05]])
W = np.array([[0.6, 0.7, 0.0], [0.01, 0.43, 0.88]])
w = np.array([0.02, 0.03, 0.9])
y = np.array([1.0, 1.0, -1.0, -1.0])
alpha = 0.05


def net(W=W, w=w):
    s_1 = W.T @ x
    z_1 = np.maximum(s_1, 0)
    s_o = w @ z_1
    return s_1, z_1, s_o, np.tanh(s_o)


def total(W=W, w=w):
    return float(np.sum(0.5 * (net(W, w)[3] - y) ** 2))


t_s1, t_z1, t_so, t_yo = net()
t_do = grad(lambda v: float(np.sum(0.5 * (np.tanh(v) - y) ** 2)), t_so)  # delta_out = dL/ds_out
t_d1 = grad(lambda v: float(np.sum(0.5 * (np.tanh(w @ np.maximum(v, 0)) - y) ** 2)), t_s1)
g_w, g_W = grad(lambda v: total(w=v), w), grad(lambda v: total(W=v), W)


def numbers(text, line):
    """The numbers of the bmatrix written on the answer's line (1-based), as one space-separated string."""
    src = text.split("\n")[line - 1]
    body = src[src.index("\\begin{bmatrix}"):] if "\\begin{bmatrix}" in src else src
    return " ".join(re.findall(r"-?\d+\.\d+|-?\d+", body.replace("\\\\", " ")))


def arr(text, line):
    return np.array([float(v) for v in numbers(text, line).split()])


def ex2(path):
    text = open(path).read()
    st_so, st_yo, st_do = arr(text, 216), arr(text, 218), arr(text, 222)
    st_d1, st_dw, st_dW = arr(text, 224).reshape(3, 4), arr(text, 226), arr(text, 230).reshape(2, 3)
    return {
        "Exercise2.12": lambda: same(t_d1, np.outer(w, t_do) * (t_s1 > 0)),
        "Exercise2.13": lambda: same(g_w, t_z1 @ t_do),
        "Exercise2.16": lambda: same(W - alpha * (x @ t_d1.T), W - alpha * g_W),  # Delta W the gradient (Exercise 1)
        "Exercise2.17": lambda: same(w - alpha * (t_z1 @ t_do), w - alpha * g_w),
        "Exercise2.18": lambda: written(t_s1, numbers(text, 212)),
        "Exercise2.19": lambda: written(t_z1, numbers(text, 214)),
        "Exercise2.20": lambda: written(t_so, numbers(text, 216)),
        "Exercise2.21": lambda: written(np.tanh(st_so), numbers(text, 218)),  # from the answer's s_out
        "Exercise2.22": lambda: written(0.5 * (st_yo - y) ** 2, numbers(text, 220)),
        "Exercise2.23": lambda: written((st_yo - y) * (1 - st_yo**2), numbers(text, 222)),
        "Exercise2.24": lambda: written(np.outer(w, st_do) * (t_s1 > 0), numbers(text, 224)),  # w as stated
        "Exercise2.25": lambda: written(t_z1 @ st_do, numbers(text, 226)),
        "Exercise2.26": lambda: written(x @ st_d1.T, numbers(text, 230)),
        "Exercise2.27": lambda: written(w - alpha * st_dw, numbers(text, 234)),
        "Exercise2.28": lambda: written(W - alpha * st_dW, numbers(text, 238)),
    }


# --- Exercise 3: the softmax Jacobian
o = rng.normal(size=4)
ex_o, SUM = np.exp(o), np.exp(o).sum()
p = ex_o / SUM
J = jacobian(lambda v: np.exp(v) / np.exp(v).sum(), o)  # [i, j] = dp_i / do_j
dexp = jacobian(np.exp, o)  # [i, j] = d exp(o_i) / do_j
dinv = jacobian(lambda v: np.full(4, 1 / np.exp(v).sum()), o)  # [., j] = d (1/sum) / do_j
off = ~np.eye(4, dtype=bool)
diag = np.diag


def on_diag(value):  # an i = j claim: dp_i/do_i = value_i
    return same(diag(J), value)


def off_diag(value):  # an i != j claim: dp_i/do_j = value_ij for i != j
    return same(J[off], value[off])


ex3 = {
    "Exercise3.4": lambda: same(J, dexp / SUM + ex_o[:, None] * dinv),
    "Exercise3.5": lambda: on_diag(ex_o / SUM - ex_o * ex_o / SUM**2),
    "Exercise3.6": lambda: on_diag(ex_o / SUM - ex_o / SUM * ex_o / SUM),
    "Exercise3.7": lambda: on_diag(p - p * p),
    "Exercise3.8": lambda: on_diag(p * (1 - p)),
    "Exercise3.10": lambda: off_diag(-np.outer(ex_o, ex_o) / SUM**2),
    "Exercise3.11": lambda: off_diag(-np.outer(p, p)),
}
ex3_planted = {
    "Exercise3.8": lambda: on_diag(p * (1 + p)),
    "Exercise3.11": lambda: off_diag(np.outer(p, p)),
}
ex2_planted = {
    "Exercise2.12": lambda: same(t_d1, np.outer(w, t_do) * np.maximum(t_s1, 0)),
    "Exercise2.17": lambda: same(w + alpha * (t_z1 @ t_do), w - alpha * g_w),
}

faithful = {**ex1, **ex2("charatsidis_practical1.tex"), **ex3}
planted_text = ex2("charatsidis_practical1_planted.tex")
planted = {**ex1_planted, **ex2_planted, **ex3_planted, "Exercise2.18": planted_text["Exercise2.18"]}
assert all(planted_text[k]() == v() for k, v in ex2("charatsidis_practical1.tex").items() if k != "Exercise2.18")
confirm("charatsidis_practical1.tex", "charatsidis_practical1_planted.tex", faithful, planted)

# the carried-forward numbers are not the true values (they follow only from the answer's wrong s_out)
text = open("charatsidis_practical1.tex").read()
t_dW, t_dw = x @ t_d1.T, t_z1 @ t_do
for line, true in ((218, t_yo), (220, 0.5 * (t_yo - y) ** 2), (222, t_do), (226, t_dw), (230, t_dW)):
    assert not written(true, numbers(text, line)), line
print("OK")
