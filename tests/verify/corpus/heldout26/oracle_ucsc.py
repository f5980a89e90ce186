"""Independent NumPy oracle for ucsc_hw4_sigmoid.tex and ucsc_hw4_tanh.tex (students' homework write-up: a 2-2-1 net
without biases, a_j = sum_i w_ji z_i, logistic or tanh hidden nodes, a linear output z_5 = a_5, E = 1/2 (z_5 - t)^2,
every initial weight 0, x = (1, 2), t = 1, eta = 0.1) and their planted copies.

The course's general equations (5) and (6) and each row's formula are checked at random weights and targets by
central differences of E (as a function of the weights, or of a_j taken as free with the layers above recomputed);
each row's numbers at the write-up's zero weights. An update row is checked as a rule (w - eta dE/dw for the weight it
names) at random weights. A check holds exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_ucsc.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

X = np.array([1.0, 2.0])
ETA = 0.1
NAMES = ("w31", "w32", "w41", "w42", "w53", "w54")


def point(w, t, act, dact):
    w = dict(zip(NAMES, w, strict=True))
    a3, a4 = w["w31"] * X[0] + w["w32"] * X[1], w["w41"] * X[0] + w["w42"] * X[1]
    z3, z4 = act(a3), act(a4)
    a5 = w["w53"] * z3 + w["w54"] * z4

    def E_of(v):
        p = dict(zip(NAMES, v, strict=True))
        h3 = act(p["w31"] * X[0] + p["w32"] * X[1])
        h4 = act(p["w41"] * X[0] + p["w42"] * X[1])
        return 0.5 * (p["w53"] * h3 + p["w54"] * h4 - t) ** 2

    g = dict(zip(NAMES, grad(E_of, np.array([w[n] for n in NAMES], float)), strict=True))
    d5 = float(grad(lambda v: 0.5 * (v[0] - t) ** 2, np.array([a5]))[0])
    d3 = float(grad(lambda v: 0.5 * (w["w53"] * act(v[0]) + w["w54"] * z4 - t) ** 2, np.array([a3]))[0])
    d4 = float(grad(lambda v: 0.5 * (w["w53"] * z3 + w["w54"] * act(v[0]) - t) ** 2, np.array([a4]))[0])
    s3 = float(grad(lambda v: float(act(v[0])), np.array([a3]))[0])
    return dict(w, t=t, a5=a5, z=dict(z1=X[0], z2=X[1], z3=z3, z4=z4), d3=d3, d4=d4, d5=d5, g=g, s3=s3, dact=dact)


rng = np.random.default_rng(2608)
SIG = (sigmoid, lambda z: z * (1 - z))
TANH = (np.tanh, lambda z: 1 - z ** 2)


def draws(act):
    return [point(rng.normal(size=6), rng.normal(), *act) for _ in range(3)]


def each(points, f):
    return lambda: all(bool(f(s)) for s in points)


def common(R, A, zero_z):
    """the checks both parts share: R random points, A the write-up's point, zero_z its z_3 = z_4."""
    hidden = lambda s: (same(s["d4"], s["d5"] * s["w54"] * s["dact"](s["z"]["z4"]))
                        and same(s["d3"], s["d5"] * s["w53"] * s["dact"](s["z"]["z3"])))
    eq6 = each(R, lambda s: all(same(s["g"][n], {"5": s["d5"], "3": s["d3"], "4": s["d4"]}[n[1]] * s["z"]["z" + n[2]]) for n in NAMES))
    rows = {
        "dE/da5": lambda: each(R, lambda s: same(s["d5"], s["a5"] - s["t"]))() and same(A["d5"], -1.0) and same(A["a5"] - 1, -1.0),
        "hidden": lambda: each(R, hidden)() and same(A["d4"], (-1 * 0) * A["dact"](zero_z)) and same(A["d4"], 0.0),
        "hidden3": lambda: each(R, hidden)() and same(A["d3"], (-1 * 0) * A["dact"](zero_z)) and same(A["d3"], 0.0),
        "zero": lambda: same(A["d4"], 0.0) and same(A["d3"], 0.0),
        "eq6": eq6,
        "rule_ok": lambda n: each(R, lambda s: same(s[n] - ETA * s["g"][n], s[n] - ETA * s["g"][n]))(),
        "rule_copied": lambda n: each(R, lambda s: same(s[n] - ETA * s["g"][n], s["w53"] - ETA * s["g"][n]))(),
    }
    return rows


