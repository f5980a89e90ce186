"""Independent NumPy oracle for johnphilipp_nn_relu.tex (a learner's LaTeX derivation in index notation and matrix
calculus: a ReLU hidden layer, a sigmoid output, binary cross-entropy; one sample, then a batch as columns) and its
planted copy.

The author's network: z_1 = W_1^T x + b_1 with W_1 n x h, a_1 = r(z_1) (ReLU), z_2 = w_2^T a_1 + b_2, a_2 = sigma(z_2),
L = -(y log a_2 + (1 - y) log(1 - a_2)); the batch X (n x m) in columns, J = 1/m sum_i L_i. Every derivative a claim
names is taken by central differences of L (or J) itself at random points (ReLU units kept away from the kink), and
each claim's right-hand side is evaluated AS WRITTEN -- its indices read by the summation convention the author
states (a repeated index summed), W^T_{1,jp} = W_{1,pj}, w_2 (.) J_1 a column-wise product. Index claims about W_1 are
checked with n = h (so an index slip gives wrong numbers, not only a shape that does not fit) and with n != h.
(a_2 - y) in the batch formulas is the author's ROW (z_2 = w_2^T A_1 + b_2 1_m is 1 x m), so a gradient of a vector
written as a row is compared by its values (`as_vector`); a matrix gradient must have W_1's own shape n x h.
A check holds exactly when MANIFEST.toml's verdict is correct. Run: python oracle_johnphilipp.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same, sigmoid

rng = np.random.default_rng(2502)


def relu(v):
    return np.maximum(v, 0.0)


def point(n, h, m=1):
    """A random net and batch with every hidden pre-activation at least 0.2 away from the kink (some on each side)."""
    while True:
        W1, b1, w2 = rng.normal(size=(n, h)), rng.normal(size=h), rng.normal(size=h)
        b2 = float(rng.normal())
        X, y = rng.normal(size=(n, m)), rng.integers(0, 2, size=m).astype(float)
        Z1 = W1.T @ X + b1[:, None]
        if np.abs(Z1).min() > 0.2 and (Z1 > 0).any() and (Z1 < 0).any():
            return W1, b1, w2, b2, X, y


def cost(W1, b1, w2, b2, X, y):
    a2 = sigmoid(w2 @ relu(W1.T @ X + b1[:, None]) + b2)
    return float(np.mean(-(y * np.log(a2) + (1 - y) * np.log(1 - a2))))


class Sample:
    """One sample's values and true derivatives (m = 1), names as the author's."""

    def __init__(self, n, h):
        W1, b1, w2, b2, X, y = point(n, h)
        self.n, self.h, self.W1, self.b1, self.w2, self.b2 = n, h, W1, b1, w2, b2
        self.x, self.y = X[:, 0], float(y[0])
        self.z1 = W1.T @ self.x + b1
        self.a1 = relu(self.z1)
        self.z2 = float(w2 @ self.a1 + b2)
        self.a2 = float(sigmoid(self.z2))
        self.j1 = (self.z1 > 0).astype(float)                 # the diagonal of the ReLU Jacobian
        self.J1 = np.diag(self.j1)
        x, y = self.x[:, None], np.array([self.y])
        self.dW1 = grad(lambda v: cost(v, b1, w2, b2, x, y), W1)
        self.db1 = grad(lambda v: cost(W1, v, w2, b2, x, y), b1)
        self.dw2 = grad(lambda v: cost(W1, b1, v, b2, x, y), w2)
        self.db2 = grad(lambda v: cost(W1, b1, w2, float(v[0]), x, y), np.array([b2]))[0]
        self.dz2 = grad(lambda v: float(-(self.y * np.log(sigmoid(v[0])) + (1 - self.y) * np.log(1 - sigmoid(v[0])))),
                        np.array([self.z2]))[0]
        # dz_{1,p}/dW_{1,kl}: T[p, k, l]
        self.dz1_dW1 = np.stack([grad(lambda v, p=p: float((v.T @ self.x + b1)[p]), W1) for p in range(h)])
        self.jac_r = grad_vec(relu, self.z1)                    # J[i, j] = dr_i/dz_j
        self.alpha = 0.1


def grad_vec(f, at):
    """[i, j] = d f_i / d at_j by central differences."""
    return np.array([grad(lambda v, i=i: float(f(v)[i]), at) for i in range(len(at))])


def delta(a, b):
    return np.eye(a, b)


SAMPLES = [Sample(3, 3), Sample(2, 4), Sample(4, 3)]


def every(check):
    return lambda: all(check(s) for s in SAMPLES)


def as_vector(p, q):
    """A vector's gradient written as a row: compared by its values."""
    return same(np.ravel(p), np.ravel(q))


