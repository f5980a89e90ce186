"""Independent NumPy oracle for ronen_optimizers.md / ronen_optimizers_planted.md (Ronen Halevy's notes on
optimization algorithms).

The cost is the notes' own bowl f(w) = 1/2 (w_1^2 + 15 w_2^2) (ronen_optimizers.spec.toml); every gradient is a central
difference of f. Each update rule a claim states is run for T steps from a random w_0 and compared with an
independent form of the algorithm it names: gradient descent and momentum with Polyak's heavy-ball recurrence in w
alone, Nesterov with its reparametrised form (Bengio et al. 2013), Adagrad with the sum of all past squared gradients,
AdaDelta with Zeiler's Algorithm 1, RMSprop with the running average, Adam's moments with their closed sums and bias
corrections with the constant-gradient property (a constant c is estimated as c and c^2), AdaMax's u_t with the limit
of the L^p moment, NAdam with Dozat's Algorithm 2 at constant mu and nu. The momentum proof's Delta w_t are the signed
steps v_t of Eq. 2a for a constant gradient. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_ronen.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(52)
H = np.array([1.0, 15.0])
f = lambda w: float(0.5 * np.sum(H * w * w))
df = lambda w: grad(f, w)
A, B, B1, B2, E, RHO, T = 0.01, 0.9, 0.9, 0.999, 1e-8, 0.95, 8
w0 = rng.normal(size=2)
G = [rng.normal(size=2) for _ in range(T)]  # a sequence of gradients for the moment recurrences
c = rng.normal(size=2)  # a constant gradient


def run(step, n=T, w=w0):
    """w_1..w_n of w_t = step(w_{t-1}, state, t) (step returns (w_t, state))."""
    ws, state = [w], None
    for t in range(1, n + 1):
        w, state = step(w, state, t)
        ws.append(w)
    return ws


def heavy_ball(sign_a=-1.0):
    """momentum from v_0 = 0: v_t = B v_{t-1} + sign_a A grad f(w_{t-1}); w_t = w_{t-1} + v_t."""

    def step(w, v, t):
        v = (0 if v is None else B * v) + sign_a * A * df(w)
        return w + v, v

    return run(step)


def polyak_ok(ws):
    """Polyak's form in w alone: w_t = w_{t-1} - A grad f(w_{t-1}) + B (w_{t-1} - w_{t-2}), w_{-1} = w_0."""
    prev, ok = ws[0], True
    for t in range(1, len(ws)):
        ok = ok and same(ws[t], ws[t - 1] - A * df(ws[t - 1]) + B * (ws[t - 1] - prev))
        prev = ws[t - 1]
    return ok


def nesterov_ok(sign_look):
    """v_t = B v_{t-1} - A grad f(w_{t-1} + sign_look B v_{t-1}); w_t = w_{t-1} + v_t, against the reparametrised NAG:
    th = w + B v: v_t = B v_{t-1} - A grad f(th_{t-1}), th_t = th_{t-1} - B v_{t-1} + (1 + B) v_t."""
    w, v, th, v2 = w0.copy(), np.zeros(2), w0.copy(), np.zeros(2)
    ok = True
    for _ in range(T):
        v = B * v - A * df(w + sign_look * B * v)
        w = w + v
        v_new = B * v2 - A * df(th)
        th = th - B * v2 + (1 + B) * v_new
        v2 = v_new
        ok = ok and same(w + B * v, th)
    return ok


def adagrad_ok(denominator):
    """w_t = w_{t-1} - A g_t / denominator(g_1..g_t), against Adagrad's sqrt of the SUM of the squared gradients."""
    w, hist, ref, ok = w0.copy(), [], w0.copy(), True
    for _ in range(T):
        g = df(w)
        hist.append(g)
        w = w - A * g / denominator(hist)
        gr = df(ref)
        ref = ref - A * gr / (np.sqrt(sum(h * h for h in hist[:-1]) + gr * gr) + E)
        ok = ok and same(w, ref)
    return ok


def ema(seq, k):
    return run(lambda s, _, t: (k * s + (1 - k) * seq[t - 1], None), n=len(seq), w=np.zeros(2))


def adadelta_ref():
    """Zeiler's Algorithm 1: E[g^2] <- rho E + (1-rho) g^2; dx = -RMS[dx]_{t-1}/RMS[g]_t g; E[dx^2] <- rho E + (1-rho) dx^2."""
    w, Eg, Edx, out = w0.copy(), np.zeros(2), np.zeros(2), [w0.copy()]
    for _ in range(T):
        g = df(w)
        Eg = RHO * Eg + (1 - RHO) * g * g
        dx = -np.sqrt(Edx + 1e-6) / np.sqrt(Eg + 1e-6) * g
        Edx = RHO * Edx + (1 - RHO) * dx * dx
        w = w + dx
        out.append(w)
    return out


