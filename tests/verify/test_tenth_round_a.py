"""Readings of the tenth round, verify10a (issue 10, heldout10's MathsCode notes on Ng's courses, as classes): Ng's
square layer brackets with the answer's own layer letter (``Z^{[i]} = W^{[i]} A^{[i-1]} + b^{[i]}``), the prose naming
the number of layers by a letter ("the network has $k$ layers in total": ``dZ^{[k]} = A^{[k]} - Y`` is the last
layer's), the loss letter of one example (``L(\\hat y, y) = -(y \\log \\hat y + …)`` beside ``J = \\frac{1}{m} \\sum_i
L(\\hat y^{(i)}, y^{(i)})``), equations listed with a bare comma (``W = W - \\alpha v_{dw}, b = b - \\alpha v_{db}``),
``[g^{[i]}(Z^{[i]})]^{'}``, a bare β in an Adam moment's recurrence, β₁^t beside the answer's own t, a bare m (1/m)
under Adam, and Ng's ``(w^{[i]}_j)^T`` (a row of W, not read: never a verdict of incorrect).

The claims are written here in those notations, right ones and planted ones; the expected verdicts come from NumPy
(central differences, a forward pass and the optimizers' steps typed below), never from verify's own output."""

from __future__ import annotations

import numpy as np
from gradproof.verify.document import depth_letter
from gradproof.verify.judge import _comma_equations, _sum_over_layer_letter, _top_separator

RNG = np.random.default_rng(10)


def sig(v):
    return 1 / (1 + np.exp(-v))


def bce(yh, y):
    return -(y * np.log(yh) + (1 - y) * np.log(1 - yh))


def run(tmp_path, spec: str, name: str, body: str) -> dict:
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(spec)
    (tmp_path / name).write_text(body)
    results, _, _ = verify_file(str(tmp_path / name), str(tmp_path / "spec.toml"))
    return {r.id: r for r in results}


def oracle(flags: dict) -> dict:
    return {k: "correct" if ok else "incorrect" for k, ok in flags.items()}


#: Ng's course 1 network of the notes: 3 inputs, sigmoid layers of 4, 3 and 1 units, the cross-entropy, plain steps
NG_NET = ('name = "t10"\nconvention = "row"\ninputs = 3\nlayers = [{units = 4, activation = "sigmoid"}, '
          '{units = 3, activation = "sigmoid"}, {units = 1, activation = "sigmoid"}]\n'
          'loss = {name = "binary_cross_entropy"}\noptimizer = {name = "sgd", learning_rate = 0.01}\n')
#: a net with Adam (Ng's course 2): 3 inputs, a tanh layer of 4, a sigmoid output, the cross-entropy
ADAM_NET = ('name = "t10adam"\nconvention = "row"\ninputs = 3\nlayers = [{units = 4, activation = "tanh"}, '
            '{units = 1, activation = "sigmoid"}]\nloss = {name = "binary_cross_entropy"}\n'
            'optimizer = {name = "adam", learning_rate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8}\n')


def forward(params, X):
    """Ng's forward pass, samples as columns: Z^{[i]} = W^{[i]} A^{[i-1]} + b^{[i]}, A^{[i]} = σ(Z^{[i]})."""
    A, out = X, []
    for W, b in params:
        Z = W @ A + b
        A = sig(Z)
        out.append((Z, A))
    return out


