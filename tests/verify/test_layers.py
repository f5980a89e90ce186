"""Verify for networks with layer kinds: the truth is the batch program (checked against PyTorch autograd here), the
layers' symbols are read by context (γ, β against the leaky-ReLU slope and the optimizer's β), [values] carry dropout
masks, and the catalogue names the classic wrong batch-norm backward. The corpus group tests/verify/corpus/layers/ is
measured by tests/verify/test_corpus.py (its oracle, oracle_layers.py, checks its verdicts independently)."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
from conftest import ROOT
from gradproof.derive.derivation import derive
from gradproof.derive.errors import AnswerError
from gradproof.derive.spec import spec_from_dict
from gradproof.verify.answers import answers_from_dict
from gradproof.verify.judge import Judge
from gradproof.verify.truth import Truth
from layer_twin import TABLES, torch_objective

CORPUS = ROOT / "tests" / "verify" / "corpus" / "layers"


def _derivation(table):
    return derive(spec_from_dict(table, "<test>"), check=False)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_the_truth_is_the_program_and_matches_autograd(name):
    pytest.importorskip("torch")
    d = _derivation(TABLES[name])
    truth = Truth(d, batch=5)
    params, X, Y = truth.random_point(np.random.default_rng(3))
    rows = truth.compute(params, X, Y)
    masks = {k: v for k, v in params.items() if k.startswith("mask")}
    trained = {k: v for k, v in params.items() if not k.startswith("mask")}
    J, P, _ = torch_objective(d.network, trained, X, Y, masks)
    J.backward()
    assert rows["loss"] == pytest.approx(J.item(), rel=1e-10)
    for k, t in P.items():
        if "_" not in k:  # the top-level layers' parameters are quantities (a block's body is not)
            np.testing.assert_allclose(rows[f"d{k}"], t.grad.numpy(), rtol=1e-8, atol=1e-12, err_msg=k)


def test_batch_norm_partials_match_autograd_of_the_definitions():
    """x̂, μ_B, σ_B² and Ioffe & Szegedy's ∂J/∂x̂, ∂J/∂σ², ∂J/∂μ: autograd of batch norm written from its definition."""
    torch = pytest.importorskip("torch")
    d = _derivation(TABLES["bn_mlp"])
    truth = Truth(d, batch=6)
    params, X, Y = truth.random_point(np.random.default_rng(0))
    rows = truth.compute(params, X, Y)
    P = {k: torch.tensor(v, requires_grad=k.startswith(("gamma2", "beta2"))) for k, v in params.items()}
    x = (torch.tensor(X) @ P["W1"].T + P["b1"]).detach().requires_grad_()
    mu = x.mean(0)
    var = ((x - mu) ** 2).mean(0)
    xhat = (x - mu) / torch.sqrt(var + 1e-5)
    for t in (mu, var, xhat):
        t.retain_grad()
    h = torch.tanh(torch.relu(P["gamma2"] * xhat + P["beta2"]) @ P["W3"].T + P["b3"])  # layers 2 (+ ReLU) and 3
    z4 = torch.nn.functional.batch_norm(h, None, None, P["gamma4"], P["beta4"], training=True, eps=1e-5)
    logits = z4 @ P["W5"].T + P["b5"]
    loss = -(torch.tensor(Y) * torch.log_softmax(logits, 1)).sum() / 6
    loss.backward()
    for key, t in (("mu2", mu), ("var2", var), ("xhat2", xhat), ("h1", x)):
        np.testing.assert_allclose(rows[key], t.detach().numpy(), rtol=1e-10, atol=1e-12, err_msg=key)
    for key, t in (("dmu2", mu), ("dvar2", var), ("dxhat2", xhat), ("dh1", x), ("dgamma2", P["gamma2"]), ("dbeta2", P["beta2"])):
        np.testing.assert_allclose(rows[key], t.grad.numpy(), rtol=1e-8, atol=1e-12, err_msg=key)


