"""Independent NumPy oracle for anudeep_cs760_hw4.tex (a student's CS 760 homework: yhat = g(W_3 sigma(W_2 sigma(W_1
x))), sigmoid hidden layers, softmax g, L = -sum y log yhat, y one-hot) and its planted copy.

Random x, W_1 (d1 x d), W_2 (d2 x d1), W_3 (k x d2) with d = 4, d1 = 3, d2 = 2, k = 3 (d1 != d2, so a product whose
shapes do not fit is an error, and false); every derivative by central differences (of L, of yhat, of u = sigma(W_2 t)
as functions of W_3 or of z = W_3 u taken as free) and compared with each line's right-hand side entry by entry: z in
line 57 is z_j, in lines 71-92 the component z_i; line 113's (yhat_i - y_i) sigma(A1) is the entry (i, j). A check
holds exactly when MANIFEST.toml's verdict is correct.
Run: python oracle_anudeep.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, jacobian, same, sigmoid

rng = np.random.default_rng(2610)
d, d1, d2, k = 4, 3, 2, 3
x = rng.normal(size=d)
W1, W2, W3 = rng.normal(size=(d1, d)), rng.normal(size=(d2, d1)), rng.normal(size=(k, d2))
y = np.eye(k)[1]


def softmax(v):
    e = np.exp(v - v.max())
    return e / e.sum()


def L_of_z(z):
    return float(-np.sum(y * np.log(softmax(z))))


t = sigmoid(W1 @ x)
A1 = W2 @ t
u = sigmoid(A1)
z = W3 @ u
yhat = softmax(z)
A2 = t
ex = np.exp(z)
dL_dz = grad(L_of_z, z)
J = jacobian(softmax, z)                                     # [i, j] = d yhat_i / d z_j
dyhat_dW3 = np.array([grad(lambda W, i=i: float(softmax(W @ u)[i]), W3) for i in range(k)])   # [i, m, j]
dW3 = grad(lambda W: L_of_z(W @ u), W3)
dW2 = grad(lambda W: L_of_z(W3 @ sigmoid(W @ t)), W2)
dW1 = grad(lambda W: L_of_z(W3 @ sigmoid(W2 @ sigmoid(W @ x))), W1)
dL_du = grad(lambda v: L_of_z(W3 @ v), u)
du_dW3 = grad(lambda W: float(np.sum(sigmoid(W2 @ t))), W3)  # u does not depend on W_3: zeros
s2, s1 = u * (1 - u), t * (1 - t)
L = L_of_z(z)


def rows(f):
    return all(f(i) for i in range(k))


hidden2 = lambda: any(same(dW2, (yhat[i] - y[i]) * W3 * s2 * A2) for i in range(k))
hidden1 = lambda: any(same(dW1, (yhat[i] - y[i]) * W3 * s2 * W2 * s1 * x) for i in range(k))
checks = {
    "line 23": lambda: same(u, sigmoid(np.array([W2[i, : d1 - 1] @ t[: d1 - 1] + W1[i, d1 - 1] * t[d1 - 1] for i in range(d2)]))),
    "line 39": lambda: rows(lambda i: all(same(dyhat_dW3[i, i, j], ex[i] / ex.sum() * u[j] - (ex[i] / ex.sum()) ** 2 * u[j])
                                          for j in range(d2))),
    "line 43": lambda: rows(lambda i: all(same(dyhat_dW3[i, i, j], yhat[i] * u[j] * (1 - yhat[i] * u[j])) for j in range(d2))),
    "line 47": lambda: rows(lambda i: all(same(dyhat_dW3[i, m, j], 0 - ex[i] / ex.sum() ** 2 * ex[m] * u[j])
                                          for m in range(k) if m != i for j in range(d2))),
    "line 50": lambda: rows(lambda i: all(same(dyhat_dW3[i, m, j], 0 - ex[i] / ex.sum() * ex[m] / ex.sum() * u[j])
                                          for m in range(k) if m != i for j in range(d2))),
    "line 53": lambda: rows(lambda i: all(same(dyhat_dW3[i, m, j], -yhat[i] * yhat[m] * u[j])
                                          for m in range(k) if m != i for j in range(d2))),
    "line 57": lambda: same(J, np.array([[yhat[i] * (1 - yhat[i]) if i == j else -yhat[i] * yhat[j] for j in range(k)] for i in range(k)])),
    "line 71": lambda: same(dL_dz, grad(lambda v: float(np.sum(y * np.log(softmax(v)))), z)),
    "line 78": lambda: rows(lambda i: same(dL_dz[i], -y[i] / yhat[i] * yhat[i] * (1 - yhat[i])
                                           + sum(y[j] / yhat[j] * yhat[j] * yhat[i] for j in range(k) if j != i))),
    "line 82": lambda: rows(lambda i: same(dL_dz[i], -y[i] + y[i] * yhat[i] + sum(y[j] * yhat[i] for j in range(k) if j != i))),
    "line 86": lambda: rows(lambda i: same(dL_dz[i], -y[i] + yhat[i] * (sum(y[j] for j in range(k) if j != i) + y[i]))),
    "line 92": lambda: same(dL_dz, yhat - y),
    "line 98": lambda: same(grad(lambda v: float(np.sum(sigmoid(v))), A1), sigmoid(A1) * (1 - sigmoid(A1))),
    "line 102": lambda: same(dW3, np.tensordot(dL_du, np.zeros((d2, k, d2)), axes=1)) and same(du_dW3, np.zeros((k, d2))),
    "line 113": lambda: same(dW3, np.outer(yhat - y, sigmoid(A1))),
    "line 121": lambda: same(np.array(L), softmax(W3 @ sigmoid(W2 @ A2))),
    "line 124": hidden2,
    "line 128": hidden2,
    "line 134": lambda: same(np.array(L), softmax(W3 @ sigmoid(W2 @ sigmoid(W1 @ x)))),
    "line 137": hidden1,
    "line 142": hidden1,
    "line 146": hidden1,
}
planted = {
    "line 53": lambda: rows(lambda i: all(same(dyhat_dW3[i, m, j], yhat[i] * yhat[m] * u[j])
                                          for m in range(k) if m != i for j in range(d2))),
    "line 92": lambda: same(dL_dz, y - yhat),
    "line 98": lambda: same(grad(lambda v: float(np.sum(sigmoid(v))), A1), sigmoid(A1)),
    "line 113": lambda: same(dW3, np.outer(yhat - y, A1)),
}
confirm("anudeep_cs760_hw4.tex", "anudeep_cs760_hw4_planted.tex", checks, planted)
# what the hidden layers' gradients are: the output error through W_3^T, summed over the outputs
assert same(dW2, np.outer((W3.T @ (yhat - y)) * s2, t)) and same(dW1, np.outer((W2.T @ ((W3.T @ (yhat - y)) * s2)) * s1, x))
print("OK")
