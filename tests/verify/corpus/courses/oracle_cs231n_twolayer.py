"""Independent check of the hand verdicts in cs231n_twolayer.toml and cs231n_twolayer_planted.toml (numpy only).

CS231n case study: rows are samples, h = max(0, X W1 + b1), s = h W2 + b2, p = softmax(s) row by row,
L = (1/N) sum_i -log p_{i, y_i} + 0.5 reg (sum W1^2 + sum W2^2)  (the notes' full loss; reg not divided by N).
Each claim is numpy code of what it says, compared with finite differences of L.
Run: python oracle_cs231n_twolayer.py  -> prints OK
"""

import numpy as np

rng = np.random.default_rng(2)
N, D, H, K, reg = 5, 2, 6, 3, 1e-3
X = rng.normal(size=(N, D)); yi = rng.integers(0, K, N); Y = np.eye(K)[yi]
W1 = rng.uniform(-1, 1, (D, H)); b1 = rng.uniform(-1, 1, (1, H))
W2 = rng.uniform(-1, 1, (H, K)); b2 = rng.uniform(-1, 1, (1, K))
failures = []


def forward():
    hh = np.maximum(0, X @ W1 + b1); ss = hh @ W2 + b2
    pp = np.exp(ss - ss.max(1, keepdims=True)); pp /= pp.sum(1, keepdims=True)
    return hh, ss, pp


def loss():
    pp = forward()[2]
    return -np.mean(np.log(pp[np.arange(N), yi])) + 0.5 * reg * (np.sum(W1 * W1) + np.sum(W2 * W2))


def fd(P, f=loss, e=1e-6):
    G = np.zeros_like(P)
    for idx in np.ndindex(P.shape):
        P[idx] += e; a = f(); P[idx] -= 2 * e; c = f(); P[idx] += e
        G[idx] = (a - c) / (2 * e)
    return G


h, s, p = forward()
gW1, gb1, gW2, gb2 = fd(W1), fd(b1), fd(W2), fd(b2)
sv = s.copy()
def loss_s():
    pp = np.exp(sv - sv.max(1, keepdims=True)); pp /= pp.sum(1, keepdims=True)
    return -np.mean(np.log(pp[np.arange(N), yi]))
ds = fd(sv, loss_s)
dh = ds @ W2.T
delta1 = dh * (h > 0)
ones = np.ones((N, 1))


def claim(where, f, truth, verdict):
    try:
        v = f()
    except ValueError:
        v = None
    same = v is not None and np.shape(v) == np.shape(truth) and np.allclose(v, truth, rtol=1e-6, atol=1e-7)
    if same != (verdict == "correct"):
        failures.append(f"{where}: expected {verdict}")


F = "cs231n_twolayer.toml"
claim(F + " fwd.hidden", lambda: np.maximum(0, X @ W1 + b1), h, "correct")
claim(F + " fwd.scores", lambda: h @ W2 + b2, s, "correct")
claim(F + " notes.p", lambda: np.exp(s) / np.exp(s).sum(1, keepdims=True), p, "correct")
claim(F + " loss", lambda: np.mean(-np.log(p[np.arange(N), yi])) + 0.5 * reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2)), loss(), "correct")
claim(F + " notes.dLi", lambda: p - Y, N * ds, "correct")              # dL_i/df_k, per example
claim(F + " dscores", lambda: (p - Y) / N, ds, "correct")
claim(F + " dW2", lambda: h.T @ ds + reg * W2, gW2, "correct")
claim(F + " db2", lambda: sum(ds[[i]] for i in range(N)), gb2, "correct")
claim(F + " dhidden", lambda: ds @ W2.T, dh, "correct")
claim(F + " relu.back / dW1", lambda: X.T @ (dh * (h > 0)) + reg * W1, gW1, "correct")
claim(F + " db1", lambda: ones.T @ delta1, gb1, "correct")
claim(F + " update", lambda: W2 - 1.0 * gW2, W2 - 1.0 * gW2, "correct")

P = "cs231n_twolayer_planted.toml"
claim(P + " notes.dLi (sign)", lambda: Y - p, N * ds, "incorrect")
claim(P + " dscores (no 1/N)", lambda: p - Y, ds, "incorrect")
claim(P + " dW2 (no reg)", lambda: h.T @ ds, gW2, "incorrect")
claim(P + " dhidden (W2)", lambda: ds @ W2, dh, "incorrect")
claim(P + " relu.back (h for 1(h>0))", lambda: dh * h, delta1, "incorrect")
claim(P + " dW1 (2 lambda)", lambda: X.T @ delta1 + 2 * reg * W1, gW1, "incorrect")
claim(P + " db1 (delta1 1)", lambda: delta1 @ np.ones((H, 1)), gb1, "incorrect")

if failures:
    print("FAIL"); print("\n".join(failures)); raise SystemExit(1)
print("OK")