def test_random_points_of_a_wide_network_with_layer_kinds_use_capped_widths():
    """A spec of 20000 units (layer norm, dropout, residual blocks): random points run the program of a copy at capped
    widths -- a layer norm's backward line names its width -- and it matches autograd of that copy; nothing of
    20000 × 20000 is allocated (the spec's own program is 3 GiB of weights)."""
    pytest.importorskip("torch")
    import copy

    table = copy.deepcopy(TABLES["residual_mlp"])
    table["layers"][0]["units"] = 20000
    for layer in table["layers"][1]["body"]:
        if "units" in layer:
            layer["units"] = 20000
    d = _derivation(table)
    truth = Truth(d, batch=3)
    params, X, Y = truth.random_point(np.random.default_rng(5))
    assert max(max(np.shape(v)) for v in (*params.values(), X)) <= 48
    small = truth._random_evaluator().program.network
    assert small.sizes == truth.sizes() and small.layers[1].body[1].units == 33 and small.layers[3].units == 2
    rows = truth.compute(params, X, Y)
    masks = {k: v for k, v in params.items() if k.startswith("mask")}
    J, P, _ = torch_objective(small, {k: v for k, v in params.items() if not k.startswith("mask")}, X, Y, masks)
    J.backward()
    assert rows["loss"] == pytest.approx(J.item(), rel=1e-10)
    for k in ("W1", "gamma3", "P4", "W6"):
        np.testing.assert_allclose(rows[f"d{k}"], P[k].grad.numpy(), rtol=1e-8, atol=1e-12, err_msg=k)


def test_an_answers_own_value_is_carried_forward_through_the_program():
    d = _derivation(TABLES["bn_mlp"])
    truth = Truth(d, batch=4)
    params, X, Y = truth.random_point(np.random.default_rng(1))
    rows = truth.compute(params, X, Y)
    wrong = rows["xhat2"] * 2
    over = truth.compute(params, X, Y, over={"xhat2": wrong})
    np.testing.assert_allclose(over["xhat2"], wrong)
    np.testing.assert_allclose(over["mu2"], rows["mu2"])  # upstream: unchanged
    np.testing.assert_allclose(over["z2"], params["gamma2"] * wrong + params["beta2"])  # downstream: from the answer's
    assert not np.allclose(over["dgamma2"], rows["dgamma2"])


def _check(table_or_path, claims, batch=1, notation=None, values=None):
    data = {"claims": [{"id": str(i), "latex": c} for i, c in enumerate(claims, start=1)], "batch": batch}
    if notation:
        data["notation"] = notation
    if values is not None:
        data["values"] = values
    if isinstance(table_or_path, dict):
        data["spec"] = table_or_path
        answers = answers_from_dict(data, "<test>")
    else:
        data["spec"] = table_or_path.name
        answers = answers_from_dict(data, "<test>", base=table_or_path.parent)
    judge = Judge(derive(answers.network, check=False), batch=answers.batch, values=answers.values, notation=answers.notation)
    return judge.check_all(answers.claims)


BN_MOMENTUM = {**TABLES["bn_mlp"], "optimizer": {"name": "momentum", "learning_rate": 0.1, "momentum": 0.9}}
BN_LEAKY = {**TABLES["bn_mlp"], "layers": [{"units": 6, "activation": "leaky_relu", "gamma": 0.1},
                                           *TABLES["bn_mlp"]["layers"][1:]]}


def test_beta_is_told_apart_from_the_optimizers_by_context():
    results = _check(BN_MOMENTUM, [
        r"\frac{\partial J}{\partial \beta^{(2)}} = \sum_{n} \frac{\partial J}{\partial z^{(2)(n)}}",  # batch norm's β
        r"\beta = 0.9",  # nothing says which β
        r"\frac{\partial J}{\partial \beta^{(4)}} = \sum_{n} \frac{\partial J}{\partial z^{(4)(n)}} \odot \hat{x}^{(4)(n)}",
    ], batch=4)
    assert [r.verdict for r in results] == ["correct", "unchecked", "incorrect"]
    assert "β is both the optimizer's and batch norm's" in results[1].message