def test_square_brackets_with_the_answers_layer_letter_and_the_prose_naming_the_last_layer(tmp_path):
    """MathsCode writes Ng's layers in square brackets with his own letter i (``Z^{[i]} = W^{[i]} A^{[i-1]} +
    b^{[i]}``) and says in prose that the network has k layers in total, then ``dZ^{[k]} = A^{[k]} - Y`` (the
    output's per-example dL/dz). The forward definitions are checked by a NumPy forward pass (the planted A^{[i]}
    for A^{[i-1]} does not even conform), the output's dZ by central differences of the per-example cross-entropy
    (σ(z) − y, not y − σ(z)). Without the prose k reads as a generic layer and dZ^{[1]} = A^{[1]} − Y would be wrong;
    with it, k is the last layer."""
    sizes = [3, 4, 3, 1]
    params = [(RNG.normal(size=(o, n)), RNG.normal(size=(o, 1))) for n, o in zip(sizes, sizes[1:], strict=False)]
    X, Y = RNG.normal(size=(3, 5)), RNG.integers(0, 2, size=(1, 5)).astype(float)
    layers = forward(params, X)
    Z2 = layers[1][0]
    h = 1e-6
    z = layers[2][0]
    dz = (bce(sig(z + h), Y) - bce(sig(z - h), Y)) / (2 * h)  # per example: column l's dL/dz
    flags = {"fwd": np.allclose(Z2, params[1][0] @ layers[0][1] + params[1][1]),
             "fwd-planted": params[1][0].shape[1] == layers[1][1].shape[0],  # W^{[2]} A^{[2]}: 3×4 times 3×5
             "dZ": np.allclose(dz, layers[2][1] - Y, atol=1e-6), "dZ-planted": np.allclose(dz, Y - layers[2][1])}
    assert oracle(flags) == {"fwd": "correct", "fwd-planted": "incorrect", "dZ": "correct", "dZ-planted": "incorrect"}
    body = ("假设网络的总共有$k$层，最后一层只有一个神经单元。\n\n"
            "$$\nZ^{[i]} = W^{[i]}A^{[i-1]}+b^{[i]} \\tag{fwd}\n$$\n\n"
            "$$\nA^{[i]} = \\sigma(Z^{[i]})\\tag{act}\n$$\n\n"
            "$$\nZ^{[i]} = W^{[i]}A^{[i]}+b^{[i]} \\tag{fwd-planted}\n$$\n\n"
            "$$\ndZ^{[k]} = A^{[k]}-Y \\tag{dZ}\n$$\n\n"
            "$$\ndZ^{[k]} = Y-A^{[k]} \\tag{dZ-planted}\n$$\n\n"
            "$$\ndw^{[k]} =\\frac{1}{m}dZ^{[k]}(A^{[k-1]})^T \\tag{dw}\n$$\n")
    got = run(tmp_path, NG_NET, "notes.md", body)
    assert {k: got[k].verdict for k in flags} == oracle(flags)
    assert got["act"].verdict == "correct" and got["dw"].verdict == "correct"
    english = body.replace("假设网络的总共有$k$层，最后一层只有一个神经单元。", "Suppose the network has $k$ layers in total.")
    got = run(tmp_path, NG_NET, "english.md", english)
    assert got["dZ"].verdict == "correct" and got["dZ-planted"].verdict == "incorrect"
    generic = body.replace("假设网络的总共有$k$层，最后一层只有一个神经单元。", "The k-th layer:")
    assert run(tmp_path, NG_NET, "generic.md", generic)["dZ"].verdict != "correct"  # k then any layer: dZ^{[1]} ≠ A^{[1]} − Y


def test_the_loss_letter_of_one_example_beside_the_mean_of_it(tmp_path):
    """Ng's ``L(\\hat{y},y) = -(ylog(\\hat{y})+(1-y)log(1-\\hat{y}))`` beside ``J(w,b) = \\frac{1}{m}\\sum_{i=1}^m
    L(\\hat{y}^{(i)},y^{(i)})``: the cost applies L to each example, so L's own definition in plain y, ŷ is one
    example's — its y log ŷ is a product of numbers, not of the batch's rows (read so it was a false reject: 1×m
    against the scalar loss). NumPy: the mean of the per-example cross-entropies is J; the planted L without its
    minus sign is −L."""
    yh, y = RNG.uniform(0.1, 0.9, size=6), RNG.integers(0, 2, size=6).astype(float)
    per = bce(yh, y)
    flags = {"L": np.allclose(per, -(y * np.log(yh) + (1 - y) * np.log(1 - yh))),
             "L-planted": np.allclose(per, y * np.log(yh) + (1 - y) * np.log(1 - yh)),
             "J": np.isclose(np.mean(per), np.sum(per) / 6)}
    body = ("$$\nL(\\hat{y},y) = -(ylog(\\hat{y})+(1-y)log(1-\\hat{y}))\\tag{L}\n$$\n\n"
            "$$\nL(\\hat{y},y) = (ylog(\\hat{y})+(1-y)log(1-\\hat{y}))\\tag{L-planted}\n$$\n\n"
            "$$\nJ(w,b) = \\frac{1}{m} \\sum_{i=1}^{m} L(\\hat{y}^{(i)},y^{(i)})\\tag{J}\n$$\n")
    got = run(tmp_path, NG_NET, "loss.md", body)
    assert {k: got[k].verdict for k in flags} == oracle(flags)
    # in a batch document (its dw averages over m) where no cost applies L to each example, L(ŷ, y) is not read so
    alone = body.split("$$\nJ(w,b)")[0] + "$$\ndw^{[3]} =\\frac{1}{m}dZ^{[3]}(A^{[2]})^T \\tag{dw}\n$$\n"
    got = run(tmp_path, NG_NET, "alone.md", alone)
    assert got["L"].verdict != "correct"


