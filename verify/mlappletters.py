r"""Murphy's letters (issue 10, thirty-fifth round): *Machine Learning: A Probabilistic Perspective* (§16.5.4, the
backpropagation algorithm) and the courses that teach from it write a network with one hidden layer, for case n, as

    \mathbf{a}_n = \mathbf{V} \mathbf{x}_n,   \mathbf{z}_n = g(\mathbf{a}_n),   \mathbf{b}_n = \mathbf{W} \mathbf{z}_n,
    \hat{\mathbf{y}}_n = h(\mathbf{b}_n),
    \delta^w_{nk} \triangleq \frac{\partial J_n}{\partial b_{nk}} = \hat{y}_{nk} - y_{nk},
    \nabla_{\mathbf{w}_k} J_n = \delta^w_{nk} \mathbf{z}_n,
    \delta^v_{nj} = \sum_k \delta^w_{nk} w_{kj} g'(a_{nj}),   \nabla_{\mathbf{v}_j} J_n = \delta^v_{nj} \mathbf{x}_n

— a and b the layers' summed inputs (b is not a bias: the biases are clamped inputs, none is written), z the hidden
activation, V and W the layers' weights with rows v_j and w_k, g and h the activations, δ^v and δ^w each layer's δ named
by its weights, n the case, J_n its loss. A TA reads the letters from those definitions; so does ``MlappLetters``, only in
a network with one hidden layer and only where the answer defines a by V times x and b by W times z. Then a, z, b become
``z^{(1)}``, ``h^{(1)}``, ``z^{(2)}``; V, W the layers' ``W^{(1)}``, ``W^{(2)}`` (v_j, w_k their rows, v_{ji}, w_{kj} their
entries, target unit first, as the answer's V x lays them out); δ^v, δ^w the layers' δ; h(…) the output's activation; the case
index n is dropped (a claim about case n is a claim about one example, J_n its loss). Each claim is restored as written
in the report. Every pass is a linear regular-expression substitution on claims of bounded length.
"""

from __future__ import annotations

import re

from .rewriting import BOLD, NO_LAYER_SCRIPT, Placeholders, Rewriting

MAX_LENGTH = 4000
#: the definitions that decide the reading: a = V x and b = W z, each for case n or not, bold or not
_A_DEF = re.compile(r"(?<![A-Za-z\\])(?:" + BOLD + r"a\s*\}|a)\s*(?:_\s*(?:\{\s*n\s*\}|n))?\s*=\s*(?:" + BOLD
                    + r"V\s*\}|V)\s*(?:" + BOLD + r"x\s*\}|x)(?![A-Za-z])")
_B_DEF = re.compile(r"(?<![A-Za-z\\])(?:" + BOLD + r"b\s*\}|b)\s*(?:_\s*(?:\{\s*n\s*\}|n))?\s*=\s*(?:" + BOLD
                    + r"W\s*\}|W)\s*(?:" + BOLD + r"z\s*\}|z)(?![A-Za-z])")
#: δ named by its layer's weights: \delta^w_{nk}, \delta^{v}_{nj}, \delta^w_k
_DELTA = re.compile(r"\\delta\s*\^\s*(?:\{\s*(?P<l1>[vw])\s*\}|(?P<l2>[vw]))(?P<s>\s*_\s*(?:\{[^{}$]{1,8}\}|[a-z0-9]))?")
#: a quantity letter (bold or not; \hat{y} in its spellings) with its script: \mathbf{a}_n, a_{nj}, \hat{y}_{nk}, z_j
_QUANTITY = re.compile(r"(?:" + BOLD + r"(?P<b>[azbxy])\s*\}|(?P<hat>\\hat\s*\{\s*(?:" + BOLD + r"y\s*\}|y)\s*\}|" + BOLD
                       + r"\\hat\s*\{\s*y\s*\}\s*\}|\\hat\s*y(?![A-Za-z]))|(?<![A-Za-z\\_^])(?<!_\{)(?<!\^\{)(?P<p>[azbxy]))"
                       r"(?![A-Za-z(])(?P<s>\s*_\s*(?:\{[^{}$]{1,8}\}|[a-z0-9]))?+" + NO_LAYER_SCRIPT)
