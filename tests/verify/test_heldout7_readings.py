"""Readings of the seventh round (issue 10, heldout7's false rejects as classes): a letter the answer uses for the
activation function (a(W^T x + b), α(z), α_2(…)), a quantity written as a function of the input (h(x)), the
momentum velocity defined with the learning rate inside (v_t = γ v_{t−1} + η g), a loss named that is not the
spec's (MSE(ŷ, y) beside a binary cross-entropy), R(x) as a function rather than the regularizer, and an objective
defined off the spec's by a constant factor with no derivative to tell a convention from a slip.

The claims are written here in those notations, right ones and planted ones; the expected verdicts come from NumPy
(tests/dense_reference.py's forward pass and gradients at random parameters, the momentum step typed below), never
from verify's own output. Where an oracle cannot decide (another optimizer's step, another loss), the verdict
expected is ``unchecked``, and the test says why."""

from __future__ import annotations

import numpy as np
from gradproof.derive.derivation import derive
from gradproof.derive.spec import spec_from_dict
from gradproof.verify.judge import Claim, Judge

RNG = np.random.default_rng(11)
ACT = {"tanh": np.tanh, "sigmoid": lambda v: 1 / (1 + np.exp(-v)), "relu": lambda v: np.maximum(v, 0.0)}


def net(hidden, output, convention="row", loss="squared_error", units=(4, 2), optimizer=None):
    spec = {"name": "t7", "inputs": 3, "convention": convention,
            "layers": [{"units": units[0], "activation": hidden}, {"units": units[1], "activation": output}],
            "loss": {"name": loss}, "optimizer": optimizer or {"name": "sgd", "learning_rate": 0.1}}
    return derive(spec_from_dict(spec), check=False)


def point(d, Y=None):
    """Random parameters (in the spec's convention: W is outputs x inputs in "row", inputs x outputs in "column") and
    one sample, with every quantity of tests/dense_reference.py."""
    from dense_reference import DenseReference

    sizes = d.network.sizes
    row = d.network.convention == "row"
    params = {}
    for l in range(1, len(sizes)):
        params[f"W{l}"] = RNG.normal(size=(sizes[l], sizes[l - 1]) if row else (sizes[l - 1], sizes[l]))
        params[f"b{l}"] = RNG.normal(size=sizes[l])
    X = RNG.normal(size=(1, sizes[0]))
    Y = RNG.random((1, sizes[-1])) if Y is None else Y
    ref = DenseReference(d)
    return ref, params, X, Y, ref.backward(params, X, Y)


def verdicts(d, claims) -> dict:
    return {r.id: r.verdict for r in Judge(d).check_all([Claim(cid, latex) for cid, latex in claims.items()])}


def oracle(flags: dict) -> dict:
    return {k: "correct" if ok else "incorrect" for k, ok in flags.items()}


def test_a_letter_applied_to_a_summed_input_is_the_activation_function():
    """jovidie's h = a(W^T x + b) ("a is the activation function", W inputs x outputs) and Storberg's a_2 = α_2(W_2 a_1
    + b_2), a = α(z): a product of the hidden layer (or of the learning rate α) with a summed input means nothing, so
    the letter is the function. a^{(2)}(1 − a^{(2)}) stays a product."""
    d = net("tanh", "sigmoid", convention="column")
    _ref, p, X, _Y, g = point(d)
    x, h1, yhat = X[0], g["h1"][0], g["h2"][0]
    tanh, sig = ACT["tanh"], ACT["sigmoid"]
    flags = {"h1": np.allclose(h1, tanh(p["W1"].T @ x + p["b1"])),
             "bad-h1": np.allclose(h1, tanh(p["W1"].T @ x)),
             "a2": np.allclose(yhat, sig(p["W2"].T @ h1 + p["b2"])),
             "bad-a2": np.allclose(yhat, sig(p["W2"].T @ h1 - p["b2"])),
             "az": np.allclose(h1, tanh(g["z1"][0])),
             "bad-az": np.allclose(h1, sig(g["z1"][0])),
             "prod": np.allclose(sig(g["z2"][0]) * (1 - sig(g["z2"][0])), yhat * (1 - yhat)),
             "bad-prod": np.allclose(sig(g["z2"][0]) * (1 - sig(g["z2"][0])), yhat * (1 + yhat))}
    claims = {"h1": r"\mathbf{h}^{(1)} = a \Big( \mathbf{W}^{(1)T} \mathbf{x} + \mathbf{b}^{(1)} \Big)",
              "bad-h1": r"\mathbf{h}^{(1)} = a \Big( \mathbf{W}^{(1)T} \mathbf{x} \Big)",
              "a2": r"\boldsymbol{a}^{(2)} = \alpha_2(\underbrace{\mathbf W^{(2)T} \boldsymbol a^{(1)} + \boldsymbol b^{(2)}}_{z})",
              "bad-a2": r"\boldsymbol{a}^{(2)} = \alpha_2(\mathbf W^{(2)T} \boldsymbol a^{(1)} - \boldsymbol b^{(2)})",
              "az": r"a^{(1)} = \alpha(z^{(1)})",
              "bad-az": r"a^{(1)} = \sigma(z^{(1)})",
              "prod": r"\sigma'(z^{(2)}) = a^{(2)}(1 - a^{(2)})",
              "bad-prod": r"\sigma'(z^{(2)}) = a^{(2)}(1 + a^{(2)})"}
    assert [flags[k] for k in flags if k.startswith("bad")] == [False] * 4
    assert verdicts(d, claims) == oracle(flags)


