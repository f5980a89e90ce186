"""The catalogue of common backpropagation mistakes: each entry is data (a key, a message, a test).

A test gets a ``Probe`` (the student's side, the expected values, and ways to evaluate alternatives) and
returns the detail to put in the message, or ``None``. Three kinds of test:

- ``value``: the claimed value equals a simple function of the truth (−truth, N·truth, truthᵀ, …);
- ``variant``: the claimed value equals the quantity recomputed with a wrong φ' (tanh² for 1 − tanh², …);
- ``rewrite``: one local edit of the student's expression (add/remove a transpose, swap a product) makes it right;
- ``optimizer``: the claimed value equals the step recomputed with the update rule edited (β for 1 − β, ε moved
  across the square root, Adam without bias correction), or the student's tree puts ε on the wrong side.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import sympy as sp
from gradproof.derive.optimizers import HYPER, STATE, TEMP, Update

from .shapes import fmt
from .tree import Node, num, show


@dataclass(frozen=True)
class Mistake:
    key: str
    message: str  # may contain {detail}
    kind: str  # value | variant | rewrite
    test: Callable


# -- helpers -----------------------------------------------------------------------------------------


def _act(probe, l):
    net = probe.net
    return net.layers[l - 1].activation if l and 1 <= l <= net.depth else None


def _q_layer(node: Node):
    if node.op == "q" and node.value[0] in ("h", "yhat"):
        return node.value[1] if node.value[0] == "h" else None
    return -1


def _is_fn(node: Node, name: str) -> bool:
    return node.op == "fn" and node.value[0] == name and not node.value[2]


def _is_output_of(probe, node: Node, activation: str) -> bool:
    """node is h^(l) (or yhat) of a layer whose activation is ``activation``, or that function applied."""
    if _is_fn(node, activation):
        return True
    if node.op == "fn" and node.value[0] == "phi" and not node.value[2]:
        return _act(probe, node.value[1]) == activation
    if node.op == "q" and node.value[0] == "h":
        return _act(probe, node.value[1]) == activation
    if node.op == "q" and node.value[0] == "yhat":
        return _act(probe, probe.net.depth) == activation
    return False


def rewrites(node: Node, edit, skip_under: tuple = ()):
    """Every tree obtained by applying ``edit`` (node -> replacement or None) at exactly one place."""
    rep = edit(node)
    if rep is not None:
        yield rep, node
    if node.op in skip_under:
        return
    for i, a in enumerate(node.args):
        for new, at in rewrites(a, edit, skip_under):
            yield Node(node.op, node.args[:i] + (new,) + node.args[i + 1:], node.value), at


#: rewrites tried per kind of mistake: each is a full evaluation of the claim, so a long claim (150 terms) is
#: diagnosed from its first places only, and its verdict stays within the claim's time bound
MAX_REWRITES = 40


def _first_rewrite(probe, edit, describe, skip_under: tuple = ()):
    for k, (tree, at) in enumerate(rewrites(probe.student, edit, skip_under)):
        if k >= MAX_REWRITES:
            break
        if probe.matches_tree(tree):
            return describe(at)
    return None


# -- value tests -------------------------------------------------------------------------------------


def _negated(p):
    return "" if p.matches_values(lambda t, q: -t) else None


def _transposed(p):
    if not p.matches_values(lambda t, q: t.T if t.ndim == 2 else None):
        return None
    if p.truth_shape != p.claimed_shape:
        return f"expected {fmt(p.truth_shape)}, got {fmt(p.claimed_shape)}"
    return "the entries are transposed"


def _n_factor(p, missing: bool):
    n = p.batch
    if n == 1:
        return None
    if p.matches_values(lambda t, q: t * n if missing else t / n):
        return f"N = {n}"
    kind = p.kind
    if missing and kind in ("dW", "db") and p.matches_values(lambda t, q: q(kind + "L") * n + q(kind + "R")):
        return f"on the data term, N = {n}"
    return None


def _reg(p, how):
    kind = p.kind
    if kind not in ("dW", "db") or not p.has_regularizer(kind):
        return None
    lam, n = p.consts.get("lambda", 0.0), p.batch
    f = {"missing": lambda t, q: q(kind + "L"),
         "lambda": lambda t, q: q(kind + "L") + q(kind + "R") / lam if lam else None,
         "reg_n": lambda t, q: q(kind + "L") + q(kind + "R") * n if n > 1 else None}[how]
    return "" if p.matches_values(f) else None


def _learning_rate(p):
    if p.kind not in ("W_next", "b_next"):
        return None
    lr = p.consts.get("lr")
    ratio = p.update_ratio()
    if ratio is None or lr is None or abs(ratio - 1) < 1e-6:
        return None
    return f"{lr * ratio:.4g}, not {lr:g}"


def _plain_step(p):
    """A step written as plain gradient descent, W − η ∂J/∂W, where the spec's optimizer (momentum, RMSprop, Adam …)
    steps otherwise: its name."""
    if p.kind not in ("W_next", "b_next") or p.net.optimizer.name == "sgd" or p.consts.get("lr") is None:
        return None
    param, lr = p.kind[0], p.consts["lr"]
    return p.net.optimizer.name if p.matches_values(lambda t, q: q(param) - lr * q(f"d{param}")) else None


def _dh_for_delta(p):
    if p.kind != "delta" or p.layer == p.net.depth:
        return None
    return "" if p.matches_values(lambda t, q: q("dh") * (p.batch if p.batch > 1 else 1)) else None


def _delta_for_dh(p):
    if p.kind != "dh" or p.layer >= p.net.depth:
        return None
    return "" if p.matches_values(lambda t, q: q("delta")) else None


# -- variants: a wrong phi' in every layer with the activation -----------------------------------------


def _variant(activation: str | None, wrong: Callable):
    def variant(probe):
        def dphi(l, h, z):
            act = _act(probe, l)
            if act in (None, "softmax") or (activation is not None and act != activation):
                return None
            if activation is None and act == "identity":
                return None
            return wrong(h)

        return "" if probe.matches_variant(dphi) else None

    return variant


# -- rewrites ----------------------------------------------------------------------------------------


def _add_transpose(p):
    def edit(n):
        if (n.op == "q" and n.value[0] not in ("loss", "lossL", "lossR")) or n.op == "mul":
            return Node("T", (n,))
        return None

    return _first_rewrite(p, edit, lambda at: f"{show(at, p.convention)} should be transposed" + p.shape_note, skip_under=("T",))


def _drop_transpose(p):
    return _first_rewrite(p, lambda n: n.args[0] if n.op == "T" else None,
                          lambda at: f"{show(at, p.convention)} should not be transposed" + p.shape_note)


def _swap_product(p):
    return _first_rewrite(p, lambda n: Node("mul", (n.args[1], n.args[0])) if n.op == "mul" else None,
                          lambda at: show(at, p.convention))


def _flip_sign(p):
    def edit(n):
        if n.op in ("add", "sub"):
            return Node("sub" if n.op == "add" else "add", n.args)
        if n.op == "neg":
            return n.args[0]
        return None

    return _first_rewrite(p, edit, lambda at: show(at, p.convention))


def _tanh_square_tree(p):
    def edit(n):
        if n.op == "pow" and n.args[1].op == "num" and n.args[1].value[0] == 2 and _is_output_of(p, n.args[0], "tanh"):
            return Node("sub", (num(1), n))
        return None

    return _first_rewrite(p, edit, lambda at: "")


def _sigmoid_square_tree(p):
    def edit(n):
        if n.op == "pow" and n.args[1].op == "num" and n.args[1].value[0] == 2 and _is_output_of(p, n.args[0], "sigmoid"):
            s = n.args[0]
            return Node("had", (s, Node("sub", (num(1), s))))
        return None

    return _first_rewrite(p, edit, lambda at: "")


def _sigmoid_tree(p):
    def edit(n):
        if _is_output_of(p, n, "sigmoid"):
            return Node("had", (n, Node("sub", (num(1), n))))
        return None

    return _first_rewrite(p, edit, lambda at: "")


def _activation_tree(p):
    def edit(n):
        if n.op == "fn" and not n.value[2] and n.value[0] not in ("log", "exp", "sqrt", "abs", "erf", "sign", "softmax"):
            return Node("fn", n.args, (n.value[0], n.value[1], True))
        return None

    return _first_rewrite(p, edit, lambda at: show(at, p.convention)) or _variant(None, lambda h: h)(p)


# -- optimizer mistakes: the update rule edited (derive.optimizers' assignments), the step recomputed ----------

_HALF = (sp.Rational(1, 2), sp.Rational(-1, 2))
EPS = HYPER["epsilon"]


def _edit(f):
    """An edit of every assignment's expression (cached by Truth by identity: build each edit once, here)."""
    def edit(updates):
        return tuple(Update(u.target, f(u), u.kind) for u in updates)

    return edit


