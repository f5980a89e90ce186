"""Independent NumPy oracle for ksharsha_era_s6.md (a student's ERA V2 S6 write-up, plain text) and its planted copy.

Random weights, inputs and targets of the sheet's 2-2-2 sigmoid net without biases (eranet.py); every dE/dWk the
write-up states is its expression evaluated as written and compared with central differences of E_total itself.
A check holds exactly when MANIFEST.toml's verdict is correct. Run: python oracle_ksharsha.py   (numpy only)
"""

import numpy as np
from eranet import sheet
from fdcheck import confirm, same

rng = np.random.default_rng(2501)
S = [sheet(rng) for _ in range(3)]


def each(f, k):
    """f(s) against dE/dw_k at every random point."""
    return lambda: all(same(f(s), s["dw"][k - 1]) for s in S)


def out1(s):
    return (s["ao1"] - s["t1"]) * s["ao1"] * (1 - s["ao1"])


def out2(s):
    return (s["ao2"] - s["t2"]) * s["ao2"] * (1 - s["ao2"])


def hidden(s, wa, wb, ah, inp, slope=None):
    """(delta_o1 wa a (1 - a) inp) + (delta_o2 wb a (1 - a) inp), as the write-up groups it; `slope` replaces the first
    term's a (1 - a)."""
    a = s[ah]
    first = a * (1 - a) if slope is None else slope(a)
    return (out1(s) * s[wa] * first * s[inp]) + (out2(s) * s[wb] * a * (1 - a) * s[inp])


checks = {
    "Part1.1": each(lambda s: out1(s) * s["ah1"], 5),
    "Part1.2": each(lambda s: out1(s) * s["ah2"], 6),
    "Part1.3": each(lambda s: out2(s) * s["ah1"], 7),
    "Part1.4": each(lambda s: hidden(s, "w5", "w7", "ah1", "i1"), 1),
    "Part1.5": each(lambda s: hidden(s, "w5", "w7", "ah1", "i2"), 2),
    "Part1.6": each(lambda s: hidden(s, "w6", "w8", "ah2", "i1"), 3),
    "Part1.7": each(lambda s: hidden(s, "w6", "w8", "ah2", "i2"), 4),
}
planted = {
    "Part1.2": each(lambda s: out1(s) * s["ah1"], 6),
    "Part1.3": each(lambda s: (s["t2"] - s["ao2"]) * s["ao2"] * (1 - s["ao2"]) * s["ah1"], 7),
    "Part1.5": each(lambda s: hidden(s, "w6", "w7", "ah1", "i2"), 2),
    "Part1.6": each(lambda s: hidden(s, "w6", "w8", "ah2", "i1", slope=lambda a: 1 - a), 3),
}
confirm("ksharsha_era_s6.md", "ksharsha_era_s6_planted.md", checks, planted)
assert np.isfinite(S[0]["E"])
print("OK")
