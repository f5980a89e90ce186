"""Independent NumPy oracle for goodfellow_alg64.toml / goodfellow_alg64_planted.toml (goodfellow.spec.toml).

Algorithms 6.3/6.4 of Goodfellow et al. on l = 3 tanh layers (3 -> 5 -> 4 -> 2, f = tanh also at the output),
L(yhat, y) = 1/2 ||yhat - y||^2, lambda Omega(theta) = lambda/2 sum_k ||W^(k)||_F^2 (biases not penalised). The
backward loop is replayed exactly as written (g reassigned line by line) for k = l..1 and every line is compared with
central finite differences of J. A claim whose shapes do not fit counts as incorrect. Prints OK.
Run: python oracle_goodfellow.py   (numpy only)
"""
import numpy as np

rng = np.random.default_rng(2)
sizes = [3, 5, 4, 2]
l = 3
LAM = 0.01
W = {k: rng.uniform(-1, 1, (sizes[k], sizes[k - 1])) for k in range(1, l + 1)}
b = {k: rng.uniform(-1, 1, sizes[k]) for k in range(1, l + 1)}
x = rng.normal(size=sizes[0])
y = rng.uniform(-1, 1, sizes[l])
f, fp = np.tanh, lambda s: 1 - np.tanh(s) ** 2
EPS = 1e-6


def forward(W, b, at=None):
    """h, a of every layer; at = (k, a_k) or ("h", k, h_k) restarts the pass from that value."""
    h, a = {0: x}, {}
    if at and at[0] == "h" and at[1] == 0:
        h[0] = at[2]
    for k in range(1, l + 1):
        a[k] = b[k] + W[k] @ h[k - 1]
        if at and at[0] == k:
            a[k] = at[1]
        h[k] = f(a[k])
        if at and at[0] == "h" and at[1] == k:
            h[k] = at[2]
    return h, a


def Lloss(h):
    return 0.5 * np.sum((h[l] - y) ** 2)


def Omega(W):
    return 0.5 * sum(np.sum(Wk ** 2) for Wk in W.values())


def J(W=W, b=b, at=None):
    return Lloss(forward(W, b, at)[0]) + LAM * Omega(W)


H, A = forward(W, b)


def fd(fun, v):
    g = np.zeros_like(v)
    for idx in np.ndindex(v.shape):
        e = np.zeros_like(v); e[idx] = EPS
        g[idx] = (fun(v + e) - fun(v - e)) / (2 * EPS)
    return g


grad_a = {k: fd(lambda v, k=k: J(at=(k, v)), A[k]) for k in range(1, l + 1)}
grad_h = {k: fd(lambda v, k=k: J(at=("h", k, v)), H[k]) for k in range(0, l + 1)}
grad_W = {k: fd(lambda v, k=k: J(W={**W, k: v}), W[k]) for k in range(1, l + 1)}
grad_b = {k: fd(lambda v, k=k: J(b={**b, k: v}), b[k]) for k in range(1, l + 1)}
grad_W_Omega = {k: fd(lambda v, k=k: Omega({**W, k: v}), W[k]) for k in range(1, l + 1)}
grad_b_Omega = {k: np.zeros(sizes[k]) for k in range(1, l + 1)}
grad_yhat_L = H[l] - y
assert np.allclose(grad_yhat_L, fd(lambda v: 0.5 * np.sum((v - y) ** 2), H[l]), atol=1e-7)


def same(p, q):
    p, q = np.asarray(p, float), np.asarray(q, float)
    return p.shape == q.shape and np.allclose(p, q, rtol=1e-5, atol=1e-7)


def run_backward(planted=None):
    """Replay algorithm 6.4 line by line; every line's claimed value is compared with the truth. True if all hold."""
    try:
        g = grad_yhat_L * (fp(A[l]) if planted == "alg6.4-top" else 1)  # g <- grad_yhat J = grad_yhat L
        ok = same(g, grad_h[l])
        for k in range(l, 0, -1):
            g = g * (f(A[k]) if planted == "alg6.4-a" else fp(A[k]))   # g <- grad_a J = g ⊙ f'(a)
            ok &= same(g, grad_a[k])
            ok &= same(g + LAM * grad_b_Omega[k], grad_b[k])          # grad_b J
            gW = np.outer(g, H[k - 1]) + (0 if planted == "alg6.4-W" else LAM * grad_W_Omega[k])
            ok &= same(gW, grad_W[k])
            g = (W[k] if planted == "alg6.4-h" else W[k].T) @ g      # g <- grad_h(k-1) J = W^T g
            ok &= same(g, grad_h[k - 1])
        return bool(ok)
    except ValueError:
        return False


def forward_claims(planted=None):
    try:
        ok = same(H[0], x)                                           # h^(0) = x
        for k in range(1, l + 1):
            a = b[k] + (W[k].T if planted == "alg6.3-a" else W[k]) @ H[k - 1]
            ok &= same(a, A[k]) and same(f(A[k]), H[k])
        yhat = A[l] if planted == "alg6.3-yhat" else H[l]
        ok &= same(yhat, H[l])
        ok &= np.isclose(Lloss(H) + LAM * Omega(W), J())              # J = L + lambda Omega
        return bool(ok)
    except ValueError:
        return False


assert forward_claims() and run_backward(), "the original algorithms must hold"
for cid in ("alg6.3-a", "alg6.3-yhat"):
    assert not forward_claims(cid), cid
for cid in ("alg6.4-top", "alg6.4-a", "alg6.4-W", "alg6.4-h"):
    assert not run_backward(cid), cid
print("OK")
