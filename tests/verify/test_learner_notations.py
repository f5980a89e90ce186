"""Notations of learners' and practitioners' derivations (issue 10, sixth round): σ with a layer index as that layer's
activation, Markdown's escaped ``\\\\( … \\\\)``, optimizer letters written with braces or under a hat, and ``\\bigtriangledown``.

Each test mixes right claims with planted ones written here in the notation; the expected verdicts come from NumPy
(the network's own activations, central differences, Kingma & Ba's Adam typed below), never from verify."""

from __future__ import annotations

import numpy as np
from gradproof.derive.derivation import derive
from gradproof.derive.spec import spec_from_dict
from gradproof.verify.cli import verify_file
from gradproof.verify.judge import Claim, Judge

RNG = np.random.default_rng(7)
Z = RNG.normal(size=5)
ACT = {"tanh": np.tanh, "sigmoid": lambda v: 1 / (1 + np.exp(-v)), "relu": lambda v: np.maximum(v, 0.0)}


def net(hidden, output, loss="squared_error", units=(4, 2), optimizer=None):
    spec = {"name": "t", "inputs": 3, "convention": "row",
            "layers": [{"units": units[0], "activation": hidden}, {"units": units[1], "activation": output}],
            "loss": {"name": loss}, "optimizer": optimizer or {"name": "sgd", "learning_rate": 0.1}}
    return derive(spec_from_dict(spec), check=False)


def verdicts(d, claims):
    results = Judge(d).check_all([Claim(cid, latex) for cid, latex in claims])
    return {r.id: r.verdict for r in results}


def same(f, g) -> str:
    """'correct' when two elementwise functions agree at random points, else 'incorrect' (the oracle's verdict)."""
    return "correct" if np.allclose(f(Z), g(Z), atol=1e-6) else "incorrect"


def slope(f):
    """f' by central differences."""
    return lambda v: (f(v + 1e-6) - f(v - 1e-6)) / 2e-6


def test_sigma_with_a_layer_index_is_that_layers_activation():
    """Nowaczyk's a_l = σ_l(z_l) in a tanh-then-logistic network: σ_1 is tanh, σ_2 the logistic function; a claim
    that puts the other layer's function (or the logistic derivative) on layer 1 is wrong."""
    d = net("tanh", "sigmoid")
    tanh, logistic = ACT["tanh"], ACT["sigmoid"]
    claims = {"a1": (r"a_1 = \sigma_1(z_1)", same(tanh, tanh)),
              "bad-a1": (r"a_1 = \sigma_2(z_1)", same(logistic, tanh)),
              "al": (r"a_l = \sigma_l(z_l)", "correct"),
              "d1": (r"\sigma_1'(z_1) = 1 - a_1 \odot a_1", same(slope(tanh), lambda v: 1 - tanh(v) ** 2)),
              "bad-d1": (r"\sigma_1'(z_1) = a_1 \odot (1 - a_1)", same(slope(tanh), lambda v: tanh(v) * (1 - tanh(v)))),
              "d2": (r"\sigma_2'(z_2) = a_2 \odot (1 - a_2)",
                     same(slope(logistic), lambda v: logistic(v) * (1 - logistic(v))))}
    assert [claims[k][1] for k in ("bad-a1", "bad-d1")] == ["incorrect", "incorrect"]
    got = verdicts(d, [(k, latex) for k, (latex, _) in claims.items()])
    assert got == {k: want for k, (_, want) in claims.items()}


def test_without_a_layer_index_sigma_stays_the_logistic_function():
    """An answer that never indexes σ by layer means the logistic function by it: σ(z_1) for a tanh layer is a
    mistake to report, not a notation to read."""
    d = net("tanh", "sigmoid")
    want = same(ACT["sigmoid"], ACT["tanh"])
    assert verdicts(d, [("a1", r"a_1 = \sigma(z_1)"), ("a2", r"a_2 = \sigma(z_2)")]) == {"a1": want, "a2": "correct"}