def test_gamma_is_the_leaky_slope_unless_the_claim_is_about_batch_norm():
    results = _check(BN_LEAKY, [
        r"\gamma = 0.1",  # the leaky-ReLU slope
        r"z^{(2)} = \gamma^{(2)} \odot \hat{x}^{(2)} + \beta^{(2)}",  # batch norm's γ (x̂ beside it)
        r"\frac{\partial J}{\partial \gamma^{(2)}} = \sum_{n} \frac{\partial J}{\partial z^{(2)(n)}} \odot \hat{x}^{(2)(n)}",
    ], batch=4)
    assert [r.verdict for r in results] == ["correct", "correct", "correct"]


def test_gamma_without_context_in_a_network_without_a_leaky_slope_is_unchecked():
    results = _check(TABLES["bn_mlp"], [r"\gamma = 1"], batch=4)
    assert results[0].verdict == "unchecked" and "batch norm's scale" in results[0].message


def test_layer_local_symbols_need_one_normalisation_layer():
    results = _check(TABLES["bn_mlp"], [r"y_i = \gamma \hat{x}_i + \beta"], batch=4)
    assert results[0].verdict == "unchecked" and "layers 2, 4" in results[0].message


def test_the_catalogue_names_the_classic_wrong_batch_norm_backward():
    results = _check(CORPUS / "bn_local.spec.toml", [
        r"\text{dx} = \frac{\gamma \odot \text{dout}}{\sqrt{\text{var} + \text{eps}}}",
        r"\text{dx} = \frac{\gamma}{N \sqrt{\text{var} + \text{eps}}} \odot "
        r"\left(N \, \text{dout} - \text{dbeta} - \text{x\_hat} \odot \text{dgamma}\right)",
        r"\text{x\_hat} = \frac{x - \mu}{\sqrt{\sigma^2 + \epsilon}}"], batch=4)
    assert [r.verdict for r in results] == ["incorrect", "correct", "correct"]
    assert results[0].diagnosis_key == "normalisation_backward_shortcut"
    assert "batch mean μ_B and variance σ²_B" in results[0].message


def _dropout_example(mask):
    """A worked example of dropout_mlp (one sample) and its truth, computed here from the definitions."""
    rng = np.random.default_rng(7)
    W1, b1, W3, b3 = rng.uniform(-1, 1, (4, 3)), rng.uniform(-1, 1, 4), rng.uniform(-1, 1, (2, 4)), rng.uniform(-1, 1, 2)
    x, y = np.array([0.5, -1.0, 2.0]), np.array([0.0, 1.0])
    h1 = np.maximum(W1 @ x + b1, 0)
    h2 = np.asarray(mask) * h1 / 0.5
    values = {"x": x.tolist(), "y": y.tolist(), "W1": W1.tolist(), "b1": b1.tolist(), "W3": W3.tolist(), "b3": b3.tolist(),
              "mask2": [mask]}
    return values, h1, h2, W3, b3


def test_a_worked_example_takes_its_dropout_mask_from_values():
    mask = [1.0, 0.0, 1.0, 1.0]
    values, h1, h2, W3, b3 = _dropout_example(mask)
    wrong_h2 = h2 * 0.5  # the 1/(1 - p) forgotten
    fmt = lambda v: r"\begin{bmatrix} " + r" \\ ".join(f"{t:.4f}" for t in v) + r" \end{bmatrix}"  # noqa: E731
    results = _check(CORPUS / "dropout_mlp.spec.toml", [
        f"h^{{(1)}} = {fmt(h1)}",
        f"h^{{(2)}} = {fmt(wrong_h2)}",
        f"z^{{(3)}} = {fmt(W3 @ wrong_h2 + b3)}",  # right given the answer's own (wrong) h2
    ], values=values)
    assert [r.verdict for r in results] == ["correct", "incorrect", "carried_forward"]
    right = _check(CORPUS / "dropout_mlp.spec.toml", [f"h^{{(2)}} = {fmt(h2)}", f"z^{{(3)}} = {fmt(W3 @ h2 + b3)}"], values=values)
    assert [r.verdict for r in right] == ["correct", "correct"]
    assert results[1].diagnosis_key == "dropout_missing_scale"