def adam_steps(W, dWs, alpha=0.001, b1=0.9, b2=0.999, eps=1e-8):
    """Adam's moments and step after len(dWs) gradients, ε outside the root (Ng's lecture)."""
    v, s = np.zeros_like(W), np.zeros_like(W)
    for g in dWs:
        v, s = b1 * v + (1 - b1) * g, b2 * s + (1 - b2) * g**2
    t = len(dWs)
    vc, sc = v / (1 - b1**t), s / (1 - b2**t)
    return v, s, vc, sc, W - alpha * vc / (np.sqrt(sc) + eps)


def test_optimizer_notes_in_ngs_letters_under_an_adam_spec(tmp_path):
    """MathsCode's course-2 notes graded on Adam: momentum's ``v_{dw} = \\beta v_{dw} + (1-\\beta) dW`` and RMSprop's
    ``S_{dw} = \\beta S_{dw} + (1-\\beta) dW^{2}`` are Adam's moment recurrences with the spec's β₁ and β₂ (the bare β
    of each moment; NumPy: the same recurrences typed out); ``V^{corrected}_{dw} = V_{dw}/(1-\\beta_1^t)`` with t the
    step even though the notes define their own ``t = e^{Z^{[l]}}`` later; the parameter steps written two on a line
    with a bare comma are read as two equations (Adam's right one correct, its planted one without the root
    incorrect); RMSprop's step, another optimizer's in a survey of three, is not judged (it was judged on a partial
    reading of the line), momentum's is judged as momentum's (fifteenth round); the average of a sequence θ_t (not a
    gradient) is no moment."""
    W, dWs = RNG.normal(size=(4, 3)), [RNG.normal(size=(4, 3)) for _ in range(3)]
    v, s, vc, sc, step = adam_steps(W, dWs)
    b1, b2, g = 0.9, 0.999, dWs[-1]
    v_prev, s_prev = adam_steps(W, dWs[:-1])[:2]
    flags = {"vdw": np.allclose(v, b1 * v_prev + (1 - b1) * g), "Sdw": np.allclose(s, b2 * s_prev + (1 - b2) * g**2),
             "Sdw-planted": np.allclose(s, b2 * s_prev + (1 - b2) * g),
             "Vc": np.allclose(vc, v / (1 - b1**3)), "Vc-planted": np.allclose(vc, v / (1 - b2**3)),
             "adam": np.allclose(step, W - 0.001 * vc / (np.sqrt(sc) + 1e-8)),
             "adam-planted": np.allclose(step, W - 0.001 * vc / (sc + 1e-8))}
    lines = {"vdw": r"v_{dw} = \beta v_{dw} + (1-\beta) dW", "Sdw": r"S_{dw} = \beta S_{dw} + (1-\beta) dW^{2}",
             "Sdw-planted": r"S_{dw} = \beta S_{dw} + (1-\beta) dW",
             "Vc": r"V_{dw}^{corrected} = \frac{V_{dw}}{(1-\beta_1^t)}",
             "Vc-planted": r"V_{dw}^{corrected} = \frac{V_{dw}}{(1-\beta_2^t)}",
             "adam": r"W = W-\alpha \frac{V_{dw}^{corrected}}{\sqrt {S_{dw}^{corrected}} +  \epsilon },"
                     r"b = b-\alpha \frac{V_{db}^{corrected}}{\sqrt {S_{db}^{corrected}} + \epsilon}",
             "adam-planted": r"W = W-\alpha \frac{V_{dw}^{corrected}}{S_{dw}^{corrected} +  \epsilon },"
                             r"b = b-\alpha \frac{V_{db}^{corrected}}{\sqrt {S_{db}^{corrected}} + \epsilon}",
             "momentum": r"W = W-\alpha v_{dw},b = b-\alpha v_{db}",
             "rmsprop": r"W = W-\alpha \frac{dw}{\sqrt S_{dw}},b = b-\alpha \frac{db}{\sqrt S_{db}}",
             "ewa": r"V_t = \beta V_{t-1} + (1-\beta)\theta_t", "t": r"t = e^{Z^{[l]}}"}
    body = 'spec = "spec.toml"\nbatch = 8\n' + "".join(
        f"\n[[claims]]\nid = \"{k}\"\nlatex = '''{v}'''\n" for k, v in lines.items())
    got = run(tmp_path, ADAM_NET, "answers.toml", body)
    assert {k: got[k].verdict for k in flags} == oracle(flags)
    # momentum's step, in a survey of three, is judged as momentum's (Ng's v = β v + (1 − β) dW, W − α v; fifteenth
    # round, foreign.momentum_judge): the claim's W − α v_{dw} against that step typed out
    v_new = b1 * v_prev + (1 - b1) * g
    momentum_right = np.allclose(W - 0.001 * v_new, W - 0.001 * (b1 * v_prev + (1 - b1) * g))
    assert got["momentum"].verdict == ("correct" if momentum_right else "incorrect")
    assert got["rmsprop"].verdict == "unchecked" and "RMSprop" in got["rmsprop"].message
    assert got["ewa"].verdict == "unchecked"  # θ_t is no gradient: β stays the spec's unknown constant