def _on_states(f):
    return _edit(lambda u: f(sp.sympify(u.expr)) if u.kind == "state" else u.expr)


def _eps_moved(expr):
    """sqrt(x + eps) <-> sqrt(x) + eps (the other placement of epsilon)."""
    def inside(p):
        return isinstance(p, sp.Pow) and p.exp in _HALF and EPS in p.base.free_symbols

    def outside(a):
        return isinstance(a, sp.Add) and EPS in a.args and any(isinstance(t, sp.Pow) and t.exp == _HALF[0] for t in a.args)

    expr = sp.sympify(expr)
    if expr.has(EPS) and any(inside(p) for p in sp.preorder_traversal(expr)):
        return expr.replace(inside, lambda p: (sp.sqrt(p.base - EPS) + EPS) ** (1 if p.exp > 0 else -1))
    return expr.replace(outside, lambda a: sp.sqrt((a - EPS) ** 2 + EPS))


def _uncorrected(which):
    return _edit(lambda u: STATE[u.target[0]] if u.kind == "temp" and u.target[0] in which else u.expr)


BETAS = {"beta": HYPER["beta"], "beta1": HYPER["beta1"], "beta2": HYPER["beta2"], "momentum": HYPER["momentum"]}
OPT_EDITS = {
    **{f"one_minus_{k}": _on_states(lambda e, b=b: e.xreplace({1 - b: b})) for k, b in BETAS.items()},
    **{f"swap_{k}": _on_states(lambda e, b=b: e.xreplace({b: 1 - b}) if e.has(1 - b) else e) for k, b in BETAS.items()},
    "swap_beta12": _on_states(lambda e: e.xreplace({HYPER["beta1"]: HYPER["beta2"], HYPER["beta2"]: HYPER["beta1"]})),
    "eps_moved": _edit(lambda u: _eps_moved(u.expr)),
    "uncorrected": _uncorrected("mv"),
    "uncorrected_m": _uncorrected("m"),
    "uncorrected_v": _uncorrected("v"),
}
_BETA_TEX = {"beta": "β", "beta1": "β₁", "beta2": "β₂", "momentum": "μ"}


