"""Independent NumPy oracle for froukje_one_neuron.md and froukje_two_neurons.md (a learner's blog post: one sigmoid
neuron, then two in a chain; L = 1/2 (y - yhat)^2) and their planted copies.

Formula claims are checked at random weights, biases, inputs and targets by central differences of the author's L
and of the local functions; worked numbers at the post's values (x = 0.5, y = 1.5 as every number of the examples
uses; w = 0.3, b = 0.1; w1 = 0.3, w2 = 0.2, b1 = 0.1, b2 = 0.4; alpha = 0.1) by heldout13's rule (written.py). A
product of the post's own rounded operands is right when each operand is right to its written digits (rounding carried
forward); a carried-forward number is recomputed from the post's wrong number and must NOT be the true value. A check
holds exactly when MANIFEST.toml's verdict is correct or carried_forward.
Run: python oracle_froukje.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid
from written import written


def d1(f, at):
    return float(grad(lambda v: f(float(v[0])), np.array([at]))[0])


def one(w, b, x, y):
    z = w * x + b
    s = {"w": w, "b": b, "x": x, "y": y, "z": z, "yhat": sigmoid(z)}
    s["L"] = 0.5 * (y - s["yhat"]) ** 2
    s["dw"] = d1(lambda v: 0.5 * (y - sigmoid(v * x + b)) ** 2, w)
    s["db"] = d1(lambda v: 0.5 * (y - sigmoid(w * x + v)) ** 2, b)
    s["dL_dyhat"] = d1(lambda v: 0.5 * (y - v) ** 2, s["yhat"])
    s["dyhat_dz"] = d1(lambda v: float(sigmoid(v)), z)
    s["dz_dw"] = d1(lambda v: v * x + b, w)
    s["dz_db"] = d1(lambda v: w * x + v, b)
    return s


def two(w1, w2, b1, b2, x, y):
    def L(p):
        return 0.5 * (y - sigmoid(p[1] * sigmoid(p[0] * x + p[2]) + p[3])) ** 2
    z2 = w1 * x + b1
    a2 = sigmoid(z2)
    z3 = w2 * a2 + b2
    s = {"w1": w1, "w2": w2, "b1": b1, "b2": b2, "x": x, "y": y, "z2": z2, "a2": a2, "z3": z3, "yhat": sigmoid(z3)}
    s["L"] = 0.5 * (y - s["yhat"]) ** 2
    s["g"] = grad(L, np.array([w1, w2, b1, b2], float))  # dL/dw1, dL/dw2, dL/db1, dL/db2
    s["dL_dyhat"] = d1(lambda v: 0.5 * (y - v) ** 2, s["yhat"])
    s["dyhat_dz3"] = d1(lambda v: float(sigmoid(v)), z3)
    s["dz3_da2"] = d1(lambda v: w2 * v + b2, a2)
    s["da2_dz2"] = d1(lambda v: float(sigmoid(v)), z2)
    s["dz2_dw1"] = d1(lambda v: v * x + b1, w1)
    s["dz2_db1"] = d1(lambda v: w1 * x + v, b1)
    return s


rng = np.random.default_rng(2602)
R1 = [one(*rng.normal(size=4)) for _ in range(3)]
R2 = [two(*rng.normal(size=6)) for _ in range(3)]
A1 = one(0.3, 0.1, 0.5, 1.5)
A2 = two(0.3, 0.2, 0.1, 0.4, 0.5, 1.5)


def each(points, f):
    return lambda: all(bool(f(s)) for s in points)


def rounded(product, result, operands):
    """the post's product of its rounded operands is `result`, each operand (written, true) right to its digits."""
    return written(product, result) and all(written(true, text) for text, true in operands)


checks1 = {
    "line 69": lambda: written(A1["yhat"], "0.56") and written(sigmoid(0.3 * 0.5 + 0.1), "0.56"),
    "line 73": lambda: written(A1["L"], "0.44") and written(0.5 * (1.5 - 0.56) ** 2, "0.44"),
    "line 87": each(R1, lambda s: same(s["dw"], s["dL_dyhat"] * s["dyhat_dz"] * s["dz_dw"])),
    "line 88": each(R1, lambda s: same(s["db"], s["dL_dyhat"] * s["dyhat_dz"] * s["dz_db"])),
    "line 96": each(R1, lambda s: same(s["dL_dyhat"], -(s["y"] - s["yhat"]))),
    "line 97": each(R1, lambda s: same(s["dyhat_dz"], sigmoid(s["z"]) * (1 - sigmoid(s["z"])))),
    "line 98": each(R1, lambda s: same(s["dz_dw"], s["x"])),
    "line 99": each(R1, lambda s: same(s["dz_db"], 1.0)),
    "line 105": lambda: written(A1["dL_dyhat"], "-0.94") and written(-(1.5 - 0.56), "-0.94"),
    "line 109": lambda: written(A1["dyhat_dz"], "0.25") and written(0.56 * 0.44, "0.25"),
    "line 112": lambda: written(A1["dz_dw"], "0.5"),
    "line 117": lambda: rounded(-0.94 * 0.25 * 0.5, "-0.118", [("-0.94", A1["dL_dyhat"]), ("0.25", A1["dyhat_dz"]), ("0.5", 0.5)]),
    "line 118": lambda: rounded(-0.94 * 0.25 * 1, "-0.235", [("-0.94", A1["dL_dyhat"]), ("0.25", A1["dyhat_dz"])]),
    "line 127": lambda: written(0.3 - 0.1 * A1["dw"], "0.312") and written(0.3 - 0.1 * (-0.118), "0.312"),
    "line 128": lambda: written(0.1 - 0.1 * A1["db"], "0.125") and written(0.1 - 0.1 * (-0.235), "0.125"),
}
planted1 = {
    "line 96": each(R1, lambda s: same(s["dL_dyhat"], s["y"] - s["yhat"])),
    "line 98": each(R1, lambda s: same(s["dz_dw"], s["w"])),
    "line 117": lambda: written(A1["dw"], "-0.47") and written(-0.94 * 0.5, "-0.47"),
    "line 127": lambda: written(0.3 - 0.1 * A1["dw"], "0.288") and written(0.3 + 0.1 * (-0.118), "0.288"),
}
confirm("froukje_one_neuron.md", "froukje_one_neuron_planted.md", checks1, planted1)

