"""Independent check of the hand verdicts in ng_momentum, ng_rmsprop, ng_adam (and their _planted copies), numpy only.

Each claim is written as numpy code of what it says, as a function of the parameter theta, its gradient g, the
state before the step and the step count t. The truth is the optimizer of the spec (Ng's course): momentum
v = beta v + (1 - beta) g, theta -= alpha v; RMSprop S = beta S + (1 - beta) g^2, theta -= alpha g / (sqrt(S) + eps);
Adam with bias-corrected v (first moment) and s (second), eps outside the root. A formula is correct when it equals
the truth at the first step (zero state, t = 1) AND at step t = 3 from a random (non-negative for S, s) state, for
the shapes of every parameter of the network (W1 4x2, b1 4x1, W2 1x4, b2 1x1).
Run: python oracle_ng_optimizers.py  -> prints OK
"""

import numpy as np

rng = np.random.default_rng(1)
failures = []
shapes = [(4, 2), (4, 1), (1, 4), (1, 1)]
beta, alpha_m = 0.9, 0.01                       # momentum
beta_r, alpha_r, eps = 0.9, 0.001, 1e-8         # RMSprop
b1, b2, alpha_a = 0.9, 0.999, 0.01              # Adam


def cases():
    for shape in shapes:
        th, g = rng.uniform(-1, 1, shape), rng.normal(size=shape)
        yield th, g, np.zeros(shape), np.zeros(shape), 1
        yield th, g, rng.normal(size=shape), rng.uniform(0, 1, shape), 3


def claim(where, f, truth, verdict):
    ok_all = True
    for th, g, m0, s0, t in cases():
        try:
            a = f(th, g, m0, s0, t)
        except ValueError:  # shapes that do not broadcast
            ok_all = False
            continue
        b = truth(th, g, m0, s0, t)
        ok_all &= np.shape(a) == np.shape(b) and np.allclose(a, b, rtol=1e-9, atol=1e-12)
    if ok_all != (verdict == "correct"):
        failures.append(f"{where}: expected {verdict}")


# ---- momentum (the first argument after g is v before the step)
v_new = lambda th, g, v, _, t: beta * v + (1 - beta) * g
W_mom = lambda th, g, v, _, t: th - alpha_m * v_new(th, g, v, _, t)
for F in ("ng_momentum.toml", "ng_momentum_planted.toml"):
    pl = F.endswith("planted.toml")
    claim(F + " 3.v / l1.v", (lambda th, g, v, _, t: (1 - beta) * v + beta * g) if pl else v_new, v_new, "incorrect" if pl else "correct")
    claim(F + " 3.W", W_mom, W_mom, "correct")
    claim(F + " 4.v / l2.v / lecture.v", v_new, v_new, "correct")
    claim(F + " lecture.W", (lambda th, g, v, _, t: th - v_new(th, g, v, _, t)) if pl else W_mom, W_mom, "incorrect" if pl else "correct")
    claim(F + " l1.W", (lambda th, g, v, _, t: th - alpha_m * g) if pl else W_mom, W_mom, "incorrect" if pl else "correct")
# planted l2.v: the gradient of W^{[2]} (1 x 4) in the velocity of b^{[2]} (1 x 1)
gW2 = rng.normal(size=(1, 4))
claim("ng_momentum_planted.toml l2.v (dW2 for db2)", lambda th, g, v, _, t: beta * v + (1 - beta) * gW2, v_new, "incorrect")

# ---- RMSprop (the second state argument is S before the step)
S_new = lambda th, g, _, S, t: beta_r * S + (1 - beta_r) * g ** 2
W_rms = lambda th, g, _, S, t: th - alpha_r * g / (np.sqrt(S_new(th, g, _, S, t)) + eps)
F = "ng_rmsprop.toml"
for cid in ("S_dW", "S_db", "l1.S", "l2.S"):
    claim(F + " " + cid, S_new, S_new, "correct")
for cid in ("W", "b", "l1.W", "l2.b"):
    claim(F + " " + cid, W_rms, W_rms, "correct")
P = "ng_rmsprop_planted.toml"
claim(P + " S_dW (no square)", lambda th, g, _, S, t: beta_r * S + (1 - beta_r) * g, S_new, "incorrect")
claim(P + " W (no sqrt)", lambda th, g, _, S, t: th - alpha_r * g / (S_new(th, g, _, S, t) + eps), W_rms, "incorrect")
claim(P + " l1.S (swapped)", lambda th, g, _, S, t: (1 - beta_r) * S + beta_r * g ** 2, S_new, "incorrect")
SW2 = rng.uniform(0, 1, (1, 4))  # the state of W^{[2]} (1 x 4) used for b^{[2]} (1 x 1)
claim(P + " l2.b (S_dW2)", lambda th, g, _, S, t: th - alpha_r * g / (np.sqrt(SW2) + eps), W_rms, "incorrect")

# ---- Adam (first state argument v = first moment, second s = second moment, both before the step)
va = lambda th, g, v, s, t: b1 * v + (1 - b1) * g
sa = lambda th, g, v, s, t: b2 * s + (1 - b2) * g ** 2
vc = lambda th, g, v, s, t: va(th, g, v, s, t) / (1 - b1 ** t)
sc = lambda th, g, v, s, t: sa(th, g, v, s, t) / (1 - b2 ** t)
Wa = lambda th, g, v, s, t: th - alpha_a * vc(th, g, v, s, t) / (np.sqrt(sc(th, g, v, s, t)) + eps)
F = "ng_adam.toml"
for cid in ("adam.1", "ex.1", "lecture.V", "l1.v"):
    claim(F + " " + cid, va, va, "correct")
claim(F + " adam.2 / lecture.Vc", vc, vc, "correct")
for cid in ("adam.3", "lecture.S", "l2.s"):
    claim(F + " " + cid, sa, sa, "correct")
claim(F + " adam.4 (beta_1 typo)", lambda th, g, v, s, t: sa(th, g, v, s, t) / (1 - b1 ** t), sc, "incorrect")
claim(F + " ex.4", lambda th, g, v, s, t: sa(th, g, v, s, t) / (1 - b2 ** t), sc, "correct")
for cid in ("adam.5", "ex.5", "lecture.W", "l1.W"):
    claim(F + " " + cid, Wa, Wa, "correct")
P = "ng_adam_planted.toml"
claim(P + " adam.2 (no t)", lambda th, g, v, s, t: va(th, g, v, s, t) / (1 - b1), vc, "incorrect")
claim(P + " adam.3 (no square)", lambda th, g, v, s, t: b2 * s + (1 - b2) * g, sa, "incorrect")
claim(P + " lecture.V (beta_2)", lambda th, g, v, s, t: b2 * v + (1 - b2) * g, va, "incorrect")
no_bc = lambda th, g, v, s, t: th - alpha_a * va(th, g, v, s, t) / (np.sqrt(sa(th, g, v, s, t)) + eps)
claim(P + " lecture.W / l1.W (no bias correction)", no_bc, Wa, "incorrect")
claim(P + " l1.v (swapped)", lambda th, g, v, s, t: (1 - b1) * v + b1 * g, va, "incorrect")
# the planted adam.2 is right at the first step: only the step count t tells it apart
th, g = rng.normal(size=(2, 2)), rng.normal(size=(2, 2)); z = np.zeros((2, 2))
assert np.allclose(va(th, g, z, z, 1) / (1 - b1), vc(th, g, z, z, 1))

if failures:
    print("FAIL"); print("\n".join(failures)); raise SystemExit(1)
print("OK")