def _beta_test(kind: str):
    def test(p):
        for k, sym in BETAS.items():
            if p.optimizer_has(sym) and p.matches_optimizer(OPT_EDITS[f"{kind}_{k}"]):
                b = _BETA_TEX[k]
                return f"{b} is used where 1 − {b} belongs" if kind == "one_minus" else f"{b} and 1 − {b} are swapped"
        return None

    return test


def _beta12(p):
    if p.optimizer_has(HYPER["beta1"]) and p.matches_optimizer(OPT_EDITS["swap_beta12"]):
        return ""
    return None


def epsilon_misplaced(tree: Node, placement: str) -> str | None:
    """The student's tree puts ε on the other side of a square root than the spec's ``epsilon_placement``."""
    for n in tree.walk():
        if placement == "outside" and n.op == "fn" and n.value[0] == "sqrt" and any(
                m.op == "const" and m.value == "epsilon" for m in n.args[0].walk()):
            return "inside the square root, √(· + ε); the spec puts it outside, √(·) + ε"
        if placement == "inside" and n.op == "add" and any(a.op == "const" and a.value == "epsilon" for a in n.args) and any(
                a.op == "fn" and a.value[0] == "sqrt" for a in n.args):
            return "outside the square root, √(·) + ε; the spec puts it inside, √(· + ε)"
    return None


def _epsilon(p):
    placement = p.net.options_dict.get("epsilon_placement")
    if placement is None:
        return None
    written = epsilon_misplaced(p.student, placement)
    if written is not None:
        return written
    if p.matches_optimizer(OPT_EDITS["eps_moved"]):
        other = "inside" if placement == "outside" else "outside"
        return f"{other} the square root; the spec puts it {placement}"
    return None


def _bias_correction(p):
    if not p.optimizer_has(TEMP["mhat"]):
        return None
    for which, text in (("uncorrected_m", "m̂ = m/(1 − β₁ᵗ)"), ("uncorrected_v", "v̂ = v/(1 − β₂ᵗ)"),
                        ("uncorrected", "m̂ = m/(1 − β₁ᵗ) and v̂ = v/(1 − β₂ᵗ)")):
        if p.matches_optimizer(OPT_EDITS[which]):
            return text
    return None


