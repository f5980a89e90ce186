"""Independent NumPy oracle for nafiz_numeric.md / nafiz_numeric_planted.md (Ahammad Nafiz's "Backprop by Hand", the
step-by-step numeric example).

The post's network (nafiz_numeric.spec.toml): X = (1, 4, 7) as a column, Z[l] = W[l]A[l-1] + b[l] with the post's
3 x 3 weights and zero biases, ReLU in layers 1-3, softmax in layer 4, Y = (1, 0, 0), one example (m = 1); the loss is
the cross-entropy J = -sum_k Y_k log A[4]_k (the general template's dZ[L] = A[L] - Y). dZ[l] (Ng's shorthand) is dJ/dZ[l],
a central difference of J. The author's numbers (4-5 digits) are accepted within 1 % or 5e-4 of the exact value
(close). The backward pass starts from the author's "A[4] = Z[4]" (wrong: A[4] is the softmax), so the values after it
are judged as carried forward: the right rule applied to the author's own earlier numbers (carried), and different from
the exact value. Prints OK when every verdict of MANIFEST.toml holds.
Run: python oracle_nafiz_numeric.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

col = lambda *v: np.array(v, float).reshape(-1, 1)  # noqa: E731
M = lambda rows: np.array(rows, float)  # noqa: E731
X, Y = col(1, 4, 7), col(1, 0, 0)
W = {
    1: M([[0.2, -0.1, 0.4], [0.5, 0.3, -0.6], [-0.2, 0.1, 0.3]]),
    2: M([[0.1, -0.2, 0.5], [0.4, 0.1, -0.3], [-0.1, 0.3, 0.2]]),
    3: M([[0.3, 0.1, -0.4], [0.2, -0.5, 0.6], [-0.3, 0.2, 0.4]]),
    4: M([[0.2, -0.1, 0.5], [0.4, 0.1, -0.3], [-0.2, 0.3, 0.2]]),
}
b = {k: np.zeros((3, 1)) for k in W}
relu = lambda v: np.maximum(v, 0)  # noqa: E731
softmax = lambda v: np.exp(v) / np.sum(np.exp(v))  # noqa: E731


def forward(W=W, b=b, upto=4, start=None, at=1):
    A = X if start is None else start
    for k in range(at, upto + 1):
        Z = W[k] @ A + b[k]
        A = softmax(Z) if k == 4 else relu(Z)
    return A


def J_from(level, Z):
    """J as a function of Z[level] (the rest of the network fixed)."""
    A = softmax(Z) if level == 4 else relu(Z)
    return float(-np.sum(Y * np.log(forward(start=A, at=level + 1) if level < 4 else A)))


Z, A = {}, {0: X}
for k in range(1, 5):
    Z[k] = W[k] @ A[k - 1] + b[k]
    A[k] = softmax(Z[k]) if k == 4 else relu(Z[k])
dZ = {k: grad(lambda v, k=k: J_from(k, v), Z[k]) for k in range(1, 5)}
dW = {k: grad(lambda v, k=k: float(-np.sum(Y * np.log(forward(W={**W, k: v})))), W[k]) for k in range(1, 5)}
db = {k: grad(lambda v, k=k: float(-np.sum(Y * np.log(forward(b={**b, k: v})))), b[k]) for k in range(1, 5)}
close = lambda p, q: np.shape(p) == np.shape(q) and bool(np.all(np.abs(np.asarray(p) - q) <= np.maximum(5e-4, 0.01 * np.abs(q))))  # noqa: E731
num = lambda lhs, rhs: abs(lhs - rhs) <= max(5e-4, 0.01 * abs(rhs))  # noqa: E731


def carried(claimed, from_author, exact):
    """Carried forward: the right rule on the author's earlier numbers, and not the exact value."""
    return close(claimed, from_author) and not close(claimed, exact)


