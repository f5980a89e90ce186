"""Layouts and notation fixes (issue "Verify reads real answers", milestone 1).

A sample written as a row (CS231n: ``x W + b``, ``h^T δ``, ``δ W``), a batch with samples as columns (Ng: X is n × m,
``dW = \\frac{1}{m} dZ A^T``, ``np.sum(dZ, axis=1, keepdims=True)``), ``[values]`` in either orientation; and the
bugs seen on main. The verdicts are decided by hand: each claim below is the textbook formula in that layout (or a
planted mistake); the truth it is compared with is the Evaluator's.
"""

from __future__ import annotations

import pytest
from gradproof.verify.judge import Claim, Judge
from helpers_verify import ROOT, derivation, small

from gradproof.cli import main

REF = "reference_mlp"


def verdicts(d, claims, batch=1, values=None):
    j = Judge(d, batch=batch, values=values)
    return {c: j.check(Claim(c, latex)).verdict for c, latex in claims}


ROW_SAMPLE = [  # reference_mlp: row convention (W is n_out × n_in); one sample written as a row vector
    ("z1", r"z^{(1)} = x W^{(1)T} + b^{(1)}", "correct"),
    ("dW3", r"\frac{\partial J}{\partial W^{(3)}} = \delta^{(3)T} h^{(2)} + \lambda W^{(3)}", "correct"),
    ("d2", r"\delta^{(2)} = \delta^{(3)} W^{(3)} \odot (1 - h^{(2)} \odot h^{(2)})", "correct"),
    ("db3", r"\frac{\partial J}{\partial b^{(3)}} = \delta^{(3)}", "correct"),
    ("d2_extra_T", r"\delta^{(2)} = \delta^{(3)} W^{(3)T} \odot (1 - h^{(2)} \odot h^{(2)})", "incorrect"),
    ("dW3_order", r"\frac{\partial J}{\partial W^{(3)}} = h^{(2)T} \delta^{(3)} + \lambda W^{(3)}", "incorrect"),
    ("d2_tanh2", r"\delta^{(2)} = \delta^{(3)} W^{(3)} \odot h^{(2)} \odot h^{(2)}", "incorrect"),
]


@pytest.mark.parametrize("cid,latex,want", ROW_SAMPLE, ids=[c[0] for c in ROW_SAMPLE])
def test_one_sample_as_a_row(cid, latex, want):
    assert verdicts(derivation(REF), [(cid, latex)])[cid] == want


def test_column_convention_row_samples_cs231n():
    d = small(convention="column", hidden="relu", output="softmax", loss="cross_entropy")
    got = verdicts(d, [("h", r"h^{(1)} = \max(0, x W^{(1)} + b^{(1)})"),
                       ("dW2", r"\frac{\partial L}{\partial W^{(2)}} = h^{(1)T} \delta^{(2)}"),
                       ("dh1", r"\frac{\partial L}{\partial h^{(1)}} = \delta^{(2)} W^{(2)T}"),
                       ("bad", r"\frac{\partial L}{\partial h^{(1)}} = \delta^{(2)} W^{(2)}")])
    assert got == {"h": "correct", "dW2": "correct", "dh1": "correct", "bad": "incorrect"}


NG = [  # tanh hidden, sigmoid output, binary cross-entropy; a batch of m = 3 samples as columns
    ("Z1", r"Z^{[1]} = W^{[1]} X + b^{[1]}", "correct"),
    ("dZ2", r"dZ^{[2]} = A^{[2]} - Y", "correct"),
    ("dW2", r"dW^{[2]} = \frac{1}{m} dZ^{[2]} A^{[1]T}", "correct"),
    ("db2", r"db^{[2]} = \frac{1}{m} np.sum(dZ^{[2]}, axis=1, keepdims=True)", "correct"),
    ("dZ1", r"dZ^{[1]} = W^{[2]T} dZ^{[2]} * (1 - A^{[1]2})", "correct"),
    ("dW1", r"dW^{[1]} = \frac{1}{m} dZ^{[1]} X^T", "correct"),
    ("db1_sum", r"db^{[1]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[1](i)}", "correct"),
    ("dW2_no_m", r"dW^{[2]} = dZ^{[2]} A^{[1]T}", "incorrect"),
    ("dW2_T", r"dW^{[2]} = \frac{1}{m} A^{[1]} dZ^{[2]T}", "incorrect"),
    ("db2_axis0", r"db^{[2]} = \frac{1}{m} np.sum(dZ^{[2]}, axis=0, keepdims=True)", "incorrect"),
]