def _normalisation_shortcut(p):
    """The classic wrong batch-norm (or layer-norm) backward: ∂J/∂x = γ ⊙ ∂J/∂y / √(σ² + ε), the direct path through x̂
    alone (as if μ and σ² were constants). The claim is ∂J/∂h (or δ) of the layer feeding a normalisation layer."""
    if p.kind not in ("dh", "dhs", "dz", "delta") or p.layer is None or p.claimed is None:
        return None
    norm = next((x for x in p.net.layers if x.index == p.layer + 1 and x.kind in ("batchnorm", "layernorm")), None)
    if norm is None:
        return None
    dy = "dz" if p.kind in ("dh", "dz") else "delta"  # the same scaling as the claim's (the mean J, or per sample)
    eps = norm.settings_dict["eps"]
    for env, s in zip(p.j.envs, p.claimed, strict=False):
        t = env[(p.kind, p.layer)]
        alt = env[("gamma", norm.index)] * env[(dy, norm.index)] / np.sqrt(env[("var", norm.index)] + eps)
        if np.shape(alt) != np.shape(s) or np.allclose(alt, t) or not np.allclose(alt, s, rtol=1e-6, atol=1e-12):
            return None
    if norm.kind == "batchnorm":
        return ("batch-norm backward: γ ⊙ dy / √(σ² + ε) keeps only the direct path through x̂; the paths through the "
                "batch mean μ_B and variance σ²_B, which depend on every sample, are missing "
                "(dx = γ/(Nσ) (N dy − Σₙ dy − x̂ ⊙ Σₙ dy ⊙ x̂))")
    return ("layer-norm backward: γ ⊙ dy / √(σ² + ε) keeps only the direct path through x̂; the paths through the mean "
            "and variance over the units are missing (dx = 1/(Dσ) (D g − Σⱼ g − x̂ ⊙ Σⱼ g ⊙ x̂), g = γ ⊙ dy)")


def _dropout_scale(p):
    """Inverted dropout without its 1/(1 − p): the claim is (1 − p) × the kept units' value (the forward h of a dropout
    layer, or ∂J/∂h of the layer feeding one)."""
    drop = next((x for x in p.net.layers if x.kind == "dropout" and p.layer is not None
                 and (x.index == p.layer and p.kind in ("h", "z") or x.index == p.layer + 1 and p.kind in ("dh", "dhs"))), None)
    if drop is None:
        return None
    keep = 1 - drop.settings_dict["p"]
    return "" if p.matches_values(lambda t, q: keep * t) else None


def _residual_skip(p):
    """A residual block without its skip path: the forward output is the body's F alone, or ∂J/∂h of the block's input
    is the body's path alone (the skip path's ∂J/∂z of the block, added in the truth, is missing)."""
    block = next((x for x in p.net.layers if x.kind == "residual" and p.layer is not None
                  and (x.index == p.layer and p.kind in ("z", "h") or x.index == p.layer + 1 and p.kind in ("dh", "dhs"))), None)
    if block is None or (p.kind == "h" and block.activation != "identity"):
        return None
    if p.kind in ("z", "h"):
        return "in the forward pass: a block computes h + F(h), not F(h)" if _matches_env(p, ("F", block.index)) else None
    skip = "dz" if p.kind == "dh" else "delta"
    if any(np.shape(env[(skip, block.index)]) != np.shape(env[(p.kind, p.layer)]) for env in p.j.envs):
        return None  # a projection P: the skip path is not dz itself
    return ("in the gradient: ∂J/∂h adds both paths, ∂J/∂z through the identity and the path through F"
            if _matches_env(p, (skip, block.index), subtract=True) else None)


def _matches_env(p, quantity, subtract: bool = False) -> bool:
    """The claimed values equal ``quantity`` (or, with ``subtract``, the truth minus it) at every point."""
    if p.claimed is None:
        return False
    for env, s in zip(p.j.envs, p.claimed, strict=False):
        t = env[(p.kind, p.layer)]
        alt = t - env[quantity] if subtract else env[quantity]
        if np.shape(alt) != np.shape(s) or np.allclose(alt, t) or not np.allclose(alt, s, rtol=1e-6, atol=1e-12):
            return False
    return True


def _either(*tests):
    def run(p):
        for t in tests:
            r = t(p)
            if r is not None:
                return r
        return None

    return run


