"""Independent NumPy oracle for mitchell.toml / mitchell_planted.toml (Mitchell, Machine Learning 1997, ch. 4).

Mitchell's own convention: x_ji the i-th input of unit j with x_j0 = 1 (the threshold weight w_j0 in column 0),
net_j = sum_i w_ji x_ji, o_j = sigma(net_j), E_d = 1/2 sum_k (t_k - o_k)^2, and his error term
delta_n = -dE_d/dnet_n (the negative of gradproof's delta). dE_d/dnet and dE_d/dw come from central finite
differences; each claim is NumPy code of what it says, for every unit its letters stand for (j an output unit in the
"output-" steps, a hidden unit in the "hidden-" steps, any unit elsewhere). Prints OK when every hand verdict holds.
Run: python oracle_mitchell.py   (numpy only)
"""
import numpy as np

rng = np.random.default_rng(7)
n_in, n_hidden, n_out, ETA, EPS = 3, 4, 2, 0.05, 1e-6
w = {"h": rng.uniform(-1, 1, (n_hidden, n_in + 1)), "k": rng.uniform(-1, 1, (n_out, n_hidden + 1))}
x = rng.normal(size=n_in)
t = rng.uniform(0, 1, n_out)
sig = lambda y: 1 / (1 + np.exp(-y))
one = lambda v: np.concatenate([[1.0], v])


def forward(w, net_h=None, net_k=None):
    xh = one(x)
    nh = w["h"] @ xh if net_h is None else net_h
    oh = sig(nh)
    xk = one(oh)
    nk = w["k"] @ xk if net_k is None else net_k
    return {"xh": xh, "nh": nh, "oh": oh, "xk": xk, "nk": nk, "ok": sig(nk)}


def E(f):
    return 0.5 * np.sum((t - f["ok"]) ** 2)


F = forward(w)


def d_net(unit):
    key = {"h": "nh", "k": "nk"}[unit]
    g = np.zeros(len(F[key]))
    for j in range(len(g)):
        e = np.zeros(len(g)); e[j] = EPS
        hi = forward(w, **{f"net_{unit}": F[key] + e}); lo = forward(w, **{f"net_{unit}": F[key] - e})
        g[j] = (E(hi) - E(lo)) / (2 * EPS)
    return g


def d_w(unit):
    g = np.zeros_like(w[unit])
    for idx in np.ndindex(g.shape):
        hi = {k: v.copy() for k, v in w.items()}; lo = {k: v.copy() for k, v in w.items()}
        hi[unit][idx] += EPS; lo[unit][idx] -= EPS
        g[idx] = (E(forward(hi)) - E(forward(lo))) / (2 * EPS)
    return g


dnet = {"h": d_net("h"), "k": d_net("k")}
dw = {"h": d_w("h"), "k": d_w("k")}
delta = {u: -dnet[u] for u in "hk"}                  # Mitchell's delta_n = -dE_d/dnet_n
o = {"h": F["oh"], "k": F["ok"]}
xin = {"h": F["xh"], "k": F["xk"]}
dE_do = np.array([(0.5 * np.sum((t - (F["ok"] + e)) ** 2) - 0.5 * np.sum((t - (F["ok"] - e)) ** 2)) / (2 * EPS)
                  for e in np.eye(n_out) * EPS])
ys = np.linspace(-3, 3, 13)
dsig = (sig(ys + EPS) - sig(ys - EPS)) / (2 * EPS)
do_dnet = (sig(F["nk"] + EPS) - sig(F["nk"] - EPS)) / (2 * EPS)


def same(p, q):
    p, q = np.asarray(p, float), np.asarray(q, float)
    return p.shape == q.shape and np.allclose(p, q, rtol=1e-5, atol=1e-7)


def holds(pairs):
    try:
        return all(same(c(), tr()) for c, tr in pairs)
    except (ValueError, IndexError):
        return False


def comp(f, shape):
    out = np.zeros(shape)
    for idx in np.ndindex(*shape):
        out[idx] = f(*idx)
    return out


