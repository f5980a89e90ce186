"""The twenty-first round (issue 10): heldout20's last false rejects, each a class, each expected verdict computed here by
NumPy central differences of a softmax (or sigmoid) layer written by hand (never by gradproof):

- a CS231n write-up's gradient letters: ``dZ = \\frac{\\partial L}{\\partial Z}`` with L the batch's mean makes dZ the
  mean's (so ``dW = X^T dZ`` holds); an answer that never says which (no definition, no 1/N beside a d-letter) leaves
  a claim right in one reading and wrong in the other unchecked; Ng's ``dZ = P - Y`` with ``dW = \\frac{1}{N} X^T dZ``
  keeps each example's letters, and a dropped 1/N is still caught;
- FortiLeiZhang's ``y_{ij} = x_{i1}w_{1j} + … + b_j`` under a softmax output: y is the summed input z, not the output;
- ∂Z/∂b by a bias the samples share, as a factor of a batch's chain (the sum over samples unwritten): unchecked;
- Pedro's ``BCE = -\\frac{1}{b} [ … ]``: b counts the examples (nowhere else a bias)."""

from __future__ import annotations

import numpy as np
from conftest import central_differences
from test_fifteenth_round_coordinator import by_id
from test_nineteenth_round_coordinator import _spec

SOFTMAX = _spec("softmax_rows", "column", 4, [(3, "softmax")], "cross_entropy", 0.01)


def _verify(tmp_path, spec: str, body: str, name: str = "answer.md"):
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(spec)
    (tmp_path / name).write_text(body)
    results, _meta, _ = verify_file(str(tmp_path / name), str(tmp_path / "spec.toml"))
    return by_id(results)


def _softmax_truth():
    """A softmax layer of 6 examples as rows, Z = X W + b, L the mean cross-entropy: (X, true ∂L/∂W, ∂L/∂b, ∂L/∂Z),
    all by central differences."""
    rng = np.random.default_rng(7)
    X, W, b = rng.normal(size=(6, 4)), rng.normal(size=(4, 3)), rng.normal(size=3)
    labels = rng.integers(0, 3, size=6)

    def loss_of_z(Z):
        Z = Z - Z.max(axis=1, keepdims=True)
        logp = Z - np.log(np.exp(Z).sum(axis=1, keepdims=True))
        return -logp[np.arange(6), labels].mean()

    grads = central_differences(lambda p: loss_of_z(X @ p["W"] + p["b"]), {"W": W.copy(), "b": b.copy()})
    dz = central_differences(lambda p: loss_of_z(p["Z"]), {"Z": X @ W + b})["Z"]
    return X, grads["W"], grads["b"], dz


def test_d_letters_defined_as_the_mean_objective_derivative_are_the_means(tmp_path):
    X, dW, db, dZ_mean = _softmax_truth()
    dZ_example = dZ_mean * 6  # each example's own gradient (Ng's dZ = A − Y)
    holds = {  # the claim's formula in the mean's reading of dZ, against the true gradient
        "dW": np.allclose(X.T @ dZ_mean, dW, atol=1e-6),
        "db": np.allclose(dZ_mean.sum(axis=0), db, atol=1e-6),
        "dW_over_N": np.allclose(X.T @ dZ_mean / 6, dW, atol=1e-6),
    }
    assert holds == {"dW": True, "db": True, "dW_over_N": False}
    assert not np.allclose(X.T @ dZ_example, dW, atol=1e-6)  # (the other reading would reject the right claims)
    got = _verify(tmp_path, SOFTMAX, r"""Forward: $Z = XW + b$, $P = \mathrm{softmax}(Z)$, $L = -\frac{1}{N}\sum_i \log P_{i,y_i}$.

$$dZ = \frac{\partial L}{\partial Z} \tag{dZ}$$
$$dW = X^T dZ \tag{dW}$$
$$db = \sum_i dZ_i \tag{db}$$
$$dW = \frac{1}{N} X^T dZ \tag{dWN}$$
""")
    assert got["dW"].verdict == ("correct" if holds["dW"] else "incorrect")
    assert got["db"].verdict == ("correct" if holds["db"] else "incorrect")
    assert got["dWN"].verdict == ("correct" if holds["dW_over_N"] else "incorrect")


