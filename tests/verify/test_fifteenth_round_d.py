"""Readings of the fifteenth round, verify15d (issue 10; heldout15's Chambrin write-up, in French): the loss written
``l(f(x), y)`` with ``f(x)`` the prediction, layers named by their role ``W^{(O)}``, ``a^{(H)}`` (and a bare ``z^{H}``
beside them), cases whose conditions are on indices (``\\text{ si } i = j``, ``\\text{ sinon}``), the indicators
``\\mathds{1}_{i=j}`` (Kronecker's δ) and ``\\mathds{1}_{i=y}`` (y the class's number). Every verdict asserted is first
decided by a NumPy oracle: central differences of the network's loss, or of the softmax itself."""

from __future__ import annotations

import numpy as np
from conftest import central_differences
from helpers_verify import spec_text

RNG = np.random.default_rng(1515)
#: Chambrin's classifier: 3 inputs, 4 tanh hidden units, 3 softmax outputs, the cross-entropy of one example
SPEC = spec_text("chambrin", 3, (4, "tanh"), (3, "softmax"), loss="cross_entropy")


def verify(tmp_path, body: str, spec_toml: str = SPEC, name: str = "answer.tex"):
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(spec_toml)
    (tmp_path / name).write_text(body)
    results, _meta, _ = verify_file(str(tmp_path / name), str(tmp_path / "spec.toml"))
    return {r.id: r for r in results}


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def point():
    """A random network and example: parameters, x, the class number y, and the forward pass."""
    p = {"WH": RNG.normal(size=(4, 3)), "bH": RNG.normal(size=4), "WO": RNG.normal(size=(3, 4)), "bO": RNG.normal(size=3)}
    return p, RNG.normal(size=3), int(RNG.integers(0, 3))


def loss(p, x, y):
    """l(f(x), y) = -log f(x)_y, f(x) = softmax(W^(O) tanh(W^(H) x + b^(H)) + b^(O))."""
    a = np.tanh(p["WH"] @ x + p["bH"])
    return -np.log(softmax(p["WO"] @ a + p["bO"])[y])


HEAD = ("la sortie du r\u00e9seau vaut:\n\\[\nf(x) = a^{(O)} = \\textsc{softmax}(z^{(O)})\n\\]\n\n"
        "Le but est de minimiser une fonction de perte $l(f(x), y)$.\n\n")


def display(formula: str) -> str:
    return f"\\[\n{formula}\n\\]\n\n"


def test_the_loss_l_of_f_of_x_and_layers_named_by_their_role(tmp_path):
    """∂l/∂W^{(O)}_{ij} = ∂l/∂z^{(O)}_i a^{(H)}_j and ∂l/∂W^{(H)}_{ij} = ∂l/∂z^{(H)}_i x_j hold (central differences of
    the loss); with a^{(H)}_i, x_i for the j they do not; l(f(x), y) is the loss of the prediction f(x) = a^{(O)}, which
    the first display defines (correct), and ∂l/∂z^{H}_i (a bare H beside a^{(H)}) is the hidden layer's."""
    p, x, y = point()
    grads = central_differences(lambda q: loss(q, x, y), p)
    a = np.tanh(p["WH"] @ x + p["bH"])
    dzO, dzH = grads["bO"], grads["bH"]  # ∂l/∂b = ∂l/∂z
    assert np.allclose(grads["WO"], np.outer(dzO, a), atol=1e-6)
    assert not np.allclose(grads["WO"], np.outer(dzO * a[:3], np.ones(4)), atol=1e-3)
    assert np.allclose(grads["WH"], np.outer(dzH, x), atol=1e-6)
    assert not np.allclose(grads["WH"], np.outer(dzH * x[[0, 1, 2, 0]], np.ones(3)), atol=1e-3)
    assert np.allclose(dzH, (p["WO"].T @ dzO) * (1 - a ** 2), atol=1e-6)  # ∂l/∂z^H_i = ∂l/∂a^(H)_i g'(z^H_i)
    body = HEAD + "".join(display(f) for f in (
        "\\frac{\\partial l(f(x), y)}{\\partial W^{(O)}_{ij}} = \\frac{\\partial l(f(x), y)}{\\partial z^{(O)}_i} a^{(H)}_{j}",
        "\\frac{\\partial l(f(x), y)}{\\partial W^{(O)}_{ij}} = \\frac{\\partial l(f(x), y)}{\\partial z^{(O)}_i} a^{(H)}_{i}",
        "\\frac{\\partial l(f(x), y)}{\\partial W^{(H)}_{ij}} = \\frac{\\partial l(f(x), y)}{\\partial z^{(H)}_i} x_{j}",
        "\\frac{\\partial l(f(x), y)}{\\partial W^{(H)}_{ij}} = \\frac{\\partial l(f(x), y)}{\\partial z^{(H)}_i} x_{i}",
        "\\frac{\\partial l(f(x), y)}{\\partial z^{H}_i} = \\frac{\\partial l(f(x), y)}{\\partial a^{(H)}_i} g'(z^{H}_i)"))
    got = verify(tmp_path, body)
    assert got["line 3"].verdict == "correct"  # f(x) = a^{(O)} = softmax(z^{(O)}): f(x) is the prediction
    assert got["line 9"].verdict == "correct" and got["line 13"].verdict == "incorrect"
    assert got["line 17"].verdict == "correct" and got["line 21"].verdict == "incorrect"
    assert got["line 25"].verdict == "correct"


