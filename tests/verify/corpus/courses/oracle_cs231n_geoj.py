"""Independent check of the hand verdicts in cs231n_geoj.toml and cs231n_geoj_planted.toml (numpy only).

g-eoj's CS231n two-layer example: x = [16, -6] (a row), y = 2, W1 (2 x 2), W2 (2 x 3), zero biases, ReLU, softmax
cross-entropy, no regularization. Every written number and every formula is compared with the truth (and with
finite differences); carried-forward values with the value recomputed from the answer's own earlier numbers.
Run: python oracle_cs231n_geoj.py  -> prints OK
"""

import numpy as np

x = np.array([[16.0, -6.0]])
Y = np.array([[0.0, 0.0, 1.0]])
W1 = np.array([[0.18, 0.04], [0.1, 0.22]]); b1 = np.zeros((1, 2))
W2 = np.array([[0.19, -0.1, 0.1], [-0.02, -0.01, 0.04]]); b2 = np.zeros((1, 3))


def forward(W1, b1, W2, b2):
    M = x @ W1 + b1
    h1 = np.maximum(0, M)
    s = h1 @ W2 + b2
    p = np.exp(s) / np.exp(s).sum()
    return M, h1, s, p, -np.log(p[0, 2])


M, h1, scores, p, loss = forward(W1, b1, W2, b2)
dscores = p - Y
dW2 = h1.T @ dscores
db2 = dscores
dh1 = dscores @ W2.T
dM = dh1 * (M > 0)
dW1 = x.T @ dM
db1 = dM

# finite differences on every parameter
for name, P, G in (("W1", W1, dW1), ("b1", b1, db1), ("W2", W2, dW2), ("b2", b2, db2)):
    for idx in np.ndindex(P.shape):
        e = 1e-6; P[idx] += e; lp = forward(W1, b1, W2, b2)[4]; P[idx] -= 2 * e; lm = forward(W1, b1, W2, b2)[4]; P[idx] += e
        assert abs((lp - lm) / (2 * e) - G[idx]) < 1e-7, (name, idx)

failures = []


def close(written, truth, digits=10):
    """Equal up to rounding: 5 units in the last digit written (the author multiplies rounded intermediate values,
    e.g. dW1 = 16 * (-0.005683359796) is 3e-12 from the unrounded product)."""
    a, t = np.asarray(written, float), np.asarray(truth, float)
    return a.shape == t.shape and np.allclose(a, t, rtol=0, atol=5 * 10.0 ** -digits)


def check(where, written, truth, verdict, own=None, digits=10):
    w = np.asarray(written, float); t = np.asarray(truth, float)
    if verdict == "correct":
        ok = close(w, t, digits)
    elif verdict == "incorrect":
        ok = w.shape != t.shape or np.max(np.abs(w - t)) > 0.01 * np.max(np.abs(t))
    else:
        ok = not close(w, t, digits) and own is not None and close(w, own, digits)
    if not ok:
        failures.append(f"{where}: written {w.tolist()}, truth {t.tolist()}, own {own}, expected {verdict}")


def check_formula(where, value, truth, verdict):
    v, t = np.asarray(value, float), np.asarray(truth, float)
    same = v.shape == t.shape and np.allclose(v, t, rtol=1e-12, atol=1e-14)
    if same != (verdict == "correct"):
        failures.append(f"{where}: formula gives {v.tolist()}, truth {t.tolist()}, expected {verdict}")


F = "cs231n_geoj.toml"
check(F + " h1 (M)", [[2.28, -0.68]], M, "correct", digits=2)
check(F + " h1", [[2.28, 0]], h1, "correct", digits=2)
check(F + " scores", [[0.4332, -0.228, 0.228]], scores, "correct", digits=4)
check(F + " loss", 1.051375468504, loss, "correct", digits=12)
check_formula(F + " dscores.2", -1 + np.exp(scores[0, 2]) / np.exp(scores).sum(), dscores[0, 2], "correct")
check(F + " dscores", [[0.429052723714, 0.221490524653, -0.650543248367]], dscores, "correct", digits=12)
check_formula(F + " dW2", h1.T @ dscores, dW2, "correct")
h1_2 = np.nan  # the typo [h1_0 ; h1_2]: h1 has no entry 2 (0-based), so the formula names no value
check_formula(F + " dW2.typo", np.array([[h1[0, 0]], [h1_2]]) @ dscores, dW2, "incorrect")
check(F + " dW2.value", [[0.978240210068, 0.504998396209, -1.483238606277], [0, 0, 0]], dW2, "correct", digits=12)
check_formula(F + " db2", dscores, db2, "correct")
check(F + " dh1", [[-0.005683359796, -0.036817689655]], dh1, "correct", digits=12)
check(F + " dM", [[-0.005683359796, 0]], dM, "correct", digits=12)
check_formula(F + " dW1", x.T @ dM, dW1, "correct")
check(F + " dW1.value", [[-0.090933756736, 0], [0.034100158776, 0]], dW1, "correct", digits=12)
check(F + " db1", [[-0.005683359796, 0]], db1, "correct", digits=12)

P = "cs231n_geoj_planted.toml"
check(P + " loss (log10)", 0.456606564380, loss, "incorrect")
assert abs(0.456606564380 - (-np.log10(p[0, 2]))) < 1e-11
check_formula(P + " dW2 (order)", np.nan if dscores.shape[1] != h1.T.shape[0] else dscores @ h1.T, dW2, "incorrect")
check(P + " dW2.value (transposed)", [[0.978240210068, 0], [0.504998396209, 0], [-1.483238606277, 0]], dW2, "incorrect")
slip = [[-0.006583359796, -0.036817689655]]
check(P + " dh1 (slip)", slip, dh1, "incorrect")
own_dM = np.array(slip) * (M > 0)
check(P + " dM", [[-0.006583359796, 0]], dM, "carried_forward", own=own_dM, digits=12)
check(P + " dW1.value", [[-0.105333756736, 0], [0.039500158776, 0]], dW1, "carried_forward", own=x.T @ own_dM, digits=12)
check(P + " db1", [[-0.006583359796, 0]], db1, "carried_forward", own=own_dM, digits=12)

if failures:
    print("FAIL"); print("\n".join(failures)); raise SystemExit(1)
print("OK")