def test_d_letters_on_a_scale_the_answer_never_shows_are_unchecked(tmp_path):
    X, dW, db, dZ_mean = _softmax_truth()
    readings = [np.allclose(X.T @ dz, dW, atol=1e-6) for dz in (dZ_mean, 6 * dZ_mean)]
    assert readings == [True, False]  # right in one reading, wrong in the other: not certain
    got = _verify(tmp_path, SOFTMAX, r"""Forward: $Z = XW + b$, $P = \mathrm{softmax}(Z)$, $L = -\frac{1}{N}\sum_i \log P_{i,y_i}$.

$$dW = X^T dZ \tag{dW}$$
""")
    assert got["dW"].verdict == "unchecked"
    assert "d_letters" in got["dW"].message


def test_ng_letters_of_each_example_keep_their_reading_and_a_dropped_one_over_n_is_caught(tmp_path):
    X, dW, db, dZ_mean = _softmax_truth()
    dZ = 6 * dZ_mean  # P − Y, each example's
    holds = {"dW": np.allclose(X.T @ dZ / 6, dW, atol=1e-6), "db": np.allclose(dZ.sum(axis=0), db, atol=1e-6)}
    assert holds == {"dW": True, "db": False}
    got = _verify(tmp_path, SOFTMAX, r"""Forward: $Z = XW + b$, $P = \mathrm{softmax}(Z)$, $L = -\frac{1}{N}\sum_i \log P_{i,y_i}$.

$$dZ = P - Y \tag{dZ}$$
$$dW = \frac{1}{N} X^T dZ \tag{dW}$$
$$db = \sum_i dZ_i \tag{db}$$
""")
    assert got["dW"].verdict == "correct"
    assert got["db"].verdict == "incorrect"


def test_y_defined_as_an_affine_map_under_a_softmax_output_is_the_summed_input(tmp_path):
    X, dW, db, dZ_mean = _softmax_truth()
    # the claims' formulas with y the summed input z and d y = ∂L/∂y (the mean's): db_j = Σ_i dy_ij, dw_pq = Σ_i x_ip dy_iq
    assert np.allclose(dZ_mean.sum(axis=0), db, atol=1e-6) and np.allclose(np.einsum("ip,iq->pq", X, dZ_mean), dW, atol=1e-6)
    body = r"""Scores: $y_{ij} = x_{i1}w_{1j} + x_{i2}w_{2j} + \dots + x_{id}w_{dj} + b_j$, then softmax and the mean loss L.

$$\mathrm{d} y_{ij} = \frac{\partial \mathrm{L}}{\partial y_{ij}} \tag{def}$$
$$\mathrm{d} b_j = \sum_{i = 1}^{N} \mathrm{d} y_{ij} \tag{db}$$
$$\mathrm{d} w_{pq} = \sum_{i = 1}^{N} x_{ip} \cdot \mathrm{d} y_{iq} \tag{dw}$$
$$\mathrm{d} w_{pq} = \sum_{i = 1}^{N} x_{iq} \cdot \mathrm{d} y_{ip} \tag{dw-swapped}$$
"""
    got = _verify(tmp_path, SOFTMAX, body)
    assert got["db"].verdict == "correct", got["db"].message
    assert got["dw"].verdict == "correct", got["dw"].message
    assert got["dw-swapped"].verdict != "correct"  # (4×3 indices swapped: not even the right shape)
    assert any("summed input" in n for n in got["db"].notes)


def test_a_batch_derivative_by_a_shared_bias_in_a_chain_is_not_judged_by_its_missing_sum(tmp_path):
    X, dW, db, dZ_mean = _softmax_truth()
    # ∂L/∂b = Σ_n ∂L/∂z_n ∂z_n/∂b = Σ_n dZ_n: right, once the chain's sum over the samples is written
    assert np.allclose(dZ_mean.sum(axis=0), db, atol=1e-6)
    got = _verify(tmp_path, SOFTMAX, r"""Forward: $Z = XW + b$, $P = \mathrm{softmax}(Z)$, $L = -\frac{1}{N}\sum_i \log P_{i,y_i}$.

$$\frac{\partial L}{\partial b} = \frac{\partial L}{\partial Z} \cdot \frac{\partial Z}{\partial b} \tag{chain}$$
""")
    assert got["chain"].verdict == "unchecked", got["chain"].message


SIGMOID = _spec("bce_one_unit", "row", 3, [(1, "sigmoid")], "binary_cross_entropy", 0.1)


