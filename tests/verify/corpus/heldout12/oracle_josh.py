"""Independent NumPy oracle for Josh Levy-Kramer's three posts in index notation: josh_linear.md, josh_layernorm.md,
josh_crossentropy.md and their planted copies.

Index notation with the summation convention is evaluated with np.einsum exactly as written (a repeated index summed);
every Jacobian and every backpropagated gradient is compared with central differences of the forward pass and of a
downstream scalar l = sum(G * Y) + 1/2 sum(Y^2) (any l: dl/dY itself is a central difference). The rows of a chain
are evaluated as written. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_josh.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(2405)
ein = np.einsum


def jac(f, at):
    """[out..., in...] = d f(at)[out] / d at[in] by central differences."""
    at = np.asarray(at, float)
    out = np.asarray(f(at))
    return np.array([grad(lambda v, k=k: float(np.ravel(f(v))[k]), at) for k in range(out.size)]).reshape(out.shape + at.shape)


def chain(truth, *rows):
    return all(same(r, truth) for r in rows)


# ---- the linear layer Y = X A^T + b: X (M, K), A (N, K), C = A^T (K, N) ------------------------------------------------
M, K, N = 5, 3, 2
X, A, b = rng.normal(size=(M, K)), rng.normal(size=(N, K)), rng.normal(size=N)
C, one_i, G = A.T, np.ones(M), rng.normal(size=(M, N))


def lin(X=X, A=A, b=b):
    return X @ A.T + b


def ell(Y):
    return float(np.sum(G * Y) + 0.5 * np.sum(Y**2))


Y = lin()
dY = grad(ell, Y)
dX, dA, db = (grad(lambda v: ell(lin(X=v)), X), grad(lambda v: ell(lin(A=v)), A), grad(lambda v: ell(lin(b=v)), b))
J_X, J_A, J_b = jac(lambda v: lin(X=v), X), jac(lambda v: lin(A=v), A), jac(lambda v: lin(b=v), b)  # [i, j, p, q]
dM, dK, dN = np.eye(M), np.eye(K), np.eye(N)
dxdx = ein("ip,kq->ikpq", dM, dK)  # d x_ik / d x_pq
dada = ein("jp,kq->jkpq", dN, dK)  # d a_jk / d a_pq
linear = {
    "line 24": lambda: same(Y, X @ A.T + b),
    "line 49": lambda: same(Y, ein("ik,kj->ij", X, C) + ein("i,j->ij", one_i, b)),
    "line 63": lambda: same(J_X, jac(lambda v: ein("ik,kj->ij", v, C) + ein("i,j->ij", one_i, b), X)),
    "line 69": lambda: same(J_X, ein("ikpq,kj->ijpq", dxdx, C)),
    "line 75": lambda: same(J_X, ein("ip,kq,kj->ijpq", dM, dK, C)),
    "line 81": lambda: same(J_X, ein("ip,qj->ijpq", dM, C)),
    "line 88": lambda: chain(dX, ein("ij,ijpq->pq", dY, J_X), ein("ij,ip,qj->pq", dY, dM, C), ein("pj,qj->pq", dY, C)),
    "line 97": lambda: same(dX, ein("pj,jq->pq", dY, C.T)),
    "line 104.1": lambda: same(dX, ein("pj,jq->pq", dY, C.T)),
    "line 105.2": lambda: same(dX, ein("pj,jq->pq", dY, A)),
    "line 106.3": lambda: same(dX, dY @ A),
    "line 118": lambda: chain(
        J_A, jac(lambda v: ein("ik,kj->ij", X, v.T) + ein("i,j->ij", one_i, b), A), ein("ik,kjpq->ijpq", X, dada.transpose(1, 0, 2, 3))
    ),
    "line 127": lambda: chain(J_A, ein("ik,jkpq->ijpq", X, dada), ein("ik,jp,kq->ijpq", X, dN, dK), ein("iq,jp->ijpq", X, dN)),
    "line 137": lambda: chain(dA, ein("ij,ijpq->pq", dY, J_A), ein("ij,iq,jp->pq", dY, X, dN), ein("ip,iq->pq", dY, X)),
    "line 147.1": lambda: same(dA, ein("pi,iq->pq", dY.T, X)),
    "line 148.2": lambda: same(dA, dY.T @ X),
    "line 160": lambda: chain(
        J_b,
        jac(lambda v: ein("ik,kj->ij", X, C) + ein("i,j->ij", one_i, v), b),
        jac(lambda v: ein("i,j->ij", one_i, v), b),
        ein("i,jp->ijp", one_i, dN),
    ),
    "line 169": lambda: same(J_b, ein("i,jp->ijp", one_i, dN)),
    "line 176": lambda: chain(db, ein("ij,ijp->p", dY, J_b), ein("ij,i,jp->p", dY, one_i, dN), ein("ip,i->p", dY, one_i)),
    "line 185": lambda: same(db, np.array([sum(dY[i, p] for i in range(M)) for p in range(N)])),
    "line 191": lambda: same(db, (np.ones((1, M)) @ dY).ravel()),
}
linear_planted = {
    "line 49": lambda: same(Y, ein("ik,jk->ij", X, C) + ein("i,j->ij", one_i, b)),  # c_jk: C is (K, N), no such entries
    "line 81": lambda: same(J_X, ein("ip,jq->ijpq", dM, C)),
    "line 106.3": lambda: same(dX, dY @ A.T),
    "line 137": lambda: chain(dA, ein("iq,ip->pq", dY, X)),
    "line 148.2": lambda: same(dA, X.T @ dY),
    "line 185": lambda: same(db, np.array([sum(dY[i, p] for p in range(N)) for i in range(M)])),  # free i, summed p
}
confirm("josh_linear.md", "josh_linear_planted.md", linear, linear_planted)

# ---- layer normalization of X (B, H) -----------------------------------------------------------------------------------
B, H, eps = 3, 4, 1e-5
X2, gam, bet, G2 = rng.normal(size=(B, H)), rng.normal(size=H), rng.normal(size=H), rng.normal(size=(B, H))
one_h, one_b, dB, dH = np.ones(H), np.ones(B), np.eye(B), np.eye(H)


def parts(x=X2):
    m = ein("h,bh->b", one_h, x) / H
    mu = x - ein("h,b->bh", one_h, m)
    v = ein("h,bh->b", one_h, mu**2) / H
    s = np.sqrt(v + eps)
    return m, mu, v, s


def ln(x=X2, gam=gam, bet=bet):
    m, mu, v, s = parts(x)
    return mu / s[:, None] * gam + ein("b,h->bh", one_b, bet)


def ell2(Y):
    return float(np.sum(G2 * Y) + 0.5 * np.sum(Y**2))


m, mu, v, s = parts()
Y2 = ln()
dY2 = grad(ell2, Y2)
dgam, dbet, dX2 = grad(lambda g: ell2(ln(gam=g)), gam), grad(lambda g: ell2(ln(bet=g)), bet), grad(lambda x: ell2(ln(x=x)), X2)
# the graph's intermediate functions, each taken as an independent input of what follows it
y_of = lambda mu_, s_: mu_ / s_[:, None] * gam + ein("b,h->bh", one_b, bet)  # noqa: E731  y(mu, sigma)
l_of_mu_s = lambda mu_, s_: ell2(y_of(mu_, s_))  # noqa: E731
dl_ds = grad(lambda s_: l_of_mu_s(mu, s_), s)
dl_dv = grad(lambda v_: l_of_mu_s(mu, np.sqrt(v_ + eps)), v)
dl_dmu = grad(lambda mu_: l_of_mu_s(mu_, np.sqrt(ein("h,bh->b", one_h, mu_**2) / H + eps)), mu)
dl_dm = grad(lambda m_: l_of_mu_s(X2 - ein("h,b->bh", one_h, m_), np.sqrt(ein("h,bh->b", one_h, (X2 - m_[:, None]) ** 2) / H + eps)), m)
J_y_gam = jac(lambda g: ln(gam=g), gam)  # [b, h, q]
J_y_bet = jac(lambda g: ln(bet=g), bet)
J_y_s = jac(lambda s_: y_of(mu, s_), s)  # [b, h, p]
J_s_v = jac(lambda v_: np.sqrt(v_ + eps), v)  # [b, p]
J_v_mu = jac(lambda mu_: ein("h,bh->b", one_h, mu_**2) / H, mu)  # [b, p, q]
J_y_mu = jac(lambda mu_: y_of(mu_, s), mu)  # [b, h, p, q]
J_mu_m = jac(lambda m_: X2 - ein("h,b->bh", one_h, m_), m)  # [b, h, p]
J_m_x = jac(lambda x: ein("h,bh->b", one_h, x) / H, X2)  # [b, p, q]
J_mu_x = jac(lambda x: x - ein("h,b->bh", one_h, ein("h,bh->b", one_h, x) / H), X2)  # [b, h, p, q] (mu as a function of x)
J_mu_x_direct = ein("bp,hq->bhpq", dB, dH)  # d mu_bh / d x_pq holding m fixed (the post's local derivative)


def final(power):
    """dl/dy_pq gamma_q / sigma_p - dl/dy_ph gamma_h / H (1_q / sigma_p + mu_ph mu_pq / sigma_p^power), summed over h."""
    return (
        ein("pq,q,p->pq", dY2, gam, 1 / s)
        - ein("ph,h,q,p->pq", dY2, gam / H, one_h, 1 / s)
        - ein("ph,h,ph,pq,p->pq", dY2, gam / H, mu, mu, s**-power)
    )


layernorm = {
    "line 27": lambda: same(Y2, (X2 - X2.mean(axis=1, keepdims=True)) / np.sqrt(X2.var(axis=1, keepdims=True) + eps) * gam + bet),
    "line 37.1": lambda: same(m, X2.mean(axis=1)),
    "line 38.2": lambda: same(v, X2.var(axis=1)),
    "line 39.3": lambda: same(Y2, (X2 - ein("h,b->bh", one_h, m)) / np.sqrt(v + eps)[:, None] * gam + ein("b,h->bh", one_b, bet)),
    "line 48.1": lambda: same(m, X2.mean(axis=1)),
    "line 49.2": lambda: same(mu, X2 - ein("h,b->bh", one_h, m)),
    "line 50.3": lambda: same(v, ein("h,bh->b", one_h, mu**2) / H),
    "line 51.4": lambda: same(s, np.sqrt(v + eps)),
    "line 52.5": lambda: same(Y2, mu / s[:, None] * gam + ein("b,h->bh", one_b, bet)),
    "line 66.1": lambda: same(J_y_gam, ein("bh,b,hq->bhq", mu, 1 / s, dH)),
    "line 67.2": lambda: same(J_y_bet, ein("b,hq->bhq", one_b, dH)),
    "line 75.1": lambda: chain(dgam, ein("bh,bhq->q", dY2, J_y_gam), ein("bq,bq,b->q", dY2, mu, 1 / s)),
    "line 76.2": lambda: chain(dbet, ein("bh,bhq->q", dY2, J_y_bet), ein("bq,b->q", dY2, one_b)),
    "line 92": lambda: chain(
        J_y_s, jac(lambda s_: mu * (s_**-1)[:, None] * gam + ein("b,h->bh", one_b, bet), s), ein("bh,b,h,bp->bhp", -mu, s**-2, gam, dB)
    ),
    "line 101": lambda: chain(
        dl_ds, ein("bh,bhp->p", dY2, J_y_s), ein("bh,bh,b,h,bp->p", dY2, -mu, s**-2, gam, dB), -ein("ph,ph,p,h->p", dY2, mu, s**-2, gam)
    ),
    "line 113": lambda: chain(
        J_s_v, jac(lambda v_: (v_ + eps) ** 0.5, v), 0.5 * ein("b,bp->bp", (v + eps) ** -0.5, dB), ein("bp,b->bp", dB, 1 / (2 * s))
    ),
    "line 123": lambda: chain(dl_dv, ein("b,bp->p", dl_ds, J_s_v), ein("b,bp,b->p", dl_ds, dB, 1 / (2 * s)), dl_ds * 1 / (2 * s)),
    "line 133": lambda: chain(
        dl_dv, dl_ds / (2 * s), -ein("ph,ph,p,h->p", dY2, mu, s**-2, gam) / (2 * s), -ein("ph,ph,h,p->p", dY2, mu, gam, 1 / (2 * s**3))
    ),
    "line 145": lambda: chain(
        J_v_mu,
        jac(lambda mu_: ein("h,bh->b", one_h, mu_**2) / H, mu),
        2 / H * ein("h,bh,bp,hq->bpq", one_h, mu, dB, dH),
        2 / H * ein("bq,bp->bpq", mu, dB),
    ),
    "line 155": lambda: chain(
        J_y_mu, jac(lambda mu_: mu_ / s[:, None] * gam + ein("b,h->bh", one_b, bet), mu), ein("h,b,bp,hq->bhpq", gam, 1 / s, dB, dH)
    ),
    "line 164": lambda: chain(
        dl_dmu,
        ein("b,bpq->pq", dl_dv, J_v_mu) + ein("bh,bhpq->pq", dY2, J_y_mu),
        ein("b,bq,bp->pq", dl_dv, 2 / H * mu, dB) + ein("bh,h,b,bp,hq->pq", dY2, gam, 1 / s, dB, dH),
        ein("p,pq->pq", dl_dv, 2 * mu / H) + ein("pq,q,p->pq", dY2, gam, 1 / s),
    ),
    "line 176": lambda: chain(J_mu_m, jac(lambda m_: X2 - ein("h,b->bh", one_h, m_), m), -ein("h,bp->bhp", one_h, dB)),
    "line 185": lambda: chain(
        dl_dm, ein("bh,bhp->p", dl_dmu, J_mu_m), ein("bh,h,bp->p", dl_dmu, -one_h, dB), -ein("ph,h->p", dl_dmu, one_h)
    ),
    "line 195": lambda: chain(
        dl_dm,
        -ein("h,ph->p", one_h, ein("p,ph->ph", dl_dv, 2 * mu / H) + ein("ph,h,p->ph", dY2, gam, 1 / s)),
        -dl_dv * 2 / H * ein("h,ph->p", one_h, mu) - ein("ph,h,p->p", dY2, gam, 1 / s),
    ),
    "line 204": lambda: chain(
        ein("h,ph->p", one_h, mu),
        ein("h,ph->p", one_h, X2 - ein("h,p->ph", one_h, m)),
        ein("h,ph->p", one_h, X2) - ein("h,h,p->p", one_h, one_h, m),
        H * m - H * m,
        np.zeros(B),
    ),
    "line 214": lambda: same(dl_dm, -ein("ph,h,p->p", dY2, gam, 1 / s)),
    "line 223": lambda: chain(J_m_x, jac(lambda x: ein("h,bh->b", one_h, x) / H, X2), ein("q,bp->bpq", one_h / H, dB)),
    "line 232": lambda: chain(J_mu_x_direct, jac(lambda x: x - ein("h,b->bh", one_h, m), X2), ein("bp,hq->bhpq", dB, dH)),
    "line 241": lambda: chain(
        dX2,
        ein("b,bpq->pq", dl_dm, J_m_x) + ein("bh,bhpq->pq", dl_dmu, J_mu_x_direct),
        ein("bh,h,b,q,bp->pq", -dY2, gam, 1 / s, one_h / H, dB)
        + ein("bh,bp,hq->pq", ein("b,bh->bh", dl_dv, 2 * mu / H) + ein("bh,h,b->bh", dY2, gam, 1 / s), dB, dH),
        -ein("q,ph,h,p->pq", one_h / H, dY2, gam, 1 / s) + ein("p,pq->pq", 2 / H * dl_dv, mu) + ein("pq,q,p->pq", dY2, gam, 1 / s),
    ),
    "line 251": lambda: chain(
        dX2,
        -ein("q,ph,h,p->pq", one_h / H, dY2, gam, 1 / s)
        + 2 / H * ein("p,pq->pq", -ein("ph,ph,h,p->p", dY2, mu, gam, 1 / (2 * s**3)), mu)
        + ein("pq,q,p->pq", dY2, gam, 1 / s),
        final(3),
    ),
    "line 262.1": lambda: same(dgam, ein("bq,bq,b->q", dY2, mu, 1 / s)),
    "line 263.2": lambda: same(dbet, ein("bq,b->q", dY2, one_b)),
    "line 264.3": lambda: same(dX2, final(3)),
}
layernorm_planted = {
    "line 38.2": lambda: same(v, ein("h,bh->b", one_h, X2 - ein("h,b->bh", one_h, m)) / H),
    "line 66.1": lambda: same(J_y_gam, ein("bh,b,bq->bhq", mu, 1 / s, np.eye(B, H))),
    "line 113": lambda: chain(J_s_v, ein("bp,b->bp", dB, 1 / s)),
    "line 145": lambda: chain(J_v_mu, 1 / H * ein("bq,bp->bpq", mu, dB)),
    "line 176": lambda: chain(J_mu_m, ein("h,bp->bhp", one_h, dB)),
    "line 214": lambda: same(dl_dm, ein("ph,h,p->p", dY2, gam, 1 / s)),
    "line 263.2": lambda: same(dbet, ein("bq,q->bq", dY2, one_h)),  # 1_q: b left free, one value per row
    "line 264.3": lambda: same(dX2, final(2)),
}
confirm("josh_layernorm.md", "josh_layernorm_planted.md", layernorm, layernorm_planted)

# ---- softmax and the negative log-likelihood of one example --------------------------------------------------------------
Kc, T = 4, 2
xl = rng.normal(size=Kc)
one_j, dK4 = np.ones(Kc), np.eye(Kc)
soft = lambda z: np.exp(z) / np.sum(np.exp(z))  # noqa: E731
s_ = soft(xl)
sig = float(np.sum(np.exp(xl)))
c_of = lambda z: float(-np.log(soft(z)[T]))  # noqa: E731
dc_dx, J_s = grad(c_of, xl), jac(soft, xl)
dc_ds = grad(lambda p: float(-np.log(p[T])), s_)
dl_dc = 0.7  # l = 0.7 c: any downstream scalar
xent = {
    "line 30.1": lambda: same(s_, np.exp(xl) / ein("j,j->", one_j, np.exp(xl))),
    "line 31.2": lambda: np.isclose(c_of(xl), -np.log(s_[T])),
    "line 41.1": lambda: np.isclose(sig, ein("j,j->", one_j, np.exp(xl))),
    "line 42.2": lambda: chain(
        grad(lambda z: float(np.sum(np.exp(z))), xl),
        ein("j,jn->n", one_j, jac(np.exp, xl)),
        ein("j,j,jn->n", one_j, np.exp(xl), dK4),
        ein("j,j,jn->n", one_j, np.exp(xl), dK4),
        np.exp(xl),
    ),
    "line 55": lambda: chain(
        J_s,
        (ein("in,->in", jac(np.exp, xl), sig) - ein("i,n->in", np.exp(xl), np.exp(xl))) / sig**2,
        (ein("i,in->in", np.exp(xl), dK4) * sig - ein("i,n->in", np.exp(xl), np.exp(xl))) / sig**2,
        ein("i,in->in", s_, dK4) - ein("i,n->in", s_, s_),
    ),
    "line 65": lambda: chain(dc_ds, -grad(lambda p: float(np.log(p[T])), s_), -1 / s_[T] * dK4[:, T]),
    "line 76": lambda: chain(
        dc_dx,
        ein("i,in->n", dc_ds, J_s),
        ein("i,in->n", -1 / s_[T] * dK4[:, T], ein("i,in->in", s_, dK4) - ein("i,n->in", s_, s_)),
        -1 / s_[T] * (s_[T] * dK4[:, T] - s_[T] * s_),
        s_ - dK4[:, T],
    ),
    "line 89": lambda: chain(dl_dc * dc_dx, dl_dc * dc_dx, dl_dc * (s_ - dK4[:, T])),
}
xent_planted = {
    "line 55": lambda: chain(J_s, ein("i,in->in", s_, dK4) + ein("i,n->in", s_, s_)),
    "line 76": lambda: chain(dc_dx, dK4[:, T] - s_),
}
confirm("josh_crossentropy.md", "josh_crossentropy_planted.md", xent, xent_planted)
print("OK")
