"""Independent NumPy oracle for ravi_optimizers.toml / ravi_optimizers_planted.toml (Ravi Kiran Selvam's GSoC 2018
summary of the gradient-descent optimizers).

Each claim is NumPy code of what it says, run on a small smooth cost (a least-squares fit plus a quartic term, its
gradients by central differences of J) and compared with the named algorithm written from its original paper in
another form: steepest descent (the step -eta grad J decreases J), Sutskever et al.'s momentum and Nesterov forms
(v' = mu v - eps grad, theta' = theta + v'), Duchi et al.'s diagonal Adagrad (sums of squares written out), Zeiler's
Adadelta (Algorithm 1), Hinton's RMSprop (MeanSquare), Kingma & Ba's Adam (the efficient form of Algorithm 1, with
epsilon = 0 so the two forms agree exactly) and Adamax (Algorithm 2); bias corrections are checked by their defining
property (a constant gradient g gives hat m_t = g and hat v_t = g^2 at every t). The post's slip hat m_{t-1} =
m_{t-1}/(1 - beta_1^t) is checked against the definition, and the line built on it as carried forward (right on the
post's value, different from the exact one). Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_ravi.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(11)
X, y = rng.normal(size=(32, 3)), rng.normal(size=32)
theta0 = rng.normal(size=3)
eta, gamma, b1, b2, eps = 0.05, 0.9, 0.9, 0.999, 1e-8
T = 6


def J(theta, rows=slice(None)):
    r = X[rows] @ theta - y[rows]
    return float(0.5 * np.mean(r**2) + 0.05 * np.sum(theta**4))


def g(theta, rows=slice(None)):
    return grad(lambda t: J(t, rows), theta)


def descends(step, rows):
    """step(theta, grad) as the claim writes it is the steepest-descent step on the cost of `rows`."""
    gr = g(theta0, rows)
    new = step(theta0, gr)
    return same(new, theta0 - eta * gr) and J(new, rows) < J(theta0, rows)


# --- the algorithms from their papers, written apart from the post's forms ---------------------------------------
def ref_momentum(nesterov=False):
    th, v, out = theta0.copy(), np.zeros(3), []
    for _ in range(T):
        gr = g(th + gamma * v) if nesterov else g(th)  # Sutskever et al. 2013: v' = mu v - eps grad f(theta [+ mu v])
        v = gamma * v - eta * gr
        th = th + v
        out.append(th.copy())
    return out


def ref_adagrad():
    th, hist, out = theta0.copy(), [], []
    for _ in range(T):
        gr = g(th)
        hist.append(gr)
        th = th - eta * gr / np.sqrt(eps + np.sum(np.square(hist), axis=0))
        out.append(th.copy())
    return out


def ref_adadelta(rho=0.95, e=1e-6):
    x, eg, edx, out = theta0.copy(), np.zeros(3), np.zeros(3), []
    for _ in range(T):  # Zeiler 2012, Algorithm 1
        gr = g(x)
        eg = rho * eg + (1 - rho) * gr**2
        dx = -np.sqrt(edx + e) / np.sqrt(eg + e) * gr
        edx = rho * edx + (1 - rho) * dx**2
        x = x + dx
        out.append(x.copy())
    return out


def ref_rmsprop():
    w, ms, out = theta0.copy(), np.zeros(3), []
    for _ in range(T):  # Tieleman & Hinton: MeanSquare(w, t) = 0.9 MeanSquare(w, t-1) + 0.1 g^2
        gr = g(w)
        ms = 0.9 * ms + 0.1 * gr**2
        w = w - eta * gr / np.sqrt(ms + eps)
        out.append(w.copy())
    return out


def ref_adam():
    th, m, v, out = theta0.copy(), np.zeros(3), np.zeros(3), []
    for t in range(1, T + 1):  # Kingma & Ba, Algorithm 1, its efficient form (epsilon-hat = 0)
        gr = g(th)
        m, v = b1 * m + (1 - b1) * gr, b2 * v + (1 - b2) * gr**2
        th = th - eta * np.sqrt(1 - b2**t) / (1 - b1**t) * m / np.sqrt(v)
        out.append(th.copy())
    return out


def ref_adamax():
    th, m, u, out = theta0.copy(), np.zeros(3), np.zeros(3), []
    for t in range(1, T + 1):  # Kingma & Ba, Algorithm 2
        gr = g(th)
        m, u = b1 * m + (1 - b1) * gr, np.maximum(b2 * u, np.abs(gr))
        th = th - (eta / (1 - b1**t)) * m / u
        out.append(th.copy())
    return out


def ref_nadam():
    th, m, v, out = theta0.copy(), np.zeros(3), np.zeros(3), []
    for t in range(1, T + 1):  # Dozat's Nesterov-accelerated Adam with a constant mu = beta_1, as Ruder states it
        gr = g(th)
        m, v = b1 * m + (1 - b1) * gr, b2 * v + (1 - b2) * gr**2
        nesterov_m = b1 * m / (1 - b1**t) + (1 - b1) * gr / (1 - b1**t)
        th = th - eta * nesterov_m / (np.sqrt(v / (1 - b2**t)) + eps)
        out.append(th.copy())
    return out


def path(step_fn, init):
    """Run a claim-written recursion: step_fn(state, theta, grad, t) -> (state, theta)."""
    th, st, out = theta0.copy(), init, []
    for t in range(1, T + 1):
        st, th = step_fn(st, th, t)
        out.append(th.copy())
    return out


def agree(a, b):
    return all(same(p, q, rtol=1e-6, atol=1e-9) for p, q in zip(a, b, strict=True))


# --- the claims as written ------------------------------------------------------------------------------------------
def momentum(theta_sign=-1, look=-1, nesterov=False):
    def step(v, th, t):
        v = gamma * v + eta * g(th + look * gamma * v if nesterov else th)  # v_t = gamma v_{t-1} + eta grad J(.)
        return v, th + theta_sign * v  # theta = theta - v_t

    return path(step, np.zeros(3))


def adagrad(root=True):
    def step(G, th, t):
        gr = g(th)
        G = G + gr**2  # the diagonal of G_t
        d = np.sqrt(G + eps) if root else G + eps
        return G, th - eta / d * gr

    return path(step, np.zeros(3))


def adadelta(rms_dtheta_at_t=False, rho=0.95, e=1e-6):
    def step(s, th, t):
        eg, edx = s
        gr = g(th)
        eg = rho * eg + (1 - rho) * gr**2  # E[g^2]_t
        rms_g = np.sqrt(eg + e)  # RMS[g]_t
        if rms_dtheta_at_t:  # RMS[Delta theta]_t needs Delta theta_t itself: take the fixed point of the two lines
            dx = -np.sqrt(edx + e) / rms_g * gr
            for _ in range(50):
                dx = -np.sqrt(rho * edx + (1 - rho) * dx**2 + e) / rms_g * gr
        else:
            dx = -np.sqrt(edx + e) / rms_g * gr  # Delta theta_t = -RMS[Delta theta]_{t-1}/RMS[g]_t g_t
        edx = rho * edx + (1 - rho) * dx**2  # E[Delta theta^2]_t
        return (eg, edx), th + dx  # theta_{t+1} = theta_t + Delta theta_t

    return path(step, (np.zeros(3), np.zeros(3)))


def rmsprop(square=True):
    def step(eg, th, t):
        gr = g(th)
        eg = gamma * eg + (1 - gamma) * (gr**2 if square else gr)
        with np.errstate(invalid="ignore"):
            return eg, th - eta / np.sqrt(eg + eps) * gr

    return path(step, np.zeros(3))


def adam(corrected_m=True):
    def step(s, th, t):
        m, v = s
        gr = g(th)
        m, v = b1 * m + (1 - b1) * gr, b2 * v + (1 - b2) * gr**2
        mhat, vhat = m / (1 - b1**t), v / (1 - b2**t)
        return (m, v), th - eta / (np.sqrt(vhat) + 0.0) * (mhat if corrected_m else m)

    return path(step, (np.zeros(3), np.zeros(3)))


def adamax():
    def step(s, th, t):
        m, u = s
        gr = g(th)
        m, u = b1 * m + (1 - b1) * gr, np.maximum(b2 * u, np.abs(gr))
        return (m, u), th - eta / u * (m / (1 - b1**t))

    return path(step, (np.zeros(3), np.zeros(3)))


def nadam():
    def step(s, th, t):
        m, v = s
        gr = g(th)
        m, v = b1 * m + (1 - b1) * gr, b2 * v + (1 - b2) * gr**2
        mhat, vhat = m / (1 - b1**t), v / (1 - b2**t)
        return (m, v), th - eta / (np.sqrt(vhat) + eps) * (b1 * mhat + (1 - b1) * gr / (1 - b1**t))

    return path(step, (np.zeros(3), np.zeros(3)))


def nadam_pieces(t, m_prev, v, gr):
    m = b1 * m_prev + (1 - b1) * gr
    return m, m / (1 - b1**t), v / (1 - b2**t)


def correction_unbiased(c, power=1, beta=b1):
    """A constant gradient gc: the corrected moment m_t / c(t) (v_t / c(t)) equals gc (gc^2) at every t."""
    gc, mom = np.array([0.3, -1.2, 2.0]), np.zeros(3)
    for t in range(1, T + 1):
        mom = beta * mom + (1 - beta) * gc**power
        if not same(mom / c(t), gc**power):
            return False
    return True


# Nadam at one step t >= 2, from m_{t-1}, v_t and g_t
t_, m_prev, v_t, g_t = 4, rng.normal(size=3), rng.random(3) + 0.1, rng.normal(size=3)
m_t, mhat_t, vhat_t = nadam_pieces(t_, m_prev, v_t, g_t)
adam_step = eta / (np.sqrt(vhat_t) + eps) * mhat_t
expanded = eta / (np.sqrt(vhat_t) + eps) * (b1 * m_prev / (1 - b1**t_) + (1 - b1) * g_t / (1 - b1**t_))
mhat_prev_post, mhat_prev_exact = m_prev / (1 - b1**t_), m_prev / (1 - b1 ** (t_ - 1))
substituted = eta / (np.sqrt(vhat_t) + eps) * (b1 * mhat_prev_post + (1 - b1) * g_t / (1 - b1**t_))
substituted_exact = eta / (np.sqrt(vhat_t) + eps) * (b1 * mhat_prev_exact + (1 - b1) * g_t / (1 - b1**t_))
batch = slice(4, 20)

checks = {
    "batch-gd": lambda: descends(lambda th, gr: th - eta * gr, slice(None)),
    "sgd": lambda: descends(lambda th, gr: th - eta * gr, slice(7, 8)),
    "minibatch-gd": lambda: descends(lambda th, gr: th - eta * gr, batch),
    "momentum-v": lambda: agree(momentum(), ref_momentum()),
    "momentum-theta": lambda: agree(momentum(), ref_momentum()),
    "nesterov-v": lambda: agree(momentum(nesterov=True), ref_momentum(nesterov=True)),
    "nesterov-theta": lambda: agree(momentum(nesterov=True), ref_momentum(nesterov=True)),
    "adagrad": lambda: agree(adagrad(), ref_adagrad()),
    "adadelta-Eg2": lambda: agree(adadelta(), ref_adadelta()),
    "adadelta-RMSg": lambda: agree(adadelta(), ref_adadelta()),
    "adadelta-Edtheta2": lambda: agree(adadelta(), ref_adadelta()),
    "adadelta-RMSdtheta": lambda: agree(adadelta(), ref_adadelta()),
    "adadelta-dtheta": lambda: agree(adadelta(), ref_adadelta()),
    "adadelta-theta": lambda: agree(adadelta(), ref_adadelta()),
    "rmsprop-Eg2": lambda: agree(rmsprop(), ref_rmsprop()),
    "rmsprop-theta": lambda: agree(rmsprop(), ref_rmsprop()),
    "adam-m": lambda: agree(adam(), ref_adam()),
    "adam-v": lambda: agree(adam(), ref_adam()),
    "adam-mhat": lambda: correction_unbiased(lambda t: 1 - b1**t),
    "adam-vhat": lambda: correction_unbiased(lambda t: 1 - b2**t, power=2, beta=b2),
    "adam-theta": lambda: agree(adam(), ref_adam()),
    "adamax-theta": lambda: agree(adamax(), ref_adamax()),
    "nadam-m": lambda: agree(adam(), ref_adam()),
    "nadam-mhat": lambda: correction_unbiased(lambda t: 1 - b1**t),
    "nadam-adam-theta": lambda: agree(adam(), ref_adam()),
    "nadam-expanded": lambda: same(expanded, adam_step),
    "nadam-mhat-previous": lambda: same(mhat_prev_post, mhat_prev_exact),
    # carried forward: right on the post's own hat m_{t-1}, and not the exact value
    "nadam-substituted": lambda: same(substituted, expanded) and not same(substituted, substituted_exact),
    "nadam-theta": lambda: agree(nadam(), ref_nadam()),
}
planted = {
    "batch-gd": lambda: descends(lambda th, gr: th + eta * gr, slice(None)),
    "momentum-theta": lambda: agree(momentum(theta_sign=+1), ref_momentum()),
    "nesterov-v": lambda: agree(momentum(nesterov=True, look=+1), ref_momentum(nesterov=True)),
    "adagrad": lambda: agree(adagrad(root=False), ref_adagrad()),
    "adadelta-dtheta": lambda: agree(adadelta(rms_dtheta_at_t=True), ref_adadelta()),
    "rmsprop-Eg2": lambda: agree(rmsprop(square=False), ref_rmsprop()),
    "adam-vhat": lambda: correction_unbiased(lambda t: 1 - b1**t, power=2, beta=b2),
    "adam-theta": lambda: agree(adam(corrected_m=False), ref_adam()),
    "nadam-expanded": lambda: same(eta / (np.sqrt(vhat_t) + eps) * (b1 * m_prev / (1 - b1**t_) + (1 - b1) * g_t), adam_step),
}
confirm("ravi_optimizers.toml", "ravi_optimizers_planted.toml", checks, planted)
print("OK")
