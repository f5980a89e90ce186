"""Independent NumPy oracle for maxgnesi_momentum.toml / maxgnesi_adam.toml and their planted copies (Max Gnesi's
plain-text walk-through of one epoch of momentum and Adam).

One weight, prediction = w x, L = (w x - y)^2 at the points (2, 10), (1, 5), (3, 15), (0.5, 2.5) in order, w = 3 at
the start: every written number against the exact result of its step on the walk-through's earlier WRITTEN numbers
(rounding carried forward) by written.py's rule, the gradient also by central differences; the update rules against
the closed forms of heavy-ball momentum and of Adam's bias-corrected moving averages. Prints OK when every verdict of
MANIFEST.toml holds. Run: python oracle_maxgnesi.py   (numpy only)
"""

import re

import numpy as np
from fdcheck import confirm, grad
from written import written

pts, eta, beta, b1, b2, eps = [(2, 10), (1, 5), (3, 15), (0.5, 2.5)], 0.1, 0.9, 0.9, 0.999, 1e-8
dL = lambda w, x, y: float(grad(lambda v: float((v[0] * x - y) ** 2), np.array([w]))[0])  # noqa: E731


def final(latex):
    """The last number the line writes (after its last = or ≈), as text."""
    return re.split(r"[=≈]", latex)[-1].strip().lstrip("+")


def claims(file):
    import tomllib

    with open(file, "rb") as f:
        return {c["id"]: c["latex"] for c in tomllib.load(f)["claims"]}


# ---- momentum: each step on the walk-through's written state (w, v) -----------------------------------------------
m_written = {1: (3.0, 0.0), 2: (4.6, -16.0), 3: (6.12, -15.2), 4: (5.472, 6.48)}  # (w, v) before point k
mom_exact = {}
for k, (x, y) in enumerate(pts, 1):
    w, v = m_written[k]
    g = dL(w, x, y)
    v_new = beta * v + g
    mom_exact[k] = (g, v_new, w - eta * (6.07 if k == 4 else v_new))  # point 4 uses its own written v = 6.07


def mom_checks(file):
    c = claims(file)
    chk = {f"p{k}.gradient": (lambda k=k: written(mom_exact[k][0], final(c[f"p{k}.gradient"]))) for k in range(1, 5)}
    chk.update({f"p{k}.velocity": (lambda k=k: written(mom_exact[k][1], final(c[f"p{k}.velocity"]))) for k in range(1, 5)})
    chk.update({f"p{k}.weight": (lambda k=k: written(mom_exact[k][2], final(c[f"p{k}.weight"]))) for k in range(1, 5)})
    return chk


gs_m = [mom_exact[k][0] for k in range(1, 5)]
closed_v = [sum(beta ** (t - j) * gs_m[j] for j in range(t + 1)) for t in range(4)]  # heavy ball: v_t = sum beta^(t-j) g_j
w_ref = 3.0 - eta * sum(closed_v)  # four heavy-ball steps from 3 with these gradients


def iterate(step, start, seq):
    out, s = [], start
    for g in seq:
        s = step(s, g)
        out.append(s)
    return out


mom_rules = {  # each written rule as code, against the closed form
    "rule.velocity": lambda: np.allclose(iterate(lambda v, g: beta * v + g, 0.0, gs_m), closed_v),
    "rule.weight": lambda: np.isclose(iterate(lambda w, v: w - eta * v, 3.0, closed_v)[-1], w_ref),
}
mom_planted_rules = {"rule.weight": lambda: np.isclose(iterate(lambda w, v: w + eta * v, 3.0, closed_v)[-1], w_ref)}


mc, mp = mom_checks("maxgnesi_momentum.toml"), mom_checks("maxgnesi_momentum_planted.toml")
confirm("maxgnesi_momentum.toml", "maxgnesi_momentum_planted.toml", {**mc, **mom_rules},
        {**{k: mp[k] for k in ("p2.velocity", "p3.weight")}, **mom_planted_rules})