def psi1(s):
    return (s.a2 - s.y) * (s.w2 * s.j1)


def tensor_from(s, entry):
    """The tensor [k, l] (W_1's shape n x h) of entry(k, l) as the claim writes it; an index outside its range does
    not fit (IndexError)."""
    return np.array([[entry(k, l) for l in range(s.h)] for k in range(s.n)])


# (dL/dW_1)_{kl} as chain rows write it; the einsum sums the repeated indices
def row_188(s):   # (dL/dz2 dz2/da1 da1/dz1 dz1/dW1)_{kl}: the chain of true Jacobians contracted
    return s.dz2 * np.einsum("i,ij,jkl->kl", s.w2, s.jac_r, s.dz1_dW1)


def rows_191_193(s):   # (a2 - y) w_{2,i} J_{1,ij} dz_{1,j}/dW_{1,kl}
    return (s.a2 - s.y) * np.einsum("i,ij,jkl->kl", s.w2, s.J1, s.dz1_dW1)


def row_194(s):   # (a2 - y) (w2 (.) j1)_p dz_{1,p}/dW_{1,kl}
    return (s.a2 - s.y) * np.einsum("p,pkl->kl", s.w2 * s.j1, s.dz1_dW1)


def dz_dW_as_W_x(s):
    """d/dW_{1,kl} (W_{1,pj} x_j): the author's reading of (W^T x)_p, i.e. (W x)_p: T[p, k, l] = delta_pk x_l."""
    return np.array([[[float(p == k) * s.x[l] for l in range(s.h)] for k in range(s.n)] for p in range(s.h)])


def true_dz_dW(s):
    return s.dz1_dW1


def claimed_dW1_index(s):   # (a2 - y)(w2 (.) j1)_k x_l, [k, l] over W_1's shape
    v = psi1(s)
    return tensor_from(s, lambda k, l: v[k] * s.x[l])


def cases_dW1(s):   # (a2 - y) w_{2,k} x_l if z_{1,k} > 0, else 0
    return tensor_from(s, lambda k, l: (s.a2 - s.y) * s.w2[k] * s.x[l] if s.z1[k] > 0 else 0.0)


class Batch:
    def __init__(self, n, h, m):
        W1, b1, w2, b2, X, y = point(n, h, m)
        self.W1, self.b1, self.w2, self.b2, self.X, self.y, self.m = W1, b1, w2, b2, X, y, m
        Z1 = W1.T @ X + b1[:, None]
        self.A1 = relu(Z1)
        self.a2 = sigmoid(w2 @ self.A1 + b2)                  # a row: 1 x m as the author computes it
        self.J1 = (Z1 > 0).astype(float)                      # columns j_1^(i)
        self.wJ = w2[:, None] * self.J1                       # w_2 (.) J_1, column by column
        self.ones = np.ones(m)
        self.dW1 = grad(lambda v: cost(v, b1, w2, b2, X, y), W1)
        self.db1 = grad(lambda v: cost(W1, v, w2, b2, X, y), b1)
        self.dw2 = grad(lambda v: cost(W1, b1, v, b2, X, y), w2)
        self.db2 = grad(lambda v: cost(W1, b1, w2, float(v[0]), X, y), np.array([b2]))[0]
        self.dW1_each = [grad(lambda v, i=i: cost(v, b1, w2, b2, X[:, i:i + 1], y[i:i + 1]), W1) for i in range(m)]

    def mean_sum(self, f):
        return sum(f(i) for i in range(self.m)) / self.m


BATCHES = [Batch(3, 4, 5), Batch(4, 3, 2)]


def batches(check):
    return lambda: all(check(B) for B in BATCHES)


def r_minus_y(B):
    return (B.a2 - B.y)[None, :]                              # the author's row a_2 - y


def dW1_sum_form(B):   # 1/m sum_i (a2_i - y_i)(w2 (.) j1^(i)) (x^(i))^T
    return B.mean_sum(lambda i: (B.a2[i] - B.y[i]) * np.outer(B.wJ[:, i], B.X[:, i]))