R1, A1 = draws(SIG), point(np.zeros(6), 1.0, *SIG)
c1 = common(R1, A1, 0.5)
dw = lambda A, n, i: same(A["g"][n], A["d" + n[1]] * A["z"]["z" + i])
checks1 = {
    "line 15": c1["dE/da5"],
    "line 19": each(R1, lambda s: same(s["d3"], s["d5"] * s["w53"] * s["z"]["z3"] * (1 - s["z"]["z3"]))),
    "line 22": c1["hidden"],
    "line 27": c1["hidden3"],
    "line 31": c1["zero"],
    "6": c1["eq6"],
    "line 36.2": lambda: dw(A1, "w53", "3") and same(A1["g"]["w53"], -1 * 0.5) and same(-1 * 0.5, -0.5),
    "line 37.3": lambda: dw(A1, "w54", "4") and same(A1["g"]["w54"], -0.5),
    "line 38.4": lambda: dw(A1, "w31", "1") and same(A1["g"]["w31"], 0 * 1),
    "line 39.5": lambda: dw(A1, "w32", "2") and same(A1["g"]["w32"], 0 * 2),
    "line 40.6": lambda: dw(A1, "w41", "1") and same(A1["g"]["w41"], 0.0),
    "line 41.7": lambda: dw(A1, "w42", "2") and same(A1["g"]["w42"], 0.0),
    "line 47.1": lambda: same(0 - ETA * A1["g"]["w53"], 0.05) and same(0 - 0.1 * -0.5, 0.05),
    "line 48.2": lambda: same(0 - ETA * A1["g"]["w54"], 0.05),
    "line 49.3": lambda: c1["rule_copied"]("w31"),
    "line 50.4": lambda: c1["rule_copied"]("w32"),
    "line 51.5": lambda: c1["rule_copied"]("w41"),
    "line 52.6": lambda: c1["rule_copied"]("w42"),
}
planted1 = {
    "line 15": lambda: same(A1["d5"], 1.0),
    "line 19": each(R1, lambda s: same(s["d3"], s["d5"] * s["w53"] * s["z"]["z3"])),
    "line 36.2": lambda: same(A1["g"]["w53"], -2.0),
    "line 47.1": lambda: same(0 - ETA * A1["g"]["w53"], -0.05),
}
confirm("ucsc_hw4_sigmoid.tex", "ucsc_hw4_sigmoid_planted.tex", checks1, planted1)

R2, A2 = draws(TANH), point(np.zeros(6), 1.0, *TANH)
c2 = common(R2, A2, 0.0)
checks2 = {
    "5": each(R2, lambda s: same(s["d3"], s["d5"] * s["w53"] * (1 - s["z"]["z3"] ** 2))),
    "6": c2["eq6"],
    "line 19": c2["dE/da5"],
    "line 23": each(R2, lambda s: same(s["d4"], s["d5"] * s["w54"] * (1 - s["z"]["z4"] ** 2))),
    "line 26": c2["hidden"],
    "line 31": c2["hidden3"],
    "line 35": c2["zero"],
    "line 40.2": lambda: dw(A2, "w53", "3") and same(A2["g"]["w53"], -1 * 0),
    "line 41.3": lambda: dw(A2, "w54", "4") and same(A2["g"]["w54"], 0.0),
    "line 42.4": lambda: dw(A2, "w31", "1") and same(A2["g"]["w31"], 0.0),
    "line 43.5": lambda: dw(A2, "w32", "2") and same(A2["g"]["w32"], 0.0),
    "line 44.6": lambda: dw(A2, "w41", "1") and same(A2["g"]["w41"], 0.0),
    "line 45.7": lambda: dw(A2, "w42", "2") and same(A2["g"]["w42"], 0.0),
    "line 51.1": lambda: same(0 - ETA * A2["g"]["w53"], 0.0),
    "line 52.2": lambda: same(0 - ETA * A2["g"]["w54"], 0.0),
    "line 53.3": lambda: c2["rule_copied"]("w31"),
    "line 54.4": lambda: c2["rule_copied"]("w32"),
    "line 55.5": lambda: c2["rule_copied"]("w41"),
    "line 56.6": lambda: c2["rule_copied"]("w42"),
}
planted2 = {
    "5": each(R2, lambda s: same(s["d3"], s["d5"] * s["w53"] * (1 - s["z"]["z3"]))),
    "line 19": lambda: same(A2["d5"], 1.0),
    "line 26": each(R2, lambda s: same(s["d4"], s["d5"] * s["w54"] * (1 - s["z"]["z4"]))),
    "line 40.2": lambda: same(A2["g"]["w53"], -1.0),
}
confirm("ucsc_hw4_tanh.tex", "ucsc_hw4_tanh_planted.tex", checks2, planted2)
# the zero start: with tanh every gradient is zero; the logistic net moves w_{5,3}, w_{5,4} only
assert all(same(v, 0.0) for v in A2["g"].values()) and same(A1["g"]["w53"], -0.5)
print("OK")
