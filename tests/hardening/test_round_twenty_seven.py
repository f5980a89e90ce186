r"""Round twenty-seven (issue 12): the twenty-sixth round's readers attacked (``benchmarks/probe_hostile.py "r27:"``).

Two classes of wrong verdicts, found by probes that put a hostile section before an answer of that round:

- **Evidence read from the first N claims only.** ``infer.ascends`` (a step that climbs the objective: CS229's
  log-likelihood), ``infer.delta_of_objective``, ownindex's readings (the Lazy Programmer's double sum ``\sum_n \sum_k
  t_{nk}``: n the example) looked at the first 500 claims, orientation's definition votes at the first 200 claims: an
  answer after 1900 other claims (arithmetic, steps) was read without them — CS229's right gradients were judged
  incorrect (a false reject), the double sum's entries left unchecked. Now every claim is searched (each ≤ 2000
  characters, at most 2000 claims) and orientation reads the first 200 *definitions*.
- **An objective defined twice with different factors**: ``infer.objective_scale`` took the first definition whose
  derivatives followed it better than the spec's; a step written in the objective's own gradient (θ := θ + α ∇ℓ) holds
  on every factor of its sign, so a first definition 2 × the log-likelihood won on that step alone, and every
  derivative of the answer, written for the log-likelihood, was judged incorrect. Now the definition followed by more
  derivatives wins (the first among equals, as before).

Every expected verdict is decided here by NumPy central differences on the answer's own functions, never by gradproof;
the filler's claims are Python's integer arithmetic.
"""

from __future__ import annotations

import numpy as np
from conftest import central_differences
from gradproof.verify.cli import verify_file


def _spec(name: str, convention: str, inputs: int, layers: list, loss: str, rate: float) -> str:
    body = "".join(f'\n[[layers]]\nunits = {u}\nactivation = "{a}"\n' for u, a in layers)
    return (f'name = "{name}"\nconvention = "{convention}"\ninputs = {inputs}\n{body}\n[loss]\nname = "{loss}"\n\n'
            f'[optimizer]\nname = "sgd"\nlearning_rate = {rate}\n')


def _verify(tmp_path, spec: str, body: str) -> dict:
    (tmp_path / "spec.toml").write_text(spec)
    (tmp_path / "answer.md").write_text(body)
    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    return {r.id: r for r in results}


def _close(a, b) -> bool:
    return bool(np.allclose(a, b, rtol=1e-5, atol=1e-7))


#: 1900 claims that say nothing of the network: k + 1 = k + 1 (true by Python's integers)
FILLER = "# Part zero\n\n" + "".join(f"$${k} + 1 = {k + 1}$$\n\n" for k in range(1900))

LR_SPEC = _spec("logreg", "row", 3, [(1, "sigmoid")], "binary_cross_entropy", 0.1)
CS229 = r"""# Logistic regression (CS229, part II)

Letting $x_0 = 1$ (the intercept term), $h_\theta(x) = g(\theta^T x) = \frac{1}{1 + e^{-\theta^T x}}$. Over the
$m$ training examples the log likelihood is
$$\ell(\theta) = \sum_{i=1}^m y^{(i)} \log h_\theta(x^{(i)}) + (1 - y^{(i)}) \log(1 - h_\theta(x^{(i)}))$$
which we maximize by gradient ascent, $\theta := \theta + \alpha \nabla_\theta \ell(\theta)$.

$$\frac{\partial}{\partial \theta_j} \ell(\theta) = \sum_{i=1}^m (y^{(i)} - h_\theta(x^{(i)})) x_j^{(i)} \tag{grad}$$

$$\frac{\partial}{\partial \theta_j} \ell(\theta) = \sum_{i=1}^m (h_\theta(x^{(i)}) - y^{(i)}) x_j^{(i)} \tag{grad_slip}$$

$$\nabla_\theta \ell(\theta) = \sum_{i=1}^m (y^{(i)} - h_\theta(x^{(i)})) x^{(i)} \tag{nabla}$$

$$\theta := \theta + \alpha \sum_{i=1}^m (y^{(i)} - h_\theta(x^{(i)})) x^{(i)} \tag{batch}$$

$$\theta := \theta - \alpha \sum_{i=1}^m (y^{(i)} - h_\theta(x^{(i)})) x^{(i)} \tag{batch_slip}$$

$$\theta_j := \theta_j + \alpha (y^{(i)} - h_\theta(x^{(i)})) x_j^{(i)} \tag{sga}$$

$$\theta_j := \theta_j + \alpha (h_\theta(x^{(i)}) - y^{(i)}) x_j^{(i)} \tag{sga_slip}$$
"""