def adadelta_as_written():
    """the notes' Eq. 5: Delta w_t = RMS[Delta w]_{t-1} / RMS[g]_t (no gradient factor), w_t = w_{t-1} + Delta w_t."""
    w, Eg, Edx, out = w0.copy(), np.zeros(2), np.zeros(2), [w0.copy()]
    for _ in range(T):
        g = df(w)
        Eg = RHO * Eg + (1 - RHO) * g * g
        dx = np.sqrt(Edx + 1e-6) / np.sqrt(Eg + 1e-6)
        Edx = RHO * Edx + (1 - RHO) * dx * dx
        w = w + dx
        out.append(w)
    return out


def rmsprop_ok():
    """w_t = w_{t-1} - A g_t / sqrt(E(g^2)_t + eps): descends on f, and for a constant gradient c its step tends to
    -A sign(c) (E(g^2)_t -> c^2), the property RMSprop's normalisation exists for."""
    w, Eg = w0.copy(), np.zeros(2)
    for _ in range(T):
        g = df(w)
        Eg = RHO * Eg + (1 - RHO) * g * g
        w = w - A / np.sqrt(Eg + E) * g
    Ec = ema([c * c] * 400, RHO)[400]
    return f(w) < f(w0) and same(-A / np.sqrt(Ec + E) * c, -A * np.sign(c), rtol=1e-4)


def descends(new):
    """new(w, g, h): a small step lowers f by h |g|^2 to first order (gradient descent's defining property)."""
    g, h = df(w0), 1e-5
    return np.isclose(f(new(w0, g, h)) - f(w0), -h * g @ g, rtol=1e-2)


closed_m = lambda t, k=B1: (1 - k) * sum(k ** (t - i) * G[i - 1] for i in range(1, t + 1))  # noqa: E731
closed_v = lambda t, k=B2: (1 - k) * sum(k ** (t - i) * G[i - 1] ** 2 for i in range(1, t + 1))  # noqa: E731
const_m, const_v = ema([c] * T, B1), ema([c * c] * T, B2)
all_t = lambda pred: all(pred(t) for t in range(1, T + 1))  # noqa: E731


def lp_limit(t, p=600.0):
    logs = np.array([p * ((t - i) * np.log(B2) + np.log(np.abs(G[i - 1]))) for i in range(1, t + 1)])
    top = logs.max(axis=0)
    return np.exp((top + np.log(np.sum(np.exp(logs - top), axis=0)) + np.log1p(-(B2**p))) / p)


def u_run(absval=True):
    return run(lambda s, _, t: (np.maximum(B2 * s, np.abs(G[t - 1]) if absval else G[t - 1]), None), w=np.zeros(2))


MU, NU = 0.975, 0.999


def nadam_mbar(t):
    """Dozat (2016) Algorithm 2 at constant mu: mbar_t = (1 - mu) g_t / (1 - mu^t) + mu m_t / (1 - mu^{t+1})."""
    m = ema(G, MU)[t]
    return (1 - MU) * G[t - 1] / (1 - MU**t) + MU * m / (1 - MU ** (t + 1))