def test_an_indexed_sigma_in_a_network_without_a_logistic_layer():
    """CMU 10-714's σ_i in a ReLU network with a softmax output: the bare σ (and σ') is the hidden layers' ReLU, so
    its derivative is the 0/1 step and the logistic identity σ(1 − σ) is wrong; a bias left out is still wrong."""
    d = net("relu", "softmax", loss="cross_entropy", units=(4, 3))
    relu, logistic = ACT["relu"], ACT["sigmoid"]
    step = lambda v: np.where(v > 0, 1.0, 0.0)  # noqa: E731
    claims = {"a2": (r"a_2 = \sigma_2(W_2 a_1 + b_2)", "correct"),  # σ_2 names the softmax layer: its own output
              "step": (r"\sigma'(z_1) = \begin{cases} 1 & \text{if } z_1 > 0 \\ 0 & \text{otherwise} \end{cases}",
                       same(slope(relu), step)),
              "bad-step": (r"\sigma'(z_1) = \sigma(z_1) \odot (1 - \sigma(z_1))",
                           same(slope(relu), lambda v: relu(v) * (1 - relu(v)))),
              "h": (r"a_1 = \sigma(W_1 x + b_1)", same(relu, relu)),
              "bad-h": (r"a_1 = \sigma(W_1 x)", "incorrect")}  # b_1 ≠ 0 at the judge's points
    assert same(slope(relu), lambda v: logistic(v) * (1 - logistic(v))) == "incorrect"
    got = verdicts(d, [(k, latex) for k, (latex, _) in claims.items()])
    assert got == {k: want for k, (_, want) in claims.items()}


def adam_moments(g, m_prev, v_prev, t, b1=0.9, b2=0.999):
    """Kingma & Ba, Algorithm 1, typed here: the moments and their bias corrections after step t."""
    m = b1 * m_prev + (1 - b1) * g
    v = b2 * v_prev + (1 - b2) * g * g
    return m, v, m / (1 - b1 ** t), v / (1 - b2 ** t)


def test_escaped_inline_math_and_optimizer_letters(tmp_path):
    """Jekyll's ``\\\\( … \\\\)`` (the closer escaped too, so no stray backslash is left in the claim), Adam written
    with g_{t}, \\hat{m_t} (the hat over the scripted letter) and \\bigtriangledown for the gradient's ∇."""
    b1, b2 = 0.9, 0.999
    g, m0, v0 = RNG.normal(size=4), RNG.normal(size=4), RNG.random(4)
    m, v, mhat, vhat = adam_moments(g, m0, v0, 3)
    oracle = {  # each claim's own formula at the same numbers, against Algorithm 1
        "m": np.allclose(b1 * m0 + (1 - b1) * g, m), "bad-m": np.allclose(b1 * m0 + b1 * g, m),
        "vhat": np.allclose(v / (1 - b2 ** 3), vhat), "bad-vhat": np.allclose(v / (1 - b1 ** 3), vhat),
        "mhat": np.allclose(m / (1 - b1 ** 3), mhat)}
    assert oracle == {"m": True, "bad-m": False, "vhat": True, "bad-vhat": False, "mhat": True}
    doc = tmp_path / "notes.md"
    doc.write_text("# Adam\n\n"
                   "First moment: \\\\(m_t=\\beta_1 \\cdot m_{t-1} + (1-\\beta_1) \\cdot g_{t} \\\\)\n\n"
                   "Planted: \\\\(m_t=\\beta_1 \\cdot m_{t-1} + \\beta_1 \\cdot g_{t} \\\\)\n\n"
                   "Corrected: \\\\(\\hat{v_t}=\\frac{v_t}{1-\\beta_2^t} \\\\)\n\n"
                   "Planted: \\\\(\\hat{v_t}=\\frac{v_t}{1-\\beta_1^t} \\\\)\n\n"
                   "And \\\\(\\hat{m_t} = \\frac{m_t}{1 - \\beta_1^t}\\\\) with "
                   "\\\\(g_t = \\bigtriangledown_W J\\\\), not \\\\(g_t = -\\triangledown_W J\\\\).\n")
    spec = tmp_path / "net.toml"
    spec.write_text('name = "adam1"\nconvention = "row"\ninputs = 2\n\n[[layers]]\nunits = 1\nactivation = "identity"\n\n'
                    '[loss]\nname = "squared_error"\n\n[optimizer]\nname = "adam"\nlearning_rate = 0.001\n'
                    'beta1 = 0.9\nbeta2 = 0.999\nepsilon = 1e-8\n')
    results, _meta, _s = verify_file(str(doc), str(spec))
    got = [(r.latex, r.verdict) for r in results]
    assert all(not latex.rstrip().endswith("\\") for latex, _ in got)
    assert [v for _, v in got] == ["correct" if ok else "incorrect" for ok in
                                   (oracle["m"], oracle["bad-m"], oracle["vhat"], oracle["bad-vhat"], oracle["mhat"])] + [
        "correct", "incorrect"]  # ∇J and −∇J: the gradient itself, and its opposite


