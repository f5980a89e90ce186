"""Independent check of the hand verdicts of agh_slides.md, agh_student.md and their planted copies (numpy only).

Bernacki & Włodarczyk's tutorial network (AGH, "Principles of training multi-layer neural network using
backpropagation"): inputs x_1, x_2; units 1, 2, 3 in the first layer, 4, 5 in the second, 6 the output y; logistic
activations f_n, no biases; w_{(xm)n} joins input m to unit n, w_{mn} unit m to unit n; target z, E = 1/2 (z - y)^2,
one gradient-descent step with rate eta. At random weights, inputs and targets the steps the documents write are
compared with the true step w - eta dE/dw, dE/dw by central differences:
- the slides send delta back through the weights alone (delta_4 = w_46 delta, delta_1 = w_14 delta_4 + w_15 delta_5)
  and multiply by the slope only in the update: their steps of the output weights are the true ones, every step of a
  hidden weight is not (the slopes of the units after it are missing);
- the student multiplies by each unit's slope on the way back: every step is the true one;
- each planted line differs from the true step;
- agh_plaintext.md's numbers are its weights' (each slope passed back), its steps the true ones.
Run: python oracle_agh.py  -> prints OK
"""

import numpy as np

rng = np.random.default_rng(7)
sig = lambda e: 1 / (1 + np.exp(-e))  # noqa: E731
INPUT = [(("x", m), n) for n in (1, 2, 3) for m in (1, 2)]
HIDDEN = [(m, n) for n in (4, 5) for m in (1, 2, 3)]
OUTPUT = [(4, 6), (5, 6)]


def forward(w, x):
    e, y = {}, {}
    for n in (1, 2, 3):
        e[n] = w["x", 1, n] * x[0] + w["x", 2, n] * x[1]
        y[n] = sig(e[n])
    for n in (4, 5):
        e[n] = sum(w[m, n] * y[m] for m in (1, 2, 3))
        y[n] = sig(e[n])
    e[6] = w[4, 6] * y[4] + w[5, 6] * y[5]
    y[6] = sig(e[6])
    return e, y


def key(c):
    return ("x", c[0][1], c[1]) if isinstance(c[0], tuple) else c


for _trial in range(20):
    w = {key(c): rng.normal() for c in INPUT + HIDDEN + OUTPUT}
    x, z, eta = rng.normal(size=2), rng.normal(), rng.uniform(0.1, 1.0)
    e, y = forward(w, x)
    slope = {n: y[n] * (1 - y[n]) for n in y}  # df_n(e)/de at unit n's sum
    E = lambda w: 0.5 * (z - forward(w, x)[1][6]) ** 2  # noqa: E731
    grad = {}
    for k in w:
        up, dn = dict(w), dict(w)
        up[k] += 1e-6
        dn[k] -= 1e-6
        grad[k] = (E(up) - E(dn)) / 2e-6
    true = {k: w[k] - eta * grad[k] for k in w}
    out = {("x", 1): x[0], ("x", 2): x[1], **{m: y[m] for m in (1, 2, 3, 4, 5)}}

    def source(k):
        return out["x", k[1]] if k[0] == "x" else out[k[0]]

    # the slides: delta without the slopes on the way back
    d = {6: z - y[6]}
    d[4], d[5] = w[4, 6] * d[6], w[5, 6] * d[6]
    for n in (1, 2, 3):
        d[n] = w[n, 4] * d[4] + w[n, 5] * d[5]
    slides = {k: w[k] + eta * d[k[-1]] * slope[k[-1]] * source(k) for k in w}
    for k in w:
        if k[-1] == 6:
            assert abs(slides[k] - true[k]) < 1e-8, k  # w'_46, w'_56: correct
        else:
            assert abs(slides[k] - true[k]) > 1e-6, k  # every hidden weight's step: incorrect
    # the student: the slope of each unit passed on the way back
    s = {6: z - y[6]}
    s[4], s[5] = w[4, 6] * slope[6] * s[6], w[5, 6] * slope[6] * s[6]
    for n in (1, 2, 3):
        s[n] = w[n, 4] * slope[4] * s[4] + w[n, 5] * slope[5] * s[5]
    student = {k: w[k] + eta * s[k[-1]] * slope[k[-1]] * source(k) for k in w}
    for k in w:
        assert abs(student[k] - true[k]) < 1e-8, k
    # delta_n is minus the derivative of E by y_n (the student's remark): dE/dw_(x1)n = -delta_n f_n' x_1
    for n in (1, 2, 3):
        assert abs(grad["x", 1, n] - -s[n] * slope[n] * x[0]) < 1e-8, n
    # the planted lines
    assert abs(w[5, 6] + eta * s[6] * slope[6] * y[4] - true[5, 6]) > 1e-6  # w'_56 with y_4
    assert abs(w[1, 4] - eta * s[4] * slope[4] * y[1] - true[1, 4]) > 1e-6  # w'_14 subtracted
    assert abs(w["x", 2, 3] + eta * s[3] * slope[3] * x[0] - true["x", 2, 3]) > 1e-6  # w'_(x2)3 with x_1
    assert abs(w[4, 6] - eta * d[6] * slope[6] * y[4] - true[4, 6]) > 1e-6  # the slides' w'_46 subtracted

