"""Independent NumPy oracle for sirius911_couche_fc.md (a student's French README: a fully connected layer and an
activation layer, Aflak's layer-by-layer backward passes) and its planted copy.

The author's layers, one sample a ROW: a fully connected layer Y = X W + B (X 1 x i, W i x j, B 1 x j) and an
activation layer Y = f(X) (tanh), followed by the rest of a network and the loss E = 1/n sum (ybar - y)^2; here the FC
layer feeds tanh and then the MSE (E as a function of the layer's own input, weights, bias and output is known in
closed form, every derivative taken by central differences of E). Each claim's right-hand side is evaluated AS
WRITTEN (a `+` inside a row vector makes its entry a sum; `\\frac{E}{y_i}` is E / y_i; the chains' sums run over all
outputs y_1 .. y_j). A check holds exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_sirius911.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same

rng = np.random.default_rng(2505)
I, J = 3, 4                                           # the FC layer: i inputs, j outputs
X = rng.normal(size=(1, I))
W = rng.normal(size=(I, J))
B = rng.normal(size=(1, J))
Ybar = rng.uniform(-0.8, 0.8, size=(1, J))            # the desired output after the tanh layer


def mse(out):
    return float(np.mean((Ybar - out) ** 2))


def E_of(X=X, W=W, B=B):
    return mse(np.tanh(X @ W + B))


Y = X @ W + B
dE_dY = grad(lambda v: mse(np.tanh(v)), Y)             # the FC layer's dE/dY
dE_dX = grad(lambda v: E_of(X=v), X)
dE_dW = grad(lambda v: E_of(W=v), W)
dE_dB = grad(lambda v: E_of(B=v), B)
dY_dX = jacobian(lambda v: (v.reshape(1, I) @ W + B).ravel(), X.ravel())      # [j, i] = dy_j/dx_i
dY_dW = np.array([grad(lambda v, j=j: float((X @ v + B)[0, j]), W) for j in range(J)])   # [j, i, k]
dY_dB = np.array([grad(lambda v, j=j: float((X @ W + v)[0, j]), B) for j in range(J)])

# the activation layer: input Xa (its own X), output Ya = tanh(Xa), then the MSE against a target of its width
Xa = rng.normal(size=(1, J))
Ya = np.tanh(Xa)
dEa_dYa = grad(lambda v: mse(v), Ya)
dEa_dXa = grad(lambda v: mse(np.tanh(v)), Xa)
fprime = grad(lambda v: float(np.sum(np.tanh(v))), Xa)          # f'(x) entrywise
dYa_dXa = np.diag(jacobian(lambda v: np.tanh(v), Xa.ravel()))

# the loss layer: E = 1/n sum (ybar - y)^2 with Y the network's output
Yout = rng.normal(size=(1, J))
dE_dYout = grad(lambda v: mse(v), Yout)
n = J


def chain_w(i, j):   # sum over the outputs y_1 .. y_j of dE/dy_k dy_k/dw_ij
    return float(sum(dE_dY[0, k] * dY_dW[k, i, j] for k in range(J)))


checks = {
    "line 42": lambda: E_of(W=W - 1e-3 * dE_dW) < E_of(),               # a small step this way lowers E
    "line 59": lambda: same(dE_dW, np.einsum("j,jik->ik", dE_dY[0], dY_dW)),
    "line 66": lambda: same(dE_dX[0], dE_dY[0] @ dY_dX),
    "line 136": lambda: all(np.isclose(dE_dW[i, j], chain_w(i, j)) and np.isclose(chain_w(i, j), dE_dY[0, j] * X[0, i])
                            for i in range(I) for j in range(J)),
    "line 136.1": lambda: all(np.isclose(dE_dW[i, j], chain_w(i, j)) for i in range(I) for j in range(J)),
    "line 137.2": lambda: all(np.isclose(dE_dW[i, j], dE_dY[0, j] * X[0, i]) for i in range(I) for j in range(J)),
    # [dE/db_1, dE/db_2 + ... + dE/db_j]: a two-entry row
    "line 149": lambda: same(dE_dB, np.array([[dE_dB[0, 0], dE_dB[0, 1:].sum()]])),
    "line 155": lambda: all(np.isclose(dE_dB[0, j], float(dE_dY[0] @ dY_dB[:, 0, j])) and np.isclose(dE_dB[0, j], dE_dY[0, j])
                            for j in range(J)),
    # dE/dy_1 dy_1/dy_2 + ... + dE/dy_j: dy_1/dy_2 = 0 (independent outputs), so the row is dE/dy_1 * 0 + dE/dy_3 + ... ;
    # as a vector or as that number, it is not dE/dB
    "line 164": lambda: same(dE_dB, np.array([[dE_dY[0, 0] * 0.0 + dE_dY[0, 2:].sum()]])) and same(dE_dB, dE_dY),
    "line 164.1": lambda: same(dE_dB, np.array([[dE_dY[0, 0] * 0.0 + dE_dY[0, 2:].sum()]])),
    "line 165.2": lambda: same(dE_dB, dE_dY),
    "line 177": lambda: all(np.isclose(dE_dX[0, i], float(dE_dY[0] @ dY_dX[:, i]))
                            and np.isclose(dE_dX[0, i], float(dE_dY[0] @ W[i])) for i in range(I)),
    "line 192.1": lambda: same(dE_dX, dE_dY @ W.T),
    "line 193.2": lambda: same(dE_dW, X.T @ dE_dY),
    "line 194.3": lambda: same(dE_dB, dE_dY),
    "line 258": lambda: same(dEa_dXa, dEa_dYa * dYa_dXa) and same(dEa_dXa, np.c_[dEa_dYa[:, :-1] * fprime[:, :-1],
                                                                                   mse(Ya) / Ya[:, -1:] * fprime[:, -1:]]),
    "line 259.2": lambda: same(dEa_dXa, dEa_dYa * dYa_dXa),
    "line 260.3": lambda: same(dEa_dXa, np.c_[dEa_dYa[:, :-1] * fprime[:, :-1], mse(Ya) / Ya[:, -1:] * fprime[:, -1:]]),
    "line 261.4": lambda: same(dEa_dXa, dEa_dYa * fprime),
    "line 262.5": lambda: same(dEa_dXa, dEa_dYa * fprime),
    "line 314": lambda: same(dE_dYout, 2 / n * (Yout - Ybar)),
    "line 315.2": lambda: same(dE_dYout, 2 / n * (Yout - Ybar)),
    "line 316.3": lambda: same(dE_dYout, 2 / n * (Yout - Ybar)),
}
planted = {
    "line 42": lambda: E_of(W=W + 1e-3 * dE_dW) < E_of(),
    "line 136": lambda: all(np.isclose(dE_dW[i, j], dE_dY[0, j] * X[0, j]) for i in range(I) for j in range(J)),
    "line 137.2": lambda: all(np.isclose(dE_dW[i, j], dE_dY[0, j] * X[0, j]) for i in range(I) for j in range(J)),
    "line 192.1": lambda: same(dE_dX, dE_dY @ W),
    "line 193.2": lambda: same(dE_dW, X @ dE_dY),
    "line 262.5": lambda: same(dEa_dXa, dEa_dYa * np.tanh(Xa)),
    "line 314": lambda: same(dE_dYout, 1 / n * (Yout - Ybar)),
    "line 315.2": lambda: same(dE_dYout, 1 / n * (Yout - Ybar)),
}
confirm("sirius911_couche_fc.md", "sirius911_couche_fc_planted.md", checks, planted)
assert same(fprime, 1 - np.tanh(Xa) ** 2) and same(dYa_dXa, fprime[0])
print("OK")