def test_one_over_b_counts_the_examples_where_b_is_nowhere_a_bias(tmp_path):
    rng = np.random.default_rng(11)
    a, y = rng.uniform(0.1, 0.9, size=5), rng.integers(0, 2, size=5).astype(float)
    truth = central_differences(lambda p: -np.mean(y * np.log(p["a"]) + (1 - y) * np.log(1 - p["a"])), {"a": a.copy()})["a"]
    right = -(1 / 5) * (y / a - (1 - y) / (1 - a))
    flipped = -(1 / 5) * (y / a + (1 - y) / (1 - a))
    assert np.allclose(right, truth, atol=1e-6) and not np.allclose(flipped, truth, atol=1e-6)
    got = _verify(tmp_path, SIGMOID, r"""The BCE over a batch of $b$ examples, $a^{(L)}$ the sigmoid output:

$$BCE = -\frac{1}{b} \left[y \odot \log(a^{(L)}) + (1 - y) \odot \log(1 - a^{(L)})\right]$$

$$\frac{\partial BCE}{\partial a^{(L)}} = -\frac{1}{b} \left[ y \odot \frac{1}{a^{(L)}}
  - (1 - y) \odot \frac {1}{1 - a^{(L)}} \right] \tag{right}$$
$$\frac{\partial BCE}{\partial a^{(L)}} = -\frac{1}{b} \left[ y \odot \frac{1}{a^{(L)}}
  + (1 - y) \odot \frac {1}{1 - a^{(L)}} \right] \tag{flipped}$$
""")
    assert got["right"].verdict == "correct", got["right"].message
    assert got["flipped"].verdict == "incorrect", got["flipped"].message


LMTOT = _spec("lmtot_like", "column", 4, [(5, "relu"), (3, "softmax")], "cross_entropy", 0.01)


def _label_truth():
    """∂L/∂z of the softmax cross-entropy at one example, by central differences, and the softmax output a: the
    claims below hold at the true class c (a_c − 1) and at the other classes (a_j) exactly when they hold here."""
    rng = np.random.default_rng(5)
    z, c = rng.normal(size=3), 1
    soft = lambda v: np.exp(v - v.max()) / np.exp(v - v.max()).sum()  # noqa: E731
    grad = central_differences(lambda p: -np.log(soft(p["z"])[c]), {"z": z.copy()})["z"]
    return soft(z), grad, c


def test_claims_about_the_true_class_c_are_judged_at_the_label(tmp_path):
    a, grad, c = _label_truth()
    others = [j for j in range(3) if j != c]
    holds = {"case1": np.isclose(grad[c], a[c] - 1), "case1-wrong": np.isclose(grad[c], a[c] + 1),
             "case2": np.allclose(grad[others], a[others]), "case2-wrong": np.allclose(grad[others], -a[others])}
    assert holds == {"case1": True, "case1-wrong": False, "case2": True, "case2-wrong": False}
    got = _verify(tmp_path, LMTOT, r"""The target is one-hot: $y_c = 1$ for the correct class $c$.

$$\mathcal{L} = -\log(a^L_c) \tag{loss}$$

**Case 1:** $j = c$

$$\frac{\partial \mathcal{L}}{\partial z^L_c} = -\frac{1}{a^L_c} \cdot a^L_c(1-a^L_c) = a^L_c - 1 \tag{case1}$$
$$\frac{\partial \mathcal{L}}{\partial z^L_c} = a^L_c + 1 \tag{case1-wrong}$$

**Case 2:** $j \neq c$

$$\frac{\partial \mathcal{L}}{\partial z^L_j} = -\frac{1}{a^L_c} \cdot (-a^L_c a^L_j) = a^L_j \tag{case2}$$
""")
    assert got["loss"].verdict == "correct", got["loss"].message
    for cid in ("case1", "case1-wrong", "case2"):
        assert got[cid].verdict == ("correct" if holds[cid] else "incorrect"), (cid, got[cid].message)
    got = _verify(tmp_path, LMTOT, r"""The target is one-hot: $y_c = 1$ for the correct class $c$.

**Case 2:** $j \neq c$

$$\frac{\partial \mathcal{L}}{\partial z^L_j} = -a^L_j \tag{case2-wrong}$$
""")
    assert got["case2-wrong"].verdict == ("correct" if holds["case2-wrong"] else "incorrect")


