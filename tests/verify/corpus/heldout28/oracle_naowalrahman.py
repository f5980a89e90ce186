"""Independent NumPy oracle for naowalrahman_backprop.md (Naowal Rahman's notes for his from-scratch network) and
its planted copy: column vectors, z^l = W^l a^{l-1} + b^l (W^l is n_l x n_{l-1}), a^l = sigma(z^l) (logistic), a
loss L of the last activation (here 1/2 ||a^L - y||^2 on a 4-3-2 net: layer l = 1, l + 1 = 2).

The chain of line 27 is checked as a contraction of numerical Jacobians (dL/da^l, da^l/dz^l, dz^l/dW^l: [i, p, q]);
delta^l = dL/dz^l by central differences; the boxed delta^{l+1} (W^{l+1})^T tried in both layouts (delta a column
or a row): neither product fits a 2-vector and a 3 x 2 matrix in that order, so the claim does not hold.
A check holds exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_naowalrahman.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid

rng = np.random.default_rng(2806)


class Net:
    def __init__(self):
        self.W1, self.b1 = rng.normal(size=(3, 4)), rng.normal(size=3)
        self.W2, self.b2 = rng.normal(size=(2, 3)), rng.normal(size=2)
        self.x, self.y = rng.normal(size=4), rng.normal(size=2)
        self.z1 = self.W1 @ self.x + self.b1
        self.a1 = sigmoid(self.z1)
        self.z2 = self.W2 @ self.a1 + self.b2
        self.d2 = grad(lambda v: self.Lz2(v), self.z2)                     # delta^{l+1}
        self.d1 = grad(lambda v: self.Lz2(self.W2 @ sigmoid(v) + self.b2), self.z1)   # delta^l
        self.dLda1 = grad(lambda v: self.Lz2(self.W2 @ v + self.b2), self.a1)
        self.GW1 = grad(lambda v: self.Lz2(self.W2 @ sigmoid(v @ self.x + self.b1) + self.b2), self.W1)
        self.Jaz = jacobian(sigmoid, self.z1)                              # da^l/dz^l (diagonal)
        self.Jzw = np.einsum("ip,q->ipq", np.eye(3), self.x)               # dz^l_i / dW^l_pq

    def Lz2(self, z2):
        return float(0.5 * np.sum((sigmoid(z2) - self.y) ** 2))


nets = [Net() for _ in range(3)]
every = lambda check: lambda: all(bool(check(n)) for n in nets)


def boxed(n):
    """delta^{l+1} (W^{l+1})^T times the activation's derivative, in either layout."""
    col = lambda: (n.d2[:, None] @ n.W2.T) @ n.Jaz                        # delta a column (2 x 1)(3 x 2): fails
    row = lambda: (n.d2[None, :] @ n.W2.T) @ n.Jaz                        # delta a row (1 x 2)(3 x 2): fails
    for f in (col, row):
        try:
            if same(np.ravel(f()), n.d1):
                return True
        except ValueError:
            pass
    return False


checks = {
    "line 27": every(lambda n: same(np.einsum("i,ij,jpq->pq", n.dLda1, n.Jaz, n.Jzw), n.GW1)),
    "line 31": every(lambda n: same(n.dLda1 @ n.Jaz, n.d1) and same((n.d2 @ n.W2) @ n.Jaz, n.d1) and boxed(n)),
    "line 35": every(lambda n: same(np.einsum("j,jpq->pq", n.d1, n.Jzw), n.GW1) and same(np.outer(n.d1, n.x), n.GW1)),
}
planted = {
    "line 27": every(lambda n: same(np.einsum("i,ij,jpq->pq", n.dLda1, np.linalg.inv(n.Jaz), n.Jzw), n.GW1)),
    "line 35": every(lambda n: same(np.einsum("j,jpq->pq", n.d1, n.Jzw), n.GW1) and same(np.outer(n.d1, n.a1), n.GW1)),
}
confirm("naowalrahman_backprop.md", "naowalrahman_backprop_planted.md", checks, planted)
print("OK")
