r"""Round twenty-eight (issue 12): the twenty-seventh round's readers attacked (``benchmarks/probe_hostile.py "r28:"``).

Two classes of wrong verdicts, found by probes that put a hostile section after an answer of that round:

- **An identical claim judged from the memo lost the numbers it put in.** ``Judge._check_in`` judges a claim whose text
  (and reading) it has judged before by copying that result; what the first check recorded under its own id — the
  earlier claims whose stated numbers it put in (``Judge._leaned``) — was not recorded for the copy, so
  ``Judge._unjudge_leaning`` left the copy ``correct`` while the first became ``unchecked``: Korniak's step
  ``w1o⁺ = 0.4 − 0.1 · (−0.0336)`` on a gradient half the true one, written twice, was once unchecked and once correct
  (1500 times: 598 false accepts). Now a memoised claim leans on what its first did.
- **t beside the output read as Adam's step count.** The Bishop/Mitchell reading (y the output, t the target) applies
  only where the answer never writes ŷ; an answer writing ``(a_5 − t)`` and also ``\hat y`` left t unbound — under Adam
  the step count 1 (a right ∂E/∂a_5 judged incorrect), under SGD a letter naming nothing (unchecked). Now t written
  beside the output (``a − t``, ``t − a``: infer._TARGET_T) is the target there too, y staying the target ŷ is judged
  against.

Every expected verdict is decided here by NumPy central differences, never by gradproof.
"""

from __future__ import annotations

import numpy as np
import pytest
from conftest import central_differences
from gradproof.verify.cli import verify_file

#: a 2-2-1 sigmoid network without biases (Korniak's kind: weights named by their two units), E = ½ (d − o)²
SPEC = """name = "pair_names"
convention = "column"
inputs = 2

[[layers]]
units = 2
activation = "sigmoid"
bias = false

[[layers]]
units = 1
activation = "sigmoid"
bias = false

[loss]
name = "squared_error"

[optimizer]
name = "sgd"
learning_rate = 0.1
"""

#: Korniak's slip: E = 1/n (d − o)² (a definition that does not read), δ_o without the 2 — the gradient −0.0336 the
#: steps put in is half the true one
NUMBERS = r"""
$$E(O)=1/n*(d-o)^2$$

$$net_{h1} = w11 * out_{i1} + w21 * out_{i2} = 0.5 * 0 + 0.1 * 1 = 0.1$$

$$out_{h1} = \frac{1}{1+e^{-net_{h1}}} = \frac{1}{1+e^{-0.1}} \approx 0.525$$

$$\delta_{o} = -(d_{o} - out_{o}) * out_{o}(1 - out_{o}) \approx -0.064$$

$$\frac{\partial E_{total}}{\partial w1o} = \delta_{o} * out_{h1} \approx -0.064 * 0.525 \approx -0.0336 \tag{grad}$$
"""

STEP = r"$$w1o^{+} = w1o - \eta * \frac{\partial E_{total}}{\partial w1o} = 0.4 - 0.1 * -0.0336 = 0.40336 \tag{%s}$$"


def _sigmoid(v):
    return 1 / (1 + np.exp(-v))


def _verify(tmp_path, spec: str, body: str) -> dict:
    (tmp_path / "spec.toml").write_text(spec)
    (tmp_path / "answer.md").write_text(body)
    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    return {r.id: r for r in results}


def test_a_step_written_again_leans_on_the_unjudged_number_as_the_first_did(tmp_path):
    """The same step three times: each puts in −0.0336, which is not the gradient of the answer's own E = (d − o)² at
    its numbers (central differences below), and whose own claim is left unjudged — none may be correct."""
    out_o, d, out_h1 = 0.697, 1.0, 1 / (1 + np.exp(-0.1))
    net_o = np.log(out_o / (1 - out_o))
    true_delta = central_differences(lambda p: (d - _sigmoid(p["n"][0])) ** 2, {"n": np.array([net_o])})["n"][0]
    assert abs(true_delta * out_h1 - (-0.0336)) > 0.02  # the number put in is not the true gradient
    body = NUMBERS + "\n\n" + "\n\n".join(STEP % f"s{k}" for k in range(3)) + "\n"
    got = _verify(tmp_path, SPEC, body)
    assert got["grad"].verdict != "correct", got["grad"].message
    for k in range(3):
        assert got[f"s{k}"].verdict != "correct", (k, got[f"s{k}"].message)