def test_a_cases_condition_in_vietnamese_reads_as_if_and_otherwise(tmp_path):
    # ReLU'(z) is 1 where z > 0 and 0 elsewhere: the claim holds exactly as the English cases do (checked by differences)
    z = np.array([-0.7, 0.4, 1.3])
    relu = lambda v: np.maximum(v, 0)  # noqa: E731
    slope = np.array([(relu(v + 1e-6) - relu(v - 1e-6)) / 2e-6 for v in z])
    assert np.allclose(slope, np.where(z > 0, 1, 0))
    body = r"""$$\mathrm{ReLU}'(z^{(1)}_i) = \begin{cases} 1 & \text{nếu } z^{(1)}_i > 0 \\ 0 & \text{ngược lại} \end{cases} \tag{vi}$$
$$\mathrm{ReLU}'(z^{(1)}_i) = \begin{cases} 0 & \text{nếu } z^{(1)}_i > 0 \\ 1 & \text{ngược lại} \end{cases} \tag{vi-swapped}$$
"""
    got = _verify(tmp_path, LMTOT, body)
    assert got["vi"].verdict == "correct", got["vi"].message
    assert got["vi-swapped"].verdict == "incorrect", got["vi-swapped"].message


def test_numpy_method_products_and_upright_gradient_names_are_read(tmp_path):
    X, dW, db, dZ_mean = _softmax_truth()
    holds = {"dW": np.allclose(X.T @ dZ_mean, dW, atol=1e-6), "dW-swapped": dZ_mean.T.shape == dW.shape}
    assert holds == {"dW": True, "dW-swapped": False}
    got = _verify(tmp_path, SOFTMAX, r"""$Score = X.\mathrm{dot}(W) + b$, then softmax and the mean loss $\mathrm{L}$.

$$\mathrm{d} x_{11} = \frac{\partial \mathrm{L}}{\partial x_{11}}$$
$$\mathrm{dW} = X.T.\mathrm{dot}(\mathrm{dScore}) \tag{dW}$$
$$\mathrm{dW} = \mathrm{dScore}.\mathrm{dot}(X) \tag{dW-swapped}$$
""")
    assert got["dW"].verdict == "correct", got["dW"].message
    assert got["dW-swapped"].verdict in ("incorrect", "unchecked") and got["dW-swapped"].verdict != "correct"


REGULARIZED = """name = "l2_linear"
convention = "row"
inputs = 3

[[layers]]
units = 2
activation = "identity"

[loss]
name = "squared_error"

[regularization]
name = "l2"
lambda = 0.1
scaling = "none"

[optimizer]
name = "sgd"
learning_rate = 0.1
"""


def test_an_l2_penalty_written_without_its_half_makes_lambda_the_answers_own_constant(tmp_path):
    # the spec's penalty is 0.1/2 ‖W‖² = 0.05 ‖W‖²: the answer's λ‖W‖² means λ = 0.05; one SGD step on J = L + λ‖W‖²
    # shrinks W by (1 − 2ηλ), and ∂J/∂W = ∂L/∂W + 2λW — checked on a random W and data gradient by differences
    rng = np.random.default_rng(2)
    W, g_data, eta, lam = rng.normal(size=(2, 3)), rng.normal(size=(2, 3)), 0.1, 0.05
    grad = central_differences(lambda p: float(np.sum(g_data * p["W"]) + lam * np.sum(p["W"] ** 2)), {"W": W.copy()})["W"]
    step = W - eta * grad
    holds = {"grad": np.allclose(grad, g_data + 2 * lam * W, atol=1e-6),
             "decay-2": np.allclose(step, (1 - 2 * eta * lam) * W - eta * g_data, atol=1e-6),
             "decay-1": np.allclose(step, (1 - eta * lam) * W - eta * g_data, atol=1e-6)}
    assert holds == {"grad": True, "decay-2": True, "decay-1": False}
    got = _verify(tmp_path, REGULARIZED, r"""The L2 penalty: $\lambda \lVert W \rVert_2^2$.

$$J = L + \lambda \lVert W \rVert_2^2 \tag{J}$$
$$W \leftarrow (1 - 2\eta\lambda) W - \eta \frac{\partial L}{\partial W} \tag{decay-2}$$
$$W \leftarrow (1 - \eta\lambda) W - \eta \frac{\partial L}{\partial W} \tag{decay-1}$$
""")
    for cid in ("decay-2", "decay-1"):
        assert got[cid].verdict == ("correct" if holds[cid] else "incorrect"), (cid, got[cid].message)
    assert any("half the spec" in n for n in got["decay-1"].notes)


