"""Readings of the eighth round (issue 10, heldout8's false rejects as classes): plain arithmetic on rounded numbers
without [values] (e^{0.1739} ≈ 1.1904), an objective defined inside a derivative of it (∂L/∂ŷ = ∂/∂ŷ (y − ŷ)²),
a derivative whose numerator lost its d (A/dZ for dA/dZ), the steps of other optimizers in an answer that sets out
several (gradient descent, momentum, RMSprop, then Adam), a generic claim without a bias in a network where only some
layers have one, and t = e^{Z} as the answer's own letter (not Adam's step count).

The claims are written here in those notations, right ones and planted ones; the expected verdicts come from NumPy
(the numbers' own arithmetic, central differences, a forward pass and an Adam step typed below), never from verify's
own output. Where no oracle can decide (another optimizer's step, a claim whose layers are not said), the verdict
expected is ``unchecked``, and the test says why."""

from __future__ import annotations

import numpy as np
from gradproof.derive.derivation import derive
from gradproof.derive.spec import spec_from_dict
from gradproof.verify.judge import Claim, Judge

RNG = np.random.default_rng(8)


def sig(v):
    return 1 / (1 + np.exp(-v))


def net(layers, loss="squared_error", optimizer=None, convention="row", inputs=3):
    spec = {"name": "t8", "inputs": inputs, "convention": convention, "layers": layers, "loss": {"name": loss},
            "optimizer": optimizer or {"name": "sgd", "learning_rate": 0.1}}
    return derive(spec_from_dict(spec), check=False)


def results(d, claims: dict, batch: int = 1) -> dict:
    return {r.id: r for r in Judge(d, batch=batch).check_all([Claim(k, v) for k, v in claims.items()])}


def verdicts(d, claims: dict, batch: int = 1) -> dict:
    return {k: r.verdict for k, r in results(d, claims, batch).items()}


def oracle(flags: dict) -> dict:
    return {k: "correct" if ok else "incorrect" for k, ok in flags.items()}


def central(f, v, h=1e-6):
    return (f(v + h) - f(v - h)) / (2 * h)


def test_plain_arithmetic_on_rounded_numbers_is_judged_to_the_digits_written():
    """Nafiz's softmax by hand, no [values]: e^{0.0529} ≈ 1.0543, e^{0.1739} ≈ 1.1904 (0.04 % off), e^{−0.0075} ≈ 0.9925
    — numbers rounded as written, within half a unit of their last digit or 1 % (they were compared to 1e-6 and
    rejected). A planted sign of the exponent is off by 30 % and stays wrong."""
    d = net([{"units": 3, "activation": "relu"}, {"units": 3, "activation": "softmax"}], loss="cross_entropy")
    written = {"a": (0.0529, 1.0543), "b": (0.1739, 1.1904), "c": (-0.0075, 0.9925), "bad-b": (-0.1739, 1.1904),
               "bad-a": (0.0529, 1.0843)}
    flags = {k: abs(np.exp(e) - v) <= max(0.5e-4, 0.01 * np.exp(e)) for k, (e, v) in written.items()}
    assert flags == {"a": True, "b": True, "c": True, "bad-b": False, "bad-a": False}
    claims = {k: rf"e^{{{e}}} \approx {v}" for k, (e, v) in written.items()}
    assert verdicts(d, claims) == oracle(flags)
    # exact arithmetic is still exact: 0.5 + 1.2 - 4.2 = -2.5, and -1.5 is wrong
    assert verdicts(d, {"sum": "0.5 + 1.2 - 4.2 = -2.5", "bad-sum": "0.5 + 1.2 - 4.2 = -1.5"}) == oracle(
        {"sum": np.isclose(0.5 + 1.2 - 4.2, -2.5), "bad-sum": np.isclose(0.5 + 1.2 - 4.2, -1.5)})