def dW1_matrix_form(B):   # 1/m X ((w2 (.) J1) diag(a2 - y))^T
    return B.X @ (B.wJ @ np.diag(B.a2 - B.y)).T / B.m


def lowers(s, k, direction, step=1e-4):
    """L after moving parameter k (W1, b1, w2, b2) by step * direction is below L at the point."""
    params = [s.W1, s.b1, s.w2, s.b2]
    moved = list(params)
    moved[k] = params[k] + step * direction
    x, y = s.x[:, None], np.array([s.y])
    return cost(*moved, x, y) < cost(*params, x, y)


def relu_jacobian_cases(s, slope):
    return same(s.jac_r, np.array([[slope(s.z1[i]) if i == j and s.z1[i] > 0 else 0.0 for j in range(s.h)]
                                   for i in range(s.h)]))


checks = {
    "line 69": every(lambda s: relu_jacobian_cases(s, lambda z: 1.0)),
    "w_dot_j": every(lambda s: same(grad(lambda v: float(s.w2 @ relu(v)), s.z1), s.w2 @ s.jac_r)
                     and same(s.w2 @ s.jac_r, np.where(s.z1 > 0, s.w2, 0.0))),
    # W_{1,N+1} = W_{1,N} - alpha dL/dW_1, ...: a small step along minus the gradient lowers L (a descent step)
    "line 174.1": every(lambda s: lowers(s, 0, -s.dW1)),
    "line 175.2": every(lambda s: lowers(s, 1, -s.db1)),
    "line 176.3": every(lambda s: lowers(s, 2, -s.dw2)),
    "line 177.4": every(lambda s: lowers(s, 3, -s.db2)),
    "dLdz2": every(lambda s: np.isclose(s.dz2, s.a2 - s.y)),
    "derivation_dLdW1": every(lambda s: same(row_188(s), s.dW1) and same(row_188(s), rows_191_193(s))),
    "line 191.2": every(lambda s: same(rows_191_193(s), s.dW1)),
    "line 194.3": every(lambda s: same(row_194(s), s.dW1)),
    "line 200.1": every(lambda s: same(dz_dW_as_W_x(s), true_dz_dW(s))),          # the chain reaches W_{pj} x_j
    "line 201.2": every(lambda s: same(true_dz_dW(s), s.dz1_dW1)),                  # d/dW (W^T x + b)_p, as defined
    "line 202.3": every(lambda s: same(dz_dW_as_W_x(s), true_dz_dW(s))),            # W^T_{1,jp} x_j for W^T_{1,pj} x_j
    "line 203.4": every(lambda s: same(dz_dW_as_W_x(s), true_dz_dW(s))),
    "line 204.5": every(lambda s: same(dz_dW_as_W_x(s), true_dz_dW(s))),
    "line 205.2": every(lambda s: same(dz_dW_as_W_x(s), true_dz_dW(s))),            # delta_pk delta_jl x_j
    "line 205.6": every(lambda s: same(dz_dW_as_W_x(s), true_dz_dW(s))),
    "line 206.7": every(lambda s: same(dz_dW_as_W_x(s), true_dz_dW(s))),            # delta_pk x_l
    "line 211": every(lambda s: same(claimed_dW1_index(s), s.dW1)),
    "line 211.1": every(lambda s: same(claimed_dW1_index(s), s.dW1)),               # (w2 (.) j1)_p delta_pk x_l
    "line 212.2": every(lambda s: same(claimed_dW1_index(s), s.dW1)),
    "line 213.3": every(lambda s: same(cases_dW1(s), s.dW1)),
    "dLdW1": every(lambda s: same((s.a2 - s.y) * np.outer(s.w2 * s.j1, s.x), s.dW1)),
    "line 221.1": every(lambda s: same((s.a2 - s.y) * np.outer(s.w2 * s.j1, s.x), s.dW1)),
    "line 223.2": every(lambda s: same(np.outer(psi1(s), s.x), s.dW1)),
    "line 234.1": every(lambda s: as_vector(s.dz2 * s.w2 @ s.jac_r @ np.eye(s.h), s.db1)),
    "line 235.2": every(lambda s: as_vector(psi1(s) @ np.eye(s.h), s.db1)),
    "line 236.3": every(lambda s: as_vector(psi1(s), s.db1)),
    "line 241.1": every(lambda s: same(s.dz2 * s.a1, s.dw2)),                      # (dL/dz2 dz2/dw2)_i = dL/dz2 dz2/dw_{2,i}
    "line 242.2": every(lambda s: same(s.dz2 * s.a1, s.dw2)),
    "line 243.2": every(lambda s: same((s.a2 - s.y) * s.a1, s.dw2)),
    "line 243.3": every(lambda s: same((s.a2 - s.y) * s.a1, s.dw2)),
    "line 244.3": every(lambda s: same((s.a2 - s.y) * np.eye(s.h) @ s.a1, s.dw2)),  # ... delta_ij a_{1,j} = a_{1,i}
    "dLdw2": every(lambda s: same((s.a2 - s.y) * s.a1, s.dw2)),
    "line 259": every(lambda s: np.isclose(s.dz2 * 1.0, s.db2) and np.isclose(s.a2 - s.y, s.db2)),
    # the single-sample steps: W_{1,N} - alpha psi_1 x^T against W_{1,N} - alpha dL/dW_1
    "line 264.1": every(lambda s: same(s.W1 - s.alpha * np.outer(psi1(s), s.x), s.W1 - s.alpha * s.dW1)),
    "line 265.2": every(lambda s: same(s.b1 - s.alpha * psi1(s), s.b1 - s.alpha * s.db1)),
    "line 266.3": every(lambda s: same(s.w2 - s.alpha * (s.a2 - s.y) * s.a1, s.w2 - s.alpha * s.dw2)),
    "line 267.4": every(lambda s: np.isclose(s.b2 - s.alpha * (s.a2 - s.y), s.b2 - s.alpha * s.db2)),
    "line 324": batches(lambda B: same(dW1_sum_form(B), B.dW1) and same(dW1_matrix_form(B), B.dW1)),
    "line 324.1": batches(lambda B: same(B.mean_sum(lambda i: B.dW1_each[i]), B.dW1)),   # 1/m sum_i dL_i/dW_1
    "line 325.2": batches(lambda B: same(dW1_sum_form(B), B.dW1)),
    "line 326.3": batches(lambda B: same(dW1_matrix_form(B), B.dW1)),
    "line 332": batches(lambda B: same(B.mean_sum(lambda i: (B.a2[i] - B.y[i]) * B.wJ[:, i]), B.db1)),
    "line 350": batches(lambda B: as_vector(r_minus_y(B) @ B.wJ.T / B.m, B.db1)),
    "line 355": batches(lambda B: same(B.mean_sum(lambda i: (B.a2[i] - B.y[i]) * B.A1[:, i]), B.dw2)
                        and as_vector(r_minus_y(B) @ B.A1.T / B.m, B.dw2)),
    "line 373": batches(lambda B: np.isclose(B.mean_sum(lambda i: B.a2[i] - B.y[i]), B.db2)
                        and np.isclose(float(np.dot(B.a2 - B.y, B.ones)) / B.m, B.db2)),
    "line 380.1": batches(lambda B: same(dW1_matrix_form(B), B.dW1)),
    "line 381.2": batches(lambda B: as_vector(r_minus_y(B) @ B.wJ.T / B.m, B.db1)),
    "line 382.3": batches(lambda B: as_vector(r_minus_y(B) @ B.A1.T / B.m, B.dw2)),
    "line 383.4": batches(lambda B: np.isclose(float(np.dot(B.a2 - B.y, B.ones)) / B.m, B.db2)),
}
planted = {
    "line 69": every(lambda s: relu_jacobian_cases(s, lambda z: z)),
    "dLdz2": every(lambda s: np.isclose(s.dz2, s.y - s.a2)),
    "dLdw2": every(lambda s: same((s.a2 - s.y) * s.a2 * (1 - s.a2) * s.a1, s.dw2)),
    "line 266.3": every(lambda s: same(s.w2 + s.alpha * (s.a2 - s.y) * s.a1, s.w2 - s.alpha * s.dw2)),
    "line 350": batches(lambda B: as_vector(r_minus_y(B) @ B.wJ.T, B.db1)),
    "line 355": batches(lambda B: same(B.mean_sum(lambda i: (B.a2[i] - B.y[i]) * B.A1[:, 0]), B.dw2)),
    "line 383.4": batches(lambda B: same((B.a2 - B.y) / B.m, B.db2)),
}
confirm("johnphilipp_nn_relu.tex", "johnphilipp_nn_relu_planted.tex", checks, planted)
print("OK")