def _ng():
    from gradproof.derive.derivation import derive
    from gradproof.derive.spec import spec_from_dict

    spec = {"name": "ng", "inputs": 2, "layers": [{"units": 4, "activation": "tanh"}, {"units": 1, "activation": "sigmoid"}],
            "loss": {"name": "binary_cross_entropy"}, "optimizer": {"name": "sgd", "learning_rate": 1.2}}
    return derive(spec_from_dict(spec), check=False)


@pytest.mark.parametrize("cid,latex,want", NG, ids=[c[0] for c in NG])
def test_ng_batch_with_samples_as_columns(cid, latex, want):
    assert verdicts(_ng(), [("Z1", NG[0][1]), (cid, latex)], batch=3)[cid] == want


def test_values_in_column_orientation(tmp_path, capsys):
    """[values] x of shape (n_x, m) is Ng's layout: read, not rejected; a forward value in that layout is correct."""
    import numpy as np

    X = np.array([[1.0, 2.0, -1.0], [0.5, -0.5, 2.0]])  # 2 inputs × 3 samples
    W1, b1 = np.array([[0.1, -0.2], [0.3, 0.4]]), np.array([0.05, -0.05])
    Z1 = W1 @ X + b1[:, None]  # the oracle: plain NumPy in Ng's layout
    rows = " \\\\ ".join(" & ".join(f"{v:.4f}" for v in r) for r in Z1)
    f = tmp_path / "ng_values.toml"
    f.write_text(f"""
[spec]
name = "tiny"
inputs = 2
[[spec.layers]]
units = 2
activation = "tanh"
[[spec.layers]]
units = 1
activation = "sigmoid"
[spec.loss]
name = "binary_cross_entropy"
[spec.optimizer]
name = "sgd"
learning_rate = 0.1
[values]
x = {X.tolist()}
y = [[1, 0, 1]]
W1 = {W1.tolist()}
b1 = {b1.tolist()}
W2 = [[0.2, -0.3]]
b2 = [0.1]
[[claims]]
id = "Z1"
latex = 'Z^{{[1]}} = W^{{[1]}} X + b^{{[1]}} = \\begin{{bmatrix}} {rows} \\end{{bmatrix}}'
""", encoding="utf-8")
    code = main(["verify", str(f), "--json"])
    import json

    data = json.loads(capsys.readouterr().out)
    assert code == 0, data
    assert data["claims"][0]["verdict"] == "correct"


BUGS = [  # issue 10, item 8
    ("odot_font", r"\frac{\partial J}{\partial b^{(1)}} = \delta^{(1)}\odot\mathbf{h}^{(1)}", "incorrect"),
    ("indicator_bb", r"\delta^{(1)} = (W^{(2)T}\delta^{(2)}) \odot (\mathbb{1}[z^{(1)} > 0] + 0.01 \mathbb{1}[z^{(1)} \le 0])",
     "correct"),
    ("indicator_bf", r"\delta^{(1)} = (W^{(2)T}\delta^{(2)}) \odot (\mathbf{1}\{z^{(1)}>0\} + \gamma \mathbf{1}\{z^{(1)}\le 0\})",
     "correct"),
    ("indicator_sub", r"\delta^{(1)} = (W^{(2)T}\delta^{(2)}) \odot \mathbb{1}_{z^{(1)}>0}", "incorrect"),
]


@pytest.mark.parametrize("cid,latex,want", BUGS, ids=[c[0] for c in BUGS])
def test_bugs_seen_on_main(cid, latex, want):
    assert verdicts(derivation(REF), [(cid, latex)])[cid] == want


def test_no_such_layer_and_text_words_are_unchecked_with_the_reason():
    j = Judge(derivation(REF))
    r = j.check(Claim("a", r"\delta^{(7)} = W^{(8)T} \delta^{(8)}"))
    assert r.verdict == "unchecked" and "layers 1 to 3" in r.message
    r = j.check(Claim("b", r"\delta^{(2)} = \text{prod}"))
    assert r.verdict == "unchecked" and "'prod'" in r.message and "\\prod" not in r.message


def test_nothing_checked_exits_1(tmp_path, capsys):
    f = tmp_path / "a.toml"
    (tmp_path / "s.toml").write_text((ROOT / "examples" / "reference_mlp.toml").read_text(encoding="utf-8"), encoding="utf-8")
    f.write_text('spec = "s.toml"\n'
                 "[[claims]]\nid = \"1\"\nlatex = '\\\\delta^{(2)} = \\\\text{prod}'\n", encoding="utf-8")
    assert main(["verify", str(f)]) == 1
    assert "nothing" in capsys.readouterr().err
