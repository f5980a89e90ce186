"""Independent check of the hand verdicts for homework_student.md (tags Q1a ... Q4d), numpy only.

One example, column vectors: z1 = W1 x + b1, h = sigma(z1), z2 = W2 h + b2, yhat = softmax(z2),
J = -sum_k y_k log yhat_k + (lambda/2)(||W1||_F^2 + ||W2||_F^2), one SGD step with eta.
Each tagged equation is numpy code of what it says, compared with finite differences of J.
Run: python oracle_homework.py  -> prints OK
"""

import numpy as np

rng = np.random.default_rng(4)
lam, eta = 0.01, 0.1
x = rng.normal(size=(3, 1)); y = np.array([[0.0], [1.0]])
W1 = rng.uniform(-1, 1, (4, 3)); b1 = rng.uniform(-1, 1, (4, 1))
W2 = rng.uniform(-1, 1, (2, 4)); b2 = rng.uniform(-1, 1, (2, 1))
sig = lambda t: 1 / (1 + np.exp(-t))
softmax = lambda z: np.exp(z) / np.exp(z).sum()
failures = []


def J():
    yh = softmax(W2 @ sig(W1 @ x + b1) + b2)
    return float(-(y * np.log(yh)).sum() + lam / 2 * (np.sum(W1 ** 2) + np.sum(W2 ** 2)))


def fd(P, f=J, e=1e-6):
    G = np.zeros_like(P)
    for idx in np.ndindex(P.shape):
        P[idx] += e; a = f(); P[idx] -= 2 * e; c = f(); P[idx] += e
        G[idx] = (a - c) / (2 * e)
    return G


z1 = W1 @ x + b1; h = sig(z1); z2 = W2 @ h + b2; yh = softmax(z2)
gW1, gb1, gW2, gb2 = fd(W1), fd(b1), fd(W2), fd(b2)
z2v = z2.copy(); d2 = fd(z2v, lambda: float(-(y * np.log(softmax(z2v))).sum()))
hv = h.copy(); dh = fd(hv, lambda: float(-(y * np.log(softmax(W2 @ hv + b2))).sum()))
z1v = z1.copy(); d1 = fd(z1v, lambda: float(-(y * np.log(softmax(W2 @ sig(z1v) + b2))).sum()))
jac = np.column_stack([fd(z2v, lambda k=k: float(softmax(z2v)[k, 0])).ravel() for k in range(2)]).T
p = sig(z1) * (1 - sig(z1))


def claim(tag, f, truth, verdict):
    try:
        v = f()
    except ValueError:
        v = None
    same = v is not None and np.shape(v) == np.shape(truth) and np.allclose(v, truth, rtol=1e-6, atol=1e-7)
    if same != (verdict == "correct"):
        failures.append(f"{tag}: expected {verdict}")


claim("Q1a (yhat)", lambda: softmax(W2 @ sig(W1 @ x + b1) + b2), yh, "correct")
claim("Q1b", lambda: -np.sum(y * np.log(yh)) + lam / 2 * (np.linalg.norm(W1) ** 2 + np.linalg.norm(W2) ** 2), J(), "correct")
claim("Q2a", lambda: yh - y, d2, "correct")
claim("Q2b", lambda: np.diag(yh.ravel()) - yh @ yh.T, jac, "correct")
claim("Q2c", lambda: d2 @ h.T + lam * W2, gW2, "correct")
claim("Q2d (bias penalised)", lambda: d2 + lam * b2, gb2, "incorrect")
claim("Q3a", lambda: W2.T @ (yh - y), dh, "correct")
claim("Q3b", lambda: (W2.T @ d2) * p, d1, "correct")
claim("Q3c", lambda: sig(z1) * (1 - sig(z1)), p, "correct")
claim("Q3d (h*h)", lambda: h * h, p, "incorrect")
claim("Q3e", lambda: np.array([[h[j, 0] * (1 - h[j, 0]) * sum(W2[k, j] * d2[k, 0] for k in range(2))] for j in range(4)]), d1, "correct")
claim("Q3f (x delta^T)", lambda: x @ d1.T + lam * W1, gW1, "incorrect")
claim("Q3g", lambda: d1, gb1, "correct")
claim("Q4a", lambda: W2 - eta * (d2 @ h.T + lam * W2), W2 - eta * gW2, "correct")
claim("Q4b (+)", lambda: b2 + eta * d2, b2 - eta * gb2, "incorrect")
claim("Q4c (no lambda W1)", lambda: W1 - eta * d1 @ x.T, W1 - eta * gW1, "incorrect")
claim("Q4d", lambda: b1 - eta * d1, b1 - eta * gb1, "correct")

if failures:
    print("FAIL"); print("\n".join(failures)); raise SystemExit(1)
print("OK")