def test_an_objective_defined_inside_its_own_derivative():
    """Rudra's notes: ∂L/∂Ŷ = ∂/∂Ŷ (Y − Ŷ)² = −2(Y − Ŷ), with no other definition of L, under a spec whose squared
    error is ½(ŷ − y)²: the claim writes its L out, twice the spec's — the answer's convention, and the derivative on
    it is right (central differences of (y − ŷ)²). The power belongs inside the derivative (it was read as
    (∂/∂Ŷ (Y − Ŷ))² = 1). A wrong last link, or an objective that is no multiple of the spec's, stays wrong."""
    d = net([{"units": 2, "activation": "identity"}, {"units": 1, "activation": "identity"}], inputs=2)
    y, yh = RNG.normal(), RNG.normal()
    slope = central(lambda v: (y - v) ** 2, yh)
    ratio = (y - yh) ** 2 / (0.5 * (yh - y) ** 2)
    assert np.isclose(ratio, 2.0)
    flags = {"own": np.isclose(slope, -2 * (y - yh)), "bad-last": np.isclose(slope, -(y - yh)),
             "bad-cube": np.isclose(central(lambda v: (y - v) ** 3, yh), -2 * (y - yh))}
    assert flags == {"own": True, "bad-last": False, "bad-cube": False}
    head = r"\frac{\partial L}{\partial \hat{Y}} = \frac{\partial}{\partial \hat{Y}} "
    claims = {"own": head + r"(Y - \hat{Y})^2 = -2(Y - \hat{Y})", "bad-last": head + r"(Y - \hat{Y})^2 = -(Y - \hat{Y})",
              "bad-cube": head + r"(Y - \hat{Y})^3 = -2(Y - \hat{Y})"}
    got = {k: verdicts(d, {k: latex})[k] for k, latex in claims.items()}  # (each its own answer: one definition each)
    assert got == oracle(flags)


def test_a_derivative_whose_numerator_lost_its_d():
    """Erika Duan's \\tfrac{A^{[3]}}{dZ^{[3]}} = σ(Z^{[3]})(1 − σ(Z^{[3]})): an activation divided by a gradient is
    nothing backprop computes, so the fraction is dA/dZ with the d lost; judged as that (central differences of the
    sigmoid). With 1 + it is wrong."""
    d = net([{"units": 3, "activation": "sigmoid"}, {"units": 1, "activation": "sigmoid"}], loss="binary_cross_entropy")
    z = RNG.normal(size=4)
    slope = central(sig, z)
    flags = {"typo": np.allclose(slope, sig(z) * (1 - sig(z))), "typo-a": np.allclose(slope, sig(z) * (1 - sig(z))),
             "bad-typo": np.allclose(slope, sig(z) * (1 + sig(z)))}
    claims = {"typo": r"\tfrac{A^{[2]}}{dZ^{[2]}} = \sigma(Z^{[2]}) \cdot (1 - \sigma(Z^{[2]}))",
              "typo-a": r"\tfrac{A^{[2]}}{dZ^{[2]}} = A^{[2]} \cdot(1-A^{[2]})",
              "bad-typo": r"\tfrac{A^{[2]}}{dZ^{[2]}} = A^{[2]} \cdot(1+A^{[2]})"}
    assert verdicts(d, claims) == oracle(flags)


def adam_step(w, g, m, v, t, lr=0.001, b1=0.9, b2=0.999, eps=1e-8):
    """Adam with ε inside the root, as Ng's notes write it: (w', m', v')."""
    m, v = b1 * m + (1 - b1) * g, b2 * v + (1 - b2) * g * g
    mh, vh = m / (1 - b1 ** t), v / (1 - b2 ** t)
    return w - lr * mh / np.sqrt(vh + eps), m, v


ADAM = {"name": "adam", "learning_rate": 0.001, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8,
        "epsilon_placement": "inside"}