def test_a_layer_named_H_in_a_network_of_two_hidden_layers_is_not_read(tmp_path):
    """(H) names the hidden layer only where there is one: with two, the claim is unchecked, saying why."""
    spec = spec_text("two_hidden", 3, (4, "tanh"), (4, "tanh"), (3, "softmax"), loss="cross_entropy")
    got = verify(tmp_path, HEAD + display("\\frac{\\partial l(f(x), y)}{\\partial b^{(H)}_i} = "
                                          "\\frac{\\partial l(f(x), y)}{\\partial z^{(H)}_i}"), spec)
    assert got["line 9"].verdict == "unchecked" and "names the hidden layer" in got["line 9"].message


def test_cases_on_indices_in_french_and_the_indicator_of_i_equals_j(tmp_path):
    """The softmax Jacobian ∂a_i/∂z_j (central differences of the softmax): a_i(1 − a_i) if i = j, −a_i a_j otherwise —
    written with ``\\text{ si } i = j`` and ``\\text{ sinon.}`` (correct); with +a_i a_j off the diagonal (incorrect);
    ∂z^{(O)}_i/∂b^{(O)}_j = 1_{i=j} (correct) and = 1 (incorrect: the off-diagonal entries are 0)."""
    z = RNG.normal(size=3)
    a = softmax(z)
    h = 1e-6
    jac = np.stack([(softmax(z + h * e) - softmax(z - h * e)) / (2 * h) for e in np.eye(3)], axis=1)  # [i, j] = ∂a_i/∂z_j
    right = np.where(np.eye(3, dtype=bool), a * (1 - a), 0)[:, :] - np.where(np.eye(3, dtype=bool), 0, np.outer(a, a))
    wrong = np.where(np.eye(3, dtype=bool), a * (1 - a), np.outer(a, a))
    assert np.allclose(jac, right, atol=1e-6) and not np.allclose(jac, wrong, atol=1e-3)
    cases = ("\\frac{\\partial a^{(O)}_i}{\\partial z^{(O)}_j} = \n\\begin{cases}\n a^{(O)}_i (1 - a^{(O)}_i) \\text{ si } "
             "i = j \\\\\n {sign}a^{(O)}_i a^{(O)}_j \\text{ sinon.}\n\\end{cases}")
    body = HEAD + "".join(display(f) for f in (
        cases.replace("{sign}", "-"), cases.replace("{sign}", ""),
        "\\frac{\\partial z^{(O)}_i}{\\partial b^{(O)}_j} = \\mathds{1}_{i=j}",
        "\\frac{\\partial z^{(O)}_i}{\\partial b^{(O)}_j} = 1"))
    got = verify(tmp_path, body)
    assert got["line 9"].verdict == "correct" and got["line 17"].verdict == "incorrect"
    assert got["line 25"].verdict == "correct" and got["line 29"].verdict == "incorrect"


