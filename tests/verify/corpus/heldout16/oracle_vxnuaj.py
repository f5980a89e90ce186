"""Independent NumPy oracle for vxnuaj_residuals.md / vxnuaj_residuals_planted.md (a learner's post on residual
connections).

The post's network on width 3 with positive weights and inputs (every ReLU active, so the ReLU slopes are the identity
and only the structure of the chains is judged): x_2 = ReLU(F_1 x_1), x_3 = ReLU(F_2 x_2 + x_1), x_4 = ReLU(F_3 x_3),
x_5 = ReLU(F_4 x_4 + x_3), F_l(x) = W_l x + b_l, L = -sum p log x_5. Row gradients and Jacobians by central
differences, each partial with the other variables held as the chain writes them; He et al.'s scaled chains
x_{i+1} = lambda_i x_i + F(x_i) checked with F = 0 and with a random F. Prints OK when every verdict of MANIFEST.toml
holds. Run: python oracle_vxnuaj.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same

rng = np.random.default_rng(1607)
d = 3
W = [rng.uniform(0.1, 0.6, size=(d, d)) for _ in range(4)]
b = [rng.uniform(0.0, 0.3, size=d) for _ in range(4)]
F = [lambda v, k=k: W[k] @ v + b[k] for k in range(4)]
relu = lambda v: np.maximum(v, 0.0)  # noqa: E731
p = np.array([0.2, 0.5, 0.3])
x1 = rng.uniform(0.2, 1.0, size=d)
x2 = relu(F[0](x1))
x3 = relu(F[1](x2) + x1)
x4 = relu(F[2](x3))
x5 = relu(F[3](x4) + x3)
Lx5 = lambda v: float(-(p * np.log(v)).sum())  # noqa: E731
# the loss from each point on, everything downstream recomputed
from_x4 = lambda v, x3_=x3: Lx5(relu(F[3](v) + x3_))  # noqa: E731
from_x3 = lambda v: Lx5(relu(F[3](relu(F[2](v))) + v))  # noqa: E731
from_x2 = lambda v: from_x3(relu(F[1](v) + x1))  # noqa: E731
from_x1 = lambda v: from_x3(relu(F[1](relu(F[0](v))) + v))  # noqa: E731  (x_1 feeds F_1 and the skip)
g5, g4, g3, g2, g1 = grad(Lx5, x5), grad(from_x4, x4), grad(from_x3, x3), grad(from_x2, x2), grad(from_x1, x1)
J54 = jacobian(lambda v: relu(F[3](v) + x3), x4)          # dx_5/dx_4
J53d = jacobian(lambda v: relu(F[3](x4) + v), x3)         # dx_5/dx_3, direct (the skip)
J43 = jacobian(lambda v: relu(F[2](v)), x3)
J32 = jacobian(lambda v: relu(F[1](v) + x1), x2)
J31d = jacobian(lambda v: relu(F[1](x2) + v), x1)         # dx_3/dx_1, direct (the skip)
J21 = jacobian(lambda v: relu(F[0](v)), x1)
dF4_dx3 = jacobian(lambda v: F[3](relu(F[2](v))), x3)     # dF_4(x_4)/dx_3 through x_4
dF2_dx1 = jacobian(lambda v: F[1](relu(F[0](v))), x1)
I = np.eye(d)


def chain(lam, Fs, x0):
    """x_{i+1} = lam_i x_i + F_i(x_i); returns every x_i (x0 first)."""
    xs = [x0]
    for li, f in zip(lam, Fs, strict=True):
        xs.append(li * xs[-1] + f(xs[-1]))
    return xs


lam = np.array([0.7, 1.3, 0.9, 1.1, 0.8])                # lambda_1 .. lambda_5 (index i-1)
zeroF = [lambda v: 0 * v] * 5
Fr = [lambda v, k=k: 0.1 * np.tanh(W[k % 4] @ v) for k in range(5)]
l, Lidx = 2, 5                                           # x_l = x_2, x_L = x_5 (1-based)
dxL_dxl_0 = jacobian(lambda v: chain(lam[l - 1:Lidx - 1], zeroF[l - 1:Lidx - 1], v)[-1], x1)
xs1 = chain(np.ones(5), Fr, x1)                          # the unscaled residual chain from x_1

checks = {
    "line 41.1": lambda: same(g5, x5 - p),
    "line 43.2": lambda: same(g4, g5 @ J54),
    "∂2": lambda: same(g3, g5 @ J54 @ J43 + g5 @ J53d) and same(g3, g5 @ J54 @ J43 + g5 @ (dF4_dx3 + I)),
    "line 55": lambda: same(g2, g5 @ J54 @ J43 @ J32),
    "∂1": lambda: same(g1, g5 @ J54 @ J43 @ J32 @ J21 + g5 @ J54 @ J43 @ J31d)
    and same(g1, g5 @ J54 @ J43 @ J32 @ J21 + g3 @ (dF2_dx1 + I)),
    "line 66.1": lambda: same(g5 @ J53d, g5 @ (dF4_dx3 + I)),
    "line 70.3": lambda: same(g5 @ J54 @ J43 @ J31d, g3 @ (dF2_dx1 + I)),
    # y = F_{l+1}(x_{l+1}) + x_l with x_{l+1} = ReLU(F_l x_l): dy/dx_l = dF_{l+1}(x_{l+1})/dx_l + I
    "line 83": lambda: same(jacobian(lambda v: F[1](relu(F[0](v))) + v, x1), dF2_dx1 + I),
    "line 110": lambda: same(xs1[4], xs1[1] + sum(Fr[i](xs1[i]) for i in range(1, 5))),
    "line 116": lambda: same(dxL_dxl_0, np.prod(lam[0:Lidx - 1]) * I),
    "line 122": lambda: same(dxL_dxl_0, np.prod(lam[l - 1:Lidx]) * I),
}
# the reference forms the post's limits are judged against (He et al.): the sum to L - 1, the product from l to L - 1
assert same(xs1[4], xs1[1] + sum(Fr[i](xs1[i]) for i in range(1, 4)))
assert same(dxL_dxl_0, np.prod(lam[l - 1:Lidx - 1]) * I)
planted = {
    "line 43.2": lambda: same(g4, g5 @ np.linalg.inv(J54)),
    "line 83": lambda: same(jacobian(lambda v: F[1](relu(F[0](v))) + v, x1), dF2_dx1),
}
confirm("vxnuaj_residuals.md", "vxnuaj_residuals_planted.md", checks, planted)
print("OK")