def test_a_quantity_written_as_a_function_of_the_input():
    """Coblin's h(x) = σ(W^{[1]} x + b^{[1]}) and f(x; θ) = σ(W^{[2]} h(x) + b^{[2]}): h(x) is the hidden layer, not
    h times x (a 4×1 times a 3×1)."""
    d = net("sigmoid", "sigmoid")
    _ref, p, X, _Y, g = point(d)
    x, h1, yhat = X[0], g["h1"][0], g["h2"][0]
    sig = ACT["sigmoid"]
    flags = {"h": np.allclose(h1, sig(p["W1"] @ x + p["b1"])),
             "bad-h": np.allclose(h1, sig(p["W1"] @ x)),
             "out": np.allclose(yhat, sig(p["W2"] @ h1 + p["b2"])),
             "bad-out": np.allclose(yhat, sig(p["W2"] @ h1))}
    claims = {"h": r"h(x) = \sigma (W^{[1]} x + b^{[1]})",
              "bad-h": r"h(x) = \sigma (W^{[1]} x)",
              "out": r"\hat{y} = \sigma (W^{[2]} h(x) + b^{[2]})",
              "bad-out": r"\hat{y} = \sigma (W^{[2]} h(x))"}
    assert verdicts(d, claims) == oracle(flags)


def momentum_step(lr, mu, sign):
    """One step of the spec's classic momentum (v ← μ v + g, θ ← θ − α v) typed here, with the answer's velocity
    u_t = μ u_{t−1} + sign·η g (so u = sign·α v at every step): (θ, θ', u_t)."""
    theta, g, v_prev = RNG.normal(size=5), RNG.normal(size=5), RNG.normal(size=5)
    v = mu * v_prev + g
    u_prev = sign * lr * v_prev
    u = mu * u_prev + sign * lr * g
    return theta, theta - lr * v, u


def test_a_momentum_velocity_with_the_learning_rate_inside():
    """jovidie's v_t = η ∇C + γ v_{t−1}, θ_{t+1} = θ_t − v_t under the spec's v ← μ v + g, θ ← θ − α v: their v is
    α times the spec's, so the step is right; θ_t − η v_t is not. Sutskever's form (v_t = μ v_{t−1} − η ∇J, then
    θ_{t+1} = θ_t + v_t) likewise."""
    d = net("tanh", "sigmoid", optimizer={"name": "momentum", "learning_rate": 0.1, "momentum": 0.9})
    theta, after, u = momentum_step(0.1, 0.9, +1)
    flags = {"step": np.allclose(after, theta - u), "bad-step": np.allclose(after, theta - 0.1 * u)}
    claims = {"v": r"\mathbf{v}_{t} = \eta \nabla_{W} J + \mu \mathbf{v}_{t-1}",
              "step": r"\boldsymbol{\theta}_{t+1}= \boldsymbol{\theta}_t -\mathbf{v}_{t}",
              "bad-step": r"\boldsymbol{\theta}_{t+1}= \boldsymbol{\theta}_t - \eta \mathbf{v}_{t}"}
    got = verdicts(d, claims)
    assert {k: got[k] for k in flags} == oracle(flags)
    assert got["v"] in ("correct", "unchecked")  # (the velocity's own definition: right, if it reads)

    theta, after, u = momentum_step(0.1, 0.9, -1)
    flags = {"step": np.allclose(after, theta + u), "bad-step": np.allclose(after, theta - u)}
    claims = {"v": r"v_t = \mu v_{t-1} - \eta \nabla_{W} J",
              "step": r"\theta_{t+1} = \theta_t + v_t",
              "bad-step": r"\theta_{t+1} = \theta_t - v_t"}
    got = verdicts(d, claims)
    assert {k: got[k] for k in flags} == oracle(flags)