CATALOGUE: tuple[Mistake, ...] = (
    Mistake("tanh_squared", "φ' of tanh is 1 − tanh², not tanh²", "variant",
            _either(_tanh_square_tree, _variant("tanh", lambda h: h**2))),
    Mistake("sigmoid_squared", "σ' is σ(1 − σ), not σ² (ŷ²)", "variant",
            _either(_sigmoid_square_tree, _variant("sigmoid", lambda h: h**2))),
    Mistake("sigmoid_for_derivative", "σ' is σ(1 − σ), not σ", "variant",
            _either(_sigmoid_tree, _variant("sigmoid", lambda h: h))),
    Mistake("activation_for_derivative", "the activation φ is used where its derivative φ' belongs (in {detail})", "variant",
            _activation_tree),
    Mistake("normalisation_backward_shortcut", "the classic wrong {detail}", "value", _normalisation_shortcut),
    Mistake("dropout_missing_scale", "inverted dropout's scale 1/(1 − p) is missing: the kept units are divided by the "
            "probability 1 − p of keeping them, in the forward pass and in the backward pass alike", "value", _dropout_scale),
    Mistake("residual_missing_skip", "the residual block's skip path is missing {detail}", "value", _residual_skip),
    Mistake("dh_for_delta", "this is ∂J/∂h, not δ = ∂J/∂z: the factor ⊙ φ'(z) is missing", "value", _dh_for_delta),
    Mistake("delta_for_dh", "this is δ = ∂J/∂z, not ∂J/∂h (φ' does not belong here)", "value", _delta_for_dh),
    Mistake("missing_transpose", "missing transpose: {detail}", "rewrite", _add_transpose),
    Mistake("extra_transpose", "extra transpose: {detail}", "rewrite", _drop_transpose),
    Mistake("transposed_result", "the result is transposed ({detail}); check the convention's shapes", "value", _transposed),
    Mistake("product_order", "the factors of {detail} are in the wrong order (matrix products do not commute)", "rewrite", _swap_product),
    Mistake("missing_regularizer", "the regularizer's gradient ∂R/∂W is missing", "value", lambda p: _reg(p, "missing")),
    Mistake("missing_lambda", "the regularizer's term is missing its factor λ", "value", lambda p: _reg(p, "lambda")),
    Mistake("regularizer_missing_1_over_N", "the regularizer's term is missing its factor 1/N", "value", lambda p: _reg(p, "reg_n")),
    Mistake("missing_1_over_N", "missing factor 1/N ({detail})", "value", lambda p: _n_factor(p, True)),
    Mistake("extra_1_over_N", "an extra factor 1/N ({detail})", "value", lambda p: _n_factor(p, False)),
    Mistake("sign_error", "sign error: the claim is the negative of the expected value", "value", _negated),
    Mistake("sign_error_in_term", "sign error in {detail}", "rewrite", _flip_sign),
    Mistake("optimizer_beta_for_one_minus_beta", "{detail} in the optimizer's moving average", "optimizer",
            _beta_test("one_minus")),
    Mistake("optimizer_beta_swapped", "{detail} in the optimizer's moving average", "optimizer", _beta_test("swap")),
    Mistake("adam_beta1_beta2_swapped", "β₁ and β₂ are swapped: β₁ decays the mean m of the gradients, β₂ the mean v of their squares",
            "optimizer", _beta12),
    Mistake("epsilon_placement", "ε is {detail}", "optimizer", _epsilon),
    Mistake("missing_bias_correction", "Adam's bias correction is missing: {detail}", "optimizer", _bias_correction),
    Mistake("plain_gradient_step", "this is a plain gradient step W − η ∂J/∂W: the {detail} update (its state) is not "
            "applied", "value", _plain_step),
    # last: a wrong β or a missing bias correction also scales the step (a learning rate is the last explanation)
    Mistake("learning_rate", "this matches a learning rate of {detail}", "value", _learning_rate),
)


def diagnose(probe) -> tuple[str, str] | None:
    """The first catalogue entry whose test explains the claim: (key, message), or None."""
    for m in CATALOGUE:
        try:
            detail = m.test(probe)
        except (ValueError, FloatingPointError, IndexError, KeyError):
            detail = None
        if detail is not None:
            text = m.message.replace("{detail}", detail).replace("  ", " ").replace(" ()", "").replace(" (in )", "").strip()
            return m.key, text
    return None


__all__ = ["CATALOGUE", "Mistake", "diagnose", "np"]