def reference_point(d, batch, sizes=(3, 4, 2), Y=None):
    """Random parameters and a batch, with every quantity of tests/dense_reference.py (per-sample δ as rows)."""
    from dense_reference import DenseReference

    ref = DenseReference(d)
    params = {}
    for l in (1, 2):
        params[f"W{l}"] = RNG.normal(size=(sizes[l], sizes[l - 1]))
        params[f"b{l}"] = RNG.normal(size=sizes[l])
    X = RNG.normal(size=(batch, sizes[0]))
    Y = RNG.random((batch, sizes[-1])) if Y is None else Y
    return ref, params, X, Y, ref.backward(params, X, Y)


def test_a_claim_relating_delta_and_a_gradient_reads_one_objective_in_a_batch():
    """Nielsen's δ^L = ∇_a C ⊙ σ'(z^L) in a batch: δ is each sample's own and the gradient by ŷ (or h) in the same
    claim is then each sample's too (not the mean's, 1/N apart); dW = (1/N) δ^T h keeps its 1/N."""
    d = net("tanh", "sigmoid")
    _ref, params, X, _Y, g = reference_point(d, 3)
    n, dsig = len(X), g["h2"] * (1 - g["h2"])
    assert np.allclose(g["delta2"], n * g["dyhat"] * dsig) and not np.allclose(g["delta2"], g["dyhat"] * dsig)
    oracle = {"d2": np.allclose(g["delta2"], n * g["dyhat"] * dsig),
              "bad-d2": np.allclose(g["delta2"], n * g["dyhat"] * g["h2"]),
              "d1": np.allclose(g["delta1"], n * g["dh1"] * (1 - g["h1"] ** 2)),
              "bad-d1": np.allclose(g["delta1"], n * g["dh1"] * (1 - g["h1"])),
              "dW": np.allclose(g["dW2"], g["delta2"].T @ g["h1"] / n),
              "bad-dW": np.allclose(g["dW2"], g["delta2"].T @ g["h1"])}
    claims = {"d2": r"\delta^{(2)} = \frac{\partial J}{\partial \hat{y}} \odot \sigma'(z^{(2)})",
              "bad-d2": r"\delta^{(2)} = \frac{\partial J}{\partial \hat{y}} \odot \sigma(z^{(2)})",
              "d1": r"\delta^{(1)} = \frac{\partial J}{\partial h^{(1)}} \odot (1 - h^{(1)} \odot h^{(1)})",
              "bad-d1": r"\delta^{(1)} = \frac{\partial J}{\partial h^{(1)}} \odot (1 - h^{(1)})",
              "dW": r"\frac{\partial J}{\partial W^{(2)}} = \frac{1}{N} \delta^{(2)T} h^{(1)}",
              "bad-dW": r"\frac{\partial J}{\partial W^{(2)}} = \delta^{(2)T} h^{(1)}"}
    results = Judge(d, batch=3).check_all([Claim(k, v) for k, v in claims.items()])
    assert {r.id: r.verdict for r in results} == {k: "correct" if ok else "incorrect" for k, ok in oracle.items()}