def test_the_class_number_as_a_condition_and_an_index(tmp_path):
    """With y the class's number: ∂l/∂a^{(O)}_i = −1_{i=y}/f(x)_y and ∂l/∂z^{(O)}_i = a_y − 1 if i = y, a_i otherwise
    (central differences of −log softmax(z)_y); the planted 1 − a_y in the first case is incorrect."""
    z, y = RNG.normal(size=3), 1
    h = 1e-6
    dz = np.array([(-np.log(softmax(z + h * e)[y]) + np.log(softmax(z - h * e)[y])) / (2 * h) for e in np.eye(3)])
    a = softmax(z)
    assert np.allclose(dz, np.where(np.arange(3) == y, a[y] - 1, a), atol=1e-6)
    assert not np.allclose(dz, np.where(np.arange(3) == y, 1 - a[y], a), atol=1e-3)
    da = np.array([(-np.log(a[y] + h * (k == y)) + np.log(a[y] - h * (k == y))) / (2 * h) for k in range(3)])
    assert np.allclose(da, np.where(np.arange(3) == y, -1 / a[y], 0), atol=1e-5)  # l as a function of a: -log a_y
    cases = ("\\frac{\\partial l(f(x), y)}{\\partial z^{(O)}_i}\n= \\begin{cases}\n {first} \\text{ si } i = y \\\\\n"
             " a^{(O)}_i \\text{ sinon.}\n\\end{cases}")
    body = HEAD + "".join(display(f) for f in (
        "\\frac{\\partial l(f(x), y)}{\\partial a^{(O)}_i} = \\frac{-\\mathds{1}_{i=y}}{f(x)_y}",
        cases.replace("{first}", "a^{(O)}_y - 1"), cases.replace("{first}", "1 - a^{(O)}_y")))
    got = verify(tmp_path, body)
    assert got["line 9"].verdict == "correct"
    assert got["line 13"].verdict == "correct" and got["line 21"].verdict == "incorrect"


def test_l_stays_the_layer_index_beside_the_loss_l(tmp_path):
    """Chambrin's general chapter writes l for both: ``∂l(f(x), y)/∂b^{(l)}_j = δ^{(l)}_j`` holds for every layer l
    (δ^{(l)} = ∂l/∂z^{(l)}: ∂z/∂b is the identity), ``= δ^{(l)}_j a^{(l-1)}_j`` does not (the oracle: central
    differences, ∂l/∂b^{(O)} ≠ ∂l/∂b^{(O)} ⊙ a^{(H)})."""
    p, x, y = point()
    grads = central_differences(lambda q: loss(q, x, y), p)
    assert not np.allclose(grads["bO"], grads["bO"] * np.tanh(p["WH"] @ x + p["bH"])[:3], atol=1e-3)
    body = HEAD + "".join(display(f) for f in (
        "\\frac{\\partial l(f(x), y)}{\\partial b^{(l)}_j} = \\delta^{(l)}_j",
        "\\frac{\\partial l(f(x), y)}{\\partial b^{(l)}_j} = \\delta^{(l)}_j a^{(l-1)}_j"))
    got = verify(tmp_path, body)
    assert got["line 9"].verdict == "correct" and got["line 13"].verdict == "incorrect"


def test_a_prime_on_a_bracketed_matrix_is_its_transpose_and_nabla_of_g(tmp_path):
    """∇_{a^{(H)}} l = (W^{(O)})' ∇_{z^{(O)}} l (the prime a transpose: central differences give W^(O)ᵀ ∂l/∂z^(O));
    without the prime the product does not conform (incorrect); ∇_{z^{(H)}} l = ∇_{a^{(H)}} l ⊙ ∇_{z^{H}} g, the
    componentwise g'(z^H) (correct), and with g(z^{H}) for its derivative (incorrect: tanh(z) ≠ 1 − tanh²(z))."""
    p, x, y = point()
    grads = central_differences(lambda q: loss(q, x, y), p)
    zH = p["WH"] @ x + p["bH"]
    da = central_differences(lambda q: -np.log(softmax(p["WO"] @ q["a"] + p["bO"])[y]), {"a": np.tanh(zH)})["a"]
    assert np.allclose(da, p["WO"].T @ grads["bO"], atol=1e-6)
    assert np.allclose(grads["bH"], da * (1 - np.tanh(zH) ** 2), atol=1e-6)
    assert not np.allclose(grads["bH"], da * np.tanh(zH), atol=1e-3)
    body = HEAD + "".join(display(f) for f in (
        "\\nabla_{a^{(H)}} l(f(x), y) = \\left(W^{(O)}\\right)' \\nabla_{z^{(O)}} l(f(x), y)",
        "\\nabla_{a^{(H)}} l(f(x), y) = W^{(O)} \\nabla_{z^{(O)}} l(f(x), y)",
        "\\nabla_{z^{(H)}} l(f(x), y) = \\nabla_{a^{(H)}} l(f(x), y) \\odot \\nabla_{z^{H}} g",
        "\\nabla_{z^{(H)}} l(f(x), y) = \\nabla_{a^{(H)}} l(f(x), y) \\odot g(z^{H})"))
    got = verify(tmp_path, body)
    assert got["line 9"].verdict == "correct" and got["line 13"].verdict == "incorrect"
    assert got["line 17"].verdict == "correct" and got["line 21"].verdict == "incorrect"


