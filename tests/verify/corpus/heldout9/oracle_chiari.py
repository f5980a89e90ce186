"""Independent NumPy oracle for chiari_mlp.md / chiari_mlp_planted.md (Thomas Chiari's answer to the Insper ANN-DL MLP
exercise 1: one forward and backward pass by hand).

The exercise's network (chiari_mlp.spec.toml): x = (0.5, -0.2), y = 1, z^{(1)} = W^{(1)} x + b^{(1)}, h^{(1)} =
tanh(z^{(1)}), u^{(2)} = W^{(2)} h^{(1)} + b^{(2)}, yhat = tanh(u^{(2)}), L = (y - yhat)^2 (N = 1, no 1/2), eta = 0.1.
Every derivative is a central difference of that L; every link of a chain is computed as written; a printed number is
judged to the author's own rounding (a unit of its last printed digit, or 1e-7 for propagated rounding). Prints OK
when every verdict of MANIFEST.toml holds.
Run: python oracle_chiari.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

x, y, eta = np.array([0.5, -0.2]), 1.0, 0.1
W1, b1 = np.array([[0.3, -0.1], [0.2, 0.4]]), np.array([0.1, -0.2])
W2, b2 = np.array([[0.5, -0.3]]), np.array([0.2])


def net(W1=W1, b1=b1, W2=W2, b2=b2, h=None, u=None, yh=None, z=None):
    z = W1 @ x + b1 if z is None else z
    h = np.tanh(z) if h is None else h
    u = W2 @ h + b2 if u is None else u
    yh = np.tanh(u) if yh is None else yh
    return float(((y - yh) ** 2).sum())


z1 = W1 @ x + b1
h1 = np.tanh(z1)
u2 = W2 @ h1 + b2
yh = np.tanh(u2)
L = net()
dL_dyh = grad(lambda v: net(yh=v), yh)
dyh_du = (np.tanh(u2 + 1e-6) - np.tanh(u2 - 1e-6)) / 2e-6
dL_du = grad(lambda v: net(u=v), u2)
gW2, gb2 = grad(lambda v: net(W2=v), W2), grad(lambda v: net(b2=v), b2)
dL_dh = grad(lambda v: net(h=v), h1)
dL_dz = grad(lambda v: net(z=v), z1)
gW1, gb1 = grad(lambda v: net(W1=v), W1), grad(lambda v: net(b1=v), b1)
us = np.linspace(-2, 2, 9)


def pr(value, text):
    """The printed numbers (space-separated) within a unit of their last digit (or 1e-7) of value."""
    value, nums = np.ravel(np.asarray(value, float)), text.split()
    if value.size != len(nums):
        return False
    return all(abs(v - float(s)) <= max(10.0 ** -len(s.split(".")[1]) if "." in s else 1.0, 1e-7) for v, s in zip(value, nums, strict=True))


A = lambda *v: np.array(v, float)  # noqa: E731
checks = {
    "Exercise1.1": lambda: np.isclose(L, (y - yh[0]) ** 2 / 1),
    "Exercise1.6": lambda: same(z1, W1 @ x + b1) and pr(z1, "0.27 -0.18"),
    "Exercise1.7": lambda: same(h1, np.tanh(z1)) and same(h1, np.tanh(A(0.27, -0.18))) and pr(h1, "0.26362484 -0.17808087"),
    "Exercise1.8": lambda: (
        same(u2, W2 @ h1 + b2) and pr(u2, "0.3852366782") and pr(0.5 * 0.26362484 + (-0.3) * (-0.17808087) + 0.2, "0.3852366782")
    ),
    "Exercise1.9": lambda: same(yh, np.tanh(u2)) and pr(np.tanh(0.3852366782), "0.3672465626"),
    "Exercise1.10": lambda: np.isclose(L, (y - yh[0]) ** 2) and pr((1 - 0.3672465626) ** 2, "0.4003769125") and pr(L, "0.4003769125"),
    "Exercise1.11": lambda: same((np.tanh(us + 1e-6) - np.tanh(us - 1e-6)) / 2e-6, 1 - np.tanh(us) ** 2),
    "Exercise1.12": lambda: same(dL_dyh, 2 * (yh - 1)) and pr(dL_dyh, "-1.2655068747"),
    "Exercise1.13": lambda: same(dyh_du, 1 - np.tanh(u2) ** 2) and same(dyh_du, 1 - yh**2) and pr(dyh_du, "0.8651299622"),
    "Exercise1.14": lambda: (
        same(dL_du, dL_dyh * dyh_du) and pr((-1.2655068747) * 0.8651299622, "-1.0948279147") and pr(dL_du, "-1.0948279147")
    ),
    "Exercise1.15": lambda: (
        same(gW2, dL_du[:, None] * h1[None, :])
        and pr(gW2, "-0.28862383 0.19496791")
        and pr(A(-1.0948279147 * 0.26362484, -1.0948279147 * (-0.17808087)), "-0.28862383 0.19496791")
    ),
    "Exercise1.16": lambda: same(gb2, dL_du) and pr(gb2, "-1.0948279147"),
    "Exercise1.17": lambda: (
        same(dL_dh, dL_du[0] * W2[0]) and pr(dL_dh, "-0.54741396 0.32844837") and pr(-1.0948279147 * A(0.5, -0.3), "-0.54741396 0.32844837")
    ),
    "Exercise1.18": lambda: (
        same(1 - np.tanh(z1) ** 2, 1 - np.tanh(A(0.27, -0.18)) ** 2) and pr(1 - np.tanh(z1) ** 2, "0.93050195 0.96828720")
    ),
    "Exercise1.19": lambda: (
        same(dL_dz, dL_dh * (1 - np.tanh(z1) ** 2))
        and pr(dL_dz, "-0.50936975 0.31803236")
        and pr(A(-0.54741396, 0.32844837) * A(0.93050195, 0.96828720), "-0.50936975 0.31803236")
    ),
    "Exercise1.20": lambda: (
        same(gW1, np.outer(dL_dz, x))
        and pr(gW1, "-0.25468488 0.10187395 0.15901618 -0.06360647")
        and pr(np.outer(A(-0.50936975, 0.31803236), x), "-0.25468488 0.10187395 0.15901618 -0.06360647")
    ),
    "Exercise1.21": lambda: same(gb1, dL_dz) and pr(gb1, "-0.50936975 0.31803236"),
    "Exercise1.22": lambda: (
        pr(W2 - eta * gW2, "0.52886238 -0.31949679")
        and pr(A(0.5, -0.3) - 0.1 * A(-0.28862383, 0.19496791), "0.52886238 -0.31949679")
        and net(W2=W2 - 1e-3 * gW2) < L
    ),
    "Exercise1.23": lambda: (
        pr(b2 - eta * gb2, "0.3094827915") and pr(0.2 - 0.1 * (-1.0948279147), "0.3094827915") and net(b2=b2 - 1e-3 * gb2) < L
    ),
    "Exercise1.24": lambda: pr(W1 - eta * gW1, "0.32546849 -0.11018740 0.18409838 0.40636065") and net(W1=W1 - 1e-3 * gW1) < L,
    "Exercise1.25": lambda: pr(b1 - eta * gb1, "0.15093698 -0.23180324") and net(b1=b1 - 1e-3 * gb1) < L,
    "Exercise1.26": lambda: pr(W2 - eta * gW2, "0.52886238 -0.31949679"),
    "Exercise1.27": lambda: pr(b2 - eta * gb2, "0.3094827915"),
    "Exercise1.28": lambda: pr(W1 - eta * gW1, "0.32546849 -0.11018740 0.18409838 0.40636065"),
    "Exercise1.29": lambda: pr(b1 - eta * gb1, "0.15093698 -0.23180324"),
}
planted = {
    "Exercise1.8": lambda: pr(0.5 * 0.26362484 + (-0.3) * (-0.17808087) - 0.2, "0.3852366782"),
    "Exercise1.12": lambda: same(dL_dyh, 2 * (1 - yh)),
    "Exercise1.13": lambda: same(dyh_du, 1 - yh),
    "Exercise1.17": lambda: same(dL_dh, dL_du[0] * W1.T) or same(dL_dh, dL_du[0] * W1[0]),
    "Exercise1.20": lambda: pr(gW1, "-0.25468488 0.10187395 0.15901618 -0.6360647"),
    "Exercise1.23": lambda: net(b2=b2 + 1e-3 * gb2) < L,
}
confirm("chiari_mlp.md", "chiari_mlp_planted.md", checks, planted)
print("OK")