def test_an_answer_that_sets_out_several_optimizers_in_turn():
    """Prakash's notes on Ng's course, graded on Adam: W := W − α dW (gradient descent), W = W − α v_dW (momentum),
    W = W − α dW/√(S_dW + ε) (RMSprop), then Adam's step. The first three are other algorithms' steps, right for them
    — not Adam's step (an Adam step typed here differs from each), and not slips in it: gradient descent's and
    RMSprop's unchecked with the reason (they were rejected as Adam's), momentum's judged as momentum's (fifteenth
    round). Adam's own step is judged: right, and planted with + for −, wrong."""
    d = net([{"units": 4, "activation": "tanh"}, {"units": 2, "activation": "sigmoid"}], optimizer=ADAM)
    w, g, m0, v0 = RNG.normal(size=5), RNG.normal(size=5), RNG.normal(size=5), RNG.random(5)
    after, m1, v1 = adam_step(w, g, m0, v0, t=3)
    assert not np.allclose(after, w - 0.001 * g) and not np.allclose(after, w - 0.001 * m1)
    assert not np.allclose(after, w - 0.001 * g / np.sqrt(v1 + 1e-8))
    mh, vh = m1 / (1 - 0.9 ** 3), v1 / (1 - 0.999 ** 3)
    flags = {"adam-W": np.allclose(after, w - 0.001 * mh / np.sqrt(vh + 1e-8)),
             "bad-adam-W": np.allclose(after, w + 0.001 * mh / np.sqrt(vh + 1e-8)),
             # momentum's own step (Ng's v ← β v + (1 − β) dW, W − α v; fifteenth round: judged as momentum's), with
             # the velocity typed out against the moment adam_step computes
             "momentum-W": np.allclose(w - 0.001 * m1, w - 0.001 * (0.9 * m0 + 0.1 * g))}
    claims = {"gd": r"W := W - \alpha \cdot dW",
              "vdW": r"v_{dW} = \beta_1 v_{dW} + (1 - \beta_1) dW",
              "SdW": r"S_{dW} = \beta_2 S_{dW} + (1 - \beta_2) (dW)^2",
              "momentum-W": r"W = W - \alpha \cdot v_{dW}",
              "rmsprop-W": r"W = W - \alpha \frac{dW}{\sqrt{S_{dW} + \epsilon}}",
              "vc": r"v_{dW}^{\text{corrected}} = \frac{v_{dW}}{1 - \beta_1^t}",
              "Sc": r"S_{dW}^{\text{corrected}} = \frac{S_{dW}}{1 - \beta_2^t}",
              "adam-W": r"W = W - \alpha \frac{v_{dW}^{\text{corrected}}}{\sqrt{S_{dW}^{\text{corrected}} + \epsilon}}",
              "bad-adam-W": r"W = W + \alpha \frac{v_{dW}^{\text{corrected}}}{\sqrt{S_{dW}^{\text{corrected}} + \epsilon}}"}
    got = results(d, claims)
    assert {k: got[k].verdict for k in flags} == oracle(flags)
    for k, algorithm in (("gd", "plain gradient descent"), ("rmsprop-W", "RMSprop")):
        assert got[k].verdict == "unchecked" and algorithm in got[k].message, (k, got[k].message)


def test_one_plain_step_beside_the_specs_optimizer_is_still_a_slip():
    """Ng's momentum notes with W = W − α dW beside the momentum step (two algorithms, not a survey of several): the
    plain step is not the spec's momentum step (typed here: θ − α(μ v + g)), so it is judged and wrong."""
    opt = {"name": "momentum", "learning_rate": 0.01, "momentum": 0.9}
    d = net([{"units": 4, "activation": "tanh"}, {"units": 2, "activation": "sigmoid"}], optimizer=opt)
    w, g, v0 = RNG.normal(size=5), RNG.normal(size=5), RNG.normal(size=5)
    flags = {"plain": np.allclose(w - 0.01 * (0.9 * v0 + g), w - 0.01 * g)}
    claims = {"v": r"v_{dW^{[1]}} = \beta v_{dW^{[1]}} + dW^{[1]}",
              "step": r"W^{[1]} = W^{[1]} - \alpha v_{dW^{[1]}}",
              "plain": r"W^{[1]} = W^{[1]} - \alpha dW^{[1]}"}
    assert verdicts(d, claims)["plain"] == oracle(flags)["plain"]


def test_a_generic_claim_without_a_bias_where_only_some_layers_have_one():
    """Ng's Z^{[l]} = W^{[l]} A^{[l-1]} ("with batch norm, b^{[l]} is dropped"), in a network whose first layer has no
    bias and whose output layer has one: it holds for layer 1 and not for layer 2 (NumPy: z2 = W2 a1 + b2 with b2 ≠ 0),
    and the claim does not say which layers it is about — unchecked. Each layer written out is judged."""
    d = net([{"units": 4, "activation": "tanh", "bias": False}, {"units": 2, "activation": "sigmoid"}])
    W1, W2, b2, x = RNG.normal(size=(4, 3)), RNG.normal(size=(2, 4)), RNG.normal(size=2), RNG.normal(size=3)
    a1 = np.tanh(W1 @ x)
    z2 = W2 @ a1 + b2
    flags = {"one": True, "two": np.allclose(z2, W2 @ a1), "with": True}  # (layer 1: no bias by the spec)
    got = results(d, {"generic": r"Z^{[l]} = W^{[l]}A^{[l-1]}", "one": r"Z^{[1]} = W^{[1]}A^{[0]}",
                      "with": r"Z^{[2]} = W^{[2]}A^{[1]} + b^{[2]}",
                      "two": r"Z^{[2]} = W^{[2]}A^{[1]}"})
    assert {k: got[k].verdict for k in flags} == oracle(flags)
    assert got["generic"].verdict == "unchecked" and "no bias" in got["generic"].message


