"""Independent NumPy oracle for akash_era_s6.md (a student's ERA V2 S6 write-up in plain text) and its planted copy.

Random weights, inputs and targets of the sheet's 2-2-2 sigmoid net without biases (eranet.py); every derivative a
line names is taken by central differences (of E_total, of E1 or E2 alone, of a_o1 as a function of o1, of o1 as a
function of w5) and compared with the line's right-hand side as written (`–` a minus, `(t1 – a_o1)2` the square).
The forward line o2 = w7*a_h1 + w8*w_h2 names no quantity of the network: the check asks whether some reading of
`w_h2` as a quantity the sheet has (w2, h2, w8, a_h1) gives o2 -- none does (so the check fails); a_h2 (the student's meaning) does.
The updates new_w = w - ƞ dE/dw are checked as descent steps. A check holds exactly when MANIFEST.toml's verdict is
correct. Run: python oracle_akash.py   (numpy only)
"""

import numpy as np
from eranet import forward, sheet
from fdcheck import confirm, grad, sigmoid

rng = np.random.default_rng(2506)
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
    s["dah1_dh1"] = d1(lambda v: float(sigmoid(v)), s["h1"])
    s["dah2_dh2"] = d1(lambda v: float(sigmoid(v)), s["h2"])
    s["dh_dw"] = [d1(lambda v: v * i1 + w[1] * i2, w[0]), d1(lambda v: w[0] * i1 + v * i2, w[1]),
                  d1(lambda v: v * i1 + w[3] * i2, w[2]), d1(lambda v: w[2] * i1 + v * i2, w[3])]


def each(f):
    return lambda: all(f(s) for s in S)


def d_o(s, k):
    a, t = (s["ao1"], s["t1"]) if k == 1 else (s["ao2"], s["t2"])
    return (a - t) * a * (1 - a)


def bracketed(s, wa, wb, ah, inp, slope=None):
    a = s[ah]
    return (d_o(s, 1) * s[wa] + d_o(s, 2) * s[wb]) * (a * (1 - a) if slope is None else slope(a)) * s[inp]


def descent(s, k, sign=-1.0):
    """E_total after w_k <- w_k + sign * 1e-4 * dE/dw_k is below E_total (a descent step for sign = -1)."""
    w = s["w"].copy()
    w[k] += sign * 1e-4 * s["dw"][k]
    return float(0.5 * (s["t1"] - forward(w, s["i1"], s["i2"])[6]) ** 2
                 + 0.5 * (s["t2"] - forward(w, s["i1"], s["i2"])[7]) ** 2) < s["E"]


checks = {
    "Part1.6": each(lambda s: any(np.isclose(s["w7"] * s["ah1"] + s["w8"] * v, s["o2"])
                                  for v in (s["w2"], s["h2"], s["w8"], s["ah1"]))),
    "Part1.12": each(lambda s: np.isclose(s["dw"][4], s["dE1_dw5"])),
    "Part1.13": each(lambda s: np.isclose(s["dw"][4], s["dE1_dw5"])),
    "Part1.14": each(lambda s: np.isclose(s["dE1_dw5"], s["dE1_dao1"] * s["dao1_do1"] * s["do1_dw5"])),
    "Part1.15": each(lambda s: np.isclose(s["dE1_dao1"], s["ao1"] - s["t1"])),
    "Part1.16": each(lambda s: np.isclose(s["dao1_do1"], s["ao1"] * (1 - s["ao1"]))),
    "Part1.17": each(lambda s: np.isclose(s["do1_dw5"], s["ah1"])),
    "Part1.18": each(lambda s: np.isclose(s["dw"][4], d_o(s, 1) * s["ah1"])),
    "Part1.19": each(lambda s: np.isclose(s["dw"][4], d_o(s, 1) * s["ah1"])),
    "Part1.20": each(lambda s: np.isclose(s["dw"][5], d_o(s, 1) * s["ah2"])),
    "Part1.21": each(lambda s: np.isclose(s["dw"][6], d_o(s, 2) * s["ah1"])),
    "Part1.22": each(lambda s: np.isclose(s["dw"][7], d_o(s, 2) * s["ah2"])),
    "Part1.23": each(lambda s: np.isclose(s["dE1_dah1"], d_o(s, 1) * s["w5"])),
    "Part1.24": each(lambda s: np.isclose(s["dE2_dah1"], d_o(s, 2) * s["w7"])),
    "Part1.25": each(lambda s: np.isclose(s["dah"][0], d_o(s, 1) * s["w5"] + d_o(s, 2) * s["w7"])),
    "Part1.26": each(lambda s: np.isclose(s["dah"][1], d_o(s, 1) * s["w6"] + d_o(s, 2) * s["w8"])),
    "Part1.27": each(lambda s: np.isclose(s["dw"][0], s["dah"][0] * s["dah1_dh1"] * s["dh_dw"][0])),
    "Part1.28": each(lambda s: np.isclose(s["dw"][1], s["dah"][0] * s["dah1_dh1"] * s["dh_dw"][1])),
    "Part1.29": each(lambda s: np.isclose(s["dw"][2], s["dah"][1] * s["dah2_dh2"] * s["dh_dw"][2])),
    "Part1.30": each(lambda s: np.isclose(s["dw"][3], s["dah"][1] * s["dah2_dh2"] * s["dh_dw"][3])),
    "Part1.31": each(lambda s: np.isclose(s["dw"][0], bracketed(s, "w5", "w7", "ah1", "i1"))),
    "Part1.32": each(lambda s: np.isclose(s["dw"][1], bracketed(s, "w5", "w7", "ah1", "i2"))),
    "Part1.33": each(lambda s: np.isclose(s["dw"][2], bracketed(s, "w6", "w8", "ah2", "i1"))),
    "Part1.34": each(lambda s: np.isclose(s["dw"][3], bracketed(s, "w6", "w8", "ah2", "i2"))),
    **{f"Part1.{35 + k}": each(lambda s, k=k: descent(s, k)) for k in range(8)},
}
planted = {
    "Part1.15": each(lambda s: np.isclose(s["dE1_dao1"], s["t1"] - s["ao1"])),
    "Part1.16": each(lambda s: np.isclose(s["dao1_do1"], s["ao1"])),
    "Part1.21": each(lambda s: np.isclose(s["dw"][6], d_o(s, 2) * s["ah2"])),
    "Part1.25": each(lambda s: np.isclose(s["dah"][0], d_o(s, 1) * s["w5"] + d_o(s, 2) * s["w8"])),
    "Part1.33": each(lambda s: np.isclose(s["dw"][2], bracketed(s, "w6", "w8", "ah2", "i1", slope=lambda a: 1 - a))),
    "Part1.39": each(lambda s: descent(s, 4, sign=+1.0)),
}
confirm("akash_era_s6.md", "akash_era_s6_planted.md", checks, planted)
assert all(np.isclose(s["w7"] * s["ah1"] + s["w8"] * s["ah2"], s["o2"]) for s in S)     # the sheet's o2
print("OK")
