"""CS231n's label index: ``L_i = -\\log\\left(\\frac{e^{f_{y_i}}}{\\sum_j e^{f_j}}\\right)``, ``-f_{y_i} + \\log\\sum_j
e^{f_j}``, ``-\\log \\hat y_{y_i}``: the output's entry of the true class (with a one-hot target, Σ_k y_k f_k); and
``\\mathbb{1}(y_i = k)``, entry k of the one-hot target. Both were unread. Verdicts by hand; the first tests check the
forms against the cross-entropy and its central differences in NumPy (not gradproof)."""

from __future__ import annotations

import numpy as np
import pytest
from gradproof.verify.cli import verify_file
from helpers_verify import spec_text

SPEC = spec_text("label_index", 4, (3, "softmax"), loss="cross_entropy", convention="column")
FORMS = {"ratio": r"L_i = -\log\left(\frac{e^{f_{y_i}}}{\sum_j e^{f_j}}\right)",
         "lse": r"L_i = -f_{y_i} + \log\sum_j e^{f_j}",
         "prob": r"L_i = -\log \hat y_{y_i}"}
WRONG = {"sign": r"L_i = \log\left(\frac{e^{f_{y_i}}}{\sum_j e^{f_j}}\right)",  # the minus dropped
         "other": r"L_i = -f_{y_i} + \sum_j f_j"}  # the log-sum-exp replaced by a sum


def test_the_forms_by_numpy():
    rng = np.random.default_rng(6)
    f, label = rng.normal(size=3), 2
    y = np.eye(3)[label]
    p = np.exp(f) / np.exp(f).sum()
    ce = -np.sum(y * np.log(p))
    assert np.isclose(-np.log(np.exp(f[label]) / np.exp(f).sum()), ce)
    assert np.isclose(-f[label] + np.log(np.exp(f).sum()), ce)
    assert np.isclose(-np.log(p[label]), ce)
    assert not np.isclose(np.log(np.exp(f[label]) / np.exp(f).sum()), ce)
    assert not np.isclose(-f[label] + f.sum(), ce)


def _verdicts(tmp_path, claims: list[str], batch_line: str = "") -> list[str]:
    (tmp_path / "spec.toml").write_text(SPEC)
    text = "Scores $f = x W + b$, one example a row.\n\n" + batch_line + "".join(f"$${c}$$\n\n" for c in claims)
    (tmp_path / "answer.md").write_text(text)
    results, _meta, _ = verify_file(str(tmp_path / "answer.md"), str(tmp_path / "spec.toml"))
    return [r.verdict for r in results[1 + bool(batch_line):]]


def test_the_true_class_entry(tmp_path):
    assert _verdicts(tmp_path, list(FORMS.values())) == ["correct"] * 3


@pytest.mark.parametrize("key", list(WRONG))
def test_a_wrong_loss_with_the_label_index(tmp_path, key):
    assert _verdicts(tmp_path, [WRONG[key]]) == ["incorrect"]


def test_one_examples_loss_beside_the_batch_mean(tmp_path):
    # L = 1/N Σ_i L_i: L_i is judged as one example's loss (Judge's one-example reading), the label its true class
    got = _verdicts(tmp_path, [FORMS["lse"], WRONG["sign"]], batch_line="$$L = \\frac{1}{N} \\sum_i L_i$$\n\n")
    assert got == ["correct", "incorrect"]


def test_the_score_gradient_by_central_differences():
    rng = np.random.default_rng(8)
    f, label = rng.normal(size=3), 1

    def loss(g):
        return -g[label] + np.log(np.exp(g).sum())

    fd = np.array([(loss(f + 1e-6 * e) - loss(f - 1e-6 * e)) / 2e-6 for e in np.eye(3)])
    p = np.exp(f) / np.exp(f).sum()
    assert np.allclose(fd, p - (np.arange(3) == label), atol=1e-8)  # p_k - 1(y_i = k)
    assert not np.allclose(fd, p + (np.arange(3) == label), atol=1e-3)


@pytest.mark.parametrize(("claim", "verdict"), [(r"p_k - \mathbb{1}(y_i = k)", "correct"),
                                                (r"p_k - \mathbb{1}\{k = y_i\}", "correct"),
                                                (r"p_k - \mathbb{1}(y^{(i)} = k)", "correct"),
                                                (r"p_k + \mathbb{1}(y_i = k)", "incorrect")])
def test_the_indicator_of_the_true_class(tmp_path, claim, verdict):
    claims = [r"p_k = \frac{e^{f_k}}{\sum_j e^{f_j}}", r"\frac{\partial L_i}{\partial f_k} = " + claim]
    assert _verdicts(tmp_path, claims) == ["correct", verdict]