def test_a_bare_m_is_the_number_of_examples_under_adam(tmp_path):
    """Under Adam, m is also the first moment's letter; Ng's bare ``\\frac{1}{m}`` (no script) is the number of
    examples: ``J = \\frac{1}{m}\\sum_{i=1}^m L(\\hat y^{(i)}, y^{(i)})`` is the mean of the per-example losses
    (NumPy), and with the planted 1/(2m) it is half of it."""
    yh, y = RNG.uniform(0.1, 0.9, size=8), RNG.integers(0, 2, size=8).astype(float)
    J = np.mean(bce(yh, y))
    flags = {"J": np.isclose(J, np.sum(bce(yh, y)) / 8), "J-planted": np.isclose(J, np.sum(bce(yh, y)) / 16)}
    body = ('spec = "spec.toml"\nbatch = 8\n[[claims]]\nid = "J"\n'
            "latex = '''J = \\frac{1}{m}\\sum_{i=1}^{m} L(\\hat y ^{(i)},y^{(i)})'''\n"
            '[[claims]]\nid = "J-planted"\n'
            "latex = '''J = \\frac{1}{2m}\\sum_{i=1}^{m} L(\\hat y ^{(i)},y^{(i)})'''\n")
    got = run(tmp_path, ADAM_NET, "cost.toml", body)
    assert {k: got[k].verdict for k in flags} == oracle(flags)


def test_a_primed_bracket_and_ngs_row_of_w(tmp_path):
    """``dZ^{[i]} = (W^{[i+1]})^T dZ^{[i+1]} * [g^{[i]}(Z^{[i]})]^{'}`` (``*`` elementwise, as the notes say): the
    prime on the bracketed application is g' at Z^{[i]} (NumPy: the backward step typed out against central
    differences of the network's per-example loss); without the prime (planted) it is g itself. Ng's ``z^{[i]}_j =
    (w^{[i]}_j)^T a^{[i-1]} + b^{[i]}_j`` (w_j the j-th row of W as a column) is not read: whatever it gives, it is
    never called incorrect."""
    sizes = [3, 4, 3, 1]
    params = [(RNG.normal(size=(o, n)), RNG.normal(size=(o, 1))) for n, o in zip(sizes, sizes[1:], strict=False)]
    x, y = RNG.normal(size=(3, 1)), 1.0
    (Z1, A1), (Z2, A2), (Z3, A3) = forward(params, x)
    h = 1e-6

    def loss_from_z2(z2):
        a3 = sig(params[2][0] @ sig(z2) + params[2][1])
        return bce(a3, y).item()

    dZ2 = np.array([[(loss_from_z2(Z2 + h * e) - loss_from_z2(Z2 - h * e)) / (2 * h)] for e in np.eye(3)[:, :, None]])
    dZ3 = A3 - y
    flags = {"prime": np.allclose(dZ2.reshape(3, 1), params[2][0].T @ dZ3 * (A2 * (1 - A2)), atol=1e-6),
             "prime-planted": np.allclose(dZ2.reshape(3, 1), params[2][0].T @ dZ3 * A2)}
    body = ("$$\ndZ^{[i]} = (W^{[i+1]})^TdZ^{[i+1]}*[g^{[i]}(Z^{[i]})]^{'} \\tag{prime}\n$$\n\n"
            "$$\ndZ^{[i]} = (W^{[i+1]})^TdZ^{[i+1]}*[g^{[i]}(Z^{[i]})] \\tag{prime-planted}\n$$\n\n"
            "$$\nz^{[i]}_j = (w^{[i]}_j)^Ta^{[i-1]} + b^{[i]}_j \\tag{row}\n$$\n")
    got = run(tmp_path, NG_NET, "back.md", body)
    assert {k: got[k].verdict for k in flags} == oracle(flags)
    assert got["row"].verdict != "incorrect"


