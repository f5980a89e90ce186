"""Independent NumPy oracle for krasing_gradients.ipynb / krasing_gradients_planted.ipynb (krasing's fastai-style
notebook on the gradients of a linear layer).

The notebook's setting (krasing_gradients.spec.toml): first the scalar case y = w x + b with L = f(y) (f a squared
error here; the chain rule holds for any f), then row vectors y = x W + b (x 1 x m, W m x h) with L = f(y) a mean
squared error; v.g = dL/dv. Every derivative is a central difference; the Jacobian dy/dx has the outputs as rows (the
notebook's 2 x 4 example). Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_krasing.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(46)
# the scalar case
w0, x0, b0, t0 = 0.7, -1.3, 0.2, 0.4
f = lambda y: (y - t0) ** 2  # noqa: E731  any f
ys = lambda w=w0, x=x0, b=b0: w * x + b  # noqa: E731
d = lambda fun, at: float(grad(lambda v: float(fun(v[0])), np.array([at]))[0])  # noqa: E731
dy_dx, dy_dw, dy_db = d(lambda v: ys(x=v), x0), d(lambda v: ys(w=v), w0), d(lambda v: ys(b=v), b0)
dL_dy = d(f, ys())
dL_dx, dL_dw, dL_db = d(lambda v: f(ys(x=v)), x0), d(lambda v: f(ys(w=v)), w0), d(lambda v: f(ys(b=v)), b0)
# row vectors
m, h = 3, 2
x, W, b, t = rng.normal(size=(1, m)), rng.normal(size=(m, h)), rng.normal(size=(1, h)), rng.normal(size=(1, h))
lin = lambda x=x, W=W, b=b: x @ W + b  # noqa: E731
mse = lambda y: float(np.mean((y - t) ** 2))  # noqa: E731
y = lin()
yg = grad(mse, y)
xg, Wg, bg = grad(lambda v: mse(lin(x=v)), x), grad(lambda v: mse(lin(W=v)), W), grad(lambda v: mse(lin(b=v)), b)
J = np.array([grad(lambda v, j=j: float(lin(x=v)[0, j]), x)[0] for j in range(h)])  # [output j, input i]

checks = {
    "line 1": lambda: np.isclose(ys(), w0 * x0 + b0),
    "line 3": lambda: np.allclose([dy_dx, dy_dw, dy_db], [w0, x0, 1]),
    "line 11": lambda: np.allclose([dL_dx, dL_dy * dy_dx], dL_dy * w0),
    "line 12": lambda: np.allclose([dL_dw, dL_dy * dy_dw], dL_dy * x0),
    "line 13": lambda: np.allclose([dL_db, dL_dy * dy_db], dL_dy * 1),
    "line 36": lambda: same(J, W.T),
    "line 40": lambda: same(y, x @ W + b),
    "line 56": lambda: all(same(v, xg) for v in (yg @ J, yg @ W.T)),
    "line 58": lambda: same(bg, yg),
    "line 60": lambda: all(same(v, Wg) for v in ((yg.T @ x).T, x.T @ yg)),  # dy/dW read as x (the cell above)
}
planted = {
    "line 3": lambda: np.allclose([dy_dx, dy_dw, dy_db], [w0, w0, 1]),
    "line 12": lambda: np.allclose([dL_dw, dL_dy * dy_dw], dL_dy * w0),
    "line 36": lambda: same(J, W),
    "line 56": lambda: same(xg, yg @ W),
    "line 60": lambda: same(Wg, yg @ x.T),
}
confirm("krasing_gradients.ipynb", "krasing_gradients_planted.ipynb", checks, planted)
print("OK")