LINEAR = _spec("linear_unit", "column", 2, [(1, "identity")], "squared_error", 0.1)


def test_y_defined_as_the_prediction_makes_the_hatted_y_the_target(tmp_path):
    rng = np.random.default_rng(8)
    w, b, x, target = rng.normal(size=2), rng.normal(), rng.normal(size=2), rng.normal()
    grad = central_differences(lambda p: 0.5 * (p["w"] @ x + b - target) ** 2, {"w": w.copy()})["w"]
    pred = w @ x + b
    assert np.allclose(grad, (pred - target) * x) and not np.allclose(grad, (target - pred) * x)
    got = _verify(tmp_path, LINEAR, r"""- Forward: $y = w^T x + b$
- Loss: $L = \frac{1}{2}(y - \hat{y})^2$

$$\frac{\partial L}{\partial w} = (y - \hat{y}) x \tag{right}$$
$$\frac{\partial L}{\partial w} = (\hat{y} - y) x \tag{flipped}$$
""")
    assert got["right"].verdict == "correct", got["right"].message
    assert got["flipped"].verdict == "incorrect", got["flipped"].message


MOONS = _spec("moons", "column", 2, [(3, "tanh"), (2, "softmax")], "cross_entropy", 0.01)


def test_a_derivative_without_the_partial_under_the_bar_and_entries_counted_from_zero(tmp_path):
    # softmax + cross-entropy, rows: ∂L/∂W2[h, j] = a1[h] (a2[j] − y[j]); entries (0, 1): hidden 0, class 1
    rng = np.random.default_rng(6)
    a1, W2, b2, y = np.tanh(rng.normal(size=3)), rng.normal(size=(3, 2)), rng.normal(size=2), np.array([0.0, 1.0])
    soft = lambda v: np.exp(v - v.max()) / np.exp(v - v.max()).sum()  # noqa: E731
    grad = central_differences(lambda p: -np.sum(y * np.log(soft(a1 @ p["W"] + b2))), {"W": W2.copy()})["W"]
    a2 = soft(a1 @ W2 + b2)
    assert np.isclose(grad[0, 1], (a2[1] - y[1]) * a1[0]) and not np.isclose(grad[0, 1], (a2[0] - y[0]) * a1[1])
    got = _verify(tmp_path, MOONS, r"""The first hidden unit is $a_{0}^{(1)}$.

$$\frac{\partial L}{W^{(2)}_{0,1}} = (a_{1}^{(2)} - y_{1})\cdot a_{0}^{(1)} \tag{right}$$
$$\frac{\partial L}{W^{(2)}_{0,1}} = (a_{0}^{(2)} - y_{0})\cdot a_{1}^{(1)} \tag{swapped}$$
""")
    assert got["right"].verdict == "correct", got["right"].message
    assert got["swapped"].verdict == "incorrect", got["swapped"].message


DROPOUT_ON_INPUT = """name = "input_dropout"
convention = "row"
inputs = 4

[[layers]]
kind = "dropout"
p = 0.5

[[layers]]
units = 2
activation = "identity"

[loss]
name = "squared_error"

[optimizer]
name = "sgd"
learning_rate = 0.1
"""


def _dropout_truth(p: float):
    """∂L/∂x through inverted dropout y = m ⊙ x / (1 − p) then a linear layer and ½‖Wy + b − t‖², by differences."""
    rng = np.random.default_rng(9)
    x, m = rng.normal(size=4), np.array([1.0, 0.0, 1.0, 1.0])
    W, b, t = rng.normal(size=(2, 4)), rng.normal(size=2), rng.normal(size=2)
    loss = lambda v: 0.5 * np.sum((W @ (m * v / (1 - p)) + b - t) ** 2)  # noqa: E731
    dx = central_differences(lambda q: loss(q["x"]), {"x": x.copy()})["x"]
    dy = W.T @ (W @ (m * x / (1 - p)) + b - t)
    return dx, dy, m


