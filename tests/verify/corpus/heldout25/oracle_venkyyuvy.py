"""Independent NumPy oracle for venkyyuvy_era_s6.md (a student's ERA V1 S6 write-up, one display per line) and its
planted copy.

Random weights, inputs and targets of the sheet's 2-2-2 sigmoid net without biases (eranet.py); every derivative a
line names is taken by central differences (of E_total, of E_1 or E_2 alone, of a_o1 as a function of o1, of o1 as a
function of w5) and compared with the line's right-hand side evaluated AS WRITTEN -- `*` and `+` with their usual
precedence (the student's w1 ... w4 lines lack the brackets around the sum). The forward sums o_1 = w_5 h_1 + ... are
compared with the sheet's o_1 = w_5 a_h1 + w_6 a_h2. A check holds exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_venkyyuvy.py   (numpy only)
"""

import numpy as np
from eranet import forward, sheet
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2503)
S = [sheet(rng) for _ in range(3)]


def d1(f, at):
    return float(grad(lambda v: f(float(v[0])), np.array([at]))[0])


for s in S:
    w, i1, i2, t1, t2 = s["w"], s["i1"], s["i2"], s["t1"], s["t2"]
    ah1, ah2 = s["ah1"], s["ah2"]
    w5, w6, w7, w8 = w[4:]
    s["dE1_dao1"] = d1(lambda v: 0.5 * (t1 - v) ** 2, s["ao1"])
    s["dao1_do1"] = d1(lambda v: float(sigmoid(v)), s["o1"])
    s["do1_dw5"] = d1(lambda v: v * ah1 + w6 * ah2, w5)
    s["dE1_dw5"] = d1(lambda v: 0.5 * (t1 - forward(np.r_[w[:4], v, w[5:]], i1, i2)[6]) ** 2, w5)
    s["dE1_dah1"] = d1(lambda v: 0.5 * (t1 - sigmoid(w5 * v + w6 * ah2)) ** 2, ah1)
    s["dE2_dah1"] = d1(lambda v: 0.5 * (t2 - sigmoid(w7 * v + w8 * ah2)) ** 2, ah1)


def each(f):
    return lambda: all(f(s) for s in S)


def d_o(s, k):
    """delta of output k as the student writes it: (a_ok - t_k) a_ok (1 - a_ok)."""
    a, t = (s["ao1"], s["t1"]) if k == 1 else (s["ao2"], s["t2"])
    return (a - t) * a * (1 - a)


def unbracketed(s, wa, wb, ah, inp):
    """(a_o1 - t1) a_o1 (1 - a_o1) wa + (a_o2 - t2) a_o2 (1 - a_o2) wb * a_h (1 - a_h) i: `*` binds first."""
    return d_o(s, 1) * s[wa] + d_o(s, 2) * s[wb] * s[ah] * (1 - s[ah]) * s[inp]


checks = {
    "Part1.5": each(lambda s: np.isclose(s["w5"] * s["h1"] + s["w6"] * s["ah2"], s["o1"])),
    "Part1.6": each(lambda s: np.isclose(s["w7"] * s["h1"] + s["w8"] * s["ah2"], s["o2"])),
    "Part1.12": each(lambda s: np.isclose(s["dw"][4], s["dE1_dw5"] + 0.0)),       # E2 does not depend on w5
    "Part1.13": each(lambda s: np.isclose(s["dw"][4], s["dE1_dw5"])
                     and np.isclose(s["dE1_dw5"], s["dE1_dao1"] * s["dao1_do1"] * s["do1_dw5"])),
    "Part1.14": each(lambda s: np.isclose(s["dE1_dao1"], s["ao1"] - s["t1"])),
    "Part1.15": each(lambda s: np.isclose(s["dao1_do1"], s["ao1"] * (1 - s["ao1"]))),
    "Part1.16": each(lambda s: np.isclose(s["do1_dw5"], s["ah1"])),
    "Part1.17": each(lambda s: np.isclose(s["dw"][4], d_o(s, 1) * s["ah1"])),
    "Part1.18": each(lambda s: np.isclose(s["dw"][5], d_o(s, 1) * s["ah2"])),
    "Part1.19": each(lambda s: np.isclose(s["dw"][6], d_o(s, 2) * s["ah1"])),
    "Part1.20": each(lambda s: np.isclose(s["dw"][7], d_o(s, 2) * s["ah2"])),
    "Part1.21": each(lambda s: np.isclose(s["dw"][0], s["dah"][0] * s["ah1"] * (1 - s["ah1"]) * s["i1"])),
    "Part1.22": each(lambda s: np.isclose(s["dah"][0], s["dE1_dah1"] + s["dE2_dah1"])),
    "Part1.23": each(lambda s: np.isclose(s["dE1_dah1"], d_o(s, 1) * s["w5"])),
    "Part1.24": each(lambda s: np.isclose(s["dE2_dah1"], d_o(s, 2) * s["w7"])),
    "Part1.25": each(lambda s: np.isclose(s["dah"][0], d_o(s, 1) * s["w5"] + d_o(s, 2) * s["w7"])),
    "Part1.26": each(lambda s: np.isclose(s["dah"][1], d_o(s, 1) * s["w6"] + d_o(s, 2) * s["w8"])),
    "Part1.27": each(lambda s: np.isclose(s["dw"][0], unbracketed(s, "w5", "w7", "ah1", "i1"))),
    "Part1.28": each(lambda s: np.isclose(s["dw"][1], unbracketed(s, "w5", "w7", "ah1", "i2"))),
    "Part1.29": each(lambda s: np.isclose(s["dw"][2], unbracketed(s, "w6", "w8", "ah2", "i1"))),
    "Part1.30": each(lambda s: np.isclose(s["dw"][3], unbracketed(s, "w6", "w8", "ah2", "i2"))),
}
planted = {
    "Part1.14": each(lambda s: np.isclose(s["dE1_dao1"], s["t1"] - s["ao1"])),
    "Part1.15": each(lambda s: np.isclose(s["dao1_do1"], s["ao1"])),
    "Part1.19": each(lambda s: np.isclose(s["dw"][6], d_o(s, 2) * s["ah2"])),
    "Part1.24": each(lambda s: np.isclose(s["dE2_dah1"], d_o(s, 2) * s["w8"])),
    "Part1.26": each(lambda s: np.isclose(s["dah"][1], d_o(s, 1) * s["w5"] + d_o(s, 2) * s["w8"])),
}
confirm("venkyyuvy_era_s6.md", "venkyyuvy_era_s6_planted.md", checks, planted)
# the brackets the student meant: the sheet's true gradients
assert all(same(s["dw"][0], (d_o(s, 1) * s["w5"] + d_o(s, 2) * s["w7"]) * s["ah1"] * (1 - s["ah1"]) * s["i1"]) for s in S)
print("OK")