#: mxr's slides after Bishop: 3 inputs, 4 tanh hidden units, 2 linear outputs, E_n = ½ Σ_k (y_k − t_k)²
BISHOP = spec_text("bishop", 3, (4, "tanh"), (2, "identity"))
BISHOP_HEAD = ("\\[\nE(\\mathbf{w}) = \\sum_{n=1}^N E_n(\\mathbf{w})\n\\]\n\n"  # line 2
               "\\[\nE_n = \\frac{1}{2}\\sum_k (y_{nk} - t_{nk})^2\n\\]\n\n"  # line 6: the examples indexed by n
               "\\[\n\\delta_j \\equiv \\frac{\\partial E_n}{\\partial a_j}\n\\]\n\n")  # line 10


def test_claims_about_the_one_example_of_a_sum_of_example_losses(tmp_path):
    """E = Σ_n E_n, the slides' δ_j ≡ ∂E_n/∂a_j: a batch is chosen (the examples are indexed), and the claims naming
    no example are about the one E_n is (as under UFLDL's J(W,b; x,y)): δ_j = h'(a_j) Σ_k w_kj δ_k holds (central
    differences of E_n by the hidden biases), with the sum's bound written, Σ_{k=1}^K, likewise; with z_j for
    h'(a_j) it does not (incorrect)."""
    W1, b1, W2, b2 = RNG.normal(size=(4, 3)), RNG.normal(size=4), RNG.normal(size=(2, 4)), RNG.normal(size=2)
    x, t = RNG.normal(size=3), RNG.normal(size=2)

    def e_n(p):
        return 0.5 * np.sum((p["W2"] @ np.tanh(p["W1"] @ x + p["b1"]) + p["b2"] - t) ** 2)

    g = central_differences(e_n, {"W1": W1, "b1": b1, "W2": W2, "b2": b2})
    z = np.tanh(W1 @ x + b1)
    dk = W2 @ z + b2 - t
    assert np.allclose(g["b1"], (1 - z ** 2) * (W2.T @ dk), atol=1e-6)
    assert not np.allclose(g["b1"], z * (W2.T @ dk), atol=1e-3)
    body = BISHOP_HEAD + "".join(display(f) for f in (
        "\\delta_k = y_k - t_k",  # line 14
        "\\delta_j = h'(a_j)\\sum_k w_{kj}\\delta_k",  # line 18
        "\\delta_j = (1 - z_j^2)\\sum_{k=1}^K w^{(2)}_{kj}\\delta_k",  # line 22
        "\\delta_j = z_j \\sum_{k=1}^K w^{(2)}_{kj}\\delta_k"))  # line 26
    got = verify(tmp_path, body, BISHOP)
    assert got["line 10"].verdict == "correct" and got["line 14"].verdict == "correct"
    assert got["line 18"].verdict == "correct" and got["line 22"].verdict == "correct"
    assert got["line 26"].verdict == "incorrect"


def test_a_claim_for_every_pair_of_unequal_indices(tmp_path):
    """``\\forall i \\neq k, \\quad ∂z^{(O)}_k/∂W^{(O)}_{ij} = 0``: z_k depends on row k of W only (central
    differences of z = W a + b by every entry of W), so it holds; ``= a^{(H)}_j`` (the derivative where i = k) does
    not hold for i ≠ k (incorrect)."""
    W, _b, a = RNG.normal(size=(3, 4)), RNG.normal(size=3), RNG.normal(size=4)  # (b drawn: the RNG's stream as written)
    h = 1e-6
    dz = np.zeros((3, 3, 4))  # [k, i, j] = ∂z_k/∂W_ij
    for i in range(3):
        for j in range(4):
            E = np.zeros_like(W)
            E[i, j] = h
            dz[:, i, j] = ((W + E) @ a - (W - E) @ a) / (2 * h)
    off = ~np.eye(3, dtype=bool)
    assert np.allclose(dz[off], 0, atol=1e-8) and not np.allclose(dz[off], np.broadcast_to(a, (6, 4)), atol=1e-3)
    body = HEAD + "".join(display(f) for f in (
        "\\forall i \\neq k, \\quad \\frac{\\partial z^{(O)}_k}{\\partial W^{(O)}_{ij}} = 0.",
        "\\forall i \\neq k, \\quad \\frac{\\partial z^{(O)}_k}{\\partial W^{(O)}_{ij}} = a^{(H)}_j"))
    got = verify(tmp_path, body)
    assert got["line 9"].verdict == "correct" and got["line 13"].verdict == "incorrect"