def test_a_velocity_the_specs_optimizer_does_not_have_is_not_judged_against_it():
    """Storberg's momentum section under a spec whose optimizer is Adam: θ_{t+1} = θ_t − v_t subtracts the momentum
    velocity, not Adam's second moment v. No oracle can grade another optimizer's step against Adam: unchecked, with
    the reason (it was a false reject: judged as θ − Adam's v)."""
    d = net("sigmoid", "sigmoid", optimizer={"name": "adam", "learning_rate": 0.001})
    claims = {"v": r"\boldsymbol v_t = \gamma \boldsymbol v_{t-1} + \eta \boldsymbol{g}",
              "step": r"\boldsymbol{\theta}_{t+1} = \boldsymbol{\theta}_t - \boldsymbol v_t"}
    results = {r.id: r for r in Judge(d).check_all([Claim(k, v) for k, v in claims.items()])}
    assert results["step"].verdict == "unchecked" and "momentum velocity" in results["step"].message


def test_a_loss_named_that_is_not_the_specs_is_not_judged_as_the_specs():
    """A methods section's MSE(ŷ, y) = 1/n Σ (ŷ_i − y_i)² and CE(ŷ, y) = −Σ y_i log ŷ_i beside the network's binary
    cross-entropy: definitions of other losses, unchecked (they were judged as the spec's objective). The spec's own
    loss, defined, is still judged (NumPy's binary cross-entropy)."""
    d = net("tanh", "sigmoid", loss="binary_cross_entropy", units=(4, 1))
    ref, p, X, Y, g = point(d, Y=np.array([[1.0]]))
    yhat, y = g["h2"][0, 0], Y[0, 0]
    loss = ref.loss(p, X, Y)
    flags = {"bce": np.isclose(loss, -(y * np.log(yhat) + (1 - y) * np.log(1 - yhat))),
             "bad-bce": np.isclose(loss, -(y * np.log(yhat) - (1 - y) * np.log(1 - yhat)))}
    claims = {"mse": r"\text{MSE}(\hat{y}, y) = \frac{1}{n} \sum_{i=1}^{n} (\hat{y}_i - y_i)^2",
              "ce": r"\text{CE}(\hat{y}, y) = -\sum_{i=1}^{n} y_i \log(\hat{y}_i)",
              "bce": r"L = -\left(y \log \hat{y} + (1 - y) \log(1 - \hat{y})\right)",
              "bad-bce": r"L = -\left(y \log \hat{y} - (1 - y) \log(1 - \hat{y})\right)"}
    assert flags["bad-bce"] is not True or y == 1.0  # (with y = 1 the second term vanishes: keep the planted one apart)
    got = verdicts(d, claims)
    assert got["mse"] == got["ce"] == "unchecked"
    assert {k: got[k] for k in ("bce",)} == oracle({"bce": flags["bce"]})


def test_r_of_x_is_a_function_the_answer_names_not_the_regularizer():
    """wj-jason's ReLU(x) = R(x) = max(0, x): R applied to x is his short name for ReLU, not a regularizer (the spec
    has none, so it read as 0 and the chain was rejected). The chain's other link is judged."""
    d = net("sigmoid", "identity", units=(4, 1))
    v = RNG.normal(size=7)
    flags = {"relu": np.allclose(ACT["relu"](v), np.maximum(0, v)), "bad-relu": np.allclose(ACT["relu"](v), np.maximum(0, -v))}
    claims = {"relu": r"\text{ReLU}(x)=\text{R}(x)=\text{max}(0,x)", "bad-relu": r"\text{ReLU}(x)=\text{R}(x)=\text{max}(0,-x)"}
    assert verdicts(d, claims) == oracle(flags)