# the author's own numbers, as printed
Z1a, A1a, Z2a, A2a, Z3a, A3a, Z4a = (
    col(2.6, -2.5, 2.3),
    col(2.6, 0, 2.3),
    col(1.41, 0.35, 0.20),
    col(1.41, 0.35, 0.20),
    col(0.378, 0.227, -0.273),
    col(0.378, 0.227, 0),
    col(0.0529, 0.1739, -0.0075),
)
e4 = col(1.0543, 1.1904, 0.9925)
A4a = col(0.3252, 0.3685, 0.3063)
dZ4a = col(-0.9471, 0.1739, -0.0075)  # Z[4] - Y: the author's "A[4] = Z[4]"
WT4dZ4a, dZ3a = col(-0.11836, 0.10985, -0.99612), col(-0.11836, 0.10985, 0)
dW4a = M([[-0.3576, -0.2144, 0], [0.0657, 0.0395, 0], [0.0014, 0.0008, 0]])
dW3a = M([[-0.16738, -0.04149, -0.02367], [0.15576, 0.03849, 0.02197], [0, 0, 0]])
WT3dZ3a = dZ2a = col(-0.01354, -0.06677, 0.53935)
dW2a = M([[-0.03519, 0, -0.03111], [0.17335, 0, 0.13535], [0.37574, 0, 0.20557]])
WT2dZ2a, dZ1a = col(-0.081997, 0.157836, 0.121131), col(-0.081997, 0, 0.121131)
dW1a = M([[-0.081997, -0.327988, -0.57392], [0, 0, 0], [0.121131, 0.484524, 0.847917]])
g = lambda Zk: (Zk > 0).astype(float)  # noqa: E731
alpha = 0.1
step = lambda P, dP, sign=-1: P + sign * alpha * dP  # noqa: E731
checks = {
    "line 187": lambda: same(Z[1], W[1] @ X + b[1]),
    "line 193": lambda: same(Z[1], W[1] @ col(1, 4, 7) + np.zeros((3, 1))),
    "line 211": lambda: same(Z[1], col(0.2 * 1 - 0.1 * 4 + 0.4 * 7, 0.5 * 1 + 0.3 * 4 - 0.6 * 7, -0.2 * 1 + 0.1 * 4 + 0.3 * 7)),
    "line 219": lambda: num(0.2 - 0.4 + 2.8, 2.6),
    "line 220": lambda: num(0.5 + 1.2 - 4.2, -2.5),
    "line 221": lambda: num(-0.2 + 0.4 + 2.1, 2.3),
    "line 226": lambda: close(Z1a, Z[1]),
    "line 238": lambda: close(A1a, relu(Z[1])) and close(relu(Z1a), A[1]),
    "line 253": lambda: same(Z[2], W[2] @ A[1] + b[2]),
    "line 259": lambda: close(W[2] @ A1a, Z[2]),
    "line 277": lambda: close(
        col(0.1 * 2.6 - 0.2 * 0 + 0.5 * 2.3, 0.4 * 2.6 + 0.1 * 0 - 0.3 * 2.3, -0.1 * 2.6 + 0.3 * 0 + 0.2 * 2.3), Z[2]
    ),
    "line 285": lambda: num(0.26 + 0 + 1.15, 1.41),
    "line 286": lambda: num(1.04 + 0 - 0.69, 0.35),
    "line 287": lambda: num(-0.26 + 0 + 0.46, 0.20),
    "line 292": lambda: close(Z2a, Z[2]),
    "line 304": lambda: close(A2a, A[2]),
    "line 319": lambda: same(Z[3], W[3] @ A[2] + b[3]),
    "line 325": lambda: close(W[3] @ A2a, Z[3]),
    "line 343": lambda: close(
        col(0.3 * 1.41 + 0.1 * 0.35 - 0.4 * 0.2, 0.2 * 1.41 - 0.5 * 0.35 + 0.6 * 0.2, -0.3 * 1.41 + 0.2 * 0.35 + 0.4 * 0.2), Z[3]
    ),
    "line 351": lambda: num(0.423 + 0.035 - 0.08, 0.378),
    "line 352": lambda: num(0.282 - 0.175 + 0.12, 0.227),
    "line 353": lambda: num(-0.423 + 0.07 + 0.08, -0.273),
    "line 358": lambda: close(Z3a, Z[3]),
    "line 369": lambda: close(A3a, A[3]),
    "line 383": lambda: same(Z[4], W[4] @ A[3] + b[4]),
    "line 389": lambda: close(W[4] @ A3a, Z[4]),
    "line 407": lambda: close(col(0.2 * 0.378 - 0.1 * 0.227, 0.4 * 0.378 + 0.1 * 0.227, -0.2 * 0.378 + 0.3 * 0.227), Z[4]),
    "line 415": lambda: num(0.0756 - 0.0227 + 0, 0.0529),
    "line 416": lambda: num(0.1512 + 0.0227 + 0, 0.1739),
    "line 417": lambda: num(-0.0756 + 0.0681 + 0, -0.0075),
    "line 422": lambda: close(Z4a, Z[4]),
    "line 437": lambda: close(np.exp(Z4a), np.exp(Z[4])),
    "line 446": lambda: num(1.0543, np.exp(0.0529)),
    "line 447": lambda: num(1.1904, np.exp(0.1739)),
    "line 448": lambda: num(0.9925, np.exp(-0.0075)),
    "line 453": lambda: close(e4, np.exp(Z[4])),
    "line 466": lambda: num(1.0543 + 1.1904 + 0.9925, 3.2372) and num(3.2372, float(np.sum(np.exp(Z[4])))),
    "line 475": lambda: close(e4 / 3.2372, A[4]),
    "line 486": lambda: close(e4 / 3.2372, A[4]),
    "line 495": lambda: num(0.3252, 1.0543 / 3.2372) and num(0.3252, A[4][0, 0]),
    "line 496": lambda: num(0.3685, 1.1904 / 3.2372) and num(0.3685, A[4][1, 0]),
    "line 497": lambda: num(0.3063, 0.9925 / 3.2372) and num(0.3063, A[4][2, 0]),
    "line 587": lambda: same(dZ[4], A[4] - Y),
    "line 593": lambda: close(Z[4], A[4]),
    "line 599": lambda: carried(dZ4a, Z4a - Y, dZ[4]),
    "line 619": lambda: same(dW[4], 1 / 1 * dZ[4] @ A[3].T),
    "line 626": lambda: same(dW[4], dZ[4] @ A[3].T),
    "line 632": lambda: carried(dZ4a @ A3a.T, dZ4a @ A3a.T, dW[4]),
    "line 644": lambda: carried(dW4a, dZ4a @ A3a.T, dW[4]),
    "line 655": lambda: same(db[4], dZ[4]),
    "line 660": lambda: carried(dZ4a, dZ4a, db[4]),
    "line 672": lambda: same(dZ[3], (W[4].T @ dZ[4]) * g(Z[3])),
    "line 679": lambda: same(M([[0.2, 0.4, -0.2], [-0.1, 0.1, 0.3], [0.5, -0.3, 0.2]]), W[4].T),
    "line 689": lambda: carried(W[4].T @ dZ4a, W[4].T @ dZ4a, W[4].T @ dZ[4]),
    "line 698": lambda: num(-0.18942 + 0.06956 + 0.0015, -0.11836),
    "line 699": lambda: num(0.09471 + 0.01739 - 0.00225, 0.10985),
    "line 700": lambda: num(-0.47355 - 0.52107 - 0.0015, -0.99612),
    "line 705": lambda: carried(WT4dZ4a, W[4].T @ dZ4a, W[4].T @ dZ[4]),
    "line 716": lambda: same(col(1, 1, 0), g(Z[3])),
    "line 727": lambda: carried(WT4dZ4a, W[4].T @ dZ4a, W[4].T @ dZ[4]) and carried(dZ3a, (W[4].T @ dZ4a) * g(Z3a), dZ[3]),
    "line 747": lambda: same(dW[3], dZ[3] @ A[2].T),
    "line 753": lambda: carried(dZ3a @ A2a.T, dZ3a @ A2a.T, dW[3]),
    "line 765": lambda: carried(dW3a, dZ3a @ A2a.T, dW[3]),
    "line 776": lambda: same(db[3], dZ[3]),
    "line 781": lambda: carried(dZ3a, dZ3a, db[3]),
    "line 793": lambda: same(dZ[2], (W[3].T @ dZ[3]) * g(Z[2])),
    "line 800": lambda: same(M([[0.3, 0.2, -0.3], [0.1, -0.5, 0.2], [-0.4, 0.6, 0.4]]), W[3].T),
    "line 813": lambda: carried(W[3].T @ dZ3a, W[3].T @ dZ3a, W[3].T @ dZ[3]),
    "line 822": lambda: num(-0.03551 + 0.02197 + 0, -0.01354),
    "line 823": lambda: num(-0.01184 - 0.05493 + 0, -0.06677),
    "line 824": lambda: num(0.47344 + 0.06591 + 0, 0.53935),
    "line 829": lambda: carried(WT3dZ3a, W[3].T @ dZ3a, W[3].T @ dZ[3]),
    "line 840": lambda: same(col(1, 1, 1), g(Z[2])),
    "line 851": lambda: carried(dZ2a, WT3dZ3a * g(Z2a), dZ[2]),
    "line 863": lambda: same(dW[2], dZ[2] @ A[1].T),
    "line 869": lambda: carried(dZ2a @ A1a.T, dZ2a @ A1a.T, dW[2]),
    "line 881": lambda: carried(dW2a, dZ2a @ A1a.T, dW[2]),
    "line 892": lambda: same(db[2], dZ[2]),
    "line 897": lambda: carried(dZ2a, dZ2a, db[2]),
    "line 909": lambda: same(dZ[1], (W[2].T @ dZ[2]) * g(Z[1])),
    "line 916": lambda: same(M([[0.1, 0.4, -0.1], [-0.2, 0.1, 0.3], [0.5, -0.3, 0.2]]), W[2].T),
    "line 927": lambda: carried(W[2].T @ dZ2a, W[2].T @ dZ2a, W[2].T @ dZ[2]),
    "line 936": lambda: num(-0.001354 - 0.026708 - 0.053935, -0.081997),
    "line 937": lambda: num(0.002708 - 0.006677 + 0.161805, 0.157836),
    "line 938": lambda: num(-0.00677 + 0.020031 + 0.10787, 0.121131),
    "line 943": lambda: carried(WT2dZ2a, W[2].T @ dZ2a, W[2].T @ dZ[2]),
    "line 954": lambda: same(col(1, 0, 1), g(Z[1])),
    "line 965": lambda: carried(dZ1a, WT2dZ2a * g(Z1a), dZ[1]),
    "line 977": lambda: same(dW[1], dZ[1] @ X.T),
    "line 983": lambda: carried(dZ1a @ X.T, dZ1a @ X.T, dW[1]),
    "line 995": lambda: carried(dW1a, dZ1a @ X.T, dW[1]),
    "line 1006": lambda: same(db[1], dZ[1]),
    "line 1011": lambda: carried(dZ1a, dZ1a, db[1]),
    "line 1030": lambda: all(same(step(W[k], dW[k]), W[k] - alpha * dW[k]) for k in W),
    "line 1035": lambda: all(same(step(b[k], db[k]), b[k] - alpha * db[k]) for k in b),
}
planted = {
    "line 211": lambda: same(Z[1], col(0.2 * 1 - 0.1 * 4 + 0.4 * 7, 0.5 * 1 + 0.3 * 4 - 0.6 * 7, -0.2 * 1 + 0.1 * 4 - 0.3 * 7)),
    "line 220": lambda: num(0.5 + 1.2 - 4.2, -1.5),
    "line 238": lambda: close(col(2.6, -2.5, 2.3), relu(Z[1])),
    "line 253": lambda: same(Z[2], W[2].T @ A[1] + b[2]),
    "line 286": lambda: num(1.04 + 0 - 0.69, 0.53),
    "line 369": lambda: close(col(0.378, 0.227, 0.273), A[3]),
    "line 416": lambda: num(0.1512 + 0.0227 + 0, 0.1285),
    "line 447": lambda: num(1.1904, np.exp(-0.1739)),
    "line 497": lambda: num(0.3306, 0.9925 / 3.2372),
    "line 587": lambda: same(dZ[4], Y - A[4]),
    "line 626": lambda: same(dW[4], A[3] @ dZ[4].T),
    "line 672": lambda: same(dZ[3], (W[4] @ dZ[4]) * g(Z[3])),
    "line 716": lambda: same(col(1, 1, 1), g(Z[3])),
    "line 747": lambda: same(dW[3], dZ[3] @ A[3].T),
    "line 776": lambda: same(db[3], dZ[4]),
    "line 909": lambda: same(dZ[1], (W[2].T @ dZ[2]) * relu(Z[1])),
    "line 954": lambda: same(col(1, 1, 1), g(Z[1])),
    "line 977": lambda: same(dW[1], X @ dZ[1].T),
    "line 1030": lambda: all(same(step(W[k], dW[k]), W[k] + alpha * dW[k]) for k in W),
}
confirm("nafiz_numeric.md", "nafiz_numeric_planted.md", checks, planted)
print("OK")