def test_a_row_going_on_with_the_chain_and_an_update_by_the_gradient_without_its_layer(tmp_path):
    """Typora's line breaks without an environment (``Z^{[i+1]} = W^{[i+1]}A^{[i]}+b^{[i+1]}\\\\ = W^{[i+1]}
    g^{[i]}(Z^{[i]})+b^{[i+1]}``): the second row goes on with the first's chain (NumPy: A^{[i]} = σ(Z^{[i]}), so both
    sides are Z^{[i+1]}; the planted g at Z^{[i+1]} is not). ``W^{[k]} = W^{[k]}-\alpha dw`` under "the network has k
    layers": dw is the gradient of the W it updates (NumPy: the step against the central-difference gradient; the
    planted ascent is not it)."""
    sizes = [3, 4, 3, 1]
    params = [(RNG.normal(size=(o, n)), RNG.normal(size=(o, 1))) for n, o in zip(sizes, sizes[1:], strict=False)]
    X, Y = RNG.normal(size=(3, 4)), RNG.integers(0, 2, size=(1, 4)).astype(float)
    (Z1, A1), (Z2, A2), (Z3, A3) = forward(params, X)
    W3, b3 = params[2]

    def J(w):
        return np.mean(bce(sig(w @ A2 + b3), Y))

    h, grad = 1e-6, np.zeros_like(W3)
    for idx in np.ndindex(W3.shape):
        e = np.zeros_like(W3)
        e[idx] = h
        grad[idx] = (J(W3 + e) - J(W3 - e)) / (2 * h)
    alpha = 0.01
    flags = {"row": np.allclose(Z2, params[1][0] @ sig(Z1) + params[1][1]),
             "row-planted": params[1][0].shape[1] == Z2.shape[0],  # W^{[2]} g(Z^{[2]}): 3×4 times 3×4 does not conform
             "step": np.allclose(W3 - alpha * grad, W3 - alpha * (A3 - Y) @ A2.T / 4, atol=1e-8),
             "step-planted": np.allclose(W3 - alpha * grad, W3 + alpha * grad)}
    body = ("Suppose the network has $k$ layers in total.\n\n"
            "$$\nZ^{[i+1]} = W^{[i+1]}A^{[i]}+b^{[i+1]}\\\\\\\\\n= W^{[i+1]}g^{[i]}(Z^{[i]})+b^{[i+1]} \\tag{row}\n$$\n\n"
            "$$\nZ^{[i+1]} = W^{[i+1]}A^{[i]}+b^{[i+1]}\\\\\\\\\n= W^{[i+1]}g^{[i]}(Z^{[i+1]})+b^{[i+1]} \\tag{row-planted}\n$$\n\n"
            "$$\ndw^{[k]} =\\frac{1}{m}dZ^{[k]}(A^{[k-1]})^T \\tag{dw}\n$$\n\n"
            "$$\nW^{[k]} = W^{[k]}-\\alpha dw \\tag{step}\n$$\n\n"
            "$$\nW^{[k]} = W^{[k]}+\\alpha dw \\tag{step-planted}\n$$\n")
    got = run(tmp_path, NG_NET, "rows.md", body)
    assert {k: got[k].verdict for k in flags} == oracle(flags)


def test_an_entry_of_the_answers_own_vector(tmp_path):
    """Ng's softmax: ``t = e^{z^{[2]}}``, then ``a^{[2]} = \\frac{e^{z^{[2]}}}{\\sum_{j=1}^{3} t_j}``: t_j is entry j of
    the answer's own vector t (NumPy: softmax(z) = e^z / Σ_j e^{z_j}); the planted e^{t} in the numerator is not."""
    z = RNG.normal(size=3)
    t = np.exp(z)
    soft = t / t.sum()
    flags = {"a": np.allclose(soft, np.exp(z) / np.sum(t)), "a-planted": np.allclose(soft, np.exp(t) / np.sum(t))}
    spec = ('name = "t10soft"\nconvention = "row"\ninputs = 2\nlayers = [{units = 4, activation = "tanh"}, '
            '{units = 3, activation = "softmax"}]\nloss = {name = "cross_entropy"}\n'
            'optimizer = {name = "sgd", learning_rate = 0.1}\n')
    body = ('spec = "spec.toml"\n[[claims]]\nid = "t"\nlatex = \'\'\'t = e^{z^{[2]}}\'\'\'\n'
            '[[claims]]\nid = "a"\nlatex = \'\'\'a^{[2]} = \\frac{e^{z^{[2]}}}{\\sum_{j=1}^{3} t_j}\'\'\'\n'
            '[[claims]]\nid = "a-planted"\nlatex = \'\'\'a^{[2]} = \\frac{e^{t}}{\\sum_{j=1}^{3} t_j}\'\'\'\n')
    got = run(tmp_path, spec, "soft.toml", body)
    assert {k: got[k].verdict for k in flags} == oracle(flags)