def test_an_objective_off_by_a_factor_with_no_derivative_is_not_called_wrong():
    """wj-jason's C = (1/n) Σ (ŷ_i − y_i)² with n = 1 output, where the spec's squared error is ½ (ŷ − y)²: twice the
    spec's at every point (NumPy), and no derivative of the answer reads on either scale — his convention or a slip,
    which one is not known: unchecked. A definition that is no constant multiple of the spec's stays incorrect."""
    d = net("sigmoid", "identity", units=(4, 1))
    ratios, others = [], []
    for _ in range(3):
        ref, p, X, Y, g = point(d)
        yhat, y, loss = g["h2"][0, 0], Y[0, 0], ref.loss(p, X, Y)
        ratios.append((yhat - y) ** 2 / loss)
        others.append((yhat + y) ** 2 / loss)
    assert np.allclose(ratios, 2.0) and not np.allclose(others, others[0])
    got = verdicts(d, {"C": r"C=\frac{1}{n}\sum_{i=0}^{n-1}(\hat{y}_i-y_i)^2",
                       "bad-C": r"C=\frac{1}{n}\sum_{i=0}^{n-1}(\hat{y}_i+y_i)^2"})
    assert got == {"C": "unchecked", "bad-C": "incorrect"}
    # beside a definition on the spec's scale (ratio 1, from the same NumPy points), the factor is the slip
    halves = [(r / 2) for r in ratios]
    assert np.allclose(halves, 1.0)
    got = verdicts(d, {"half": r"C=\frac{1}{2}(\hat{y}-y)^2", "C": r"C=\frac{1}{n}\sum_{i=0}^{n-1}(\hat{y}_i-y_i)^2"})
    assert got == {"half": "correct", "C": "incorrect"}


def test_delta_numbered_from_the_input_while_z_and_w_count_from_zero():
    """Britz's notebook: z_1 = x W_1 + b_1 (rows; W_1 inputs x units), then δ_3 = ŷ − y for the output's ∂L/∂z_2
    and δ_2 = (1 − tanh² z_1) ∘ δ_3 W_2^T for the hidden layer's: δ one past the last layer can only be numbered from
    the input as layer 1, so every δ is one layer down (it was "δ names layer 3"). Verdicts from NumPy."""
    d = net("tanh", "softmax", convention="column", loss="cross_entropy", units=(4, 2))
    _ref, p, _X, _Y, g = point(d, Y=np.array([[0.0, 1.0]]))
    z1, a1 = g["z1"][0], g["h1"][0]
    d_out, d_hid = g["delta2"][0], g["delta1"][0]
    flags = {
        "d3": np.allclose(d_out, g["h2"][0] - np.array([0.0, 1.0])),
        "d2": np.allclose(d_hid, (1 - np.tanh(z1) ** 2) * (d_out @ p["W2"].T)),
        "bad-d2": np.allclose(d_hid, (1 - np.tanh(z1)) * (d_out @ p["W2"].T)),
        "dW2": np.allclose(g["dW2"], np.outer(a1, d_out)),
        "db1": np.allclose(g["db1"], d_hid),
        "bad-db1": np.allclose(g["db1"], d_out @ p["W2"].T),
    }
    claims = {
        "d3": r"\delta_3 = \hat{y} - y",
        "d2": r"\delta_2 = (1 - \tanh^2z_1) \circ \delta_3W_2^T",
        "bad-d2": r"\delta_2 = (1 - \tanh z_1) \circ \delta_3W_2^T",
        "dW2": r"\frac{\partial{L}}{\partial{W_2}} = a_1^T \delta_3",
        "db1": r"\frac{\partial{L}}{\partial{b_1}} = \delta_2",
        "bad-db1": r"\frac{\partial{L}}{\partial{b_1}} = \delta_3 W_2^T",
    }
    assert verdicts(d, claims) == oracle(flags)


