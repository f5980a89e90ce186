"""Independent NumPy oracle for thirsty_backprop.md / thirsty_backprop_planted.md (ThirstyScholar's two-layer
derivation with a row batch).

The post's network (thirsty_backprop.spec.toml): Y1 = X W1 + b1, H1 = f(Y1), yhat = H1 W2 + b2, X the N x D batch as
rows, L = 1/N sum_{i,j} (yhat_ij - y_ij)^2 without 1/2. The general rows are checked with f = tanh (any elementwise f),
the "Special Cases" rows with the ReLU. Every gradient is a central difference of L; the element formulas are NumPy
loops over (i, j) of what the rows write. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_thirsty.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(37)
N, D, Hn, C = 5, 3, 4, 2
X, Yt = rng.normal(size=(N, D)), rng.normal(size=(N, C))
W1, b1, W2, b2 = rng.normal(size=(D, Hn)), rng.normal(size=Hn), rng.normal(size=(Hn, C)), rng.normal(size=C)
relu = lambda z: np.maximum(z, 0)  # noqa: E731


def loss_of_yhat(yh):
    return float(np.sum((yh - Yt) ** 2) / N)


def net(X=X, W1=W1, b1=b1, W2=W2, b2=b2, f=np.tanh):
    Y1 = X @ W1 + b1
    H1 = f(Y1)
    return Y1, H1, H1 @ W2 + b2


Y1, H1, yhat = net()
dL_dyhat = grad(loss_of_yhat, yhat)
dL_dH1 = grad(lambda h: loss_of_yhat(h @ W2 + b2), H1)
dL_dW2 = grad(lambda w: loss_of_yhat(H1 @ w + b2), W2)
dL_db2 = grad(lambda b: loss_of_yhat(H1 @ W2 + b), b2)
dL_dY1 = grad(lambda y1: loss_of_yhat(np.tanh(y1) @ W2 + b2), Y1)
dL_dX = grad(lambda x: loss_of_yhat(net(X=x)[2]), X)
dL_dW1 = grad(lambda w: loss_of_yhat(net(W1=w)[2]), W1)
dL_db1 = grad(lambda b: loss_of_yhat(net(b1=b)[2]), b1)
fprime = 1 - np.tanh(Y1) ** 2
# the ReLU network of the special cases
rY1, rH1, ryhat = net(f=relu)
r_dL_dH1 = grad(lambda h: loss_of_yhat(h @ W2 + b2), rH1)
r_dL_dY1 = grad(lambda y1: loss_of_yhat(relu(y1) @ W2 + b2), rY1)
# d yhat_mn / d H1_ij and d yhat_mn / d W2_ij, d yhat_mn / d b2_j by central differences (a 4-index array)
J_H = np.stack([grad(lambda h, m=m, n=n: float((h @ W2 + b2)[m, n]), H1) for m in range(N) for n in range(C)]).reshape(N, C, N, Hn)
J_W = np.stack([grad(lambda w, m=m, n=n: float((H1 @ w + b2)[m, n]), W2) for m in range(N) for n in range(C)]).reshape(N, C, Hn, C)
J_b = np.stack([grad(lambda b, m=m, n=n: float((H1 @ W2 + b)[m, n]), b2) for m in range(N) for n in range(C)]).reshape(N, C, C)


def dot(A, B):
    """The post's matrix dot product: sum_{i,j} A_ij B_ij."""
    return float(np.sum(A * B))


def elem(shape, fun):
    return np.array([[fun(i, j) for j in range(shape[1])] for i in range(shape[0])])


def chain_sum(J, shape):
    """sum_{m,n} dL/dyhat_mn d yhat_mn / d A_ij, with the Jacobian J[m, n, i, j] by central differences."""
    return elem(shape, lambda i, j: sum(dL_dyhat[m, n] * J[m, n, i, j] for m in range(N) for n in range(C)))


def chain_through(entry, base):
    """sum_{m,n} dL/dyhat_mn times the central difference of the expression entry(A, m, n) the row writes for yhat_mn."""
    return sum(dL_dyhat[m, n] * grad(lambda v, m=m, n=n: entry(v, m, n), base) for m in range(N) for n in range(C))


