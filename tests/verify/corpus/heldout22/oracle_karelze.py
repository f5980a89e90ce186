"""Independent NumPy oracle for KarelZe's Anki cards (karelze_graph_card.md, karelze_chainrule_card.md and the English and
German karelze_multiclass_card*.md) and their planted copies.

graph card: z = w x + b, y = sigma(z), L = 1/2 (y - t)^2, v-bar = dL/dv by central differences. chain-rule card:
f(x, y) = y + exp(x y), x = cos t, y = t^2, df/dt by central differences in t, every link of the chain evaluated as
written (the partials f_x, f_y by central differences too). multiclass cards: softmax regression on features phi(x_i),
loss_i the log-likelihood of example i (as the card writes it), each row judged for every class k; p(k | x_k) read as
written (x_k the k-th example's features). Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_karelze.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2204)


def d1(f, at):
    return grad(lambda v: float(f(v[0])), np.array([at]))[0]


def links(*vals):
    return all(same(vals[0], v) for v in vals[1:])


# --- graph card
w, b, x, t = rng.normal(size=4)


def L(w=w, b=b, z=None, y=None):
    z = w * x + b if z is None else z
    y = sigmoid(z) if y is None else y
    return 0.5 * (y - t) ** 2


z = w * x + b
y = sigmoid(z)
ybar, zbar = d1(lambda v: L(y=v), y), d1(lambda v: L(z=v), z)
wbar, bbar = d1(lambda v: L(w=v), w), d1(lambda v: L(b=v), b)
sp = d1(sigmoid, z)
confirm(
    "karelze_graph_card.md",
    "karelze_graph_card_planted.md",
    {
        "line 28": lambda: same(ybar, y - t),
        "line 28#2": lambda: same(zbar, ybar * sp),
        "line 29": lambda: same(wbar, zbar * x),
        "line 29#2": lambda: same(bbar, zbar),
    },
    {
        "line 28#2": lambda: same(zbar, ybar * sigmoid(z)),
        "line 29": lambda: same(wbar, zbar * w),
    },
)

# --- chain-rule card
tt = rng.uniform(0.3, 1.2)


def f(xx, yy):
    return yy + np.exp(xx * yy)


X, Y = np.cos(tt), tt**2
dfdt = d1(lambda s: f(np.cos(s), s**2), tt)
fx, fy = d1(lambda v: f(v, Y), X), d1(lambda v: f(X, v), Y)
dxdt, dydt = d1(np.cos, tt), d1(lambda s: s**2, tt)
confirm(
    "karelze_chainrule_card.md",
    "karelze_chainrule_card_planted.md",
    {"line 31": lambda: links(dfdt, fx * dxdt + fy * dydt, (Y * np.exp(X * Y)) * (-np.sin(tt)) + (1 + X * np.exp(X * Y)) * (2 * tt))},
    {"line 31": lambda: links(dfdt, fx * dxdt + fy * dydt, (Y * np.exp(X * Y)) * (np.sin(tt)) + (1 + X * np.exp(X * Y)) * (2 * tt))},
)
# --- multiclass cards (English and German): softmax regression, loss_i the LOG-LIKELIHOOD of example i
K, n_feat, n_ex, i = 3, 4, 5, 4  # example i = the 5th: no class index k (0..2) names it
Phi = rng.normal(size=(n_ex, n_feat))
Wm = rng.normal(size=(K, n_feat))  # rows w_k^T
h = np.eye(K)[1]  # h_{c_i, .}: the one-hot label of example i


def softmax(v):
    e = np.exp(v - v.max())
    return e / e.sum()


def loglik(W):
    return float(h @ (W @ Phi[i]) - np.log(np.sum(np.exp(W @ Phi[i]))))


G = grad(loglik, Wm)  # [k] = d loss_i / d w_k
S = np.sum(np.exp(Wm @ Phi[i]))
rows = {
    1: lambda k: grad(lambda v: loglik(np.vstack([Wm[:k], v, Wm[k + 1 :]])), Wm[k]),
    2: lambda k: h[k] * Phi[i] - grad(lambda v: float(np.log(np.sum(np.exp(np.vstack([Wm[:k], v, Wm[k + 1 :]]) @ Phi[i])))), Wm[k]),
    3: lambda k: h[k] * Phi[i] - np.exp(Wm[k] @ Phi[i]) * Phi[i] / S,
    4: lambda k: Phi[i] * (h[k] - softmax(Wm @ Phi[k])[k]),  # p(k | x_k) as written
}
planted_rows = {
    3: lambda k: h[k] * Phi[i] - np.exp(Wm[k] @ Phi[i]) / S,  # the inner phi(x_i) dropped
    2: lambda k: h[k] * Phi[i] + grad(lambda v: float(np.log(np.sum(np.exp(np.vstack([Wm[:k], v, Wm[k + 1 :]]) @ Phi[i])))), Wm[k]),
}


def row_ok(r, table=rows):
    return all(same(G[k], table[r](k)) for k in range(K))


def chain_ok(table=rows):
    return all(row_ok(r, {**rows, **table}) for r in (1, 2, 3, 4))


# the slip alone: with p(k | x_i) the last row holds
assert all(same(G[k], Phi[i] * (h[k] - softmax(Wm @ Phi[i])[k])) for k in range(K))
confirm(
    "karelze_multiclass_card.md",
    "karelze_multiclass_card_planted.md",
    {"line 30": chain_ok, **{f"line 30.{r}": (lambda r=r: row_ok(r)) for r in (1, 2, 3, 4)}},
    {"line 30": lambda: chain_ok({3: planted_rows[3]}), "line 30.3": lambda: row_ok(3, {3: planted_rows[3]})},
)
confirm(
    "karelze_multiclass_card_de.md",
    "karelze_multiclass_card_de_planted.md",
    {"line 17": chain_ok, **{f"line {n}.{r}": (lambda r=r: row_ok(r)) for n, r in ((17, 1), (25, 2), (30, 3), (37, 4))}},
    {"line 17": lambda: chain_ok({2: planted_rows[2]}), "line 25.2": lambda: row_ok(2, {2: planted_rows[2]})},
)
# --- logistic-regression card: loss_i the log-likelihood of sample i
ph, c = rng.normal(size=3), 1.0
wl = rng.normal(size=3)
sg = sigmoid(wl @ ph)


def ll(v):
    return float(c * np.log(sigmoid(v @ ph)) + (1 - c) * np.log(1 - sigmoid(v @ ph)))


gl = grad(ll, wl)
lr_rows = {
    1: gl,
    2: c * (1 / sg) * sg * (1 - sg) * ph + (1 - c) * (1 / (1 - sg)) * (-1) * sg * (1 - sg) * ph,
    4: c * (1 - sg) * ph - (1 - c) * sg * ph,
    5: (c - sg) * ph,
}
lr_planted4 = c * (1 - sg) * ph + (1 - c) * sg * ph
# c = 1 would hide the (1 - c) terms: judge at c = 0 too
c0_rows = {4: lambda cc: cc * (1 - sg) * ph - (1 - cc) * sg * ph, 5: lambda cc: (cc - sg) * ph}


def gl_at(cc):
    return grad(lambda v: float(cc * np.log(sigmoid(v @ ph)) + (1 - cc) * np.log(1 - sigmoid(v @ ph))), wl)


confirm(
    "karelze_logreg_card.md",
    "karelze_logreg_card_planted.md",
    {
        "line 33": lambda: all(same(gl, lr_rows[r]) for r in (1, 2, 4, 5)) and same(gl_at(0.0), c0_rows[5](0.0)),
        "line 33.1": lambda: same(gl, lr_rows[1]),
        "line 33.2": lambda: same(gl, lr_rows[2]),
        "line 33.4": lambda: same(gl, lr_rows[4]) and same(gl_at(0.0), c0_rows[4](0.0)),
        "line 33.5": lambda: same(gl, lr_rows[5]) and same(gl_at(0.0), c0_rows[5](0.0)),
    },
    {
        "line 33": lambda: same(gl_at(0.0), (0.0 * (1 - sg) * ph + (1 - 0.0) * sg * ph)),
        "line 33.4": lambda: same(gl, lr_planted4) and same(gl_at(0.0), (0.0 * (1 - sg) * ph + (1 - 0.0) * sg * ph)),
    },
)

# --- SSE card: least squares, X (N x d), N != d
N, dd = 6, 3
Xs, ys, ws = rng.normal(size=(N, dd)), rng.normal(size=N), rng.normal(size=dd)


def sse(v):
    r = ys - Xs @ v
    return float(r @ r)


gs = grad(sse, ws)
wstar = np.linalg.inv(Xs.T @ Xs) @ Xs.T @ ys
e1 = (ys - Xs @ ws) @ (ys - Xs @ ws)
e2 = ws @ Xs.T @ Xs @ ws - ys @ Xs @ ws - ws @ Xs.T @ ys + ys @ ys
e3 = ws @ Xs.T @ Xs @ ws - 2 * ys @ Xs @ ws + ys @ ys
e3_planted = ws @ Xs.T @ Xs @ ws - ys @ Xs @ ws + ys @ ys
row1 = grad(lambda v: float(v @ Xs.T @ Xs @ v - 2 * ys @ Xs @ v + ys @ ys), ws)


def author_grad():  # X X^T X w - X X^T y as written
    return Xs @ Xs.T @ Xs @ ws - Xs @ Xs.T @ ys


confirm(
    "karelze_sse_card.md",
    "karelze_sse_card_planted.md",
    {
        "line 25": lambda: links(sse(ws), e1, e2, e3),
        "line 25.1": lambda: same(sse(ws), e1),
        "line 28.2": lambda: same(sse(ws), e2),
        "line 32.3": lambda: same(sse(ws), e3),
        "line 40": lambda: same(gs, row1) and same(gs, author_grad()),
        "line 40.1": lambda: same(gs, row1),
        "line 44.2": lambda: same(gs, author_grad()),
        "line 53": lambda: same(grad(sse, wstar), np.zeros(dd)),
    },
    {
        "line 25": lambda: links(sse(ws), e1, e2, e3_planted),
        "line 32.3": lambda: same(sse(ws), e3_planted),
        "line 53": lambda: same(grad(sse, np.linalg.inv(Xs.T @ Xs) @ Xs @ ys), np.zeros(dd)),
    },
)
# the right gradient, 2 X^T X w - 2 X^T y, holds: the slip is the author's
assert same(gs, 2 * Xs.T @ Xs @ ws - 2 * Xs.T @ ys)

# --- sigmoid-properties card (German)
av = rng.normal()
sig_d = d1(sigmoid, av)
confirm(
    "karelze_sigmoid_card_de.md",
    "karelze_sigmoid_card_de_planted.md",
    {
        "line 19": lambda: links(-sigmoid(av), np.exp(-av) / (1 + np.exp(-av)), 1 / (1 + np.exp(av)), sigmoid(-av)),
        "line 22": lambda: links(sig_d, np.exp(-av) / (1 + np.exp(-av)) ** 2, sigmoid(av) * (1 - sigmoid(av))),
    },
    {"line 22": lambda: links(sig_d, -np.exp(-av) / (1 + np.exp(-av)) ** 2, sigmoid(av) * (1 - sigmoid(av)))},
)
# the slip alone: with 1 - sigma(a) the symmetry chain holds
assert links(1 - sigmoid(av), np.exp(-av) / (1 + np.exp(-av)), 1 / (1 + np.exp(av)), sigmoid(-av))

# --- cross-entropy card: the Bernoulli log-likelihood of logistic regression
Xc, cl, wc = rng.normal(size=(6, 3)), np.array([1, 0, 1, 1, 0, 0.0]), rng.normal(size=3)
p1 = sigmoid(Xc @ wc)
p0 = 1 - p1
p_ci = np.where(cl == 1, p1, p0)
loglik = float(np.sum(np.log(p_ci)))
ce_rows = {
    1: [float(np.sum(np.log(p_ci))), float(np.sum(np.log(p1**cl * p0 ** (1 - cl))))],
    2: [float(np.sum(cl * np.log(p1) + (1 - cl) * np.log(p0)))],
    3: [float(np.sum(cl * np.log(sigmoid(Xc @ wc)) + (1 - cl) * np.log(1 - sigmoid(Xc @ wc))))],
}
ce_planted3 = [float(np.sum(cl * np.log(sigmoid(Xc @ wc)) + (1 - cl) * (1 - np.log(sigmoid(Xc @ wc)))))]


def ce_row(r, table=ce_rows):
    return links(loglik, *table[r])


confirm(
    "karelze_crossentropy_card.md",
    "karelze_crossentropy_card_planted.md",
    {"line 32": lambda: all(ce_row(r) for r in (1, 2, 3)), **{f"line 32.{r}": (lambda r=r: ce_row(r)) for r in (1, 2, 3)}},
    {
        "line 32": lambda: all(ce_row(r, {**ce_rows, 3: ce_planted3}) for r in (1, 2, 3)),
        "line 32.3": lambda: ce_row(3, {3: ce_planted3}),
    },
)
# --- weight-decay card: one SGD step on L + lambda/2 ||theta||^2 (L a squared error of a linear map)
th, Xw, yw, lam, eta_w = rng.normal(size=3), rng.normal(size=(5, 3)), rng.normal(size=5), 0.1, 0.1


def Lw(v):
    return float(0.5 * np.sum((Xw @ v - yw) ** 2))


dL = grad(Lw, th)
true_step = th - eta_w * grad(lambda v: Lw(v) + lam / 2 * float(v @ v), th)
confirm(
    "karelze_weightdecay_card.md",
    "karelze_weightdecay_card_planted.md",
    {
        "line 25.1": lambda: same(true_step, th - eta_w * (dL - lam * th)),
        "line 26.2": lambda: same(true_step, (1 - eta_w * lam) * th - eta_w * dL),
    },
    {"line 26.2": lambda: same(true_step, (1 - eta_w * lam / 2) * th - eta_w * dL)},
)

# --- SSE in matrix form (German card): X (n x d), e = y - X w
Xe, ye, we = rng.normal(size=(6, 3)), rng.normal(size=6), rng.normal(size=3)
yhat = Xe @ we
e = ye - yhat
sse_val = float(np.sum((ye - yhat) ** 2))
confirm(
    "karelze_sse_matrix_card_de.md",
    "karelze_sse_matrix_card_de_planted.md",
    {
        "line 18": lambda: links(sse_val, float(np.sum(e**2)), float(e @ e), float((ye - Xe @ we) @ (ye - Xe @ we))),
        "line 22": lambda: links(float(np.sum(e**2)), (e[None, :] @ e[:, None]).item(), float(e.T @ e)),
    },
    {
        "line 18": lambda: links(sse_val, float(np.sum(e**2)), float(e @ e), np.outer(ye - Xe @ we, ye - Xe @ we)),
        "line 22": lambda: links(float(np.sum(e**2)), (e[None, :] @ e[:, None]).item(), np.outer(e, e)),
    },
)

# --- Gaussian MLE card: loglik(mu, sigma) = -N log sqrt(2 pi sigma^2) - sum (x_i - mu)^2 / (2 sigma^2)
xg = rng.normal(1.0, 2.0, size=7)
Ng, mu, sd = len(xg), rng.normal(), rng.uniform(0.5, 2.0)


def gl_ll(m, s):
    return float(-Ng * np.log(np.sqrt(2 * np.pi * s**2)) - np.sum((xg - m) ** 2) / (2 * s**2))


dmu = d1(lambda m: gl_ll(m, sd), mu)
dsd = d1(lambda s: gl_ll(mu, s), sd)
mu_hat = xg.mean()
row_mu = -np.sum(2 * (xg - mu) * (-1) / (2 * sd**2))
row_mu_planted = -np.sum(2 * (xg - mu) / (2 * sd**2))
sd_row1 = -Ng * np.log(np.sqrt(2 * np.pi)) - Ng * np.log(sd) - np.sum((xg - mu) ** 2) / (2 * sd**2)
sd_row2 = -Ng / sd + np.sum((xg - mu) ** 2) / sd**3
sd_row2_planted = -Ng / sd + np.sum((xg - mu) ** 2) / (2 * sd**3)
confirm(
    "karelze_gaussian_mle_card.md",
    "karelze_gaussian_mle_card_planted.md",
    {
        # the derivative as written, and it vanishes where the card sets it to 0 (mu-hat, the sample mean)
        "line 27": lambda: same(dmu, row_mu) and same(d1(lambda m: gl_ll(m, sd), mu_hat), 0.0),
        "line 37": lambda: same(dsd, sd_row1) and same(dsd, sd_row2),
        "line 37.1": lambda: same(dsd, sd_row1),
        "line 40.2": lambda: same(dsd, sd_row2),
    },
    {
        "line 27": lambda: same(dmu, row_mu_planted) and same(d1(lambda m: gl_ll(m, sd), mu_hat), 0.0),
        "line 40.2": lambda: same(dsd, sd_row2_planted),
    },
)
print("OK")