DOC_SPEC = ('name = "t7doc"\nconvention = "row"\ninputs = 3\n\n[[layers]]\nunits = 4\nactivation = "sigmoid"\n\n'
            '[[layers]]\nunits = 3\nactivation = "softmax"\n\n[loss]\nname = "cross_entropy"\n\n'
            '[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')


def test_one_examples_loss_in_a_document_judged_with_a_batch_is_read_for_one_example(tmp_path):
    """Coblin's post: a 1/m average over a batch somewhere in the document makes it judged with a batch of several
    examples, and ∂ℓ/∂W^{[2]} (ℓ one example's loss, no example named) was unchecked. It holds for any one example
    and is read for one: right and planted claims against NumPy's one-example gradient."""
    from gradproof.derive.spec import load_spec
    from gradproof.verify.cli import verify_file

    spec = tmp_path / "net.toml"
    spec.write_text(DOC_SPEC)
    d = derive(load_spec(spec), check=False)
    _ref, p, _X, _Y, g = point(d, Y=np.array([[0.0, 0.0, 1.0]]))
    err, h1 = g["h2"][0] - np.array([0.0, 0.0, 1.0]), g["h1"][0]
    flags = {"dW2": np.allclose(g["dW2"], np.outer(err, h1)), "bad-dW2": np.allclose(g["dW2"], np.outer(err, 1 - h1)),
             "db2": np.allclose(g["db2"], err), "bad-db2": np.allclose(g["db2"], -err)}
    doc = tmp_path / "answer.md"
    doc.write_text("The gradient over a batch of m examples:\n\n"
                   "$$\\frac{\\partial J}{\\partial b^{[2]}} = \\frac{1}{m} \\sum_{i=1}^{m} (\\hat{y}^{(i)} - y^{(i)})$$\n\n"
                   "For one example:\n\n"
                   "$$\\frac{\\partial \\ell}{\\partial W^{[2]}} = (\\hat{y} - y) h^{[1]T}$$\n\n"
                   "$$\\frac{\\partial \\ell}{\\partial W^{[2]}} = (\\hat{y} - y) (1 - h^{[1]})^T$$\n\n"
                   "$$\\frac{\\partial \\ell}{\\partial b^{[2]}} = \\hat{y} - y$$\n\n"
                   "$$\\frac{\\partial \\ell}{\\partial b^{[2]}} = y - \\hat{y}$$\n")
    results, _meta, _s = verify_file(str(doc), str(spec))
    got = {r.latex.split("=", 1)[1].strip(): r.verdict for r in results[1:]}
    assert list(got.values()) == [oracle(flags)[k] for k in ("dW2", "bad-dW2", "db2", "bad-db2")]


def test_a_mean_only_in_the_objectives_definition_leaves_a_per_example_document_at_one_example():
    """Britz's L = −(1/N) Σ_n Σ_i y_{n,i} log ŷ_{n,i} beside per-example formulas (x, z_1, δ_3): judged for one example;
    Raschka's batch letters (X, A, Z) or a 1/m in a gradient keep the batch (so that a missing 1/m shows)."""
    from gradproof.verify.document import DOCUMENT_BATCH, document_batch

    d = net("tanh", "softmax", convention="column", loss="cross_entropy", units=(4, 2))
    loss = Claim("L", r"L(y,\hat{y}) = - \frac{1}{N} \sum_{n \in N} \sum_{i \in C} y_{n,i} \log\hat{y}_{n,i}")
    per_example = [loss, Claim("d", r"\delta_3 = \hat{y} - y"), Claim("w", r"\frac{\partial L}{\partial W_2} = a_1^T \delta_3")]
    batch_letters = [*per_example, Claim("z", r"Z_1 = X W_1 + b_1")]
    averaged = [*per_example, Claim("b", r"\frac{\partial L}{\partial b_2} = \frac{1}{N} \sum_{n=1}^{N} \delta_3^{(n)}")]
    assert document_batch(per_example, d.network) == 1
    # a batch of DOCUMENT_BATCH examples, or the next size that is no layer's width (verify6a: square arrays fit both layouts)
    assert document_batch(batch_letters, d.network) == document_batch(averaged, d.network) >= DOCUMENT_BATCH
    assert document_batch(averaged, d.network) not in d.network.sizes