UNITS = "hk"
wk = w["k"][:, 1:]  # w_kh: from hidden unit h to output unit k (column 0 is the threshold)
claims = {
    "4.12": [(lambda: 1 / (1 + np.exp(-ys)), lambda: sig(ys))],
    "sigmoid-derivative": [(lambda: sig(ys) * (1 - sig(ys)), lambda: dsig)],
    "sigmoid-derivativeP": [(lambda: sig(ys) * (1 + sig(ys)), lambda: dsig)],
    "4.13": [(lambda: 0.5 * sum((t[k] - F["ok"][k]) ** 2 for k in range(n_out)), lambda: E(F))],
    "T4.3": [(lambda: F["ok"] * (1 - F["ok"]) * (t - F["ok"]), lambda: delta["k"])],
    "T4.3P": [(lambda: F["ok"] * (1 - F["ok"]) * (F["ok"] - t), lambda: delta["k"])],
    "T4.4": [(lambda: comp(lambda h: F["oh"][h] * (1 - F["oh"][h]) * sum(wk[k, h] * delta["k"][k] for k in range(n_out)),
                           (n_hidden,)), lambda: delta["h"])],
    "T4.4P": [(lambda: comp(lambda h: F["oh"][h] * (1 - F["oh"][h]) * sum(wk[h, k] * delta["k"][k] for k in range(n_out)),
                            (n_hidden,)), lambda: delta["h"])],
    "T4.5": [(lambda u=u: w[u] + ETA * np.outer(delta[u], xin[u]), lambda u=u: w[u] - ETA * dw[u]) for u in UNITS],
    "T4.5-dw": [(lambda u=u: ETA * np.outer(delta[u], xin[u]), lambda u=u: -ETA * dw[u]) for u in UNITS],
    "sgd-rule": [(lambda u=u: -ETA * dw[u], lambda u=u: -ETA * dw[u]) for u in UNITS],  # the rule, as the step taken
    "sgd-ruleP": [(lambda u=u: ETA * dw[u], lambda u=u: -ETA * dw[u]) for u in UNITS],
    "E_d": [(lambda: 0.5 * np.sum((t - F["ok"]) ** 2), lambda: E(F))],
    "E_dP": [(lambda: np.sum((t - F["ok"]) ** 2), lambda: E(F))],
    "net_j": [(lambda: w["h"] @ F["xh"], lambda: F["nh"]), (lambda: w["k"] @ F["xk"], lambda: F["nk"])],
    "chain-w": [(lambda u=u: np.outer(dnet[u], xin[u]), lambda u=u: dw[u]) for u in UNITS],
    "output-dE-do": [(lambda: -(t - F["ok"]), lambda: dE_do)],
    "output-do-dnet": [(lambda: F["ok"] * (1 - F["ok"]), lambda: do_dnet)],
    "output-do-dnetP": [(lambda: F["ok"], lambda: do_dnet)],
    "output-dE-dnet": [(lambda: -(t - F["ok"]) * F["ok"] * (1 - F["ok"]), lambda: dnet["k"])],
    "output-rule": [(lambda: ETA * np.outer((t - F["ok"]) * F["ok"] * (1 - F["ok"]), F["xk"]), lambda: -ETA * dw["k"])],
    "output-ruleP": [(lambda: ETA * np.outer((t - F["ok"]) * F["ok"] * (1 - F["ok"]), np.ones_like(F["xk"])),
                      lambda: -ETA * dw["k"])],
    "delta-def": [(lambda u=u: delta[u], lambda u=u: -dnet[u]) for u in UNITS],
    "hidden-dE-dnet": [(lambda: comp(lambda j: sum(-delta["k"][k] * wk[k, j] * F["oh"][j] * (1 - F["oh"][j])
                                                   for k in range(n_out)), (n_hidden,)), lambda: dnet["h"])],
    "hidden-delta": [(lambda: F["oh"] * (1 - F["oh"]) * (wk.T @ delta["k"]), lambda: delta["h"])],
    "hidden-deltaP": [(lambda: (1 - F["oh"] ** 2) * (wk.T @ delta["k"]), lambda: delta["h"])],
    "hidden-rule": [(lambda: ETA * np.outer(delta["h"], F["xh"]), lambda: -ETA * dw["h"])],
    # planted delta_i: for an output unit k the input i is a hidden unit (threshold input x_k0 has no delta: 0)
    "hidden-ruleP": [(lambda: ETA * comp(lambda k, i: (delta["h"][i - 1] if i else 0.0) * F["xk"][i], w["k"].shape),
                      lambda: -ETA * dw["k"])],
}
for cid, pairs in claims.items():
    want = not cid.endswith("P")
    assert holds(pairs) == want, f"claim {cid}: oracle says {'correct' if holds(pairs) else 'incorrect'}"
print("OK")
