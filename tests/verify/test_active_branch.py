"""A worked example's formula that takes the ReLU's derivative as 1 (sreekanth's "Since z_1 = 0.5 > 0:
da_1/dz_1 = 1 => dL/dz_1 = dL/da_1 · 1"): right on the active branch only, which the answer's own numbers or prose
decide. gradproof reads neither, so the link is `unchecked` with that reason (before: `incorrect`, a false reject).
The oracle (central differences on the 1-1-1 ReLU/sigmoid net, not gradproof) confirms the claim holds exactly where
z_1 > 0 and fails where z_1 < 0; a factor wrong on both branches stays `incorrect`, and so does the same claim
for a tanh layer (no branch)."""

from __future__ import annotations

import numpy as np
import pytest

SPEC = """name = "tiny"
convention = "row"
inputs = 1
layers = [{units = 1, activation = "{act}", bias = false}, {units = 1, activation = "sigmoid", bias = false}]
loss = {name = "binary_cross_entropy"}
optimizer = {name = "sgd", learning_rate = 0.1}
"""

DOC = r"""# A tiny net

$$
z_1 = x \cdot w_1 = 1.0 \cdot 0.5 = 0.5
$$

$$
\frac{dL}{da_1} = 0.069
$$

Since $z_1 = 0.5 > 0$, we get:

$$
\frac{dL}{dz_1} = \frac{dL}{da_1} \cdot {factor} = {value}
$$
"""


def _loss(x, w1, w2, act):
    a1 = np.maximum(x * w1, 0) if act == "relu" else np.tanh(x * w1)
    a2 = 1 / (1 + np.exp(-a1 * w2))
    return -np.log(1 - a2)  # BCE with y = 0


def _dl_dz1_and_da1(x, w1, w2, act, h=1e-6):
    """Central differences: dL/dz_1 (perturbing z_1) and dL/da_1 (perturbing a_1), at the net's point."""
    z1 = x * w1

    def f(a):
        return -np.log(1 - 1 / (1 + np.exp(-a * w2)))

    g = np.tanh if act != "relu" else (lambda z: np.maximum(z, 0))
    a1 = g(z1)
    return (f(g(z1 + h)) - f(g(z1 - h))) / (2 * h), (f(a1 + h) - f(a1 - h)) / (2 * h)


def test_the_oracle_dropping_the_factor_holds_only_where_z_is_positive():
    dz, da = _dl_dz1_and_da1(1.0, 0.5, 0.5, "relu")
    assert abs(dz - da) < 1e-8  # z_1 = 0.5 > 0: dL/dz_1 = dL/da_1 · 1
    dz, da = _dl_dz1_and_da1(1.0, -0.5, 0.5, "relu")
    assert abs(dz) < 1e-8 and abs(da) > 0.1  # z_1 < 0: dL/dz_1 = 0, not dL/da_1
    dz, da = _dl_dz1_and_da1(1.0, 0.5, 0.5, "tanh")
    assert abs(dz - da) > 0.01  # tanh has no branch where its derivative is 1


def _verdict(tmp_path, act: str, factor: str, value: str):
    from gradproof.verify.cli import verify_file

    (tmp_path / "net.toml").write_text(SPEC.replace("{act}", act), encoding="utf-8")
    (tmp_path / "doc.md").write_text(DOC.replace("{factor}", factor).replace("{value}", value), encoding="utf-8")
    results, _meta, _s = verify_file(str(tmp_path / "doc.md"), str(tmp_path / "net.toml"))
    last = results[-1]
    return last.verdict, last.message


def test_the_active_branch_is_unchecked_with_the_reason(tmp_path):
    verdict, message = _verdict(tmp_path, "relu", "1", "0.069")
    assert verdict == "unchecked", message
    assert "holds only where z^{(1)} > 0" in message


@pytest.mark.parametrize("act, factor, value", [("relu", "2", "0.138"), ("tanh", "1", "0.069")])
def test_a_factor_wrong_on_every_branch_stays_incorrect(tmp_path, act, factor, value):
    dz, da = _dl_dz1_and_da1(1.0, 0.5, 0.5, act)
    assert abs(dz - float(factor) * da) > 0.01  # the oracle: wrong at the example's own point
    verdict, message = _verdict(tmp_path, act, factor, value)
    assert verdict == "incorrect", message