xs = np.linspace(-2, 2, 9)
xs = xs[xs != 0]
checks = {
    "line 40": lambda: same(Y1, X @ W1 + b1),
    "line 40#2": lambda: same(H1, np.tanh(Y1)) and same(H1, np.tanh(X @ W1 + b1)),
    "line 46": lambda: same(yhat, H1 @ W2 + b2),
    "line 107": lambda: same(elem(H1.shape, lambda i, j: dot(dL_dyhat, J_H[:, :, i, j])), dL_dH1),
    "line 111": lambda: same(elem(H1.shape, lambda i, j: dot(dL_dyhat, J_H[:, :, i, j])), dL_dH1),
    "line 123.1": lambda: same(chain_sum(J_H, H1.shape), dL_dH1),
    "line 125.2": lambda: same(chain_through(lambda h, m, n: float(sum(h[m, k] * W2[k, n] for k in range(Hn)) + b2[n]), H1), dL_dH1),
    "line 126.3": lambda: same(elem(H1.shape, lambda i, j: sum(dL_dyhat[i, n] * W2[j, n] for n in range(C))), dL_dH1),
    "line 127.4": lambda: same(elem(H1.shape, lambda i, j: sum(dL_dyhat[i, n] * W2.T[n, j] for n in range(C))), dL_dH1),
    "line 128.5": lambda: same(dL_dyhat @ W2.T, dL_dH1),
    "line 133": lambda: same(dL_dyhat @ W2.T, dL_dH1),
    "line 139.1": lambda: same(chain_sum(J_W, W2.shape), dL_dW2),
    "line 141.2": lambda: same(chain_through(lambda w, m, n: float(sum(H1[m, k] * w[k, n] for k in range(Hn)) + b2[n]), W2), dL_dW2),
    "line 142.3": lambda: same(elem(W2.shape, lambda i, j: sum(dL_dyhat[m, j] * H1[m, i] for m in range(N))), dL_dW2),
    "line 143.4": lambda: same(elem(W2.shape, lambda i, j: sum(H1.T[i, m] * dL_dyhat[m, j] for m in range(N))), dL_dW2),
    "line 144.5": lambda: same(H1.T @ dL_dyhat, dL_dW2),
    "line 150": lambda: same(H1.T @ dL_dyhat, dL_dW2),
    "line 156.1": lambda: same(
        np.array([sum(dL_dyhat[m, n] * J_b[m, n, j] for m in range(N) for n in range(C)) for j in range(C)]), dL_db2
    ),
    "line 158.2": lambda: same(np.array([sum(dL_dyhat[m, j] * 1.0 for m in range(N)) for j in range(C)]), dL_db2),
    "line 159.3": lambda: same(np.array([sum(dL_dyhat[m, j] for m in range(N)) for j in range(C)]), dL_db2),
    "line 160.4": lambda: same(np.array([dL_dyhat[:, j].sum() for j in range(C)]), dL_db2),
    "line 165": lambda: same(dL_dyhat.sum(axis=0), dL_db2),
    "line 172.1": lambda: same(
        elem(
            Y1.shape,
            lambda i, j: sum(
                dL_dH1[m, n] * grad(lambda y, m=m, n=n: float(np.tanh(y)[m, n]), Y1)[i, j] for m in range(N) for n in range(Hn)
            ),
        ),
        dL_dY1,
    ),
    "line 174.2": lambda: same(elem(Y1.shape, lambda i, j: dL_dH1[i, j] * grad(lambda v: float(np.tanh(v)), np.array(Y1[i, j]))), dL_dY1),
    "line 175.3": lambda: same(elem(Y1.shape, lambda i, j: dL_dH1[i, j] * fprime[i, j]), dL_dY1),
    "line 180": lambda: same(dL_dH1 * fprime, dL_dY1),
    "line 185.1": lambda: same(dL_dY1 @ W1.T, dL_dX),
    "line 186.2": lambda: same(X.T @ dL_dY1, dL_dW1),
    "line 187.3": lambda: same(dL_dY1.sum(axis=0), dL_db1),
    "line 200": lambda: np.isclose(loss_of_yhat(yhat), np.mean(np.sum((yhat - Yt) ** 2, axis=1))),
    "line 206.1": lambda: same(grad(lambda v: float(np.sum((v - Yt) ** 2) / N), yhat), dL_dyhat),
    "line 208.2": lambda: same(elem(yhat.shape, lambda i, j: grad(lambda v: float(np.sum((v - Yt) ** 2)), yhat)[i, j] / N), dL_dyhat),
    "line 209.3": lambda: same(
        elem(yhat.shape, lambda i, j: grad(lambda v: float((v - Yt[i, j]) ** 2), np.array(yhat[i, j])) / N), dL_dyhat
    ),
    "line 210.4": lambda: same(elem(yhat.shape, lambda i, j: 2 / N * (yhat[i, j] - Yt[i, j])), dL_dyhat),
    "line 211.5": lambda: same(2 / N * (yhat - Yt), dL_dyhat),
    "line 217": lambda: same(relu(xs), np.array([max(v, 0.0) for v in xs])),
    "line 221": lambda: same(np.array([grad(lambda v: float(relu(v)), np.array(v)) for v in xs]), (xs > 0).astype(float)),
    "line 234.1": lambda: same(r_dL_dH1 * (rY1 > 0), r_dL_dY1),
    "line 236.2": lambda: same(r_dL_dH1 * (rH1 != 0), r_dL_dY1) and same(r_dL_dH1 * (rH1 > 0), r_dL_dY1),
}
planted = {
    "line 127.4": lambda: same(elem(H1.shape, lambda i, j: sum(dL_dyhat[i, n] * W2[n, j] for n in range(C))), dL_dH1),
    "line 133": lambda: same(dL_dyhat @ W2, dL_dH1),
    "line 150": lambda: same(dL_dyhat @ H1.T, dL_dW2),
    "line 165": lambda: same(dL_dyhat.sum(axis=1), dL_db2),
    "line 186.2": lambda: same(X.T @ dL_dH1, dL_dW1),
    "line 210.4": lambda: same(elem(yhat.shape, lambda i, j: 1 / N * (yhat[i, j] - Yt[i, j])), dL_dyhat),
    "line 221": lambda: same(np.array([grad(lambda v: float(relu(v)), np.array(v)) for v in xs]), (xs < 0).astype(float)),
    "line 236.2": lambda: same(r_dL_dH1 * rH1, r_dL_dY1),
}
confirm("thirsty_backprop.md", "thirsty_backprop_planted.md", checks, planted)
print("OK")