@pytest.mark.parametrize(("mask", "why"), [([1.0, 0.5, 1.0, 1.0], "0 (drop the unit) or 1"), ([1.0, 0.0, 1.0], "expected 1×4")])
def test_a_bad_mask_in_values_is_refused(mask, why):
    values, *_ = _dropout_example([1.0, 0.0, 1.0, 1.0])
    values["mask2"] = [mask]
    with pytest.raises(AnswerError, match="values.mask2") as err:
        _check(CORPUS / "dropout_mlp.spec.toml", ["h^{(2)} = h^{(1)}"], values=values)
    assert why in str(err.value)


def test_a_missing_mask_is_refused():
    values, *_ = _dropout_example([1.0, 0.0, 1.0, 1.0])
    del values["mask2"]
    with pytest.raises(AnswerError, match="missing mask2"):
        _check(CORPUS / "dropout_mlp.spec.toml", ["h^{(2)} = h^{(1)}"], values=values)


def test_batch_norm_needs_a_batch_from_the_cli(tmp_path):
    answers = tmp_path / "a.toml"
    answers.write_text('spec = "bn.toml"\n[[claims]]\nid = "1"\nlatex = "y = x"\n')
    (tmp_path / "bn.toml").write_text((CORPUS / "bn_local.spec.toml").read_text())
    run = subprocess.run([sys.executable, "-m", "gradproof", "verify", str(answers)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert "batch norm" in run.stderr and "batch = 4" in run.stderr and "Traceback" not in run.stderr


def test_the_corpus_group_from_the_cli():
    run = subprocess.run([sys.executable, "-m", "gradproof", "verify", str(CORPUS / "ioffe_bn_planted.toml"), "--json"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    claims = {c["id"]: c for c in json.loads(run.stdout)["claims"]}
    assert claims["bp.dx"]["verdict"] == "incorrect" and claims["bp.dmu"]["verdict"] == "correct"
    assert claims["bp.dx"]["latex"].startswith(r"\frac{\partial \ell}{\partial x_i}")  # as the answer wrote it


LN_LOCAL = {"name": "ln_local", "convention": "row", "inputs": 3,
            "layers": [{"units": 4, "activation": "tanh"}, {"kind": "layernorm"}, {"units": 2, "activation": "softmax"}],
            "loss": {"name": "cross_entropy"}, "optimizer": {"name": "sgd", "learning_rate": 0.1}}


def test_layer_norm_read_layer_locally():
    """Layer norm's statistics are per sample (over the units): x̂, y, ∂L/∂γ, ∂L/∂x̂, and its wrong backward named."""
    results = _check(LN_LOCAL, [
        r"\hat{x} = \frac{x - \mu}{\sqrt{\sigma^2 + \epsilon}}",
        r"y = \gamma \odot \hat{x} + \beta",
        r"\frac{\partial L}{\partial \gamma} = \sum_{n=1}^{N} \frac{\partial L}{\partial y^{(n)}} \odot \hat{x}^{(n)}",
        r"\frac{\partial L}{\partial \hat{x}} = \frac{\partial L}{\partial y} \odot \gamma",
        r"\frac{\partial L}{\partial x} = \frac{\gamma \odot \frac{\partial L}{\partial y}}{\sqrt{\sigma^2 + \epsilon}}",
    ], batch=3)
    assert [r.verdict for r in results] == ["correct", "correct", "correct", "correct", "incorrect"]
    assert "layer-norm backward" in results[4].message


#: the catalogue entries of layer kinds, each exercised above or here (tests/verify/test_catalogue.py counts them)
EXERCISED = ("normalisation_backward_shortcut", "dropout_missing_scale", "residual_missing_skip")


def test_the_catalogue_names_a_residual_blocks_missing_skip_path():
    from gradproof.verify.cli import verify_file

    results, _, _ = verify_file(str(CORPUS / "residual_he_planted.toml"))
    assert [(r.verdict, r.diagnosis_key) for r in results] == [("incorrect", "residual_missing_skip")] * 2
    assert "forward pass" in results[0].message and "both paths" in results[1].message