def test_inverted_dropout_in_the_answers_own_letters_and_its_mask_cases(tmp_path):
    dx, dy, m = _dropout_truth(0.5)
    holds = {"chain": np.allclose(dx, dy * m / 0.5, atol=1e-6), "no-scale": np.allclose(dx, dy * m, atol=1e-6),
             "kept": np.allclose(dx[m == 1], dy[m == 1] / 0.5, atol=1e-6), "dropped": np.allclose(dx[m == 0], 0, atol=1e-6),
             "kept-wrong": np.allclose(dx[m == 1], dy[m == 1], atol=1e-6)}
    assert holds == {"chain": True, "no-scale": False, "kept": True, "dropped": True, "kept-wrong": False}
    got = _verify(tmp_path, DROPOUT_ON_INPUT, r"""Inverted dropout: $$y_i = \frac{m_i \cdot x_i}{1-p}$$

$$\frac{\partial L}{\partial x_i} = \frac{\partial L}{\partial y_i} \cdot \frac{m_i}{1-p} \tag{chain}$$
$$\frac{\partial L}{\partial x_i} = \frac{\partial L}{\partial y_i} \cdot m_i \tag{no-scale}$$

**Kept ($m_i = 1$)**
$$\frac{\partial L}{\partial x_i} = \frac{\partial L}{\partial y_i} \cdot \frac{1}{1-p} \tag{kept}$$

**Dropped ($m_i = 0$)**
$$\frac{\partial L}{\partial x_i} = 0 \tag{dropped}$$

**Kept ($m_i = 1$)**
$$\frac{\partial L}{\partial x_i} = \frac{\partial L}{\partial y_i} \tag{kept-wrong}$$

$$E[y_i] = x_i \tag{expectation}$$
""")
    for cid in ("chain", "no-scale", "kept", "dropped", "kept-wrong"):
        assert got[cid].verdict == ("correct" if holds[cid] else "incorrect"), (cid, got[cid].message)
    assert got["expectation"].verdict == "unchecked" and "expectation" in got["expectation"].message


def test_at_a_drop_rate_of_one_half_p_for_one_minus_p_is_not_accepted(tmp_path):
    # at p = 0.5 the slip m_i / p equals m_i / (1 − p); at p = 0.3 (the oracle) it does not
    dx, dy, m = _dropout_truth(0.3)
    assert np.allclose(dx, dy * m / 0.7, atol=1e-6) and not np.allclose(dx, dy * m / 0.3, atol=1e-6)
    got = _verify(tmp_path, DROPOUT_ON_INPUT, r"""Inverted dropout: $$y_i = \frac{m_i \cdot x_i}{1-p}$$

$$\frac{\partial y_i}{\partial x_i} = \frac{m_i}{1-p} \tag{right}$$
$$\frac{\partial y_i}{\partial x_i} = \frac{m_i}{p} \tag{slip}$$
""")
    assert got["right"].verdict == "correct", got["right"].message
    assert got["slip"].verdict == "unchecked" and "p = 0.3" in got["slip"].message


def test_hyperbolic_functions_and_a_sum_over_two_indices_are_read(tmp_path):
    z = np.linspace(-2, 2, 9)
    slope = (np.tanh(z + 1e-6) - np.tanh(z - 1e-6)) / 2e-6
    assert np.allclose(slope, 1 / np.cosh(z) ** 2, atol=1e-6) and not np.allclose(slope, 1 / np.sinh(z + 3) ** 2, atol=1e-3)
    # the softmax cross-entropy of one example written with a double sum over classes and (one) example
    got = _verify(tmp_path, MOONS, r"""$$\tanh(z) = \frac{\sinh(z)}{\cosh(z)} \tag{def}$$
$$\frac{d}{dz}\tanh(z) = \frac{\cosh^2(z) - \sinh^2(z)}{\cosh^2(z)} = \frac{1}{\cosh^2(z)} \tag{right}$$
$$\frac{d}{dz}\tanh(z) = \frac{1}{\sinh^2(z)} \tag{wrong}$$
$$L = -\sum_{i,k} y_{k}^{(i)} \log \hat{y}_{k}^{(i)} \tag{double}$$
$$L = -\sum_{i,k} \hat{y}_{k}^{(i)} \log y_{k}^{(i)} \tag{double-swapped}$$
""")
    assert got["def"].verdict == "correct" and got["right"].verdict == "correct", (got["def"].message, got["right"].message)
    assert got["wrong"].verdict == "incorrect"
    assert got["double"].verdict == "correct", got["double"].message
    assert got["double-swapped"].verdict != "correct"