#: the weights: \mathbf{V}, W, their rows \mathbf{v}_j, w_k and entries v_{ji}, w_{kj}
_WEIGHT = re.compile(r"(?:" + BOLD + r"(?P<b>[VWvw])\s*\}|(?<![A-Za-z\\_^])(?<!_\{)(?<!\^\{)(?P<p>[VWvw]))(?![A-Za-z(])"
                     r"(?P<s>\s*_\s*(?:\{[^{}$]{1,8}\}|[a-z0-9]))?+" + NO_LAYER_SCRIPT)
#: the output's activation applied: h(\mathbf{b}_n)
_OUTPUT_ACTIVATION = re.compile(r"(?<![A-Za-z\\])h\s*(?=\()")
#: the case's loss: J_n, J_{n}
_CASE_LOSS = re.compile(r"(?<![A-Za-z\\])J\s*_\s*(?:\{\s*n\s*\}|n)(?![A-Za-z])")
#: the house quantity of each of Murphy's letters
_LETTERS = {"a": "z^{(1)}", "z": "h^{(1)}", "b": "z^{(2)}", "x": "x", "y": "y"}


def _indices(script: str | None) -> list[str]:
    """The entry indices of a script with the case index n dropped: _{nk} -> [k], _n -> [], _j -> [j], _{n,k} -> [k]."""
    if not script:
        return []
    inner = re.sub(r"[\s_{}]", "", script)
    letters = [c for c in inner.split(",")] if "," in inner else list(inner)
    return [c for c in letters if c and c != "n"]


class MlappLetters(Rewriting):
    """The rewriting of an answer in Murphy's letters; None from ``detect`` when it is not one."""

    max_length = MAX_LENGTH

    def __init__(self, net):
        self.convention = net.convention
        self.originals: dict[str, str] = {}
        self.change = ("a and b are the layers' summed inputs, z the hidden activation, V and W the layers' weights, "
                       "δ^v and δ^w their δ, h(·) the output's activation, n the case (Murphy's MLaPP)")

    @staticmethod
    def detect(net, claims) -> MlappLetters | None:
        if net.depth != 2 or getattr(net, "has_kinds", False):
            return None
        texts = [c.latex for c in claims if len(c.latex) <= MAX_LENGTH]
        if not any(_A_DEF.search(t) for t in texts) or not any(_B_DEF.search(t) for t in texts):
            return None
        return MlappLetters(net)

    def _entry(self, layer: int, indices: list[str]) -> str | None:
        if len(indices) == 2:  # w_{kj}: target k, source j — as the answer's own W z orients W (orientation.py)
            return f"W^{{({layer})}}_{{{indices[0]}{indices[1]}}}"
        if len(indices) == 1:  # w_k: the weights of unit k (a row of W in the answer's V x: a single index on W names
            # a unit as the answer lays W out, shapes.Context.weights)
            return f"W^{{({layer})}}_{{{indices[0]}}}"
        return f"W^{{({layer})}}"

    def rewrite(self, text: str) -> str:
        kept = Placeholders()
        keep = kept.keep

        def script(indices: list[str]) -> str:
            return f"_{{{''.join(indices)}}}" if indices else ""

        def delta(m: re.Match) -> str:
            layer = 2 if (m.group("l1") or m.group("l2")) == "w" else 1
            return keep(f"\\delta^{{({layer})}}" + script(_indices(m.group("s"))))

        def quantity(m: re.Match) -> str:
            indices = _indices(m.group("s"))
            if m.group("hat") is not None or (m.group("b") is None and m.group("p") is None):
                return keep("\\hat{y}" + script(indices))
            letter = m.group("b") or m.group("p")
            return keep(_LETTERS[letter] + script(indices))

        def weight(m: re.Match) -> str:
            letter = m.group("b") or m.group("p")
            entry = self._entry(1 if letter in "Vv" else 2, _indices(m.group("s")))
            return m.group(0) if entry is None else keep(entry)

        if not kept.usable(text):
            return text
        text = _DELTA.sub(delta, text)
        text = _CASE_LOSS.sub(lambda m: keep("J"), text)
        text = _OUTPUT_ACTIVATION.sub(lambda m: keep("\\varphi"), text)
        text = _QUANTITY.sub(quantity, text)
        text = _WEIGHT.sub(weight, text)
        return kept.restore(text)
