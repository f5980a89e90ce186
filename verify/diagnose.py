"""The catalogue of common backpropagation mistakes: each entry is data (a key, a message, a test).

A test gets a ``Probe`` (the student's side, the expected values, and ways to evaluate alternatives) and
returns the detail to put in the message, or ``None``. Three kinds of test:

- ``value``: the claimed value equals a simple function of the truth (−truth, N·truth, truthᵀ, …);
- ``variant``: the claimed value equals the quantity recomputed with a wrong φ' (tanh² for 1 − tanh², …);
- ``rewrite``: one local edit of the student's expression (add/remove a transpose, swap a product) makes it right.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

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


def _first_rewrite(probe, edit, describe, skip_under: tuple = ()):
    for tree, at in rewrites(probe.student, edit, skip_under):
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