def _cs229_oracle() -> dict:
    """Which CS229 claims hold for ℓ(θ) = Σ_i y log h + (1 − y) log(1 − h) (x_0 = 1), by central differences; also
    whether they would hold for 2ℓ (they must not: the test below tells the two definitions apart)."""
    rng = np.random.default_rng(229)
    theta, X = rng.normal(size=4), np.hstack([np.ones((4, 1)), rng.normal(size=(4, 3))])
    y = np.array([1.0, 0.0, 1.0, 1.0])

    def loglik(t, rows):
        h = 1 / (1 + np.exp(-(X[rows] @ t)))
        return float(np.sum(y[rows] * np.log(h) + (1 - y[rows]) * np.log(1 - h)))

    grad = central_differences(lambda p: loglik(p["t"], slice(None)), {"t": theta.copy()})["t"]
    grad0 = central_differences(lambda p: loglik(p["t"], slice(0, 1)), {"t": theta.copy()})["t"]
    h = 1 / (1 + np.exp(-(X @ theta)))
    summed, flipped, rate = X.T @ (y - h), X.T @ (h - y), 0.1
    oracle = {
        "grad": _close(summed, grad), "grad_slip": _close(flipped, grad), "nabla": _close(summed, grad),
        "batch": _close(theta + rate * summed, theta + rate * grad),
        "batch_slip": _close(theta - rate * summed, theta + rate * grad),
        "sga": _close(theta + rate * (y[0] - h[0]) * X[0], theta + rate * grad0),
        "sga_slip": _close(theta + rate * (h[0] - y[0]) * X[0], theta + rate * grad0),
    }
    assert oracle == {"grad": True, "grad_slip": False, "nabla": True, "batch": True, "batch_slip": False,
                      "sga": True, "sga_slip": False}
    assert not _close(summed, 2 * grad)  # (for 2ℓ the written gradient is wrong)
    return oracle


def test_a_climbed_log_likelihood_after_1900_claims_is_read_as_central_differences_decide(tmp_path):
    """The step θ := θ + α ∇ℓ (the ascent) and the forward definitions sit past the 500th claim: the answer is judged
    as it is alone (on the base tree: grad and nabla incorrect, a false reject)."""
    oracle = _cs229_oracle()
    got = _verify(tmp_path, LR_SPEC, FILLER + CS229)
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)


def test_an_objective_defined_twice_is_read_on_the_definition_its_derivatives_follow(tmp_path):
    """A first definition that writes CS229's sum twice (ℓ = 2 × the log-likelihood), then CS229's own: the derivatives
    written follow CS229's (central differences), and the step θ := θ + α ∇ℓ holds on both; CS229's claims are judged on
    it whichever definition comes first (on the base tree: every one incorrect, judged on the doubled one)."""
    oracle = _cs229_oracle()
    term = r"y^{(i)} \log h_\theta(x^{(i)}) + (1 - y^{(i)}) \log(1 - h_\theta(x^{(i)}))"
    doubled = rf"$$\ell(\theta) = \sum_{{i=1}}^m {term} + {term} \tag{{doubled}}$$" "\n\n"
    got = _verify(tmp_path, LR_SPEC, "# Part zero\n\n" + doubled + CS229)
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)
    assert got["doubled"].verdict == "incorrect", got["doubled"].message  # (2ℓ is not the ℓ the answer follows)


LP_SPEC = _spec("lazyprog", "column", 3, [(4, "sigmoid"), (3, "softmax")], "cross_entropy", 0.1)
LAZY = r"""# Backpropagation (softmax output, sigmoid hidden layer)

$X$ is the $N \times D$ input matrix, $W$ the $D \times M$ input-to-hidden weights, $V$ the $M \times K$
hidden-to-output weights, $T$ the one-hot targets.

$$Z = \sigma(XW + b)$$
$$A = ZV + c$$
$$Y = \text{softmax}(A)$$

We maximize the log-likelihood
$$J = \sum_{n=1}^N \sum_{k=1}^K t_{nk} \log y_{nk}$$
by gradient ascent: $V \leftarrow V + \alpha \frac{\partial J}{\partial V}$.

$$\frac{\partial J}{\partial V_{mk}} = \sum_n (t_{nk} - y_{nk}) z_{nm} \tag{dv}$$

$$\frac{\partial J}{\partial V_{mk}} = \sum_n (y_{nk} - t_{nk}) z_{nm} \tag{dv_slip}$$
"""


def test_the_double_sums_example_letter_is_read_after_1900_claims(tmp_path):
    """J = Σ_n Σ_k t_{nk} log y_{nk} past the 500th claim still makes n the example (on the base tree dv and dv_slip
    were unchecked there). Oracle: the log-likelihood's gradient in V by central differences, entry (m, k)."""
    rng = np.random.default_rng(31)
    X, W, b = rng.normal(size=(6, 3)), rng.normal(size=(3, 4)), rng.normal(size=4)
    V, c = rng.normal(size=(4, 3)), rng.normal(size=3)
    T = np.eye(3)[rng.integers(0, 3, size=6)]

    def forward(V):
        Z = 1 / (1 + np.exp(-(X @ W + b)))
        A = Z @ V + c
        Y = np.exp(A - A.max(axis=1, keepdims=True))
        return Z, Y / Y.sum(axis=1, keepdims=True)

    grad = central_differences(lambda p: float(np.sum(T * np.log(forward(p["V"])[1]))), {"V": V.copy()})["V"]
    Z, Y = forward(V)
    dv = np.array([[sum((T[n, k] - Y[n, k]) * Z[n, m] for n in range(6)) for k in range(3)] for m in range(4)])
    oracle = {"dv": _close(dv, grad), "dv_slip": _close(-dv, grad)}
    assert oracle == {"dv": True, "dv_slip": False}
    got = _verify(tmp_path, LP_SPEC, FILLER + LAZY)
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)