gdelta = [None] + [-A * c * sum(B**k for k in range(t)) for t in range(1, 40)]  # v_t of Eq. 2a for a constant gradient c
checks = {
    "line 75": lambda: descends(lambda w, g, h: w - h * g),
    # the notes' 1-D example f(x) = (x - w1)^2 (line 101): x - alpha f'(x) moves towards the minimum w1
    "line 115": lambda: all(abs((x - 0.1 * 2 * (x - 0.5)) - 0.5) < abs(x - 0.5) for x in (-2.0, 0.3, 3.0)),
    "line 289": lambda: polyak_ok(heavy_ball(-1.0)),
    "line 291": lambda: polyak_ok(heavy_ball(-1.0)),
    "line 351": lambda: polyak_ok(heavy_ball(-1.0)),
    # Delta w_t of the proof (signed steps, Delta w = v): for a constant gradient v_t -> -A c / (1 - B)
    "line 300": lambda: same(gdelta[39], A * c / (1 - B), rtol=2e-2),
    "line 316": lambda: same(gdelta[1], A * c),
    "line 318": lambda: same(gdelta[2], B * A * c + A * c),
    "line 320": lambda: same(gdelta[3], B**2 * A * c + B * A * c + A * c),
    "line 326": lambda: same(gdelta[7], sum(B**k * A * c for k in range(7))),
    "line 333": lambda: same(gdelta[39], A * c / (1 - B), rtol=2e-2),
    "line 465": lambda: nesterov_ok(+1.0),
    "line 467": lambda: nesterov_ok(+1.0),
    "line 572": lambda: adagrad_ok(lambda hist: np.sqrt(hist[-1] * hist[-1]) + E),
    "line 578": lambda: same(df(w0), H * w0),
    # E(g^2)_t = sqrt(gamma E(g^2)_{t-1} + (1 - gamma) g_t^2) (its right-hand side on the next line) vs the average
    "line 707": lambda: all_t(
        lambda t: same(
            run(lambda s, _, t: (np.sqrt(RHO * s + (1 - RHO) * G[t - 1] ** 2), None), w=np.zeros(2))[t], ema([g * g for g in G], RHO)[t]
        )
    ),
    "line 713": lambda: all_t(
        lambda t: same(
            np.sqrt(ema([g * g for g in G], RHO)[t] + 1e-6),
            np.sqrt((1 - RHO) * sum(RHO ** (t - i) * G[i - 1] ** 2 for i in range(1, t + 1)) + 1e-6),
        )
    ),
    "line 728": lambda: all_t(
        lambda t: same(ema([g * g for g in G], RHO)[t], (1 - RHO) * sum(RHO ** (t - i) * G[i - 1] ** 2 for i in range(1, t + 1)))
    ),
    "line 735": lambda: all_t(
        lambda t: same(
            np.sqrt(ema([g * g for g in G], RHO)[t] + 1e-6),
            np.sqrt((1 - RHO) * sum(RHO ** (t - i) * G[i - 1] ** 2 for i in range(1, t + 1)) + 1e-6),
        )
    ),
    "line 754": lambda: all(same(p, q) for p, q in zip(adadelta_as_written(), adadelta_ref(), strict=True)),
    "line 756": lambda: f(adadelta_ref()[-1]) < f(w0),  # w_t = w_{t-1} + Delta w_t with the signed AdaDelta step descends
    "line 791": rmsprop_ok,
    "line 920": lambda: all_t(lambda t: same(ema(G, B1)[t], closed_m(t))),
    "line 932": lambda: all_t(lambda t: same(ema([g * g for g in G], B2)[t], closed_v(t))),
    "line 936": lambda: all(same(g, g * g) for g in G),  # as written: g_t = g_t (.) g_t
    "line 948": lambda: all_t(lambda t: same(const_m[t] / (1 - B1**t), c)),
    "line 953": lambda: all_t(lambda t: same(const_v[t] / (1 - B2**t), c * c)),
    "line 960": lambda: same(A * c / (np.sqrt(c * c) + E), A * np.sign(c), rtol=1e-6),
    "line 980": lambda: same(-A * c / (np.sqrt(c * c) + E), -A * np.sign(c), rtol=1e-6),
    "line 1006": lambda: all_t(lambda t: same(ema(G, B1)[t], closed_m(t))),
    "line 1010": lambda: all_t(lambda t: same(ema([g * g for g in G], B2)[t], closed_v(t))),
    "line 1142": lambda: all_t(lambda t: same(u_run()[t], lp_limit(t), rtol=2e-2)),
    "line 1148": lambda: all_t(
        lambda t: same(
            A * const_m[t] / ((1 - B1**t) * run(lambda s, _, t: (np.maximum(B2 * s, np.abs(c)), None), w=np.zeros(2))[t]), A * np.sign(c)
        )
    ),
    "line 1292": lambda: all_t(lambda t: same(ema(G, MU)[t], closed_m(t, MU))),
    "line 1294": lambda: all_t(lambda t: same(ema([g * g for g in G], NU)[t], closed_v(t, NU))),
    "line 1296": lambda: all_t(lambda t: same(MU * ema(G, MU)[t] / (1 - MU ** (t + 1)) + (1 - MU) * G[t - 1] / (1 - MU**t), nadam_mbar(t))),
    # the bias correction of n_t: a constant gradient c must be estimated as c^2
    "line 1298": lambda: all_t(lambda t: same(NU * ema([c * c] * T, NU)[t] / (1 - NU**t), c * c)),
    # one NAdam step from w_0 (t = 1): mbar_1 and nhat_1 = g^2 from the gradient at w_0 move down the bowl
    "line 1300": lambda: (
        f(w0 - A * ((1 - MU) * df(w0) / (1 - MU) + MU * (1 - MU) * df(w0) / (1 - MU**2)) / (np.sqrt((1 - NU) * df(w0) ** 2 / (1 - NU)) + E))
        < f(w0)
    ),
    "line 1312": lambda: all_t(lambda t: same(const_m[t] / (1 - B1 ** (t + 1)), c)),
    "line 1314": lambda: all_t(lambda t: same(const_v[t] / (1 - B2**t), c * c)),
}
planted = {
    "line 75": lambda: descends(lambda w, g, h: w + h * g),
    "line 289": lambda: polyak_ok(heavy_ball(+1.0)),
    "line 465": lambda: nesterov_ok(-1.0),
    "line 713": lambda: all_t(
        lambda t: same(
            ema([g * g for g in G], RHO)[t] + 1e-6, np.sqrt((1 - RHO) * sum(RHO ** (t - i) * G[i - 1] ** 2 for i in range(1, t + 1)) + 1e-6)
        )
    ),
    "line 920": lambda: all_t(lambda t: same(run(lambda s, _, t: (B1 * s + B1 * G[t - 1], None), w=np.zeros(2))[t], closed_m(t))),
    "line 953": lambda: all_t(lambda t: same(const_v[t] / (1 - B1**t), c * c)),
    "line 1142": lambda: all_t(lambda t: same(u_run(absval=False)[t], lp_limit(t), rtol=2e-2)),
    "line 1294": lambda: all_t(lambda t: same(ema(G, NU)[t], closed_v(t, NU))),
}
confirm("ronen_optimizers.md", "ronen_optimizers_planted.md", checks, planted)
print("OK")