def test_t_defined_as_the_exponential_of_z_is_the_answers_own_letter():
    """Ng's softmax in two steps, t = e^{Z^{[L]}}, A^{[L]} = t / Σ_j t_j: t is the answer's letter, not Adam's step
    count t (it was "expected 1, the claim gives 4×1000": incorrect). A definition is not graded."""
    d = net([{"units": 4, "activation": "relu"}, {"units": 3, "activation": "softmax"}], loss="cross_entropy",
            optimizer=ADAM)
    got = results(d, {"t": r"t = e^{Z^{[2]}}"})
    assert got["t"].verdict == "unchecked" and "own symbol" in got["t"].message


def test_ngs_layer_script_written_on_the_line():
    """Nafiz's W[1], Z[l], A[l-1], dZ[4] (Ng's superscript [l] written on the line): the bracket names the layer (it was
    "Z needs a layer index"). Verdicts from a forward pass typed here (tanh hidden, sigmoid output); the planted ones
    use σ for the hidden layer's tanh, and drop the bias."""
    d = net([{"units": 4, "activation": "tanh"}, {"units": 2, "activation": "sigmoid"}])
    W1, b1, x = RNG.normal(size=(4, 3)), RNG.normal(size=4), RNG.normal(size=3)
    z1 = W1 @ x + b1
    flags = {"z1": True, "a1": np.allclose(np.tanh(z1), np.tanh(z1)), "bad-a1": np.allclose(np.tanh(z1), sig(z1)),
             "bad-z1": np.allclose(z1, W1 @ x)}
    claims = {"z1": "Z[1] = W[1]X + b[1]", "a1": r"A[1] = \tanh(Z[1])", "bad-a1": r"A[1] = \sigma(Z[1])",
              "bad-z1": "Z[1] = W[1]X", "zl": "Z[l] = W[l]A[l-1] + b[l]"}
    got = verdicts(d, claims)
    assert {k: got[k] for k in flags} == oracle(flags)
    assert got["zl"] == "correct"  # (every layer: z = W a + b by the spec's own forward pass)


def test_a_document_that_says_its_batch_is_one_example():
    """Nafiz's "For simplification assume m = 1" between dW[4] = \\frac{1}{m} dZ[4] A[3]^T and dW[4] = dZ[4] A[3]^T: the
    document is judged with one example (it was a batch of 5, chosen for the 1/m, and the per-example formulas were
    rejected for a missing 1/m). Without the sentence, the 1/m still asks for a batch."""
    from gradproof.verify.document import document_batch, extract

    d = net([{"units": 3, "activation": "relu"}, {"units": 3, "activation": "softmax"}], loss="cross_entropy")
    said = "$$\ndW[2] = \\frac{1}{m} dZ[2] A[1]^T\n$$\nFor simplification assume m = 1,\n$$\ndW[2] = dZ[2] A[1]^T\n$$\n"
    silent = said.replace("For simplification assume m = 1,", "Calculating:")
    assert document_batch(extract(said), d.network) == 1
    assert document_batch(extract(silent), d.network) > 1


SPEC = """name = "byhand"
title = "a 2-2-2 ReLU network with a softmax output, one example"
convention = "row"
inputs = 2
layers = [{units = 2, activation = "relu"}, {units = 2, activation = "softmax"}]
loss = {name = "cross_entropy"}
optimizer = {name = "sgd", learning_rate = 0.1}
"""


def by_hand(tmp_path, body: str) -> dict:
    from gradproof.verify.cli import verify_file

    (tmp_path / "spec.toml").write_text(SPEC)
    (tmp_path / "answer.md").write_text(body)
    results, meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    return {r.id: r.verdict for r in results}, meta


def vec(v) -> str:
    return "\\begin{bmatrix} " + " \\\\ ".join(f"{x:.4f}" for x in v) + " \\end{bmatrix}"