def test_a_softmax_written_out_defines_a_as_the_activation_not_bishops_summed_input(tmp_path):
    rng = np.random.default_rng(12)
    z, c = rng.normal(size=2), 1
    soft = lambda v: np.exp(v - v.max()) / np.exp(v - v.max()).sum()  # noqa: E731
    y = np.eye(2)[c]
    grad = central_differences(lambda p: -np.sum(y * np.log(soft(p["z"]))), {"z": z.copy()})["z"]
    assert np.allclose(grad, soft(z) - y) and not np.allclose(grad, y - soft(z))
    got = _verify(tmp_path, MOONS, r"""$$a^{(2)}_j = \frac{e^{z^{(2)}_j}}{\sum_k e^{z^{(2)}_k}} \tag{def}$$
$$L = -\sum_k y_k \log a^{(2)}_k$$
$$\frac{\partial L}{\partial z^{(2)}_i} = a^{(2)}_i - y_i \tag{right}$$
$$\frac{\partial L}{\partial z^{(2)}_i} = y_i - a^{(2)}_i \tag{flipped}$$
""")
    assert got["def"].verdict == "correct", got["def"].message
    assert got["right"].verdict == "correct" and got["flipped"].verdict == "incorrect"
    assert not any("a is the summed input" in n for n in got["right"].notes)


def test_cs231n_scores_s_the_label_cases_y_i_equal_k_and_the_hinge_loss(tmp_path):
    rng = np.random.default_rng(13)
    s, label = rng.normal(size=3), 2
    soft = lambda v: np.exp(v - v.max()) / np.exp(v - v.max()).sum()  # noqa: E731
    grad = central_differences(lambda q: -np.log(soft(q["s"])[label]), {"s": s.copy()})["s"]
    p = soft(s)
    others = [k for k in range(3) if k != label]
    holds = {"label": np.isclose(grad[label], p[label] - 1), "others": np.allclose(grad[others], p[others]),
             "others-wrong": np.allclose(grad[others], p[others] - 1)}
    assert holds == {"label": True, "others": True, "others-wrong": False}
    got = _verify(tmp_path, SOFTMAX, r"""$$L_i = -\log\left(\frac{e^{s_{y_i}}}{\sum_j e^{s_j}}\right)$$

When $y_i = k$:
$$\mathrm{d} s_k = \frac{e^{s_{y_i}}}{\sum_j e^{s_j}} - 1 \tag{label}$$
When $y_i \neq k$:
$$\mathrm{d} s_k = \frac{e^{s_k}}{\sum_j e^{s_j}} \tag{others}$$
When $y_i \neq k$:
$$\mathrm{d} s_k = \frac{e^{s_k}}{\sum_j e^{s_j}} - 1 \tag{others-wrong}$$

The SVM instead: $$\mathrm{d} s_j = \mathbb{1}(s_j - s_{y_i} + \Delta > 0) \tag{hinge}$$
""")
    for cid in ("label", "others", "others-wrong"):
        assert got[cid].verdict == ("correct" if holds[cid] else "incorrect"), (cid, got[cid].message)
    assert got["hinge"].verdict == "unchecked" and "hinge" in got["hinge"].message


def test_a_condition_on_two_indices_written_before_a_claim_is_its_scope(tmp_path):
    # the softmax Jacobian by central differences: a_j(1 − a_j) where j = k, −a_j a_k where j ≠ k
    z = np.random.default_rng(14).normal(size=3)
    soft = lambda v: np.exp(v - v.max()) / np.exp(v - v.max()).sum()  # noqa: E731
    jac = np.array([central_differences(lambda q, j=j: soft(q["z"])[j], {"z": z.copy()})["z"] for j in range(3)])
    a = soft(z)
    off = ~np.eye(3, dtype=bool)
    holds = {"eq": np.allclose(np.diag(jac), a * (1 - a), atol=1e-6), "ne": np.allclose(jac[off], (-np.outer(a, a))[off], atol=1e-6),
             "ne-wrong": np.allclose(jac[off], np.outer(a, a)[off], atol=1e-6)}
    assert holds == {"eq": True, "ne": True, "ne-wrong": False}
    assert not np.allclose(jac, -np.outer(a, a), atol=1e-6)  # (judged for every j and k, "ne" would be a false reject)
    got = _verify(tmp_path, SOFTMAX, r"""For $j = k$:
$$\frac{\partial a_j}{\partial z_k} = a_j(1 - a_k) \tag{eq}$$
For $j \neq k$:
$$\frac{\partial a_j}{\partial z_k} = -a_j a_k \tag{ne}$$
For $j \neq k$:
$$\frac{\partial a_j}{\partial z_k} = a_j a_k \tag{ne-wrong}$$
""")
    for cid in ("eq", "ne", "ne-wrong"):
        assert got[cid].verdict == ("correct" if holds[cid] else "incorrect"), (cid, got[cid].message)