def test_a_sum_written_without_its_index_runs_over_the_one_letter_inside():
    """blackKeys17's z = \\sum{w_i x_i} + b, C = \\sum{(y_i - a_i)^2}: the bare sum runs over the entry letter that
    only its term uses; a letter also used outside it (z_j) stays free."""
    d = net("tanh", "sigmoid")
    ref, params, X, Y, g = reference_point(d, 1)
    W, b, x = params["W1"], params["b1"], X[0]
    loss = ref.loss(params, X, Y)
    yhat, y = g["h2"][0], Y[0]
    oracle = {"z": np.allclose(g["z1"][0], [sum(W[j, i] * x[i] for i in range(3)) + b[j] for j in range(4)]),
              "bad-z": np.allclose(g["z1"][0], [sum(W[j, i] * x[i] for i in range(3)) - b[j] for j in range(4)]),
              "J": np.isclose(loss, 0.5 * sum((yhat[k] - y[k]) ** 2 for k in range(2))),
              "bad-J": np.isclose(loss, 0.5 * sum((yhat[k] + y[k]) ** 2 for k in range(2)))}
    claims = {"z": r"z^{(1)}_j = \sum{W^{(1)}_{ji} x_i} + b^{(1)}_j",
              "bad-z": r"z^{(1)}_j = \sum{W^{(1)}_{ji} x_i} - b^{(1)}_j",
              "J": r"J = \frac{1}{2}\sum{(\hat{y}_k - y_k)^2}",
              "bad-J": r"J = \frac{1}{2}\sum{(\hat{y}_k + y_k)^2}"}
    assert verdicts(d, list(claims.items())) == {k: "correct" if ok else "incorrect" for k, ok in oracle.items()}


SPEC_SIGMOID = ('name = "n5"\nconvention = "row"\ninputs = 3\n\n[[layers]]\nunits = 4\nactivation = "sigmoid"\n\n'
                '[[layers]]\nunits = 2\nactivation = "sigmoid"\n\n[loss]\nname = "squared_error"\n\n'
                '[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')


def test_entry_claims_of_a_batch_document_read_for_one_example_under_a_per_example_cost(tmp_path):
    """blackKeys17 and Nielsen: C = 1/m Σ_i C_i over a minibatch, and C = ½ Σ_k (y_k − a^L_k)² one example's cost;
    ∂C/∂b^L_j = δ^L_j, written entry by entry with no sample index, is then about one example (the document is
    judged with a batch of several). Without the per-example definition they stay unchecked."""
    from gradproof.derive.spec import load_spec

    spec = tmp_path / "net.toml"
    spec.write_text(SPEC_SIGMOID)
    d = derive(load_spec(spec), check=False)
    _ref, _params, _X, _Y, g = reference_point(d, 1)
    delta2, h1 = g["delta2"][0], g["h1"][0]
    oracle = {"db": np.allclose(g["db2"], delta2), "bad-db": np.allclose(g["db2"], -delta2),
              "dw": np.allclose(g["dW2"], [[delta2[j] * h1[k] for k in range(4)] for j in range(2)]),
              "bad-dw": np.allclose(g["dW2"], [[delta2[j] for _k in range(4)] for j in range(2)]),
              "dbl": np.allclose(g["db1"], g["delta1"][0])}
    claims = {"db": r"\frac{\partial C}{\partial b^L_j} = \delta^L_j", "bad-db": r"\frac{\partial C}{\partial b^L_j} = -\delta^L_j",
              "dw": r"\frac{\partial C}{\partial w^L_{jk}} = a^{1}_k \delta^L_j",
              "bad-dw": r"\frac{\partial C}{\partial w^L_{jk}} = \delta^L_j", "dbl": r"\frac{\partial C}{\partial b^l_j} = \delta^l_j"}
    head = [r"C = \frac{1}{m}\sum_{i=1}^m C_i", r"C = \frac{1}{2}\sum_k (y_k - a^L_k)^2"]
    for cost, want in ((True, {k: "correct" if ok else "incorrect" for k, ok in oracle.items()}),
                       (False, dict.fromkeys(oracle, "unchecked"))):
        doc = tmp_path / "notes.md"
        # (a gradient averaged over the minibatch: a mean in the objective's definition alone would leave a document
        # with no sample matrices at one example, document._DEFINES_OBJECTIVE)
        averaged = [r"\frac{\partial C}{\partial b^L} = \frac{1}{m}\sum_{i=1}^m \frac{\partial C_i}{\partial b^L}"]
        doc.write_text("\n\n".join(f"$${latex}$$" for latex in (head if cost else head[:1]) + averaged + list(claims.values()))
                       + "\n")
        results, meta, _s = verify_file(str(doc), str(spec))
        assert meta["batch"] > 1
        got = {r.latex: r.verdict for r in results}
        assert {k: got[latex] for k, latex in claims.items()} == want


