"""An answer that numbers its layers from 0 in subscripts (CMU 11-785's write-ups: Z_0 = A_0 W_0^T + ι_N b_0^T, A_0 the
input, A_1 = ReLU(Z_0); UDL's f_0 = β_0 + Ω_0 x): where verify's reading makes most of the answer's own forward
definitions fail, it calls nothing wrong (forwardcheck.py); with the numbering declared in [notation] every claim is
judged — including the answer's bias as a column in a batch of rows (ι_N b^T, db = (∂L/∂Z)^T ι_N).

The verdicts expected here are the formulas' truth, checked in NumPy below by central differences of the loss written
out by hand (not by verify)."""

from __future__ import annotations

import numpy as np
from gradproof.verify.cli import verify_file

SPEC = """name = "mlp1"
convention = "column"
inputs = 4

[[layers]]
units = 5
activation = "relu"

[[layers]]
units = 3
activation = "softmax"

[loss]
name = "cross_entropy"

[optimizer]
name = "sgd"
learning_rate = 0.1
"""

DOC = r"""# HW1P1 write-up: the backward pass

Batch of N rows: $Z_0 = A_0 W_0^T + \iota_N b_0^T$, $A_1 = \text{ReLU}(Z_0)$, $Z_1 = A_1 W_1^T + \iota_N b_1^T$,
$A_2 = \text{softmax}(Z_1)$.

$$\frac{\partial L}{\partial Z_1} = \frac{A_2 - Y}{N} \tag{1}$$

$$\frac{\partial L}{\partial W_1} = \left(\frac{\partial L}{\partial Z_1}\right)^T A_1 \tag{2}$$

$$\frac{\partial L}{\partial b_1} = \left(\frac{\partial L}{\partial Z_1}\right)^T \iota_N \tag{3}$$

$$\frac{\partial L}{\partial A_1} = \frac{\partial L}{\partial Z_1} W_1 \tag{4}$$

$$\frac{\partial L}{\partial Z_0} = \frac{\partial L}{\partial A_1} \odot \mathbb{1}[Z_0 > 0] \tag{5}$$

$$\frac{\partial L}{\partial W_0} = \left(\frac{\partial L}{\partial Z_0}\right)^T A_0 \tag{6}$$

$$\frac{\partial L}{\partial W_0} = \frac{\partial L}{\partial Z_0}^T A_1 \tag{7}$$
"""

#: the answer's numbering declared: its index k is gradproof's layer k + 1 for Z, W, b; A_k is h^{(k)}, A_0 = x
NOTATION = """[notation]
"Z_0" = "z1"
"Z_1" = "z2"
"W_0" = "W1"
"W_1" = "W2"
"b_0" = "b1"
"b_1" = "b2"
"A_0" = "x"
"A_1" = "h1"
"A_2" = "yhat"
"\\\\iota_N" = "\\\\mathbf{1}"
"""


