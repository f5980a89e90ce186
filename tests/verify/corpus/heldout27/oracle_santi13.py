"""Independent NumPy oracle for santi13_clasificacion_es.md (a student's Spanish class notes: h = a x + b, y =
softmax(h) over two classes indexed 0 and 1, the derivative of y(alpha) for the right class alpha = 0 and for the
other class i = 1 by the quotient rule) and its planted copy.

Each claim is checked at random h by central differences of the softmax entry y(alpha) (with respect to the whole
vector h, to h(alpha) and to h(i)); S is the sum of e^{h(i)} over the two classes. A check holds exactly when
MANIFEST.toml's verdict is correct.
Run: python oracle_santi13.py   (numpy only)
"""

import numpy as np
from fdcheck import confirm, grad, same

rng = np.random.default_rng(2706)
A, I = 0, 1                                              # alpha, the right class; i, the other one
points = [rng.normal(size=2) * 1.5 for _ in range(4)]
soft = lambda h: np.exp(h) / np.exp(h).sum()


def every(check):
    return lambda: all(bool(check(h, np.exp(h).sum(), np.exp(h))) for h in points)


dy = lambda h: grad(lambda v: float(soft(v)[A]), h)     # d y(alpha) / d h, both entries
checks = {
    "line 24": every(lambda h, S, e: same(dy(h), grad(lambda v: float(np.exp(v[A]) / (np.exp(v[A]) + np.exp(v[1]))), h))),
    "line 32": every(lambda h, S, e: same(dy(h)[A], (S * e[A] - e[A] * e[A]) / (S * S))),
    "line 37": every(lambda h, S, e: same(dy(h)[A], e[A] * (S - e[A]) / (S * S))),
    "line 41": every(lambda h, S, e: same(dy(h)[A], soft(h)[A] * (S - e[A]) / S)
                     and same(dy(h)[A], soft(h)[A] * (1 - soft(h)[A]))),
    "line 47": every(lambda h, S, e: same(dy(h)[I], (S * e[A] - e[A] * e[A]) / (S * S))),
}
planted = {
    "line 24": every(lambda h, S, e: same(dy(h), grad(lambda v: float(np.exp(v[A]) / np.exp(v[1])), h))),
    "line 32": every(lambda h, S, e: same(dy(h)[A], (S * e[A] + e[A] * e[A]) / (S * S))),
    "line 41": every(lambda h, S, e: same(dy(h)[A], soft(h)[A] * (S - e[A]) / S) and same(dy(h)[A], soft(h)[A])),
}
confirm("santi13_clasificacion_es.md", "santi13_clasificacion_es_planted.md", checks, planted)
print("OK")