def test_a_sum_whose_index_is_also_the_layer_letter(tmp_path):
    """``db^{[i]} = \\frac{1}{m}\\sum_{i=1}^{m} dZ^{[i]}_i`` (MathsCode, i his layer letter): i names the layer and the
    summed examples at once — unchecked, never incorrect. With the examples' index renamed the claim reads: db is the
    mean of dZ's columns (NumPy, on the network's per-example dZ of the output); the planted sum without 1/m is not."""
    dZ = RNG.normal(size=(1, 6))
    flags = {"db": np.allclose(dZ.mean(axis=1, keepdims=True), sum(dZ[:, [c]] for c in range(6)) / 6),
             "db-planted": np.allclose(dZ.mean(axis=1, keepdims=True), sum(dZ[:, [c]] for c in range(6)))}
    body = ("Suppose the network has $k$ layers in total.\n\n"
            "$$\ndZ^{[k]} = A^{[k]}-Y \\tag{dZ}\n$$\n\n"
            "$$\ndb^{[k]}= \\frac{1}{m}\\sum_{j=1}^{m} dZ^{[k]}_j\\tag{db}\n$$\n\n"
            "$$\ndb^{[k]}= \\sum_{j=1}^{m} dZ^{[k]}_j\\tag{db-planted}\n$$\n\n"
            "$$\nZ^{[i]} = W^{[i]}A^{[i-1]}+b^{[i]} \\tag{fwd}\n$$\n\n"
            "$$\ndb^{[i]}= \\frac{1}{m}\\sum_{i=1}^{m} dZ^{[i]}_i\\tag{both}\n$$\n")
    got = run(tmp_path, NG_NET, "db.md", body)
    assert {k: got[k].verdict for k in flags} == oracle(flags)
    assert got["both"].verdict == "unchecked"
    assert _sum_over_layer_letter(r"db^{[i]}= \frac{1}{m}\sum_{i=1}^{m} dZ^{[i]}_i") == "i"
    assert _sum_over_layer_letter(r"R = \sum_{l=1}^{L} \|W^{(l)}\|^2") is None  # a sum over the layers themselves


def test_the_prose_naming_the_number_of_layers():
    """The sentences that name the last layer by a letter, in the forms the corpus has met (MathsCode, CS229), and the
    k-th layer (第$k$层), which names none."""
    assert depth_letter("假设网络的总共有$k$层，最后一层只有一个神经单元") == "k"
    assert depth_letter("for layer $\\ell = 1, 2, \\ldots, N$, where $N$ is the number of layers of the network") == "N"
    assert depth_letter("For output layer $N$, we have") == "N"
    assert depth_letter("a network with $L$ layers") == "L"
    assert depth_letter("这里的$W^{[k]}$的每一行对应的是第$k$层的一个节点的参数") is None
    assert depth_letter("the network has $k$ layers; an $L$-layer network") is None  # two letters: no reading


def test_equations_listed_with_a_comma():
    """``W = W-\\alpha v_{dw},b = b-\\alpha v_{db}`` lists two equations; a comma inside a group (f(x, y), w_{j,k}),
    an index's range (k = 1, …) or a trailing comma lists none."""
    assert _comma_equations(r"W = W-\alpha v_{dw},b = b-\alpha v_{db}") == [r"W = W-\alpha v_{dw}", r"b = b-\alpha v_{db}"]
    assert len(_comma_equations(r"L(\hat y, y) = -(y \log \hat y)")) == 1
    assert len(_comma_equations(r"\delta_k = y_k - t_k, k = 1, \ldots, K")) == 1
    assert len(_comma_equations(r"w_{j,k} = w_{j,k} - \eta \delta_j x_k")) == 1
    assert _top_separator(r"a = b, c = d") and not _top_separator(r"a = f(b, c) = d,")
    assert not _top_separator(r"a = b \, c")