def _files(tmp_path, notation=False):
    (tmp_path / "net.toml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "hw.md").write_text(DOC, encoding="utf-8")
    args = [str(tmp_path / "hw.md"), str(tmp_path / "net.toml")]
    if notation:
        (tmp_path / "n.toml").write_text(NOTATION if notation is True else notation, encoding="utf-8")
        args.append(str(tmp_path / "n.toml"))
    return args


def _truth_of_the_formulas():
    """{tag: holds} for the document's claims, by central differences of L = -1/N Σ_i y_i · log softmax(z_i)."""
    rng = np.random.default_rng(0)
    n = 6
    A0, W0, b0 = rng.normal(size=(n, 4)), rng.normal(size=(5, 4)), rng.normal(size=(5, 1))
    W1, b1 = rng.normal(size=(3, 5)), rng.normal(size=(3, 1))
    Y = np.eye(3)[rng.integers(0, 3, n)]
    iota = np.ones((n, 1))

    def forward(W0, b0, W1, b1):
        Z0 = A0 @ W0.T + iota @ b0.T
        A1 = np.maximum(Z0, 0)
        Z1 = A1 @ W1.T + iota @ b1.T
        A2 = np.exp(Z1 - Z1.max(1, keepdims=True))
        A2 /= A2.sum(1, keepdims=True)
        return Z0, A1, Z1, A2, -np.sum(Y * np.log(A2)) / n

    def numeric(k):
        args = [W0, b0, W1, b1]
        g = np.zeros_like(args[k])
        for idx in np.ndindex(g.shape):
            up = [a.copy() for a in args]
            dn = [a.copy() for a in args]
            up[k][idx] += 1e-6
            dn[k][idx] -= 1e-6
            g[idx] = (forward(*up)[-1] - forward(*dn)[-1]) / 2e-6
        return g

    Z0, A1, Z1, A2, _ = forward(W0, b0, W1, b1)
    dZ1 = (A2 - Y) / n
    dA1 = dZ1 @ W1
    dZ0 = dA1 * (Z0 > 0)
    close = np.allclose
    return {"2": close(dZ1.T @ A1, numeric(2), atol=1e-6), "3": close(dZ1.T @ iota, numeric(3), atol=1e-6),
            "6": close(dZ0.T @ A0, numeric(0), atol=1e-6), "7": (dZ0.T @ A1).shape == W0.shape and close(dZ0.T @ A1, numeric(0))}


def test_the_formulas_are_what_the_test_says():
    assert _truth_of_the_formulas() == {"2": True, "3": True, "6": True, "7": False}


def test_a_reading_its_own_definitions_contradict_calls_nothing_wrong(tmp_path):
    # (without [notation] the numbering is inferred from these definitions: test_inferred_numbering_from_zero below;
    # declared not numbered from 0, the definitions contradict the reading)
    results, _, _ = verify_file(*_files(tmp_path, notation="[notation]\nfrom_zero = false\n"))
    assert not [r.id for r in results if r.verdict == "incorrect"]
    doubted = [r for r in results if "forward definitions" in r.message]
    assert doubted and all("[notation]" in r.message for r in doubted)


def test_with_the_numbering_declared_every_claim_is_judged(tmp_path):
    results, _, _ = verify_file(*_files(tmp_path, notation=True))
    got = {r.id: r.verdict for r in results if not r.id.startswith("line")}
    assert got == {"1": "correct", "2": "correct", "3": "correct", "4": "correct", "5": "correct", "6": "correct",
                   "7": "incorrect"}
    # the forward definitions with ι_N b^T (the answer's b a column in a batch of rows) hold
    assert [r.verdict for r in results if r.id in ("line 3", "line 3#3")] == ["correct", "correct"]


PLANTED = r"""# One sample, column vectors

$$\mathbf{z}^{(1)} = \mathbf{W}^{(1)} \mathbf{x} + \mathbf{b}^{(1)} \tag{f1}$$

$$\mathbf{h}^{(1)} = \operatorname{ReLU}(\mathbf{z}^{(1)}) \tag{f2}$$

$$\mathbf{z}^{(2)} = \mathbf{W}^{(2)} \mathbf{h}^{(1)} + \mathbf{b}^{(1)} \tag{f3}$$

$$\boldsymbol{\delta}^{(2)} = \hat{\mathbf{y}} - \mathbf{y} \tag{d2}$$

$$\frac{\partial J}{\partial \mathbf{W}^{(2)}} = \mathbf{h}^{(1)} \boldsymbol{\delta}^{(2)\top} \tag{g2}$$
"""


def test_one_wrong_definition_among_right_ones_is_the_answers_mistake(tmp_path):
    (tmp_path / "net.toml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "hw.md").write_text(PLANTED, encoding="utf-8")
    results, _, _ = verify_file(str(tmp_path / "hw.md"), str(tmp_path / "net.toml"))
    got = {r.id: r.verdict for r in results}
    assert got["f3"] == "incorrect" and got["g2"] == "incorrect" and got["d2"] == "correct"


def test_inferred_numbering_from_zero(tmp_path):
    """No [notation]: Z_0 = A_0 W_0^T + ι_N b_0^T and A_1 = ReLU(Z_0) say the layers are numbered from 0 (W_0 the
    first layer's weights, not a bias; ι_N the ones column): the same verdicts as declared."""
    results, meta, _ = verify_file(*_files(tmp_path))
    got = {r.id: r.verdict for r in results if not r.id.startswith("line")}
    assert got == {"1": "correct", "2": "correct", "3": "correct", "4": "correct", "5": "correct", "6": "correct",
                   "7": "incorrect"}
    assert any("numbered from 0" in n for n in meta["notation"])