def test_a_documents_own_worked_example_is_its_values(tmp_path):
    """Nafiz's backprop by hand writes X, every W[l] and b[l], and Y as numbers: those are the document's [values], so
    its numbers are judged on them (they were all "the answer computes with its own numbers and the spec gives no
    [values]"). Verdicts from a forward pass typed here: z¹, z² right; the slip A[2] = Z[2] (the softmax simplified
    away) wrong; dZ[2] computed from it carried forward (it differs from softmax(z²) − y and equals z² − y); a wrong
    number wrong; the symbolic rule dW[2] = dZ[2] A[1]^T right."""
    X, W1, W2, Y = np.array([1.0, 2.0]), np.array([[0.1, 0.2], [-0.3, 0.4]]), np.array([[0.5, -0.1], [0.2, 0.3]]), np.array([1.0, 0.0])
    z1 = W1 @ X
    a1 = np.maximum(z1, 0)
    z2 = W2 @ a1
    a2 = np.exp(z2) / np.exp(z2).sum()
    own_dz2 = z2 - Y
    assert not np.allclose(a2, z2) and not np.allclose(own_dz2, a2 - Y, atol=0.01)
    mat = lambda M: "\\begin{bmatrix} " + " \\\\ ".join(" & ".join(f"{x:g}" for x in r) for r in M) + " \\end{bmatrix}"  # noqa: E731
    given = (f"$$X = {vec(X)}$$\n\n$$W[1] = {mat(W1)}$$\n\n$$b[1] = {vec([0, 0])}$$\n\n$$W[2] = {mat(W2)}$$\n\n"
             f"$$b[2] = {vec([0, 0])}$$\n\n$$Y = {vec(Y)}$$\n\n")
    body = given + (f"$$Z[1] = W[1] X + b[1] = {vec(z1)}$$\n\n$$Z[2] = {vec(z2)}$$\n\n"
                    "Let's simplify by assuming\n\n$$A[2] = Z[2]$$\n\n"
                    f"$$dZ[2] = {vec(z2)} - {vec(Y)} = {vec(own_dz2)}$$\n\n$$dW[2] = dZ[2] A[1]^T$$\n\n"
                    f"$$A[1] = {vec(a1 + np.array([0.3, 0]))}$$\n")
    got, meta = by_hand(tmp_path, body)
    assert meta["mode"] == "numeric"
    lines = {k: v for k, v in got.items() if k.startswith("line") and int(k.split()[1].split("#")[0].split(".")[0]) > 11}
    assert list(lines.values()) == ["correct", "correct", "incorrect", "carried_forward", "correct", "incorrect"]
    # one value missing (no Y): the document stays symbolic, its numbers unchecked as before
    _, meta = by_hand(tmp_path, body.replace(f"$$Y = {vec(Y)}$$", ""))
    assert meta["mode"] == "symbolic"


def test_a_function_letter_with_the_name_of_its_activation():
    """Nafiz's A[1] = g_{\\text{ReLU}}(Z[1]) and A[L] = g_{softmax}(Z[L]): in a forward step the script names the
    function (NumPy: relu, softmax; a planted tanh where the layer is ReLU is wrong). In a backward step, or in its own
    definition, the same letter may mean the derivative (his template: "g_{ReLU}(Z[l]) is the derivative of the ReLU",
    g_{ReLU}(Z[l]) = 1 if Z > 0, else 0): unchecked, never judged on a guess."""
    d = net([{"units": 4, "activation": "relu"}, {"units": 3, "activation": "softmax"}], loss="cross_entropy")
    z = RNG.normal(size=4)
    flags = {"fwd": True, "out": True, "bad-fwd": np.allclose(np.maximum(z, 0), np.tanh(z))}
    got = verdicts(d, {"fwd": r"A[1] = g_{\text{ReLU}}(Z[1])", "out": r"A[2] = g_{softmax}(Z[2])",
                       "bad-fwd": r"A[1] = g_{\tanh}(Z[1])",
                       "back": r"dZ[1] = W[2]^T dZ[2] \cdot g_{\text{ReLU}}(Z[1])",
                       "own": r"g_{\text{ReLU}}(Z[l]) = \begin{cases} 1 & \text{if } Z[l] > 0 \\ 0 & \text{otherwise} \end{cases}"})
    assert {k: got[k] for k in flags} == oracle(flags)
    assert got["back"] == got["own"] == "unchecked"