def test_y_defined_as_the_output_layers_activation_is_the_output():
    """Nowaczyk's y := a_L: y names the network's output (and t the target) by the answer's own definition; a y
    defined as a hidden layer's activation names nothing and stays the target's letter."""
    d = net("tanh", "sigmoid")
    _ref, _params, _X, Y, g = reference_point(d, 1)
    yhat, t = g["h2"][0], Y[0]
    oracle = {"dC": np.allclose(g["dyhat"][0], yhat - t), "bad-dC": np.allclose(g["dyhat"][0], t - yhat)}
    claims = [("y", r"y := a_L"), ("dC", r"\frac{\partial J}{\partial y} = y - t"),
              ("bad-dC", r"\frac{\partial J}{\partial y} = t - y")]
    assert verdicts(d, claims) == {"y": "correct", **{k: "correct" if ok else "incorrect" for k, ok in oracle.items()}}
    assert verdicts(d, [("y", r"y := a_1")]) == {"y": "incorrect"}  # the target is not layer 1's activation


def test_a_tilde_letter_defined_as_the_affine_map_is_the_summed_input():
    """Goto's x̃^{(l)} = W^{(l)} x^{(l-1)} + b^{(l)}: x̃ is the summed input and x the activation (x^{(0)} the input), N
    beside the layer index l the last layer (x^{(l<N)}: every layer before it), and t written transposed (t^T) the
    one-hot target."""
    d = net("tanh", "softmax", loss="cross_entropy", units=(4, 3))
    ref, params, X, Y, g = reference_point(d, 1, sizes=(3, 4, 3), Y=np.eye(3)[[1]])
    x0, z1, z2, t = X[0], g["z1"][0], g["z2"][0], Y[0]
    p = np.exp(z2) / np.exp(z2).sum()
    oracle = {"h1": np.allclose(g["h1"][0], np.tanh(z1)),
              "bad-h1": np.allclose(g["h1"][0], np.tanh(params["W1"] @ x0)),
              "L": np.isclose(ref.loss(params, X, Y), -t @ np.log(p)), "bad-L": np.isclose(ref.loss(params, X, Y), -t @ p),
              "d": np.allclose(g["delta2"][0], p - t), "bad-d": np.allclose(g["delta2"][0], t - p),
              "hidden": np.allclose(g["h1"][0], np.tanh(z1)),  # x^{(l<N)}: the layers before the last only
              "bad-hidden": np.allclose(g["h1"][0], np.exp(z1) / np.exp(z1).sum())}
    claims = {"zl": r"\tilde{x}^{(l)} = W^{(l)} x^{(l-1)} + b^{(l)}", "h1": r"x^{(1)} = \tanh(\tilde{x}^{(1)})",
              "bad-h1": r"x^{(1)} = \tanh(W^{(1)} x^{(0)})", "out": r"x^{(N)} = \operatorname{softmax}(\tilde{x}^{(N)})",
              "L": r"L = -t^\top \log x^{(N)}",
              "d": r"\frac{\partial L}{\partial \tilde{x}^{(N)}} = x^{(N)} - t",
              "bad-d": r"\frac{\partial L}{\partial \tilde{x}^{(N)}} = t - x^{(N)}",
              "hidden": r"x^{(l<N)} = \tanh(\tilde{x}^{(l)})", "bad-hidden": r"x^{(l<N)} = \operatorname{softmax}(\tilde{x}^{(l)})",
              "bad-L": r"L = -t^\top x^{(N)}"}  # last: derivatives after a second objective are not judged (main's rule)
    want = {"zl": "correct", "out": "correct", **{k: "correct" if ok else "incorrect" for k, ok in oracle.items()}}
    assert verdicts(d, list(claims.items())) == {k: want[k] for k in claims}