#: a 2-2-1 network without biases, a_j = Σ_i w_ji z_i (the row convention), sigmoid hidden units 3, 4, a linear output 5
BISHOP_SPEC = """name = "units_across"
convention = "row"
inputs = 2

[[layers]]
units = 2
activation = "sigmoid"
bias = false

[[layers]]
units = 1
activation = "identity"
bias = false

[loss]
name = "squared_error"

[optimizer]
name = "OPTIMIZER"
learning_rate = 0.1
"""

BISHOP = r"""Going forward: $a_3 = \sum_{i=1}^{2} w_{3i} z_{i}$, $z_3 = \sigma(a_3)$, $a_4 = \sum_{i=1}^{2} w_{4i} z_{i}$,
$z_4 = \sigma(a_4)$, $a_5 = \sum_{i=3}^{4} w_{5i} z_{i}$, $z_5 = a_5$.

$$\frac{\partial E}{\partial a_{5}} = \left( a_5 - t \right) \tag{d5}$$

$$\frac{\partial E}{\partial a_{5}} = \left( t - a_5 \right) \tag{d5_slip}$$

$$\frac{\partial E}{\partial a_4} = \left( \frac{\partial E}{\partial a_5}*w_{5,4} \right)z_4(1-z_4) \tag{d4}$$

$$\frac{\partial E}{\partial a_4} = \left( \frac{\partial E}{\partial a_5}*w_{5,3} \right)z_4(1-z_4) \tag{d4_slip}$$

$$\frac{\partial E}{\partial w_{4,2}} = \delta_4 z_2 \tag{w42}$$

$$\frac{\partial E}{\partial \hat{y}} = \hat{y} - t \tag{dy}$$

$$\frac{\partial E}{\partial \hat{y}} = t - \hat{y} \tag{dy_slip}$$
"""


@pytest.mark.parametrize("optimizer", ["adam", "sgd"])
def test_t_beside_the_output_is_the_target_where_the_answer_also_writes_y_hat(tmp_path, optimizer):
    """Bishop's units numbered across the network (UCSC's write-up), t the target beside the output, and ŷ the output:
    t is the target under Adam too (read as Adam's step count 1, the right d5 was judged incorrect) and under SGD
    (a letter naming nothing: unchecked). E = ½ (ŷ − t)², so ∂E/∂a_5 = ∂E/∂ŷ = ŷ − t (central differences)."""
    rng = np.random.default_rng(28)
    W1, w2, x, t = rng.normal(size=(2, 2)), rng.normal(size=2), rng.normal(size=2), rng.normal()
    a_hidden = W1 @ x
    a5 = _sigmoid(a_hidden) @ w2
    d5 = central_differences(lambda p: 0.5 * (p["a"][0] - t) ** 2, {"a": np.array([a5])})["a"][0]
    d_hidden = central_differences(lambda p: 0.5 * (_sigmoid(p["a"]) @ w2 - t) ** 2, {"a": a_hidden.copy()})["a"]
    dW1 = central_differences(lambda p: 0.5 * (_sigmoid(p["W"] @ x) @ w2 - t) ** 2, {"W": W1.copy()})["W"]
    z4 = _sigmoid(a_hidden[1])
    oracle = {"d5": np.isclose(a5 - t, d5), "d5_slip": np.isclose(t - a5, d5), "dy": np.isclose(a5 - t, d5),
              "dy_slip": np.isclose(t - a5, d5), "d4": np.isclose(d5 * w2[1] * z4 * (1 - z4), d_hidden[1]),
              "d4_slip": np.isclose(d5 * w2[0] * z4 * (1 - z4), d_hidden[1]),
              "w42": np.isclose(d_hidden[1] * x[1], dW1[1, 1])}  # (w_{4,2}: into unit 4 from input 2)
    assert oracle == {"d5": True, "d5_slip": False, "dy": True, "dy_slip": False, "d4": True, "d4_slip": False,
                      "w42": True}
    got = _verify(tmp_path, BISHOP_SPEC.replace("OPTIMIZER", optimizer), BISHOP)
    for cid, holds in oracle.items():
        assert got[cid].verdict == ("correct" if holds else "incorrect"), (cid, got[cid].message)