def test_a_condition_on_two_indices_written_after_a_claim_is_its_scope(tmp_path):
    z = np.random.default_rng(15).normal(size=3)
    soft = lambda v: np.exp(v - v.max()) / np.exp(v - v.max()).sum()  # noqa: E731
    jac = np.array([central_differences(lambda q, j=j: soft(q["z"])[j], {"z": z.copy()})["z"] for j in range(3)])
    a, off = soft(z), ~np.eye(3, dtype=bool)
    assert np.allclose(np.diag(jac), a * (1 - a), atol=1e-6) and np.allclose(jac[off], (-np.outer(a, a))[off], atol=1e-6)
    assert not np.allclose(jac[off], np.outer(a, a)[off], atol=1e-6)
    got = _verify(tmp_path, SOFTMAX, r"""$$ \frac{\partial a_j}{\partial z_i} = a_i(1 - a_i), \quad i = j \tag{eq}$$
$$ \frac{\partial a_j}{\partial z_i} = -a_i a_j,\quad i \neq j. \tag{ne}$$
$$ \frac{\partial a_j}{\partial z_i} = a_i a_j,\quad i \neq j. \tag{ne-wrong}$$
""")
    assert [got[k].verdict for k in ("eq", "ne", "ne-wrong")] == ["correct", "correct", "incorrect"]


def test_a_chain_from_an_entry_to_the_whole_vector_and_back_is_not_judged_wrong(tmp_path):
    # dudung's δ^L_j = ∂C/∂a^L_j σ'(z^L_j) ≡ ∇_a C ⊙ σ'(z^L) = (a^L_j − y_j) σ'(z^L_j): every side right (the oracle), the
    # vector side of another shape than the entries beside it
    rng = np.random.default_rng(16)
    z, y = rng.normal(size=2), rng.uniform(size=2)
    sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    delta = central_differences(lambda q: 0.5 * np.sum((sig(q["z"]) - y) ** 2), {"z": z.copy()})["z"]
    assert np.allclose(delta, (sig(z) - y) * sig(z) * (1 - sig(z)), atol=1e-6)
    spec = _spec("nielsen2", "row", 3, [(4, "sigmoid"), (2, "sigmoid")], "squared_error", 3.0)
    got = _verify(tmp_path, spec, r"""$$\delta^L_j = \frac{\partial C}{\partial a^L_j} \sigma'(z^L_j) \equiv \nabla_a C \odot \sigma'(z^L)
= (a^L_j - y_j) \sigma'(z^L_j) \tag{B5}$$
""")
    assert got["B5"].verdict != "incorrect", got["B5"].message


def test_one_tag_opening_a_block_of_rows_names_one_claim_as_a_closing_tag_does(tmp_path):
    # docs/VERIFY.md (Ids): one \tag over an aligned block makes one claim whose equations are each judged — wherever the
    # tag stands; a wrong row makes the claim incorrect (here ∂h/∂z: σ for σ', checked by differences)
    z = np.random.default_rng(17).normal(size=2)
    sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    slope = (sig(z + 1e-6) - sig(z - 1e-6)) / 2e-6
    assert np.allclose(slope, sig(z) * (1 - sig(z))) and not np.allclose(slope, sig(z))
    spec = _spec("one_sigmoid", "row", 3, [(2, "sigmoid")], "squared_error", 0.1)
    got = _verify(tmp_path, spec, "$$\\tag{T1}\n\\begin{aligned}\nh &= \\sigma(z) \\\\\n"
                                  "\\sigma'(z) &= \\sigma(z)(1 - \\sigma(z))\n\\end{aligned}\n$$\n\n"
                                  "$$\\tag{T2}\n\\begin{aligned}\nh &= \\sigma(z) \\\\\n"
                                  "\\sigma'(z) &= \\sigma(z)\n\\end{aligned}\n$$\n")
    assert got["T1"].verdict == "correct" and "2 equations" in got["T1"].message, got["T1"].message
    assert got["T2"].verdict == "incorrect", got["T2"].message