checks2 = {
    "line 22": lambda: (same(A2["yhat"], sigmoid(0.2 * sigmoid(0.3 * 0.5 + 0.1) + 0.4))
                        and same(A2["yhat"], sigmoid(0.2 * sigmoid(0.25) + 0.4))),
    "line 24": lambda: written(A2["z3"], "0.512") and written(A2["yhat"], "0.625") and written(sigmoid(0.512), "0.625"),
    "line 28": lambda: written(A2["L"], "0.38") and written(0.5 * (1.5 - 0.625) ** 2, "0.38"),
    "line 44": lambda: each(R2, lambda s: same(s["g"][1], s["dL_dyhat"] * s["dyhat_dz3"] * s["a2"]))()
                       and written(A2["g"][1], "-0.103"),
    "line 46": lambda: each(R2, lambda s: same(s["g"][3], s["dL_dyhat"] * s["dyhat_dz3"]))()
                       and rounded(-0.875 * 0.235, "-0.205", [("-0.875", A2["dL_dyhat"]), ("0.235", A2["dyhat_dz3"])])
                       and written(A2["g"][3], "-0.205"),
    "line 64": each(R2, lambda s: same(s["dL_dyhat"], -(s["y"] - s["yhat"]))),
    "line 68": each(R2, lambda s: same(s["dz3_da2"], s["w2"])),
    "line 72": each(R2, lambda s: same(s["dz2_dw1"], s["x"])),
    "line 74": each(R2, lambda s: same(s["dz2_db1"], 1.0)),
    "line 79": lambda: written(A2["dL_dyhat"], "-0.875") and written(-(1.5 - 0.625), "-0.875"),
    # z3 = w2 a2 + b2 = sigma(w1 a1 + b1) = sigma(0.25) ~ 0.56: that is a2, not z3
    "line 87": lambda: each(R2, lambda s: same(s["z3"], sigmoid(s["w1"] * s["x"] + s["b1"])))() and written(A2["z3"], "0.56"),
    # dyhat/dz3 = sigma(0.56)(1 - sigma(0.56)) ~ 0.64 (1 - 0.64) = 0.23: from the post's z3 = 0.56 (carried forward)
    "line 91": lambda: (each(R2, lambda s: same(s["dyhat_dz3"], sigmoid(s["z3"]) * (1 - sigmoid(s["z3"]))))()
                        and written(sigmoid(0.56), "0.64") and written(0.64 * (1 - 0.64), "0.23")
                        and not written(sigmoid(A2["z3"]), "0.64")),
    "line 95": lambda: written(A2["dz3_da2"], "0.2"),
    "line 103": lambda: written(A2["z2"], "0.25") and written(0.3 * 0.5 + 0.1, "0.25"),
    "line 107": lambda: written(A2["da2_dz2"], "0.25") and written(sigmoid(0.25), "0.56") and written(0.56 * (1 - 0.56), "0.25"),
    "line 111": lambda: written(A2["dz2_dw1"], "0.5"),
    "line 117": lambda: written(A2["g"][0], "-0.005") and written(-0.875 * 0.23 * 0.2 * 0.25 * 0.5, "-0.005"),
    "line 121": lambda: written(A2["g"][2], "-0.01") and written(-0.875 * 0.23 * 0.2 * 0.25 * 1, "-0.01"),
    "line 125": lambda: written(0.3 - 0.1 * A2["g"][0], "0.3005") and written(0.3 - 0.1 * (-0.005), "0.3005"),
    "line 127": lambda: written(0.1 - 0.1 * A2["g"][2], "0.101") and written(0.1 - 0.1 * (-0.01), "0.101"),
    "line 129": lambda: written(0.2 - 0.1 * (-0.103), "0.2103") and not written(0.2 - 0.1 * A2["g"][1], "0.2103"),
    "line 131": lambda: written(0.4 - 0.1 * A2["g"][3], "0.3795") or written(0.4 - 0.1 * (-0.205), "0.3795"),
}
planted2 = {
    "line 64": each(R2, lambda s: same(s["dL_dyhat"], s["y"] - s["yhat"])),
    "line 72": each(R2, lambda s: same(s["dz2_dw1"], s["w1"])),
    "line 107": lambda: written(A2["da2_dz2"], "0.56"),
    "line 121": lambda: written(A2["g"][2], "-0.05") and written(-0.875 * 0.23 * 0.25 * 1, "-0.05"),
}
confirm("froukje_two_neurons.md", "froukje_two_neurons_planted.md", checks2, planted2)
assert written(A1["db"], "-0.231") and written(0.1 - 0.1 * A1["db"], "0.1231")  # the true dL/db and b_new
assert written(A2["g"][1], "-0.115") and written(A2["z3"], "0.512")              # the true dL/dw2 and z3
print("OK")