def test_an_operation_shown_on_its_own_numbers_is_not_a_claim_about_the_network():
    """blackKeys17's a ⊙ b = (1·4, 2·5, 3·6)^T = (4, 10, 18)^T explains ⊙ on three numbers while a and b of the
    network have 4 entries: unchecked, not wrong; a layer's value written with the wrong number of entries is wrong."""
    d = net("tanh", "sigmoid")
    a, b = np.array([1.0, 2.0, 3.0]), np.array([4.0, 5.0, 6.0])
    assert np.allclose(a * b, [4, 10, 18]) and d.network.sizes[1] != len(a)
    claims = [("example", r"a \odot b = \begin{pmatrix} 1 \times 4 \\ 2 \times 5 \\ 3 \times 6 \end{pmatrix} "
                          r"= \begin{pmatrix} 4 \\ 10 \\ 18 \end{pmatrix}"),
              ("h", r"h^{(1)} = \begin{pmatrix} 0.1 \\ 0.2 \\ 0.3 \end{pmatrix} = \begin{pmatrix} 0.1 \\ 0.2 \\ 0.3 "
                    r"\end{pmatrix}")]
    assert verdicts(d, claims) == {"example": "unchecked", "h": "incorrect"}


SPEC_ADAM = ('name = "adam1"\nconvention = "row"\ninputs = 2\n\n[[layers]]\nunits = 1\nactivation = "identity"\n\n'
             '[loss]\nname = "squared_error"\n\n[optimizer]\nname = "adam"\nlearning_rate = 0.001\nbeta1 = 0.9\n'
             'beta2 = 0.999\nepsilon = 1e-8\nepsilon_placement = "outside"\n')


def test_notes_on_several_optimizers_under_an_adam_spec(tmp_path):
    """Halevy's notes: w_t = w_{t-1} - α m̂_t / (√v̂_t + ε) is Adam's step (and without the root it is wrong), but
    w_t = w_{t-1} + v_t is momentum's (v a velocity, not Adam's second moment) and ∇f(w_{t-1}) names a function of
    the weights, not an activation: those are unchecked, never judged against Adam."""
    g, m0, v0 = RNG.normal(size=2), RNG.normal(size=2), RNG.random(2)
    m, v, mhat, vhat = adam_moments(g, m0, v0, 4)
    w, alpha, eps = RNG.normal(size=2), 0.001, 1e-8
    step = w - alpha * mhat / (np.sqrt(vhat) + eps)  # Kingma & Ba, Algorithm 1
    oracle = {"adam": np.allclose(w - alpha * mhat / (np.sqrt(vhat) + eps), step),
              "bad-adam": np.allclose(w - alpha * mhat / (vhat + eps), step)}
    claims = {"adam": r"w_t = w_{t-1} - \frac{\alpha \hat{m}_t}{\sqrt{\hat{v}_t} + \epsilon}",
              "bad-adam": r"w_t = w_{t-1} - \frac{\alpha \hat{m}_t}{\hat{v}_t + \epsilon}",
              "momentum": r"w_t = w_{t-1} + v_t", "f": r"g_t = \nabla_w f(w_{t-1})", "g": r"g(t) = \nabla_w J"}
    spec, doc = tmp_path / "adam.toml", tmp_path / "notes.md"
    spec.write_text(SPEC_ADAM)
    doc.write_text("\n\n".join(f"$${latex}$$" for latex in claims.values()) + "\n")
    results, _meta, _s = verify_file(str(doc), str(spec))
    got = {r.latex: r.verdict for r in results}
    want = {"momentum": "unchecked", "f": "unchecked", "g": "unchecked",
            **{k: "correct" if ok else "incorrect" for k, ok in oracle.items()}}
    assert {k: got[latex] for k, latex in claims.items()} == want
