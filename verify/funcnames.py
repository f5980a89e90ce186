r"""A function letter named as an activation (issue 10, forty-eighth round).

An answer says which activation its function letter is before it uses it: "Here $f = \tanh$, so $f'(z^{(l)}) = 1 -
(a^{(l)})^2$", Ng's "$g^{[1]} = g^{[2]} = \tanh$ and $g^{[3]}$ the softmax", "$\varphi = \mathrm{ReLU}$". Such a
claim has no quantity in it — it states which function a letter is — and was unread ("unknown symbol f"). It is judged
against the spec: a letter with a layer (``g^{[2]}``, ``f_2``, ``g^{(1)}``) names that layer's activation; a bare letter
names the hidden layers' (all of them one activation). Right: ``correct``, saying so; another activation than the
spec's, or hidden layers of several activations: ``unchecked`` with the reason (the answer's layer numbering may differ
from the spec's, and what the letter is elsewhere is the parser's reading of it — the spec's activation of the layer
a claim names). Claims of at most 120 characters; linear regular expressions.
"""

from __future__ import annotations

import re

from .parser import FUNCS

#: FUNCS' values that are functions of a formula, not a layer's activation
_NOT_ACTIVATIONS = frozenset({"log", "exp", "erf", "sign", "sech", "cosh", "sinh", "phi", "max", "sin", "cos", "lse",
                              "logsoftmax", "rowsum", "normcdf", "normpdf"})

#: an activation's name as written -> the spec's name: the parser's FUNCS (\tanh, \text{ReLU}, \mathrm{sigmoid},
#: \operatorname{softmax}, MATLAB's logsig) less the functions that are no activation, and the word "logistic"
_NAMES = {**{k: v for k, v in FUNCS.items() if v not in _NOT_ACTIVATIONS}, "logistic": "sigmoid"}
#: those names, longest first (an alternation in a pattern: infer reads a definition ``a = \\mathrm{ReLU}(z)``, normalised
#: ``\\ReLU (z)``, as an activation applied)
ACTIVATION_WORDS = tuple(sorted(_NAMES, key=lambda k: (-len(k), k)))
#: the name on the right: \tanh, tanh, \text{ReLU}, \mathrm{Leaky ReLU}, \operatorname{softmax}
_NAME = r"(?:\\(?:text|mathrm|operatorname|textrm|mathit)\s*\{\s*([A-Za-z][A-Za-z -]{1,18})\s*\}|\\?([A-Za-z]{3,12}))"
#: a function letter with its layer maybe: f, g, \phi, \varphi; g^{[1]}, g^{(2)}, f_1, f_{2}
_LETTER = (r"(?:(?<![A-Za-z\\])[fg]|\\(?:phi|varphi))(?![A-Za-z])\s*"
           r"(?:\^\s*\{\s*[(\[]\s*\d\s*[)\]]\s*\}|\^\s*[(\[]\s*\d\s*[)\]]|_\s*\{?\s*\d\s*\}?)?")
_CLAIM = re.compile(r"\s*((?:" + _LETTER + r"\s*=\s*)+)" + _NAME + r"\s*[.,;]?\s*")
_LAYER_DIGIT = re.compile(r"\d")
#: at most this many characters in such a claim
MAX_LENGTH = 120


def named(claims, net) -> dict:
    """{claim id: (verdict, message)} of the claims that name a function letter's activation."""
    out = {}
    dense = [layer for layer in net.layers if getattr(layer, "kind", "dense") == "dense"]
    for c in claims:
        if len(c.latex) > MAX_LENGTH or (m := _CLAIM.fullmatch(c.latex)) is None:
            continue
        name = _NAMES.get(re.sub(r"[\s-]", "", (m.group(2) or m.group(3))).lower())
        if name is None:
            continue
        letters = [part.strip() for part in m.group(1).split("=") if part.strip()]
        layers = [int(d.group(0)) if (d := _LAYER_DIGIT.search(part)) else None for part in letters]
        verdicts = [_one(layer, name, net, dense) for layer in layers]
        if all(v[0] == "correct" for v in verdicts):
            out[c.id] = ("correct", f"names {' and '.join(v[1] for v in verdicts)}, {name}, which it is")
        else:
            out[c.id] = ("unchecked", "names the activation " + name + ", but " + "; ".join(
                v[1] for v in verdicts if v[0] != "correct") + " (a function letter's activation is read from the spec)")
    return out


def _one(layer: int | None, name: str, net, dense: list) -> tuple[str, str]:
    """(verdict, what it names) of one letter naming ``name``: at ``layer`` (the spec's numbering), or the hidden ones."""
    if layer is not None:
        if not 1 <= layer <= net.depth:
            return "unchecked", f"the spec has no layer {layer}"
        own = net.layers[layer - 1].activation
        return ("correct", f"layer {layer}'s activation") if own == name else (
            "unchecked", f"the spec's layer {layer} uses {own}")
    hidden = {layer.activation for layer in dense[:-1]}
    if hidden == {name}:
        return "correct", "the hidden layers' activation"
    return "unchecked", f"the spec's hidden layers use {', '.join(sorted(hidden)) or 'no activation'}"