# ---- Adam: each step on the written state (w, m, v) ----------------------------------------------------------------
a_written = {1: (3.0, 0.0, 0.0), 2: (3.1, -1.6, 0.256), 3: (3.183, -1.82, 0.270), 4: (3.27, -4.91, 1.34)}
a_exact = {}
for t, (x, y) in enumerate(pts, 1):
    w, m, v = a_written[t]
    g = dL(w, x, y)
    m_new, v_new = b1 * m + (1 - b1) * g, b2 * v + (1 - b2) * g ** 2
    mh, vh = m_new / (1 - b1 ** t), v_new / (1 - b2 ** t)
    a_exact[t] = {"gradient": g, "m": m_new, "v": v_new, "mhat": mh, "vhat": vh, "w": w - eta * mh / np.sqrt(vh + eps)}
# the walk-through's own roundings carried forward: m-hat and v-hat from the written m, v and written denominators
carried = {(2, "vhat"): 0.270 / 0.002, (3, "mhat"): -4.91 / 0.271, (3, "vhat"): 1.34 / 0.003, (4, "mhat"): -4.51 / 0.344,
           (4, "vhat"): 1.34 / 0.004, (2, "mhat"): -1.82 / 0.19,
           (2, "w"): 3.1 - 0.1 * -9.58 / np.sqrt(135), (3, "w"): 3.183 - 0.1 * -18.12 / np.sqrt(446.7),
           (4, "w"): 3.27 - 0.1 * -13.11 / np.sqrt(335)}


def adam_checks(file):
    c = claims(file)
    chk = {}
    for t in range(1, 5):
        for q in ("gradient", "m", "v", "mhat", "vhat", "w"):
            chk[f"p{t}.{q}"] = lambda t=t, q=q: written(a_exact[t][q], final(c[f"p{t}.{q}"])) or (
                (t, q) in carried and written(carried[(t, q)], final(c[f"p{t}.{q}"])))
    chk["p1.w.value"] = lambda: written(a_exact[1]["w"], final(c["p1.w.value"]))
    chk["p1.w"] = lambda: np.isclose(3 - 0.1 * (-16) / np.sqrt(256), a_exact[1]["w"])  # "w = 3 - 0.1 × (-16) / √256"
    return chk


gs_a = [a_exact[t]["gradient"] for t in range(1, 5)]
ms = [(1 - b1) * sum(b1 ** (t - j) * gs_a[j] for j in range(t + 1)) for t in range(4)]  # closed forms
vs = [(1 - b2) * sum(b2 ** (t - j) * gs_a[j] ** 2 for j in range(t + 1)) for t in range(4)]
g0, const = 1.7, [1.7] * 4  # a constant gradient: the corrected moments must give back g and g^2 exactly
m_c = iterate(lambda m, g: b1 * m + (1 - b1) * g, 0.0, const)
v_c = iterate(lambda v, g: b2 * v + (1 - b2) * g ** 2, 0.0, const)
adam_rules = {  # each written rule as code, against the closed forms and the unbiasedness the correction is for
    "rule.m": lambda: np.allclose(iterate(lambda m, g: b1 * m + (1 - b1) * g, 0.0, gs_a), ms),
    "rule.v": lambda: np.allclose(iterate(lambda v, g: b2 * v + (1 - b2) * g ** 2, 0.0, gs_a), vs),
    "rule.mhat": lambda: np.allclose([m_c[t] / (1 - b1 ** (t + 1)) for t in range(4)], g0),
    "rule.vhat": lambda: np.allclose([v_c[t] / (1 - b2 ** (t + 1)) for t in range(4)], g0 ** 2),
    # the step for a constant gradient is eta g / sqrt(g^2 + eps): eta in the gradient's direction, against it
    "rule.w": lambda: np.isclose(3.0 - eta * g0 / np.sqrt(g0 ** 2 + eps), 3.0 - eta, atol=1e-6),
}
adam_planted_rules = {"rule.vhat": lambda: np.allclose([v_c[t] / (1 - b1 ** (t + 1)) for t in range(4)], g0 ** 2)}
ac, ap = adam_checks("maxgnesi_adam.toml"), adam_checks("maxgnesi_adam_planted.toml")
confirm("maxgnesi_adam.toml", "maxgnesi_adam_planted.toml", {**ac, **adam_rules},
        {**{k: ap[k] for k in ("p2.mhat", "p3.v", "p4.w")}, **adam_planted_rules})
print("OK")