# agh_plaintext.md: its own numbers, recomputed from the weights it gives (each slope passed back), to the 6 decimals
# written; and the two planted lines of its copy
x, z, eta = [0.98, 0.81], 0.35, 1.0
w = {("x", 1, 1): 0.74, ("x", 2, 1): -0.43, ("x", 1, 2): 0.21, ("x", 2, 2): 0.56, ("x", 1, 3): 0.43, ("x", 2, 3): 0.83,
     (1, 4): 0.72, (2, 4): 0.84, (3, 4): -0.95, (1, 5): -0.13, (2, 5): -0.03, (3, 5): -0.87, (4, 6): -0.99, (5, 6): 0.66}
e, y = forward(w, x)
slope = {n: y[n] * (1 - y[n]) for n in y}
s = {6: z - y[6]}
s[4], s[5] = w[4, 6] * slope[6] * s[6], w[5, 6] * slope[6] * s[6]
for n in (1, 2, 3):
    s[n] = w[n, 4] * slope[4] * s[4] + w[n, 5] * slope[5] * s[5]
out = {("x", 1): x[0], ("x", 2): x[1], **{m: y[m] for m in (1, 2, 3, 4, 5)}}
written = {"y": {1: 0.593125, 2: 0.659126, 3: 0.749078, 4: 0.566870, 5: 0.321131, 6: 0.413563},
           "d": {6: -0.063563, 4: 0.015262, 5: -0.010174, 1: 0.002986, 2: 0.003214, 3: -0.001630}}
for n, v in written["y"].items():
    assert abs(y[n] - v) < 5e-7, n
for n, v in written["d"].items():
    assert abs(s[n] - v) < 5e-7, n
steps = {("x", 1, 1): 0.740706, ("x", 2, 3): 0.829752, (1, 4): 0.722223, (3, 5): -0.871662, (4, 6): -0.998739,
         (5, 6): 0.655049}
E = lambda w: 0.5 * (z - forward(w, x)[1][6]) ** 2  # noqa: E731
for k, v in steps.items():
    src = out["x", k[1]] if k[0] == "x" else out[k[0]]
    assert abs(w[k] + eta * s[k[-1]] * slope[k[-1]] * src - v) < 5e-7, k
    up, dn = dict(w), dict(w)
    up[k] += 1e-6
    dn[k] -= 1e-6
    assert abs(w[k] - eta * (E(up) - E(dn)) / 2e-6 - v) < 1e-6, k  # the true step, by central differences
assert abs(w[5, 6] + eta * s[6] * slope[6] * y[4] - 0.651261) < 5e-7  # planted: y4 for y5 ...
assert abs(0.651261 - steps[5, 6]) > 1e-3
assert abs(w[3, 5] - eta * s[5] * slope[5] * y[3] - -0.868338) < 5e-7  # ... and the change subtracted
assert abs(-0.868338 - steps[3, 5]) > 1e-3
print("OK")
